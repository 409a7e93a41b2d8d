"""French quotation forms, on sentences written for these tests."""

import pytest

from tests.nlp.conftest import quote_with

pytestmark = pytest.mark.slow


def one(extraction):
    assert len(extraction.quotes) == 1, [q.content for q in extraction.quotes]
    return extraction.quotes[0]


# ------------------------------------------------------------------- direct quotations


def test_direct_speaker_after(extract):
    text = "« Le budget sera voté avant l'été », a déclaré jeudi la maire Claire Dubois."
    q = one(extract("fr", text))
    assert (q.kind, q.content) == ("direct", "Le budget sera voté avant l'été")
    assert q.speaker_mention == "Claire Dubois" and q.cue == "a déclaré"
    assert q.speaker_name == "Claire Dubois" and q.cue_class == "statement"


def test_direct_inverted_pronoun_goes_to_the_last_person(extract):
    text = ("Le sénateur Paul Martin a quitté la séance en fin d'après-midi.\n"
            "« Nous irons jusqu'au bout », a-t-il ajouté devant la presse.")
    q = one(extract("fr", text))
    assert q.content == "Nous irons jusqu'au bout"
    assert q.speaker_mention == "il" and q.cue == "a-t-il ajouté"
    assert q.speaker_name == "Paul Martin" and q.cue_class == "addition"


def test_speaker_before_with_colon(extract):
    text = "Le préfet Jean Morel a déclaré : « Les routes resteront fermées jusqu'à lundi. »"
    q = one(extract("fr", text))
    assert q.content == "Les routes resteront fermées jusqu'à lundi."
    assert q.speaker_name == "Jean Morel"


def test_speaker_before_without_colon(extract):
    text = ("Sophie Leroy enseigne le droit depuis vingt ans. "
            "Elle affirme « nous n'avons jamais reçu autant de candidatures ».")
    q = quote_with(extract("fr", text), "nous n'avons jamais")
    assert q.kind == "direct" and q.speaker_name == "Sophie Leroy"


def test_incise_splits_one_quotation_into_two(extract):
    text = ("Lucie Bernard dirige l'association depuis 2015. « Cette décision est injuste, "
            "affirme-t-elle. Nous allons la contester devant le tribunal. »")
    extraction = extract("fr", text)
    first = quote_with(extraction, "Cette décision")
    second = quote_with(extraction, "Nous allons")
    assert first.content == "Cette décision est injuste"
    assert second.content == "Nous allons la contester devant le tribunal."
    assert first.cue == second.cue == "affirme-t-elle"
    assert first.speaker_id == second.speaker_id
    assert first.speaker_name == "Lucie Bernard"


def test_quotation_over_several_paragraphs(extract):
    text = ("« Le chantier a pris du retard à cause des pluies », a expliqué l'architecte "
            "Marc Petit.\n"
            "« Nous livrerons malgré tout les premiers logements en septembre. »")
    extraction = extract("fr", text)
    second = quote_with(extraction, "Nous livrerons")
    assert second.speaker_name == "Marc Petit" and second.speaker_start is None


def test_a_guillemet_left_open_ends_with_its_paragraph(extract):
    text = ("« Il faudra du temps pour reconstruire, a-t-elle prévenu.\n"
            "Le conseil se réunira vendredi.")
    extraction = extract("fr", text)
    assert all("conseil" not in q.content for q in extraction.quotes)


def test_nested_marks_stay_in_the_content(extract):
    text = "« Il m'a répondu “plus tard” et il a raccroché », raconte la voisine Anne Roux."
    q = one(extract("fr", text))
    assert q.content == "Il m'a répondu “plus tard” et il a raccroché"


# ------------------------------------------------------------------- indirect speech


def test_indirect_que_clause(extract):
    text = "Le ministre Pierre Garnier a annoncé que la réforme serait présentée en juin."
    q = one(extract("fr", text))
    assert (q.kind, q.content) == ("indirect", "la réforme serait présentée en juin")
    assert q.cue == "a annoncé" and q.cue_class == "announcement"


def test_infinitive_complement_keeps_its_preposition(extract):
    text = "La syndicaliste Nadia Benali a appelé les salariés à cesser le travail lundi."
    q = one(extract("fr", text))
    assert q.content == "à cesser le travail lundi" and q.cue_class == "appeal"


def test_quoted_infinitive_after_the_addressee_keeps_its_marks(extract):
    text = "La préfète Anne Roussel a exhorté les communes du littoral à « se tenir prêtes »."
    q = one(extract("fr", text))
    assert q.content == "à « se tenir prêtes »" and q.speaker_name == "Anne Roussel"


def test_participle_describing_the_addressee_does_not_hide_the_infinitive(extract):
    text = ("Le syndicaliste Marc Olivier a invité les salariés, souvent découragés, à "
            "rejoindre la grève jeudi.")
    q = one(extract("fr", text))
    assert q.content == "à rejoindre la grève jeudi" and q.cue_class == "appeal"


def test_promise_with_de(extract):
    text = "Le candidat Hugo Marchand a promis de baisser les impôts locaux."
    q = one(extract("fr", text))
    assert q.content == "de baisser les impôts locaux" and q.cue_class == "promise"


def test_participle_reuses_the_speaker(extract):
    text = ("« Le dossier est clos », a déclaré l'avocate Inès Caron, ajoutant que sa cliente "
            "ne ferait pas appel.")
    extraction = extract("fr", text)
    q = quote_with(extraction, "sa cliente")
    assert q.cue == "ajoutant" and q.speaker_name == "Inès Caron"


def test_selon_after_the_clause(extract):
    text = "La production a baissé de 3 % en mars, selon l'institut de statistique."
    q = one(extract("fr", text))
    assert q.content == "La production a baissé de 3 % en mars" and q.cue == "selon"


def test_d_apres_before_the_clause(extract):
    text = "D'après le porte-parole de la mairie, la réunion est reportée à jeudi."
    q = one(extract("fr", text))
    assert q.content == "la réunion est reportée à jeudi"


def test_selon_a_document_is_not_a_speaker(extract):
    text = "Le restaurant devrait être fermé, selon les règles en vigueur."
    assert extract("fr", text).quotes == []


def test_cognition_verb_for_a_public_statement(extract):
    text = "La juge Hélène Vidal a estimé que la plainte était recevable."
    q = one(extract("fr", text))
    assert q.content == "la plainte était recevable" and q.cue_class == "cognition"


@pytest.mark.parametrize(("sentence", "content", "cue_class"), [
    ("Le préfet Luc Ferrand a averti que les crues pourraient durer.",
     "les crues pourraient durer", "warning"),
    ("Le président Henri Lagarde a exclu de dissoudre l'assemblée.",
     "de dissoudre l'assemblée", "rejection"),
])
def test_warning_and_rejection(extract, sentence, content, cue_class):
    q = one(extract("fr", sentence))
    assert (q.content, q.cue_class) == (content, cue_class)


def test_preposed_clause(extract):
    text = "Trois personnes ont été blessées dans l'accident, a indiqué la préfecture."
    q = one(extract("fr", text))
    assert q.content == "Trois personnes ont été blessées dans l'accident"
    assert q.speaker_mention == "la préfecture"


def test_mixed_quotation(extract):
    text = "Le maire Louis Perrin a assuré que le projet était « mort et enterré »."
    q = one(extract("fr", text))
    assert q.kind == "mixed" and q.content == "le projet était « mort et enterré »"


def test_pour_x_gives_a_stated_view(extract):
    text = "Pour Camille Faure, cette mesure arrive beaucoup trop tard."
    q = one(extract("fr", text))
    assert q.content == "cette mesure arrive beaucoup trop tard" and q.cue == "Pour"


# ------------------------------------------------------------------- not quotations


def test_scare_quotes_and_titles_are_not_quotations(extract):
    text = ("Les « gilets jaunes » ont manifesté samedi. Elle a relu « Le Rouge et le Noir » "
            "pendant l'été. Le terme « sobriété » revient souvent.")
    assert extract("fr", text).quotes == []


