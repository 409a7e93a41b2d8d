"""Stance-bearing reported forms that are not a reporting verb with a clause.

Three forms, each a quotation of kind ``indirect`` (``mixed`` when it holds quotation marks):

- an attitude predicated of the speaker through a linking verb, with a clause, an infinitive or
  a prepositional phrase: "X is concerned (that) …", "X remains convinced that …", « X se dit
  inquiet que … », « X est favorable à … »; the cue is the predicate phrase ("is concerned");
- a verb of criticism, praise, support or demand with a noun-phrase object and no clause:
  "X condemned the attack", « X a salué la décision »; the content is the object's phrase;
- a call: "X called for …", "X joined growing calls for …", « X a appelé à … », « X a lancé un
  appel à … »; the content is the demanded thing, from its preposition.

The words are data (``resources/attitude_predicates.tsv``). The speaker must be a person, a
group or an organisation (a name, a personal pronoun, a role or a body), never an event or a
thing; a verb of sentencing with a person as object ("the court condemned him to prison") is
narration, not a stance. Nothing here claims text or a cue another rule already explained.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Token

from pipeline.config import RESOURCES_DIR
from pipeline.nlp.content import (
    comma_participle,
    complement_clause,
    include_marks,
    infinitive_complement,
    surface_clause,
    trim_span,
)
from pipeline.nlp.cues import (
    AUX_DEPS,
    Cue,
    _has_reflexive,
    _is_negated,
    _reflexive_clitic,
    has_particle,
)
from pipeline.nlp.resources import CueVerb, english_forms, french_forms
from pipeline.nlp.source import (
    PERSON_LABELS,
    SpeakerMention,
    animate,
    bare_participle,
    mention_for,
    name_right_before,
)

if TYPE_CHECKING:
    from pipeline.nlp.context import DocContext
    from pipeline.nlp.quotes import _State

FILE_NAME = "attitude_predicates.tsv"

# Entity types that never speak (a place may: « la France a condamné … » is tagged LOC).
_SILENT_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL",
                  "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "FAC", "LANGUAGE"}
_SPEAKING_KINDS = {"name", "pronoun", "role", "group", "anonymous", "relative"}
_MODALS = {"would", "could", "might", "may", "should", "can", "must", "will", "shall", "'d",
           "'ll"}


@dataclass(frozen=True, slots=True)
class Attitude:
    """One entry of the attitude lexicon."""

    word: str
    kind: str  # adj / np / call / callnoun / copula
    cue_class: str
    frames: frozenset[str]
    flags: frozenset[str] = frozenset()
    reflexive: bool = False
    particle: str | None = None  # "rule out": the verb counts only with its particle

    def preps(self) -> set[str]:
        return {f.split(":", 1)[1] for f in self.frames if f.startswith("prep:")}

    def object_preps(self) -> set[str]:
        return {f.split(":", 1)[1] for f in self.frames if f.startswith("obj-prep:")}


@dataclass
class AttitudeLexicon:
    copulas: dict[str, bool] = field(default_factory=dict)  # lemma -> reflexive
    adjectives: dict[str, Attitude] = field(default_factory=dict)  # any form
    verbs: dict[str, list[Attitude]] = field(default_factory=dict)  # any form or lemma
    call_verbs: dict[str, Attitude] = field(default_factory=dict)
    call_nouns: dict[str, Attitude] = field(default_factory=dict)
    topic_nouns: set[str] = field(default_factory=set)


def _norm(text: str) -> str:
    return text.lower().replace("’", "'")


def resources_path() -> Path:
    root = os.environ.get("NEWSEVENTS_RESOURCES_DIR") or str(RESOURCES_DIR)
    return Path(root) / FILE_NAME


@lru_cache(maxsize=8)
def load_attitudes(path: str, lang: str) -> AttitudeLexicon:
    """The entries of `lang` in the attitude file (empty when there is no such file)."""
    lexicon = AttitudeLexicon()
    file = Path(path)
    if not file.exists():
        return lexicon
    for line in file.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if cells[0] != lang or len(cells) < 3:
            continue
        kind, word = cells[1], _norm(cells[2])
        reflexive = lang == "fr" and (word.startswith("se ") or word.startswith("s'"))
        if reflexive:
            word = word[3:] if word.startswith("se ") else word[2:]
        particle = None
        if lang == "en" and " " in word:
            word, particle = word.split(" ", 1)
        if kind == "copula":
            lexicon.copulas[word] = reflexive
            continue
        if kind == "topicnoun":
            lexicon.topic_nouns |= {word, word + "s"}
            continue
        entry = Attitude(word=word, kind=kind, cue_class=cells[3] if len(cells) > 3 else "",
                         frames=frozenset(f.strip() for f in (cells[4] if len(cells) > 4
                                                              else "").split(",") if f.strip()),
                         flags=frozenset(cells[5].split(",")) if len(cells) > 5 else frozenset(),
                         reflexive=reflexive, particle=particle)
        if kind == "adj":
            forms = {word}
            if lang == "fr":
                forms |= {word + "e", word + "s", word + "es"} if not word.endswith("e") \
                    else {word + "s"}
                if len(cells) > 5:
                    forms |= {_norm(f) for f in cells[5].split(",") if f.strip()}
                entry = Attitude(word, kind, entry.cue_class, entry.frames, frozenset(),
                                 reflexive)
            for form in forms:
                lexicon.adjectives[form] = entry
        elif kind in ("np", "call"):
            forms = french_forms(word) if lang == "fr" else english_forms(word)
            target = lexicon.verbs if kind == "np" else None
            for form in forms | {word}:
                if target is not None:
                    target.setdefault(form, []).append(entry)
                else:
                    lexicon.call_verbs[form] = entry
        elif kind == "callnoun":
            for form in (word, word + "s"):
                lexicon.call_nouns[form] = entry
    return lexicon


# ------------------------------------------------------------------------------ helpers


def _taken(state: _State, cue_span: tuple[int, int], span: tuple[int, int]) -> bool:
    """Another quotation already explains this text or this cue."""
    for draft in state.drafts:
        if min(draft.end, span[1]) > max(draft.start, span[0]):
            return True
        if min(draft.end, cue_span[1]) > max(draft.start, cue_span[0]):
            return True
        if draft.cue_span and min(draft.cue_span[1], cue_span[1]) > max(draft.cue_span[0],
                                                                         cue_span[0]):
            return True
    return False


def _speaks(token: Token, ctx: DocContext) -> bool:
    """Can the subject `token` be the source of a stance: a person, a group or a body?"""
    if ctx.in_quotes(token):
        return False
    nominal = ctx.lexicon.nominal_cues
    described = token
    if ctx.lexicon.pronoun(token.text) is not None and token.dep_.startswith("nsubj") and \
            token.head.dep_ == "relcl":
        described = token.head.head  # "comments that were critical of …"
    if described.lemma_.lower() in nominal or described.lower_ in nominal:
        return False  # what was said ("comments", « ses propos ») takes no stance itself
    if token.pos_ == "PRON" or ctx.lexicon.pronoun(token.text) is not None:
        pronoun = ctx.lexicon.pronoun(token.text)
        # (not "it": "It welcomed the rain" may be anything; a report verb's "it said" is
        # another matter)
        return pronoun is not None and pronoun.kind not in ("first", "neuter") and \
            animate(token, ctx)
    if token.ent_type_ in _SILENT_LABELS:
        return False
    if token.pos_ == "PROPN" or token.ent_type_:
        return True
    title = ctx.lexicon.title(token.lemma_) or ctx.lexicon.title(token.text)
    if title is not None:
        return title.kind != "document"
    return animate(token, ctx)


def _subject(verbs: list[Token], ctx: DocContext) -> Token | None:
    for verb in verbs:
        # not a participle the parser made the subject (« Invité sur France Inter, X s'est
        # montré … »)
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass")
                    and not c.text.startswith("-t") and not bare_participle(c)]
        if subjects:
            return subjects[0]
    return None


def _speaker(verbs: list[Token], ctx: DocContext) -> SpeakerMention | None:
    """The speaker mention of a finite verb group, or of the verb a participle hangs on
    ("…, condemning the attack")."""
    subject = _subject(verbs, ctx) or name_right_before(min(v.i for v in verbs), ctx)
    if subject is None and _rootless(verbs[0]):
        subject = verbs[0].head
    if subject is None:
        verb = verbs[0]
        if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i and \
                verb.head.pos_ in ("VERB", "AUX") and not ctx.in_quotes(verb.head):
            subject = _subject([verb.head], ctx)
    if subject is None or not _speaks(subject, ctx):
        return None
    mention = mention_for(subject, ctx)
    return mention if mention.kind in _SPEAKING_KINDS else None


def _reported_verb(verb: Token, ctx: DocContext) -> bool:
    """A verb that states something happened: finite, or a participle with its auxiliary, or
    a present participle hanging on a clause ("…, condemning …"); not an infinitive, a
    modal, a condition, a negation or an agentless passive."""
    if verb.pos_ not in ("VERB", "AUX") or ctx.in_quotes(verb):
        return False
    children = list(verb.children)
    if any(c.dep_ in ("auxpass", "aux:pass") for c in children):
        return False
    if any(c.dep_ == "aux" and _norm(c.text) in _MODALS for c in children):
        return False
    if any(c.dep_ == "mark" and ctx.lexicon.is_word("conditional", c.text) for c in children):
        return False
    if _is_negated(verb, ctx):
        return False
    form = verb.morph.get("VerbForm")
    if ctx.lang == "en":
        if verb.tag_ in ("VBD", "VBZ", "VBP"):
            return True
        if verb.tag_ in ("VBN", "VBG"):
            if any(c.tag_ == "TO" for c in children):
                return False  # "appears to be supporting X": an infinitive, an inference
            return any(c.dep_ in AUX_DEPS for c in children) or (
                verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj")) or _rootless(verb)
        return False
    if "Fin" in form:
        return "Cnd" not in verb.morph.get("Mood")
    if "Part" in form:
        if "Pres" in verb.morph.get("Tense") or verb.lower_.endswith("ant"):
            return verb.dep_ in ("advcl", "conj", "acl")
        return any(c.dep_ in AUX_DEPS for c in children)
    return False


def _rootless(verb: Token) -> bool:
    """ "The leader of X, Y, condemned …" parsed as a noun root with the verb hanging on it as
    a participle: the sentence has no other verb, so the participle is its predicate."""
    head = verb.head
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and head.dep_ == "ROOT" and \
        head.i < verb.i and head.pos_ in ("NOUN", "PROPN")


def _group_start(verb: Token, ctx: DocContext, reflexive: bool) -> int:
    """First token of the verb group: auxiliaries, the reflexive pronoun."""
    first = verb.i
    for child in verb.children:
        if child.dep_ in AUX_DEPS and child.i < verb.i and verb.i - child.i <= 5:
            first = min(first, child.i)
    if reflexive or ctx.lang == "fr":
        for j in range(first - 1, max(-1, first - 3), -1):
            if ctx.lexicon.is_word("reflexive", _norm(ctx.doc[j].text)):
                first = j
                break
    return first


def _char_span(ctx: DocContext, first: int, last: int) -> tuple[int, int]:
    doc = ctx.doc
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _phrase_end(prep: Token, ctx: DocContext) -> int:
    """Token index of the last word of the phrase a preposition opens ("for the release of
    …", « à la grève », « à cesser le feu »)."""
    right = prep.right_edge.i
    if prep.head.i > prep.i:
        right = max(right, prep.head.right_edge.i)
    return right


def _complements_end(verb: Token, obj: Token, ctx: DocContext) -> int:
    """Last token of the object and of the verb's adjuncts that follow it without a comma
    (« a exclu les troupes du pays après la fin de la guerre »), not a participle set off
    by a comma (« a salué « une étape » de son pays, parlant de … »)."""
    last = obj.right_edge.i
    participles = [t.left_edge.i for t in obj.subtree if t.i > obj.i
                   and t.dep_ in ("acl", "advcl") and comma_participle(t, ctx)]
    if participles:
        last = min(participles) - 1
        while last > obj.i and ctx.doc[last].is_punct and not ctx.in_quotes(ctx.doc[last]):
            last -= 1
    for child in sorted(verb.children, key=lambda c: c.i):
        if child.i <= last:
            continue
        if child.dep_ not in ("obl", "obl:mod", "obl:arg", "prep", "npadvmod", "nmod") or \
                any(t.is_punct for t in ctx.doc[last + 1:child.left_edge.i + 1]) or \
                any(ctx.is_time(t) for t in child.subtree):
            break  # "on Monday": when it was said, not what
        last = child.right_edge.i
    return last


def _content(ctx: DocContext, first: int, last: int) -> tuple[int, int] | None:
    unit_start, unit_end = ctx.unit_of(ctx.doc[first])
    last = min(last, unit_end - 1)
    if last < first:
        return None
    span = trim_span(ctx, *_char_span(ctx, first, last))
    return include_marks(ctx, *span) if span is not None else None


def _clause_child(adj: Token, copula: Token, ctx: DocContext) -> tuple[int, int] | None:
    """The clause the parser hung on the linking verb instead of the adjective ("is adamant
    pensions must be protected"): a clause with its own subject right after the adjective."""
    for child in copula.children:
        if child.dep_ != "ccomp" or child.i <= adj.i:
            continue
        if not any(c.dep_.startswith(("nsubj", "expl")) for c in child.children):
            continue
        first = max(child.left_edge.i, adj.i + 1)  # the adjective may hang inside it
        while first < child.i and ctx.lexicon.is_word("complementizer", ctx.doc[first].text):
            first += 1
        between = [t for t in ctx.doc[adj.i + 1:first] if not t.is_space]
        if any(t.pos_ not in ("ADV", "SCONJ") for t in between):
            return None
        return _content(ctx, first, child.right_edge.i)
    return None


def _surface_after(adj: Token, ctx: DocContext) -> tuple[int, int] | None:
    """ "is adamant journalists' data must be exempted": when the parser did not see the
    zero-"that" clause, a noun phrase right after the adjective followed by a finite verb is
    one; it runs to the end of the sentence."""
    if ctx.lang != "en":
        return None
    doc = ctx.doc
    unit_end = ctx.unit_of(adj)[1]
    first = ctx.next_word(adj.i)
    if first is not None and ctx.lexicon.is_word("complementizer", first.text):
        first = ctx.next_word(first.i)
    if first is None or first.i >= unit_end or first.pos_ not in ("DET", "NOUN", "PROPN",
                                                                   "PRON", "ADJ", "NUM"):
        return None
    for token in doc[first.i:min(unit_end, first.i + 10)]:
        if token.is_punct and token.text not in ("'", "’", "-"):
            return None
        if token.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return _content(ctx, first.i, unit_end - 1) if token.i > first.i else None
    return None


def _personal(token: Token, ctx: DocContext) -> bool:
    """A person as object (a sentence passed on someone, not a stance on something)."""
    if token.pos_ == "PRON" or token.ent_type_ in PERSON_LABELS:
        return True
    title = ctx.lexicon.title(token.lemma_) or ctx.lexicon.title(token.text)
    if title is not None:
        return title.kind in ("honorific", "role", "relational", "anonymous")
    word = token.lemma_.lower()
    return any(word.endswith(s) and len(word) > len(s) + 2
               for s in ctx.lexicon.words("human_suffix"))


def _prep_after(token: Token, preps: set[str], ctx: DocContext, window: int = 3
                ) -> Token | None:
    """The preposition of `preps` right after `token` (adverbs may come between)."""
    doc = ctx.doc
    unit_end = ctx.unit_of(token)[1]
    for j in range(token.i + 1, min(unit_end, token.i + 1 + window)):
        word = doc[j]
        if word.is_space:
            continue
        if _norm(word.text) in preps:
            return word
        if word.pos_ not in ("ADV", "PART") or ctx.in_quotes(word):
            return None
    return None


def _object_prep(obj: Token, preps: set[str], ctx: DocContext) -> Token | None:
    """The preposition of `preps` right after the object's own words (the parser may hang
    the phrase on the object: "the army of war crimes")."""
    doc = ctx.doc
    j = obj.i + 1
    while j < len(doc) and j <= obj.right_edge.i and doc[j].pos_ in ("ADJ", "PROPN", "NOUN") \
            and _norm(doc[j].text) not in preps:
        j += 1
    if j < len(doc) and _norm(doc[j].text) in preps:
        return doc[j]
    return _prep_after(obj.right_edge, preps, ctx)


def _add(state: _State, kind_form: str, cue_span: tuple[int, int], span: tuple[int, int],
         cue_class: str, speaker: SpeakerMention, confidence: float) -> bool:
    from pipeline.nlp.quotes import Draft, _paragraph_of
    if _taken(state, cue_span, span):
        return False
    state.add(Draft("indirect", span[0], span[1], cue_span, cue_class, speaker, kind_form,
                    confidence, _paragraph_of(state.ctx, span[0])))
    return True


# ------------------------------------------------------------------------------ the forms


def _copula_before(adj: Token, ctx: DocContext, lexicon: AttitudeLexicon) -> Token | None:
    """The linking verb of "is (deeply) concerned", « se dit (très) inquiet »."""
    doc = ctx.doc
    for j in range(adj.i - 1, max(-1, adj.i - 4), -1):
        word = doc[j]
        if word.is_space:
            continue
        lemma = word.lemma_.lower()
        if lemma in lexicon.copulas and word.pos_ in ("VERB", "AUX"):
            if lexicon.copulas[lemma] and not (_has_reflexive(word, ctx)
                                               and _reflexive_clitic(word, ctx)):
                return None
            return word
        if j == adj.i - 1 and adj.pos_ == "NOUN" and _norm(word.text) in ("d'", "de"):
            continue  # « est d'avis »
        if word.pos_ != "ADV" or ctx.lexicon.is_word("negation", _norm(word.text)):
            return None
    return None


def _adjective_quote(state: _State, adj: Token, entry: Attitude,
                     lexicon: AttitudeLexicon) -> None:
    ctx = state.ctx
    previous = ctx.previous_word(adj.i)
    set_phrase = adj.pos_ == "NOUN" and previous is not None and \
        _norm(previous.text) in ("d'", "de")  # « est d'avis que »
    if adj.dep_ == "compound" or (adj.pos_ not in ("ADJ", "VERB") and not set_phrase):
        return
    copula = _copula_before(adj, ctx, lexicon)
    if copula is None or _is_negated(copula, ctx) or _is_negated(adj, ctx):
        return
    if any(c.dep_ == "aux" and _norm(c.text) in _MODALS for c in (*copula.children,
                                                                   *adj.children)):
        return
    if any(c.dep_ == "mark" and ctx.lexicon.is_word("conditional", c.text)
           for c in (*copula.children, *adj.children)):
        return
    verbs = [adj, copula]
    if adj.head.i != adj.i and adj.head.i != copula.i and adj.dep_ in ("xcomp", "acomp"):
        verbs.append(adj.head)
    speaker = _speaker(verbs, ctx)
    if speaker is None:
        return
    frames = {"que" if ctx.lang == "fr" else "that"} & entry.frames
    frames |= {f for f in entry.frames if f in ("to", "de", "à")}
    cue_entry = CueVerb(entry.word, entry.word, entry.cue_class, frozenset(frames))
    start = _group_start(copula, ctx, lexicon.copulas.get(copula.lemma_.lower(), False))
    cue_span = _char_span(ctx, start, adj.i)
    cue = Cue(token=adj, head=copula, entry=cue_entry, start=cue_span[0], end=cue_span[1])
    span = None
    if frames & {"that", "que"}:
        span = complement_clause(cue, ctx) or surface_clause(cue, ctx) or \
            _clause_child(adj, copula, ctx) or _surface_after(adj, ctx)
    if span is None and frames & {"to", "de", "à"}:
        span = infinitive_complement(cue, ctx)
    if span is None and entry.preps():
        prep = _prep_after(adj, entry.preps(), ctx)
        if prep is not None:
            span = _content(ctx, prep.i, _phrase_end(prep, ctx))
    if span is not None and span[0] >= cue_span[1]:
        _add(state, "attitude", cue_span, span, entry.cue_class, speaker, 0.6)


def _object_quote(state: _State, verb: Token, entries: list[Attitude],
                  lexicon: AttitudeLexicon) -> bool:
    ctx = state.ctx
    reflexive = ctx.lang == "fr" and _has_reflexive(verb, ctx) and _reflexive_clitic(verb, ctx)
    entries = [e for e in entries if e.reflexive == reflexive
               and (e.particle is None or has_particle(verb, e.particle))]
    entries = [e for e in entries if e.particle is not None] or entries
    if not entries or not _reported_verb(verb, ctx):
        return False
    if any(c.dep_ in ("ccomp", "xcomp", "csubj") and c.i > verb.i and c.pos_ != "ADJ"
           for c in verb.children):
        return False  # a clause: the reporting-verb stage's business (« de « scandaleuse » »
        # is a predicate, not a clause)
    speaker = _speaker([verb], ctx)
    if speaker is None:
        return False
    cue_span = _char_span(ctx, _group_start(verb, ctx, reflexive), verb.i)
    for entry in entries:
        span = None
        if "np" in entry.frames:
            objects = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i > verb.i
                       and c.pos_ in ("NOUN", "PROPN")]
            # (« a dénoncé une « provocation » », « a salué « une nouvelle étape » de son
            # pays »: the speaker's words, in marks, as the object; a whole quotation after the
            # verb was the reporting-verb stage's, and a text already claimed is not taken)
            if not objects:
                continue
            obj = objects[0]
            if _norm(obj.lemma_) in lexicon.topic_nouns or _norm(obj.text) in lexicon.topic_nouns:
                return False  # "defended his point of view": a topic, not a position
            if "sentence" in entry.flags and (_personal(obj, ctx) or _prep_after(
                    obj.right_edge, {"to", "à"}, ctx, window=1) is not None):
                return False  # "condemned him to ten years": a sentence, not a stance
            if _personal(obj, ctx) and obj.pos_ == "PRON":
                return False
            if "client" in entry.flags and _personal(obj, ctx):
                return False  # « l'avocat défend un ancien postier »: a client, not a cause
            span = _content(ctx, obj.left_edge.i, _complements_end(verb, obj, ctx))
        elif entry.preps():
            prep = _prep_after(verb, entry.preps(), ctx)
            if prep is None:
                continue
            end = _phrase_end(prep, ctx)
            later = [c for c in verb.children if c.dep_ in ("obj", "dobj") and c.i > end]
            if later:  # « a qualifié de « scandaleuse » la fermeture de l'usine »
                end = later[0].right_edge.i
            span = _content(ctx, prep.i, end)
        elif entry.object_preps():
            # "accuses the mayor of …", « accuse le maire d'… »: the phrase after the object
            objects = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i > verb.i
                       and not ctx.in_quotes(c)]
            prep = _object_prep(objects[0], entry.object_preps(), ctx) if objects else None
            if prep is None:
                continue
            span = _content(ctx, prep.i, _phrase_end(prep, ctx))
        if span is not None and span[0] >= cue_span[1]:
            return _add(state, "np-object", cue_span, span, entry.cue_class, speaker, 0.55)
    return False


