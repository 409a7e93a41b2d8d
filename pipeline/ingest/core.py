"""ingest_sources: files, folders, pages and feeds in; articles and error rows out.

Each source string is told apart by itself: an http(s) URL is fetched and its body sniffed (feed
or HTML page); a folder is walked (sorted, hidden entries skipped) and its files read by suffix;
a file is read by its suffix (`.txt` verbatim, `.html`/`.htm` through trafilatura, `.jsonl` one
article per line, `.xml`/`.rss`/`.atom` as a feed), and any file or URL whose content is a feed
is read as one. A feed entry that carries its full text (content:encoded, Atom content, at least
`IngestOptions.full_text_min_chars` characters once extracted) is taken as it is; otherwise its
link is fetched and the page extracted; the feed's title, date, author and language fill what the
page lacks. A page's own <html lang> is not used as the article's language: too many pages
declare their template's language (two of the six French gold pages say "en"); extraction
detects the language from the text.

Nothing raises out of `ingest_sources`: each input that cannot be taken becomes one IngestError
(and a warning in the log), and the other inputs go on.

Hooks for incremental runs (issue 5), all optional and plain data:
- `validators`: canonical URL -> {"etag", "last_modified"} remembered from an earlier run; the
  request is conditional and a 304 lands in `IngestBatch.not_modified`.
- `IngestBatch.validators`: the new validators to remember, only for URLs whose content was taken
  without error, so the caller saves them after the articles are stored (a crash in between
  means a refetch, never a loss).
- `known_urls`: canonical URLs of articles already stored (or of the pages they were fetched
  from); such pages and feed entries are not fetched or extracted again and land in
  `IngestBatch.skipped`.
- `seen`: a `DuplicateIndex` holding the stored articles: an article with a stored doc_id lands
  in `IngestBatch.known` (not kept), a copy of a stored one gets `duplicate_of` (see
  `pipeline.ingest.dedup` for the rules). Without it, articles are compared within the run only.
- `IngestBatch.fetched`: canonical URL asked (and reached after redirects) -> doc_id of the
  article it gave, so that the next run knows the page even when it declares another URL.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from pipeline.config import Settings
from pipeline.ids import canonical_url, make_doc_id, text_sha256
from pipeline.ingest import formats, sniff
from pipeline.ingest.dedup import DuplicateIndex, mark_duplicates
from pipeline.ingest.errors import FETCH, IngestFailure
from pipeline.ingest.http import Fetcher, FetchPolicy, FetchResult
from pipeline.records import Article, IngestError

log = logging.getLogger("pipeline.ingest")

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom", ".rdf"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES
# Last path segments that name a feed: such a URL serving HTML is a FeedIsHtml fault.
_FEED_PATH_NAMES = frozenset({"feed", "rss", "atom", "rss2", "feeds", "rss.xml", "atom.xml"})
SOURCE_KINDS = frozenset({"feed", "page", "file", "folder", "jsonl"})


@dataclass(frozen=True, slots=True)
class Source:
    """One configured input. A bare string stands for `Source(location=string)`."""

    location: str  # a path (file or folder) or an http(s) URL
    name: str | None = None  # the `source` column; default: feed title, host or path
    # None: told apart by itself. "feed" changes the reading (HTML there is FeedIsHtml) and
    # "jsonl" reads a URL as JSON Lines whatever its name; the other kinds document a sources
    # file's entries.
    kind: str | None = None
    lang: str | None = None  # a hint; wins over a feed's language, not over a JSONL `lang`
    tags: tuple[str, ...] = ()  # free labels from a sources file, to select sources by

    def __post_init__(self) -> None:
        if self.kind is not None and self.kind not in SOURCE_KINDS:
            kinds = sorted(SOURCE_KINDS)
            raise ValueError(f"source kind must be one of {kinds}, not {self.kind!r}")


@dataclass(frozen=True, slots=True)
class IngestOptions:
    min_text_chars: int = 100  # less article text than this from a page is NoArticleText
    full_text_min_chars: int = 500  # a feed entry's own content this long is the article
    progress_every: int = 100  # log a progress line every so many items
    max_file_bytes: int | None = None  # cap on a local file (not JSONL); None: the HTTP cap


@dataclass(slots=True)
class IngestBatch:
    articles: list[Article] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)
    not_modified: list[str] = field(default_factory=list)  # URLs that answered 304
    skipped: list[str] = field(default_factory=list)  # article URLs in `known_urls`
    known: list[str] = field(default_factory=list)  # doc_ids read again, already stored
    validators: dict[str, dict[str, str]] = field(default_factory=dict)  # to remember
    fetched: dict[str, str] = field(default_factory=dict)  # canonical URL asked -> doc_id

    @property
    def duplicates(self) -> int:
        return sum(1 for article in self.articles if article.duplicate_of)

    def summary(self) -> dict[str, int]:
        return {
            "articles": len(self.articles),
            "duplicates": self.duplicates,
            "errors": len(self.errors),
            "not_modified": len(self.not_modified),
            "skipped": len(self.skipped),
            "known": len(self.known),
        }


def ingest_sources(
    sources: Sequence[str | Source],
    *,
    settings: Settings,
    source_name: str | None = None,
    options: IngestOptions | None = None,
    fetcher: Fetcher | None = None,
    validators: Mapping[str, Mapping[str, str]] | None = None,
    known_urls: Container[str] | None = None,
    seen: DuplicateIndex | None = None,
) -> IngestBatch:
    """Read every source; bad inputs become `errors` rows, duplicates get `duplicate_of`."""
    run = _Run(
        settings=settings,
        source_name=source_name,
        options=options or IngestOptions(),
        fetcher=fetcher or Fetcher(FetchPolicy.from_settings(settings)),
        validators=validators or {},
        known_urls=known_urls if known_urls is not None else frozenset(),
    )
    items = [item if isinstance(item, Source) else Source(location=str(item)) for item in sources]
    for position, source in enumerate(items, start=1):
        run.ingest(source)
        log.debug("source %d/%d done: %s", position, len(items), source.location)
    kept, known = mark_duplicates(run.batch.articles, seen)
    run.batch.articles = kept
    run.batch.known = [article.doc_id for article in known]
    log.info(
        "ingest done: %d sources, %s, %d HTTP requests",
        len(items),
        ", ".join(f"{k} {v}" for k, v in run.batch.summary().items()),
        run.fetcher.requests,
    )
    return run.batch


def iter_folder(folder: Path) -> Iterator[Path]:
    """Files of known suffixes under `folder`, sorted, hidden files and folders left out."""
    for root, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(root, name)
            if not name.startswith(".") and path.suffix.lower() in KNOWN_SUFFIXES:
                yield path


def _is_http_url(location: str) -> bool:
    return location.lower().startswith(("http://", "https://"))


def _url_path(url: str) -> str:
    try:
        return urlsplit(url).path.lower()
    except ValueError:  # an unparsable URL: the fetcher reports it as BadURL
        return ""


def _looks_like_feed_url(url: str) -> bool:
    last = _url_path(url).rstrip("/").rsplit("/", 1)[-1]
    return last in _FEED_PATH_NAMES or Path(last).suffix in FEED_SUFFIXES


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or url).lower()
    except ValueError:
        return url


def _canonical(url: str) -> str:
    try:
        return canonical_url(url)
    except ValueError:
        return url


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class _Run:
    """The state of one ingest_sources call."""

    def __init__(
        self,
        *,
        settings: Settings,
        source_name: str | None,
        options: IngestOptions,
        fetcher: Fetcher,
        validators: Mapping[str, Mapping[str, str]],
        known_urls: Container[str],
    ) -> None:
        self.settings = settings
        self.source_name = source_name
        self.options = options
        self.fetcher = fetcher
        self.validators_in = validators
        self.known_urls = known_urls
        self.batch = IngestBatch()
        self._items = 0

    # -- bookkeeping -----------------------------------------------------------------------

    def _label(self, source: Source, default: str | None) -> str:
        return self.source_name or source.name or default or source.location

    def _fail(self, source: Source, locator: str, failure: IngestFailure) -> None:
        row = IngestError(
            source=self._label(source, source.location),
            locator=locator,
            stage=failure.stage,
            error=failure.error,
            detail=failure.detail,
            seen_at=_now(),
        )
        self.batch.errors.append(row)
        log.warning("ingest %s error %s at %s: %s", row.stage, row.error, locator, row.detail)
        self._tick()

    def _tick(self) -> None:
        self._items += 1
        every = self.options.progress_every
        if every > 0 and self._items % every == 0:
            log.info(
                "ingest progress: %d items, %d articles, %d errors, %d unchanged, %d known",
                self._items,
                len(self.batch.articles),
                len(self.batch.errors),
                len(self.batch.not_modified),
                len(self.batch.skipped),
            )

    def _add(self, source: Source, *, text: str, label: str | None, url: str | None = None,
             doc_id: str | None = None, title: str | None = None, author: str | None = None,
             published: str | None = None, lang: str | None = None,
             record_lang: str | None = None, fetched_from: Sequence[str] = ()) -> None:
        # Language: the record's own (JSONL), else the source's hint, else the feed's.
        try:
            article_id = make_doc_id(supplied=doc_id, url=url, text=text)
        except ValueError:  # a URL that cannot be canonicalised identifies nothing
            article_id = make_doc_id(supplied=doc_id, text=text)
        article = Article(
            doc_id=article_id,
            source=self._label(source, label),
            text=text,
            text_sha256=text_sha256(text),
            url=url,
            title=title,
            author=author,
            published=published,
            lang=record_lang or sniff.language_code(source.lang) or lang,
        )
        self.batch.articles.append(article)
        for asked in fetched_from:
            self.batch.fetched[_canonical(asked)] = article_id
        self._tick()

    def _is_known(self, url: str) -> bool:
        if _canonical(url) in self.known_urls:
            self.batch.skipped.append(url)
            self._tick()
            return True
        return False

    def _fetch(self, url: str) -> FetchResult | None:
        """The response, or None after a 304 (recorded in `not_modified`)."""
        remembered = self.validators_in.get(_canonical(url))
        result = self.fetcher.fetch(url, validators=remembered)
        if result.not_modified:
            self.batch.not_modified.append(url)
            self._tick()
            return None
        return result

    def _remember(self, result: FetchResult) -> None:
        if result.validators:
            self.batch.validators[_canonical(result.url)] = result.validators

    # -- dispatch --------------------------------------------------------------------------

    def ingest(self, source: Source) -> None:
        location = source.location.strip()
        if _is_http_url(location):
            self._url(source, location)
            return
        if "://" in location:
            scheme = location.split("://", 1)[0]
            self._fail(source, location, IngestFailure(
                "UnsupportedScheme", f"only http(s) URLs and local paths, not {scheme}://",
                stage=FETCH))
            return
        path = Path(location).expanduser()
        if path.is_dir():
            for file in iter_folder(path):
                self._file(source, file)
        elif path.is_file():
            self._file(source, path)
        else:
            self._fail(source, location, IngestFailure(
                "FileNotFound", "no such file or folder", stage=FETCH))

    def _url(self, source: Source, url: str) -> None:
        # A path like /feed or rss.xml means a feed, unless the source says what it is.
        expect_feed = source.kind == "feed" or (source.kind is None and _looks_like_feed_url(url))
        jsonl = source.kind == "jsonl" or _url_path(url).endswith(".jsonl")
        if not expect_feed and not jsonl and self._is_known(url):
            return
        try:
            result = self._fetch(url)
            if result is None:
                return
            if jsonl:
                clean = self._jsonl_lines(source, url, result.body.splitlines(keepends=True))
            else:
                clean = self._document(
                    source, url, result.body,
                    content_type=result.content_type, header_charset=result.charset,
                    base_url=result.final_url, expect_feed=expect_feed, label=_host(url),
                    fetched_from=(url, result.final_url),
                )
        except IngestFailure as failure:
            self._fail(source, url, failure)
            return
        if clean:
            self._remember(result)

    def _file(self, source: Source, path: Path) -> None:
        locator = str(path)
        suffix = path.suffix.lower()
        try:
            if suffix in JSONL_SUFFIXES or source.kind == "jsonl":
                with path.open("rb") as lines:
                    self._jsonl_lines(source, locator, lines)
                return
            body = self._read_file(path)
            if suffix in TEXT_SUFFIXES:
                self._add(source, text=formats.read_text(body), label=locator)
                return
            if suffix not in KNOWN_SUFFIXES and source.kind is None:
                kind = sniff.sniff(body)
                if kind not in (sniff.HTML, sniff.FEED):
                    raise IngestFailure(
                        "UnsupportedContent",
                        f"unknown suffix {suffix or '(none)'!r} and content sniffed as {kind}",
                    )
            self._document(
                source, locator, body, content_type=None, header_charset=None, base_url=None,
                expect_feed=suffix in FEED_SUFFIXES or source.kind == "feed", label=locator,
            )
        except IngestFailure as failure:
            self._fail(source, locator, failure)
        except OSError as exc:
            self._fail(source, locator, IngestFailure(
                "FileNotFound", f"{type(exc).__name__}: {exc}", stage=FETCH))

    def _read_file(self, path: Path) -> bytes:
        cap = self.options.max_file_bytes or self.fetcher.policy.max_bytes
        size = path.stat().st_size
        if size > cap:
            raise IngestFailure("TooLarge", f"{size} bytes, over the cap of {cap}", stage=FETCH)
        return path.read_bytes()

    def _jsonl_lines(self, source: Source, locator: str, lines: Iterable[bytes]) -> bool:
        clean = True
        for number, raw in enumerate(lines, start=1):
            try:
                record = formats.read_json_line(raw)
            except IngestFailure as failure:
                self._fail(source, f"{locator}:{number}", failure)
                clean = False
                continue
            if record is None:
                continue
            self._add(
                source,
                text=record["text"],
                label=record.get("source") or locator,
                url=record.get("url"),
                doc_id=record.get("doc_id"),
                title=record.get("title"),
                author=record.get("author"),
                published=record.get("published"),
                record_lang=record.get("lang"),
            )
        return clean

    def _document(self, source: Source, locator: str, body: bytes, *, content_type: str | None,
                  header_charset: str | None, base_url: str | None, expect_feed: bool,
                  label: str, fetched_from: Sequence[str] = ()) -> bool:
        """Read a body as whatever it is; True when it yielded no error row."""
        kind = sniff.sniff(body, content_type)
        if kind == sniff.EMPTY:
            raise IngestFailure("EmptyBody", "no content")
        if kind == sniff.BINARY:
            raise IngestFailure(
                "BinaryContent", f"binary data served as {content_type or 'a document'}"
            )
        if kind in (sniff.FEED, sniff.XML):
            return self._feed(source, locator, body, base_url=base_url,
                              header_charset=header_charset)
        if expect_feed:
            if kind == sniff.HTML:
                raise IngestFailure("FeedIsHtml", "a feed was expected and an HTML page came")
            raise IngestFailure("MalformedFeed", "a feed was expected and this is not XML")
        if kind == sniff.HTML:
            page = formats.extract_html(body, header_charset=header_charset, base_url=base_url,
                                        min_chars=self.options.min_text_chars)
            self._add(source, text=page.text, label=label, url=page.url or base_url,
                      title=page.title, author=page.author, published=page.published,
                      fetched_from=fetched_from)
            return True
        if content_type == "text/plain":
            text, _ = sniff.decode_body(body, header_charset)
            self._add(source, text=text, label=label, url=base_url, fetched_from=fetched_from)
            return True
        raise IngestFailure("UnsupportedContent", f"cannot read {content_type or 'this content'}")

    # -- feeds -----------------------------------------------------------------------------

    def _feed(self, source: Source, locator: str, body: bytes, *, base_url: str | None,
              header_charset: str | None) -> bool:
        feed = formats.parse_feed(body, base_url=base_url, header_charset=header_charset)
        clean = True
        if feed.malformed:
            clean = False
            self._fail(source, locator, IngestFailure(
                "MalformedFeed",
                f"feed XML is not well formed ({feed.malformed}); "
                f"{len(feed.entries)} entries recovered by lenient parsing"))
        log.info("feed %s: %d entries", locator, len(feed.entries))
        for number, entry in enumerate(feed.entries, start=1):
            entry_locator = entry.link or f"{locator}#entry-{number}"
            try:
                self._entry(source, feed, entry)
            except IngestFailure as failure:
                self._fail(source, entry_locator, failure)
                clean = False
        return clean

    def _entry(self, source: Source, feed: formats.Feed, entry: formats.FeedEntry) -> None:
        if entry.link and self._is_known(entry.link):
            return
        label = feed.title or (_host(entry.link) if entry.link else None)
        full_text = formats.entry_full_text(entry, min_chars=self.options.full_text_min_chars)
        if full_text is None and entry.link is None:
            full_text = formats.entry_any_text(entry)
            if full_text is None:
                raise IngestFailure("NoArticleText", "feed entry with no link and no text")
        if full_text is not None:
            self._add(source, text=full_text, label=label, url=entry.link, title=entry.title,
                      author=entry.author or feed.author, published=entry.published,
                      lang=entry.lang or feed.lang)
            return
        assert entry.link is not None
        result = self._fetch(entry.link)
        if result is None:
            return
        kind = sniff.sniff(result.body, result.content_type)
        if kind == sniff.EMPTY:
            raise IngestFailure("EmptyBody", "no content")
        if kind == sniff.BINARY:
            raise IngestFailure(
                "BinaryContent", f"binary data served as {result.content_type or 'a page'}"
            )
        if kind != sniff.HTML:
            raise IngestFailure("UnsupportedContent", f"an entry link serving {kind} content")
        page = formats.extract_html(result.body, header_charset=result.charset,
                                    base_url=result.final_url,
                                    min_chars=self.options.min_text_chars)
        self._add(
            source, text=page.text, label=label, url=page.url or result.final_url,
            title=page.title or entry.title, author=page.author or entry.author or feed.author,
            published=page.published or entry.published, lang=entry.lang or feed.lang,
            fetched_from=(entry.link, result.final_url),
        )
        self._remember(result)

