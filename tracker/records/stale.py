"""A save from an outdated form: the version check, and the one way it is refused.

Every editable record has a version column (`version_id_col`) and its form carries the
version it showed. A save from an older version is refused with 409: the form comes back
with what the person typed, under the record as saved meanwhile
(templates/records/_stale.html), and now carries the saved version, so saving again
deliberately overwrites what the other person saved.
"""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy.orm.exc import StaleDataError

from tracker.extensions import db


class StaleRecord(Exception):
    """The form was opened on an older version: someone saved in between."""

    def __init__(self, record):
        super().__init__(f"{type(record).__name__} {record.id} changed meanwhile")
        self.record = record


def check_version(record, submitted_version):
    """Refuse a save made from a form that shows an older version of `record`."""
    try:
        submitted = int(submitted_version)
    except (TypeError, ValueError):
        submitted = None
    if submitted != record.version:
        raise StaleRecord(record)


def stale_message():
    return _(
        "Someone else saved this record while you were editing it. Their changes are kept "
        "and shown below; your entries are still in the form. Check them and save again."
    )


def commit_unless_stale(record, submitted_version, save):
    """Run `save()` and commit, unless `record` changed since its form was opened: then roll
    back and return False. The check catches a form opened on an older version; the
    version column in the UPDATE catches a save racing this one (StaleDataError)."""
    try:
        check_version(record, submitted_version)
        save()
        db.session.commit()
    except (StaleRecord, StaleDataError):
        db.session.rollback()
        return False
    return True


@dataclass(frozen=True)
class SavedMeanwhile:
    """What a refused page shows above the form: the record's values as saved now."""

    values: list
    """(label, readable value) of each field the form edits."""
    url: str | None = None
    """The record's own page, where everything saved can be seen."""

    @property
    def message(self):
        return stale_message()


def refuse_stale(form, current, saved, labels, url=None):
    """After `commit_unless_stale` refused: the form keeps what was typed and takes the
    version saved meanwhile (`current`, the record reloaded); returns what to show of it.

    `saved`: a `snapshot()` of `current` (its readable values, as history shows them);
    `labels`: {field: its label on the form}."""
    form.version.data = current.version
    return SavedMeanwhile([(labels.get(name, name), value) for name, value in saved.items()], url)
