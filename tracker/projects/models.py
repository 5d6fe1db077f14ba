"""A funded or proposed project, its partners and (KA171) its planned mobilities."""

from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.column_types import (
    MONEY,
    SUMMARY_TEXT,
    UTCDateTime,
    enum_column,
    utcnow,
)
from tracker.enums import LabelledEnum
from tracker.erasmus.actions import Action
from tracker.erasmus.mobility_types import ActivityType, Flow
from tracker.extensions import db
from tracker.priorities.models import project_priorities
from tracker.search_fold import search_column
from tracker.workflow.states import Status


class OurRole(LabelledEnum):
    COORDINATOR = "coordinator", _l("Coordinator")
    PARTNER = "partner", _l("Partner")


class PartnerRole(LabelledEnum):
    COORDINATOR = "coordinator", _l("Coordinator")
    PARTNER = "partner", _l("Full partner")
    ASSOCIATED = "associated", _l("Associated partner")


class Project(db.Model):
    __tablename__ = "projects"
    __table_args__ = (
        # The review queue: one faculty's waiting projects, and how many wait.
        sa.Index("ix_projects_status_faculty_updated", "status", "faculty", "updated_at"),
        # The review queue's projects never submitted, oldest change first (workflow/queries.py).
        sa.Index("ix_projects_updated_at_id", "updated_at", "id"),
        sa.CheckConstraint("end_date >= start_date", name="dates_in_order"),
        sa.CheckConstraint("call_year BETWEEN 2014 AND 2100", name="call_year_range"),
        sa.CheckConstraint("requested_amount >= 0", name="requested_not_negative"),
        sa.CheckConstraint("awarded_amount >= 0", name="awarded_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    action: Mapped[Action] = mapped_column(enum_column(Action), index=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    acronym: Mapped[str | None] = mapped_column(sa.String(40), index=True)
    search_text: Mapped[str] = search_column("title", "acronym")
    """What the list's search reads: title and acronym, folded (search_fold.py)."""
    call_year: Mapped[int] = mapped_column(index=True)
    grant_agreement_number: Mapped[str | None] = mapped_column(sa.String(40), unique=True)
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]
    our_role: Mapped[OurRole] = mapped_column(enum_column(OurRole), default=OurRole.COORDINATOR)
    requested_amount: Mapped[Decimal | None] = mapped_column(MONEY)
    awarded_amount: Mapped[Decimal | None] = mapped_column(MONEY)
    owner_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    faculty: Mapped[str | None] = mapped_column(sa.String(120), index=True)
    summary: Mapped[str | None] = mapped_column(sa.String(SUMMARY_TEXT))
    status: Mapped[Status] = mapped_column(enum_column(Status), default=Status.DRAFT, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version}

    owner = relationship("User")
    partners = relationship(
        "ProjectPartner",
        back_populates="project",
        cascade="all, delete-orphan",
        order_by="ProjectPartner.id",
    )
    priorities = relationship(
        "Priority", secondary=project_priorities, order_by="Priority.position"
    )
    organised_bips = relationship(
        "OrganisedBip",
        back_populates="project",
        cascade="all, delete-orphan",
        order_by="OrganisedBip.start_date, OrganisedBip.id",
    )

    @property
    def key_action(self):
        return self.action.key_action

    def __str__(self):
        return self.acronym or self.title


class ProjectPartner(db.Model):
    """An organisation in a project: a consortium member (KA2) or a KA171 partner with a budget."""

    __tablename__ = "project_partners"
    __table_args__ = (
        sa.UniqueConstraint("project_id", "organisation_id"),
        sa.CheckConstraint("budget >= 0", name="budget_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(sa.ForeignKey("projects.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(sa.ForeignKey("organisations.id"), index=True)
    role: Mapped[PartnerRole] = mapped_column(enum_column(PartnerRole), default=PartnerRole.PARTNER)
    budget: Mapped[Decimal | None] = mapped_column(MONEY)

    project = relationship("Project", back_populates="partners")
    organisation = relationship("Organisation")
    planned_mobilities = relationship(
        "PlannedMobility",
        back_populates="partner",
        cascade="all, delete-orphan",
        order_by="PlannedMobility.id",
    )


class PlannedMobility(db.Model):
    """KA171: how many mobilities of one activity type and flow a partner may use."""

    __tablename__ = "planned_mobilities"
    __table_args__ = (
        sa.UniqueConstraint("partner_id", "activity_type", "flow"),
        sa.CheckConstraint("planned > 0", name="planned_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(
        sa.ForeignKey("project_partners.id", ondelete="CASCADE")
    )
    activity_type: Mapped[ActivityType] = mapped_column(enum_column(ActivityType))
    flow: Mapped[Flow] = mapped_column(enum_column(Flow))
    planned: Mapped[int]

    partner = relationship("ProjectPartner", back_populates="planned_mobilities")


class OrganisedBip(db.Model):
    """A blended intensive programme we organise under a KA131 project.

    The organising university receives organisational support per mobile participant
    (teaching staff not counted), up to a cap per programme, from a programme of at
    least 15 such participants; the figures are the call year's unit costs.
    """

    __tablename__ = "organised_bips"
    __table_args__ = (
        sa.CheckConstraint("end_date >= start_date", name="dates_in_order"),
        sa.CheckConstraint("participants >= 0", name="participants_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        sa.ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(sa.String(200))
    start_date: Mapped[date]
    end_date: Mapped[date]
    participants: Mapped[int]
    """Mobile participants, teaching staff not counted."""

    project = relationship("Project", back_populates="organised_bips")
