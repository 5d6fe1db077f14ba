"""Stored grants and the unit costs: a completed mobility keeps its grant until a coordinator
recalculates it on purpose; after a tracker update a command recalculates the open ones."""

from datetime import date
from decimal import Decimal

import pytest

from tests.conftest import sign_in
from tests.factories import make_mobility
from tracker.erasmus.mobility_types import ActivityType, DistanceBand, ParticipantKind
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.workflow.models import HistoryEntry, HistoryKind
from tracker.workflow.states import Status

pytestmark = pytest.mark.usefixtures("unit_costs")


def staff_mobility(owner, project, partner, status, grant_total):
    """Five days teaching in Finland (2023 call): 5 × 120 + 275 travel = 875 today."""
    return make_mobility(
        owner,
        project,
        partner,
        participant_kind=ParticipantKind.STAFF,
        activity_type=ActivityType.STA,
        start_date=date(2024, 3, 4),
        end_date=date(2024, 3, 8),
        distance_band=DistanceBand.KM_500_1999,
        status=status,
        grant_total=Decimal(grant_total),
    )


def recalculated(mobility_id):
    db.session.expire_all()
    return db.session.get(Mobility, mobility_id)


def test_a_coordinator_recalculates_a_completed_mobility_on_purpose(
    app, coordinator, staff, ka131, partners
):
    mobility = staff_mobility(staff, ka131, partners["FI"], Status.COMPLETED, "1085.00")
    owner_page = sign_in(app.test_client(), staff).get(f"/mobilities/{mobility.id}")
    assert "Recalculate the grant" not in owner_page.get_data(as_text=True)
    office = sign_in(app.test_client(), coordinator)
    page = office.get(f"/mobilities/{mobility.id}").get_data(as_text=True)
    assert "The unit costs changed since this grant was saved" in page
    assert "Recalculate the grant from the current unit costs" in page

    url = f"/mobilities/{mobility.id}/recalculate"
    response = office.submit(url, {"version": str(mobility.version)})
    assert response.status_code == 302
    assert recalculated(mobility.id).grant_total == Decimal("875.00")
    entry = db.session.scalars(
        db.select(HistoryEntry).where(HistoryEntry.kind == HistoryKind.GRANT_RECALCULATED)
    ).one()
    assert entry.user_id == coordinator.id
    assert entry.changes["grant_total"] == ["1085.00", "875.00"]
    assert "on purpose" in entry.comment


def test_only_the_office_recalculates_and_only_with_the_form(app, staff, ka131, partners):
    mobility = staff_mobility(staff, ka131, partners["FI"], Status.COMPLETED, "1085.00")
    url = f"/mobilities/{mobility.id}/recalculate"
    owner = sign_in(app.test_client(), staff)
    assert owner.submit(url, {"version": str(mobility.version)}).status_code == 403
    assert recalculated(mobility.id).grant_total == Decimal("1085.00")


def test_a_recalculation_needs_the_csrf_token_and_the_current_version(
    app, coordinator, staff, ka131, partners
):
    mobility = staff_mobility(staff, ka131, partners["FI"], Status.COMPLETED, "1085.00")
    url = f"/mobilities/{mobility.id}/recalculate"
    office = sign_in(app.test_client(), coordinator)
    assert office.post(url, data={"version": str(mobility.version)}).status_code == 400
    office.submit(url, {"version": str(mobility.version - 1)})
    assert recalculated(mobility.id).grant_total == Decimal("1085.00")


def test_the_command_recalculates_the_open_mobilities_after_an_update(app, staff, ka131, partners):
    open_one = staff_mobility(staff, ka131, partners["FI"], Status.APPROVED, "1085.00")
    completed = staff_mobility(staff, ka131, partners["FI"], Status.COMPLETED, "1085.00")
    result = app.test_cli_runner().invoke(args=["unit-costs", "recalculate"])
    assert result.exit_code == 0, result.output
    assert "Call year 2023: 1 grants recalculated." in result.output
    assert recalculated(open_one.id).grant_total == Decimal("875.00")
    assert recalculated(completed.id).grant_total == Decimal("1085.00")
    entry = db.session.scalars(db.select(HistoryEntry)).one()
    assert entry.user_id is None and entry.kind is HistoryKind.GRANT_RECALCULATED
