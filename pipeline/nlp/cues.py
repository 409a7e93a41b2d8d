"""Cue stage: the reporting expressions ("a déclaré", "a-t-il ajouté", "said", "selon").

A verb is a cue when its lemma or surface form is in the language's cue lexicon, it is used
as a verb (the tagger's word, or a position only a verb can hold: after an auxiliary, before
an inverted subject "-t-il", right after a closing quotation mark), and it reports an actual
statement: not negated, not an agentless passive, not imagined ("as if to say").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from pipeline.nlp.context import DocContext
from pipeline.nlp.marks import CLOSING, STRAIGHT, Segment
from pipeline.nlp.resources import CueVerb, Lexicon, english_forms, french_forms

AUX_DEPS = {"aux", "aux:tense", "aux:pass", "auxpass"}


def norm_token(token: Token) -> str:
    """A token as the word lists spell it: lower case, straight apostrophe."""
    return token.lower_.replace("’", "'")


_norm = norm_token


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting verb found in the text."""

    token: Token  # the verb that carries the complement ("savoir" of "a fait savoir")
    head: Token  # the verb whose subject is the speaker ("fait" of "a fait savoir")
    entry: CueVerb
    start: int  # character span of the whole expression
    end: int
    inverted: Token | None = None  # "-il" of "a-t-il ajouté"

    @property
    def cue_class(self) -> str:
        return self.entry.cue_class

    def takes(self, frame: str) -> bool:
        return frame in self.entry.frames


def cue_word(token: Token, lexicon: Lexicon) -> str | None:
    """The lexicon word `token` is a form of, if any."""
    word = lexicon.forms.get(norm_token(token))
    if word is None:
        lemma = token.lemma_.lower()
        word = lemma if lemma in lexicon.cues and token.pos_ in ("VERB", "AUX") else None
    if word is None:
        return None
    entries = lexicon.cue_entries(word)
    if entries and all(e.particle is not None or e.governor is not None for e in entries) \
            and not any(_completed(token, e, lexicon) for e in entries):
        return None  # "making up" is not "make clear", « savoir » alone not « faire savoir »
    return word


def _completed(token: Token, entry: CueVerb, lexicon: Lexicon) -> bool:
    if entry.particle is not None:
        return has_particle(token, entry.particle)
    return _governor(token, entry, lexicon) is not None


def same_form_conjunct(verb: Token) -> bool:
    """`verb` is coordinated with an earlier verb in the very same form and has no auxiliary of
    its own: "transmettrait X et demanderait Y", "would resign and ask", so it shares that
    verb's clause (and subject); "et a ajouté", "and insisted" after "said" do not."""
    other = verb.head
    if verb.dep_ != "conj" or other.i >= verb.i:
        return False
    if any(c.dep_ in AUX_DEPS for c in verb.children) or verb.tag_ != other.tag_:
        return False
    return all(verb.morph.get(f) == other.morph.get(f) for f in ("Mood", "Tense", "VerbForm"))


