"""Who-said-what events: what kind of statement, when, where; and the stances quotations carry.

Every quotation becomes one event: its type and CAMEO code from the cue's class
(``resources/event_types.toml``), its date from the time expression of the cue's sentence
(``dates.py``), its place from a location named with a preposition near the cue ("à Bruxelles",
"in Brussels", "lors d'une réunion à ..."). Stances come from ``stances.py``.

``annotate_quotes`` is the entry point: pure, no I/O; load the resources once with
``load_event_resources`` and pass them in.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from pipeline.ids import short_hash
from pipeline.nlp.dates import (
    ResolvedDate,
    TimeLexicon,
    TimeMatch,
    find_time_expressions,
    load_time_lexicons,
    resolve,
)
from pipeline.nlp.stances import (
    Stance,
    StanceResources,
    load_stance_resources,
    stances_for_quote,
    tokens_within,
)
from pipeline.records import Quote

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"

# Entity labels that name places: spaCy's French models say LOC, the English ones GPE/LOC/FAC.
PLACE_LABELS = frozenset({"LOC", "GPE", "FAC"})
PLACE_PREPOSITIONS = {
    "fr": frozenset({"à", "au", "aux", "en", "depuis", "dans", "de", "d'", "d’", "du"}),
    "en": frozenset({"in", "at", "from"}),
}
# "de Bruxelles" is a place only after the cue or the speaker; after a noun it is a
# complement ("le maire de Paris").
_AMBIGUOUS_PREPOSITIONS = frozenset({"de", "d'", "d’", "du", "from"})
_FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
_ATTACHMENT_STEPS = 3


@dataclass(slots=True)
class Event:
    """One who-said-what event: a quotation, typed, dated and placed."""

    event_id: str
    quote_id: str
    doc_id: str
    speaker_id: str | None
    event_type: str
    cameo_code: str
    event_date: str | None  # YYYY-MM-DD
    date_text: str | None
    date_precision: str | None  # day / week / month / year / publication
    place: str | None

    def row(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class EventResources:
    """Everything events and stances read, loaded once per process."""

    event_types: dict[str, tuple[str, str]]
    default_event_type: tuple[str, str]
    threat_event_type: tuple[str, str] | None
    time_lexicons: dict[str, TimeLexicon]
    stances: StanceResources


def load_event_resources(resources_dir: Path = RESOURCES_DIR) -> EventResources:
    resources_dir = Path(resources_dir)
    with (resources_dir / "event_types.toml").open("rb") as handle:
        config = tomllib.load(handle)
    default = config.get("default", {"event_type": "statement", "cameo_code": "010"})
    classes = {
        name.lower(): (entry["event_type"], str(entry["cameo_code"]))
        for name, entry in config.get("classes", {}).items()
    }
    threat = config.get("warning_by_speaker")
    return EventResources(
        event_types=classes,
        default_event_type=(default["event_type"], str(default["cameo_code"])),
        threat_event_type=(threat["event_type"], str(threat["cameo_code"])) if threat else None,
        time_lexicons=load_time_lexicons(resources_dir / "time_expressions.toml"),
        stances=load_stance_resources(resources_dir),
    )


def annotate_quotes(
    doc: Doc,
    quotes: Sequence[Quote],
    *,
    published: str | None,
    lang: str,
    resources: EventResources,
) -> tuple[list[Event], list[Stance]]:
    """One event per quotation and its stances. ``doc`` is the parsed article text."""
    events: list[Event] = []
    stances: list[Stance] = []
    contents = tuple((q.content_start, q.content_end) for q in quotes)
    entities = tuple(doc.ents)  # once: Doc.ents and Span.ents rebuild every span on each call
    for quote in quotes:
        events.append(event_for_quote(doc, quote, published=published, lang=lang,
                                      resources=resources, other_contents=contents,
                                      entities=entities))
        stances.extend(stances_for_quote(doc, quote, lang=lang, resources=resources.stances))
    return events, stances


def event_for_quote(doc: Doc, quote: Quote, *, published: str | None, lang: str,
                    resources: EventResources,
                    other_contents: Sequence[tuple[int, int]] = (),
                   entities: Sequence[Span] | None = None) -> Event:
    """The event of one quotation. ``other_contents`` are the spans of the article's other
    quotations: what they say is never the date or place of this one's saying."""
    cue_tokens = tokens_within(doc, quote.cue_start, quote.cue_end)
    event_type, cameo = resources.event_types.get(
        (quote.cue_class or "").lower(), resources.default_event_type
    )
    if ((quote.cue_class or "").lower() == "warning" and resources.threat_event_type
            and _speaker_is_agent(doc, quote, lang)):
        event_type, cameo = resources.threat_event_type
    sentence = _cue_sentence(doc, quote, cue_tokens)
    excluded = ((quote.content_start, quote.content_end), *other_contents)
    when = statement_date(doc, quote, sentence, cue_tokens, published=published, lang=lang,
                          lexicon=resources.time_lexicons.get(lang), excluded=excluded)
    return Event(
        event_id="ev" + short_hash(quote.doc_id, quote.content_start, quote.content_end),
        quote_id=quote.quote_id,
        doc_id=quote.doc_id,
        speaker_id=quote.speaker_id,
        event_type=event_type,
        cameo_code=cameo,
        event_date=when.date,
        date_text=when.text,
        date_precision=when.precision,
        place=statement_place(doc, quote, sentence, cue_tokens, lang=lang, excluded=excluded,
                              entities=entities),
    )


