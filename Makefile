# Two set-up commands for a fresh machine:  make run   (code the bundled sample)  ·  make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/dyad code --format table src/dyad/samples/ru.jsonl

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests

eval: $(STAMP)
	$(BIN)/dyad eval ../shared/data/seed/seed.gold.jsonl
	$(BIN)/dyad eval ../shared/data/ru-cameo/dev.gold.jsonl

bench: $(STAMP)
	$(BIN)/dyad bench

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
