"""Creating and editing projects: every rule refused with its message, nothing typed lost."""

from decimal import Decimal
from html import unescape

import pytest
import sqlalchemy as sa

from tests.factories import make_project, make_user
from tests.projects.conftest import project_form
from tracker.enums import Role
from tracker.erasmus.actions import Action, KeyAction
from tracker.extensions import db
from tracker.projects.models import OurRole, Project
from tracker.workflow.models import HistoryEntry, HistoryKind
from tracker.workflow.states import Status


def only_project():
    db.session.expire_all()
    return db.session.scalars(sa.select(Project)).one()


def test_staff_create_a_draft_of_their_own_with_priorities(staff_client, staff, priority_ids):
    response = staff_client.submit("/projects/new", project_form(priorities=priority_ids[:2]))
    assert response.status_code == 302
    project = only_project()
    assert response.headers["Location"].endswith(f"/projects/{project.id}")
    assert project.status is Status.DRAFT
    assert project.owner_id == staff.id
    assert project.faculty == staff.faculty
    assert project.our_role is OurRole.PARTNER
    assert project.requested_amount == Decimal("250000.00")
    assert [p.id for p in project.priorities] == priority_ids[:2]
    entry = db.session.scalars(sa.select(HistoryEntry)).one()
    assert entry.kind is HistoryKind.CREATED and entry.project_id == project.id


def test_the_form_page_offers_every_field(staff_client):
    page = staff_client.get("/projects/new").get_data(as_text=True)
    for name in ("action", "call_year", "grant_agreement_number", "start_date", "priorities"):
        assert f'name="{name}"' in page
    assert 'type="date"' in page
    assert 'name="owner_id"' not in page


# (field, bad value, words of the message next to it)
BAD_VALUES = [
    ("action", "", "Choose the action"),
    ("action", "KA999", "Not a valid choice"),
    ("call_year", "", "Enter the call year"),
    ("call_year", "1999", "between 2014 and 2100"),
    ("call_year", "twenty", "Not a valid integer"),
    ("title", "", "This field is required"),
    ("title", "x" * 301, "300"),
    ("acronym", "A" * 41, "40"),
    ("grant_agreement_number", "2024-1-NL01-KA220-HED-12345", "e.g."),
    ("grant_agreement_number", "2024-1-NL01-KA131-HED-000123456", "action KA131"),
    ("grant_agreement_number", "2023-1-NL01-KA220-HED-000123456", "call year 2023"),
    ("start_date", "31-12-2024", "Not a valid date"),
    ("end_date", "2024-08-31", "before the start"),
    ("end_date", "2028-08-31", "12 to 36 months"),
    ("end_date", "2024-12-31", "12 to 36 months"),
    ("requested_amount", "12,50", "Not a valid decimal"),
    ("requested_amount", "-1", "0 or more"),
    ("requested_amount", "10.555", "two decimals"),
    ("awarded_amount", "abc", "Not a valid decimal"),
    ("our_role", "boss", "Not a valid choice"),
    ("faculty", "F" * 121, "120"),
]


@pytest.mark.parametrize(("name", "value", "words"), BAD_VALUES)
def test_one_bad_value_is_refused_next_to_its_field(staff_client, name, value, words):
    data = project_form(**{"title": "Kept title", name: value})
    response = staff_client.submit("/projects/new", data)
    assert response.status_code == 422
    page = unescape(response.get_data(as_text=True))
    error = page.split(f'id="{name}-error"', 1)[1].split("</p>", 1)[0]
    assert words in error
    if value and name not in ("action", "our_role"):
        assert value in page
    if name != "title":
        assert 'value="Kept title"' in page
    assert db.session.scalar(sa.select(sa.func.count(Project.id))) == 0


@pytest.mark.parametrize(
    ("action", "start", "end", "number", "allowed"),
    [
        ("KA131-HED", "2024-06-01", "2026-07-31", "2024-1-NL01-KA131-HED-000123456", True),
        ("KA131-HED", "2024-06-01", "2026-05-31", "", False),
        ("KA171-HED", "2024-08-01", "2027-07-31", "2024-1-NL01-KA171-HED-000123456", True),
        ("KA171-HED", "2024-08-01", "2026-07-31", "", True),
        ("KA171-HED", "2024-08-01", "2027-01-31", "", False),
        ("KA210", "2024-03-01", "2024-08-31", "2024-1-NL01-KA210-YOU-000123456", True),
        ("CBHE", "2024-01-01", "2026-12-31", "101123456", True),
        ("JM-CHAIR", "2024-09-01", "2027-08-31", "101000042", True),
        ("JM-CHAIR", "2024-09-01", "2026-08-31", "", False),
    ],
)
def test_each_action_checks_its_own_length_and_number(
    staff_client, action, start, end, number, allowed
):
    data = project_form(action=action, start_date=start, end_date=end)
    data["grant_agreement_number"] = number
    response = staff_client.submit("/projects/new", data)
    assert response.status_code == (302 if allowed else 422)
    if allowed:
        project = only_project()
        assert project.action is Action(action)
        assert project.grant_agreement_number == (number or None)
        if Action(action).key_action is not KeyAction.KA2:
            assert project.our_role is OurRole.COORDINATOR


def test_a_grant_agreement_number_is_optional_while_drafting(staff_client):
    response = staff_client.submit("/projects/new", project_form(grant_agreement_number=""))
    assert response.status_code == 302
    assert only_project().grant_agreement_number is None


