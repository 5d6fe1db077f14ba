"""Every model, imported in one place so that Alembic and the app see the whole schema."""

from tracker.auth.models import User
from tracker.data_version import DataVersion
from tracker.deadlines.models import Deadline
from tracker.documents.models import Attachment
from tracker.erasmus.models import (
    DestinationGroupMember,
    UnitCostChange,
    UnitCostRate,
    UnitCostYear,
)
from tracker.list_settings.models import ListColumns, SavedView
from tracker.mobilities.models import Mobility
from tracker.notifications.models import Notification
from tracker.organisations.models import Organisation
from tracker.priorities.models import Priority
from tracker.projects.models import OrganisedBip, PlannedMobility, Project, ProjectPartner
from tracker.records.models import RecordChange
from tracker.submissions import SubmissionToken
from tracker.workflow.models import Comment, HistoryEntry

__all__ = [
    "Attachment",
    "Comment",
    "DataVersion",
    "Deadline",
    "DestinationGroupMember",
    "HistoryEntry",
    "ListColumns",
    "Mobility",
    "Notification",
    "Organisation",
    "OrganisedBip",
    "PlannedMobility",
    "Priority",
    "Project",
    "ProjectPartner",
    "RecordChange",
    "SavedView",
    "SubmissionToken",
    "UnitCostChange",
    "UnitCostRate",
    "UnitCostYear",
    "User",
]
