"""Readers for each input format: bytes in, text and metadata out. No I/O here.

HTML goes through trafilatura 2.3.1 with the settings the gold sets were made with
(`HTML_OPTIONS`). trafilatura ignores declared charsets (it tries UTF-8, then guesses), so the
page is handed over as raw bytes when they are UTF-8, which is exactly how the gold texts were
made, and as text decoded by `sniff.decode_body` otherwise, so that a Latin-1 page without a
declared charset is not mis-guessed.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
import json
import re
import xml.sax
from dataclasses import dataclass, field
from typing import Any

import feedparser
import trafilatura

from pipeline.ingest import sniff
from pipeline.ingest.errors import IngestFailure

HTML_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": False,
    "favor_precision": True,
}
# What trafilatura, lxml and feedparser's lenient parser raise on hostile input that they do
# not catch themselves (found by feeding them damaged copies of the fixtures).
_EXTRACTOR_ERRORS = (
    ValueError, TypeError, LookupError, AttributeError, RecursionError, UnicodeError,
    AssertionError,  # Python 3.11's _markupbase on a broken "<![" section (feedparser's parser)
)
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_TITLE_SEPARATORS = (" - ", " | ", " – ", " — ", " :: ", " · ")
_FEED_LINK_TYPES = ("text/html", "application/xhtml+xml", "")


def normalise_date(value: object) -> str | None:
    """YYYY-MM-DD from a date, a datetime or an ISO string that starts with a date; else None."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        found = _DATE.match(value.strip())
        if found:
            try:
                return dt.date(*(int(part) for part in found.groups())).isoformat()
            except ValueError:
                return None
    return None


# -- plain text --------------------------------------------------------------------------------


def read_text(body: bytes) -> str:
    """A .txt body verbatim: UTF-8, a leading BOM removed, line ends kept as they are."""
    if sniff.is_binary(body):
        raise IngestFailure("BinaryContent", "NUL bytes or a binary signature in a text file")
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestFailure("BadEncoding", f"not UTF-8: {exc}") from exc
    if not text.strip():
        raise IngestFailure("EmptyBody", "no text")
    return text


# -- HTML pages --------------------------------------------------------------------------------


@dataclass(slots=True)
class PageContent:
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None  # the page's own canonical URL (rel=canonical, og:url), absolute
    lang: str | None = None
    sitename: str | None = None
    encoding: str | None = None


def _strip_site_suffix(title: str | None, sitename: str | None) -> str | None:
    if not title or not sitename:
        return title
    for separator in _TITLE_SEPARATORS:
        suffix = f"{separator}{sitename}"
        if title.endswith(suffix) and len(title) > len(suffix):
            return title[: -len(suffix)].strip()
    return title


def _declared_url(candidates: list[str | None], base_url: str | None) -> str | None:
    """The first usable declared URL; a homepage canonical on a deeper page is a site bug."""
    base_path = sniff.absolute_http_url(base_url)
    for candidate in candidates:
        url = sniff.absolute_http_url(candidate, base_url)
        if not url:
            continue
        path = url.split("://", 1)[1].partition("/")[2].strip("/")
        if not path and base_path and base_path.split("://", 1)[1].partition("/")[2].strip("/"):
            continue
        return url
    return None


def extract_html(
    body: bytes,
    *,
    header_charset: str | None = None,
    base_url: str | None = None,
    min_chars: int = 1,
) -> PageContent:
    """The article text of a page and its metadata; IngestFailure("NoArticleText") if none."""
    decoded, encoding = sniff.decode_body(body, header_charset)
    source: bytes | str = body if encoding == "utf-8" else decoded
    try:
        text = trafilatura.extract(source, **HTML_OPTIONS)
    except _EXTRACTOR_ERRORS as exc:
        raise IngestFailure("NoArticleText", f"trafilatura failed: {exc!r}") from exc
    if not text or len(text.strip()) < min_chars:
        found = len(text.strip()) if text else 0
        raise IngestFailure(
            "NoArticleText", f"trafilatura found {found} characters of article text"
        )
    page = PageContent(text=text, encoding=encoding)
    head = sniff.scan_head(decoded)
    try:
        meta = trafilatura.extract_metadata(source)
    except _EXTRACTOR_ERRORS:
        meta = None
    if meta is not None:
        page.sitename = meta.sitename or None
        page.title = _strip_site_suffix(meta.title or None, page.sitename)
        page.author = meta.author or None
        page.published = normalise_date(meta.date)
    page.url = _declared_url(
        [head.canonical, head.og_url, meta.url if meta is not None else None], base_url
    )
    page.lang = head.lang
    return page


def html_fragment_text(fragment: str) -> str | None:
    """Text of an HTML fragment (a feed's content), through trafilatura like a page."""
    wrapped = f"<html><body><article>{fragment}</article></body></html>"
    try:
        text = trafilatura.extract(wrapped, **HTML_OPTIONS)
    except _EXTRACTOR_ERRORS:
        text = None
    return text if text and text.strip() else None


def html_fragment_plain(fragment: str) -> str | None:
    """All the text of a short fragment (a feed summary), when trafilatura keeps none of it."""
    try:
        text = trafilatura.html2txt(f"<html><body><div>{fragment}</div></body></html>")
    except _EXTRACTOR_ERRORS:
        return None
    return text.strip() or None


# -- JSONL -------------------------------------------------------------------------------------

