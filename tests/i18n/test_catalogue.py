"""Every string a person sees exists in Dutch, and the pages follow the chosen language."""

from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

from tests.factories import make_user
from tracker.enums import Language, Role

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "tracker" / "translations" / "nl" / "LC_MESSAGES" / "messages.po"


def source_messages():
    """The msgids `make translations` would extract, read straight from the source."""
    keywords = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}
    method_map = [("tracker/**.py", "python"), ("tracker/templates/**.html", "jinja2")]
    options_map = {"tracker/templates/**.html": {"extensions": "jinja2.ext.do"}}
    found = set()
    for _filename, _line, message, _comments, _context in extract_from_dir(
        ROOT, method_map, options_map, keywords=keywords
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def dutch_catalogue():
    with CATALOGUE.open("rb") as handle:
        return read_po(handle, locale="nl")


def test_every_message_has_a_dutch_translation():
    catalogue = dutch_catalogue()
    missing = sorted(
        msgid
        for msgid in source_messages()
        if msgid not in catalogue
        or not catalogue[msgid].string
        or catalogue[msgid].fuzzy
        or (isinstance(catalogue[msgid].string, tuple) and not all(catalogue[msgid].string))
    )
    assert missing == [], f"{len(missing)} untranslated; run `make translations`: {missing[:20]}"


@pytest.mark.parametrize(
    "language, lang, sign_out", [(Language.EN, "en", "Sign out"), (Language.NL, "nl", "Uitloggen")]
)
def test_pages_follow_the_users_language(app, language, lang, sign_out):
    from tests.conftest import sign_in

    user = make_user(Role.STAFF, language=language)
    page = sign_in(app.test_client(), user).get("/").get_data(as_text=True)
    assert f'<html lang="{lang}">' in page
    assert sign_out in page


@pytest.mark.parametrize(
    "header, lang, title",
    [("nl-NL,nl;q=0.9,en;q=0.5", "nl", "Inloggen"), ("en-GB", "en", "Sign in")],
)
def test_before_sign_in_the_browser_language_counts(client, header, lang, title):
    page = client.get("/login", headers={"Accept-Language": header}).get_data(as_text=True)
    assert f'<html lang="{lang}">' in page
    assert f"<title>{title}" in page


def test_the_welcome_after_sign_in_is_in_the_users_language(client):
    from tests.factories import DEFAULT_PASSWORD

    user = make_user(Role.STAFF, language=Language.NL, full_name="Noor Nederlands")
    response = client.submit(
        "/login",
        {"email": user.email, "password": DEFAULT_PASSWORD},
        headers={"Accept-Language": "en-GB"},
        follow_redirects=True,
    )
    assert "Ingelogd als Noor Nederlands." in response.get_data(as_text=True)
