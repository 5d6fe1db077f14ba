"""Unit costs per call year: admins view a year's table, add a year, correct a rate."""

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.exc import StaleDataError

from tracker.auth.permissions import role_required
from tracker.enums import Role
from tracker.erasmus.models import UnitCostChange, UnitCostRate, UnitCostYear
from tracker.erasmus.rate_tables import figure_labels
from tracker.erasmus.unit_cost_forms import NewCallYearForm, RateCorrectionForm
from tracker.erasmus.unit_cost_operations import add_call_year, correct_rate
from tracker.extensions import db
from tracker.submissions import commit_created, replayed
from tracker.workflow.history import StaleRecord, check_version, stale_message

bp = Blueprint("unit_costs", __name__, url_prefix="/unit-costs")


@bp.route("/")
@role_required(Role.ADMIN)
def index():
    years = db.session.scalars(sa.select(UnitCostYear).order_by(UnitCostYear.call_year.desc()))
    return render_template("unit_costs/index.html", years=years.all())


@bp.route("/<int:call_year>")
@role_required(Role.ADMIN)
def year(call_year):
    year = _year_or_404(call_year)
    labels = figure_labels()
    rates = sorted(year.rates, key=lambda rate: list(labels).index(rate.key))
    changes = db.session.scalars(
        sa.select(UnitCostChange)
        .where(UnitCostChange.year_id == year.id)
        .options(joinedload(UnitCostChange.user), joinedload(UnitCostChange.rate))
        .order_by(UnitCostChange.created_at.desc(), UnitCostChange.id.desc())
    ).all()
    return render_template(
        "unit_costs/year.html", year=year, rates=rates, labels=labels, changes=changes
    )


@bp.route("/new", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def create():
    years = {y.call_year: y for y in db.session.scalars(sa.select(UnitCostYear))}
    form = NewCallYearForm(years)
    if earlier := replayed(form):
        return earlier
    if form.validate_on_submit():
        year = add_call_year(
            form.call_year.data,
            years[form.copy_from.data],
            form.sources.data,
            form.reason.data,
            current_user,
        )
        commit_created(form, url_for("unit_costs.year", call_year=year.call_year))
        flash(_("Call year %(year)s added.", year=year.call_year), "success")
        return redirect(url_for("unit_costs.year", call_year=year.call_year))
    if request.method == "GET" and years:
        newest = years[max(years)]
        form.copy_from.data = newest.call_year
        form.sources.data = newest.sources
    return render_template("unit_costs/new.html", form=form), 422 if form.errors else 200


@bp.route("/<int:call_year>/rates/<int:rate_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def correct(call_year, rate_id):
    year = _year_or_404(call_year)
    rate = db.session.get(UnitCostRate, rate_id)
    if rate is None or rate.year_id != year.id:
        abort(404)
    form = RateCorrectionForm()
    if request.method == "GET":
        form.amount.data = rate.amount
        form.version.data = rate.version
    status = 422 if request.method == "POST" else 200
    if form.validate_on_submit():
        try:
            check_version(rate, form.version.data)
            correct_rate(rate, form.amount.data, form.reason.data, current_user)
            db.session.commit()
        except (StaleRecord, StaleDataError):
            db.session.rollback()
            rate = db.session.get(UnitCostRate, rate_id)
            form.version.data = rate.version
            flash(stale_message(), "error")
            status = 409
        else:
            flash(_("Rate corrected."), "success")
            return redirect(url_for("unit_costs.year", call_year=call_year))
    return render_template(
        "unit_costs/correct.html",
        form=form,
        year=year,
        rate=rate,
        label=figure_labels().get(rate.key, rate.key),
    ), status


def _year_or_404(call_year):
    year = db.session.scalar(sa.select(UnitCostYear).where(UnitCostYear.call_year == call_year))
    return year or abort(404)
