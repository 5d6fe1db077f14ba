"""Pages for mobilities: list, detail, create, edit, and the grant preview."""

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.routing import BuildError
from wtforms.fields.core import UnboundField

from tracker.auth.permissions import can, permission_required
from tracker.column_types import as_id
from tracker.erasmus.countries import country_name
from tracker.erasmus.destination_groups import group_for
from tracker.erasmus.distances import propose_band
from tracker.extensions import db
from tracker.kept_pages import kept_until_data_changes
from tracker.list_settings.views import list_settings
from tracker.listing import export_url, paginated, sort_key, sorted_by
from tracker.mobilities import (
    queries,
    submission_gaps,  # noqa: F401  (registers what a mobility needs to be submitted)
)
from tracker.mobilities.filters import MobilityFilterForm
from tracker.mobilities.forms import MobilityForm, RecalculateForm
from tracker.mobilities.grant_inputs import calculate, inputs_from_form, inputs_from_mobility
from tracker.mobilities.models import Mobility
from tracker.mobilities.operations import (
    EDITABLE_FIELDS,
    create_mobility,
    recalculate_on_purpose,
    update_mobility,
)
from tracker.mobilities.recalculation import GRANT_FIELDS
from tracker.records.downloads import download_select, export_routes
from tracker.records.export_columns import MOBILITY_COLUMNS, MOBILITY_EXPORT_COLUMNS
from tracker.records.history import snapshot
from tracker.records.stale import commit_unless_stale, refuse_stale, stale_message
from tracker.submissions import commit_created, replayed
from tracker.workflow.bulk import BulkForm, bulk_page
from tracker.workflow.completeness import mark_gaps
from tracker.workflow.operations import TransitionRefused, transition_record
from tracker.workflow.states import Status

bp = Blueprint("mobilities", __name__, url_prefix="/mobilities")
DEFAULT_SORT = "-start"


@bp.context_processor
def country_names():
    return {"country_name": lambda code: country_name(code, get_locale() or "en")}


@bp.route("/")
@permission_required("use_tracker")
@kept_until_data_changes
def index():
    filters = MobilityFilterForm(current_user)
    sort = sort_key(queries.SORTABLE, DEFAULT_SORT)
    count = filters.apply(queries.mobility_count(current_user, filters.tables()))
    sorted_tables = {queries.SORTED_TABLES.get(sort.lstrip("-"))} - {None}
    keys = queries.mobility_keys(current_user, filters.tables() | sorted_tables)
    # The page's ids come from the narrow, filtered `keys`; only they are read whole.
    page = paginated(
        _sorted(queries.mobility_list(current_user)),
        count=count,
        keys=_sorted(filters.apply(keys)),
    )
    return render_template(
        "mobilities/index.html",
        filters=filters,
        pagination=page,
        sort=sort,
        bulk=BulkForm(current_user, "mobilities"),
        **list_settings(current_user, "mobilities"),
    )


@bp.route("/bulk", methods=["POST"])
@permission_required("use_tracker")
def bulk():
    """One transition for the ticked mobilities, or all that match the list's filters."""
    _filters, query, _sort = _filtered_list()
    return bulk_page(current_user, "mobilities", query, Mobility, export_url("mobilities.index"))


@export_routes(bp, "/export")
@permission_required("use_tracker")
def export(file_format):
    """Exactly the rows the list shows with these filters, every page, as CSV or XLSX."""
    filters = MobilityFilterForm(current_user)
    query = filters.apply(queries.mobility_rows(current_user, MOBILITY_EXPORT_COLUMNS))
    chosen = filters.chosen()
    return download_select(
        file_format,
        _sorted(query),
        MOBILITY_COLUMNS,
        "mobilities",
        chosen.get("call_year"),
        chosen.get("action"),
    )


def _filtered_list():
    """The list's filter form, its filtered and sorted select, and the sort key."""
    filters = MobilityFilterForm(current_user)
    query = filters.apply(queries.mobility_list(current_user))
    return filters, _sorted(query), sort_key(queries.SORTABLE, DEFAULT_SORT)


def _sorted(query):
    return sorted_by(query, queries.SORTABLE, sort_key(queries.SORTABLE, DEFAULT_SORT), Mobility.id)


@bp.route("/<int:mobility_id>")
@permission_required("use_tracker")
def detail(mobility_id):
    mobility = _visible_or_404(mobility_id)
    return render_template(
        "mobilities/detail.html",
        mobility=mobility,
        result=calculate(inputs_from_mobility(mobility)),
        history=queries.history_of(mobility),
        field_labels=field_labels(),
        project_url=_project_url(mobility.project),
        recalculate_form=RecalculateForm(version=mobility.version),
        destination_group=_destination_group(mobility),
    )


