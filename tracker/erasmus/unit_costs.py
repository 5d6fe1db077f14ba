"""The unit costs tracker ships, one table per call year.

A mobility is paid from the unit costs of its funding project's call year, not
of the year it takes place. Figures are data: an admin can later store and
correct a call year's table in the database, seeded from these, and the grant
calculation (tracker.mobilities.grants) takes whatever table it is handed.

Only call years whose figures could be traced to a source are shipped. Tables
for the 2024, 2025 and 2026 calls are missing on purpose: their Programme Guide
figures and the Dutch National Agency's student rates could not be confirmed,
so a mobility of those calls shows "no unit costs" rather than a guessed figure.
Every figure below carries its source; see also ../shared/erasmus-rules.md.
"""

from dataclasses import dataclass, replace
from decimal import Decimal
from types import MappingProxyType

from tracker.erasmus.countries import DestinationGroup
from tracker.erasmus.mobility_types import DistanceBand

G1, G2, G3 = DestinationGroup.GROUP_1, DestinationGroup.GROUP_2, DestinationGroup.GROUP_3
D = Decimal


def _frozen(mapping):
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class ShortTermStudentRates:
    """Students in a short physical mobility (5-30 days: doctoral, or a BIP)."""

    per_day_to_14: Decimal
    per_day_15_to_30: Decimal
    fewer_opportunities_5_to_14_days: Decimal
    """One-off top-up for a student with fewer opportunities, 5-14 days."""
    fewer_opportunities_15_to_30_days: Decimal


@dataclass(frozen=True)
class InternationalRates:
    """KA171: mobility to and from third countries not associated (regions 1-12).

    Incoming rates depend on the receiving (our) country's destination group.
    A mapping holds only the groups whose figure is confirmed.
    """

    outgoing_student_per_month: Decimal
    incoming_student_per_month: MappingProxyType
    outgoing_staff_per_day: Decimal
    incoming_staff_per_day: MappingProxyType
    travel: MappingProxyType
    fewer_opportunities_per_month: Decimal | None = None
    """None: no confirmed KA171 figure; the calculator then refuses the top-up."""


@dataclass(frozen=True)
class RateTable:
    """The unit costs of one call year, in EUR."""

    call_year: int
    sources: tuple[str, ...]
    travel: MappingProxyType
    """DistanceBand -> amount for the return trip (standard travel)."""
    green_travel: MappingProxyType
    """DistanceBand -> amount when travelling green; bands without a green rate are absent."""
    staff_per_day: MappingProxyType
    """DestinationGroup -> KA131 staff individual support per day (days 1-14)."""
    student_per_month: MappingProxyType
    """DestinationGroup -> KA131 long-term student individual support per month."""
    short_term_student: ShortTermStudentRates
    fewer_opportunities_per_month: Decimal
    traineeship_per_month: Decimal
    green_travel_one_off: Decimal
    """Paid once to a student who travels green and gets no travel support."""
    ka171: InternationalRates


_SOURCES_2021 = (
    "Erasmus+ Programme Guide 2021, Part B, mobility projects for higher education students "
    "and staff (KA131, KA171), funding rules, as applied in the published rates below",
    "tracker shared/erasmus-rules.md, 'Unit costs, calls 2021-2023 (KA131-HED)'",
    "Travel bands, green travel: Gida ve Tarim Universitesi, Erasmus+ staff grant page "
    "(erasmus.gidatarim.edu.tr/pages/sure-hibe-hesap-personel), KA131 2021-2023",
    "Staff per day 162/144/126: Sabanci University, 2021-1-TR01-KA131-HED-000003626 "
    "(iro.sabanciuniv.edu/en/staff/exchange/administrative/grants)",
    "Traineeship top-up 150 and long-term fewer-opportunities top-up 250: Poznan "
    "University of Medical Sciences, 2021 KA131 rates (ump.edu.pl/erasmus-2021-2027/stawki): "
    "traineeship 670 = studies 520 + 150",
    "Short-term 70/50 per day, short-term top-ups 100/150, green one-off 50: PANS im. "
    "Stanislawa Staszica, 2022-call KA131 rates (pansim.edu.pl), and P. J. Safarik "
    "University (upjs.sk), SMS financing page",
    "KA171 outgoing staff 180 per day, travel up to 1500 for 8000 km or more: Istanbul "
    "Technical University, KA171 staff grants (erasmus.itu.edu.tr)",
    "KA171 incoming staff 160 per day to a group-2 country: Aristotle University of "
    "Thessaloniki, incoming staff grants (eurep.auth.gr/en/staff/international/teaching/grants)",
    "KA171 students 700 per month outgoing, 850 per month incoming to a group-2 country: "
    "University of the Basque Country, International Credit Mobility project "
    "(ehu.eus/en/web/nazioarteko-harremanak), same figures as Programme Guide 2021",
)

