# Two commands do everything (see README):
#   make demo   set up .venv and write the report for the bundled demo corpus to ./report
#   make test   set up .venv and run the whole test suite (notebooks included)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: setup demo test lint bench strip-notebooks lab clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

demo: setup
	$(BIN)/python -m toolkit report --out report

test: setup
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check toolkit tests benchmarks

bench: setup
	for f in benchmarks/*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

strip-notebooks: setup
	$(BIN)/python scripts/strip_notebooks.py notebooks/*.ipynb notebooks/solutions/*.ipynb

lab: setup
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf $(VENV) report .pytest_cache
