"""Creating and editing organisations: every rule refuses a bad value and keeps the typing."""

import pytest
from sqlalchemy.orm.exc import StaleDataError

from tests.factories import make_organisation
from tests.organisations.helpers import field_error, input_value, selected_option
from tracker.enums import Role
from tracker.extensions import db
from tracker.organisations import queries
from tracker.organisations import views as organisation_views
from tracker.organisations.models import Organisation

VALID = {
    "name": "Freie Universität Berlin",
    "erasmus_code": "D  BERLIN01",
    "pic": "999123456",
    "oid": "E10123456",
    "country": "DE",
    "city": "Berlin",
}
TEXT_FIELDS = ("name", "erasmus_code", "pic", "oid", "city")


def stored(**criteria):
    db.session.expire_all()
    return db.session.scalars(db.select(Organisation).filter_by(**criteria)).all()


def assert_typing_kept(response, data):
    for name in TEXT_FIELDS:
        assert (
            input_value(response, name) == data[name].strip().upper()
            or input_value(response, name) == data[name].strip()
        )
    assert selected_option(response, "country") == (data["country"].upper() or None)


def test_coordinator_creates_an_organisation_with_codes_in_upper_case(coordinator_client):
    typed = dict(VALID, erasmus_code="d  berlin01", oid="e10123456", name="  FU Berlin ")
    response = coordinator_client.submit("/organisations/new", typed)
    assert response.status_code == 302
    (organisation,) = stored()
    assert (organisation.name, organisation.erasmus_code, organisation.oid) == (
        "FU Berlin",
        "D  BERLIN01",
        "E10123456",
    )
    assert response.headers["Location"].endswith(f"/organisations/{organisation.id}")


def test_only_name_and_country_are_needed(coordinator_client):
    data = {"name": "Universidad de Chile", "country": "CL"}
    assert coordinator_client.submit("/organisations/new", data).status_code == 302
    (organisation,) = stored()
    assert (organisation.erasmus_code, organisation.pic, organisation.oid, organisation.city) == (
        None,
        None,
        None,
        None,
    )


@pytest.mark.parametrize(
    "code, country",
    [
        ("F  PARIS001", "FR"),
        ("NL AMSTERD01", "NL"),
        ("I  ROMA01", "IT"),
        ("E  ALCAL-H01", "ES"),
        ("IRLDUBLIN01", "IE"),
        ("LUXLUX-VIL01", "LU"),
        ("SF HELSINK01", "FI"),
        ("UK LONDON029", "GB"),
        ("N  OSLO01", "NO"),
        ("TR ANKARA01", "TR"),
    ],
)
def test_erasmus_codes_as_written_are_accepted(coordinator_client, code, country):
    data = dict(VALID, erasmus_code=code, country=country)
    assert coordinator_client.submit("/organisations/new", data).status_code == 302
    assert stored()[0].erasmus_code == code


FORMAT = "padded with spaces to three characters"
BAD_VALUES = [
    ("name", "", "This field is required."),
    ("name", "x" * 256, "255"),
    ("erasmus_code", "D BERLIN01", FORMAT),
    ("erasmus_code", "DBERLIN01", "begin with “D”, e.g. D  BERLIN01."),
    ("erasmus_code", "D  BERLIN1", FORMAT),
    ("erasmus_code", "D  BERLIN0001", FORMAT),
    ("erasmus_code", "D  01", FORMAT),
    ("erasmus_code", "D  BERLIN", FORMAT),
    ("erasmus_code", "D  BERL1N01", FORMAT),
    ("erasmus_code", "DE BERLIN01", "Erasmus codes of Germany begin with “D”, e.g. D  BERLIN01."),
    ("erasmus_code", "F  PARIS001", "Erasmus codes of Germany begin with “D”, e.g. D  PARIS001."),
    ("pic", "12345678", "exactly 9 digits"),
    ("pic", "1234567890", "exactly 9 digits"),
    ("pic", "12345678A", "exactly 9 digits"),
    ("oid", "10123456", "E followed by 8 digits"),
    ("oid", "E1012345", "E followed by 8 digits"),
    ("oid", "E101234567", "E followed by 8 digits"),
    ("oid", "X10123456", "E followed by 8 digits"),
    ("country", "", "Choose a country from the list."),
    ("country", "ZZ", "Choose a country from the list."),
    ("country", "Germany", "Choose a country from the list."),
    ("city", "x" * 121, "120"),
]


@pytest.mark.parametrize("field, value, message", BAD_VALUES)
def test_each_bad_value_is_refused_next_to_its_field(coordinator_client, field, value, message):
    data = dict(VALID, **{field: value})
    response = coordinator_client.submit("/organisations/new", data)
    assert response.status_code == 422
    assert message in field_error(response, field)
    others = [name for name in VALID if name != field]
    assert all(field_error(response, name) is None for name in others)
    if field != "country":
        assert_typing_kept(response, data)
    assert stored() == []


def test_a_code_with_another_countrys_prefix_is_refused_where_the_country_has_none(
    coordinator_client,
):
    data = dict(VALID, country="US", city="Boston")
    response = coordinator_client.submit("/organisations/new", data)
    assert response.status_code == 422
    assert "“D” is the Erasmus prefix of Germany" in field_error(response, "erasmus_code")


