"""A throwaway, fully served copy of the demo: its own database, production settings, gunicorn.

Used by the browser tests and the throughput benchmark, so they exercise what
``make demo`` runs rather than Django's test server. The database follows
``DATABASE_URL``: a temporary SQLite file by default, or a fresh PostgreSQL database
created next to the configured one (and dropped afterwards).
"""

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# The languages the demo has pages in (``demo.translations``); the Makefile's DEMO_ENV says the same.
DEMO_LANGUAGES = "en,fr,ar"


def local_production_env(workdir, hosts="127.0.0.1,localhost"):
    """Production settings for a throwaway copy on this machine: plain HTTP, state kept in ``workdir``."""
    return {
        "DJANGO_SETTINGS_MODULE": "rapporteur.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": hosts,
        "RAPPORTEUR_HTTPS": "0",
        "RAPPORTEUR_VAR_DIR": workdir,
        "STATIC_ROOT": f"{workdir}/static",
        "MEDIA_ROOT": f"{workdir}/media",
        "CACHE_URL": f"file://{workdir}/cache",
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        "RAPPORTEUR_LANGUAGES": DEMO_LANGUAGES,
    }


@contextmanager
def scratch_database(workdir):
    """Yield a DATABASE_URL for an empty database of the configured kind."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{workdir}/demo.sqlite3"
        return
    import psycopg

    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'rapporteur'}_instance_{os.getpid()}_{secrets.token_hex(3)}"
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def redis_server(executable="redis-server"):
    """A private Redis on a free loopback port, in memory only (nothing saved, no append-only file,
    its working folder a temporary one); yields its ``CACHE_URL``."""
    import redis

    with tempfile.TemporaryDirectory(prefix="rapporteur-redis-") as workdir:
        port = free_port()
        command = [executable, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        process = subprocess.Popen(
            [*command, "--dir", workdir], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=workdir
        )
        try:
            client = redis.Redis(port=port, socket_connect_timeout=1)
            deadline = time.monotonic() + 10
            while True:
                try:
                    client.ping()
                    break
                except redis.ConnectionError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError("redis-server did not start:\n" + process.stderr.read().decode()) from None
                    time.sleep(0.05)
            client.close()
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            process.terminate()
            process.wait(timeout=10)


class DemoInstance:
    def __init__(self, base_url, env, workdir):
        self.base_url = base_url
        self.env = env
        self.workdir = workdir

    def manage(self, *args, check=True):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=REPO, env=self.env, capture_output=True, text=True
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result

    def shell(self, code):
        """Run Python in the instance's Django environment; return what it printed."""
        return self.manage("shell", "--no-imports", "-c", code).stdout

    def start_scheduler(self, name="scheduler"):
        """A ``run_scheduler`` of this instance, its log kept in the working folder to be read and waited on."""
        return LoggedProcess(
            [sys.executable, "manage.py", "run_scheduler"], self.env, Path(self.workdir) / f"{name}.log"
        )


class LoggedProcess:
    """A background process whose output goes to a file, so a test can wait for a line of it."""

    def __init__(self, command, env, log_path):
        self.log_path = log_path
        with open(log_path, "wb") as log:
            self.process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
        self.pid = self.process.pid

    def output(self):
        return self.log_path.read_text(errors="replace")

    def wait_for(self, text, timeout=30):
        """Seconds until ``text`` appeared in the output; fails with the output if it does not in time."""
        started = time.monotonic()
        while text not in self.output():
            if self.process.poll() is not None or time.monotonic() - started > timeout:
                state = "exited" if self.process.poll() is not None else f"still running after {timeout} s"
                raise AssertionError(f"{text!r} not in the output ({state}):\n{self.output()}")
            time.sleep(0.05)
        return time.monotonic() - started

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextmanager
def prepared_demo(archive=None, extra_env=None):
    """A scratch database with the demo loaded (and optionally a synthetic archive), not served.

    ``archive`` is ``(editions, countries)`` for ``generate_archive``, or None.
    """
    with (
        tempfile.TemporaryDirectory(prefix="rapporteur-instance-") as workdir,
        scratch_database(workdir) as database_url,
    ):
        port = free_port()
        env = {
            **os.environ,
            **local_production_env(workdir),
            "DATABASE_URL": database_url,
            **(extra_env or {}),
        }
        instance = DemoInstance(f"http://127.0.0.1:{port}", env, workdir)
        instance.manage("migrate", "--noinput", "-v0")
        instance.manage("collectstatic", "--noinput", "-v0")
        instance.manage("load_demo")
        if archive:
            instance.manage("generate_archive", "--editions", str(archive[0]), "--countries", str(archive[1]))
        yield instance


