"""Saved views (a named filter, per user, maybe shared) and the column chooser of the lists."""

import re

import pytest

from tests.factories import make_project, make_user
from tracker.enums import Role
from tracker.extensions import db
from tracker.list_settings.models import SavedView


def header_labels(page):
    head = re.search(r"<thead>(.*?)</thead>", page, re.S).group(1)
    return [
        re.sub(r"<[^>]+>|▲|▼", "", cell).strip()
        for cell in re.findall(r"<th[^>]*>(.*?)</th>", head, re.S)
    ]


def test_a_saved_view_keeps_the_filter_and_opens_it_again(coordinator_client, coordinator):
    response = coordinator_client.submit(
        "/lists/projects/views",
        {"name": "Waiting 2024", "query": "status=submitted&call_year=2024&page=3"},
    )

    assert response.status_code == 302
    location = response.headers["Location"]
    assert "status=submitted" in location and "call_year=2024" in location
    page = coordinator_client.get("/projects/").get_data(as_text=True)
    assert ">Waiting 2024</a>" in page


def test_a_view_is_private_unless_shared_and_only_its_owner_deletes_it(app, client_as):
    owner_client, _owner = client_as(Role.STAFF)
    other_client, _other = client_as(Role.STAFF)
    owner_client.submit("/lists/mobilities/views", {"name": "Mine", "query": "flow=incoming"})
    owner_client.submit(
        "/lists/mobilities/views", {"name": "For all", "query": "flow=outgoing", "shared": "y"}
    )

    seen = other_client.get("/mobilities/").get_data(as_text=True)
    assert ">For all</a>" in seen and ">Mine</a>" not in seen
    shared = db.session.scalar(db.select(SavedView).filter_by(name="For all"))
    assert other_client.submit(f"/lists/views/{shared.id}/delete").status_code == 404

    assert owner_client.submit(f"/lists/views/{shared.id}/delete").status_code == 302
    assert db.session.scalar(db.select(SavedView).filter_by(name="For all")) is None


def test_a_view_without_a_name_is_refused_with_a_message(coordinator_client):
    response = coordinator_client.submit(
        "/lists/projects/views", {"name": " ", "query": "status=draft"}, follow_redirects=True
    )
    assert "Give the view a name" in response.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count(SavedView.id))) == 0


def test_the_columns_chosen_are_remembered_for_the_person(app, client_as):
    chooser, person = client_as(Role.COORDINATOR)
    make_project(make_user(Role.STAFF))
    kept = ["status", "owner", "awarded_amount"]

    chooser.submit("/lists/projects/columns", {"columns": kept, "query": "status=draft"})

    assert header_labels(chooser.get("/projects/").get_data(as_text=True))[1:] == [
        "Title",
        "Status",
        "Owner",
        "Awarded",
    ]
    someone_else, _ = client_as(Role.COORDINATOR)
    assert "Priorities" in header_labels(someone_else.get("/projects/").get_data(as_text=True))


def name_field(page):
    """The saved view's name field: its input and whatever message stands next to it."""
    return re.search(r'<div class="field[^"]*">\s*<label for="view-name">.*?</div>', page, re.S)[0]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (" ", "Give the view a name"),
        ("x" * 101, "at most 100 characters"),
        ("Mine", "You already have a view called “Mine”"),
    ],
    ids=["empty", "too long", "duplicate"],
)
def test_a_refused_view_name_is_explained_next_to_the_field_and_kept(
    coordinator_client, typed, message
):
    coordinator_client.submit("/lists/projects/views", {"name": "Mine", "query": "status=draft"})

    response = coordinator_client.submit(
        "/lists/projects/views",
        {"name": typed, "query": "status=submitted", "shared": "y"},
        follow_redirects=True,
    )

    assert response.status_code == 200
    field = name_field(response.get_data(as_text=True))
    assert message in field
    assert f'value="{typed.strip()}"' in field
    assert "status=submitted" in response.request.url, "the list keeps its filters"
    assert re.search(r"<input checked[^>]*id=\"view-shared\"", field_page := response.text)
    assert field_page.count(message) == 1, "said once, next to the field"
    views = db.session.scalars(db.select(SavedView)).all()
    assert [(view.name, view.query) for view in views] == [("Mine", "status=draft")]
