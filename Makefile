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

demo: setup
	$(BIN)/claimscope analyze demo/corpus --aliases demo/aliases.json --format json --output out/demo
	$(BIN)/claimscope analyze $(DEMO_ARTICLE) --aliases demo/aliases.json

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
