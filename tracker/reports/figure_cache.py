"""The dashboard's figures, kept per process until the data changes.

A figure is kept under the data version it was computed at (tracker/data_version.py),
its name and its arguments (the scope, with the viewer whose visibility it counts): a
page reads the version with one statement, and a kept figure costs no other. Any
committed write, on any worker, moves the version on, so a kept figure is never
served once its data changed. Only rows of plain values are kept (numbers, enum members,
names), never ORM objects of a closed session, nor text in a language; what depends on
today's date carries the date in its arguments.
"""

from flask import current_app

from tracker import data_version
from tracker.extensions import db
from tracker.kept import Kept

SIZE = 512
"""Figures kept per process: a few dozen per scope (call year, faculty, viewer)."""


class Figures:
    """The figures of one page: the data version is read once, when the page starts."""

    def __init__(self):
        self.version = data_version.current(db.session)
        self.kept = current_app.extensions.setdefault("figure_cache", Kept(SIZE))

    def get(self, compute, *args):
        """`compute(*args)`, kept under the version, the function's name and `args`."""
        if self.version is None:
            return compute(*args)
        key = (self.version, compute.__module__, compute.__qualname__, *map(_key, args))
        found = self.kept.get(key)
        if found is Kept.MISSING:
            found = compute(*args)
            self.kept.put(key, found)
        return found


def _key(arg):
    """A scope by what it counts (its `cache_key`), never by the user object it holds."""
    cache_key = getattr(arg, "cache_key", None)
    return cache_key() if cache_key else arg