def subject_after_coordinator(verb: Token, ctx: DocContext, *, after: int = -1
                              ) -> tuple[Token, Token] | None:
    """ "… and the Indonesian government firing back that …": a subject-less reporting verb
    right after a noun phrase that a coordinator opens (after token `after`): the phrase's
    head (its subject, which the parser hung elsewhere) and the coordinator."""
    if not any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i for c in verb.children):
        return None  # only a verb with a clause of its own starts a report
    doc = ctx.doc
    subjects = [c for c in verb.children if c.dep_.startswith("nsubj") and c.i < verb.i]
    if subjects:
        head, first = subjects[0], subjects[0].left_edge.i
    else:
        first = verb.i
        while first - 1 > after and doc[first - 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN"):
            first -= 1
        if first == verb.i or doc[first].pos_ not in ("DET", "PROPN"):
            return None
        head = doc[verb.i - 1]
    before = ctx.previous_word(first)
    if before is None or before.i <= after or not ctx.lexicon.is_word("coordinator",
                                                                      before.text):
        return None
    return head, before


def inverted_pronoun(token: Token, lexicon: Lexicon) -> bool:
    """ "-il" of "a-t-il", "-elle" of "affirme-t-elle"."""
    return token.text.startswith("-") and lexicon.is_word("subject_clitic",
                                                          token.text.lstrip("-"))


def _confirmed_as_verb(token: Token, ctx: DocContext) -> bool:
    if token.pos_ in ("VERB", "AUX"):
        return True
    after = ctx.next_word(token.i)
    lexicon = ctx.lexicon
    if after is not None and (after.text.startswith("-t") or inverted_pronoun(after, lexicon)):
        return True
    if after is not None and after.text == ":":
        opening = ctx.next_word(after.i)
        if opening is not None and ctx.segment_at_open(opening.idx) >= 0:
            return True  # "X, 34 ans, raconte : « … »"
    before = ctx.previous_word(token.i)
    if before is None:
        return False
    if lexicon.is_word("auxiliary", _norm(before)) or inverted_pronoun(before, lexicon):
        return True
    if _auxiliary_across_adverbial(token, ctx):
        return True
    if before.text in CLOSING or before.text == STRAIGHT:
        return True
    if _after_quotation(token, ctx):
        return True
    if ctx.lang == "fr" and (before.text == "," or before.pos_ == "PROPN") and not any(
            c.dep_ == "det" for c in token.children) and _clause_follows(token):
        return True  # « l'avocat …, demande au juge d'appliquer … », "demande" tagged a noun
    if ctx.lang == "fr" and after is not None and lexicon.is_word("complementizer", _norm(after)) \
            and any(c.dep_ == "nsubj" and c.i < token.i for c in token.children) and not any(
                c.dep_ == "det" for c in token.children):
        return True  # « l'armée rétorque que … », « rétorque » tagged an adjective
    return ctx.lang == "fr" and lexicon.is_word("subject_clitic", _norm(before))


# French clitics of the person spoken to, which stand between a quotation and its verb
# (« », nous assure X », « …, lui a fait écho X »)
DATIVE_CLITICS = frozenset({"lui", "leur", "nous", "vous", "me", "m'", "te", "t'"})


def _auxiliary_across_adverbial(token: Token, ctx: DocContext) -> bool:
    """ « », a par exemple résumé X »: an auxiliary right after the quotation's comma, then
    a short adverbial, then the participle (which the tagger may have read as a noun)."""
    doc = token.doc
    for k in range(token.i - 2, max(-1, token.i - 5), -1):
        word = doc[k]
        if ctx.lexicon.is_word("auxiliary", _norm(word)):
            between = doc[k + 1:token.i]
            return all(t.pos_ in ("ADV", "ADP", "NOUN", "DET") and not t.is_punct
                       for t in between) and _after_quotation(word, ctx)
        if word.is_punct or word.pos_ in ("VERB", "AUX", "PRON", "PROPN"):
            return False
    return False


def _after_quotation(token: Token, ctx: DocContext) -> bool:
    """ "“…,” said", « « … », déplore »: the word right after a quotation's closing mark and
    its comma."""
    before = ctx.previous_word(token.i)
    if before is not None and (_norm(before) in ctx.lexicon.words("reflexive") or (
            ctx.lang == "fr" and _norm(before) in DATIVE_CLITICS)):
        before = ctx.previous_word(before.i)  # « », s'inquiète X », « », nous assure X »
    if before is None or before.text != ",":
        return False
    earlier = ctx.previous_word(before.i)
    return earlier is not None and (earlier.text in CLOSING or earlier.text == STRAIGHT)


def _clause_follows(token: Token) -> bool:
    """A « que » clause or a « de » + infinitive follows closely, as after a verb of saying."""
    after = list(token.doc[token.i + 1:token.i + 7])
    if any(_norm(t) in ("que", "qu'") for t in after[:4]):
        return True
    return any(_norm(t) in ("de", "d'") and n + 1 < len(after)
               and "Inf" in after[n + 1].morph.get("VerbForm") for n, t in enumerate(after))


def _is_negated(verb: Token, ctx: DocContext) -> bool:
    """ "did not say", "n'a pas dit" (French needs both "ne" and the second word); words in
    quotation marks ("“Never,” he replied") do not count."""
    lexicon = ctx.lexicon
    children = [c for c in verb.children if not ctx.in_quotes(c) and not ctx.is_mark(c)]
    if any(c.dep_ == "neg" for c in children):
        return True
    negators = [c for c in children if lexicon.is_word("negation", _norm(c))
                and c.dep_.startswith("advmod")]
    if not negators:
        return False
    if lexicon.lang != "fr":
        return True
    doc = verb.doc
    window = doc[max(0, verb.i - 5):verb.i]
    return any(_norm(t) in ("ne", "n'") and not ctx.in_quotes(t) for t in window)


def _adjectival_participle(verb: Token) -> bool:
    """A past participle without auxiliary that modifies a noun or stands as a passive
    adverbial ("retirement — revealed just before the deadline", "Asked why, …")."""
    past = verb.tag_ == "VBN" or ("Part" in verb.morph.get("VerbForm")
                                  and "Past" in verb.morph.get("Tense"))
    if not past or any(c.dep_ in AUX_DEPS for c in verb.children):
        return False
    return verb.dep_ in ("acl", "amod", "advcl", "nmod", "appos")


def auxiliary_before_pronoun_incise(verb: Token, ctx: DocContext) -> Token | None:
    """ « L'Union a, elle, demandé … », « a, lui aussi, affirmé »: the auxiliary before a
    pronoun set between commas that only repeats the subject (the parser then loses both)."""
    if ctx.lang != "fr":
        return None
    doc = ctx.doc
    j = verb.i - 1
    words = []
    while j >= 0 and len(words) < 4 and (doc[j].is_punct or doc[j].pos_ in ("PRON", "ADV")):
        words.append(doc[j])
        j -= 1
    if j < 0 or "," not in (w.text for w in words) or not any(
            ctx.lexicon.pronoun(w.text) is not None for w in words):
        return None
    return doc[j] if ctx.lexicon.is_word("auxiliary", _norm(doc[j])) else None


def _agentless_passive(verb: Token, ctx: DocContext) -> bool:
    """ "it was said that …": no speaker. (The parser sometimes labels the "-elle" of
    "a-t-elle expliqué" a passive subject: only a passive auxiliary counts, and not one in
    the quotation the parser hung on the verb: « … qu'elles l'étaient », a-t-il ajouté.)"""
    passive = any(c.dep_ in ("auxpass", "aux:pass") and not ctx.in_quotes(c)
                  for c in verb.children)
    if not passive:
        return False
    # « est-il indiqué dans un communiqué des forces armées »: the text named is the agent
    documented = any(
        c.pos_ == "NOUN" and c.lemma_.lower() in ctx.lexicon.nominal_cues
        and any(g.dep_ == "case" and g.lower_ in ("dans", "in") for g in c.children)
        and any(g.dep_ in ("nmod", "prep") for g in c.children)
        for c in verb.children)
    return not documented and not any(c.dep_ in ("agent", "obl:agent") for c in verb.children)


def _imagined(verb: Token, lexicon: Lexicon) -> bool:
    """ "as if to say …", "comme pour dire": a hypothetical utterance, not a reported one."""
    doc = verb.doc
    window = [_norm(t) for t in doc[max(0, verb.i - 3):verb.i]]
    marker = lexicon.words("infinitive_marker") | {"pour"}
    if any(lexicon.is_word("imagined", w) for w in window) and any(
            w in marker for w in window[-2:]):
        return True
    # « Ainsi X pourra-t-il dire que … », "he could say that …": an utterance to come or
    # possible, not one made (« a pu dire » is one made)
    head = verb.head
    return "Inf" in verb.morph.get("VerbForm") and head.i < verb.i and \
        head.lemma_.lower() in ("pouvoir", "can", "could") and any(
            m in head.morph.get("Tense") + head.morph.get("Mood") for m in ("Fut", "Cnd"))


def _governor(token: Token, entry: CueVerb, lexicon: Lexicon) -> Token | None:
    """The governing verb of a light-verb cue ("fait" of "fait savoir"), if present."""
    doc = token.doc
    j = token.i - 1
    for word in reversed(entry.prefix):
        while j >= 0 and doc[j].is_space:
            j -= 1
        if j < 0 or doc[j].lower_.replace("’", "'") != word:
            return None
        j -= 1
    for k in range(j, max(-1, j - 3), -1):
        candidate = doc[k]
        if candidate.is_punct:
            return None
        lemma = candidate.lemma_.lower()
        form = _norm(candidate)
        if lemma == entry.governor or (entry.governor and (
                form in french_forms(entry.governor)
                or (form in lexicon.words("governor_form")
                    and form[:2] == entry.governor[:2]))):
            return candidate
    return None


def _has_reflexive(token: Token, ctx: DocContext) -> bool:
    doc = token.doc
    for k in range(token.i - 1, max(-1, token.i - 4), -1):
        if ctx.lexicon.is_word("reflexive", _norm(doc[k])):
            return True
        if doc[k].is_punct or _clitic_barrier(doc[k]):
            return False
    return any(ctx.lexicon.is_word("reflexive", _norm(c)) and c.i < token.i
               for c in token.children)


def _reflexive_clitic(token: Token, ctx: DocContext) -> bool:
    """The clitic before the verb is "se"/"s'" (not "nous"/"vous", which may be objects)."""
    doc = token.doc
    for k in range(token.i - 1, max(-1, token.i - 4), -1):
        if _norm(doc[k]) in ("se", "s'"):
            return True
        if doc[k].is_punct or _clitic_barrier(doc[k]):
            return False
    return False


def _clitic_barrier(token: Token) -> bool:
    """A word no clitic of the next verb stands before: another verb, or the preposition of
    a gerund or infinitive (« il se défend en indiquant », « se dit prêt à expliquer »)."""
    return token.pos_ == "VERB" or (token.pos_ == "ADP" and token.dep_ in ("mark", "case"))


def has_particle(token: Token, particle: str) -> bool:
    if any(c.dep_ in ("prt", "compound:prt") and c.lower_ == particle for c in token.children):
        return True
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.lower_ == "it" and token.i + 3 < len(token.doc) and \
            token.nbor(3).lower_ == "that":
        nxt = token.nbor(2)  # "made it clear that …"
    return nxt is not None and nxt.lower_ == particle


def select_entry(token: Token, ctx: DocContext) -> tuple[CueVerb, Token] | None:
    """The lexicon entry `token` realises (most specific first) and its governing verb."""
    word = cue_word(token, ctx.lexicon)
    if word is None:
        return None
    plain: CueVerb | None = None
    for entry in sorted(ctx.lexicon.cue_entries(word),
                        key=lambda e: (e.governor is None, not e.reflexive, e.particle is None)):
        if entry.governor is not None:
            governor = _governor(token, entry, ctx.lexicon)
            if governor is not None:
                if entry.reflexive and not _has_reflexive(governor, ctx):
                    continue
                return entry, governor
            continue
        if entry.particle is not None:
            if has_particle(token, entry.particle):
                return entry, token
            continue
        if entry.reflexive:
            if _has_reflexive(token, ctx):
                return entry, token
            continue
        if ctx.lang == "fr" and _has_reflexive(token, ctx) and _reflexive_clitic(token, ctx):
            continue  # "s'assurer", "se demander": another verb than the cue
        plain = plain or entry
    if plain is None:
        return None
    return plain, token


def auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in AUX_DEPS and c.i < verb.i]


