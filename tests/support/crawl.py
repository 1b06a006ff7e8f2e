"""An anonymous reader crawling every channel the site offers, for leak tests."""

import io
import json
import re
import subprocess
import zipfile
from collections import deque
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup
from django.conf import settings

from tests.support.helpers import require_tool

# Pages link their feeds (<link rel="alternate">); two are seeded as well, so that a template that
# loses its link cannot take the feeds, and the citation files they lead to, out of the crawl.
SEEDS = [
    "/",
    "/en/",
    "/sitemap.xml",
    "/robots.txt",
    "/api/v1/",
    "/api/v1/docs/",
    "/api/v1/openapi.json",
    "/en/data/",
    "/en/corrections.atom",
    "/en/2013/feed.atom",
]

# Open data files that are ZIP containers (the Data Package, the spreadsheet): read every member.
ZIPPED_DATA = ("application/zip", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


class Visit:
    """One crawled address: where it ended up, with what status, type and body."""

    def __init__(self, response):
        self.status_code = response.status_code
        self.final_path = response.request["PATH_INFO"]
        self.content_type = response.get("Content-Type", "")
        self.content = b"".join(response.streaming_content) if response.streaming else response.content
        self.text = readable_text(self.content_type, self.content)


def readable_text(content_type, content):
    """What a reader reads, and where the file's links lead.

    Markup such as search highlighting can split a token ("<mark>LEAK</mark>-..."), and PDFs
    and e-books are compressed, so tokens are looked for in the text as well as the bytes;
    a PDF's link annotations and an e-book's markup (its hrefs) are part of what is read.
    """
    if "html" in content_type:
        return re.sub(r"<[^>]+>", "", content.decode("utf-8", "replace"))
    if content_type == "application/pdf":
        # without pdftotext a PDF would read as empty and the crawl would prove nothing about it
        pdftotext = require_tool("pdftotext", "needed to read the PDFs the crawl finds; apt-get install poppler-utils")
        text = " ".join(pdf_link_targets(content))
        text += subprocess.run([pdftotext, "-", "-"], input=content, capture_output=True).stdout.decode(
            "utf-8", "replace"
        )
        # narrow columns break words at line ends (soft hyphens, or after a hyphen): read them joined too
        return text + " " + re.sub(r"\u00ad\s*|(?<=-)\s*\n\s*", "", text)
    if content_type in ZIPPED_DATA:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return " ".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    if content_type.startswith(("application/jsonl", "application/vnd.sqlite3")):
        return content.decode("utf-8", "replace")  # SQLite keeps text uncompressed in its pages
    if content_type == "application/epub+zip":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            markup = [archive.read(n).decode("utf-8", "replace") for n in archive.namelist()]
        return " ".join(markup + [re.sub(r"<[^>]+>", "", part) for part in markup])
    return ""


def pdf_link_targets(content):
    """Every web address a PDF's link annotations point to."""
    from pypdf import PdfReader

    targets = []
    for page in PdfReader(io.BytesIO(content)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if action.get("/URI"):
                targets.append(str(action["/URI"]))
    return targets


def links_in(url, visit):
    content_type = visit.content_type
    body = visit.content.decode("utf-8", "replace")
    found = set()
    if "json" in content_type:
        found.update(addresses_in_json(body))
    elif "xml" in content_type:
        found.update(re.findall(r"<loc>([^<]+)</loc>", body))
        found.update(re.findall(r"<link[^>]* href=\"([^\"]+)\"", body))  # Atom feeds' links
    elif "text/plain" in content_type or "bibtex" in content_type or "json" in content_type:
        found.update(re.findall(r"https?://[^\s\"{}]+", body))
    elif "html" in content_type:
        html = BeautifulSoup(body, "html.parser")
        for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
            found.update(node[attribute] for node in html.find_all(tag) if node.get(attribute))
        for form in html.find_all("form", method=re.compile("get", re.I)):
            action = form.get("action") or url
            for select in form.find_all("select"):
                for option in select.find_all("option"):
                    if option.get("value"):
                        found.add(f"{action}?{select['name']}={option['value']}")
    return {urldefrag(urljoin(url, link))[0] for link in found}


def addresses_in_json(body):
    """Every address an API answer gives (``url``, ``reader_url``, ``next``...): the API is crawled
    through its own links, as a client following them would be."""
    try:
        data = json.loads(body)
    except ValueError:
        return set()
    found, stack = set(), [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str) and item.startswith(("http://testserver/", "/api/")):
            found.add(item)
    return found


def local_path(link):
    parts = urlsplit(link)
    if parts.scheme in ("http", "https") and parts.hostname not in ("testserver", "localhost", "127.0.0.1"):
        return None
    if parts.scheme not in ("", "http", "https"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(client, extra=(), limit=2000):
    """Visit everything reachable from the seeds (and ``extra`` addresses); return {path: Visit}."""
    # every language's home as well: a translation is reached from the switcher, but a language
    # whose pages link nowhere else must be crawled too
    languages = [f"/{code}/" for code, _ in settings.LANGUAGES]
    queue, seen, responses = deque([*SEEDS, *languages, *extra]), set(), {}
    while queue and len(responses) < limit:
        path = local_path(queue.popleft())
        if path is None or path in seen or path.startswith("/admin/"):
            continue
        seen.add(path)
        visit = Visit(client.get(path, follow=True))
        responses[path] = visit
        for link in links_in(path, visit):
            queue.append(link)
    return responses


def bodies_containing(responses, token):
    return sorted(path for path, visit in responses.items() if token.encode() in visit.content or token in visit.text)
