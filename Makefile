# The two commands a new user needs (see README.md):
#   make serve   build the whole site from data/ and serve it at http://127.0.0.1:8000/
#   make test    run every test (what CI runs)
# While editing: make test-fast (everything but the browser tests, in well under two minutes).
# Everything is installed into .venv/ on first use; system packages with apt when root.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.installed
DEV    := $(VENV)/.dev-installed
NODE   := node_modules/.package-lock.json
PORT   ?= 8000
# pytest-xdist workers for make test: one per core
JOBS   ?= auto

.PHONY: all site serve test test-fast check bench clean
.DEFAULT_GOAL := site

all: site

$(READY): requirements.txt tests/setup-system.sh
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))"; exit 1; }
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && apt-get install -y -qq python3-venv && rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); \
	  else echo "python3 -m venv failed: install python3-venv (sudo apt-get install python3-venv)"; exit 1; fi; }
	bash tests/setup-system.sh build
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $(READY)

$(DEV): $(READY) requirements-dev.txt tests/setup-system.sh
	bash tests/setup-system.sh
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $(DEV)

$(NODE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

site: $(READY)       ## validate data/, generate docs/, build site/
	$(BIN)/python -m generator build

serve: $(READY)      ## build, then serve site/ on 127.0.0.1:$(PORT)
	$(BIN)/python -m generator serve --port $(PORT)

check: $(READY)      ## validate data/ only
	$(BIN)/python -m generator check

test: $(DEV) $(NODE) ## all tests: data, generator, built site, browser (axe), HTML validity; on every core
	$(BIN)/python -m pytest -q -n $(JOBS)

test-fast: $(DEV) $(NODE) ## every test that does not start a browser: the one to run while editing
	$(BIN)/python -m pytest -q -n $(JOBS) -m "not browser"

bench: $(DEV) $(NODE) ## benchmark: build steps, scaling, page weight, preview, Lighthouse → bench/results.md
	$(BIN)/python bench/run.py

clean:               ## remove everything generated (not the virtual environment)
	rm -rf site site.new site.old docs docs.new docs.old .staging-* .build.lock .build.pid .pytest_cache artifacts
