"""The partner forms on a project's page: add and remove partners, KA171 planned mobilities.

Each is a POST with CSRF, allowed to whoever may edit the project; a staff
member asking about another's project gets 404 as on the page itself.
"""

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.auth.permissions import can, permission_required
from tracker.extensions import db
from tracker.organisations.queries import organisation_choices
from tracker.projects import queries
from tracker.projects.forms import ConfirmForm, PartnerForm, PlannedMobilityForm
from tracker.projects.kinds import has_consortium, has_partner_budgets
from tracker.projects.models import OurRole, PartnerRole
from tracker.projects.operations import (
    add_partner,
    add_planned_mobility,
    remove_partner,
    remove_planned_mobility,
)
from tracker.projects.views import bp, render_project
from tracker.submissions import commit_created, replayed


def _editable_project(project_id):
    project = queries.project_or_404(current_user, project_id)
    if not can(current_user, "edit", project):
        abort(403)
    return project


def _back(project):
    return redirect(url_for("projects.detail", project_id=project.id, _anchor="partners"))


def _confirmed():
    if not ConfirmForm().validate_on_submit():
        abort(400)


@bp.route("/<int:project_id>/partners", methods=["POST"])
@permission_required("use_tracker")
def add_partner_view(project_id):
    project = _editable_project(project_id)
    form = PartnerForm(
        organisation_choices=organisation_choices(),
        consortium=has_consortium(project.action),
        budgets=has_partner_budgets(project.action),
    )
    if earlier := replayed(form):
        return earlier
    if (
        form.validate_on_submit()
        and _not_yet_partner(form, project)
        and _one_coordinator(form, project)
    ):
        partner = add_partner(project, form, current_user)
        commit_created(form, url_for("projects.detail", project_id=project.id, _anchor="partners"))
        flash(_("%(name)s added as a partner.", name=partner.organisation.name), "success")
        return _back(project)
    return render_project(project, partner_form=form, status=422)


def _not_yet_partner(form, project):
    if any(partner.organisation_id == form.organisation_id.data for partner in project.partners):
        form.organisation_id.errors.append(_("This organisation is already a partner."))
        return False
    return True


def _one_coordinator(form, project):
    """A consortium has one coordinator: us (our role) or one partner."""
    if "role" not in form or form.role.data != PartnerRole.COORDINATOR.value:
        return True
    if project.our_role is OurRole.COORDINATOR:
        form.role.errors.append(_("We coordinate this project; a partner cannot."))
        return False
    if any(partner.role is PartnerRole.COORDINATOR for partner in project.partners):
        form.role.errors.append(_("Another partner already coordinates this project."))
        return False
    return True


@bp.route("/<int:project_id>/partners/<int:partner_id>/remove", methods=["POST"])
@permission_required("use_tracker")
def remove_partner_view(project_id, partner_id):
    project = _editable_project(project_id)
    partner = queries.partner_or_404(project, partner_id)
    _confirmed()
    name = partner.organisation.name
    remove_partner(project, partner, current_user)
    db.session.commit()
    flash(_("%(name)s is no longer a partner of this project.", name=name), "success")
    return _back(project)


@bp.route("/<int:project_id>/partners/<int:partner_id>/planned", methods=["POST"])
@permission_required("use_tracker")
def add_planned_view(project_id, partner_id):
    project = _editable_project(project_id)
    partner = queries.partner_or_404(project, partner_id)
    if not has_partner_budgets(project.action):
        abort(404)
    form = PlannedMobilityForm(partner.id)
    if earlier := replayed(form):
        return earlier
    if form.validate_on_submit():
        add_planned_mobility(partner, form, current_user)
        commit_created(form, url_for("projects.detail", project_id=project.id, _anchor="partners"))
        flash(_("Planned mobilities saved."), "success")
        return _back(project)
    return render_project(project, planned_form=form, status=422)


@bp.route(
    "/<int:project_id>/partners/<int:partner_id>/planned/<int:planned_id>/remove",
    methods=["POST"],
)
@permission_required("use_tracker")
def remove_planned_view(project_id, partner_id, planned_id):
    project = _editable_project(project_id)
    partner = queries.partner_or_404(project, partner_id)
    planned = queries.planned_mobility_or_404(partner, planned_id)
    _confirmed()
    remove_planned_mobility(planned, current_user)
    db.session.commit()
    flash(_("Planned mobilities saved."), "success")
    return _back(project)
