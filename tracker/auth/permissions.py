"""Who may do what: every access question is answered here, on the server.

Views, templates and tests ask `can()`; lists, exports and dashboards filter
through `visible()`, so no page can show what another would hide.
"""

from functools import wraps

from flask import abort
from flask_login import current_user, login_required

from tracker.enums import Role


def role_required(role):
    """Decorator: the signed-in user must hold `role` or a higher one (else 403)."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not current_user.has_role(role):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def permission_required(action):
    """Decorator: the signed-in user must be allowed `action` by `can()` (else 403)."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not can(current_user, action):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def is_office(user):
    """Coordinators and admins act on every record."""
    return user.is_authenticated and user.has_role(Role.COORDINATOR)


# Actions that concern no single record, and the least role that may take them.
ROLE_FOR_ACTION = {
    "review": Role.COORDINATOR,
    "manage_organisations": Role.COORDINATOR,
    "manage_deadlines": Role.COORDINATOR,
    "manage_unit_costs": Role.COORDINATOR,
    "manage_users": Role.ADMIN,
}


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
        return user.has_role(ROLE_FOR_ACTION[action])
    if record is None:
        return False
    owns = record.owner_id == user.id
    if action == "view":
        return owns or is_office(user) or funds_it(user, record)
    if action == "comment":
        return owns or is_office(user)
    if action == "edit":
        if record.status.is_final:
            return False
        return is_office(user) or (owns and record.status.owner_may_edit)
    if action == "upload":
        return is_office(user) or (owns and not record.status.is_final)
    if action == "delete_document":
        return is_office(user) or (owns and record.status.owner_may_edit)
    if action == "recalculate_grant":
        return is_office(user) and record.__tablename__ == "mobilities"
    return False


def visible(user, model, query):
    """Restrict a select of projects or mobilities to the ones `user` may see."""
    if is_office(user):
        return query
    return query.where(model.owner_id == user.id)


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
