"""The unit costs tracker ships: the Dutch National Agency's tables, one per call year.

A mobility is paid from the unit costs of its funding project's call year, not of
the year it takes place. National Agencies fix some figures within the ranges the
Commission sets, so a table belongs to a call year and an agency: tracker's is the
Dutch one (NL01). The database holds these tables (a migration stores them; the
office corrects them there, every change recorded); this module is what tracker
ships, each figure with its source beside it.

A figure that no source confirms is shipped as missing (no amount), with a note of
what to enter: the office enters it, and the mobilities waiting for it are then
recalculated. The 2025 and 2026 tables carry the 2024 figures over, marked as such,
since no source shows a change for those calls.
"""

from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from tracker.erasmus import unit_cost_figures as f
from tracker.erasmus.countries import GROUPS_2021_TO_2023, GROUPS_FROM_2024, DestinationGroup
from tracker.erasmus.mobility_types import DistanceBand as Band

HOME_AGENCY = "NL01"
"""The Dutch National Agency for higher education, whose tables tracker keeps."""

G1, G2, G3 = DestinationGroup.GROUP_1, DestinationGroup.GROUP_2, DestinationGroup.GROUP_3


@dataclass(frozen=True)
class Figure:
    amount: Decimal | None
    """None: no source confirms a figure; the office enters it."""
    source: str
    """Where the amount comes from; for a missing figure, why it is missing and where to look."""
    carried_over_from: int | None = None
    """The call year whose figure this repeats until the office confirms it."""


@dataclass(frozen=True)
class ShippedYear:
    call_year: int
    sources: str
    """What the year's table rests on, as a whole (each figure has its own source too)."""
    figures: MappingProxyType
    groups: MappingProxyType
    """ISO country code -> DestinationGroup for this call year."""


def _figures(*groups):
    """{name: Figure} from (source, {name: amount}[, carried over from]) groups: one source
    for several amounts."""
    figures = {}
    for source, amounts, *carried in groups:
        for name, amount in amounts.items():
            amount = None if amount is None else Decimal(amount)
            figures[name] = Figure(amount, source, *carried)
    return figures


TRAVEL_2021 = (
    "Travel support, calls 2021-2023: Gida ve Tarim University, Erasmus+ grant page "
    '(erasmus.gidatarim.edu.tr); green travel: Radboud University, "Erasmus+ Green Travel '
    'Support"'
)
TRAVEL_2024 = (
    'Travel support from the 2024 call: VU Amsterdam, "Grants and funds for VU employees" '
    '(vu.nl, 19 Nov 2024); Daugavpils University, "Blended Intensive Programme"; Technical '
    'University of Civil Engineering Bucharest, "Short-Term Mobility"; TU Bergakademie '
    "Freiberg, BIP page"
)
STAFF_2021 = (
    "Dutch National Agency's staff rates, calls 2021-2023: Maastricht University, \"Erasmus+ "
    'Mobility for staff" (maastrichtuniversity.nl): 120, 110 and 100 per day by group; days '
    "15-60 at 70 %"
)
STAFF_2024 = (
    "Dutch National Agency's staff rates from the 2024 call (new groups): VU Amsterdam, "
    '"Grants and funds for VU employees" (vu.nl, 19 Nov 2024): 120, 110 and 100 per day'
)
STUDENTS_NOT_FOUND = (
    "Not found: the Dutch National Agency sets the long-term students' monthly rates each "
    "call within the Commission's ranges, and no published source gives its figures for this "
    "call. Enter them from the agency's letter to the university."
)
TOP_UPS = (
    'Top-ups, calls 2021-2026: Radboud University, "EUR 250 per month, or EUR 8.33 per day" '
    "for fewer opportunities; traineeship 150 per month (Poznan University of Medical "
    "Sciences, 2021 rates: traineeship 670 = studies 520 + 150); green travel one-off 50 plus "
    "up to 4 travel days (P. J. Safarik University, upjs.sk, SMS financing page)"
)
SHORT_TERM_2021 = (
    "Short-term students, calls 2021-2023: 70 per day (days 1-14), 50 (days 15-30); "
    "fewer-opportunities top-up 100 (5-14 days) or 150 (15-30 days): P. J. Safarik "
    "University (upjs.sk), SMS financing page; PANS im. Stanislawa Staszica, 2022 call"
)
SHORT_TERM_2024 = (
    "Short-term students from the 2024 call: 79 per day (days 1-14), 56 (days 15-30); "
    "fewer-opportunities top-up 100 (5-14 days) or 150 (15-30 days): the 2024 short-term and "
    "BIP grant pages of Daugavpils University and the Technical University of Civil "
    "Engineering Bucharest"
)
BIP_SUPPORT = (
    "Blended intensive programmes, organising HEI: 400 per participant, at most 8,000 per "
    "programme, at least 15 mobile participants (Erasmus+ Programme Guide, calls 2021-2024; "
    'EUR Ireland, "Blended Intensive Programmes")'
)
KA171_2021 = (
    "KA171, older calls (medium confidence): outgoing students 700 and incoming 850 per "
    "month (University of the Basque Country, ehu.eus, International Credit Mobility project); "
    "outgoing staff 180 per day (Istanbul Technical University, KA171 staff grants); incoming "
    "staff 160 per day (Aristotle University of Thessaloniki, incoming staff grants); travel by "
    "the same distance bands"
)
KA171_TRAVEL_2024 = (
    "KA171 travel uses the programme's distance bands, the same as KA131: the 2024 amounts "
    "(VU Amsterdam, 19 Nov 2024; Daugavpils University; Technical University of Civil "
    "Engineering Bucharest)"
)
KA171_OUTGOING_NOT_FOUND = (
    "Not found: no source gives the KA171 rates for outgoing students and staff from the 2024 "
    "call on (the older calls paid 700 per month and 180 per day). Enter them from the "
    "Programme Guide of the call."
)
KA171_INCOMING_NOT_FOUND = (
    "Not found: incoming participants are paid by the receiving country's group, and the "
    "Netherlands are in group 1 from the 2024 call; no source gives the KA171 rate for group 1 "
    "(the older calls paid 850 per month and 160 per day to group 2). Enter it from the "
    "Programme Guide of the call."
)
KA171_FEWER_OPPORTUNITIES_NOT_FOUND = (
    "Not found: no source gives a KA171 fewer-opportunities top-up for this call. Enter it "
    "from the Programme Guide of the call."
)

