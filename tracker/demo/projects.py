"""The demo's projects: a Dutch university's Erasmus+ portfolio over the 2021-2027 programme.

Funded projects carry a grant agreement number (National Agency actions) or a
nine-digit EU project number (EACEA actions); their status follows from their
dates (proposals are in tracker.demo.proposals). The numbers are invented in
the real formats; no real project is described.
"""

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from tracker.erasmus.actions import Action
from tracker.erasmus.mobility_types import ActivityType as A
from tracker.erasmus.mobility_types import Flow
from tracker.projects.models import OurRole, PartnerRole
from tracker.workflow.states import Status

IN, OUT = Flow.INCOMING, Flow.OUTGOING
KA131_MOBILITIES = {2021: 40, 2022: 50, 2023: 55, 2024: 50, 2025: 55}
"""How many mobilities each KA131 project funds in the demo."""
ORGANISED_BIPS = {
    2023: (("Coastal resilience lab", date(2024, 4, 15), 5, 21),),
    2024: (
        ("Urban water futures", date(2025, 3, 10), 5, 22),
        ("Digital humanities summer lab", date(2025, 6, 30), 8, 17),
        ("Health economics in practice", date(2025, 11, 3), 5, 12),
    ),
    2025: (("Circular economy challenge", date(2026, 4, 13), 6, 18),),
}
"""The blended intensive programmes we organise, per KA131 call (one below 15 participants)."""


@dataclass(frozen=True)
class DemoPartnerRole:
    partner: str
    role: PartnerRole = PartnerRole.PARTNER
    budget: Decimal | None = None
    planned: tuple = ()
    """KA171: (activity type, flow, number planned) triples."""


@dataclass(frozen=True)
class DemoProject:
    key: str
    action: Action
    title: str
    acronym: str
    call_year: int
    start: date
    months: int
    owner: str
    summary: str
    priorities: tuple[str, ...]
    number: str | None = None
    """Grant agreement or EU project number; None for a proposal."""
    requested: Decimal | None = None
    awarded: Decimal | None = None
    our_role: OurRole = OurRole.COORDINATOR
    partners: tuple[DemoPartnerRole, ...] = field(default=())
    status: Status | None = None
    """A proposal's status; a funded project's follows from its dates."""
    organised_bips: tuple = ()
    """KA131: (title, first day, days, mobile participants) of the programmes we organise."""

    @property
    def end(self) -> date:
        """The day before the same day `months` later: 1 June + 26 months ends on 31 July."""
        index = self.start.month - 1 + self.months
        year, month = self.start.year + index // 12, index % 12 + 1
        day = min(self.start.day, calendar.monthrange(year, month)[1])
        return date(year, month, day) - timedelta(days=1)

    @property
    def natural_key(self):
        return self.number or (self.title, self.call_year)


def na_number(year, action_code, serial, agency="NL01", field_code="HED"):
    """A National Agency grant agreement number, e.g. 2023-1-NL01-KA131-HED-000123456."""
    return f"{year}-1-{agency}-{action_code}-{field_code}-{serial:09d}"


def ka131_projects():
    owners = {2021: "coordinator", 2022: "staff", 2023: "economics", 2024: "coordinator"}
    for year, serial in zip(KA131_MOBILITIES, (31927, 78412, 121563, 187204, 259876), strict=True):
        requested = Decimal(420_000 + 45_000 * (year - 2021))
        yield DemoProject(
            key=f"ka131-{year}",
            action=Action.KA131_HED,
            title=f"Erasmus+ mobility of higher education students and staff {year}",
            acronym=f"KA131-{year}",
            call_year=year,
            start=date(year, 6, 1),
            months=26,
            owner=owners.get(year, "staff"),
            summary="Study and traineeship periods, staff teaching and training, and blended "
            "intensive programmes with our partners in the programme countries.",
            priorities=("inclusion", "digital", "environment"),
            number=na_number(year, "KA131", serial),
            requested=requested,
            awarded=requested * Decimal("0.92"),
            organised_bips=ORGANISED_BIPS.get(year, ()),
        )


