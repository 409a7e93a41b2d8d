"""Source stage: the mention a quotation is attributed to.

The speaker is the subject of the cue verb: before it ("X a déclaré"), inverted after it
("a déclaré X", "said X", "a-t-il ajouté"), or inherited from the verb it depends on (a
participle "ajoutant que", a coordinated "and said", a light verb "a fait savoir"). A subject
made of a role and a name ("le ministre de la Santé Roman Prymula", "the leader of Ennahda,
Rachid Ghannouchi") gives the name; a relative pronoun ("who", "qui") points to its antecedent.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from pipeline.nlp.context import DocContext
from pipeline.nlp.cues import (
    Cue,
    after_quotation_and_subject,
    auxiliary_before_pronoun_incise,
    cue_group_start,
    cue_word,
    inverted_pronoun,
    norm_token,
    same_form_conjunct,
    subject_after_coordinator,
)

SUBJECT_DEPS = {"nsubj", "nsubj:pass", "expl:subj"}
_CLIMB_DEPS = {"conj", "xcomp", "advcl", "dep", "parataxis", "ccomp"}
_NP_LEFT_DEPS = {"det", "amod", "compound", "nummod", "poss", "nmod:poss", "flat", "flat:name",
                 "fixed", "quantmod", "nn", "case"}
_NP_RIGHT_DEPS = {"flat", "flat:name", "fixed", "amod", "compound", "nmod", "prep", "pobj",
                  "nummod", "case", "det"}
PERSON_LABELS = {"PER", "PERSON"}
NAME_LABELS = {"PER", "PERSON", "ORG", "GPE", "NORP", "MISC", "LOC", "FAC"}


@dataclass(frozen=True, slots=True)
class SpeakerMention:
    """The words a quotation is attributed to."""

    start: int  # character span of the mention (the name when the subject has one)
    end: int
    kind: str  # name / role / pronoun / relative / group / anonymous / first
    head: int  # token index of the mention's head
    np_start: int  # character span of the whole noun phrase
    np_end: int
    antecedent: int | None = None  # token index a relative pronoun refers to

    def text(self, doc_text: str) -> str:
        return doc_text[self.start:self.end]


# ------------------------------------------------------------------------------- subjects


def bare_participle(token: Token) -> bool:
    """A verb without a determiner (« Invité sur France Inter, … ») is no subject, unlike a
    participle made a noun (« le principal intéressé »)."""
    return token.pos_ in ("VERB", "AUX") and not any(c.dep_ == "det" for c in token.children)


def grammatical_subject(verb: Token, ctx: DocContext) -> Token | None:
    subjects = []
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and not child.text.startswith("-t") and not (
                child.dep_.startswith("nsubj") and bare_participle(child)):
            if child.dep_ == "expl:subj" and ctx.lexicon.pronoun(child.text) is None:
                continue
            if ctx.lang == "fr" and child.lower_.replace("’", "'") == "l'" and child.i < verb.i:
                continue  # « comme l'a souligné X »: an object clitic, X is the subject
            if ctx.lang == "fr" and child.lower_ in ("lui", "leur") and child.i < verb.i and \
                    child.i + 1 < len(child.doc) and child.doc[child.i + 1].pos_ in (
                        "AUX", "VERB"):
                continue  # « …, lui a fait écho X »: a dative clitic right before the verb
            if child.dep_ == "nsubj:pass" and not any(
                    c.dep_ in ("obl:agent", "agent") for c in verb.children) \
                    and not _active_despite_label(verb):
                continue
            if _hyphenated_tail(child.i, child.doc):
                child = child.doc[child.i - 2]  # « Kim Jong-un a dit »: "un" parsed the subject
            subjects.append(child)
    if not subjects:
        # « Il a par ailleurs indiqué »: the parser hung the subject on the auxiliary
        subjects = [c for aux in verb.children if aux.dep_.startswith("aux") and aux.i < verb.i
                    for c in aux.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i < aux.i
                    and not c.text.startswith("-")]
    if subjects:
        # several subjects ("le tabloïd Blesk", "c'est ainsi qu'il a dit"): the nearest one
        # before the verb is the one that governs it
        before = [c for c in subjects if c.i < verb.i]
        return before[-1] if before else subjects[0]
    for child in verb.children:  # passive with agent: "annoncé par le ministre"
        if child.dep_ in ("obl:agent", "agent"):
            inner = [c for c in child.subtree if c.pos_ in ("NOUN", "PROPN", "PRON")]
            if inner:
                return inner[0] if child.dep_ == "agent" else child
    return None


def _impersonal_document_source(cue: Cue, ctx: DocContext) -> Token | None:
    """ « « … », est-il indiqué dans un communiqué des forces armées »: an impersonal passive
    whose text is named after it; the body that issued the text is the speaker."""
    if ctx.lang != "fr" or cue.inverted is None or cue.inverted.lower_.lstrip("-") != "il" or \
            not any(c.dep_ in ("aux:pass", "auxpass") for c in cue.token.children):
        return None
    for child in cue.token.children:
        if child.i > cue.token.i and child.pos_ == "NOUN" and any(
                g.dep_ == "case" and g.lower_ == "dans" for g in child.children):
            author = author_of_statement(child, ctx)
            if author.i != child.i:
                return author
    return None


def _gerund_after_report(cue: Cue, ctx: DocContext) -> Token | None:
    """The reporting verb before « , en + participle » (a French gerund set off by a
    comma), when the cue is that participle."""
    if ctx.lang != "fr" or not _participle(cue.token):
        return None
    en = ctx.previous_word(cue.token.i)
    comma = ctx.previous_word(en.i) if en is not None else None
    if en is None or en.lower_ != "en" or comma is None or comma.text != ",":
        return None
    return _reporting_verb_before(comma, ctx)


def _reporting_verb_before(verb: Token, ctx: DocContext) -> Token | None:
    """The nearest reporting verb before `verb` in its unit, outside quotation marks."""
    unit_start = ctx.unit_of(verb)[0]
    for j in range(verb.i - 1, unit_start - 1, -1):
        token = ctx.tokens[j]
        if ctx.in_quotes(token) or token.pos_ not in ("VERB", "AUX"):
            continue
        if cue_word(token, ctx.lexicon) is not None:
            return token
    return None


def _active_despite_label(verb: Token) -> bool:
    """ « M. X a également mis en garde … »: the parser called the subject passive, but the
    verb has the auxiliary « avoir » and no passive one, so the voice is active."""
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
    return any(c.lemma_.lower() in ("avoir", "have") for c in auxiliaries) and not any(
        c.dep_ in ("aux:pass", "auxpass") for c in auxiliaries)


def inverted_subject(cue: Cue, ctx: DocContext) -> Token | None:
    """The subject after the verb: "-il" of "a-t-il dit", "X" of "a déclaré X", "said X"."""
    if cue.inverted is not None:
        return cue.inverted
    verb = cue.head
    doc = ctx.doc
    last = max(verb.i, cue.token.i)
    # « …, a fait valoir le chancelier »: the parser may hang the subject on the infinitive.
    children = [*verb.children, *(cue.token.children if cue.token is not verb else ())]
    for child in sorted(children, key=lambda c: c.i):
        if child.i <= last:
            continue
        if child.i > 0 and ctx.lexicon.pronoun(f"{doc[child.i - 1].text} {child.text}"):
            return child  # « a fait savoir cette dernière »: « dernière » tagged an adjective
        if child.ent_type_ in PERSON_LABELS and child.ent_iob_ == "B" and (
                child.dep_.startswith("nsubj") or child.i == last + 1):
            # « a expliqué LaTonya Greene », the given name tagged a determiner; « a déclaré
            # Sidi Ould Tah », the given name tagged a verb
            return child
        if child.pos_ not in ("NOUN", "PROPN", "PRON") or child.dep_ in ("obl", "obl:mod",
                                                                          "npadvmod", "advmod",
                                                                          "obl:arg", "iobj"):
            continue
        if any(c.dep_ == "case" for c in child.children) or ctx.is_time(child):
            continue
        if child.pos_ == "PRON" and ctx.lexicon.pronoun(child.text) is None and not (
                child.lower_ in ("un", "une") and any(c.dep_.startswith("nmod")
                                                      for c in child.children)):
            continue  # (but « a déclaré l'un des manifestants »: one of a group)
        if ctx.lang == "en" and not child.dep_.startswith("nsubj") and cue.takes("addressee"):
            continue  # "told Reuters": the object of "tell" is the addressee, not the speaker
        return child
    # Parser attached it elsewhere: take the first proper noun right after the verb group.
    found = _noun_phrase_after(last, cue, ctx)
    if found is not None:
        return found
    for j in range(last + 1, min(len(doc), last + 6)):
        token = doc[j]
        if token.is_punct or token.is_space:
            break
        if token.pos_ == "PROPN" and not ctx.in_quotes(token) and (
                ctx.lang != "en" or not cue.takes("addressee")
                or token.dep_.startswith("nsubj") or token.head.dep_.startswith("nsubj")):
            while token.dep_ in ("flat", "flat:name", "compound") and token.head.i > token.i:
                token = token.head
            return token
        if token.pos_ in ("VERB", "AUX", "SCONJ") or (ctx.lang == "en" and token.pos_ == "ADP"):
            break  # ("said in his BBC column": where it was said, not who)
    return None


def _noun_phrase_after(last: int, cue: Cue, ctx: DocContext) -> Token | None:
    """ « », a martelé dimanche le Premier ministre sur TF1 »: in French, after the verb of an
    incise, a time word or adverb, then a determiner and the subject's noun, whatever the parser
    hung it on. Phrases with a preposition (« à l'AFP ») are passed over."""
    if ctx.lang != "fr":
        return None
    doc = ctx.doc
    j = last + 1
    limit = min(len(doc), last + 10)
    while j < limit:
        token = doc[j]
        if token.is_space or token.pos_ == "ADV" or ctx.is_time(token):
            j += 1
            continue
        if token.pos_ == "DET" and j + 1 < limit and ctx.is_time(doc[j + 1]):
            j += 2  # « a indiqué cette semaine l'ONG … »: a time phrase before the subject
            continue
        if token.pos_ == "ADP" or norm_token(token) in ("à", "au", "aux"):
            # skip the prepositional phrase: up to its noun
            k = j + 1
            while k < limit and doc[k].pos_ not in ("NOUN", "PROPN", "PRON") and \
                    not doc[k].is_punct:
                k += 1
            while k + 1 < limit and doc[k + 1].pos_ in ("PROPN",) and doc[k].pos_ == "PROPN":
                k += 1
            j = k + 1
            continue
        break
    if j >= limit or doc[j].pos_ != "DET":
        return None
    k = j + 1
    while k < limit and doc[k].pos_ == "ADJ":
        k += 1
    if k < limit and doc[k].pos_ in ("NOUN", "PROPN") and not ctx.in_quotes(doc[k]):
        return doc[k]
    last_adjective = doc[k - 1]
    if k - 1 > j and not ctx.in_quotes(last_adjective) and \
            ctx.lexicon.title(last_adjective.text) is not None:
        return last_adjective  # « a ajouté le futur chancelier », the function read as adjective
    return None


def in_attribution_position(cue: Cue, ctx: DocContext) -> bool:
    """The cue follows a comma or a closing mark: "…, a déclaré X", "“…,” said X"."""
    before = ctx.previous_word(cue_group_start(cue))
    if before is None or before.text not in (",", "»", "”", '"'):
        return False
    return not _closes_subject_apposition(before, cue, ctx)


def _closes_subject_apposition(comma: Token, cue: Cue, ctx: DocContext) -> bool:
    """ "“…,” the family's lawyer, Ben Crump, said": the comma before the verb closes an
    apposition to the verb's own subject, which stands before it; the verb is not inverted."""
    if comma.text != ",":
        return False
    for verb in (cue.token, cue.head):
        subject = grammatical_subject(verb, ctx)
        if subject is None or subject.i > comma.i or ctx.in_quotes(subject):
            continue
        appositions = [c for c in subject.children if c.dep_ == "appos" and c.i < comma.i]
        if not appositions:
            appositions = [subject] if subject.dep_ == "appos" else []
        if appositions and comma.head.i in (subject.i, *(a.i for a in appositions)):
            return True
    return False


def participle(verb: Token) -> bool:
    """A present participle or gerund: "ajoutant", "saying"."""
    return _participle(verb)


def _participle(verb: Token) -> bool:
    return ("Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense")) or \
        verb.tag_ == "VBG" or verb.lower_.endswith("ant") and "Part" in verb.morph.get(
            "VerbForm") or ("Ger" in verb.morph.get("VerbForm"))


