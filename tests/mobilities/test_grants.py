"""Worked examples, computed by hand from the rules and figures in shared/erasmus-rules.md.

The tables are the ones tracker ships. Long-term students' monthly rates are not
shipped (the Dutch agency's were found in no source); where an example needs them,
the office's entry is made explicit with `entered`.
"""

from dataclasses import replace
from datetime import date
from decimal import Decimal
from types import MappingProxyType

import pytest

from tracker.erasmus import unit_cost_figures as f
from tracker.erasmus.actions import Action
from tracker.erasmus.countries import DestinationGroup
from tracker.erasmus.distances import band_for_km
from tracker.erasmus.mobility_types import ActivityType, DistanceBand, Flow, ParticipantKind
from tracker.erasmus.shipped_unit_costs import shipped_call_years
from tracker.mobilities.grants import (
    MissingInput,
    MissingUnitCost,
    MobilityInputs,
    NotFundable,
    NotInTheTables,
    NoUnitCosts,
    grant_for,
)
from tracker.mobilities.rate_tables import shipped_rate_table
from tracker.mobilities.rules import whole_months_and_days

KA131, KA171 = Action.KA131_HED, Action.KA171_HED
STUDENT, STAFF = ParticipantKind.STUDENT, ParticipantKind.STAFF
OUT, IN = Flow.OUTGOING, Flow.INCOMING
G1, G2, G3 = DestinationGroup.GROUP_1, DestinationGroup.GROUP_2, DestinationGroup.GROUP_3
OFFICE_STUDENT_RATES = {
    f.student_per_month(G1): Decimal("600"),
    f.student_per_month(G2): Decimal("550"),
    f.student_per_month(G3): Decimal("500"),
}
"""Monthly rates as the office might enter them from the agency's letter (made up)."""


def mobility(**fields):
    defaults = dict(
        call_year=2023,
        action=KA131,
        activity=ActivityType.SMS,
        participant=STUDENT,
        flow=OUT,
        partner_country="DE",
        start=date(2023, 9, 1),
        end=date(2024, 1, 31),
    )
    return MobilityInputs(**(defaults | fields))


def table(call_year, entered=None):
    """The shipped table of `call_year`, with the office's `entered` figures on top."""
    shipped = shipped_rate_table(call_year)
    return replace(shipped, figures=MappingProxyType({**shipped.figures, **(entered or {})}))


def grant(entered=None, **fields):
    inputs = mobility(**fields)
    return grant_for(inputs, table(inputs.call_year, entered))


def d(text):
    return Decimal(text)


# The worked examples of the 2024 call and of the Dutch agency's staff rates.


def test_2024_five_day_sta_to_germany_travelling_green_600_km_away():
    g = grant(
        call_year=2024,
        activity=ActivityType.STA,
        participant=STAFF,
        partner_country="DE",
        start=date(2025, 3, 3),
        end=date(2025, 3, 7),
        distance_band=band_for_km(600),
        green_travel=True,
        travel_days=4,
    )
    # Germany is in group 1 from the 2024 call: 120 per day.
    # (5 activity days + 4 green travel days) × 120 = 1,080.00
    assert g.individual_support == d("1080.00")
    assert g.destination_group is G1
    # 600 km is in the 500-1,999 km band; green travel there: 417.
    assert g.travel == d("417.00")
    assert g.top_ups == d("0.00")
    assert g.total == d("1497.00")  # 1,080 + 417


def test_2024_ten_day_bip_participant_with_fewer_opportunities():
    g = grant(
        call_year=2024,
        activity=ActivityType.BIP,
        partner_country="BE",
        start=date(2025, 5, 5),
        end=date(2025, 5, 14),
        fewer_opportunities=True,
        distance_band=DistanceBand.KM_100_499,
    )
    assert g.individual_support == d("790.00")  # 10 days × 79 (short-term, days 1-14)
    assert g.top_ups == d("100.00")  # fewer opportunities, a 5-14 day stay: one-off 100
    assert g.travel == d("211.00")  # fewer opportunities get travel support: 100-499 km, 211
    assert g.total == d("1101.00")  # 790 + 100 + 211


