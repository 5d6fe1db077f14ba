"""The demo's deadlines: the programme's call dates, reports due, and the office's own dates.

Call deadlines fall in February and March as in recent Erasmus+ calls; some office
dates are set a few weeks from the day the demo is loaded, so the dashboards
always have something coming up. Titles are the natural key.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from tracker.deadlines.models import DeadlineKind


@dataclass(frozen=True)
class DemoDeadline:
    title: str
    kind: DeadlineKind
    due: date
    project: str | None = None
    """The demo project key the deadline belongs to, if any."""
    notes: str | None = None


def demo_deadlines(today: date, projects):
    """Deadlines for the next call, reports of the demo's projects, and internal dates."""
    call = today.year + 1 if today >= date(today.year, 2, 1) else today.year
    ends = {project.key: project.end for project in projects}
    soon = (
        DemoDeadline(
            f"Nominations of outgoing exchange students, autumn {call}",
            DeadlineKind.OTHER,
            today + timedelta(days=12),
            notes="Faculties send their selected students to the international office.",
        ),
        DemoDeadline(
            f"Internal deadline: KA220-HED proposals for the {call} call",
            DeadlineKind.OTHER,
            today + timedelta(days=38),
            notes="Draft proposals to the international office for a check before submission.",
        ),
        DemoDeadline(
            "KA171-HED 2024: interim report",
            DeadlineKind.REPORT,
            today + timedelta(days=54),
            project="ka171-2024",
        ),
    )
    calls = (
        DemoDeadline(
            f"KA131-HED call {call}: application deadline",
            DeadlineKind.CALL,
            date(call, 2, 19),
            notes="Mobility projects for higher education students and staff; 12:00 Brussels time.",
        ),
        DemoDeadline(
            f"Jean Monnet actions call {call}: application deadline",
            DeadlineKind.CALL,
            date(call, 2, 11),
        ),
        DemoDeadline(
            f"KA220-HED call {call}: application deadline",
            DeadlineKind.CALL,
            date(call, 3, 5),
        ),
    )
    reports = tuple(
        DemoDeadline(
            f"{title}: final report",
            DeadlineKind.REPORT,
            ends[key] + timedelta(days=60),
            project=key,
            notes="Due 60 days after the end of the project.",
        )
        for key, title in (
            ("ka131-2022", "KA131-HED 2022"),
            ("ka131-2023", "KA131-HED 2023"),
            ("ka131-2024", "KA131-HED 2024"),
            ("ka171-2022", "KA171-HED 2022"),
            ("ka220-2022", "KA220-HED DIGINCLUDE"),
        )
    )
    return soon + calls + reports
