"""A database made before the corrected unit costs gets them as an admin's corrections would
leave them: each change recorded (who: the migration; why: the source), the office's own
figures kept."""

from decimal import Decimal

import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from tracker.extensions import db

REVISION = "f6de2329eafc"
PREVIOUS = "5a58edda0489"
BEFORE_UNIT_COSTS = "370521920dc1"


def run(sql, **params):
    """Run `sql` on the database as migrated so far: older than the data version's table,
    so the writes must not bump it (as in a migration)."""
    with db.engine.begin() as connection:
        connection.execution_options(data_version=False)
        return connection.execute(sa.text(sql), params)


def rate(call_year, key):
    return run(
        "SELECT r.id, r.amount, r.source, r.carried_over_from FROM unit_cost_rates r "
        "JOIN unit_cost_years y ON y.id = r.year_id WHERE y.call_year = :year AND r.key = :key",
        year=call_year,
        key=key,
    ).one_or_none()


def changes_of(rate_id):
    return run(
        "SELECT kind, old_amount, new_amount, reason, revision, user_id FROM unit_cost_changes "
        "WHERE rate_id = :id",
        id=rate_id,
    ).all()


def office_adds_2024_and_corrects_some_figures():
    """What an office may have done with the earlier tables: corrected a 2023 figure, and
    added 2024 as a copy of 2023 with one figure corrected."""
    run(
        "UPDATE unit_cost_rates SET amount = 640 WHERE key = 'student_per_month.1' AND year_id = "
        "(SELECT id FROM unit_cost_years WHERE call_year = 2023)"
    )
    run(
        "INSERT INTO unit_cost_years (call_year, sources, created_at) "
        "VALUES (2024, 'Copy of 2023', CURRENT_TIMESTAMP)"
    )
    run(
        "INSERT INTO unit_cost_rates (year_id, key, amount, version) "
        "SELECT (SELECT id FROM unit_cost_years WHERE call_year = 2024), key, amount, 1 "
        "FROM unit_cost_rates "
        "WHERE year_id = (SELECT id FROM unit_cost_years WHERE call_year = 2023)"
    )
    run(
        "UPDATE unit_cost_rates SET amount = 309 WHERE key = 'travel.standard.500-1999' "
        "AND year_id = (SELECT id FROM unit_cost_years WHERE call_year = 2024)"
    )


def test_an_existing_database_gets_the_corrections_recorded_and_keeps_the_offices_figures(app):
    db.session.remove()
    downgrade(revision=BEFORE_UNIT_COSTS)
    upgrade(revision=PREVIOUS)
    office_adds_2024_and_corrects_some_figures()
    upgrade()

    staff = rate(2023, "staff_per_day.1")
    assert staff.amount == Decimal("120.00")
    [correction] = changes_of(staff.id)
    assert (correction.kind, correction.old_amount, correction.new_amount) == (
        "rate_corrected",
        Decimal("162.00"),
        Decimal("120.00"),
    )
    assert correction.revision == REVISION and correction.user_id is None
    assert "Turkish National Agency" in correction.reason
    assert "Maastricht University" in correction.reason

    withdrawn = rate(2023, "student_per_month.2")
    assert withdrawn.amount is None
    assert [c.kind for c in changes_of(withdrawn.id)] == ["rate_withdrawn"]
    office_figure = rate(2023, "student_per_month.1")
    assert office_figure.amount == Decimal("640.00")
    assert "office" in office_figure.source
    assert changes_of(office_figure.id) == []

    # The office's 2024 copy: copied figures corrected, the office's own correction kept,
    # the figures the 2024 table gained added.
    assert rate(2024, "staff_per_day.1").amount == Decimal("120.00")
    assert rate(2024, "travel.standard.10-99").amount == Decimal("28.00")
    kept = rate(2024, "travel.standard.500-1999")
    assert kept.amount == Decimal("309.00") and changes_of(kept.id) == []
    added = rate(2024, "travel.green.10-99")
    assert added.amount == Decimal("56.00")
    assert [c.kind for c in changes_of(added.id)] == ["rate_added"]

    carried = rate(2025, "staff_per_day.1")
    assert (carried.amount, carried.carried_over_from) == (Decimal("120.00"), 2024)
    added_years = run(
        "SELECT y.call_year FROM unit_cost_changes c JOIN unit_cost_years y ON y.id = c.year_id "
        "WHERE c.kind = 'year_added' AND c.revision = :revision ORDER BY y.call_year",
        revision=REVISION,
    ).scalars()
    assert list(added_years) == [2025, 2026]
    groups = run(
        "SELECT y.call_year, g.destination_group FROM destination_groups g "
        "JOIN unit_cost_years y ON y.id = g.year_id WHERE g.country = 'DE' ORDER BY y.call_year"
    ).all()
    assert groups == [(2021, "2"), (2022, "2"), (2023, "2"), (2024, "1"), (2025, "1"), (2026, "1")]
