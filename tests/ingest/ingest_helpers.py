"""Helpers of the ingest tests: a local HTTP server on 127.0.0.1, fixture paths, a PNG.

Tests never reach another address: settings carry allowed_hosts=("127.0.0.1",), and the feeds'
item links are rewritten to this server before they are served.
"""

from __future__ import annotations

import hashlib
import json
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


class LocalServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: dict[str, int] = {}
        self.request_headers: list[tuple[str, dict[str, str]]] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

            def do_GET(self) -> None:  # noqa: N802
                with server._lock:
                    server.hits[self.path] = server.hits.get(self.path, 0) + 1
                    server.request_headers.append((self.path, dict(self.headers.items())))
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

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
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

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
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
