"""Quotation marks: which stretches of a paragraph are in quotes.

Pairs « », “ ”, straight double quotes and ‘ ’ (British style) inside one paragraph; marks
nested inside an outer pair stay part of the outer quotation. A ’ closes a ‘ only where it
cannot be an apostrophe ("don’t", "the players’ union"). A mark left open is closed at the
end of its paragraph (French multi-paragraph quotations reopen « on each paragraph; English
ones reopen “).
Pure string functions, no spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = "«“‘"
CLOSING = "»”’"
STRAIGHT = '"'
ALL_MARKS = OPENING + CLOSING + STRAIGHT
_PAIRS = {"«": "»", "“": "”", "‘": "’"}
_OPEN_CONTEXT = " \t\n([{—–-/:;,'’‘«“"


@dataclass(frozen=True, slots=True)
class Segment:
    """A top-level quotation: its marks and the text inside them."""

    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark; None when closed by the paragraph end
    start: int  # content: inside the marks, without the spaces next to them
    end: int

    @property
    def outer_end(self) -> int:
        """End of the quotation including its closing mark (or the content end)."""
        return self.close + 1 if self.close is not None else self.end

    def contains(self, offset: int) -> bool:
        """True when `offset` is strictly inside the marks."""
        return self.open < offset < (self.close if self.close is not None else self.end)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _opens_straight(text: str, i: int, start: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    # (also right after a full stop, in text that lost the space: 'in the town."Everything …')
    return (before in _OPEN_CONTEXT or before.isspace() or (
        before in ".!?" and after.isupper())) and not after.isspace()


def _opens_single(text: str, i: int, start: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in _OPEN_CONTEXT) and after.isalnum()


def _closes_single(text: str, i: int, end: int, stack: list[tuple[str, int]]) -> bool:
    """A ’ closes an open ‘ when it ends a word that is not a plural possessive."""
    if not any(mark == "’" for mark, _ in stack):
        return False
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < end else " "
    if after.isalnum():
        # don’t, l’État, O’Brien; but "a three-ring circus’But there …", a closing mark before
        # a sentence glued to it (text scraped without the space), ends a word no elision ends
        word = re.search(r"[^\W\d_]+$", text[max(0, i - 20):i])
        return bool(after.isupper() and word and len(word.group()) >= 3
                    and word.group().islower() and not word.group().endswith("qu"))
    if before.lower() == "s":
        # "the players’ union" or "‘false reports’ after …": a plural possessive unless no
        # other mark could close the quotation before the sentence ends
        rest = text[i + 1:end]
        stop = re.search(r"[.!?…](\s|$)", rest)
        rest = rest[:stop.start() + 1] if stop else rest
        return not any(rest[k] == "’" and (k + 1 >= len(rest) or not rest[k + 1].isalnum())
                       for k in range(len(rest)))
    return before in ".,!?;:…" or before.isalnum()


def _closes_straight(text: str, i: int, end: int) -> bool:
    """A straight " after a word and before a space or punctuation closes a “ quotation."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < end else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)")


def _after_sentence_end(text: str, i: int, floor: int) -> bool:
    """The mark at `i` follows a sentence's final punctuation (spaces between)."""
    j = i - 1
    while j > floor and text[j].isspace():
        j -= 1
    return j > floor and j < i - 1 and text[j] in ".!?…"


def quotation_segments(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """Top-level quotations of the paragraph `text[start:end]`, in order."""
    end = len(text) if end is None else end
    stack: list[tuple[str, int]] = []  # (expected closing mark, offset of the opening mark)
    segments: list[Segment] = []

    def record(open_at: int, close_at: int | None, until: int | None = None) -> None:
        inner_end = close_at if close_at is not None else (until if until is not None else end)
        s, e = _strip(text, open_at + 1, inner_end)
        if e > s:
            segments.append(Segment(open_at, close_at, s, e))

    for i in range(start, end):
        ch = text[i]
        if ch in _PAIRS:
            if ch == "‘" and not _opens_single(text, i, start):
                continue
            if ch != "‘" and len(stack) == 1 and stack[0][0] == _PAIRS[ch] and \
                    _after_sentence_end(text, i, stack[0][1]):
                # “… is fading. “In the absence …”: the same mark opening again after a full
                # stop starts a new quotation (the writer left the first one open), it does not
                # nest inside it
                record(stack.pop()[1], None, until=i)
            stack.append((_PAIRS[ch], i))
        elif ch == "’" and not _closes_single(text, i, end, stack):
            continue
        elif ch in CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                # a curly ” also closes a straight " (mixed marks are common in web text)
                if stack[depth][0] == ch or (ch == "”" and stack[depth][0] == STRAIGHT):
                    open_at = stack[depth][1]
                    del stack[depth:]
                    if depth == 0:
                        record(open_at, i)
                    break
        elif ch == STRAIGHT:
            if stack and stack[-1] == (STRAIGHT, i - 1) and i + 1 < end and text[i + 1].isalnum():
                stack[-1] = (STRAIGHT, i)  # '""It was …': a doubled opening mark opens once
                continue
            if len(stack) == 1 and stack[0][0] == STRAIGHT and text[i - 1].isspace() and \
                    i + 1 < end and text[i + 1].isalnum() and \
                    _after_sentence_end(text, i, stack[0][1]):
                # '"… retrospectively. "We are not …"': a mark with a space before and a word
                # glued after, after a full stop, opens; the first quotation was left open
                record(stack.pop()[1], None, until=i)
                stack.append((STRAIGHT, i))
            elif stack and (stack[-1][0] == STRAIGHT or (stack[-1][0] == "”"
                                                         and _closes_straight(text, i, end))):
                open_at = stack.pop()[1]
                if not stack:
                    record(open_at, i)
            elif _opens_straight(text, i, start):
                stack.append((STRAIGHT, i))
    if stack:
        record(stack[0][1], None)
    return segments


def inside_any(segments: list[Segment], offset: int) -> Segment | None:
    for segment in segments:
        if segment.contains(offset):
            return segment
    return None