def cue_extent(token: Token, head: Token, ctx: DocContext, entry: CueVerb
               ) -> tuple[int, int, Token | None]:
    """Character span of the reporting expression, and its inverted subject pronoun."""
    doc = token.doc
    first = min(token.i, head.i)
    for aux in auxiliaries(head):
        if head.i - aux.i <= 5:
            first = min(first, aux.i)
    reflexive = ctx.lexicon.words("reflexive")
    if entry.reflexive:
        for j in range(first - 1, max(-1, first - 3), -1):
            if _norm(doc[j]) in reflexive:
                first = j
                break
    last = token.i
    inverted = None
    for j in range(first, min(len(doc), token.i + 3)):
        if inverted_pronoun(doc[j], ctx.lexicon):
            inverted = doc[j]
            last = max(last, j)
        elif j > token.i and not doc[j].text.startswith("-"):
            break
    if entry.particle is not None:
        for j in range(token.i + 1, min(len(doc), token.i + 4)):
            if doc[j].lower_ == entry.particle:
                last = max(last, j)
                break
    start = doc[first].idx
    end = doc[last].idx + len(doc[last].text)
    return start, end, inverted


@lru_cache(maxsize=4)
def _semi_auxiliary_forms(lang: str, lemmas: frozenset[str]) -> frozenset[str]:
    forms = french_forms if lang == "fr" else english_forms
    return frozenset(f for lemma in lemmas for f in forms(lemma))


