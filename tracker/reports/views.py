"""Report pages: the coordinator dashboard and the office's reports, each with its CSV.

Access: the dashboard is the office's (coordinators and admins). The reports are
open to every signed-in user and count only what `visible` lets them see: staff
get reports over their own records, the office over all. A project's mobility
report answers 404 for a project the user may not see.
"""

from itertools import groupby
from operator import attrgetter

from flask import Blueprint, abort, render_template
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from tracker.auth.permissions import permission_required
from tracker.erasmus.actions import Action
from tracker.erasmus.budget_rules import third_country_cap_use
from tracker.erasmus.mobility_types import Flow
from tracker.extensions import db
from tracker.kept_pages import kept_until_data_changes
from tracker.listing import paginated
from tracker.projects.queries import project_or_404
from tracker.records.downloads import download, download_select, export_routes
from tracker.reports import dashboard_queries, report_queries
from tracker.reports.charts import bar_chart
from tracker.reports.dashboard import coordinator_dashboard
from tracker.reports.figure_cache import Figures
from tracker.reports.forms import DashboardForm, ReportYearForm
from tracker.reports.report_columns import (
    BUDGET_COLUMNS,
    PRIORITY_COLUMNS,
    PROJECT_MOBILITY_COLUMNS,
)
from tracker.reports.report_queries import MOBILITY_REPORT_ACTIONS

bp = Blueprint("reports", __name__, url_prefix="/reports")


@bp.app_context_processor
def report_helpers():
    return {
        "flows": list(Flow),
    }


@bp.route("/")
@permission_required("use_tracker")
@kept_until_data_changes
def index():
    projects = paginated(
        report_queries.mobility_report_projects(current_user),
        rows=True,
        count=report_queries.mobility_report_project_count(current_user),
    )
    return render_template("reports/index.html", projects=projects)


@bp.route("/dashboard")
@permission_required("see_dashboard")
@kept_until_data_changes
def dashboard():
    return dashboard_page()


def dashboard_page(title=None):
    """The dashboard for the call year and faculty in the URL; also the office's home page."""
    figures = Figures()
    call_years = figures.get(dashboard_queries.call_years)
    faculties = figures.get(dashboard_queries.faculties)
    form = DashboardForm(call_years, faculties)
    latest = figures.get(dashboard_queries.latest_year_with_mobilities)
    scope = dashboard_queries.Scope(
        call_year=form.chosen_year(call_years, latest), faculty=form.chosen_faculty(faculties)
    )
    locale = str(get_locale() or "en")
    data = coordinator_dashboard(scope, locale, figures=figures) if call_years else None
    return render_template(
        "reports/dashboard.html", form=form, scope=scope, data=data, page_title=title
    )


def _year_form():
    call_years = report_queries.report_call_years(current_user)
    form = ReportYearForm(call_years)
    return form, form.chosen_year(call_years)


@bp.route("/priorities")
@permission_required("use_tracker")
@kept_until_data_changes
def priorities():
    form, call_year = _year_form()
    rows = report_queries.priorities_report(current_user, call_year)
    chart = bar_chart(
        "",
        [(row.Priority.name, [row.projects, row.mobilities]) for row in rows],
        series=(_("Projects"), _("Mobilities")),
    )
    return render_template(
        "reports/priorities.html", form=form, call_year=call_year, rows=rows, chart=chart
    )


@export_routes(bp, "/priorities")
@permission_required("use_tracker")
def priorities_csv(file_format):
    _form, call_year = _year_form()
    rows = report_queries.priorities_report(current_user, call_year)
    return download(file_format, rows, PRIORITY_COLUMNS, "priorities", call_year or "all-years")


@bp.route("/budget")
@permission_required("use_tracker")
@kept_until_data_changes
def budget():
    form, call_year = _year_form()
    page = paginated(
        report_queries.budget_report_select(current_user, call_year),
        rows=True,
        count=report_queries.budget_report_count(current_user, call_year),
    )
    groups = [
        (action, list(rows)) for action, rows in groupby(page.items, key=attrgetter("action"))
    ]
    ka131 = db.session.execute(
        report_queries.budget_report_select(current_user, call_year, Action.KA131_HED)
    )
    capped = [
        (row, cap)
        for row in ka131
        if (cap := third_country_cap_use(row.action, row.awarded, row.third_countries))
    ]
    return render_template(
        "reports/budget.html",
        form=form,
        call_year=call_year,
        groups=groups,
        capped=capped,
        row_count=page.total,
        pagination=page,
    )


@export_routes(bp, "/budget")
@permission_required("use_tracker")
def budget_csv(file_format):
    _form, call_year = _year_form()
    rows = report_queries.budget_report(current_user, call_year)
    return download(file_format, rows, BUDGET_COLUMNS, "budget", call_year or "all-years")


def _mobility_report_project(project_id):
    project = project_or_404(current_user, project_id)
    if project.action not in MOBILITY_REPORT_ACTIONS:
        abort(404)
    return project


@bp.route("/projects/<int:project_id>/mobilities")
@permission_required("use_tracker")
def project_mobilities(project_id):
    project = _mobility_report_project(project_id)
    rows = paginated(report_queries.project_mobilities(current_user, project), rows=True)
    return render_template("reports/project_mobilities.html", project=project, rows=rows)


@export_routes(bp, "/projects/<int:project_id>/mobilities")
@permission_required("use_tracker")
def project_mobilities_csv(project_id, file_format):
    project = _mobility_report_project(project_id)
    query = report_queries.project_mobilities(current_user, project)
    name = project.grant_agreement_number or project.acronym or f"project-{project.id}"
    return download_select(file_format, query, PROJECT_MOBILITY_COLUMNS, "mobilities", name)
