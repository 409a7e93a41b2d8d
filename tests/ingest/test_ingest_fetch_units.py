"""The fetcher's policy, charset decoding and content sniffing, piece by piece."""

from __future__ import annotations

import gzip
from types import SimpleNamespace

import pytest
from ingest_helpers import LocalServer, png_bytes, web_bytes

from pipeline.config import Settings
from pipeline.ingest import Fetcher, FetchError, FetchPolicy
from pipeline.ingest.http import host_allowed
from pipeline.ingest.sniff import (
    BINARY,
    EMPTY,
    FEED,
    HTML,
    TEXT,
    XML,
    decode_body,
    language_code,
    sniff,
)


class FakeTime:
    """A clock that only moves when someone sleeps."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 4))
        self.now += seconds


def test_policy_from_settings_reads_http_fields() -> None:
    settings = Settings(http_timeout_connect=1.5, http_timeout_read=2.5, http_max_bytes=123,
                        http_user_agent="ua", allowed_hosts=("a.org",))
    policy = FetchPolicy.from_settings(settings, retries=0)
    assert (policy.connect_timeout, policy.read_timeout, policy.max_bytes, policy.user_agent,
            policy.allowed_hosts, policy.retries) == (1.5, 2.5, 123, "ua", ("a.org",), 0)


def test_policy_picks_up_settings_fields_added_later() -> None:
    settings = SimpleNamespace(http_timeout_connect=1, http_timeout_read=2, http_max_bytes=3,
                               http_user_agent="ua", allowed_hosts=(), http_retries=7,
                               http_host_delay=0.25, http_max_redirects=2)
    policy = FetchPolicy.from_settings(settings)  # type: ignore[arg-type]
    assert (policy.retries, policy.host_delay, policy.max_redirects) == (7, 0.25, 2)


@pytest.mark.parametrize(
    ("host", "port", "allowed", "expected"),
    [
        ("127.0.0.1", 8080, (), True),
        ("127.0.0.1", 8080, ("127.0.0.1",), True),
        ("localhost", 8080, ("127.0.0.1",), False),
        ("127.0.0.1", 8080, ("127.0.0.1:8080",), True),
        ("127.0.0.1", 9090, ("127.0.0.1:8080",), False),
        ("news.example.org", 443, (".example.org",), True),
        ("example.org", 443, ("*.example.org",), True),
        ("badexample.org", 443, (".example.org",), False),
        ("EXAMPLE.org", 443, ("example.org",), True),
        ("::1", 80, ("[::1]",), True),
    ],
)
def test_host_allowed(host: str, port: int, allowed: tuple[str, ...], expected: bool) -> None:
    assert host_allowed(host, port, allowed) is expected


def test_per_host_delay_and_backoff(server: LocalServer) -> None:
    ok = server.add("/ok", b"<html><body>x</body></html>")
    failing = server.add("/fail", b"no", status=503)
    fake = FakeTime()
    fetcher = Fetcher(
        FetchPolicy(host_delay=0.5, retries=2, backoff=0.01, allowed_hosts=("127.0.0.1",)),
        clock=fake.clock, sleep=fake.sleep,
    )
    fetcher.fetch(ok)
    fetcher.fetch(ok)
    assert fake.sleeps == [0.5]  # the second request waited for the host delay

    fake.sleeps.clear()
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(failing)
    assert caught.value.error == "HTTPError503"
    # host delay, backoff 0.01, host delay (0.49 left), backoff 0.02, host delay
    assert fake.sleeps == [0.5, 0.01, 0.49, 0.02, 0.48]


def test_conditional_get_sends_validators(server: LocalServer, fetcher: Fetcher) -> None:
    url = server.add("/page", b"<html></html>", etag=True,
                     headers={"Last-Modified": "Wed, 26 Feb 2025 16:42:45 GMT"})
    first = fetcher.fetch(url)
    assert first.status == 200 and set(first.validators) == {"etag", "last_modified"}

    second = fetcher.fetch(url, validators=first.validators)

    assert second.not_modified and second.body == b""
    sent = server.request_headers[-1][1]
    assert sent["If-None-Match"] == first.etag
    assert sent["If-Modified-Since"] == "Wed, 26 Feb 2025 16:42:45 GMT"
    assert sent["User-Agent"] == fetcher.policy.user_agent


def test_gzip_bomb_is_stopped_at_the_cap(server: LocalServer, settings: Settings) -> None:
    bomb = gzip.compress(b" " * 5_000_000)
    url = server.add("/bomb.html", bomb, headers={"Content-Encoding": "gzip"})
    fetcher = Fetcher(FetchPolicy.from_settings(settings, retries=0))
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(url)
    assert caught.value.error == "TooLarge" and len(bomb) < settings.http_max_bytes


def test_final_url_after_redirect(server: LocalServer, fetcher: Fetcher) -> None:
    server.add("/old", status=301, headers={"Location": "/new#frag"})
    server.add("/new", b"<html></html>")
    result = fetcher.fetch(server.url("/old"))
    assert (result.url, result.final_url) == (server.url("/old"), server.url("/new"))


# -- decoding ----------------------------------------------------------------------------------

CAFE = "Le café « crème » coûte 2 €"


@pytest.mark.parametrize(
    ("body", "header", "text", "encoding"),
    [
        (CAFE.encode("utf-8"), None, CAFE, "utf-8"),
        (CAFE.encode("cp1252"), None, CAFE, "cp1252"),
        (CAFE.encode("utf-8"), "iso-8859-1", CAFE, "utf-8"),  # declared wrong: bytes win
        (CAFE.encode("cp1252"), "utf-8", CAFE, "cp1252"),  # declared wrong: fallback
        (CAFE.encode("cp1252"), "latin-1", CAFE, "cp1252"),  # latin-1 read as browsers do
        ("Привет".encode("cp1251"), "windows-1251", "Привет", "cp1251"),
        (b'<meta charset="windows-1251">' + "Привет".encode("cp1251"), None,
         '<meta charset="windows-1251">Привет', "cp1251"),
        (b"\xef\xbb\xbf" + CAFE.encode("utf-8"), None, CAFE, "utf-8"),
        (CAFE.encode("utf-16"), None, CAFE, "utf-16-le"),
        # One stray Latin-1 byte in UTF-8 text: keep the UTF-8, lose one character.
        ("café crème à ça ".encode() * 5 + b"\xe9t\xc3\xa9", None,
         "café crème à ça " * 5 + "\ufffdté", "utf-8-replace"),
        (b"plain ascii", "no-such-charset", "plain ascii", "utf-8"),
    ],
)
def test_decode_body(body: bytes, header: str | None, text: str, encoding: str) -> None:
    assert decode_body(body, header) == (text, encoding)


# -- sniffing ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "content_type", "kind"),
    [
        (web_bytes("feeds/rss_2.0_nbcny.xml"), None, FEED),
        (web_bytes("feeds/feed-atom-test.xml"), "text/html", FEED),  # content beats header
        (b"\xef\xbb\xbf  <?xml version='1.0'?>\n<!-- c -->\n<rdf:RDF xmlns:rdf='x'>", None,
         FEED),
        (b"<?xml version='1.0'?><!DOCTYPE rss PUBLIC 'x' 'y'><rss version='0.91'>", None, FEED),
        (web_bytes("pages/en/herald-sun-1.html"), None, HTML),
        (b"\n<!-- generated -->\n<HTML><BODY>x", None, HTML),
        (b"<center>old page</center>", "text/html", HTML),
        (b"<urlset><url/></urlset>", "application/xml", XML),
        (b"Just some text.", "text/plain", TEXT),
        (b"Just some text.", "text/html", HTML),
        (png_bytes(), "text/html", BINARY),
        (b"%PDF-1.7\n...", None, BINARY),
        (b"", None, EMPTY),
        (b" \r\n ", "text/html", EMPTY),
    ],
)
def test_sniff(body: bytes, content_type: str | None, kind: str) -> None:
    assert sniff(body, content_type) == kind


def test_language_code() -> None:
    assert [language_code(v) for v in ("fr-FR", "en_US", "EN", "", None, "français")] == [
        "fr", "en", "en", None, None, None]
