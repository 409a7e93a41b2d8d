"""English quotation forms, on sentences written for these tests."""

import pytest

from tests.nlp.conftest import quote_with

pytestmark = pytest.mark.slow


def one(extraction):
    assert len(extraction.quotes) == 1, [q.content for q in extraction.quotes]
    return extraction.quotes[0]


# ------------------------------------------------------------------- direct quotations


def test_speaker_after_with_inversion(extract):
    text = '"The bridge will reopen in June," said Mayor Helen Carter.'
    q = one(extract("en", text))
    assert (q.kind, q.content) == ("direct", "The bridge will reopen in June,")
    assert q.speaker_name == "Helen Carter" and q.cue == "said"


def test_pronoun_after_goes_to_the_last_person(extract):
    text = ('Governor Raymond Hill toured the flooded district on Monday.\n'
            '"We will rebuild every home," he said.')
    q = one(extract("en", text))
    assert q.speaker_mention == "he" and q.speaker_name == "Raymond Hill"


def test_speaker_before_with_colon(extract):
    text = 'The coach, Maria Santos, told reporters: "We played our worst game of the year."'
    q = one(extract("en", text))
    assert q.content == "We played our worst game of the year."
    assert q.speaker_name == "Maria Santos"


def test_split_quotation_gives_two_quotes_with_one_speaker(extract):
    text = '"We tried everything," the chef Omar Haddad said, "but the oven kept failing."'
    extraction = extract("en", text)
    first = quote_with(extraction, "We tried")
    second = quote_with(extraction, "but the oven")
    assert first.speaker_id == second.speaker_id and first.speaker_name == "Omar Haddad"


def test_a_following_quotation_continues_the_speaker(extract):
    text = ('"Prices will fall," said the economist Laura Chen. "Not this year, though."')
    extraction = extract("en", text)
    second = quote_with(extraction, "Not this year")
    assert second.speaker_name == "Laura Chen"


def test_a_question_with_the_speaker_after(extract):
    text = '"Where did the money go?" asked Senator Paul Novak.'
    q = one(extract("en", text))
    assert q.speaker_name == "Paul Novak" and q.cue_class == "question"


# ------------------------------------------------------------------- indirect speech


def test_that_clause(extract):
    text = "The minister, Daniel Moss, said that the tax would be cut next spring."
    q = one(extract("en", text))
    assert (q.kind, q.content) == ("indirect", "the tax would be cut next spring")
    assert q.speaker_name == "Daniel Moss"


def test_zero_that_clause(extract):
    text = "Professor Alice Grant said the results were encouraging."
    q = one(extract("en", text))
    assert q.content == "the results were encouraging"


def test_vowed_to(extract):
    text = "The new mayor, Tom Reyes, vowed to repair every road in the city."
    q = one(extract("en", text))
    assert q.content == "to repair every road in the city" and q.cue_class == "promise"


def test_accused_of_gerund(extract):
    text = ("Opposition leader Carla Munro accused the transport minister of hiding the "
            "true cost of the tunnel.")
    q = one(extract("en", text))
    assert q.content == "of hiding the true cost of the tunnel"
    assert q.speaker_name == "Carla Munro" and q.cue_class == "accusation"


def test_accused_of_a_noun_is_an_accusation_about_it(extract):
    # A speech act with a noun-phrase object (optional in the gold sets, like "condemned the
    # attack"): kept for its event and stance, the "of" phrase as what the accusation is about.
    quotes = extract("en", "Carla Munro accused the minister of negligence.").quotes
    assert [(q.content, q.cue_class, q.speaker_name) for q in quotes] == [
        ("of negligence", "accusation", "Carla Munro")]


def test_adding_that_reuses_the_speaker(extract):
    text = ("The company's founder, Priya Nair, said sales had doubled, adding that a new "
            "factory would open in May.")
    extraction = extract("en", text)
    q = quote_with(extraction, "a new factory")
    assert q.cue == "adding" and q.speaker_name == "Priya Nair"


def test_according_to(extract):
    text = "Unemployment rose to 6 percent in March, according to the labour ministry."
    q = one(extract("en", text))
    assert q.content == "Unemployment rose to 6 percent in March"
    assert q.cue == "according to"