def _narrative_infinitive_speaker(cue: Cue, ctx: DocContext) -> Token | None:
    """ « …, détaille-t-elle. Et de préciser que … »: the infinitive of narration continues
    the report before it; its speaker is that report's (an inverted pronoun or the subject of
    the last verb of saying in the paragraph)."""
    token = cue.token
    if ctx.lang != "fr" or "Inf" not in token.morph.get("VerbForm"):
        return None
    de = ctx.previous_word(token.i)
    et = ctx.previous_word(de.i) if de is not None else None
    if de is None or et is None or norm_token(de) not in ("de", "d'"):
        return None
    if et.lower_ != "et" or et.i != ctx.unit_of(token)[0]:
        return _narrator_subject(de, ctx)
    return _speaker_before(token, et, ctx)


def _narrator_subject(de: Token, ctx: DocContext) -> Token | None:
    """ « Le porte-parole du gouvernement de marteler que … », « Ce dernier de rappeler
    que … »: a noun phrase opening the sentence, then « de » and the infinitive of narration;
    that noun phrase is the speaker."""
    start = ctx.unit_of(de)[0]
    words = [t for t in ctx.doc[start:de.i] if not t.is_space]
    if words and words[0].lower_ == "et":
        words = words[1:]
    if not words or len(words) > 8 or words[0].pos_ not in ("DET", "PROPN", "PRON"):
        return None
    if any(t.pos_ not in ("DET", "NOUN", "PROPN", "ADJ", "ADP", "PRON") or t.is_punct
           for t in words):
        return None
    phrase = " ".join(t.lower_ for t in words)
    if ctx.lexicon.pronoun(phrase) is not None:
        return words[-1]  # « Ce dernier », « Celui-ci »
    head = next((t for t in words if t.pos_ in ("NOUN", "PROPN")), None)
    return head if head is not None and animate(head, ctx) else None


def _speaker_before(token: Token, et: Token, ctx: DocContext) -> Token | None:
    """The speaker of the last report before « Et de … » in the paragraph."""
    paragraph_start = next((p.start for p in ctx.paragraphs if p.start <= token.idx <= p.end),
                           0)
    for previous in reversed(token.doc[:et.i]):
        if previous.idx < paragraph_start:
            break
        if ctx.in_quotes(previous):
            continue
        if inverted_pronoun(previous, ctx.lexicon):
            return previous
        if previous.dep_.startswith("nsubj") and cue_word(previous.head, ctx.lexicon):
            return previous
    return None


