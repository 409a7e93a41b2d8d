"""Scorer for who-said-what extraction, following the protocol of ``shared/eval/README.md``.

The protocol mirrors the one the Gender Gap Tracker and Radar de parité publish for their quote
extractors, so that our figures compare with theirs; every rule below is a rule of that README,
and the places where the README leaves a choice open say which way they were settled and why.

The scorer is deliberately independent of the pipeline: standard library only, its own name
folding and its own pronoun/determiner lists (part of the protocol, not of the pipeline's
user-editable resources), so that tuning the pipeline can never move the yardstick.

Scores keep raw counts (``Ratio``, ``PRF``, ``PairCounts`` ...) rather than rates, so that the
scores of several gold sets pool into a micro-average by plain addition (``pool``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

LENIENT = 0.3
STRICT = 0.8
THRESHOLDS: tuple[float, ...] = (LENIENT, STRICT)
POLARITIES: tuple[str, ...] = ("favor", "against", "neutral")

Span = tuple[int, int]

# Fields of one line of a predictions file, in the README's order.
PREDICTION_FIELDS: tuple[str, ...] = (
    "doc_id",
    "content_span",
    "speaker_span",
    "cue_span",
    "kind",
    "speaker_id",
    "speaker_name",
    "speaker_aliases",
    "stance_target",
    "stance_polarity",
)

# "A pronoun or a role never counts as a name." Pronouns are compared folded (whole name).
_PRONOUNS: frozenset[str] = frozenset(
    """
    je j tu il elle on nous vous ils elles lui eux moi toi soi leur qui que
    celui celle ceux celles lequel laquelle lesquels lesquelles
    i me you he him she her it we us they them who whom which that this these those
    himself herself itself themselves myself ourselves yourself yourselves
    """.split()
) | frozenset(
    ["celui ci", "celle ci", "ceux ci", "celles ci", "celui la", "celle la", "ceux la", "celles la"]
)

# "A role is a name that starts with a lower-case letter or a determiner: le, la, les, l', un,
# une, des, the, a, an, ..." The README's list is open ("..."); it is completed here with the
# other articles, demonstratives and possessives of French and English. The preposition "de"
# and the elided "d'" are left out on purpose: they open surnames ("De Gaulle", "D'Alema").
_DETERMINERS: frozenset[str] = frozenset(
    """
    le la les un une des du au aux ce cet cette ces son sa ses leur leurs mon ma mes ton ta tes
    notre nos votre vos quelques plusieurs certains certaines chaque
    the a an this that these those his her its their our my your some several many each every
    another
    """.split()
)
_ELIDED_ARTICLE = re.compile(r"^l['’ʼ`]", re.IGNORECASE)
_SNIPPET_CHARS = 80


# --------------------------------------------------------------------------------------------
# Name folding and name tests


def fold_name(text: str) -> str:
    """Fold a name as the protocol compares names.

    Case-insensitive, accents removed (NFKD, combining marks dropped), every character that is
    not a letter or digit turned into a space, spaces collapsed. Defined here rather than
    imported from the pipeline so that the scorer cannot drift with the system it scores.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = (" " if not ch.isalnum() else ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join("".join(kept).split())


def is_pronoun(name: str) -> bool:
    return fold_name(name) in _PRONOUNS


def is_role(name: str) -> bool:
    """A role starts with a lower-case letter or a determiner ("le ministre", "The priest").

    Tested on the text as written (leading punctuation skipped), since case is half the rule.
    Taken literally, as the protocol states it: "Le Pen" or "de Blasio" alone are roles too,
    which costs little because a resolved speaker name is rarely only that.
    """
    stripped = name.lstrip()
    while stripped and not stripped[0].isalnum():
        stripped = stripped[1:]
    if not stripped:
        return False
    if stripped[0].isalpha() and stripped[0].islower():
        return True
    if _ELIDED_ARTICLE.match(stripped):
        return True
    return stripped.split(maxsplit=1)[0].casefold() in _DETERMINERS


def counts_as_name(name: str | None) -> bool:
    """A predicted name that may resolve a speaker: not empty, not a pronoun, not a role."""
    return bool(name and fold_name(name)) and not is_pronoun(name) and not is_role(name)


# --------------------------------------------------------------------------------------------
# Gold sets


@dataclass
class GoldSet:
    """One gold set folder: articles, quotes and the optional entity and stance lists."""

    name: str
    articles: dict[str, dict[str, Any]]
    quotes: list[dict[str, Any]]
    entities: list[dict[str, Any]] = field(default_factory=list)
    stances: list[dict[str, Any]] = field(default_factory=list)


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
            if not isinstance(record, dict):
                raise ValueError(f"{path}:{number}: expected a JSON object per line")
            yield number, record


def _as_span(value: Any, where: str, *, nullable: bool = True) -> Span | None:
    if value is None and nullable:
        return None
    if (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        and 0 <= value[0] <= value[1]
    ):
        return (value[0], value[1])
    raise ValueError(f"{where}: expected a span [start, end] with 0 <= start <= end, got {value!r}")


def _require_span(value: Any, where: str) -> Span:
    span = _as_span(value, where, nullable=False)
    if span is None:  # unreachable: not nullable means _as_span raises instead
        raise ValueError(f"{where}: a span is required")
    return span


def load_gold_set(path: str | Path) -> GoldSet:
    """Read a gold set folder and check that it holds together.

    A gold set that contradicts itself (an unknown doc_id, a span outside the text, a copy that
    does not match its span, stance evidence naming no quote) would silently skew every score
    computed from it, so such errors stop the load with the file and line at fault.
    """
    folder = Path(path)
    articles_path = folder / "articles.jsonl"
    quotes_path = folder / "quotes.jsonl"
    for required in (articles_path, quotes_path):
        if not required.is_file():
            raise FileNotFoundError(f"{folder} is not a gold set: {required.name} is missing")

    articles: dict[str, dict[str, Any]] = {}
    for number, record in _read_jsonl(articles_path):
        doc_id, text = record.get("doc_id"), record.get("text")
        if not isinstance(doc_id, str) or not isinstance(text, str):
            raise ValueError(f"{articles_path}:{number}: an article needs a doc_id and a text")
        if doc_id in articles:
            raise ValueError(f"{articles_path}:{number}: duplicate doc_id {doc_id!r}")
        articles[doc_id] = record

    quotes: list[dict[str, Any]] = []
    seen_ids: set[tuple[str, str]] = set()
    for number, record in _read_jsonl(quotes_path):
        where = f"{quotes_path}:{number}"
        doc_id = record.get("doc_id")
        if doc_id not in articles:
            raise ValueError(f"{where}: doc_id {doc_id!r} is not in articles.jsonl")
        key = (doc_id, str(record.get("id")))
        if key in seen_ids:
            raise ValueError(f"{where}: duplicate quote id {key[1]!r} in {doc_id!r}")
        seen_ids.add(key)
        text = articles[doc_id]["text"]
        for span_field, copy_field in (
            ("content_span", "content"),
            ("speaker_span", "speaker_mention"),
            ("cue_span", "cue"),
        ):
            span = _as_span(record.get(span_field), f"{where} {span_field}")
            if span is None and span_field == "content_span":
                raise ValueError(f"{where}: content_span is required")
            if span is None:
                continue
            if span[1] > len(text):
                raise ValueError(f"{where}: {span_field} {list(span)} is past the end of the text")
            copy = record.get(copy_field)
            if copy is not None and text[span[0] : span[1]] != copy:
                raise ValueError(f"{where}: {copy_field} does not match the text at {span_field}")
        quotes.append(record)

    entities: list[dict[str, Any]] = []
    entities_path = folder / "entities.jsonl"
    if entities_path.is_file():
        for number, record in _read_jsonl(entities_path):
            if record.get("doc_id") not in articles or not isinstance(record.get("name"), str):
                raise ValueError(f"{entities_path}:{number}: needs a known doc_id and a name")
            entities.append(record)

    stances: list[dict[str, Any]] = []
    stances_path = folder / "stances.jsonl"
    if stances_path.is_file():
        for number, record in _read_jsonl(stances_path):
            where = f"{stances_path}:{number}"
            if record.get("polarity") not in POLARITIES:
                raise ValueError(f"{where}: polarity must be one of {', '.join(POLARITIES)}")
            for quote_id in record.get("evidence") or []:
                if (record.get("doc_id"), str(quote_id)) not in seen_ids:
                    raise ValueError(f"{where}: evidence {quote_id!r} names no quote of its doc")
            stances.append(record)

    return GoldSet(folder.name, articles, quotes, entities, stances)


# --------------------------------------------------------------------------------------------
# Counts that pool by addition


@dataclass
class Ratio:
    """correct out of total; ``value`` is None when there was nothing to score."""

    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.correct + other.correct, self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.value}


