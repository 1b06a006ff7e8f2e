"""A mirror rendered by several processes is the same, file for file, as one rendered by one.

It runs in the served demo (production settings, a database on disk, everything committed): the
only place the parallel path runs, since inside a test's transaction other processes could not
see its rows and the mirror renders in one process.
"""

import pytest

pytestmark = pytest.mark.browser  # slow: a served instance

BUILD = """
import time
from django.test import override_settings
from rapporteur.publishing.mirror import render
from rapporteur.publishing.mirror.build import build_mirror
from rapporteur.publishing.models import BuildRequest, MirrorRequest
assert render.may_fork(), "the served demo is where the parallel path runs"
# the demo's scheduler is still making its files (PDFs listed on the pages): both builds must see them all
deadline = time.monotonic() + 240
while (BuildRequest.objects.exists() or MirrorRequest.objects.exists()) and time.monotonic() < deadline:
    time.sleep(1)
for workers in (1, 2):
    with override_settings(RAPPORTEUR_MIRROR_WORKERS=workers):
        report = build_mirror(2013, folder="{folder}/" + str(workers), with_zip=False)
    print(workers, report.pages)
"""


def test_pages_rendered_in_parallel_make_the_same_mirror(demo_instance, tmp_path):
    output = demo_instance.shell(BUILD.format(folder=tmp_path)).strip().splitlines()
    assert [line.split()[0] for line in output[-2:]] == ["1", "2"]
    assert output[-1].split()[1] == output[-2].split()[1], "the same pages"
    one, two = (tmp_path / "1" / "SHA256SUMS").read_text(), (tmp_path / "2" / "SHA256SUMS").read_text()
    assert one.count("\n") > 100 and one == two, "every file the same, byte for byte"
