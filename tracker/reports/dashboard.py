"""The coordinator dashboard and a staff member's home: figures, their links, their charts.

Each figure comes from a named query (dashboard_queries.py) and carries the URL of the
list that shows exactly those records, built from the list's own filter names
(tracker/projects/filters.py, tracker/mobilities/filters.py). The counts are kept until
the data changes (figure_cache.py); what depends on today's date is read on every page.
"""

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from flask import url_for
from flask_babel import gettext as _

from tracker.erasmus.actions import Action, KeyAction
from tracker.erasmus.countries import country_name
from tracker.erasmus.mobility_types import ActivityType, Flow
from tracker.erasmus.unit_cost_queries import missing_figures
from tracker.extensions import db
from tracker.i18n import office_today
from tracker.priorities.models import Priority
from tracker.reports import dashboard_queries, ka171_queries
from tracker.reports.charts import bar_chart
from tracker.reports.figure_cache import Figures
from tracker.reports.periods import final_report_due
from tracker.workflow.queries import queue_rows, review_queue, review_queue_count
from tracker.workflow.states import Status
from tracker.workflow.waiting import days_waiting

UPCOMING_DAYS = 60
TOP = 10
"""The dashboard shows this many waiting records and KA171 projects, and links to all of
them: a page holds what a person reads, whatever the size of the office."""


def _arg(value):
    return getattr(value, "value", value)


def project_list_url(scope, **filters):
    """The project list filtered to `scope` and `filters` (names of ProjectFilterForm)."""
    args = {"call_year": scope.call_year, "faculty": scope.faculty, **filters}
    return url_for("projects.index", **{k: _arg(v) for k, v in args.items() if v is not None})


def mobility_list_url(scope, **filters):
    """The mobility list filtered to `scope` and `filters` (names of MobilityFilterForm)."""
    args = {"call_year": scope.call_year, "faculty": scope.faculty, **filters}
    return url_for("mobilities.index", **{k: _arg(v) for k, v in args.items() if v is not None})


def record_link(kind, record_id):
    if kind == "projects":
        return url_for("projects.detail", project_id=record_id)
    return url_for("mobilities.detail", mobility_id=record_id)


@dataclass(frozen=True)
class Figure:
    """A number and the list that shows exactly the records it counts."""

    value: object
    href: str | None = None


def share(part, whole):
    return part / whole if whole else 0


def status_table(scope, figures):
    """Rows (status, projects Figure, mobilities Figure) for the statuses that have records."""
    counts = {
        (row.kind, row.status): row.count
        for row in figures.get(dashboard_queries.records_per_status, scope)
    }
    rows = []
    for status in Status:
        projects = counts.get(("projects", status), 0)
        mobilities = counts.get(("mobilities", status), 0)
        if projects or mobilities:
            rows.append(
                (
                    status,
                    Figure(projects, project_list_url(scope, status=status)),
                    Figure(mobilities, mobility_list_url(scope, status=status)),
                )
            )
    return rows


def status_chart(rows):
    return bar_chart(
        _("Records per status"),
        [(status.label, [p.value, m.value]) for status, p, m in rows],
        series=(_("Projects"), _("Mobilities")),
    )


def action_table(scope, figures):
    """[(key action, [(action, projects, requested, awarded)])] for the actions with projects."""
    by_action = {
        row.action: row for row in figures.get(dashboard_queries.projects_per_action, scope)
    }
    groups = []
    for key_action in KeyAction:
        rows = [
            (
                action,
                Figure(by_action[action].projects, project_list_url(scope, action=action)),
                by_action[action].requested,
                by_action[action].awarded,
            )
            for action in Action.of_key_action(key_action)
            if action in by_action
        ]
        if rows:
            total = sum(row[1].value for row in rows)
            href = project_list_url(scope, key_action=key_action)
            groups.append((key_action, Figure(total, href), rows))
    return groups


def priority_counts(scope):
    """Rows (priority id, projects, mobilities): plain values, which may be kept."""
    return [
        (row.Priority.id, row.projects, row.mobilities)
        for row in dashboard_queries.records_per_priority(scope)
    ]


def priority_table(scope, project_total, mobility_total, figures):
    priorities = {p.id: p for p in db.session.scalars(sa.select(Priority))}
    return [
        (
            priorities[priority_id],
            Figure(projects, project_list_url(scope, priority=priority_id)),
            share(projects, project_total),
            Figure(mobilities, mobility_list_url(scope, priority=priority_id)),
            share(mobilities, mobility_total),
        )
        for priority_id, projects, mobilities in figures.get(priority_counts, scope)
    ]


def activity_table(scope, figures):
    """Rows (activity type, {flow: Figure}) for the activity types that have mobilities."""
    counts = {
        (row.activity_type, row.flow): row.count
        for row in figures.get(dashboard_queries.mobilities_per_activity_and_flow, scope)
    }
    rows = []
    for activity in ActivityType:
        if any((activity, flow) in counts for flow in Flow):
            figures = {
                flow: Figure(
                    counts.get((activity, flow), 0),
                    mobility_list_url(scope, activity_type=activity, flow=flow),
                )
                for flow in Flow
            }
            rows.append((activity, figures))
    return rows


