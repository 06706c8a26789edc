# One command installs everything: `make install`. `make check` is what CI runs.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SUDO   ?= $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install browser check lint types test demo lock clean

install: $(BIN)/dossier

$(BIN)/dossier: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@
	@echo "installed: $(BIN)/dossier  (try: $(BIN)/dossier brief --demo -o out)"

# Debian's Chromium for the browser tests (tests/render/test_browser.py skip without it). Needs root or sudo.
# Never `playwright install`: Playwright drives this system browser.
browser:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		$(SUDO) apt-get install -y -qq chromium >/dev/null; } || \
		echo "warning: could not install chromium; the browser tests will be skipped"
	@command -v chromium >/dev/null 2>&1 && chromium --version || true

check: lint types test

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types:
	$(BIN)/mypy

test:
	$(BIN)/pytest

demo: install
	$(BIN)/dossier brief --demo -o out

# Re-pin requirements.lock from pyproject.toml (needs the registries).
lock:
	rm -rf /tmp/dossier-lock && $(PYTHON) -m venv /tmp/dossier-lock
	/tmp/dossier-lock/bin/pip install --quiet -e '.[dev]'
	/tmp/dossier-lock/bin/pip freeze --exclude-editable | LC_ALL=C sort > requirements.lock

clean:
	rm -rf $(VENV) build dist src/*.egg-info .mypy_cache .ruff_cache .pytest_cache