def test_2024_incoming_ka171_student_waits_for_the_missing_figure_named():
    inputs = mobility(
        call_year=2024,
        action=KA171,
        flow=IN,
        partner_country="ID",  # Indonesia, region 6 (Asia)
        start=date(2025, 2, 1),
        end=date(2025, 6, 30),
        distance_band=DistanceBand.KM_8000_PLUS,
    )
    # Incoming students are paid by the receiving country's group: the Netherlands are in
    # group 1 from the 2024 call, and no source gives the 2024 KA171 rate.
    with pytest.raises(MissingUnitCost) as raised:
        grant_for(inputs, table(2024))
    assert raised.value.waiting_for == "ka171.incoming_student_per_month.1"
    assert str(raised.value) == (
        "Missing from the unit costs of call year 2024: "
        "KA171 incoming students, per month, Group 1: higher living costs."
    )


def test_2021_sta_to_italy_at_110_per_day():
    g = grant(
        call_year=2021,
        activity=ActivityType.STA,
        participant=STAFF,
        partner_country="IT",
        start=date(2022, 4, 4),
        end=date(2022, 4, 8),
        distance_band=DistanceBand.KM_500_1999,
        travel_days=2,
    )
    # Italy is in group 2 in the 2021-2023 calls: the Dutch agency pays 110 per day.
    # (5 activity days + 2 travel days) × 110 = 770.00
    assert g.individual_support == d("770.00")
    assert str(g.lines[0][0]) == "7 days × €110 (5 activity days (60 at most) + 2 travel days)"
    assert g.destination_group is G2
    assert g.travel == d("275.00")  # 500-1,999 km, 2021 table
    assert g.total == d("1045.00")  # 770 + 275


# The rules, on the tables tracker ships.


def test_a_long_term_student_waits_for_the_agencys_monthly_rate():
    with pytest.raises(MissingUnitCost) as raised:
        grant(partner_country="FI")
    assert raised.value.waiting_for == "student_per_month.1"


def test_five_month_sms_to_a_group_1_country():
    g = grant(OFFICE_STUDENT_RATES, partner_country="FI")
    assert g.individual_support == d("3000.00")  # 5 months × 600
    assert g.travel == d("0.00")  # long-term, no fewer opportunities: no travel support
    assert g.top_ups == d("0.00")
    assert [str(label) for label, _ in g.lines] == ["Individual support: 5 months × €600"]


def test_two_month_smt_with_fewer_opportunities_top_up():
    g = grant(
        OFFICE_STUDENT_RATES,
        activity=ActivityType.SMT,
        partner_country="ES",
        start=date(2024, 2, 1),
        end=date(2024, 3, 31),
        fewer_opportunities=True,
        distance_band=DistanceBand.KM_500_1999,
    )
    assert g.individual_support == d("1100.00")  # 2 months × 550 (group 2)
    assert g.top_ups == d("800.00")  # traineeship 2 × 150 + fewer opportunities 2 × 250
    assert g.travel == d("275.00")  # fewer opportunities: travel table, 500-1,999 km
    assert g.total == d("2175.00")


def test_the_destination_group_follows_the_call_year():
    entered = OFFICE_STUDENT_RATES
    assert grant(entered, call_year=2023, partner_country="AT").destination_group is G2
    assert grant(entered, call_year=2024, partner_country="AT").destination_group is G1
    assert grant(entered, call_year=2023, partner_country="CZ").destination_group is G3
    assert grant(entered, call_year=2025, partner_country="CZ").destination_group is G2


