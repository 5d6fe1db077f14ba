"""How a mobility's grant is computed from its call year's unit costs.

The Erasmus+ grant of a participant is a sum of unit costs: individual support
(per day for staff and short stays, per month for long student stays), travel
(a fixed amount per distance band) and top-ups. The figures, and the call year's
destination groups, come from a RateTable handed in by the caller (the database's,
or the shipped one); the programme's rules (lengths, travel days, the shape of the
rates, who funds what) come from tracker.mobilities.rules; how they combine into a
grant is here, and only here. A figure the table lacks stops the calculation with
MissingUnitCost naming it.
Every amount is Decimal, each line rounded to cents, and each component is the sum
of its lines, so the explanation a coordinator reads adds up to the figure stored.

Rules: Erasmus+ Programme Guide, Part B, mobility projects for higher education
students and staff; see ../shared/erasmus-rules.md.
"""

from decimal import Decimal

from flask_babel import lazy_gettext as _l

from tracker.erasmus import unit_cost_figures as f
from tracker.erasmus.actions import Action
from tracker.erasmus.countries import HOME_COUNTRY, is_programme_country
from tracker.erasmus.mobility_types import ActivityType, Flow, ParticipantKind
from tracker.mobilities.grant_types import (
    GrantBreakdown,
    GrantError,
    MissingInput,
    MissingUnitCost,
    MobilityInputs,
    NotFundable,
    NotInTheTables,
    NoUnitCosts,
    eur,
)
from tracker.mobilities.rate_tables import RateTable
from tracker.mobilities.rules import (
    DAYS_PER_MONTH,
    FULL_RATE_DAYS,
    NO_INCOMING_FOR_KA131,
    STAFF,
    STAFF_REDUCED_SHARE,
    action_funds_flow,
    funded_travel_days,
    is_short_term,
    ka171_funds_country,
    whole_months_and_days,
)
from tracker.money import cents

__all__ = [
    "GrantBreakdown",
    "GrantError",
    "MissingInput",
    "MissingUnitCost",
    "MobilityInputs",
    "NoUnitCosts",
    "NotFundable",
    "NotInTheTables",
    "grant_for",
]


class GrantLines:
    """Collects the explained lines; each component is the sum of its rounded lines."""

    def __init__(self):
        self.lines = []
        self.sums = {"individual": Decimal(0), "travel": Decimal(0), "top_ups": Decimal(0)}
        self.destination_group = None

    def _add(self, component, label, amount):
        amount = cents(amount)
        self.sums[component] += amount
        self.lines.append((label, amount))

    def individual(self, label, amount):
        self._add("individual", label, amount)

    def top_up(self, label, amount):
        self._add("top_ups", label, amount)

    def travel(self, amount, mobility):
        band = mobility.distance_band.label
        if mobility.green_travel:
            label = _l("Green travel, %(band)s", band=band)
        else:
            label = _l("Travel, %(band)s", band=band)
        self._add("travel", label, amount)

    def per_day(self, rate, days, reduced_rate, period):
        """Individual support per day: full rate up to day 14, the reduced rate after."""
        full = min(days, FULL_RATE_DAYS)
        if period is None:
            label = _l("%(days)s days × %(rate)s", days=full, rate=eur(rate))
        else:
            label = _l(
                "%(days)s days × %(rate)s (%(period)s)", days=full, rate=eur(rate), period=period
            )
        self.individual(label, full * rate)
        if days > full:
            self.individual(
                _l(
                    "%(days)s days from day %(first)s × %(rate)s",
                    days=days - full,
                    first=FULL_RATE_DAYS + 1,
                    rate=eur(reduced_rate),
                ),
                (days - full) * reduced_rate,
            )

    def per_month(self, add, what, rate, months, days):
        """Months at the monthly rate, then the remaining days at rate / 30."""
        if months:
            add(
                _l(
                    "%(what)s: %(months)s months × %(rate)s",
                    what=what,
                    months=months,
                    rate=eur(rate),
                ),
                months * rate,
            )
        if days:
            add(
                _l(
                    "%(what)s: %(days)s days × %(rate)s / %(month)s",
                    what=what,
                    days=days,
                    rate=eur(rate),
                    month=DAYS_PER_MONTH,
                ),
                days * rate / DAYS_PER_MONTH,
            )

    def breakdown(self) -> GrantBreakdown:
        individual, travel, top_ups = (self.sums[k] for k in ("individual", "travel", "top_ups"))
        return GrantBreakdown(
            individual_support=individual,
            travel=travel,
            top_ups=top_ups,
            total=individual + travel + top_ups,
            lines=tuple(self.lines),
            destination_group=self.destination_group,
        )


