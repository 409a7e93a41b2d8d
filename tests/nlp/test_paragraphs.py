"""Paragraphs, boilerplate lines and sentence boundaries at line breaks."""

import pytest

from pipeline.config import RESOURCES_DIR
from pipeline.nlp.paragraphs import paragraphs_of, split_paragraphs
from pipeline.nlp.resources import Resources

PATTERNS = Resources.load(RESOURCES_DIR).boilerplate


def test_paragraph_offsets_point_into_the_original_text():
    text = "  Premier paragraphe.  \r\n\r\nSecond\tparagraphe.\n"
    paragraphs = split_paragraphs(text)
    assert [text[p.start:p.end] for p in paragraphs] == ["Premier paragraphe.",
                                                          "Second\tparagraphe."]


@pytest.mark.parametrize(("lang", "line"), [
    ("fr", "Rapports supplémentaires de Julie Moreau"),
    ("fr", "À lire aussi : le budget de la ville en débat"),
    ("fr", "Recevez gratuitement notre newsletter du matin"),
    ("en", "Additional reporting by Tom Baker"),
    ("en", "Reporting by Ann Lee; Editing by Sam Cole"),
    ("en", "Jane Roe contributed to this report."),
    ("en", "Sign up for our daily briefing"),
])
def test_credit_lines_and_prompts_are_boilerplate(lang, line):
    text = f"Le maire a parlé.\n{line}\n"
    paragraphs = paragraphs_of(text, PATTERNS, lang=lang)
    assert paragraphs[0].is_prose
    assert not paragraphs[1].is_prose


def test_teasers_after_a_tail_marker_are_all_boilerplate():
    text = "The mayor spoke.\nOther Opinion Columns\nA column title\nAnother teaser"
    paragraphs = paragraphs_of(text, PATTERNS, lang="en")
    assert [p.is_prose for p in paragraphs] == [True, False, False, False]


def test_a_signature_line_at_the_end_is_boilerplate():
    text = "Le maire a parlé longuement.\nLes habitants ont applaudi.\nPaul DURAND"
    paragraphs = paragraphs_of(text, PATTERNS, lang="fr")
    assert [p.is_prose for p in paragraphs] == [True, True, False]


@pytest.mark.slow
def test_sentences_never_cross_a_line_break(extractor):
    text = "Le ministre est arrivé à midi sans\nLes syndicats attendaient devant la porte."
    doc = extractor.nlp("fr")(text)
    starts = [s.start_char for s in doc.sents]
    assert text.index("Les syndicats") in starts
