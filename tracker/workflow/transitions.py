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
    destructive: bool = False
    """Ends the record for good: shown apart, named for what it does, taken only once confirmed."""
    passes_review: bool = False
    """A coordinator's decision that may be taken straight from "submitted": the start of the
    review is recorded on the way (Submitted → In review), then the decision."""

    def label_for(self, kind):
        """The button's name on a record of `kind`: "Cancel this project", not just "Cancel"."""
        return DESTRUCTIVE_LABELS.get((self.name, kind), self.label)


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
        S.WITHDRAWN, Actor.OWNER, style="danger", destructive=True,
    ),
    Transition(
        "start_review", _l("Start review"), frozenset({S.SUBMITTED}), S.IN_REVIEW, Actor.OFFICE,
        style="secondary",
    ),
    Transition(
        "request_changes", _l("Request changes"), frozenset({S.SUBMITTED, S.IN_REVIEW}),
        S.CHANGES_REQUESTED, Actor.OFFICE, needs_comment=True, style="secondary",
        passes_review=True,
    ),
    Transition(
        "approve", _l("Approve"), frozenset({S.SUBMITTED, S.IN_REVIEW}), S.APPROVED, Actor.OFFICE,
        passes_review=True,
    ),
    Transition(
        "reject", _l("Reject"), frozenset({S.SUBMITTED, S.IN_REVIEW}), S.REJECTED, Actor.OFFICE,
        needs_comment=True, style="danger", destructive=True, passes_review=True,
    ),
    Transition("start", _l("Start"), frozenset({S.APPROVED}), S.ONGOING, Actor.OFFICE),
    Transition("complete", _l("Complete"), frozenset({S.ONGOING}), S.COMPLETED, Actor.OFFICE),
    Transition(
        "cancel", _l("Cancel"), frozenset({S.APPROVED, S.ONGOING}), S.CANCELLED, Actor.OFFICE,
        needs_comment=True, style="danger", destructive=True,
    ),
]  # fmt: skip

DESTRUCTIVE_LABELS = {
    ("withdraw", "projects"): _l("Withdraw this project"),
    ("withdraw", "mobilities"): _l("Withdraw this mobility"),
    ("reject", "projects"): _l("Reject this project"),
    ("reject", "mobilities"): _l("Reject this mobility"),
    ("cancel", "projects"): _l("Cancel this project"),
    ("cancel", "mobilities"): _l("Cancel this mobility"),
}

TRANSITIONS_BY_NAME = {transition.name: transition for transition in TRANSITIONS}

WAITING_FOR_OFFICE = frozenset({S.SUBMITTED, S.IN_REVIEW})
"""Records in the review queue: a coordinator's decision is due."""