def test_according_to_data_is_not_a_speaker(extract):
    text = "Unemployment rose to 6 percent in March, according to government data."
    assert extract("en", text).quotes == []


@pytest.mark.parametrize(("sentence", "content", "cue_class"), [
    ("The judge, Ellen Park, warned that the trial could last months.",
     "the trial could last months", "warning"),
    ("The senator, Mark Ortiz, argued that the bill went too far.",
     "the bill went too far", "statement"),
])
def test_warning_and_argument(extract, sentence, content, cue_class):
    q = one(extract("en", sentence))
    assert (q.content, q.cue_class) == (content, cue_class)


def test_preposed_clause(extract):
    text = "Two people were injured in the fire, officials said."
    q = one(extract("en", text))
    assert q.content == "Two people were injured in the fire"
    assert q.speaker_type == "group"


def test_incise_inside_reported_words(extract):
    text = "Any small clinic, she said, would need the same equipment."
    q = one(extract("en", text))
    assert q.content.startswith("Any small clinic") and q.content.endswith("equipment")


def test_mixed_quotation(extract):
    text = 'Minister Sarah Cole said the plan was "dead on arrival" and would be withdrawn.'
    q = one(extract("en", text))
    assert q.kind == "mixed" and '"dead on arrival"' in q.content


def test_bullets_after_a_reporting_line(extract):
    text = ("In the interview, President Lena Ward also said:\n"
            "- The budget will be balanced by 2027\n"
            "- Taxes on small firms will not rise")
    extraction = extract("en", text)
    assert [q.content for q in extraction.quotes] == [
        "The budget will be balanced by 2027", "Taxes on small firms will not rise"]
    assert {q.speaker_name for q in extraction.quotes} == {"Lena Ward"}


# ------------------------------------------------------------------- not quotations


def test_scare_quotes_and_titles_are_not_quotations(extract):
    text = ('The so-called "experts" disagreed. She reread "Pride and Prejudice" on the train. '
            'The word "resilience" is everywhere.')
    assert extract("en", text).quotes == []


def test_negated_imagined_and_conditional_reports_are_not_quotations(extract):
    text = ('The government does not deny that the law is flawed. He smiled as if to say '
            '"You cannot stop me." If the court rules that the vote was illegal, it will be '
            'held again.')
    assert extract("en", text).quotes == []


def test_credit_lines_are_never_speakers(extract):
    text = ('"We are not leaving," said the union leader, Joe Park.\n'
            "Additional reporting by Tom Baker\n"
            "Reporting by Ann Lee; Editing by Sam Cole")
    extraction = extract("en", text)
    names = {q.speaker_name for q in extraction.quotes}
    assert names == {"Joe Park"}


@pytest.mark.parametrize(
    ("text", "content", "cue_class"),
    [
        ("Local party members speculated that the mayor had known about the audit for weeks.",
         "the mayor had known about the audit for weeks", "cognition"),
        ("The ministry fired back that the hospital had been built for civilians.",
         "the hospital had been built for civilians", "reply"),
        ("Several councillors grumbled that the budget left out the northern districts.",
         "the budget left out the northern districts", "criticism"),
    ],
)
def test_more_verbs_of_saying(extract, text, content, cue_class):
    q = one(extract("en", text))
    assert (q.content, q.cue_class) == (content, cue_class)


def test_a_gerund_after_a_preposition_takes_the_clause_subject(extract):
    text = "Senator Ruth Okafor resigned from the committee before announcing she would run again."
    q = one(extract("en", text))
    assert q.content == "she would run again" and q.speaker_name == "Ruth Okafor"


def test_a_clause_on_each_side_of_an_incise_makes_two_quotes(extract):
    text = ("Dr Lena Hart runs the clinic. Half the delivery was bandages, she said, and most "
            "of the rest was bottled water.")
    extraction = extract("en", text)
    first = quote_with(extraction, "Half the delivery")
    second = quote_with(extraction, "most of the rest")
    assert first.content == "Half the delivery was bandages"
    assert second.content == "most of the rest was bottled water"
    assert first.speaker_name == second.speaker_name == "Lena Hart"


