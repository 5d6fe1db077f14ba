"""The rules a new password must meet, after NIST SP 800-63B (section 3.1.1.2).

Long enough, not a password people commonly choose, not one character
repeated, not the person's own e-mail address or name. No composition rules
(a digit, a capital…): the guideline advises against them. Every place that
sets a password asks `password_problem`: the admin's form, the person's own
form and `flask users create`.
"""

import functools
from pathlib import Path

from flask_babel import lazy_gettext as _l

MIN_PASSWORD_LENGTH = 12
COMMON_PASSWORDS_FILE = Path(__file__).with_name("common-passwords.txt")


@functools.cache
def common_passwords():
    """The shipped list, lower-cased; its header (see the file) ends at the first empty line."""
    text = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8")
    _header, _blank, body = text.partition("\n\n")
    return frozenset(line.strip().lower() for line in body.splitlines() if line.strip())


def _squeezed(text):
    return "".join((text or "").lower().split())


def password_problem(password, email="", full_name=""):
    """Why `password` may not be used by the person with `email` and `full_name`; else None."""
    password = password or ""
    if len(password) < MIN_PASSWORD_LENGTH:
        return _l("The password needs at least %(n)d characters.", n=MIN_PASSWORD_LENGTH)
    if len(set(password)) == 1:
        return _l("The password cannot be one character repeated.")
    if password.strip().lower() in common_passwords():
        return _l("This password is one of the most common ones; choose another.")
    own = {_squeezed(email), _squeezed(email.partition("@")[0]), _squeezed(full_name)}
    if _squeezed(password) in own - {""}:
        return _l("The password cannot be your e-mail address or your name.")
    return None
