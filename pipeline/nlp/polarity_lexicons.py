"""General polarity lexicons, read from the PyPI packages that ship them: a backoff for the
evaluative words of the stance rules.

The stance lexicons (``resources/stance_lexicon_*.toml``) are small and hand-written; a quote
whose only evaluative word is missing from them gets no stance. These two established lexicons
widen the coverage of plain evaluative words, read at run time from the installed package
(nothing is downloaded, nothing is copied into the repository):

- English: VADER (Hutto & Gilbert 2014), ``vaderSentiment/vader_lexicon.txt`` of the
  ``vaderSentiment`` package (MIT): ``word<TAB>mean valence (-4..4)<TAB>sd<TAB>ratings``.
- French: the French adjective lexicon of Pattern (De Smedt & Daelemans 2012),
  ``textblob_fr/fr-sentiment.xml`` of the ``textblob-fr`` package (MIT; the lexicon itself
  PDDL): ``<word form=... pos="JJ" polarity="-1..1" subjectivity="0..1" .../>``.

Only entries with a clear polarity are kept (``|valence| >= 1.0`` for VADER, ``|polarity| >=
0.3`` and ``subjectivity >= 0.4`` for the French adjectives, so that descriptive adjectives such
as « internationales » do not count), and only words: no emoticons, no multi-word entries.
Each is a lower-case key with its polarity scaled to -1..1 (VADER's valence divided by 4), so
that a user can ask for a stronger one (the stance rules do for nouns and verbs); a French form
listed twice with opposite signs is dropped. Sentiment is not stance: the stance composer
gives these words a lower weight than its own and composes them with negation, frames and
modality like its own evaluative words.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

VADER_MIN_VALENCE = 1.0
TEXTBLOB_FR_MIN_POLARITY = 0.3
TEXTBLOB_FR_MIN_SUBJECTIVITY = 0.4

# Where each language's lexicon comes from: the package and the file inside it, and a short
# name for the ``method`` column.
SOURCES = {
    "en": ("vaderSentiment", "vader_lexicon.txt", "vader"),
    "fr": ("textblob_fr", "fr-sentiment.xml", "textblob-fr"),
}

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_XML_WORD = re.compile(r"<word\s([^>]*)/>")
_XML_ATTR = re.compile(r'(\w+)="([^"]*)"')


def source_name(lang: str) -> str:
    return SOURCES[lang][2] if lang in SOURCES else ""


def parse_vader(text: str, min_valence: float = VADER_MIN_VALENCE) -> dict[str, float]:
    """Polarity (valence / 4) of each single-word VADER entry with ``|mean valence| >=
    min_valence``."""
    out: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        word = parts[0].strip().lower()
        try:
            valence = float(parts[1])
        except ValueError:
            continue
        if len(word) < 3 or not _WORD.fullmatch(word) or abs(valence) < min_valence:
            continue
        out[word] = round(valence / 4.0, 4)
    return out


def parse_textblob_fr(text: str, min_polarity: float = TEXTBLOB_FR_MIN_POLARITY,
                      min_subjectivity: float = TEXTBLOB_FR_MIN_SUBJECTIVITY) -> dict[str, float]:
    """Polarity of each adjective of the Pattern French lexicon with a clear, subjective polarity.
    A form listed twice with opposite signs is dropped."""
    out: dict[str, float] = {}
    conflicting: set[str] = set()
    for match in _XML_WORD.finditer(text):
        attrs = dict(_XML_ATTR.findall(match.group(1)))
        word = attrs.get("form", "").strip().lower()
        if attrs.get("pos") != "JJ" or len(word) < 3 or not _WORD.fullmatch(word):
            continue
        try:
            polarity = float(attrs.get("polarity", "0"))
            subjectivity = float(attrs.get("subjectivity", "0"))
        except ValueError:
            continue
        if abs(polarity) < min_polarity or subjectivity < min_subjectivity:
            continue
        if word in out and (out[word] > 0) != (polarity > 0):
            conflicting.add(word)
        out[word] = polarity
    for word in conflicting:
        del out[word]
    return out


@cache
def polarity_lexicon(lang: str) -> dict[str, float]:
    """The backoff polarity lexicon of one language (read once per process), or an empty one
    when the language has none or its package is not installed."""
    source = SOURCES.get(lang)
    if source is None:
        return {}
    package, filename, _name = source
    try:
        text = resources.files(package).joinpath(filename).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return {}
    return parse_vader(text) if lang == "en" else parse_textblob_fr(text)
