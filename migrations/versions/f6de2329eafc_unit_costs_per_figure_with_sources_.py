"""Unit costs per figure with their sources, the 2024-2026 tables, destination groups per call
year, grants waiting for unit costs, blended intensive programmes we organise, comments asking
for a grant set by hand.

Existing databases get the corrected figures as an admin's correction would leave them:
every change is a UnitCostChange row whose `revision` names this migration (who) and
whose reason is the figure's source (why). A figure the office has changed itself is
kept. The data below is written out literally so that this migration never changes
with the code (tracker/erasmus/unit_costs.py ships the same tables).

Revision ID: f6de2329eafc
Revises: 4be5be058e7e
Create Date: 2026-11-28 07:37:21.529557

"""
from datetime import datetime, timezone
from decimal import Decimal

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'f6de2329eafc'
down_revision = '4be5be058e7e'
branch_labels = None
depends_on = None

HISTORY_KINDS = ('created', 'edited', 'status', 'document_added', 'document_deleted',
                 'grant_overridden', 'grant_recalculated', 'band_chosen')
OLD_HISTORY_KINDS = HISTORY_KINDS[:6]
NOTIFICATION_KINDS = ('status_changed', 'commented', 'submitted', 'grant_overridden',
                      'override_requested')
OLD_NOTIFICATION_KINDS = NOTIFICATION_KINDS[:3]
CHANGE_KINDS = ('year_added', 'rate_corrected', 'rate_added', 'rate_withdrawn')
OLD_CHANGE_KINDS = CHANGE_KINDS[:2]


def _in(column, values):
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def _replace_enum_check(table, constraint, column, values, length):
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.drop_constraint(op.f(constraint), type_='check')
        batch_op.alter_column(column, existing_type=sa.String(), type_=sa.String(length),
                              existing_nullable=False)
        batch_op.create_check_constraint(op.f(constraint), _in(column, values))


