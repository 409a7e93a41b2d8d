"""Deterministic ids and the text folding they rely on (see DESIGN.md, 'Ids')."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that only track the reader; dropping them makes one article one URL.
_TRACKING_PARAMS = re.compile(
    r"^(utm_.*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|xtor|at_medium"
    r"|at_campaign|ito|ns_mchannel|ns_source|ns_campaign|ns_linkname|ns_fee|_ga|yclid|spm)$",
    re.IGNORECASE,
)


_RUN_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_run_key(run_key: str) -> str:
    """Make a run key (e.g. an Airflow run id with ':' and '+') safe as a file name."""
    cleaned = _RUN_KEY_UNSAFE.sub("_", run_key).strip("._")
    if not cleaned:
        raise ValueError(f"run key {run_key!r} has no usable characters")
    return cleaned


def short_hash(*parts: object, length: int = 16) -> str:
    """A stable hex digest of the parts, joined by a separator no text part contains."""
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no tracking parameters, sorted query."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not _TRACKING_PARAMS.match(k)]
    path = parts.path or "/"
    netloc = parts.netloc.lower()
    if netloc.endswith(":80") and parts.scheme == "http":
        netloc = netloc[:-3]
    if netloc.endswith(":443") and parts.scheme == "https":
        netloc = netloc[:-4]
    return urlunsplit((parts.scheme.lower(), netloc, path, urlencode(sorted(query)), ""))


def make_doc_id(*, supplied: str | None = None, url: str | None = None, text: str = "") -> str:
    if supplied:
        return str(supplied)
    if url:
        return "u" + short_hash(canonical_url(url))
    return "t" + short_hash(text)


def fold(text: str) -> str:
    """Case-insensitive, accent-free, letters and digits only, single spaces.

    The same folding the evaluation protocol uses to compare names.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    no_marks = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]|_", " ", no_marks).split())


def quote_id(doc_id: str, start: int, end: int) -> str:
    return "q" + short_hash(doc_id, start, end)


def mention_id(doc_id: str, start: int, end: int) -> str:
    return "m" + short_hash(doc_id, start, end)


def speaker_id_for_name(canonical_name: str) -> str:
    return "s" + short_hash("name", fold(canonical_name))


def speaker_id_for_known(entry_key: str) -> str:
    return "s" + short_hash("known", entry_key)


def speaker_id_for_group(doc_id: str, mention_text: str, start: int) -> str:
    return "s" + short_hash("group", doc_id, fold(mention_text), start)
