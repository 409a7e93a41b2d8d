"""Regenerate the golden extraction of the bundled sample: tests/golden/sample_extraction.jsonl.

Run it after a deliberate change to extraction, then review `git diff tests/golden` like any
other change: every line that moves is a quote, speaker, event or stance that changed.

    .venv/bin/python scripts/regenerate_golden.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.golden import GOLDEN_PATH, golden_records, write_golden  # noqa: E402

if __name__ == "__main__":
    records = golden_records()
    write_golden(records, GOLDEN_PATH)
    print(f"wrote {len(records)} records to {GOLDEN_PATH}")