def start(command, env):
    return subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def start_gunicorn(base_url, env, workers):
    """gunicorn serving ``env``'s site at ``base_url`` as ``make demo`` does, once it answers."""
    port = base_url.rsplit(":", 1)[1]
    command = [sys.executable, "-m", "gunicorn", "rapporteur.wsgi", "--bind", f"127.0.0.1:{port}"]
    process = start([*command, "--workers", str(workers)], env)
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base_url + "/en/", timeout=2)
            return process
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("gunicorn did not start:\n" + process.stderr.read().decode()) from None
            time.sleep(0.2)


def stop(processes):
    """Ask each process to stop; one still busy after 10 s (a scheduler finishing a long build) is killed,
    so that no server or scheduler outlives the instance."""
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def served_demo(workers=2, archive=None, extra_env=None, scheduler=False):
    """``prepared_demo`` served by gunicorn as ``make demo`` does, optionally with the scheduler."""
    with prepared_demo(archive=archive, extra_env=extra_env) as instance:
        processes = [start_gunicorn(instance.base_url, instance.env, workers)]
        if scheduler:
            processes.append(start([sys.executable, "manage.py", "run_scheduler"], instance.env))
        try:
            yield instance
        finally:
            stop(processes)


class Cluster:
    """App servers sharing one site: ``servers`` (each a ``DemoInstance`` with its own working
    folder), the ``scheduler`` (a ``LoggedProcess``) and its ``scheduler_env``, and ``instance``,
    the prepared site."""

    def __init__(self, instance, servers, scheduler, scheduler_env):
        self.instance = instance
        self.servers = servers
        self.scheduler = scheduler
        self.scheduler_env = scheduler_env


@contextmanager
def served_cluster(cache_url, app_servers=2, workers=1):
    """The scale-out shape on one machine: one database (the run's PostgreSQL), one Redis at
    ``cache_url``, a shared ``MEDIA_ROOT`` and import folder, several app servers — each with its
    own working folder and static files, as separate machines have — and one scheduler."""
    with prepared_demo(extra_env={"CACHE_URL": cache_url}) as instance:
        shared = {"MEDIA_ROOT": instance.env["MEDIA_ROOT"], "RAPPORTEUR_IMPORT_ROOT": f"{instance.workdir}/imports"}
        servers, processes = [], []
        scheduler = None
        try:
            for number in range(app_servers):
                folder = Path(instance.workdir) / f"server-{number + 1}"
                folder.mkdir()
                own = {"RAPPORTEUR_VAR_DIR": str(folder), "STATIC_ROOT": str(folder / "static")}
                server = DemoInstance(f"http://127.0.0.1:{free_port()}", {**instance.env, **shared, **own}, folder)
                server.manage("collectstatic", "--noinput", "-v0")
                processes.append(start_gunicorn(server.base_url, server.env, workers))
                servers.append(server)
            scheduler_folder = Path(instance.workdir) / "scheduler"
            scheduler_folder.mkdir()
            scheduler_env = {**instance.env, **shared, "RAPPORTEUR_VAR_DIR": str(scheduler_folder)}
            scheduler = DemoInstance(instance.base_url, scheduler_env, scheduler_folder).start_scheduler()
            scheduler.wait_for("Scheduler running")
            yield Cluster(instance, servers, scheduler, scheduler_env)
        finally:
            if scheduler is not None:
                scheduler.stop()
            stop(processes)