def _semi_auxiliary(verb: Token, ctx: DocContext) -> bool:
    """ « tente », "tried": a verb whose infinitive complement can be the reporting verb (by
    form too: the lemmatiser reads « tente » as the noun)."""
    lemmas = ctx.lexicon.words("semi_auxiliary")
    return verb.lemma_.lower() in lemmas or \
        verb.lower_ in _semi_auxiliary_forms(ctx.lang, lemmas)


def _narrating_auxiliary(verb: Token, ctx: DocContext) -> bool:
    """ « », devait-elle ajouter », « », allait-il préciser »: « devoir » or « aller » in the
    imperfect with an inverted subject, the press's way of telling what was said next (a plan,
    « doit annoncer », is not)."""
    after = ctx.next_word(verb.i)
    return ctx.lang == "fr" and verb.lemma_.lower() in ("devoir", "aller") and \
        "Imp" in verb.morph.get("Tense") and after is not None and \
        inverted_pronoun(after, ctx.lexicon)


def after_quotation_and_subject(verb: Token, ctx: DocContext) -> bool:
    """ "“…,” Trump posted on Truth Social": a participle the parser hung on the name right
    after a closing quotation mark is the reporting verb of that name."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.i >= verb.i or noun.pos_ not in ("PROPN", "NOUN", "PRON"):
        return False
    before = ctx.previous_word(noun.left_edge.i)
    return before is not None and (before.text in CLOSING or before.text == STRAIGHT)


def cue_group_start(cue: Cue) -> int:
    """Index of the first token of the cue's verb group: its own words, an auxiliary right
    before them (« …, a fait savoir X »: the tense of a light verb may stand outside the cue's
    words) and a French dative clitic."""
    doc = cue.token.doc
    first = min(cue.token.i, cue.head.i)
    while first > 0 and doc[first - 1].idx >= cue.start:
        first -= 1
    # (an auxiliary the tagger misread, « a » tagged X before « tweeté », still counts)
    auxiliaries = [c.i for verb in (cue.head, cue.token) for c in verb.children
                   if ((c.dep_.startswith("aux") and c.pos_ == "AUX")
                       or c.lemma_.lower() in ("avoir", "être")) and c.i < first
                   and first - c.i <= 2]
    first = min(auxiliaries, default=first)
    verb_person = (doc[first].morph.get("Person") or ["3"])[0]
    if first > 0 and doc[first - 1].lang_ == "fr" and _norm(doc[first - 1]) in DATIVE_CLITICS \
            and verb_person == "3":
        first -= 1  # « …, lui a fait écho X », « …, nous assure X »: the verb group's clitic
        # (not « vous relevez … », where the verb's person makes « vous » its subject)
    return first


_NICKNAME_FORMS = frozenset({"dit", "dite", "dits", "dites", "alias"})


def _nickname_participle(token: Token, ctx: DocContext) -> bool:
    """ « Souleymane Kamagaté dit « Soul to Soul » »: « dit » between a name and a short
    capitalised name in quotation marks means "known as", not "says"."""
    if ctx.lang != "fr" or token.lower_ not in _NICKNAME_FORMS:
        return False
    before = ctx.previous_word(token.i)
    opening = ctx.next_word(token.i)
    if before is None or before.pos_ != "PROPN" or opening is None:
        return False
    k = ctx.segment_at_open(opening.idx)
    if k < 0:
        return False
    segment = ctx.segments[k]
    inner = ctx.text[segment.start:segment.end]
    words = inner.split()
    after = ctx.text[segment.outer_end:].lstrip()[:1]
    if not (after in (",", ")") or after.islower()):
        return False  # « Jean dit « Non merci ». »: a reply that ends the sentence
    return 0 < len(words) <= 4 and inner[:1].isupper() and inner[-1:] not in ".!?…" and \
        not any(t.pos_ in ("VERB", "AUX") for t in ctx.doc.char_span(
            segment.start, segment.end, alignment_mode="expand") or [])


def find_verb_cues(ctx: DocContext) -> Iterator[Cue]:
    """Every reporting verb of the article's prose outside quotation marks."""
    found: set[int] = set()
    for token in ctx.tokens:
        if token.is_punct or token.is_space or not ctx.is_prose(token) or ctx.in_quotes(token):
            continue
        selected = select_entry(token, ctx)
        if selected is None:
            continue
        entry, head = selected
        if not _confirmed_as_verb(token, ctx) and head is token:
            continue
        if _nickname_participle(token, ctx):
            continue
        if head is token and token.dep_ == "xcomp" and token.head.i < token.i and (
                _semi_auxiliary(token.head, ctx) or _narrating_auxiliary(token.head, ctx)):
            head = token.head  # « tente d'expliquer le ministre »: the governing verb's clause
        before = ctx.previous_word(head.i)
        if _adjectival_participle(head) and not (
                before is not None and ctx.lexicon.is_word("coordinator", before.text)) \
                and auxiliary_before_pronoun_incise(head, ctx) is None \
                and not after_quotation_and_subject(head, ctx) \
                and not (head is token and _after_quotation(token, ctx)):
            continue  # "sa retraite, révélée la veille": a modifier, not a report
        if any(c.dep_ == "mark" and ctx.lexicon.is_word("conditional", c.text)
               and not ctx.in_quotes(c) for c in head.children):
            continue  # "si elle estime que …": a condition, not a report
        if _is_negated(token, ctx) or _is_negated(head, ctx) \
                or _agentless_passive(head, ctx) or _imagined(token, ctx.lexicon):
            continue
        start, end, inverted = cue_extent(token, head, ctx, entry)
        found.add(token.i)
        yield Cue(token=token, head=head, entry=entry, start=start, end=end, inverted=inverted)
    yield from _inverted_incises(ctx, found)