def _icm(partner, budget, *planned):
    return DemoPartnerRole(partner, budget=Decimal(budget), planned=planned)


KA171_PROJECTS = (
    DemoProject(
        key="ka171-2022",
        action=Action.KA171_HED,
        title="International Credit Mobility with Indonesia, South Africa, Ukraine and Morocco",
        acronym="ICM-2022",
        call_year=2022,
        start=date(2022, 8, 1),
        months=36,
        owner="humanities",
        summary="Semester exchanges and staff visits with four partners outside Europe, "
        "built on joint master's programmes in water management and linguistics.",
        priorities=("inclusion", "participation"),
        number=na_number(2022, "KA171", 84215),
        requested=Decimal("248000.00"),
        awarded=Decimal("212450.00"),
        partners=(
            _icm("gadjah_mada", "68450.00", (A.SMS, IN, 4), (A.SMS, OUT, 2), (A.STA, OUT, 2)),
            _icm("cape_town", "61200.00", (A.SMS, IN, 3), (A.SMS, OUT, 3), (A.STT, IN, 2)),
            _icm("kyiv", "44300.00", (A.SMS, IN, 4), (A.STA, IN, 2), (A.STA, OUT, 1)),
            _icm("rabat", "38500.00", (A.SMS, IN, 3), (A.STT, IN, 2), (A.STA, OUT, 2)),
        ),
    ),
    DemoProject(
        key="ka171-2023",
        action=Action.KA171_HED,
        title="International Credit Mobility with Brazil, Vietnam and Ukraine",
        acronym="ICM-2023",
        call_year=2023,
        start=date(2023, 8, 1),
        months=24,
        owner="staff",
        summary="Exchanges in environmental sciences and data science with three partners.",
        priorities=("environment", "digital"),
        number=na_number(2023, "KA171", 132877),
        requested=Decimal("156000.00"),
        awarded=Decimal("139820.00"),
        partners=(
            _icm("sao_paulo", "55400.00", (A.SMS, IN, 3), (A.SMS, OUT, 2), (A.STA, IN, 1)),
            _icm("hanoi", "52120.00", (A.SMS, IN, 3), (A.STT, IN, 2), (A.STA, OUT, 1)),
            _icm("lviv", "32300.00", (A.SMS, IN, 2), (A.STA, IN, 2)),
        ),
    ),
    DemoProject(
        key="ka171-2024",
        action=Action.KA171_HED,
        title="International Credit Mobility with Kenya, Chile, Indonesia and South Africa",
        acronym="ICM-2024",
        call_year=2024,
        start=date(2024, 8, 1),
        months=36,
        owner="economics",
        summary="Exchanges in economics and public health, including traineeships.",
        priorities=("inclusion", "environment"),
        number=na_number(2024, "KA171", 203118),
        requested=Decimal("231500.00"),
        awarded=Decimal("198760.00"),
        partners=(
            _icm("nairobi", "52400.00", (A.SMS, IN, 4), (A.SMT, OUT, 2), (A.STA, OUT, 2)),
            _icm("chile", "49860.00", (A.SMS, IN, 3), (A.SMS, OUT, 2), (A.STT, IN, 1)),
            _icm("indonesia", "51500.00", (A.SMS, IN, 3), (A.STA, IN, 2), (A.STT, OUT, 1)),
            _icm("stellenbosch", "45000.00", (A.SMS, IN, 2), (A.SMS, OUT, 2)),
        ),
    ),
)


def consortium(*partners):
    """(partner key, role) pairs as the project's consortium."""
    return tuple(DemoPartnerRole(key, role) for key, role in partners)


P, C, AS = PartnerRole.PARTNER, PartnerRole.COORDINATOR, PartnerRole.ASSOCIATED

