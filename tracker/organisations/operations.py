"""Creating and changing organisations; the view commits.

Organisations have no history entries: the history table hangs on projects and
mobilities only (see tracker/record_link.py).
"""

from tracker.extensions import db
from tracker.organisations.models import Organisation
from tracker.workflow.history import check_version


def create_organisation(values):
    organisation = Organisation(**values)
    db.session.add(organisation)
    db.session.flush()
    return organisation


def update_organisation(organisation, values, submitted_version):
    """Apply `values` unless the form showed an older version (raises StaleRecord).

    The version column also guards the UPDATE itself, so a save racing this one
    fails at flush with StaleDataError.
    """
    check_version(organisation, submitted_version)
    for field, value in values.items():
        setattr(organisation, field, value)
    db.session.flush()
    return organisation
