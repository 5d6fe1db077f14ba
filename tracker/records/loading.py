"""The two kinds of record the workflow serves, addressed by a URL segment."""

from flask import abort, url_for

from tracker.auth.permissions import can
from tracker.extensions import db


def record_models():
    from tracker.mobilities.models import Mobility
    from tracker.projects.models import Project

    return {"projects": Project, "mobilities": Mobility}


def kind_of(record):
    return record.__tablename__


def load_record_for(user, kind, record_id):
    """The record, if `user` may see it; 404 otherwise (never a hint that it exists)."""
    model = record_models().get(kind) or abort(404)
    record = db.session.get(model, record_id)
    if record is None or not can(user, "view", record):
        abort(404)
    return record


def record_url(record, **anchor):
    endpoint = "projects.detail" if kind_of(record) == "projects" else "mobilities.detail"
    id_name = "project_id" if kind_of(record) == "projects" else "mobility_id"
    return url_for(endpoint, **{id_name: record.id}, **anchor)
