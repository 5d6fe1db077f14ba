"""tracker: the international office's Erasmus+ work in one application."""

import os

from flask import Flask
from flask_babel import lazy_gettext as _l
from werkzeug.middleware.proxy_fix import ProxyFix

from config import CONFIGS, WEAK_SECRET_KEYS


def create_app(config_name=None, **overrides):
    """Build the application: settings, extensions, blueprints, error pages, commands."""
    app = Flask(__name__, instance_relative_config=True)
    config_name = config_name or os.environ.get("TRACKER_ENV", "development")
    app.config.from_object(CONFIGS[config_name])
    app.config["TRACKER_ENV"] = config_name
    app.config.update(overrides)
    configure_paths(app)
    refuse_weak_secret_in_production(app, config_name)
    trust_reverse_proxies(app)

    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_security_headers(app)
    register_template_helpers(app)
    register_commands(app)
    register_sql_timing(app)
    return app


def configure_paths(app):
    """Without DATABASE_URL, an SQLite file in the instance folder: nothing to install.

    Uploads go to the instance folder too, unless UPLOAD_FOLDER says otherwise.
    """
    os.makedirs(app.instance_path, exist_ok=True)
    if not app.config.get("UPLOAD_FOLDER"):
        app.config["UPLOAD_FOLDER"] = os.path.join(app.instance_path, "uploads")
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        path = os.path.join(app.instance_path, "tracker.sqlite")
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{path}"
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {}


def refuse_weak_secret_in_production(app, config_name):
    if config_name == "production" and app.config["SECRET_KEY"] in WEAK_SECRET_KEYS:
        raise RuntimeError("Set SECRET_KEY to a long random value before running in production.")
    if config_name == "production" and len(app.config["SECRET_KEY"]) < 32:
        raise RuntimeError("SECRET_KEY must be at least 32 characters in production.")


def trust_reverse_proxies(app):
    """Behind TRUSTED_PROXIES reverse proxies, the client's address, scheme and host are
    the ones they forward; without this every user would share the proxy's address."""
    hops = app.config["TRUSTED_PROXIES"]
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)


def register_extensions(app):
    from tracker import models  # noqa: F401  (every model known before the mappers configure)
    from tracker.auth.sessions import load_user
    from tracker.data_version import watch
    from tracker.extensions import babel, csrf, db, limiter, login_manager, migrate
    from tracker.i18n import select_locale, select_timezone
    from tracker.notifications.mail import register_mail_hooks
    from tracker.search_fold import register_sqlite_fold
    from tracker.sqlite_pragmas import enable_sqlite_foreign_keys

    db.init_app(app)
    register_mail_hooks(db.session)
    with app.app_context():
        enable_sqlite_foreign_keys(db.engine)
        register_sqlite_fold(db.engine)
        watch(db.engine)
    migrate.init_app(
        app, db, directory=os.path.join(app.root_path, "..", "migrations"), render_as_batch=True
    )
    csrf.init_app(app)
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.user_loader(load_user)
    login_manager.login_view = "auth.login"
    login_manager.login_message_category = "info"
    # Flask-Login flashes its notice as given; a lazy string, made text (translated in
    # the page's language) when flashed, so the Dutch sign-in page says it in Dutch.
    login_manager.login_message = _l("Please sign in to see this page.")
    login_manager.localize_callback = str


def register_blueprints(app):
    from tracker.column_types import DatabaseIdConverter

    app.url_map.converters["int"] = DatabaseIdConverter
    from tracker.auth.views import bp as auth_bp
    from tracker.deadlines.views import bp as deadlines_bp
    from tracker.documents.views import bp as documents_bp
    from tracker.list_settings.views import bp as list_settings_bp
    from tracker.mobilities.views import bp as mobilities_bp
    from tracker.notifications.views import bp as notifications_bp
    from tracker.organisations.views import bp as organisations_bp
    from tracker.projects.views import bp as projects_bp
    from tracker.records.audit import bp as audit_bp
    from tracker.reports.views import bp as reports_bp
    from tracker.site.health import bp as health_bp
    from tracker.site.views import bp as main_bp
    from tracker.unit_costs.views import bp as unit_costs_bp
    from tracker.users.views import bp as users_bp
    from tracker.workflow.views import bp as workflow_bp

    for blueprint in (
        main_bp,
        health_bp,
        auth_bp,
        users_bp,
        organisations_bp,
        projects_bp,
        mobilities_bp,
        unit_costs_bp,
        reports_bp,
        deadlines_bp,
        workflow_bp,
        documents_bp,
        audit_bp,
        notifications_bp,
        list_settings_bp,
    ):
        app.register_blueprint(blueprint)


def register_errorhandlers(app):
    from tracker.site.errors import register

    register(app)


def register_security_headers(app):
    from tracker.security_headers import register

    register(app)


def register_sql_timing(app):
    from tracker.sql_timing import register_sql_timing as register

    register(app)


def register_template_helpers(app):
    from tracker.site.template_helpers import register

    register(app)


def register_commands(app):
    from tracker.auth.commands import users_cli
    from tracker.backups.commands import backup, restore
    from tracker.bench.commands import bench_data
    from tracker.demo.commands import demo_data
    from tracker.unit_costs.commands import unit_costs_cli

    app.cli.add_command(users_cli)
    app.cli.add_command(demo_data)
    app.cli.add_command(bench_data)
    app.cli.add_command(backup)
    app.cli.add_command(restore)
    app.cli.add_command(unit_costs_cli)
