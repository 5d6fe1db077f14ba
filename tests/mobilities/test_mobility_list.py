"""The mobility list: who sees what, filters in the URL, sorting, a constant number of queries."""

from datetime import date

import pytest
import sqlalchemy as sa

from tests.factories import make_mobility, make_project
from tests.query_counts import statements_during_get
from tracker.erasmus.actions import Action
from tracker.erasmus.mobility_types import ActivityType, Flow, ParticipantKind
from tracker.extensions import db
from tracker.mobilities.models import Mobility
from tracker.priorities.models import Priority
from tracker.workflow.states import Status


@pytest.fixture
def records(staff, other_staff, coordinator, ka131, ka171, partners):
    """Five mobilities that differ in one filterable value each."""
    digital = db.session.scalar(sa.select(Priority).where(Priority.code == "digital"))
    return {
        "anna": make_mobility(staff, ka131, partners["FI"], participant_name="Anna Aalto"),
        "bert": make_mobility(
            staff,
            ka131,
            partners["ES"],
            participant_name="Bert Berg",
            participant_kind=ParticipantKind.STAFF,
            activity_type=ActivityType.STA,
            start_date=date(2024, 3, 4),
            end_date=date(2024, 3, 8),
            status=Status.SUBMITTED,
            priorities=[digital],
        ),
        "carla": make_mobility(
            other_staff,
            ka171,
            partners["ID"],
            participant_name="Carla Cruz",
            participant_email="carla@uni.example.id",
            flow=Flow.INCOMING,
            faculty="Faculty of Law",
        ),
        "dirk": make_mobility(other_staff, ka131, partners["DE"], participant_name="Dirk Dijk"),
        "eve": make_mobility(coordinator, ka131, partners["FI"], participant_name="Eve Evans"),
    }


def names(response):
    page = response.get_data(as_text=True)
    return {name for name in ("Anna", "Bert", "Carla", "Dirk", "Eve") if f">{name} " in page}


def test_staff_see_only_their_own(staff_client, records):
    assert names(staff_client.get("/mobilities/")) == {"Anna", "Bert"}


def test_coordinators_and_admins_see_all(coordinator_client, admin_client, records):
    everyone = {"Anna", "Bert", "Carla", "Dirk", "Eve"}
    assert names(coordinator_client.get("/mobilities/")) == everyone
    assert names(admin_client.get("/mobilities/")) == everyone


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("call_year=2022", {"Carla"}),
        ("call_year=2023", {"Anna", "Bert", "Dirk", "Eve"}),
        ("action=KA171-HED", {"Carla"}),
        ("status=submitted", {"Bert"}),
        ("priority={digital}", {"Bert"}),
        ("faculty=Faculty+of+Law", {"Carla"}),
        ("country=FI", {"Anna", "Eve"}),
        ("owner={other}", {"Carla", "Dirk"}),
        ("activity_type=STA", {"Bert"}),
        ("flow=incoming", {"Carla"}),
        ("q=aalto", {"Anna"}),
        ("q=uni.example.id", {"Carla"}),
        ("q=University+in+DE", {"Dirk"}),
        ("country=FI&q=eve", {"Eve"}),
        ("status=not-a-status", {"Anna", "Bert", "Carla", "Dirk", "Eve"}),
        ("project={ka171}", {"Carla"}),
        ("partner={finland}", {"Anna", "Eve"}),
        ("project={ka131}&partner={finland}&committed=y", {"Anna", "Eve"}),
    ],
)
def test_filters_return_exactly_the_matching_rows(
    coordinator_client, other_staff, records, ka131, ka171, partners, query, expected
):
    digital = db.session.scalar(sa.select(Priority.id).where(Priority.code == "digital"))
    query = query.format(
        digital=digital,
        other=other_staff.id,
        ka131=ka131.id,
        ka171=ka171.id,
        finland=partners["FI"].id,
    )
    response = coordinator_client.get(f"/mobilities/?{query}")
    assert response.status_code == 200
    assert names(response) == expected


def test_sorting_by_participant_both_ways(coordinator_client, records):
    page = coordinator_client.get("/mobilities/?sort=participant").get_data(as_text=True)
    assert page.index(">Anna ") < page.index(">Eve ")
    page = coordinator_client.get("/mobilities/?sort=-participant").get_data(as_text=True)
    assert page.index(">Eve ") < page.index(">Anna ")


@pytest.mark.parametrize(
    "key",
    [
        "participant",
        "activity",
        "flow",
        "partner",
        "country",
        "project",
        "call_year",
        "start",
        "end",
        "grant",
        "status",
        "owner",
    ],
)
def test_every_column_sorts(coordinator_client, records, key):
    assert coordinator_client.get(f"/mobilities/?sort=-{key}").status_code == 200


