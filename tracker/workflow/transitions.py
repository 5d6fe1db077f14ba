"""The workflow, defined once: which transitions exist, from where, for whom.

Projects and mobilities share this table. Views, templates and tests read it;
nothing else spells a transition. See ../shared/DESIGN.md, "The workflow".
"""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from tracker.enums import LabelledEnum
from tracker.workflow.states import Status


class Actor(LabelledEnum):
    OWNER = "owner", _l("The owner")
    OFFICE = "office", _l("A coordinator or an administrator")


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset
    target: Status
    actor: Actor
    needs_comment: bool = False
    checks_completeness: bool = False
    style: str = ""
    """How its button looks: "" (primary), "secondary" or "danger"."""


S = Status
TRANSITIONS = [
    Transition(
        "submit", _l("Submit"), frozenset({S.DRAFT}), S.SUBMITTED, Actor.OWNER,
        checks_completeness=True,
    ),
    Transition(
        "resubmit", _l("Resubmit"), frozenset({S.CHANGES_REQUESTED}), S.SUBMITTED, Actor.OWNER,
        checks_completeness=True,
    ),
    Transition(
        "withdraw", _l("Withdraw"), frozenset({S.DRAFT, S.SUBMITTED, S.CHANGES_REQUESTED}),
        S.WITHDRAWN, Actor.OWNER, style="danger",
    ),
    Transition(
        "start_review", _l("Start review"), frozenset({S.SUBMITTED}), S.IN_REVIEW, Actor.OFFICE,
    ),
    Transition(
        "request_changes", _l("Request changes"), frozenset({S.IN_REVIEW}), S.CHANGES_REQUESTED,
        Actor.OFFICE, needs_comment=True, style="secondary",
    ),
    Transition("approve", _l("Approve"), frozenset({S.IN_REVIEW}), S.APPROVED, Actor.OFFICE),
    Transition(
        "reject", _l("Reject"), frozenset({S.IN_REVIEW}), S.REJECTED, Actor.OFFICE,
        needs_comment=True, style="danger",
    ),
    Transition("start", _l("Start"), frozenset({S.APPROVED}), S.ONGOING, Actor.OFFICE),
    Transition("complete", _l("Complete"), frozenset({S.ONGOING}), S.COMPLETED, Actor.OFFICE),
    Transition(
        "cancel", _l("Cancel"), frozenset({S.APPROVED, S.ONGOING}), S.CANCELLED, Actor.OFFICE,
        needs_comment=True, style="danger",
    ),
]  # fmt: skip

TRANSITIONS_BY_NAME = {transition.name: transition for transition in TRANSITIONS}

WAITING_FOR_OFFICE = frozenset({S.SUBMITTED, S.IN_REVIEW})
"""Records in the review queue: a coordinator's decision is due."""
