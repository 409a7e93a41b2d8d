"""Speed of extraction against the bare spaCy parse, on the same pipeline and documents.

The figure that matters is the overhead: how much the whole extraction (language detection,
parse, quotes, speakers, events, stances) adds to spaCy's `nlp.pipe` over the same texts.
"""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.config import Settings
from pipeline.records import Article


@dataclass
class BenchResult:
    articles: int
    characters: int
    runs: int
    parse_seconds: list[float]
    extract_seconds: list[float]
    quotes: int
    peak_rss_mb: float

    @property
    def parse_median(self) -> float:
        return statistics.median(self.parse_seconds)

    @property
    def extract_median(self) -> float:
        return statistics.median(self.extract_seconds)

    @property
    def overhead(self) -> float:
        return self.extract_median / self.parse_median - 1.0

    def as_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, "characters": self.characters, "runs": self.runs,
                "parse_seconds": self.parse_seconds, "extract_seconds": self.extract_seconds,
                "parse_median": self.parse_median, "extract_median": self.extract_median,
                "overhead": self.overhead, "quotes": self.quotes,
                "peak_rss_mb": self.peak_rss_mb}

    def text(self) -> str:
        chars_per_s = self.characters / self.extract_median
        return "\n".join([
            f"{self.articles} articles, {self.characters:,} characters, "
            f"median of {self.runs} runs in one process",
            f"  spaCy nlp.pipe (parse only): {self.parse_median:7.3f} s   "
            f"runs: {', '.join(f'{s:.3f}' for s in self.parse_seconds)}",
            f"  whole extraction:            {self.extract_median:7.3f} s   "
            f"runs: {', '.join(f'{s:.3f}' for s in self.extract_seconds)}",
            f"  extraction adds {self.overhead:+.1%} to the parse "
            f"({chars_per_s:,.0f} characters/s, {self.quotes} quotes)",
            f"  peak resident memory: {self.peak_rss_mb:,.0f} MB",
        ])


def _timed(work: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def run_benchmark(articles: Sequence[Article], *, settings: Settings, runs: int = 3,
                  progress: Callable[[str], None] = lambda _msg: None) -> BenchResult:
    from pipeline.nlp.extract import Extractor

    articles = list(articles)
    extractor = Extractor(settings)
    by_lang: dict[str, list[str]] = {}
    for article in articles:
        by_lang.setdefault(extractor.language_of(article), []).append(article.text)
    # Warm-up: loads the pipelines and fills spaCy's caches, outside the timings.
    extractor.extract_batch(articles)

    def parse_only() -> None:
        for lang, texts in by_lang.items():
            for _doc in extractor.nlp(lang).pipe(texts, batch_size=settings.batch_size):
                pass

    parse_seconds, extract_seconds, quotes = [], [], 0
    for run in range(runs):
        seconds, _ = _timed(parse_only)
        parse_seconds.append(seconds)
        seconds, extractions = _timed(lambda: extractor.extract_batch(articles))
        extract_seconds.append(seconds)
        quotes = sum(len(e.quotes) for e in extractions)
        progress(f"run {run + 1}/{runs}: parse {parse_seconds[-1]:.3f} s, "
                 f"extraction {seconds:.3f} s")
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return BenchResult(len(articles), sum(len(a.text) for a in articles), runs,
                       parse_seconds, extract_seconds, quotes, peak_kb / 1024)
