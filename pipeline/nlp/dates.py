"""When a statement was made: find the time expression of the cue's sentence, resolve it.

A relative expression ("mercredi", "mardi dernier", "hier", "la semaine dernière", "on Tuesday",
"last week", "le 3 mars", "March 3") is resolved against the article's publication date:

- a bare weekday is the most recent such day on or before the publication date (the
  publication's own weekday is that same day); when the reporting verb is in the future tense,
  it is the next such day on or after the publication date;
- "dernier/last" and "prochain/next" weekdays are strictly before or after it;
- a day and month without a year take the publication's year, moved back a year when that
  would put a past statement after the publication (and forward for a future one);
- a week, month or year resolves to its first day, with that precision.

No expression: the publication date, precision ``publication``. No publication date: nothing,
never a guess. The vocabulary is data (``resources/time_expressions.toml``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

PRECISIONS = ("day", "week", "month", "year", "publication")


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """The date of a statement: ISO date (or None), the text it came from, and its precision."""

    date: str | None
    text: str | None
    precision: str | None


@dataclass(frozen=True, slots=True)
class TimeMatch:
    """One time expression found in a text: where, what kind, and what it needs to resolve."""

    start: int
    end: int
    text: str
    # weekday / day_offset / week_offset / month_offset / year_offset / date / month / year
    kind: str
    value: int = 0  # weekday index, offset, or day of month
    direction: int = 0  # -1 last, +1 next, 0 bare
    month: int | None = None
    year: int | None = None


@dataclass(frozen=True)
class TimeLexicon:
    """Compiled patterns of one language's time expressions."""

    lang: str
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    weekdays: dict[str, int]
    months: dict[str, int]
    last: frozenset[str]
    next: frozenset[str]
    offsets: dict[str, tuple[str, int]]
    capitalised_months: bool

    @classmethod
    def from_config(cls, lang: str, config: dict) -> TimeLexicon:
        weekdays = {w: i for i, w in enumerate(config["weekdays"])}
        months = {m: i + 1 for i, m in enumerate(config["months"])}
        for i, abbreviation in enumerate(config.get("month_abbreviations", [])):
            months.setdefault(abbreviation, i + 1)
        offsets: dict[str, tuple[str, int]] = {}
        for kind in ("day_offsets", "week_offsets", "month_offsets", "year_offsets"):
            for phrase, offset in config.get(kind, {}).items():
                offsets[phrase.lower()] = (kind.removesuffix("s"), int(offset))

        def alternatives(words) -> str:
            ordered = sorted({re.escape(w) for w in words}, key=len, reverse=True)
            return "|".join(ordered)

        wd = alternatives(weekdays)
        mo = alternatives(months)
        last_next = alternatives([*config["last"], *config["next"]])
        this = alternatives(config.get("this", []))
        first = alternatives(config.get("first_of_month", []))
        day = rf"(?P<day>\d{{1,2}}|{first})" if first else r"(?P<day>\d{1,2})"
        ordinal = r"(?:st|nd|rd|th|er)?"
        year = r"(?:,?\s+(?P<year>\d{4}))?"
        in_period = alternatives(config.get("in_period", []))
        apostrophes = "['’]"
        offset_words = alternatives(
            [re.sub(r"\s+", " ", p) for p in offsets]
        ).replace("'", apostrophes).replace(r"\ ", r"\s+")
        patterns: list[tuple[str, re.Pattern[str]]] = [
            # "mercredi 12 février 2025", "le 3 mars", "3 March 2025"
            ("date", re.compile(
                rf"\b(?:(?:{wd})\s+)?(?:le\s+)?{day}{ordinal}\s+(?P<month>{mo})\.?{year}\b",
                re.IGNORECASE)),
            # "March 3", "Wednesday, March 3rd, 2025"
            ("date_md", re.compile(
                rf"\b(?:(?:{wd}),?\s+)?(?P<month>{mo})\.?\s+(?P<day>\d{{1,2}}){ordinal}{year}\b",
                re.IGNORECASE)),
            ("offset", re.compile(rf"(?<!\w)(?P<phrase>{offset_words})(?!\w)", re.IGNORECASE)),
            # "mardi dernier", "last Tuesday", "on Tuesday", "ce mercredi", "mercredi"
            ("weekday", re.compile(
                rf"\b(?:(?P<pre>{last_next}|{this})\s+)?(?P<weekday>{wd})"
                rf"(?:\s+(?P<post>{last_next}))?\b",
                re.IGNORECASE)),
        ]
        if in_period:
            patterns.append(("month", re.compile(
                rf"\b(?:{in_period})\s+(?P<month>{mo})(?:\s+(?P<year>\d{{4}}))?\b", re.IGNORECASE)))
            patterns.append(("year", re.compile(
                rf"\b(?:{in_period})\s+(?P<year>(?:19|20)\d{{2}})\b", re.IGNORECASE)))
        return cls(
            lang=lang,
            patterns=tuple(patterns),
            weekdays=weekdays,
            months=months,
            last=frozenset(w.lower() for w in config["last"]),
            next=frozenset(w.lower() for w in config["next"]),
            offsets=offsets,
            capitalised_months=lang == "en",
        )


