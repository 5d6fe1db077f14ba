"""Partners on a project page: add, remove, KA171 budgets and planned mobilities, in history."""

from decimal import Decimal

import sqlalchemy as sa

from tests.factories import make_organisation, make_project
from tracker.erasmus.actions import Action
from tracker.erasmus.mobility_types import ActivityType, Flow
from tracker.extensions import db
from tracker.projects.models import (
    OurRole,
    PartnerRole,
    PlannedMobility,
    Project,
    ProjectPartner,
)
from tracker.workflow.models import HistoryEntry
from tracker.workflow.states import Status


def reread(project):
    db.session.expire_all()
    return db.session.get(Project, project.id)


def history_changes(project):
    entries = db.session.scalars(
        sa.select(HistoryEntry)
        .where(HistoryEntry.project_id == project.id)
        .order_by(HistoryEntry.id)
    )
    return [entry.changes for entry in entries]


def test_a_ka2_partner_is_added_with_its_role_and_removed(staff_client, staff):
    project = make_project(staff, action=Action.KA220_HED)
    organisation = make_organisation(name="Uni Bologna", country="IT")
    url = f"/projects/{project.id}/partners"
    response = staff_client.submit(
        url, {"partner-organisation_id": organisation.id, "partner-role": "associated"}
    )
    assert response.status_code == 302
    partner = reread(project).partners[0]
    assert partner.role is PartnerRole.ASSOCIATED and partner.budget is None
    page = staff_client.get(f"/projects/{project.id}").get_data(as_text=True)
    assert "Uni Bologna" in page and "Associated partner" in page

    response = staff_client.submit(f"{url}/{partner.id}/remove", {})
    assert response.status_code == 302
    assert reread(project).partners == []
    changes = history_changes(project)
    assert changes[0]["partners"] == [None, "Uni Bologna – Associated partner"]
    assert changes[1]["partners"] == ["Uni Bologna – Associated partner", None]


def test_a_ka171_partner_gets_a_budget_and_planned_mobilities(staff_client, staff):
    project = make_project(staff, action=Action.KA171_HED)
    organisation = make_organisation(name="Universidad de Chile", country="CL")
    response = staff_client.submit(
        f"/projects/{project.id}/partners",
        {"partner-organisation_id": organisation.id, "partner-budget": "45000.50"},
    )
    assert response.status_code == 302
    partner = reread(project).partners[0]
    assert partner.budget == Decimal("45000.50") and partner.role is PartnerRole.PARTNER

    url = f"/projects/{project.id}/partners/{partner.id}/planned"
    prefix = f"planned-{partner.id}-"
    fields = {prefix + "activity_type": "SMS", prefix + "flow": "incoming", prefix + "planned": "4"}
    assert staff_client.submit(url, fields).status_code == 302
    assert staff_client.submit(url, fields | {prefix + "planned": "2"}).status_code == 302
    planned = db.session.scalars(sa.select(PlannedMobility)).one()
    assert (planned.activity_type, planned.flow, planned.planned) == (
        ActivityType.SMS,
        Flow.INCOMING,
        6,
    )
    page = staff_client.get(f"/projects/{project.id}").get_data(as_text=True)
    assert "Student mobility for studies, Incoming: 6" in page
    assert "45,000.50" in page

    assert staff_client.submit(f"{url}/{planned.id}/remove", {}).status_code == 302
    assert db.session.scalars(sa.select(PlannedMobility)).all() == []
    changes = history_changes(project)
    assert changes[1]["planned_mobilities"][1].endswith("SMS Incoming × 4")
    assert changes[3]["planned_mobilities"][1] is None


def test_a_bad_planned_number_is_refused_next_to_the_field(staff_client, staff):
    project = make_project(staff, action=Action.KA171_HED)
    partner = ProjectPartner(project=project, organisation=make_organisation())
    db.session.add(partner)
    db.session.commit()
    prefix = f"planned-{partner.id}-"
    response = staff_client.submit(
        f"/projects/{project.id}/partners/{partner.id}/planned",
        {prefix + "activity_type": "STA", prefix + "flow": "outgoing", prefix + "planned": "0"},
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert f'id="{prefix}planned-error"' in page and "1 or more" in page


def test_planned_mobilities_belong_to_ka171_projects_only(staff_client, staff):
    project = make_project(staff, action=Action.KA220_HED)
    partner = ProjectPartner(project=project, organisation=make_organisation())
    db.session.add(partner)
    db.session.commit()
    url = f"/projects/{project.id}/partners/{partner.id}/planned"
    assert staff_client.submit(url, {}).status_code == 404


def test_a_partner_form_error_keeps_what_was_typed(staff_client, staff):
    project = make_project(staff, action=Action.KA171_HED)
    response = staff_client.submit(
        f"/projects/{project.id}/partners",
        {"partner-organisation_id": "0", "partner-budget": "12.345"},
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Choose the organisation." in page and "two decimals" in page
    assert 'value="12.345"' in page


def test_the_same_organisation_is_not_added_twice(staff_client, staff):
    project = make_project(staff)
    organisation = make_organisation()
    data = {"partner-organisation_id": organisation.id, "partner-role": "partner"}
    assert staff_client.submit(f"/projects/{project.id}/partners", data).status_code == 302
    response = staff_client.submit(f"/projects/{project.id}/partners", data)
    assert response.status_code == 422
    assert "already a partner" in response.get_data(as_text=True)


def test_partners_cannot_be_changed_once_submitted_by_the_owner(staff_client, staff):
    project = make_project(staff, status=Status.SUBMITTED)
    organisation = make_organisation()
    response = staff_client.submit(
        f"/projects/{project.id}/partners", {"partner-organisation_id": organisation.id}
    )
    assert response.status_code == 403
    assert "Add a partner" not in staff_client.get(f"/projects/{project.id}").get_data(as_text=True)


def test_a_consortium_has_one_coordinator(staff_client, staff):
    ours = make_project(staff, our_role=OurRole.COORDINATOR)
    theirs = make_project(staff, our_role=OurRole.PARTNER)
    first, second = make_organisation(), make_organisation()
    coordinator = {"partner-role": "coordinator"}
    response = staff_client.submit(
        f"/projects/{ours.id}/partners", coordinator | {"partner-organisation_id": first.id}
    )
    assert response.status_code == 422
    assert "We coordinate this project" in response.get_data(as_text=True)
    url = f"/projects/{theirs.id}/partners"
    assert (
        staff_client.submit(url, coordinator | {"partner-organisation_id": first.id}).status_code
        == 302
    )
    response = staff_client.submit(url, coordinator | {"partner-organisation_id": second.id})
    assert response.status_code == 422
    assert "Another partner already coordinates" in response.get_data(as_text=True)
