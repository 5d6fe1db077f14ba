"""A believable past for each demo record: the status it has now and how it got there.

A record's status follows from its dates and the day the demo is loaded (a
mobility that ended is completed, one under way is ongoing); its history then
walks the workflow from draft to that status, each step written as the
application would have written it: who, when, from, to, and the comment the
workflow asks for.
"""

from datetime import UTC, date, datetime, time, timedelta

from tracker.records.history import log_creation, log_history
from tracker.workflow.models import HistoryKind
from tracker.workflow.states import Status

S = Status
_REVIEWED = (S.DRAFT, S.SUBMITTED, S.IN_REVIEW)
PATHS = {
    S.DRAFT: (S.DRAFT,),
    S.SUBMITTED: (S.DRAFT, S.SUBMITTED),
    S.IN_REVIEW: _REVIEWED,
    S.CHANGES_REQUESTED: (*_REVIEWED, S.CHANGES_REQUESTED),
    S.APPROVED: (*_REVIEWED, S.APPROVED),
    S.REJECTED: (*_REVIEWED, S.REJECTED),
    S.WITHDRAWN: (S.DRAFT, S.SUBMITTED, S.WITHDRAWN),
    S.ONGOING: (*_REVIEWED, S.APPROVED, S.ONGOING),
    S.COMPLETED: (*_REVIEWED, S.APPROVED, S.ONGOING, S.COMPLETED),
    S.CANCELLED: (*_REVIEWED, S.APPROVED, S.CANCELLED),
}
"""The steps from draft to each status, as the workflow allows them."""

OWNER_STEPS = frozenset({S.SUBMITTED, S.WITHDRAWN})
"""Steps the owner takes; a coordinator takes the others."""

COMMENTS = {
    S.CHANGES_REQUESTED: "Please add the learning agreement and check the dates.",
    S.REJECTED: "Not eligible under this year's selection criteria.",
    S.CANCELLED: "Cancelled at the participant's request.",
    S.WITHDRAWN: "Plans changed; withdrawn for now.",
}
"""The comment each step that needs one carries (rejecting, requesting changes, cancelling)."""

DAYS_BETWEEN_STEPS = {S.SUBMITTED: 6, S.IN_REVIEW: 4, S.WITHDRAWN: 5}
DECISION_DAYS = 9
"""Days from starting a review to the decision."""


def at_nine(day: date) -> datetime:
    """Office hours: a date as 09:00 UTC that day."""
    return datetime.combine(day, time(9), tzinfo=UTC)


def status_from_dates(start: date, end: date, today: date, roll: float) -> Status:
    """The status a record with these dates would have today; `roll` (0-1) picks among the likely.

    Past work is mostly completed, some was never carried out; work under way is
    ongoing; future work is anywhere in the review, more of it decided the
    nearer its start.
    """
    if end < today:
        return _pick(
            roll, ((0.86, S.COMPLETED), (0.91, S.CANCELLED), (0.96, S.REJECTED)), S.WITHDRAWN
        )
    if start <= today:
        return S.ONGOING
    if (start - today).days <= 90:
        return _pick(
            roll, ((0.6, S.APPROVED), (0.75, S.IN_REVIEW), (0.85, S.SUBMITTED)), S.CHANGES_REQUESTED
        )
    choices = ((0.25, S.DRAFT), (0.5, S.SUBMITTED), (0.7, S.IN_REVIEW), (0.8, S.CHANGES_REQUESTED))
    return _pick(roll, (*choices, (0.95, S.APPROVED)), S.WITHDRAWN)


def funded_status(start: date, end: date, today: date) -> Status:
    """A funded project is approved until it starts, ongoing while it runs, then completed."""
    if end < today:
        return S.COMPLETED
    return S.ONGOING if start <= today else S.APPROVED


def _pick(roll, thresholds, otherwise):
    for limit, status in thresholds:
        if roll < limit:
            return status
    return otherwise


def write_history(record, owner, reviewer, created: datetime, now: datetime):
    """Set `record`'s timestamps and add its history: created as a draft, then each step.

    `record.status` holds the final status. The steps are spaced from `created`;
    the start of work falls on the start date, completion a fortnight after the
    end, and nothing is dated after `now`.
    """
    final = record.status
    steps = PATHS[final]
    record.status = S.DRAFT
    entry = log_creation(record, owner)
    record.status = final
    entry.created_at = moment = min(created, now)
    for before, after in zip(steps, steps[1:], strict=False):
        moment = _step_time(record, before, after, moment, now)
        log_history(
            record,
            owner if after in OWNER_STEPS else reviewer,
            HistoryKind.STATUS,
            from_status=before,
            to_status=after,
            comment=COMMENTS.get(after),
        ).created_at = moment
    record.created_at = entry.created_at
    record.updated_at = moment
    return len(steps)


def _step_time(record, before, after, previous: datetime, now: datetime) -> datetime:
    if after is S.ONGOING and record.start_date:
        wanted = at_nine(record.start_date)
    elif after is S.COMPLETED and record.end_date:
        wanted = at_nine(record.end_date + timedelta(days=14))
    elif before is S.IN_REVIEW:
        wanted = previous + timedelta(days=DECISION_DAYS)
    else:
        wanted = previous + timedelta(days=DAYS_BETWEEN_STEPS.get(after, 7))
    return min(max(wanted, previous), now)
