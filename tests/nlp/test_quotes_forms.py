"""More reporting forms of French and English news, on sentences written for these tests:
the press review's impersonal reading, postposed "comme"/"as" clauses, semi-auxiliaries,
gerund and particle complements, misparsed preposed clauses, names with particles."""

import pytest

from tests.nlp.conftest import quote_with

pytestmark = pytest.mark.slow


def quotes(extraction):
    return [(q.kind, q.speaker_mention, q.cue, q.cue_class, q.content)
            for q in extraction.quotes]


def spoken(extraction):
    return [(q.content, q.speaker_name) for q in extraction.quotes]


@pytest.mark.parametrize(("text", "expected"), [
    ("« La réforme est indispensable », peut-on lire dans Le Figaro.",
     [("La réforme est indispensable", "Le Figaro")]),
    ("On peut lire dans Le Monde que le gouvernement prépare un remaniement.",
     [("le gouvernement prépare un remaniement", "Le Monde")]),
    ("Le 3 mars, on apprend par l'AFP que le juge va rouvrir le dossier.",
     [("le juge va rouvrir le dossier", "AFP")]),
    ("À en croire le porte-parole de l'armée, l'opération durera plusieurs semaines.",
     [("l'opération durera plusieurs semaines", "porte-parole de l'armée")]),
])
def test_press_review_reading_and_a_en_croire(extract, text, expected):
    assert [(c.strip("« »"), s) for c, s in spoken(extract("fr", text))] == expected


def test_postposed_comme_clause_reports_the_main_clause(extract):
    assert quotes(extract("fr", "Le chômage va encore baisser, comme l'a souligné le ministre "
                                "du Travail.")) == [
        ("indirect", "le ministre du Travail", "a souligné", "emphasis",
         "Le chômage va encore baisser")]


def test_comme_clause_inside_a_reported_clause_is_not_a_second_quote(extract):
    text = ("Le ministre a nié toute faute, soulignant que la réunion avait eu lieu dans un "
            "bureau, comme il l'avait pourtant reconnu la veille.")
    contents = [q.content for q in extract("fr", text).quotes]
    assert not any(c.startswith("Le ministre a nié") for c in contents)


def test_semi_auxiliary_before_the_reporting_verb(extract):
    extraction = extract("fr", "Le texte a été adopté hier. La réforme est une erreur, tente "
                               "d'expliquer le ministre.")
    assert [(q.content, q.speaker_mention) for q in extraction.quotes] == [
        ("La réforme est une erreur", "le ministre")]


def test_short_phrase_with_a_quoted_word_before_an_incise(extract):
    extraction = extract("fr", "Le chantier a pris du retard. Une « erreur », tente "
                               "d'expliquer le maire.")
    assert [(q.content, q.speaker_mention) for q in extraction.quotes] == [
        ("Une « erreur »", "le maire")]


def test_pour_x_without_comma_before_a_subject_pronoun(extract):
    assert spoken(extract("fr", "Pour Jean Tirole il faut taxer davantage le carbone.")) == [
        ("il faut taxer davantage le carbone", "Jean Tirole")]


def test_subject_taken_for_the_reporting_verbs_is_a_clause_of_its_own(extract):
    # the French parser hangs « privilégient » on « enquêteurs » and makes « enquêteurs » the
    # subject of « a précisé »
    assert spoken(extract("fr", "Les enquêteurs privilégient la piste criminelle, a précisé "
                                "le procureur.")) == [
        ("Les enquêteurs privilégient la piste criminelle", "procureur")]


def test_causative_group_with_lead_adverbials(extract):
    text = ("En 1997, lors de l'agrandissement des locaux, Marie Durand avait fait réaliser "
            "les travaux sans autorisation, écrit Le Parisien.")
    assert spoken(extract("fr", text)) == [
        ("En 1997, lors de l'agrandissement des locaux, Marie Durand avait fait réaliser les "
         "travaux sans autorisation", "Le Parisien")]


