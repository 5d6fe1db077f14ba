"""What a mobility needs before it may be submitted: the workflow asks through
`GAPS_BY_KIND` (workflow/completeness.py), which this module fills in on import."""

from flask_babel import gettext as _

from tracker.mobilities.grant_inputs import calculate, inputs_from_mobility
from tracker.mobilities.rules import outside_ka171_partnership
from tracker.workflow.completeness import GAPS_BY_KIND, required


def mobility_gaps(mobility):
    gaps = required(
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


GAPS_BY_KIND["mobilities"] = mobility_gaps
