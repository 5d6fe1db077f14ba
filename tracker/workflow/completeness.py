"""What a record needs before it may be submitted: everything missing, listed at once."""

from flask_babel import gettext as _


def missing_for_submission(record):
    """Human-readable list of what is missing or wrong; empty when the record is complete."""
    return [message for _field, message in gaps_by_field(record)]


def gaps_by_field(record):
    """(form field, message) for each gap, so the form shows each beside its field; the field
    is None for a gap no form field holds (the partners of a project, say)."""
    return GAPS_BY_KIND[record.__tablename__](record)


def required(record, labels):
    """A gap for each of `labels`' fields (field name -> label) that `record` leaves empty."""
    return [
        (field, _("%(field)s is missing.", field=label))
        for field, label in labels.items()
        if getattr(record, field) in (None, "")
    ]


def _project_gaps(project):
    gaps = required(
        project,
        {
            "title": _("Title"),
            "start_date": _("Start date"),
            "end_date": _("End date"),
            "summary": _("Summary"),
            "requested_amount": _("Requested amount"),
        },
    )
    if not project.priorities:
        gaps.append(
            ("priorities", _("Choose at least one Erasmus+ priority the project addresses."))
        )
    needs_partners = project.action.has_consortium or project.action.has_partner_budgets
    if needs_partners and not project.partners:
        gaps.append((None, _("Add at least one partner organisation.")))
    return gaps


GAPS_BY_KIND = {"projects": _project_gaps}
"""Table name -> the function listing a record's gaps. The mobilities add theirs
(mobilities/submission_gaps.py): their grant and their rules are the mobilities' own."""


def mark_gaps(form, record):
    """Put each gap of `record` beside its field in `form`; the gaps no field holds, returned."""
    elsewhere = []
    for name, message in gaps_by_field(record):
        field = form._fields.get(name) if name else None
        if field is None:
            elsewhere.append(message)
        else:
            field.errors = [*field.errors, message]
    return elsewhere