# --------------------------------------------------------------------------------------------
# Date


def statement_date(doc: Doc, quote: Quote, sentence: Span | None, cue_tokens: list[Token], *,
                   published: str | None, lang: str, lexicon: TimeLexicon | None,
                   excluded: Sequence[tuple[int, int]] = ()) -> ResolvedDate:
    """The date of the statement from the time expression on its cue, else publication."""
    match = None
    if sentence is not None and lexicon is not None:
        match = _pick_time_expression(doc, quote, sentence, cue_tokens, lexicon,
                                      excluded or ((quote.content_start, quote.content_end),))
    return resolve(match, published, future=is_future(cue_tokens, lang))


def _pick_time_expression(doc: Doc, quote: Quote, sentence: Span, cue_tokens: list[Token],
                          lexicon: TimeLexicon,
                          excluded: Sequence[tuple[int, int]]) -> TimeMatch | None:
    """The time expression that modifies the cue ("a déclaré mercredi", "said on Tuesday").

    An expression that hangs on another verb ("killed in June") dates that other event.
    """
    if not cue_tokens:
        return None
    matches = [
        m for m in find_time_expressions(sentence.text, lexicon, offset=sentence.start_char)
        if not any(m.start < end and start < m.end for start, end in excluded)
    ]
    cue_ids = {t.i for t in cue_tokens}
    attached = [m for m in matches
                if _governed_by(tokens_within(doc, m.start, m.end), cue_ids)]
    if not attached:
        return None
    cue_start = cue_tokens[0].idx
    return min(attached, key=lambda m: abs(m.start - cue_start))


def _governed_by(tokens: Sequence[Token], anchor_ids: set[int]) -> bool:
    """Whether a phrase hangs on the anchor (the cue, or the speaker) through nouns and
    prepositions only: "a déclaré mercredi", "lors d'une réunion à Bruxelles", "said from
    Kyiv", but not "killed in June" (another verb governs it)."""
    if not tokens:
        return False
    ids = {t.i for t in tokens}
    for tok in tokens:
        node = tok
        for _ in range(8):
            if node.i in anchor_ids:
                return True
            head = node.head
            if head.i == node.i:
                break
            if head.i not in ids and head.i not in anchor_ids and head.pos_ in ("VERB", "AUX"):
                return False
            if (head.i not in ids and head.pos_ == "NOUN"
                    and (head.dep_.startswith("nsubj") or head.dep_ == "appos")):
                return False  # part of the speaker's title: "le secrétaire à la Défense"
            node = head
    return False


def is_future(cue_tokens: Sequence[Token], lang: str) -> bool:
    """Whether the reporting verb is in the future tense ("dira", "will say", "va annoncer")."""
    for tok in cue_tokens:
        if "Fut" in tok.morph.get("Tense"):
            return True
        for child in tok.children:
            if child.dep_.startswith("aux") and child.lower_ in _FUTURE_AUXILIARIES:
                return True
            if (lang == "fr" and child.dep_.startswith("aux") and child.lemma_ == "aller"
                    and "Pres" in child.morph.get("Tense")):
                return True
        if lang == "fr" and tok.lemma_ == "aller" and "Pres" in tok.morph.get("Tense"):
            if any(c.dep_ == "xcomp" and "Inf" in c.morph.get("VerbForm") for c in tok.children):
                return True
    return False


# --------------------------------------------------------------------------------------------
# Place


