"""The statuses a project or a mobility can be in."""

from flask_babel import lazy_gettext as _l

from tracker.enums import LabelledEnum


class Status(LabelledEnum):
    DRAFT = "draft", _l("Draft")
    SUBMITTED = "submitted", _l("Submitted")
    IN_REVIEW = "in_review", _l("In review")
    CHANGES_REQUESTED = "changes_requested", _l("Changes requested")
    APPROVED = "approved", _l("Approved")
    REJECTED = "rejected", _l("Rejected")
    ONGOING = "ongoing", _l("Ongoing")
    COMPLETED = "completed", _l("Completed")
    CANCELLED = "cancelled", _l("Cancelled")
    WITHDRAWN = "withdrawn", _l("Withdrawn")

    @property
    def is_final(self):
        return self in FINAL_STATUSES

    @property
    def owner_may_edit(self):
        """The owner edits a record only while it is theirs to change."""
        return self in (Status.DRAFT, Status.CHANGES_REQUESTED)


FINAL_STATUSES = frozenset({Status.REJECTED, Status.WITHDRAWN, Status.COMPLETED, Status.CANCELLED})

NOT_COMMITTED = frozenset({Status.REJECTED, Status.WITHDRAWN, Status.CANCELLED})
"""Records that commit no budget and use no planned place."""
