"""`flask demo-data`: a realistic data set, loaded on request, never twice."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
import sqlalchemy as sa
from flask_babel import force_locale

from tests.factories import seed_unit_costs
from tracker.demo.accounts import DEMO_ACCOUNTS
from tracker.demo.partners import PARTNERS
from tracker.erasmus.actions import Action
from tracker.erasmus.distances import propose_band
from tracker.erasmus.mobility_types import ActivityType, Flow
from tracker.extensions import db
from tracker.mobilities.grant_inputs import inputs_from_mobility
from tracker.mobilities.grants import GrantError, grant_for
from tracker.mobilities.rate_tables import rate_table_from_db
from tracker.models import Deadline, HistoryEntry, Mobility, Priority, Project, User
from tracker.workflow.models import HistoryKind
from tracker.workflow.states import Status


def run(app, *args):
    result = app.test_cli_runner().invoke(args=["demo-data", *args])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    return result.output


def row_counts():
    with db.engine.connect() as connection:
        return {
            table.name: connection.scalar(sa.select(sa.func.count()).select_from(table))
            for table in db.metadata.sorted_tables
        }


def all_of(model):
    return db.session.scalars(sa.select(model)).all()


@pytest.fixture(autouse=True)
def unit_costs(app):
    """The migration's unit-cost tables, which the teardown of earlier tests emptied."""
    seed_unit_costs()


@pytest.fixture
def loaded(app):
    run(app)
    return app


def test_loading_twice_adds_nothing(app):
    first = run(app)
    counts = row_counts()
    second = run(app)
    assert "Added 6 accounts" in first
    assert "nothing added" in second
    assert row_counts() == counts
    assert counts["mobilities"] >= 250
    assert 25 <= counts["organisations"] <= 40


def test_every_demo_account_signs_in_with_the_listed_password(loaded):
    for account in DEMO_ACCOUNTS:
        client = loaded.test_client()
        form = {"email": account.email, "password": account.password}
        assert client.submit("/login", form).status_code == 302, account.email
        assert account.full_name in client.get("/").get_data(as_text=True)
        assert len(account.password) >= 12


def test_first_run_does_nothing_when_accounts_exist(app, staff):
    output = run(app, "--first-run")
    assert "not loaded" in output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Project)) == 0
    assert [user.email for user in all_of(User)] == [staff.email]


def test_first_run_loads_an_empty_database(app):
    assert "Added 6 accounts" in run(app, "--first-run")


def test_data_covers_every_activity_flow_priority_and_many_statuses(loaded):
    mobilities, projects = all_of(Mobility), all_of(Project)
    assert {m.activity_type for m in mobilities} == set(ActivityType)
    assert {m.flow for m in mobilities} == set(Flow)
    for records in (mobilities, projects):
        assert {p.code for r in records for p in r.priorities} == {p.code for p in all_of(Priority)}
        assert len({record.status for record in records}) >= 6
    assert {p.call_year for p in projects if p.action is Action.KA131_HED} >= set(range(2021, 2026))
    staff_owners = {p.owner.email for p in projects if p.owner.role.value == "staff"}
    assert len(staff_owners) >= 3, "staff in several faculties own records"


def test_every_stored_grant_is_the_calculators(loaded):
    computed = 0
    with force_locale("en"):
        for mobility in all_of(Mobility):
            inputs = inputs_from_mobility(mobility)
            try:
                grant = grant_for(inputs, rate_table_from_db(inputs.call_year))
            except GrantError:
                assert mobility.grant_total is None
                continue
            stored = (mobility.grant_individual, mobility.grant_travel, mobility.grant_top_ups)
            assert stored == (grant.individual_support, grant.travel, grant.top_ups)
            assert mobility.grant_total == grant.total
            computed += 1
    assert computed >= 100


