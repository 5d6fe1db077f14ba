"""Shared pieces of the project tests: a valid form submission to vary one field at a time."""

import pytest
import sqlalchemy as sa

from tracker.extensions import db
from tracker.priorities.models import Priority


@pytest.fixture
def priority_ids(app):
    return db.session.scalars(sa.select(Priority.id).order_by(Priority.position)).all()


def project_form(**changes):
    """A valid KA220 project as a browser sends it; None leaves a field out."""
    data = {
        "action": "KA220-HED",
        "call_year": "2024",
        "title": "Digital teaching together",
        "acronym": "DIGITOG",
        "grant_agreement_number": "2024-1-NL01-KA220-HED-000123456",
        "start_date": "2024-09-01",
        "end_date": "2026-08-31",
        "our_role": "partner",
        "requested_amount": "250000.00",
        "awarded_amount": "",
        "faculty": "",
        "summary": "Teachers from four countries share digital courses.",
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}