_INCISE_MAX_WORDS = 6


def _inverted_incises(ctx: DocContext, taken: set[int]) -> Iterator[Cue]:
    """ « « … », a-t-il tenté de déminer », « « … », s'amuse-t-elle »: right after a
    quotation and its comma, a short verb group with an inverted subject pronoun attributes
    the quotation whatever its verb (the lexicon cannot list every verb a writer uses there)."""
    if ctx.lang != "fr":
        return
    doc = ctx.doc
    lexicon = ctx.lexicon
    for segment in ctx.segments:
        closing = ctx.token_at(segment.outer_end - 1) if segment.close is not None else None
        comma = ctx.next_word(closing.i) if closing is not None else None
        if comma is None or comma.text != "," or not ctx.is_prose(comma):
            continue
        group: list[Token] = []
        j = comma.i + 1
        while j < len(doc) and not doc[j].is_punct and len(group) <= _INCISE_MAX_WORDS:
            if not doc[j].is_space:
                group.append(doc[j])
            j += 1
        if not group or len(group) > _INCISE_MAX_WORDS or any(t.i in taken for t in group):
            continue
        inverted = next((t for t in group if inverted_pronoun(t, lexicon)), None)
        if inverted is None:
            nominal = _nominal_inversion(group, segment, ctx)
            if nominal is not None:
                yield nominal
            continue
        if inverted.lower_ == "-on":
            continue  # « peut-on lire dans X »: the impersonal reading names its source
        reflexive = _norm(group[0]) in lexicon.words("reflexive")
        verb = next((t for t in group if not t.text.startswith("-")
                     and _norm(t) not in lexicon.words("reflexive")
                     and not (lexicon.is_word("auxiliary", _norm(t)) and t is not group[-1])),
                    None)
        if verb is None:
            continue
        entry = CueVerb(verb.lemma_.lower(), verb.lemma_.lower(), "statement",
                        frozenset({"direct"}), reflexive=reflexive)
        end = max(inverted.idx + len(inverted.text), verb.idx + len(verb.text))
        yield Cue(token=verb, head=verb, entry=entry, start=group[0].idx, end=end,
                  inverted=inverted)


