"""Every form of tracker, fuzzed: generated values for each of its fields (text with control
characters and characters of every Unicode plane, huge and negative numbers, impossible dates,
missing fields), posted as each role. Never a server error, and nothing half-written.

The forms are found, not listed: every subclass of tracker's Form base class, and the route
that uses it is learnt by visiting every route once. A form added later is fuzzed without
touching this test; one that no route builds fails it.

Settings profiles, examples per form and database: "ci" (the default: 8, reproducible, a
bounded share of the suite's time) and "deep" (150); choose with HYPOTHESIS_PROFILE=deep.
"""

import importlib
import io
import os
import pkgutil
from collections import Counter, defaultdict
from datetime import date

import pytest
import sqlalchemy as sa
from flask import request
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tracker
from tests.auth.test_authorisation_matrix import ADMIN, COORDINATOR, GET_PAGES, OWNER, world  # noqa: F401
from tests.conftest import sign_in
from tests.factories import make_organisation, make_project
from tests.test_bad_input import url_for_rule
from tracker.erasmus.actions import Action
from tracker.extensions import db
from tracker.form_base import Form
from tracker.listing import FilterForm
from tracker.mobilities.models import Mobility
from tracker.projects.models import Project, ProjectPartner
from tracker.workflow.models import HistoryEntry, HistoryKind
from tracker.workflow.states import Status

settings.register_profile(
    "ci",
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "deep",
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
ROLES = (OWNER, COORDINATOR, ADMIN)
BASES = {Form, FilterForm}
TRIED = defaultdict(Counter)
"""Examples tried per database and form, printed at the end of the fuzz test."""


def form_classes():
    for module in pkgutil.walk_packages(tracker.__path__, "tracker."):
        importlib.import_module(module.name)
    found, todo = set(), [Form]
    while todo:
        for subclass in todo.pop().__subclasses__():
            todo.append(subclass)
            if subclass.__module__.startswith("tracker.") and subclass not in BASES:
                found.add(subclass)
    return found


@pytest.fixture
def fuzz_world(world):  # noqa: F811
    """The authorisation matrix's world, plus a KA171 project and a partner on each project,
    so that the partner and planned-mobility forms are reached too."""
    people, ids = world
    indonesian, german = make_organisation(country="ID"), make_organisation()
    ka171 = make_project(
        people[OWNER],
        action=Action.KA171_HED,
        call_year=2022,
        start_date=date(2022, 8, 1),
        end_date=date(2025, 7, 31),
    )
    partner = ProjectPartner(project_id=ka171.id, organisation_id=indonesian.id)
    db.session.add_all(
        [partner, ProjectPartner(project_id=ids["project"], organisation_id=german.id)]
    )
    db.session.commit()
    return people, ids | {"ka171": ka171.id, "ka171_partner": partner.id}


def url_for(rule, ids):
    if "bip" in rule.endpoint:
        return url_for_rule(rule, ids | {"project": ids["ka131"]})
    if "planned" in rule.endpoint:
        ids = ids | {"project": ids["ka171"]}
        path = url_for_rule(rule, ids)
        return path.replace("/partners/1/", f"/partners/{ids['ka171_partner']}/")
    if rule.endpoint == "projects.remove_partner_view":
        partner = db.session.scalar(
            sa.select(ProjectPartner.id).where(ProjectPartner.project_id == ids["project"])
        )
        return url_for_rule(rule, ids).replace("/partners/1/", f"/partners/{partner}/")
    return url_for_rule(rule, ids)


def learn_routes(app, people, ids):
    """{form class: {(method, url, field descriptions)}}: which route builds which form."""
    seen = defaultdict(dict)
    original = Form.__init__

    def recording(self, *args, **kwargs):
        original(self, *args, **kwargs)
        fields = tuple(
            (field.name, type(field).__name__, tuple(_choice_values(field))) for field in self
        )
        seen[type(self)][(request.method, request.path)] = fields

    Form.__init__ = recording
    try:
        stranger = app.test_client()
        stranger.submit("/login", {})
        for person in (OWNER, ADMIN):
            client = sign_in(app.test_client(), people[person])
            for path, _expected in GET_PAGES.values():
                client.get(path.format(**ids))
            for rule in app.url_map.iter_rules():
                if "POST" in rule.methods and rule.endpoint != "auth.logout":
                    client.submit(url_for(rule, ids), {})
    finally:
        Form.__init__ = original
    return seen


def _choice_values(field):
    choices = getattr(field, "choices", None)
    if not choices or callable(choices):
        return []
    values = []
    for choice in choices:
        value = choice[0] if isinstance(choice, tuple | list) else getattr(choice, "value", None)
        values.append(str(value))
    return values[:30]


TEXT = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=40),
    st.text(st.characters(min_codepoint=0, max_codepoint=0x3F), max_size=10),
    st.sampled_from(["\r\n", "\u202e", "\x00", "x" * 20_000, "%", "_", "'; --", "=1+1"]),
)
NUMBER = st.one_of(st.integers(-(2**70), 2**70).map(str), st.sampled_from(["1e309", "NaN", "-0"]))
DATE = st.one_of(
    st.dates(date(1, 1, 1), date(9999, 12, 31)).map(date.isoformat),
    st.sampled_from(["2024-02-30", "0000-01-01", "10000-01-01", "2024-13-01"]),
)


