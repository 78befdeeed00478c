# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
CATALOGS := $(wildcard translations/*/LC_MESSAGES/jarjestokeskus.po)
MOS := $(CATALOGS:.po=.mo)

.PHONY: run test test-postgres setup catalogs extract bench lint clean dist dist-check

run: setup
	@tools/system-deps window
	$(PY) -m jarjestokeskus

test: setup
	@tools/system-deps offscreen
	$(PY) -m ruff check jarjestokeskus tests bench
	$(PY) -m ruff format --check jarjestokeskus tests bench
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# The suite against a PostgreSQL server: JK_TEST_POSTGRES=postgresql+psycopg://user@host:port
# (no database name; tests/databases.py makes and drops its own). tools/postgres-test starts a
# throw-away server and runs this.
test-postgres: setup
	@test -n "$(JK_TEST_POSTGRES)" || { echo "Set JK_TEST_POSTGRES, or run tools/postgres-test" >&2; exit 2; }
	@tools/system-deps offscreen
	QT_QPA_PLATFORM=offscreen JK_TEST_POSTGRES=$(JK_TEST_POSTGRES) $(PY) -m pytest -q tests

setup: $(STAMP) catalogs

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

catalogs: $(STAMP) $(MOS)

translations/%/LC_MESSAGES/jarjestokeskus.mo: translations/%/LC_MESSAGES/jarjestokeskus.po
	$(PY) -m babel.messages.frontend compile -d translations -D jarjestokeskus -l $*

# For developers: pull new source strings into the catalogues (then translate them).
extract: $(STAMP)
	$(PY) -m babel.messages.frontend extract -F babel.cfg -k _ -k N_ -k ngettext:1,2 --no-location --sort-output -w 100 \
		-o translations/jarjestokeskus.pot jarjestokeskus
	$(PY) -m babel.messages.frontend update -i translations/jarjestokeskus.pot -d translations \
		-D jarjestokeskus --no-fuzzy-matching --ignore-obsolete -w 100

# The one-folder program (build.spec) in dist/jarjestokeskus/, and its smoke test.
BUILD_STAMP := $(VENV)/.installed-build

$(BUILD_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e ".[dev,build]"
	touch $(BUILD_STAMP)

dist: setup $(BUILD_STAMP)
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN build.spec

dist-check: dist
	@tools/system-deps offscreen
	tools/smoke-dist dist/jarjestokeskus

bench: setup
	@tools/system-deps offscreen
	$(PY) bench/run.py

lint: $(STAMP)
	$(PY) -m ruff check --fix jarjestokeskus tests bench
	$(PY) -m ruff format jarjestokeskus tests bench

clean:
	rm -rf $(VENV) build dist translations/*/LC_MESSAGES/*.mo