def test_exclamation_inside_parentheses_does_not_end_the_sentence(extract):
    text = ("Il siégeait au conseil du port.\nSelon Mediapart, avec cette double (triple !) "
            "casquette, le conseiller a pu signer des contrats avec le port.")
    assert spoken(extract("fr", text)) == [
        ("avec cette double (triple !) casquette, le conseiller a pu signer des contrats avec "
         "le port", "Mediapart")]


def test_rejection_verb_object_runs_to_its_adjuncts(extract):
    assert quotes(extract("fr", "Il a exclu l'envoi de troupes après la fin de la guerre.")) \
        == [("indirect", "Il", "a exclu", "rejection",
             "l'envoi de troupes après la fin de la guerre")]


def test_role_given_by_an_appointment_verb_resolves_a_bare_role(extract):
    text = ("La nouvelle ministre des Sports, Anne Roux, est critiquée.\n"
            "Avant d'être nommée ministre de la Culture, Claire Dubois dirigeait une maison "
            "d'édition. Des travaux ont été faits sans permis. Une « erreur », tente "
            "d'expliquer la ministre.")
    extraction = extract("fr", text)
    assert [(q.content, q.speaker_name) for q in extraction.quotes] == [
        ("Une « erreur »", "Claire Dubois")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Chancellor Olaf Scholz ruled out sending Taurus missiles to Ukraine.",
     ("indirect", "Olaf Scholz", "ruled out", "rejection",
      "sending Taurus missiles to Ukraine")),
    ("Chancellor Olaf Scholz has ruled out that Germany would send troops.",
     ("indirect", "Olaf Scholz", "has ruled out", "rejection", "Germany would send troops")),
    ("The minister denied having met the lobbyists.",
     ("indirect", "The minister", "denied", "denial", "having met the lobbyists")),
])
def test_english_gerund_and_particle_complements(extract, text, expected):
    assert quotes(extract("en", text)) == [expected]


def test_rule_out_with_a_noun_phrase_object(extract):
    extraction = extract("en", "The prime minister ruled out a snap election.")
    assert [(q.content, q.cue_class) for q in extraction.quotes] == [
        ("a snap election", "rejection")]


def test_quote_before_a_subject_with_an_apposition_keeps_its_own_span(extract):
    extraction = extract("en", '"We will file a lawsuit," the family\'s lawyer, Ben Crump, said '
                               'in a statement.')
    assert [(q.kind, q.content, q.speaker_name) for q in extraction.quotes] == [
        ("direct", "We will file a lawsuit,", "Ben Crump")]


def test_name_with_particles_is_one_name(extract):
    extraction = extract("en", '"This is a historic day," Ursula von der Leyen said.')
    assert [(q.speaker_mention, q.speaker_name) for q in extraction.quotes] == [
        ("Ursula von der Leyen", "Ursula von der Leyen")]


@pytest.mark.parametrize("text", [
    "Selon Jean-Luc Mélenchon de La France insoumise, le texte est mauvais.",
    "Le député Jean Martin du Parti socialiste a déclaré que le texte était mauvais.",
])
def test_complement_after_a_name_is_not_part_of_it(extract, text):
    extraction = extract("fr", text)
    assert [q.speaker_mention for q in extraction.quotes] == [
        "Jean-Luc Mélenchon" if "Mélenchon" in text else "Jean Martin"]


def test_infinitive_the_tagger_took_for_a_noun(extract):
    extraction = extract("en", "Trump advisers have urged him to fire feds faster and Energy "
                               "staffers are worried.")
    assert [(q.content, q.cue_class) for q in extraction.quotes] == [
        ("to fire feds faster", "appeal")]


@pytest.mark.parametrize(("lang", "text", "content", "cue_class"), [
    ("en", "In a statement, Amnesty International accused the army of war crimes.",
     "of war crimes", "accusation"),
    ("fr", "Pour sa défense, il accuse le maire d’« insultes racistes ».",
     "d’« insultes racistes »", "accusation"),
    ("en", "Netanyahu strongly warned against making a \"bad deal\" during his speech.",
     "against making a \"bad deal\" during his speech", "warning"),
])
def test_what_an_accusation_or_a_warning_is_about(extract, lang, text, content, cue_class):
    assert [(q.content, q.cue_class) for q in extract(lang, text).quotes] == [(content, cue_class)]