def test_one_clause_around_an_incise_is_one_quote(extract):
    text = "Dr Lena Hart runs the clinic. Any small clinic, she said, would need these supplies."
    q = one(extract("en", text))
    assert q.content == "Any small clinic, she said, would need these supplies"


def test_a_subordinate_clause_after_the_incise_is_the_writers(extract):
    text = ("Mayor Anne Lowe spoke on Monday. The bridge will close in June, she said, while the "
            "ferries will run all summer.")
    q = one(extract("en", text))
    assert q.content == "The bridge will close in June"


def test_in_her_view_gives_the_speaker(extract):
    text = ("Senator Ruth Okafor met the unions on Thursday. In her view, the works will take "
            "two years.")
    q = one(extract("en", text))
    assert q.content == "the works will take two years" and q.speaker_name == "Ruth Okafor"


def test_said_in_a_release_that(extract):
    text = "The Tea Party group said in a release that its board met at dawn."
    q = one(extract("en", text))
    assert q.content == "its board met at dawn" and q.speaker_mention.startswith("Tea Party")


def test_a_relative_on_an_apposition_goes_to_the_name(extract):
    text = ("Bennett was endorsed by the Hill Valley PAC, a local organization which said that "
            "its board met at dawn.")
    q = one(extract("en", text))
    assert q.speaker_name == "Hill Valley PAC"


def test_a_second_reporter_after_and_starts_a_second_quote(extract):
    text = ("The clinic became a dispute, with the army saying rebels had used the building and "
            "the local council firing back that it was built for patients.")
    extraction = extract("en", text)
    first = quote_with(extraction, "rebels had used")
    second = quote_with(extraction, "it was built")
    assert first.content == "rebels had used the building"
    assert second.content == "it was built for patients"
    assert second.speaker_mention == "the local council"


def test_told_the_jury_without_that(extract):
    text = "Another witness, Polly Shepard, told the jury the gunman stood over her."
    q = one(extract("en", text))
    assert q.content == "the gunman stood over her" and q.speaker_name == "Polly Shepard"


def test_a_continuation_after_a_long_apposition_with_abbreviations(extract):
    text = ("“We broke a lot of crockery,” said Martin Indyk, a vice president of the institute "
            "and a former U.S. ambassador to Israel. “It can’t be repaired.”")
    q = quote_with(extract("en", text), "It can’t be repaired")
    assert q.speaker_name == "Martin Indyk"


def test_according_to_inside_the_clause(extract):
    text = ("Tahir Della is an activist. This, according to Della, does nothing to diminish "
            "the crimes.")
    q = one(extract("en", text))
    assert q.content == "This, according to Della, does nothing to diminish the crimes"


def test_a_subject_and_a_quoted_predicate_continue_the_previous_speaker(extract):
    text = ("“Leaders have taken real risks,” Obama said in his speech. President Mahmoud Abbas "
            "“has put aside efforts to shortcut the pursuit of peace.”")
    q = quote_with(extract("en", text), "President Mahmoud Abbas")
    assert q.kind == "mixed" and q.speaker_name == "Obama"


def test_a_possessor_in_a_subject_is_not_whom_the_pronoun_is_about(extract):
    text = ("Fed Chair Janet Yellen said Donald Trump's election had put the bank under a "
            "cloud. \"All participants recognize the uncertainty,\" Yellen said.\nThough "
            "Trump's inauguration is still a month away, she said some participants had "
            "shifted their views.")
    q = quote_with(extract("en", text), "some participants")
    assert q.speaker_name == "Janet Yellen"


def test_naming_in_quotation_marks_is_a_mixed_quotation(extract):
    text = 'Senator Tom Carver called the questionnaire "a witch hunt".'
    q = one(extract("en", text))
    assert q.kind == "mixed" and q.content == 'the questionnaire "a witch hunt"'
    assert q.speaker_name == "Tom Carver"


def test_naming_without_quotation_marks_is_not(extract):
    assert extract("en", "She called him a friend.").quotes == []