def test_negated_and_conditional_reports_are_not_quotations(extract):
    text = ("Le ministre n'a pas dit que la taxe serait supprimée. "
            "Si la commission estime que la loi est violée, elle saisira le juge.")
    assert extract("fr", text).quotes == []


def test_credit_line_people_are_never_speakers(extract):
    text = ("« Nous rouvrirons l'usine en mai », a déclaré le directeur Yves Caradec.\n"
            "Rapports supplémentaires de Julie Moreau")
    extraction = extract("fr", text)
    assert [q.speaker_name for q in extraction.quotes] == ["Yves Caradec"]
    assert all("Moreau" not in m.text for m in extraction.mentions)


def test_verbs_coordinated_inside_the_reported_clause_stay_in_it(extract):
    # "demanderait" is a reporting verb, but in the same form as "transmettrait" and without
    # an auxiliary of its own it goes on with the reported clause.
    text = ("La sénatrice Odile Marchand a annoncé qu'elle saisirait la Cour des comptes et "
            "demanderait une enquête sur le chantier.")
    q = one(extract("fr", text))
    assert q.content == (
        "elle saisirait la Cour des comptes et demanderait une enquête sur le chantier")


def test_a_coordinated_report_with_its_own_auxiliary_is_a_new_quote(extract):
    text = "Le maire a dit que la ville paierait et a ajouté qu'elle ne reculerait pas."
    extraction = extract("fr", text)
    first = quote_with(extraction, "la ville paierait")
    second = quote_with(extraction, "elle ne reculerait")
    assert first.content == "la ville paierait" and first.cue_class == "statement"
    assert second.content == "elle ne reculerait pas" and second.cue_class == "addition"
    assert second.speaker_mention == "Le maire"  # the reporter's subject, not the clause's


def test_a_rare_first_name_the_tagger_missed_stays_in_the_name(extract):
    text = ("Dorvane Kessaly, député de la Somme, a affirmé que le texte serait retiré. "
            "Kessaly a ensuite quitté l'hémicycle.")
    q = quote_with(extract("fr", text), "le texte serait retiré")
    assert q.speaker_name == "Dorvane Kessaly"


def test_comme_l_a_souligne_takes_the_inverted_subject(extract):
    text = "Comme l'a souligné l'Observatoire des loyers, la hausse des prix restera forte."
    q = one(extract("fr", text))
    assert q.content == "la hausse des prix restera forte"
    assert q.speaker_mention == "l'Observatoire des loyers"


def test_que_after_a_time_adverbial_is_a_complementiser(extract):
    text = ("L'Office des eaux avait révélé à la mi-août que la nappe avait été polluée par "
            "les rejets.")
    q = one(extract("fr", text))
    assert q.content == "la nappe avait été polluée par les rejets"


def test_assener_in_an_incise(extract):
    q = one(extract("fr", "« Ces chiffres sont faux », assène la députée Léa Morel."))
    assert q.content == "Ces chiffres sont faux" and q.speaker_name == "Léa Morel"


@pytest.mark.parametrize("opening", ["A ses yeux", "À ses yeux", "À son avis"])
def test_a_possessive_opinion_phrase_gives_the_speaker(extract, opening):
    text = (f"Le maire Paul Roy a reçu les syndicats jeudi. {opening}, le chantier durera "
            "deux ans.")
    q = one(extract("fr", text))
    assert q.content == "le chantier durera deux ans"
    assert q.speaker_name == "Paul Roy" and q.cue_class == "opinion"


def test_a_possessive_can_stand_for_a_body(extract):
    text = ("Cent substances ont été réexaminées, précise l'Office fédéral de l'agriculture dans "
            "un communiqué. A ses yeux, ce fongicide pourrait nuire à la santé.")
    q = quote_with(extract("fr", text), "ce fongicide")
    assert q.speaker_name == "Office fédéral de l'agriculture"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("La directrice du fonds a jugé « impératif » mardi que les tensions s'apaisent.",
         "« impératif » mardi que les tensions s'apaisent"),
        ("Le ministre Paul Roy a jugé nécessaire de réduire la dette.",
         "nécessaire de réduire la dette"),
        ("L'Office des eaux considère la substance comme « probablement » cancérigène.",
         "la substance comme « probablement » cancérigène"),
    ],
)
def test_a_judgement_with_its_predicate(extract, text, content):
    q = one(extract("fr", text))
    assert q.content == content and q.cue_class == "cognition"


def test_an_attributive_adjective_is_no_judgement(extract):
    assert extract("fr", "Le ministre Paul Roy considère les responsables politiques.").quotes == []


def test_se_dire_preoccupe_par(extract):
    text = "Le commissaire Pierre Morin s'est dit préoccupé par le ralentissement de la croissance."
    q = one(extract("fr", text))
    assert q.content == "par le ralentissement de la croissance" and q.cue_class == "emotion"


def test_a_bare_infinitive_keeps_its_negation(extract):
    q = one(extract("fr", "Le ministre Paul Roy assure ne pas vouloir se représenter."))
    assert q.content == "ne pas vouloir se représenter"


def test_a_pronoun_incise_after_the_auxiliary_keeps_the_subject(extract):
    text = ("L'Union des paysans a, elle, demandé aux exploitations de renoncer aux "
            "pesticides.")
    q = one(extract("fr", text))
    assert q.content == "de renoncer aux pesticides"
    assert q.speaker_name == "Union des paysans"


def test_a_named_subject_of_any_verb_is_whom_the_next_pronoun_is_about(extract):
    text = ("« La situation reste fragile », a déclaré le commissaire Pierre Morin. Le ministre "
            "de l'économie, Giorgio Tassi, a contesté ces chiffres. « Nos prévisions sont "
            "réalistes », a-t-il assuré.")
    q = quote_with(extract("fr", text), "Nos prévisions")
    assert q.speaker_name == "Giorgio Tassi"


def test_pour_with_a_long_role_and_name(extract):
    text = "Pour le chancelier autrichien Sebastian Kellner, la réforme est nécessaire."
    q = one(extract("fr", text))
    assert q.content == "la réforme est nécessaire" and q.speaker_name == "Sebastian Kellner"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("La Banque centrale s'attend à ce que l'activité ralentisse au second semestre.",
         "l'activité ralentisse au second semestre"),
        ("De l'aveu même du gouverneur Paul Roy, la situation est « préoccupante ».",
         "la situation est « préoccupante »"),
        ("Le ministre Paul Roy a parlé hier. Il juge peu probable que la France connaisse une "
         "récession.", "peu probable que la France connaisse une récession"),
    ],
)
def test_more_french_attributions(extract, text, content):
    assert content in [q.content for q in extract("fr", text).quotes]


def test_refusing_to_comment_reports_nothing(extract):
    assert extract("fr", "Le Conseil de la magistrature a refusé de commenter.").quotes == []


def test_selon_ce_qu_a_appris_is_the_writers_reporting(extract):
    text = ("Le juge Paul Roy a parlé hier. Selon ce qu'a appris la radio, le dossier compte "
            "des milliers de pages.")
    assert [q for q in extract("fr", text).quotes if q.content.startswith("le dossier")] == []


def test_a_t_il_laisse_tomber(extract):
    text = ("Le juge Paul Roy a parlé. « Il n'y a aucune raison de poursuivre », a-t-il "
            "laissé tomber.")
    q = quote_with(extract("fr", text), "Il n'y a aucune")
    assert q.speaker_name == "Paul Roy"


def test_an_unlisted_noun_after_a_quotation_and_its_verb_is_the_speaker(extract):
    q = one(extract("fr", "« Les risques restent élevés », ajoute le politique letton."))
    assert q.speaker_mention == "le politique letton"


def test_an_incise_with_an_inverted_pronoun_reports_a_mixed_quotation(extract):
    text = ("Le chancelier Paul Kurz a parlé. C’est le seul moyen « d’éviter le danger », "
            "a-t-il ajouté.")
    q = quote_with(extract("fr", text), "C’est le seul moyen")
    assert q.content == "C’est le seul moyen « d’éviter le danger »"
    assert q.speaker_name == "Paul Kurz"