JSONL_FIELDS = ("doc_id", "lang", "published", "title", "url", "text", "source", "author")


def read_json_line(raw: bytes) -> dict[str, Any] | None:
    """One JSONL record with its known fields, or None for a blank line; text kept exactly."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestFailure("BadEncoding", f"not UTF-8: {exc}") from exc
    line = line.lstrip("\ufeff")
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise IngestFailure("BadJsonLine", f"not JSON: {exc}") from exc
    if not isinstance(record, dict):
        raise IngestFailure("BadJsonLine", f"a JSON {type(record).__name__}, not an object")
    text = record.get("text")
    if not isinstance(text, str):
        raise IngestFailure("BadJsonLine", "no string field 'text'")
    if not text.strip():
        raise IngestFailure("EmptyBody", "empty 'text'")
    out: dict[str, Any] = {"text": text}
    for name in JSONL_FIELDS:
        value = record.get(name)
        if name == "text" or value is None:
            continue
        if isinstance(value, (dict, list)):
            raise IngestFailure("BadJsonLine", f"field {name!r} is not a scalar")
        out[name] = str(value)
    if "published" in out:
        out["published"] = normalise_date(out["published"])
    if "lang" in out:
        out["lang"] = sniff.language_code(out["lang"]) or out["lang"]
    return out


# -- feeds -------------------------------------------------------------------------------------


@dataclass(slots=True)
class FeedEntry:
    link: str | None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    lang: str | None = None
    contents: list[tuple[str, str]] = field(default_factory=list)  # (media type, value)
    summary: str | None = None


@dataclass(slots=True)
class Feed:
    title: str | None
    lang: str | None
    author: str | None
    entries: list[FeedEntry]
    malformed: str | None = None  # the XML error, when entries were recovered despite it


def _entry_date(entry: Any) -> str | None:
    # The raw string keeps the publisher's own day; feedparser's *_parsed is in UTC.
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return email.utils.parsedate_to_datetime(raw).date().isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        try:
            return dt.datetime.fromisoformat(raw.strip().replace("Z", "+00:00")).date().isoformat()
        except ValueError:
            pass
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            try:
                return dt.date(*parsed[:3]).isoformat()
            except (TypeError, ValueError):
                continue
    return None


def _entry_link(entry: Any, base_url: str | None) -> str | None:
    candidates = [entry.get("link")]
    for link in entry.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("type", "") in _FEED_LINK_TYPES:
            candidates.append(link.get("href"))
    guid = entry.get("id")
    if guid and entry.get("guidislink", False):
        candidates.append(guid)
    for candidate in candidates:
        url = sniff.absolute_http_url(candidate, base_url)
        if url:
            return url
    return None


def parse_feed(
    body: bytes, *, base_url: str | None = None, header_charset: str | None = None
) -> Feed:
    """RSS or Atom from bytes; IngestFailure("MalformedFeed"/"NotAFeed") when unusable."""
    headers: dict[str, str] = {}
    if base_url:
        headers["content-location"] = base_url
    if header_charset:
        headers["content-type"] = f"application/xml; charset={header_charset}"
    # A BytesIO, never the bytes themselves: feedparser would take bytes for a file name.
    try:
        parsed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    except _EXTRACTOR_ERRORS as exc:
        raise IngestFailure("MalformedFeed", f"feedparser failed: {exc!r}") from exc
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    syntax_error = problem if isinstance(problem, xml.sax.SAXException) else None
    if not parsed.entries:
        if syntax_error is not None:
            raise IngestFailure("MalformedFeed", f"feed XML is not well formed: {syntax_error}")
        if not parsed.get("version"):
            raise IngestFailure("NotAFeed", "XML that is neither RSS nor Atom")
    info = parsed.feed
    feed_lang = sniff.language_code(info.get("language"))
    feed = Feed(
        title=info.get("title") or None,
        lang=feed_lang,
        author=info.get("author") or None,
        entries=[],
        malformed=str(syntax_error) if syntax_error is not None else None,
    )
    for entry in parsed.entries:
        contents = [
            (item.get("type", "text/html"), item.get("value", ""))
            for item in entry.get("content", [])
            if item.get("value")
        ]
        feed.entries.append(
            FeedEntry(
                link=_entry_link(entry, base_url),
                title=entry.get("title") or None,
                author=entry.get("author") or None,
                published=_entry_date(entry),
                lang=sniff.language_code(entry.get("language")) or feed_lang,
                contents=contents,
                summary=entry.get("summary") or None,
            )
        )
    return feed


def _content_text(media_type: str, value: str) -> str | None:
    if "html" in media_type:
        return html_fragment_text(value)
    return value if value.strip() else None


def entry_full_text(entry: FeedEntry, *, min_chars: int) -> str | None:
    """The entry's own full text (content:encoded, Atom content) if it is long enough."""
    best: str | None = None
    for media_type, value in entry.contents:
        text = _content_text(media_type, value)
        if text and (best is None or len(text) > len(best)):
            best = text
    if best is not None and len(best) >= min_chars:
        return best
    return None


def entry_any_text(entry: FeedEntry) -> str | None:
    """Whatever text an entry without a link carries: content first, then its summary."""
    text = entry_full_text(entry, min_chars=1)
    if text:
        return text
    if entry.summary:
        return html_fragment_text(entry.summary) or html_fragment_plain(entry.summary)
    return None