def speaker_token(cue: Cue, ctx: DocContext, *, allow_inverted: bool = True,
                  depth: int = 0) -> Token | None:
    """The token heading the speaker mention of `cue`."""
    narrated = _narrative_infinitive_speaker(cue, ctx)
    if narrated is not None:
        return narrated
    document = _impersonal_document_source(cue, ctx)
    if document is not None:
        return document
    gerund = _gerund_after_report(cue, ctx)
    if gerund is not None and depth < 3:
        # « …, a expliqué M. X, en précisant que … »: the gerund's subject is the reporting
        # verb's, however the parser hung it
        parent = Cue(token=gerund, head=gerund, entry=cue.entry, start=gerund.idx,
                     end=gerund.idx + len(gerund.text), inverted=_inverted_after(gerund, ctx))
        found = speaker_token(parent, ctx, allow_inverted=True, depth=depth + 1)
        if found is not None:
            return found
    for verb in (cue.token, cue.head):
        subject = grammatical_subject(verb, ctx)
        if subject is not None and not ctx.in_quotes(subject):
            return subject
    if cue.inverted is not None:
        return cue.inverted
    if after_quotation_and_subject(cue.head, ctx):
        return cue.head.head  # "“…,” Trump posted": the name the parser hung it on
    if _participle(cue.token):
        found_pair = subject_after_coordinator(cue.token, ctx)
        if found_pair is not None and not ctx.in_quotes(found_pair[0]):
            return found_pair[0]  # "… and the government firing back that …"
    found = _name_before_apposition(cue, ctx)
    if found is not None:
        return found
    if allow_inverted and in_attribution_position(cue, ctx):
        found = inverted_subject(cue, ctx)
        if found is not None:
            return found
    found = _name_right_before_verb_group(cue, ctx)
    if found is not None:
        return found
    for verb in (cue.head, cue.token):
        governor = verb.head
        if _participle(verb):
            # "said sales had doubled, adding that …": the participle hangs on the reported
            # clause; its speaker is the one of the verb that reports that clause
            while governor.dep_ == "ccomp" and governor.head.i != governor.i and \
                    cue_word(governor.head, ctx.lexicon) is not None:
                governor = governor.head
        if _participle(verb) and ctx.in_quotes(governor) and depth < 3:
            # « « … », a écrit X, précisant que … » with the participle hung on the quoted
            # clause: its speaker is the one of the reporting verb before it
            earlier = _reporting_verb_before(verb, ctx)
            if earlier is not None:
                parent = Cue(token=earlier, head=earlier, entry=cue.entry, start=earlier.idx,
                             end=earlier.idx + len(earlier.text),
                             inverted=_inverted_after(earlier, ctx))
                found = speaker_token(parent, ctx, allow_inverted=True, depth=depth + 1)
                if found is not None:
                    return found
        if verb.dep_ == "acl" and _participle(verb) and governor.pos_ in ("NOUN", "PROPN") \
                and governor.i < verb.i and not ctx.in_quotes(governor):
            if animate(governor, ctx) or governor.dep_.startswith("nsubj"):
                return governor  # "officials saying that …", "the leader …, saying that …"
            noun = governor
            while noun.dep_ in ("nmod", "pobj", "prep") and noun.head.i != noun.i and \
                    noun.head.pos_ in ("NOUN", "ADP"):
                noun = noun.head
            if noun.head.pos_ in ("VERB", "AUX") and noun.dep_ in ("obj", "dobj"):
                # « a donné sa version des faits notant que … »: the participle hangs on the
                # object's noun; it goes with the clause, whose subject speaks
                subject = grammatical_subject(noun.head, ctx)
                if subject is not None and not ctx.in_quotes(subject):
                    return subject
        if verb.dep_ == "conj" and not same_form_conjunct(verb):
            # "a dit que la ville paierait et a ajouté …" with "ajouté" hung on "paierait": a
            # new report is coordinated with the reporting verb, not with the reported one.
            while governor.dep_ == "ccomp" and governor.head.i != governor.i and \
                    cue_word(governor.head, ctx.lexicon) is not None:
                governor = governor.head
        climb = verb.dep_ in ("conj", "xcomp") or (verb.dep_ in (*_CLIMB_DEPS, "advmod")
                                                   and _participle(verb)) or (
            # « a noté X, ajoutant : … » with « ajoutant » hung on the verb as a modifier
            verb.dep_ == "acl" and _participle(verb) and governor.pos_ in ("VERB", "AUX")) or (
            # « …, a martelé X, avant d'ajouter que … », « pour rappeler que »: an infinitive
            # clause of the reporting verb shares its speaker
            verb.dep_ == "advcl" and "Inf" in verb.morph.get("VerbForm") and any(
                c.dep_ in ("mark", "case") and c.lower_ in ("avant", "après", "pour")
                for c in verb.children))
        if verb.dep_ == "pcomp" and governor.pos_ in ("ADP", "SCONJ") and _participle(verb):
            # "resigned before announcing …", "after announcing …, the senator left": the
            # speaker is the subject of the clause the preposition hangs on (through the
            # noun it may hang on first: "got a head start … by declaring …").
            governor, climb = governor.head, True
            while governor.pos_ in ("NOUN", "PROPN") and governor.head.i != governor.i and \
                    governor.dep_ not in ("nsubj", "nsubjpass"):
                governor = governor.head
        if climb and verb.dep_ == "xcomp" and _participle(verb) and governor.i != verb.i:
            # "Clinton can be heard saying that …", "he was quoted as saying": the passive
            # subject of the verb of perception is who says it
            passive = [c for c in governor.children if c.dep_ in ("nsubjpass", "nsubj:pass")
                       and not ctx.in_quotes(c)]
            if passive:
                return passive[0]
        if climb and governor.i != verb.i and governor.i not in (cue.head.i, cue.token.i) \
                and depth < 3 and not ctx.in_quotes(governor):
            parent = Cue(token=governor, head=governor, entry=cue.entry, start=governor.idx,
                         end=governor.idx + len(governor.text),
                         inverted=_inverted_after(governor, ctx))
            found = speaker_token(parent, ctx, allow_inverted=True, depth=depth + 1)
            if found is not None:
                return found
    found = _subject_before_pronoun_incise(cue, ctx) or _surface_subject(cue, ctx) or \
        _apposed_subject_before(cue, ctx)
    if found is not None:
        return found
    if allow_inverted:
        return inverted_subject(cue, ctx)
    return None


def _surface_subject(cue: Cue, ctx: DocContext) -> Token | None:
    """ « L'AG Éducation Île-de-France inter-degrés appelle à … » cut into pieces by the
    parser: a sentence that opens with a determiner and a name and runs to the present-tense
    reporting verb with no verb or punctuation between has that name as its subject."""
    doc = ctx.doc
    verb = cue.head
    present = "Pres" in verb.morph.get("Tense") or verb.tag_ in ("VBZ", "VBP")
    if min(cue.token.i, cue.head.i) != verb.i or not present:
        return None
    unit_start = ctx.unit_of(verb)[0]
    words = [t for t in doc[unit_start:verb.i] if not t.is_space]
    if words and norm_token(words[-1]) in ("l'", "le", "la", "les", "lui", "leur"):
        words = words[:-1]  # « Le ministre l'assure : … »: the object clitic
    if not 2 <= len(words) <= 8 or words[0].pos_ != "DET" or any(
            t.pos_ in ("VERB", "AUX", "PRON", "SCONJ") or (t.is_punct and t.text != "-")
            or ctx.in_quotes(t) for t in words):
        return None
    heads = [t for t in words if t.pos_ == "PROPN"] or [t for t in words if t.pos_ == "NOUN"]
    return heads[0] if heads else None




def _verb_group_start(first: int, ctx: DocContext) -> int:
    """First token of the verb group of the verb at `first`: with its auxiliaries, clitics
    and an emphatic pronoun inside it (« s'est lui-même montré », « a elle aussi jugé »)."""
    doc = ctx.doc
    j = first
    while j > 0:
        before = doc[j - 1]
        if before.pos_ == "AUX" or (before.pos_ == "PRON" and (
                ctx.lexicon.is_word("reflexive", norm_token(before))
                or before.lower_.endswith("-même") or before.lower_ in ("lui", "elle"))):
            j -= 1
            continue
        break
    return j


def _name_right_before_verb_group(cue: Cue, ctx: DocContext) -> Token | None:
    return name_right_before(min(cue.token.i, cue.head.i), ctx) or \
        _phrase_after_coordinator(min(cue.token.i, cue.head.i), ctx)


def _phrase_after_coordinator(first: int, ctx: DocContext) -> Token | None:
    """ "… suffered injuries and a hospital spokesman said …": the parser joined the noun
    phrase to the clause before; on the surface, a determiner and a noun of a person or a body
    between "and"/"but" and the verb group are its subject."""
    doc = ctx.doc
    start = _verb_group_start(first, ctx)
    unit_start = ctx.unit_of(doc[first])[0]
    k = start - 1
    while k >= unit_start and doc[k].pos_ in ("NOUN", "PROPN", "ADJ") and start - k <= 5:
        k -= 1
    if k < unit_start or k == start - 1 or doc[k].pos_ != "DET" or k - 1 < unit_start:
        return None
    coordinator = doc[k - 1]
    head = doc[start - 1]
    if not ctx.lexicon.is_word("coordinator", coordinator.text) or ctx.in_quotes(head) or \
            head.pos_ not in ("NOUN", "PROPN") or not animate(head, ctx):
        return None
    return head


def name_right_before(first: int, ctx: DocContext) -> Token | None:
    """ « Invité sur France Inter, Bruno Le Maire s'est lui-même montré sceptique »: a
    person's name standing right before the verb group of the verb at `first`, after a comma
    or at the start of the sentence, is its subject whatever the parser hung it on."""
    doc = ctx.doc
    start = _verb_group_start(first, ctx)
    unit_start = ctx.unit_of(doc[first])[0]
    k = start - 1
    phrase: list[Token] = []
    while k >= unit_start and doc[k].text != "," and len(phrase) <= 5:
        phrase.insert(0, doc[k])
        k -= 1
    if not phrase or len(phrase) > 5 or ctx.in_quotes(phrase[0]) or (
            k >= unit_start and doc[k].text != ","):
        return None
    if all(t.ent_type_ in PERSON_LABELS for t in phrase) and phrase[-1].i == start - 1:
        return phrase[0]
    return None


