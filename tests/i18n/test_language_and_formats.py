"""A new account speaks the browser's language until the person chooses one; every
notice, Flask-Login's too, is translated; dates and times read as each language writes them."""

from datetime import UTC, date, datetime

import pytest

from tests.conftest import sign_in
from tests.factories import make_mobility, make_organisation, make_project, make_user
from tests.workflow.conftest import complete_project
from tracker.auth.models import User
from tracker.enums import Language, Role
from tracker.extensions import db
from tracker.records.history import log_history
from tracker.workflow.models import HistoryKind

DUTCH = {"Accept-Language": "nl-NL,nl;q=0.9,en;q=0.5"}
ENGLISH = {"Accept-Language": "en-GB,en;q=0.8"}


def test_a_new_account_follows_the_browser_until_a_language_is_chosen(app):
    user = make_user(Role.STAFF)
    assert user.language is None
    client = sign_in(app.test_client(), user)
    assert '<html lang="nl">' in client.get("/", headers=DUTCH).get_data(as_text=True)
    assert '<html lang="en">' in client.get("/", headers=ENGLISH).get_data(as_text=True)

    page = client.get("/preferences", headers=DUTCH).get_data(as_text=True)
    assert '<option selected value="auto">De taal van de browser</option>' in page
    client.submit("/preferences", {"language": "en"}, headers=DUTCH)
    assert '<html lang="en">' in client.get("/", headers=DUTCH).get_data(as_text=True)

    client.submit("/preferences", {"language": "auto"})
    assert db.session.get(User, user.id).language is None
    assert '<html lang="nl">' in client.get("/", headers=DUTCH).get_data(as_text=True)


def test_an_account_an_admin_creates_follows_the_browser(admin_client):
    page = admin_client.get("/users/new").get_data(as_text=True)
    assert '<option selected value="auto">' in page
    response = admin_client.submit(
        "/users/new",
        {
            "email": "new@example.edu",
            "full_name": "Nina New",
            "role": "staff",
            "language": "auto",
            "active": "y",
            "password": "a long enough password for nina",
            "confirm": "a long enough password for nina",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    assert db.session.query(User).filter_by(email="new@example.edu").one().language is None


def test_the_sign_in_notice_is_in_the_browsers_language(client):
    response = client.get("/mobilities/", headers=DUTCH, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Log in om deze pagina te zien." in page
    assert "Please log in" not in page


@pytest.mark.parametrize(
    "language, shown",
    [(Language.EN, "15 Jan 2026, 13:00"), (Language.NL, "15 jan 2026 13:00")],
)
def test_times_have_no_seconds_and_a_24_hour_clock(app, language, shown):
    owner = make_user(Role.STAFF, language=language)
    project = complete_project(owner, title="Winter project")
    entry = log_history(project, owner, HistoryKind.EDITED, comment="Noon in London")
    entry.created_at = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
    db.session.commit()
    page = sign_in(app.test_client(), owner).get(f"/projects/{project.id}").get_data(as_text=True)
    assert shown in page  # Amsterdam: UTC+1
    assert "\u202fPM" not in page and "13:00:00<" not in page


@pytest.mark.parametrize(
    "language, shown", [(Language.EN, "16 Jun 2027"), (Language.NL, "16 jun 2027")]
)
def test_dates_put_the_day_first(app, language, shown):
    from tracker.erasmus.actions import Action

    owner = make_user(Role.STAFF, language=language)
    project = make_project(owner, action=Action.KA131_HED, call_year=2026)
    mobility = make_mobility(
        owner, project, make_organisation(), start_date=date(2027, 6, 16), end_date=date(2027, 7, 1)
    )
    page = sign_in(app.test_client(), owner).get(f"/mobilities/{mobility.id}")
    assert shown in page.get_data(as_text=True)
    assert "Jun 16, 2027" not in page.get_data(as_text=True)


@pytest.mark.parametrize(
    "english, dutch",
    [
        ("KA171-HED International Credit Mobility", "KA171-HED internationale creditmobiliteit"),
        ("Learning agreement", "Leerovereenkomst (learning agreement)"),
        ("Mobility agreement", "Mobiliteitsovereenkomst (mobility agreement)"),
        ("Distance band", "Afstandscategorie"),
    ],
)
def test_the_dutch_leftovers_are_translated(app, english, dutch):
    from flask_babel import force_locale, gettext

    with app.test_request_context(), force_locale("nl"):
        assert gettext(english) == dutch
