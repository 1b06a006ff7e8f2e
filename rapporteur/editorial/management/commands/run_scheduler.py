import logging
import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from rapporteur.editorial.embargo import launch_due_editions, publish_scheduled

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Run the publishing scheduler: launches embargoed editions within a second of their launch time, "
        "and does Wagtail's scheduled publishing and expiry (use this instead of a publish_scheduled cron job)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between checks (default 1).")
        parser.add_argument("--once", action="store_true", help="Check once and exit.")

    def handle(self, *args, interval, once, **options):
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        if not once:
            self.stdout.write(f"Scheduler running (every {interval:g} s). Ctrl-C to stop.")
        while self.running:
            started = time.monotonic()
            close_old_connections()
            try:
                for edition in launch_due_editions():
                    self.stdout.write(f"Launched {edition.title}.")
                publish_scheduled()
            except Exception:  # a locked database or a lost connection: log it, keep running
                logger.exception("Scheduler pass failed; trying again")
            if once:
                break
            time.sleep(max(0.0, interval - (time.monotonic() - started)))

    def stop(self, *args):
        self.running = False