def test_a_noun_phrase_reporting_right_after_the_clause_speaks_whatever_it_is(extract):
    text = ("Wheat prices fell in March because of large harvests in Argentina, the "
            "grain-trading cooperative said.")
    found = extract("en", text).quotes
    assert len(found) == 1
    assert found[0].content == ("Wheat prices fell in March because of large harvests in "
                                "Argentina")
    assert found[0].speaker_mention == "the grain-trading cooperative"


def test_calling_on_someone_to_act_reports_the_action_called_for(extract):
    text = ("The mayor called on Transport Secretary Jane Holt and Chancellor Tom Reeve to fund "
            "the new tram line.")
    q = one(extract("en", text))
    assert q.content == "to fund the new tram line" and q.cue_class == "appeal"
    assert q.speaker_mention == "The mayor"


def test_a_second_attribution_is_not_what_was_said(extract):
    text = '"The plan failed," Mary Stone said, the Valley Herald reported.'
    quotes = extract("en", text).quotes
    assert [q.content for q in quotes] == ['The plan failed,']
    assert quotes[0].speaker_name == "Mary Stone"


def test_a_fronted_subordinate_clause_is_not_reported(extract):
    text = ("When the mayor returned to office in 2019, many residents believe he still "
            "resented the council.")
    quotes = extract("en", text).quotes
    assert [q.content for q in quotes] == ["he still resented the council"]


def test_making_it_clear_that_reports_the_clause(extract):
    text = "As a candidate, Paula Reyes had made it clear that she would cut the budget."
    q = one(extract("en", text))
    assert q.content == "she would cut the budget"
    assert q.speaker_name == "Paula Reyes"


def test_encouraging_someone_to_act_reports_the_action(extract):
    text = "At the rally, Senator Ruth Okafor encouraged volunteers to register new voters."
    q = one(extract("en", text))
    assert q.content == "to register new voters"
    assert q.speaker_name == "Ruth Okafor"


def test_the_passive_subject_of_heard_saying_is_the_speaker(extract):
    text = ("In a recording obtained by the Valley Herald, Tom Ward can be heard saying that "
            "the contract was rigged.")
    q = one(extract("en", text))
    assert q.content == "the contract was rigged"
    assert q.speaker_name == "Tom Ward"


def test_comments_are_not_a_speaker_of_an_attitude(extract):
    text = ("She was the city's treasurer and made comments that were critical of the "
            "council's budget.")
    assert [q.content for q in extract("en", text).quotes] == []


def test_appeal_to_a_long_addressee_to_do_something(extract):
    text = ("The transport secretary Helen Marsh also appealed to union leader and former "
            "rail minister Tom Reid to allow the talks on the pay offer to take place.")
    q = one(extract("en", text))
    assert q.content == "to allow the talks on the pay offer to take place"
    assert q.speaker_name == "Helen Marsh" and q.cue_class == "appeal"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Senator Ruth Okafor questioned who had approved the payments.",
         "who had approved the payments"),
        ("Senator Ruth Okafor asked whether the payments had been approved.",
         "whether the payments had been approved"),
    ],
)
def test_an_embedded_question_is_what_was_asked(extract, text, content):
    q = one(extract("en", text))
    assert q.content == content and q.cue_class == "question"


def test_asking_for_something_reports_no_clause(extract):
    text = ("Last spring the airline asked for exemptions to the rules covering overtime and "
            "the requirement they be given a day's notice of a shift change.")
    assert extract("en", text).quotes == []


def test_claimed_to_have_done(extract):
    q = one(extract("en", "On Monday the rebel group claimed to have downed two drones."))
    assert q.content == "to have downed two drones"


def test_an_addressee_described_between_dashes(extract):
    text = ("The envoy Maria Sousa urged the militia – which holds the port and most of the "
            "coast – to stop the attacks.")
    q = one(extract("en", text))
    assert q.content == "to stop the attacks" and q.speaker_name == "Maria Sousa"


def test_an_appeal_whose_quotation_opens_with_to(extract):
    text = ("The envoy also called on governments and shipowners “to urgently protect the "
            "stranded crews.”")
    q = one(extract("en", text))
    assert "to urgently protect the stranded crews" in q.content
    assert q.speaker_mention == "The envoy" and q.cue_class == "appeal"


