"""One scheduler at a time: a second ``run_scheduler`` (another machine's, in production) stands
by without doing anything and takes over within seconds when the first dies. Real processes on
a scratch copy of the demo, on the database of the test run (an advisory lock on PostgreSQL, a
file lock on SQLite)."""

import pytest

from rapporteur.demo.instance import prepared_demo

pytestmark = pytest.mark.browser  # slow: a scratch instance and real scheduler processes

LAUNCH_SOON = """
import datetime
from django.utils import timezone
from rapporteur.editorial.embargo import schedule_launch
from rapporteur.reports.models import EditionPage, HomePage
edition = EditionPage(title="Annual Report {year}", year={year}, live=False)
HomePage.objects.get(locale__language_code="en").add_child(instance=edition)
edition.save_revision()
schedule_launch(edition, timezone.now() + datetime.timedelta(seconds=1))
"""

# A launch set a second ahead is kept within the second only by a scheduler that is not in the
# middle of typesetting a book (background work starts only when no launch is due within the
# minute; a mirror stops for one, a PDF does not). So the launches below are set once the
# scheduler has made the demo's files, as a publisher's launch is set long before it comes.
WAIT_UNTIL_IDLE = """
import time
from rapporteur.opendata.models import DatasetRequest
from rapporteur.publishing.models import BuildRequest, MirrorRequest
deadline = time.monotonic() + 300
while time.monotonic() < deadline and any(
    model.objects.exists() for model in (BuildRequest, MirrorRequest, DatasetRequest)
):
    time.sleep(1)
"""


def test_a_second_scheduler_stands_by_and_takes_over_when_the_first_dies():
    with prepared_demo() as instance:
        first = instance.start_scheduler("first")
        second = None
        try:
            first.wait_for("Scheduler running")
            second = instance.start_scheduler("second")
            second.wait_for("Standing by: another scheduler is running")
            assert f"pid {first.pid}" in second.output(), "the standby names the scheduler at work"

            once = instance.manage("run_scheduler", "--once").stdout
            assert "Another scheduler is running" in once and "nothing done" in once

            # Work due now is done once, by the scheduler holding the lock.
            instance.shell(WAIT_UNTIL_IDLE)
            instance.shell(LAUNCH_SOON.format(year=2014))
            first.wait_for("Launched Annual Report 2014.")
            assert "Launched" not in second.output()

            first.process.kill()  # a crash: nothing is released on the way out
            seconds = second.wait_for("Took over as the scheduler", timeout=15)
            assert seconds < 5, f"the standby took {seconds:.1f} s to take over"

            instance.shell(WAIT_UNTIL_IDLE)  # the files of the edition just launched
            instance.shell(LAUNCH_SOON.format(year=2015))
            second.wait_for("Launched Annual Report 2015.")
        finally:
            first.stop()
            if second is not None:
                second.stop()