def test_verb_with_its_own_object_does_not_report_the_clause_before(extract):
    text = ("Fifty years ago, when fear of nuclear war was running high, New York boasted tens "
            "of thousands of fallout shelters.")
    assert extract("en", text).quotes == []


def test_naming_with_the_quoted_name_parsed_as_an_apposition(extract):
    extraction = extract("en", 'Senator Jane Miller called the bill "a disaster for working '
                               'families."')
    assert [(q.kind, q.speaker_name) for q in extraction.quotes] == [("mixed", "Jane Miller")]
    assert extraction.quotes[0].content.startswith("the bill")


def test_posted_after_a_quotation_and_a_name(extract):
    extraction = extract("en", '"It is a disgrace," Mark Dalton posted on Truth Social on '
                               'Wednesday.')
    assert [(q.content, q.speaker_name) for q in extraction.quotes] == [
        ("It is a disgrace,", "Mark Dalton")]


def test_posting_a_result_is_no_quotation(extract):
    assert extract("en", "The company posted a loss of $3 billion.").quotes == []


def test_ainsi_que_after_the_main_clause(extract):
    extraction = extract("fr", "L'économie résiste, ainsi que l'a rappelé le gouverneur de la "
                               "Banque de France, François Villeroy de Galhau.")
    assert [(q.content, q.speaker_name) for q in extraction.quotes] == [
        ("L'économie résiste", "François Villeroy de Galhau")]


@pytest.mark.parametrize(("lang", "text", "speaker"), [
    ("fr", "Les riverains affirment que la nouvelle piste gâcherait leur vie.", "Les riverains"),
    ("en", "The coach said he was proud of his players.", "The coach"),
    ("en", "The victim's family said the sentence was too lenient.", "The victim's family"),
])
def test_everyday_human_nouns_can_speak(extract, lang, text, speaker):
    assert [q.speaker_mention for q in extract(lang, text).quotes] == [speaker]


@pytest.mark.parametrize(("lang", "text", "content", "cue_class"), [
    ("fr", "Le syndicat s'est dit prêt à signer l'accord.", "à signer l'accord", "support"),
    ("fr", "L'entraîneur s'est dit fier de ses joueurs.", "de ses joueurs", "praise"),
])
def test_attitude_adjectives_of_readiness_and_pride(extract, lang, text, content, cue_class):
    assert [(q.content, q.cue_class) for q in extract(lang, text).quotes] == [
        (content, cue_class)]


def test_person_a_place_is_named_after_is_no_antecedent(extract):
    text = ("Le collectif tiendra une réunion jeudi en salle Louise Michel.\n"
            "Elle appelle à manifester samedi.")
    extraction = extract("fr", text)
    assert [q.speaker_name for q in extraction.quotes] != ["Louise Michel"]


def test_body_named_at_the_head_of_a_misparsed_sentence_speaks(extract):
    text = ("L'AG Éducation Île-de-France inter-degrés appelle à rejoindre la grève du 24 "
            "septembre contre la réforme des retraites.\nElle appelle à tenir des assemblées "
            "dans les écoles.")
    names = [q.speaker_name for q in extract("fr", text).quotes]
    assert len(names) == 2 and names[0] == names[1] and names[0].startswith("AG Éducation")


def test_report_nested_in_a_report_claims_no_clause_before_it(extract):
    text = ("De plus, un responsable syndical présent à l'AG a indiqué que lors du conseil, le "
            "recteur de la région académique Île-de-France a répondu qu'il n'y aurait pas de "
            "sanctions.")
    extraction = extract("fr", text)
    assert not any(q.content.startswith("De plus") for q in extraction.quotes)
    assert all(q.speaker_name != "Île-de-France" for q in extraction.quotes)


@pytest.mark.parametrize("verb", ["déplore", "avertit", "rétorque", "s'inquiète", "peste",
                                  "analyse", "se félicite"])
