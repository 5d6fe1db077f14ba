"""The blended intensive programmes we organise, on a KA131 project's page: add and remove.

Each is a POST with CSRF, allowed to whoever may edit the project; a staff member asking
about another's project gets 404 as on the page itself.
"""

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker.auth.permissions import can, permission_required
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.projects import queries
from tracker.projects.forms import ConfirmForm, OrganisedBipForm
from tracker.projects.models import OrganisedBip
from tracker.projects.organised_bips import add_organised_bip, remove_organised_bip
from tracker.projects.views import bp, render_project


def _editable_ka131_project(project_id):
    project = queries.project_or_404(current_user, project_id)
    if project.action is not Action.KA131_HED:
        abort(404)
    if not can(current_user, "edit", project):
        abort(403)
    return project


def _back(project):
    return redirect(url_for("projects.detail", project_id=project.id, _anchor="organised-bips"))


@bp.route("/<int:project_id>/bips", methods=["POST"])
@permission_required("use_tracker")
def add_bip_view(project_id):
    project = _editable_ka131_project(project_id)
    form = OrganisedBipForm(project)
    if form.validate_on_submit():
        bip = add_organised_bip(project, form, current_user)
        db.session.commit()
        flash(_("%(title)s added.", title=bip.title), "success")
        return _back(project)
    return render_project(project, bip_form=form, status=422)


@bp.route("/<int:project_id>/bips/<int:bip_id>/remove", methods=["POST"])
@permission_required("use_tracker")
def remove_bip_view(project_id, bip_id):
    project = _editable_ka131_project(project_id)
    bip = db.session.get(OrganisedBip, bip_id)
    if bip is None or bip.project_id != project.id:
        abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    title = bip.title
    remove_organised_bip(project, bip, current_user)
    db.session.commit()
    flash(_("%(title)s removed.", title=title), "success")
    return _back(project)
