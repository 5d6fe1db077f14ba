"""`flask unit-costs recalculate`: bring the stored grants in line with the unit costs.

A database update (`flask db upgrade`) may correct shipped figures; run this after it so
that the open mobilities of every call year carry the grant those figures give. Each
changed grant gets an entry in its mobility's history; completed ones keep theirs.
"""

import click
from flask.cli import AppGroup
from flask_babel import force_locale
from flask_babel import gettext as _

from tracker.extensions import db
from tracker.mobilities.recalculation import funding_call_years, recalculate_call_year

unit_costs_cli = AppGroup("unit-costs", help="Unit costs per call year.")


@unit_costs_cli.command("recalculate")
@click.option("--call-year", type=int, help="Only this call year (default: every one).")
def recalculate(call_year):
    """Recalculate the grants of the open mobilities from the stored unit costs."""
    years = [call_year] if call_year else funding_call_years()
    with force_locale("en"):
        comment = _("Recalculated from the call year's unit costs after a tracker update.")
        try:
            changed = {year: recalculate_call_year(year, None, comment) for year in years}
            db.session.commit()
        except Exception:
            db.session.rollback()
            raise
    for year, count in changed.items():
        click.echo(f"Call year {year}: {count} grants recalculated.")
