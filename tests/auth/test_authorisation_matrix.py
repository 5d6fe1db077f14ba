"""Every page, every role: who gets the page, who is refused (403), who may not know it exists
(404). A route added without a row here fails `test_every_route_is_in_the_matrix`."""

from datetime import date

import pytest

from tests.conftest import sign_in
from tests.factories import (
    make_mobility,
    make_organisation,
    make_project,
    make_user,
    seed_unit_costs,
)
from tracker.deadlines.models import Deadline, DeadlineKind
from tracker.documents.models import Attachment, DocumentKind
from tracker.enums import Role
from tracker.erasmus.actions import Action
from tracker.erasmus.models import UnitCostRate, UnitCostYear
from tracker.extensions import db
from tracker.notifications.models import Notification, NotificationKind
from tracker.workflow.states import Status

OWNER, OTHER, COORDINATOR, ADMIN = "owner", "other staff", "coordinator", "admin"
WHO = (OWNER, OTHER, COORDINATOR, ADMIN)
EVERYONE = dict.fromkeys(WHO, 200)
OFFICE = {OWNER: 403, OTHER: 403, COORDINATOR: 200, ADMIN: 200}
ADMINS = {OWNER: 403, OTHER: 403, COORDINATOR: 403, ADMIN: 200}
OWN_RECORD = {OWNER: 200, OTHER: 404, COORDINATOR: 200, ADMIN: 200}

# endpoint: (URL with {placeholders} filled from the `world` fixture, status per person)
GET_PAGES = {
    "main.home": ("/", EVERYONE),
    "auth.preferences": ("/preferences", EVERYONE),
    "auth.change_password": ("/password", EVERYONE),
    "projects.index": ("/projects/", EVERYONE),
    "projects.export": ("/projects/export.csv", EVERYONE),
    "projects.create": ("/projects/new", EVERYONE),
    "projects.detail": ("/projects/{project}", OWN_RECORD),
    "projects.edit": ("/projects/{project}/edit", OWN_RECORD),
    "mobilities.index": ("/mobilities/", EVERYONE),
    "mobilities.export": ("/mobilities/export.csv", EVERYONE),
    "mobilities.create": ("/mobilities/new", EVERYONE),
    "mobilities.detail": ("/mobilities/{mobility}", OWN_RECORD),
    "mobilities.edit": ("/mobilities/{mobility}/edit", OWN_RECORD),
    "mobilities.partner_options": ("/mobilities/partner-options?project_id={ka131}", EVERYONE),
    "mobilities.suggestions": ("/mobilities/suggestions/project?q=a", EVERYONE),
    "mobilities.band_proposal": (
        "/mobilities/band-proposal?organisation_id={organisation}",
        EVERYONE,
    ),
    "organisations.index": ("/organisations/", EVERYONE),
    "organisations.detail": ("/organisations/{organisation}", EVERYONE),
    "organisations.create": ("/organisations/new", OFFICE),
    "organisations.edit": ("/organisations/{organisation}/edit", OFFICE),
    "deadlines.index": ("/deadlines/", EVERYONE),
    "deadlines.create": ("/deadlines/new", OFFICE),
    "deadlines.edit": ("/deadlines/{deadline}/edit", OFFICE),
    "deadlines.delete": ("/deadlines/{deadline}/delete", OFFICE),
    "documents.download": ("/documents/{attachment}", OWN_RECORD),
    "notifications.index": ("/notifications/", EVERYONE),
    "workflow.queue": ("/review", OFFICE),
    "reports.index": ("/reports/", EVERYONE),
    "reports.dashboard": ("/reports/dashboard", OFFICE),
    "reports.priorities": ("/reports/priorities", EVERYONE),
    "reports.priorities_csv": ("/reports/priorities.csv", EVERYONE),
    "reports.budget": ("/reports/budget", EVERYONE),
    "reports.budget_csv": ("/reports/budget.csv", EVERYONE),
    "reports.project_mobilities": ("/reports/projects/{ka131}/mobilities", OWN_RECORD),
    "reports.project_mobilities_csv": ("/reports/projects/{ka131}/mobilities.csv", OWN_RECORD),
    "unit_costs.index": ("/unit-costs/", OFFICE),
    "unit_costs.year": ("/unit-costs/2023", OFFICE),
    "unit_costs.create": ("/unit-costs/new", OFFICE),
    "unit_costs.correct": ("/unit-costs/2023/rates/{rate}", OFFICE),
    "users.index": ("/users/", ADMINS),
    "users.create": ("/users/new", ADMINS),
    "users.edit": ("/users/{user}", ADMINS),
    "users.personal_data": ("/users/personal-data", ADMINS),
    "audit.index": ("/audit/", ADMINS),
}

