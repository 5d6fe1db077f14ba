"""The identifiers a partner organisation carries, and how each one is written.

- Erasmus code: the institutional code of a higher education institution holding
  the Erasmus Charter, e.g. ``D  BERLIN01``. The country letters (the old
  vehicle-registration style, not ISO: D for Germany, SF for Finland) are padded
  with spaces to three characters, then come the city (letters, sometimes a
  hyphen, as in ``E  ALCAL-H01`` or ``LUXLUX-VIL01``) and a two- or three-digit
  number.
- PIC: the Participant Identification Code of the EU Funding & Tenders portal,
  nine digits.
- OID: the Organisation ID of the Erasmus+ and European Solidarity Corps
  platform, ``E`` followed by eight digits.

Each check returns a message for the person (or None when the value is fine), so
the form and any other caller (an import, say) give the same advice.
"""

import re

from flask_babel import get_locale
from flask_babel import gettext as _

from tracker.erasmus.countries import country_name

ERASMUS_PREFIXES = {
    "AT": "A",
    "BE": "B",
    "BG": "BG",
    "CH": "CH",
    "CY": "CY",
    "CZ": "CZ",
    "DE": "D",
    "DK": "DK",
    "EE": "EE",
    "ES": "E",
    "FI": "SF",
    "FR": "F",
    "GB": "UK",
    "GR": "G",
    "HR": "HR",
    "HU": "HU",
    "IE": "IRL",
    "IS": "IS",
    "IT": "I",
    "LI": "FL",
    "LT": "LT",
    "LU": "LUX",
    "LV": "LV",
    "MK": "MK",
    "MT": "MT",
    "NL": "NL",
    "NO": "N",
    "PL": "PL",
    "PT": "P",
    "RO": "RO",
    "RS": "RS",
    "SE": "S",
    "SI": "SI",
    "SK": "SK",
    "TR": "TR",
}
"""ISO 3166-1 alpha-2 code -> the letters Erasmus codes of that country begin with."""

COUNTRY_OF_PREFIX = {letters: country for country, letters in ERASMUS_PREFIXES.items()}

ERASMUS_CODE_EXAMPLES = "D  BERLIN01, F  PARIS001, NL AMSTERD01"

_ERASMUS_CODE = re.compile(
    r"(?:(?P<one>[A-Z])  |(?P<two>[A-Z]{2}) |(?P<three>[A-Z]{3}))"
    r"(?P<city>[A-Z]+(?:-[A-Z]+)*)(?P<number>[0-9]{2,3})"
)
_CITY_AND_NUMBER = re.compile(r"[A-Z]+(?:-[A-Z]+)*[0-9]{2,3}")
_PIC = re.compile(r"[0-9]{9}")
_OID = re.compile(r"E[0-9]{8}")


def normalise_code(value):
    """Upper case without surrounding blanks; None for nothing.

    Inner spaces are kept: in an Erasmus code they are part of the code.
    """
    if value is None:
        return None
    value = value.strip().upper()
    return value or None


def erasmus_letters(code):
    """The country letters of a well-formed Erasmus code, else None."""
    match = _ERASMUS_CODE.fullmatch(code or "")
    if match is None:
        return None
    return match.group("one") or match.group("two") or match.group("three")


def erasmus_code_problem(code):
    """Why `code` is not written as an Erasmus code, or None."""
    if erasmus_letters(code) is not None:
        return None
    return _(
        "Write the country letters padded with spaces to three characters (two spaces "
        "after one letter, one after two), then the city and a two- or three-digit "
        "number, e.g. %(examples)s.",
        examples=ERASMUS_CODE_EXAMPLES,
    )


def erasmus_prefix_problem(code, country):
    """Why a well-formed Erasmus `code` does not fit an organisation in `country`, or None.

    Where the country has a known prefix the code must carry it; a code carrying
    another country's prefix is refused too (a wrong country is the likelier slip).
    """
    letters = erasmus_letters(code)
    expected = ERASMUS_PREFIXES.get(country or "")
    if expected is not None and letters != expected:
        return _(
            "Erasmus codes of %(country)s begin with “%(letters)s”, e.g. %(example)s.",
            country=country_name(country, get_locale()),
            letters=expected,
            example=_with_prefix(code, expected),
        )
    if expected is None and letters in COUNTRY_OF_PREFIX:
        return _(
            "“%(letters)s” is the Erasmus prefix of %(country)s: choose that country or "
            "correct the code.",
            letters=letters,
            country=country_name(COUNTRY_OF_PREFIX[letters], get_locale()),
        )
    return None


def _with_prefix(code, letters):
    """`code` rewritten with the country's `letters`: the likeliest thing the person meant.

    "DBERLIN01" reads as the letters DBE and the city RLIN; meant was "D  BERLIN01".
    """
    rest = code[len(letters) :].lstrip() if code.startswith(letters) else ""
    if not _CITY_AND_NUMBER.fullmatch(rest):
        match = _ERASMUS_CODE.fullmatch(code)
        rest = match.group("city") + match.group("number")
    return letters.ljust(3) + rest


def pic_problem(pic):
    if _PIC.fullmatch(pic or ""):
        return None
    return _("A PIC is exactly 9 digits, e.g. 999123456.")


def oid_problem(oid):
    if _OID.fullmatch(oid or ""):
        return None
    return _("An OID is the letter E followed by 8 digits, e.g. E10123456.")