def _prf(tp: int, predicted: int, gold: int) -> tuple[float | None, float | None, float | None]:
    precision = tp / predicted if predicted else None
    recall = tp / gold if gold else None
    if not predicted and not gold:
        return None, None, None
    if precision is None or recall is None or precision + recall == 0:
        return precision, recall, 0.0
    return precision, recall, 2 * precision * recall / (precision + recall)


@dataclass
class MatchCounts:
    """Quote matching at one threshold.

    ``predicted`` counts every prediction of the set's articles; the ones that matched an
    optional gold quote (``on_optional``) count neither way, so precision is over the rest.
    """

    gold: int = 0
    predicted: int = 0
    on_optional: int = 0
    matched: int = 0

    @property
    def scored_predictions(self) -> int:
        return self.predicted - self.on_optional

    @property
    def precision(self) -> float | None:
        return _prf(self.matched, self.scored_predictions, self.gold)[0]

    @property
    def recall(self) -> float | None:
        return _prf(self.matched, self.scored_predictions, self.gold)[1]

    @property
    def f1(self) -> float | None:
        return _prf(self.matched, self.scored_predictions, self.gold)[2]

    def __add__(self, other: MatchCounts) -> MatchCounts:
        return MatchCounts(
            self.gold + other.gold,
            self.predicted + other.predicted,
            self.on_optional + other.on_optional,
            self.matched + other.matched,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "predicted_on_optional": self.on_optional,
            "matched": self.matched,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class PairCounts:
    """Pairwise clustering counts: pairs both sides call 'same speaker', and each side's total."""

    true_pairs: int = 0
    predicted_pairs: int = 0
    gold_pairs: int = 0

    @property
    def precision(self) -> float | None:
        return _prf(self.true_pairs, self.predicted_pairs, self.gold_pairs)[0]

    @property
    def recall(self) -> float | None:
        return _prf(self.true_pairs, self.predicted_pairs, self.gold_pairs)[1]

    @property
    def f1(self) -> float | None:
        return _prf(self.true_pairs, self.predicted_pairs, self.gold_pairs)[2]

    def __add__(self, other: PairCounts) -> PairCounts:
        return PairCounts(
            self.true_pairs + other.true_pairs,
            self.predicted_pairs + other.predicted_pairs,
            self.gold_pairs + other.gold_pairs,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "true_pairs": self.true_pairs,
            "predicted_pairs": self.predicted_pairs,
            "gold_pairs": self.gold_pairs,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


DIAGNOSTIC_KINDS = ("miss", "false_positive", "boundary", "wrong_mention", "wrong_speaker",
                    "wrong_cue", "wrong_stance", "negative")


@dataclass(frozen=True)
class Diagnostic:
    """One scoring event worth a look when debugging extraction.

    kind is one of: miss (non-optional gold quote unmatched at t=0.3), false_positive
    (prediction matching no gold at t=0.3), boundary (matched at 0.3, not at 0.8),
    wrong_mention, wrong_speaker (resolution), wrong_cue, wrong_stance, negative.
    """

    kind: str
    doc_id: str
    gold_id: str | None = None
    gold: str | None = None
    predicted: str | None = None
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "doc_id": self.doc_id,
            "gold_id": self.gold_id,
            "gold": self.gold,
            "predicted": self.predicted,
            "detail": self.detail,
        }


def _empty_matching() -> dict[float, MatchCounts]:
    return {t: MatchCounts() for t in THRESHOLDS}


@dataclass
class SetScores:
    """Raw counts of one gold set (or of several, pooled) and the scores derived from them."""

    name: str
    articles: int = 0
    quotes: dict[float, MatchCounts] = field(default_factory=_empty_matching)
    mention: Ratio = field(default_factory=Ratio)
    resolution: Ratio = field(default_factory=Ratio)
    clustering: PairCounts = field(default_factory=PairCounts)
    cue: Ratio = field(default_factory=Ratio)
    stance: Ratio = field(default_factory=Ratio)
    # (gold polarity, predicted majority polarity or None) -> number of gold stances.
    stance_confusion: Counter[tuple[str, str | None]] = field(default_factory=Counter)
    negatives: int = 0
    ignored_predictions: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def precision(self, t: float = LENIENT) -> float | None:
        return self.quotes[t].precision

    def recall(self, t: float = LENIENT) -> float | None:
        return self.quotes[t].recall

    def f1(self, t: float = LENIENT) -> float | None:
        return self.quotes[t].f1

    @property
    def mention_accuracy(self) -> float | None:
        return self.mention.value

    @property
    def resolution_accuracy(self) -> float | None:
        return self.resolution.value

    @property
    def cue_accuracy(self) -> float | None:
        return self.cue.value

    @property
    def stance_accuracy(self) -> float | None:
        return self.stance.value

    def _polarity_counts(self, polarity: str) -> tuple[int, int, int]:
        tp = self.stance_confusion[(polarity, polarity)]
        fp = sum(n for (g, p), n in self.stance_confusion.items() if p == polarity != g)
        fn = sum(n for (g, p), n in self.stance_confusion.items() if g == polarity != p)
        return tp, fp, fn

    def stance_f1(self, polarity: str) -> float | None:
        tp, fp, fn = self._polarity_counts(polarity)
        return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None

    def stance_per_polarity(self) -> dict[str, dict[str, Any]]:
        table: dict[str, dict[str, Any]] = {}
        for polarity in POLARITIES:
            tp, fp, fn = self._polarity_counts(polarity)
            table[polarity] = {"tp": tp, "fp": fp, "fn": fn, "f1": self.stance_f1(polarity)}
        return table

    @property
    def stance_macro_f1(self) -> float | None:
        """Mean F1 over the polarities that occur in the gold or the predictions.

        A polarity that is neither annotated nor predicted has no defined F1; counting it as 0
        would cap a perfect run on a set without, say, neutral stances at 2/3.
        """
        values = [f1 for f1 in map(self.stance_f1, POLARITIES) if f1 is not None]
        return sum(values) / len(values) if values else None

    def to_dict(self, *, diagnostics: bool = False) -> dict[str, Any]:
        result: dict[str, Any] = {
            "name": self.name,
            "articles": self.articles,
            "quotes": {str(t): counts.to_dict() for t, counts in sorted(self.quotes.items())},
            "speaker_mention": self.mention.to_dict(),
            "speaker_resolution": self.resolution.to_dict(),
            "speaker_clustering": self.clustering.to_dict(),
            "cue": self.cue.to_dict(),
            "stance": {
                **self.stance.to_dict(),
                "macro_f1": self.stance_macro_f1,
                "per_polarity": self.stance_per_polarity(),
            },
            "negatives": self.negatives,
            "ignored_predictions": self.ignored_predictions,
        }
        if diagnostics:
            result["diagnostics"] = [d.to_dict() for d in self.diagnostics]
        return result


def pool(scores: Iterable[SetScores], name: str = "total") -> SetScores:
    """Micro-average: add up the counts of every set (every article weighs by its counts)."""
    total = SetScores(name)
    for part in scores:
        total.articles += part.articles
        for t, counts in part.quotes.items():
            total.quotes[t] = total.quotes.get(t, MatchCounts()) + counts
        total.mention += part.mention
        total.resolution += part.resolution
        total.clustering += part.clustering
        total.cue += part.cue
        total.stance += part.stance
        total.stance_confusion.update(part.stance_confusion)
        total.negatives += part.negatives
        total.ignored_predictions += part.ignored_predictions
        total.diagnostics.extend(part.diagnostics)
    return total


# --------------------------------------------------------------------------------------------
# Scoring


@dataclass
class _Prediction:
    index: int
    doc_id: str
    content: Span
    speaker: Span | None
    cue: Span | None
    speaker_id: str | None
    speaker_name: str | None
    aliases: list[str]
    polarity: str | None


def _parse_prediction(index: int, raw: Mapping[str, Any]) -> _Prediction:
    where = f"prediction {index}"
    doc_id = raw.get("doc_id")
    if not isinstance(doc_id, str):
        raise ValueError(f"{where}: doc_id must be a string, got {doc_id!r}")
    polarity = raw.get("stance_polarity")
    polarity = polarity.strip().lower() if isinstance(polarity, str) else None
    aliases = raw.get("speaker_aliases") or []
    speaker_id = raw.get("speaker_id")
    return _Prediction(
        index=index,
        doc_id=doc_id,
        content=_require_span(raw.get("content_span"), f"{where} content_span"),
        speaker=_as_span(raw.get("speaker_span"), f"{where} speaker_span"),
        cue=_as_span(raw.get("cue_span"), f"{where} cue_span"),
        speaker_id=str(speaker_id) if speaker_id not in (None, "") else None,
        speaker_name=raw.get("speaker_name") or None,
        aliases=[a for a in aliases if isinstance(a, str)],
        polarity=polarity if polarity in POLARITIES else None,
    )


def _intersection(a: Span | None, b: Span | None) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_quotes(
    gold_spans: Sequence[Span], predicted_spans: Sequence[Span], threshold: float
) -> dict[int, int]:
    """Greedy one-to-one matching of content spans; returns {gold index: predicted index}.

    A pair is eligible when |gold ∩ predicted| / |gold| >= threshold; pairs are taken largest
    overlap first. Equal overlaps are broken by the tighter prediction (larger share of the
    prediction inside the gold span: of two predictions covering a gold quote, the one that
    does not spill over wins), then by file order, so the result never depends on dict order.
    """
    candidates: list[tuple[float, float, int, int]] = []
    for g, gold in enumerate(gold_spans):
        length = gold[1] - gold[0]
        if length <= 0:
            continue
        for p, pred in enumerate(predicted_spans):
            common = _intersection(gold, pred)
            if common and common / length >= threshold:
                tightness = common / max(1, pred[1] - pred[0])
                candidates.append((common / length, tightness, g, p))
    candidates.sort(key=lambda c: (-c[0], -c[1], c[2], c[3]))
    matches: dict[int, int] = {}
    used: set[int] = set()
    for _, _, g, p in candidates:
        if g not in matches and p not in used:
            matches[g] = p
            used.add(p)
    return matches


@dataclass
class _Entity:
    name: str
    keys: frozenset[str]  # folded name and mentions
    name_keys: frozenset[str]  # folded name and the mentions that are names (not roles)
    speaks: bool


class _Article:
    """What scoring needs to know about one gold article, computed once."""

    def __init__(self, record: dict[str, Any], quotes: list[dict], entities: list[dict]) -> None:
        self.doc_id: str = record["doc_id"]
        self.text: str = record["text"]
        self.padded_folded_text = f" {fold_name(self.text)} "
        self.quotes = quotes
        self.has_entity_list = bool(entities)
        if entities:
            self.entities = [
                _Entity(
                    name=e["name"],
                    keys=frozenset(
                        k for k in map(fold_name, [e["name"], *e.get("mentions", [])]) if k
                    ),
                    name_keys=frozenset(
                        fold_name(m)
                        for m in [e["name"], *e.get("mentions", [])]
                        if counts_as_name(m) or m == e["name"]
                    ),
                    speaks=e.get("speaks", True) is not False,
                )
                for e in entities
            ]
        else:
            # Without an entity list every gold speaker is a resolvable name, known by itself.
            names = dict.fromkeys(q["speaker"] for q in quotes if q.get("speaker"))
            self.entities = [
                _Entity(n, frozenset({fold_name(n)}), frozenset({fold_name(n)}), True)
                for n in names
            ]
        self.by_folded_name = {fold_name(e.name): e for e in self.entities}

    def occurs(self, name: str) -> bool:
        """Whether a name occurs in the text, compared folded and on word boundaries."""
        folded = fold_name(name)
        return bool(folded) and f" {folded} " in self.padded_folded_text

    def snippet(self, span: Span | None) -> str | None:
        if span is None:
            return None
        text = " ".join(self.text[span[0] : span[1]].split())
        return text if len(text) <= _SNIPPET_CHARS else text[: _SNIPPET_CHARS - 1] + "…"


def _overlaps(gold: Span | None, pred: Span | None) -> bool:
    return _intersection(gold, pred) > 0


def _resolution(
    article: _Article, gold_quote: dict[str, Any], pred: _Prediction
) -> tuple[bool, bool, str]:
    """(scored, correct, why) for the speaker resolution of one matched quote.

    Scored when the gold speaker is an entity of the article (or, without entity list, any
    gold speaker). The predicted names are speaker_name and the aliases found in the text,
    minus pronouns and roles. Correct when one of them is the gold entity's name or mention and
    none points only to another entity; a name that is a mention of both the gold entity and
    another (a shared surname) is no conflict, since it does not point away from the gold one.
    """
    gold_speaker = gold_quote.get("speaker")
    entity = article.by_folded_name.get(fold_name(gold_speaker)) if gold_speaker else None
    if entity is None:
        return False, False, ""
    names: list[str] = []
    if pred.speaker_name:
        names.append(pred.speaker_name)
    names.extend(a for a in pred.aliases if article.occurs(a))
    folded = {fold_name(n) for n in names if counts_as_name(n)}
    hits = bool(folded & entity.keys)
    others = sorted(
        {
            other.name
            for other in article.entities
            if other is not entity and any(k in other.keys and k not in entity.keys for k in folded)
        }
    )
    if others:
        return True, False, f"names also point to {', '.join(others)}"
    if not hits:
        shown = ", ".join([pred.speaker_name or "∅", *pred.aliases])
        return True, False, f"predicted {shown}; gold {gold_speaker}"
    return True, True, ""


def _majority(votes: Sequence[str]) -> str | None:
    """The most frequent polarity; None when there is no vote or the top is tied.

    A tie means the predictions do not take a majority position, and the protocol scores the
    majority polarity; breaking the tie by order or score would reward a coin toss.
    """
    ranked = Counter(votes).most_common()
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def score_set(gold: GoldSet, predictions: Iterable[Mapping[str, Any]]) -> SetScores:
    """Score predictions (lines of the README's predictions format) against one gold set.

    Predictions of articles outside the set are ignored (and counted in ignored_predictions).
    Attribution scores (mention, resolution, clustering, cue) use the non-optional matches at
    t=0.3. Stances use every match at t=0.3, optional gold included, because the gold sets
    use optional quotes as stance evidence and a stance whose evidence is all optional could
    otherwise never be scored right.
    """
    scores = SetScores(gold.name, articles=len(gold.articles))
    by_doc: dict[str, list[_Prediction]] = {doc_id: [] for doc_id in gold.articles}
    for index, raw in enumerate(predictions):
        pred = _parse_prediction(index, raw)
        if pred.doc_id in by_doc:
            by_doc[pred.doc_id].append(pred)
        else:
            scores.ignored_predictions += 1

    quotes_by_doc: dict[str, list[dict]] = {doc_id: [] for doc_id in gold.articles}
    for quote in gold.quotes:
        quotes_by_doc[quote["doc_id"]].append(quote)
    entities_by_doc: dict[str, list[dict]] = {doc_id: [] for doc_id in gold.articles}
    for entity in gold.entities:
        entities_by_doc[entity["doc_id"]].append(entity)
    stances_by_doc: dict[str, list[dict]] = {doc_id: [] for doc_id in gold.articles}
    for stance in gold.stances:
        stances_by_doc[stance["doc_id"]].append(stance)

    for doc_id, record in gold.articles.items():
        article = _Article(record, quotes_by_doc[doc_id], entities_by_doc[doc_id])
        _score_article(scores, article, by_doc[doc_id], stances_by_doc[doc_id])
    return scores


def _score_article(
    scores: SetScores, article: _Article, preds: list[_Prediction], stances: list[dict]
) -> None:
    quotes = article.quotes
    gold_spans = [_require_span(q["content_span"], f"gold quote {q['id']}") for q in quotes]
    pred_spans = [p.content for p in preds]
    optional = [bool(q.get("optional")) for q in quotes]
    matchings: dict[float, dict[int, int]] = {}
    for t in scores.quotes:
        matching = match_quotes(gold_spans, pred_spans, t)
        matchings[t] = matching
        counts = scores.quotes[t]
        counts.gold += optional.count(False)
        counts.predicted += len(preds)
        counts.on_optional += sum(1 for g in matching if optional[g])
        counts.matched += sum(1 for g in matching if not optional[g])

    def add(kind: str, g: int | None, p: int | None, detail: str = "") -> None:
        scores.diagnostics.append(
            Diagnostic(
                kind=kind,
                doc_id=article.doc_id,
                gold_id=None if g is None else str(quotes[g]["id"]),
                gold=None if g is None else article.snippet(gold_spans[g]),
                predicted=None if p is None else article.snippet(preds[p].content),
                detail=detail,
            )
        )

    lenient = matchings.get(LENIENT, {})
    strict = matchings.get(STRICT, {})
    for g, quote in enumerate(quotes):
        if g not in lenient and not optional[g]:
            add("miss", g, None, f"{quote.get('kind')}, speaker {quote.get('speaker')}")
    matched_preds = set(lenient.values())
    for p, pred in enumerate(preds):
        if p not in matched_preds:
            add("false_positive", None, p, f"speaker {pred.speaker_name or '∅'}")

    scored = [(g, p) for g, p in sorted(lenient.items()) if not optional[g]]
    for g, p in scored:
        quote, pred = quotes[g], preds[p]
        if g not in strict:
            add("boundary", g, p, "matched at t=0.3, not at t=0.8")
        gold_speaker_span = _as_span(quote.get("speaker_span"), quote["id"])
        if gold_speaker_span is not None:
            ok = _overlaps(gold_speaker_span, pred.speaker)
            scores.mention.add(ok)
            if not ok:
                add(
                    "wrong_mention",
                    g,
                    p,
                    f"predicted {article.snippet(pred.speaker)!r}; "
                    f"gold {article.snippet(gold_speaker_span)!r}",
                )
        is_scored, ok, why = _resolution(article, quote, pred)
        if is_scored:
            scores.resolution.add(ok)
            if not ok:
                add("wrong_speaker", g, p, why)
        gold_cue = _as_span(quote.get("cue_span"), quote["id"])
        if gold_cue is not None:
            ok = _overlaps(gold_cue, pred.cue)
            scores.cue.add(ok)
            if not ok:
                add(
                    "wrong_cue",
                    g,
                    p,
                    f"predicted {article.snippet(pred.cue)!r}; gold {article.snippet(gold_cue)!r}",
                )

    with_speaker = [(g, p) for g, p in scored if quotes[g].get("speaker")]
    for (g1, p1), (g2, p2) in combinations(with_speaker, 2):
        gold_same = fold_name(quotes[g1]["speaker"]) == fold_name(quotes[g2]["speaker"])
        id1, id2 = preds[p1].speaker_id, preds[p2].speaker_id
        pred_same = id1 is not None and id1 == id2
        scores.clustering.gold_pairs += gold_same
        scores.clustering.predicted_pairs += pred_same
        scores.clustering.true_pairs += gold_same and pred_same

    index_of = {str(q["id"]): g for g, q in enumerate(quotes)}
    for stance in stances:
        votes = []
        for quote_id in stance.get("evidence") or []:
            p = lenient.get(index_of[str(quote_id)])
            if p is not None and preds[p].polarity is not None:
                votes.append(preds[p].polarity)
        predicted = _majority(votes)
        ok = predicted == stance["polarity"]
        scores.stance.add(ok)
        scores.stance_confusion[(stance["polarity"], predicted)] += 1
        if not ok:
            scores.diagnostics.append(
                Diagnostic(
                    kind="wrong_stance",
                    doc_id=article.doc_id,
                    gold_id=",".join(map(str, stance.get("evidence") or [])),
                    gold=f"{stance.get('speaker')}: {stance['polarity']} {stance.get('target')}",
                    predicted=predicted,
                    detail=f"votes {dict(Counter(votes))}",
                )
            )

    silent: dict[str, str] = {}
    for entity in article.entities:
        if not entity.speaks:
            silent.update(dict.fromkeys(entity.name_keys, entity.name))
    if silent:
        for p, pred in enumerate(preds):
            candidates = [pred.speaker_name or ""]
            if pred.speaker is not None:
                candidates.append(article.text[pred.speaker[0] : pred.speaker[1]])
            hit = next((silent[k] for k in map(fold_name, candidates) if k in silent), None)
            if hit is not None:
                scores.negatives += 1
                add("negative", None, p, f"attributed to {hit}, who does not speak")


# --------------------------------------------------------------------------------------------
# Output


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _ratio_cell(ratio: Ratio) -> str:
    return f"{_fmt(ratio.value)} {ratio.correct}/{ratio.total}"


def format_report(per_set: Mapping[str, SetScores], total: SetScores | None = None) -> str:
    """A fixed-width table: one row per gold set, then the pooled total, counts beside scores.

    Quote columns: gold and predicted counts (predictions on optional gold in brackets), then
    matched/P/R/F1 at each threshold. Attribution columns: accuracy with correct/total; the
    clustering cell gives P/R/F1 over true/predicted/gold pairs; neg counts silent entities
    given as speakers (should be 0).
    """
    columns = ["set", "art", "gold", "pred(opt)"]
    for t in THRESHOLDS:
        columns += [f"match@{t}", f"P@{t}", f"R@{t}", f"F1@{t}"]
    columns += ["mention", "resolution", "cluster P/R/F1 (tp/pp/gp)", "cue", "stance", "st.mF1"]
    columns += ["neg"]

    def row(scores: SetScores) -> list[str]:
        first = scores.quotes[THRESHOLDS[0]]
        cells = [
            scores.name,
            str(scores.articles),
            str(first.gold),
            f"{first.predicted}({first.on_optional})",
        ]
        for t in THRESHOLDS:
            counts = scores.quotes[t]
            cells += [str(counts.matched), _fmt(counts.precision), _fmt(counts.recall)]
            cells.append(_fmt(counts.f1))
        pairs = scores.clustering
        cells += [
            _ratio_cell(scores.mention),
            _ratio_cell(scores.resolution),
            f"{_fmt(pairs.precision)}/{_fmt(pairs.recall)}/{_fmt(pairs.f1)} "
            f"({pairs.true_pairs}/{pairs.predicted_pairs}/{pairs.gold_pairs})",
            _ratio_cell(scores.cue),
            _ratio_cell(scores.stance),
            _fmt(scores.stance_macro_f1),
            str(scores.negatives),
        ]
        return cells

    rows = [row(scores) for scores in per_set.values()]
    if total is not None:
        rows.append(row(total))
    widths = [max(len(r[i]) for r in [columns, *rows]) for i in range(len(columns))]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = (cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True))
        return "  ".join([first, *rest]).rstrip()

    out = [line(columns), line(["-" * w for w in widths])]
    out += [line(r) for r in rows[: len(per_set)]]
    if total is not None:
        out += [line(["-" * w for w in widths]), line(rows[-1])]
    return "\n".join(out)


