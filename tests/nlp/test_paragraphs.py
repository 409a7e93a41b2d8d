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
    ("fr", "Mots-clés : Julie MoreauParisbudget"),
    ("en", "Tags: Tom BakerLondonpolitics"),
])
def test_credit_lines_and_prompts_are_boilerplate(lang, line):
    text = f"Le maire a parlé.\n{line}\n"
    paragraphs = paragraphs_of(text, PATTERNS, lang=lang)
    assert paragraphs[0].is_prose
    assert not paragraphs[1].is_prose


def test_a_credit_line_glued_to_a_long_paragraph_takes_only_its_own_sentence():
    prose = ("The mayor opened the new bridge on Friday, his office said. The work took three "
             "years and cost twelve million dollars, the engineer said. Traffic will resume on "
             "Monday, the spokesman said")
    text = prose + " Reporter Jane Roe contributed to this report."
    paragraphs = paragraphs_of(text, PATTERNS, lang="en")
    assert [(text[p.start:p.end], p.is_prose) for p in paragraphs] == [
        (prose, True), ("Reporter Jane Roe contributed to this report.", False)]


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


def test_a_line_wrapped_inside_a_sentence_continues_its_paragraph():
    # text copied from print wraps lines at a fixed width: a lower-case start, or a line
    # ending on an opening guillemet, continues the line before; a new sentence does not
    text = ("« Je ne sais pas qui a tiré, avec toutes ces\nballes qui sifflaient », relate "
            "Paul.\nLe soir même, il est parti. «\nAujourd'hui, je reste. »\nUn autre "
            "paragraphe.\n\nencore un, après une ligne vide.")
    paragraphs = [text[p.start:p.end] for p in split_paragraphs(text)]
    assert paragraphs == [
        "« Je ne sais pas qui a tiré, avec toutes ces\nballes qui sifflaient », relate Paul.",
        "Le soir même, il est parti. «\nAujourd'hui, je reste. »",
        "Un autre paragraphe.",
        "encore un, après une ligne vide.",
    ]


@pytest.mark.slow
def test_a_wrapped_quotation_is_one_quote(extract):
    text = ("« Nous avons attendu toute la nuit, sans nouvelles de\nnos familles », raconte "
            "Marie Lenoir, une habitante du quartier.")
    quotes = extract("fr", text).quotes
    assert [q.content for q in quotes] == [
        "Nous avons attendu toute la nuit, sans nouvelles de\nnos familles"]
    assert quotes[0].speaker_name == "Marie Lenoir"