def test_incise_verbs_the_tagger_takes_for_participles_or_adjectives(extract, verb):
    text = (f"« La situation devient intenable pour les habitants du quartier », {verb} Paul "
            f"Martin, président du comité.")
    assert [(q.content, q.speaker_name) for q in extract("fr", text).quotes] == [
        ("La situation devient intenable pour les habitants du quartier", "Paul Martin")]


def test_statement_from_a_body_names_the_body(extract):
    extraction = extract("en", "According to a statement from the Ministry of Defence, two "
                               "drones were shot down overnight.")
    assert [q.speaker_name for q in extraction.quotes] == ["Ministry of Defence"]
    extraction = extract("fr", "Selon un communiqué de la préfecture, deux drones ont été "
                               "abattus dans la nuit.")
    assert [q.speaker_mention for q in extraction.quotes] == ["la préfecture"]


def test_make_clear_and_the_plain_verb(extract):
    assert [q.content for q in extract("en", "Senator Maria Lopez made clear that she would "
                                             "oppose the nomination.").quotes] == [
        "she would oppose the nomination"]
    # "making up" is not a reporting verb: the clause runs on over it
    extraction = extract("en", "Officials said black residents account for half of all cases, "
                               "despite making up just 30% of the population.")
    assert [q.content for q in extraction.quotes] == [
        "black residents account for half of all cases, despite making up just 30% of the "
        "population"]


@pytest.mark.parametrize(("lang", "text", "content"), [
    ("fr", "Le ministre des Finances l'assure : la réforme passera avant l'été.",
     "la réforme passera avant l'été"),
    ("fr", "La ministre le dit sans détour : il n'y aura pas de hausse d'impôts.",
     "il n'y aura pas de hausse d'impôts"),
    ("en", "The minister said: the plan is dead.", "the plan is dead"),
])
def test_clause_after_a_colon_without_quotation_marks(extract, lang, text, content):
    assert [q.content for q in extract(lang, text).quotes] == [content]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The need has been acknowledged by outside authorities: the patients had secured "
           "referrals before the war."),
    ("fr", "Le livre parle d'une « ruée », écrit-il : c'est un terme choquant."),
])
def test_colon_after_a_passive_or_an_incise_introduces_no_report(extract, lang, text):
    contents = [q.content for q in extract(lang, text).quotes]
    assert not any(c.startswith(("the patients", "c'est un terme")) for c in contents)


def test_qualifier_de_before_its_object(extract):
    extraction = extract("fr", "La présidente de la région, Carole Delga, a qualifié de "
                               "« scandaleuse » la fermeture de l'usine.")
    assert [(q.content, q.speaker_name) for q in extraction.quotes] == [
        ("de « scandaleuse » la fermeture de l'usine", "Carole Delga")]


@pytest.mark.parametrize(("lang", "text", "content"), [
    ("fr", "Le porte-parole du Kremlin, Dmitri Peskov, a démenti toute implication de la "
           "Russie.", "toute implication de la Russie"),
    ("en", "The Kremlin denied the allegations.", "the allegations"),
])
def test_denial_of_a_noun_phrase(extract, lang, text, content):
    assert [(q.content, q.cue_class) for q in extract(lang, text).quotes] == [
        (content, "denial")]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("« Nous avons reçu des assurances », a déclaré à l'AFP un haut responsable européen, "
     "sous couvert d'anonymat.", "Nous avons reçu des assurances", "un haut responsable européen"),
    ("« La France ne cédera pas », a martelé dimanche le Premier ministre sur TF1.",
     "La France ne cédera pas", "le Premier ministre"),
    ("« Il est urgent d'agir », insiste de son côté le président de l'association.",
     "Il est urgent d'agir", "le président de l'association"),
    ("« Je n'ai jamais dit ça », s'est défendu le ministre.", "Je n'ai jamais dit ça",
     "le ministre"),
])
def test_inverted_subject_after_time_words_addressees_and_adverbials(extract, text, content,
                                                                    speaker):
    assert [(q.content, q.speaker_mention) for q in extract("fr", text).quotes][:1] == [
        (content, speaker)]