def test_a_fait_valoir_le_chancelier(extract):
    text = ("Le chancelier Paul Kurz a parlé. Des sanctions « empêcheront l’Italie de finir "
            "comme la Grèce », a fait valoir le chancelier.")
    q = quote_with(extract("fr", text), "Des sanctions")
    assert q.speaker_name == "Paul Kurz"


def test_a_colon_quotation_with_its_own_cue_is_its_own_quote(extract):
    text = ("La directrice Anne Roux a jugé « impératif » mardi que les tensions s’apaisent : "
            "« Elles représentent une menace », a-t-elle estimé.")
    contents = [q.content for q in extract("fr", text).quotes]
    assert contents == ["« impératif » mardi que les tensions s’apaisent",
                        "Elles représentent une menace"]


def test_a_elle_aussi_after_a_long_apposition(extract):
    text = ("Depuis Washington, Christine Laval, directrice générale du Fonds monétaire "
            "international (FMI), a elle aussi jugé « impératif » que les tensions s’apaisent.")
    q = one(extract("fr", text))
    assert q.speaker_name == "Christine Laval"


def test_declare_a_an_outlet_que(extract):
    text = ("Le juge en chef Paul Roy avait déclaré à CBC/Radio-Canada que « le juge n’a pas "
            "fauté ».")
    q = one(extract("fr", text))
    assert q.content == "« le juge n’a pas fauté »" and q.speaker_name == "Paul Roy"


def test_juge_en_chef_names_and_resolves(extract):
    text = ("C’est le juge en chef de la cour, Eugène Rosset, qui nommera un remplaçant au "
            "juge Paul Bocquet. « Je me récuse », a dit le juge Bocquet. Lors d’une conférence "
            "à Calgary en novembre dernier, loin de condamner la pratique, le juge en chef "
            "Rosset l’a même encouragée. Il a dit qu’il allait continuer. "
            "Plus tard, le juge en chef avait déclaré que le juge Bocquet n’avait pas fauté.")
    extraction = extract("fr", text)
    assert quote_with(extraction, "il allait continuer").speaker_name == "Eugène Rosset"
    assert quote_with(extraction, "le juge Bocquet n’avait").speaker_name == "Eugène Rosset"


def test_selon_inside_the_clause(extract):
    q = one(extract("fr", "Ce projet, selon la ministre Anne Roux, ne coûtera rien."))
    assert q.content == "Ce projet, selon la ministre Anne Roux, ne coûtera rien"
    assert q.speaker_name == "Anne Roux"


def test_a_programme_is_a_source(extract):
    text = "Selon l'émission Enquête, le juge avait participé à une soirée."
    q = one(extract("fr", text))
    assert q.content == "le juge avait participé à une soirée"


def test_qualifier_de_in_quotation_marks(extract):
    q = one(extract("fr", "La ministre Anne Roux a qualifié la réforme de « désastre annoncé »."))
    assert q.kind == "mixed" and q.content == "la réforme de « désastre annoncé »"


def test_a_l_en_croire(extract):
    text = ("Le prévenu Paul Soro a reconnu les faits. A l’en croire, cette rencontre visait "
            "à préparer la chasse.")
    q = quote_with(extract("fr", text), "cette rencontre")
    assert q.speaker_name == "Paul Soro"


def test_a_role_left_unclosed_before_the_verb(extract):
    text = "Claire Houpin, fondatrice WARA affirme « C’est une bonne décision ! »"
    q = one(extract("fr", text))
    assert q.speaker_name == "Claire Houpin"


def test_demande_tagged_as_a_noun_before_de_and_an_infinitive(extract):
    text = ("Pour la répression, l’avocat de la partie civile contracté par WARA pour défendre "
            "le Ministère de l’Environnement, demande au juge d’appliquer la peine maximale.")
    q = one(extract("fr", text))
    assert q.content == "d’appliquer la peine maximale"


def test_a_name_right_before_a_bare_role_is_its_holder_and_not_a_namesake(extract):
    text = ("Ses coauteurs, Foromo et Mory Koivogui, sont en fuite. Barrêt Koivogui chef "
            "d’antenne du massif du Ziama déclare « l’avocat a bien défendu l’État ».")
    q = quote_with(extract("fr", text), "l’avocat a bien")
    assert q.speaker_name == "Barrêt Koivogui"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # the parser takes the reported clause for the verb's subject, or cuts the sentence
        ("Trois fusils et des munitions y ont été retrouvés, a annoncé lundi soir le "
         "garde forestier du canton.", "Trois fusils et des munitions y ont été retrouvés",
         "le garde forestier du canton"),
        ("Plus de 40 camions de livraison ont bloqué la rocade de Rennes pendant deux heures, "
         "a indiqué mardi la préfecture de la région.",
         "Plus de 40 camions de livraison ont bloqué la rocade de Rennes pendant deux heures",
         "la préfecture de la région"),
        # a noun the word lists do not know as a person, after the reporting verb
        ("La digue a cédé dans la nuit, a expliqué le garde-pêche de la commune.",
         "La digue a cédé dans la nuit", "le garde-pêche de la commune"),
    ],
)
def test_reported_clause_before_an_inverted_subject(extract, text, content, speaker):
    q = one(extract("fr", text))
    assert (q.kind, q.content, q.speaker_mention) == ("indirect", content, speaker)


def test_a_tense_before_the_comma_is_not_an_inverted_attribution(extract):
    text = ("La juge a classé la plainte.\n"
            "L'avocat de la famille a, pour sa part, annoncé l'intention de son client de "
            "faire appel.")
    assert not [q for q in extract("fr", text).quotes if q.content.startswith("L'avocat")]


def test_an_indefinite_role_is_a_new_person_not_one_named_before(extract):
    text = ("Le maire Paul Girard a inauguré la salle.\n"
            "Une plainte va être déposée, a indiqué à la presse un membre du conseil.")
    q = quote_with(extract("fr", text), "Une plainte")
    assert q.speaker_mention == "un membre du conseil"
    assert q.speaker_name != "Paul Girard"


def test_a_passive_inside_the_quotation_does_not_make_the_cue_agentless(extract):
    text = ("La chercheuse Anne Vidal a présenté ses travaux.\n"
            "«Nous avons des plants qui ne sont pas malades alors qu'ils l'étaient avant», "
            "a-t-elle ajouté.")
    q = quote_with(extract("fr", text), "Nous avons des plants")
    assert q.kind == "direct" and q.speaker_name == "Anne Vidal"


def test_an_incise_inside_a_reported_clause_without_marks(extract):
    text = ("Le recteur Paul Andrieu a dressé le bilan.\n"
            "Ces résultats, a-t-il souligné, sont le fruit du travail des enseignants.")
    q = quote_with(extract("fr", text), "Ces résultats")
    assert q.content.endswith("sont le fruit du travail des enseignants")
    assert q.speaker_name == "Paul Andrieu"


def test_a_pronoun_inside_quoted_words_is_not_the_speaker_of_the_next_quotation(extract):
    text = ("« Mais le pays, ils le découvrent » : « À Brest, en 1950, une ville renaît. »")
    found = extract("fr", text).quotes
    assert not [q for q in found if q.speaker_mention == "ils"]


def test_a_dative_clitic_before_an_incise_verb_is_not_its_subject(extract):
    text = ("« Rien ne justifie la violence », écrit le syndicat.\n"
            "« Nous partageons cette condamnation », lui a fait écho le maire de la ville.")
    q = quote_with(extract("fr", text), "Nous partageons")
    assert q.speaker_mention == "le maire de la ville"


