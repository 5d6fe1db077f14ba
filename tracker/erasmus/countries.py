"""Which countries the programme deals with, and how it groups them.

An EU member state or a third country associated to the programme falls in one
of three KA131 destination groups by living costs; a third country not associated
falls in one of fourteen regions. Whether a country is a programme country, and its
region, follow from the country alone, so a partner organisation only stores its
ISO 3166-1 alpha-2 code. The destination group changed with the 2024 call: it is data
per call year, kept with that year's unit costs (the mappings below are what tracker
ships; tracker.erasmus.destination_groups looks a group up).

Source: Erasmus+ Programme Guide 2024 (version 1, 2023-11-28), Part A "Eligible
countries" (regions 1-14; erasmus-plus.ec.europa.eu/programme-guide/part-a/eligible-countries)
and Part B "Mobility projects for higher education
students and staff" (destination groups 1-3); the 2021-2023 guides group the same
countries. Kosovo has no ISO code; the user-assigned ``XK`` is used, as Babel does.
Country names come from Babel's CLDR data, in the reader's language.
"""

import unicodedata

from babel import Locale
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice

from tracker.enums import LabelledEnum


class DestinationGroup(LabelledEnum):
    """KA131 groups of EU member states and associated third countries, by living costs."""

    GROUP_1 = "1", _l("Group 1: higher living costs")
    GROUP_2 = "2", _l("Group 2: medium living costs")
    GROUP_3 = "3", _l("Group 3: lower living costs")


class Region(LabelledEnum):
    """Regions of the third countries not associated to the programme."""

    WESTERN_BALKANS = 1, _l("Region 1: Western Balkans")
    NEIGHBOURHOOD_EAST = 2, _l("Region 2: Neighbourhood East")
    SOUTH_MEDITERRANEAN = 3, _l("Region 3: South-Mediterranean countries")
    RUSSIAN_FEDERATION = 4, _l("Region 4: Russian Federation")
    EUROPEAN_MICROSTATES = 5, _l("Region 5: Andorra, Monaco, San Marino, Vatican City State")
    ASIA = 6, _l("Region 6: Asia")
    CENTRAL_ASIA = 7, _l("Region 7: Central Asia")
    MIDDLE_EAST = 8, _l("Region 8: Middle East")
    PACIFIC = 9, _l("Region 9: Pacific")
    SUB_SAHARAN_AFRICA = 10, _l("Region 10: Sub-Saharan Africa")
    LATIN_AMERICA = 11, _l("Region 11: Latin America")
    CARIBBEAN = 12, _l("Region 12: Caribbean")
    US_AND_CANADA = 13, _l("Region 13: United States of America and Canada")
    FAROES_SWITZERLAND_UK = 14, _l("Region 14: Faroe Islands, Switzerland, United Kingdom")

    @property
    def funded_by_ka171(self) -> bool:
        """KA171 (external policy funds) works with regions 1 to 12 only."""
        return self.value <= 12


ASSOCIATED_THIRD_COUNTRIES = frozenset({"IS", "LI", "MK", "NO", "RS", "TR"})
"""Third countries associated to the programme: they take part like member states."""

EU_MEMBER_STATES = frozenset(
    {
        *("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE"),
        *("IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"),
    }
)
PROGRAMME_COUNTRIES = EU_MEMBER_STATES | ASSOCIATED_THIRD_COUNTRIES
"""The countries of the three KA131 destination groups."""

HOME_COUNTRY = "NL"
"""Where the office is: the receiving country of incoming mobilities."""


def _groups(members):
    return {code: group for group, codes in members.items() for code in codes.split()}


GROUPS_2021_TO_2023 = _groups(
    {
        DestinationGroup.GROUP_1: "DK FI IS IE LU SE LI NO",
        DestinationGroup.GROUP_2: "AT BE CY FR DE GR IT MT NL PT ES",
        DestinationGroup.GROUP_3: "BG HR CZ EE HU LV LT PL RO SK SI MK RS TR",
    }
)
"""The destination groups of the calls 2021-2023 (Programme Guide 2021; Maastricht
University's Erasmus+ staff mobility page lists the same three groups)."""