def _apposed_subject_before(cue: Cue, ctx: DocContext) -> Token | None:
    """ « Contacté par Reuters, le frère de l'assaillant, Eric Paddock, s'est dit … »: the
    parser hung the subject on the opening participle; on the surface, a name or a noun
    phrase set off by commas stands right before the verb group."""
    doc = ctx.doc
    unit_start = ctx.unit_of(cue.head)[0]
    j = min(cue.token.i, cue.head.i, *(c.i for c in cue.head.children
                                        if c.dep_.startswith(("aux", "expl")) and c.i < cue.head.i))
    comma = ctx.previous_word(j)
    if comma is None or comma.text != "," or comma.i <= unit_start:
        return None
    phrase: list[Token] = []
    k = comma.i - 1
    while k >= unit_start and doc[k].text != ",":
        if not doc[k].is_space:
            phrase.insert(0, doc[k])
        k -= 1
    if not phrase or len(phrase) > 8 or k < unit_start or any(
            t.pos_ in ("VERB", "AUX", "SCONJ", "PRON") or ctx.in_quotes(t) for t in phrase):
        return None
    if all(t.pos_ == "PROPN" for t in phrase) and any(t.ent_type_ in PERSON_LABELS
                                                      for t in phrase):
        return phrase[0]
    if phrase[0].pos_ == "DET":
        nouns = [t for t in phrase if t.pos_ == "NOUN"]
        return nouns[0] if nouns else None
    return None


def _subject_before_pronoun_incise(cue: Cue, ctx: DocContext) -> Token | None:
    """ « L'Union a, elle, demandé … »: the subject is the auxiliary's."""
    auxiliary = auxiliary_before_pronoun_incise(_first_verb(cue), ctx)
    if auxiliary is None:
        return None
    for holder in (auxiliary, auxiliary.head):
        subject = grammatical_subject(holder, ctx)
        if subject is not None and subject.i < auxiliary.i and not ctx.in_quotes(subject):
            return subject
    return None


def _before_repeated_subject(first: int, ctx: DocContext) -> int:
    """Step back over a pronoun that repeats the subject inside the verb group: « a elle
    aussi jugé » (pronoun + adverb), « a lui jugé » (after the auxiliary)."""
    doc = ctx.doc

    def pronoun(j: int) -> bool:
        return j >= 0 and ctx.lexicon.pronoun(doc[j].text) is not None

    while first > 1:
        if doc[first - 1].pos_ == "ADV" and pronoun(first - 2):
            first -= 2
        elif pronoun(first - 1) and doc[first - 2].pos_ == "AUX":
            first -= 1
        else:
            break
    return first


def _name_before_unclosed_apposition(first: int, ctx: DocContext) -> Token | None:
    """ "Charlotte Houpline, fondatrice WARA affirme « … »": the writer left out the comma
    that closes the role; a short role phrase (a role or person-shaped word first) between
    the name's comma and the verb."""
    doc = ctx.doc
    j = first - 1
    while j > 0 and first - j <= 5 and doc[j].text != ",":
        if doc[j].is_punct or doc[j].pos_ in ("AUX", "SCONJ", "PRON", "ADP", "CCONJ") or \
                ctx.in_quotes(doc[j]):
            return None
        j -= 1
    if j <= 1 or doc[j].text != "," or j == first - 1:
        return None
    role = doc[j + 1]
    if not (animate(role, ctx) or _title_word(role, ctx)):
        return None
    name = doc[j - 1]
    if name.pos_ != "PROPN" or not _is_name_token(name, ctx) or ctx.in_quotes(name) or \
            ctx.is_time(name) or name.ent_type_ in ("DATE", "TIME"):
        return None  # "On Tuesday, AQAP released a statement announcing …"
    while name.dep_ in ("flat", "flat:name", "compound") and name.head.i < name.i:
        name = name.head
    return name


def _first_verb(cue: Cue) -> Token:
    """The first verb of a cue's verb group."""
    return cue.token if cue.token.i <= cue.head.i else cue.head


def _name_before_apposition(cue: Cue, ctx: DocContext) -> Token | None:
    """ "Florentin Orange, 52 ans, a déclaré": the parser cut the name off as a sentence of
    its own; a capitalised name right before a short apposition set between commas (no verb
    inside) that opens the verb group is the subject."""
    doc = ctx.doc
    first = min(cue.token.i, cue.head.i)
    first = _before_repeated_subject(first, ctx)
    while first > 0 and doc[first - 1].pos_ == "AUX" and doc[first - 1].idx >= cue.start - 24:
        first -= 1
    if first >= 2 and doc[first - 1].text != ",":
        return _name_before_unclosed_apposition(first, ctx)
    if first < 2 or doc[first - 1].text != ",":
        return None
    j = first - 2
    while j > 0 and first - j <= 14 and doc[j].text != ",":
        if doc[j].pos_ in ("VERB", "AUX", "SCONJ", "PRON") or ctx.in_quotes(doc[j]) or (
                doc[j].is_sent_start and not _is_name_token(doc[j], ctx)):
            return None
        j -= 1
    if j <= 0 or doc[j].text != "," or j == first - 2:
        return None
    name = doc[j - 1]
    if not (name.pos_ == "PROPN" and _is_name_token(name, ctx)) or ctx.in_quotes(name):
        return None
    k = name.i
    while k > 0 and _is_name_token(doc[k - 1], ctx) and doc[k - 1].pos_ == "PROPN" \
            and not doc[k].is_sent_start:
        k -= 1
    previous = ctx.previous_word(k)
    if previous is not None and not previous.is_punct and not previous.is_sent_start \
            and previous.pos_ not in ("DET", "NOUN"):
        return None  # "avec Paul Orange, 52 ans, …": not a subject
    while name.dep_ in ("flat", "flat:name", "compound") and name.head.i < name.i and \
            name.head.i >= k:
        name = name.head
    return name


def _inverted_after(verb: Token, ctx: DocContext) -> Token | None:
    doc = ctx.doc
    for j in range(verb.i - 2, min(len(doc), verb.i + 3)):
        if 0 <= j < len(doc) and inverted_pronoun(doc[j], ctx.lexicon):
            return doc[j]
    return None


# ------------------------------------------------------------------------------- mentions


def _np_bounds(head: Token, ctx: DocContext) -> tuple[int, int]:
    """Token range [left, right] of the noun phrase headed by `head` (no clauses, no commas)."""
    left = right = head.i
    for child in head.children:
        if child.i < head.i and child.dep_ in _NP_LEFT_DEPS and child.tag_ != "WP$":
            left = min(left, child.left_edge.i)  # (not "whose" of "whose members")
    for child in sorted(head.children, key=lambda c: c.i):
        if child.i > head.i and ctx.is_time(child):
            break  # "l'OFAG jeudi": the day is not part of the speaker
        if child.i > head.i and child.dep_ in _NP_RIGHT_DEPS:
            if any(ctx.lexicon.is_word("circumstance_preposition", t.text)
                   for t in (child, *child.children) if t.dep_ in ("case", "prep")):
                break  # « le Premier ministre sur TF1 »: where it was said
            sub = list(child.subtree)
            if any(t.text in ",;()«»“”\"" or (t.pos_ in ("VERB", "AUX") and t.dep_ not in (
                    "flat", "flat:name")) for t in sub):
                break  # (a name part tagged as a verb stays: « le juge Rossiter »)
            right = max(right, child.right_edge.i)
    doc = head.doc
    while left < head.i and (doc[left].is_punct or doc[left].pos_ == "ADP"):
        left += 1
    while right > head.i and doc[right].is_punct:
        right -= 1
    return left, right