def test_twenty_day_staff_mobility_crossing_day_14():
    g = grant(
        activity=ActivityType.STT,
        participant=STAFF,
        partner_country="PL",
        start=date(2024, 4, 1),
        end=date(2024, 4, 20),
        distance_band=DistanceBand.KM_500_1999,
    )
    # 14 days × 100 = 1,400.00; 6 days × 70 (70 % of 100) = 420.00
    assert g.individual_support == d("1820.00")
    assert g.travel == d("275.00")
    assert g.total == d("2095.00")
    assert [str(label) for label, _ in g.lines] == [
        "14 days × €100",
        "6 days from day 15 × €70",
        "Travel, 500–1,999 km",
    ]


def test_long_term_student_with_days_beyond_whole_months():
    g = grant(OFFICE_STUDENT_RATES, partner_country="IT", end=date(2024, 2, 10))
    # 5 months × 550 = 2,750.00; 10 days × 550 / 30 = 183.333… → 183.33
    assert [amount for _, amount in g.lines] == [d("2750.00"), d("183.33")]
    assert str(g.lines[1][0]).endswith(": 10 days × €550 / 30")
    assert g.total == d("2933.33")


def test_a_call_year_without_a_table_says_so():
    assert shipped_rate_table(2027) is None
    with pytest.raises(NoUnitCosts) as raised:
        grant_for(mobility(call_year=2027), None)
    assert raised.value.call_year == 2027
    assert str(raised.value) == "No unit costs for call year 2027"


def test_green_traveller_without_travel_support_gets_one_off_and_travel_days():
    g = grant(OFFICE_STUDENT_RATES, partner_country="FI", green_travel=True, travel_days=6)
    # 5 months × 600 = 3,000.00; 4 days (at most) × 600 / 30 = 80.00
    assert g.individual_support == d("3080.00")
    assert "Green travel: 4 days × €600 / 30" in [str(label) for label, _ in g.lines]
    assert g.top_ups == d("50.00")  # one-off green travel amount
    assert g.travel == d("0.00")
    assert g.total == d("3130.00")


def test_green_travel_under_100_km_has_a_rate_from_the_2024_call_only():
    short_trip = dict(
        activity=ActivityType.STA,
        participant=STAFF,
        partner_country="BE",
        start=date(2024, 3, 4),
        end=date(2024, 3, 5),
        distance_band=DistanceBand.KM_10_99,
        green_travel=True,
    )
    assert grant(call_year=2023, **short_trip).travel == d("23.00")  # no green rate: standard
    assert grant(call_year=2024, **short_trip).travel == d("56.00")


def test_short_term_bip_student_with_fewer_opportunities():
    g = grant(
        activity=ActivityType.BIP,
        partner_country="BE",
        start=date(2024, 5, 6),
        end=date(2024, 5, 12),
        fewer_opportunities=True,
        distance_band=DistanceBand.KM_100_499,
    )
    assert g.individual_support == d("490.00")  # 7 days × 70
    assert g.top_ups == d("100.00")  # fewer opportunities, 5-14 days
    assert g.travel == d("180.00")  # 100-499 km
    assert g.total == d("770.00")


def test_short_term_doctoral_mobility_past_day_14():
    g = grant(
        activity=ActivityType.SHORT_DOCTORAL,
        partner_country="SE",
        start=date(2024, 5, 1),
        end=date(2024, 5, 20),
    )
    assert g.individual_support == d("1280.00")  # 14 × 70 + 6 × 50
    assert g.total == d("1280.00")  # no fewer opportunities: no travel, no top-up


def test_staff_mobility_is_funded_for_60_days_at_most():
    g = grant(
        activity=ActivityType.STA,
        participant=STAFF,
        partner_country="SE",
        start=date(2024, 1, 1),
        end=date(2024, 3, 15),  # 75 days
        distance_band=DistanceBand.KM_500_1999,
    )
    # 14 × 120 = 1,680.00; 46 × 84 (70 % of 120) = 3,864.00
    assert g.individual_support == d("5544.00")
    assert g.total == d("5819.00")  # + 275 travel