def test_a_hyphenated_title_is_a_role_not_a_name(extract):
    text = ("UN Secretary-General Paulo Mendes visited the port on Monday. The "
            "Secretary-General urged the militia to stop the attacks.")
    q = one(extract("en", text))
    assert q.speaker_mention == "The Secretary-General" and q.speaker_name == "Paulo Mendes"


def test_a_passive_verb_of_saying_does_not_cut_the_reported_clause(extract):
    text = ("The nurse said she stayed at the clinic after her brother was admitted to "
            "hospital for tests.")
    q = one(extract("en", text))
    assert q.content == ("she stayed at the clinic after her brother was admitted to hospital "
                         "for tests")


def test_a_place_named_after_a_person_is_not_the_next_she(extract):
    text = ("The teacher, 41, joined the movement in 2015. Those who stayed outside would "
            "perish, as those who missed Noah’s Ark did. She said it was her duty to warn "
            "others.")
    q = quote_with(extract("en", text), "it was her duty")
    assert q.speaker_name == "teacher"


def test_a_relative_clause_does_not_attribute_the_clause_it_hangs_on(extract):
    text = ("The couple belong to the Unity Fellowship, whose members believe the world will "
            "end soon.")
    quotes = extract("en", text).quotes
    assert [q.content for q in quotes] == ["the world will end soon"]
    assert quotes[0].speaker_mention == "members"


def test_a_quotation_after_a_connective_continues_the_previous_speaker(extract):
    text = ("The envoy Vera Tomic spoke on Friday. “Attacks on ships are unacceptable and must "
            "stop,” she said.\nMoreover, “all parties should urgently work to let the crews "
            "leave.”")
    q = quote_with(extract("en", text), "all parties should")
    assert q.speaker_name == "Vera Tomic"


def test_a_comment_after_the_attribution_does_not_hide_it(extract):
    text = ("The engineer Paul Mendes posted an explanation. “Let us take a moment to explain,” "
            "he wrote, a wry nod to the firm’s reputation.")
    q = quote_with(extract("en", text), "Let us take a moment")
    assert q.speaker_name == "Paul Mendes" and q.cue == "wrote"


def test_admitted_to_having_done(extract):
    text = "The singer Mary Lane did admit to having stolen a few records in her youth."
    q = one(extract("en", text))
    assert q.content == "to having stolen a few records in her youth"


def test_according_to_after_a_transcript_label(extract):
    text = "JANE COLE: According to Bill Kirby, it's a wakeup call for the sport."
    q = one(extract("en", text))
    assert q.content == "it's a wakeup call for the sport" and q.speaker_name == "Bill Kirby"


def test_a_topic_in_an_embedded_question_is_not_what_was_said(extract):
    text = "The legal analyst Tom Reed explains what is going on with the trial."
    assert extract("en", text).quotes == []


def test_what_he_said_was_still_reports_the_predicate(extract):
    text = "The analyst Tom Reed criticised what he said was a lazy response to the crisis."
    q = one(extract("en", text))
    assert q.content.endswith("a lazy response to the crisis") and q.speaker_name == "Tom Reed"


@pytest.mark.parametrize(("text", "content", "speaker"), [
    # people named by their cause speak ("advocates", "organizers")
    ("Housing advocates have argued that the new rules will push rents higher.",
     "the new rules will push rents higher", "Housing advocates"),
    # a quoted gerund after "accused … of"
    ("The mayor accused the council of “trying to bury the audit” with the vote on Monday.",
     "“trying to bury the audit” with the vote on Monday", "mayor"),
    # a clause without "that" opening with an adverbial "when" is still what was said
    ("A company spokesman acknowledged when the firm filed its plan in May, it did not use "
     "the newest figures.",
     "when the firm filed its plan in May, it did not use the newest figures", "spokesman"),
])
def test_advocates_quoted_gerunds_and_clauses_opening_with_when(extract, text, content,
                                                                 speaker):
    found = [q for q in extract("en", text).quotes if q.content == content]
    assert found, [q.content for q in extract("en", text).quotes]
    assert speaker in (found[0].speaker_name or "")


