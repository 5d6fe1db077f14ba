"""Personal data on request: an admin exports everything held about one person and can
anonymise them after confirming; figures stay, the history says who did it and when."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa

from tests.conftest import sign_in
from tests.factories import make_mobility, make_organisation, make_project, make_user
from tracker.auth.models import User
from tracker.enums import Role
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.notifications.models import Notification, NotificationKind
from tracker.workflow.models import Comment, HistoryEntry, HistoryKind
from tracker.workflow.states import Status


@pytest.fixture
def person(coordinator):
    """Mia Müller: an account with a project, a comment and a notification, and a participant."""
    mia = make_user(Role.STAFF, email="mia@example.edu", full_name="Mia Müller")
    project = make_project(mia, title="Mia's exchange project")
    ka131 = make_project(
        coordinator,
        action=Action.KA131_HED,
        call_year=2023,
        status=Status.APPROVED,
        start_date=date(2023, 6, 1),
        end_date=date(2025, 7, 31),
    )
    mobility = make_mobility(
        coordinator,
        ka131,
        make_organisation(),
        participant_name="Mia Müller",
        participant_email="MIA@example.edu",
        grant_total=Decimal("1500.00"),
    )
    comment = Comment(author_id=mia.id, body="Mia Müller will send the agreement.")
    comment.record = project
    entry = HistoryEntry(user_id=coordinator.id, kind=HistoryKind.EDITED)
    entry.changes = {"participant_name": ["M. Müller", "Mia Müller"]}
    entry.record = mobility
    note = Notification(user_id=mia.id, kind=NotificationKind.COMMENTED)
    note.record = project
    db.session.add_all([comment, entry, note])
    db.session.commit()
    return mia, project, mobility


def test_an_admin_exports_everything_held_about_a_person(admin_client, person):
    response = admin_client.submit("/users/personal-data/export", {"email": "Mia@Example.edu"})
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    text = response.get_data().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    what = {row[0] for row in rows[1:]}
    assert {"Account", "Mobility participant", "Owner of", "Comment", "Notification"} <= what
    assert "Mia Müller will send the agreement." in text
    assert ["Account", "", "email", "mia@example.edu"] in rows


def test_anonymising_needs_a_confirmation(admin_client, person):
    page = admin_client.submit("/users/personal-data/anonymise", {"email": "mia@example.edu"})
    assert page.status_code == 200
    assert "Anonymise mia@example.edu?" in page.get_data(as_text=True)
    refused = admin_client.submit(
        "/users/personal-data/anonymise/confirm", {"email": "mia@example.edu"}
    )
    assert refused.status_code == 422
    db.session.expire_all()
    assert db.session.scalar(sa.select(User).where(User.email == "mia@example.edu")) is not None


def test_anonymising_replaces_the_person_and_keeps_the_figures(app, admin, admin_client, person):
    mia, project, mobility = person
    mia_client = sign_in(app.test_client(), mia)
    response = admin_client.submit(
        "/users/personal-data/anonymise/confirm", {"email": "mia@example.edu", "confirm": "y"}
    )
    assert response.status_code == 302
    db.session.expire_all()
    account = db.session.get(User, mia.id)
    assert "Müller" not in account.full_name and account.email != "mia@example.edu"
    assert not account.active
    assert mia_client.get("/").status_code == 302, "the person's sessions ended"
    kept = db.session.get(Mobility, mobility.id)
    assert kept.participant_name == "Anonymised participant" and kept.participant_email is None
    assert kept.grant_total == Decimal("1500.00") and kept.status is Status.DRAFT
    texts = [str(e.changes) + str(e.comment) for e in db.session.scalars(sa.select(HistoryEntry))]
    texts += db.session.scalars(sa.select(Comment.body)).all()
    assert not [text for text in texts if "Müller" in text or "mia@example.edu" in text]
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Notification)) == 0
    erased = db.session.scalars(
        sa.select(HistoryEntry).where(HistoryEntry.comment.like("Personal data anonymised%"))
    ).all()
    assert {(e.project_id, e.mobility_id) for e in erased} == {
        (project.id, None),
        (None, mobility.id),
    }
    assert {e.user_id for e in erased} == {admin.id}
    assert all(e.created_at is not None for e in erased)


@pytest.mark.parametrize(
    "url", ["/users/personal-data/export", "/users/personal-data/anonymise/confirm"]
)
def test_only_admins_reach_personal_data(coordinator_client, person, url):
    data = {"email": "mia@example.edu", "confirm": "y"}
    assert coordinator_client.submit(url, data).status_code == 403
    assert coordinator_client.get("/users/personal-data").status_code == 403
