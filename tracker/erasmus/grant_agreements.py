"""Grant agreement numbers: the shape each action's number takes, and what it must agree with.

A National Agency number reads ``YYYY-R-CCNN-KAnnn-FFF-nnnnnnnnn``: call year,
round (1 or 2), agency (two country letters and two digits, NL01), the action
code from `ActionRules.code`, the field (HED where `ActionRules.field` says so,
any three letters where it is None: KA210 numbers carry SCH, ADU, YOU …) and
nine digits. EACEA actions use the EU project number: nine digits from 101.
See ../../shared/erasmus-rules.md.
"""

import re

from flask_babel import lazy_gettext as _l

from tracker.erasmus.actions import ManagedBy

NATIONAL_AGENCY_NUMBER = re.compile(
    r"^(?P<year>\d{4})-(?P<round>[12])-(?P<agency>[A-Z]{2}\d{2})"
    r"-(?P<action>KA\d{3})-(?P<field>[A-Z]{3})-(?P<serial>\d{9})$"
)
EU_PROJECT_NUMBER = re.compile(r"^101\d{6}$")

EXAMPLES = {
    ManagedBy.NATIONAL_AGENCY: "2024-1-NL01-KA131-HED-000123456",
    ManagedBy.EACEA: "101123456",
}


def normalise(number):
    """People paste numbers with stray spaces and lower case; we keep them upper case, trimmed."""
    return (number or "").strip().upper()


def grant_agreement_problem(number, action, call_year):
    """Why `number` cannot be the grant agreement number of an `action` project of `call_year`.

    None when it can. The message names the part that is wrong, so the person
    knows whether they mistyped the number or chose the wrong action or year.
    """
    rules = action.rules
    if rules.managed_by is ManagedBy.EACEA:
        if not EU_PROJECT_NUMBER.match(number):
            return _l(
                "%(action)s projects use the EU project number: nine digits starting with 101, "
                "e.g. %(example)s.",
                action=action.value,
                example=EXAMPLES[ManagedBy.EACEA],
            )
        return None
    parts = NATIONAL_AGENCY_NUMBER.match(number)
    if parts is None:
        return _l(
            "A National Agency grant agreement number reads year-round-agency-action-field-"
            "nine digits, e.g. %(example)s.",
            example=EXAMPLES[ManagedBy.NATIONAL_AGENCY].replace("KA131", rules.code),
        )
    if parts["action"] != rules.code:
        return _l(
            "The number is for action %(found)s, but this project is %(expected)s.",
            found=parts["action"],
            expected=rules.code,
        )
    if rules.field is not None and parts["field"] != rules.field:
        return _l(
            "The number names the field %(found)s; %(action)s numbers have %(expected)s.",
            found=parts["field"],
            action=rules.code,
            expected=rules.field,
        )
    if call_year is not None and int(parts["year"]) != call_year:
        return _l(
            "The number is of call year %(found)s, but the project's call year is %(expected)s.",
            found=parts["year"],
            expected=call_year,
        )
    return None
