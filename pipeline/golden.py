"""The golden-file view of an extraction: one readable JSON line per quote of the sample.

Used by scripts/regenerate_golden.py and tests/test_golden.py, so that a change in what the
pipeline extracts from the bundled sample shows up as a reviewable diff.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pipeline.config import PROJECT_DIR, SAMPLE_PATH, Settings
from pipeline.ids import text_sha256
from pipeline.records import Article

GOLDEN_PATH = PROJECT_DIR / "tests" / "golden" / "sample_extraction.jsonl"


def sample_articles(path: Path = SAMPLE_PATH) -> list[Article]:
    articles = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            articles.append(Article(
                doc_id=record["doc_id"], source="sample", text=record["text"],
                text_sha256=text_sha256(record["text"]), url=record.get("url"),
                title=record.get("title"), published=record.get("published"),
                lang=record.get("lang")))
    return articles


def golden_records(settings: Settings | None = None) -> list[dict[str, Any]]:
    import os

    from pipeline.nlp.extract import Extractor

    # Like the evaluation: names are resolved from the text alone.
    settings = settings or Settings(known_people=os.devnull)
    records = []
    for extraction in Extractor(settings).extract_batch(sample_articles()):
        events = {e.quote_id: e for e in extraction.events}
        stances = {s.quote_id: s for s in extraction.stances if s.is_main}
        for q in extraction.quotes:
            event, stance = events.get(q.quote_id), stances.get(q.quote_id)
            records.append({
                "doc_id": q.doc_id, "span": [q.content_start, q.content_end], "kind": q.kind,
                "content": q.content[:80], "cue": q.cue, "cue_class": q.cue_class,
                "speaker_mention": q.speaker_mention, "speaker": q.speaker_name,
                "speaker_type": q.speaker_type,
                "event": None if event is None else
                [event.event_type, event.event_date, event.date_precision, event.place],
                "stance": None if stance is None else [stance.target, stance.polarity],
            })
    return records


def write_golden(records: list[dict[str, Any]], path: Path = GOLDEN_PATH) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def read_golden(path: Path = GOLDEN_PATH) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]