# Routes that change something are POST-only; each has its own tests of who may post.
POST_ROUTES_TESTED_IN = {
    "auth.logout": "tests/auth/test_sign_in.py",
    "documents.upload": "tests/documents/test_documents.py",
    "documents.delete": "tests/documents/test_documents.py",
    "workflow.transition": "tests/workflow/test_transitions.py",
    "workflow.comment": "tests/workflow/test_comments_and_notifications.py",
    "notifications.open_one": "tests/workflow/test_comments_and_notifications.py",
    "notifications.read_all": "tests/workflow/test_comments_and_notifications.py",
    "mobilities.grant_preview": "tests/mobilities/test_mobility_form.py",
    "mobilities.recalculate": "tests/mobilities/test_recalculation.py",
    "mobilities.bulk": "tests/workflow/test_bulk.py",
    "projects.bulk": "tests/workflow/test_bulk.py",
    "list_settings.save_view": "tests/main/test_list_settings.py",
    "list_settings.delete_view": "tests/main/test_list_settings.py",
    "list_settings.choose_columns": "tests/main/test_list_settings.py",
    "projects.add_partner_view": "tests/projects/test_partners.py",
    "projects.remove_partner_view": "tests/projects/test_partners.py",
    "projects.add_planned_view": "tests/projects/test_partners.py",
    "projects.remove_planned_view": "tests/projects/test_partners.py",
    "users.export_personal_data": "tests/users/test_personal_data.py",
    "users.anonymise_person": "tests/users/test_personal_data.py",
    "users.confirm_anonymise": "tests/users/test_personal_data.py",
    "projects.add_bip_view": "tests/projects/test_organised_bips.py",
    "projects.remove_bip_view": "tests/projects/test_organised_bips.py",
}
OPEN_TO_ALL = {"auth.login", "health.healthz", "main.favicon", "static"}


@pytest.fixture
def world(app):
    """One record of every kind, owned by the staff member called OWNER."""
    people = {
        OWNER: make_user(Role.STAFF),
        OTHER: make_user(Role.STAFF),
        COORDINATOR: make_user(Role.COORDINATOR),
        ADMIN: make_user(Role.ADMIN),
    }
    owner = people[OWNER]
    organisation = make_organisation()
    ka131 = make_project(
        owner,
        action=Action.KA131_HED,
        call_year=2023,
        status=Status.APPROVED,
        start_date=date(2023, 6, 1),
        end_date=date(2025, 7, 31),
    )
    project = make_project(owner)
    mobility = make_mobility(owner, ka131, organisation)
    attachment = Attachment(
        kind=DocumentKind.OTHER,
        original_name="a.pdf",
        stored_name="0" * 32,
        content_type="application/pdf",
        size_bytes=0,
        uploaded_by_id=owner.id,
        project=project,
    )
    notification = Notification(user_id=owner.id, kind=NotificationKind.COMMENTED, project=project)
    deadline = Deadline(title="Report", kind=DeadlineKind.REPORT, due_date=date(2030, 1, 31))
    seed_unit_costs()
    db.session.add_all([attachment, notification, deadline])
    db.session.commit()
    rate = db.session.scalar(
        db.select(UnitCostRate).join(UnitCostYear).where(UnitCostYear.call_year == 2023)
    )
    ids = {
        "project": project.id,
        "ka131": ka131.id,
        "mobility": mobility.id,
        "organisation": organisation.id,
        "attachment": attachment.id,
        "rate": rate.id,
        "user": owner.id,
        "deadline": deadline.id,
    }
    return people, ids


@pytest.mark.parametrize("person", WHO)
@pytest.mark.parametrize("endpoint", sorted(GET_PAGES))
def test_every_page_for_every_person(app, world, endpoint, person, tmp_path):
    people, ids = world
    path, expected = GET_PAGES[endpoint]
    if endpoint == "documents.download":
        (tmp_path / ("0" * 32)).write_bytes(b"%PDF-1.7\n")
        app.config["UPLOAD_FOLDER"], folder = str(tmp_path), app.config["UPLOAD_FOLDER"]
    try:
        response = sign_in(app.test_client(), people[person]).get(path.format(**ids))
    finally:
        if endpoint == "documents.download":
            app.config["UPLOAD_FOLDER"] = folder
    assert response.status_code == expected[person]


@pytest.mark.parametrize("endpoint", sorted(GET_PAGES))
def test_every_page_sends_strangers_to_sign_in(client, world, endpoint):
    _people, ids = world
    path, _expected = GET_PAGES[endpoint]
    response = client.get(path.format(**ids))
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


def test_every_route_is_in_the_matrix(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    covered = set(GET_PAGES) | set(POST_ROUTES_TESTED_IN) | OPEN_TO_ALL
    assert endpoints - covered == set(), "add the new route to the matrix above"
    assert covered - endpoints == set(), "a route in the matrix no longer exists"
