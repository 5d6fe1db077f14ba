"""The mobility form's grant: live as the user types, and by a button without JavaScript."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("unit_costs")]


def fill_a_five_month_study_mobility(page, ka131):
    page.get_by_label("Participant's name").fill("Eva Example")
    page.get_by_label("Partner organisation").select_option(label="University in FI (FI)")
    page.get_by_label("Funding project").select_option(str(ka131.id))
    page.get_by_label("Start date").fill("2023-09-01")
    page.get_by_label("End date").fill("2024-01-31")
    page.get_by_role("group", name="Priorities").get_by_label("Digital transformation").check()


def grant_breakdown(page):
    return page.get_by_role("table", name="Grant breakdown")


def test_the_breakdown_updates_as_the_user_types(
    page, sign_in, assert_accessible, staff, ka131, partners
):
    sign_in(page, staff)
    page.goto("/mobilities/new")
    expect(page.get_by_role("table", name="Grant breakdown")).to_have_count(0)

    fill_a_five_month_study_mobility(page, ka131)

    breakdown = grant_breakdown(page)
    expect(breakdown).to_contain_text("Individual support: 5 months × €520")
    expect(breakdown.get_by_role("row", name="Total")).to_contain_text("€ 2,600.00")
    page.get_by_label("End date").fill("2024-02-10")
    expect(breakdown.get_by_role("row", name="Total")).to_contain_text("€ 2,773.33")
    assert_accessible(page)


def test_without_javascript_the_calculate_button_shows_the_breakdown(
    new_page, sign_in, staff, ka131, partners
):
    page = new_page(java_script_enabled=False)
    sign_in(page, staff)
    page.goto("/mobilities/new")
    fill_a_five_month_study_mobility(page, ka131)
    expect(grant_breakdown(page)).to_have_count(0)

    page.get_by_role("button", name="Calculate grant").click()

    expect(grant_breakdown(page).get_by_role("row", name="Total")).to_contain_text("€ 2,600.00")
    expect(page.get_by_label("Participant's name")).to_have_value("Eva Example")
    expect(page.get_by_label("End date")).to_have_value("2024-01-31")
    expect(page.get_by_role("link", name="Eva Example")).to_have_count(0)
