"""Creating, editing and deleting deadlines: the office only, every bad value refused with a
message next to its field, nothing typed lost."""

from datetime import date, timedelta

import pytest

from tests.factories import make_deadline, make_project
from tracker.deadlines.models import Deadline, DeadlineKind
from tracker.enums import Role
from tracker.extensions import db

DUE = date.today() + timedelta(days=20)


def form_data(**changes):
    data = {
        "title": "KA220-HED call: application deadline",
        "kind": "call",
        "due_date": DUE.isoformat(),
        "project_id": "",
        "notes": "Internal deadline a week earlier.",
        "version": "1",
    }
    data.update(changes)
    return data


def all_deadlines():
    db.session.expire_all()
    return db.session.scalars(db.select(Deadline).order_by(Deadline.id)).all()


@pytest.fixture
def deadline(app):
    return make_deadline(title="Original title", kind=DeadlineKind.OTHER)


def test_staff_may_not_create_edit_or_delete(staff_client, deadline):
    assert staff_client.get("/deadlines/new").status_code == 403
    assert staff_client.submit("/deadlines/new", form_data()).status_code == 403
    assert staff_client.get(f"/deadlines/{deadline.id}/edit").status_code == 403
    assert staff_client.submit(f"/deadlines/{deadline.id}/edit", form_data()).status_code == 403
    assert staff_client.get(f"/deadlines/{deadline.id}/delete").status_code == 403
    assert staff_client.submit(f"/deadlines/{deadline.id}/delete").status_code == 403

    [unchanged] = all_deadlines()
    assert unchanged.title == "Original title"


def test_strangers_are_sent_to_sign_in(client, deadline):
    response = client.submit(f"/deadlines/{deadline.id}/delete")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")
    assert len(all_deadlines()) == 1


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ADMIN])
def test_the_office_creates_a_deadline(client_as, staff, role):
    client, user = client_as(role)
    project = make_project(staff, acronym="TIED")

    response = client.submit("/deadlines/new", form_data(kind="report", project_id=str(project.id)))

    assert response.status_code == 302
    [created] = all_deadlines()
    assert created.title == "KA220-HED call: application deadline"
    assert created.kind is DeadlineKind.REPORT
    assert created.due_date == DUE
    assert created.project_id == project.id
    assert created.notes == "Internal deadline a week earlier."
    assert created.created_by_id == user.id
    assert "KA220-HED call: application deadline" in client.get(
        response.headers["Location"]
    ).get_data(as_text=True)


def test_a_general_deadline_has_no_project_and_blank_notes_are_none(coordinator_client):
    coordinator_client.submit("/deadlines/new", form_data(notes="   "))

    [created] = all_deadlines()
    assert created.project_id is None
    assert created.notes is None


def test_the_edit_form_shows_the_saved_values(coordinator_client, staff):
    project = make_project(staff, acronym="SHOWN")
    saved = make_deadline(
        title="Final report", kind=DeadlineKind.REPORT, project=project, notes="Keep these"
    )

    html = coordinator_client.get(f"/deadlines/{saved.id}/edit").get_data(as_text=True)

    assert 'value="Final report"' in html
    assert '<option selected value="report">' in html
    assert f'<option selected value="{project.id}">' in html
    assert f'value="{saved.due_date.isoformat()}"' in html
    assert "Keep these" in html


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ADMIN])
def test_the_office_edits_a_deadline(client_as, staff, deadline, role):
    client, _user = client_as(role)
    project = make_project(staff)

    response = client.submit(
        f"/deadlines/{deadline.id}/edit",
        form_data(title="Changed", kind="report", project_id=str(project.id), notes=""),
    )

    assert response.status_code == 302
    [changed] = all_deadlines()
    assert (changed.title, changed.kind, changed.project_id, changed.notes) == (
        "Changed",
        DeadlineKind.REPORT,
        project.id,
        None,
    )


