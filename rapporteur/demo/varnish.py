"""The shipped Varnish configuration (``deploy/varnish/rapporteur.vcl``) run in front of a served demo.

For the cache's tests and the launch-day benchmark: ``varnishd`` in the foreground on a given
port, with its own working folder, the VCL as shipped but for the backend's port.
"""

import http.client
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from .instance import REPO

VCL = REPO / "deploy" / "varnish" / "rapporteur.vcl"
SHIPPED_BACKEND_PORT = '.port = "8000";'


def vcl_for_backend(port):
    text = VCL.read_text()
    if SHIPPED_BACKEND_PORT not in text:
        raise RuntimeError(f"{VCL} no longer says {SHIPPED_BACKEND_PORT}; update {__name__}")
    return text.replace(SHIPPED_BACKEND_PORT, f'.port = "{port}";', 1)


def answers(port):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        connection.request("GET", "/robots.txt")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


@contextmanager
def varnish_in_front(varnishd, backend_port, port, memory="64m"):
    """Run ``varnishd`` on 127.0.0.1:``port`` before the app on ``backend_port``; yields its base URL."""
    with tempfile.TemporaryDirectory(prefix="rapporteur-varnish-") as workdir:
        vcl = Path(workdir) / "rapporteur.vcl"
        vcl.write_text(vcl_for_backend(backend_port))
        with open(Path(workdir) / "varnishd.log", "w+") as log:
            command = [varnishd, "-F", "-j", "none", "-n", f"{workdir}/state", "-a", f"127.0.0.1:{port}"]
            command += ["-f", str(vcl), "-s", f"malloc,{memory}", "-p", "ban_lurker_sleep=0.1"]
            process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
            try:
                deadline = time.monotonic() + 30
                while not answers(port):
                    if process.poll() is not None or time.monotonic() > deadline:
                        log.seek(0)
                        raise RuntimeError("varnishd did not start:\n" + log.read())
                    time.sleep(0.2)
                yield f"http://127.0.0.1:{port}"
            finally:
                process.terminate()
                process.wait(timeout=10)
