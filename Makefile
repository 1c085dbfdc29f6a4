# Two commands on a fresh machine: `make demo` runs the demo app, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: demo demo-shared test lint bench bench-report install

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev,bench]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	STREAMLIT_REDUX_DEV=1 $(VENV)/bin/streamlit run examples/todo.py

demo-shared: $(STAMP)
	$(VENV)/bin/streamlit run examples/shared_board.py

lint: $(STAMP)
	$(VENV)/bin/ruff check streamlit_redux tests benchmarks examples conftest.py
	$(VENV)/bin/mypy --strict streamlit_redux

test: lint
	@bash scripts/system_deps.sh
	$(PY) -m pytest --doctest-modules streamlit_redux tests benchmarks

bench: $(STAMP)
	$(PY) -m pytest benchmarks --benchmark-enable -s -q

# Every suite at full size (browser scenarios too), then docs/benchmarks.md and its plots
# (written even when a benchmark assertion failed: make prints "Error (ignored)").
bench-report: $(STAMP)
	rm -rf build/bench && mkdir -p build/bench
	cat /proc/loadavg > build/bench/loadavg-before
	-STREAMLIT_REDUX_BENCH=full BENCH_JSON_DIR=build/bench $(PY) -m pytest benchmarks \
		--benchmark-enable --benchmark-json=build/bench/dispatch.json -q -s
	$(PY) -m benchmarks.report build/bench docs
