"""Helpers of the ingest tests: a local HTTP server on 127.0.0.1, fixture paths, a PNG.

Tests never reach another address: settings carry allowed_hosts=("127.0.0.1",), and the feeds'
item links are rewritten to this server before they are served.
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

WEB = Path(__file__).resolve().parents[1] / "fixtures" / "web"
NBC_LINK = ("https://www.nbcnewyork.com/news/local/nyc-cops-search-for-stabbing-suspect-after-"
            "leaving-18-year-old-to-bleed-out-on-sidewalk/4956764/")
NYT_LINK = "https://www.nytimes.com/2021/06/11/science/drought-las-vegas-grass-mars.html"
REPORTERRE_LINK = ("https://reporterre.net/"
                   "Europe-vers-un-affaiblissement-historique-des-normes-ecologiques")
BBC_PODCAST_LINK = "http://www.bbc.co.uk/programmes/m000sjxt"
GOOGLE_NEWS_LINK = ("https://news.google.com/__i/rss/rd/articles/CBMiiwFodHRwczovL3d3dy5ydGJmLmJl"
                    "L2luZm8vc29jaWV0ZS9kZXRhaWxfY29yb25hdmlydXMtZW4tYmVsZ2lxdWUtMjAwLWNhcy1kZXRl"
                    "Y3Rlcy1hdS10b3RhbC1sYS1jaXJjdWxhdGlvbi1kdS12aXJ1cy1yZXN0ZS1saW1pdGVlP2lkPTEw"
                    "NDUwNzkz0gEA?oc=5")
SHARED = Path(__file__).resolve().parents[3] / "shared"
DESIGN_SETTINGS = {"include_comments": False, "include_tables": False, "favor_precision": True}


def web_bytes(relative: str) -> bytes:
    return (WEB / relative).read_bytes()


def gold_pages() -> list[dict]:
    with (WEB / "gold_pages.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def gold_page_path(gold: dict) -> Path:
    """The saved page of a gold article: the copy here, else ../shared's; skip if neither."""
    for base in (WEB, SHARED / "fixtures" / "web"):
        if (base / gold["page"]).exists():
            return base / gold["page"]
    pytest.skip(f"{gold['page']} is neither under tests/fixtures/web nor ../shared")


