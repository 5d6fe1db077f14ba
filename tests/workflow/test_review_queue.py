"""The coordinators' review queue: what waits for a decision, the longest-waiting first."""

import re
from datetime import timedelta

import sqlalchemy as sa

from tests.conftest import sign_in
from tests.factories import make_mobility, make_organisation, make_project, make_user
from tests.workflow.conftest import complete_project
from tracker.column_types import utcnow
from tracker.enums import Role
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.records.history import log_history
from tracker.workflow.models import HistoryKind
from tracker.workflow.states import Status


def submitted_days_ago(project, days, status=Status.SUBMITTED):
    entry = log_history(
        project,
        project.owner,
        HistoryKind.STATUS,
        from_status=Status.DRAFT,
        to_status=Status.SUBMITTED,
    )
    entry.created_at = utcnow() - timedelta(days=days)
    project.status = status
    db.session.commit()


def test_queue_lists_waiting_records_oldest_first_with_days_waiting(app):
    owner = make_user(Role.STAFF, full_name="Wendy Waiting")
    recent = complete_project(owner, title="Recent application")
    old = complete_project(owner, title="Old application")
    in_review = complete_project(owner, title="Being reviewed")
    complete_project(owner, title="Still a draft")
    submitted_days_ago(recent, 2)
    submitted_days_ago(old, 30)
    submitted_days_ago(in_review, 10, status=Status.IN_REVIEW)

    page = sign_in(app.test_client(), make_user(Role.COORDINATOR)).get("/review")
    text = page.get_data(as_text=True)

    assert page.status_code == 200
    assert text.index("Old application") < text.index("Being reviewed") < text.index("Recent")
    assert "Still a draft" not in text
    assert '<td class="number">30</td>' in text
    assert "Wendy Waiting" in text


def test_staff_have_no_review_queue(app):
    client = sign_in(app.test_client(), make_user(Role.STAFF))
    assert client.get("/review").status_code == 403


def test_timestamps_are_stored_in_utc_and_shown_in_the_offices_time_zone(app):
    from datetime import UTC, datetime

    from tests.conftest import sign_in as signed_in

    owner = make_user(Role.STAFF)
    project = complete_project(owner, title="Winter project")
    entry = log_history(project, owner, HistoryKind.EDITED, comment="Noon in London")
    entry.created_at = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
    db.session.commit()
    page = signed_in(app.test_client(), owner).get(f"/projects/{project.id}")
    assert "15 Jan 2026, 13:00" in page.get_data(as_text=True)  # Amsterdam: UTC+1


def submitted(record, *days_ago, status=Status.SUBMITTED):
    """Record a submission `days_ago` for each number given; the record ends in `status`."""
    for days in days_ago:
        entry = log_history(
            record,
            record.owner,
            HistoryKind.STATUS,
            from_status=Status.DRAFT,
            to_status=Status.SUBMITTED,
        )
        entry.created_at = utcnow() - timedelta(days=days)
    record.status = status
    db.session.commit()


def test_queue_waits_from_the_last_submission_and_filters_by_faculty(app):
    """Projects and mobilities in one order; a record sent back and submitted again waits
    from its last submission; the faculty filter keeps only that faculty's records."""
    law = make_user(Role.STAFF, full_name="Lena Law", faculty="Faculty of Law")
    arts = make_user(Role.STAFF, full_name="Arthur Arts", faculty="Faculty of Arts")
    resubmitted = complete_project(law, title="Resubmitted application")
    submitted(resubmitted, 40, 5)
    plain = complete_project(law, title="Plain application")
    submitted(plain, 20, status=Status.IN_REVIEW)
    mobility = make_mobility(
        law,
        make_project(law),
        make_organisation(),
        participant_name="Maria Mobile",
        grant_waiting_for="student_group_1",
    )
    submitted(mobility, 30)
    submitted(complete_project(arts, title="Arts application"), 50)

    client = sign_in(app.test_client(), make_user(Role.COORDINATOR))
    text = client.get("/review?faculty=Faculty+of+Law").get_data(as_text=True)

    assert "3 records waiting" in text
    assert "Arts application" not in text
    assert text.index("Maria Mobile") < text.index("Plain application")
    assert text.index("Plain application") < text.index("Resubmitted application")
    assert '<td class="number">5</td>' in text
    assert text.count("grant waits for unit costs") == 1
    everything = client.get("/review").get_data(as_text=True)
    assert "4 records waiting" in everything
    assert everything.index("Arts application") < everything.index("Maria Mobile")


def test_each_page_of_the_queue_holds_the_next_longest_waiting(app):
    """Records submitted (waiting since their last submission, however recently changed)
    and records that reached the queue without one (waiting since their last change) in
    one order, each page going on where the one before stopped (more of each kind than a
    page holds)."""
    owner = make_user(Role.STAFF)
    project, partner = make_project(owner), make_organisation()
    expected = []
    for days in range(110, 0, -2):
        mobility = make_mobility(owner, project, partner, participant_name=f"Waiting {days} days")
        if days % 4:
            mobility.status = Status.IN_REVIEW
            db.session.commit()
            db.session.execute(
                sa.update(Mobility)
                .where(Mobility.id == mobility.id)
                .values(updated_at=utcnow() - timedelta(days=days))
            )
            db.session.commit()
        else:
            submitted(mobility, days)
        expected.append(mobility.participant_name)

    client = sign_in(app.test_client(), make_user(Role.COORDINATOR))
    pages = [client.get(f"/review?page={page}").get_data(as_text=True) for page in (1, 2, 3)]

    assert [re.findall(r"Waiting \d+ days", page) for page in pages] == [
        expected[:25],
        expected[25:50],
        expected[50:],
    ]
    assert "55 records waiting" in pages[0]
