"""Project pages: the list, create, the project's page, edit.

Partner forms on the project's page are handled in partner_views.py, the blended intensive
programmes we organise in bip_views.py.
"""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from tracker.auth.owners import owner_choices
from tracker.auth.permissions import can, permission_required
from tracker.erasmus.actions import Action
from tracker.kept_pages import kept_until_data_changes
from tracker.list_settings.views import list_settings
from tracker.listing import export_url, paginated, sort_key, sorted_by
from tracker.organisations.queries import organisation_choices
from tracker.projects import queries
from tracker.projects.filters import ProjectFilterForm
from tracker.projects.forms import (
    OrganisedBipForm,
    PartnerForm,
    PlannedMobilityForm,
    ProjectForm,
)
from tracker.projects.kinds import CONSORTIUM_ACTIONS, has_consortium, has_partner_budgets
from tracker.projects.models import Project
from tracker.projects.operations import create_project, project_snapshot, update_project
from tracker.projects.organised_bips import MIN_PARTICIPANTS, organised_bips_of
from tracker.records.csv_export import stream_objects
from tracker.records.downloads import download, export_routes
from tracker.records.export_columns import PROJECT_COLUMNS
from tracker.records.stale import commit_unless_stale, refuse_stale
from tracker.submissions import commit_created, replayed
from tracker.workflow.bulk import BulkForm, bulk_page
from tracker.workflow.completeness import mark_gaps

bp = Blueprint("projects", __name__, url_prefix="/projects")


@bp.route("/")
@permission_required("use_tracker")
@kept_until_data_changes
def index():
    filters, query, sort = _filtered_list()
    return render_template(
        "projects/index.html",
        filters=filters,
        pagination=paginated(query),
        sort=sort,
        office=can(current_user, "act_on_every_record"),
        actions=list(Action),
        bulk=BulkForm(current_user, "projects"),
        **list_settings(current_user, "projects"),
    )


@bp.route("/bulk", methods=["POST"])
@permission_required("use_tracker")
def bulk():
    """One transition for the ticked projects, or all that match the list's filters."""
    _filters, query, _sort = _filtered_list()
    return bulk_page(current_user, "projects", query, Project, export_url("projects.index"))


@export_routes(bp, "/export")
@permission_required("use_tracker")
def export(file_format):
    """Exactly the rows the list shows with these filters, every page, as CSV or XLSX."""
    filters, query, _sort = _filtered_list()
    chosen = filters.chosen()
    return download(
        file_format,
        stream_objects(query),
        PROJECT_COLUMNS,
        "projects",
        chosen.get("call_year"),
        chosen.get("action"),
    )


def _filtered_list():
    """The list's filter form, its filtered and sorted select, and the sort key."""
    filters = ProjectFilterForm(
        priorities=queries.priority_choices(),
        faculties=queries.faculty_choices(current_user),
        owners=owner_choices() if can(current_user, "act_on_every_record") else None,
    )
    sort = sort_key(queries.SORTABLE, queries.DEFAULT_SORT)
    query = filters.apply(queries.projects_query(current_user))
    return filters, sorted_by(query, queries.SORTABLE, sort, Project.id), sort


def _project_form(project=None):
    """The project form, with an owner select for coordinators and admins only."""
    data = form_data(project) if project is not None and request.method == "GET" else None
    return ProjectForm(
        data=data,
        owner_choices=(
            owner_choices(project.owner_id if project else None)
            if can(current_user, "act_on_every_record")
            else None
        ),
        priority_choices=queries.priority_choices(),
    )


def form_data(project):
    return {
        "action": project.action.value,
        "call_year": project.call_year,
        "title": project.title,
        "acronym": project.acronym,
        "grant_agreement_number": project.grant_agreement_number,
        "start_date": project.start_date,
        "end_date": project.end_date,
        "our_role": project.our_role.value,
        "requested_amount": project.requested_amount,
        "awarded_amount": project.awarded_amount,
        "owner_id": project.owner_id,
        "faculty": project.faculty,
        "summary": project.summary,
        "priorities": [priority.id for priority in project.priorities],
        "version": project.version,
    }


def _number_is_free(form, project=None):
    """A grant agreement number belongs to one project; the message links to the other one."""
    number = form.grant_agreement_number.data
    other = queries.project_with_number(number, project) if number else None
    if other is None:
        return True
    message = _("Another project already has this grant agreement number.")
    if can(current_user, "view", other):
        message = Markup('{} <a href="{}">{}</a>').format(
            message, url_for("projects.detail", project_id=other.id), other
        )
    form.grant_agreement_number.errors.append(message)
    return False


