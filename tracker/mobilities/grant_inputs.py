"""From what a person typed (or a saved mobility) to the calculator's answer.

The server's calculation is the truth: the form's "Calculate grant" button, the
live preview and saving all come through `calculate`, with the call year's table
as stored in the database (corrections included).
"""

from dataclasses import dataclass
from decimal import Decimal

from tracker.erasmus.mobility_types import ActivityType, DistanceBand, Flow, ParticipantKind
from tracker.mobilities import queries
from tracker.mobilities.grants import GrantBreakdown, GrantError, MobilityInputs, grant_for
from tracker.mobilities.rate_tables import rate_table_from_db


@dataclass(frozen=True)
class GrantResult:
    """A breakdown, or the reason there is none (e.g. "No unit costs for call year 2025")."""

    breakdown: GrantBreakdown | None = None
    message: str | None = None
    waiting_for: str | None = None
    """The unit-cost figure the grant waits for (see GrantError.waiting_for)."""
    call_year: int | None = None

    @property
    def waits_for_unit_costs(self) -> bool:
        """Only the call year's unit costs are missing: the office's task, not the applicant's."""
        return self.waiting_for is not None

    @property
    def parts(self) -> dict[str, Decimal | str | None]:
        """The values stored on the mobility: all None when nothing could be calculated."""
        b = self.breakdown
        return {
            "grant_individual": b.individual_support if b else None,
            "grant_travel": b.travel if b else None,
            "grant_top_ups": b.top_ups if b else None,
            "grant_total": b.total if b else None,
            "grant_waiting_for": self.waiting_for,
        }


def inputs_from_form(form) -> MobilityInputs | None:
    """The calculator's inputs from a submitted form; None while a needed field is missing."""
    project = form.chosen_project()
    partner = queries.organisation(form.organisation_id.data)
    start, end = form.start_date.data, form.end_date.data
    if project is None or partner is None or start is None or end is None:
        return None
    try:
        return MobilityInputs(
            call_year=project.call_year,
            action=project.action,
            activity=ActivityType(form.activity_type.data),
            participant=ParticipantKind(form.participant_kind.data),
            flow=Flow(form.flow.data),
            partner_country=partner.country,
            start=start,
            end=end,
            distance_band=DistanceBand(form.distance_band.data)
            if form.distance_band.data
            else None,
            green_travel=bool(form.green_travel.data),
            fewer_opportunities=bool(form.fewer_opportunities.data),
            travel_days=form.travel_days.data or 0,
        )
    except ValueError:
        return None


def inputs_from_mobility(mobility) -> MobilityInputs | None:
    if mobility.project is None or mobility.organisation is None or mobility.start_date is None:
        return None
    return MobilityInputs(
        call_year=mobility.project.call_year,
        action=mobility.project.action,
        activity=mobility.activity_type,
        participant=mobility.participant_kind,
        flow=mobility.flow,
        partner_country=mobility.organisation.country,
        start=mobility.start_date,
        end=mobility.end_date,
        distance_band=mobility.distance_band,
        green_travel=mobility.green_travel,
        fewer_opportunities=mobility.fewer_opportunities,
        travel_days=mobility.travel_days,
    )


def calculate(inputs: MobilityInputs | None, tables: dict | None = None) -> GrantResult:
    """The grant of `inputs`, or a message a person can act on. Never raises.

    `tables` caches each call year's table across many calculations (None: read it).
    """
    if inputs is None:
        return GrantResult()
    tables = {} if tables is None else tables
    if inputs.call_year not in tables:
        tables[inputs.call_year] = rate_table_from_db(inputs.call_year)
    try:
        return GrantResult(
            breakdown=grant_for(inputs, tables[inputs.call_year]),
            call_year=inputs.call_year,
        )
    except GrantError as error:
        return GrantResult(
            message=str(error.message), waiting_for=error.waiting_for, call_year=inputs.call_year
        )
    except ValueError:
        # Inconsistent inputs (end before start, activity closed to the participant):
        # the form's own validation says what is wrong.
        return GrantResult()
