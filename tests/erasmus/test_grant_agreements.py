"""Grant agreement numbers: the official shape per action, and agreement with action and year."""

import pytest

from tracker.erasmus.actions import Action
from tracker.erasmus.grant_agreements import grant_agreement_problem, normalise

GOOD = [
    (Action.KA131_HED, 2024, "2024-1-NL01-KA131-HED-000123456"),
    (Action.KA131_HED, 2021, "2021-2-DE01-KA131-HED-987654321"),
    (Action.KA171_HED, 2023, "2023-1-NL01-KA171-HED-000123456"),
    (Action.KA220_HED, 2022, "2022-1-FR01-KA220-HED-000055555"),
    (Action.KA210, 2023, "2023-1-NL01-KA210-SCH-000123456"),
    (Action.KA210, 2023, "2023-2-NL02-KA210-ADU-000123456"),
    (Action.CBHE, 2024, "101123456"),
    (Action.JM_MODULE, 2022, "101000001"),
    (Action.ERASMUS_MUNDUS, 2024, "101999999"),
]

BAD = [
    # (action, call year, number, words the message must contain)
    (Action.KA131_HED, 2024, "2024-1-NL01-KA131-HED-00012345", "e.g."),
    (Action.KA131_HED, 2024, "2024-3-NL01-KA131-HED-000123456", "e.g."),
    (Action.KA131_HED, 2024, "2024-1-NLD1-KA131-HED-000123456", "e.g."),
    (Action.KA131_HED, 2024, "24-1-NL01-KA131-HED-000123456", "e.g."),
    (Action.KA131_HED, 2024, "101123456", "e.g."),
    (Action.KA131_HED, 2024, "2024-1-NL01-KA171-HED-000123456", "action KA171"),
    (Action.KA171_HED, 2024, "2024-1-NL01-KA131-HED-000123456", "action KA131"),
    (Action.KA131_HED, 2024, "2023-1-NL01-KA131-HED-000123456", "call year 2023"),
    (Action.KA220_HED, 2024, "2024-1-NL01-KA220-SCH-000123456", "field SCH"),
    (Action.KA210, 2023, "2023-1-NL01-KA210-SC-000123456", "e.g."),
    (Action.KA210, 2024, "2023-1-NL01-KA210-SCH-000123456", "call year 2023"),
    (Action.CBHE, 2024, "2024-1-NL01-KA131-HED-000123456", "101"),
    (Action.CBHE, 2024, "100123456", "101"),
    (Action.JM_CHAIR, 2024, "1011234567", "101"),
    (Action.JM_CHAIR, 2024, "10112345", "101"),
]


@pytest.mark.parametrize(("action", "year", "number"), GOOD)
def test_official_numbers_are_accepted(app, action, year, number):
    assert grant_agreement_problem(number, action, year) is None


@pytest.mark.parametrize(("action", "year", "number", "words"), BAD)
def test_wrong_numbers_are_refused_saying_which_part_is_wrong(app, action, year, number, words):
    with app.test_request_context():
        problem = grant_agreement_problem(number, action, year)
        assert problem is not None
        assert words in str(problem)


def test_numbers_are_trimmed_and_upper_cased():
    assert normalise("  2024-1-nl01-ka131-hed-000123456 ") == "2024-1-NL01-KA131-HED-000123456"
