"""What each kind of project records beyond the common fields: rules as data.

KA2 projects have a consortium: our role (coordinator or partner) and a role
per partner. KA171 projects give each partner a budget and planned
mobilities. Forms, templates and the small projects.js all read these sets.
"""

from tracker.erasmus.actions import Action
from tracker.projects.models import OurRole, PartnerRole

CONSORTIUM_ACTIONS = frozenset(action for action in Action if action.has_consortium)


def has_consortium(action):
    return action in CONSORTIUM_ACTIONS


def has_partner_budgets(action):
    """KA171: a budget and planned mobilities per partner."""
    return action is not None and action.has_partner_budgets


def our_role_for(action, chosen):
    """Outside a consortium the university holds the grant itself: it is the coordinator."""
    return OurRole(chosen) if has_consortium(action) and chosen else OurRole.COORDINATOR


def partner_role_for(action, chosen):
    """Outside a consortium a partner is simply a partner."""
    return PartnerRole(chosen) if has_consortium(action) and chosen else PartnerRole.PARTNER
