"""The one exception ingest raises internally, and the names of the faults it reports.

Every fault becomes an `ingest_errors` row; nothing escapes `ingest_sources`. The `error`
column holds one of the short class names below, so that a dashboard can count them.
"""

from __future__ import annotations

FETCH = "fetch"
PARSE = "parse"

# Faults met while getting the bytes (network or file system).
FETCH_ERRORS = (
    "FileNotFound",  # a path that does not exist or cannot be read
    "UnsupportedScheme",  # anything but http(s) or a local path
    "BadURL",  # no host, bad port, unusable characters
    "HostNotAllowed",  # host outside settings.allowed_hosts (refused before connecting)
    "Timeout",  # connect or read timeout, or the whole fetch over its time budget (after retries)
    "ConnectionFailed",  # refused, reset (after retries), DNS failure, TLS failure
    "ProtocolError",  # the server broke HTTP
    "HTTPError404",  # "HTTPError" + the status, after retries for 429 and 5xx
    "RedirectLoop",  # a redirect back to a URL already visited
    "TooManyRedirects",  # more redirects than the policy allows
    "TooLarge",  # body over the size cap (declared or streamed)
    "BadContentEncoding",  # a gzip/deflate body that does not decompress
)

# Faults met while reading the bytes as an article or a feed.
PARSE_ERRORS = (
    "EmptyBody",  # nothing, or only white space
    "BinaryContent",  # an image, PDF, archive... whatever it was served as
    "BadEncoding",  # a .txt or JSONL line that is not UTF-8
    "BadJsonLine",  # a JSONL line that is not a JSON object with a string `text`
    "MalformedFeed",  # feed XML that is not well formed (a row even when entries were recovered)
    "FeedIsHtml",  # a feed was expected (suffix, path or hint) and an HTML page came
    "NotAFeed",  # XML that is neither RSS nor Atom
    "UnsupportedContent",  # a content type ingest cannot read (JSON, CSV, ...)
    "NoArticleText",  # trafilatura found no article text (or less than the minimum)
)


class IngestFailure(Exception):
    """One input that could not be taken: becomes one `ingest_errors` row."""

    def __init__(self, error: str, detail: str, *, stage: str = PARSE) -> None:
        super().__init__(f"{error}: {detail}")
        self.error = error
        self.detail = detail
        self.stage = stage
