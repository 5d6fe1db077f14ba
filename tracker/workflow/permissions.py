"""Who may take which transition on which record, right now."""

from tracker.auth.permissions import can
from tracker.workflow.transitions import TRANSITIONS, Actor


def may_take(user, transition, record):
    """The transition starts from the record's status and the user is the one to take it."""
    if record.status not in transition.sources or not can(user, "view", record):
        return False
    if transition.actor is Actor.OWNER:
        return record.owner_id == user.id
    return can(user, "act_on_every_record")


def available_transitions(user, record):
    """The buttons to show on the record's page."""
    return [transition for transition in TRANSITIONS if may_take(user, transition, record)]
