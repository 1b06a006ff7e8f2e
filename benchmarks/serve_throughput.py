"""Requests per second for the country entry page (and its open-data API entry) under the production server.

    .venv/bin/python benchmarks/serve_throughput.py [--workers 3] [--seconds 15] [--connections 16] [--path P ...]

By default two addresses are loaded in turn on the same server: the Kazakhstan page and the same
entry from the open-data API (issue 13: the API at least as fast as the HTML page).

Serves a scratch copy of the demo exactly as `make demo` does (gunicorn, production
settings, file cache, whitenoise) and loads it with wrk (Debian package `wrk`) from a
second process on loopback. Without wrk it falls back to a simple threaded Python client,
which is itself a bottleneck; the output says which was used.
"""

import argparse
import http.client
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

PATHS = ["/en/2013/europe-and-central-asia/kazakhstan/", "/api/v1/entries/2013-KZ"]


def python_load(base_url, seconds, connections, path):
    parts = urlsplit(base_url)
    counts = [0] * connections
    stop = time.monotonic() + seconds

    def worker(index):
        conn = http.client.HTTPConnection(parts.hostname, parts.port)
        while time.monotonic() < stop:
            conn.request("GET", path)
            conn.getresponse().read()
            counts[index] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--path", action="append", help="an address to load (repeatable; default: page and API entry)")
    args = parser.parse_args()

    from rapporteur.demo.instance import served_demo

    # the API's per-address rate limit would answer most of one client's load with 429
    with served_demo(workers=args.workers, extra_env={"API_RATE_LIMIT": "0"}) as instance:
        for path in args.path or PATHS:
            load(instance, path, args)


def load(instance, path, args):
    url = instance.base_url + path
    subprocess.run(["curl", "-s", "-o", "/dev/null", url], check=False)  # warm the cache
    if shutil.which("wrk"):
        result = subprocess.run(
            ["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--latency", url],
            capture_output=True,
            text=True,
            check=True,
        )
        print(f"{path}: gunicorn, {args.workers} workers; wrk, {args.connections} connections, {args.seconds} s")
        print(result.stdout)
    else:
        rate = python_load(instance.base_url, args.seconds, args.connections, path)
        print(
            f"{path}: gunicorn, {args.workers} workers; Python client (install wrk for a fair figure): "
            f"{rate:.0f} requests/s"
        )


if __name__ == "__main__":
    main()