COOPERATION_PROJECTS = (
    DemoProject(
        key="ka220-2022",
        action=Action.KA220_HED,
        title="Digital Skills for Inclusive Teaching",
        acronym="DIGINCLUDE",
        call_year=2022,
        start=date(2022, 11, 1),
        months=30,
        owner="humanities",
        summary="Open course modules and a toolkit that help lecturers teach diverse groups "
        "online and on campus.",
        priorities=("inclusion", "digital"),
        number=na_number(2022, "KA220", 87654),
        requested=Decimal("400000.00"),
        awarded=Decimal("400000.00"),
        partners=consortium(("bologna", P), ("tartu", P), ("granada", P), ("toronto", AS)),
    ),
    DemoProject(
        key="ka220-2024",
        action=Action.KA220_HED,
        title="Green Campus Transitions",
        acronym="GREENCAMP",
        call_year=2024,
        start=date(2024, 10, 1),
        months=36,
        owner="staff",
        summary="Universities measure and cut the carbon footprint of teaching, travel and "
        "buildings, and teach students to do the same.",
        priorities=("environment", "participation"),
        number=na_number(2024, "KA220", 245731, agency="BE02"),
        requested=Decimal("62500.00"),
        awarded=Decimal("62500.00"),
        our_role=OurRole.PARTNER,
        partners=consortium(("leuven", C), ("uppsala", P), ("ljubljana", P)),
    ),
    DemoProject(
        key="ka210-2023",
        action=Action.KA210,
        title="Citizen Science on the Coast",
        acronym="CITICOAST",
        call_year=2023,
        start=date(2023, 9, 1),
        months=18,
        owner="staff",
        summary="Residents and students monitor beach litter together and publish the data.",
        priorities=("environment", "participation"),
        number=na_number(2023, "KA210", 154782, field_code="ADU"),
        requested=Decimal("60000.00"),
        awarded=Decimal("60000.00"),
        partners=consortium(("malta", P)),
    ),
    DemoProject(
        key="ka210-2024",
        action=Action.KA210,
        title="Language Cafés for Newcomers",
        acronym="LANGCAFE",
        call_year=2024,
        start=date(2024, 11, 1),
        months=12,
        owner="humanities",
        summary="Volunteer-run language cafés for refugees and other newcomers.",
        priorities=("inclusion", "participation"),
        number=na_number(2024, "KA210", 212345, agency="HR01", field_code="ADU"),
        requested=Decimal("12000.00"),
        awarded=Decimal("11500.00"),
        our_role=OurRole.PARTNER,
        partners=consortium(("zagreb", C)),
    ),
    DemoProject(
        key="cbhe-2023",
        action=Action.CBHE,
        title="Strengthening Quality Assurance in Indonesian and Vietnamese Universities",
        acronym="QA-ASIA",
        call_year=2023,
        start=date(2024, 1, 1),
        months=36,
        owner="economics",
        summary="Internal quality assurance units, staff training and peer reviews at four "
        "partner universities in South-East Asia.",
        priorities=("digital", "participation"),
        number="101128547",
        requested=Decimal("798540.00"),
        awarded=Decimal("765300.00"),
        partners=consortium(("gadjah_mada", P), ("indonesia", P), ("hanoi", P), ("lisbon", P)),
    ),
    DemoProject(
        key="jm-module-2022",
        action=Action.JM_MODULE,
        title="EU Law and the Digital Single Market",
        acronym="EUDIGILAW",
        call_year=2022,
        start=date(2022, 9, 1),
        months=36,
        owner="law",
        summary="A 40-hour module on EU digital regulation for law and computer science students.",
        priorities=("digital", "participation"),
        number="101085412",
        requested=Decimal("30000.00"),
        awarded=Decimal("30000.00"),
    ),
    DemoProject(
        key="jm-chair-2024",
        action=Action.JM_CHAIR,
        title="Jean Monnet Chair in European Migration Governance",
        acronym="EUMIGR",
        call_year=2024,
        start=date(2024, 9, 1),
        months=36,
        owner="law",
        summary="Teaching, research and public lectures on the EU's asylum and migration policy.",
        priorities=("inclusion", "participation"),
        number="101126890",
        requested=Decimal("50000.00"),
        awarded=Decimal("50000.00"),
    ),
)


def funded_projects():
    """The projects that won funding, whatever the day: their status follows from their dates."""
    yield from ka131_projects()
    yield from KA171_PROJECTS
    yield from COOPERATION_PROJECTS
