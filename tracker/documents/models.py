"""An uploaded document: kept outside the static folder under a generated name."""

from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.column_types import UTCDateTime, enum_column, utcnow
from tracker.enums import LabelledEnum
from tracker.extensions import db
from tracker.records.models import RecordLink


class DocumentKind(LabelledEnum):
    GRANT_AGREEMENT = "grant_agreement", _l("Grant agreement")
    LEARNING_AGREEMENT = "learning_agreement", _l("Learning agreement")
    MOBILITY_AGREEMENT = "mobility_agreement", _l("Mobility agreement")
    CERTIFICATE_OF_ATTENDANCE = "certificate_of_attendance", _l("Certificate of attendance")
    INTER_INSTITUTIONAL_AGREEMENT = (
        "inter_institutional_agreement",
        _l("Inter-institutional agreement"),
    )
    OTHER = "other", _l("Other")


class Attachment(RecordLink, db.Model):
    __tablename__ = "attachments"
    __table_args__ = (
        RecordLink.record_link_check(),
        sa.CheckConstraint("size_bytes >= 0", name="size_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[DocumentKind] = mapped_column(enum_column(DocumentKind))
    original_name: Mapped[str] = mapped_column(sa.String(255))
    stored_name: Mapped[str] = mapped_column(sa.String(64), unique=True)
    content_type: Mapped[str] = mapped_column(sa.String(120))
    size_bytes: Mapped[int]
    uploaded_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    uploaded_by = relationship("User")
