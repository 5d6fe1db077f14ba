"""Who may do what: every access question is answered here, on the server.

Routes declare their action with `permission_required()`; views, templates and
operations ask `can()`; lists, exports, homes and reports filter through
`visible()`; the navigation and the notification recipients come from the same
table, so no page can show, offer or tell what another would refuse.
"""

from functools import wraps

from flask import abort
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from tracker.enums import Role

# Actions that concern no single record, and the least role that may take them.
ROLE_FOR_ACTION = {
    # Any signed-in user: their own records, lists, reports, notifications, preferences.
    "use_tracker": Role.STAFF,
    # Coordinators and admins see, edit and assign every project and mobility.
    "act_on_every_record": Role.COORDINATOR,
    "review": Role.COORDINATOR,
    "see_dashboard": Role.COORDINATOR,
    "manage_organisations": Role.COORDINATOR,
    "manage_deadlines": Role.COORDINATOR,
    "manage_unit_costs": Role.COORDINATOR,
    "manage_users": Role.ADMIN,
    "manage_personal_data": Role.ADMIN,
    "read_audit": Role.ADMIN,
}

# (endpoint, label, action): the navigation shows a link to whoever may take its action.
NAVIGATION = [
    ("main.home", _l("Home"), "use_tracker"),
    ("projects.index", _l("Projects"), "use_tracker"),
    ("mobilities.index", _l("Mobilities"), "use_tracker"),
    ("organisations.index", _l("Partner organisations"), "use_tracker"),
    ("reports.index", _l("Reports"), "use_tracker"),
    ("deadlines.index", _l("Deadlines"), "use_tracker"),
    ("workflow.queue", _l("Review queue"), "review"),
    ("unit_costs.index", _l("Unit costs"), "manage_unit_costs"),
    ("users.index", _l("Users"), "manage_users"),
    ("audit.index", _l("Audit"), "read_audit"),
]


def permission_required(action):
    """Decorator: the signed-in user must be allowed `action` by `can()` (else 403).

    The action is kept on the view (`required_permission`) so a test can check
    that every route declares one. A route on one record declares "use_tracker"
    and asks `can()` the record action once it has loaded the record.
    """

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not can(current_user, action):
                abort(403)
            return view(*args, **kwargs)

        wrapped.required_permission = action
        return wrapped

    return decorator


def can(user, action, record=None):
    """May `user` take `action` (on `record`)?

    Record actions on a project or a mobility: "view", "edit", "comment",
    "upload" (a document), "delete_document"; on a mobility also
    "recalculate_grant" (from the current unit costs, whatever its status).
    Other actions: the keys of ROLE_FOR_ACTION.
    """
    if not user.is_authenticated or not user.is_active:
        return False
    if action in ROLE_FOR_ACTION:
        return user.role.at_least(ROLE_FOR_ACTION[action])
    if record is None:
        return False
    office = can(user, "act_on_every_record")
    owns = record.owner_id == user.id
    if action == "view":
        return owns or office or funds_it(user, record)
    if action == "comment":
        return owns or office
    if action == "edit":
        if record.status.is_final:
            return False
        return office or (owns and record.status.owner_may_edit)
    if action == "upload":
        return office or (owns and not record.status.is_final)
    if action == "delete_document":
        return office or (owns and record.status.owner_may_edit)
    if action == "recalculate_grant":
        return office and record.__tablename__ == "mobilities"
    return False


def roles_allowed(action):
    """The roles that may take `action`: for queries over users (e.g. whom to notify)."""
    return [role for role in Role if role.at_least(ROLE_FOR_ACTION[action])]


def navigation_for(user):
    """The navigation links `user` may follow, as (endpoint, label)."""
    return [(endpoint, label) for endpoint, label, action in NAVIGATION if can(user, action)]


def visibility(user, model):
    """The conditions on projects or mobilities (`model`) that keep the ones `user` may see:
    none for the office, "their own" for everyone else."""
    if can(user, "act_on_every_record"):
        return []
    return [model.owner_id == user.id]


def visibility_key(user):
    """What `visibility(user, ...)` depends on, to keep figures by: None for the office (every
    record), else the user's id (their own records). Viewers with one key see the same."""
    if user is None or can(user, "act_on_every_record"):
        return None
    return user.id


def visible(user, model, query):
    """Restrict a select of projects or mobilities to the ones `user` may see."""
    return query.where(*visibility(user, model))


def funds_it(user, record):
    """Is `record` a mobility funded by a project `user` owns? The project's owner answers
    for its budget, so they see (not change) every mobility it funds, a colleague's too."""
    project = getattr(record, "project", None)
    return project is not None and project.owner_id == user.id


def visible_in_project(user, project, model, query):
    """As `visible`, for a select of one project's mobilities: its owner sees them all."""
    if project.owner_id == user.id:
        return query
    return visible(user, model, query)
