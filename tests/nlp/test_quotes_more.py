"""Less frequent forms, French and English, on sentences written for these tests."""

import pytest

from tests.nlp.conftest import quote_with

pytestmark = pytest.mark.slow


def test_c_est_ce_que_reports_the_sentence_before(extract):
    text = ("La gare fermera trois mois pour travaux. C'est ce qu'a annoncé mardi le directeur "
            "régional Paul Viret.")
    q = quote_with(extract("fr", text), "La gare fermera")
    assert q.speaker_name == "Paul Viret" and q.cue == "a annoncé"


def test_c_est_ainsi_que_bridges_a_quotation_and_its_cue(extract):
    text = "« Une trahison », c'est ainsi que la sénatrice Léa Morin a qualifié le vote."
    q = quote_with(extract("fr", text), "Une trahison")
    assert q.kind == "direct" and q.speaker_mention == "Léa Morin"


def test_selon_then_colon_gives_a_direct_quotation(extract):
    text = ("Les loyers vont encore monter, selon l'économiste Marc Delorme : « La demande "
            "dépasse l'offre dans toutes les grandes villes. »")
    extraction = extract("fr", text)
    assert quote_with(extraction, "Les loyers").speaker_name == "Marc Delorme"
    assert quote_with(extraction, "La demande").kind == "direct"


def test_a_noun_of_saying_names_the_author_of_the_quotation_before(extract):
    text = ("« Nous ne céderons pas sur les retraites. » Cette petite phrase d'Alain Fournier "
            "a relancé le débat.")
    q = quote_with(extract("fr", text), "Nous ne céderons")
    assert q.speaker_name == "Alain Fournier" and q.cue == "petite phrase"


def test_colon_after_a_clause_about_the_speaker(extract):
    text = ("Concernant les loyers, la sénatrice Léa Morin est plus prudente : « Il faut "
            "attendre les chiffres de l'automne. »")
    q = quote_with(extract("fr", text), "Il faut attendre")
    assert q.speaker_name == "Léa Morin" and q.cue is None


def test_coordinated_reporting_verbs_make_two_reports(extract):
    text = 'The mayor, Jane Cole, said the plan was "bold" but insisted costs would fall.'
    extraction = extract("en", text)
    first = quote_with(extraction, "the plan was")
    second = quote_with(extraction, "costs would fall")
    assert first.kind == "mixed" and second.cue == "insisted"
    assert first.speaker_id == second.speaker_id


def test_subject_before_a_relative_clause(extract):
    text = ("Ten houses were destroyed by the storm, the official, who asked not to be named, "
            "told reporters.")
    q = quote_with(extract("en", text), "Ten houses")
    assert q.speaker_mention == "the official" and q.cue == "told"


def test_a_quoted_show_title_in_the_addressee(extract):
    text = 'Dana Moore told "Morning Edition" host Kim Lee, "Nobody warned us about the flood."'
    q = quote_with(extract("en", text), "Nobody warned")
    assert q.speaker_name == "Dana Moore"


def test_pull_quotes_and_intertitles_are_not_new_quotations(extract):
    text = ('"We lost everything in one night."\n'
            '"Water came in at midnight. We lost everything in one night," said the farmer '
            "Jo Grant.\n"
            '"A night that changed the valley"\n'
            "The river rose by two metres.")
    extraction = extract("en", text)
    assert [q.content for q in extraction.quotes] == [
        "Water came in at midnight. We lost everything in one night,"]


def test_a_quoted_paragraph_continues_the_last_speaker(extract):
    text = ('"The harvest was good," said the farmer Jo Grant.\n'
            "Prices, however, kept falling all summer.\n"
            '"We sold at a loss for the third year in a row."')
    q = quote_with(extract("en", text), "We sold at a loss")
    assert q.speaker_name == "Jo Grant" and q.speaker_start is None and q.cue is None