def _destination_group(mobility):
    if mobility.project is None or mobility.organisation is None:
        return None
    return group_for(mobility.project.call_year, mobility.organisation.country)


@bp.route("/new", methods=["GET", "POST"])
@permission_required("use_tracker")
def create():
    form = MobilityForm(current_user)
    if request.method == "GET":
        if form.owner_id is not None:
            form.owner_id.data = current_user.id
        form.travel_days.data = 0
        if request.args.get("project_id"):
            _preset_from_project(form)
    else:
        form.fill_proposed_band()
    _refuse_office_fields_from_staff()
    if earlier := replayed(form):
        return earlier
    if _saving(form) and form.validate():
        mobility = create_mobility(form, current_user)
        target = commit_created(form, url_for("mobilities.detail", mobility_id=mobility.id))
        flash(_("Mobility of %(name)s created.", name=mobility.participant_name), "success")
        if request.form.get("and_submit") and target.endswith(f"/{mobility.id}"):
            return _submit_after_saving(mobility)
        return redirect(target)
    return _render_form(form, None)


def _preset_from_project(form):
    """Coming from a funding project's page ("New mobility in this project"): the project is
    chosen, the partner list narrowed to what it funds, its only partner chosen."""
    form.project_id.data = as_id(request.args.get("project_id")) or 0
    form.narrow_partners()
    partners = [choice.value for choice in form.organisation_id.choices if choice.value]
    if form.chosen_project() is not None and len(partners) == 1:
        form.organisation_id.data = partners[0]


def _submit_after_saving(mobility):
    """The form's "Submit for review": the mobility, saved, is submitted at once; when
    something is missing it stays a draft and its form opens again, each gap beside its field."""
    name = "resubmit" if mobility.status is Status.CHANGES_REQUESTED else "submit"
    try:
        transition_record(mobility, name, current_user)
    except TransitionRefused as refusal:
        db.session.rollback()
        if refusal.problems:
            return redirect(url_for("mobilities.edit", mobility_id=mobility.id, missing=1))
        flash(refusal.message, "error")
        return redirect(url_for("mobilities.detail", mobility_id=mobility.id))
    db.session.commit()
    flash(_("Mobility of %(name)s submitted.", name=mobility.participant_name), "success")
    return redirect(url_for("mobilities.detail", mobility_id=mobility.id))


@bp.route("/<int:mobility_id>/edit", methods=["GET", "POST"])
@permission_required("use_tracker")
def edit(mobility_id):
    mobility = _visible_or_404(mobility_id)
    if not can(current_user, "edit", mobility):
        abort(403)
    _refuse_office_fields_from_staff()
    kept = {
        "current_project_id": mobility.project_id,
        "current_organisation_id": mobility.organisation_id,
        "current_owner_id": mobility.owner_id,
    }
    if request.method == "GET":
        form = MobilityForm(current_user, obj=mobility, **kept)
        _fill_from(form, mobility)
        gaps = None
        if request.args.get("missing") and mobility.status.owner_may_edit:
            gaps = mark_gaps(form, mobility)
        return _render_form(form, mobility, gaps=gaps)
    form = MobilityForm(current_user, **kept)
    form.fill_proposed_band()
    if not (_saving(form) and form.validate()):
        return _render_form(form, mobility)
    if not commit_unless_stale(
        mobility, form.version.data, lambda: update_mobility(mobility, form, current_user)
    ):
        return _render_stale(form, mobility_id)
    flash(_("Mobility of %(name)s saved.", name=mobility.participant_name), "success")
    if request.form.get("and_submit"):
        return _submit_after_saving(mobility)
    return redirect(url_for("mobilities.detail", mobility_id=mobility.id))


@bp.route("/grant-preview", methods=["POST"])
@permission_required("use_tracker")
def grant_preview():
    """The breakdown for the form as typed so far, as an HTML fragment (CSRF-checked POST)."""
    form = MobilityForm(current_user)
    return render_template(
        "mobilities/_grant.html", result=calculate(inputs_from_form(form)), form=form
    )


@bp.route("/partner-options")
@permission_required("use_tracker")
def partner_options():
    """The partner organisations the form offers for a funding project, as <option>s: a KA171
    project's partners, every organisation otherwise (the script narrows the list with it)."""
    project = queries.funding_project(request.args.get("project_id"))
    keep = request.args.get("keep")
    return render_template(
        "mobilities/_partner_options.html",
        choices=queries.organisation_choices(project, keep=keep),
    )


