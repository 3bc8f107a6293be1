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
# Lighthouse (npm; version 12 runs on Debian's Node.js 20), for `make bench` only.
LIGHTHOUSE_VERSION := 12.8.2
LIGHTHOUSE := $(VENV)/lighthouse/node_modules/.bin/lighthouse

# Debian packages. `make run` needs gettext (msgfmt compiles the translations); `make test`
# also needs Chromium (browser tests), Java and npm (the HTML validator) and Pango (WeasyPrint
# lays out the PDFs of pages). python3-venv only when $(PYTHON) lacks ensurepip (Debian's own).
RUN_PACKAGES := python3-venv gettext
TEST_PACKAGES := $(RUN_PACKAGES) chromium default-jre-headless npm libpango-1.0-0 libpangoft2-1.0-0
# `make bench` drives the site with wrk, the HTTP load generator.
BENCH_PACKAGES := $(RUN_PACKAGES) wrk

.PHONY: run test lint check messages makemessages bench bench-client clean run-packages test-packages bench-packages

# Those of the packages in $(1) that are missing are installed (as root, with apt-get), or
# the command that installs them is printed and make stops. A package counts as present
# when what we use of it is there, wherever it came from.
define install-missing-packages
	@missing=""; \
	for package in $(1); do \
	  case $$package in \
	    python3-venv) $(PYTHON) -c "import ensurepip" 2>/dev/null ;; \
	    gettext) command -v msgfmt >/dev/null ;; \
	    chromium) test -x "$(CHROMIUM)" ;; \
	    default-jre-headless) command -v java >/dev/null ;; \
	    npm) command -v npm >/dev/null ;; \
	    *) ! command -v dpkg >/dev/null || dpkg -s $$package >/dev/null 2>&1 ;; \
	  esac || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing the missing Debian packages:$$missing"; \
	    apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	  else \
	    echo "Missing Debian packages; install them with:"; \
	    echo "  sudo apt-get install -y --no-install-recommends$$missing"; \
	    exit 1; \
	  fi; \
	fi
endef

run-packages:
	$(call install-missing-packages,$(RUN_PACKAGES))

test-packages:
	$(call install-missing-packages,$(TEST_PACKAGES))

bench-packages:
	$(call install-missing-packages,$(BENCH_PACKAGES))

# A second run reuses the virtualenv: it is rebuilt only when pyproject.toml changes.
$(BIN)/.installed: pyproject.toml | run-packages
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

# The compiled catalogues, remade only when their .po changed (as compilemessages would:
# msgfmt --check-format), so that two `make test` running side by side (.ci/run) never
# rewrite a file the other is reading.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

messages: $(MO_FILES)

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po | run-packages
	msgfmt --check-format -o $@ $<

# The task worker (e-mails, search and reference index updates) runs beside the web server
# and stops with it, however it stops. Without --reload: a reloading worker is a parent and
# a child, and stopping the parent would leave the child running. Restart `make run` after
# changing the code of a task.
# The demo as the product behaves (config.settings.demo): DEBUG off, so a wrong address gets
# the organization's own 404; the sites' links carry $(PORT).
run: export DJANGO_SETTINGS_MODULE = config.settings.demo
run: export PORT := $(PORT)
run: $(BIN)/.installed messages
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py demo --port $(PORT)
	@echo ""
	@echo "Serving on http://localhost:$(PORT)/ with a task worker beside it (Ctrl+C to stop both)"
	@$(BIN)/python manage.py db_worker --no-reload -v0 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

check: $(BIN)/.installed messages
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

$(LIGHTHOUSE): | test-packages
	npm install --prefix $(VENV)/lighthouse --no-audit --no-fund --loglevel=error lighthouse@$(LIGHTHOUSE_VERSION)

$(VNU_JAR): | test-packages
	npm install --prefix $(VENV)/vnu --no-audit --no-fund --loglevel=error vnu-jar@$(VNU_VERSION)

# `--dist loadgroup` hands each worker its tests in collection order, so browser tests stay
# last in every worker (see tests/browser/conftest.py); the tests of a module that builds
# its data once (tests/conftest.py, pytest_itemcollected) go to one worker together, first.
# The 25 slowest tests are listed at the end.
test: test-packages lint check $(VNU_JAR)
	CHROMIUM=$(CHROMIUM) VNU_JAR=$(VNU_JAR) $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup --durations=25 $(PYTEST_ARGS)

# Measurements printed for the notes, never asserted as times. `make bench`: the site on
# gunicorn with PostgreSQL and Redis under wrk, at 100 and 10,000 articles, one table (about
# ten minutes; its knobs are BENCH_* variables, see README, Performance), then Lighthouse's
# scores of the home, article and event pages. `make bench-client`: the older in-process
# timings of pages, the PDF and search through Django's test client.
bench: bench-packages $(BIN)/.installed messages $(LIGHTHOUSE)
	$(BIN)/python -m tests.benchmarks.serve
	CHROMIUM=$(CHROMIUM) LIGHTHOUSE=$(LIGHTHOUSE) $(BIN)/pytest -m bench -q -p no:cacheprovider tests/browser/test_lighthouse.py

bench-client: $(BIN)/.installed messages
	$(BIN)/pytest -m bench -q -p no:cacheprovider tests/benchmarks

makemessages: $(BIN)/.installed | run-packages
	$(BIN)/python manage.py makemessages -l pl -l uk -l en --ignore=.venv --ignore=staticfiles --ignore=tests --no-obsolete

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
