"""The Extractor: pipelines loaded once, one nlp.pipe per language and batch, records."""

import os

import pytest

from pipeline.config import Settings
from pipeline.ids import quote_id, text_sha256
from pipeline.records import Article

pytestmark = pytest.mark.slow

FR = ("« Nous rouvrirons la piscine en juin », a annoncé mardi la maire Claire Dubois. "
      "Elle a ajouté que les tarifs ne changeraient pas.")
EN = ('"We will reopen the pool in June," Mayor Claire Dubois said on Tuesday. She added '
      "that prices would not change.")


def article(doc_id: str, text: str, lang: str | None = None) -> Article:
    return Article(doc_id=doc_id, source="test", text=text, text_sha256=text_sha256(text),
                   lang=lang)


class CountingLoader:
    """Wraps the real loader and records which models were asked for and how often
    `pipe` ran."""

    def __init__(self):
        from pipeline.nlp.extract import load_pipeline

        self.load = load_pipeline
        self.loads: list[str] = []
        self.pipes: list[int] = []

    def __call__(self, model: str):
        self.loads.append(model)
        nlp = self.load(model)
        counter = self

        class Proxy:
            def pipe(self, texts, **kwargs):
                texts = list(texts)
                counter.pipes.append(len(texts))
                return nlp.pipe(texts, **kwargs)

            def __call__(self, text):
                return nlp(text)

        return Proxy()


def test_batch_groups_by_language_and_keeps_order():
    from pipeline.nlp.extract import Extractor

    loader = CountingLoader()
    extractor = Extractor(Settings.from_env(known_people=os.devnull), loader=loader)
    batch = [article("a", FR, "fr"), article("b", EN), article("c", FR)]
    extractions = extractor.extract_batch(batch)
    assert [e.doc_id for e in extractions] == ["a", "b", "c"]
    assert [e.lang for e in extractions] == ["fr", "en", "fr"]
    assert sorted(loader.pipes) == [1, 2]  # one pipe per language for the whole batch


def test_pipelines_are_loaded_once_per_process():
    from pipeline.nlp.extract import load_pipeline

    assert load_pipeline("fr_core_news_md") is load_pipeline("fr_core_news_md")


def test_a_missing_model_is_a_clear_error():
    from pipeline.nlp.extract import load_pipeline

    with pytest.raises(RuntimeError, match="not installed"):
        load_pipeline("xx_no_such_model")


@pytest.mark.parametrize(("lang", "text"), [("fr", FR), ("en", EN)])
def test_records_have_true_offsets_ids_and_classes(extract, lang, text):
    extraction = extract(lang, text)
    assert len(extraction.quotes) == 2
    for q in extraction.quotes:
        assert text[q.content_start:q.content_end] == q.content
        assert text[q.cue_start:q.cue_end] == q.cue
        assert text[q.speaker_start:q.speaker_end] == q.speaker_mention
        assert q.quote_id == quote_id("test", q.content_start, q.content_end)
        assert 0.0 <= q.confidence <= 1.0
        assert q.cue_class in ("announcement", "addition", "statement")
        assert q.lang == lang
    assert len({q.speaker_id for q in extraction.quotes}) == 1
    for m in extraction.mentions:
        assert text[m.start:m.end] == m.text


def test_extract_doc_is_pure(extractor):
    from pipeline.nlp.extract import extract_doc

    doc = extractor.nlp("fr")(FR)
    first = extract_doc(doc, article=article("x", FR, "fr"), resources=extractor.resources,
                        lang="fr")
    second = extract_doc(doc, article=article("x", FR, "fr"), resources=extractor.resources,
                         lang="fr")
    assert first.quotes == second.quotes and first.mentions == second.mentions


def test_text_is_never_normalised(extract):
    text = "Le maire\u00a0Jean Roux a déclaré\u2009: «\u00a0Rien ne change.\u00a0»\r\nFin."
    extraction = extract("fr", text)
    q = extraction.quotes[0]
    assert text[q.content_start:q.content_end] == "Rien ne change."
