# Two commands do everything: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export FLASK_APP := wsgi

.PHONY: run test lint audit format translations install install-dev serve clean bench

run: install
	$(BIN)/flask db upgrade
	$(BIN)/flask unit-costs recalculate
	$(BIN)/flask demo-data --first-run
	$(BIN)/flask run --host 127.0.0.1 --port 5000

# The suite runs on all cores (pytest-xdist); TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= auto

test: install-dev
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The main pages over HTTP against gunicorn on 100,000 mobilities (bench/run.py); appends
# to bench/RESULTS.md. BENCH_DATABASE_URL=postgresql+psycopg://... measures PostgreSQL
# (an empty database); BENCH_ARGS="--mobilities 20000" for a smaller set. Not in `make test`.
bench: install-dev
	command -v wrk >/dev/null || apt-get install -y wrk
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# Known vulnerabilities in the pinned dependencies, and bandit on tracker/ (scripts/audit.py).
audit: install-dev
	$(BIN)/python scripts/audit.py

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed compiled-translations
install-dev: $(VENV)/.installed-dev compiled-translations

# The compiled catalogues (.mo) are built from the committed .po files.
compiled-translations: $(VENV)/.installed
	$(BIN)/pybabel compile --statistics -d tracker/translations

.PHONY: compiled-translations

# After adding or changing strings: extract them, update the Dutch catalogue,
# translate what is new in tracker/translations/nl/LC_MESSAGES/messages.po.
translations: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -o tracker/translations/messages.pot --no-location --sort-output .
	$(BIN)/pybabel update -i tracker/translations/messages.pot -d tracker/translations --no-fuzzy-matching --ignore-obsolete
	$(BIN)/pybabel compile -d tracker/translations

clean:
	rm -rf $(VENV)
