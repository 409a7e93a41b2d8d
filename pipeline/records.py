"""Plain records that flow between the stages; each maps to one lake table row."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Article:
    doc_id: str
    source: str
    text: str
    text_sha256: str
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD when known
    lang: str | None = None  # a hint at ingest; the detected language after extract
    duplicate_of: str | None = None

    def row(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class IngestError:
    source: str
    locator: str  # URL or path
    stage: str  # fetch / parse / extract / store
    error: str  # a short class name, e.g. "MalformedFeed", "EmptyBody"
    detail: str
    seen_at: str  # ISO timestamp, UTC

    def row(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Mention:
    """A mention of a speaker (name, role, pronoun or group) in one article."""

    mention_id: str
    doc_id: str
    speaker_id: str | None
    start: int
    end: int
    text: str
    kind: str  # name / role / pronoun / group
    speaker_name: str | None = None
    speaker_type: str | None = None  # person / org / group

    def row(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Quote:
    quote_id: str
    doc_id: str
    kind: str  # direct / indirect / mixed
    content: str
    content_start: int
    content_end: int
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    cue_class: str | None = None
    speaker_mention: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_id: str | None = None
    speaker_name: str | None = None
    speaker_type: str | None = None
    confidence: float = 0.5
    lang: str | None = None
    # Names of the same speaker found in this article (not pronouns or roles).
    speaker_aliases: list[str] = field(default_factory=list)

    def row(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Extraction:
    """Everything extraction found in one article."""

    doc_id: str
    lang: str
    quotes: list[Quote] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # pipeline.nlp.events.Event and pipeline.nlp.stances.Stance records, one set per quote
    events: list[Any] = field(default_factory=list)
    stances: list[Any] = field(default_factory=list)