@bp.route("/suggestions/<kind>")
@permission_required("use_tracker")
def suggestions(kind):
    """Names for a text filter as a person types (JSON for tracker/static/suggest.js): only
    records the user may see."""
    return jsonify(queries.suggestions(current_user, kind, request.args.get("q", "")))


@bp.route("/band-proposal")
@permission_required("use_tracker")
def band_proposal():
    """The distance band the map proposes for a partner organisation, as an HTML fragment."""
    partner = queries.organisation(request.args.get("organisation_id"))
    return render_template("mobilities/_band_proposal.html", proposal=_proposal_of(partner))


@bp.route("/<int:mobility_id>/recalculate", methods=["POST"])
@permission_required("use_tracker")
def recalculate(mobility_id):
    """A coordinator recalculates a grant on purpose (a completed one keeps its own otherwise)."""
    mobility = _visible_or_404(mobility_id)
    if not can(current_user, "recalculate_grant", mobility):
        abort(403)
    form = RecalculateForm()
    if not form.validate_on_submit():
        abort(400)
    changed = []
    if not commit_unless_stale(
        mobility,
        form.version.data,
        lambda: changed.append(recalculate_on_purpose(mobility, current_user)),
    ):
        # Nothing was typed: the mobility's page shows what was saved meanwhile.
        flash(stale_message(), "error")
        return redirect(url_for("mobilities.detail", mobility_id=mobility_id))
    if changed[0]:
        flash(_("Grant recalculated from the current unit costs."), "success")
    else:
        flash(_("The current unit costs give the same grant: nothing changed."), "info")
    return redirect(url_for("mobilities.detail", mobility_id=mobility.id))


def _proposal_of(partner):
    return propose_band(partner.country, partner.city) if partner else None


def field_labels():
    """{field: label} for the history timeline, from the form's own labels."""
    labels = {
        name.removesuffix("_id"): unbound.args[0]
        for name, unbound in vars(MobilityForm).items()
        if isinstance(unbound, UnboundField) and unbound.args
    }
    labels |= {
        "grant_total": _("Calculated grant"),
        "grant_individual": _("Individual support"),
        "grant_travel": _("Travel"),
        "grant_top_ups": _("Top-ups"),
    }
    shown = (*EDITABLE_FIELDS, *GRANT_FIELDS, "grant_override_total")
    return {name: labels.get(name, name) for name in shown}


def _visible_or_404(mobility_id):
    return queries.visible_mobility(current_user, mobility_id) or abort(404)


def _saving(form):
    """A POST that is not one of the buttons that only show something: "Calculate grant"
    (the breakdown) and "Show this project's partners" (the narrowed list)."""
    return request.method == "POST" and not (form.calculate.data or form.show_partners.data)


def _refuse_office_fields_from_staff():
    """Only coordinators and admins set the owner or the grant by hand: refused to others."""
    if request.method != "POST" or can(current_user, "act_on_every_record"):
        return
    if any(request.form.get(name, "").strip() for name in MobilityForm.OFFICE_FIELDS):
        abort(403)


def _fill_from(form, mobility):
    for name in ("participant_kind", "activity_type", "flow"):
        getattr(form, name).data = getattr(mobility, name).value
    form.distance_band.data = mobility.distance_band.value if mobility.distance_band else ""
    form.organisation_id.data = mobility.organisation_id
    form.project_id.data = mobility.project_id
    form.priorities.data = [priority.id for priority in mobility.priorities]


def _render_form(form, mobility, stale=None, gaps=None):
    status = 422 if form.errors and gaps is None else 200
    result = calculate(inputs_from_form(form)) if request.method == "POST" else None
    if request.method == "GET" and mobility is not None:
        result = calculate(inputs_from_mobility(mobility))
    return render_template(
        "mobilities/form.html",
        form=form,
        mobility=mobility,
        result=result,
        stale=stale,
        proposal=form.band_proposal(),
        gaps=gaps,
        may_submit=_may_submit(mobility),
    ), status


def _may_submit(mobility):
    """The form's "Submit for review" is offered to whoever will own a new mobility, and to
    the owner of a draft or of one sent back for changes."""
    if mobility is None:
        return True
    return mobility.owner_id == current_user.id and mobility.status.owner_may_edit


def _render_stale(form, mobility_id):
    current = queries.visible_mobility(current_user, mobility_id) or abort(404)
    url = url_for("mobilities.detail", mobility_id=current.id)
    stale = refuse_stale(form, current, snapshot(current, EDITABLE_FIELDS), field_labels(), url)
    response, _status = _render_form(form, current, stale=stale)
    return response, 409


def _project_url(project):
    if project is None:
        return None
    try:
        return url_for("projects.detail", project_id=project.id)
    except BuildError:
        return None
