"""Launch day: the Kazakhstan page through Varnish, against nginx serving the same HTML from a file.

    .venv/bin/python benchmarks/launch_day_cache.py [--seconds 10] [--connections 32] [--plain]

One run, one machine, one load tool (``wrk``, Debian package): the demo is served as ``make demo``
serves it (gunicorn, production settings), with ``deploy/varnish/rapporteur.vcl`` in front;
the page's HTML, as Varnish delivers it, is written to a file that nginx (Debian package) serves
with a minimal static configuration. Measured in turn: gunicorn alone (no cache), Varnish
(cache hits), nginx. Target: Varnish ≥ 0.8 × nginx.

The clients accept gzip, as every browser does: Varnish sends the page as the app compressed
it, and nginx a precompressed copy of the same file (``gzip_static``). With ``--plain`` the
clients do not: nginx sends the file as it is, and Varnish, which stores pages compressed,
unzips each one it sends.
"""

import argparse
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

PAGE = "/en/2013/europe-and-central-asia/kazakhstan/"

NGINX_CONF = """
worker_processes {workers};
daemon off;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    default_type text/html;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    gzip_static on;
    client_body_temp_path {root}/tmp;
    proxy_temp_path {root}/tmp;
    fastcgi_temp_path {root}/tmp;
    uwsgi_temp_path {root}/tmp;
    scgi_temp_path {root}/tmp;
    server {{
        listen 127.0.0.1:{port};
        root {root}/html;
        location / {{ try_files $uri $uri/index.html =404; }}
    }}
}}
"""


def tool(name):
    found = shutil.which(name) or (f"/usr/sbin/{name}" if os.path.exists(f"/usr/sbin/{name}") else None)
    if not found:
        sys.exit(f"{name} is not installed (apt-get install {name})")
    return found


def wrk(url, args):
    command = ["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s", "--latency"]
    if not args.plain:
        command += ["-H", "Accept-Encoding: gzip"]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99 = re.search(r"99%\s+(\S+)", output).group(1)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return rate, p99, int(non_2xx.group(1)) if non_2xx else 0


def serve_file_with_nginx(html, port, root):
    page_dir = Path(root) / "html" / PAGE.strip("/")
    page_dir.mkdir(parents=True)
    (page_dir / "index.html").write_bytes(html)
    (page_dir / "index.html.gz").write_bytes(gzip.compress(html, 6))
    (Path(root) / "tmp").mkdir()
    for path in [Path(root), *Path(root).rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)  # nginx's workers may run as another user
    conf = Path(root) / "nginx.conf"
    conf.write_text(NGINX_CONF.format(workers=os.cpu_count(), root=root, port=port))
    process = subprocess.Popen([tool("nginx"), "-c", str(conf), "-p", root], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 10
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{PAGE}", timeout=1).read()
            return process
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("nginx did not start: " + process.stderr.read().decode()) from None
            time.sleep(0.1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--plain", action="store_true", help="clients do not accept gzip")
    args = parser.parse_args()
    tool("wrk")
    varnishd = tool("varnishd")

    from rapporteur.demo.instance import free_port, served_demo
    from rapporteur.demo.varnish import varnish_in_front

    cache_port, nginx_port = free_port(), free_port()
    env = {"RAPPORTEUR_FRONTEND_CACHE": f"http://127.0.0.1:{cache_port}"}
    with (
        served_demo(workers=args.workers, extra_env=env) as instance,
        varnish_in_front(varnishd, int(instance.base_url.rsplit(":", 1)[1]), cache_port, memory="256m") as cache,
        tempfile.TemporaryDirectory(prefix="rapporteur-nginx-") as root,
    ):
        html = urllib.request.urlopen(cache + PAGE).read()
        nginx = serve_file_with_nginx(html, nginx_port, root)
        try:
            print(
                f"{PAGE} ({len(html):,} bytes of HTML); wrk -t2 -c{args.connections} -d{args.seconds}s"
                f"{'' if args.plain else ', Accept-Encoding: gzip'}; {os.cpu_count()} CPUs"
            )
            results = {}
            for name, url in (
                (f"gunicorn, {args.workers} workers, no cache", instance.base_url + PAGE),
                ("Varnish in front (cache hits)", cache + PAGE),
                ("nginx, the same HTML from a file", f"http://127.0.0.1:{nginx_port}{PAGE}"),
            ):
                urllib.request.urlopen(url).read()  # warm
                rate, p99, errors = wrk(url, args)
                results[name] = rate
                print(f"  {name:40} {rate:>10,.0f} requests/s   p99 {p99:>8}   non-2xx {errors}")
            varnish, nginx_rate = list(results.values())[1:]
            print(f"  Varnish / nginx: {varnish / nginx_rate:.2f} (target ≥ 0.80)")
        finally:
            nginx.terminate()
            nginx.wait(timeout=10)


if __name__ == "__main__":
    main()
