"""Organisations as speakers: their names, acronyms, and the definite nouns that stand for
them later ("l'agence", "the department", "the company")."""

import pytest

from tests.nlp.conftest import quote_with

pytestmark = pytest.mark.slow


def test_french_agency_named_then_called_l_agence(extract):
    text = ("L'Agence régionale de l'eau (ARE) a publié mardi un rapport sur les nappes.\n"
            "L'agence a indiqué que les réserves avaient baissé de 12 %.\n"
            "« La situation est préoccupante », a ajouté l'agence.")
    extraction = extract("fr", text)
    first = quote_with(extraction, "les réserves")
    second = quote_with(extraction, "La situation")
    assert first.speaker_mention == "L'agence"
    assert first.speaker_name == "Agence régionale de l'eau"
    assert first.speaker_type == "org"
    assert "ARE" in first.speaker_aliases
    assert second.speaker_id == first.speaker_id


def test_french_city_council_called_la_ville(extract):
    text = ("La Ville de Sainte-Marthe a lancé lundi un programme de rénovation.\n"
            "La Ville a indiqué que 200 logements seraient rénovés d'ici 2026.")
    q = quote_with(extract("fr", text), "200 logements")
    assert q.speaker_name == "Ville de Sainte-Marthe"
    assert q.speaker_type == "org"


def test_french_office_named_in_full_as_subject(extract):
    text = "L'Office cantonal des forêts a indiqué que les coupes reprendraient en octobre."
    q = quote_with(extract("fr", text), "les coupes")
    assert q.speaker_name == "Office cantonal des forêts"
    assert q.speaker_type == "org"


def test_french_union_recommends_with_an_infinitive(extract):
    text = "L'Union romande des maraîchers recommande de récolter les salades avant la pluie."
    q = quote_with(extract("fr", text), "de récolter")
    assert q.speaker_name == "Union romande des maraîchers"
    assert q.speaker_type == "org"


def test_french_company_noun_before_the_name(extract):
    text = ("Le groupe Valmoric a présenté jeudi ses comptes annuels.\n"
            "Le groupe a indiqué que ses ventes avaient progressé de 4 %.")
    q = quote_with(extract("fr", text), "ses ventes")
    assert q.speaker_name == "Valmoric"
    assert q.speaker_type == "org"


def test_english_department_named_then_called_the_department(extract):
    text = ("The Department of Water Resources published new figures on Monday.\n"
            "The department said that reservoir levels had fallen by a third.")
    q = quote_with(extract("en", text), "reservoir levels")
    assert q.speaker_mention == "The department"
    assert q.speaker_name == "Department of Water Resources"
    assert q.speaker_type == "org"


def test_english_acronym_and_anaphor_share_one_speaker(extract):
    text = ("The Northfield Transit Authority (NTA) suspended two bus lines on Friday.\n"
            '"Safety comes first," the authority said.\n'
            "The NTA said that service would resume next week.")
    extraction = extract("en", text)
    first = quote_with(extraction, "Safety comes first")
    second = quote_with(extraction, "service would resume")
    assert first.speaker_name == "Northfield Transit Authority"
    assert "NTA" in first.speaker_aliases
    assert first.speaker_id == second.speaker_id


def test_english_government_of_a_country(extract):
    text = ("The Peruvian government says it will cap fuel prices for three months.\n"
            "The government said the measure would cost 200 million dollars.")
    extraction = extract("en", text)
    first = quote_with(extraction, "it will cap")
    second = quote_with(extraction, "the measure")
    assert first.speaker_name == "Peruvian government" and first.speaker_type == "org"
    assert second.speaker_id == first.speaker_id


def test_english_the_company_is_the_business_named_before(extract):
    text = ("Harlow Foods said on Tuesday it would close its plant in Leeds.\n"
            "The company said that 300 jobs would be cut.")
    q = quote_with(extract("en", text), "300 jobs")
    assert q.speaker_name == "Harlow Foods"
    assert q.speaker_type == "org"


def test_the_latest_of_two_bodies_with_the_same_noun(extract):
    text = ("The Department of Energy opened an inquiry in March.\n"
            "The Department of Labor declined to comment on Monday.\n"
            "The department said that the inquiry was routine.")
    q = quote_with(extract("en", text), "the inquiry was routine")
    assert q.speaker_name == "Department of Labor"


def test_an_indefinite_noun_is_not_the_body_named_before(extract):
    text = ("L'Agence régionale de l'eau a publié mardi un rapport.\n"
            "Une agence de notation a averti que la dette de la région augmentait.")
    q = quote_with(extract("fr", text), "la dette")
    assert q.speaker_name != "Agence régionale de l'eau"