def name_tokens(left: int, right: int, ctx: DocContext, head: Token | None = None
                ) -> tuple[int, int] | None:
    """The name inside tokens [left, right] that the phrase refers to, if any.

    A name is a run of capitalised proper nouns or entity tokens (with particles such as "de",
    "bin", "and" inside); it is not the referent when it only modifies the head
    ("Obama administration officials") or follows "de"/"of" ("un proche de Pierre Moscovici").
    Runs holding a person entity win; runs made only of title words ("Premier") are skipped.
    """
    doc = ctx.doc
    runs: list[tuple[int, int]] = []
    j = left
    while j <= right:
        token = doc[j]
        entity = _entity_run(token, left, right, ctx)
        if entity is None and not _is_name_token(token, ctx):
            j += 1
            continue
        k = entity[1] if entity else j
        if entity:
            j = entity[0]
        while k + 1 <= right:
            nxt = doc[k + 1]
            if _is_name_token(nxt, ctx):
                k += 1
            elif (ctx.lexicon.is_word("name_particle", nxt.text) or nxt.text in ("’s", "'s")
                  or ctx.lexicon.is_word("coordinator", nxt.text)) \
                    and _capital_follows(k + 1, right, ctx):
                k += 1
            else:
                break
        runs.append((j, k))
        j = k + 1
    candidates = []
    for s, e in runs:
        p = s - 1
        while p >= left and (doc[p].pos_ == "DET" or doc[p].is_space):
            p -= 1
        previous = doc[p] if p >= left else None
        if previous is not None and ctx.lexicon.is_word("of", previous.text):
            continue
        if all(_title_word(doc[t], ctx) for t in range(s, e + 1)) and not (
                head is not None and s <= head.i <= e and head.pos_ == "PROPN"
                and not _hyphenated_title(s, ctx)):
            continue  # "Premier" of "le Premier ministre X"; but "King asked" names King
            # (not "General" of "the Secretary-General")
        if s == e and s > left and doc[s].text.isupper() and len(doc[s].text) > 1 and \
                doc[s].ent_type_ not in PERSON_LABELS:
            continue  # « le député PS », "the GOP senator": a party's initials, not a name
        if head is not None and not (s <= head.i <= e) and not _names_head(s, e, head, ctx) \
                and not _sibling_name(s, head, ctx):
            continue
        candidates.append(_trim_to_person(s, e, ctx))
    if not candidates:
        return None
    people = [c for c in candidates if _has_person(c, ctx)]
    if people:
        return people[0]
    # the name the phrase's head is part of (« LaTosha Brown, cofondatrice de l'organisation
    # Black Voters Matter », with neither tagged a person), else the last one
    headed = [c for c in candidates if head is not None and c[0] <= head.i <= c[1]]
    if headed and candidates[-1][0] - headed[0][1] > 2:
        return headed[0]  # (not "Joly" before "-Gomez": two halves of one name)
    return candidates[-1]


def _entity_run(token: Token, left: int, right: int, ctx: DocContext
                ) -> tuple[int, int] | None:
    """The capitalised part of the named entity `token` starts, within [left, right]."""
    if token.ent_iob_ != "B" or token.ent_type_ not in NAME_LABELS:
        return None
    doc = ctx.doc
    end = token.i
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    s, e = max(token.i, left), min(end, right)
    while s <= e and not doc[s].text[:1].isupper():
        s += 1
    while e >= s and not doc[e].text[:1].isupper() and not _hyphenated_tail(e, doc):
        e -= 1
    if s > e:
        return None
    if s == e and not _is_name_token(doc[s], ctx):
        return None
    if token.ent_type_ not in PERSON_LABELS and all(
            doc[t].pos_ in ("NOUN", "ADJ") for t in range(s, e + 1)):
        return None  # "ministre de la Santé" tagged as an organisation
    return s, e


def _glued_by_hyphen(i: int, doc: Doc) -> bool:
    """Token i follows a hyphen that is glued to it and to the token before ("Jae-in")."""
    return i >= 2 and doc[i - 1].text in ("-", "‐") and not doc[i - 1].whitespace_ \
        and not doc[i - 2].whitespace_


def _hyphenated_title(i: int, ctx: DocContext) -> bool:
    """Token i ends a title glued by a hyphen to another title word ("Secretary-General")."""
    return _glued_by_hyphen(i, ctx.doc) and _title_word(ctx.doc[i - 2], ctx)


def _hyphenated_tail(i: int, doc: Doc) -> bool:
    """Token i is the lower-case end of a hyphenated name glued to a capitalised part
    ("in" of "Jae-in", "un" of "Jong-un")."""
    if not _glued_by_hyphen(i, doc) or not (doc[i].is_alpha and doc[i].is_lower
                                             and len(doc[i].text) <= 4):
        return False
    return doc[i - 2].text[:1].isupper() and doc[i - 2].is_alpha


def _capital_follows(i: int, right: int, ctx: DocContext) -> bool:
    for t in range(i + 1, min(right, i + 3) + 1):
        if _is_name_token(ctx.doc[t], ctx):
            return True
        if not (ctx.lexicon.is_word("name_particle", ctx.doc[t].text)
                or ctx.lexicon.is_word("determiner_definite", ctx.doc[t].text)):
            return False
    return False


def _sibling_name(s: int, head: Token, ctx: DocContext) -> bool:
    """ "indique le naturopathe Olivier Panisset" parsed as two objects of the verb: a person
    right after the role, hanging on the same word, is the role's name."""
    token = ctx.doc[s]
    if token.pos_ == "DET":  # « La Voix du Nord »: the name's own article
        token = token.head
    # (a body's name likewise after a body's noun: « le quotidien régional La Voix du Nord »)
    return s > head.i and token.head.i == head.head.i and (
        token.ent_type_ in PERSON_LABELS or (institution_noun(head, ctx)
                                             and token.ent_type_ in NAME_LABELS))


def _names_head(s: int, e: int, head: Token, ctx: DocContext) -> bool:
    """The run is an apposition or name part of `head`, not a modifier of it
    ("le tabloïd Blesk", "the Associated Press news agency", not "Obama administration
    officials")."""
    title = ctx.lexicon.title(head.lemma_) or ctx.lexicon.title(head.text)
    # (one body named by its name, not "California regulators": several, from that place)
    institution = title is not None and title.kind == "institution" and \
        "Plur" not in head.morph.get("Number") and head.tag_ not in ("NNS", "NNPS")
    for t in head.doc[s:e + 1]:
        if t.head.i != head.i:
            continue
        if t.dep_ in ("appos", "flat", "flat:name", "nmod", "dep", "nmod:appos", "npadvmod"):
            return True
        if institution and t.dep_ == "compound" and t.ent_type_ not in PERSON_LABELS:
            return True
    return False


def institution_noun(token: Token, ctx: DocContext) -> bool:
    """A noun of a body that speaks as one (« parquet », « organisation », "agency")."""
    title = ctx.lexicon.title(token.lemma_) or ctx.lexicon.title(token.text)
    return title is not None and title.kind == "institution"


def _title_word(token: Token, ctx: DocContext) -> bool:
    text = token.text.lower()
    if ctx.lexicon.title(text) is not None:
        return True
    return any(text in phrase.split() for phrase in ctx.lexicon.titles if " " in phrase)


def _has_person(span: tuple[int, int], ctx: DocContext) -> bool:
    return any(ctx.doc[t].ent_type_ in PERSON_LABELS for t in range(span[0], span[1] + 1))


def _is_name_token(token: Token, ctx: DocContext) -> bool:
    """A capitalised proper noun (a common noun capitalised at a sentence start is not);
    the second half of a hyphenated name ("Parent" "-Massin") counts."""
    if token.is_punct or token.is_space or not token.text.lstrip("-")[:1].isupper():
        return False
    if ctx.lexicon.is_word("determiner_definite", token.text) or \
            ctx.lexicon.pronoun(token.text) is not None:
        return False
    if token.pos_ == "PROPN" or ctx.person_surname(token):
        return True
    if _unknown_given_name(token, ctx):
        return True
    if token.is_alpha and not token.is_sent_start and token.i > 0 and \
            _title_word(token.doc[token.i - 1], ctx) and not _title_word(token, ctx):
        return True  # « le juge en chef Rossiter », the name tagged as a verb
    if token.ent_type_ in NAME_LABELS and token.text.isupper() and len(token.text) >= 2:
        return True  # an acronym ("OFAG") whatever its tag
    if token.pos_ == "PRON" and token.ent_type_ in PERSON_LABELS:
        return True  # « Poutine » tagged a pronoun, a person entity all the same
    return token.ent_type_ in NAME_LABELS and token.pos_ not in ("NOUN", "ADJ", "VERB", "ADV",
                                                                   "PRON", "DET", "ADP")


def _unknown_given_name(token: Token, ctx: DocContext) -> bool:
    """ "Pouria Amirshahi" opening a sentence, its first word tagged as an adjective: a
    capitalised word the language does not know (no word vector for its lower-case form),
    right before a proper noun, is the first part of that name. Only with a pipeline that has
    word vectors; without them every word would look unknown."""
    doc = token.doc
    if token.i + 1 >= len(doc) or not token.is_alpha or token.is_upper \
            or not token.text[:1].isupper() or not doc.vocab.vectors.n_keys:
        return False
    after = doc[token.i + 1]
    if after.pos_ != "PROPN" or not after.text[:1].isupper() or token.whitespace_ != " ":
        return False
    if ctx.lexicon.title(token.text) is not None or ctx.lexicon.pronoun(token.text) is not None:
        return False
    return not doc.vocab[token.lower_].has_vector


