"""Records ready for the workflow: complete enough to submit, in any status."""

from decimal import Decimal

import pytest

from tests.factories import make_organisation, make_project
from tracker.extensions import db
from tracker.priorities.models import Priority
from tracker.projects.models import PartnerRole, ProjectPartner


def complete_project(owner, **fields):
    """A KA220 project with everything submission asks for."""
    project = make_project(
        owner, summary="Joint curriculum", requested_amount=Decimal("250000.00"), **fields
    )
    project.priorities = [db.session.scalars(db.select(Priority)).first()]
    project.partners = [ProjectPartner(organisation=make_organisation(), role=PartnerRole.PARTNER)]
    db.session.commit()
    return project


@pytest.fixture
def project_of(app):
    """project_of(owner, status=Status.X): a complete project in the given status."""
    return complete_project