def load_time_lexicons(path: Path) -> dict[str, TimeLexicon]:
    with path.open("rb") as handle:
        config = tomllib.load(handle)
    return {lang: TimeLexicon.from_config(lang, section) for lang, section in config.items()}


def find_time_expressions(text: str, lexicon: TimeLexicon, *, offset: int = 0) -> list[TimeMatch]:
    """Every time expression of ``text``, longest first where they overlap, in text order.

    ``offset`` is added to the positions, so that a sentence's matches index the article.
    """
    found: list[TimeMatch] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in lexicon.patterns:
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(start < e and s < end for s, e in taken):
                continue
            match = _interpret(kind, m, lexicon)
            if match is None:
                continue
            taken.append((start, end))
            found.append(
                TimeMatch(
                    start=start + offset,
                    end=end + offset,
                    text=m.group(0),
                    kind=match[0],
                    value=match[1],
                    direction=match[2],
                    month=match[3],
                    year=match[4],
                )
            )
    return sorted(found, key=lambda t: t.start)


def _interpret(kind: str, m: re.Match[str], lexicon: TimeLexicon):
    groups = m.groupdict()
    month_word = groups.get("month")
    if month_word is not None:
        if lexicon.capitalised_months and not month_word[0].isupper():
            return None  # "may" the modal, "march" the verb
        month = lexicon.months[month_word.lower().rstrip(".")]
    year = int(groups["year"]) if groups.get("year") else None
    if kind in ("date", "date_md"):
        day_text = groups["day"].lower()
        day = 1 if not day_text.isdigit() else int(day_text)
        if not 1 <= day <= 31:
            return None
        return ("date", day, 0, month, year)
    if kind == "offset":
        phrase = re.sub(r"\s+", " ", groups["phrase"].lower()).replace("’", "'")
        offset_kind, offset = lexicon.offsets[phrase]
        return (offset_kind, offset, 0, None, None)
    if kind == "weekday":
        weekday = lexicon.weekdays[groups["weekday"].lower()]
        direction = 0
        for word in (groups.get("pre"), groups.get("post")):
            if word and word.lower() in lexicon.last:
                direction = -1
            elif word and word.lower() in lexicon.next:
                direction = 1
        return ("weekday", weekday, direction, None, None)
    if kind == "month":
        return ("month", 0, 0, month, year)
    if kind == "year":
        return ("year", 0, 0, None, year)
    return None


def resolve(
    match: TimeMatch | None, published: str | None, *, future: bool = False
) -> ResolvedDate:
    """The date a time expression stands for, seen from the publication date."""
    if not published:
        return ResolvedDate(None, match.text if match else None, None)
    try:
        pub = date.fromisoformat(published[:10])
    except ValueError:
        return ResolvedDate(None, match.text if match else None, None)
    if match is None:
        return ResolvedDate(pub.isoformat(), None, "publication")
    resolved, precision = _resolve(match, pub, future)
    if resolved is None:
        return ResolvedDate(pub.isoformat(), match.text, "publication")
    return ResolvedDate(resolved.isoformat(), match.text, precision)


def _resolve(match: TimeMatch, pub: date, future: bool) -> tuple[date | None, str]:
    if match.kind == "weekday":
        back = (pub.weekday() - match.value) % 7
        ahead = (match.value - pub.weekday()) % 7
        if match.direction < 0:
            return pub - timedelta(days=back or 7), "day"
        if match.direction > 0:
            return pub + timedelta(days=ahead or 7), "day"
        if future:
            return pub + timedelta(days=ahead), "day"
        return pub - timedelta(days=back), "day"
    if match.kind == "day_offset":
        return pub + timedelta(days=match.value), "day"
    if match.kind == "week_offset":
        monday = pub - timedelta(days=pub.weekday())
        return monday + timedelta(weeks=match.value), "week"
    if match.kind == "month_offset":
        index = pub.year * 12 + pub.month - 1 + match.value
        return date(index // 12, index % 12 + 1, 1), "month"
    if match.kind == "year_offset":
        return date(pub.year + match.value, 1, 1), "year"
    if match.kind == "date":
        year = match.year or pub.year
        resolved = _safe_date(year, match.month or 1, match.value)
        if resolved is None:
            return None, "day"
        if match.year is None:
            if not future and resolved > pub:
                resolved = _safe_date(year - 1, match.month or 1, match.value) or resolved
            elif future and resolved < pub:
                resolved = _safe_date(year + 1, match.month or 1, match.value) or resolved
        return resolved, "day"
    if match.kind == "month":
        year = match.year or pub.year
        if match.year is None and match.month:
            if not future and match.month > pub.month:
                year -= 1
            elif future and match.month < pub.month:
                year += 1
        return date(year, match.month or 1, 1), "month"
    if match.kind == "year" and match.year:
        return date(match.year, 1, 1), "year"
    return None, "day"


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