def upgrade():
    op.create_table('destination_groups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year_id', sa.Integer(), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('destination_group', sa.Enum('1', '2', '3', name='destinationgroup', native_enum=False, create_constraint=True), nullable=False),
    sa.ForeignKeyConstraint(['year_id'], ['unit_cost_years.id'], name=op.f('fk_destination_groups_year_id_unit_cost_years')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_destination_groups')),
    sa.UniqueConstraint('year_id', 'country', name=op.f('uq_destination_groups_year_id'))
    )
    with op.batch_alter_table('destination_groups', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_destination_groups_year_id'), ['year_id'], unique=False)

    op.create_table('organised_bips',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('participants', sa.Integer(), nullable=False),
    sa.CheckConstraint('end_date >= start_date', name=op.f('ck_organised_bips_dates_in_order')),
    sa.CheckConstraint('participants >= 0', name=op.f('ck_organised_bips_participants_not_negative')),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_organised_bips_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organised_bips'))
    )
    with op.batch_alter_table('organised_bips', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organised_bips_project_id'), ['project_id'], unique=False)

    _replace_enum_check('history', 'ck_history_historykind', 'kind', HISTORY_KINDS, 18)
    _replace_enum_check('notifications', 'ck_notifications_notificationkind', 'kind',
                        NOTIFICATION_KINDS, 18)
    _replace_enum_check('unit_cost_changes', 'ck_unit_cost_changes_unitcostchangekind', 'kind',
                        CHANGE_KINDS, 14)

    with op.batch_alter_table('mobilities', schema=None) as batch_op:
        batch_op.add_column(sa.Column('grant_waiting_for', sa.String(length=80), nullable=True))

    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('asks_for_override', sa.Boolean(), server_default=sa.false(), nullable=False))

    with op.batch_alter_table('unit_cost_changes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('revision', sa.String(length=40), nullable=True))

    with op.batch_alter_table('unit_cost_rates', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source', sa.String(length=5000), server_default='', nullable=False))
        batch_op.add_column(sa.Column('carried_over_from', sa.Integer(), nullable=True))
        batch_op.alter_column('amount',
               existing_type=sa.NUMERIC(precision=12, scale=2),
               nullable=True)

    with op.batch_alter_table('unit_cost_years', schema=None) as batch_op:
        batch_op.add_column(sa.Column('national_agency', sa.String(length=4), server_default='NL01', nullable=False))
        batch_op.drop_constraint(batch_op.f('uq_unit_cost_years_call_year'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_unit_cost_years_national_agency'), ['national_agency', 'call_year'])

    ship_unit_costs()


def downgrade():
    unship_unit_costs()
    with op.batch_alter_table('unit_cost_years', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_unit_cost_years_national_agency'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_unit_cost_years_call_year'), ['call_year'])
        batch_op.drop_column('national_agency')

    with op.batch_alter_table('unit_cost_rates', schema=None) as batch_op:
        batch_op.alter_column('amount',
               existing_type=sa.NUMERIC(precision=12, scale=2),
               nullable=False)
        batch_op.drop_column('carried_over_from')
        batch_op.drop_column('source')

    with op.batch_alter_table('unit_cost_changes', schema=None) as batch_op:
        batch_op.drop_column('revision')

    with op.batch_alter_table('mobilities', schema=None) as batch_op:
        batch_op.drop_column('grant_waiting_for')

    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_column('asks_for_override')

    op.execute("UPDATE history SET kind = 'edited' WHERE " + _in('kind', HISTORY_KINDS[6:]))
    op.execute("UPDATE notifications SET kind = 'commented' WHERE "
               + _in('kind', NOTIFICATION_KINDS[3:]))
    _replace_enum_check('history', 'ck_history_historykind', 'kind', OLD_HISTORY_KINDS, 16)
    _replace_enum_check('notifications', 'ck_notifications_notificationkind', 'kind',
                        OLD_NOTIFICATION_KINDS, 14)
    _replace_enum_check('unit_cost_changes', 'ck_unit_cost_changes_unitcostchangekind', 'kind',
                        OLD_CHANGE_KINDS, 14)

    with op.batch_alter_table('organised_bips', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organised_bips_project_id'))

    op.drop_table('organised_bips')
    with op.batch_alter_table('destination_groups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_destination_groups_year_id'))

    op.drop_table('destination_groups')


# ---------------------------------------------------------------------------------------------
# The tables this revision ships (the Dutch National Agency's, NL01), figure by figure:
# (name, amount or None when no source confirms one, index of its source in SOURCES[, the call
# year it is carried over from]).
SOURCES = (
    'Travel support, calls 2021-2023: Gida ve Tarim University, Erasmus+ grant page (erasmus.gidatarim.edu.tr); green travel: Radboud University, "Erasmus+ Green Travel Support"',
    'Dutch National Agency\'s staff rates, calls 2021-2023: Maastricht University, "Erasmus+ Mobility for staff" (maastrichtuniversity.nl): 120, 110 and 100 per day by group; days 15-60 at 70 %',
    'Short-term students, calls 2021-2023: 70 per day (days 1-14), 50 (days 15-30); fewer-opportunities top-up 100 (5-14 days) or 150 (15-30 days): P. J. Safarik University (upjs.sk), SMS financing page; PANS im. Stanislawa Staszica, 2022 call',
    'Top-ups, calls 2021-2026: Radboud University, "EUR 250 per month, or EUR 8.33 per day" for fewer opportunities; traineeship 150 per month (Poznan University of Medical Sciences, 2021 rates: traineeship 670 = studies 520 + 150); green travel one-off 50 plus up to 4 travel days (P. J. Safarik University, upjs.sk, SMS financing page)',
    'Blended intensive programmes, organising HEI: 400 per participant, at most 8,000 per programme, at least 15 mobile participants (Erasmus+ Programme Guide, calls 2021-2024; EUR Ireland, "Blended Intensive Programmes")',
    "Not found: the Dutch National Agency sets the long-term students' monthly rates each call within the Commission's ranges, and no published source gives its figures for this call. Enter them from the agency's letter to the university.",
    'KA171, older calls (medium confidence): outgoing students 700 and incoming 850 per month (University of the Basque Country, ehu.eus, International Credit Mobility project); outgoing staff 180 per day (Istanbul Technical University, KA171 staff grants); incoming staff 160 per day (Aristotle University of Thessaloniki, incoming staff grants); travel by the same distance bands',
    'Not found: no source gives a KA171 fewer-opportunities top-up for this call. Enter it from the Programme Guide of the call.',
    'Travel support from the 2024 call: VU Amsterdam, "Grants and funds for VU employees" (vu.nl, 19 Nov 2024); Daugavpils University, "Blended Intensive Programme"; Technical University of Civil Engineering Bucharest, "Short-Term Mobility"; TU Bergakademie Freiberg, BIP page',
    'Dutch National Agency\'s staff rates from the 2024 call (new groups): VU Amsterdam, "Grants and funds for VU employees" (vu.nl, 19 Nov 2024): 120, 110 and 100 per day',
    'Short-term students from the 2024 call: 79 per day (days 1-14), 56 (days 15-30); fewer-opportunities top-up 100 (5-14 days) or 150 (15-30 days): the 2024 short-term and BIP grant pages of Daugavpils University and the Technical University of Civil Engineering Bucharest',
    "KA171 travel uses the programme's distance bands, the same as KA131: the 2024 amounts (VU Amsterdam, 19 Nov 2024; Daugavpils University; Technical University of Civil Engineering Bucharest)",
    "Not found: no source gives the KA171 rates for outgoing students and staff from the 2024 call on (the older calls paid 700 per month and 180 per day). Enter them from the Programme Guide of the call.",
    "Not found: incoming participants are paid by the receiving country's group, and the Netherlands are in group 1 from the 2024 call; no source gives the KA171 rate for group 1 (the older calls paid 850 per month and 160 per day to group 2). Enter it from the Programme Guide of the call.",
)
FIGURES_2021_TO_2023 = (
    ('travel.standard.10-99', '23', 0),
    ('travel.standard.100-499', '180', 0),
    ('travel.standard.500-1999', '275', 0),
    ('travel.standard.2000-2999', '360', 0),
    ('travel.standard.3000-3999', '530', 0),
    ('travel.standard.4000-7999', '820', 0),
    ('travel.standard.8000+', '1500', 0),
    ('travel.green.100-499', '210', 0),
    ('travel.green.500-1999', '320', 0),
    ('travel.green.2000-2999', '410', 0),
    ('travel.green.3000-3999', '610', 0),
    ('staff_per_day.1', '120', 1),
    ('staff_per_day.2', '110', 1),
    ('staff_per_day.3', '100', 1),
    ('short_term.per_day_to_14', '70', 2),
    ('short_term.per_day_15_to_30', '50', 2),
    ('short_term.fewer_opportunities_5_to_14_days', '100', 2),
    ('short_term.fewer_opportunities_15_to_30_days', '150', 2),
    ('fewer_opportunities_per_month', '250', 3),
    ('traineeship_per_month', '150', 3),
    ('green_travel_one_off', '50', 3),
    ('bip.organisational_support_per_participant', '400', 4),
    ('bip.organisational_support_max', '8000', 4),
    ('student_per_month.1', None, 5),
    ('student_per_month.2', None, 5),
    ('student_per_month.3', None, 5),
    ('ka171.outgoing_student_per_month', '700', 6),
    ('ka171.outgoing_staff_per_day', '180', 6),
    ('ka171.incoming_student_per_month.2', '850', 6),
    ('ka171.incoming_staff_per_day.2', '160', 6),
    ('ka171.travel.10-99', '23', 6),
    ('ka171.travel.100-499', '180', 6),
    ('ka171.travel.500-1999', '275', 6),
    ('ka171.travel.2000-2999', '360', 6),
    ('ka171.travel.3000-3999', '530', 6),
    ('ka171.travel.4000-7999', '820', 6),
    ('ka171.travel.8000+', '1500', 6),
    ('ka171.fewer_opportunities_per_month', None, 7),
)
FIGURES_2024 = (
    ('travel.standard.10-99', '28', 8, None),
    ('travel.standard.100-499', '211', 8, None),
    ('travel.standard.500-1999', '309', 8, None),
    ('travel.standard.2000-2999', '395', 8, None),
    ('travel.standard.3000-3999', '580', 8, None),
    ('travel.standard.4000-7999', '1188', 8, None),
    ('travel.standard.8000+', '1735', 8, None),
    ('travel.green.10-99', '56', 8, None),
    ('travel.green.100-499', '285', 8, None),
    ('travel.green.500-1999', '417', 8, None),
    ('travel.green.2000-2999', '535', 8, None),
    ('travel.green.3000-3999', '785', 8, None),
    ('staff_per_day.1', '120', 9, None),
    ('staff_per_day.2', '110', 9, None),
    ('staff_per_day.3', '100', 9, None),
    ('short_term.per_day_to_14', '79', 10, None),
    ('short_term.per_day_15_to_30', '56', 10, None),
    ('short_term.fewer_opportunities_5_to_14_days', '100', 10, None),
    ('short_term.fewer_opportunities_15_to_30_days', '150', 10, None),
    ('fewer_opportunities_per_month', '250', 3, None),
    ('traineeship_per_month', '150', 3, None),
    ('green_travel_one_off', '50', 3, None),
    ('bip.organisational_support_per_participant', '400', 4, None),
    ('bip.organisational_support_max', '8000', 4, None),
    ('student_per_month.1', None, 5, None),
    ('student_per_month.2', None, 5, None),
    ('student_per_month.3', None, 5, None),
    ('ka171.travel.10-99', '28', 11, None),
    ('ka171.travel.100-499', '211', 11, None),
    ('ka171.travel.500-1999', '309', 11, None),
    ('ka171.travel.2000-2999', '395', 11, None),
    ('ka171.travel.3000-3999', '580', 11, None),
    ('ka171.travel.4000-7999', '1188', 11, None),
    ('ka171.travel.8000+', '1735', 11, None),
    ('ka171.outgoing_student_per_month', None, 12, None),
    ('ka171.outgoing_staff_per_day', None, 12, None),
    ('ka171.incoming_student_per_month.1', None, 13, None),
    ('ka171.incoming_staff_per_day.1', None, 13, None),
    ('ka171.fewer_opportunities_per_month', None, 7, None),
)
GROUPS_2021_TO_2023 = 'AT:2 BE:2 BG:3 CY:2 CZ:3 DE:2 DK:1 EE:3 ES:2 FI:1 FR:2 GR:2 HR:3 HU:3 IE:1 IS:1 IT:2 LI:1 LT:3 LU:1 LV:3 MK:3 MT:2 NL:2 NO:1 PL:3 PT:2 RO:3 RS:3 SE:1 SI:3 SK:3 TR:3'
GROUPS_FROM_2024 = 'AT:1 BE:1 BG:3 CY:2 CZ:2 DE:1 DK:1 EE:2 ES:2 FI:1 FR:1 GR:2 HR:3 HU:3 IE:1 IS:1 IT:1 LI:1 LT:3 LU:1 LV:2 MK:3 MT:2 NL:1 NO:1 PL:3 PT:2 RO:3 RS:3 SE:1 SI:2 SK:2 TR:3'
YEAR_SOURCES = {
    2021: "The Dutch National Agency's tables for the calls 2021-2023, which share one table; each figure names its source.",
    2022: "The Dutch National Agency's tables for the calls 2021-2023, which share one table; each figure names its source.",
    2023: "The Dutch National Agency's tables for the calls 2021-2023, which share one table; each figure names its source.",
    2024: "The Dutch National Agency's table for the 2024 call: the Commission raised individual support for the 2023 and 2024 calls and introduced the new travel bands and destination groups; each figure names its source.",
    2025: "The 2024 table carried over: no source shows a change for this call. Confirm each figure from the Dutch National Agency's letter.",
    2026: "The 2024 table carried over: no source shows a change for this call. Confirm each figure from the Dutch National Agency's letter.",
}
TOP_UPS_SOURCE = 3

CARRIED_FROM_2024 = (2025, 2026)
"""These calls repeat the 2024 table, every amount but the top-ups marked as carried over."""

PREVIOUSLY_SHIPPED = {
    'travel.standard.10-99': '23',
    'travel.standard.100-499': '180',
    'travel.standard.500-1999': '275',
    'travel.standard.2000-2999': '360',
    'travel.standard.3000-3999': '530',
    'travel.standard.4000-7999': '820',
    'travel.standard.8000+': '1500',
    'travel.green.100-499': '210',
    'travel.green.500-1999': '320',
    'travel.green.2000-2999': '410',
    'travel.green.3000-3999': '610',
    'ka171.travel.10-99': '23',
    'ka171.travel.100-499': '180',
    'ka171.travel.500-1999': '275',
    'ka171.travel.2000-2999': '360',
    'ka171.travel.3000-3999': '530',
    'ka171.travel.4000-7999': '820',
    'ka171.travel.8000+': '1500',
    'staff_per_day.1': '162',
    'staff_per_day.2': '144',
    'staff_per_day.3': '126',
    'student_per_month.1': '520',
    'student_per_month.2': '470',
    'student_per_month.3': '420',
    'ka171.incoming_student_per_month.2': '850',
    'ka171.incoming_staff_per_day.2': '160',
    'short_term.per_day_to_14': '70',
    'short_term.per_day_15_to_30': '50',
    'short_term.fewer_opportunities_5_to_14_days': '100',
    'short_term.fewer_opportunities_15_to_30_days': '150',
    'fewer_opportunities_per_month': '250',
    'traineeship_per_month': '150',
    'green_travel_one_off': '50',
    'ka171.outgoing_student_per_month': '700',
    'ka171.outgoing_staff_per_day': '180',
}
"""What the previous revision seeded for the calls 2021-2023: a row that still holds this
amount was never changed by the office, and is corrected here."""

CORRECTION_NOTES = {
    'staff_per_day.': "162, 144 and 126 per day are the Turkish National Agency's rates, not the "
                      "Dutch agency's. ",
    'student_per_month.': "520, 470 and 420 per month were Poznan University of Medical "
                          "Sciences' 2021 rates, set by the Polish National Agency, not the Dutch "
                          "one. ",
}
ADDED_REASON = "Shipped with tracker: the Dutch National Agency's table (each figure names its source)."
OFFICE_SOURCE = "Entered by the office: see the changes of this call year."
COPIED_SOURCE = "Copied from another call year when the office added this one."


def _tables():
    return dict(
        years=sa.table(
            "unit_cost_years", sa.column("id", sa.Integer), sa.column("call_year", sa.Integer),
            sa.column("national_agency", sa.String), sa.column("sources", sa.Text),
            sa.column("created_at", sa.DateTime(timezone=True)),
        ),
        rates=sa.table(
            "unit_cost_rates", sa.column("id", sa.Integer), sa.column("year_id", sa.Integer),
            sa.column("key", sa.String), sa.column("amount", sa.Numeric(12, 2)),
            sa.column("source", sa.Text), sa.column("carried_over_from", sa.Integer),
            sa.column("version", sa.Integer),
        ),
        changes=sa.table(
            "unit_cost_changes", sa.column("id", sa.Integer), sa.column("year_id", sa.Integer),
            sa.column("rate_id", sa.Integer), sa.column("kind", sa.String),
            sa.column("old_amount", sa.Numeric(12, 2)), sa.column("new_amount", sa.Numeric(12, 2)),
            sa.column("reason", sa.Text), sa.column("revision", sa.String),
            sa.column("created_at", sa.DateTime(timezone=True)),
        ),
        groups=sa.table(
            "destination_groups", sa.column("year_id", sa.Integer),
            sa.column("country", sa.String), sa.column("destination_group", sa.String),
        ),
    )


def shipped_figures(call_year):
    """{name: (amount, source, carried over from)} of the table shipped for `call_year`."""
    if call_year < 2024:
        return {name: (amount, SOURCES[source], None)
                for name, amount, source in FIGURES_2021_TO_2023}
    if call_year not in CARRIED_FROM_2024:
        return {name: (amount, SOURCES[source], carried)
                for name, amount, source, carried in FIGURES_2024}
    return {
        name: (amount, SOURCES[source],
               None if amount is None or source == TOP_UPS_SOURCE else 2024)
        for name, amount, source, _carried in FIGURES_2024
    }


def shipped_groups(call_year):
    groups = GROUPS_2021_TO_2023 if call_year < 2024 else GROUPS_FROM_2024
    return dict(pair.split(":") for pair in groups.split())


def _amount(text):
    return None if text is None else Decimal(text)


def ship_unit_costs():
    bind = op.get_bind()
    t = _tables()
    now = datetime.now(timezone.utc)

    def record(year_id, kind, reason, rate_id=None, old=None, new=None):
        bind.execute(t["changes"].insert().values(
            year_id=year_id, rate_id=rate_id, kind=kind, old_amount=old, new_amount=new,
            reason=reason, revision=revision, created_at=now,
        ))

    def insert_rate(year_id, name, amount, source, carried):
        bind.execute(t["rates"].insert().values(
            year_id=year_id, key=name, amount=_amount(amount), source=source,
            carried_over_from=carried, version=1,
        ))
        return bind.scalar(sa.select(t["rates"].c.id).where(
            t["rates"].c.year_id == year_id, t["rates"].c.key == name))

    years = dict(bind.execute(sa.select(t["years"].c.call_year, t["years"].c.id)).all())
    for call_year in sorted(YEAR_SOURCES):
        figures = shipped_figures(call_year)
        year_id = years.get(call_year)
        if year_id is None:
            bind.execute(t["years"].insert().values(
                call_year=call_year, national_agency="NL01", sources=YEAR_SOURCES[call_year],
                created_at=now,
            ))
            year_id = bind.scalar(sa.select(t["years"].c.id).where(
                t["years"].c.call_year == call_year))
            for name, (amount, source, carried) in figures.items():
                insert_rate(year_id, name, amount, source, carried)
            record(year_id, "year_added", ADDED_REASON)
        else:
            bind.execute(t["years"].update().where(t["years"].c.id == year_id)
                         .values(sources=YEAR_SOURCES[call_year]))
            _correct_year(bind, t, year_id, figures, record, insert_rate)
        if not bind.scalar(sa.select(sa.func.count()).select_from(t["groups"])
                           .where(t["groups"].c.year_id == year_id)):
            bind.execute(t["groups"].insert(), [
                {"year_id": year_id, "country": country, "destination_group": group}
                for country, group in shipped_groups(call_year).items()
            ])
    bind.execute(t["rates"].update().where(t["rates"].c.source == "")
                 .values(source=COPIED_SOURCE))


def _correct_year(bind, t, year_id, figures, record, insert_rate):
    """Correct the figures tracker shipped before and the office never changed; keep the
    office's own; add the figures this table gained."""
    rates = t["rates"]
    stored = {row.key: row for row in bind.execute(
        sa.select(rates.c.id, rates.c.key, rates.c.amount).where(rates.c.year_id == year_id))}
    for name, (amount, source, carried) in figures.items():
        new = _amount(amount)
        row = stored.get(name)
        if row is None:
            rate_id = insert_rate(year_id, name, amount, source, carried)
            record(year_id, "rate_added", source, rate_id=rate_id, new=new)
            continue
        values = dict(source=source, carried_over_from=carried)
        if row.amount != new:
            previous = PREVIOUSLY_SHIPPED.get(name)
            if previous is None or row.amount != Decimal(previous):
                values = dict(source=OFFICE_SOURCE, carried_over_from=None)
            else:
                values["amount"] = new
                note = next((text for prefix, text in CORRECTION_NOTES.items()
                             if name.startswith(prefix)), "")
                record(year_id, "rate_withdrawn" if new is None else "rate_corrected",
                       note + source, rate_id=row.id, old=row.amount, new=new)
        bind.execute(rates.update().where(rates.c.id == row.id).values(**values))


def unship_unit_costs():
    """Back to the previous revision's data: corrections undone, what this revision added
    removed, and figures without an amount (which that schema cannot hold) dropped."""
    bind = op.get_bind()
    t = _tables()
    rates, changes, years = t["rates"], t["changes"], t["years"]
    ours = changes.c.revision == revision
    for row in bind.execute(sa.select(changes.c.rate_id, changes.c.old_amount).where(
            ours, changes.c.kind.in_(("rate_corrected", "rate_withdrawn")))).all():
        bind.execute(rates.update().where(rates.c.id == row.rate_id)
                     .values(amount=row.old_amount))
    added_years = sa.select(changes.c.year_id).where(ours, changes.c.kind == "year_added")
    added_rates = sa.select(changes.c.rate_id).where(ours, changes.c.kind == "rate_added")
    doomed_rates = sa.or_(rates.c.year_id.in_(added_years), rates.c.id.in_(added_rates),
                          rates.c.amount.is_(None))
    doomed_ids = [row.id for row in bind.execute(sa.select(rates.c.id).where(doomed_rates))]
    year_ids = [row.year_id for row in bind.execute(added_years)]
    bind.execute(changes.delete().where(sa.or_(
        ours, changes.c.rate_id.in_(doomed_ids), changes.c.year_id.in_(year_ids))))
    bind.execute(rates.delete().where(rates.c.id.in_(doomed_ids)))
    bind.execute(t["groups"].delete())
    bind.execute(years.delete().where(years.c.id.in_(year_ids)))
