"""Golden-file test: the extraction of the bundled sample equals the reviewed golden file.

When a change to extraction is deliberate, run scripts/regenerate_golden.py and review the
diff of tests/golden/sample_extraction.jsonl.
"""

from __future__ import annotations

import json

import pytest

from pipeline.golden import GOLDEN_PATH, golden_records, read_golden

pytestmark = pytest.mark.slow


def test_sample_extraction_matches_the_golden_file():
    expected = read_golden(GOLDEN_PATH)
    actual = json.loads(json.dumps(golden_records()))  # tuples → lists, as in the file
    expected_keys = {(r["doc_id"], tuple(r["span"])): r for r in expected}
    actual_keys = {(r["doc_id"], tuple(r["span"])): r for r in actual}
    missing = sorted(set(expected_keys) - set(actual_keys))
    added = sorted(set(actual_keys) - set(expected_keys))
    changed = [k for k in expected_keys.keys() & actual_keys.keys()
               if expected_keys[k] != actual_keys[k]]
    assert not (missing or added or changed), (
        f"extraction of the sample changed: {len(missing)} quotes gone {missing[:3]}, "
        f"{len(added)} new {added[:3]}, {len(changed)} changed "
        f"{[(expected_keys[k], actual_keys[k]) for k in changed[:2]]}; if deliberate, run "
        f"scripts/regenerate_golden.py and review the diff")