def test_a_role_is_not_an_organisation(extract):
    text = ("Le ministère de la Santé a publié lundi de nouveaux chiffres.\n"
            "Le ministre de la Santé, Paul Garnier, a déclaré que la situation s'améliorait.\n"
            "Le ministère a précisé que 30 lits avaient été libérés.")
    extraction = extract("fr", text)
    minister = quote_with(extraction, "la situation")
    ministry = quote_with(extraction, "30 lits")
    assert minister.speaker_name == "Paul Garnier"
    assert ministry.speaker_name == "ministère de la Santé"
    assert ministry.speaker_type == "org"


def test_an_acronym_named_body_is_the_agency_after_it(extract):
    text = ("L'agence Santé Nordique a confirmé l'autorisation en janvier.\n"
            "En mai, l'ANSEQ n'a pas changé d'avis. « Le produit ne présente pas de risque », "
            "écrit l'agence.")
    q = quote_with(extract("fr", text), "Le produit")
    assert q.speaker_name == "ANSEQ"
    assert q.speaker_type == "org"


def test_a_day_after_the_acronym_is_not_part_of_the_name(extract):
    text = ("L'Office fédéral des routes (OFROU) a publié un bilan.\n"
            "Une dizaine de ponts seront rénovés, a indiqué l'OFROU jeudi.")
    q = quote_with(extract("fr", text), "Une dizaine")
    assert q.speaker_name == "Office fédéral des routes"
    assert "OFROU" in q.speaker_aliases
    assert all("jeudi" not in alias for alias in q.speaker_aliases)


def test_a_newspaper_keeps_its_article_and_is_not_a_similar_name(extract):
    text = ("Selon Le Courrier, le projet sera abandonné.\n"
            "Le Courrier a révélé que le maire avait démissionné.\n"
            "Le Coureur, un autre titre, n'a rien publié.")
    q = quote_with(extract("fr", text), "le maire")
    assert q.speaker_name == "Le Courrier"
    assert "Le Coureur" not in q.speaker_aliases


def test_a_sentence_initial_article_is_not_part_of_the_name(extract):
    text = ("The Coastal Fisheries Board warned on Friday that stocks were falling.\n"
            "The board said that quotas would be cut.")
    extraction = extract("en", text)
    first = quote_with(extraction, "stocks were")
    second = quote_with(extraction, "quotas")
    assert first.speaker_name == "Coastal Fisheries Board"
    assert second.speaker_id == first.speaker_id


def test_a_body_named_in_apposition_to_its_noun(extract):
    text = ("The regional water agency, HYDRA, cut supplies on Monday.\n"
            "The agency said that reservoirs were at a record low.")
    q = quote_with(extract("en", text), "reservoirs")
    assert q.speaker_name == "HYDRA"


def test_an_agency_known_by_its_acronym_after_its_full_name(extract):
    text = ("The Federal Rail Administration (FRA) opened an inquiry.\n"
            '"We are looking at every train," the FRA said.\n'
            "The agency said that the report would be published in June.")
    extraction = extract("en", text)
    first = quote_with(extraction, "We are looking")
    second = quote_with(extraction, "the report")
    assert second.speaker_name == "Federal Rail Administration"
    assert second.speaker_id == first.speaker_id


def test_a_body_name_keeps_its_capitalised_words_joined_by_and(extract):
    text = ("Ahmedabad/New Delhi, Jan 22 (PTI) The Water Purification and Treatment Association "
            "of India (WAPTAI) has urged the government to consider rationalisation of GST.")
    q = extract("en", text).quotes[0]
    assert q.speaker_name == "Water Purification and Treatment Association of India"


@pytest.mark.parametrize(
    ("lang", "text", "content"),
    [
        ("en", "Both airlines said they had prepared for the strike.", "they had prepared"),
        ("en", "The carmaker said it would close the plant in March.", "it would close"),
        ("fr", "Le constructeur a annoncé qu'il fermerait l'usine en mars.", "il fermerait"),
    ],
)
def test_a_business_named_by_its_trade_speaks_as_a_body(extract, lang, text, content):
    q = quote_with(extract(lang, text), content)
    assert q.speaker_type == "org"


def test_a_body_named_after_a_person_is_not_that_person(extract):
    text = ("The Carver administration announced Friday that it had begun layoffs of federal "
            "workers. Agencies were told on Thursday, President Dana Carver said.")
    q = quote_with(extract("en", text), "it had begun")
    assert q.speaker_type == "org"
    assert q.speaker_name != "Dana Carver"
    assert q.speaker_mention == "Carver administration"


def test_two_countries_ministries_of_the_same_name_stay_apart(extract):
    text = ("Ukraine’s Defense Ministry said the strike hit a plant. Russia’s Defense Ministry "
            "said the attack was retaliation for Ukrainian attacks. The ministry added that 33 "
            "drones were shot down.")
    extraction = extract("en", text)
    ukraine = quote_with(extraction, "the strike hit")
    russia = quote_with(extraction, "the attack was")
    later = quote_with(extraction, "33 drones")
    assert ukraine.speaker_id != russia.speaker_id
    assert later.speaker_id == russia.speaker_id
