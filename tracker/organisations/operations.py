"""Creating and changing organisations, each with its trace (records/changes.py);
the view commits."""

from tracker.extensions import db
from tracker.organisations.models import Organisation
from tracker.records.changes import ChangeKind, log_change, snapshot


def create_organisation(values, user):
    organisation = Organisation(**values)
    db.session.add(organisation)
    db.session.flush()
    log_change(organisation, user, ChangeKind.CREATED, after=snapshot(organisation, values))
    return organisation


def update_organisation(organisation, values, user):
    """Apply `values` (the view has checked the form's version)."""
    before = snapshot(organisation, values)
    for field, value in values.items():
        setattr(organisation, field, value)
    db.session.flush()
    log_change(organisation, user, ChangeKind.EDITED, before, snapshot(organisation, values))
    return organisation
