# Two commands for a newcomer on a fresh Debian machine with Python 3 and make:
#   make demo   set up, then check and draw the bundled example
#   make test   set up, then run the whole test suite
VENV ?= .venv
PY := $(VENV)/bin/python
ARGMAP := $(VENV)/bin/argmap
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup graphviz demo test docs bench fuzz messages clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@python3 -m venv $(VENV) 2>/dev/null || { \
	  echo "installing python3-venv (needs apt-get)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv && python3 -m venv $(VENV); }
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	@touch $@

# Graphviz's dot, the DejaVu Sans font the pictures use (Latin, Greek,
# Cyrillic, Hebrew, Arabic) and a fallback font for Chinese, Japanese, Korean.
graphviz:
	@command -v dot >/dev/null 2>&1 && fc-list 2>/dev/null | grep -q "DejaVu Sans" \
	  && fc-list :lang=zh 2>/dev/null | grep -q . || { \
	  echo "installing Graphviz (dot) and fonts with apt-get"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq graphviz fonts-dejavu-core fonts-droid-fallback >/dev/null; }

DEMO := examples/europa_ki_debatte.argmap
# The five texts the examples quote are not part of the repository; when they
# lie beside it (../shared/seeds), the demo verifies the quotes against them.
SEEDS := $(wildcard ../shared/seeds)

demo: setup graphviz
	$(if $(SEEDS),ARGMAP_TEXTS="$(SEEDS)$${ARGMAP_TEXTS:+:$$ARGMAP_TEXTS}") $(ARGMAP) check $(DEMO)
	@mkdir -p out
	$(ARGMAP) render $(DEMO) --compact --direction left -o out/europa_ki_debatte.svg
	$(ARGMAP) render $(DEMO) --compact --direction left -o out/europa_ki_debatte.png
	$(ARGMAP) render $(DEMO) --paper a4 -o out/europa_ki_debatte.pdf
	@echo
	@echo "The debate map is drawn in out/europa_ki_debatte.svg and .png, and for A4 paper in out/europa_ki_debatte.pdf"
	@echo "(The warnings above are findings about the five texts: see docs/examples.md.)"

# -rs lists each skipped test with its reason (the seed-text tests skip on a
# clone without ../shared/seeds beside it).
test: setup graphviz
	$(PY) -m pytest -q -rs

# Regenerates every picture in docs/ from examples/.
docs: setup graphviz
	$(PY) scripts/make_docs.py

bench: setup
	for b in benchmarks/bench_*.py; do $(PY) $$b || exit 1; done

# argmap beside Argdown (docs/performance.md, "Against Argdown"): installs
# Argdown's CLI with npm into ~/.cache/argmap-bench/argdown when it is
# missing, then times parse + check + DOT on the same maps of 1,000, 10,000
# and 100,000 claims (a few minutes). `make bench` skips it without npm.
# BENCH_ARGS="--sizes 1000 --runs 3" for a short run.
.PHONY: bench-argdown
bench-argdown: setup
	$(PY) benchmarks/bench_argdown.py --install $(BENCH_ARGS)

# 100,000 fuzzed inputs through every stage (about 10 minutes on 2 cores);
# see docs/reliability.md. FUZZ_ARGS="--inputs 5000 --seed 7" for a short run.
fuzz: setup
	$(PY) benchmarks/fuzz.py $(FUZZ_ARGS)

# The German catalog (argmap/locale/de/LC_MESSAGES/argmap.po, compiled to
# argmap.mo, which ships in the wheel). `make messages` extracts every message
# from argmap/ (gettext calls, the message and hint of error()/warning()/info(),
# command-line help), merges them into argmap.po (translations kept, unwrapped,
# no line numbers; a new or changed message gets an empty msgstr) and compiles
# argmap.mo; it lists the entries still without German. To translate: run it,
# fill in the msgstr of your entries, run it again, commit argmap.po and
# argmap.mo together.
# Takes about a second; tests/test_i18n.py fails on a missing translation.
messages:
	$(PY) scripts/messages.py

clean:
	rm -rf $(VENV) build dist *.egg-info