def test_a_participle_after_an_incise_shares_its_speaker(extract):
    text = ("Le directeur Paul Andrieu a reçu la presse.\n"
            "Le site restera ouvert, a-t-il ajouté, précisant que les travaux dureront un an.")
    extraction = extract("fr", text)
    q = quote_with(extraction, "les travaux dureront")
    assert q.speaker_name == "Paul Andrieu" and q.cue == "précisant"
    assert quote_with(extraction, "Le site restera").speaker_name == "Paul Andrieu"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("La maire s'est dite « très inquiète » après la fermeture de l'usine.",
         "très inquiète", "La maire"),
        # the parser hangs the subject on the opening participle
        ("Joint par téléphone, le voisin de la victime, Marc Oudin, s'est dit \"bouleversé\" "
         "et a déposé des fleurs.", "bouleversé", "Marc Oudin"),
    ],
)
def test_se_dire_with_a_quoted_adjective_is_a_quotation(extract, text, content, speaker):
    q = one(extract("fr", text))
    assert (q.kind, q.content, q.speaker_mention) == ("direct", content, speaker)


@pytest.mark.parametrize(
    ("text", "kind", "content"),
    [
        ("Selon Pierre Vasseur, conseiller municipal, le maire aurait renoncé au projet.",
         "indirect", "le maire aurait renoncé au projet"),
        ("Selon Marie Dupont, interrogée par l'AFP, le chantier reprendra lundi.",
         "indirect", "le chantier reprendra lundi"),
        # the subject of the reported clause is not an apposition
        ("Selon la police, les manifestants, environ 300, ont défilé dans le calme.",
         "indirect", "les manifestants, environ 300, ont défilé dans le calme"),
        ("Selon le maire, « la route sera rouverte demain ».", "direct",
         "la route sera rouverte demain"),
        ("Le parti a investi Anne Roux, mais, selon un communiqué de la fédération, il était "
         "prêt à y renoncer.", "indirect", "il était prêt à y renoncer"),
    ],
)
def test_what_selon_reports(extract, text, kind, content):
    q = one(extract("fr", text))
    assert (q.kind, q.content) == (kind, content)


def test_a_subject_with_its_relative_clause_before_the_comma_is_not_a_reported_clause(extract):
    text = ("L'association, qui avait réclamé la fermeture de la mine, a salué cette décision "
            "mardi.")
    found = extract("fr", text).quotes
    assert not [q for q in found if q.content.startswith("L'association")]
    assert not [q for q in found if q.speaker_mention and "décision" in q.speaker_mention]


def test_a_que_the_parser_hung_on_an_adverb_still_opens_the_whole_clause(extract):
    text = ("Le sélectionneur a rappelé que même lors des qualifications, l'équipe avait dû "
            "attendre la dernière minute.")
    q = one(extract("fr", text))
    assert q.content == ("même lors des qualifications, l'équipe avait dû attendre la "
                         "dernière minute")


def test_a_fronted_adverbial_before_the_subject_is_not_a_reported_clause(extract):
    text = ("La plainte a été classée mais, dix ans plus tard, l'ancien maire affirme que ses "
            "soupçons ont été confirmés.")
    q = one(extract("fr", text))
    assert q.content == "ses soupçons ont été confirmés"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # the tense of a light verb stands before the cue's words
        ("Les contrôles ont bien été faits, a fait savoir la ministre de la Justice.",
         "Les contrôles ont bien été faits", "la ministre de la Justice"),
        # a « si » inside the quotation is not a condition on the reporting verb
        ("«Ils n'ont aucun talent. Si, au golf», a ironisé le chroniqueur.",
         "Ils n'ont aucun talent. Si, au golf", "le chroniqueur"),
        # a person noun of everyday news
        ("L'assassin a avoué avoir frappé la victime après une dispute.",
         "avoir frappé la victime après une dispute", "L'assassin"),
    ],
)
def test_more_reporting_forms(extract, text, content, speaker):
    q = one(extract("fr", text))
    assert (q.content, q.speaker_mention) == (content, speaker)


@pytest.mark.parametrize(
    ("text", "start", "content"),
    [
        # the person warned, with circumstances before it, then « que »
        ("Le président a averti, samedi 4 mai, Moscou que la frontière serait fermée et que "
         "les visas seraient suspendus.", "la frontière",
         "la frontière serait fermée et que les visas seraient suspendus"),
        # circumstances between the cue and « qu' »
        ("La ministre a fait savoir mercredi lors de la présentation du plan du gouvernement "
         "en vue de la rentrée qu'en raison des risques, le masque sera obligatoire.",
         "en raison", "en raison des risques, le masque sera obligatoire"),
        # a gerund after an incise shares its speaker
        ("La directrice Anne Morel a parlé aux élèves. « Nous manquons de moyens », a-t-elle "
         "affirmé, tout en soulignant que les dons restent rares.", "les dons",
         "les dons restent rares"),
    ],
)
def test_clauses_after_circumstances_and_gerunds(extract, text, start, content):
    q = quote_with(extract("fr", text), start)
    assert q.content == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Le président a exhorté, dimanche 17 février, les Européens à rapatrier leurs "
         "ressortissants.", "à rapatrier leurs ressortissants"),
        ("La Commission a demandé à la fin de novembre à Londres de régler le litige des "
         "licences de pêche.", "de régler le litige des licences de pêche"),
    ],
)
def test_an_appeal_reaches_its_infinitive_past_the_person_addressed(extract, text, content):
    q = one(extract("fr", text))
    assert q.content == content


def test_a_noun_of_saying_with_a_copula_names_the_author_of_the_quotation_before(extract):
    text = ("«Nous avons évité le pire». La formule est du préfet de la région Paul Garnier, "
            "venu lundi sur place.")
    q = quote_with(extract("fr", text), "Nous avons évité")
    assert q.speaker_name == "Paul Garnier"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Le ministre a rappelé ce que tout le monde savait : la dette est trop lourde.",
         "la dette est trop lourde"),
        ("Le ministre a répété ce qu'il avait dit hier.", None),
    ],
)
def test_a_free_relative_object_is_not_what_was_said(extract, text, content):
    found = extract("fr", text).quotes
    assert [q.content for q in found] == ([content] if content else [])


def test_an_incise_tail_stops_before_another_report(extract):
    text = ("Mais ces textes, a-t-il regretté, « ne sont pas suffisants » et le président Paul "
            "Garnier a proposé de renforcer la loi.")
    found = extract("fr", text).quotes
    assert any(q.content == "de renforcer la loi" and q.speaker_name == "Paul Garnier"
               for q in found)
    assert not any("a proposé" in q.content for q in found)


@pytest.mark.parametrize(("text", "content", "cue"), [
    ("« Personne ne nous écoute », se désole Claire Vidal.", "Personne ne nous écoute",
     "se désole"),
    ("« Nous avons couru vers la sortie », se souvient-elle.", "Nous avons couru vers la sortie",
     "se souvient-elle"),
    ("« Le toit s'est effondré d'un coup », relate un voisin.", "Le toit s'est effondré d'un coup",
     "relate"),
    ("« Rien n'a changé depuis dix ans », se plaint le syndicaliste.",
     "Rien n'a changé depuis dix ans", "se plaint"),
])
def test_more_verbs_of_saying_attribute_a_quotation(extract, text, content, cue):
    q = quote_with(extract("fr", text), content)
    assert q.content == content
    assert q.cue == cue


@pytest.mark.parametrize(("text", "content", "speaker"), [
    # a dative clitic before the verb of an incise; a party's initials are no name
    ("« Nous avons été surpris, nous raconte le député PS. Ensuite, tout a changé ». Il est "
     "parti.", "Nous avons été surpris", "député PS"),
    # a straight quotation mark glued to « qu' »
    ("Paul Morel déclare qu'\"entre 1 et 2 millions\" de personnes ont voté.",
     '"entre 1 et 2 millions" de personnes ont voté', "Paul Morel"),
    # any verb with an inverted pronoun right after a quotation attributes it
    ("Le trésorier s'est excusé. « Il y a eu une erreur, rien de plus », a-t-il tenté de "
     "déminer.", "Il y a eu une erreur, rien de plus", "trésorier"),
    # a participle of a noun between the verb and « que »
    ("Le médiateur a souligné, dans des déclarations rapportées par la radio, qu'il "
     "resterait neutre.", "il resterait neutre", "médiateur"),
    # an infinitive in quotation marks right after « dit »
    ("Thomas Roy, qui dit « ne pas comprendre cette polémique », est parti.",
     "ne pas comprendre cette polémique", "Thomas Roy"),
    # a gerund after a reflexive verb has no clitic of its own
    ("Accusé de mentir, il se défend en indiquant qu'il s'agit de rumeurs. C'est Marc Dion.",
     "il s'agit de rumeurs", None),
    # an adverbial between the auxiliary and the participle of an incise
    ("« Un discours sans contenu », a par exemple résumé Claire Wiss, cheffe de file.",
     "Un discours sans contenu", "Claire Wiss"),
])
def test_attributions_across_clitics_marks_and_adverbials(extract, text, content, speaker):
    quotes = extract("fr", text).quotes
    found = [q for q in quotes if q.content.strip("«» ") == content]
    assert found, [q.content for q in quotes]
    q = found[0]
    if speaker is not None:
        assert speaker in (q.speaker_name or "")


