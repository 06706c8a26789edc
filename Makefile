# `make install` installs the product; `make test` installs what the tests need and runs them (CI runs it).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip install --quiet --require-hashes
SUDO   ?= $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian installs the PostgreSQL server binaries (initdb, postgres, pg_ctl) here, off the PATH.
PG_BIN ?= /usr/lib/postgresql/15/bin

.PHONY: install minilm dev browser postgres test check lint types pytest demo lock clean

install: $(BIN)/dossier

# The product only, every wheel checked against its hash in requirements.lock.
$(BIN)/dossier: requirements.lock requirements-pip.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements-pip.lock
	$(PIP) -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@
	@echo "installed: $(BIN)/dossier  (try: $(BIN)/dossier brief --demo -o out)"

# The minilm extra for `--encoder minilm`: PyTorch (CPU build), transformers, sentence-transformers.
minilm: $(VENV)/.minilm

$(VENV)/.minilm: $(BIN)/dossier requirements-minilm.lock
	$(PIP) -r requirements.lock -r requirements-minilm.lock
	@touch $@

# Lint, type and test tools, on top of the product.
dev: $(VENV)/.dev

$(VENV)/.dev: $(BIN)/dossier requirements-dev.lock
	$(PIP) -r requirements.lock -r requirements-dev.lock
	@touch $@

# Debian's Chromium for the browser tests (tests/render/test_browser.py skip without it). Needs root or sudo.
# Never `playwright install`: Playwright drives this system browser.
browser:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		$(SUDO) apt-get install -y -qq chromium >/dev/null; } || \
		echo "warning: could not install chromium; the browser tests will be skipped"
	@command -v chromium >/dev/null 2>&1 && chromium --version || true

# Debian's PostgreSQL 15 server binaries, for the tests that start a throwaway cluster, when initdb is missing.
postgres:
	@[ -x $(PG_BIN)/initdb ] || command -v initdb >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		$(SUDO) apt-get install -y -qq postgresql-15 >/dev/null; } || \
		echo "warning: could not install postgresql-15; the PostgreSQL tests will be skipped"

# One command on a fresh machine: install what the tests need, then lint, types and tests.
test: dev browser postgres
	$(MAKE) --no-print-directory check

# Lint, types and tests, installing nothing.
check: lint types pytest

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types:
	$(BIN)/mypy

# pytest exits 5 when it collected no test: that is a failure, said out loud.
pytest:
	@PATH="$(PG_BIN):$$PATH" $(BIN)/pytest -p no:cacheprovider; status=$$?; \
		if [ $$status = 5 ]; then echo "error: pytest collected no tests" >&2; fi; exit $$status

demo: install
	$(BIN)/dossier brief --demo -o out

# Re-pin the lock files from pyproject.toml, with hashes (needs the registries).
lock:
	$(PYTHON) scripts/lock.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .mypy_cache .ruff_cache .pytest_cache
