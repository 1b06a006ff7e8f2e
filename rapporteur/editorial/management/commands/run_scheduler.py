import logging
import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections
from wagtail import hooks

from rapporteur.editorial.embargo import publish_due
from rapporteur.editorial.scheduler_lock import scheduler_lock
from rapporteur.importers.jobs import process_pending_imports
from rapporteur.publishing.builds import build_pending
from rapporteur.reports.launches import launch_due_within

logger = logging.getLogger(__name__)

# Reading or writing a whole book takes up to a few minutes: start none that close to a launch.
IMPORT_LAUNCH_MARGIN = 300


class Command(BaseCommand):
    help = (
        "Run the publishing scheduler: every second, Wagtail's scheduled publishing and expiry (embargoed "
        "editions launch this way, at their go-live time), each page on its own so one failure holds nothing "
        "back (use this instead of a publish_scheduled cron job); rebuilds the PDF and EPUB files of "
        "editions whose published content changed; reads and writes imports started on the Import page, "
        "one at a time; and runs what other apps register as background work (the open datasets). "
        "Only one scheduler works at a time: another one started anywhere waits as a hot standby and takes "
        "over when the first stops."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between checks (default 1).")
        parser.add_argument("--once", action="store_true", help="Check once and exit.")

    def handle(self, *args, interval, once, **options):
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        lock = scheduler_lock()
        standing_by = False  # another process holds the lock, and the log has said so
        worked = False  # has held the lock since it started
        try:
            while self.running:
                started = time.monotonic()
                close_old_connections()
                if self.holds(lock):
                    if standing_by:
                        self.say(f"Took over as the scheduler (every {interval:g} s).")
                    elif not worked and not once:
                        self.say(f"Scheduler running (every {interval:g} s). Ctrl-C to stop.")
                    standing_by, worked = False, True
                    self.work()
                elif not standing_by:
                    standing_by = True
                    holder = self.holder(lock)
                    if once:
                        self.say(f"Another scheduler is running ({holder}); nothing done.")
                    else:
                        self.say(f"Standing by: another scheduler is running ({holder}); taking over when it stops.")
                if once:
                    break
                time.sleep(max(0.0, interval - (time.monotonic() - started)))
        finally:
            lock.release()

    def holds(self, lock):
        """Whether this process may work this pass: it holds the lock, or has just taken it."""
        try:
            return lock.still_held() or lock.acquire()
        except Exception:  # the database is unreachable: no lock, no work; try again next pass
            logger.exception("Could not take the scheduler lock; trying again")
            return False

    def holder(self, lock):
        try:
            return lock.holder()
        except Exception:
            return "unknown"

    def work(self):
        try:
            for edition in publish_due():
                self.say(f"Launched {edition.title}.")
            if not launch_due_within(seconds=60):  # typesetting never delays a launch
                for report in build_pending(limit=1):
                    self.say(f"Built {len(report.built)} files of {report.edition}.")
                for work in hooks.get_hooks("rapporteur_background_work"):
                    for line in work():
                        self.say(line)
            if not launch_due_within(seconds=IMPORT_LAUNCH_MARGIN):  # a whole book can take minutes
                for job in process_pending_imports(limit=1):
                    self.say(f"Import {job.pk} ({job.file_name}): {job.get_status_display()}.")
        except Exception:  # a locked database or a lost connection: log it, keep running
            logger.exception("Scheduler pass failed; trying again")

    def say(self, line):
        """A line of the scheduler's log, at once: its output usually goes to a pipe (systemd's journal)."""
        self.stdout.write(line)
        self.stdout.flush()

    def stop(self, *args):
        self.running = False
