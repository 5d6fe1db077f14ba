"""Creating and changing organisations, each with its trace (records/changes.py);
the view commits."""

from tracker.extensions import db
from tracker.organisations.models import Organisation
from tracker.records.changes import ChangeKind, log_change, snapshot
from tracker.records.history import check_version


def create_organisation(values, user):
    organisation = Organisation(**values)
    db.session.add(organisation)
    db.session.flush()
    log_change(organisation, user, ChangeKind.CREATED, after=snapshot(organisation, values))
    return organisation


def update_organisation(organisation, values, submitted_version, user):
    """Apply `values` unless the form showed an older version (raises StaleRecord).

    The version column also guards the UPDATE itself, so a save racing this one
    fails at flush with StaleDataError.
    """
    check_version(organisation, submitted_version)
    before = snapshot(organisation, values)
    for field, value in values.items():
        setattr(organisation, field, value)
    db.session.flush()
    log_change(organisation, user, ChangeKind.EDITED, before, snapshot(organisation, values))
    return organisation
