"""Pages for mobilities: list, detail, create, edit, and the grant preview."""

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.routing import BuildError
from wtforms.fields.core import UnboundField

from tracker.auth.permissions import can, is_office
from tracker.erasmus.countries import country_name
from tracker.erasmus.destination_groups import group_for
from tracker.erasmus.distances import propose_band
from tracker.extensions import db
from tracker.listing import paginated, sort_key, sorted_by
from tracker.mobilities import queries
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
from tracker.reports.csv_export import csv_response, stream_rows
from tracker.reports.export_columns import MOBILITY_COLUMNS, MOBILITY_EXPORT_COLUMNS
from tracker.submissions import commit_created, replayed
from tracker.workflow.history import StaleRecord, check_version, stale_message

bp = Blueprint("mobilities", __name__, url_prefix="/mobilities")
DEFAULT_SORT = "-start"


@bp.context_processor
def country_names():
    return {"country_name": lambda code: country_name(code, get_locale() or "en")}


@bp.route("/")
@login_required
def index():
    filters, query, sort = _filtered_list()
    count = filters.apply(queries.mobility_count(current_user, filters.tables()))
    return render_template(
        "mobilities/index.html",
        filters=filters,
        pagination=paginated(query, count=count),
        sort=sort,
    )


@bp.route("/export.csv")
@login_required
def export():
    """Exactly the rows the list shows with these filters, every page, as CSV."""
    filters = MobilityFilterForm(current_user)
    query = filters.apply(queries.mobility_rows(current_user, MOBILITY_EXPORT_COLUMNS))
    chosen = filters.chosen()
    return csv_response(
        stream_rows(_sorted(query)),
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
@login_required
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
@login_required
def create():
    form = MobilityForm(current_user)
    if request.method == "GET":
        if form.owner_id is not None:
            form.owner_id.data = current_user.id
        form.travel_days.data = 0
    else:
        form.fill_proposed_band()
    _refuse_office_fields_from_staff()
    if earlier := replayed(form):
        return earlier
    if _saving(form) and form.validate():
        mobility = create_mobility(form, current_user)
        target = commit_created(form, url_for("mobilities.detail", mobility_id=mobility.id))
        flash(_("Mobility of %(name)s created.", name=mobility.participant_name), "success")
        return redirect(target)
    return _render_form(form, None)


@bp.route("/<int:mobility_id>/edit", methods=["GET", "POST"])
@login_required
def edit(mobility_id):
    mobility = _visible_or_404(mobility_id)
    if not can(current_user, "edit", mobility):
        abort(403)
    _refuse_office_fields_from_staff()
    kept = {
        "current_project_id": mobility.project_id,
        "current_organisation_id": mobility.organisation_id,
    }
    if request.method == "GET":
        form = MobilityForm(current_user, obj=mobility, **kept)
        _fill_from(form, mobility)
        return _render_form(form, mobility)
    form = MobilityForm(current_user, **kept)
    form.fill_proposed_band()
    if not (_saving(form) and form.validate()):
        return _render_form(form, mobility)
    try:
        check_version(mobility, form.version.data)
        update_mobility(mobility, form, current_user)
        db.session.commit()
    except (StaleRecord, StaleDataError):
        db.session.rollback()
        return _render_stale(form, mobility_id)
    flash(_("Mobility of %(name)s saved.", name=mobility.participant_name), "success")
    return redirect(url_for("mobilities.detail", mobility_id=mobility.id))


@bp.route("/grant-preview", methods=["POST"])
@login_required
def grant_preview():
    """The breakdown for the form as typed so far, as an HTML fragment (CSRF-checked POST)."""
    form = MobilityForm(current_user)
    return render_template(
        "mobilities/_grant.html", result=calculate(inputs_from_form(form)), form=form
    )


@bp.route("/partner-options")
@login_required
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
@login_required
def suggestions(kind):
    """Names for a text filter as a person types (JSON for tracker/static/suggest.js): only
    records the user may see."""
    return jsonify(queries.suggestions(current_user, kind, request.args.get("q", "")))


@bp.route("/band-proposal")
@login_required
def band_proposal():
    """The distance band the map proposes for a partner organisation, as an HTML fragment."""
    partner = queries.organisation(request.args.get("organisation_id"))
    return render_template("mobilities/_band_proposal.html", proposal=_proposal_of(partner))


@bp.route("/<int:mobility_id>/recalculate", methods=["POST"])
@login_required
def recalculate(mobility_id):
    """A coordinator recalculates a grant on purpose (a completed one keeps its own otherwise)."""
    mobility = _visible_or_404(mobility_id)
    if not can(current_user, "recalculate_grant", mobility):
        abort(403)
    form = RecalculateForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        check_version(mobility, form.version.data)
        changed = recalculate_on_purpose(mobility, current_user)
        db.session.commit()
    except (StaleRecord, StaleDataError):
        db.session.rollback()
        flash(stale_message(), "error")
        return redirect(url_for("mobilities.detail", mobility_id=mobility_id))
    if changed:
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
    if request.method != "POST" or is_office(current_user):
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


def _render_form(form, mobility, stale=False):
    status = 422 if form.errors else 200
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
    ), status


def _render_stale(form, mobility_id):
    current = queries.visible_mobility(current_user, mobility_id) or abort(404)
    form.version.data = str(current.version)
    flash(stale_message(), "error")
    response, _status = _render_form(form, current, stale=True)
    return response, 409


def _project_url(project):
    if project is None:
        return None
    try:
        return url_for("projects.detail", project_id=project.id)
    except BuildError:
        return None
