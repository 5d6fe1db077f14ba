"""Changing projects: create, edit, partners and planned mobilities, each with its history.

Operations add rows and flush; the view commits once, so a change and its
history entry land together or not at all.
"""

from tracker.auth.models import User
from tracker.column_types import utcnow
from tracker.erasmus.actions import Action
from tracker.erasmus.mobility_types import ActivityType, Flow
from tracker.extensions import db
from tracker.projects.kinds import our_role_for, partner_role_for
from tracker.projects.models import PlannedMobility, Project, ProjectPartner
from tracker.projects.queries import priorities_by_id
from tracker.records.history import log_creation, log_edit, snapshot
from tracker.workflow.states import Status

EDITED_FIELDS = (
    "action",
    "call_year",
    "title",
    "acronym",
    "grant_agreement_number",
    "start_date",
    "end_date",
    "our_role",
    "requested_amount",
    "awarded_amount",
    "faculty",
    "summary",
    "priorities",
)
"""The project's fields the form edits, as history records them (plus the owner)."""


def project_snapshot(project):
    values = snapshot(project, EDITED_FIELDS)
    values["owner"] = project.owner.full_name if project.owner else None
    return values


def _apply(project, form, user):
    action = Action(form.action.data)
    project.action = action
    project.call_year = form.call_year.data
    project.title = form.title.data
    project.acronym = form.acronym.data
    project.grant_agreement_number = form.grant_agreement_number.data
    project.start_date = form.start_date.data
    project.end_date = form.end_date.data
    project.our_role = our_role_for(action, form.our_role.data)
    project.requested_amount = form.requested_amount.data
    project.awarded_amount = form.awarded_amount.data
    project.summary = form.summary.data
    project.priorities = priorities_by_id(form.priorities.data)
    if "owner_id" in form:
        project.owner = db.session.get(User, form.owner_id.data) or user
    elif project.owner is None:
        project.owner = user
    project.faculty = form.faculty.data or project.owner.faculty


def create_project(form, user):
    """A new project, in draft, owned by `user` unless a coordinator chose another owner."""
    project = Project(status=Status.DRAFT)
    _apply(project, form, user)
    db.session.add(project)
    db.session.flush()
    log_creation(project, user)
    return project


def update_project(project, form, user):
    """Save the form onto `project` (the view has checked the form's version)."""
    before = project_snapshot(project)
    _apply(project, form, user)
    entry = log_edit(project, user, before, project_snapshot(project))
    if entry is not None:
        # Touch the row even when only priorities changed, so the version moves on.
        project.updated_at = utcnow()
    db.session.flush()
    return entry


def _partner_text(partner):
    parts = [partner.organisation.name, str(partner.role.label)]
    if partner.budget is not None:
        parts.append(f"EUR {partner.budget:.2f}")
    return " – ".join(parts)


def _planned_text(partner):
    return "; ".join(
        f"{partner.organisation.name}: {planned.activity_type.value} "
        f"{planned.flow.label} × {planned.planned}"
        for planned in partner.planned_mobilities
    )


def _log_partners(project, user, before):
    log_edit(project, user, {"partners": before}, {"partners": _partners_text(project)})


def _partners_text(project):
    return "; ".join(_partner_text(partner) for partner in project.partners) or None


def add_partner(project, form, user):
    before = _partners_text(project)
    partner = ProjectPartner(
        organisation_id=form.organisation_id.data,
        role=partner_role_for(project.action, form.role.data if "role" in form else None),
        budget=form.budget.data if "budget" in form else None,
    )
    project.partners.append(partner)
    db.session.flush()
    db.session.refresh(partner, ["organisation"])
    _log_partners(project, user, before)
    return partner


def remove_partner(project, partner, user):
    before = _partners_text(project)
    project.partners.remove(partner)
    db.session.flush()
    _log_partners(project, user, before)


def add_planned_mobility(partner, form, user):
    """KA171: one row per activity type and flow, so a repeat adds to the number."""
    before = _planned_text(partner) or None
    activity_type, flow = ActivityType(form.activity_type.data), Flow(form.flow.data)
    existing = next(
        (
            planned
            for planned in partner.planned_mobilities
            if planned.activity_type is activity_type and planned.flow is flow
        ),
        None,
    )
    if existing is None:
        partner.planned_mobilities.append(
            PlannedMobility(activity_type=activity_type, flow=flow, planned=form.planned.data)
        )
    else:
        existing.planned += form.planned.data
    db.session.flush()
    log_edit(
        partner.project,
        user,
        {"planned_mobilities": before},
        {"planned_mobilities": _planned_text(partner) or None},
    )


def remove_planned_mobility(planned, user):
    partner = planned.partner
    before = _planned_text(partner) or None
    partner.planned_mobilities.remove(planned)
    db.session.flush()
    log_edit(
        partner.project,
        user,
        {"planned_mobilities": before},
        {"planned_mobilities": _planned_text(partner) or None},
    )
