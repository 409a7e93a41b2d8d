"""Which article is the same as one already seen: already ingested, or a syndicated copy.

Pure functions and one index; no I/O (the index asks a callback for stored texts it needs).

Rules, checked in this order against every article seen before (stored ones first, then the
earlier articles of the same run):

1. **Already ingested**: the same `doc_id` (the supplied id, else the hash of the canonical URL
   without tracking parameters, else the hash of the text). Not stored again, not extracted again.
2. **Same text**: equal after folding white space (every run of spaces, tabs and line breaks is
   one space; leading and trailing space dropped). Stored with `duplicate_of`.
3. **Same title, nearly the same text**: the titles are equal once folded (case, accents and
   punctuation ignored: `pipeline.ids.fold`) and the texts' sets of word 5-shingles (5
   consecutive folded words) have a Jaccard similarity of at least 0.9. Stored with
   `duplicate_of`.

Why these numbers: a wire story republished by a second outlet differs by a credit line, its
quote marks and punctuation (folded away), a corrected typo or a paragraph cut at the end. On a
400-word story, an added 20-word credit line gives a Jaccard of about 0.95 and a cut last
paragraph of 40 words about 0.90; each scattered word edit changes 5 shingles (one edit: 0.975,
four: 0.90). So 0.9 keeps copies that add or cut up to about a tenth of the text, or edit about
one word in a hundred, and calls a rewritten story (a new lede, an update) a new article.
Two different stories under one generic title ("Live updates", "En bref") share next to no
5-shingles, and the title must match too, so a long shared passage (an agency paragraph quoted
in two different stories) is never enough on its own.

`duplicate_of` always names the first article of the group (an original, never a duplicate).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from pipeline.ids import fold
from pipeline.records import Article

SHINGLE_WORDS = 5
NEAR_DUPLICATE_JACCARD = 0.9

KNOWN = "known"
DUPLICATE = "duplicate"
NEW = "new"


def fold_whitespace(text: str) -> str:
    return " ".join(text.split())


def folded_text_sha256(text: str) -> str:
    """The hash behind rule 2: text with white space folded."""
    return hashlib.sha256(fold_whitespace(text).encode("utf-8")).hexdigest()


def title_key(title: str | None) -> str | None:
    """A title folded for comparison; None when it has no letters or digits."""
    return (fold(title) or None) if title else None


def shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[str]:
    """The set of `size` consecutive folded words (the whole text when shorter)."""
    words = fold(text).split()
    if len(words) <= size:
        return frozenset({" ".join(words)}) if words else frozenset()
    return frozenset(" ".join(words[i:i + size]) for i in range(len(words) - size + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def near_duplicate(a: frozenset[str], b: frozenset[str],
                   threshold: float = NEAR_DUPLICATE_JACCARD) -> bool:
    return jaccard(a, b) >= threshold


@dataclass(frozen=True, slots=True)
class Verdict:
    kind: str  # KNOWN, DUPLICATE or NEW
    first: str | None = None  # the doc_id it repeats (KNOWN) or copies (DUPLICATE)
    rule: str | None = None  # "doc_id", "text" or "title+shingles"


class DuplicateIndex:
    """Every article seen so far, by id, folded-text hash and folded title.

    Stored articles are added with `add_stored` (no text needed: their texts are asked from
    `load_texts` only when a new article has the same title as one of them); articles of the
    run go through `classify` then `add`.
    """

    def __init__(self, *, load_texts: Callable[[Iterable[str]], Mapping[str, str]] | None = None,
                 threshold: float = NEAR_DUPLICATE_JACCARD) -> None:
        self.threshold = threshold
        self._load_texts = load_texts
        self._ids: set[str] = set()
        self._by_folded: dict[str, str] = {}
        self._by_title: dict[str, list[str]] = {}
        self._texts: dict[str, str] = {}
        self._shingles: dict[str, frozenset[str]] = {}

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._ids

    def __len__(self) -> int:
        return len(self._ids)

    def add_stored(self, doc_id: str, *, folded_sha256: str | None, title: str | None,
                   duplicate_of: str | None) -> None:
        self._ids.add(doc_id)
        first = duplicate_of or doc_id
        if folded_sha256:
            self._by_folded.setdefault(folded_sha256, first)
        key = title_key(title)
        if key and duplicate_of is None:
            self._by_title.setdefault(key, []).append(doc_id)

    def add(self, article: Article) -> None:
        """Index an article of this run (after `classify`, with its `duplicate_of` set)."""
        self.add_stored(article.doc_id, folded_sha256=folded_text_sha256(article.text),
                        title=article.title, duplicate_of=article.duplicate_of)
        if article.duplicate_of is None and title_key(article.title):
            self._texts[article.doc_id] = article.text

    def classify(self, article: Article) -> Verdict:
        if article.doc_id in self._ids:
            return Verdict(KNOWN, article.doc_id, "doc_id")
        first = self._by_folded.get(folded_text_sha256(article.text))
        if first is not None:
            return Verdict(DUPLICATE, first, "text")
        key = title_key(article.title)
        candidates = self._by_title.get(key, []) if key else []
        if candidates:
            mine = shingles(article.text)
            for doc_id in candidates:
                theirs = self._shingles_of(doc_id, candidates)
                if theirs is not None and near_duplicate(mine, theirs, self.threshold):
                    return Verdict(DUPLICATE, doc_id, "title+shingles")
        return Verdict(NEW)

    def _shingles_of(self, doc_id: str, group: list[str]) -> frozenset[str] | None:
        if doc_id not in self._shingles:
            missing = [d for d in group if d not in self._texts and d not in self._shingles]
            if missing and self._load_texts is not None:
                self._texts.update(self._load_texts(missing))
            text = self._texts.get(doc_id)
            if text is None:
                return None
            self._shingles[doc_id] = shingles(text)
        return self._shingles[doc_id]


def mark_duplicates(articles: list[Article], index: DuplicateIndex | None = None
                    ) -> tuple[list[Article], list[Article]]:
    """Split `articles` into (to store, already ingested); sets `duplicate_of` on copies.

    Articles are compared with everything in `index` (stored articles) and with the earlier
    articles of the list, which are added to `index` as they come.
    """
    index = index if index is not None else DuplicateIndex()
    kept: list[Article] = []
    known: list[Article] = []
    for article in articles:
        verdict = index.classify(article)
        if verdict.kind == KNOWN:
            known.append(article)
            continue
        article.duplicate_of = verdict.first if verdict.kind == DUPLICATE else None
        index.add(article)
        kept.append(article)
    return kept, known
