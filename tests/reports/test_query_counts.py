"""Dashboards and reports cost the same number of queries on 100 and on 10,000 records."""

import pytest
import sqlalchemy as sa

from tests.query_counts import counted_statements
from tracker.bench.data import Sizes, build
from tracker.extensions import db

PAGES = [
    "/",
    "/reports/",
    "/reports/dashboard",
    "/reports/dashboard?faculty=Faculty+of+Law",
    "/reports/priorities",
    "/reports/priorities.csv",
    "/reports/budget?call_year=2024",
    "/reports/budget.csv",
    "/reports/projects/{project}/mobilities",
    "/reports/projects/{project}/mobilities.csv",
]


def queries_per_page(client, project_id):
    counts = {}
    for page in PAGES:
        url = page.format(project=project_id)
        with counted_statements() as statements:
            response = client.get(url, headers={"Cache-Control": "no-cache"})  # rendered
            response.get_data()  # a streamed CSV runs its query while it is read
        assert response.status_code in (200, 302, 403), url
        counts[url] = len(statements)
    return counts


@pytest.mark.parametrize("role", ["coordinator", "staff"])
def test_query_counts_do_not_grow_with_the_data(app, client_as, role):
    from tracker.enums import Role

    client, user = client_as(Role(role))
    owners = [user.id] if role == "staff" else None
    first = build(Sizes(mobilities=100, projects=20, organisations=10, users=3), owner_ids=owners)
    project_id = first["funding"][0]
    small = queries_per_page(client, project_id)

    more = Sizes(mobilities=9_900, projects=100, organisations=50, users=3)
    build(more, owner_ids=owners, funding_ids=[project_id])
    large = queries_per_page(client, project_id)

    assert large == small
    project_rows = db.session.scalar(
        sa.text("SELECT count(*) FROM mobilities WHERE project_id = :p"), {"p": project_id}
    )
    assert project_rows > 1000  # the project's report did grow with the data
