"""How long after a project ends its final report is due, per action: rules as data.

KA1 and KA2 projects managed by a National Agency: the final beneficiary report is
due within 60 calendar days of the project's end date (grant agreement, article on
the final report; e.g. the Maltese National Agency's FAQ "Post-application: awarded
projects", fondi.eu: "The final report must be submitted online within 60 (sixty)
calendar days of the closure date of the project"; the Commission's Beneficiary
module guide, wikis.ec.europa.eu NAITDOC "Manage the final beneficiary report",
sends its reminders on the end date and 53 days after it). EACEA actions (CBHE,
alliances, Erasmus Mundus, European Universities, Jean Monnet) follow the EU model
grant agreement: the final report within 60 days after the last reporting period,
which ends with the project (to confirm against each grant agreement).
"""

from datetime import timedelta

from tracker.erasmus.actions import Action

FINAL_REPORT_DAYS = {action: 60 for action in Action}
"""Days from a project's end date to its final report's due date."""


def final_report_due(action, end_date):
    return end_date + timedelta(days=FINAL_REPORT_DAYS[action]) if end_date else None


def actions_by_period():
    """{days: [actions]}: the queries add one date condition per distinct period."""
    grouped = {}
    for action, days in FINAL_REPORT_DAYS.items():
        grouped.setdefault(days, []).append(action)
    return grouped
