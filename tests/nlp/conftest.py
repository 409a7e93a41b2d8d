"""Fixtures of the extraction tests: the spaCy pipelines are loaded once per session."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest

from pipeline.config import Settings
from pipeline.ids import text_sha256
from pipeline.records import Article, Extraction


@pytest.fixture(scope="session")
def extractor():
    from pipeline.nlp.extract import Extractor

    # Evaluation conditions: no known people, names clustered from the text alone.
    return Extractor(Settings.from_env(known_people=os.devnull))


@pytest.fixture(scope="session")
def extract(extractor) -> Callable[[str, str], Extraction]:
    """extract(lang, text) -> the Extraction of one article made of `text`."""

    def run(lang: str, text: str) -> Extraction:
        article = Article(doc_id="test", source="test", text=text,
                          text_sha256=text_sha256(text), lang=lang)
        return extractor.extract_batch([article])[0]

    return run


def quote_with(extraction: Extraction, content_start: str):
    """The quote whose content starts with `content_start` (fails loudly otherwise)."""
    found = [q for q in extraction.quotes if q.content.startswith(content_start)]
    assert found, (f"no quote starting with {content_start!r}; got "
                   f"{[q.content for q in extraction.quotes]}")
    return found[0]
