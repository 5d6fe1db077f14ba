"""The home page per role: staff see their own work; the office goes to the dashboard."""

from datetime import date, timedelta

from tests.factories import make_organisation, make_project
from tracker.deadlines.models import Deadline, DeadlineKind
from tracker.erasmus.actions import Action
from tracker.erasmus.mobility_types import ActivityType, Flow, ParticipantKind
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.workflow.states import Status


def add_mobility(owner, project, status, name):
    mobility = Mobility(
        participant_name=name,
        participant_kind=ParticipantKind.STUDENT,
        activity_type=ActivityType.SMS,
        flow=Flow.OUTGOING,
        project=project,
        organisation=make_organisation(),
        owner=owner,
        status=status,
    )
    db.session.add(mobility)
    db.session.commit()
    return mobility


def test_staff_home_counts_their_records_per_status(staff_client, staff, other_staff):
    for status in (Status.DRAFT, Status.DRAFT, Status.SUBMITTED):
        make_project(staff, status=status)
    make_project(other_staff, status=Status.DRAFT)
    ka131 = make_project(staff, action=Action.KA131_HED, status=Status.ONGOING)
    add_mobility(staff, ka131, Status.DRAFT, "Mine")
    add_mobility(other_staff, ka131, Status.DRAFT, "Theirs")

    page = staff_client.get("/").get_data(as_text=True)

    assert '<a class="figure" href="/projects/?status=draft">2</a>' in page
    assert '<a class="figure" href="/projects/?status=submitted">1</a>' in page
    assert '<a class="figure" href="/projects/?status=ongoing">1</a>' in page
    assert '<a class="figure" href="/mobilities/?status=draft">1</a>' in page


def test_staff_home_lists_what_needs_their_action(staff_client, staff, other_staff):
    mine = make_project(staff, title="Mine to fix", status=Status.CHANGES_REQUESTED)
    make_project(other_staff, title="Not mine to fix", status=Status.CHANGES_REQUESTED)
    make_project(staff, title="Waiting on the office", status=Status.SUBMITTED)
    ka131 = make_project(staff, action=Action.KA131_HED, status=Status.ONGOING)
    mobility = add_mobility(staff, ka131, Status.CHANGES_REQUESTED, "Student to fix")

    page = staff_client.get("/").get_data(as_text=True)
    action_needed = page.split('id="action-needed"')[1].split("</section>")[0]

    assert f'href="/projects/{mine.id}">Mine to fix</a>' in action_needed
    assert f'href="/mobilities/{mobility.id}">Student to fix</a>' in action_needed
    assert "Not mine to fix" not in page
    assert "Waiting on the office" not in action_needed


def test_staff_home_shows_general_deadlines_and_their_projects_deadlines(
    staff_client, staff, other_staff
):
    today = date.today()
    mine = make_project(staff, acronym="MINE")
    theirs = make_project(other_staff, acronym="THEIRS")
    db.session.add_all(
        [
            Deadline(title="Call closes", kind=DeadlineKind.CALL, due_date=today + timedelta(3)),
            Deadline(
                title="My interim report",
                kind=DeadlineKind.REPORT,
                due_date=today + timedelta(20),
                project=mine,
            ),
            Deadline(
                title="Their interim report",
                kind=DeadlineKind.REPORT,
                due_date=today + timedelta(20),
                project=theirs,
            ),
            Deadline(title="Far away", kind=DeadlineKind.CALL, due_date=today + timedelta(90)),
        ]
    )
    make_project(
        staff,
        action=Action.KA171_HED,
        acronym="ICM-ENDED",
        status=Status.ONGOING,
        start_date=today - timedelta(days=730),
        end_date=today - timedelta(days=10),
    )
    db.session.commit()

    page = staff_client.get("/").get_data(as_text=True)

    assert "Call closes" in page and "My interim report" in page
    assert "Their interim report" not in page and "Far away" not in page
    assert "ICM-ENDED" in page
    assert (today + timedelta(days=50)).isoformat() in page  # its final report's due date


def test_a_staff_member_without_records_is_shown_where_to_start(staff_client):
    page = staff_client.get("/").get_data(as_text=True)
    assert "You have no records yet." in page
    assert "Nothing waits for you." in page
