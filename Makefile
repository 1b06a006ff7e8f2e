# Rapporteur: `make demo` serves the demo edition, `make test` runs the whole suite.
# Both set up a virtual environment from requirements.lock first.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
WORKERS ?= 3

# The demo runs with production settings, over plain HTTP on loopback.
DEMO_ENV := DJANGO_SETTINGS_MODULE=rapporteur.settings.production \
	SECRET_KEY_FILE=var/secret_key \
	ALLOWED_HOSTS=127.0.0.1,localhost \
	RAPPORTEUR_HTTPS=0 \
	RAPPORTEUR_LANGUAGES=en,fr,ar \
	EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend \
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT)

.PHONY: setup demo test lint admin-password lock messages clean

$(VENV)/.installed: requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $@

# The interface translations (locale/*/LC_MESSAGES/django.po) are compiled here, in pure Python:
# only their sources are in the repository.
setup: $(VENV)/.installed
	$(PY) manage.py compile_translations -v0

var/secret_key:
	mkdir -p var
	umask 077 && $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

demo: setup var/secret_key
	$(DEMO_ENV) $(PY) manage.py migrate --noinput -v0
	$(DEMO_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(DEMO_ENV) $(PY) manage.py load_demo
	@echo "Serving the demo on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)  Ctrl-C to stop."
	@echo "The scheduler (embargoed launches, scheduled publishing) runs alongside; emails are printed here."
	$(DEMO_ENV) $(PY) manage.py run_scheduler & scheduler=$$!; \
	trap 'kill $$scheduler 2>/dev/null' EXIT INT TERM; \
	$(DEMO_ENV) $(VENV)/bin/gunicorn rapporteur.wsgi --bind 127.0.0.1:$(PORT) --workers $(WORKERS) --access-logfile - --log-level warning

# Give the demo admin account a new random password and print it.
admin-password: setup var/secret_key
	$(DEMO_ENV) $(PY) manage.py load_demo --reset-admin-password

test: setup
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Regenerate requirements.lock after changing pyproject.toml (needs network).
lock: setup
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile pyproject.toml --extra test --python-version 3.11 --generate-hashes -q -o requirements.lock

# Regenerate the .po catalogues from the code and the reader templates (maintainers: needs GNU
# gettext's xgettext, e.g. `apt-get install gettext`). Then translate what is new and `make setup`.
MESSAGE_LANGUAGES ?= fr es ar
messages: setup
	$(PY) manage.py makemessages --no-obsolete --add-location=file $(addprefix -l ,$(MESSAGE_LANGUAGES)) \
		--ignore='.venv/*' --ignore='var/*' --ignore='benchmarks/*' --ignore='tests/*' --ignore='docs/*'

clean:
	rm -rf $(VENV) var/static var/cache
