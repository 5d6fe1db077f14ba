"""The mobility search reads a stored, folded copy of each participant's name and address:
every way a mobility changes (the form, anonymising, a bulk insert) keeps it in step."""

import pytest

from tests.factories import make_mobility
from tests.mobilities.test_mobility_form import form_data
from tracker.bench.data import Sizes, build
from tracker.extensions import db
from tracker.mobilities.models import Mobility

pytestmark = pytest.mark.usefixtures("unit_costs")


def finds(client, text, mobility_id):
    """Does the mobility list searched for `text` show that mobility?"""
    page = client.get("/mobilities/", query_string={"q": text}).get_data(as_text=True)
    return f'href="/mobilities/{mobility_id}"' in page


@pytest.mark.parametrize(
    "field, old, new, old_search, new_search",
    [
        ("participant_name", "Åsa Öberg", "Åsa Lindqvist", "oberg", "LINDQVIST"),
        ("participant_email", "asa@old.example.edu", "asa@nieuw.example.edu", "old.ex", "nieuw"),
    ],
)
def test_a_participant_changed_in_the_form_is_found_by_the_new_value_only(
    coordinator_client, staff, ka131, partners, field, old, new, old_search, new_search
):
    mobility = make_mobility(staff, ka131, partners["FI"], **{field: old})
    assert finds(coordinator_client, old_search, mobility.id)
    data = form_data(ka131, partners["FI"], owner_id=str(staff.id), version=str(mobility.version))
    data[field] = new
    assert coordinator_client.submit(f"/mobilities/{mobility.id}/edit", data).status_code == 302
    assert finds(coordinator_client, new_search, mobility.id)
    assert not finds(coordinator_client, old_search, mobility.id)


def test_an_anonymised_participant_is_no_longer_found_by_name(
    admin_client, coordinator_client, staff, ka131, partners
):
    mobility = make_mobility(
        staff, ka131, partners["FI"], participant_name="Jürgen Groß", participant_email="jg@x.eu"
    )
    assert finds(coordinator_client, "jurgen gross", mobility.id)
    response = admin_client.submit(
        "/users/personal-data/anonymise/confirm", {"email": "jg@x.eu", "confirm": "y"}
    )
    assert response.status_code == 302
    assert not finds(coordinator_client, "jurgen", mobility.id)
    assert not finds(coordinator_client, "jg@x.eu", mobility.id)


def test_mobilities_inserted_in_bulk_are_found(coordinator_client, coordinator):
    """The benchmark's data goes in by bulk inserts, past the ORM."""
    built = build(Sizes(mobilities=3, projects=2, organisations=3, users=1, call_years=1))
    for mobility_id in built["mobilities"]:
        mobility = db.session.get(Mobility, mobility_id)
        assert finds(coordinator_client, mobility.participant_name.upper(), mobility_id)
        assert finds(coordinator_client, mobility.participant_email, mobility_id)
