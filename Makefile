# notelint developer commands. `make lint-examples` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
JOBS ?= 2

.PHONY: setup languagetool lint-examples test lint typecheck docs schema clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

languagetool: setup
	$(BIN)/notelint languagetool install

# Lint the example drafts. Exit 1 (findings) is expected: some drafts are flawed on purpose.
lint-examples: setup languagetool
	$(BIN)/notelint check examples/drafts || test $$? -eq 1

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: setup
	$(BIN)/mypy

test: setup languagetool lint typecheck
	$(BIN)/pytest -n $(JOBS) --dist loadgroup -p no:cacheprovider

docs: setup
	$(BIN)/python -m notelint._docs
	$(BIN)/notelint schema > docs/schema/output.schema.json

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