def test_explains_what_still_names_a_topic_not_a_statement(extract):
    assert extract("en", "She explained what is going on in the city.").quotes == []


def test_sentences_glued_without_spaces_still_give_their_quotations(extract):
    text = ("Fire crews worked all night in the town.\"Everything points to candles\" placed on "
            "bottles, the chief prosecutor, Anne Roux, told a press conference.The managers "
            "were questioned, she said.")
    quotes = extract("en", text).quotes
    assert [(q.content, q.speaker_name) for q in quotes] == [
        ("\"Everything points to candles\" placed on bottles", "Anne Roux"),
        ("The managers were questioned", "Anne Roux")]


def test_a_name_in_apposition_to_a_function_is_a_person_whatever_the_tagger_says(extract):
    text = ("Twenty of the injured were flown abroad, the EU's commissioner for crisis "
            "management, Hadja Lahbib, said on Friday.")
    quotes = extract("en", text).quotes
    assert [(q.speaker_name, q.speaker_type) for q in quotes] == [("Hadja Lahbib", "person")]


def test_a_given_name_listed_with_an_accent_in_another_language_gives_a_gender(extract):
    # "Frederic" is on the French list as « Frédéric »: « she » is then someone else
    text = "Frederic Gisler said the toll was 40. \"It is a terrible night,\" she said."
    q = quote_with(extract("en", text), "It is a terrible night")
    assert q.speaker_name != "Frederic Gisler"


@pytest.mark.parametrize(("lang", "text", "mention"), [
    ("en", "“It is over,” one of the people close to the mayor said.",
     "one of the people close to the mayor"),
    ("en", "The deal is dead, according to four people close to the governor.",
     "four people close to the governor"),
    ("fr", "« C'est fini », a déclaré l'un des manifestants.", "l'un des manifestants"),
    ("fr", "« C'est fini », a déclaré l'une des organisatrices, Claire Dumas.", "Claire Dumas"),
])
def test_one_of_a_group_and_people_close_to_someone_speak(extract, lang, text, mention):
    quotes = extract(lang, text).quotes
    assert [q.speaker_mention for q in quotes] == [mention]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The mayor voiced hope that the bridge would open in May.",
     "the bridge would open in May", "mayor"),
    ("Acme Corp has expressed concern that regulators may block the merger.",
     "regulators may block the merger", "Acme Corp"),
])
def test_a_light_verb_with_a_noun_of_attitude_reports_its_clause(extract, text, content,
                                                                 speaker):
    quotes = extract("en", text).quotes
    assert [q.content for q in quotes] == [content]
    assert speaker in (quotes[0].speaker_name or "")


def test_a_possessed_noun_of_attitude_is_the_writers_account(extract):
    assert extract("en", "The tribunal noted her belief that all non-believers risk "
                         "damnation.").quotes == []


@pytest.mark.parametrize("text", [
    "On Tuesday, the rebel group released a video statement announcing that its leader had died.",
    "The rebel group issued a statement on Tuesday saying that its leader had died.",
])
def test_a_statement_speaks_for_whoever_issued_it(extract, text):
    q = quote_with(extract("en", text), "its leader had died")
    assert q.speaker_mention.lower() == "the rebel group"


def test_a_reporting_verb_with_its_own_subject_after_a_comma_starts_another_report(extract):
    text = ("The judge spoke. When the Comets fan said during questioning that she didn't "
            "know a thing about baseball, Walker' attorney Dana Moore responded, \"That's a "
            "plus.\"")
    extraction = extract("en", text)
    assert not [q.content for q in extraction.quotes if "attorney" in q.content]
    assert quote_with(extraction, "she didn't know").content == (
        "she didn't know a thing about baseball")
    assert quote_with(extraction, "That's a plus").speaker_name == "Dana Moore"


def test_a_fronted_subordinate_clause_stays_when_a_main_clause_follows(extract):
    text = ("The jury returned at noon. As the verdict was read, the defendant stood still, "
            "reported Dana Moore of the local radio.")
    q = quote_with(extract("en", text), "As the verdict was read")
    assert q.content.endswith("the defendant stood still") and q.speaker_name == "Dana Moore"


