"""The names of the figures a call year's unit costs hold, and the label a person reads.

A call year keeps each figure as one named row ("travel.standard.500-1999",
"staff_per_day.1" …). The names are built here and nowhere else: the grant
calculation asks for a figure by the function that names it, and the unit-cost
pages show the label of the same name.
"""

from flask_babel import lazy_gettext as _l

from tracker.erasmus.countries import DestinationGroup
from tracker.erasmus.mobility_types import DistanceBand

SHORT_TERM_PER_DAY_TO_14 = "short_term.per_day_to_14"
SHORT_TERM_PER_DAY_15_TO_30 = "short_term.per_day_15_to_30"
SHORT_TERM_FEWER_OPPORTUNITIES_5_TO_14 = "short_term.fewer_opportunities_5_to_14_days"
SHORT_TERM_FEWER_OPPORTUNITIES_15_TO_30 = "short_term.fewer_opportunities_15_to_30_days"
FEWER_OPPORTUNITIES_PER_MONTH = "fewer_opportunities_per_month"
TRAINEESHIP_PER_MONTH = "traineeship_per_month"
GREEN_TRAVEL_ONE_OFF = "green_travel_one_off"
BIP_SUPPORT_PER_PARTICIPANT = "bip.organisational_support_per_participant"
BIP_SUPPORT_MAX = "bip.organisational_support_max"
KA171_OUTGOING_STUDENT_PER_MONTH = "ka171.outgoing_student_per_month"
KA171_OUTGOING_STAFF_PER_DAY = "ka171.outgoing_staff_per_day"
KA171_FEWER_OPPORTUNITIES_PER_MONTH = "ka171.fewer_opportunities_per_month"

BANDS, GROUPS = tuple(DistanceBand), tuple(DestinationGroup)

NO_TABLE = "call_year"
"""Not a figure: what a grant waits for when its call year has no unit costs at all."""


def travel(band: DistanceBand) -> str:
    return f"travel.standard.{band.value}"


def green_travel(band: DistanceBand) -> str:
    return f"travel.green.{band.value}"


def ka171_travel(band: DistanceBand) -> str:
    return f"ka171.travel.{band.value}"


def staff_per_day(group: DestinationGroup) -> str:
    return f"staff_per_day.{group.value}"


def student_per_month(group: DestinationGroup) -> str:
    return f"student_per_month.{group.value}"


def ka171_incoming_student_per_month(group: DestinationGroup) -> str:
    return f"ka171.incoming_student_per_month.{group.value}"


def ka171_incoming_staff_per_day(group: DestinationGroup) -> str:
    return f"ka171.incoming_staff_per_day.{group.value}"


def figure_labels():
    """{name: label} of every figure a table may hold, in the order a person reads them."""
    return {
        **{travel(b): _l("Travel, %(band)s", band=b.label) for b in BANDS},
        **{green_travel(b): _l("Green travel, %(band)s", band=b.label) for b in BANDS},
        **{staff_per_day(g): _l("Staff, per day, %(group)s", group=g.label) for g in GROUPS},
        **{
            student_per_month(g): _l("Students long-term, per month, %(group)s", group=g.label)
            for g in GROUPS
        },
        SHORT_TERM_PER_DAY_TO_14: _l("Short-term students, per day, days 1–14"),
        SHORT_TERM_PER_DAY_15_TO_30: _l("Short-term students, per day, days 15–30"),
        SHORT_TERM_FEWER_OPPORTUNITIES_5_TO_14: _l(
            "Short-term students, fewer-opportunities top-up, 5–14 days"
        ),
        SHORT_TERM_FEWER_OPPORTUNITIES_15_TO_30: _l(
            "Short-term students, fewer-opportunities top-up, 15–30 days"
        ),
        FEWER_OPPORTUNITIES_PER_MONTH: _l("Fewer-opportunities top-up, per month"),
        TRAINEESHIP_PER_MONTH: _l("Traineeship top-up, per month"),
        GREEN_TRAVEL_ONE_OFF: _l("Green travel one-off amount (students without travel support)"),
        BIP_SUPPORT_PER_PARTICIPANT: _l(
            "Blended intensive programme, organisational support per participant"
        ),
        BIP_SUPPORT_MAX: _l("Blended intensive programme, organisational support at most"),
        KA171_OUTGOING_STUDENT_PER_MONTH: _l("KA171 outgoing students, per month"),
        KA171_OUTGOING_STAFF_PER_DAY: _l("KA171 outgoing staff, per day"),
        KA171_FEWER_OPPORTUNITIES_PER_MONTH: _l("KA171 fewer-opportunities top-up, per month"),
        **{
            ka171_incoming_student_per_month(g): _l(
                "KA171 incoming students, per month, %(group)s", group=g.label
            )
            for g in GROUPS
        },
        **{
            ka171_incoming_staff_per_day(g): _l(
                "KA171 incoming staff, per day, %(group)s", group=g.label
            )
            for g in GROUPS
        },
        **{ka171_travel(b): _l("KA171 travel, %(band)s", band=b.label) for b in BANDS},
    }


def destination_group(country: str) -> str:
    """Not an amount: a country's place in the call year's destination groups."""
    return f"destination_group.{country}"


def figure_label(name: str):
    """The label of one figure; the name itself for one tracker does not know."""
    if name == NO_TABLE:
        return _l("the whole table")
    if name.startswith("destination_group."):
        return _l("the destination group of %(country)s", country=name.split(".", 1)[1])
    return figure_labels().get(name, name)


def reading_order(names):
    """`names` sorted as figure_labels lists them; unknown names last."""
    order = {name: position for position, name in enumerate(figure_labels())}
    return sorted(names, key=lambda name: (order.get(name, len(order)), name))