def test_selon_ses_dires_speaks_for_the_possessor(extract):
    text = ("Marc Dion a reconnu une erreur. Selon ses dires, la procédure de validation est "
            "rigoureuse.")
    q = quote_with(extract("fr", text), "la procédure")
    assert q.speaker_name == "Marc Dion"
    assert q.cue == "Selon ses dires"


@pytest.mark.parametrize("text", [
    "Pour rappel, les violences avaient fait plus de 3 000 morts en cinq mois.",
    "La découverte d'armes chez son ami Paul Diallo dit « Soul to Soul », au plus fort de "
    "la crise, le fragilisait.",
])
def test_set_phrases_and_nicknames_are_not_quotations(extract, text):
    assert [q.content for q in extract("fr", text).quotes] == []


@pytest.mark.parametrize(("text", "content", "speaker"), [
    # what a speaker says of themselves with « se dire »
    ("Les infirmières se disent à bout de souffle après la grève.",
     "à bout de souffle après la grève", "infirmières"),
    # the infinitive of narration continues the report before it
    ("Amal Benali dirige le centre. « Chaque donneur compte », détaille-t-elle. Et de préciser "
     "que la collecte a doublé.", "la collecte a doublé", "Amal Benali"),
    # a pull-quote credited with a dash
    ("Paul Dorval vend des glaces au port.\n« Tout a augmenté, même le sucre. » — Paul Dorval, "
     "marchand.", "Tout a augmenté, même le sucre.", "Paul Dorval"),
    # « évaluer que »: an estimate reported
    ("Le bureau de l'ONU évalue que 3 millions de personnes ont faim.",
     "3 millions de personnes ont faim", "ONU"),
])
def test_self_description_narrative_infinitive_and_credits(extract, text, content, speaker):
    quotes = extract("fr", text).quotes
    found = [q for q in quotes if q.content == content]
    assert found, [q.content for q in quotes]
    assert speaker in (found[0].speaker_name or "")


def test_pour_before_a_clause_that_introduces_its_own_speaker_is_a_purpose(extract):
    text = ("Pour les patients qui auraient du mal à arrêter, le psychiatre Paul Orsini se veut "
            "rassurant : « Ce n'est pas mortel. »")
    quotes = extract("fr", text).quotes
    assert [q.speaker_name for q in quotes] == ["Paul Orsini"]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Mais Thomas Clay précise tout de même que le chiffre final sera plus élevé.",
     "le chiffre final sera plus élevé", "Thomas Clay"),
    ("Jean Morel a parlé. \"Les résultats seront annoncés ce soir\", nous assure le "
     "parlementaire.", "Les résultats seront annoncés ce soir", "Jean Morel"),
])
def test_adverb_locutions_and_dative_clitics_around_the_cue(extract, text, content, speaker):
    quotes = extract("fr", text).quotes
    found = [q for q in quotes if q.content == content]
    assert found, [q.content for q in quotes]
    assert found[0].speaker_name == speaker


@pytest.mark.parametrize(("lang", "text", "start", "speaker"), [
    ("fr", "Le nombre de colonies a doublé, selon un rapport de l'ONG Shalom Watch.",
     "Le nombre de colonies", "Shalom Watch"),
    ("fr", "Le nombre de colonies a doublé depuis octobre, a affirmé une étude de l'ONG Shalom "
           "Watch publiée vendredi.", "Le nombre de colonies", "Shalom Watch"),
])
def test_a_report_speaks_for_its_author(extract, lang, text, start, speaker):
    q = quote_with(extract(lang, text), start)
    assert q.speaker_name == speaker


def test_data_are_no_statement(extract):
    text = "Selon les chiffres du ministère, le chômage a baissé en mars."
    assert [q.content for q in extract("fr", text).quotes] == []


def test_any_verb_right_after_a_quotation_with_a_named_subject_attributes_it(extract):
    text = "« Ce dossier ne tient pas debout », gronde Me Lucie Vernet, avocate de la famille."
    q = one(extract("fr", text))
    assert q.content == "Ce dossier ne tient pas debout"
    assert q.speaker_name == "Lucie Vernet" and q.cue == "gronde"


def test_a_participle_after_a_quoted_title_attributes_nothing(extract):
    text = "Le film « Les Nuits de la ville », réalisé par Hugo Ferrand, sort mercredi."
    assert extract("fr", text).quotes == []


def test_light_verb_cue_with_an_adverb_and_a_colon_quotation(extract):
    text = ("Le député Marc Lenoir a également mis en garde contre une hausse des loyers : "
            "« Si rien ne change, les familles partiront. »")
    q = one(extract("fr", text))
    assert q.content == "Si rien ne change, les familles partiront."
    assert q.speaker_name == "Marc Lenoir" and q.cue_class == "warning"


def test_appeal_with_an_infinitive_in_straight_marks(extract):
    text = "Un média proche du groupe armé appelait ses lecteurs à \"frapper\" des civils."
    q = one(extract("fr", text))
    assert q.content == 'à "frapper" des civils' and q.speaker_type == "org"


def test_selon_inside_a_sentence_gives_the_quotation_that_follows_it(extract):
    text = ("Le prévenu, dont, selon Me Paul Girard, avocat de plusieurs parties civiles, "
            "\"la dérive est ancienne et profonde\", est resté muet. Les écoutes ont démontré, "
            "selon l'accusation, \"que son amnésie était feinte\".")
    quotes = extract("fr", text).quotes
    assert [(q.content, q.speaker_mention) for q in quotes] == [
        ("la dérive est ancienne et profonde", "Me Paul Girard"),
        ("que son amnésie était feinte", "l'accusation"),
    ]
    assert all(q.kind == "direct" for q in quotes)


def test_reproach_with_a_long_addressee_before_its_infinitive(extract):
    text = ("Mais le président Karl Weber, qui reproche à ses deux partenaires européens de ne "
            "pas en faire assez pour freiner la fraude, leur a accordé un délai.")
    q = one(extract("fr", text))
    assert q.content.startswith("de ne pas en faire assez") and q.cue_class == "criticism"
    assert q.speaker_name == "Karl Weber"


def test_participle_after_an_attribution_with_a_named_subject(extract):
    text = ("« Un homme a succombé », a écrit Paul Girard, précisant que l’attaque avait eu "
            "lieu dans la nuit.")
    q = quote_with(extract("fr", text), "l’attaque avait eu lieu")
    assert q.speaker_name == "Paul Girard" and q.cue == "précisant"


def test_bare_infinitive_after_a_time_set_off_by_commas(extract):
    text = "Le ministre Karl Weber a assuré, lundi soir, ne pas vouloir démissionner."
    q = one(extract("fr", text))
    assert q.content == "ne pas vouloir démissionner" and q.speaker_name == "Karl Weber"


def test_a_movement_speaks(extract):
    text = "Le mouvement écologiste a déclaré que la marche aurait lieu samedi."
    q = one(extract("fr", text))
    assert q.content == "la marche aurait lieu samedi" and q.speaker_type == "org"


def test_a_verb_of_saying_the_tagger_read_as_an_adjective(extract):
    text = "De son côté, la direction de l'usine rétorque que les grévistes ont commencé."
    q = one(extract("fr", text))
    assert q.content == "les grévistes ont commencé" and q.cue == "rétorque"


