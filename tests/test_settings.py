"""Configuration by environment: SQLite in WAL mode by default, PostgreSQL by URL, clear errors."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from rapporteur.settings.base import cache_from_url, database_from_url

REPO = Path(__file__).resolve().parents[1]


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env={**os.environ, **env}, capture_output=True, text=True
    )


def test_embedded_sqlite_runs_in_wal_mode(tmp_path):
    result = manage(
        "shell",
        "-c",
        "from django.db import connection; c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0])",
        env={"DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3", "DJANGO_SETTINGS_MODULE": "rapporteur.settings.dev"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "wal"


def test_postgres_by_url():
    config = database_from_url("postgres://report:secret@db.internal:5433/rapporteur")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"], config["USER"]) == (
        "db.internal",
        5433,
        "rapporteur",
        "report",
    )
    assert "init_command" not in config.get("OPTIONS", {})


def test_cache_url_forms():
    assert cache_from_url("file:///tmp/c")["LOCATION"] == "/tmp/c"
    assert cache_from_url("redis://cache:6379/0")["BACKEND"].endswith("RedisCache")
    with pytest.raises(Exception, match="use locmem://, file:///path"):
        cache_from_url("carrier-pigeon://")


@pytest.mark.parametrize(
    "missing,message",
    [("SECRET_KEY", "Set SECRET_KEY or SECRET_KEY_FILE"), ("ALLOWED_HOSTS", "Set ALLOWED_HOSTS")],
)
def test_production_settings_refuse_to_start_without_secrets(missing, message, tmp_path):
    env = {
        "DJANGO_SETTINGS_MODULE": "rapporteur.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
        missing: "",
    }
    result = manage("check", env=env)
    assert result.returncode != 0
    assert message in result.stderr
