"""A project's page in a real browser: kept from other staff, and its documents."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import make_project

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def test_staff_get_a_friendly_not_found_for_another_staff_members_project(
    page, sign_in, assert_accessible, staff, other_staff
):
    project = make_project(other_staff, title="Olga's secret plans")
    sign_in(page, staff)

    response = page.goto(f"/projects/{project.id}")

    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Not found")
    expect(page.get_by_text("There is no page here, or it is not yours to see.")).to_be_visible()
    expect(page.get_by_text("Olga's secret plans")).to_have_count(0)
    expect(page.get_by_role("link", name="Go to the home page")).to_be_visible()
    assert_accessible(page)


def test_a_pdf_uploaded_on_a_project_downloads_unchanged(
    page, sign_in, assert_accessible, staff, tmp_path
):
    project = make_project(staff, title="Digital teaching together")
    pdf = tmp_path / "grant agreement.pdf"
    pdf.write_bytes(PDF)
    sign_in(page, staff)
    page.goto(f"/projects/{project.id}")
    documents = page.get_by_role("region", name="Documents")
    expect(documents).to_contain_text("No documents yet.")

    documents.get_by_label("Kind of document").select_option(label="Grant agreement")
    documents.get_by_label("File").set_input_files(pdf)
    documents.get_by_role("button", name="Upload").click()

    expect(page).to_have_url(re.compile(r"#documents$"))
    expect(page.get_by_role("status")).to_contain_text("grant agreement.pdf uploaded.")
    row = documents.get_by_role("row").filter(has_text="grant agreement.pdf")
    expect(row).to_contain_text("Grant agreement")
    expect(row).to_contain_text("Sam Staff")
    assert_accessible(page)

    with page.expect_download() as download_info:
        row.get_by_role("link", name="grant agreement.pdf").click()
    download = download_info.value
    assert download.suggested_filename == "grant agreement.pdf"
    assert download.path().read_bytes() == PDF
