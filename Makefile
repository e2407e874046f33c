# Bündnisportal: `make run` starts the portal, `make test` runs every test.
VENV := .venv
PY := $(VENV)/bin/python
# The Python of .venv: the system's /usr/bin/python3 where it is 3.11 or newer and can make
# a venv (Debian and Ubuntu build it with profile-guided and link-time optimisation), else
# the first python3 on PATH. pyenv builds without both by default; on one, the suite ran a
# tenth slower here and the admin's door walk a sixth. `make test PYTHON=python3.13` takes
# another one; .venv is made anew whenever it was made with another interpreter.
ifeq ($(origin PYTHON),undefined)
PYTHON := $(or $(shell for python in /usr/bin/python3 python3; do \
  $$python -c 'import ensurepip, sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
  && { echo $$python; break; }; done),python3)
endif
REAL_INTERPRETER := import os, sys; print(os.path.realpath(getattr(sys, "_base_executable", sys.executable)))
WANTED := $(shell $(PYTHON) -c '$(REAL_INTERPRETER)' 2>/dev/null)
MADE_WITH := $(shell test -x $(PY) && $(PY) -c '$(REAL_INTERPRETER)' 2>/dev/null)
ANOTHER_INTERPRETER := $(and $(MADE_WITH),$(filter-out $(WANTED),$(MADE_WITH)))
REMAKE_VENV = echo "$(VENV) war mit $(MADE_WITH) angelegt, wird neu angelegt mit $(WANTED)"; rm -rf $(VENV)
# `make run DEMO_ALLIANCES=3`: three demo alliances, on 127.0.0.1 and on *.localhost:8000.
DEMO_ALLIANCES ?= 1
CHROMIUM := /usr/lib/chromium/chromium
# The PDFs are set in DejaVu (Debian's fonts-dejavu-core); nothing is fetched while rendering.
DEJAVU := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf

.PHONY: run test test-only lint bench observatory install install-test system-test-deps clean messages FORCE

$(VENV)/.installed: pyproject.toml $(if $(ANOTHER_INTERPRETER),FORCE)
	@$(if $(ANOTHER_INTERPRETER),$(REMAKE_VENV),true)
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed

FORCE:

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo --alliances $(DEMO_ALLIANCES)
	@echo "Hintergrund-Worker (Einladungen, Rundmails) startet mit dem Server."
	@$(PY) manage.py db_worker --queue-name '*' & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(PY) manage.py runserver 127.0.0.1:8000

# Chromium (browser tests), poppler-utils (PDF to PNG), redis-server (the rate limits'
# Redis store, started by the tests themselves) and Java (the Nu HTML Checker) come from Debian.
TEST_PACKAGES := chromium poppler-utils fonts-dejavu-core redis-server default-jre-headless
system-test-deps:
	@if [ ! -x $(CHROMIUM) ] || ! command -v pdftoppm >/dev/null || [ ! -f $(DEJAVU) ] \
	    || ! command -v redis-server >/dev/null || ! command -v java >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(TEST_PACKAGES) >/dev/null; \
	  else \
	    echo "Für die Tests fehlen Pakete. Bitte installieren: sudo apt-get install $(TEST_PACKAGES)"; \
	    echo "The tests need Debian packages. Please install: sudo apt-get install $(TEST_PACKAGES)"; \
	    exit 1; \
	  fi; \
	fi

# Three processes (pytest-xdist) on two cores, each with its own test database
# (test-db.sqlite3_gw0, …): with two, a sixth of the cores' time stayed idle while a
# browser test's process waited for Chromium and Chromium for the page's next frame;
# a third process fills those gaps (373 s with two, 318 s with three, one after the other).
# worksteal: a process that runs out of tests takes some of another's, so long files spread;
# `make test TEST_WORKERS=0` runs in one. Prints how long the whole run took.
# Python keeps the compiled modules (__pycache__, ignored by git) even where the environment
# says PYTHONDONTWRITEBYTECODE: else each process compiles the portal and the tests again,
# about 5 seconds per process.
TEST_WORKERS ?= 3
test: install system-test-deps
	@start=$$(date +%s); \
	  PYTHONDONTWRITEBYTECODE= $(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal $(PYTEST_ARGS); status=$$?; \
	  echo "make test: $$(( $$(date +%s) - start )) s"; exit $$status

# ruff (with complexity over 15 and too many statements), missing migrations, the layers of
# pyproject.toml (import-linter), and sizes: no module over 400 lines, no view over 30;
# last, messages of the code that the catalogues lack (portal/messages_check.py: `make messages`).
lint: install
	$(VENV)/bin/ruff check .
	$(PY) -m portal.sizes
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports
	$(PY) -m portal.messages_check $(MAKEMESSAGES_IGNORE)

# wrk (Debian) drives the load; BENCH_COMPARE=<git ref> measures that version in the same run.
bench: install
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; } \
	  || { echo "wrk fehlt: sudo apt-get install wrk"; exit 1; }
	$(PY) bench/run.py $(if $(BENCH_COMPARE),--compare $(BENCH_COMPARE))

# Mozilla's HTTP Observatory scanner against gunicorn behind nginx (root; bench/README.md).
observatory: install
	$(PY) -m bench.observatory

# The interface's catalogues (buendnis/locale): German is the source, these are translated.
TRANSLATED_LANGUAGES := en tr ar uk
MAKEMESSAGES_IGNORE := --ignore='.venv/*' --ignore='tests/*' --ignore='bench/*' \
  --ignore='staticfiles/*' --ignore='media/*'
messages: install
	$(PY) manage.py makemessages $(addprefix -l ,$(TRANSLATED_LANGUAGES)) $(MAKEMESSAGES_IGNORE) --no-obsolete
	$(PY) manage.py compilemessages $(addprefix -l ,$(TRANSLATED_LANGUAGES)) -l de --ignore=.venv

clean:
	rm -rf $(VENV) staticfiles
