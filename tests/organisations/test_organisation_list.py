"""The organisation list, page and choices: exactly the matching rows, in order, cheaply."""

import pytest

from tests.factories import make_organisation, seed_unit_costs
from tests.organisations.helpers import listed_names
from tests.query_counts import statements_during_get
from tracker.enums import Language, Role
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.organisations.models import Organisation
from tracker.organisations.queries import organisation_choices
from tracker.projects.models import PartnerRole, Project, ProjectPartner


@pytest.fixture
def partners(app):
    rows = [
        ("Freie Universität Berlin", "D  BERLIN01", "999000001", "E10000001", "DE", "Berlin"),
        ("Sorbonne Université", "F  PARIS001", "999000002", "E10000002", "FR", "Paris"),
        ("Universiteit van Amsterdam", "NL AMSTERD01", "999000003", "E10000003", "NL", "Amsterdam"),
        ("Trinity College Dublin", "IRLDUBLIN01", "999000004", "E10000004", "IE", "Dublin"),
        ("Oxford Brookes University", "UK OXFORD01", "999000005", "E10000005", "GB", "Oxford"),
        ("Medizinische Universität Wien", "A  WIEN01", "999000006", "E10000006", "AT", "Wien"),
        ("Harvard University", None, "999000007", None, "US", None),
    ]
    fields = ("name", "erasmus_code", "pic", "oid", "country", "city")
    return [make_organisation(**dict(zip(fields, row, strict=True))) for row in rows]


@pytest.mark.parametrize(
    "q, expected",
    [
        ("berlin", ["Freie Universität Berlin"]),
        ("UNIVERSITÄT", ["Freie Universität Berlin", "Medizinische Universität Wien"]),
        ("dublin", ["Trinity College Dublin"]),
        ("nl amsterd", ["Universiteit van Amsterdam"]),
        ("999000005", ["Oxford Brookes University"]),
        ("e10000006", ["Medizinische Universität Wien"]),
        ("%", []),
        ("nothing like this", []),
    ],
)
def test_search_finds_exactly_the_matching_organisations(staff_client, partners, q, expected):
    response = staff_client.get("/organisations/", query_string={"q": q})
    assert sorted(listed_names(response)) == sorted(expected)


def test_country_filter_and_search_combine(staff_client, partners):
    make_organisation(name="Technische Universität München", country="DE", city="München")
    response = staff_client.get("/organisations/", query_string={"country": "DE"})
    assert listed_names(response) == ["Freie Universität Berlin", "Technische Universität München"]
    both = staff_client.get("/organisations/", query_string={"country": "de", "q": "münchen"})
    assert listed_names(both) == ["Technische Universität München"]


def test_an_unknown_country_filter_is_ignored(staff_client, partners):
    response = staff_client.get("/organisations/", query_string={"country": "ZZ"})
    assert response.status_code == 200
    assert len(listed_names(response)) == len(partners)


ALL_BY_NAME = [
    "Freie Universität Berlin",
    "Harvard University",
    "Medizinische Universität Wien",
    "Oxford Brookes University",
    "Sorbonne Université",
    "Trinity College Dublin",
    "Universiteit van Amsterdam",
]


@pytest.mark.parametrize(
    "sort, expected",
    [
        ("name", ALL_BY_NAME),
        ("-name", list(reversed(ALL_BY_NAME))),
        # Austria, France, Germany, Ireland, Netherlands, United Kingdom, United States
        (
            "country",
            [
                "Medizinische Universität Wien",
                "Sorbonne Université",
                "Freie Universität Berlin",
                "Trinity College Dublin",
                "Universiteit van Amsterdam",
                "Oxford Brookes University",
                "Harvard University",
            ],
        ),
        (
            "city",
            [
                "Universiteit van Amsterdam",
                "Freie Universität Berlin",
                "Trinity College Dublin",
                "Oxford Brookes University",
                "Sorbonne Université",
                "Medizinische Universität Wien",
                "Harvard University",
            ],
        ),
        (
            "erasmus_code",
            [
                "Medizinische Universität Wien",
                "Freie Universität Berlin",
                "Sorbonne Université",
                "Trinity College Dublin",
                "Universiteit van Amsterdam",
                "Oxford Brookes University",
                "Harvard University",
            ],
        ),
    ],
)
def test_list_sorts_by_each_column(staff_client, partners, sort, expected):
    response = staff_client.get("/organisations/", query_string={"sort": sort})
    assert listed_names(response) == expected


