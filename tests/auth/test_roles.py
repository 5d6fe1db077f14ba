"""Each role reaches its own pages and no others; the check is on the server."""

import pytest

from tracker.enums import Role

# (path, least role that may open it)
PAGES = [
    ("/", Role.STAFF),
    ("/preferences", Role.STAFF),
    ("/users/", Role.ADMIN),
    ("/users/new", Role.ADMIN),
]


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("path, least_role", PAGES)
def test_each_role_reaches_only_its_pages(client_as, role, path, least_role):
    client, _ = client_as(role)
    response = client.get(path)
    expected = 200 if role.at_least(least_role) else 403
    assert response.status_code == expected


@pytest.mark.parametrize("path, least_role", PAGES)
def test_anonymous_is_sent_to_sign_in(client, path, least_role):
    response = client.get(path)
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_navigation_shows_users_only_to_admins(client_as):
    staff_client, _ = client_as(Role.STAFF)
    admin_client, _ = client_as(Role.ADMIN)
    assert 'href="/users/"' not in staff_client.get("/").get_data(as_text=True)
    assert 'href="/users/"' in admin_client.get("/").get_data(as_text=True)


def test_forbidden_page_is_friendly(client_as):
    client, _ = client_as(Role.STAFF)
    response = client.get("/users/")
    assert "You do not have permission to do this." in response.get_data(as_text=True)


def test_unknown_page_is_friendly(client_as):
    client, _ = client_as(Role.STAFF)
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "Go to the home page" in response.get_data(as_text=True)
