import pytest

from tracker.erasmus.countries import (
    ASSOCIATED_THIRD_COUNTRIES,
    DESTINATION_GROUPS,
    EU_MEMBER_STATES,
    REGIONS,
    DestinationGroup,
    Region,
    country_choices,
    country_name,
    destination_group,
    is_known_country,
    is_programme_country,
    region_of,
)


@pytest.mark.parametrize(
    ("code", "group"),
    [
        ("FI", DestinationGroup.GROUP_1),
        ("no", DestinationGroup.GROUP_1),
        ("NL", DestinationGroup.GROUP_2),
        ("DE", DestinationGroup.GROUP_2),
        ("PL", DestinationGroup.GROUP_3),
        ("TR", DestinationGroup.GROUP_3),
    ],
)
def test_programme_countries_fall_in_their_destination_group(code, group):
    assert destination_group(code) is group
    assert is_programme_country(code)
    assert region_of(code) is None


@pytest.mark.parametrize(
    ("code", "region"),
    [
        ("XK", Region.WESTERN_BALKANS),
        ("UA", Region.NEIGHBOURHOOD_EAST),
        ("MA", Region.SOUTH_MEDITERRANEAN),
        ("RU", Region.RUSSIAN_FEDERATION),
        ("VA", Region.EUROPEAN_MICROSTATES),
        ("ID", Region.ASIA),
        ("JP", Region.ASIA),
        ("UZ", Region.CENTRAL_ASIA),
        ("AE", Region.MIDDLE_EAST),
        ("AU", Region.PACIFIC),
        ("KE", Region.SUB_SAHARAN_AFRICA),
        ("BR", Region.LATIN_AMERICA),
        ("JM", Region.CARIBBEAN),
        ("US", Region.US_AND_CANADA),
        ("GB", Region.FAROES_SWITZERLAND_UK),
        ("CH", Region.FAROES_SWITZERLAND_UK),
    ],
)
def test_third_countries_not_associated_fall_in_their_region(code, region):
    assert region_of(code) is region
    assert destination_group(code) is None
    assert not is_programme_country(code)


def test_the_27_member_states_and_6_associated_countries_make_up_the_groups():
    assert len(EU_MEMBER_STATES) == 27
    assert set(DESTINATION_GROUPS) >= ASSOCIATED_THIRD_COUNTRIES
    assert "GB" not in DESTINATION_GROUPS


def test_no_country_is_both_grouped_and_in_a_region():
    assert not set(DESTINATION_GROUPS) & set(REGIONS)


def test_ka171_works_with_regions_1_to_12():
    assert [region.value for region in Region if region.funded_by_ka171] == list(range(1, 13))


def test_unknown_codes_are_not_known():
    assert not is_known_country("ZZ")
    assert not is_known_country("CW")  # Curaçao: an overseas country, not listed by the guide
    assert is_known_country(" nl ")


def test_country_names_come_in_the_readers_language():
    assert country_name("NL", "en") == "Netherlands"
    assert country_name("NL", "nl") == "Nederland"
    assert country_name("DE", "nl") == "Duitsland"


def test_every_known_country_has_a_babel_name():
    for code in (*DESTINATION_GROUPS, *REGIONS):
        assert country_name(code, "en") != code, code


@pytest.mark.parametrize("locale", ["en", "nl"])
def test_country_choices_list_every_country_once_sorted_by_name(locale):
    choices = country_choices(locale)
    codes = [code for code, _ in choices]
    assert len(codes) == len(set(codes)) == len(DESTINATION_GROUPS) + len(REGIONS)
    initials = [name[0] for _, name in choices if name[0].isascii()]
    assert initials == sorted(initials)


def test_country_choices_sort_accented_names_among_their_letter():
    names = [name for _, name in country_choices("en")]
    # "Côte d’Ivoire" sorts with the C's, before "Croatia".
    assert names.index("Côte d’Ivoire") < names.index("Croatia")
