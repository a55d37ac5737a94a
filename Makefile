# Quick start: `make` sets everything up and checks and draws every map in maps/;
# `make test` runs the whole test suite (what CI runs).
VENV ?= .venv
PY := $(VENV)/bin/python
ARGMAP := $(VENV)/bin/argmap

.PHONY: all setup maps test

all: setup maps

setup: $(VENV)/.installed .argdown/.installed .elk/.installed
	@command -v dot >/dev/null || { echo "Installing Graphviz (apt-get)..."; \
	  (apt-get update -qq && apt-get install -y -qq graphviz >/dev/null) \
	  || { echo "Could not install Graphviz; install it yourself (apt-get install graphviz)"; exit 2; }; }
	@command -v chromium >/dev/null || { echo "Installing Chromium (apt-get), for the browser tests..."; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "Could not install Chromium: the browser tests will be skipped"; }

# Argdown's own command line, which the tests run on argmap's Argdown output (skipped without
# Node.js: the tests say so).
.argdown/.installed:
	@if command -v npm >/dev/null; then \
	  npm install --silent --no-audit --no-fund --prefix .argdown @argdown/cli@1.7.5 >/dev/null \
	  && touch $@; else echo "npm not found: the Argdown comparison tests will be skipped"; fi

# elkjs, ELK's layered layout for `argmap render --engine elk` (big dense maps); the tests of
# that engine are skipped without Node.js (they say so).
.elk/.installed:
	@if command -v npm >/dev/null; then \
	  npm install --silent --no-audit --no-fund --prefix .elk elkjs@0.12.1 >/dev/null \
	  && touch $@; else echo "npm not found: --engine elk and its tests will be skipped"; fi

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,wasm,serve,browser,docs,bench]'
	touch $@

# The drawings of maps/ and their options are listed once, in maps/render.py (tests compare them).
maps: setup
	$(ARGMAP) check maps/
	$(PY) maps/render.py

test: setup
	$(PY) -m ruff check argmap tests maps
	$(PY) -m mypy
	$(PY) -m pytest
