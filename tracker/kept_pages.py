"""Whole pages kept per process until the data changes.

A list or dashboard that a person reloads, pages back to, or that several people open
is the same HTML for as long as nothing is written. Such a page is kept under the data
version (data_version.py) and everything else it is made of: the person (what they may
see, their settings, their role), the language, the address with its query, and the
office's date. Any committed write, on any worker, moves the version on, so a kept page
is never served once its data changed; serving a kept page costs two statements (the
person, the version) and no rendering.

Rendered afresh, never kept:
- a request with `Cache-Control: no-cache`: a browser's hard reload, and `make bench`'s
  per-page timings, which measure what rendering a page costs;
- a session that holds anything beyond who is signed in and their CSRF token (a flashed
  message, a refused form): what it holds is shown once;
- a page during whose rendering the session changed (a one-time value was consumed);
- anything but a page of HTML text (a redirect, an error).

The CSRF token in a page's forms belongs to the session, not to the key: a kept page is
served with the token it was written with replaced by the current session's.
"""

from functools import wraps

from flask import current_app, g, request, session
from flask_babel import get_locale
from flask_login import current_user
from flask_wtf.csrf import generate_csrf

from tracker import data_version
from tracker.extensions import db
from tracker.i18n import office_today
from tracker.kept import Kept

SIZE = 64
"""Pages kept per process: at most 200 KB each, so about 13 MB at worst."""
STEADY_SESSION = frozenset({"_user_id", "_fresh", "_id", "csrf_token", "_permanent"})
"""What a signed-in session holds on every request (Flask-Login's and Flask-WTF's keys)."""


def kept_until_data_changes(view):
    """Serve the page `view` renders from the process's kept pages while the data is unchanged.

    Put it under the route's permission check, on a view that only reads.
    """

    @wraps(view)
    def kept_view(*args, **kwargs):
        key = _page_key()
        if key is None:
            return view(*args, **kwargs)
        pages = current_app.extensions.setdefault("kept_pages", Kept(SIZE))
        found = pages.get(key)
        if found is not Kept.MISSING:
            html, token = found
            return html.replace(token, generate_csrf()) if token else html
        page = view(*args, **kwargs)
        if isinstance(page, str) and not session.modified:
            pages.put(key, (page, g.get(current_app.config["WTF_CSRF_FIELD_NAME"])))
        return page

    return kept_view


def _page_key():
    """What the page is made of, or None where it must be rendered afresh."""
    if request.cache_control.no_cache or not STEADY_SESSION.issuperset(session.keys()):
        return None
    version = data_version.current(db.session)
    if version is None:
        return None
    return (version, current_user.get_id(), str(get_locale()), request.full_path, office_today())
