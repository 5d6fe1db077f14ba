"""Every route declares the action it needs, so no page relies on a check buried in a view."""

from tracker.auth.permissions import ROLE_FOR_ACTION

PUBLIC = {
    "static": "the stylesheets and scripts",
    "auth.login": "signing in",
    "health.healthz": "the load balancer's health check",
    "main.favicon": "the icon browsers ask for on every site",
}
"""Endpoints anyone may reach, signed in or not, and why."""


def test_every_route_declares_a_named_permission(app):
    undeclared = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in PUBLIC:
            continue
        action = getattr(app.view_functions[rule.endpoint], "required_permission", None)
        if action not in ROLE_FOR_ACTION:
            undeclared.append(f"{rule.endpoint} ({rule.rule}): {action!r}")
    assert undeclared == []


def test_the_public_endpoints_exist(app):
    assert PUBLIC.keys() <= {rule.endpoint for rule in app.url_map.iter_rules()}
