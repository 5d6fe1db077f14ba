"""Every main page costs the same SQL statements and about the same HTML on 1,000 and on
20,000 mobilities: pages hold what a person reads, never every record (issue 12).

The data comes from `flask bench-data`'s generator (tracker/bench/data.py). Sizes are
compared with a little room (ROOM).
"""

import re

from tests.query_counts import counted_statements
from tracker.bench.data import Sizes, build
from tracker.enums import Role

PAGES = {
    "home": "/",
    "dashboard": "/reports/dashboard",
    "mobility list": "/mobilities/",
    "mobility list, filtered": "/mobilities/?status=approved&flow=outgoing",
    "mobility list, searched": "/mobilities/?q=participant",
    "mobility list, sorted": "/mobilities/?sort=partner",
    "mobility list, deep page": "/mobilities/?page=30",
    "project list": "/projects/",
    "review queue": "/review",
    "project with most mobilities": "/projects/{big}",
    "project's mobility report": "/reports/projects/{big}/mobilities",
    "reports index": "/reports/",
    "budget report": "/reports/budget",
    "organisation list": "/organisations/",
    "deadline list": "/deadlines/",
    "notifications": "/notifications/",
}
ROOM = 1.05
"""Sizes are compared with every number written as one digit, since counts in the text
grow by a digit or two ("Download these 1,000 records"); what is left may differ a little
(a longer name on the first page): an unpaged list would grow twentyfold."""
NUMBER = re.compile(rb"\d+")
RENDER = {"Cache-Control": "no-cache"}
"""Asked as a hard reload does: the page is rendered, never served as kept."""


def measure(client, big):
    measured = {}
    for name, page in PAGES.items():
        with counted_statements() as statements:
            response = client.get(page.format(big=big), headers=RENDER)
            html = response.get_data()
        measured[name] = (response.status_code, len(statements), len(NUMBER.sub(b"0", html)))
    return measured


def test_pages_cost_the_same_on_1000_and_on_20000_mobilities(client_as):
    """As a coordinator (every record) and as the staff member who owns them all."""
    coordinator, _ = client_as(Role.COORDINATOR)
    staff, owner = client_as(Role.STAFF)
    # Organisations in every country from the start: the per-country table is full.
    small_sizes = Sizes(mobilities=1_000, projects=60, organisations=250, users=4)
    first = build(small_sizes, owner_ids=[owner.id])
    big = first["funding"][0]
    small = {
        role: measure(client, big)
        for role, client in (("coordinator", coordinator), ("staff", staff))
    }

    more = Sizes(mobilities=19_000, projects=0, organisations=3, users=1, deadlines=0)
    build(more, owner_ids=[owner.id], funding_ids=first["funding"])
    large = {
        role: measure(client, big)
        for role, client in (("coordinator", coordinator), ("staff", staff))
    }

    for role, pages in small.items():
        for name, (status, statements, size) in pages.items():
            large_status, large_statements, large_size = large[role][name]
            page = f"{role}, {name}"
            assert large_status == status, page
            assert large_statements == statements, f"{page}: {statements} -> {large_statements}"
            assert large_size <= size * ROOM, f"{page}: {size:,} -> {large_size:,} bytes"