def _render_form(form, project=None, stale=None, status=200, gaps=None):
    return render_template(
        "projects/form.html",
        form=form,
        project=project,
        stale=stale,
        gaps=gaps,
        consortium_actions=" ".join(action.value for action in CONSORTIUM_ACTIONS),
    ), status


@bp.route("/new", methods=["GET", "POST"])
@permission_required("use_tracker")
def create():
    form = _project_form()
    if request.method == "GET":
        _preselect(form)
    if earlier := replayed(form):
        return earlier
    if form.validate_on_submit() and _number_is_free(form):
        project = create_project(form, current_user)
        target = commit_created(form, url_for("projects.detail", project_id=project.id))
        flash(_("Project %(name)s created.", name=project), "success")
        return redirect(target)
    return _render_form(form, status=422 if form.errors else 200)


def _preselect(form):
    """The action chosen in step one (the list's "New project" form); the owner is the creator."""
    if request.args.get("action") in {action.value for action in Action}:
        form.action.data = request.args["action"]
    if "owner_id" in form:
        form.owner_id.data = current_user.id


@bp.route("/<int:project_id>/edit", methods=["GET", "POST"])
@permission_required("use_tracker")
def edit(project_id):
    project = queries.project_or_404(current_user, project_id)
    if not can(current_user, "edit", project):
        abort(403)
    form = _project_form(project)
    if request.method == "GET" and request.args.get("missing") and project.status.owner_may_edit:
        return _render_form(form, project, gaps=mark_gaps(form, project))
    if form.validate_on_submit() and _number_is_free(form, project):
        if not commit_unless_stale(
            project, form.version.data, lambda: update_project(project, form, current_user)
        ):
            return _stale(form, project_id)
        flash(_("Project %(name)s saved.", name=project), "success")
        return redirect(url_for("projects.detail", project_id=project.id))
    return _render_form(form, project, status=422 if form.errors else 200)


def _stale(form, project_id):
    """Refuse a stale save: keep the person's input, show what the other person saved."""
    project = queries.project_or_404(current_user, project_id)
    url = url_for("projects.detail", project_id=project.id)
    stale = refuse_stale(form, project, project_snapshot(project), field_labels(), url)
    return _render_form(form, project, stale=stale, status=409)


@bp.route("/<int:project_id>")
@permission_required("use_tracker")
def detail(project_id):
    project = queries.project_or_404(current_user, project_id)
    return render_project(project)


def render_project(project, partner_form=None, planned_form=None, bip_form=None, status=200):
    """The project's page; a partner or programme form that failed comes back with its errors."""
    partners = queries.partners_of(project)
    editable = can(current_user, "edit", project)
    if editable and partner_form is None:
        partner_form = PartnerForm(
            formdata=None,
            organisation_choices=organisation_choices(),
            consortium=has_consortium(project.action),
            budgets=has_partner_budgets(project.action),
        )
    planned_forms = {}
    if editable and has_partner_budgets(project.action):
        planned_forms = {
            partner.id: PlannedMobilityForm(partner.id, formdata=None) for partner in partners
        }
        if planned_form is not None:
            planned_forms[planned_form.partner_id] = planned_form
    organises_bips = project.action is Action.KA131_HED
    mobilities, mobility_total = queries.mobilities_of(current_user, project)
    if editable and organises_bips and bip_form is None:
        bip_form = OrganisedBipForm(project, formdata=None)
    return render_template(
        "projects/detail.html",
        project=project,
        partners=partners,
        organised_bips=organised_bips_of(project) if organises_bips else None,
        bip_form=bip_form,
        min_bip_participants=MIN_PARTICIPANTS,
        mobilities=mobilities,
        mobility_total=mobility_total,
        field_labels=field_labels(),
        editable=editable,
        partner_form=partner_form,
        planned_forms=planned_forms,
        consortium=has_consortium(project.action),
        budgets=has_partner_budgets(project.action),
    ), status


def field_labels():
    form = ProjectForm(formdata=None, owner_choices=[])
    labels = {name: field.label.text for name, field in form._fields.items()}
    labels.update(
        owner=_("Owner"),
        partners=_("Partners"),
        planned_mobilities=_("Planned mobilities"),
        organised_bips=_("Blended intensive programmes we organise"),
    )
    return labels


from tracker.projects import bip_views, partner_views  # noqa: E402, F401  (routes on this bp)
