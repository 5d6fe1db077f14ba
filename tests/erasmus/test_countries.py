import pytest

from tracker.erasmus.countries import (
    ASSOCIATED_THIRD_COUNTRIES,
    EU_MEMBER_STATES,
    GROUPS_2021_TO_2023,
    GROUPS_FROM_2024,
    PROGRAMME_COUNTRIES,
    REGIONS,
    DestinationGroup,
    Region,
    country_choices,
    country_name,
    is_known_country,
    is_programme_country,
    region_of,
)

G1, G2, G3 = DestinationGroup.GROUP_1, DestinationGroup.GROUP_2, DestinationGroup.GROUP_3


@pytest.mark.parametrize(
    ("code", "until_2023", "from_2024"),
    [
        ("FI", G1, G1),
        ("NO", G1, G1),
        ("NL", G2, G1),
        ("DE", G2, G1),
        ("ES", G2, G2),
        ("CZ", G3, G2),
        ("PL", G3, G3),
        ("TR", G3, G3),
    ],
)
def test_programme_countries_fall_in_their_destination_group_per_call(code, until_2023, from_2024):
    assert GROUPS_2021_TO_2023[code] is until_2023
    assert GROUPS_FROM_2024[code] is from_2024
    assert is_programme_country(code.lower())
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
    assert code not in GROUPS_FROM_2024
    assert not is_programme_country(code)


def test_the_27_member_states_and_6_associated_countries_make_up_the_groups():
    assert len(EU_MEMBER_STATES) == 27
    assert PROGRAMME_COUNTRIES >= ASSOCIATED_THIRD_COUNTRIES
    assert "GB" not in PROGRAMME_COUNTRIES
    assert set(GROUPS_2021_TO_2023) == set(GROUPS_FROM_2024) == PROGRAMME_COUNTRIES


def test_no_country_is_both_grouped_and_in_a_region():
    assert not PROGRAMME_COUNTRIES & set(REGIONS)


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
    for code in (*PROGRAMME_COUNTRIES, *REGIONS):
        assert country_name(code, "en") != code, code


@pytest.mark.parametrize("locale", ["en", "nl"])
def test_country_choices_list_every_country_once_sorted_by_name(locale):
    choices = country_choices(locale)
    codes = [code for code, _ in choices]
    assert len(codes) == len(set(codes)) == len(PROGRAMME_COUNTRIES) + len(REGIONS)
    initials = [name[0] for _, name in choices if name[0].isascii()]
    assert initials == sorted(initials)


def test_country_choices_sort_accented_names_among_their_letter():
    names = [name for _, name in country_choices("en")]
    # "Côte d’Ivoire" sorts with the C's, before "Croatia".
    assert names.index("Côte d’Ivoire") < names.index("Croatia")
