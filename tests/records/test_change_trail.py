"""Every change on the record: accounts, organisations and deadlines keep who changed what,
when, from what to what (deletions too), on their own pages and on the admin's audit page."""

from datetime import date, timedelta

from tests.factories import make_deadline, make_organisation, make_user
from tracker.enums import Role
from tracker.extensions import db
from tracker.i18n import language_choice
from tracker.records.models import ChangedRecord, ChangeKind, RecordChange

DUE = date.today() + timedelta(days=20)


def trail(record_type):
    db.session.expire_all()
    return db.session.scalars(
        db.select(RecordChange)
        .where(RecordChange.record_type == record_type)
        .order_by(RecordChange.id)
    ).all()


def account_form(user, **changes):
    data = {
        "email": user.email,
        "full_name": user.full_name,
        "role": user.role.value,
        "faculty": user.faculty or "",
        "language": language_choice(user.language),
        "active": "y" if user.active else "",
        "password": "",
        "confirm": "",
    }
    return {name: value for name, value in (data | changes).items() if value != ""}


def deadline_form(**changes):
    data = {
        "title": "KA220-HED call: application deadline",
        "kind": "call",
        "due_date": DUE.isoformat(),
        "project_id": "",
        "notes": "",
        "version": "1",
    }
    return data | changes


def test_a_role_change_is_on_the_record_with_who_and_old_and_new(admin_client, admin, staff):
    response = admin_client.submit(f"/users/{staff.id}", account_form(staff, role="coordinator"))
    assert response.status_code == 302
    (entry,) = trail(ChangedRecord.USER)
    assert (entry.kind, entry.user_id, entry.record_id) == (ChangeKind.EDITED, admin.id, staff.id)
    assert entry.changes == {"role": ["Staff", "Coordinator"]}
    page = admin_client.get(f"/users/{staff.id}").get_data(as_text=True)
    assert "History" in page and "Ada Admin" in page and "Coordinator" in page


def test_a_deactivation_is_on_the_record(admin_client, staff):
    admin_client.submit(f"/users/{staff.id}", account_form(staff, active=""))
    (entry,) = trail(ChangedRecord.USER)
    assert entry.changes == {"active": ["True", "False"]}


def test_a_new_account_is_on_the_record(admin_client, admin):
    data = {
        "email": "new.person@example.edu",
        "full_name": "New Person",
        "role": "staff",
        "language": "en",
        "active": "y",
        "password": "a long and unusual passphrase",
        "confirm": "a long and unusual passphrase",
    }
    assert admin_client.submit("/users/new", data).status_code == 302
    (entry,) = trail(ChangedRecord.USER)
    assert (entry.kind, entry.record_label) == (ChangeKind.CREATED, "new.person@example.edu")
    assert entry.changes["full_name"] == [None, "New Person"]
    assert "password" not in entry.changes


def test_a_password_reset_is_on_the_record_without_the_password(admin_client, staff):
    secret = "a long and unusual passphrase"
    admin_client.submit(f"/users/{staff.id}", account_form(staff, password=secret, confirm=secret))
    (entry,) = trail(ChangedRecord.USER)
    assert set(entry.changes) == {"password"}
    assert secret not in str(entry.changes)


def test_an_organisation_created_and_edited_is_on_its_page(coordinator_client, coordinator):
    data = {"name": "Universidad de Chile", "country": "CL"}
    assert coordinator_client.submit("/organisations/new", data).status_code == 302
    (created,) = trail(ChangedRecord.ORGANISATION)
    data = data | {"name": "Universidad de Chile (Santiago)", "version": "1"}
    response = coordinator_client.submit(f"/organisations/{created.record_id}/edit", data)
    assert response.status_code == 302
    created, edited = trail(ChangedRecord.ORGANISATION)
    assert created.kind is ChangeKind.CREATED
    assert (edited.kind, edited.user_id) == (ChangeKind.EDITED, coordinator.id)
    assert edited.changes == {"name": ["Universidad de Chile", "Universidad de Chile (Santiago)"]}
    page = coordinator_client.get(f"/organisations/{created.record_id}").get_data(as_text=True)
    assert "Universidad de Chile (Santiago)" in page and "Cora Coord" in page