def value_strategy(kind, choices):
    if kind in ("BooleanField",):
        return st.sampled_from(["y", "", "false"])
    if kind in ("IntegerField",):
        return st.one_of(NUMBER, TEXT)
    if kind in ("DecimalField",):
        return st.one_of(st.decimals(allow_nan=True).map(str), NUMBER, TEXT)
    if kind in ("DateField",):
        return st.one_of(DATE, TEXT)
    if kind in ("SelectField", "SelectMultipleField", "MultiCheckboxField", "CheckboxList"):
        known = [st.sampled_from(choices)] if choices else []
        return st.one_of(*known, NUMBER, TEXT)
    if kind == "FileField":
        return st.binary(max_size=64).map(lambda content: (io.BytesIO(content), "file.pdf"))
    if kind == "SubmitField":
        return st.sampled_from(["", "Calculate grant"])
    return TEXT


def form_data(fields):
    optional = {
        name: value_strategy(kind, list(choices))
        for name, kind, choices in fields
        if kind not in ("CSRFTokenField",)
    }
    return st.fixed_dictionaries({}, optional=optional)


def half_written(known):
    """Projects and mobilities made by a form without their creation in the history: a change
    that landed without its record of it. `known`: the ids the fixtures made directly."""
    problems = []
    for model, link in ((Project, HistoryEntry.project_id), (Mobility, HistoryEntry.mobility_id)):
        created = sa.select(link).where(HistoryEntry.kind == HistoryKind.CREATED)
        query = sa.select(model.id).where(model.id.not_in(created), model.id.not_in(known[model]))
        problems += db.session.scalars(query).all()
    return problems


def test_no_form_answers_generated_input_with_a_server_error(app, backend, fuzz_world):
    people, ids = fuzz_world
    db.session.execute(sa.update(Project).values(status=Status.DRAFT))
    db.session.commit()
    known = {model: list(db.session.scalars(sa.select(model.id))) for model in (Project, Mobility)}
    seen = learn_routes(app, people, ids)
    assert form_classes() - set(seen) == set(), "a form that no route builds cannot be fuzzed"
    routes = {
        form_class.__name__: sorted(
            (method, path, fields) for (method, path), fields in found.items()
        )
        for form_class, found in seen.items()
    }
    clients = {person: sign_in(app.test_client(), people[person]) for person in ROLES}

    @settings(settings.get_profile(PROFILE))
    @given(data=st.data())
    def post_generated_values(name, data):
        method, path, fields = data.draw(st.sampled_from(routes[name]), label="route")
        client = clients[data.draw(st.sampled_from(ROLES), label="role")]
        values = data.draw(form_data(fields), label="values")
        TRIED[backend][name] += 1
        if method == "GET":
            response = client.get(path, query_string=_texts(values))
        else:
            response = client.submit(path, values)
        assert response.status_code < 500, (name, path, values)
        db.session.rollback()
        assert half_written(known) == []

    for name in sorted(routes):
        post_generated_values(name)
    print(f"\n{backend}, profile {PROFILE}: {sum(TRIED[backend].values())} examples")
    for name, count in sorted(TRIED[backend].items()):
        fields = sorted({field for route in routes[name] for field, _kind, _choices in route[2]})
        print(f"  {name}: {count} examples; fields {', '.join(fields)}")


def _texts(values):
    return {name: value for name, value in values.items() if isinstance(value, str)}