def test_editing_can_untie_a_deadline_from_its_project(coordinator_client, staff):
    saved = make_deadline(project=make_project(staff))

    coordinator_client.submit(f"/deadlines/{saved.id}/edit", form_data(project_id=""))

    assert all_deadlines()[0].project_id is None


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ADMIN])
def test_the_office_deletes_after_confirming(client_as, deadline, role):
    client, _user = client_as(role)

    confirmation = client.get(f"/deadlines/{deadline.id}/delete")
    assert confirmation.status_code == 200
    assert "Original title" in confirmation.get_data(as_text=True)
    assert len(all_deadlines()) == 1  # asking changes nothing

    response = client.submit(f"/deadlines/{deadline.id}/delete")

    assert response.status_code == 302
    assert all_deadlines() == []


@pytest.mark.parametrize("action", ["edit", "delete"])
def test_an_unknown_deadline_is_404(coordinator_client, action):
    assert coordinator_client.get(f"/deadlines/999999/{action}").status_code == 404
    assert coordinator_client.submit(f"/deadlines/999999/{action}", form_data()).status_code == 404


def test_a_post_without_its_csrf_token_changes_nothing(coordinator_client, deadline):
    response = coordinator_client.post(f"/deadlines/{deadline.id}/delete")

    assert response.status_code == 400
    assert len(all_deadlines()) == 1


# (changed field, message next to the field)
BAD_VALUES = [
    ({"title": ""}, "This field is required."),
    ({"title": "   "}, "This field is required."),
    ({"title": "x" * 201}, "Field cannot be longer than 200 characters."),
    ({"kind": "deadline-of-doom"}, "Not a valid choice."),
    ({"due_date": ""}, "This field is required."),
    ({"due_date": "31-12-2030"}, "Not a valid date value."),
    ({"due_date": "2030-02-30"}, "Not a valid date value."),
    ({"project_id": "999999"}, "Choose a project from the list, or none."),
    ({"project_id": "abc"}, "Choose a project from the list, or none."),
    ({"notes": "n" * 5001}, "Field cannot be longer than 5000 characters."),
]


@pytest.mark.parametrize(("changes", "message"), BAD_VALUES)
@pytest.mark.parametrize("where", ["new", "edit"])
def test_one_bad_value_is_refused_with_its_message_and_the_rest_kept(
    coordinator_client, deadline, changes, message, where
):
    url = "/deadlines/new" if where == "new" else f"/deadlines/{deadline.id}/edit"
    data = form_data(**changes)

    response = coordinator_client.submit(url, data)

    assert response.status_code == 422
    html = response.get_data(as_text=True)
    [field] = changes
    assert f'id="{field}-error">{message}' in html
    assert 'aria-invalid="true"' in html
    assert "Internal deadline a week earlier." in html or field == "notes"
    assert 'value="KA220-HED call: application deadline"' in html or field == "title"
    assert [(d.id, d.title) for d in all_deadlines()] == [(deadline.id, "Original title")]


def test_the_new_deadline_shows_on_the_coordinator_dashboard_when_due_within_60_days(
    coordinator_client, staff
):
    make_project(staff)  # the dashboard shows its figures, deadlines too, once a call year exists
    coordinator_client.submit("/deadlines/new", form_data(title="Due in twenty days"))
    coordinator_client.submit(
        "/deadlines/new",
        form_data(
            title="Due in ninety days",
            due_date=(date.today() + timedelta(days=90)).isoformat(),
        ),
    )

    html = coordinator_client.get("/reports/dashboard").get_data(as_text=True)
    section = html.split('id="deadlines"', 1)[1].split("</section>", 1)[0]

    assert "Due in twenty days" in section
    assert "Due in ninety days" not in section


def test_an_edit_from_a_stale_form_is_refused_and_keeps_the_other_change(
    coordinator_client, admin_client, deadline
):
    first = admin_client.submit(f"/deadlines/{deadline.id}/edit", form_data(title="Admin's"))
    assert first.status_code == 302
    second = coordinator_client.submit(
        f"/deadlines/{deadline.id}/edit", form_data(title="Coordinator's")
    )
    page = second.get_data(as_text=True)
    assert second.status_code == 409
    assert "Someone else saved this record" in page
    assert 'value="Coordinator&#39;s"' in page, "what the coordinator typed is kept"
    assert "Admin&#39;s" in page, "the change saved meanwhile is shown"
    [kept] = all_deadlines()
    assert kept.title == "Admin's"