def country_table(scope, locale, figures):
    return [
        (
            country_name(row.country, locale) if row.country else _("No partner yet"),
            Figure(
                row.count, mobility_list_url(scope, country=row.country) if row.country else None
            ),
        )
        for row in figures.get(dashboard_queries.mobilities_per_country, scope)
    ]


def ka171_projects(scope, figures):
    """Per KA171 project (the first TOP): its planned-vs-used rows and its partner budget
    rows, each with the mobility list of exactly the mobilities it counts."""
    projects = {}

    def entry_for(row):
        return projects.setdefault(
            row.project_id,
            {
                "title": row.project,
                "href": url_for("projects.detail", project_id=row.project_id),
                "places": [],
                "budgets": [],
            },
        )

    for row in figures.get(ka171_queries.ka171_planned_vs_used, scope, TOP):
        href = counted_mobilities_url(
            row.project_id, row.organisation_id, activity_type=row.activity_type, flow=row.flow
        )
        entry_for(row)["places"].append((row, href))
    for row in figures.get(ka171_queries.ka171_partner_budgets, scope, TOP):
        href = counted_mobilities_url(row.project_id, row.organisation_id)
        entry_for(row)["budgets"].append((row, href))
    return projects


def counted_mobilities_url(project_id, organisation_id, **filters):
    """The mobilities of one project and partner that use a place and commit budget."""
    args = {"project": project_id, "partner": organisation_id, "committed": "y", **filters}
    return url_for("mobilities.index", **{name: _arg(value) for name, value in args.items()})


def longest_waiting(faculty):
    """The TOP longest-waiting records (rows of plain values, which may be kept)."""
    return queue_rows(db.session.execute(review_queue(faculty, first=TOP).limit(TOP)))


def review_rows(faculty, today, figures):
    """The TOP longest-waiting records, with their days waiting (to `today`) and links."""
    return [
        (row, days_waiting(row.waiting_since, today), record_link(row.kind, row.id))
        for row in figures.get(longest_waiting, faculty)
    ]


def review_total(faculty):
    return db.session.scalar(review_queue_count(faculty))


def final_report_rows(scope, today):
    return [
        (project, final_report_due(project.action, project.end_date))
        for project in dashboard_queries.final_reports_due(today, scope, UPCOMING_DAYS)
    ]


def coordinator_dashboard(scope, locale, today=None, figures=None):
    """Everything the dashboard shows, in a fixed number of statements: when the data has
    not changed since the counts were kept (`figures`), only the date-bound ones."""
    today = today or office_today()
    figures = figures or Figures()
    statuses = status_table(scope, figures)
    project_total = sum(p.value for _, p, _ in statuses)
    mobility_total = sum(m.value for _, _, m in statuses)
    actions = action_table(scope, figures)
    activities = activity_table(scope, figures)
    countries = country_table(scope, locale, figures)
    priorities = priority_table(scope, project_total, mobility_total, figures)
    action_rows = [row for _, _, rows in actions for row in rows]
    return {
        "statuses": statuses,
        "status_chart": status_chart(statuses),
        "project_total": project_total,
        "mobility_total": mobility_total,
        "queue": review_rows(scope.faculty, today, figures),
        "queue_total": figures.get(review_total, scope.faculty),
        "actions": actions,
        "action_chart": bar_chart(
            _("Projects per action"),
            [(action.value, [n.value]) for action, n, _r, _a in action_rows],
        ),
        "budget_chart": bar_chart(
            _("Requested and awarded per action (EUR)"),
            [(action.value, [req, awd]) for action, _n, req, awd in action_rows],
            series=(_("Requested"), _("Awarded")),
            fmt=lambda value: f"{value:,.0f}",
        ),
        "priorities": priorities,
        "priority_chart": bar_chart(
            _("Records per priority"),
            [(p.name, [pr.value, mo.value]) for p, pr, _s, mo, _t in priorities],
            series=(_("Projects"), _("Mobilities")),
        ),
        "activities": activities,
        "activity_chart": bar_chart(
            _("Mobilities per activity type and flow"),
            [
                (activity.value, [figures[flow].value for flow in Flow])
                for activity, figures in activities
            ],
            series=[flow.label for flow in Flow],
        ),
        "countries": countries,
        "country_chart": bar_chart(
            _("Mobilities per partner country"),
            [(name, [figure.value]) for name, figure in countries],
        ),
        "ka171": ka171_projects(scope, figures),
        "ka171_total": figures.get(ka171_queries.ka171_project_count, scope),
        "deadlines": dashboard_queries.upcoming_deadlines(today, UPCOMING_DAYS),
        "final_reports": final_report_rows(scope, today),
        "missing_unit_costs": figures.get(missing_figures),
    }


def staff_home(user, today=None):
    """A staff member's home: their records per status, what waits on them, their dates."""
    today = today or date.today()
    scope = dashboard_queries.Scope(visible_to=user)
    waiting, waiting_total = dashboard_queries.records_waiting_for(user, first=TOP)
    return {
        "statuses": status_table(scope, Figures()),
        "waiting": [(row, record_link(row.kind, row.id)) for row in waiting],
        "waiting_total": waiting_total,
        "deadlines": dashboard_queries.upcoming_deadlines(today, UPCOMING_DAYS, user=user),
        "final_reports": final_report_rows(scope, today),
    }