def format_diagnostics(
    scores: SetScores, kinds: Iterable[str] | None = None, limit: int | None = None
) -> str:
    """One line per diagnostic, grouped by kind, for reading what extraction got wrong."""
    wanted = set(kinds) if kinds is not None else None
    lines: list[str] = []
    shown = 0
    for d in scores.diagnostics:
        if wanted is not None and d.kind not in wanted:
            continue
        if limit is not None and shown >= limit:
            lines.append("…")
            break
        parts = [f"[{d.kind}]", d.doc_id]
        if d.gold_id:
            parts.append(d.gold_id)
        if d.gold:
            parts.append(f"gold={d.gold!r}")
        if d.predicted:
            parts.append(f"pred={d.predicted!r}")
        if d.detail:
            parts.append(f"— {d.detail}")
        lines.append(" ".join(parts))
        shown += 1
    return "\n".join(lines)


def scores_to_json(
    per_set: Mapping[str, SetScores],
    total: SetScores | None = None,
    *,
    diagnostics: bool = False,
) -> dict[str, Any]:
    """Scores as plain JSON-ready data: every rate next to the counts it comes from."""
    result: dict[str, Any] = {
        "thresholds": list(THRESHOLDS),
        "sets": {name: s.to_dict(diagnostics=diagnostics) for name, s in per_set.items()},
    }
    if total is not None:
        result["total"] = total.to_dict(diagnostics=diagnostics)
    return result


def write_predictions(path: str | Path, predictions: Iterable[Mapping[str, Any]]) -> int:
    """Write predictions as JSON Lines in the README's field order; returns the line count.

    Written to a temporary name and renamed, so a reader never sees half a file.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(target.name + ".tmp")
    count = 0
    with temporary.open("w", encoding="utf-8", newline="\n") as handle:
        for prediction in predictions:
            record = {key: prediction.get(key) for key in PREDICTION_FIELDS}
            if record["speaker_aliases"] is None:
                record["speaker_aliases"] = []
            for key, value in record.items():
                if isinstance(value, tuple):
                    record[key] = list(value)
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    temporary.replace(target)
    return count


def load_predictions(path: str | Path) -> list[dict[str, Any]]:
    """Read a predictions file written by ``write_predictions`` (or any scorer's equivalent)."""
    return [record for _, record in _read_jsonl(Path(path))]
