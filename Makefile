# The two commands a new user types: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1:8000
WORKERS ?= 2
PG_URL ?= postgres://postgres@127.0.0.1:5432/zhibu_ci

.PHONY: run dev test test-pg bench bench-writers load lint check-deploy install install-test demo clean

# The production server (docs/deployment.md): gunicorn's pre-fork sync workers, two for a school's
# PC; access and error logs on stdout/stderr; a worker busy for 60 s (a large report) is restarted,
# and on stop (Ctrl-C, systemd) requests in flight get 30 s to finish.
GUNICORN_FLAGS = --bind $(HOST) --workers $(WORKERS) --timeout 60 --graceful-timeout 30 \
	--access-logfile - --error-logfile -

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements.txt requirements-test.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements-test.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	mkdir -p var
	$(BIN)/python manage.py migrate --no-input -v 0
	$(BIN)/python manage.py search_reindex --if-empty
	$(BIN)/python manage.py demo
	$(BIN)/python manage.py collectstatic --no-input -v 0
	@echo "打开 http://$(HOST)/ 使用上面的演示账号登录（Ctrl-C 停止）"
	# Not DEBUG: users see the Chinese error pages, and static files come from whitenoise.
	# The background worker (imports, long exports) runs beside the web server; Ctrl-C or a
	# SIGTERM to this shell stops both.
	$(BIN)/python manage.py db_worker --no-startup-delay & worker=$$!; \
	  $(BIN)/gunicorn zhibu.wsgi $(GUNICORN_FLAGS) & server=$$!; \
	  trap 'kill -TERM $$server $$worker 2>/dev/null' INT TERM; \
	  wait $$server; kill -TERM $$worker 2>/dev/null; wait

# For developers: Django's autoreloading development server with DEBUG on (never for users).
dev: install
	mkdir -p var
	$(BIN)/python manage.py migrate --no-input -v 0
	$(BIN)/python manage.py search_reindex --if-empty
	$(BIN)/python manage.py demo
	$(BIN)/python manage.py db_worker --no-startup-delay & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  ZHIBU_DEBUG=1 $(BIN)/python manage.py runserver $(HOST)

demo: install
	$(BIN)/python manage.py migrate --no-input -v 0
	$(BIN)/python manage.py search_reindex --if-empty
	$(BIN)/python manage.py demo

test: install-test
	$(BIN)/python -m pytest -rs

# The same suite on PostgreSQL. The test database is made here, not by Django, because Chinese
# full-text and trigram search need LC_CTYPE C.UTF-8 (Chinese characters read as letters) and
# Django cannot set that when it creates one.
test-pg: install-test
	psql "$(dir $(PG_URL))postgres" -v ON_ERROR_STOP=1 -q \
	  -c "DROP DATABASE IF EXISTS test_$(notdir $(PG_URL))" \
	  -c "CREATE DATABASE test_$(notdir $(PG_URL)) TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
	DATABASE_URL=$(PG_URL) $(BIN)/python -m pytest -rs --reuse-db

# A synthetic city (manage.py gen_city) on SQLite and PostgreSQL, pages and annual summaries timed
# beside floors (bench/bench_city.py). BENCH_BRANCHES=300 BENCH_YEARS=5 is the issue's city; the
# PostgreSQL database BENCH_PG_URL is dropped and created like test-pg's (LC_CTYPE C.UTF-8).
BENCH_BRANCHES ?= 30
BENCH_YEARS ?= 2
BENCH_PG_URL ?= postgres://postgres@127.0.0.1:5432/zhibu_bench
bench: install-test
	BENCH_PG_URL=$(BENCH_PG_URL) $(BIN)/python bench/bench_city.py --branches $(BENCH_BRANCHES) --years $(BENCH_YEARS)

# 8 processes writing study notes at once for 10 s: commits per process, lock errors, lost rows,
# p95 and the longest wait (bench/bench_writers.py; docs/operations.md "Many writers at once").
bench-writers: install-test
	$(BIN)/python bench/bench_writers.py --processes 8 --seconds 10

# The demo school behind gunicorn on 127.0.0.1 and locust's users for LOAD_SECONDS (bench/load.py):
# requests/s, p50/p95/p99 and errors. Not run in CI.
LOAD_SECONDS ?= 60
LOAD_USERS ?= 20
load: install-test
	$(BIN)/python bench/load.py --seconds $(LOAD_SECONDS) --users $(LOAD_USERS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run

check-deploy: install
	ZHIBU_SECRET_KEY=ci-$$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n') ZHIBU_HTTPS=1 \
	ZHIBU_ALLOWED_HOSTS=zhibu.example.org ZHIBU_FERNET_KEYS=$$($(BIN)/python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())') \
	$(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) staticfiles
