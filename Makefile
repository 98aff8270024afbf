# One command per habit. Everything runs inside a local virtual environment (.venv) that the
# first target builds from the lock file, so every machine installs the same versions.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
export DATABASE_URL ?= sqlite:///./data/conflict.db

.PHONY: install run serve migrate key test test-fast lint format typecheck eval bench lock clean browser

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(PY) -m pip check
	touch $(STAMP)

install: $(STAMP) ## build the virtual environment

migrate: install ## bring DATABASE_URL to the newest schema
	$(PY) -m app migrate

key: install ## create a local admin key once (kept in ./data/local-admin-key) and print it
	@mkdir -p data
	@if [ ! -s data/local-admin-key ]; then \
		$(PY) -m app keys create --scope admin --label "make run" | tail -n 1 > data/local-admin-key.tmp && \
		mv data/local-admin-key.tmp data/local-admin-key && chmod 600 data/local-admin-key; fi
	@echo "API key (admin; also in data/local-admin-key): $$(cat data/local-admin-key)"

run: migrate key ## install, migrate and serve on SQLite at http://127.0.0.1:8000
	$(PY) -m uvicorn app.main:app --host $(HOST) --port $(PORT)

browser: ## Debian's chromium for the browser tests (Playwright's own browser download cannot work offline)
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
		else echo "chromium is missing: sudo apt-get install chromium (browser tests will be skipped)"; fi; }

test: install browser ## the whole suite (PostgreSQL too when TEST_DATABASE_URL is set; browser tests in chromium)
	$(PY) -m pytest -q

lint: install ## ruff check and format check
	$(VENV)/bin/ruff check app tests bench migrations
	$(VENV)/bin/ruff format --check app tests bench

format: install
	$(VENV)/bin/ruff format app tests bench
	$(VENV)/bin/ruff check --fix app tests bench

typecheck: install ## mypy, strict on app/
	$(VENV)/bin/mypy app

eval: install ## score extraction on ../shared/eval/dev through a server on a scratch database
	$(PY) bench/run_eval.py

bench: install ## benchmarks under bench/ (ratios against a baseline measured in the same run)
	-$(PY) -m pip install --quiet --disable-pip-version-check -e ".[bench]"
	$(PY) bench/run_all.py

lock: ## re-pin the whole dependency tree from pyproject.toml into requirements.lock
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip
	.lock-venv/bin/pip install --quiet ".[dev]"
	.lock-venv/bin/pip freeze --exclude-editable | grep -v '^conflict-evidence' > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
