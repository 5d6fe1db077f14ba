"""A page asked again while nothing was written is served as kept: the same page, at once.

What a person must never notice: a change that does not show, someone else's page, a form
that no longer submits, a message shown twice or not at all.
"""

from tests.conftest import CSRF_INPUT, sign_in
from tests.factories import make_project, make_user
from tests.query_counts import counted_statements
from tests.workflow.conftest import complete_project
from tracker.enums import Role
from tracker.workflow.states import Status

RENDER = {"Cache-Control": "no-cache"}


def statements_and_page(client, url, **kwargs):
    with counted_statements() as statements:
        page = client.get(url, **kwargs).get_data(as_text=True)
    return len(statements), page


def csrf_token_in(page):
    match = CSRF_INPUT.search(page)
    return match.group(1) or match.group(2)


def test_a_list_asked_again_is_the_same_page_without_its_queries(coordinator_client):
    make_project(make_user(Role.STAFF), title="Harbour studies")
    assert "Signed in as" in coordinator_client.get("/projects/").text  # shown once, not kept

    rendered, first = statements_and_page(coordinator_client, "/projects/")
    kept, second = statements_and_page(coordinator_client, "/projects/")

    assert "Harbour studies" in second
    assert second == first
    assert kept <= 2 < rendered  # who is signed in, and the data version


def test_a_change_shows_on_the_next_look(coordinator_client):
    owner = make_user(Role.STAFF)
    make_project(owner, title="Harbour studies")
    coordinator_client.get("/projects/")
    coordinator_client.get("/")

    make_project(owner, title="River studies")

    assert "River studies" in coordinator_client.get("/projects/").get_data(as_text=True)
    home = coordinator_client.get("/").get_data(as_text=True)
    assert "River studies" not in home  # the dashboard counts, it does not list drafts
    assert 'href="/projects/?call_year=' in home


def test_each_person_gets_their_own_page(app, client_as):
    first, first_owner = client_as(Role.STAFF)
    second, second_owner = client_as(Role.STAFF)
    make_project(first_owner, title="Project of the first")
    make_project(second_owner, title="Project of the second")

    for _ in range(2):
        mine = first.get("/projects/").get_data(as_text=True)
        theirs = second.get("/projects/").get_data(as_text=True)
        assert "Project of the first" in mine and "Project of the second" not in mine
        assert "Project of the second" in theirs and "Project of the first" not in theirs


def test_a_kept_page_carries_the_forms_token_of_the_session_that_gets_it(app, coordinator):
    waiting = complete_project(make_user(Role.STAFF), status=Status.SUBMITTED)
    at_desk = sign_in(app.test_client(), coordinator)
    on_laptop = sign_in(app.test_client(), coordinator)
    on_laptop.get("/notifications/")  # shows "Signed in as", once
    at_desk.get("/projects/")
    desk_page = at_desk.get("/projects/").get_data(as_text=True)

    kept, laptop_page = statements_and_page(on_laptop, "/projects/")

    assert kept <= 2
    token = csrf_token_in(laptop_page)
    assert token != csrf_token_in(desk_page)
    assert laptop_page.count(token) == desk_page.count(csrf_token_in(desk_page)) >= 2
    response = on_laptop.post(
        "/projects/bulk",
        data={"transition": "approve", "ids": [waiting.id], "csrf_token": token},
    )
    assert response.status_code == 200
    assert "done on 1, refused on 0" in response.get_data(as_text=True)


def test_a_refused_form_shows_once_on_the_page_it_returns_to(coordinator_client):
    coordinator_client.get("/projects/")
    coordinator_client.get("/projects/")

    refused = coordinator_client.submit(
        "/lists/projects/views", {"name": "x" * 500, "query": ""}, follow_redirects=True
    ).get_data(as_text=True)
    after = coordinator_client.get("/projects/").get_data(as_text=True)

    assert "x" * 100 in refused
    assert "x" * 100 not in after


def test_a_hard_reload_renders_the_page_again(coordinator_client):
    coordinator_client.get("/projects/")
    coordinator_client.get("/projects/")
    kept, _page = statements_and_page(coordinator_client, "/projects/")
    rendered, _page = statements_and_page(coordinator_client, "/projects/", headers=RENDER)
    assert rendered > kept


def test_the_same_address_in_another_language_is_that_language(coordinator_client):
    english = {"Accept-Language": "en"}
    coordinator_client.get("/projects/", headers=english)
    assert "New project" in coordinator_client.get("/projects/", headers=english).text

    dutch = coordinator_client.get("/projects/", headers={"Accept-Language": "nl"}).text

    assert "Nieuw project" in dutch and "New project" not in dutch
