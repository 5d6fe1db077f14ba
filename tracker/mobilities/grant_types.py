"""The vocabulary of a grant: what it depends on, what it comes to, and why it cannot be
computed. Data only: the rules are in tracker.mobilities.rules, the calculation in
tracker.mobilities.grants."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from flask_babel import lazy_gettext as _l

from tracker.erasmus.actions import Action
from tracker.erasmus.countries import DestinationGroup
from tracker.erasmus.mobility_types import ActivityType, DistanceBand, Flow, ParticipantKind
from tracker.erasmus.unit_cost_figures import NO_TABLE, figure_label
from tracker.mobilities.rules import days_counted
from tracker.money import cents


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
    """Travel days entered; the grant funds those `rules.funded_travel_days` allows."""

    @property
    def days(self) -> int:
        return days_counted(self.start, self.end)


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