def grant_for(mobility: MobilityInputs, rates: RateTable | None) -> GrantBreakdown:
    """The grant of one mobility from its call year's table.

    Raises NoUnitCosts when there is no table, NotFundable when the programme does
    not fund the mobility, MissingUnitCost when the table lacks a needed figure,
    NotInTheTables or MissingInput when the grant needs a person's attention.
    """
    if rates is None:
        raise NoUnitCosts(mobility.call_year)
    if rates.call_year != mobility.call_year:
        raise ValueError(f"table of {rates.call_year} for a {mobility.call_year} mobility")
    if mobility.end < mobility.start:
        raise ValueError("a mobility cannot end before it starts")
    if mobility.participant not in mobility.activity.participant_kinds:
        raise ValueError(f"{mobility.activity.value} is not open to {mobility.participant.value}")
    _check_fundable(mobility)

    grant = GrantLines()
    if mobility.participant is ParticipantKind.STAFF:
        _staff_grant(mobility, rates, grant)
    elif mobility.action is Action.KA171_HED:
        _ka171_student_grant(mobility, rates, grant)
    elif is_short_term(mobility.activity, mobility.days):
        _short_term_student_grant(mobility, rates, grant)
    else:
        _long_term_student_grant(mobility, rates, grant)
    return grant.breakdown()


def _check_fundable(mobility: MobilityInputs) -> None:
    """KA131 funds outgoing mobility to programme countries here; KA171 both ways, regions 1-12.

    KA131 also funds some outgoing mobility to third countries not associated, at
    rates tracker keeps no table of: a coordinator sets those grants by hand.
    """
    country = mobility.partner_country
    if mobility.action is Action.KA131_HED:
        if not action_funds_flow(mobility.action, mobility.flow):
            raise NotFundable(NO_INCOMING_FOR_KA131)
        if not is_programme_country(country):
            raise NotInTheTables(
                _l(
                    "tracker keeps no KA131 unit costs for mobility to %(country)s, a third "
                    "country not associated to the programme: a coordinator sets the grant "
                    "by hand.",
                    country=country,
                )
            )
    elif mobility.action is Action.KA171_HED:
        if not ka171_funds_country(country):
            raise NotFundable(
                _l("KA171 funds mobility with third countries of regions 1 to 12 only.")
            )
    else:
        raise NotFundable(_l("Only KA131 and KA171 projects fund mobilities."))


def _staff_grant(mobility: MobilityInputs, rates: RateTable, grant: GrantLines) -> None:
    """Staff: a rate per day, full up to day 14, 70 % from day 15, at most 60 days.

    The funded period is the activity (at most 60 days) plus the travel days: one
    before and one after, more with green travel (rules.funded_travel_days). Travel days are
    days of the funded period, so they count towards day 14 as well.
    """
    rate = _staff_day_rate(mobility, rates, grant)
    activity_days = min(mobility.days, STAFF[1])
    travel_days = funded_travel_days(
        mobility.participant, mobility.green_travel, mobility.travel_days
    )
    period = None
    if travel_days or activity_days < mobility.days:
        period = _l(
            "%(activity)s activity days (%(most)s at most) + %(travel)s travel days",
            activity=activity_days,
            most=STAFF[1],
            travel=travel_days,
        )
    grant.per_day(
        rate, activity_days + travel_days, reduced_rate=rate * STAFF_REDUCED_SHARE, period=period
    )
    grant.travel(_travel_rate(mobility, rates), mobility)


def _staff_day_rate(mobility: MobilityInputs, rates: RateTable, grant: GrantLines) -> Decimal:
    """KA131: by destination group. KA171: one outgoing rate; incoming by our own group."""
    if mobility.action is Action.KA131_HED:
        group = _destination_group(mobility, rates)
        grant.destination_group = group
        return rates.amount(f.staff_per_day(group))
    if mobility.flow is Flow.OUTGOING:
        return rates.amount(f.KA171_OUTGOING_STAFF_PER_DAY)
    return rates.amount(f.ka171_incoming_staff_per_day(_home_group(rates)))


def _destination_group(mobility: MobilityInputs, rates: RateTable):
    """The partner country's group in the call year (the groups changed with the 2024 call)."""
    group = rates.group_of(mobility.partner_country)
    if group is None:
        raise MissingUnitCost(rates.call_year, f.destination_group(mobility.partner_country))
    return group


def _home_group(rates: RateTable):
    """KA171 pays incoming participants by the receiving country's group: ours."""
    group = rates.group_of(HOME_COUNTRY)
    if group is None:
        raise MissingUnitCost(rates.call_year, f.destination_group(HOME_COUNTRY))
    return group