def test_an_auxiliary_the_tagger_misread_keeps_the_attribution(extract):
    text = "« Comme tous les habitants, je reste à l’abri », a tweeté l’ambassadeur, Paul Girard."
    q = one(extract("fr", text))
    assert q.content.startswith("Comme tous les habitants") and q.speaker_name == "Paul Girard"


def test_an_adverb_locution_before_a_bare_infinitive_is_not_reported(extract):
    text = ("La ministre Anne Roussel assure en outre avoir toujours le soutien du groupe. "
            "Le maire Paul Girard affirme par ailleurs ne rien savoir.")
    quotes = extract("fr", text).quotes
    assert [q.content for q in quotes] == ["avoir toujours le soutien du groupe",
                                           "ne rien savoir"]


def test_a_person_named_after_a_title_inside_the_subject_is_not_the_speaker(extract):
    text = ("Les Forces de soutien rapide du général Omar Salih assurent tenir l’aéroport "
            "international.")
    q = one(extract("fr", text))
    assert q.speaker_type != "person" and "Omar Salih" != q.speaker_name


def test_a_reporting_participle_hung_on_a_noun_of_the_clause_ends_it(extract):
    text = ("Le gouvernement Dubois a assuré jeudi que la réforme n'était pas dans une impasse, "
            "contestant des propos du syndicat.")
    q = quote_with(extract("fr", text), "la réforme")
    assert q.content == "la réforme n'était pas dans une impasse"


def test_a_participle_hung_on_the_reporting_verb_as_a_modifier_shares_its_speaker(extract):
    text = ("Il a admis que la crise avait \"détourné l'attention\" du public.\n"
            "\"Nous nous sommes déjà retrouvés dans des situations très difficiles\", a noté "
            "le président ukrainien, ajoutant : \"Je suis absolument certain que nous allons "
            "réussir.\"")
    q = quote_with(extract("fr", text), "Je suis absolument certain")
    assert q.speaker_mention == "le président ukrainien" and q.cue == "ajoutant"


def test_a_second_person_subject_is_no_dative_clitic_of_an_inversion(extract):
    text = ("Avant même la fin du chantier, vous pourrez aussi, si après vous être rendu sur "
            "place, vous relevez des défauts graves de sécurité, refuser de continuer le "
            "travail. « Il faut partir », nous assure Paul Girard.")
    quotes = extract("fr", text).quotes
    assert [(q.content, q.speaker_name) for q in quotes] == [("Il faut partir", "Paul Girard")]


def test_a_body_s_view_after_pour_only_from_its_quoted_words(extract):
    text = ("Pour la préfecture, « la situation reste très tendue dans le quartier ». "
            "Pour l'école, c'est un changement important.")
    quotes = extract("fr", text).quotes
    assert [(q.content, q.speaker_mention) for q in quotes] == [
        ("la situation reste très tendue dans le quartier", "la préfecture")]


def test_a_future_or_conditional_could_say_reports_nothing(extract):
    text = ("Ainsi le président Paul Girard pourra-t-il dire qu'il a tenu parole. Le ministre "
            "Marc Lenoir a pu dire que la réforme avançait.")
    quotes = extract("fr", text).quotes
    assert [q.content for q in quotes] == ["la réforme avançait"]


def test_selon_inside_a_clause_whose_verb_waits_for_its_complement(extract):
    text = ("M. Lenoir défend une sortie rapide du charbon. La centrale doit être, selon lui, "
            "la première à fermer dès l'an prochain.")
    q = quote_with(extract("fr", text), "La centrale doit être")
    assert q.content == "La centrale doit être, selon lui, la première à fermer dès l'an prochain"


@pytest.mark.parametrize(("lang", "text", "content", "speaker"), [
    # a paragraph that is one quotation, a line with the full name under it (web pull quotes)
    ("fr", "La ministre Claire Daunois a présenté son plan jeudi devant les maires.\n"
     "\"Nous ne fermerons aucune école rurale cette année.\"\nClaire Daunois\n"
     "lors de son discours à Rodez\nLes maires ont applaudi.",
     "Nous ne fermerons aucune école rurale cette année.", "Claire Daunois"),
    ("en", "The mayor, Tom Ridley, spoke for an hour on Monday.\n"
     "\"We will open the bridge before the winter.\"\nTom Ridley\nat the town hall meeting\n"
     "The council voted later.", "We will open the bridge before the winter.", "Tom Ridley"),
])
def test_a_quotation_paragraph_credited_by_the_name_line_under_it(extract, lang, text,
                                                                    content, speaker):
    found = [q for q in extract(lang, text).quotes if q.content == content]
    assert found and found[0].speaker_name == speaker
    assert found[0].speaker_mention == speaker


def test_a_line_under_a_quotation_that_is_not_a_name_credits_nobody(extract):
    text = ("Le conseil s'est réuni jeudi.\n\"Nous ne fermerons aucune école.\"\n"
            "Les Élus Ont Voté Ensuite\nLa séance a été levée.")
    quotes = extract("fr", text).quotes
    assert all(q.speaker_mention != "Les Élus Ont Voté Ensuite" for q in quotes)


@pytest.mark.parametrize(("text", "content", "speaker"), [
    # an incise with a reflexive verb the lexicon does not list, inverted subject named
    ("« J'ai toujours soutenu les grévistes », s'est justifié Marc Vernet, le 3 mai.",
     "J'ai toujours soutenu les grévistes", "Marc Vernet"),
    ("« Nos parents n'ont jamais vu une finale. Donc c'est un jour merveilleux », "
     "s'enflammait Karim Diallo, 31 ans, chauffeur.",
     "Nos parents n'ont jamais vu une finale. Donc c'est un jour merveilleux", "Karim Diallo"),
    # « Pour » + role + name in apposition: that person's view
    ("Pour le ministre délégué aux Comptes publics, Paul Lenoir, c'est « le défi des dix "
     "prochaines années ». Le déficit a doublé.", "c'est « le défi des dix prochaines années »",
     "Paul Lenoir"),
    # the infinitive reported after a phrase saying where it was said
    ("Les organisateurs ont affirmé dans un communiqué vouloir protester contre la hausse des "
     "loyers.", "vouloir protester contre la hausse des loyers", "organisateurs"),
    # the subject's own name, not the organisation named in its apposition
    ("« Nous irons jusqu'au bout », a expliqué LaTonya Greene, cofondatrice de "
     "l’organisation Black Voters Matter.", "Nous irons jusqu'au bout", "LaTonya Greene"),
])
def test_incises_pour_and_subjects_the_tagger_misreads(extract, text, content, speaker):
    found = [q for q in extract("fr", text).quotes if q.content == content]
    assert found, [q.content for q in extract("fr", text).quotes]
    assert speaker in (found[0].speaker_name or "")


def test_a_function_the_tagger_read_as_an_adjective_is_still_the_speaker(extract):
    text = ("« Nous devrons faire beaucoup plus pour notre propre sécurité dans les années à "
            "venir », a ajouté le futur chancelier.")
    quotes = extract("fr", text).quotes
    assert [q.speaker_mention for q in quotes] == ["le futur chancelier"]


@pytest.mark.parametrize(("lang", "text", "contents"), [
    ("fr", "« Nous avons gagné la manche », mais « le plus dur reste à faire », a affirmé Paul "
     "Durand.", ["Nous avons gagné la manche", "le plus dur reste à faire"]),
    ("en", "\"We won the first round,\" and \"the hard part is still ahead,\" the mayor said.",
     ["We won the first round,", "the hard part is still ahead,"]),
])
def test_two_quotations_joined_by_a_conjunction_before_the_cue_are_two(extract, lang, text,
                                                                       contents):
    quotes = extract(lang, text).quotes
    assert [q.content for q in quotes] == contents
    assert len({q.speaker_id for q in quotes}) == 1


def test_a_quotation_that_is_the_subject_of_the_reported_clause(extract):
    text = ("Depuis jeudi matin, « un total de 37 avions de combat » ont pénétré la zone, a "
            "annoncé le porte-parole du ministère, Paul Chen.")
    quotes = extract("fr", text).quotes
    assert [q.speaker_name for q in quotes] == ["Paul Chen"]
    assert quotes[0].content.startswith("Depuis jeudi matin, « un total")