def test_infinitive_clause_of_the_reporting_verb_shares_its_speaker(extract):
    text = ("« La France ne cédera pas », a martelé dimanche le Premier ministre, avant "
            "d'ajouter que toutes les options restaient sur la table.")
    extraction = extract("fr", text)
    assert [q.speaker_mention for q in extraction.quotes] == ["le Premier ministre"] * 2


def test_que_tagged_as_a_relative_pronoun_after_a_time_word(extract):
    extraction = extract("fr", "La Commission européenne a indiqué jeudi qu'elle examinerait "
                               "la proposition française.")
    assert [q.content for q in extraction.quotes] == [
        "elle examinerait la proposition française"]
    assert extract("fr", "Le ministre a dit ce qu'il pensait de la réforme.").quotes == []


def test_quoted_predicate_before_the_judged_object(extract):
    extraction = extract("fr", "Le ministre a jugé mardi « inacceptables » les menaces contre "
                               "les observateurs.")
    assert [q.content for q in extraction.quotes] == [
        "« inacceptables » les menaces contre les observateurs"]


def test_quoted_object_with_its_article_outside_the_marks(extract):
    extraction = extract("fr", "Marine Le Pen a fustigé jeudi une « trahison » du gouvernement.")
    assert [(q.content, q.cue_class) for q in extraction.quotes] == [
        ("une « trahison » du gouvernement", "criticism")]


def test_elle_stands_for_a_body_that_was_the_subject_before(extract):
    text = ("La CGT organise une manifestation samedi à Paris.\n"
            "Elle appelle les salariés à rejoindre le cortège.")
    assert [q.speaker_name for q in extract("fr", text).quotes] == ["CGT"]


def test_pronoun_stands_for_an_unnamed_role_subject_when_gender_agrees(extract):
    text = ("La maire de Paris a décidé de fermer la voie sur berge. « Nous ne lâcherons rien », "
            "prévient-elle.")
    assert [q.speaker_name for q in extract("fr", text).quotes] == ["maire de Paris"]
    text = "Le ministre était à Lyon mardi. Elle a dit que tout allait bien."
    assert [q.speaker_name for q in extract("fr", text).quotes] == [None]


@pytest.mark.parametrize(("lang", "text", "content", "cue_class"), [
    ("en", "Netanyahu's declaration that there would be no Palestinian state makes that "
           "difficult.", "there would be no Palestinian state", "statement"),
    ("en", "The senator renewed her pledge to cut taxes.", "to cut taxes", "promise"),
    ("fr", "Le président a réitéré sa promesse de baisser les impôts.",
     "de baisser les impôts", "promise"),
])
def test_noun_of_saying_with_its_possessor(extract, lang, text, content, cue_class):
    assert [(q.content, q.cue_class) for q in extract(lang, text).quotes] == [
        (content, cue_class)]


def test_purpose_after_a_noun_of_saying_is_not_what_was_said(extract):
    text = "He timed his announcement to benefit a friend of his wife."
    assert not any(q.content.startswith("to benefit") for q in extract("en", text).quotes)


def test_court_ruling_that(extract):
    assert [q.content for q in extract("en", "A federal judge ruled on Friday that the policy "
                                             "was unconstitutional.").quotes] == [
        "the policy was unconstitutional"]
    assert extract("en", "The party has ruled the country since 1990.").quotes == []


@pytest.mark.parametrize(("lang", "text", "content"), [
    ("fr", "« Nous allons renforcer notre capacité », a expliqué Paul Durand. Ajoutant : « L'eau "
           "peut constituer un levier. »", "L'eau peut constituer un levier."),
    ("en", "\"We will build it,\" said Paul Durand. Adding: \"Water can be a lever for growth.\"",
     "Water can be a lever for growth."),
])
def test_a_sentence_opening_with_a_participle_goes_on_quoting(extract, lang, text, content):
    q = quote_with(extract(lang, text), content)
    assert q.speaker_name == "Paul Durand" and q.kind == "direct"
