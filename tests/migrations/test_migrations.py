"""The schema changes only through migrations, and they never drift from the models."""

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from tracker.dialect_only import include_object_on
from tracker.extensions import db


def schema_differences():
    with db.engine.connect() as connection:
        options = {
            "compare_type": True,
            "include_object": include_object_on(connection.dialect.name),
        }
        context = MigrationContext.configure(connection, opts=options)
        return compare_metadata(context, db.metadata)


def table_names():
    return set(sa.inspect(db.engine).get_table_names())


def test_models_and_migrations_do_not_drift(app):
    assert schema_differences() == []


def test_downgrade_to_base_and_upgrade_to_head(app):
    downgrade(revision="base")
    assert table_names() <= {"alembic_version"}
    upgrade()
    assert {"users", "projects", "mobilities", "history", "priorities"} <= table_names()
    assert schema_differences() == []


def test_the_four_priorities_are_seeded_in_both_languages(app):
    rows = db.session.execute(
        sa.text("SELECT code, name_en, name_nl FROM priorities ORDER BY position")
    ).all()
    assert [row.code for row in rows] == ["inclusion", "digital", "environment", "participation"]
    assert rows[0].name_nl == "Inclusie en diversiteit"