def test_pour_maitre_x_gives_the_lawyers_view(extract):
    text = "Le dossier est mince. Pour Me Dupuis, « on marche sur la tête »."
    quotes = extract("fr", text).quotes
    assert [(q.content, q.speaker_name) for q in quotes] == [("on marche sur la tête", "Dupuis")]


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "L'avocate défend un ancien postier et syndicaliste."),
    ("en", "The lawyer defends a former postman in the case."),
])
def test_defending_a_person_is_acting_for_a_client_not_a_stance(extract, lang, text):
    assert extract(lang, text).quotes == []


@pytest.mark.parametrize(("lang", "text", "content"), [
    ("fr", "Le ministre a accusé les syndicats, « qui sont minoritaires dans le secteur », de "
     "vouloir bloquer le pays.", "de vouloir bloquer le pays"),
    ("en", "The mayor accused the company, which owns the plant, of hiding the leak.",
     "of hiding the leak"),
])
def test_an_accusation_past_a_relative_clause_describing_the_accused(extract, lang, text,
                                                                    content):
    assert [q.content for q in extract(lang, text).quotes] == [content]


def test_a_paragraph_ending_with_a_colon_introduces_the_quotation_paragraph_after_it(extract):
    text = ("Sur les transports\nPaul Renaud parle ensuite de la ligne de bus supprimée :\n"
            "« Les gens attendent une heure sous la pluie. C'est indigne. »\n"
            "La mairie n'a pas répondu.")
    quotes = extract("fr", text).quotes
    assert [(q.content, q.speaker_name) for q in quotes] == [
        ("Les gens attendent une heure sous la pluie. C'est indigne.", "Paul Renaud")]


def test_an_irish_name_is_one_word_in_french_text(extract):
    text = ("Invitée à réagir au micro de RMC, Claire O'Malley estime que le problème vient "
            "de l'école publique.")
    quotes = extract("fr", text).quotes
    assert [(q.speaker_mention, q.speaker_name) for q in quotes] == [
        ("Claire O'Malley", "Claire O'Malley")]


@pytest.mark.parametrize(("text", "contents", "mention"), [
    # an incise inside a quotation, whatever its verb
    ("Il a perdu son travail. « Je tremblais, frissonne-t-il. Ça revient parfois. » Il dort mal.",
     ["Je tremblais", "Ça revient parfois."], "il"),
    # « finir par » + the verb of saying, known or not
    ("L'avocat a plaidé. « Nous sommes devant une énigme », finit par ironiser la juge.",
     ["Nous sommes devant une énigme"], "la juge"),
    ("« C'est assez pour aujourd'hui », finit par glousser la présidente.",
     ["C'est assez pour aujourd'hui"], "la présidente"),
    # a verb of the incise the tagger read as an adjective
    ("Le père est venu. « Les policiers font ce qu'ils veulent », marmonne le paternel, en "
     "sortant.", ["Les policiers font ce qu'ils veulent"], "le paternel"),
])
def test_incises_with_verbs_the_lexicon_or_the_tagger_miss(extract, text, contents, mention):
    quotes = extract("fr", text).quotes
    assert [q.content for q in quotes] == contents
    assert {q.speaker_mention for q in quotes} == {mention}


@pytest.mark.parametrize(("text", "content", "mention", "name"), [
    # a surname with a capitalised particle, hung apart from its title or given name
    ("« Nous gagnerons vite », a dit Marine Le Goff.", "Nous gagnerons vite", "Marine Le Goff",
     "Marine Le Goff"),
    # a body named right after the noun of its kind
    ("Comme l'a rappelé l'hebdomadaire régional La Gazette du Jura, la route restera fermée.",
     "la route restera fermée", "La Gazette du Jura", "La Gazette du Jura"),
])
def test_names_beside_their_title_or_kind(extract, text, content, mention, name):
    q = quote_with(extract("fr", text), content)
    assert q.speaker_mention == mention and name in q.speaker_name


@pytest.mark.parametrize(("text", "content", "mention"), [
    # the object clitic announces the clause; a comma stands for the colon
    ("Anne Le Goff le reconnaît volontiers, la réforme ne sera votée qu'en juin.",
     "la réforme ne sera votée qu'en juin", "Anne Le Goff"),
    ("Le maire l'a répété lundi, la commune ne paiera pas les travaux.",
     "la commune ne paiera pas les travaux", "Le maire"),
])
def test_a_clitic_announcing_the_clause_after_a_comma(extract, text, content, mention):
    q = quote_with(extract("fr", text), content)
    assert q.speaker_mention == mention and q.kind == "indirect"


def test_a_clitic_then_the_narrative_going_on_is_no_quotation(extract):
    text = "Le préfet l'a dit, puis il est reparti vers Lyon."
    assert extract("fr", text).quotes == []


def test_a_fronted_subordinate_clause_is_not_reported(extract):
    text = ("Le syndicat a parlé. Alors que de nombreuses stations-service sont en rupture de "
            "stock, le syndicat s'est engagé à poursuivre la grève.")
    quotes = extract("fr", text).quotes
    assert [q.content for q in quotes] == ["à poursuivre la grève"]


def test_a_statement_speaks_for_whoever_issued_it(extract):
    text = ("Mardi, le parquet de Lyon a publié un communiqué indiquant que l'enquête était "
            "close.")
    q = quote_with(extract("fr", text), "l'enquête était close")
    assert q.speaker_mention == "le parquet de Lyon"


def test_a_report_inside_a_report_stays_in_its_clause(extract):
    # the comma closes an adverbial of the reported clause, not the clause itself
    text = ("Une syndicaliste a indiqué que lors du conseil académique, le recteur a répondu "
            "qu'il n'y aurait pas de retenues sur salaire.")
    q = quote_with(extract("fr", text), "lors du conseil")
    assert q.content.endswith("retenues sur salaire") and q.cue == "a indiqué"


def test_a_participle_after_the_closing_mark_is_the_writer_s(extract):
    text = ("M. Dupont a également appelé son auditoire à « nommer l'adversaire », évoquant les "
            "extrémistes et la violence, « les prêcheurs autoproclamés qui font l'apologie de la "
            "haine ».")
    q = quote_with(extract("fr", text), "à « nommer")
    assert q.content == "à « nommer l'adversaire »"


@pytest.mark.parametrize(("text", "content", "speaker"), [
    # a lower-case compound kept whole (the parse of « état - major » had no subject)
    ("La ville est calme. Selon l'état-major ukrainien, « la situation dans l'est reste "
     "difficile ».", "la situation dans l'est", "état-major"),
    # whoever published or obtained the data
    ("La ville est calme. D'après les données obtenues par le site Mediapart, près de 20 000 "
     "salariés ont quitté l'entreprise.", "près de 20 000 salariés", "Mediapart"),
    ("La ville est calme. La CGT portera l'affaire devant la justice, comme rapporté par le "
     "quotidien La Dépêche.", "La CGT portera", "La Dépêche"),
])
def test_sources_of_selon_and_its_kin(extract, text, content, speaker):
    q = quote_with(extract("fr", text), content)
    assert speaker.lower() in q.speaker_name.lower()


def test_a_quoted_object_of_a_verb_of_praise_is_a_mixed_quotation(extract):
    text = ("Paris appuyait les troupes. En réaction, le gouvernement a salué « une nouvelle "
            "étape vers la souveraineté » de son pays, parlant de « moment historique ».")
    q = quote_with(extract("fr", text), "« une nouvelle étape")
    assert q.content == "« une nouvelle étape vers la souveraineté » de son pays"
    assert q.kind == "mixed" and q.speaker_mention == "le gouvernement"


def test_a_subject_hung_on_the_auxiliary_still_speaks(extract):
    text = ("Le maire est venu. Il a par ailleurs indiqué que sa mandature sera placée sous le "
            "signe de la mobilisation.")
    q = quote_with(extract("fr", text), "sa mandature")
    assert q.speaker_mention == "Il" and q.speaker_name == "maire"


