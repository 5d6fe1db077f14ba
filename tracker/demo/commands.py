"""`flask demo-data`: load the demo data set (placeholder until the loader lands)."""

import click


@click.command("demo-data")
def demo_data():
    """Load the demo data set and the demo accounts (safe to run twice)."""
    raise click.ClickException("not yet")
