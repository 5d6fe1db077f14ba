"""Unit costs per call year: the office views a year's table, adds a year, enters or corrects
a figure (coordinators and admins; every change recorded, with a reason)."""

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import joinedload

from tracker.auth.permissions import permission_required
from tracker.erasmus import unit_cost_queries as queries
from tracker.erasmus.countries import country_name
from tracker.erasmus.models import UnitCostChange, UnitCostRate
from tracker.erasmus.shipped_unit_costs import HOME_AGENCY
from tracker.erasmus.unit_cost_figures import figure_label, reading_order
from tracker.erasmus.unit_cost_forms import NewCallYearForm, RateCorrectionForm
from tracker.extensions import db
from tracker.records.changes import field_labels
from tracker.records.history import snapshot
from tracker.records.stale import commit_unless_stale, refuse_stale
from tracker.submissions import commit_created, replayed
from tracker.unit_costs.operations import add_call_year, correct_rate

bp = Blueprint("unit_costs", __name__, url_prefix="/unit-costs")


@bp.context_processor
def country_names():
    return {"country_name": lambda code: country_name(code, get_locale() or "en")}


@bp.route("/")
@permission_required("manage_unit_costs")
def index():
    return render_template(
        "unit_costs/index.html",
        years=queries.home_years(),
        missing=queries.missing_figures(),
        carried_over=queries.carried_over_counts(),
        agency=HOME_AGENCY,
    )


@bp.route("/<int:call_year>")
@permission_required("manage_unit_costs")
def year(call_year):
    year = _year_or_404(call_year)
    by_key = {rate.key: rate for rate in year.rates}
    rates = [by_key[key] for key in reading_order(by_key)]
    sources = list(dict.fromkeys(rate.source for rate in rates))
    changes = db.session.scalars(
        sa.select(UnitCostChange)
        .where(UnitCostChange.year_id == year.id)
        .options(joinedload(UnitCostChange.user), joinedload(UnitCostChange.rate))
        .order_by(UnitCostChange.created_at.desc(), UnitCostChange.id.desc())
    ).all()
    return render_template(
        "unit_costs/year.html",
        year=year,
        rates=rates,
        sources=sources,
        label=figure_label,
        changes=changes,
        groups=_countries_by_group(year),
    )


def _countries_by_group(year):
    groups = {}
    for member in year.groups:
        groups.setdefault(member.destination_group, []).append(member.country)
    return sorted(groups.items(), key=lambda item: item[0].value)


@bp.route("/new", methods=["GET", "POST"])
@permission_required("manage_unit_costs")
def create():
    years = {y.call_year: y for y in queries.home_years()}
    form = NewCallYearForm(years)
    if earlier := replayed(form):
        return earlier
    if form.validate_on_submit():
        year, recalculated = add_call_year(
            form.call_year.data,
            years[form.copy_from.data],
            form.sources.data,
            form.reason.data,
            current_user,
        )
        commit_created(form, url_for("unit_costs.year", call_year=year.call_year))
        flash(_("Call year %(year)s added.", year=year.call_year), "success")
        _flash_recalculated(recalculated)
        return redirect(url_for("unit_costs.year", call_year=year.call_year))
    if request.method == "GET" and years:
        newest = years[max(years)]
        form.copy_from.data = newest.call_year
        form.sources.data = newest.sources
    return render_template("unit_costs/new.html", form=form), 422 if form.errors else 200


@bp.route("/<int:call_year>/rates/<int:rate_id>", methods=["GET", "POST"])
@permission_required("manage_unit_costs")
def correct(call_year, rate_id):
    """Enter a missing figure, or correct or confirm one; the year's open mobilities follow."""
    year = _year_or_404(call_year)
    rate = db.session.get(UnitCostRate, rate_id)
    if rate is None or rate.year_id != year.id:
        abort(404)
    form = RateCorrectionForm()
    if request.method == "GET":
        form.amount.data = rate.amount
        form.source.data = rate.source if rate.amount is not None else ""
        form.version.data = rate.version
    status = 422 if request.method == "POST" else 200
    stale = None
    if form.validate_on_submit():
        recalculated = []
        if commit_unless_stale(
            rate,
            form.version.data,
            lambda: recalculated.append(
                correct_rate(
                    rate, form.amount.data, form.source.data, form.reason.data, current_user
                )
            ),
        ):
            flash(_("%(figure)s saved.", figure=figure_label(rate.key)), "success")
            _flash_recalculated(recalculated[0])
            return redirect(url_for("unit_costs.year", call_year=call_year))
        rate = db.session.get(UnitCostRate, rate_id, populate_existing=True) or abort(404)
        saved = snapshot(rate, ("amount", "source"))
        stale = refuse_stale(form, rate, saved, field_labels(form))
        status = 409
    return render_template(
        "unit_costs/correct.html",
        form=form,
        year=year,
        rate=rate,
        label=figure_label(rate.key),
        stale=stale,
    ), status


def _flash_recalculated(count):
    flash(
        ngettext(
            "%(num)d open mobility of this call year recalculated.",
            "%(num)d open mobilities of this call year recalculated.",
            count,
        ),
        "info",
    )


def _year_or_404(call_year):
    return queries.home_year(call_year) or abort(404)
