"""Runs the extraction over gold sets and scores it with `pipeline.evaluation`."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline import evaluation
from pipeline.config import Settings
from pipeline.ids import make_doc_id, text_sha256
from pipeline.records import Article, Extraction

log = logging.getLogger(__name__)


@dataclass
class EvalReport:
    per_set: dict[str, Any]
    total: Any
    text: str

    def as_json(self, *, diagnostics: bool = False) -> dict[str, Any]:
        return evaluation.scores_to_json(self.per_set, self.total, diagnostics=diagnostics)


def gold_articles(gold: evaluation.GoldSet) -> list[Article]:
    return [Article(doc_id=make_doc_id(supplied=a.get("doc_id"), url=a.get("url"),
                                       text=a["text"]),
                    source=gold.name, text=a["text"], text_sha256=text_sha256(a["text"]),
                    url=a.get("url"), title=a.get("title"), published=a.get("published"),
                    lang=a.get("lang"))
            for a in gold.articles.values()]


def predictions_from(extractions: list[Extraction]) -> list[dict[str, Any]]:
    """The predictions-file records (eval README) of extracted quotes."""
    records = []
    for extraction in extractions:
        stance_by_quote = {s.quote_id: s for s in extraction.stances if s.is_main}
        for q in extraction.quotes:
            stance = stance_by_quote.get(q.quote_id)
            records.append({
                "doc_id": q.doc_id,
                "content_span": [q.content_start, q.content_end],
                "speaker_span": None if q.speaker_start is None
                else [q.speaker_start, q.speaker_end],
                "cue_span": None if q.cue_start is None else [q.cue_start, q.cue_end],
                "kind": q.kind,
                "speaker_id": q.speaker_id,
                "speaker_name": q.speaker_name,
                "speaker_aliases": list(q.speaker_aliases),
                "stance_target": stance.target if stance else None,
                "stance_polarity": stance.polarity if stance else None,
            })
    return records


def evaluate_gold_sets(gold_dirs: list[Path], *, settings: Settings,
                       predictions_out: Path | None = None) -> EvalReport:
    from pipeline.nlp.extract import Extractor

    extractor = Extractor(settings)
    per_set = {}
    all_predictions: list[dict[str, Any]] = []
    for gold_dir in gold_dirs:
        gold = evaluation.load_gold_set(gold_dir)
        extractions = extractor.extract_batch(gold_articles(gold))
        predictions = predictions_from(extractions)
        all_predictions.extend(predictions)
        per_set[gold.name] = evaluation.score_set(gold, predictions)
        log.info("scored %s: %d articles, %d predicted quotes", gold.name,
                 len(gold.articles), len(predictions))
    total = evaluation.pool(list(per_set.values()))
    if predictions_out is not None:
        evaluation.write_predictions(predictions_out, all_predictions)
    return EvalReport(per_set, total, evaluation.format_report(per_set, total))
