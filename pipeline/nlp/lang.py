"""Offline, deterministic language detection for French and English news.

Counts how many of the text's words are frequent function words of each language (word lists
in `resources/stopwords.tsv`). Function words make up a third to a half of running text, so a
few sentences are enough; no model, no network, the same answer every time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# A hint is trusted unless the text clearly says otherwise: below this many words the text
# is too short to overrule it.
_MIN_WORDS_TO_OVERRULE = 40
_OVERRULE_MARGIN = 0.15


def language_scores(text: str, *, stopwords: Mapping[str, frozenset[str]],
                    max_words: int = 2000) -> dict[str, float]:
    """Share of the first `max_words` words that are function words of each language."""
    words = [w.lower() for w in _WORD.findall(text[: max_words * 12])][:max_words]
    if not words:
        return {lang: 0.0 for lang in stopwords}
    return {lang: sum(1 for w in words if w in vocab) / len(words)
            for lang, vocab in stopwords.items()}


def detect_language(text: str, *, stopwords: Mapping[str, frozenset[str]],
                    hint: str | None = None, default: str = "en") -> str:
    """The language of `text` among the keys of `stopwords`.

    A supported `hint` (for example the `lang` a feed declares) is kept unless the text is long
    enough and scores clearly higher for another language; ties go to the hint, then `default`.
    """
    hint = (hint or "").strip().lower()[:2] or None
    scores = language_scores(text, stopwords=stopwords)
    best = max(sorted(scores), key=lambda lang: scores[lang]) if scores else default
    if hint in scores:
        words = len(_WORD.findall(text[:24000]))
        if (words >= _MIN_WORDS_TO_OVERRULE and best != hint
                and scores[best] - scores[hint] > _OVERRULE_MARGIN):
            return best
        return hint
    if not scores or scores[best] == 0.0:
        return default
    return best
