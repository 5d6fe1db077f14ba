"""One mobility and its grant."""

from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.column_types import (
    MONEY,
    NOTE_TEXT,
    UTCDateTime,
    enum_column,
    utcnow,
)
from tracker.dialect_only import postgresql_only
from tracker.erasmus.mobility_types import ActivityType, DistanceBand, Flow, ParticipantKind
from tracker.extensions import db
from tracker.mobilities.rules import MAX_TRAVEL_DAYS, days_counted, days_counted_sql
from tracker.priorities.models import mobility_priorities
from tracker.search_fold import search_column
from tracker.workflow.states import Status


class Mobility(db.Model):
    __tablename__ = "mobilities"
    __table_args__ = (
        # The list's sorts: a page is read from the index, however deep (see listing.sorted_by;
        # PostgreSQL reads the newest first from ix_mobilities_start_date_desc_id, below).
        sa.Index("ix_mobilities_start_date_id", "start_date", "id"),
        sa.Index("ix_mobilities_end_date_id", "end_date", "id"),
        sa.Index("ix_mobilities_participant_name_id", "participant_name", "id"),
        # The dashboard's counts per project (a call year's) read only this index.
        sa.Index(
            "ix_mobilities_dashboard",
            "project_id",
            "status",
            "activity_type",
            "flow",
            "organisation_id",
            "faculty",
        ),
        # The review queue: one faculty's waiting mobilities, and how many wait.
        sa.Index("ix_mobilities_status_faculty_updated", "status", "faculty", "updated_at"),
        # The review queue's mobilities never submitted, oldest change first (workflow/queries.py).
        sa.Index("ix_mobilities_updated_at_id", "updated_at", "id"),
        # The budget report sums a call year's committed grants per project from this index
        # alone, not from the rows.
        sa.Index(
            "ix_mobilities_project_grants",
            "project_id",
            "status",
            "organisation_id",
            "grant_total",
            "grant_override_total",
        ),
        # The few mobilities whose grant waits for a unit-cost figure (the dashboard's list
        # of missing figures), found without reading the others.
        sa.Index(
            "ix_mobilities_grant_waiting_for",
            "grant_waiting_for",
            sqlite_where=sa.text("grant_waiting_for IS NOT NULL"),
            postgresql_where=sa.text("grant_waiting_for IS NOT NULL"),
        ),
        # The search reads this narrow copy of the search text, not the whole table.
        sa.Index("ix_mobilities_search_text", "search_text"),
        sa.CheckConstraint("end_date >= start_date", name="dates_in_order"),
        sa.CheckConstraint(
            "grant_override_total IS NULL OR grant_override_reason IS NOT NULL",
            name="override_has_reason",
        ),
        sa.CheckConstraint("grant_override_total >= 0", name="override_not_negative"),
        sa.CheckConstraint(
            f"travel_days BETWEEN 0 AND {MAX_TRAVEL_DAYS}", name="travel_days_range"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_name: Mapped[str] = mapped_column(sa.String(200))
    participant_email: Mapped[str | None] = mapped_column(sa.String(254))
    search_text: Mapped[str] = search_column("participant_name", "participant_email")
    """What the list's search reads: name and e-mail address, folded (search_fold.py)."""
    participant_kind: Mapped[ParticipantKind] = mapped_column(enum_column(ParticipantKind))
    activity_type: Mapped[ActivityType] = mapped_column(enum_column(ActivityType), index=True)
    flow: Mapped[Flow] = mapped_column(enum_column(Flow), index=True)
    organisation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("organisations.id"), index=True
    )
    project_id: Mapped[int | None] = mapped_column(sa.ForeignKey("projects.id"), index=True)
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]
    distance_band: Mapped[DistanceBand | None] = mapped_column(enum_column(DistanceBand))
    green_travel: Mapped[bool] = mapped_column(default=False)
    fewer_opportunities: Mapped[bool] = mapped_column(default=False)
    virtual_component: Mapped[bool] = mapped_column(default=False)
    travel_days: Mapped[int] = mapped_column(default=0, server_default="0")
    """Travel days entered; the grant funds those `rules.funded_travel_days` allows."""
    # The grant as calculated from the call year's unit costs when last saved.
    grant_individual: Mapped[Decimal | None] = mapped_column(MONEY)
    grant_travel: Mapped[Decimal | None] = mapped_column(MONEY)
    grant_top_ups: Mapped[Decimal | None] = mapped_column(MONEY)
    grant_total: Mapped[Decimal | None] = mapped_column(MONEY)
    grant_waiting_for: Mapped[str | None] = mapped_column(sa.String(80))
    """The unit-cost figure of the call year the grant waits for (the office's task)."""
    # A coordinator's own figure, which then counts instead of the calculated total.
    grant_override_total: Mapped[Decimal | None] = mapped_column(MONEY)
    grant_override_reason: Mapped[str | None] = mapped_column(sa.String(NOTE_TEXT))
    owner_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    faculty: Mapped[str | None] = mapped_column(sa.String(120), index=True)
    status: Mapped[Status] = mapped_column(enum_column(Status), default=Status.DRAFT, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}

    owner = relationship("User")
    organisation = relationship("Organisation")
    project = relationship("Project")
    priorities = relationship(
        "Priority", secondary=mobility_priorities, order_by="Priority.position"
    )

    @hybrid_property
    def duration_days(self) -> int | None:
        """The funded duration: the days from start to end, both counted (rules.days_counted);
        None until both dates are known. In a query: the same figure, counted by the database."""
        if self.start_date is None or self.end_date is None:
            return None
        return days_counted(self.start_date, self.end_date)

    @duration_days.inplace.expression
    @classmethod
    def _duration_days_sql(cls):
        return days_counted_sql(cls.start_date, cls.end_date)

    @hybrid_property
    def grant_amount(self) -> Decimal | None:
        """The grant that counts: the coordinator's override where one is set, else the
        calculated total. In a query: the same, so lists, reports and exports agree."""
        if self.grant_override_total is not None:
            return self.grant_override_total
        return self.grant_total

    @grant_amount.inplace.expression
    @classmethod
    def _grant_amount_sql(cls):
        return sa.func.coalesce(cls.grant_override_total, cls.grant_total)

    def __str__(self):
        return self.participant_name


# The list's default sort, newest start first and the undated last: PostgreSQL sorts NULL
# after every date, so walking ix_mobilities_start_date_id backwards would give the undated
# first; SQLite sorts NULL first and walks that index backwards in this very order.
postgresql_only(
    sa.Index(
        "ix_mobilities_start_date_desc_id",
        Mobility.start_date.desc().nulls_last(),
        Mobility.id.desc(),
    )
)
# The same order within one status (the list filtered by status): read from the index,
# not by walking the newest-first index past every mobility in another status.
postgresql_only(
    sa.Index(
        "ix_mobilities_status_start_date_desc_id",
        Mobility.status,
        Mobility.start_date.desc().nulls_last(),
        Mobility.id.desc(),
    )
)
# The list's search ("contains", a LIKE '%...%' no B-tree serves): PostgreSQL finds the
# rows from the trigrams of the search text (pg_trgm); SQLite reads ix_mobilities_search_text.
postgresql_only(
    sa.Index(
        "ix_mobilities_search_text_trigrams",
        Mobility.search_text,
        postgresql_using="gin",
        postgresql_ops={"search_text": "gin_trgm_ops"},
    )
)
