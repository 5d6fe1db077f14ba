"""The mobility form's grant, the partners it offers and the band it proposes: live as the user
types, and by buttons without JavaScript."""

import pytest
from playwright.sync_api import expect

from tests.factories import make_organisation

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("student_rates_entered")]
KA171_PARTNERS = ["— choose —", "University in BR (BR)", "University in ID (ID)",
                  "University in KE (KE)"]  # fmt: skip


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
    expect(breakdown).to_contain_text("Individual support: 5 months × €600")
    expect(breakdown.get_by_role("row", name="Total")).to_contain_text("€ 3,000.00")
    page.get_by_label("End date").fill("2024-02-10")
    expect(breakdown.get_by_role("row", name="Total")).to_contain_text("€ 3,200.00")
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

    expect(grant_breakdown(page).get_by_role("row", name="Total")).to_contain_text("€ 3,000.00")
    expect(page.get_by_label("Participant's name")).to_have_value("Eva Example")
    expect(page.get_by_label("End date")).to_have_value("2024-01-31")
    expect(page.get_by_role("link", name="Eva Example")).to_have_count(0)


def test_a_ka171_project_narrows_the_partners_and_a_partner_proposes_the_band(
    page, sign_in, assert_accessible, staff, ka131, ka171
):
    make_organisation(name="Humboldt-Universität zu Berlin", country="DE", city="Berlin")
    sign_in(page, staff)
    page.goto("/mobilities/new")
    expect(page.get_by_role("button", name="Show this project's partners")).to_be_hidden()
    page.get_by_label("Funding project").select_option(str(ka171.id))
    expect(page.get_by_label("Partner organisation").locator("option")).to_have_text(KA171_PARTNERS)
    page.get_by_label("Funding project").select_option(str(ka131.id))
    expect(page.get_by_label("Partner organisation").locator("option")).not_to_have_count(4)
    page.get_by_label("Partner organisation").select_option(
        label="Humboldt-Universität zu Berlin (DE)"
    )
    expect(page.locator("#band-proposal")).to_contain_text(
        "The map proposes 500–1,999 km: Leiden to Berlin is 607 km."
    )
    expect(page.get_by_label("Distance band")).to_have_value("500-1999")
    assert_accessible(page)


def test_without_javascript_a_button_shows_the_projects_partners(new_page, sign_in, staff, ka171):
    page = new_page(java_script_enabled=False)
    sign_in(page, staff)
    page.goto("/mobilities/new")
    page.get_by_label("Participant's name").fill("Ines Incoming")
    page.get_by_label("Funding project").select_option(str(ka171.id))
    page.get_by_role("button", name="Show this project's partners").click()
    expect(page.get_by_label("Partner organisation").locator("option")).to_have_text(KA171_PARTNERS)
    expect(page.get_by_label("Participant's name")).to_have_value("Ines Incoming")