def _nominal_inversion(group: list[Token], segment: Segment, ctx: DocContext) -> Cue | None:
    """ « « … », gronde Me X », « « … », avait déjà esquissé le président »: right after a
    quotation in whole sentences and its comma, a verb group followed by a named or described
    subject attributes the quotation whatever its verb, as the pronoun inversion does."""
    lexicon = ctx.lexicon
    words = ctx.text[segment.start:segment.end].split()
    if len(words) < 3 or not group[0].text[:1].islower():
        return None
    verbs: list[Token] = []
    reflexive = bool(group) and _norm(group[0]) in lexicon.words("reflexive") and len(group) > 1
    if reflexive:
        group = group[1:]  # « s'est justifié Joe Biden », « s'enflammait X »
    governing = None  # « finit par ironiser la présidente »: the finite verb before « par »
    for n, token in enumerate(group):
        if token.pos_ in ("VERB", "AUX") or (token.pos_ == "ADV" and verbs):
            verbs.append(token)
            continue
        if verbs and token.pos_ == "ADP" and n + 1 < len(group) and \
                "Inf" in group[n + 1].morph.get("VerbForm"):
            governing = governing or verbs[-1]
            verbs.append(token)
            continue
        break
    if not verbs and len(group) > 2 and group[0].pos_ in ("NOUN", "ADJ", "NUM") and \
            group[1].pos_ == "DET" and group[2].pos_ == "NOUN" and (
                lexicon.title(group[2].lemma_) is not None or any(
                    group[2].lower_.endswith(suffix) and len(group[2].lower_) > len(suffix) + 2
                    for suffix in lexicon.words("human_suffix"))) and \
            not any(c.dep_ == "det" for c in group[0].children):
        verbs = [group[0]]  # « marmonne le paternel »: the verb tagged an adjective
    if not verbs and len(group) > 1 and group[0].pos_ in ("NOUN", "ADJ", "NUM") and (
            group[1].pos_ == "PROPN" or lexicon.title(group[1].text) is not None) and \
            not any(c.dep_ == "det" for c in group[0].children):
        verbs = [group[0]]  # « gronde Me X »: a rare verb the tagger took for a noun
    subject = group[len(verbs)] if len(verbs) < len(group) else None
    main = governing or next((t for t in reversed(verbs) if t.pos_ not in ("ADV", "ADP")),
                             None)
    if main is None or subject is None:
        return None
    form = main.morph.get("VerbForm")
    if "Inf" in form or "Ger" in form:
        return None
    if "Part" in form and not any(lexicon.is_word("auxiliary", _norm(t)) for t in verbs[:-1]):
        return None  # « « … », publié par X »: a participle describes, it does not report
    name_run = subject.text[:1].isupper() and (
        subject.ent_type_ in ("PER", "PERSON") or (
            len(group) > len(verbs) + 1 and group[len(verbs) + 1].pos_ == "PROPN"))
    if not (subject.pos_ == "PROPN" or name_run or lexicon.title(subject.text) is not None
            or (subject.pos_ == "DET" and len(group) > len(verbs) + 1
                and group[len(verbs) + 1].pos_ in ("NOUN", "PROPN"))):
        return None
    # the verb that says (« glousser » of « finit par glousser »), governed by the finite one
    saying = next((t for t in reversed(verbs) if t.pos_ not in ("ADV", "ADP")), main)
    lemma = saying.lemma_.lower()
    entry = CueVerb(lemma, lemma, "statement", frozenset({"direct"}), reflexive=reflexive)
    start = ctx.doc[group[0].i - 1].idx if reflexive else group[0].idx
    return Cue(token=saying, head=main, entry=entry, start=start,
               end=saying.idx + len(saying.text))
