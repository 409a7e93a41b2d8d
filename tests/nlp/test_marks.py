"""Quotation marks: pairing, nesting, quotations left open."""

from pipeline.nlp.marks import quotation_segments


def contents(text: str) -> list[str]:
    return [text[s.start:s.end] for s in quotation_segments(text)]


def test_french_guillemets_content_without_marks_and_spaces():
    assert contents("Il a dit : « Nous partirons demain. » Puis il est sorti.") == [
        "Nous partirons demain."]


def test_english_curly_and_straight_quotes():
    text = '“We will appeal,” she said. He added: "It is not over."'
    assert contents(text) == ["We will appeal,", "It is not over."]


def test_nested_marks_stay_inside_the_outer_quotation():
    text = "« Il m'a répondu “jamais” et il est parti », raconte-t-elle."
    assert contents(text) == ["Il m'a répondu “jamais” et il est parti"]


def test_a_mark_left_open_closes_at_the_end_of_the_paragraph():
    text = "« Le plan tient toujours, même sans eux.\nLa suite est connue."
    segments = quotation_segments(text, 0, text.index("\n"))
    assert [text[s.start:s.end] for s in segments] == ["Le plan tient toujours, même sans eux."]
    assert segments[0].close is None


def test_mixed_straight_and_curly_marks_pair_up():
    text = 'It raises "serious doubts,” the mayor said.'
    assert contents(text) == ["serious doubts,"]


def test_apostrophes_and_inch_marks_are_not_quotations():
    assert contents("L’État n’a pas répondu. The board is 5'8\" wide.") == []


def test_british_single_quotes_without_apostrophes():
    text = "‘We don’t want the players’ union to decide,’ she said. It’s over."
    assert contents(text) == ["We don’t want the players’ union to decide,"]


def test_the_same_mark_opening_again_after_a_full_stop_starts_a_new_quotation():
    # the writer left the first quotation open; the second opening is not nested in it
    text = ("The ministers said that “the odds are fading. “Without new evidence, the search "
            "will be suspended.” Later, “We remain hopeful,” said the minister.")
    assert contents(text) == ["the odds are fading.",
                              "Without new evidence, the search will be suspended.",
                              "We remain hopeful,"]
    assert contents("« Il a dit « non » puis il est parti », raconte-t-elle.") == [
        "Il a dit « non » puis il est parti"]


def test_a_straight_mark_right_after_a_full_stop_opens_a_quotation():
    # text scraped with the spaces between sentences lost
    text = 'in the town."Everything points to candles" placed on bottles, she said.'
    assert contents(text) == ["Everything points to candles"]


def test_a_single_quote_after_an_s_closes_when_nothing_else_could():
    # "‘false reports’ after …": not a plural possessive, since no other mark closes it
    text = "Firm rejects ‘false reports’ after the ban. “We are concerned,” the firm said."
    assert contents(text) == ["false reports", "We are concerned,"]
    assert contents("He said ‘the players’ union is strong’ today.") == [
        "the players’ union is strong"]


def test_a_straight_mark_with_a_space_before_reopens_after_a_full_stop():
    # the closing mark of the first quotation was lost when paragraphs were joined
    text = ('"It is too late to change that. "We did nothing wrong. We are not guilty," he '
            'said.')
    assert contents(text) == ["It is too late to change that.",
                              "We did nothing wrong. We are not guilty,"]


def test_a_doubled_opening_mark_opens_once():
    assert contents('The race ended. ""It was a long week. I am tired," he said.') == [
        "It was a long week. I am tired,"]


def test_a_single_mark_closes_before_a_glued_sentence():
    # scraped text that lost the space: "‘…circus’But there …"; not an apostrophe, which
    # ends no word of three lower-case letters before a capital (l’État, O’Brien)
    text = "Neighbours complain: ‘It’s been a circus’But the mayor said nothing. L’État paie."
    assert contents(text) == ["It’s been a circus"]
