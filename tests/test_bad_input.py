"""Whatever arrives in a form, nobody gets a 500: every POST route, fed junk, answers sensibly."""

import pytest

from tests.auth.test_authorisation_matrix import ADMIN, OWNER, world  # noqa: F401 (fixture)
from tests.conftest import sign_in

FIELDS = [
    "title",
    "acronym",
    "call_year",
    "action",
    "key_action",
    "start_date",
    "end_date",
    "requested_amount",
    "awarded_amount",
    "grant_agreement_number",
    "our_role",
    "owner_id",
    "faculty",
    "summary",
    "priorities",
    "participant_name",
    "participant_email",
    "participant_kind",
    "activity_type",
    "flow",
    "organisation_id",
    "project_id",
    "distance_band",
    "travel_days",
    "green_travel",
    "fewer_opportunities",
    "virtual_component",
    "grant_override_total",
    "grant_override_reason",
    "version",
    "name",
    "erasmus_code",
    "pic",
    "oid",
    "country",
    "city",
    "email",
    "full_name",
    "role",
    "language",
    "password",
    "confirm",
    "active",
    "kind",
    "due_date",
    "notes",
    "comment",
    "body",
    "amount",
    "reason",
    "budget",
    "planned",
    "sources",
    "copy_from",
    "source",
    "asks_for_override",
    "bip-title",
    "bip-start_date",
    "bip-end_date",
    "bip-participants",
]

JUNK = {
    "wrong types": ["abc", "2024-02-30", "-1", "NaN"],
    "too big": ["9" * 40, "1e309", "x" * 20000, "99999999999999999999.999"],
    "hostile": ["'; DROP TABLE users; --", "<script>alert(1)</script>", "\x00", "../../etc"],
}


def post_routes(app):
    for rule in app.url_map.iter_rules():
        if "POST" in rule.methods and rule.endpoint != "auth.logout":
            yield rule


def url_for_rule(rule, ids):
    values = {
        "kind": "projects",
        "record_id": ids["project"],
        "name": "submit",
        "call_year": 2023,
        "project_id": ids["project"],
        "mobility_id": ids["mobility"],
        "organisation_id": ids["organisation"],
        "attachment_id": ids["attachment"],
        "user_id": ids["user"],
        "rate_id": ids["rate"],
        "deadline_id": ids["deadline"],
        "notification_id": 1,
        "partner_id": 1,
        "planned_id": 1,
        "bip_id": 1,
        "list_name": "projects",
        "view_id": 1,
    }
    path = rule.rule
    for argument in rule.arguments:
        path = path.replace(f"<int:{argument}>", str(values[argument]))
        path = path.replace(f"<{argument}>", str(values[argument]))
    return path


@pytest.mark.parametrize("person", [OWNER, ADMIN])
@pytest.mark.parametrize("junk", sorted(JUNK))
def test_no_form_answers_junk_with_a_server_error(app, world, person, junk):  # noqa: F811
    people, ids = world
    client = sign_in(app.test_client(), people[person])
    data = {field: JUNK[junk][position % len(JUNK[junk])] for position, field in enumerate(FIELDS)}
    data["priorities"] = JUNK[junk][:2]
    failures = []
    for rule in post_routes(app):
        url = url_for_rule(rule, ids)
        response = client.submit(url, data)
        if response.status_code >= 500:
            failures.append((url, response.status_code))
    assert failures == []


FILTERS = [
    "call_year",
    "owner",
    "priority",
    "project",
    "partner",
    "page",
    "sort",
    "status",
    "action",
    "key_action",
    "faculty",
    "country",
    "activity_type",
    "flow",
    "q",
    "committed",
    "kind",
    "when",
    "year",
]


@pytest.mark.parametrize("junk", sorted(JUNK))
def test_no_page_answers_a_hand_edited_url_with_a_server_error(app, world, junk):  # noqa: F811
    from urllib.parse import urlencode

    from tests.auth.test_authorisation_matrix import GET_PAGES

    people, ids = world
    client = sign_in(app.test_client(), people[ADMIN])
    query = urlencode(
        {name: JUNK[junk][position % len(JUNK[junk])] for position, name in enumerate(FILTERS)}
    )
    failures = []
    for path, _expected in GET_PAGES.values():
        url = f"{path.format(**ids)}?{query}"
        response = client.get(url)
        response.get_data()
        if response.status_code >= 500:
            failures.append((url, response.status_code))
    assert failures == []


def test_a_nul_character_typed_into_a_form_is_dropped_not_stored(staff_client):
    from tests.projects.conftest import project_form
    from tracker.extensions import db
    from tracker.projects.models import Project

    response = staff_client.submit("/projects/new", project_form(title="Digital\x00 teaching"))
    assert response.status_code == 302
    assert db.session.scalars(db.select(Project.title)).one() == "Digital teaching"
