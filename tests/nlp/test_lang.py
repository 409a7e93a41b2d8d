"""Offline language detection."""

from pipeline.config import RESOURCES_DIR
from pipeline.nlp.lang import detect_language
from pipeline.nlp.resources import Resources

STOPWORDS = Resources.load(RESOURCES_DIR).stopwords

FRENCH = ("Le conseil municipal a voté mardi soir le budget de la ville, qui prévoit une hausse "
          "des dépenses pour les écoles et une baisse des impôts locaux pour les familles.")
ENGLISH = ("The city council voted on Tuesday evening for the budget, which raises spending on "
           "schools and cuts local taxes for families with young children.")


def test_detects_french_and_english():
    assert detect_language(FRENCH, stopwords=STOPWORDS) == "fr"
    assert detect_language(ENGLISH, stopwords=STOPWORDS) == "en"


def test_is_deterministic():
    assert {detect_language(FRENCH, stopwords=STOPWORDS) for _ in range(5)} == {"fr"}


def test_a_hint_is_kept_for_short_or_ambiguous_text():
    assert detect_language("Paris, 12 mars.", stopwords=STOPWORDS, hint="fr") == "fr"
    assert detect_language("OK", stopwords=STOPWORDS, hint="en") == "en"


def test_a_long_text_overrules_a_wrong_hint():
    text = " ".join([ENGLISH] * 3)
    assert detect_language(text, stopwords=STOPWORDS, hint="fr") == "en"
