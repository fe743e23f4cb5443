# The two commands: `make demo` and `make test`. Everything a fresh machine needs is installed here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PO := soc/locale/es/LC_MESSAGES/django.po
MO := soc/locale/es/LC_MESSAGES/django.mo
DEMO_DB := var/demo.sqlite3

.PHONY: demo test install install-test assets messages browser lint serve-demo clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

assets: node_modules/.installed

$(MO): $(PO)
	msgfmt --check-format -o $@ $<

messages: $(MO)

install: $(VENV)/.installed assets messages

install-test: $(VENV)/.installed-test assets messages

# The demo runs as it would in production as far as a visitor can tell: DEBUG off (no debug
# pages listing every URL), static files and the favicon from WhiteNoise, and e-mail links
# pointing at the address it serves on.
DEMO_ADDR ?= 127.0.0.1:8000
DEMO_HOST := $(firstword $(subst :, ,$(DEMO_ADDR)))
DEMO_ENV := DATABASE_URL=sqlite:///$(CURDIR)/$(DEMO_DB) DEBUG=0 SITE_URL=http://$(DEMO_ADDR) \
	ALLOWED_HOSTS=$(DEMO_HOST),127.0.0.1,localhost

demo: install
	$(DEMO_ENV) $(BIN)/soc migrate --noinput -v0
	$(DEMO_ENV) $(BIN)/soc seed --demo --if-empty
	$(DEMO_ENV) $(BIN)/soc demo_plans
	$(DEMO_ENV) $(BIN)/soc directory demo --if-empty
	$(DEMO_ENV) $(BIN)/soc demo_referrals
	$(DEMO_ENV) $(BIN)/soc demo_collaboratives
	$(DEMO_ENV) $(BIN)/soc demo_reporting
	$(DEMO_ENV) $(BIN)/soc demo_trainings
	$(DEMO_ENV) $(BIN)/soc demo_family_partners
	@echo "soc commands on the demo database: DATABASE_URL=sqlite:///$(CURDIR)/$(DEMO_DB) $(BIN)/soc audit verify"
	$(DEMO_ENV) SOC_TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend \
		$(BIN)/soc runserver $(DEMO_ADDR)

# Browser tests drive Debian's Chromium. Without root we cannot install it: say so loudly,
# and skip only the browser tests (under CI a missing browser is a failure, see conftest.py).
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = "0" ]; then \
		echo "Installing Debian's chromium for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	else \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
		echo "!! WARNING: /usr/bin/chromium is missing and we are not root: BROWSER TESTS   !!"; \
		echo "!! WILL BE SKIPPED. Install it with: sudo apt-get install chromium            !!"; \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
	fi

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit -q -c pyproject.toml -r soc

test: install-test browser lint
	$(BIN)/soc makemigrations --check --dry-run -v0
	$(BIN)/pytest -n 2 --dist loadfile

clean:
	rm -rf $(VENV) node_modules var test-artifacts
