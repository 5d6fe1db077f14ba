"""Creating and editing mobilities: the record, its calculated grant and its history together.

Operations change the session and flush; the view commits once (notifications are
written in the same transaction, their e-mail sent after it).
"""

from flask_babel import gettext as _

from tracker.auth.models import User
from tracker.auth.permissions import can
from tracker.erasmus.distances import propose_band
from tracker.erasmus.mobility_types import ActivityType, DistanceBand, Flow, ParticipantKind
from tracker.extensions import db
from tracker.mobilities import queries
from tracker.mobilities.grant_inputs import calculate, inputs_from_mobility
from tracker.mobilities.models import Mobility
from tracker.mobilities.recalculation import recalculate, store_grant
from tracker.notifications.operations import notify_grant_override
from tracker.records.history import log_creation, log_edit, log_history, readable, snapshot
from tracker.workflow.models import HistoryKind

EDITABLE_FIELDS = (
    "participant_name",
    "participant_email",
    "participant_kind",
    "activity_type",
    "flow",
    "organisation",
    "project",
    "start_date",
    "end_date",
    "distance_band",
    "green_travel",
    "fewer_opportunities",
    "virtual_component",
    "travel_days",
    "priorities",
    "faculty",
    "owner",
    "grant_total",
)
"""What an edit entry in the history compares (the override has entries of its own)."""

_ENUM_FIELDS = {
    "participant_kind": ParticipantKind,
    "activity_type": ActivityType,
    "flow": Flow,
}


def create_mobility(form, user):
    mobility = Mobility(owner_id=user.id, owner=user)
    _apply(form, mobility, user)
    db.session.add(mobility)
    db.session.flush()
    log_creation(mobility, user)
    _log_override(mobility, user, None, None)
    _log_band_choice(mobility, user)
    return mobility


def update_mobility(mobility, form, user):
    before = snapshot(mobility, EDITABLE_FIELDS)
    old_override = mobility.grant_override_total
    old_reason = mobility.grant_override_reason
    _apply(form, mobility, user)
    db.session.flush()
    after = snapshot(mobility, EDITABLE_FIELDS)
    log_edit(mobility, user, before, after)
    _log_override(mobility, user, old_override, old_reason)
    if any(before[name] != after[name] for name in ("distance_band", "organisation")):
        _log_band_choice(mobility, user)
    return mobility


def recalculate_on_purpose(mobility, user):
    """A coordinator's recalculation from the current unit costs, whatever the status (a
    completed mobility keeps its grant otherwise); True when the grant changed."""
    return recalculate(
        mobility,
        user,
        _(
            "Recalculated on purpose from the current unit costs of call year %(year)s.",
            year=mobility.project.call_year,
        ),
    )


def _apply(form, mobility, user):
    office = can(user, "act_on_every_record")
    mobility.participant_name = form.participant_name.data
    mobility.participant_email = form.participant_email.data
    for name, enum_class in _ENUM_FIELDS.items():
        setattr(mobility, name, enum_class(getattr(form, name).data))
    mobility.organisation = queries.organisation(form.organisation_id.data)
    mobility.project = form.chosen_project()
    mobility.start_date = form.start_date.data
    mobility.end_date = form.end_date.data
    band = form.distance_band.data
    mobility.distance_band = DistanceBand(band) if band else None
    mobility.green_travel = form.green_travel.data
    mobility.fewer_opportunities = form.fewer_opportunities.data
    mobility.virtual_component = form.virtual_component.data
    mobility.travel_days = form.travel_days.data or 0
    mobility.priorities = list(queries.priorities_by_id(form.priorities.data))
    if office:
        owner = db.session.get(User, form.owner_id.data) or mobility.owner
        mobility.owner = owner
        mobility.grant_override_total = form.grant_override_total.data
        mobility.grant_override_reason = (
            form.grant_override_reason.data if form.grant_override_total.data is not None else None
        )
    mobility.faculty = form.faculty.data or mobility.owner.faculty
    store_grant(mobility, calculate(inputs_from_mobility(mobility)))


def _log_override(mobility, user, old_total, old_reason):
    """A change of the amount set by hand gets its own entry, with the reason as comment,
    and the owner hears of it."""
    new_total = mobility.grant_override_total
    if new_total == old_total and mobility.grant_override_reason == old_reason:
        return
    if old_total is None and new_total is None:
        return
    log_history(
        mobility,
        user,
        HistoryKind.GRANT_OVERRIDDEN,
        changes={"grant_override_total": [readable(old_total), readable(new_total)]},
        comment=mobility.grant_override_reason,
    )
    notify_grant_override(mobility, user)


def _log_band_choice(mobility, user):
    """A band other than the one the map proposes gets an entry saying both."""
    partner = mobility.organisation
    if partner is None or mobility.distance_band is None:
        return
    proposal = propose_band(partner.country, partner.city)
    if proposal.band is None or proposal.band is mobility.distance_band:
        return
    log_history(
        mobility,
        user,
        HistoryKind.BAND_CHOSEN,
        changes={"distance_band": [readable(proposal.band), readable(mobility.distance_band)]},
        comment=_(
            "The map proposes %(band)s: %(home)s to %(city)s is %(km)s km.",
            band=proposal.band.label,
            home=proposal.home_city,
            city=proposal.partner_city,
            km=proposal.km,
        ),
    )