def _name_run_start(left: int, ctx: DocContext) -> int:
    """The first word of a name whose first part the parser left outside the phrase (even in
    a sentence of its own: a sentence boundary between two words with only a space between
    them is the parser's mistake)."""
    doc = ctx.doc
    while left > 0 and _unknown_given_name(doc[left - 1], ctx):
        left -= 1
    return left


def _trim_to_person(j: int, k: int, ctx: DocContext) -> tuple[int, int]:
    """Within a run of capitalised tokens, prefer a person entity ("Santé Roman Prymula")."""
    doc = ctx.doc
    people = [(max(e.start, j), min(e.end - 1, k)) for e in ctx.ents
              if e.label_ in PERSON_LABELS and e.start <= k and e.end - 1 >= j]
    if people:
        s, e = people[-1]
        while s > j and _honorific(doc[s - 1], ctx):
            s -= 1
        if e < k and particle_name_end(e, ctx) > e:
            e = k  # "Ursula von der | Leyen": the tagger cut the name at its particle
        return s, e
    start = j
    while j < k and _title_word(doc[j], ctx) and not _honorific(doc[j], ctx):
        j += 1
    if not doc[j].text[:1].isupper():
        return start, k  # "Ministry of Defence": the title word is part of the body's name
    return j, k


def _honorific(token: Token, ctx: DocContext) -> bool:
    title = ctx.lexicon.title(token.text)
    return title is not None and title.kind == "honorific"


def mention_for(token: Token, ctx: DocContext) -> SpeakerMention:
    """The speaker mention headed by `token` (a subject found by `speaker_token`)."""
    doc = ctx.doc
    lexicon = ctx.lexicon
    pronoun = lexicon.pronoun(token.text)
    if token.pos_ == "PRON" and token.lower_ in ("un", "une") and any(
            c.dep_.startswith("nmod") for c in token.children):
        # « l'un des manifestants », « l'une des organisatrices, Claire Dumas »
        for child in token.children:
            if child.dep_ in ("appos", "nmod:appos") and child.pos_ == "PROPN":
                return mention_for(child, ctx)
        start, right = token.left_edge.idx, token.right_edge
        while right.i > token.i and (right.is_punct or right.is_space):
            right = doc[right.i - 1]
        end = right.idx + len(right.text)
        return SpeakerMention(start, end, "anonymous", token.i, start, end)
    if token.pos_ == "NUM" and token.lower_ not in ("one", "1") and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        # "five of the world's biggest tech companies": several of a group, a group
        left, right = _np_bounds(token, ctx)
        start, end = doc[left].idx, doc[right].idx + len(doc[right].text)
        return SpeakerMention(start, end, "group", token.i, start, end)
    if token.lower_ in ("one", "1", "un", "une") and any(
            c.dep_ in ("prep", "nmod") for c in token.children):
        # "One of the men, David Reed, 34, said", with the name hung on "one" or on "men"
        group = [g for c in token.children if c.dep_ == "prep" for g in c.children
                 if g.dep_ == "pobj"]
        for child in (*token.children, *(a for g in group for a in g.children)):
            if child.dep_ in ("appos", "nmod:appos") and child.pos_ == "PROPN" and \
                    child.ent_type_ in PERSON_LABELS:
                return mention_for(child, ctx)
    if pronoun is not None and pronoun.kind == "generic" and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        # "one of the people close to him said": a member of that group, not "one" in general
        left, right = _np_bounds(token, ctx)
        start, end = doc[left].idx, doc[right].idx + len(doc[right].text)
        return SpeakerMention(start, end, "anonymous", token.i, start, end)
    # « Poutine », « Sony » tagged as pronouns: a capitalised word no pronoun list holds, named
    # by the tagger or inside its sentence
    misread_name = token.pos_ == "PRON" and pronoun is None and token.text[:1].isupper() and (
        token.ent_type_ in NAME_LABELS or not token.is_sent_start) and token.is_alpha
    if (token.pos_ == "PRON" and not misread_name) or (
            pronoun is not None and token.pos_ != "PROPN" and not any(
                c.dep_ == "det" for c in token.children)):  # "une personne" is not "personne"
        start = token.idx + (1 if token.text.startswith("-") else 0)
        end = token.idx + len(token.text)
        kind = pronoun.kind if pronoun is not None else "pronoun"
        if kind == "neuter" and (token.dep_ == "expl" or token.head.lemma_ == "be" or any(
                c.dep_ == "cop" or c.lemma_ == "be" for c in token.head.children)):
            kind = "generic"  # "it's certain that …", "it is clear": nobody's words
        following = ctx.next_word(token.i)
        if token.lower_ in ("celui", "celle") and (following is None or following.lower_ not in (
                "qui", "que", "qu'", "qu’", "dont")):
            kind = "generic"  # « selon celui de la banque »: that of something, no one
        kind = {"personal": "pronoun", "demonstrative": "pronoun", "neuter": "pronoun"
                }.get(kind, kind)
        if pronoun is None and (lexicon.is_word("determiner_indefinite", token.text)
                                or token.lower_ in ("autre", "autres", "other", "others")):
            # "and another said …", « un autre a ajouté … »: one more unnamed person, not
            # whoever was named last
            return SpeakerMention(token.idx, token.idx + len(token.text), "anonymous",
                                  token.i, doc[token.left_edge.i].idx,
                                  token.idx + len(token.text))
        antecedent = None
        if kind == "relative":
            antecedent = _relative_antecedent(token)
        elif kind == "pronoun" and token.text.lower() in ("ce", "celui", "celle"):
            kind = "pronoun"
        return SpeakerMention(start, end, kind, token.i, start, end, antecedent)
    left, right = _np_bounds(token, ctx)
    np_start = doc[left].idx
    np_end = doc[right].idx + len(doc[right].text)
    of_name = _name_with_of(token, ctx)
    if of_name is not None:
        # "House of Fraser has said", "the Bank of England said": one body's name
        first = next(t for t in doc[left:token.i + 1] if t.text[:1].isupper())
        return SpeakerMention(first.idx, of_name.idx + len(of_name.text), "name", token.i,
                              np_start, max(np_end, of_name.idx + len(of_name.text)))
    phrase = ctx.text[np_start:np_end].lower().replace("’", "'")
    if lexicon.pronoun(phrase) is not None:  # "ce dernier", "the latter"
        return SpeakerMention(np_start, np_end, "pronoun", token.i, np_start, np_end)
    right = _name_end_after(token, right, ctx)
    np_end = doc[right].idx + len(doc[right].text)
    left = _name_start_before(left, ctx)
    np_start = doc[left].idx
    holder = None
    if not _is_name_token(doc[left], ctx) and _title_word(doc[left], ctx) and left > 0 and \
            _is_name_token(doc[left - 1], ctx) and doc[left - 1].whitespace_ == " " and \
            not ctx.in_quotes(doc[left - 1]):
        # "Barrêt Koivogui chef d'antenne du massif déclare": a name right before a bare role
        # (the comma of the apposition left out) is the role's holder.
        k = left - 1
        while k > 0 and _is_name_token(doc[k - 1], ctx) and doc[k - 1].whitespace_ == " ":
            k -= 1
        holder = (k, left - 1)
        np_start = doc[k].idx
    if holder is None and not _is_name_token(doc[left], ctx) and _title_word(doc[left], ctx) \
            and right + 1 < len(doc) and doc[right + 1].text == ",":
        holder = _name_opening_apposition(left, ctx)
        if holder is not None:
            np_start = doc[holder[0]].idx
    # role + name, name + apposition
    name = holder or name_tokens(left, right, ctx, token)
    if name is not None and all(_title_word(t, ctx) for t in doc[name[0]:name[1] + 1]):
        # "Minister for Life Sciences, George Freeman, told": a capitalised title is not
        # the name when a person stands in apposition
        name = None if any(c.dep_ in ("appos", "nmod:appos") and c.ent_type_ in PERSON_LABELS
                           for c in token.children) else name
    if name is None:
        for child in token.children:
            if child.dep_ in ("appos", "flat:name") and child.pos_ in ("PROPN", "NOUN"):
                if child.text.isupper() and len(child.text) > 1 and \
                        child.ent_type_ not in PERSON_LABELS:
                    continue  # « le député PS »: the party's initials
                a_left, a_right = _np_bounds(child, ctx)
                name = name_tokens(a_left, a_right, ctx, child)
                if name is not None:
                    break
    if name is None and token.pos_ != "PROPN":
        name = _person_in_subject(token, ctx) or _comma_apposition(token, ctx)
    if name is not None:  # "l'avocate Inès Caron": the name of that role ("de X" never is)
        s, e = name
        article = ctx.previous_word(s)
        if (article is None or article.lower_ not in _INDEFINITE_ARTICLES) and left < s and \
                not any(t.is_punct for t in doc[left:s]):
            article = doc[left]  # "another commonwealth Democrat" (not "Another witness, X")
        if article is not None and article.lower_ in _INDEFINITE_ARTICLES and \
                doc[e].ent_type_ not in PERSON_LABELS:
            # "an Iowa Republican said", « un Américain »: a description of someone, not a
            # name; each one is a new person
            return SpeakerMention(article.idx, doc[e].idx + len(doc[e].text), "anonymous",
                                  token.i, article.idx, np_end)
        if ctx.lang == "en" and e < token.i and institution_noun(token, ctx) and all(
                t.dep_ == "compound" or t.i > e for t in doc[s:token.i]):
            e = token.i  # "the Trump administration": the body's name runs to its noun
        return SpeakerMention(doc[s].idx, doc[e].idx + len(doc[e].text), "name", token.i,
                              np_start, np_end)
    kind = _descriptive_kind(token, left, ctx)
    return SpeakerMention(np_start, np_end, kind, token.i, np_start, np_end)