def _long_term_student_grant(mobility: MobilityInputs, rates: RateTable, grant: GrantLines) -> None:
    """KA131 students staying 2-12 months: a rate per month by destination group.

    Days beyond whole months are paid pro rata, a month counting 30 days. Top-ups
    follow the same months and days: fewer opportunities, and traineeships. Travel
    support goes only to students with fewer opportunities; a student without it
    who travels green gets a one-off amount and extra days of support for travel days.
    """
    group = _destination_group(mobility, rates)
    grant.destination_group = group
    rate = rates.amount(f.student_per_month(group))
    months, days = whole_months_and_days(mobility.start, mobility.end)
    grant.per_month(grant.individual, _l("Individual support"), rate, months, days)
    if mobility.activity is ActivityType.SMT:
        grant.per_month(
            grant.top_up,
            _l("Traineeship top-up"),
            rates.amount(f.TRAINEESHIP_PER_MONTH),
            months,
            days,
        )
    if mobility.fewer_opportunities:
        grant.per_month(
            grant.top_up,
            _l("Fewer-opportunities top-up"),
            rates.amount(f.FEWER_OPPORTUNITIES_PER_MONTH),
            months,
            days,
        )
        grant.travel(_travel_rate(mobility, rates), mobility)
    elif mobility.green_travel:
        grant.top_up(_l("Green travel, one-off"), rates.amount(f.GREEN_TRAVEL_ONE_OFF))
        green_days = funded_travel_days(
            mobility.participant, mobility.green_travel, mobility.travel_days
        )
        if green_days:
            grant.individual(
                _l(
                    "Green travel: %(days)s days × %(rate)s / %(month)s",
                    days=green_days,
                    rate=eur(rate),
                    month=DAYS_PER_MONTH,
                ),
                green_days * rate / DAYS_PER_MONTH,
            )


def _short_term_student_grant(
    mobility: MobilityInputs, rates: RateTable, grant: GrantLines
) -> None:
    """Students staying 5-30 days: a rate per day, lower from day 15, whatever the country.

    Students with fewer opportunities get a one-off top-up (by length of stay) and
    travel support. The others, when they travel green, get the one-off green amount
    and travel days, which lengthen the funded period like a staff member's.
    """
    green_days = 0
    if mobility.fewer_opportunities:
        top_up = rates.amount(
            f.SHORT_TERM_FEWER_OPPORTUNITIES_5_TO_14
            if mobility.days <= 14
            else f.SHORT_TERM_FEWER_OPPORTUNITIES_15_TO_30
        )
        grant.top_up(
            _l("Fewer-opportunities top-up, %(days)s-day stay", days=mobility.days), top_up
        )
        grant.travel(_travel_rate(mobility, rates), mobility)
    elif mobility.green_travel:
        grant.top_up(_l("Green travel, one-off"), rates.amount(f.GREEN_TRAVEL_ONE_OFF))
        green_days = funded_travel_days(
            mobility.participant, mobility.green_travel, mobility.travel_days
        )
    period = None
    if green_days:
        period = _l(
            "%(days)s days + %(travel)s green travel days", days=mobility.days, travel=green_days
        )
    grant.per_day(
        rates.amount(f.SHORT_TERM_PER_DAY_TO_14),
        mobility.days + green_days,
        reduced_rate=rates.amount(f.SHORT_TERM_PER_DAY_15_TO_30),
        period=period,
    )


def _ka171_student_grant(mobility: MobilityInputs, rates: RateTable, grant: GrantLines) -> None:
    """KA171 students: per month, outgoing at one rate, incoming by our group; travel always.

    Students to and from third countries of regions 1-12 always receive travel
    support. The fewer-opportunities top-up applies only where the table has a figure.
    """
    if is_short_term(mobility.activity, mobility.days):
        raise NotInTheTables(
            _l(
                "tracker keeps no KA171 unit costs for short-term student mobility: a "
                "coordinator sets the grant by hand."
            )
        )
    if mobility.flow is Flow.OUTGOING:
        rate = rates.amount(f.KA171_OUTGOING_STUDENT_PER_MONTH)
    else:
        rate = rates.amount(f.ka171_incoming_student_per_month(_home_group(rates)))
    months, days = whole_months_and_days(mobility.start, mobility.end)
    grant.per_month(grant.individual, _l("Individual support"), rate, months, days)
    if mobility.fewer_opportunities:
        grant.per_month(
            grant.top_up,
            _l("Fewer-opportunities top-up"),
            rates.amount(f.KA171_FEWER_OPPORTUNITIES_PER_MONTH),
            months,
            days,
        )
    grant.travel(_travel_rate(mobility, rates), mobility)


def _travel_rate(mobility: MobilityInputs, rates: RateTable) -> Decimal:
    """The travel amount of the distance band; the green rate where the band has one.

    KA171 uses its own figures, which have no green rates.
    """
    band = mobility.distance_band
    if band is None:
        raise MissingInput(_l("A distance band is needed to compute travel support."))
    if mobility.action is Action.KA171_HED:
        return rates.amount(f.ka171_travel(band))
    if mobility.green_travel and rates.holds(f.green_travel(band)):
        return rates.amount(f.green_travel(band))
    return rates.amount(f.travel(band))
