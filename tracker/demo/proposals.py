"""The demo's proposals for the coming call, and a funded project about to start.

Proposals carry no grant agreement number yet and sit somewhere in the internal
review (draft, submitted, in review, changes requested); two earlier ones were
rejected and withdrawn.
"""

from datetime import date
from decimal import Decimal

from tracker.demo.projects import C, DemoProject, P, consortium, na_number
from tracker.erasmus.actions import Action
from tracker.projects.models import OurRole
from tracker.workflow.states import Status


def _proposal(key, action, title, acronym, call_year, start, months, owner, status, **fields):
    members = fields.pop("members", ())
    return DemoProject(
        key=key,
        action=action,
        title=title,
        acronym=acronym,
        call_year=call_year,
        start=start,
        months=months,
        owner=owner,
        summary=f"{title}: proposal prepared with the international office.",
        our_role=OurRole.PARTNER if any(role is C for _, role in members) else OurRole.COORDINATOR,
        partners=consortium(*members),
        status=status,
        **fields,
    )


def upcoming_projects(today: date):
    """Work that depends on the day of loading: a project about to start, next call's proposals.

    Keyed by title and call year (or number), so a reload in the same year finds them again.
    """
    year, call = today.year, today.year + 1
    yield DemoProject(
        key="ka220-approved",
        action=Action.KA220_HED,
        title="Micro-credentials for Lifelong Learners",
        acronym="MICROLEARN",
        call_year=year,
        start=date(call, 3, 1),
        months=24,
        owner="economics",
        summary="Short, stackable courses for professionals, recognised across the consortium.",
        priorities=("digital", "inclusion"),
        number=na_number(year, "KA220", 298765),
        requested=Decimal("250000.00"),
        awarded=Decimal("250000.00"),
        partners=consortium(("helsinki", P), ("vilnius", P), ("warsaw", P)),
    )
    yield _proposal(
        "ka131-next",
        Action.KA131_HED,
        f"Erasmus+ mobility of higher education students and staff {call}",
        f"KA131-{call}",
        call,
        date(call, 6, 1),
        26,
        "coordinator",
        Status.SUBMITTED,
        priorities=("inclusion", "digital", "environment"),
        requested=Decimal("480000.00"),
    )
    yield _proposal(
        "ka171-next",
        Action.KA171_HED,
        "International Credit Mobility with Southern Africa and Latin America",
        f"ICM-{call}",
        call,
        date(call, 8, 1),
        24,
        "humanities",
        Status.DRAFT,
        priorities=("inclusion",),
        members=(("stellenbosch", P), ("ufrgs", P), ("chile", P)),
    )
    yield _proposal(
        "ka220-next",
        Action.KA220_HED,
        "Open Data Literacy for Social Scientists",
        "OPENDATA",
        call,
        date(call, 11, 1),
        24,
        "staff",
        Status.IN_REVIEW,
        priorities=("digital", "participation"),
        requested=Decimal("250000.00"),
        members=(("copenhagen", C), ("vienna", P), ("prague", P)),
    )
    yield _proposal(
        "jm-next",
        Action.JM_MODULE,
        "Teaching the European Green Deal",
        "GREENDEAL",
        call,
        date(call, 9, 1),
        36,
        "law",
        Status.CHANGES_REQUESTED,
        priorities=("environment",),
        requested=Decimal("30000.00"),
    )
    yield _proposal(
        "ka210-rejected",
        Action.KA210,
        "Sport and Inclusion Network",
        "SPORTIN",
        2025,
        date(2025, 9, 1),
        12,
        "economics",
        Status.REJECTED,
        priorities=("inclusion", "participation"),
        requested=Decimal("30000.00"),
        members=(("budapest", P),),
    )
    yield _proposal(
        "cbhe-withdrawn",
        Action.CBHE,
        "Digital Libraries for Ukrainian Universities",
        "DIGILIB-UA",
        2025,
        date(2026, 1, 1),
        24,
        "humanities",
        Status.WITHDRAWN,
        priorities=("digital",),
        requested=Decimal("400000.00"),
        members=(("kyiv", P), ("lviv", P), ("warsaw", P)),
    )
