"""Signing in and out: the only door into tracker."""

import pytest

from tests.factories import DEFAULT_PASSWORD, make_user
from tracker.auth.models import User


def test_sign_in_with_right_password_reaches_home(client, staff):
    response = client.submit(
        "/login", {"email": "STAFF@Example.edu ", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    home = client.get("/")
    assert home.status_code == 200
    assert "Sam Staff" in home.get_data(as_text=True)


@pytest.mark.parametrize(
    "email, password",
    [("staff@example.edu", "wrong password"), ("nobody@example.edu", DEFAULT_PASSWORD)],
)
def test_wrong_pair_is_refused_without_saying_which_part(client, staff, email, password):
    response = client.submit("/login", {"email": email, "password": password})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "The e-mail address or the password is wrong." in page
    assert f'value="{email}"' in page, "the e-mail typed is kept"
    assert client.get("/").status_code == 302


def test_inactive_user_is_refused(client, app):
    make_user(email="gone@example.edu", active=False)
    response = client.submit("/login", {"email": "gone@example.edu", "password": DEFAULT_PASSWORD})
    assert response.status_code == 422
    assert "deactivated" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_deactivated_user_loses_the_session(staff_client, staff, app):
    from tracker.extensions import db

    staff.active = False
    db.session.commit()
    assert staff_client.get("/").status_code == 302


def test_missing_fields_get_messages_next_to_them(client, app):
    response = client.submit("/login", {"email": "not-an-address", "password": ""})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="email-error"' in page
    assert 'id="password-error"' in page


def test_missing_csrf_token_is_refused_with_400(client, staff):
    response = client.post("/login", data={"email": staff.email, "password": DEFAULT_PASSWORD})
    assert response.status_code == 400
    assert client.get("/").status_code == 302


def test_pages_need_a_signed_in_user(client, app):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


@pytest.mark.parametrize("target", ["/preferences", "/users/?sort=name"])
def test_next_brings_the_user_back_to_a_page_of_ours(client, admin, target):
    response = client.submit(
        "/login", {"email": admin.email, "password": DEFAULT_PASSWORD, "next": target}
    )
    assert response.headers["Location"] == target


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "\\\\evil.example",
        "http:/evil.example",
        "javascript:alert(1)",
        " //evil.example",
        "/\t/evil.example",
    ],
)
def test_next_never_leaves_the_site(client, staff, target):
    response = client.submit(
        "/login", {"email": staff.email, "password": DEFAULT_PASSWORD, "next": target}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_remember_me_sets_a_lasting_cookie(client, staff):
    client.submit("/login", {"email": staff.email, "password": DEFAULT_PASSWORD, "remember": "y"})
    assert client.get_cookie("remember_token") is not None


def test_without_remember_me_no_lasting_cookie(client, staff):
    client.submit("/login", {"email": staff.email, "password": DEFAULT_PASSWORD})
    assert client.get_cookie("remember_token") is None


def test_sign_out_ends_the_session(staff_client):
    response = staff_client.submit("/logout")
    assert response.status_code == 302
    assert staff_client.get("/").status_code == 302


def test_sign_out_needs_post(staff_client):
    assert staff_client.get("/logout").status_code == 405


def test_password_is_stored_salted_and_hashed(app):
    first, second = User(), User()
    first.set_password("same password twice")
    second.set_password("same password twice")
    assert first.password_hash.startswith("scrypt:")
    assert "same password" not in first.password_hash
    assert first.password_hash != second.password_hash
    assert first.check_password("same password twice")
    assert not first.check_password("Same password twice")
