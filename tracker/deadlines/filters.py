"""The deadline list's filters: a GET form read from the URL, and the SQL condition each
filter adds. A value that does not parse is ignored, not refused; the list always shows one
half, the upcoming deadlines unless the past ones are asked for."""

from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice

from tracker.deadlines import queries
from tracker.deadlines.models import Deadline, DeadlineKind
from tracker.form_base import SelectField, int_or_none
from tracker.listing import ANY, FilterForm


class DeadlineFilterForm(FilterForm):
    when = SelectField(
        _l("Show"),
        choices=[
            SelectChoice(queries.UPCOMING, _l("Upcoming")),
            SelectChoice(queries.PAST, _l("Past")),
        ],
        default=queries.UPCOMING,
    )
    kind = SelectField(_l("Kind"), choices=[ANY, *DeadlineKind.choices()])
    project = SelectField(_l("Project"), coerce=int_or_none, validate_choice=False)

    CONDITIONS = {
        "when": queries.in_period,
        "kind": lambda value: Deadline.kind == DeadlineKind(value),
        "project": lambda value: Deadline.project_id == value,
    }
    """Each filter as the SQL condition it adds to `queries.deadlines_query`."""

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.project.choices = [ANY] + [
            SelectChoice(row.id, row.name) for row in queries.projects_with_deadlines(user)
        ]

    def validate(self, extra_validators=None):
        """An unknown half (a hand-edited URL) shows the upcoming deadlines."""
        super().validate(extra_validators)
        self.when.data = self.when.data or queries.UPCOMING
        return True
