"""Word lists: loading, inflected forms, known people."""

import json

import pytest

from pipeline.config import RESOURCES_DIR
from pipeline.nlp.resources import Resources, english_forms, french_forms


@pytest.fixture(scope="module")
def resources():
    return Resources.load(RESOURCES_DIR)


def test_french_forms_of_regular_and_spelling_change_verbs():
    assert {"déclare", "déclarent", "déclaré", "déclarait", "déclarant"} <= french_forms(
        "déclarer")
    assert {"répète", "répété"} <= french_forms("répéter")
    assert {"rappelle", "rappelé"} <= french_forms("rappeler")
    assert {"annonça", "annonçant", "annonce"} <= french_forms("annoncer")
    assert {"avertit", "averti", "avertissant"} <= french_forms("avertir")


def test_english_forms():
    assert {"warns", "warned", "warning"} <= english_forms("warn")
    assert {"denies", "denied"} <= english_forms("deny")
    assert {"argues", "argued", "arguing"} <= english_forms("argue")


def test_cue_lexicons_have_classes_and_irregular_forms(resources):
    fr, en = resources.lexicon("fr"), resources.lexicon("en")
    assert fr.forms["dit"] == "dire" and fr.cue_entries("dire")[0].cue_class == "statement"
    assert fr.forms["promis"] == "promettre"
    assert en.forms["said"] == "say" and en.forms["told"] == "tell"
    assert {e.cue_class for e in fr.cue_entries("avertir")} == {"warning"}
    assert any(e.governor == "faire" for e in fr.cue_entries("savoir"))
    assert any(e.particle == "out" for e in en.cue_entries("point"))


def test_unknown_language_is_a_clear_error(resources):
    with pytest.raises(ValueError, match="supported"):
        resources.lexicon("de")


def test_known_people_file_ships_empty(resources):
    assert resources.known_people == ()


def test_known_people_are_read_with_comments_skipped(tmp_path):
    people = tmp_path / "people.jsonl"
    people.write_text("# a comment\n" + json.dumps(
        {"name": "Ada Lovelace", "aliases": ["Lady Lovelace"], "id": "Q7259"}) + "\n",
        encoding="utf-8")
    loaded = Resources.load(RESOURCES_DIR, people)
    assert loaded.known_person("lady lovelace").name == "Ada Lovelace"
    assert loaded.known_person("LADY LOVELACE").key == "Q7259"


QUOTATION_FILES = ["cues_fr.tsv", "cues_en.tsv", "cue_phrases_fr.tsv", "cue_phrases_en.tsv",
                   "titles.tsv", "pronouns.tsv", "function_words.tsv", "stopwords.tsv",
                   "boilerplate.tsv", "nationalities.tsv"]


@pytest.mark.parametrize("name", QUOTATION_FILES)
def test_every_word_list_says_where_its_words_come_from(name):
    head = (RESOURCES_DIR / name).read_text(encoding="utf-8").splitlines()[:12]
    assert any("source" in line.lower() for line in head if line.startswith("#")), name
