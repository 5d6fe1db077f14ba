"""Worked examples, computed by hand from the rules in shared/erasmus-rules.md."""

from datetime import date
from decimal import Decimal

import pytest

from tracker.erasmus.actions import Action
from tracker.erasmus.countries import DestinationGroup
from tracker.erasmus.mobility_types import ActivityType, DistanceBand, Flow, ParticipantKind
from tracker.erasmus.unit_costs import RATE_TABLES, rate_table_for, shipped_call_years
from tracker.mobilities.grants import (
    MissingUnitCost,
    MobilityInputs,
    NotFundable,
    NoUnitCosts,
    grant_for,
    whole_months_and_days,
)

KA131, KA171 = Action.KA131_HED, Action.KA171_HED
STUDENT, STAFF = ParticipantKind.STUDENT, ParticipantKind.STAFF
OUT, IN = Flow.OUTGOING, Flow.INCOMING


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


def grant(**fields):
    inputs = mobility(**fields)
    return grant_for(inputs, rate_table_for(inputs.call_year))


def d(text):
    return Decimal(text)


def test_five_month_sms_to_a_group_1_country():
    g = grant(partner_country="FI", start=date(2023, 9, 1), end=date(2024, 1, 31))
    assert g.individual_support == d("2600.00")  # 5 months × 520
    assert g.travel == d("0.00")  # long-term, no fewer opportunities: no travel support
    assert g.top_ups == d("0.00")
    assert g.total == d("2600.00")
    assert [str(label) for label, _ in g.lines] == ["Individual support: 5 months × €520"]


def test_two_month_smt_with_fewer_opportunities_top_up():
    g = grant(
        activity=ActivityType.SMT,
        partner_country="ES",
        start=date(2024, 2, 1),
        end=date(2024, 3, 31),
        fewer_opportunities=True,
        distance_band=DistanceBand.KM_500_1999,
    )
    assert g.individual_support == d("940.00")  # 2 months × 470 (group 2)
    assert g.top_ups == d("800.00")  # traineeship 2 × 150 + fewer opportunities 2 × 250
    assert g.travel == d("275.00")  # fewer opportunities: travel table, 500-1,999 km
    assert g.total == d("2015.00")  # 940 + 800 + 275


def test_five_day_sta_with_green_travel_600_km_away():
    g = grant(
        activity=ActivityType.STA,
        participant=STAFF,
        partner_country="DE",
        start=date(2024, 3, 4),
        end=date(2024, 3, 8),
        distance_band=DistanceBand.KM_500_1999,
        green_travel=True,
        travel_days=4,
    )
    assert g.individual_support == d("1296.00")  # (5 days + 4 green travel days) × 144
    assert g.travel == d("320.00")  # green travel, 500-1,999 km
    assert g.total == d("1616.00")


def test_ka171_incoming_sms_from_a_partner_region():
    g = grant(
        call_year=2022,
        action=KA171,
        flow=IN,
        partner_country="ID",  # Indonesia, region 6 (Asia)
        start=date(2023, 2, 1),
        end=date(2023, 6, 30),
        distance_band=DistanceBand.KM_8000_PLUS,
    )
    assert g.individual_support == d("4250.00")  # 5 months × 850 (incoming to NL, group 2)
    assert g.travel == d("1500.00")  # KA171 students always get travel; 8,000 km or more
    assert g.total == d("5750.00")


def test_twenty_day_staff_mobility_crossing_day_14():
    g = grant(
        activity=ActivityType.STT,
        participant=STAFF,
        partner_country="PL",
        start=date(2024, 4, 1),
        end=date(2024, 4, 20),
        distance_band=DistanceBand.KM_500_1999,
    )
    # 14 days × 126 = 1,764.00; 6 days × 88.20 (70 % of 126) = 529.20
    assert g.individual_support == d("2293.20")
    assert g.travel == d("275.00")
    assert g.total == d("2568.20")
    assert [str(label) for label, _ in g.lines] == [
        "14 days × €126",
        "6 days from day 15 × €88.20",
        "Travel, 500–1,999 km",
    ]


def test_long_term_student_with_days_beyond_whole_months():
    g = grant(partner_country="IT", start=date(2023, 9, 1), end=date(2024, 2, 10))
    # 5 months × 470 = 2,350.00; 10 days × 470 / 30 = 156.666… → 156.67
    assert [amount for _, amount in g.lines] == [d("2350.00"), d("156.67")]
    assert g.total == d("2506.67")


def test_a_call_year_without_a_table_says_so():
    assert rate_table_for(2026) is None
    with pytest.raises(NoUnitCosts) as raised:
        grant_for(mobility(call_year=2026), rate_table_for(2026))
    assert raised.value.call_year == 2026
    assert str(raised.value) == "No unit costs for call year 2026"


def test_green_traveller_without_travel_support_gets_one_off_and_travel_days():
    g = grant(partner_country="FI", green_travel=True, travel_days=6)
    # 5 months × 520 = 2,600.00; 4 days (at most) × 520 / 30 = 69.33
    assert g.individual_support == d("2669.33")
    assert g.top_ups == d("50.00")  # one-off green travel amount
    assert g.travel == d("0.00")
    assert g.total == d("2719.33")


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
    # 14 × 162 = 2,268.00; 46 × 113.40 (70 % of 162) = 5,216.40
    assert g.individual_support == d("7484.40")
    assert g.total == d("7759.40")  # + 275 travel


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
    rate = RATE_TABLES[call_year].staff_per_day[DestinationGroup.GROUP_1]
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


def test_ka131_to_a_third_country_has_no_shipped_unit_costs():
    with pytest.raises(MissingUnitCost):
        grant(partner_country="US")


def test_travel_support_needs_a_distance_band():
    with pytest.raises(MissingUnitCost):
        grant(fewer_opportunities=True)


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
