"""Signing in and out in a real browser, for every role, and the pages passing axe."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "role, role_label, shown, hidden",
    [
        ("staff", "Staff", ["Home", "Projects", "Mobilities"], ["Users", "Unit costs"]),
        ("coordinator", "Coordinator", ["Projects", "Mobilities", "Unit costs"], ["Users"]),
        ("admin", "Administrator", ["Projects", "Users", "Unit costs"], []),
    ],
)
def test_each_role_signs_in_to_an_accessible_home_with_its_navigation(
    request, page, sign_in, assert_accessible, role, role_label, shown, hidden
):
    user = request.getfixturevalue(role)
    page.goto("/login")
    assert_accessible(page)

    sign_in(page, user)

    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Home")
    expect(page.get_by_role("link", name=user.full_name)).to_be_visible()
    expect(page.locator(".account .role")).to_have_text(role_label)
    navigation = page.get_by_role("navigation", name="Main")
    for label in shown:
        expect(navigation.get_by_role("link", name=label, exact=True)).to_be_visible()
    for label in hidden:
        expect(navigation.get_by_role("link", name=label, exact=True)).to_have_count(0)
    assert_accessible(page)


def test_wrong_password_shows_the_message_next_to_the_field(
    page, staff, sign_in, assert_accessible
):
    sign_in(page, staff, password="not the password")

    password = page.get_by_label("Password")
    message = "The e-mail address or the password is wrong."
    expect(page.locator(".field", has=password).get_by_text(message)).to_be_visible()
    expect(password).to_have_accessible_description(message)
    expect(password).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("E-mail address")).to_have_value(staff.email)
    expect(page.get_by_role("link", name=staff.full_name)).to_have_count(0)
    assert_accessible(page)


def test_sign_out_button_returns_to_the_sign_in_page(page, staff, sign_in):
    sign_in(page, staff)
    expect(page.get_by_role("link", name=staff.full_name)).to_be_visible()

    page.get_by_role("button", name="Sign out").click()

    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    expect(page.get_by_role("status")).to_contain_text("You have signed out.")
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login\?next=%2F$"))


def test_dutch_browser_gets_a_dutch_page(new_page):
    page = new_page(locale="nl-NL")
    page.goto("/login")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