def test_a_naming_participle_shares_the_subject_of_its_verb(extract):
    text = ('The ministry confirmed the closure on Tuesday, calling the decision "a hard but '
            'necessary step."')
    q = quote_with(extract("en", text), "the decision")
    assert q.kind == "mixed" and q.speaker_mention == "The ministry"


def test_a_body_of_members_speaks_as_one(extract):
    text = ("The Farmers' Alliance met on Monday. The alliance said the new rules would be "
            "impossible to enforce.")
    q = quote_with(extract("en", text), "the new rules")
    assert q.speaker_name == "Farmers' Alliance"


def test_a_credit_line_glued_to_the_last_sentence_is_no_quotation(extract):
    text = ("The mayor opened the new bridge on Friday, his office said. The work took three "
            "years and cost twelve million dollars, the engineer said. Traffic will resume on "
            "Monday, the spokesman said Reporter Jane Roe contributed to this report.")
    contents = [q.content for q in extract("en", text).quotes]
    assert "The mayor opened the new bridge on Friday" in contents
    assert not [c for c in contents if "Jane Roe" in c]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The town is calm. The dam burst at night, according to the National Water Survey.",
     "The dam burst at night", "National Water Survey"),
    ("The town is calm. She called them fortune tellers, according to the tribunal.",
     "She called them fortune tellers", "Tribunal"),
    ("The town is calm. At least 40 people died, according to figures released on Saturday "
     "by the national police.", "At least 40 people died", "national police"),
    ("The town is calm. The union will take the case to court, as reported by the local "
     "newspaper.", "The union will take the case to court", "newspaper"),
])
def test_sources_after_according_to(extract, text, content, speaker):
    q = quote_with(extract("en", text), content)
    assert speaker.lower() in q.speaker_name.lower()


def test_a_finite_verb_parsed_as_a_modifier_still_makes_a_clause(extract):
    text = ("Retail matters. Americans packed malls and stores last year after Thanksgiving, the "
            "National Retail Federation reported.")
    q = quote_with(extract("en", text), "Americans packed")
    assert q.speaker_name == "National Retail Federation"


def test_a_quoted_text_is_what_the_statement_reads(extract):
    text = ("In a post on Facebook, the River Times said it would stop printing. \"This morning, "
            "the police arrested two editors,\" the statement reads.")
    q = quote_with(extract("en", text), "This morning")
    assert q.cue == "reads" and q.speaker_name == "River Times"


def test_a_speaker_after_and_that_the_parser_joined_to_the_clause_before(extract):
    # "… hurt his leg and a hospital spokesman said …": the spokesman speaks, not the surfer
    text = ("The swimmer hurt his right leg and a hospital spokesman said Dawson was in fair "
            "condition on Sunday.")
    q = quote_with(extract("en", text), "Dawson was")
    assert q.speaker_mention == "a hospital spokesman"


def test_raising_a_concern_reports_it(extract):
    text = "The union has raised concerns that the new rota would leave wards understaffed."
    q = quote_with(extract("en", text), "the new rota")
    assert q.speaker_mention == "The union"


def test_one_of_a_group_named_in_apposition_to_the_group(extract):
    # "one of the victims, Jane Doyle, filed a lawsuit saying …": the name hangs on "victims"
    text = ("The banker's former partner, Helen Marsh, was charged. She was convicted. In 2009, "
            "one of the banker's victims, Laura Pike, filed a lawsuit saying he had flown her "
            "around the world. She later said she was 15 when the abuse began.")
    extraction = extract("en", text)
    assert quote_with(extraction, "he had flown").speaker_name == "Laura Pike"
    assert quote_with(extraction, "she was 15").speaker_name == "Laura Pike"


def test_he_prefers_the_main_subject_to_a_relative_clause_subject(extract):
    text = ("Omar Haddad runs a bakery in the camp. But Haddad is aware of the effect Karimi may "
            "have on the talks. \"He's the most feared man in the region,\" he said.")
    q = quote_with(extract("en", text), "He's the most")
    assert q.speaker_name == "Omar Haddad"