def test_ka171_incoming_sms_from_a_partner_region():
    g = grant(
        call_year=2022,
        action=KA171,
        flow=IN,
        partner_country="ID",
        start=date(2023, 2, 1),
        end=date(2023, 6, 30),
        distance_band=DistanceBand.KM_8000_PLUS,
    )
    assert g.individual_support == d("4250.00")  # 5 months × 850 (incoming to NL, group 2)
    assert g.travel == d("1500.00")  # KA171 students always get travel; 8,000 km or more
    assert g.total == d("5750.00")


def test_ka171_incoming_staff_with_travel_days():
    g = grant(
        call_year=2022,
        action=KA171,
        activity=ActivityType.STA,
        participant=STAFF,
        flow=IN,
        partner_country="KE",  # Kenya, region 10
        start=date(2023, 3, 6),
        end=date(2023, 3, 10),
        distance_band=DistanceBand.KM_4000_7999,
        travel_days=3,
    )
    assert g.individual_support == d("1120.00")  # (5 + 2 travel days, at most) × 160
    assert g.travel == d("820.00")
    assert g.total == d("1940.00")


def test_ka171_outgoing_student():
    g = grant(
        action=KA171,
        partner_country="BR",
        start=date(2024, 2, 1),
        end=date(2024, 5, 31),
        distance_band=DistanceBand.KM_8000_PLUS,
    )
    assert g.total == d("4300.00")  # 4 months × 700 + 1,500 travel


@pytest.mark.parametrize("call_year", shipped_call_years())
def test_staff_rate_drops_to_70_percent_from_day_15_in_every_table(call_year):
    rate = shipped_rate_table(call_year).amount(f.staff_per_day(G1))
    g = grant(
        call_year=call_year,
        activity=ActivityType.STT,
        participant=STAFF,
        partner_country="FI",
        start=date(2024, 4, 1),
        end=date(2024, 4, 20),
        distance_band=DistanceBand.KM_100_499,
    )
    assert g.individual_support == (14 * rate + 6 * rate * d("0.7")).quantize(d("0.01"))


@pytest.mark.parametrize("call_year", shipped_call_years())
def test_lines_add_up_to_the_total_in_every_table(call_year):
    g = grant(
        OFFICE_STUDENT_RATES,
        call_year=call_year,
        activity=ActivityType.SMT,
        partner_country="HR",
        start=date(2024, 2, 3),
        end=date(2024, 5, 17),
        fewer_opportunities=True,
        distance_band=DistanceBand.KM_500_1999,
    )
    assert sum(amount for _, amount in g.lines) == g.total
    assert g.total == g.individual_support + g.travel + g.top_ups


def test_ka131_does_not_fund_incoming_mobility():
    with pytest.raises(NotFundable):
        grant(flow=IN)


def test_ka171_does_not_fund_regions_13_and_14():
    with pytest.raises(NotFundable):
        grant(action=KA171, partner_country="US", distance_band=DistanceBand.KM_4000_7999)


def test_ka131_to_a_third_country_is_left_to_a_coordinator():
    with pytest.raises(NotInTheTables) as raised:
        grant(partner_country="US")
    assert raised.value.waiting_for is None


def test_travel_support_needs_a_distance_band():
    with pytest.raises(MissingInput) as raised:
        grant(activity=ActivityType.STA, participant=STAFF, start=date(2024, 3, 4),
              end=date(2024, 3, 8))  # fmt: skip
    assert raised.value.waiting_for is None


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2023, 9, 1), date(2024, 1, 31), (5, 0)),
        (date(2023, 9, 1), date(2024, 2, 10), (5, 10)),
        (date(2023, 9, 15), date(2023, 10, 14), (1, 0)),
        (date(2023, 9, 1), date(2023, 9, 29), (0, 29)),
        (date(2024, 1, 31), date(2024, 2, 28), (1, 0)),
    ],
)
def test_whole_months_and_days(start, end, expected):
    assert whole_months_and_days(start, end) == expected