def _name_end_after(token: Token, right: int, ctx: DocContext) -> int:
    """The last token of the speaker's noun phrase ending at `right`, stretched over the name
    parts the parser left outside it."""
    doc = ctx.doc
    # "indique le naturopathe Olivier Panisset": a name the parser hung beside the role
    j = right + 1
    while j < len(doc) and _is_name_token(doc[j], ctx) and doc[j].ent_type_ in PERSON_LABELS \
            and not ctx.in_quotes(doc[j]):
        right = j
        j += 1
    j = right + 1
    if j < len(doc) and doc[j].ent_iob_ == "B" and doc[j].ent_type_ in NAME_LABELS and \
            doc[j].text[:1].isupper() and doc[right].whitespace_ and not ctx.in_quotes(doc[j]) \
            and not _is_name_token(doc[right], ctx) and doc[right].pos_ in ("NOUN", "ADJ") \
            and institution_noun(token, ctx):
        # "le quotidien régional La Voix du Nord": a named entity right after its role noun,
        # whatever the parser hung it on
        while j + 1 < len(doc) and doc[j + 1].ent_iob_ == "I":
            j += 1
        right = j
    if (_honorific(doc[right], ctx) or doc[right].ent_type_ in PERSON_LABELS) and \
            right + 2 < len(doc) and _capitalised_particle(doc[right + 1], ctx) and \
            _is_name_token(doc[right + 2], ctx):
        # « plaide ainsi Mme Le Pen », « Marine Le Pen le reconnaît »: the surname hung apart
        # from the title or the given name
        right += 2
    return _name_run_end(right, ctx)


def _name_start_before(left: int, ctx: DocContext) -> int:
    """The first token of the speaker's noun phrase starting at `left`, stretched back over
    the name parts the parser left outside it."""
    doc = ctx.doc
    if left > 0 and _capitalised_particle(doc[left], ctx) and doc[left - 1].whitespace_ and \
            _is_name_token(doc[left - 1], ctx) and doc[left - 1].ent_type_ in PERSON_LABELS:
        left -= 1  # « a dit Marine Le Pen »: "Le" read as the article of "Pen"
        while left > 0 and _is_name_token(doc[left - 1], ctx) and \
                doc[left - 1].ent_type_ in PERSON_LABELS and doc[left - 1].whitespace_:
            left -= 1
    if _is_name_token(doc[left], ctx):
        left = _name_run_start(left, ctx)
    return left


def _name_with_of(token: Token, ctx: DocContext) -> Token | None:
    """The last word of "House of Fraser" when `token` is "House": an organisation's name
    (by the tagger) right before "of" and another capitalised name."""
    if ctx.lang != "en" or token.pos_ != "PROPN" or token.ent_type_ != "ORG" or \
            token.i + 2 >= len(ctx.doc):
        return None
    of, name = ctx.doc[token.i + 1], ctx.doc[token.i + 2]
    if of.lower_ != "of" or of.head.i != token.i or name.pos_ != "PROPN" or \
            not name.text[:1].isupper() or ctx.in_quotes(name):
        return None
    end = name
    while end.i + 1 < len(ctx.doc) and ctx.doc[end.i + 1].pos_ == "PROPN" and \
            ctx.doc[end.i + 1].text[:1].isupper() and ctx.doc[end.i + 1].head.i == name.i:
        end = ctx.doc[end.i + 1]
    return end


def _capitalised_particle(token: Token, ctx: DocContext) -> bool:
    """A name particle written with a capital inside a sentence: the "Le" of "Le Pen"."""
    return token.text[:1].isupper() and not token.is_sent_start and \
        ctx.lexicon.is_word("name_particle", token.text)


def _name_opening_apposition(left: int, ctx: DocContext) -> tuple[int, int] | None:
    """ "Hermen Hulst, directeur de PlayStation Studios, a déclaré": a name opening its
    sentence or paragraph, then a comma and the role phrase at `left` that the parser took for
    the subject; the name is the role's holder."""
    doc = ctx.doc
    end = left - 2
    if end < 0 or doc[left - 1].text != "," or not _is_name_token(doc[end], ctx) or \
            ctx.in_quotes(doc[end]) or ctx.is_time(doc[end]):
        return None
    start = end
    while start > 0 and _is_name_token(doc[start - 1], ctx) and doc[start - 1].whitespace_:
        start -= 1
    before = doc[start - 1] if start > 0 else None
    if before is not None and not before.is_space and before.text not in ".!?" and \
            ctx.token_paragraph[before.i] == ctx.token_paragraph[start]:
        return None  # « Selon Paul, le ministre … »: not the subject
    return start, end


def _name_run_end(right: int, ctx: DocContext) -> int:
    """ "le ministre Garance Renault" parsed with "Renault" outside the phrase: a name is the
    maximal run of capitalised proper nouns (particles and hyphens inside), whatever labels
    the tagger gave its parts."""
    doc = ctx.doc
    if not _is_name_token(doc[right], ctx):
        return right
    j = right + 1
    while j < len(doc) and not doc[j].is_sent_start and not ctx.in_quotes(doc[j]):
        token = doc[j]
        if token.pos_ == "PROPN" and _is_name_token(token, ctx) and not ctx.is_time(token):
            right = j
        elif j + 1 < len(doc) and _hyphenated_tail(j + 1, doc):
            right = j + 1  # « Moon Jae-in », « Kim Jong-un »
            j += 1
        elif token.text in ("-", "‐") or ctx.lexicon.is_word("name_particle", token.text):
            if not _capital_follows(j, min(len(doc) - 1, j + 3), ctx):
                break
        else:
            break
        j += 1
    return right


def particle_name_end(last: int, ctx: DocContext) -> int:
    """ "Ursula von der | Leyen": an entity the tagger ended on a name particle (or right
    before one) runs on to the capitalised words after the particles."""
    doc = ctx.doc
    lexicon = ctx.lexicon
    j = last if lexicon.is_word("name_particle", doc[last].text) else last + 1
    if j >= len(doc) or not lexicon.is_word("name_particle", doc[j].text) or \
            not _capital_follows(j, min(len(doc) - 1, j + 3), ctx):
        return last
    if j > last and (lexicon.is_word("of", doc[j].text)
                     or lexicon.is_word("determiner_definite", doc[j].text)):
        return last  # "Marine Le Pen du Rassemblement national": a complement, not the name
    while j < len(doc) and ctx.lexicon.is_word("name_particle", doc[j].text):
        j += 1
    return _name_run_end(j, ctx) if j < len(doc) else last


def _comma_apposition(token: Token, ctx: DocContext) -> tuple[int, int] | None:
    """ "The leader of Ennahda, Rachid Ghannouchi, condemned …": a person set between commas
    right after the role phrase (whatever word the parser hung it on)."""
    doc = ctx.doc
    j = token.i + 1
    limit = min(len(doc), token.i + 10)
    while j < limit and doc[j].text != "," and not doc[j].is_sent_start:
        if doc[j].pos_ in ("VERB", "AUX") or ctx.in_quotes(doc[j]):
            return None
        j += 1
    if j >= limit or doc[j].text != ",":
        return None
    first = j + 1
    if first >= len(doc) or doc[first].ent_iob_ != "B" or \
            doc[first].ent_type_ not in PERSON_LABELS:
        return None
    last = first
    while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
        last += 1
    after = ctx.next_word(last)
    if after is None or after.text not in (",", ")"):
        return None
    return first, last