def test_list_shows_country_names_in_the_readers_language(client_as, partners):
    client, _ = client_as(Role.STAFF, language=Language.NL)
    page = client.get("/organisations/", query_string={"q": "wien"}).get_data(as_text=True)
    assert "<td>Oostenrijk</td>" in page
    dutch_order = listed_names(client.get("/organisations/", query_string={"sort": "country"}))
    assert dutch_order.index("Oxford Brookes University") < dutch_order.index("Harvard University")


def test_filters_stay_in_the_links(staff_client, app):
    for number in range(app.config["PER_PAGE"] + 5):
        make_organisation(name=f"Hochschule {number:02d}", country="DE")
    response = staff_client.get("/organisations/", query_string={"country": "DE", "q": "hoch"})
    page = response.get_data(as_text=True)
    assert len(listed_names(response)) == app.config["PER_PAGE"]
    assert 'href="/organisations/?country=DE&amp;q=hoch&amp;page=2"' in page
    assert 'href="/organisations/?country=DE&amp;q=hoch&amp;sort=city"' in page
    second = staff_client.get(
        "/organisations/", query_string={"country": "DE", "q": "hoch", "page": 2}
    )
    assert len(listed_names(second)) == 5


@pytest.mark.parametrize(
    "role, shown", [(Role.STAFF, False), (Role.COORDINATOR, True), (Role.ADMIN, True)]
)
def test_new_organisation_button_only_for_those_who_manage(client_as, role, shown):
    client, _ = client_as(role)
    page = client.get("/organisations/").get_data(as_text=True)
    assert ('href="/organisations/new"' in page) is shown


def add_organisations(count, start):
    db.session.add_all(
        Organisation(
            name=f"Organisation {number}",
            country="FR",
            city="Lyon",
            erasmus_code=f"F  LYON{number:03d}",
            pic=f"{800000000 + number}",
            oid=f"E{20000000 + number}",
        )
        for number in range(start, start + count)
    )
    db.session.commit()


def test_list_costs_the_same_queries_for_10_and_1000_organisations(staff_client):
    add_organisations(10, 0)
    url = "/organisations/?sort=country"
    few = statements_during_get(staff_client, url)
    add_organisations(990, 10)
    many = statements_during_get(staff_client, url)
    assert few == many


def test_detail_classifies_the_country_with_its_group_per_call_year(staff_client, partners):
    seed_unit_costs()
    pages = {
        organisation.country: staff_client.get(f"/organisations/{organisation.id}").get_data(
            as_text=True
        )
        for organisation in partners
    }
    assert "EU member state" in pages["DE"]
    assert "Calls 2021–2023: Group 2: medium living costs" in pages["DE"]
    assert "Calls 2024–2026: Group 1: higher living costs" in pages["DE"]
    assert "Third country not associated" in pages["US"]
    assert "Region 13: United States of America and Canada" in pages["US"]
    assert "Region 14" in pages["GB"]
    norway = make_organisation(country="NO", erasmus_code="N  OSLO01", city="Oslo")
    page = staff_client.get(f"/organisations/{norway.id}").get_data(as_text=True)
    assert "Third country associated to the programme" in page and "Group 1" in page


def make_project(owner, organisation, title):
    project = Project(action=Action.KA220_HED, title=title, call_year=2024, owner_id=owner.id)
    project.partners.append(ProjectPartner(organisation=organisation, role=PartnerRole.PARTNER))
    db.session.add(project)
    db.session.commit()
    return project


def test_detail_lists_only_the_projects_the_reader_may_see(
    staff_client, staff, other_staff, coordinator_client
):
    organisation = make_organisation()
    make_project(staff, organisation, "Our own project")
    make_project(other_staff, organisation, "Someone else's project")
    make_project(staff, make_organisation(), "Project with another partner")
    own = staff_client.get(f"/organisations/{organisation.id}").get_data(as_text=True)
    assert "Our own project" in own
    assert "Someone else" not in own and "another partner" not in own
    office = coordinator_client.get(f"/organisations/{organisation.id}").get_data(as_text=True)
    assert "Our own project" in office and "Someone else&#39;s project" in office


def test_organisation_choices_are_sorted_by_name_and_say_code_and_country(app):
    make_organisation(name="Zagreb University", country="HR", erasmus_code="HR ZAGREB01")
    make_organisation(name="andes university", country="CO", erasmus_code=None)
    make_organisation(name="Berlin University", country="DE", erasmus_code="D  BERLIN01")
    with app.test_request_context():
        labels = [label for _, label in organisation_choices()]
    assert labels == [
        "andes university (Colombia)",
        "Berlin University (D  BERLIN01, Germany)",
        "Zagreb University (HR ZAGREB01, Croatia)",
    ]
