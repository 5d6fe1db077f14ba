"""Every page of the authorisation matrix, as each role, on the deployed server; and the
security headers on every response it sends."""

import pytest
import sqlalchemy as sa

from tests.auth.test_authorisation_matrix import GET_PAGES
from tests.live.conftest import ADMIN, COORDINATOR, OTHER, OWNER
from tests.live.visitor import Visitor

PDF = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
}


def create_draft_project(owner):
    """The owner's new KA220 draft, made through the form, with a document uploaded to it."""
    response = owner.submit(
        "/projects/new?action=KA220-HED",
        lambda form: "title" in form.fields,
        {
            "call_year": "2026",
            "title": "Live deployment check",
            "start_date": "2026-09-01",
            "end_date": "2028-08-31",
        },
    )
    assert response.status_code == 302, response.text
    project_path = response.headers["Location"]
    uploaded = owner.submit(
        project_path,
        lambda form: form.action.endswith("/documents"),
        {"kind": "other"},
        files={"file": ("agreement.pdf", PDF, "application/pdf")},
    )
    assert uploaded.status_code == 302
    return int(project_path.rstrip("/").rsplit("/", 1)[1])


def scalar(database, sql, **params):
    with database.connect() as connection:
        value = connection.execute(sa.text(sql), params).scalar()
    assert value is not None, sql
    return value


@pytest.fixture(scope="session")
def world(visitors, database):
    """The matrix's placeholders, filled from the deployment: the demo staff member owns
    the records (a draft project made here, the KA131-2025 project, a draft mobility)."""
    project = create_draft_project(visitors[OWNER])
    owner_id = scalar(database, "SELECT id FROM users WHERE email = 'staff@demo.tracker'")
    return {
        "project": project,
        "attachment": scalar(
            database, "SELECT id FROM attachments WHERE project_id = :p", p=project
        ),
        "ka131": scalar(
            database,
            "SELECT id FROM projects WHERE action = 'KA131-HED' AND owner_id = :o "
            "AND status IN ('approved', 'ongoing')",
            o=owner_id,
        ),
        "mobility": scalar(
            database,
            "SELECT min(id) FROM mobilities WHERE owner_id = :o AND status = 'draft'",
            o=owner_id,
        ),
        "organisation": scalar(database, "SELECT min(id) FROM organisations"),
        "rate": scalar(
            database,
            "SELECT min(r.id) FROM unit_cost_rates r "
            "JOIN unit_cost_years y ON y.id = r.year_id WHERE y.call_year = 2023",
        ),
        "user": owner_id,
        "deadline": scalar(database, "SELECT min(id) FROM deadlines"),
    }


def assert_security_headers(response):
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, f"{response.url}: {name}"
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy, response.url
    assert "frame-ancestors 'none'" in policy, response.url


@pytest.mark.parametrize("person", [OWNER, OTHER, COORDINATOR, ADMIN])
def test_every_page_of_the_matrix_answers_as_it_says(visitors, world, person):
    wrong = []
    for endpoint, (path, expected) in sorted(GET_PAGES.items()):
        response = visitors[person].get(path.format(**world))
        assert_security_headers(response)
        if response.status_code != expected[person]:
            wrong.append(f"{endpoint} {path}: {response.status_code}, not {expected[person]}")
        response.close()
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    "path, status",
    [("/login", 200), ("/healthz", 200), ("/static/css/tracker.css", 200), ("/nowhere", 404)],
)
def test_pages_outside_the_matrix_carry_the_headers_too(deployment, path, status):
    response = Visitor(deployment.url).get(path)
    assert response.status_code == status
    assert_security_headers(response)


def test_a_stranger_is_sent_to_sign_in(deployment, world):
    response = Visitor(deployment.url).get(f"/projects/{world['project']}")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")
    assert_security_headers(response)
