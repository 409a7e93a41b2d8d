"""Paragraphs and page furniture.

An article's text keeps its line breaks; each non-empty line is a paragraph. Sentences never
cross a paragraph break (`paragraph_breaks`, a spaCy component placed before the parser), and
boilerplate lines (credit lines, newsletter prompts, "read also" links, teasers of other
articles) are marked so that no quotation or speaker is taken from them. Offsets always point
into the original text: nothing here rewrites it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp.resources import BoilerplatePattern

COMPONENT_NAME = "newsevents_paragraph_breaks"
_SHORT_LINE_WORDS = 25
# A last line made of two or three capitalised words and nothing else is a signature.
_SIGNATURE = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]+(?: [A-ZÀ-ÖØ-Þ][\w'’.-]+){1,2}$")
_SIGNATURE_ZONE = 3  # among the last lines of the article


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int  # exclusive, trailing whitespace left out
    boilerplate: str | None = None  # why it is page furniture, or None for article prose

    @property
    def is_prose(self) -> bool:
        return self.boilerplate is None


_OPENING_MARKS = ("«", "“", "‘")
_SENTENCE_END = (".", "!", "?", "…")


def is_soft_wrap(before: str, between: str, after: str) -> bool:
    """Is this line break a wrap inside a sentence rather than a paragraph break?

    Text copied from print or PDF breaks lines at a fixed width (« avec toutes ces\nballes
    qui sifflaient »): a single line break followed by a lower-case letter, after a line that
    does not end a sentence, or right after an opening quotation mark, joins the two lines.
    `before` ends the first line, `between` is the whitespace, `after` starts the next line.
    """
    if between.count("\n") != 1 or not before or not after:
        return False
    last = before.rstrip()[-1:]
    if last in _OPENING_MARKS:
        return True
    return after[:1].isalpha() and after[:1].islower() and last not in _SENTENCE_END


def split_paragraphs(text: str) -> list[Paragraph]:
    """Non-empty lines of `text`, as offsets (leading and trailing whitespace left out); a
    line wrapped inside a sentence (`is_soft_wrap`) continues the paragraph before it."""
    paragraphs: list[Paragraph] = []
    for match in re.finditer(r"[^\r\n]+", text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        if paragraphs:
            previous = paragraphs[-1]
            between = text[previous.end:start].replace("\r\n", "\n")
            if is_soft_wrap(text[previous.start:previous.end], between, stripped):
                paragraphs[-1] = Paragraph(previous.start, start + len(stripped))
                continue
        paragraphs.append(Paragraph(start, start + len(stripped)))
    return paragraphs


def mark_boilerplate(text: str, paragraphs: Sequence[Paragraph],
                     patterns: Iterable[BoilerplatePattern], *, lang: str) -> list[Paragraph]:
    """The same paragraphs, with `boilerplate` set on the page-furniture ones."""
    usable = [p for p in patterns if p.lang in ("*", lang)]
    result: list[Paragraph] = []
    in_tail: str | None = None
    last_prose_zone = {i for i in range(max(0, len(paragraphs) - _SIGNATURE_ZONE),
                                        len(paragraphs))}
    for index, paragraph in enumerate(paragraphs):
        line = text[paragraph.start:paragraph.end]
        reason = in_tail
        if reason is None:
            for pattern in usable:
                match = pattern.regex.search(line)
                if not match:
                    continue
                if pattern.scope == "short" and len(line.split()) > _SHORT_LINE_WORDS:
                    continue
                reason = pattern.why or pattern.regex.pattern
                cut = _last_sentence_start(line, match.start())
                if pattern.scope == "line" and match.end() == len(line) and cut > 0 and \
                        len(line.split()) > _SHORT_LINE_WORDS:
                    # "… the spokesman said Journalist X contributed to this report.": a credit
                    # line glued to the end of a long paragraph takes its own sentence only
                    end = paragraph.start + cut
                    while end > paragraph.start and text[end - 1].isspace():
                        end -= 1
                    result.append(Paragraph(paragraph.start, end, None))
                    paragraph = Paragraph(paragraph.start + cut, paragraph.end)
                if pattern.scope == "tail":
                    in_tail = reason
                break
        if reason is None and index in last_prose_zone and _SIGNATURE.match(line):
            reason = "signature line at the end of the article"
        result.append(Paragraph(paragraph.start, paragraph.end, reason))
    return result


def _last_sentence_start(line: str, before: int) -> int:
    """Offset in `line` where the sentence holding offset `before` starts (0 when none is
    found): after the last full stop and space, or the last lower-case word followed by a
    capitalised one that ends a sentence left without its full stop."""
    stops = list(re.finditer(r"[.!?]['’\"”»]?\s+(?=\S)", line[:before]))
    start = stops[-1].end() if stops else 0
    # the capitalised words right before the match ("Journalist Jane Roe contributed …")
    names = re.search(r"(?:\b[A-ZÀ-ÖØ-Þ][\w'’.-]*\s+)+$", line[:before])
    if names is not None and names.start() > start and \
            re.search(r"[a-z,]\s+$", line[:names.start()]):
        return names.start()  # glued to the sentence before, its full stop lost
    return start


def paragraphs_of(text: str, patterns: Iterable[BoilerplatePattern], *, lang: str
                  ) -> list[Paragraph]:
    return mark_boilerplate(text, split_paragraphs(text), patterns, lang=lang)


def set_paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after every line break.

    The pretrained parsers keep sentence starts that are already set, so a sentence can never
    run from one paragraph into the next.
    """
    text = doc.text
    for i in range(1, len(doc)):
        previous = doc[i - 1]
        if "\n" in previous.whitespace_ or ("\n" in previous.text and previous.is_space):
            token = doc[i]
            line_start = text.rfind("\n", 0, token.idx)
            before_end = len(text[:line_start].rstrip())
            between = text[before_end:token.idx].replace("\r\n", "\n")
            line_before = text[text.rfind("\n", 0, before_end) + 1:before_end]
            if is_soft_wrap(line_before, between, token.text):
                continue  # a line wrapped inside a sentence: no break
            token.is_sent_start = True
    return doc


@Language.component(COMPONENT_NAME)
def paragraph_breaks(doc: Doc) -> Doc:
    return set_paragraph_breaks(doc)


def add_paragraph_breaks(nlp: Language) -> Language:
    """Put `paragraph_breaks` before the parser of `nlp` (once)."""
    if COMPONENT_NAME not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe(COMPONENT_NAME, before=before)
        else:
            nlp.add_pipe(COMPONENT_NAME, first=True)
    return nlp
