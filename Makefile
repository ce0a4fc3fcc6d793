# Two commands on a fresh machine: `make demo` (set up, analyse the demo corpus) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_ARTICLE ?= demo/corpus/07-northern-review-opinion.txt

.PHONY: setup demo test train-setup bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

# The main job: pour the demo corpus into a fresh store, print what is known about two of its
# parties (the ledger's dossier), and one opinion piece taken apart.
DEMO_DB ?= out/demo/claimscope.db
demo: setup
	mkdir -p out/demo && rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/claimscope ingest demo/corpus --aliases demo/aliases.json --db $(DEMO_DB)
	$(BIN)/claimscope export --format jsonl --out out/demo/corpus.jsonl --db $(DEMO_DB)
	$(BIN)/claimscope dossier "Republic of Kestria" "Red Dawn Brigade" --db $(DEMO_DB)
	$(BIN)/claimscope analyze $(DEMO_ARTICLE) --aliases demo/aliases.json
	@echo "Browse it: $(BIN)/claimscope serve --db $(DEMO_DB)  (then open http://127.0.0.1:8000/)"

test: setup
	$(BIN)/python -m pytest -q

# Training needs torch: the CPU wheel, pinned, installed before anything that depends on it.
train-setup: setup
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e ".[train]"

bench: setup
	$(BIN)/python benchmarks/bench_pipeline.py

clean:
	rm -rf $(VENV) out