@pytest.mark.parametrize("text", [
    "« Elles ont été insultées », a expliqué M. Gabrelle, en précisant que des joueuses avaient "
    "déjà subi des insultes racistes.",
    "« L’une a été traitée de “voyou” et l’autre de “sale gamine” », a expliqué M. Gabrelle, en "
    "précisant que des joueuses de l’équipe réserve de Lyon avaient déjà subi des insultes deux "
    "semaines auparavant.",
])
def test_a_gerund_after_an_incise_shares_its_speaker(extract, text):
    q = quote_with(extract("fr", text), "des joueuses")
    assert q.speaker_name == "Gabrelle"


def test_etre_d_avis_que_reports_an_opinion(extract):
    text = ("Le juge a parlé. Me Dumont est d'avis que la défense devait assumer ses "
            "responsabilités.")
    q = quote_with(extract("fr", text), "la défense devait")
    assert q.speaker_name == "Dumont" and q.cue_class == "cognition"


@pytest.mark.parametrize(("text", "content", "cue"), [
    ("La ville est calme. Dr Sall a renseigné qu'un nouveau diffuseur accompagnera le produit.",
     "un nouveau diffuseur", "a renseigné"),
    ("La ville est calme. De l'avis de Dr Sall, ces innovations ont valu au projet plusieurs "
     "distinctions.", "ces innovations", "De l'avis de"),
])
def test_west_african_press_forms(extract, text, content, cue):
    q = quote_with(extract("fr", text), content)
    assert q.speaker_name == "Sall" and q.cue == cue


def test_de_l_avis_de_inside_a_clause_attributes_nothing(extract):
    text = ("La loi prévoit une urgence absolue, pour laquelle un agent pourra se passer de l'avis "
            "de la commission. De l'autre, une urgence limitée.")
    assert extract("fr", text).quotes == []


def test_an_impersonal_passive_with_its_document_names_the_issuer(extract):
    text = ("Le pétrole coule. « Tous les soldats auront quitté le pays », est-il indiqué dans un "
            "communiqué des forces armées tchadiennes.")
    q = quote_with(extract("fr", text), "Tous les soldats")
    assert "forces armées" in q.speaker_name


def test_an_acronym_tagged_a_verb_does_not_end_the_window(extract):
    text = ("Le président Paul Sall a déclaré à la chaîne de télévision RTS que les réservoirs se "
            "remplissaient.")
    q = quote_with(extract("fr", text), "les réservoirs")
    assert q.speaker_name == "Paul Sall"


@pytest.mark.parametrize(("text", "content", "cue"), [
    ("Le sélectionneur est en France. Paul Ravalo a déjà mentionné qu'il va rester quelques jours "
     "à Paris.", "il va rester quelques jours", "a déjà mentionné"),
    ("Le parlement a repris. Paul Ravalo a sommé les députés de prendre leurs responsabilités.",
     "de prendre leurs responsabilités", "a sommé"),
])
def test_more_verbs_of_saying(extract, text, content, cue):
    q = quote_with(extract("fr", text), content)
    assert q.cue == cue and q.speaker_name == "Paul Ravalo"


def test_an_inverted_name_tagged_a_verb_is_the_speaker_not_the_content(extract):
    text = ("La banque a parlé. « Nous sommes heureux de faire partie de ce partenariat vital », a "
            "déclaré Sidi Ould Tah, le président de la banque.")
    quotes = extract("fr", text).quotes
    assert [q.content for q in quotes] == [
        "Nous sommes heureux de faire partie de ce partenariat vital"]
    assert quotes[0].speaker_mention == "Sidi Ould Tah"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("La fédération a annoncé vendredi faire appel de la décision du tribunal.",
         "faire appel de la décision du tribunal"),
    ],
)
def test_a_date_between_the_cue_and_its_bare_infinitive(extract, text, content):
    q = quote_with(extract("fr", text), content.split()[0])
    assert q.content == content


def test_a_noun_after_au_is_not_the_infinitive_that_ends_the_search(extract):
    # « au pouvoir »: the tagger's infinitive after an article is the noun « le pouvoir »
    text = "L'ONU a appelé les militaires au pouvoir à rendre le pouvoir aux civils."
    q = quote_with(extract("fr", text), "à rendre")
    assert q.content == "à rendre le pouvoir aux civils"
    assert q.speaker_name == "ONU"


def test_a_toll_communicated_by_someone_after_a_date(extract):
    # « un bilan communiqué samedi 4 mai par les autorités »: « communiqué » tagged a noun,
    # the agent hung on the date; the authorities are still the source
    text = ("Crue meurtrière en Italie. Au moins 32 personnes sont mortes dans une crue qui a "
            "dévasté une région reculée du pays, selon un nouveau bilan provisoire communiqué "
            "samedi 4 novembre par les autorités italiennes.")
    q = quote_with(extract("fr", text), "Au moins 32")
    assert q.speaker_mention == "les autorités italiennes"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Le ministre Paul Martin a parlé longtemps. Ce dernier de rappeler que la loi est "
         "claire.", "la loi est claire", "Paul Martin"),
        ("La présidente de la région a reçu les élus. La présidente de la région de marteler "
         "qu'aucun budget ne serait coupé.", "aucun budget ne serait coupé", None),
    ],
)
def test_an_infinitive_of_narration_after_its_subject(extract, text, content, speaker):
    # « X de rappeler que … »: the historic infinitive reports, its subject opens the sentence
    q = quote_with(extract("fr", text), content.split()[0])
    assert q.content == content
    assert q.speaker_type == "person"
    if speaker is not None:
        assert q.speaker_name == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Paul Martin a parlé. « Mais ce scénario me semble vraiment envisagé », estime celui "
         "qui est aussi professeur à l'université.", "Paul Martin"),
        ("Marie Dupont a parlé. « Mais cette hypothèse me semble vraiment sérieuse », estime "
         "celle qui est aussi avocate au barreau de Paris.", "Marie Dupont"),
    ],
)
def test_celui_qui_describes_the_person_just_named(extract, text, speaker):
    q = quote_with(extract("fr", text), "Mais")
    assert q.speaker_name == speaker


def test_celui_de_is_nobody(extract):
    text = "Paul Martin a parlé. Le prix est élevé, selon celui de la banque."
    assert all(q.speaker_name != "Paul Martin" for q in extract("fr", text).quotes)


def test_faire_comprendre_que_reports(extract):
    text = "La présidente du syndicat a fait comprendre que la grève continuerait lundi."
    q = quote_with(extract("fr", text), "la grève")
    assert q.content == "la grève continuerait lundi"


def test_a_participle_hung_on_the_object_of_a_clause_speaks_for_its_subject(extract):
    # « a donné sa version des faits notant que … »: the tagger hung « notant » on « faits »
    text = ("M. Berrada a donné sa version des faits notant que l'incendie a commencé alors que "
            "les visiteurs quittaient les lieux.")
    q = quote_with(extract("fr", text), "l'incendie")
    assert q.speaker_name == "Berrada"


def test_selon_la_version_de_names_its_author(extract):
    text = ("Selon la version du ministère de la Défense, le pilote était un officier de "
            "réserve affecté à la base aérienne.")
    q = quote_with(extract("fr", text), "le pilote")
    assert q.speaker_mention == "ministère de la Défense"


def test_devait_elle_ajouter_tells_what_was_said_next(extract):
    text = ("La juge Anne Roux a pris la parole. « Les témoins seront entendus lundi », "
            "devait-elle ajouter.")
    q = quote_with(extract("fr", text), "Les témoins")
    assert q.speaker_name == "Anne Roux"
    assert q.cue == "devait-elle ajouter"


def test_lit_on_dans_la_declaration_speaks_for_its_issuer(extract):
    text = ("Le ministère belge de la Santé a publié une déclaration. « Nous adressons nos "
            "condoléances aux familles », lit-on dans la déclaration.")
    q = quote_with(extract("fr", text), "« Nous adressons")
    assert q.speaker_type == "org"
    assert "ministère" in q.speaker_name
