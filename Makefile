# notelint developer commands. `make lint-examples` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
JOBS ?= 2

.PHONY: setup languagetool browser lint-examples test lint typecheck docs schema clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

languagetool: setup
	$(BIN)/notelint languagetool install

# Debian's chromium and chromedriver for the page's browser test (tests/web/test_browser.py).
# Needs root and apt-get; elsewhere it says so, and the browser test is skipped.
browser:
	@if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver; \
	else echo "make browser: install chromium and chromium-driver to run the browser test (skipped without them)"; fi

# Lint the example drafts. Exit 1 (findings) is expected: some drafts are flawed on purpose.
lint-examples: setup languagetool
	$(BIN)/notelint check examples/drafts || test $$? -eq 1

lint: setup
	$(BIN)/ruff check src tests benchmarks corpus
	$(BIN)/ruff format --check src tests benchmarks corpus

typecheck: setup
	$(BIN)/mypy

test: setup languagetool browser lint typecheck
	$(BIN)/pytest -n $(JOBS) --dist loadgroup -p no:cacheprovider

docs: setup
	$(BIN)/python -m notelint._docs
	$(BIN)/notelint schema > docs/schema/output.schema.json
	$(BIN)/notelint serve --openapi > docs/schema/openapi.json
	NOTELINT_SCREENSHOT=docs/serve-page.png $(BIN)/pytest -q -p no:cacheprovider tests/web/test_browser.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