def test_2024_and_2025_grants_are_there_where_figures_exist_and_count_in_the_budget(loaded):
    """Where the call year's figures exist the grant is there; the rest wait for a named one
    (KA171 from 2024 on waits for every individual-support rate); the budget report commits
    the grants there are."""
    recent = [m for m in all_of(Mobility) if m.project.call_year in (2024, 2025)]
    for mobility in recent:
        assert (mobility.grant_total is None) == (mobility.grant_waiting_for is not None)
    ka131 = [m for m in recent if m.project.action is Action.KA131_HED]
    staff = [m for m in ka131 if m.activity_type in (ActivityType.STA, ActivityType.STT)]
    assert staff and all(m.grant_total for m in staff), "staff rates exist for 2024 and 2025"
    waiting = {m.grant_waiting_for for m in ka131 if m.grant_total is None}
    assert waiting <= {"student_per_month.1", "student_per_month.2", "student_per_month.3"}
    icm_2024 = [m for m in recent if m.project.action is Action.KA171_HED]
    assert {m.grant_waiting_for for m in icm_2024 if m.grant_total is None} <= {
        "ka171.outgoing_student_per_month",
        "ka171.outgoing_staff_per_day",
        "ka171.incoming_student_per_month.1",
        "ka171.incoming_staff_per_day.1",
    }
    client = loaded.test_client()
    coordinator = next(a for a in DEMO_ACCOUNTS if a.key == "coordinator")
    client.submit("/login", {"email": coordinator.email, "password": coordinator.password})
    text = client.get("/reports/budget.csv").get_data(as_text=True).lstrip("\ufeff")
    rows = {row[3]: row for row in csv.reader(io.StringIO(text))}
    for acronym in ("KA131-2024", "KA131-2025"):
        assert Decimal(rows[acronym][8]) > 0, acronym


def test_the_demo_partners_bands_are_what_the_map_proposes(app):
    for partner in PARTNERS.values():
        proposal = propose_band(partner.country, partner.city)
        if proposal.band is not None:
            assert proposal.band is partner.band, partner.key
    assert propose_band("MT", "Msida").band is None  # too small for the map: chosen by hand


def test_mobilities_keep_to_their_funding_project(loaded):
    for mobility in all_of(Mobility):
        project = mobility.project
        assert project.start_date <= mobility.start_date <= mobility.end_date <= project.end_date
        assert mobility.participant_kind in mobility.activity_type.participant_kinds
        days = mobility.duration_days
        if mobility.activity_type in (ActivityType.SMS, ActivityType.SMT):
            assert 60 <= days <= 365
        elif mobility.activity_type in (ActivityType.STA, ActivityType.STT):
            assert 2 <= days <= 60
        else:
            assert 5 <= days <= 30
        if project.action is Action.KA131_HED:
            assert mobility.flow is Flow.OUTGOING
        else:
            partners = {partner.organisation_id: partner for partner in project.partners}
            planned = {
                (p.activity_type, p.flow)
                for p in partners[mobility.organisation_id].planned_mobilities
            }
            assert (mobility.activity_type, mobility.flow) in planned


def test_history_leads_from_draft_to_the_current_status(loaded):
    entries = {}
    for entry in db.session.scalars(sa.select(HistoryEntry).order_by(HistoryEntry.id)):
        entries.setdefault(entry.record, []).append(entry)
    for record in all_of(Project) + all_of(Mobility):
        first, *steps = entries[record]
        assert first.kind is HistoryKind.CREATED and first.to_status is Status.DRAFT
        assert [step.kind for step in steps] == [HistoryKind.STATUS] * len(steps)
        assert (steps[-1].to_status if steps else Status.DRAFT) is record.status
        moments = [entry.created_at for entry in (first, *steps)]
        assert moments == sorted(moments)


def test_some_deadlines_fall_in_the_next_sixty_days(loaded):
    today = date.today()
    assert any(0 <= (d.due_date - today).days <= 60 for d in all_of(Deadline))
