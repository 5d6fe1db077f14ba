"""Named queries on organisations: the list, the choices for a select, duplicates, projects."""

import sqlalchemy as sa
from flask_babel import get_locale

from tracker.auth.permissions import visible
from tracker.erasmus.countries import country_choices, country_name
from tracker.extensions import db
from tracker.organisations.models import Organisation
from tracker.projects.models import Project, ProjectPartner

UNIQUE_FIELDS = ("erasmus_code", "pic", "oid")


def country_order():
    """Countries ordered by their name in the reader's language, as one SQL expression.

    Sorting by the ISO code would put "United Kingdom" (GB) before "Ireland" (IE);
    the list shows names, so it sorts by them.
    """
    positions = {code: position for position, (code, _) in enumerate(country_choices(get_locale()))}
    return sa.case(positions, value=Organisation.country, else_=len(positions))


def sortable_columns():
    return {
        "name": sa.func.lower(Organisation.name),
        "country": country_order(),
        "city": sa.func.lower(Organisation.city),
        "erasmus_code": Organisation.erasmus_code,
    }


def organisation_choices():
    """(id, "name (Erasmus code, country)") of every organisation, by name, for a select."""
    rows = db.session.execute(
        sa.select(
            Organisation.id, Organisation.name, Organisation.erasmus_code, Organisation.country
        ).order_by(sa.func.lower(Organisation.name), Organisation.id)
    )
    locale = get_locale()
    choices = []
    for id_, name, code, country in rows:
        details = ", ".join(part for part in (code, country_name(country, locale)) if part)
        choices.append((id_, f"{name} ({details})"))
    return choices


def duplicates_of(values, organisation_id=None):
    """{field: the other organisation already holding that value} for the unique fields."""
    conditions = [
        getattr(Organisation, field) == values[field] for field in UNIQUE_FIELDS if values[field]
    ]
    if not conditions:
        return {}
    query = sa.select(Organisation).where(sa.or_(*conditions))
    if organisation_id is not None:
        query = query.where(Organisation.id != organisation_id)
    found = {}
    for other in db.session.scalars(query):
        for field in UNIQUE_FIELDS:
            if values[field] and getattr(other, field) == values[field]:
                found.setdefault(field, other)
    return found


def projects_with(organisation, user):
    """(project, partner role) for the projects `organisation` takes part in that `user` may see."""
    query = (
        sa.select(Project, ProjectPartner.role)
        .join(ProjectPartner, ProjectPartner.project_id == Project.id)
        .where(ProjectPartner.organisation_id == organisation.id)
        .order_by(Project.call_year.desc(), Project.title, Project.id)
    )
    return db.session.execute(visible(user, Project, query)).all()
