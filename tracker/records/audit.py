"""The audit page: every change to every record, newest first, for admins.

One list over both trails: `history` (projects and mobilities) and
`record_changes` (accounts, organisations, deadlines), filtered by person,
kind of record and date (as the office's calendar reads it), a page at a time.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from math import ceil
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import Blueprint, current_app, render_template, request
from flask_babel import lazy_gettext as _l
from wtforms import DateField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional

from tracker.auth.models import User
from tracker.auth.permissions import permission_required
from tracker.column_types import MAX_ID
from tracker.extensions import db
from tracker.form_base import SelectField, int_or_none
from tracker.listing import ANY, FilterForm
from tracker.mobilities.models import Mobility
from tracker.projects.models import Project
from tracker.records.models import ChangedRecord, ChangeKind, RecordChange
from tracker.workflow.models import HistoryEntry, HistoryKind

bp = Blueprint("audit", __name__, url_prefix="/audit")

RECORD_TYPES = {
    "projects": _l("Project"),
    "mobilities": _l("Mobility"),
    **{member.value: member.label for member in ChangedRecord},
}
"""The kinds of record the audit covers, by table name."""

KIND_LABELS = {member.value: member.label for member in (*HistoryKind, *ChangeKind)}


class AuditFilterForm(FilterForm):
    person = SelectField(_l("Person"), coerce=int_or_none, validate_choice=False)
    record_type = SelectField(
        _l("Record"),
        choices=[ANY] + [SelectChoice(value, label) for value, label in RECORD_TYPES.items()],
    )
    start = DateField(_l("From"), validators=[Optional()])
    end = DateField(_l("To"), validators=[Optional()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        people = db.session.execute(
            sa.select(User.id, User.full_name).order_by(sa.func.lower(User.full_name), User.id)
        )
        self.person.choices = [SelectChoice("", _l("Anyone"))] + [
            SelectChoice(id_, name) for id_, name in people
        ]


def trail():
    """Both trails as one select: created_at, user_id, record_type, record_id, label, kind,
    changes."""
    history = (
        sa.select(
            HistoryEntry.id,
            HistoryEntry.created_at,
            HistoryEntry.user_id,
            sa.case((HistoryEntry.project_id.is_not(None), "projects"), else_="mobilities").label(
                "record_type"
            ),
            sa.func.coalesce(HistoryEntry.project_id, HistoryEntry.mobility_id).label("record_id"),
            sa.func.coalesce(Project.acronym, Project.title, Mobility.participant_name).label(
                "label"
            ),
            sa.cast(HistoryEntry.kind, sa.String(40)).label("kind"),
            HistoryEntry.changes,
        )
        .outerjoin(Project, HistoryEntry.project_id == Project.id)
        .outerjoin(Mobility, HistoryEntry.mobility_id == Mobility.id)
    )
    changes = sa.select(
        RecordChange.id,
        RecordChange.created_at,
        RecordChange.user_id,
        sa.cast(RecordChange.record_type, sa.String(40)),
        RecordChange.record_id,
        RecordChange.record_label,
        sa.cast(RecordChange.kind, sa.String(40)),
        RecordChange.changes,
    )
    return sa.union_all(history, changes).subquery("trail")


def filtered(chosen):
    """The trail's rows that match the chosen filters, newest first, with the person."""
    rows = trail()
    zone = ZoneInfo(current_app.config["OFFICE_TIMEZONE"])
    query = (
        sa.select(rows, User.full_name.label("person"))
        .outerjoin(User, User.id == rows.c.user_id)
        .order_by(rows.c.created_at.desc(), rows.c.record_type, rows.c.id.desc())
    )
    if chosen.person.data is not None:
        query = query.where(rows.c.user_id == chosen.person.data)
    if chosen.record_type.data in RECORD_TYPES:
        query = query.where(rows.c.record_type == chosen.record_type.data)
    if chosen.start.data:
        query = query.where(
            rows.c.created_at >= datetime.combine(chosen.start.data, time.min, zone)
        )
    if chosen.end.data:
        day_after = chosen.end.data + timedelta(days=1)
        query = query.where(rows.c.created_at < datetime.combine(day_after, time.min, zone))
    return query


@dataclass
class Page:
    """One page of rows, with what the pagination macro shows."""

    items: list
    page: int
    pages: int
    total: int

    @property
    def has_prev(self):
        return self.page > 1

    @property
    def has_next(self):
        return self.page < self.pages

    @property
    def prev_num(self):
        return self.page - 1

    @property
    def next_num(self):
        return self.page + 1


def page_of(query):
    """A page of `query`'s rows (a number out of range gives the last page, never a 404)."""
    per_page = current_app.config["PER_PAGE"]
    total = db.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
    pages = max(ceil(total / per_page), 1)
    try:
        page = int(request.args.get("page", 1))
    except ValueError:
        page = 1
    page = min(max(page, 1), pages, MAX_ID // per_page)
    items = db.session.execute(query.limit(per_page).offset((page - 1) * per_page)).all()
    return Page(items=items, page=page, pages=pages, total=total)


@bp.route("/")
@permission_required("read_audit")
def index():
    filters = AuditFilterForm()
    filters.validate()
    return render_template(
        "records/audit.html",
        filters=filters,
        pagination=page_of(filtered(filters)),
        record_types=RECORD_TYPES,
        kind_labels=KIND_LABELS,
    )
