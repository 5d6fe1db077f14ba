"""What a record needs before it may be submitted: everything missing, listed at once."""

from flask_babel import gettext as _

from tracker.erasmus.actions import KeyAction


def missing_for_submission(record):
    """Human-readable list of what is missing or wrong; empty when the record is complete."""
    return [message for _field, message in gaps_by_field(record)]


def gaps_by_field(record):
    """(form field, message) for each gap, so the form shows each beside its field; the field
    is None for a gap no form field holds (the partners of a project, say)."""
    from tracker.projects.models import Project

    if isinstance(record, Project):
        return _project_gaps(record)
    return _mobility_gaps(record)


def _required(record, labels):
    return [
        (field, _("%(field)s is missing.", field=label))
        for field, label in labels.items()
        if getattr(record, field) in (None, "")
    ]


def _project_gaps(project):
    gaps = _required(
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
    needs_partners = project.key_action is KeyAction.KA2 or project.action.value == "KA171-HED"
    if needs_partners and not project.partners:
        gaps.append((None, _("Add at least one partner organisation.")))
    return gaps


def _mobility_gaps(mobility):
    from tracker.mobilities.grant_inputs import calculate, inputs_from_mobility
    from tracker.mobilities.rules import outside_ka171_partnership

    gaps = _required(
        mobility,
        {
            "participant_name": _("Participant name"),
            "participant_email": _("Participant e-mail address"),
            "organisation_id": _("Partner organisation"),
            "project_id": _("Funding project"),
            "start_date": _("Start date"),
            "end_date": _("End date"),
        },
    )
    if not mobility.priorities:
        gaps.append(
            ("priorities", _("Choose at least one Erasmus+ priority the mobility addresses."))
        )
    project = mobility.project
    if project is not None and _outside_project_period(mobility, project):
        gaps.append(
            (
                "start_date",
                _(
                    "The dates must fall inside the funding project's period "
                    "(%(start)s to %(end)s).",
                    start=project.start_date.isoformat(),
                    end=project.end_date.isoformat(),
                ),
            )
        )
    if outside_ka171_partnership(project, mobility.organisation_id):
        gaps.append(
            (
                "organisation_id",
                _("The partner organisation is not a partner of the KA171 project."),
            )
        )
    if mobility.grant_amount is None:
        result = calculate(inputs_from_mobility(mobility))
        # A grant waiting only for the call year's unit costs is the office's task: the
        # mobility may be submitted, and shows what it waits for.
        if result.message and not result.waits_for_unit_costs:
            gaps.append(
                (
                    None,
                    _(
                        "The grant is not calculated (%(reason)s); a coordinator can enter it "
                        "by hand.",
                        reason=result.message.rstrip("."),
                    ),
                )
            )
        elif not result.waits_for_unit_costs:
            gaps.append(
                (None, _("The grant is not calculated; a coordinator can enter it by hand."))
            )
    return gaps


def _outside_project_period(mobility, project):
    dates = (mobility.start_date, mobility.end_date, project.start_date, project.end_date)
    if None in dates:
        return False
    return not (project.start_date <= mobility.start_date <= mobility.end_date <= project.end_date)


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
