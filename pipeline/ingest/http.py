"""A small, polite HTTP fetcher on the standard library (http.client).

Why not urllib.request: it has one timeout for connect and read, follows redirects on its own and
reads proxies from the environment; here every hop is checked against the allow-list before a
socket is opened, and the connect and read timeouts are separate settings.

What it does: GET over http/https only; connect and read timeouts plus a time budget for the
whole fetch; retries with exponential backoff on timeouts, dropped connections, 429 and 5xx
(Retry-After honoured up to the backoff cap); a size cap enforced while streaming (and on the
declared Content-Length, and after gzip/deflate decompression); a cap on redirects with loop
detection; a User-Agent; a minimum delay between two requests to one host; an optional
allow-list of hosts; conditional GET from stored validators (ETag / Last-Modified), a 304 coming
back as a result with `not_modified` set. Failures raise `FetchError` with a short class name.
"""

from __future__ import annotations

import http.client
import logging
import socket
import ssl
import time
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from pipeline.config import Settings
from pipeline.ingest.errors import FETCH, IngestFailure

log = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)
# Settings fields read when present (Settings may grow them later), as http_<name>.
_OPTIONAL_SETTINGS = (
    "total_timeout",
    "max_redirects",
    "retries",
    "backoff",
    "backoff_max",
    "host_delay",
)


class FetchError(IngestFailure):
    """A URL that could not be fetched; `error` is a short class name such as "Timeout"."""

    def __init__(self, error: str, detail: str, *, url: str, status: int | None = None) -> None:
        super().__init__(error, detail, stage=FETCH)
        self.url = url
        self.status = status


@dataclass(frozen=True)
class FetchPolicy:
    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0  # budget of one fetch, retries and redirects included
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    retries: int = 2  # further attempts after the first
    backoff: float = 0.5  # wait before the first retry, doubled for each next one
    backoff_max: float = 30.0
    retry_statuses: frozenset[int] = frozenset({429, 500, 502, 503, 504})
    host_delay: float = 1.0  # minimum seconds between two requests to one host
    user_agent: str = "newsevents/0.1"
    allowed_hosts: tuple[str, ...] = ()  # empty: any host

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: object) -> FetchPolicy:
        values: dict[str, object] = {
            "connect_timeout": settings.http_timeout_connect,
            "read_timeout": settings.http_timeout_read,
            "max_bytes": settings.http_max_bytes,
            "user_agent": settings.http_user_agent,
            "allowed_hosts": tuple(settings.allowed_hosts),
        }
        for name in _OPTIONAL_SETTINGS:
            value = getattr(settings, f"http_{name}", None)
            if value is not None:
                values[name] = value
        values.update(overrides)
        return cls(**values)  # type: ignore[arg-type]


@dataclass(slots=True)
class FetchResult:
    url: str  # as asked
    final_url: str  # after redirects
    status: int
    body: bytes = b""
    content_type: str | None = None  # media type, lower case, no parameters
    charset: str | None = None  # as declared in the Content-Type header
    etag: str | None = None
    last_modified: str | None = None
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def validators(self) -> dict[str, str]:
        """What to remember for the next conditional GET of `url`."""
        found = {"etag": self.etag, "last_modified": self.last_modified}
        return {k: v for k, v in found.items() if v}


def host_allowed(host: str, port: int | None, allowed: tuple[str, ...]) -> bool:
    """`allowed` entries: a host name or IP, `host:port`, or `.example.com` for any subdomain."""
    if not allowed:
        return True
    host = host.lower().rstrip(".")
    for entry in allowed:
        entry = entry.strip().lower()
        if not entry:
            continue
        if entry.startswith(("*.", ".")):
            suffix = entry.lstrip("*")
            if host.endswith(suffix) or host == suffix[1:]:
                return True
        elif ":" in entry and not entry.startswith("["):
            name, _, entry_port = entry.rpartition(":")
            if host == name and str(port) == entry_port:
                return True
        elif host == entry.strip("[]"):
            return True
    return False


def _request_target(parts) -> str:
    # Percent-encode what http.client would refuse (spaces, non-ASCII), keep what is encoded.
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    query = quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    return f"{path}?{query}" if query else path


def _header_dict(message: Message) -> dict[str, str]:
    return {name.lower(): value for name, value in message.items()}


