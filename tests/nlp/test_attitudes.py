"""Attitude predicates, verbs of judgement with an object, and calls (attitudes.py), on
sentences written for these tests."""

import pytest

pytestmark = pytest.mark.slow


def quotes(extraction):
    return [(q.kind, q.speaker_mention, q.cue, q.cue_class, q.content)
            for q in extraction.quotes]


@pytest.mark.parametrize(("text", "expected"), [
    ("The farmers' union is concerned the new rules would hurt small farms.",
     ("indirect", "The farmers' union", "is concerned", "emotion",
      "the new rules would hurt small farms")),
    ("The mayor remains convinced that the bridge will reopen in June.",
     ("indirect", "The mayor", "remains convinced", "cognition",
      "the bridge will reopen in June")),
    ("The nurses' union is adamant hospital wards must stay open at night.",
     ("indirect", "The nurses' union", "is adamant", "emphasis",
      "hospital wards must stay open at night")),
    ("She has been confident that the vote will pass.",
     ("indirect", "She", "has been confident", "optimism", "the vote will pass")),
])
def test_english_attitude_predicates(extract, text, expected):
    assert quotes(extract("en", text)) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("La ministre se dit convaincue que la réforme passera.",
     ("indirect", "La ministre", "se dit convaincue", "cognition", "la réforme passera")),
    ("Le maire s'est dit inquiet que l'usine ferme.",
     ("indirect", "Le maire", "s'est dit inquiet", "emotion", "l'usine ferme")),
    ("Le syndicat est persuadé que les salaires vont baisser.",
     ("indirect", "Le syndicat", "est persuadé", "cognition", "les salaires vont baisser")),
    ("Le député se dit favorable à une hausse du salaire minimum.",
     ("indirect", "Le député", "se dit favorable", "support",
      "à une hausse du salaire minimum")),
])
def test_french_attitude_predicates(extract, text, expected):
    assert quotes(extract("fr", text)) == [expected]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "The senator condemned the bombing of the market on Monday.",
     ("indirect", "The senator", "condemned", "criticism", "the bombing of the market")),
    ("en", "The minister welcomed the decision by the court.",
     ("indirect", "The minister", "welcomed", "praise", "the decision by the court")),
    ("en", "The opposition leader has backed the plan to build new homes.",
     ("indirect", "The opposition leader", "has backed", "support",
      "the plan to build new homes")),
    ("fr", "Le président a condamné l'attaque contre la mosquée.",
     ("indirect", "Le président", "a condamné", "criticism", "l'attaque contre la mosquée")),
    ("fr", "La syndicaliste a dénoncé la fermeture du site.",
     ("indirect", "La syndicaliste", "a dénoncé", "criticism", "la fermeture du site")),
    ("fr", "L'opposition a salué la décision du gouvernement.",
     ("indirect", "L'opposition", "a salué", "praise", "la décision du gouvernement")),
])
def test_verbs_of_judgement_with_an_object(extract, lang, text, expected):
    assert quotes(extract(lang, text)) == [expected]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Aid groups called for a ceasefire in the region.",
     ("indirect", "Aid groups", "called", "appeal", "for a ceasefire in the region")),
    ("en", "The senator joined growing calls on Friday for an inquiry into the fire.",
     ("indirect", "The senator", "joined growing calls", "appeal",
      "for an inquiry into the fire")),
    ("fr", "Les infirmières ont appelé à la grève.",
     ("indirect", "Les infirmières", "ont appelé", "appeal", "à la grève")),
    ("fr", "Le maire a réclamé la démission du préfet.",
     ("indirect", "Le maire", "a réclamé", "demand", "la démission du préfet")),
])
def test_calls(extract, lang, text, expected):
    assert quotes(extract(lang, text)) == [expected]


def test_a_quoted_fragment_makes_it_mixed(extract):
    text = 'The council condemned the "reckless" closure of the clinic.'
    q, = extract("en", text).quotes
    assert (q.kind, q.content) == ("mixed", 'the "reckless" closure of the clinic')


def _main_polarity(extraction):
    main = [s for s in extraction.stances if s.is_main] or extraction.stances
    return max(main, key=lambda s: s.score).polarity if main else None


@pytest.mark.parametrize(("lang", "text", "polarity"), [
    ("en", "The senator condemned the bombing of the market.", "against"),
    ("en", "The opposition leader has backed the plan to build new homes.", "favor"),
    ("fr", "Le député se dit favorable à une hausse du salaire minimum.", "favor"),
    ("fr", "La syndicaliste a dénoncé la fermeture du site.", "against"),
])
def test_stances_of_the_new_forms(extract, lang, text, polarity):
    assert _main_polarity(extract(lang, text)) == polarity


@pytest.mark.parametrize(("lang", "text"), [
    # a sentence passed by a court, not a stance
    ("en", "The court condemned him to ten years in prison."),
    ("fr", "Le tribunal l'a condamné à cinq ans de prison."),
    ("fr", "Le tribunal a condamné le prévenu à une amende."),
    # negated, hypothetical, passive without agent, feelings about a noun phrase
    ("en", "The minister is not convinced that the law will pass."),
    ("fr", "Le ministre n'est pas convaincu que la loi passera."),
    ("en", "The senator would back the plan."),
    ("en", "The attack was condemned on Monday."),
    ("en", "Residents are concerned by the noise."),
    # not a speaker: things, events, the weather
    ("en", "The storm backed the boats into the harbour."),
    ("fr", "La pluie a salué la récolte."),
    ("en", "It welcomed the rain."),
    # attributive adjectives and other senses of the verbs
    ("en", "A concerned parent walked into the school."),
    ("fr", "Il s'appelle Jean."),
    # an anaphor or a topic is no content
    ("en", "The mayor condemned it."),
    ("fr", "La professeure défend son point de vue sur la situation."),
])
def test_not_quotes(extract, lang, text):
    assert quotes(extract(lang, text)) == []


def test_no_duplicate_of_a_reporting_verb_quote(extract):
    text = "The senator condemned the bombing and said that the city would rebuild."
    found = quotes(extract("en", text))
    assert [q[4] for q in found].count("the city would rebuild") == 1
    contents = [q[4] for q in found]
    assert len(contents) == len(set(contents))


def test_a_clause_after_a_judgement_verb_is_left_to_the_cue_stage(extract):
    text = "Le syndicat a dénoncé le fait que les salaires baissent."
    found = quotes(extract("fr", text))
    assert len(found) <= 1


def test_an_attitude_the_writer_infers_is_no_quotation(extract):
    # "appears to be supporting X": the writer's inference in an infinitive, not a report
    text = "The governor's daughter appears to be supporting Brandt's campaign."
    assert quotes(extract("en", text)) == []
