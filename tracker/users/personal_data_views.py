"""Admins answer a person's request for their data: export it as CSV, or anonymise it
after a confirmation step. Routes on the users blueprint."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import BooleanField, EmailField, HiddenField
from wtforms.validators import DataRequired, Email, InputRequired, Length

from tracker.auth.permissions import permission_required
from tracker.extensions import db
from tracker.form_base import Form
from tracker.records.csv_export import Column
from tracker.records.downloads import download
from tracker.users.personal_data import (
    account_of,
    anonymise,
    participations_of,
    personal_data_rows,
)
from tracker.users.views import bp

PERSONAL_DATA_COLUMNS = (
    Column(_l("What"), lambda row: row[0]),
    Column(_l("Record"), lambda row: row[1]),
    Column(_l("Field or date"), lambda row: row[2]),
    Column(_l("Value"), lambda row: row[3]),
)


class PersonalDataForm(Form):
    email = EmailField(
        _l("E-mail address of the person"),
        validators=[DataRequired(), Email(), Length(max=254)],
        description=_l("As an account's sign-in address or a mobility participant's address."),
    )


class AnonymiseForm(Form):
    email = HiddenField(validators=[DataRequired(), Length(max=254)])
    confirm = BooleanField(
        _l("I understand that the name and address cannot be brought back"),
        validators=[InputRequired(_l("Tick the box to confirm."))],
    )


@bp.route("/personal-data", methods=["GET"])
@permission_required("manage_personal_data")
def personal_data():
    return render_template("users/personal_data.html", form=PersonalDataForm())


@bp.route("/personal-data/export", methods=["POST"])
@permission_required("manage_personal_data")
def export_personal_data():
    """Article 15: a CSV (or, with the Excel button, an XLSX) of everything tracker holds
    about the person."""
    form = PersonalDataForm()
    if not form.validate_on_submit():
        return render_template("users/personal_data.html", form=form), 422
    rows = personal_data_rows(form.email.data)
    file_format = "xlsx" if request.form.get("file_format") == "xlsx" else "csv"
    return download(file_format, rows, PERSONAL_DATA_COLUMNS, "personal-data")


@bp.route("/personal-data/anonymise", methods=["POST"])
@permission_required("manage_personal_data")
def anonymise_person():
    """Article 17, step one: what would change, and a confirmation to give."""
    form = PersonalDataForm()
    if not form.validate_on_submit():
        return render_template("users/personal_data.html", form=form), 422
    return _confirmation(AnonymiseForm(formdata=None, email=form.email.data))


@bp.route("/personal-data/anonymise/confirm", methods=["POST"])
@permission_required("manage_personal_data")
def confirm_anonymise():
    """Article 17, step two: the confirmed anonymisation."""
    form = AnonymiseForm()
    if not form.validate_on_submit():
        return _confirmation(form, status=422)
    if account_of(form.email.data) == current_user:
        flash(_("You cannot anonymise your own account."), "error")
        return redirect(url_for("users.personal_data"))
    count = anonymise(form.email.data, current_user)
    db.session.commit()
    flash(
        _("The person's data is anonymised; %(n)d records say so in their history.", n=count),
        "success",
    )
    return redirect(url_for("users.personal_data"))


def _confirmation(form, status=200):
    email = form.email.data
    return render_template(
        "users/anonymise.html",
        form=form,
        account=account_of(email),
        participations=participations_of(email),
    ), status
