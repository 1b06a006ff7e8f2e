"""One scheduler at a time, however many machines start one.

The scheduler publishes due pages, launches editions, builds files and runs imports. A second
one on another machine (started for safety, or by mistake) must not do any of that at the same
time, so every ``run_scheduler`` first takes *the scheduler lock*. One that cannot waits as a hot
standby, trying again every pass, and takes over as soon as the holder is gone.

Both kinds of lock are released by someone other than the holder when it dies, so a crash or
a lost machine never leaves the site without a scheduler and there is no lease to wait out:

- PostgreSQL: a session advisory lock (``pg_try_advisory_lock``) on a connection of its own,
  held for the process's life. The server drops it the moment that connection ends — the
  process exits or is killed, or (thanks to the keepalives set below) within about half a
  minute of its machine vanishing. Django's own connection is closed and reopened between
  passes (``close_old_connections``), which is why the lock has a connection to itself.
  A connection pooler in *transaction* mode (PgBouncer) cannot hold session locks: the
  scheduler connects to PostgreSQL directly.
- SQLite is one machine's database: an exclusive ``flock`` on a file beside it, dropped by the
  kernel when the process ends.

The holder asks at every pass whether it still holds the lock (its connection may have been
cut, say by a database restart); if not, it stops working and stands by like any other.
"""

import copy
import fcntl
import os
import socket
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

# "RAPP" as a number; advisory locks are per database, so two sites on one server never meet.
LOCK_KEY = 0x52415050
# Seconds: idle time before the first keepalive probe, between probes, and probes before the
# server gives up on the holder's machine (10 + 4 × 5 = 30 s without an answer).
KEEPALIVE = {"idle": 10, "interval": 5, "count": 4}


def holder_name():
    """How this process is named to a standby, in its messages: machine and process id."""
    return f"{socket.gethostname()} pid {os.getpid()}"


def scheduler_lock():
    if connection.vendor == "postgresql":
        return AdvisoryLock()
    return FileLock(lock_file_path())


def lock_file_path():
    """Beside the SQLite database the lock guards (the state folder for one with no file)."""
    name = str(settings.DATABASES["default"]["NAME"])
    if name and name != ":memory:" and not name.startswith("file:"):
        return Path(name).with_name(Path(name).name + ".scheduler-lock")
    return Path(settings.VAR_DIR) / "scheduler.lock"


class AdvisoryLock:
    def __init__(self):
        self.connection = None

    def acquire(self):
        """Take the lock if it is free; True if this process now holds it."""
        self.release()
        self.connection = self._connect()
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY])
            if cursor.fetchone()[0]:
                return True
        self.release()
        return False

    def still_held(self):
        if self.connection is None:
            return False
        try:
            with self.connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                    " AND pid = pg_backend_pid() AND classid = 0 AND objid = %s AND objsubid = 1",
                    [LOCK_KEY],
                )
                return cursor.fetchone()[0] == 1
        except Exception:  # the connection is gone, and the lock with it
            self.release()
            return False

    def holder(self):
        """Who holds the lock, as the holder named itself (or its address), for a standby's message."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT a.application_name, host(a.client_addr) FROM pg_locks l JOIN pg_stat_activity a USING (pid)"
                " WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = %s"
                " AND l.objsubid = 1 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                [LOCK_KEY],
            )
            row = cursor.fetchone()
        if row is None:
            return "no one (it was just released)"
        name, address = row
        return name.removeprefix("rapporteur scheduler ") if name else f"a process at {address or 'a local socket'}"

    def release(self):
        if self.connection is not None:
            try:
                self.connection.close()  # ends the session: the server drops its locks
            except Exception:
                pass
            self.connection = None

    def _connect(self):
        """A connection of the lock's own, outside Django's handler (which closes connections between passes)."""
        settings_dict = copy.deepcopy(connections.settings["default"])
        settings_dict["CONN_MAX_AGE"] = None
        settings_dict["OPTIONS"] = {
            **settings_dict.get("OPTIONS", {}),
            "application_name": f"rapporteur scheduler {holder_name()}"[:63],
            # this side notices a vanished database server ...
            "keepalives": 1,
            "keepalives_idle": KEEPALIVE["idle"],
            "keepalives_interval": KEEPALIVE["interval"],
            "keepalives_count": KEEPALIVE["count"],
        }
        wrapper = type(connections["default"])(settings_dict, alias="scheduler_lock")
        wrapper.ensure_connection()
        with wrapper.cursor() as cursor:
            # ... and the server notices a vanished scheduler machine, and frees the lock
            cursor.execute("SET tcp_keepalives_idle = %s", [KEEPALIVE["idle"]])
            cursor.execute("SET tcp_keepalives_interval = %s", [KEEPALIVE["interval"]])
            cursor.execute("SET tcp_keepalives_count = %s", [KEEPALIVE["count"]])
        return wrapper


class FileLock:
    def __init__(self, path):
        self.path = Path(path)
        self.descriptor = None

    def acquire(self):
        self.release()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            return False
        os.ftruncate(descriptor, 0)
        os.write(descriptor, holder_name().encode())
        self.descriptor = descriptor
        return True

    def still_held(self):
        """Held, and still the file others would lock (not deleted or replaced under us)."""
        if self.descriptor is None:
            return False
        try:
            return os.fstat(self.descriptor).st_ino == os.stat(self.path).st_ino
        except FileNotFoundError:
            return False

    def holder(self):
        try:
            return self.path.read_text().strip() or "another process"
        except OSError:
            return "another process"

    def release(self):
        if self.descriptor is not None:
            os.close(self.descriptor)  # closing the file releases the flock
            self.descriptor = None
