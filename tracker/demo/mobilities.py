"""The demo's mobilities: who went where, when and how, on the demo's KA131 and KA171 projects.

Generated from a seeded random.Random so that every load proposes the same
mobilities (and finds them again by participant e-mail, project and start date).
Durations keep to the programme's rules: students 2-12 months (short-term 5-30
days), staff 2-60 days, blended intensive programmes 5-30 days; dates fall
inside the funding project's period. KA131 funds outgoing mobility to programme
countries; KA171 funds both ways with its partners, up to their planned numbers.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.demo.partners import KA131_DESTINATIONS, PARTNERS
from tracker.demo.people import People
from tracker.demo.projects import KA131_MOBILITIES
from tracker.erasmus.actions import Action
from tracker.erasmus.mobility_types import ActivityType as A
from tracker.erasmus.mobility_types import Flow, ParticipantKind

SEED = 2021
KA131_ACTIVITY_WEIGHTS = {A.SMS: 50, A.SMT: 15, A.STA: 12, A.STT: 8, A.BIP: 8, A.SHORT_DOCTORAL: 7}
STUDENT, STAFF = ParticipantKind.STUDENT, ParticipantKind.STAFF


@dataclass(frozen=True)
class DemoMobility:
    project: str
    partner: str
    activity: A
    flow: Flow
    kind: ParticipantKind
    name: str
    email: str
    start: date
    end: date
    green_travel: bool
    fewer_opportunities: bool
    travel_days: int
    owner: str
    roll: float
    """A number in [0, 1) that picks the status among those the dates allow."""
    priorities: tuple[str, ...]


def demo_mobilities(projects, staff_keys):
    """Every demo mobility of the funding projects among `projects` (DemoProject), in order."""
    rng = random.Random(SEED)  # noqa: S311  # nosec B311 (made-up people, not secrets)
    people = People(rng)
    for project in projects:
        if project.number is None:
            continue
        if project.action is Action.KA131_HED:
            for _ in range(KA131_MOBILITIES[project.call_year]):
                yield _ka131_mobility(rng, people, project, staff_keys)
        elif project.action is Action.KA171_HED:
            yield from _ka171_mobilities(rng, people, project, staff_keys)


def _ka131_mobility(rng, people, project, staff_keys):
    activity = rng.choices(list(KA131_ACTIVITY_WEIGHTS), list(KA131_ACTIVITY_WEIGHTS.values()))[0]
    kind = activity.participant_kinds[0]
    if activity is A.BIP and rng.random() < 0.25:
        kind = STAFF
    start, end = _dates(rng, activity, kind, project)
    name, email = people.participant(kind is STUDENT)
    return _mobility(rng, project, rng.choice(KA131_DESTINATIONS), activity, Flow.OUTGOING, kind,
                     name, email, start, end, rng.choice(staff_keys))  # fmt: skip


def _ka171_mobilities(rng, people, project, staff_keys):
    """Each partner's planned mobilities, nearly all of them used."""
    owner = rng.choice(staff_keys)
    for member in project.partners:
        country = PARTNERS[member.partner].country
        for activity, flow, planned in member.planned:
            kind = activity.participant_kinds[0]
            for _ in range(planned - 1 if planned >= 3 else planned):
                start, end = _dates(rng, activity, kind, project)
                incoming = flow is Flow.INCOMING
                name, email = people.participant(kind is STUDENT, country if incoming else None)
                yield _mobility(rng, project, member.partner, activity, flow, kind, name, email,
                                start, end, owner)  # fmt: skip


def _mobility(rng, project, partner, activity, flow, kind, name, email, start, end, owner):
    green = rng.random() < 0.2 and PARTNERS[partner].band.value != "8000+"
    # KA171 has no confirmed fewer-opportunities top-up: the demo gives it to KA131 students only.
    fewer = kind is STUDENT and project.action is Action.KA131_HED and rng.random() < 0.15
    priorities = {rng.choice(("inclusion", "digital", "environment", "participation"))}
    if green:
        priorities.add("environment")
    if fewer:
        priorities.add("inclusion")
    if activity is A.BIP:
        priorities.add("digital")
    return DemoMobility(
        project=project.key,
        partner=partner,
        activity=activity,
        flow=flow,
        kind=kind,
        name=name,
        email=email,
        start=start,
        end=end,
        green_travel=green,
        fewer_opportunities=fewer,
        travel_days=_travel_days(kind, green, fewer),
        owner=owner,
        roll=rng.random(),
        priorities=tuple(sorted(priorities)),
    )


def _travel_days(kind, green, fewer):
    """Staff: a day each way (four with green travel); green students without travel support: 2."""
    if kind is STAFF:
        return 4 if green else 2
    return 2 if green and not fewer else 0


def _dates(rng, activity, kind, project):
    """Start and end inside the project: semesters for studies, a few days for staff."""
    first, last = project.start, project.end
    if activity is A.SMS:
        return _semester(rng, first, last)
    if activity is A.SMT:
        start = _some_day(rng, first, last - timedelta(days=200))
        return start, start + timedelta(days=rng.randint(60, 180) - 1)
    if activity is A.BIP:
        days = rng.randint(5, 12)
    elif activity is A.SHORT_DOCTORAL:
        days = rng.randint(5, 30)
    else:
        days = rng.randint(2, 7) if activity is A.STA else rng.randint(4, 10)
    start = _some_day(rng, first, last - timedelta(days=days))
    return start, start + timedelta(days=days - 1)


def _semester(rng, first, last):
    """An autumn (Sept-Jan), spring (Feb-June) or whole academic year inside [first, last]."""
    options = []
    for year in range(first.year, last.year + 1):
        options += [
            (date(year, 9, 1), date(year + 1, 1, 31)),
            (date(year, 2, 1), date(year, 6, 30)),
            (date(year, 9, 1), date(year + 1, 6, 30)),
        ]
    start, end = rng.choice([(s, e) for s, e in options if first <= s and e <= last])
    return start + timedelta(days=rng.randint(0, 10)), end


def _some_day(rng, first, last):
    return first + timedelta(days=rng.randint(0, (last - first).days))