def latin1_without_charset(relative: str) -> bytes:
    """A real page re-encoded as Latin-1 (other characters as references), charset removed."""
    html = web_bytes(relative).decode("utf-8")
    html = re.sub(r"<meta[^>]*charset[^>]*>", "", html, flags=re.IGNORECASE)
    return html.encode("latin-1", errors="xmlcharrefreplace")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def png_bytes() -> bytes:
    """A real (tiny) PNG image: 2x2 grey pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\x80\x80" for _ in range(2))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: bool = False  # answer If-None-Match with 304
    chunked: bool = False  # no Content-Length: stream in chunks, close at the end
    handler: Callable[[BaseHTTPRequestHandler], None] | None = None


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        pass  # a client that gave up (size cap, timeout, a killed run): expected here


class LocalServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        self.request_headers: list[tuple[str, dict[str, str]]] = []
        self.answers: dict[int, int] = {}  # request number (from 0) -> status answered
        self.hold_at: int | None = None  # the request with this number waits for `released`
        self.holding = threading.Event()
        self.released = threading.Event()
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

            def send_response(self, code: int, message: str | None = None) -> None:
                with server._lock:
                    server.answers[self.number] = code
                super().send_response(code, message)

            def do_GET(self) -> None:  # noqa: N802
                with server._lock:
                    server.hits[self.path] = server.hits.get(self.path, 0) + 1
                    self.number = len(server.request_headers)
                    server.request_headers.append((self.path, dict(self.headers.items())))
                    hold = len(server.request_headers) == server.hold_at
                if hold:  # a client killed while it waits for this answer
                    server.holding.set()
                    server.released.wait(60)
                    return
                route = server.routes.get(self.path)
                if route is None:
                    self._send(404, b"<html><body><h1>Not Found</h1></body></html>",
                               "text/html; charset=utf-8", {})
                    return
                if route.handler is not None:
                    route.handler(self)
                    return
                headers = dict(route.headers)
                if route.etag:
                    tag = '"' + hashlib.sha256(route.body).hexdigest()[:16] + '"'
                    headers["ETag"] = tag
                    if self.headers.get("If-None-Match") == tag:
                        self._send(304, b"", None, headers)
                        return
                if route.chunked:
                    self.send_response(route.status)
                    if route.content_type:
                        self.send_header("Content-Type", route.content_type)
                    self.send_header("Connection", "close")
                    self.end_headers()
                    for start in range(0, len(route.body), 65536):
                        self.wfile.write(route.body[start:start + 65536])
                    self.close_connection = True
                    return
                self._send(route.status, route.body, route.content_type, headers)

            def _send(self, status: int, body: bytes, content_type: str | None,
                      headers: dict[str, str]) -> None:
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body:
                    self.wfile.write(body)

        self.httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def add(self, path: str, body: bytes = b"", **options: object) -> str:
        self.routes[path] = Route(body=body, **options)  # type: ignore[arg-type]
        return self.url(path)

    def add_page(self, path: str, relative: str, **options: object) -> str:
        return self.add(path, web_bytes(relative), **options)

    def add_feed(self, path: str, relative: str, links: dict[str, str],
                 content_type: str = "application/rss+xml; charset=utf-8",
                 **options: object) -> str:
        """Serve a saved feed with its item links (original -> local path) rewritten."""
        body = web_bytes(relative)
        for original, local in links.items():
            assert original.encode() in body, original
            body = body.replace(original.encode(), self.url(local).encode())
        return self.add(path, body, content_type=content_type, **options)

    @property
    def requests(self) -> int:
        return len(self.request_headers)

    def log_since(self, start: int) -> list[tuple[str, int | None]]:
        """(path, status answered) of the requests from number `start` on."""
        with self._lock:
            return [(path, self.answers.get(number))
                    for number, (path, _) in enumerate(self.request_headers[start:], start)]

    def hold(self, request_number: int) -> None:
        """Make request number `request_number` (counted from now) hang until `release`."""
        self.holding.clear()
        self.released.clear()
        self.hold_at = self.requests + request_number

    def release(self) -> None:
        self.hold_at = None
        self.released.set()

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.release()
        self.httpd.shutdown()
        self.httpd.server_close()


def slow_handler(delay: float) -> Callable[[BaseHTTPRequestHandler], None]:
    def handle(request: BaseHTTPRequestHandler) -> None:
        time.sleep(delay)
        try:
            request.send_response(200)
            request.send_header("Content-Length", "0")
            request.end_headers()
        except OSError:
            pass  # the client gave up first, as it should

    return handle


# -- faults ------------------------------------------------------------------------------------

FAULTS = [
    "malformed feed XML", "feed URL serving HTML", "page with no article text", "empty body",
    "over the size cap", "over the size cap, streamed", "binary served as HTML", "HTTP 404",
    "HTTP 500 after retries", "timeout", "redirect loop", "too many redirects",
    "host outside the allow-list", "redirect outside the allow-list", "scheme other than http(s)",
]


def add_fault_routes(server: LocalServer) -> dict[str, tuple[str, str, str]]:
    """name -> (url, stage, error), every route made from real bytes (size cap: 1 MB)."""
    herald = "pages/en/herald-sun-1.html"
    feed = web_bytes("feeds/rss_2.0_nbcny.xml")
    server.add("/broken.xml", feed[: len(feed) // 2], content_type="application/rss+xml")
    server.add_page("/news/feed.xml", herald)  # a feed URL serving HTML
    server.add("/nav.html", b"<!DOCTYPE html><html><head><title>Accueil</title></head><body>"
               b"<nav><a href='/'>Accueil</a> <a href='/monde'>Monde</a></nav></body></html>")
    server.add("/empty.html", b"")
    page = web_bytes(herald)
    server.add("/huge.html", page * 20)  # about 1.2 MB, over the 1 MB cap
    server.add("/huge-stream.html", page * 20, chunked=True)
    server.add("/photo.html", png_bytes(), content_type="text/html")
    server.add("/error.html", b"<html><body>oops</body></html>", status=500)
    server.add("/slow.html", handler=slow_handler(1.0))
    server.add("/loop/a", status=302, headers={"Location": "/loop/b"})
    server.add("/loop/b", status=301, headers={"Location": server.url("/loop/a")})
    for hop in range(10):
        server.add(f"/hop/{hop}", status=307, headers={"Location": f"/hop/{hop + 1}"})
    server.add("/away", status=302, headers={"Location": "http://example.org/"})
    return {
        "malformed feed XML": (server.url("/broken.xml"), "parse", "MalformedFeed"),
        "feed URL serving HTML": (server.url("/news/feed.xml"), "parse", "FeedIsHtml"),
        "page with no article text": (server.url("/nav.html"), "parse", "NoArticleText"),
        "empty body": (server.url("/empty.html"), "parse", "EmptyBody"),
        "over the size cap": (server.url("/huge.html"), "fetch", "TooLarge"),
        "over the size cap, streamed": (server.url("/huge-stream.html"), "fetch", "TooLarge"),
        "binary served as HTML": (server.url("/photo.html"), "parse", "BinaryContent"),
        "HTTP 404": (server.url("/missing.html"), "fetch", "HTTPError404"),
        "HTTP 500 after retries": (server.url("/error.html"), "fetch", "HTTPError500"),
        "timeout": (server.url("/slow.html"), "fetch", "Timeout"),
        "redirect loop": (server.url("/loop/a"), "fetch", "RedirectLoop"),
        "too many redirects": (server.url("/hop/0"), "fetch", "TooManyRedirects"),
        "host outside the allow-list": (f"http://localhost:{server.port}/ok.html", "fetch",
                                        "HostNotAllowed"),
        "redirect outside the allow-list": (server.url("/away"), "fetch", "HostNotAllowed"),
        "scheme other than http(s)": ("file:///etc/hostname", "fetch", "UnsupportedScheme"),
    }


# -- a news site: feeds, pages, syndicated copies and every fault --------------------------------


@dataclass
class SiteSource:
    name: str
    url: str
    kind: str | None = None


@dataclass
class NewsSite:
    """What `add_news_site` serves, in the order of its sources file."""

    sources: list[SiteSource]
    gold: dict[str, dict]  # source name -> gold_pages.jsonl record of the page it gives
    full_text_feeds: dict[str, str]  # source name -> start of the article its entry carries
    copies: dict[str, tuple[str, str]]  # source name -> (source name of the original, rule)
    faults: dict[str, tuple[str, str, str]]  # source name -> (url, stage, error)
    good_paths: set[str]  # paths of feeds and article pages (not faults)

    def sources_toml(self) -> str:
        lines = []
        for source in self.sources:
            lines += ["[[sources]]", f"name = {json.dumps(source.name)}",
                      f"location = {json.dumps(source.url)}"]
            if source.kind:
                lines.append(f"kind = {json.dumps(source.kind)}")
            lines.append("")
        return "\n".join(lines)


# Feeds whose one item links to a gold page: (name, feed path, feed file, link, page path, page,
# content type). The feed's own language must be the page's: it is the article's language hint.
_SITE_FEEDS = [
    ("nbc-new-york", "/feeds/nbc.xml", "feeds/rss_2.0_nbcny.xml", NBC_LINK,
     "/news/herald-sun-data-retention?utm_source=rss", "pages/en/herald-sun-1.html",
     "application/rss+xml; charset=utf-8"),
    ("nyt-health", "/feeds/nyt-health.xml", "feeds/feed-char-escape.xml", NYT_LINK,
     "/news/sudan-sanctions", "pages/en/nytimes-1.html", "text/xml"),
    ("in-our-time", "/feeds/in-our-time.rss", "feeds/rss_2.0_bbc.xml", BBC_PODCAST_LINK,
     "/news/obama-guns", "pages/en/bbc-1.html", "application/rss+xml"),
    ("reporterre", "/feeds/reporterre", "feeds/feed-dcdate.xml", REPORTERRE_LINK,
     "/news/paris8-greve", "pages/fr/bondyblog.fr.paris-8.html", "application/rss+xml"),
    ("google-news-be", "/feeds/google-news", "feeds/feed-test-source.xml", GOOGLE_NEWS_LINK,
     "/news/prymula-demission", "pages/fr/francais.radio.cz-ministre.html",
     "application/xml; charset=utf-8"),
]
_SITE_PAGES = [
    ("liberation", "/pages/seisme-nepal.html", "pages/fr/liberation-1.html"),
    ("le-figaro", "/pages/montebourg", "pages/fr/test_lefigaro.html"),
    ("madame-figaro", "/pages/intestin.html", "pages/fr/madame.lefigaro.fr.dintestin.html"),
    ("washington-post", "/pages/tunisia-museum.html", "pages/en/wapo-1.html"),
    ("telegraph", "/pages/mugabe.html", "pages/en/telegraph.html"),
    ("bbc-burials", "/pages/ny-burials.html", "pages/en/bbc.com.52241221.html"),
]
LATIN1_PAGE = "pages/fr/lenouvelliste.com-compagnies.html"
_MIRROR_CREDIT = ("<p>Cet article est repris de Libération avec l’autorisation de "
                  "l’éditeur.</p>")


def _mirror_of_liberation() -> bytes:
    """Libération's page as a second outlet republishes it: its own URL, a credit line."""
    html = web_bytes("pages/fr/liberation-1.html").decode("utf-8")
    html = re.sub(r'<link[^>]*rel="canonical"[^>]*>|<meta[^>]*property="og:url"[^>]*>', "",
                  html)
    last = "Des dizaines de milliers de personnes sont sans abri.</p>"
    assert last in html
    return html.replace(last, last + _MIRROR_CREDIT, 1).encode("utf-8")


