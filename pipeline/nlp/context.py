"""What every extraction stage needs to know about one parsed article, computed once.

`DocContext` holds the parsed `Doc`, its paragraphs (with boilerplate marked), the quotations
in marks, and "units": sentences as a reader sees them, which never split a quotation in marks
(spaCy often starts a sentence inside « … » or at a closing mark) and never cross a paragraph.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from pipeline.nlp.marks import ALL_MARKS, CLOSING, OPENING, STRAIGHT, Segment, quotation_segments
from pipeline.nlp.paragraphs import Paragraph
from pipeline.nlp.resources import Lexicon

SENTENCE_END = {".", "!", "?", "…", ";"}


@dataclass
class DocContext:
    doc: Doc
    lang: str
    lexicon: Lexicon
    paragraphs: list[Paragraph]
    segments: list[Segment] = field(default_factory=list)
    # Per token: index of its paragraph (-1 outside any), of the segment it is strictly inside
    # (-1 if none), and of its unit.
    token_paragraph: list[int] = field(default_factory=list)
    token_segment: list[int] = field(default_factory=list)
    units: list[tuple[int, int]] = field(default_factory=list)  # token ranges [start, end)
    token_unit: list[int] = field(default_factory=list)
    segment_paragraph: list[int] = field(default_factory=list)
    text: str = ""  # doc.text, computed once (spaCy rebuilds it on every access)
    # The doc's tokens, made once: iterating a Doc builds every Token object anew, and the
    # rules walk the whole article several times.
    tokens: list[Token] = field(default_factory=list)
    # The named entities, made once for the same reason (Doc.ents builds every span anew).
    ents: tuple[Span, ...] = ()
    _surnames: frozenset[str] | None = None

    # ---------------------------------------------------------------- building

    @classmethod
    def build(cls, doc: Doc, *, lang: str, lexicon: Lexicon,
              paragraphs: list[Paragraph]) -> DocContext:
        text = doc.text
        _repair_person_entities(doc, lexicon)
        ctx = cls(doc=doc, lang=lang, lexicon=lexicon, paragraphs=paragraphs, text=text)
        for index, paragraph in enumerate(paragraphs):
            if paragraph.is_prose:
                for segment in quotation_segments(text, paragraph.start, paragraph.end):
                    ctx.segments.append(segment)
                    ctx.segment_paragraph.append(index)
        starts = [p.start for p in paragraphs]
        seg_index = 0
        ctx.tokens = list(doc)
        ctx.ents = tuple(doc.ents)
        for token in ctx.tokens:
            p = bisect_right(starts, token.idx) - 1
            if p >= 0 and token.idx >= paragraphs[p].end:
                p = -1
            ctx.token_paragraph.append(p)
            while (seg_index < len(ctx.segments)
                   and ctx.segments[seg_index].outer_end <= token.idx):
                seg_index += 1
            inside = -1
            if seg_index < len(ctx.segments) and ctx.segments[seg_index].contains(token.idx):
                inside = seg_index
            ctx.token_segment.append(inside)
        ctx._build_units()
        return ctx

    def _build_units(self) -> None:
        doc = self.doc
        starts: list[int] = []
        for token in self.tokens:
            if token.is_space:
                continue
            if not starts:
                starts.append(token.i)
                continue
            previous = self.previous_word(token.i)
            new_paragraph = (previous is None
                             or self.token_paragraph[previous.i] != self.token_paragraph[token.i])
            if new_paragraph:
                starts.append(token.i)
            elif token.is_sent_start and self._keeps_sentence_start(token, previous):
                starts.append(token.i)
            elif self._forced_sentence_start(token, previous):
                starts.append(token.i)
        bounds = starts + [len(doc)]
        self.units = [(bounds[k], bounds[k + 1]) for k in range(len(starts))]
        self.token_unit = [0] * len(doc)
        for k, (s, e) in enumerate(self.units):
            for i in range(s, e):
                self.token_unit[i] = k

    def _keeps_sentence_start(self, token: Token, previous: Token) -> bool:
        if self.token_segment[token.i] >= 0:
            return False  # inside a quotation in marks
        if token.text in CLOSING or token.text in ",.;:!?)]":
            return False
        if token.text == STRAIGHT and not self._opens_here(token):
            return False
        if previous.text in OPENING:
            return False
        if previous.text == ")" and token.text[:1].islower():
            return False  # "double (triple !) casquette": the parenthesis ended, not the sentence
        if (token.text[:1].islower() or token.text[:1] == "-") and (
                previous.text in CLOSING or previous.text in ",:" or previous.text == STRAIGHT):
            return False  # « … », a-t-il dit / "…," he said: the attribution goes with the quote
        if (previous.text in CLOSING or previous.text == STRAIGHT) and \
                self._attribution_follows(token):
            return False  # "“…?” King asked." continues the quotation's sentence
        return previous.text in SENTENCE_END or previous.text in CLOSING or \
            previous.text == STRAIGHT or previous.text == ")"

    def _attribution_follows(self, token: Token) -> bool:
        """A short clause with a reporting verb and nothing quoted ("King asked Scott.")."""
        doc = self.doc
        forms = self.lexicon.forms
        cue = False
        for n, t in enumerate(doc[token.i:token.i + 12]):
            if t.text in OPENING or (t.text == STRAIGHT and n > 0):
                return False
            if t.text in SENTENCE_END:
                return cue
            cue = cue or t.lower_ in forms
        return False

    def _forced_sentence_start(self, token: Token, previous: Token) -> bool:
        """A capitalised word or an opening mark after a full stop (possibly followed by a
        closing mark) starts a sentence even when the parser missed it."""
        if self.token_segment[token.i] >= 0:
            return False
        if not (token.text[:1].isupper() or token.text in OPENING or self._opens_here(token)):
            return False
        if previous.text in SENTENCE_END and previous.text != ";":
            return self.token_segment[previous.i] < 0
        if previous.text in CLOSING or (previous.text == STRAIGHT and not
                                        self._opens_here(previous)):
            before = self.previous_word(previous.i)
            return before is not None and before.text in (".", "!", "?", "…") and \
                not self._attribution_follows(token)
        return False

    def _opens_here(self, token: Token) -> bool:
        return any(s.open == token.idx for s in self.segments)

    # ---------------------------------------------------------------- queries

    def previous_word(self, i: int) -> Token | None:
        tokens = self.tokens
        j = i - 1
        while j >= 0 and tokens[j].is_space:
            j -= 1
        return tokens[j] if j >= 0 else None

    def next_word(self, i: int) -> Token | None:
        tokens = self.tokens
        j = i + 1
        while j < len(tokens) and tokens[j].is_space:
            j += 1
        return tokens[j] if j < len(tokens) else None

    def is_prose(self, token: Token) -> bool:
        p = self.token_paragraph[token.i]
        return p >= 0 and self.paragraphs[p].is_prose

    def in_quotes(self, token: Token) -> bool:
        return self.token_segment[token.i] >= 0

    def is_time(self, token: Token) -> bool:
        """A date or time word ("jeudi", "Monday", "à la mi-août"), never a speaker or object."""
        return token.ent_type_ in ("DATE", "TIME") or self.lexicon.is_word("time_word",
                                                                           token.text)

    def unit_of(self, token: Token) -> tuple[int, int]:
        return self.units[self.token_unit[token.i]]

    def unit_span(self, token: Token) -> tuple[int, int]:
        """Character offsets of the unit holding `token`, without trailing spaces."""
        s, e = self.unit_of(token)
        while e > s and self.doc[e - 1].is_space:
            e -= 1
        return self.doc[s].idx, self.doc[e - 1].idx + len(self.doc[e - 1].text)

    def token_at(self, offset: int) -> Token | None:
        """The token that covers character `offset` (or the first one after it)."""
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is not None and len(span):
            return span[0]
        for token in self.doc:
            if token.idx >= offset:
                return token
        return None

    def segments_in(self, start: int, end: int) -> list[int]:
        """Indices of segments whose marks lie within [start, end)."""
        return [k for k, s in enumerate(self.segments)
                if s.open >= start and s.outer_end <= end]

    def segment_at_open(self, offset: int) -> int:
        for k, s in enumerate(self.segments):
            if s.open == offset:
                return k
        return -1

    def person_surname(self, token: Token) -> bool:
        """A capitalised word that is the last word of a person's full name tagged elsewhere
        in the article ("Meadows" of "Mark Meadows"), whatever the tagger made of it here
        ("Meadows added" as a plural noun)."""
        if not token.text[:1].isupper() or token.is_punct:
            return False
        if self._surnames is None:
            self._surnames = frozenset(
                ent[-1].lower_ for ent in self.ents
                if ent.label_ in ("PER", "PERSON") and len(ent) > 1
                and ent[-1].text[:1].isupper() and len(ent[-1].text) > 2)
        return token.lower_ in self._surnames

    def is_mark(self, token: Token) -> bool:
        return token.text in ALL_MARKS


_PERSON = ("PER", "PERSON")


def _repair_person_entities(doc: Doc, lexicon: Lexicon) -> None:
    """A person entity the tagger started one word late ("Priyanka [Gandhi Vadra]"): the
    capitalised proper nouns right before it, outside any entity and not titles or time
    words, are the start of the name; one with a possessive inside ("Noah's Ark") is no
    person. Done once on the parsed doc so that every rule sees the same names."""
    entities = list(doc.ents)
    changed = False
    for n, ent in enumerate(entities):
        if ent.label_ not in _PERSON:
            continue
        if any(t.text in ("'s", "’s") for t in ent[:-1]):
            # "Noah's Ark", "Hell's Kitchen": a thing named after someone, not a person
            entities[n] = Span(doc, ent.start, ent.end, label="WORK_OF_ART")
            changed = True
            continue
        start = ent.start
        while start > 0 and ent.start - start < 2:
            before = doc[start - 1]
            if not (before.pos_ == "PROPN" and before.is_alpha and before.text[:1].isupper()
                    and not before.text.isupper() and not before.ent_type_
                    and before.whitespace_ and lexicon.title(before.text) is None
                    and not lexicon.is_word("time_word", before.text)
                    and not lexicon.is_word("determiner_definite", before.text)):
                break
            start -= 1
        if start != ent.start:
            entities[n] = Span(doc, start, ent.end, label=ent.label_)
            changed = True
    if changed:
        doc.ents = entities
