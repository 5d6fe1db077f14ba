"""The vocabulary of a grant: what it depends on, what it comes to, why it cannot be computed,
and the explained lines it is added up from (tracker.mobilities.grants applies the rules)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from flask_babel import lazy_gettext as _l

from tracker.erasmus.actions import Action
from tracker.erasmus.countries import DestinationGroup
from tracker.erasmus.mobility_types import ActivityType, DistanceBand, Flow, ParticipantKind
from tracker.erasmus.unit_cost_figures import NO_TABLE, figure_label
from tracker.money import cents

FULL_RATE_DAYS = 14
"""Per-day rates (staff, short-term students) drop from day 15 on."""
DAYS_PER_MONTH = 30


class GrantError(Exception):
    """A grant that cannot be computed; the message says why, for the person entering it.

    `waiting_for` names the unit-cost figure the grant waits for (NO_TABLE for a call
    year without a table): the office's task, not the applicant's. None for every other
    reason, which the applicant or a coordinator has to resolve.
    """

    waiting_for: str | None = None

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


class NoUnitCosts(GrantError):
    """The funding project's call year has no unit-cost table."""

    waiting_for = NO_TABLE

    def __init__(self, call_year: int):
        super().__init__(_l("No unit costs for call year %(year)s", year=call_year))
        self.call_year = call_year


class NotFundable(GrantError):
    """The programme does not fund this combination (e.g. a KA131 incoming mobility)."""


class NotInTheTables(GrantError):
    """A mobility the programme funds at rates tracker keeps no figures for: a coordinator
    sets its grant by hand (e.g. KA131 mobility to a third country not associated)."""


class MissingInput(GrantError):
    """The mobility lacks something its grant depends on (e.g. the distance band)."""


class MissingUnitCost(GrantError):
    """The call year's table lacks the one figure this mobility needs: `waiting_for` names it."""

    def __init__(self, call_year: int, name: str):
        super().__init__(
            _l(
                "Missing from the unit costs of call year %(year)s: %(figure)s.",
                year=call_year,
                figure=figure_label(name),
            )
        )
        self.call_year = call_year
        self.waiting_for = name


@dataclass(frozen=True)
class MobilityInputs:
    """What the grant depends on, as recorded on a mobility."""

    call_year: int
    action: Action
    activity: ActivityType
    participant: ParticipantKind
    flow: Flow
    partner_country: str
    """ISO code of the partner's country: destination when outgoing, origin when incoming."""
    start: date
    end: date
    distance_band: DistanceBand | None = None
    green_travel: bool = False
    fewer_opportunities: bool = False
    travel_days: int = 0
    """Staff: travel days to fund (up to 2, 6 with green travel). Students travelling green
    without travel support: travel days to fund (up to 4)."""

    @property
    def days(self) -> int:
        """Both the start and the end date count."""
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class GrantBreakdown:
    individual_support: Decimal
    travel: Decimal
    top_ups: Decimal
    total: Decimal
    lines: tuple[tuple[str, Decimal], ...]
    """(explanation, amount) in the order computed, e.g. ("5 months × €520", 2600.00)."""
    destination_group: DestinationGroup | None = None
    """The partner country's group in the call year, where the rates depend on it."""


def eur(amount: Decimal) -> str:
    """€520 or €100.80: an amount inside an explanation (money proper is formatted at the edge)."""
    return f"€{cents(amount):f}".removesuffix(".00")


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
                    "%(days)s days from day 15 × %(rate)s",
                    days=days - full,
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
                _l("%(what)s: %(days)s days × %(rate)s / 30", what=what, days=days, rate=eur(rate)),
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