_TRAVEL_2021_AMOUNTS = {
    Band.KM_10_99: "23",
    Band.KM_100_499: "180",
    Band.KM_500_1999: "275",
    Band.KM_2000_2999: "360",
    Band.KM_3000_3999: "530",
    Band.KM_4000_7999: "820",
    Band.KM_8000_PLUS: "1500",
}
_TRAVEL_2024_AMOUNTS = {
    Band.KM_10_99: "28",
    Band.KM_100_499: "211",
    Band.KM_500_1999: "309",
    Band.KM_2000_2999: "395",
    Band.KM_3000_3999: "580",
    Band.KM_4000_7999: "1188",
    Band.KM_8000_PLUS: "1735",
}
_TOP_UPS = (
    TOP_UPS,
    {
        f.FEWER_OPPORTUNITIES_PER_MONTH: "250",
        f.TRAINEESHIP_PER_MONTH: "150",
        f.GREEN_TRAVEL_ONE_OFF: "50",
    },
)
_SHARED = (
    _TOP_UPS,
    (BIP_SUPPORT, {f.BIP_SUPPORT_PER_PARTICIPANT: "400", f.BIP_SUPPORT_MAX: "8000"}),
    (STUDENTS_NOT_FOUND, {f.student_per_month(group): None for group in DestinationGroup}),
)  # fmt: skip

FIGURES_2021 = _figures(
    (TRAVEL_2021, {f.travel(band): amount for band, amount in _TRAVEL_2021_AMOUNTS.items()}),
    (
        TRAVEL_2021,
        {f.green_travel(Band.KM_100_499): "210", f.green_travel(Band.KM_500_1999): "320",
         f.green_travel(Band.KM_2000_2999): "410", f.green_travel(Band.KM_3000_3999): "610"},
    ),
    (STAFF_2021, {f.staff_per_day(G1): "120", f.staff_per_day(G2): "110",
                  f.staff_per_day(G3): "100"}),
    (
        SHORT_TERM_2021,
        {f.SHORT_TERM_PER_DAY_TO_14: "70", f.SHORT_TERM_PER_DAY_15_TO_30: "50",
         f.SHORT_TERM_FEWER_OPPORTUNITIES_5_TO_14: "100",
         f.SHORT_TERM_FEWER_OPPORTUNITIES_15_TO_30: "150"},
    ),
    *_SHARED,
    (
        KA171_2021,
        {f.KA171_OUTGOING_STUDENT_PER_MONTH: "700", f.KA171_OUTGOING_STAFF_PER_DAY: "180",
         # Incoming participants are paid by the receiving country's group: the
         # Netherlands were in group 2 in these calls.
         f.ka171_incoming_student_per_month(G2): "850", f.ka171_incoming_staff_per_day(G2): "160",
         **{f.ka171_travel(band): amount for band, amount in _TRAVEL_2021_AMOUNTS.items()}},
    ),
    (KA171_FEWER_OPPORTUNITIES_NOT_FOUND, {f.KA171_FEWER_OPPORTUNITIES_PER_MONTH: None}),
)  # fmt: skip

