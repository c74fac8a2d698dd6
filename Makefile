# GIScope. `make run` serves the UI on port 8501; `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
PORT   ?= 8501
ADDRESS ?= 127.0.0.1
SOURCES := accounts agreements app_pages briefings cli compare gi_lists names reports storage translation ui watch \
           bootstrap.py citations.py config.py errors.py escaping.py outbound.py streamlit_app.py phrases.py validation.py wording.py wording_register.py wording_zh.py

.PHONY: run test lint init system-deps bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,lint]'
	@# bytecode ahead of time: where PYTHONDONTWRITEBYTECODE is set, every command would compile GIScope again
	$(BIN)/python -m compileall -q $(SOURCES)
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

## install Debian packages the tests and PDFs need (chromium, CJK and Thai fonts, poppler)
system-deps:
	@bash scripts/system_deps.sh

## create or migrate the database; load the bundled lists when it is empty
init: $(STAMP)
	$(BIN)/giscope init

## serve the UI on http://$(ADDRESS):$(PORT)
run: init
	$(BIN)/giscope serve --port $(PORT) --address $(ADDRESS)

## every test: unit, integration (SQLite and PostgreSQL), CLI, app, browser
test: $(STAMP) system-deps
	$(BIN)/python -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_import.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