_TRAVEL_2021 = _frozen(
    {
        DistanceBand.KM_10_99: D("23"),
        DistanceBand.KM_100_499: D("180"),
        DistanceBand.KM_500_1999: D("275"),
        DistanceBand.KM_2000_2999: D("360"),
        DistanceBand.KM_3000_3999: D("530"),
        DistanceBand.KM_4000_7999: D("820"),
        DistanceBand.KM_8000_PLUS: D("1500"),
    }
)

TABLE_2021 = RateTable(
    call_year=2021,
    sources=_SOURCES_2021,
    # Programme Guide 2021; the same bands at gidatarim.edu.tr (KA131 2021-2023).
    travel=_TRAVEL_2021,
    # Programme Guide 2021: green travel rates exist for 100-3,999 km only.
    green_travel=_frozen(
        {
            DistanceBand.KM_100_499: D("210"),
            DistanceBand.KM_500_1999: D("320"),
            DistanceBand.KM_2000_2999: D("410"),
            DistanceBand.KM_3000_3999: D("610"),
        }
    ),
    # erasmus-rules.md; identical at Sabanci University's 2021 KA131 project.
    staff_per_day=_frozen({G1: D("162"), G2: D("144"), G3: D("126")}),
    # erasmus-rules.md, marked "to confirm" there: National Agencies set these within
    # the guide's ranges, and the Dutch agency's own 2021 figures were not found.
    student_per_month=_frozen({G1: D("520"), G2: D("470"), G3: D("420")}),
    short_term_student=ShortTermStudentRates(
        per_day_to_14=D("70"),  # pansim.edu.pl (2022 call), upjs.sk
        per_day_15_to_30=D("50"),  # upjs.sk
        fewer_opportunities_5_to_14_days=D("100"),  # pansim.edu.pl, upjs.sk
        fewer_opportunities_15_to_30_days=D("150"),  # pansim.edu.pl, upjs.sk
    ),
    fewer_opportunities_per_month=D("250"),  # ump.edu.pl (2021 call), upjs.sk
    traineeship_per_month=D("150"),  # ump.edu.pl: 670 traineeship - 520 studies
    green_travel_one_off=D("50"),  # upjs.sk, pansim.edu.pl
    ka171=InternationalRates(
        outgoing_student_per_month=D("700"),  # ehu.eus
        # Only group 2 (the Netherlands' group) is confirmed: ehu.eus (Spain).
        incoming_student_per_month=_frozen({G2: D("850")}),
        outgoing_staff_per_day=D("180"),  # erasmus.itu.edu.tr (KA171)
        # Only group 2 is confirmed: eurep.auth.gr (Greece).
        incoming_staff_per_day=_frozen({G2: D("160")}),
        # erasmus.itu.edu.tr (KA171): 180 ... 1,500 as in the KA131 table.
        travel=_TRAVEL_2021,
    ),
)

# erasmus-rules.md gives one table for the calls 2021 to 2023. pansim.edu.pl confirms the
# short-term figures for the 2022 call; no source found shows a 2022 or 2023 figure that
# differs from 2021, nor one that confirms every 2023 figure.
TABLE_2022 = replace(TABLE_2021, call_year=2022)
TABLE_2023 = replace(TABLE_2021, call_year=2023)

RATE_TABLES = MappingProxyType(
    {table.call_year: table for table in (TABLE_2021, TABLE_2022, TABLE_2023)}
)


def rate_table_for(call_year: int) -> RateTable | None:
    """The shipped table of a call year, or None when tracker has no figures for it."""
    return RATE_TABLES.get(call_year)


def shipped_call_years() -> list[int]:
    """The call years that have a shipped table, oldest first."""
    return sorted(RATE_TABLES)