class Fetcher:
    """Fetches URLs under one policy; remembers when it last spoke to each host.

    One Fetcher per thread: the per-host clock is not locked.
    """

    def __init__(
        self,
        policy: FetchPolicy,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.policy = policy
        self._clock = clock
        self._sleep = sleep
        self._last_request: dict[str, float] = {}
        self.requests = 0  # requests sent, for progress logs and tests

    # -- public -----------------------------------------------------------------------------

    def check_url(self, url: str) -> tuple[str, str, int]:
        """Scheme, host and port of a URL this fetcher may request; FetchError otherwise."""
        try:
            parts = urlsplit(url)
            port = parts.port
        except ValueError as exc:
            raise FetchError("BadURL", str(exc), url=url) from exc
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchError("UnsupportedScheme", f"only http and https, not {scheme!r}", url=url)
        if not parts.hostname:
            raise FetchError("BadURL", "no host in URL", url=url)
        port = port or (443 if scheme == "https" else 80)
        allowed = self.policy.allowed_hosts
        if not host_allowed(parts.hostname, port, allowed):
            raise FetchError(
                "HostNotAllowed",
                f"host {parts.hostname!r} is not in allowed_hosts {list(allowed)}",
                url=url,
            )
        return scheme, parts.hostname, port

    def fetch(self, url: str, *, validators: Mapping[str, str] | None = None) -> FetchResult:
        """GET `url`, following redirects; a 304 to a conditional GET is a result, not an error."""
        policy = self.policy
        deadline = self._clock() + policy.total_timeout
        self.check_url(url.strip())  # refused before anything else, unparsable included
        current = urlunsplit(urlsplit(url.strip())._replace(fragment=""))
        visited = {current}
        headers = {
            "User-Agent": policy.user_agent,
            "Accept": _ACCEPT,
            "Accept-Encoding": "gzip, deflate",
        }
        if validators:
            if validators.get("etag"):
                headers["If-None-Match"] = validators["etag"]
            if validators.get("last_modified"):
                headers["If-Modified-Since"] = validators["last_modified"]
        redirects = 0
        while True:
            result = self._get_with_retries(current, headers, deadline)
            if result.status not in REDIRECT_STATUSES:
                break
            location = result.headers.get("location")
            if not location:
                raise FetchError(
                    f"HTTPError{result.status}", "redirect without Location", url=current,
                    status=result.status,
                )
            try:
                target = urlunsplit(urlsplit(urljoin(current, location.strip()))._replace(
                    fragment=""))
            except ValueError as exc:
                raise FetchError("BadURL", f"redirect to {location!r}: {exc}", url=url) from exc
            if target in visited:
                raise FetchError(
                    "RedirectLoop", f"{current} redirects back to {target}", url=url,
                    status=result.status,
                )
            redirects += 1
            if redirects > policy.max_redirects:
                raise FetchError(
                    "TooManyRedirects", f"more than {policy.max_redirects} redirects", url=url,
                    status=result.status,
                )
            visited.add(target)
            current = target
        result.url = url
        if result.status == 304 or 200 <= result.status < 300:
            return result
        raise FetchError(
            f"HTTPError{result.status}", f"HTTP {result.status} from {current}", url=url,
            status=result.status,
        )

    # -- internals --------------------------------------------------------------------------

    def _get_with_retries(
        self, url: str, headers: dict[str, str], deadline: float
    ) -> FetchResult:
        policy = self.policy
        attempt = 0
        while True:
            retry_after: float | None = None
            try:
                result = self._get_once(url, headers, deadline)
            except FetchError as exc:
                if exc.error not in ("Timeout", "ConnectionReset"):
                    raise
                failure: FetchError = exc
            else:
                if result.status not in policy.retry_statuses:
                    return result
                failure = FetchError(
                    f"HTTPError{result.status}",
                    f"HTTP {result.status} from {url}",
                    url=url,
                    status=result.status,
                )
                retry_after = _retry_after_seconds(result.headers.get("retry-after"))
            wait = min(policy.backoff * (2**attempt), policy.backoff_max)
            if retry_after is not None:
                wait = min(max(wait, retry_after), policy.backoff_max)
            if attempt >= policy.retries or self._clock() + wait >= deadline:
                if failure.error == "ConnectionReset":
                    failure.error = "ConnectionFailed"
                failure.detail += f" (after {attempt + 1} attempt(s))"
                raise failure
            log.info("retrying %s in %.2fs after %s", url, wait, failure.error)
            self._sleep(wait)
            attempt += 1

    def _wait_for_host(self, host_key: str) -> None:
        last = self._last_request.get(host_key)
        if last is None or self.policy.host_delay <= 0:
            return
        wait = last + self.policy.host_delay - self._clock()
        if wait > 0:
            self._sleep(wait)

    def _get_once(self, url: str, headers: dict[str, str], deadline: float) -> FetchResult:
        scheme, host, port = self.check_url(url)
        policy = self.policy
        host_key = f"{host}:{port}"
        self._wait_for_host(host_key)
        remaining = deadline - self._clock()
        if remaining <= 0:
            raise FetchError("Timeout", f"time budget of {policy.total_timeout}s spent", url=url)
        connect_timeout = min(policy.connect_timeout, remaining)
        if scheme == "https":
            conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                host, port, timeout=connect_timeout, context=ssl.create_default_context()
            )
        else:
            conn = http.client.HTTPConnection(host, port, timeout=connect_timeout)
        self.requests += 1
        try:
            conn.connect()
            conn.sock.settimeout(min(policy.read_timeout, max(deadline - self._clock(), 0.001)))
            conn.request("GET", _request_target(urlsplit(url)), headers=headers)
            response = conn.getresponse()
            result = FetchResult(
                url=url,
                final_url=url,
                status=response.status,
                content_type=response.headers.get_content_type()
                if response.headers.get("content-type")
                else None,
                charset=response.headers.get_content_charset(),
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
                headers=_header_dict(response.headers),
            )
            if 200 <= response.status < 300:
                result.body = self._read_body(response, url, deadline)
            return result
        except TimeoutError as exc:  # socket.timeout is TimeoutError
            raise FetchError("Timeout", f"no answer within the timeout ({exc})", url=url) from exc
        except ssl.SSLError as exc:
            raise FetchError("ConnectionFailed", f"TLS: {exc}", url=url) from exc
        except socket.gaierror as exc:
            raise FetchError("ConnectionFailed", f"DNS: {exc}", url=url) from exc
        except (ConnectionResetError, ConnectionAbortedError, BrokenPipeError) as exc:
            # RemoteDisconnected is a ConnectionResetError: worth another try.
            raise FetchError("ConnectionReset", f"connection dropped: {exc}", url=url) from exc
        except http.client.HTTPException as exc:
            raise FetchError("ProtocolError", f"{type(exc).__name__}: {exc}", url=url) from exc
        except UnicodeError as exc:
            raise FetchError("BadURL", f"cannot encode the URL: {exc}", url=url) from exc
        except OSError as exc:
            raise FetchError("ConnectionFailed", f"{type(exc).__name__}: {exc}", url=url) from exc
        finally:
            conn.close()
            self._last_request[host_key] = self._clock()

    def _read_body(self, response: http.client.HTTPResponse, url: str, deadline: float) -> bytes:
        cap = self.policy.max_bytes
        declared = response.headers.get("content-length")
        if declared and declared.strip().isdigit() and int(declared) > cap:
            raise FetchError(
                "TooLarge", f"Content-Length {int(declared)} is over the cap of {cap} bytes",
                url=url,
            )
        chunks: list[bytes] = []
        size = 0
        while True:
            if self._clock() > deadline:
                raise FetchError(
                    "Timeout", f"body not read within {self.policy.total_timeout}s", url=url
                )
            chunk = response.read(_CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > cap:
                raise FetchError("TooLarge", f"body over the cap of {cap} bytes", url=url)
            chunks.append(chunk)
        body = b"".join(chunks)
        encoding = (response.headers.get("content-encoding") or "").strip().lower()
        if encoding in ("gzip", "x-gzip", "deflate"):
            body = _decompress(body, encoding, cap, url)
        return body


def _decompress(body: bytes, encoding: str, cap: int, url: str) -> bytes:
    # wbits 47 = 32 + 15: a gzip or zlib header, detected; -15: raw deflate, which some servers
    # send for "deflate".
    modes = (47, -15) if encoding == "deflate" else (47,)
    failure: zlib.error | None = None
    for wbits in modes:
        decompressor = zlib.decompressobj(wbits)
        try:
            out = decompressor.decompress(body, cap + 1)
        except zlib.error as exc:
            failure = exc
            continue
        if len(out) > cap or decompressor.unconsumed_tail:
            raise FetchError("TooLarge", f"decompressed body over the cap of {cap} bytes", url=url)
        return out
    raise FetchError("BadContentEncoding", f"{encoding}: {failure}", url=url)


def _retry_after_seconds(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        return float(value.strip())
    return None
