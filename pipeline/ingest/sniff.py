"""What a body is (feed, HTML page, plain text, binary, nothing) and how to decode it.

Pure functions over bytes; no I/O.

Decoding order (`decode_body`): a byte-order mark; then valid UTF-8 that is not plain ASCII wins
over any declaration, because a server or page that declares Latin-1 for UTF-8 bytes is far more
common than Latin-1 text that happens to be valid UTF-8; then the charset of the Content-Type
header, then the one the markup declares (<meta charset>, http-equiv, the XML declaration), each
used only if the bytes decode with it; then UTF-8 again, tolerating a few stray bytes when most of
the text is UTF-8; then Windows-1252, then Latin-1, which decodes anything. The labels
"iso-8859-1" and "us-ascii" mean Windows-1252, as browsers read them (WHATWG Encoding).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

EMPTY = "empty"
BINARY = "binary"
FEED = "feed"
HTML = "html"
XML = "xml"  # XML that is neither RSS nor Atom
TEXT = "text"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM it starts with
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WINDOWS_1252_LABELS = frozenset(
    "iso-8859-1 iso8859-1 iso_8859-1 iso-8859-1:1987 latin-1 latin1 l1 cp819 ibm819 "
    "us-ascii ascii ansi_x3.4-1968 windows-1252 cp1252 x-cp1252".split()
)
_MAGIC = (  # binary formats whose signature has no NUL byte early enough to be caught by that
    b"%PDF-",
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"PK\x03\x04",  # zip, docx, epub
    b"\x1f\x8b",  # gzip
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"\x7fELF",
)
_SNIFF_BYTES = 4096
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)
_XML_ENCODING = re.compile(rb"^\s*<\?xml\b[^>]*?\bencoding\s*=\s*[\"']([A-Za-z0-9._:-]+)", re.I)
_FIRST_TAG = re.compile(r"<([a-z][\w:.-]*)")
_LEADING_MARKUP = re.compile(r"\s*(<\?.*?\?>|<!--.*?-->|<!\[cdata\[.*?\]\]>)", re.S)
_HTML_TAGS = frozenset(
    "html head body title meta link script style noscript base div p span a h1 h2 h3 table "
    "article section header nav main form img br".split()
)
_FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf", "rdf", "channel"})
_LANG = re.compile(r"^([a-z]{2,3})(?:[-_].*)?$")
_WHITESPACE = b" \t\r\n\x0b\x0c"


def normalise_charset(label: str | None) -> str | None:
    """The codec name for a declared charset label, or None when Python has no such codec."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def markup_charset(body: bytes) -> str | None:
    """The charset the document declares in its first bytes (meta tag or XML declaration)."""
    head = body[:_SNIFF_BYTES]
    found = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return found.group(1).decode("ascii") if found else None


def _bom(body: bytes) -> tuple[bytes, str] | None:
    for mark, encoding in _BOMS:
        if body.startswith(mark):
            return mark, encoding
    return None


def _mostly_utf8(body: bytes) -> bool:
    text = body.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd")
    return good > 0 and bad * 20 <= good


def decode_body(body: bytes, header_charset: str | None = None) -> tuple[str, str]:
    """Text and the encoding used (see the module docstring for the order). Never fails."""
    bom = _bom(body)
    if bom:
        mark, encoding = bom
        return body[len(mark):].decode(encoding, errors="replace"), encoding
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if not body.isascii():
            return text, "utf-8"
        declared = normalise_charset(header_charset) or normalise_charset(markup_charset(body))
        if declared and declared.startswith(("utf-16", "utf-32")):
            return body.decode(declared, errors="replace"), declared
        return text, "utf-8"
    for label in (header_charset, markup_charset(body)):
        encoding = normalise_charset(label)
        if not encoding or encoding == "utf-8":
            continue
        try:
            return body.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    if _mostly_utf8(body):
        return body.decode("utf-8", errors="replace"), "utf-8-replace"
    try:
        return body.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return body.decode("latin-1"), "latin-1"


def is_binary(body: bytes) -> bool:
    if _bom(body):
        return False
    head = body[:_SNIFF_BYTES]
    return head.startswith(_MAGIC) or b"\x00" in head


def sniff(body: bytes, content_type: str | None = None) -> str:
    """One of EMPTY, BINARY, FEED, HTML, XML, TEXT, from the bytes first, the header second."""
    if not body.strip(_WHITESPACE):
        return EMPTY
    if is_binary(body):
        return BINARY
    bom = _bom(body)
    if bom:
        mark, encoding = bom
        head = body[len(mark):_SNIFF_BYTES].decode(encoding, errors="replace")
    else:
        head = body[:_SNIFF_BYTES].decode("latin-1")
    head = head.lstrip("\ufeff").lower()
    position = 0
    while True:
        found = _LEADING_MARKUP.match(head, position)
        if not found:
            break
        position = found.end()
    rest = head[position:].lstrip()
    if rest.startswith("<!doctype"):
        if rest.startswith("<!doctype html"):
            return HTML
        rest = rest[rest.find(">") + 1:].lstrip()
        while (found := _LEADING_MARKUP.match(rest)) is not None:
            rest = rest[found.end():].lstrip()
    declared = (content_type or "").lower()
    tag = _FIRST_TAG.match(rest)
    if tag:
        name = tag.group(1)
        if name in _FEED_ROOTS or name.endswith(":rdf"):
            return FEED
        if name in _HTML_TAGS or "html" in declared:
            return HTML
        return XML
    if "html" in declared:
        return HTML
    return TEXT


def language_code(value: str | None) -> str | None:
    """"fr-FR" -> "fr", "en_US" -> "en"; None for anything that is not a language tag."""
    if not value:
        return None
    found = _LANG.match(value.strip().lower())
    return found.group(1) if found else None


@dataclass(slots=True)
class HeadInfo:
    lang: str | None = None
    canonical: str | None = None
    og_url: str | None = None


class _HeadScanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.info = HeadInfo()
        self._seen_html = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): (value or "") for name, value in attrs}
        if tag == "html" and not self._seen_html:
            self._seen_html = True
            self.info.lang = language_code(values.get("lang") or values.get("xml:lang"))
        elif tag == "link" and self.info.canonical is None:
            if "canonical" in values.get("rel", "").lower().split() and values.get("href"):
                self.info.canonical = values["href"].strip()
        elif tag == "meta" and self.info.og_url is None:
            if values.get("property", values.get("name", "")).lower() == "og:url":
                self.info.og_url = values.get("content", "").strip() or None


def scan_head(html: str, *, limit: int = 1_000_000) -> HeadInfo:
    """<html lang>, <link rel=canonical> and og:url, read from the part before <body>."""
    end = html.lower().find("<body", 0, limit)
    scanner = _HeadScanner()
    try:
        scanner.feed(html[: end if end >= 0 else limit])
        scanner.close()
    except AssertionError:
        # Python 3.11's _markupbase asserts on a broken "<![" section; keep what was found.
        pass
    return scanner.info


def absolute_http_url(url: str | None, base: str | None = None) -> str | None:
    """`url` made absolute against `base`, if it is http(s) with a host; None otherwise."""
    if not url:
        return None
    url = url.strip()
    try:
        if base:
            url = urljoin(base, url)
        parts = urlsplit(url)
    except ValueError:  # e.g. a broken IPv6 literal
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url
