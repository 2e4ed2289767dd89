# Two set-up commands on a fresh machine: `make demo` (the main job) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint install bot

$(BIN)/tracker: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(BIN)/tracker

install: $(BIN)/tracker

## demo: install, then run the main job offline on the embedded SQLite default
demo: install
	$(BIN)/tracker demo

## test: install, then run the linters and the whole test suite (SQLite, and PostgreSQL when reachable)
test: install lint
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

## bot: install, then run the Telegram bot (needs TELEGRAM_BOT_TOKEN)
bot: install
	$(BIN)/tracker-bot run