GROUPS_FROM_2024 = _groups(
    {
        DestinationGroup.GROUP_1: "DK FI IS IE LU SE LI NO AT BE FR DE IT NL",
        DestinationGroup.GROUP_2: "CY CZ EE GR LV MT PT SK SI ES",
        DestinationGroup.GROUP_3: "BG HR HU LT MK PL RO RS TR",
    }
)
"""The destination groups from the 2024 call on: Austria, Belgium, France, Germany, Italy and
the Netherlands moved to group 1, Czechia, Estonia, Latvia, Slovakia and Slovenia to group 2
(VU Amsterdam, "Grants and funds for VU employees", 19 Nov 2024; Humboldt-Universität zu
Berlin publishes the same groups)."""

_REGION_MEMBERS = {
    Region.WESTERN_BALKANS: "AL BA XK ME",
    Region.NEIGHBOURHOOD_EAST: "AM AZ BY GE MD UA",
    Region.SOUTH_MEDITERRANEAN: "DZ EG IL JO LB LY MA PS SY TN",
    Region.RUSSIAN_FEDERATION: "RU",
    Region.EUROPEAN_MICROSTATES: "AD MC SM VA",
    # The guide lists the high-income countries of Asia (BN HK JP KR MO SG TW) apart,
    # for budget targets; they are region 6 all the same.
    Region.ASIA: "AF BD BT KH CN KP IN ID LA MY MV MN MM NP PK PH LK TH VN BN HK JP KR MO SG TW",
    Region.CENTRAL_ASIA: "KZ KG TJ TM UZ",
    Region.MIDDLE_EAST: "IR IQ YE BH KW OM QA SA AE",
    Region.PACIFIC: "CK FJ KI MH FM NR NU PW PG WS SB TL TO TV VU AU NZ",
    Region.SUB_SAHARAN_AFRICA: (
        "AO BJ BW BF BI CM CV CF TD KM CG CD CI DJ GQ ER SZ ET GA GM GH GN GW KE LS LR MG MW"
        " ML MR MU MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG UG ZM ZW"
    ),
    Region.LATIN_AMERICA: "AR BO BR CL CO CR EC SV GT HN MX NI PA PY PE UY VE",
    Region.CARIBBEAN: "AG BS BB BZ CU DM DO GD GY HT JM KN LC VC SR TT",
    Region.US_AND_CANADA: "US CA",
    Region.FAROES_SWITZERLAND_UK: "FO CH GB",
}
REGIONS = {code: region for region, codes in _REGION_MEMBERS.items() for code in codes.split()}


def _normalised(code: str) -> str:
    return code.strip().upper()


def region_of(code: str) -> Region | None:
    """The region of a third country not associated to the programme, else None."""
    return REGIONS.get(_normalised(code))


def is_programme_country(code: str) -> bool:
    """True for EU member states and third countries associated to the programme.

    These take part in every action; the others only in some, by region.
    """
    return _normalised(code) in PROGRAMME_COUNTRIES


def is_known_country(code: str) -> bool:
    """True for every country the programme deals with, associated or not."""
    code = _normalised(code)
    return code in PROGRAMME_COUNTRIES or code in REGIONS


def country_name(code: str, locale: str | Locale) -> str:
    """The country's name in the reader's language (CLDR, through Babel); the code if unnamed."""
    code = _normalised(code)
    return Locale.parse(locale).territories.get(code, code)


def country_choices(locale: str | Locale) -> list[tuple[str, str]]:
    """(code, name) pairs of every known country, sorted by name as a reader expects.

    Accents are ignored for sorting, so "Österreich" sits among the O's.
    """
    locale = Locale.parse(locale)
    names = [(code, country_name(code, locale)) for code in (*PROGRAMME_COUNTRIES, *REGIONS)]
    return sorted(names, key=lambda pair: _sort_key(pair[1]))


def country_options(first: SelectChoice) -> list[SelectChoice]:
    """A country select's options in the reader's language: `first` (the option choosing
    none, "Any" in a filter, "Choose a country" in a form), then every country by name."""
    pairs = country_choices(get_locale() or "en")
    return [first, *(SelectChoice(code, name) for code, name in pairs)]


def _sort_key(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
