"""The reports' GET forms: which call year (and faculty) a page shows."""

from flask_babel import lazy_gettext as _l
from wtforms.fields.choices import SelectChoice

from tracker.form_base import SelectField, int_or_none
from tracker.listing import FilterForm


class DashboardForm(FilterForm):
    """A call year (default: the latest with mobilities, else the latest with records) and
    optionally a faculty."""

    call_year = SelectField(_l("Call year"), coerce=int_or_none, validate_choice=False)
    faculty = SelectField(_l("Faculty"), validate_choice=False)

    def __init__(self, call_years, faculties):
        super().__init__()
        self.call_year.choices = [SelectChoice(year, str(year)) for year in call_years]
        self.faculty.choices = [SelectChoice("", _l("All faculties"))] + [
            SelectChoice(name, name) for name in faculties
        ]

    def chosen_year(self, call_years, default=None):
        """The requested year if it has records, else `default` if it has, else the latest
        one (None: no records)."""
        if self.call_year.data in call_years:
            return self.call_year.data
        year = default if default in call_years else (call_years[0] if call_years else None)
        self.call_year.data = year
        return year

    def chosen_faculty(self, faculties):
        return self.faculty.data if self.faculty.data in faculties else None


class ReportYearForm(FilterForm):
    """The office reports: every call year, or one."""

    call_year = SelectField(_l("Call year"), coerce=int_or_none, validate_choice=False)

    def __init__(self, call_years):
        super().__init__()
        self.call_year.choices = [SelectChoice("", _l("All call years"))] + [
            SelectChoice(year, str(year)) for year in call_years
        ]

    def chosen_year(self, call_years):
        return self.call_year.data if self.call_year.data in call_years else None