def _person_in_subject(token: Token, ctx: DocContext) -> tuple[int, int] | None:
    """ "Membre de la coalition, le vice-Premier ministre Jan Hamáček, avait estimé": a person
    named in the subject's phrase (not after "de"/"of", not in a relative clause)."""
    if not token.dep_.startswith("nsubj"):
        return None
    doc = ctx.doc
    skip: set[int] = set()
    for child in token.children:
        if child.dep_ in ("acl:relcl", "relcl", "acl", "advcl"):
            skip.update(t.i for t in child.subtree)
    found = None
    for ent in ctx.ents:
        if ent.label_ not in PERSON_LABELS or ent.start in skip:
            continue
        if not (token.left_edge.i <= ent.start and ent.end - 1 <= token.right_edge.i):
            continue
        k = ent.start - 1
        while k >= 0 and (doc[k].pos_ == "DET" or _title_word(doc[k], ctx)):
            k -= 1  # (« les Forces … du général X »: the title too)
        if k >= 0 and (ctx.lexicon.is_word("of", doc[k].text) or doc[k].pos_ == "ADP"):
            continue
        if ent.root.dep_ not in ("appos", "nmod", "conj", "flat:name", "dep"):
            continue  # "Obama administration officials": a modifier, not the speaker
        found = (ent.start, ent.end - 1)
    return found


_INDEFINITE_ARTICLES = frozenset({"a", "an", "another", "un", "une"})


def _descriptive_kind(token: Token, left: int, ctx: DocContext) -> str:
    lexicon = ctx.lexicon
    doc = ctx.doc
    determiners = [c for c in token.children if c.dep_ in ("det", "poss", "nmod:poss")
                   and c.i < token.i]
    first = doc[left]
    plural = "Plur" in token.morph.get("Number") or token.tag_ in ("NNS", "NNPS")
    det_words = [d.text for d in determiners] + [first.text]
    if lexicon.is_word("quantity_noun", token.lemma_) or \
            lexicon.is_word("quantity_noun", token.text):
        # "27 percent said …", and "another 43 percent" is not those 27 percent
        return "anonymous" if any(lexicon.is_word("determiner_indefinite", w)
                                  for w in det_words) else "group"
    if plural:
        return "group"
    title = lexicon.title(token.lemma_) or lexicon.title(token.text)
    if title is not None and title.kind == "institution":
        return "group"
    if any(lexicon.is_word("determiner_indefinite", w) for w in det_words):
        return "anonymous"
    if title is not None and title.kind in ("relational", "anonymous"):
        return "anonymous"
    return "role"


def _relative_antecedent(token: Token) -> int | None:
    verb = token.head
    if verb.dep_ in ("relcl", "acl:relcl", "acl") and verb.head.i != verb.i:
        noun = verb.head
        if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.head.i < noun.i:
            # "the Tea PAC, a local group which said …": the name the apposition describes
            return noun.head.i
        return noun.i
    return None


def animate(token: Token, ctx: DocContext, depth: int = 0) -> bool:
    """Can `token` head the source of a statement: a name, a personal pronoun, a role,
    an institution, a word shaped like a person noun ("naturopathe", "campaigner")?"""
    lexicon = ctx.lexicon
    if token.pos_ == "PROPN" or token.ent_type_ in NAME_LABELS or ctx.person_surname(token):
        return True
    pronoun = lexicon.pronoun(token.text)
    if pronoun is not None:
        if pronoun.kind == "relative":
            antecedent = _relative_antecedent(token)
            return antecedent is None or depth > 2 or animate(token.doc[antecedent], ctx,
                                                              depth + 1)
        return pronoun.kind != "first"
    title = lexicon.title(token.lemma_) or lexicon.title(token.text)
    if title is not None:
        return title.kind != "document"
    if token.pos_ in ("NUM", "PRON", "DET", "ADJ") and depth <= 2:
        # "one of the people close to him", « l'un des manifestants »: a share of a group
        # speaks when the group could
        for child in token.children:
            inner = child
            if child.dep_ == "prep" and child.lower_ == "of":
                inner = next((c for c in child.children if c.dep_ == "pobj"), None)
            elif not (child.dep_.startswith("nmod") and any(
                    c.dep_ == "case" and c.lower_ in ("de", "des", "d'", "d’") for c in
                    child.children)):
                continue
            if inner is not None and animate(inner, ctx, depth + 1):
                return True
    word = token.lemma_.lower() if token.pos_ == "NOUN" else token.lower_
    return any(word.endswith(suffix) and len(word) > len(suffix) + 2
               for suffix in lexicon.words("human_suffix"))


def author_of_statement(source: Token, ctx: DocContext) -> Token:
    """ "according to a statement from the Ministry of Defence", « selon un communiqué de la
    préfecture », « a affirmé une étude de l'ONG X »: the body that issued the statement or
    the document is the source."""
    title = ctx.lexicon.title(source.lemma_) or ctx.lexicon.title(source.text)
    if source.lemma_.lower() in ctx.lexicon.nominal_cues or \
            source.lower_ in ctx.lexicon.nominal_cues or (title is not None
                                                          and title.kind == "document"):
        agent = _participle_agent(source, ctx)
        if agent is not None and not ctx.in_quotes(agent) and animate(agent, ctx):
            # « selon un bilan communiqué samedi par les autorités », "data obtained by the
            # site": whoever published or obtained it
            return agent
    if source.lemma_.lower() not in ctx.lexicon.nominal_cues and \
            source.lower_ not in ctx.lexicon.nominal_cues and \
            (title is None or title.kind != "document" or "Plur" in source.morph.get("Number")
             or source.tag_ == "NNS"):
        return source  # (« selon les chiffres du ministère »: data, no statement)
    for child in source.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects and animate(objects[0], ctx):
                return objects[0]
        if child.dep_ == "nmod" and animate(child, ctx) and any(
                g.dep_ == "case" and g.lower_ in ("de", "du", "des", "d'", "d’")
                for g in child.children):
            return child
    if source.dep_ in ("dobj", "obj") and source.head.pos_ in ("VERB", "AUX"):
        # "AQAP released a statement announcing …", « le parquet a publié un communiqué
        # indiquant … »: who issued the document
        issuer = grammatical_subject(source.head, ctx)
        if issuer is not None and not ctx.in_quotes(issuer) and animate(issuer, ctx):
            return issuer
    return source


def _participle_agent(noun: Token, ctx: DocContext) -> Token | None:
    """The agent of a participle of publishing modifying `noun` (« publié par X », "released
    by X")."""
    for child in noun.children:
        if child.dep_ not in ("acl", "amod"):
            continue
        participle = "Part" in child.morph.get("VerbForm") or child.tag_ == "VBN"
        lemma = child.lemma_.lower()
        if not participle and ctx.lang == "fr" and child.lower_.endswith("é"):
            # « un bilan communiqué samedi par … »: the participle tagged as the noun
            # « communiqué »
            participle, lemma = True, child.lower_[:-1] + "er"
        if not participle or not ctx.lexicon.is_word("publishing_verb", lemma):
            continue
        for agent in child.children:
            if agent.dep_ == "obl:agent" or (agent.dep_ in ("obl", "obl:mod") and any(
                    g.dep_ == "case" and g.lower_ == "par" for g in agent.children)):
                return agent
            if agent.dep_ == "agent":
                return next((g for g in agent.children if g.dep_ == "pobj"), None)
        # « communiqué samedi 4 novembre par les autorités »: the agent hung on the date
        for token in ctx.doc[child.i + 1:child.i + 8]:
            if token.is_punct:
                break
            if token.lower_ == "par" and token.dep_ == "case" and token.head.i > token.i:
                return token.head
    return None


def speaker_for(cue: Cue, ctx: DocContext, *, allow_inverted: bool = True
                ) -> SpeakerMention | None:
    token = speaker_token(cue, ctx, allow_inverted=allow_inverted)
    if token is None or ctx.in_quotes(token):
        return None
    return mention_for(document_author(token, ctx), ctx)


def document_author(token: Token, ctx: DocContext) -> Token:
    """ « a affirmé une étude de l'ONG X »: a report or study speaks for its author;
    "the ministry issued a statement saying": a statement for whoever issued it."""
    return author_of_statement(token, ctx)