def test_the_filter_stays_in_the_sort_links(coordinator_client, records):
    page = coordinator_client.get("/mobilities/?flow=incoming").get_data(as_text=True)
    assert "flow=incoming" in page.split("<thead>")[1].split("</thead>")[0]


def test_staff_get_404_for_another_staff_members_mobility(staff_client, records):
    carla = records["carla"].id
    assert staff_client.get(f"/mobilities/{carla}").status_code == 404
    assert staff_client.get(f"/mobilities/{carla}/edit").status_code == 404
    assert staff_client.submit(f"/mobilities/{carla}/edit", {}).status_code == 404


def test_detail_shows_partner_country_project_and_priorities(staff_client, records):
    page = staff_client.get(f"/mobilities/{records['bert'].id}").get_data(as_text=True)
    assert "University in ES, Spain" in page
    assert "KA131-2023" in page
    assert "Digital transformation" in page
    assert "5 days" in page


def bulk_insert(owner, project, organisation, count):
    db.session.execute(
        sa.insert(Mobility),
        [
            dict(
                participant_name=f"Bulk {n}",
                participant_kind=ParticipantKind.STUDENT,
                activity_type=ActivityType.SMS,
                flow=Flow.OUTGOING,
                owner_id=owner.id,
                project_id=project.id,
                organisation_id=organisation.id,
                start_date=date(2023, 9, 1),
                end_date=date(2024, 1, 31),
            )
            for n in range(count)
        ],
    )
    db.session.commit()


def test_the_list_costs_the_same_queries_for_10_and_1000_mobilities(
    coordinator_client, staff, ka131, partners
):
    bulk_insert(staff, ka131, partners["FI"], 10)
    few = statements_during_get(coordinator_client, "/mobilities/")
    bulk_insert(staff, ka131, partners["DE"], 990)
    many = statements_during_get(coordinator_client, "/mobilities/")
    assert few == many


def test_only_those_that_count_leaves_out_rejected_withdrawn_and_cancelled(
    coordinator_client, records
):
    for name, status in (("anna", Status.REJECTED), ("dirk", Status.WITHDRAWN)):
        records[name].status = status
    records["eve"].status = Status.CANCELLED
    db.session.commit()
    response = coordinator_client.get("/mobilities/?committed=y")
    assert names(response) == {"Bert", "Carla"}


def test_an_unfiltered_list_shows_no_errors_under_its_filters(coordinator_client, records):
    for url in ("/mobilities/", "/mobilities/?flow=sideways&priority=x"):
        assert 'class="error"' not in coordinator_client.get(url).get_data(as_text=True)


def test_the_funding_project_filter_shows_staff_no_other_persons_draft(staff_client, coordinator):
    """A staff member reads no title of a project they may not see, not even in a filter."""
    make_project(
        coordinator,
        action=Action.KA131_HED,
        title="Secret exchange with Atlantis",
        status=Status.DRAFT,
    )
    page = staff_client.get("/mobilities/").get_data(as_text=True)
    assert "Secret exchange with Atlantis" not in page


def test_suggestions_name_only_projects_the_user_may_see(staff_client, staff, coordinator):
    make_project(coordinator, action=Action.KA131_HED, title="Secret exchange with Atlantis")
    make_project(staff, action=Action.KA131_HED, title="Own exchange with Atlantis")
    response = staff_client.get("/mobilities/suggestions/project?q=atlantis")
    assert response.get_json() == ["Own exchange with Atlantis"]
    assert staff_client.get("/mobilities/suggestions/owner?q=a").get_json() == []


def test_a_project_partner_or_owner_can_be_typed_instead_of_chosen(
    coordinator_client, records, ka171
):
    assert names(coordinator_client.get(f"/mobilities/?project={ka171.acronym}")) == {"Carla"}
    assert names(coordinator_client.get("/mobilities/?partner=University+in+DE")) == {"Dirk"}
    page = coordinator_client.get(f"/mobilities/?project={ka171.id}").get_data(as_text=True)
    assert f'value="{ka171.acronym}"' in page


def test_an_unticked_filter_hides_nothing(coordinator_client, records):
    """ "Only those that count" left unticked keeps rejected mobilities in the list and export."""
    records["dirk"].status = Status.REJECTED
    db.session.commit()
    assert "Dirk" in names(coordinator_client.get("/mobilities/"))
    assert "Dirk Dijk" in coordinator_client.get("/mobilities/export.csv").get_data(as_text=True)


@pytest.mark.parametrize(
    ("query", "count"), [("", 5), ("country=FI", 2), ("q=aalto", 1), ("owner=Bert", 0)]
)
def test_the_total_counts_what_the_filters_keep(coordinator_client, records, query, count):
    page = coordinator_client.get(f"/mobilities/?{query}").get_data(as_text=True)
    assert f">{count} record" in page