def test_a_duplicate_number_links_to_the_project_the_user_may_see(staff_client, staff):
    other = make_project(staff, grant_agreement_number="2024-1-NL01-KA220-HED-000123456")
    response = staff_client.submit("/projects/new", project_form())
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "already has this grant agreement number" in page
    assert f'href="/projects/{other.id}"' in page


def test_a_duplicate_number_of_a_hidden_project_gives_no_link(staff_client, other_staff):
    other = make_project(other_staff, grant_agreement_number="2024-1-NL01-KA220-HED-000123456")
    response = staff_client.submit("/projects/new", project_form())
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "already has this grant agreement number" in page
    assert f"/projects/{other.id}" not in page


def test_coordinators_create_for_another_owner_with_that_owners_faculty(coordinator_client, staff):
    response = coordinator_client.submit("/projects/new", project_form(owner_id=str(staff.id)))
    assert response.status_code == 302
    project = only_project()
    assert project.owner_id == staff.id
    assert project.faculty == staff.faculty


def test_staff_cannot_choose_another_owner(staff_client, staff, other_staff):
    response = staff_client.submit("/projects/new", project_form(owner_id=str(other_staff.id)))
    assert response.status_code == 302
    assert only_project().owner_id == staff.id


def test_an_edit_is_recorded_field_by_field(staff_client, staff, priority_ids):
    project = make_project(staff, title="Old title")
    data = project_form(title="New title", version=str(project.version))
    data["priorities"] = priority_ids[:1]
    data["requested_amount"] = "1000.50"
    response = staff_client.submit(f"/projects/{project.id}/edit", data)
    assert response.status_code == 302
    db.session.expire_all()
    entry = db.session.scalars(sa.select(HistoryEntry)).one()
    assert entry.kind is HistoryKind.EDITED
    assert entry.changes["title"] == ["Old title", "New title"]
    assert entry.changes["requested_amount"] == [None, "1000.50"]
    assert entry.changes["priorities"][0] == ""
    page = staff_client.get(f"/projects/{project.id}").get_data(as_text=True)
    assert "Old title" in page and "Requested amount (EUR)" in page


def test_a_stale_edit_is_refused_and_keeps_both_versions(staff_client, staff, coordinator):
    project = make_project(staff, title="First")
    stale_version = project.version
    project.title = "Saved by the coordinator"
    db.session.commit()
    data = project_form(title="Typed by staff", version=str(stale_version))
    response = staff_client.submit(f"/projects/{project.id}/edit", data)
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "Someone else saved this record" in page
    assert "Saved by the coordinator" in page
    assert 'value="Typed by staff"' in page
    db.session.expire_all()
    assert db.session.get(Project, project.id).title == "Saved by the coordinator"
    again = staff_client.submit(f"/projects/{project.id}/edit", data | {"version": "2"})
    assert again.status_code == 302


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.APPROVED])
def test_owners_edit_only_while_the_project_is_theirs_to_change(staff_client, staff, status):
    project = make_project(staff, status=status)
    assert staff_client.get(f"/projects/{project.id}/edit").status_code == 403


def test_coordinators_edit_any_project_until_final(coordinator_client, staff):
    project = make_project(staff, status=Status.SUBMITTED)
    assert coordinator_client.get(f"/projects/{project.id}/edit").status_code == 200
    project.status = Status.REJECTED
    db.session.commit()
    assert coordinator_client.get(f"/projects/{project.id}/edit").status_code == 403


def test_the_edit_form_shows_the_saved_values(staff_client, app):
    owner = make_user(Role.STAFF)
    project = make_project(owner, title="Shown", requested_amount=Decimal("12.30"))
    client = app.test_client()
    from tests.conftest import sign_in

    sign_in(client, owner)
    page = client.get(f"/projects/{project.id}/edit").get_data(as_text=True)
    assert 'value="Shown"' in page and 'value="12.30"' in page and 'value="2024-09-01"' in page


def test_a_save_racing_another_is_refused_as_stale(staff_client, staff, monkeypatch):
    """Two saves pass the version check together; the database lets only the first one in."""
    from tracker.projects import operations

    project = make_project(staff, title="Before")
    apply = operations._apply

    def apply_after_another_save(record, form, user):
        db.session.execute(
            sa.text("UPDATE projects SET title = 'Racer', version = version + 1 WHERE id = :id"),
            {"id": record.id},
        )
        apply(record, form, user)

    monkeypatch.setattr(operations, "_apply", apply_after_another_save)
    data = project_form(title="Mine", version=str(project.version))
    response = staff_client.submit(f"/projects/{project.id}/edit", data)
    assert response.status_code == 409
    assert 'value="Mine"' in response.get_data(as_text=True)


def test_a_coordinator_handing_a_project_over_is_recorded(coordinator_client, staff, other_staff):
    project = make_project(staff)
    data = project_form(owner_id=str(other_staff.id), version=str(project.version))
    assert coordinator_client.submit(f"/projects/{project.id}/edit", data).status_code == 302
    db.session.expire_all()
    entry = db.session.scalars(sa.select(HistoryEntry)).one()
    assert entry.changes["owner"] == ["Sam Staff", "Olga Other"]
    assert db.session.get(Project, project.id).owner_id == other_staff.id
