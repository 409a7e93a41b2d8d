"""Speaker names the tagger splits or mislabels, and bodies speaking under a bare noun."""

import pytest

from tests.nlp.conftest import quote_with

pytestmark = pytest.mark.slow


def test_french_role_then_name_tagged_as_a_company(extract):
    text = "Le ministre Garance Renault a déclaré que les négociations reprendraient."
    q = quote_with(extract("fr", text), "les négociations")
    assert q.speaker_mention == "Garance Renault"
    assert q.speaker_name == "Garance Renault"
    assert q.speaker_type == "person"


def test_french_role_noun_makes_a_place_named_person(extract):
    text = "L'élue Marine Florence a déclaré que le texte passerait."
    q = quote_with(extract("fr", text), "le texte passerait")
    assert q.speaker_name == "Marine Florence"
    assert q.speaker_type == "person"


def test_french_selon_with_a_role_and_an_unusual_name(extract):
    text = "Selon la sénatrice Lorient Maubuisson, le projet sera abandonné."
    q = quote_with(extract("fr", text), "le projet sera")
    assert q.speaker_name == "Lorient Maubuisson"
    assert q.speaker_type == "person"


def test_french_name_with_particles(extract):
    text = "Le juge Cyprien de La Tour du Pin a estimé que la loi était claire."
    q = quote_with(extract("fr", text), "la loi était")
    assert q.speaker_name == "Cyprien de La Tour du Pin"


def test_english_title_makes_a_place_named_person(extract):
    text = "Representative Paris Lindqvist said the bill would pass."
    q = quote_with(extract("en", text), "the bill would")
    assert q.speaker_name == "Paris Lindqvist"
    assert q.speaker_type == "person"


def test_english_title_inside_a_name_tagged_as_an_organisation(extract):
    text = "Councillor Savannah Ford said the vote was postponed."
    q = quote_with(extract("en", text), "the vote was")
    assert q.speaker_name == "Savannah Ford"
    assert q.speaker_type == "person"


def test_french_la_ville_before_any_full_name_is_an_organisation(extract):
    text = ("La Ville a indiqué que les travaux commenceraient en juin. "
            "Le maire Bruno Vallat a confirmé que le chantier durerait deux ans.")
    extraction = extract("fr", text)
    city = quote_with(extraction, "les travaux")
    mayor = quote_with(extraction, "le chantier")
    assert city.speaker_name == "Ville"
    assert city.speaker_type == "org"
    assert mayor.speaker_name == "Bruno Vallat"
    assert city.speaker_id != mayor.speaker_id


def test_french_le_conseil_stays_an_organisation(extract):
    text = "Le Conseil a annoncé qu'il examinerait le texte en mars."
    q = quote_with(extract("fr", text), "il examinerait")
    assert q.speaker_name == "Conseil"
    assert q.speaker_type == "org"


def test_english_the_administration_speaks_under_its_own_name(extract):
    text = ("The administration said it would appeal the ruling. "
            "President Ada Morrow later said the ruling was wrong.")
    extraction = extract("en", text)
    body = quote_with(extraction, "it would appeal")
    person = quote_with(extraction, "the ruling was wrong")
    assert body.speaker_name == "Administration"
    assert body.speaker_type == "org"
    assert person.speaker_name == "Ada Morrow"
    assert body.speaker_id != person.speaker_id


def test_english_the_commission_after_quote(extract):
    text = '"We will look at the merger closely," the commission said.'
    q = quote_with(extract("en", text), "We will look")
    assert q.speaker_name == "Commission"
    assert q.speaker_type == "org"


def test_french_name_cut_off_before_an_age_apposition(extract):
    text = "Florentin Orange, 52 ans, a déclaré que la grève continuerait."
    q = quote_with(extract("fr", text), "la grève")
    assert q.speaker_name == "Florentin Orange"
    assert q.speaker_type == "person"


def test_english_age_apposition(extract):
    text = "Austin Madrid, 41, said the plant would reopen."
    q = quote_with(extract("en", text), "the plant would")
    assert q.speaker_name == "Austin Madrid"
    assert q.speaker_type == "person"


def test_english_relational_title_stays_out_of_the_name(extract):
    text = "Spokesman Wim van der Berg said the port would reopen."
    q = quote_with(extract("en", text), "the port would")
    assert q.speaker_name == "Wim van der Berg"
    assert q.speaker_type == "person"


def test_a_grade_after_a_title_stays_out_of_the_name(extract):
    # « Colonel major », "Lieutenant general": the lower-case grade belongs to the title, and
    # the person it names is not anyone else the article mentions.
    text = ("« Nous quittons l'organisation », a déclaré le Colonel major Abdoulkarim Moussa, "
            "porte-parole du CNSP, dans un communiqué. Il a expliqué que la décision était "
            "définitive. Le Comité a appelé à la libération du président renversé Issa Kaboré.")
    quotes = extract("fr", text)
    first = quote_with(quotes, "Nous quittons")
    second = quote_with(quotes, "la décision était")
    assert first.speaker_name == second.speaker_name == "Abdoulkarim Moussa"


def test_a_body_after_a_fronted_clause_is_not_the_person_named_in_it(extract):
    # « Tout en appelant à libérer X, le Comité a exigé … »: the comma closes the clause, it
    # does not put the committee in apposition to X.
    text = ("Tout en appelant à la libération du maire déchu Issa Kaboré, le Comité a exigé "
            "le retour à l'ordre constitutionnel.")
    q = quote_with(extract("fr", text), "le retour")
    assert q.speaker_name != "Issa Kaboré"
    assert q.speaker_type == "org"


def test_a_name_the_tagger_missed_before_an_apposed_function(extract):
    # « Boukary Zongo, coordinateur du RASA, »: two capitalised proper nouns and a function in
    # apposition make a person, whatever the tagger labelled them
    text = ("Le Rassemblement des intellectuels pour la souveraineté de l'Afrique (RASA) a tenu "
            "un point de presse samedi à Ouagadougou.\nLA SUITE APRÈS CETTE PUBLICITÉ\n"
            "Les membres du Rassemblement des intellectuels pour la souveraineté de l'Afrique "
            "(RASA) se demandent si les dirigeants de la CEDEAO ont-ils déjà oublié le cas "
            "libyen.\nBoukary Zongo, coordinateur du RASA, reste convaincu qu'une transition "
            "sera mise en place. « Rien ne va arriver au Niger », a-t-il indiqué.")
    q = quote_with(extract("fr", text), "Rien ne va")
    assert q.speaker_name == "Boukary Zongo"


def test_a_surname_the_tagger_left_out_of_a_given_name_joins_it(extractor):
    # « Stéphane Peu »-like names: the tagger labels the given name alone and reads the
    # surname as a common word; the capitalised word right after a known given name is still
    # the surname, so the person in apposition (« un autre député ») is found.
    from spacy.tokens import Span

    from pipeline.ids import text_sha256
    from pipeline.nlp.extract import extract_doc
    from pipeline.records import Article

    text = ("Julien Bien, un autre député, a pris la parole et a déclaré que de telles "
            "interruptions étaient honteuses.")
    doc = extractor.nlp("fr")(text)
    doc.ents = [Span(doc, 0, 1, label="PER")]  # the tagger's miss, made certain
    article = Article(doc_id="t", source="t", text=text, text_sha256=text_sha256(text),
                      lang="fr")
    extraction = extract_doc(doc, article=article, resources=extractor.resources, lang="fr")
    (quote,) = extraction.quotes
    assert quote.speaker_name == "Julien Bien"