def _wire_copy(gold_text: str) -> bytes:
    """A plain-text wire copy: the same words, its own line breaks and spacing."""
    return ("  " + gold_text.replace("\n", "\r\n\r\n").replace(". ", ".  ") + "\n").encode()


def add_news_site(server: LocalServer) -> NewsSite:
    """Serve real feeds (links rewritten here), the twelve gold pages, copies and faults."""
    gold = {g["page"]: g for g in gold_pages()}
    sources: list[SiteSource] = []
    by_name: dict[str, dict] = {}
    good_paths: set[str] = set()
    for name, path, feed, link, page_path, page, content_type in _SITE_FEEDS:
        server.add_page(page_path, page, etag=True)
        server.add_feed(path, feed, {link: page_path}, content_type=content_type, etag=True)
        sources.append(SiteSource(name, server.url(path), "feed"))
        by_name[name] = gold[page]
        good_paths |= {path, page_path}
    server.add_page("/feeds/verge.atom", "feeds/feed-atom-test.xml",
                    content_type="application/atom+xml", etag=True)
    sources.append(SiteSource("the-verge", server.url("/feeds/verge.atom")))
    good_paths.add("/feeds/verge.atom")
    for name, path, page in _SITE_PAGES:
        server.add_page(path, page, etag=True)
        sources.append(SiteSource(name, server.url(path), "page"))
        by_name[name] = gold[page]
        good_paths.add(path)
    server.add("/pages/compagnies.html", latin1_without_charset(LATIN1_PAGE),
               content_type="text/html")  # Latin-1, no charset anywhere
    sources.append(SiteSource("le-nouvelliste-latin1", server.url("/pages/compagnies.html")))
    by_name["le-nouvelliste-latin1"] = gold[LATIN1_PAGE]
    good_paths.add("/pages/compagnies.html")

    telegraph_text = _gold_text(gold["pages/en/telegraph.html"]["doc_id"])
    server.add("/mirror/seisme-au-nepal.html", _mirror_of_liberation())
    server.add("/wire/mugabe.txt", _wire_copy(telegraph_text),
               content_type="text/plain; charset=utf-8")
    sources += [SiteSource("mirror-liberation", server.url("/mirror/seisme-au-nepal.html")),
                SiteSource("wire-telegraph", server.url("/wire/mugabe.txt"))]
    good_paths |= {"/mirror/seisme-au-nepal.html", "/wire/mugabe.txt"}

    faults = {}
    for fault, (url, stage, error) in add_fault_routes(server).items():
        name = "fault-" + re.sub(r"[^a-z0-9]+", "-", fault.lower()).strip("-")
        sources.append(SiteSource(name, url))
        faults[name] = (url, stage, error)
    return NewsSite(
        sources=sources, gold=by_name,
        full_text_feeds={"the-verge": "Google has been ordered to pay Sonos"},
        copies={"mirror-liberation": ("liberation", "title+shingles"),
                "wire-telegraph": ("telegraph", "text")},
        faults=faults, good_paths=good_paths,
    )


def _gold_text(doc_id: str) -> str:
    """The gold text of a doc_id, from the bundled sample (the gold sets' articles)."""
    sample = Path(__file__).resolve().parents[2] / "examples" / "sample_news.jsonl"
    with sample.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["doc_id"] == doc_id:
                return record["text"]
    raise KeyError(doc_id)
