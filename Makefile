# Quick start: `make run` checks the sample articles in seeds/; `make test` runs the whole suite.
# Both create a local virtualenv (.venv) with what they need on first use.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: run test fuzz lint bench clean

$(BIN)/factcheck: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(BIN)/factcheck
	$(BIN)/factcheck run seeds/

test: $(BIN)/factcheck
	$(BIN)/python -m factcheck.cli.prebuild
	$(BIN)/ruff check factcheck tests benchmarks hatch_build.py
	$(BIN)/lint-imports
	$(BIN)/factcheck test
	$(BIN)/python -m pytest

# The long fuzz profile: thousands of generated rule files, pattern files, documents and corpora per
# property (about 20 minutes on two cores); totals go to fuzz-stats.json (docs/reliability.md).
fuzz: $(BIN)/factcheck
	FUZZ_PROFILE=long FUZZ_STATS=$${FUZZ_STATS:-fuzz-stats.json} $(BIN)/python -m pytest tests/fuzz \
		-p no:cacheprovider --hypothesis-show-statistics

bench: $(BIN)/factcheck
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/rule_eval.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
