"""Nobody sees or changes a project they may not: another staff member's project is a 404."""

import pytest

from tests.factories import make_organisation, make_project
from tracker.erasmus.actions import Action


def other_project_urls(project, partner_id=1, planned_id=1):
    base = f"/projects/{project.id}"
    return {
        "get": [base, f"{base}/edit"],
        "post": [
            f"{base}/edit",
            f"{base}/partners",
            f"{base}/partners/{partner_id}/remove",
            f"{base}/partners/{partner_id}/planned",
            f"{base}/partners/{partner_id}/planned/{planned_id}/remove",
        ],
    }


def test_staff_get_404_for_another_staff_members_project(staff_client, other_staff):
    project = make_project(other_staff, action=Action.KA171_HED)
    urls = other_project_urls(project)
    for url in urls["get"]:
        assert staff_client.get(url).status_code == 404, url
    for url in urls["post"]:
        assert staff_client.submit(url, {}).status_code == 404, url


def test_signed_out_visitors_are_sent_to_sign_in(client, staff):
    project = make_project(staff)
    for url in ("/projects/", f"/projects/{project.id}", "/projects/new"):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("url", ["/projects/{id}", "/projects/{id}/edit"])
def test_coordinators_open_every_project(coordinator_client, staff, url):
    project = make_project(staff)
    assert coordinator_client.get(url.format(id=project.id)).status_code == 200


def test_a_partner_of_another_project_is_not_found(staff_client, staff):
    mine = make_project(staff)
    other = make_project(staff)
    organisation = make_organisation()
    from tracker.extensions import db
    from tracker.projects.models import ProjectPartner

    partner = ProjectPartner(project=other, organisation=organisation)
    db.session.add(partner)
    db.session.commit()
    url = f"/projects/{mine.id}/partners/{partner.id}/remove"
    assert staff_client.submit(url, {}).status_code == 404


def test_a_post_without_csrf_token_is_refused(staff_client, staff):
    project = make_project(staff)
    response = staff_client.post(f"/projects/{project.id}/partners", data={})
    assert response.status_code == 400
