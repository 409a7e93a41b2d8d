"""Time expressions of a statement and their resolution against the publication date.

Sentences written for these tests. 2025-02-12 is a Wednesday.
"""

from __future__ import annotations

import pytest

from pipeline.nlp.dates import find_time_expressions, load_time_lexicons, resolve
from pipeline.nlp.events import RESOURCES_DIR

PUBLISHED = "2025-02-12"  # a Wednesday


@pytest.fixture(scope="module")
def lexicons():
    return load_time_lexicons(RESOURCES_DIR / "time_expressions.toml")


def date_of(text: str, lexicon, *, published: str | None = PUBLISHED, future: bool = False):
    matches = find_time_expressions(text, lexicon)
    resolved = resolve(matches[0] if matches else None, published, future=future)
    return resolved.date, resolved.precision, resolved.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le ministre a parlé mercredi devant la presse.", "2025-02-12"),  # same weekday
        ("La ministre a répondu mardi aux syndicats.", "2025-02-11"),
        ("Le maire a réagi jeudi soir.", "2025-02-06"),  # bare weekday: the one before
        ("Il l'avait dit ce lundi, à la radio.", "2025-02-10"),
        ("Elle a déclaré mardi dernier que rien ne changerait.", "2025-02-11"),
        ("Il a parlé mercredi dernier.", "2025-02-05"),  # "dernier": strictly before
        ("Il parlera mercredi prochain.", "2025-02-19"),
        ("Le préfet a annoncé hier la fermeture.", "2025-02-11"),
        ("Elle l'avait annoncé avant-hier.", "2025-02-10"),
        ("Il a confirmé aujourd'hui son départ.", "2025-02-12"),
        ("Le 3 février, il a confirmé son départ.", "2025-02-03"),
        ("Le 1er mars 2024, elle avait promis le contraire.", "2024-03-01"),
        ("Mercredi 5 février, le ministre a tranché.", "2025-02-05"),
    ],
)
def test_french_day_expressions(lexicons, text, expected):
    resolved, precision, _ = date_of(text, lexicons["fr"])
    assert (resolved, precision) == (expected, "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister spoke on Wednesday.", "2025-02-12"),
        ("She told reporters on Tuesday that talks had stalled.", "2025-02-11"),
        ("The mayor said Friday that the bridge would reopen.", "2025-02-07"),
        ("He said last Tuesday that nothing would change.", "2025-02-11"),
        ("He spoke last Wednesday.", "2025-02-05"),
        ("She will speak next Monday.", "2025-02-17"),
        ("The governor said yesterday that schools would close.", "2025-02-11"),
        ("The senator said today that she would resign.", "2025-02-12"),
        ("On February 3, the minister confirmed the plan.", "2025-02-03"),
        ("On 3 February 2024, the minister confirmed the plan.", "2024-02-03"),
        ("The minister said on March 3rd, 2023 that the plan was dead.", "2023-03-03"),
    ],
)
def test_english_day_expressions(lexicons, text, expected):
    resolved, precision, _ = date_of(text, lexicons["en"])
    assert (resolved, precision) == (expected, "day")


def test_day_and_month_without_year_is_never_after_a_past_statement(lexicons):
    # "le 3 mars" in an article of February is last year's March, unless the verb is future.
    assert date_of("Le 3 mars, il a signé.", lexicons["fr"])[0] == "2024-03-03"
    assert date_of("Le 3 mars, il signera.", lexicons["fr"], future=True)[0] == "2025-03-03"
    assert date_of("On March 3, he signed.", lexicons["en"])[0] == "2024-03-03"


def test_future_bare_weekday_is_the_next_one(lexicons):
    assert date_of("Le ministre s'exprimera jeudi.", lexicons["fr"], future=True)[0] == (
        "2025-02-13"
    )
    assert date_of("The minister will speak on Monday.", lexicons["en"], future=True)[0] == (
        "2025-02-17"
    )
    # The publication's own weekday is that same day, in the future too.
    assert date_of("Il parlera mercredi.", lexicons["fr"], future=True)[0] == "2025-02-12"


@pytest.mark.parametrize(
    ("lang", "text", "expected", "precision"),
    [
        ("fr", "Il l'a dit la semaine dernière.", "2025-02-03", "week"),
        ("fr", "Elle l'a répété cette semaine.", "2025-02-10", "week"),
        ("fr", "Il l'avait promis le mois dernier.", "2025-01-01", "month"),
        ("fr", "Elle l'avait dit l'an dernier.", "2024-01-01", "year"),
        ("fr", "Il l'avait dit l’année dernière.", "2024-01-01", "year"),
        ("fr", "Elle l'avait annoncé en janvier.", "2025-01-01", "month"),
        ("fr", "Il l'avait annoncé en 2019.", "2019-01-01", "year"),
        ("en", "He said it last week.", "2025-02-03", "week"),
        ("en", "She said earlier this week that it was over.", "2025-02-10", "week"),
        ("en", "He promised it last month.", "2025-01-01", "month"),
        ("en", "She said it last year.", "2024-01-01", "year"),
        ("en", "He announced it in January.", "2025-01-01", "month"),
        ("en", "He had announced it in 2019.", "2019-01-01", "year"),
    ],
)
def test_periods(lexicons, lang, text, expected, precision):
    resolved, got_precision, _ = date_of(text, lexicons[lang])
    assert (resolved, got_precision) == (expected, precision)


def test_no_expression_is_the_publication_date(lexicons):
    assert date_of("Le ministre a déclaré que tout allait bien.", lexicons["fr"]) == (
        "2025-02-12", "publication", None
    )


def test_no_publication_date_is_never_guessed(lexicons):
    assert date_of("Il a parlé mercredi.", lexicons["fr"], published=None)[:2] == (None, None)
    assert date_of("Il a parlé.", lexicons["fr"], published=None)[:2] == (None, None)


def test_date_text_is_the_expression_as_written(lexicons):
    assert date_of("Elle a déclaré mardi dernier que non.", lexicons["fr"])[2] == "mardi dernier"
    assert date_of("He said on Tuesday that no.", lexicons["en"])[2] == "on Tuesday"


def test_modal_may_and_verb_march_are_not_months(lexicons):
    assert find_time_expressions("They may 3 times refuse, and march 5 miles.",
                                 lexicons["en"]) == []


def test_impossible_dates_are_ignored(lexicons):
    assert date_of("Le 31 février, rien.", lexicons["fr"])[1] == "publication"