def test_an_organisation_saved_unchanged_adds_nothing(coordinator_client):
    data = {"name": "Aalto University", "country": "FI"}
    assert coordinator_client.submit("/organisations/new", data).status_code == 302
    (created,) = trail(ChangedRecord.ORGANISATION)
    response = coordinator_client.submit(
        f"/organisations/{created.record_id}/edit", data | {"version": "1"}
    )
    assert response.status_code == 302
    assert len(trail(ChangedRecord.ORGANISATION)) == 1


def test_a_deadline_edit_is_on_its_page(coordinator_client, coordinator):
    deadline = make_deadline(title="Original title")
    response = coordinator_client.submit(
        f"/deadlines/{deadline.id}/edit", deadline_form(title="Moved deadline")
    )
    assert response.status_code == 302
    (entry,) = trail(ChangedRecord.DEADLINE)
    assert entry.kind is ChangeKind.EDITED
    assert entry.changes["title"] == ["Original title", "Moved deadline"]
    page = coordinator_client.get(f"/deadlines/{deadline.id}/edit").get_data(as_text=True)
    assert "Original title" in page and "Cora Coord" in page


def test_a_deadline_created_is_on_the_record(coordinator_client):
    assert coordinator_client.submit("/deadlines/new", deadline_form()).status_code == 302
    (entry,) = trail(ChangedRecord.DEADLINE)
    assert entry.kind is ChangeKind.CREATED


def test_a_deleted_deadline_keeps_its_trace_with_what_it_held(coordinator_client, coordinator):
    deadline = make_deadline(title="Gone soon")
    assert coordinator_client.submit(f"/deadlines/{deadline.id}/delete").status_code == 302
    (entry,) = trail(ChangedRecord.DEADLINE)
    assert (entry.kind, entry.record_label, entry.user_id) == (
        ChangeKind.DELETED,
        "Gone soon",
        coordinator.id,
    )
    assert entry.changes["title"] == ["Gone soon", None]


def test_the_audit_page_lists_every_trail_and_filters_by_person_record_and_date(
    admin_client, admin, coordinator_client, coordinator, staff
):
    coordinator_client.submit("/organisations/new", {"name": "Aalto University", "country": "FI"})
    admin_client.submit(f"/users/{staff.id}", account_form(staff, role="coordinator"))
    everything = admin_client.get("/audit/").get_data(as_text=True)
    assert "Aalto University" in everything and staff.email in everything
    by_coordinator = admin_client.get(f"/audit/?person={coordinator.id}").get_data(as_text=True)
    assert "Aalto University" in by_coordinator and staff.email not in by_coordinator
    accounts = admin_client.get("/audit/?record_type=users").get_data(as_text=True)
    assert staff.email in accounts and "Aalto University" not in accounts
    tomorrow = (date.today() + timedelta(days=2)).isoformat()
    later = admin_client.get(f"/audit/?start={tomorrow}").get_data(as_text=True)
    assert "No changes match these filters." in later
    for label in ('for="person"', 'for="record_type"', 'for="start"', 'for="end"'):
        assert label in everything


def test_the_audit_page_pages_and_is_in_the_admin_navigation(app, admin_client):
    organisation = make_organisation(name="Many Changes University", country="FI")
    for number in range(app.config["PER_PAGE"] + 3):
        db.session.add(
            RecordChange(
                record_type=ChangedRecord.ORGANISATION,
                record_id=organisation.id,
                record_label=f"Change {number}",
                kind=ChangeKind.EDITED,
            )
        )
    db.session.commit()
    first = admin_client.get("/audit/").get_data(as_text=True)
    assert 'rel="next"' in first and 'href="/audit/"' in first
    second = admin_client.get("/audit/?page=2").get_data(as_text=True)
    assert "Change 0" in second and "Change 0" not in first


def test_the_audit_page_is_for_admins_only(client_as):
    client, _user = client_as(Role.COORDINATOR)
    assert client.get("/audit/").status_code == 403
    assert 'href="/audit/"' not in client.get("/").get_data(as_text=True)


def test_an_anonymised_account_leaves_no_name_in_the_trail(admin_client):
    person = make_user(email="leaving@example.edu", full_name="Lena Leaving")
    admin_client.submit(f"/users/{person.id}", account_form(person, full_name="Lena Leaving-Long"))
    admin_client.submit(
        "/users/personal-data/anonymise/confirm", {"email": "leaving@example.edu", "confirm": "y"}
    )
    for entry in trail(ChangedRecord.USER):
        assert "Lena" not in str(entry.changes) and "leaving@" not in entry.record_label
