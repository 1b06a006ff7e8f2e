"""The scheduler process launches an edition within 5 seconds of its launch time, as `make demo` runs it."""

import time
import urllib.error
import urllib.request

import pytest

from rapporteur.demo.instance import served_demo
from tests.support.helpers import embargoed_edition_script

pytestmark = pytest.mark.browser  # slow: a real server and scheduler

EMBARGOED_EDITION = embargoed_edition_script(6)


def status(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def test_edition_goes_live_within_five_seconds_of_launch_time():
    with served_demo(scheduler=True) as instance:
        launch_at = float(instance.shell(EMBARGOED_EDITION).strip().splitlines()[-1])
        url = instance.base_url + "/en/2014/africa/ghana/"
        assert time.time() < launch_at, "the setup took too long to test the embargo"
        assert status(url)[0] == 404
        while True:
            code, body = status(url)
            now = time.time()
            if code == 200:
                break
            assert now < launch_at + 10, "not launched 10 s after its time"
            time.sleep(0.1)
        assert now >= launch_at - 0.5, "went live before its launch time"
        assert now - launch_at <= 5, f"went live {now - launch_at:.1f} s after its launch time"
        assert b"LAUNCH-TOKEN" in body
