"""Project lengths: counted in months as the Programme Guide counts them, refused per action."""

from datetime import date, timedelta

import pytest

from tracker.erasmus.actions import Action
from tracker.projects.durations import duration_problem, project_months


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (date(2024, 6, 1), date(2026, 7, 31), 26),
        (date(2024, 6, 15), date(2026, 8, 14), 26),
        (date(2024, 6, 1), date(2026, 8, 1), 27),
        (date(2024, 9, 1), date(2027, 8, 31), 36),
        (date(2024, 2, 1), date(2024, 2, 29), 1),
        (date(2024, 1, 1), date(2024, 1, 1), 1),
        (date(2024, 11, 1), date(2025, 10, 31), 12),
    ],
)
def test_months_count_whole_months_and_a_started_one(start, end, months):
    assert project_months(start, end) == months


# (action, months the project runs, allowed?)
LENGTHS = [
    (Action.KA131_HED, 26, True),
    (Action.KA131_HED, 24, False),
    (Action.KA131_HED, 27, False),
    (Action.KA171_HED, 24, True),
    (Action.KA171_HED, 36, True),
    (Action.KA171_HED, 30, False),
    (Action.KA220_HED, 12, True),
    (Action.KA220_HED, 36, True),
    (Action.KA220_HED, 11, False),
    (Action.KA220_HED, 37, False),
    (Action.KA210, 6, True),
    (Action.KA210, 24, True),
    (Action.KA210, 5, False),
    (Action.KA210, 25, False),
    (Action.CBHE, 24, True),
    (Action.CBHE, 25, False),
    (Action.JM_MODULE, 36, True),
    (Action.JM_CHAIR, 24, False),
    (Action.JM_CENTRE, 12, False),
    (Action.ALLIANCE, 48, True),
]


def ends_after(start, months):
    """The last day of a project starting on the first of a month and running `months`."""
    year, month = divmod(start.month - 1 + months, 12)
    return date(start.year + year, month + 1, 1) - timedelta(days=1)


@pytest.mark.parametrize(("action", "months", "allowed"), LENGTHS)
def test_lengths_the_action_does_not_allow_are_refused(app, action, months, allowed):
    start = date(2024, 6, 1)
    end = ends_after(start, months)
    assert project_months(start, end) == months
    with app.test_request_context():
        problem = duration_problem(action, start, end)
        assert (problem is None) is allowed
        if not allowed:
            assert f"{months} months" in str(problem)


@pytest.mark.parametrize(
    ("action", "allowed_text"),
    [
        (Action.KA171_HED, "24 or 36 months"),
        (Action.KA220_HED, "12 to 36 months"),
        (Action.KA131_HED, "26 months"),
    ],
)
def test_the_message_names_the_allowed_lengths(app, action, allowed_text):
    with app.test_request_context():
        problem = duration_problem(action, date(2024, 1, 1), date(2024, 1, 10))
        assert allowed_text in str(problem)


def test_an_end_before_the_start_is_refused(app):
    with app.test_request_context():
        problem = duration_problem(Action.ALLIANCE, date(2024, 6, 1), date(2024, 5, 31))
        assert "before the start" in str(problem)