FIGURES_2024 = _figures(
    (TRAVEL_2024, {f.travel(band): amount for band, amount in _TRAVEL_2024_AMOUNTS.items()}),
    (
        TRAVEL_2024,
        {f.green_travel(Band.KM_10_99): "56", f.green_travel(Band.KM_100_499): "285",
         f.green_travel(Band.KM_500_1999): "417", f.green_travel(Band.KM_2000_2999): "535",
         f.green_travel(Band.KM_3000_3999): "785"},
    ),
    (STAFF_2024, {f.staff_per_day(G1): "120", f.staff_per_day(G2): "110",
                  f.staff_per_day(G3): "100"}),
    (
        SHORT_TERM_2024,
        {f.SHORT_TERM_PER_DAY_TO_14: "79", f.SHORT_TERM_PER_DAY_15_TO_30: "56",
         f.SHORT_TERM_FEWER_OPPORTUNITIES_5_TO_14: "100",
         f.SHORT_TERM_FEWER_OPPORTUNITIES_15_TO_30: "150"},
    ),
    *_SHARED,
    (KA171_TRAVEL_2024,
     {f.ka171_travel(band): amount for band, amount in _TRAVEL_2024_AMOUNTS.items()}),
    (
        KA171_OUTGOING_NOT_FOUND,
        {f.KA171_OUTGOING_STUDENT_PER_MONTH: None, f.KA171_OUTGOING_STAFF_PER_DAY: None},
    ),
    (
        KA171_INCOMING_NOT_FOUND,
        {f.ka171_incoming_student_per_month(G1): None, f.ka171_incoming_staff_per_day(G1): None},
    ),
    (KA171_FEWER_OPPORTUNITIES_NOT_FOUND, {f.KA171_FEWER_OPPORTUNITIES_PER_MONTH: None}),
)  # fmt: skip


def carried_over(figures, from_year):
    """The figures of `from_year`, each amount marked as carried over (to confirm); a missing
    figure stays missing. The top-ups are confirmed for every call to 2026 and stay unmarked.
    """
    return {
        name: figure
        if figure.amount is None or figure.source == TOP_UPS
        else Figure(figure.amount, figure.source, from_year)
        for name, figure in figures.items()
    }


def _year(call_year, sources, figures, groups):
    return ShippedYear(call_year, sources, MappingProxyType(figures), MappingProxyType(groups))


_SOURCES_2021 = (
    "The Dutch National Agency's tables for the calls 2021-2023, which share one table; each "
    "figure names its source."
)
_SOURCES_2024 = (
    "The Dutch National Agency's table for the 2024 call: the Commission raised individual "
    "support for the 2023 and 2024 calls and introduced the new travel bands and destination "
    "groups; each figure names its source."
)
_SOURCES_CARRIED = (
    "The 2024 table carried over: no source shows a change for this call. Confirm each figure "
    "from the Dutch National Agency's letter."
)

SHIPPED_YEARS = MappingProxyType(
    {
        2021: _year(2021, _SOURCES_2021, FIGURES_2021, GROUPS_2021_TO_2023),
        2022: _year(2022, _SOURCES_2021, FIGURES_2021, GROUPS_2021_TO_2023),
        2023: _year(2023, _SOURCES_2021, FIGURES_2021, GROUPS_2021_TO_2023),
        2024: _year(2024, _SOURCES_2024, FIGURES_2024, GROUPS_FROM_2024),
        2025: _year(2025, _SOURCES_CARRIED, carried_over(FIGURES_2024, 2024), GROUPS_FROM_2024),
        2026: _year(2026, _SOURCES_CARRIED, carried_over(FIGURES_2024, 2024), GROUPS_FROM_2024),
    }
)


def shipped_call_years() -> list[int]:
    """The call years tracker ships a table for, oldest first."""
    return sorted(SHIPPED_YEARS)


def missing_figures(call_year: int) -> list[str]:
    """The names of the figures the shipped table of `call_year` leaves to the office."""
    return [
        name for name, figure in SHIPPED_YEARS[call_year].figures.items() if figure.amount is None
    ]
