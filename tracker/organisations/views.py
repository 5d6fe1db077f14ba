"""Partner organisations: everyone signed in reads them, coordinators and admins manage them."""

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup, escape
from sqlalchemy.exc import IntegrityError

from tracker.auth.permissions import permission_required
from tracker.erasmus.countries import country_name
from tracker.extensions import db
from tracker.kept_pages import kept_until_data_changes
from tracker.listing import paginated, sort_key, sorted_by
from tracker.organisations import queries
from tracker.organisations.classification import country_classification
from tracker.organisations.filters import OrganisationFilterForm
from tracker.organisations.forms import FIELDS, OrganisationForm
from tracker.organisations.models import Organisation
from tracker.organisations.operations import create_organisation, update_organisation
from tracker.records.changes import changes_of, field_labels
from tracker.records.history import snapshot
from tracker.records.stale import commit_unless_stale, refuse_stale
from tracker.submissions import commit_created, replayed

bp = Blueprint("organisations", __name__, url_prefix="/organisations")


@bp.context_processor
def country_helpers():
    return {
        "country_name": lambda code: country_name(code, get_locale()),
        "country_classification": country_classification,
    }


@bp.route("/")
@permission_required("use_tracker")
@kept_until_data_changes
def index():
    filters = OrganisationFilterForm()
    sortable = queries.sortable_columns()
    sort = sort_key(sortable, "name")
    query = sorted_by(filters.apply(sa.select(Organisation)), sortable, sort, Organisation.id)
    return render_template(
        "organisations/index.html", filters=filters, sort=sort, pagination=paginated(query)
    )


@bp.route("/<int:organisation_id>")
@permission_required("use_tracker")
def detail(organisation_id):
    organisation = db.session.get(Organisation, organisation_id) or abort(404)
    projects = queries.projects_with(organisation, current_user)
    return render_template(
        "organisations/detail.html",
        organisation=organisation,
        projects=projects,
        changes=changes_of(organisation),
        change_labels=field_labels(OrganisationForm(formdata=None)),
    )


@bp.route("/new", methods=["GET", "POST"])
@permission_required("manage_organisations")
def create():
    form = OrganisationForm()
    if earlier := replayed(form):
        return earlier
    if form.validate_on_submit() and _unique(form):
        try:
            organisation = create_organisation(form.values(), current_user)
            target = commit_created(form, url_for(".detail", organisation_id=organisation.id))
        except IntegrityError:
            db.session.rollback()
            _explain_refusal(form)
            return _render_form(form, None, status=422)
        else:
            flash(_("Organisation %(name)s created.", name=organisation.name), "success")
            return redirect(target)
    return _render_form(form, None)


@bp.route("/<int:organisation_id>/edit", methods=["GET", "POST"])
@permission_required("manage_organisations")
def edit(organisation_id):
    organisation = db.session.get(Organisation, organisation_id) or abort(404)
    form = OrganisationForm(obj=organisation)
    if form.validate_on_submit() and _unique(form, organisation):
        try:
            saved = commit_unless_stale(
                organisation,
                form.version.data,
                lambda: update_organisation(organisation, form.values(), current_user),
            )
        except IntegrityError:
            db.session.rollback()
            _explain_refusal(form, organisation)
            return _render_form(form, organisation, status=422)
        if not saved:
            return _render_stale(form, organisation_id)
        flash(_("Organisation %(name)s saved.", name=organisation.name), "success")
        return redirect(url_for(".detail", organisation_id=organisation.id))
    return _render_form(form, organisation)


def _render_form(form, organisation, stale=None, status=None):
    if status is None:
        status = 422 if form.errors else 200
    return render_template(
        "organisations/form.html", form=form, organisation=organisation, stale=stale
    ), status


def _render_stale(form, organisation_id):
    """The form as typed, the record as saved meanwhile, and a version to save against."""
    current = db.session.get(Organisation, organisation_id, populate_existing=True)
    if current is None:
        abort(404)
    labels = field_labels(OrganisationForm(formdata=None))
    url = url_for(".detail", organisation_id=current.id)
    stale = refuse_stale(form, current, snapshot(current, FIELDS), labels, url)
    return _render_form(form, current, stale=stale, status=409)


def _unique(form, organisation=None):
    """Refuse an Erasmus code, PIC or OID another organisation already has, linking to it."""
    found = queries.duplicates_of(form.values(), organisation.id if organisation else None)
    for field, other in found.items():
        getattr(form, field).errors.append(_duplicate_message(field, other))
    return not found


def _duplicate_message(field, other):
    link = Markup('<a href="%s">%s</a>') % (
        url_for(".detail", organisation_id=other.id),
        other.name,
    )
    messages = {
        "erasmus_code": _("This Erasmus code already belongs to %(organisation)s."),
        "pic": _("This PIC already belongs to %(organisation)s."),
        "oid": _("This OID already belongs to %(organisation)s."),
    }
    return escape(messages[field]) % {"organisation": link}


def _explain_refusal(form, organisation=None):
    """After the database refused a save (a save racing ours took the code): say why."""
    if _unique(form, organisation):
        flash(
            _("The organisation could not be saved. Please check the values and try again."),
            "error",
        )
