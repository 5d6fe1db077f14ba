"""A call year's unit costs between the database and the grant calculator.

The database keeps each figure as one named row ("travel.standard.500-1999",
"staff_per_day.2", "ka171.incoming_student_per_month.2" …); the calculator takes
a RateTable. `figures_of` flattens a table into named figures, `rate_table_from_figures`
builds one back, and FIGURES lists every name with the label an admin reads.
"""

from decimal import Decimal
from types import MappingProxyType

from flask_babel import lazy_gettext as _l

from tracker.erasmus.countries import DestinationGroup
from tracker.erasmus.mobility_types import DistanceBand
from tracker.erasmus.unit_costs import InternationalRates, RateTable, ShortTermStudentRates
from tracker.extensions import db
from tracker.mobilities.grants import MissingUnitCost

_SHORT_TERM_FIELDS = {
    "short_term.per_day_to_14": ("per_day_to_14", _l("Short-term students, per day, days 1–14")),
    "short_term.per_day_15_to_30": (
        "per_day_15_to_30",
        _l("Short-term students, per day, days 15–30"),
    ),
    "short_term.fewer_opportunities_5_to_14_days": (
        "fewer_opportunities_5_to_14_days",
        _l("Short-term students, fewer-opportunities top-up, 5–14 days"),
    ),
    "short_term.fewer_opportunities_15_to_30_days": (
        "fewer_opportunities_15_to_30_days",
        _l("Short-term students, fewer-opportunities top-up, 15–30 days"),
    ),
}
_SINGLE_FIGURES = {
    "fewer_opportunities_per_month": _l("Fewer-opportunities top-up, per month"),
    "traineeship_per_month": _l("Traineeship top-up, per month"),
    "green_travel_one_off": _l("Green travel one-off amount (students without travel support)"),
}
_KA171_SINGLE = {
    "ka171.outgoing_student_per_month": _l("KA171 outgoing students, per month"),
    "ka171.outgoing_staff_per_day": _l("KA171 outgoing staff, per day"),
    "ka171.fewer_opportunities_per_month": _l("KA171 fewer-opportunities top-up, per month"),
}
_BY_BAND = {
    "travel.standard": _l("Travel, %(band)s"),
    "travel.green": _l("Green travel, %(band)s"),
    "ka171.travel": _l("KA171 travel, %(band)s"),
}
_BY_GROUP = {
    "staff_per_day": _l("Staff, per day, %(group)s"),
    "student_per_month": _l("Students long-term, per month, %(group)s"),
    "ka171.incoming_student_per_month": _l("KA171 incoming students, per month, %(group)s"),
    "ka171.incoming_staff_per_day": _l("KA171 incoming staff, per day, %(group)s"),
}


def figure_labels():
    """{key: label} of every figure a table may hold, in the order an admin reads them."""
    labels = {}
    for prefix, label in _BY_BAND.items():
        labels |= {f"{prefix}.{b.value}": _l(label, band=b.label) for b in DistanceBand}
    for prefix, label in list(_BY_GROUP.items())[:2]:
        labels |= {f"{prefix}.{g.value}": _l(label, group=g.label) for g in DestinationGroup}
    labels |= {key: label for key, (_, label) in _SHORT_TERM_FIELDS.items()}
    labels |= _SINGLE_FIGURES | _KA171_SINGLE
    for prefix, label in list(_BY_GROUP.items())[2:]:
        labels |= {f"{prefix}.{g.value}": _l(label, group=g.label) for g in DestinationGroup}
    return labels


def figures_of(table: RateTable) -> dict[str, Decimal]:
    """The table as named figures; a figure the table lacks is absent."""
    ka171 = table.ka171
    figures = {}
    for prefix, by_band in (
        ("travel.standard", table.travel),
        ("travel.green", table.green_travel),
        ("ka171.travel", ka171.travel),
    ):
        figures |= {f"{prefix}.{band.value}": amount for band, amount in by_band.items()}
    for prefix, by_group in (
        ("staff_per_day", table.staff_per_day),
        ("student_per_month", table.student_per_month),
        ("ka171.incoming_student_per_month", ka171.incoming_student_per_month),
        ("ka171.incoming_staff_per_day", ka171.incoming_staff_per_day),
    ):
        figures |= {f"{prefix}.{group.value}": amount for group, amount in by_group.items()}
    for key, (attribute, _label) in _SHORT_TERM_FIELDS.items():
        figures[key] = getattr(table.short_term_student, attribute)
    for key in _SINGLE_FIGURES:
        figures[key] = getattr(table, key)
    for key in _KA171_SINGLE:
        amount = getattr(ka171, key.removeprefix("ka171."))
        if amount is not None:
            figures[key] = amount
    return figures


def rate_table_from_figures(call_year: int, sources, figures) -> RateTable:
    """A RateTable from named figures (the inverse of `figures_of`)."""

    def by(prefix, enum_class):
        return MappingProxyType(
            {
                member: figures[f"{prefix}.{member.value}"]
                for member in enum_class
                if f"{prefix}.{member.value}" in figures
            }
        )

    return RateTable(
        call_year=call_year,
        sources=tuple(sources),
        travel=by("travel.standard", DistanceBand),
        green_travel=by("travel.green", DistanceBand),
        staff_per_day=by("staff_per_day", DestinationGroup),
        student_per_month=by("student_per_month", DestinationGroup),
        short_term_student=ShortTermStudentRates(
            **{attribute: figures[key] for key, (attribute, _) in _SHORT_TERM_FIELDS.items()}
        ),
        fewer_opportunities_per_month=figures["fewer_opportunities_per_month"],
        traineeship_per_month=figures["traineeship_per_month"],
        green_travel_one_off=figures["green_travel_one_off"],
        ka171=InternationalRates(
            outgoing_student_per_month=figures["ka171.outgoing_student_per_month"],
            incoming_student_per_month=by("ka171.incoming_student_per_month", DestinationGroup),
            outgoing_staff_per_day=figures["ka171.outgoing_staff_per_day"],
            incoming_staff_per_day=by("ka171.incoming_staff_per_day", DestinationGroup),
            travel=by("ka171.travel", DistanceBand),
            fewer_opportunities_per_month=figures.get("ka171.fewer_opportunities_per_month"),
        ),
    )


def rate_table_from_db(call_year: int) -> RateTable | None:
    """The call year's table as stored (with every correction), or None when there is none."""
    from tracker.erasmus.models import UnitCostYear

    year = db.session.scalar(db.select(UnitCostYear).where(UnitCostYear.call_year == call_year))
    if year is None:
        return None
    try:
        return rate_table_from_figures(call_year, year.sources.splitlines(), year.figures())
    except KeyError as missing:
        raise MissingUnitCost(
            _l(
                "The unit costs of call year %(year)s lack the figure %(key)s.",
                year=call_year,
                key=missing.args[0],
            )
        ) from None
