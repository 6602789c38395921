# frontwatch — set-up, demo and tests on a fresh machine.
# `make demo` and `make test` create .venv and install everything from requirements.lock.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.frontwatch-installed
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet
CHECKED := src tests benchmarks tools

.PHONY: install demo test lint format schema bench clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "frontwatch needs Python >= 3.11: run make PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -r requirements.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	@touch $@

demo: $(STAMP)
	@mkdir -p out
	$(BIN)/frontwatch analyze examples/corpus --format json --output out/analysis.json
	$(BIN)/frontwatch analyze examples/corpus --format md --output out/analysis.md --quiet
	$(BIN)/frontwatch ingest examples/corpus --db out/frontwatch.sqlite
	$(BIN)/frontwatch situation --date 2022-10-04 --since 2022-09-30 --db out/frontwatch.sqlite --out out --quiet
	$(BIN)/frontwatch export events --format csv --db out/frontwatch.sqlite --output out/events.csv
	$(BIN)/frontwatch export timeline --format geojson --db out/frontwatch.sqlite --output out/timeline.geojson
	@echo ""
	@echo "frontwatch demo done. Results:"
	@echo "  out/analysis.json  every article as a frontwatch/1 document (docs/schema.md)"
	@echo "  out/analysis.md    the same, readable"
	@echo "  out/frontwatch.sqlite  the store (articles, analyses, events; FTS5 search)"
	@echo "  out/situation-2022-10-04.{md,html,png}  the digest and map for 4 October 2022"
	@echo "  out/events.csv  merged events, ACLED-like columns; out/timeline.geojson  control changes"

test: $(STAMP) lint
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check $(CHECKED)
	$(BIN)/ruff format --check $(CHECKED)
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix $(CHECKED)
	$(BIN)/ruff format $(CHECKED)

# Regenerate docs/schema.json and docs/schema.md from the model; review the diff.
schema: $(STAMP)
	$(BIN)/frontwatch schema --output docs/schema.json
	$(BIN)/frontwatch schema --markdown --output docs/schema.md

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) out .mypy_cache .ruff_cache .pytest_cache