def statement_place(doc: Doc, quote: Quote, sentence: Span | None, cue_tokens: list[Token],
                    *, lang: str, excluded: Sequence[tuple[int, int]] = (),
                    entities: Sequence[Span] | None = None) -> str | None:
    """A place named with a preposition on the cue ("a déclaré à Bruxelles", "lors d'une
    réunion à ...", "said in Brussels") or after the speaker ("a déclaré X de Bruxelles")."""
    if sentence is None or not cue_tokens:
        return None
    excluded = excluded or ((quote.content_start, quote.content_end),)
    prepositions = PLACE_PREPOSITIONS.get(lang, frozenset())
    cue_ids = {t.i for t in cue_tokens}
    speaker_ids = {t.i for t in tokens_within(doc, quote.speaker_start, quote.speaker_end)}
    best: tuple[int, str] | None = None
    if entities is None:
        entities = doc.ents
    for ent in entities:
        if ent.start < sentence.start or ent.end > sentence.end:
            continue
        if ent.label_ not in PLACE_LABELS or ent.start == 0:
            continue
        if any(ent.start_char < end and start < ent.end_char for start, end in excluded):
            continue
        if any(t.i in speaker_ids for t in ent):
            continue
        before = doc[ent.start - 1]
        if before.lower_ not in prepositions:
            continue
        if before.lower_ in _AMBIGUOUS_PREPOSITIONS and not _after_cue_or_speaker(
            doc, before, cue_ids | speaker_ids
        ):
            continue
        if not _governed_by(list(ent), cue_ids | speaker_ids):
            continue
        distance = abs(ent.start_char - cue_tokens[0].idx)
        if best is None or distance < best[0]:
            best = (distance, _strip_determiner(ent))
    if best is None and speaker_ids:
        return _place_after_speaker(doc, speaker_ids, excluded)
    return best[1] if best else None


def _place_after_speaker(doc: Doc, speaker_ids: set[int],
                         excluded: Sequence[tuple[int, int]]) -> str | None:
    """ "a déclaré Marie Dupont de Genève": the recogniser often reads the whole as one person,
    but the mention the extractor found stops before "de", and what follows is where from."""
    after = max(speaker_ids) + 1
    if after + 1 >= len(doc) or doc[after].lower_ not in ("de", "d'", "d’", "from"):
        return None
    place = doc[after + 1]
    if place.pos_ != "PROPN" or place.head.i not in speaker_ids:
        return None
    tokens = [place] + [t for t in place.children if t.dep_ in ("flat:name", "flat", "compound")]
    tokens.sort(key=lambda t: t.i)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    if any(start < e and s < end for s, e in excluded):
        return None
    return doc[tokens[0].i : tokens[-1].i + 1].text


def _strip_determiner(ent: Span) -> str:
    tokens = list(ent)
    while len(tokens) > 1 and tokens[0].pos_ == "DET":
        tokens = tokens[1:]
    return ent.doc[tokens[0].i : tokens[-1].i + 1].text


def _after_cue_or_speaker(doc: Doc, preposition: Token, anchor_ids: set[int]) -> bool:
    """ "a déclaré X de Bruxelles", "said from Kyiv": the word before is the cue or speaker."""
    if preposition.i == 0:
        return False
    previous = doc[preposition.i - 1]
    if previous.i in anchor_ids:
        return True
    head = preposition.head.head if preposition.head.i != preposition.i else preposition.head
    return head.i in anchor_ids or head.pos_ in ("VERB", "AUX")


# --------------------------------------------------------------------------------------------
# Helpers


def _cue_sentence(doc: Doc, quote: Quote, cue_tokens: list[Token]) -> Span | None:
    """The cue's sentence, cut at line breaks: a parser's sentence may run over a paragraph."""
    if not cue_tokens:
        return None
    sent = cue_tokens[0].sent
    text, base = sent.text, sent.start_char  # Doc.text is rebuilt at each access; a span's is not
    line_start = text.rfind("\n", 0, cue_tokens[0].idx - base) + 1 + base
    line_end = text.find("\n", cue_tokens[-1].idx - base)
    line_end = sent.end_char if line_end == -1 else line_end + base
    span = doc.char_span(max(line_start, sent.start_char), line_end, alignment_mode="contract")
    return span if span is not None and len(span) else sent


def _speaker_is_agent(doc: Doc, quote: Quote, lang: str) -> bool:
    """The content's subject is the speaker: "il pourrait interrompre", "I will stop"."""
    tokens = tokens_within(doc, quote.content_start, quote.content_end)
    inside = {t.i for t in tokens}
    first_person = {"je", "j'", "nous", "i", "we"}
    third_person = {"il", "elle", "ils", "elles", "he", "she", "they"}
    for tok in tokens:
        if tok.head.i in inside and tok.head.i != tok.i:
            continue
        for child in tok.children:
            if child.dep_.startswith("nsubj"):
                word = child.lower_
                if word in first_person:
                    return True
                if quote.kind != "direct" and word in third_person:
                    return True
    return False

