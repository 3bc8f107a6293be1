# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM ?= /usr/bin/chromium
PYTEST_ARGS ?=
# pytest-xdist workers, each with its own test database (PostgreSQL: test_<name>_gw0, …) and
# live server; `auto` is one per CPU. PYTEST_WORKERS=0 runs the suite in this one process.
PYTEST_WORKERS ?= auto
# The Nu HTML Checker (the W3C validator), for the tests that validate the public pages.
VNU_VERSION := 26.9.27
VNU_JAR := $(VENV)/vnu/node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: run test lint check messages makemessages bench clean

# A second run reuses the virtualenv: it is rebuilt only when pyproject.toml changes.
$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

messages: $(BIN)/.installed
	@command -v msgfmt >/dev/null || { echo "msgfmt missing: install gettext (apt-get install gettext)"; exit 1; }
	$(BIN)/python manage.py compilemessages --ignore=.venv -v0

run: $(BIN)/.installed messages
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py demo --port $(PORT)
	@echo ""
	@echo "Serving on http://localhost:$(PORT)/ (Ctrl+C to stop)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: $(BIN)/.installed messages
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

$(VNU_JAR):
	@command -v npm >/dev/null || { echo "npm missing: the HTML validator comes from the npm registry (apt-get install npm)"; exit 1; }
	npm install --prefix $(VENV)/vnu --no-audit --no-fund --loglevel=error vnu-jar@$(VNU_VERSION)

# `--dist load` hands each worker its tests in collection order, so browser tests stay last
# in every worker (see tests/browser/conftest.py). The 25 slowest tests are listed at the end.
test: lint check $(VNU_JAR)
	@test -x $(CHROMIUM) || { echo "$(CHROMIUM) missing: the browser tests need Debian's chromium (apt-get install chromium)"; exit 1; }
	@command -v java >/dev/null || { echo "java missing: the HTML validator runs on Java (apt-get install default-jre-headless)"; exit 1; }
	CHROMIUM=$(CHROMIUM) VNU_JAR=$(VNU_JAR) $(BIN)/pytest -n $(PYTEST_WORKERS) --dist load --durations=25 $(PYTEST_ARGS)

# Measurements (timings, query counts) printed for the notes; never asserted as times.
bench: $(BIN)/.installed messages
	$(BIN)/pytest -m bench -q -p no:cacheprovider tests/benchmarks

makemessages: $(BIN)/.installed
	$(BIN)/python manage.py makemessages -l pl -l uk -l en --ignore=.venv --ignore=staticfiles --ignore=tests --no-obsolete

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