@pytest.mark.parametrize("field", ["erasmus_code", "pic", "oid"])
def test_a_duplicate_identifier_is_refused_with_a_link_to_its_holder(coordinator_client, field):
    holder = make_organisation(name="Humboldt & Co", **{field: VALID[field]})
    typed = dict(VALID, **{field: VALID[field].lower()})
    response = coordinator_client.submit("/organisations/new", typed)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert f'<a href="/organisations/{holder.id}">Humboldt &amp; Co</a>' in page
    error = field_error(response, field)
    assert "already belongs to" in error and f'href="/organisations/{holder.id}"' in error
    assert len(stored()) == 1


def test_an_edit_may_keep_its_own_identifiers(coordinator_client):
    organisation = make_organisation(**VALID)
    data = dict(VALID, city="Berlin-Dahlem", version=organisation.version)
    response = coordinator_client.submit(f"/organisations/{organisation.id}/edit", data)
    assert response.status_code == 302
    assert stored()[0].city == "Berlin-Dahlem"


def test_an_edit_cannot_take_another_organisations_code(coordinator_client):
    holder = make_organisation(erasmus_code="D  MUNCHEN01")
    organisation = make_organisation(**VALID)
    data = dict(VALID, erasmus_code="D  MUNCHEN01", version=organisation.version)
    response = coordinator_client.submit(f"/organisations/{organisation.id}/edit", data)
    assert response.status_code == 422
    assert f'href="/organisations/{holder.id}"' in response.get_data(as_text=True)


def test_a_duplicate_caught_only_by_the_database_is_explained_not_a_500(
    coordinator_client, monkeypatch
):
    """Two people saving the same code at once: both pass the check, the database refuses one."""
    holder = make_organisation(name="First", erasmus_code=VALID["erasmus_code"])
    real_duplicates_of = queries.duplicates_of
    calls = []

    def misses_first_time(values, organisation_id=None):
        calls.append(values)
        return {} if len(calls) == 1 else real_duplicates_of(values, organisation_id)

    monkeypatch.setattr(queries, "duplicates_of", misses_first_time)
    response = coordinator_client.submit("/organisations/new", VALID)
    assert response.status_code == 422
    assert f'href="/organisations/{holder.id}"' in response.get_data(as_text=True)
    assert input_value(response, "name") == VALID["name"]


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.ADMIN])
def test_coordinators_and_admins_manage_organisations(client_as, role):
    client, _ = client_as(role)
    organisation = make_organisation()
    assert client.get("/organisations/new").status_code == 200
    assert client.get(f"/organisations/{organisation.id}/edit").status_code == 200


def test_staff_cannot_create_or_edit_but_can_list_and_view(staff_client):
    organisation = make_organisation(name="Untouched")
    assert staff_client.get("/organisations/new").status_code == 403
    assert staff_client.submit("/organisations/new", VALID).status_code == 403
    edit = f"/organisations/{organisation.id}/edit"
    assert staff_client.get(edit).status_code == 403
    assert staff_client.submit(edit, dict(VALID, version=1)).status_code == 403
    assert stored()[0].name == "Untouched"
    listing = staff_client.get("/organisations/")
    assert listing.status_code == 200
    assert "New organisation" not in listing.get_data(as_text=True)
    detail = staff_client.get(f"/organisations/{organisation.id}")
    assert detail.status_code == 200
    assert "Edit organisation" not in detail.get_data(as_text=True)


@pytest.mark.parametrize("path", ["/organisations/", "/organisations/new"])
def test_anonymous_is_sent_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_unknown_organisation_is_404(coordinator_client):
    assert coordinator_client.get("/organisations/999").status_code == 404
    assert coordinator_client.get("/organisations/999/edit").status_code == 404


def test_edit_from_a_stale_form_is_refused_and_keeps_both_changes(coordinator_client):
    organisation = make_organisation(name="Old name", city="Berlin")
    opened_version = organisation.version
    organisation.city = "Potsdam"  # someone else saves meanwhile
    db.session.commit()

    typed = dict(VALID, name="My new name", version=opened_version)
    response = coordinator_client.submit(f"/organisations/{organisation.id}/edit", typed)
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "Someone else saved this record while you were editing it." in page
    assert input_value(response, "name") == "My new name"
    assert "Potsdam" in page  # what the other person saved is shown
    (kept,) = stored()
    assert (kept.name, kept.city) == ("Old name", "Potsdam")

    again = dict(typed, version=input_value(response, "version"))
    assert (
        coordinator_client.submit(f"/organisations/{organisation.id}/edit", again).status_code
        == 302
    )
    assert stored()[0].name == "My new name"


def test_a_save_racing_another_is_treated_as_stale(coordinator_client, monkeypatch):
    organisation = make_organisation()

    def lost_race(*args):
        raise StaleDataError("updated by someone else")

    monkeypatch.setattr(organisation_views, "update_organisation", lost_race)
    data = dict(VALID, version=organisation.version)
    response = coordinator_client.submit(f"/organisations/{organisation.id}/edit", data)
    assert response.status_code == 409
    assert input_value(response, "name") == VALID["name"]