def _call_quote(state: _State, verb: Token, entry: Attitude,
                lexicon: AttitudeLexicon) -> None:
    """ "joined (growing) calls for …", « a lancé un appel à … »."""
    ctx = state.ctx
    reflexive = ctx.lang == "fr" and _has_reflexive(verb, ctx) and _reflexive_clitic(verb, ctx)
    if reflexive != entry.reflexive or not _reported_verb(verb, ctx):
        return
    nouns = [c for c in verb.children if c.i > verb.i and c.i - verb.i <= 5
             and c.dep_ in ("dobj", "obj", "obl", "obl:arg", "nmod")
             and _norm(c.text) in lexicon.call_nouns]
    if not nouns:
        return
    noun = nouns[0]
    call = lexicon.call_nouns[_norm(noun.text)]
    prep = _prep_after(noun, call.preps(), ctx) or next(
        (c for c in sorted((*noun.children, *verb.children), key=lambda c: c.i)
         if c.i > noun.i and _norm(c.text) in call.preps()), None)
    if prep is None:
        return
    speaker = _speaker([verb], ctx)
    if speaker is None:
        return
    cue_span = _char_span(ctx, _group_start(verb, ctx, reflexive), noun.i)
    span = _content(ctx, prep.i, _phrase_end(prep, ctx))
    if span is not None and span[0] >= cue_span[1]:
        _add(state, "call", cue_span, span, call.cue_class, speaker, 0.55)


def attitude_quotes(state: _State) -> None:
    """Attitude predicates, verbs of judgement with an object, and calls (module docstring)."""
    ctx = state.ctx
    lexicon = load_attitudes(str(resources_path()), ctx.lang)
    if not (lexicon.adjectives or lexicon.verbs or lexicon.call_verbs):
        return
    for token in ctx.tokens:
        if token.is_punct or token.is_space or not ctx.is_prose(token) or ctx.in_quotes(token) \
                or token.i in state.used_cues:
            continue
        form = _norm(token.text)
        lemma = token.lemma_.lower()
        if form in lexicon.adjectives:
            _adjective_quote(state, token, lexicon.adjectives[form], lexicon)
            continue
        if token.pos_ != "VERB":
            continue
        entries = lexicon.verbs.get(lemma) or lexicon.verbs.get(form)
        if entries and _object_quote(state, token, entries, lexicon):
            continue
        call = lexicon.call_verbs.get(lemma) or lexicon.call_verbs.get(form)
        if call is not None:
            _call_quote(state, token, call, lexicon)
