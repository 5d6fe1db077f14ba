"""Build records for tests with sensible defaults; every argument can be overridden."""

import functools
import itertools

from tracker.auth.models import User
from tracker.enums import Role
from tracker.extensions import db

DEFAULT_PASSWORD = "correct horse battery staple"
_sequence = itertools.count(1)


@functools.cache
def password_hash(password):
    """Hash each test password once: scrypt is slow on purpose, and the suite makes many users."""
    user = User()
    user.set_password(password)
    return user.password_hash


def make_user(role=Role.STAFF, password=DEFAULT_PASSWORD, **fields):
    number = next(_sequence)
    fields.setdefault("email", f"user{number}@example.edu")
    fields.setdefault("full_name", f"User {number}")
    fields.setdefault("faculty", "Faculty of Science")
    user = User(role=role, password_hash=password_hash(password), **fields)
    db.session.add(user)
    db.session.commit()
    return user


def make_organisation(**fields):
    """A German university with unique identifiers; pass None to leave one out."""
    from tracker.organisations.models import Organisation

    number = next(_sequence)
    fields.setdefault("name", f"Universität {number}")
    fields.setdefault("country", "DE")
    fields.setdefault("city", "Berlin")
    fields.setdefault("erasmus_code", f"D  BERLIN{number % 1000:03d}")
    fields.setdefault("pic", f"{900000000 + number}")
    fields.setdefault("oid", f"E{10000000 + number}")
    organisation = Organisation(**fields)
    db.session.add(organisation)
    db.session.commit()
    return organisation


def make_project(owner, **fields):
    """A 24-month KA220 draft of the owner's faculty; any column (priorities too) can be passed."""
    from datetime import date

    from tracker.erasmus.actions import Action
    from tracker.projects.models import Project

    number = next(_sequence)
    fields.setdefault("action", Action.KA220_HED)
    fields.setdefault("title", f"Project {number}")
    fields.setdefault("call_year", 2024)
    fields.setdefault("start_date", date(2024, 9, 1))
    fields.setdefault("end_date", date(2026, 8, 31))
    fields.setdefault("faculty", owner.faculty)
    project = Project(owner=owner, **fields)
    db.session.add(project)
    db.session.commit()
    return project


def make_mobility(owner, project, organisation, **fields):
    """A five-month outgoing SMS draft inside a 2023 KA131 project's period."""
    from datetime import date

    from tracker.erasmus.mobility_types import ActivityType, Flow, ParticipantKind
    from tracker.mobilities.models import Mobility

    number = next(_sequence)
    fields.setdefault("participant_name", f"Participant {number}")
    fields.setdefault("participant_email", f"participant{number}@student.example.edu")
    fields.setdefault("participant_kind", ParticipantKind.STUDENT)
    fields.setdefault("activity_type", ActivityType.SMS)
    fields.setdefault("flow", Flow.OUTGOING)
    fields.setdefault("start_date", date(2023, 9, 1))
    fields.setdefault("end_date", date(2024, 1, 31))
    fields.setdefault("faculty", owner.faculty)
    mobility = Mobility(owner=owner, project=project, organisation=organisation, **fields)
    db.session.add(mobility)
    db.session.commit()
    return mobility


def seed_unit_costs():
    """Store the shipped unit-cost tables again: the test teardown empties every table but
    priorities, so the migration's tables are gone after the first test."""
    from tracker.erasmus.models import DestinationGroupMember, UnitCostRate, UnitCostYear
    from tracker.erasmus.shipped_unit_costs import HOME_AGENCY, SHIPPED_YEARS

    stored = set(db.session.scalars(db.select(UnitCostYear.call_year)))
    for call_year, shipped in SHIPPED_YEARS.items():
        if call_year in stored:
            continue
        year = UnitCostYear(
            national_agency=HOME_AGENCY, call_year=call_year, sources=shipped.sources
        )
        year.rates = [
            UnitCostRate(
                key=name,
                amount=figure.amount,
                source=figure.source,
                carried_over_from=figure.carried_over_from,
            )
            for name, figure in shipped.figures.items()
        ]
        year.groups = [
            DestinationGroupMember(country=country, destination_group=group)
            for country, group in shipped.groups.items()
        ]
        db.session.add(year)
    db.session.commit()


def enter_figures(call_year, figures):
    """Enter amounts into a stored call year, as the office does for a missing figure:
    enter_figures(2024, {"student_per_month.1": Decimal("600")})."""
    from tracker.erasmus.models import UnitCostRate, UnitCostYear

    rates = db.session.scalars(
        db.select(UnitCostRate)
        .join(UnitCostRate.year)
        .where(UnitCostYear.call_year == call_year, UnitCostRate.key.in_(figures))
    ).all()
    assert {rate.key for rate in rates} == set(figures), "no such figure in that call year"
    for rate in rates:
        rate.amount = figures[rate.key]
        rate.source = "Entered in a test"
    db.session.commit()


def make_deadline(**fields):
    """A general call deadline a month from today; pass project=… to tie it to a project."""
    from datetime import date, timedelta

    from tracker.deadlines.models import Deadline, DeadlineKind

    number = next(_sequence)
    fields.setdefault("title", f"Deadline {number}")
    fields.setdefault("kind", DeadlineKind.CALL)
    fields.setdefault("due_date", date.today() + timedelta(days=30))
    deadline = Deadline(**fields)
    db.session.add(deadline)
    db.session.commit()
    return deadline
