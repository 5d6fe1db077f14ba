"""A database made before the stored search text gets it for every existing mobility and
project, folded as the application folds it: the old records are found at once."""

from flask_migrate import downgrade, upgrade

from tests.factories import make_mobility, make_organisation, make_project

PREVIOUS = "1e9bdabcca79"


def shows(client, path, text, record_path):
    page = client.get(path, query_string={"q": text}).get_data(as_text=True)
    return f'href="{record_path}"' in page


def test_records_made_before_the_search_text_are_found_after_the_upgrade(
    coordinator_client, coordinator
):
    project = make_project(coordinator, title="Ça va ensemble", acronym="ÇAVA")
    mobility = make_mobility(
        coordinator,
        project,
        make_organisation(),
        participant_name="Łukasz Żółć",
        participant_email="LZ@Example.edu",
    )
    downgrade(revision=PREVIOUS)
    upgrade()
    assert shows(coordinator_client, "/mobilities/", "lukasz zolc", f"/mobilities/{mobility.id}")
    assert shows(coordinator_client, "/mobilities/", "lz@example", f"/mobilities/{mobility.id}")
    assert shows(coordinator_client, "/projects/", "CA VA ENSEMBLE", f"/projects/{project.id}")
    assert shows(coordinator_client, "/projects/", "cava", f"/projects/{project.id}")
