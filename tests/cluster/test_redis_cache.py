"""The cache every app server shares, against a real Redis: one content generation for all
processes, and a clear message when ``CACHE_URL`` is wrong."""

import os
import subprocess
import sys

import pytest

from rapporteur.demo.instance import REPO, free_port, local_production_env, redis_server
from tests.support.helpers import require_tool

# A stand-in for an entry document: which process built it, kept for the current generation.
PROBE = """
from rapporteur.reports.cache import cached, current_generation
print(current_generation())
print(cached("probe", "kazakhstan", build=lambda: {who!r}))
"""
NEW_GENERATION = "from rapporteur.reports.cache import new_generation; new_generation()"


@pytest.fixture(scope="module")
def redis_url():
    with redis_server(require_tool("redis-server", "the shared cache; apt-get install redis-server")) as url:
        yield url


def manage(tmp_path, cache_url, *args):
    env = {**os.environ, **local_production_env(str(tmp_path)), "CACHE_URL": cache_url}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )


def probe(tmp_path, redis_url, who):
    """(generation, value) as one process (an app server's worker) sees them."""
    result = manage(tmp_path / who, redis_url, "shell", "--no-imports", "-c", PROBE.format(who=who))
    assert result.returncode == 0, result.stderr
    generation, value = result.stdout.split()[-2:]
    return generation, value


def test_two_processes_share_one_content_generation(tmp_path, redis_url):
    generation, value = probe(tmp_path, redis_url, "server-a")
    assert value == "server-a"
    # Another process (another app server: its own working folder) finds what the first built.
    assert probe(tmp_path, redis_url, "server-b") == (generation, "server-a")
    # Publishing anywhere starts a new generation: what was built before is no longer served.
    result = manage(tmp_path / "editor", redis_url, "shell", "--no-imports", "-c", NEW_GENERATION)
    assert result.returncode == 0, result.stderr
    fresh_generation, value = probe(tmp_path, redis_url, "server-b")
    assert fresh_generation != generation
    assert value == "server-b"
    assert probe(tmp_path, redis_url, "server-a") == (fresh_generation, "server-b")


def test_the_check_passes_when_redis_answers(tmp_path, redis_url):
    result = manage(tmp_path, redis_url, "check")
    assert result.returncode == 0, result.stderr


def test_a_cache_server_that_does_not_answer_is_named(tmp_path):
    nobody = f"redis://127.0.0.1:{free_port()}/0"  # a free port: nothing listens there
    result = manage(tmp_path, nobody, "check")
    assert result.returncode != 0
    assert f"The cache server at {nobody} does not answer" in result.stderr
    assert "Connection refused" in result.stderr
    assert "correct CACHE_URL" in result.stderr


@pytest.mark.parametrize(
    "url, message",
    [
        ("redis://cache:six/0", "the port must be a number"),
        ("redis:///0", "name the Redis host"),
        ("redis://cache:6379/first", "the path is a database number"),
    ],
)
def test_a_malformed_cache_url_is_refused_with_the_reason(tmp_path, url, message):
    result = manage(tmp_path, url, "check")
    assert result.returncode != 0
    # the last line, where the eye lands: what is wrong, and an example of what is right
    assert (
        f"ImproperlyConfigured: CACHE_URL {url!r}: {message}, e.g. redis://host:6379/0"
        in result.stderr.splitlines()[-1]
    )
