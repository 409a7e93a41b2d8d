"""Quotation finding: cue, content and source stages put together over one article.

Each rule below is a small function that looks at the `DocContext` and yields `Draft`s
(content, cue, speaker mention); `find_quotes` runs them in order, from the most specific
(an incise inside « … ») to the most general (a quoted paragraph continuing the previous
speaker), so that a stretch of text is claimed by the first rule that explains it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Token

from pipeline.nlp.attitudes import attitude_quotes, load_attitudes
from pipeline.nlp.attitudes import resources_path as attitudes_path
from pipeline.nlp.content import (
    as_clause,
    colon_clause,
    complement_clause,
    first_after_cue,
    has_clause_verb,
    include_marks,
    independent_clause,
    infinitive_complement,
    predicative_clause,
    preposed_clause,
    self_description,
    subtree_end,
    surface_clause,
    surface_main_clause,
    token_span,
    trim_span,
)
from pipeline.nlp.context import SENTENCE_END, DocContext
from pipeline.nlp.cues import (
    DATIVE_CLITICS,
    Cue,
    after_quotation_and_subject,
    find_verb_cues,
    inverted_pronoun,
    norm_token,
    select_entry,
)
from pipeline.nlp.marks import Segment
from pipeline.nlp.resources import CueVerb
from pipeline.nlp.source import (
    PERSON_LABELS,
    SpeakerMention,
    animate,
    author_of_statement,
    document_author,
    grammatical_subject,
    in_attribution_position,
    institution_noun,
    inverted_subject,
    mention_for,
    participle,
    speaker_for,
    speaker_token,
)

_BULLETS = ("- ", "• ", "* ", "– ", "— ", "· ")


@dataclass
class Draft:
    """A quotation before speaker resolution."""

    kind: str  # direct / indirect / mixed
    start: int
    end: int
    cue_span: tuple[int, int] | None
    cue_class: str | None
    speaker: SpeakerMention | None
    form: str  # which rule found it (for confidence and debugging)
    confidence: float
    paragraph: int
    continues: int | None = None  # index of the draft whose speaker it inherits
    segments: list[int] = field(default_factory=list)


class _State:
    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.drafts: list[Draft] = []
        self.used_segments: set[int] = set()
        self.used_cues: set[int] = set()

    def add(self, draft: Draft) -> None:
        if draft.end <= draft.start:
            return
        inside = self.ctx.segments_in(draft.start, draft.end + 1)
        if draft.kind != "direct":
            draft.segments = inside
            if inside and draft.kind == "indirect":
                draft.kind = "mixed"
        self.used_segments.update(draft.segments)
        self.drafts.append(draft)


def _paragraph_of(ctx: DocContext, offset: int) -> int:
    for k, p in enumerate(ctx.paragraphs):
        if p.start <= offset <= p.end:
            return k
    return -1


def _cue_draft(state: _State, cue: Cue, span: tuple[int, int], speaker: SpeakerMention | None,
               *, form: str, kind: str = "indirect", confidence: float = 0.8) -> Draft:
    return Draft(kind=kind, start=span[0], end=span[1], cue_span=(cue.start, cue.end),
                 cue_class=cue.cue_class, speaker=speaker, form=form, confidence=confidence,
                 paragraph=_paragraph_of(state.ctx, span[0]))


# ------------------------------------------------------------------------------ incises


@dataclass(frozen=True, slots=True)
class _Incise:
    cue: Cue
    subject: Token
    start: int  # offset of the comma that opens the incise
    end: int  # offset just after the punctuation that closes it


def _incise_in(segment: Segment, ctx: DocContext) -> _Incise | None:
    """ « X, affirme-t-elle. Y »: the reporting clause set inside a quotation."""
    doc = ctx.doc
    span = doc.char_span(segment.start, segment.end, alignment_mode="expand")
    if span is None:
        return None
    tokens = list(span)
    for n, token in enumerate(tokens[:-1]):
        if token.text != "," or n == 0:
            continue
        verb_at = n + 1
        while verb_at < len(tokens) and ctx.lang == "fr" and \
                tokens[verb_at].lower_.replace("’", "'") in DATIVE_CLITICS:
            verb_at += 1  # « …, nous raconte le député. … », « …, m'explique-t-il »
        if verb_at < len(tokens) and ctx.lexicon.is_word("auxiliary", tokens[verb_at].text):
            verb_at += 1
        k = verb_at
        while k < len(tokens) and tokens[k].text.startswith("-"):
            k += 1
        if k >= len(tokens):
            continue
        verb = tokens[k]
        after = k + 1
        inverted = None
        for j in range(n + 1, min(len(tokens), k + 3)):
            if inverted_pronoun(tokens[j], ctx.lexicon):
                inverted = tokens[j]
                after = max(after, j + 1)
        selected = select_entry(verb, ctx)
        if selected is None and inverted is not None and inverted.lower_ != "-on" and \
                verb.text[:1].islower() and not verb.text.startswith("-"):
            # « Je saignais, justifie-t-il. Ça saigne encore » : an inverted pronoun after a
            # comma inside a quotation makes an incise whatever the verb
            lemma = verb.lemma_.lower()
            selected = (CueVerb(lemma, lemma, "statement", frozenset({"direct"})), verb)
        if selected is None or "direct" not in selected[0].frames:
            continue
        entry, head = selected
        subject: Token | None = inverted
        if subject is None:  # ", dit Marie Dupont," / ", explique le ministre."
            j = after
            while j < len(tokens) and tokens[j].pos_ in ("ADV",):
                j += 1
            if j < len(tokens) and tokens[j].pos_ in ("PROPN", "DET", "NOUN"):
                subject = tokens[j]
                while subject.dep_ in ("det", "flat", "flat:name", "compound", "amod") and \
                        subject.head.i > subject.i and subject.head.i < tokens[-1].i:
                    subject = subject.head
        if subject is None:
            continue
        end_at = None
        for j in range(after, len(tokens)):
            if tokens[j].text in (",", ".", ";", "!", "?", "…"):
                end_at = j
                break
        if end_at is not None and tokens[end_at].text == "," and inverted is None:
            # ", explique Antony Fastier, toxicologue, ancien de l'Anses. Les études …":
            # a verbless apposition after the name belongs to the incise
            for j in range(end_at + 1, min(len(tokens), end_at + 12)):
                if tokens[j].pos_ in ("VERB", "AUX") or ctx.is_mark(tokens[j]):
                    break
                if tokens[j].text in (".", ";", "!", "?"):
                    end_at = j
                    break
        if end_at is None or end_at >= len(tokens) - 1:
            continue
        first = tokens[n + 1]
        cue_end_token = inverted if inverted is not None else verb
        cue = Cue(token=verb, head=head, entry=entry, start=first.idx,
                  end=max(cue_end_token.idx + len(cue_end_token.text), verb.idx + len(verb.text)),
                  inverted=inverted)
        return _Incise(cue, subject, token.idx, tokens[end_at].idx + 1)
    return None


def incise_quotes(state: _State) -> None:
    ctx = state.ctx
    for k, segment in enumerate(ctx.segments):
        incise = _incise_in(segment, ctx)
        if incise is None:
            continue
        cue = incise.cue
        speaker = mention_for(incise.subject, ctx)
        first = trim_span(ctx, segment.start, incise.start)
        second_start = incise.end
        while second_start < segment.end and ctx.text[second_start].isspace():
            second_start += 1
        paragraph = ctx.segment_paragraph[k]
        for span, form in ((first, "incise-before"), ((second_start, segment.end), "incise-after")):
            if span is None or span[1] <= span[0]:
                continue
            state.add(Draft("direct", span[0], span[1], (cue.start, cue.end), cue.cue_class,
                            speaker, form, 0.9, paragraph, segments=[k]))
        state.used_segments.add(k)
        state.used_cues.add(cue.token.i)


# ------------------------------------------------------------------------------ verb cues


def _segment_after_cue(cue: Cue, ctx: DocContext) -> int | None:
    """ "X a déclaré : « … »", "Elle affirme « … »", "he said "…"": the quotation it introduces,
    when that quotation ends the sentence."""
    doc = ctx.doc
    unit_start, unit_end = ctx.unit_of(cue.token)
    j = first_after_cue(cue, ctx)
    colon = False
    limit = j + 20
    while j < min(unit_end, limit):
        token = doc[j]
        if token.is_space:
            j += 1
            continue
        k = ctx.segment_at_open(token.idx)
        if k >= 0:
            segment = ctx.segments[k]
            before = ctx.previous_word(j)
            if before is not None and (before.pos_ in ("ADP", "DET") or
                                       ctx.lexicon.is_word("of", before.text)):
                return None  # "l'accuse d'« insultes »": a quoted noun phrase, not a quotation
            if cue.entry.reflexive and j <= first_after_cue(cue, ctx) + 1 and \
                    _self_description(segment, ctx):
                return k  # « s'est dit « horrifié » et a présenté … »
            if _ends_unit(segment, ctx, unit_end):
                if not colon and not has_clause_verb_in_quotes(ctx, segment):
                    return None  # "a dénoncé « une décision absurde »": a quoted object
                previous = ctx.previous_word(j)
                reach = 14 if previous is not None and previous.text == "," else 8
                if not colon and j > max(cue.token.i, cue.head.i) + reach:
                    return None
                return k
            # a quoted title in the addressee ("told "CBS This Morning" co-host X, "…"")
            after = ctx.token_at(segment.outer_end)
            if after is None or after.i <= j:
                return None
            j = after.i
            continue
        if token.text == ":":
            colon = True
        elif token.text in SENTENCE_END or token.text == "(":
            return None
        elif token.pos_ in ("VERB", "AUX") and not colon:
            return None
        elif ctx.lexicon.is_word("complementizer", token.text) and not colon:
            return None
        j += 1
    return None


def _ends_unit(segment: Segment, ctx: DocContext, unit_end: int) -> bool:
    doc = ctx.doc
    after = ctx.token_at(segment.outer_end) if segment.close is not None else None
    if after is None or segment.close is None:
        return True
    for token in doc[after.i:unit_end]:
        if token.is_space or token.text in SENTENCE_END or token.text in ",»”\"":
            continue
        if ctx.segment_at_open(token.idx) >= 0:
            return True
        return False
    return True


def _subject_left(cue: Cue, ctx: DocContext) -> tuple[Token | None, int | None]:
    """The subject before the verb and the index of its first word (conjunctions skipped)."""
    if in_attribution_position(cue, ctx):
        return None, None  # "…, a assuré une source": nothing stands between comma and verb
    token = speaker_token(cue, ctx, allow_inverted=False)
    if token is None:
        return None, None
    if token.i < min(cue.token.i, cue.head.i):
        left = token.left_edge.i
        doc = ctx.doc
        while left < token.i and (doc[left].dep_ in ("cc", "punct", "mark")
                                  or doc[left].is_space):
            left += 1
        return token, left
    return token, None


def _claimed_before(state: _State, offset: int, unit_start: int) -> int:
    """End of the last draft or cue that lies before `offset` in the same unit."""
    best = unit_start
    for draft in state.drafts:
        for end in (draft.end, draft.cue_span[1] if draft.cue_span else draft.end):
            if best < end <= offset:
                best = end
    return best


def verb_cue_quotes(state: _State, cues: list[Cue]) -> None:
    ctx = state.ctx
    # attitude adjectives (« se dit favorable à ») are the attitude rules' to report
    attitude_words = load_attitudes(str(attitudes_path()), ctx.lang).adjectives
    for cue in cues:
        if cue.token.i in state.used_cues:
            continue
        subject, subject_left = _subject_left(cue, ctx)
        found = False
        # 1. a quotation in marks introduced by the cue
        if cue.takes("direct"):
            k = _segment_after_cue(cue, ctx)
            speaker = speaker_for(cue, ctx) if k is not None else None
            if k is not None and speaker is None and _opening_participle(cue, ctx):
                speaker = _last_speaker(state, cue.start)
            if k is not None and k not in state.used_segments and speaker is not None:
                segment = ctx.segments[k]
                state.add(Draft("direct", segment.start, segment.end, (cue.start, cue.end),
                                cue.cue_class, speaker, "cue-before", 0.9,
                                ctx.segment_paragraph[k], segments=[k]))
                found = True
        # 2. a clause after the cue
        if not found:
            span = predicative_clause(cue, ctx) or complement_clause(cue, ctx) or \
                infinitive_complement(cue, ctx) or surface_clause(cue, ctx) or \
                colon_clause(cue, ctx) or self_description(cue, ctx, attitude_words)
            if span is not None and _only_a_person(span, ctx):
                span = None  # « a déclaré Sidi Ould Tah », the given name tagged a verb
            if span is not None and _free(state, span):
                speaker = _coordinated_speaker(cue, state) or speaker_for(
                    cue, ctx, allow_inverted=False) or (
                    mention_for(cue.inverted, ctx) if cue.inverted is not None else None)
                state.add(_cue_draft(state, cue, span, speaker, form="complement"))
                found = True
            else:
                span = as_clause(cue, ctx)
                if span is not None and _free(state, span):
                    speaker = speaker_for(cue, ctx)
                    if speaker is not None and span[0] <= speaker.start < span[1]:
                        # « L'économie résiste, ainsi que l'a rappelé X »: the parser gave the
                        # reported clause's subject to the verb; X stands after it
                        after = inverted_subject(cue, ctx)
                        speaker = mention_for(after, ctx) if after is not None else None
                    state.add(_cue_draft(state, cue, span, speaker,
                                         form="as-clause", confidence=0.7))
                    found = True
        # 3. a clause or quotation before it: "X, a déclaré Y" / "“X,” he said"
        if _can_follow_content(cue, ctx, subject_left) and (
                cue.takes("direct") or cue.takes("que") or cue.takes("that")):
            span = preposed_clause(cue, subject_left, ctx)
            if span is not None and found and subject is not None and \
                    subject.i < cue.token.i and _fronted_adverbial_before(span, ctx):
                # « L'affaire a été rejetée mais, six ans plus tard, l'homme d'affaires
                # affirme que … »: the comma closes an adverbial of the cue's own clause
                span = None
            if span is not None:
                unit_start = ctx.unit_span(cue.token)[0]
                start = _claimed_before(state, span[0], unit_start)
                if start > span[0]:
                    trimmed = trim_span(ctx, max(start, span[0]), span[1])
                    span = include_marks(ctx, *trimmed) if trimmed else None
            if span is not None and _free(state, span):
                draft = _preposed_draft(state, cue, span)
                if draft is not None:
                    state.add(draft)
                    found = True
        # 4. "C'est ce qu'a annoncé X": the sentence before
        if not found and _opens_with_bridge(cue, ctx):
            unit_index = ctx.token_unit[cue.token.i]
            if unit_index > 0:
                s_tok, e_tok = ctx.units[unit_index - 1]
                last = ctx.doc[e_tok - 1]
                span = trim_span(ctx, ctx.doc[s_tok].idx, last.idx + len(last.text))
                speaker = speaker_for(cue, ctx)
                if span is not None and speaker is not None and _free(state, span) and \
                        ctx.is_prose(ctx.doc[s_tok]) and independent_clause(ctx, *span):
                    state.add(_cue_draft(state, cue, include_marks(ctx, *span), speaker,
                                         form="bridge", confidence=0.65))
                    found = True
        if found:
            state.used_cues.add(cue.token.i)


def _opens_with_bridge(cue: Cue, ctx: DocContext) -> bool:
    """The cue's sentence opens with a bridge ("C'est ce qu'a annoncé X", "That's what X
    said"): it reports the sentence before."""
    from pipeline.nlp.content import _elided, _norm
    unit_start, _ = ctx.unit_of(cue.token)
    words = [_elided(_norm(t)) for t in ctx.doc[unit_start:min(cue.token.i, cue.head.i)]
             if not t.is_space and not t.is_punct]
    for bridge in ctx.lexicon.bridges:
        wanted = [_elided(w) for w in bridge]
        if words[:len(wanted)] == wanted and len(words) - len(wanted) <= 4:
            return True
    return False


def _can_follow_content(cue: Cue, ctx: DocContext, subject_left: int | None) -> bool:
    """Can the cue report what comes before it? Not a participle ("…, ajoutant"), and a main
    clause, unless a bridge links it to a quotation ("« … », c'est ainsi qu'il a dit")."""
    verb = cue.head
    if participle(verb) and not any(c.dep_.startswith("aux") for c in verb.children):
        return False
    if "Inf" in verb.morph.get("VerbForm") and verb is cue.token:
        return False
    if verb.dep_ == "ccomp" and verb.head.i < verb.i and \
            select_entry(verb.head, ctx) is not None and not ctx.in_quotes(verb.head):
        return False  # « X a indiqué que …, le recteur a répondu que … »: reported itself
    if ctx.lang == "en" and subject_left is not None and not cue.takes("addressee") and any(
            c.dep_ in ("dobj", "obj") and c.i > verb.i and c.pos_ in ("NOUN", "PROPN", "NUM")
            and not ctx.in_quotes(c) and not _set_off_by_comma(c, ctx) for c in verb.children):
        return False  # "…, New York boasted tens of thousands of shelters": its own object
        # (not "“…,” he wrote, a wry nod to …", a comment on the whole sentence)
    first = subject_left if subject_left is not None else min(cue.token.i, cue.head.i)
    before = ctx.previous_word(first)
    if before is not None and _bridge_word(before, ctx):
        return True
    return _main_clause_cue(cue, ctx)


def _set_off_by_comma(token: Token, ctx: DocContext) -> bool:
    before = ctx.previous_word(token.left_edge.i)
    return before is not None and before.text == ","


def _bridge_word(token: Token, ctx: DocContext) -> bool:
    last_words = {bridge[-1].rstrip("'e") for bridge in ctx.lexicon.bridges}
    return token.lower_.replace("’", "'").rstrip("'e") in last_words


def _coordinated_speaker(cue: Cue, state: _State) -> SpeakerMention | None:
    """ "Mr X said …, but insisted …": a cue right after "but"/"and" (or a participle right
    after a reporting clause) shares the speaker of the reporting verb before it."""
    ctx = state.ctx
    before = ctx.previous_word(min(cue.token.i, cue.head.i))
    while before is not None and participle(cue.token) and norm_token(before) in ("en",
                                                                                  "tout"):
        before = ctx.previous_word(before.i)  # « …, a-t-elle affirmé, tout en soulignant »
    if before is not None and before.text == "," and participle(cue.token):
        # « …, a-t-il ajouté, précisant que … »: a participle right after a reporting clause
        # shares its speaker, wherever the parser hung it
        reporting = ctx.previous_word(before.i)
        if reporting is None:
            return None
        end = reporting.idx + len(reporting.text)
        for draft in reversed(state.drafts):
            if draft.cue_span and draft.speaker is not None and (
                    draft.cue_span[1] == end or (
                        # « …, a déclaré le ministère sur Twitter, ajoutant que … »: the
                        # inverted subject (and where it spoke) stands between
                        draft.cue_span[1] <= draft.speaker.start < before.idx
                        and not any(ch in ",;:.!?«»“”\"" for ch in
                                    ctx.text[draft.cue_span[1]:before.idx]))):
                return draft.speaker
        return None
    if before is None or not ctx.lexicon.is_word("coordinator", before.text):
        return None
    unit_start = ctx.unit_span(cue.token)[0]
    earlier = [d for d in state.drafts if d.cue_span and unit_start <= d.cue_span[0] < cue.start
               and d.speaker is not None]
    return earlier[-1].speaker if earlier else None


def _main_clause_cue(cue: Cue, ctx: DocContext) -> bool:
    """A reporting clause of its own, not a relative or adverbial clause inside another
    (the parser's links into a neighbouring quotation do not count)."""
    if cue.inverted is not None and in_attribution_position(cue, ctx):
        return True  # « …, a-t-il ajouté »: an incise, whatever the parser hung it on
    verb = cue.head
    if after_quotation_and_subject(verb, ctx):
        return True  # "“…,” Trump posted on …", parsed as a participle of "Trump"
    while verb.dep_ == "conj" and verb.head.i != verb.i and not ctx.in_quotes(verb.head):
        verb = verb.head
    if verb.dep_ in ("relcl", "acl:relcl", "acl", "csubj", "nsubj") and \
            not ctx.in_quotes(verb.head):
        return False
    return not any(c.dep_ == "mark" and not ctx.in_quotes(c) for c in verb.children)


def _free(state: _State, span: tuple[int, int]) -> bool:
    """No earlier draft already covers most of `span`."""
    for draft in state.drafts:
        inter = min(draft.end, span[1]) - max(draft.start, span[0])
        if inter > 0.8 * (span[1] - span[0]):
            return False
    return True


def _fronted_adverbial_before(span: tuple[int, int], ctx: DocContext) -> bool:
    """The stretch after the last comma of `span` is a verbless phrase outside quotation
    marks (« six ans plus tard », "in 2016"), the fronted adverbial of the next clause."""
    cut = ctx.text.rfind(",", span[0], span[1])
    tail = ctx.doc.char_span(max(cut + 1, span[0]), span[1], alignment_mode="expand")
    words = [t for t in tail if not t.is_space] if tail is not None else []
    if words and not ctx.in_quotes(words[0]) and (
            words[0].tag_ == "WRB" or (words[0].pos_ == "SCONJ" and not ctx.lexicon.is_word(
                "complementizer", words[0].text))):
        # "When Putin returned in 2012, many observers believe …", « Lorsqu'il est arrivé,
        # le maire a affirmé que … »: a subordinate clause of the cue's own sentence
        return True
    if cut < 0:
        return False
    return bool(words) and not any(t.pos_ in ("VERB", "AUX") or t.is_punct or
                                   ctx.in_quotes(t) for t in words)


def _opens_with_subordinator(span: tuple[int, int], ctx: DocContext) -> bool:
    """The stretch opens, outside quotation marks, with a subordinating conjunction other
    than "que"/"that" (« lorsque », « alors que », "when", "although")."""
    first = ctx.token_at(span[0])
    while first is not None and (first.is_space or first.is_punct) and first.idx < span[1]:
        first = ctx.doc[first.i + 1] if first.i + 1 < len(ctx.doc) else None
    if first is None or first.idx >= span[1] or ctx.in_quotes(first):
        return False
    if first.tag_ == "WRB" or (first.pos_ == "SCONJ"
                               and not ctx.lexicon.is_word("complementizer", first.text)):
        return True
    # « alors que », « tandis que », « bien que »: a word and a fixed « que »
    following = ctx.doc[first.i + 1] if first.i + 1 < len(ctx.doc) else None
    return following is not None and following.dep_ == "fixed" and \
        ctx.lexicon.is_word("complementizer", following.text.replace("’", "'"))


def _main_clause_after_comma(span: tuple[int, int], ctx: DocContext) -> bool:
    """After some comma of the stretch stands a main clause (« Alors que X, l'OMS envisage
    tous les scénarios, depuis … »)."""
    cut = ctx.text.find(",", span[0], span[1])
    while cut > 0:
        if independent_clause(ctx, cut + 1, span[1]):
            return True
        cut = ctx.text.find(",", cut + 1, span[1])
    return False


def _preposed_draft(state: _State, cue: Cue, span: tuple[int, int]) -> Draft | None:
    ctx = state.ctx
    doc = ctx.doc
    if _relative_subject(cue, ctx):
        # "… members of the Church, whose members believe …": a relative clause describes
        # the noun before it; it does not attribute the clause it hangs on
        return None
    if any(c.dep_.startswith("aux") and span[0] <= c.idx < span[1] and c.i + 1 < len(doc)
           and doc[c.i + 1].text == "," for c in cue.token.children):
        # « L'avocat a, quant à lui, annoncé l'intention … »: the verb's own tense stands
        # before the comma, so what precedes is its subject, not a clause it reports
        return None
    for verb in (cue.head, cue.token):
        subject = grammatical_subject(verb, ctx)
        if subject is not None and subject.pos_ in ("NOUN", "PROPN") and \
                span[0] <= subject.idx < span[1] and not ctx.in_quotes(subject) and \
                not surface_main_clause(ctx, *span):
            # « La société civile, qui avait plaidé pour …, a salué ce vote »: the stretch
            # before the comma is the verb's subject and its relative clause, not a report
            return None
    speaker = None
    inverted = None  # the subject after the verb, in « X, a annoncé lundi le shérif »
    if in_attribution_position(cue, ctx) and cue.inverted is None:
        # "X, a assuré une source": the subject is after the verb, whatever the parser says
        inverted = inverted_subject(cue, ctx)
        if inverted is not None:
            speaker = mention_for(document_author(inverted, ctx), ctx)
        else:
            # "X, the source, who said …, told Reuters": the subject before a relative clause
            subject = _subject_before_relative(cue, ctx)
            if subject is not None:
                speaker = mention_for(subject, ctx)
                comma = ctx.previous_word(subject.left_edge.i)
                if comma is not None and comma.text == ",":
                    trimmed = trim_span(ctx, span[0], comma.idx)
                    if trimmed is None:
                        return None
                    span = include_marks(ctx, *trimmed)
    speaker = speaker or speaker_for(cue, ctx)
    if speaker is None or speaker.kind == "relative":
        return None  # « …, d'Ilanga Nature, qui soutient … »: a relative clause reports nothing
    if speaker.start < cue.end < speaker.end:
        # « marmonne le paternel » parsed as one phrase: the verb is not part of the speaker
        after = ctx.token_at(cue.end)
        while after is not None and (after.is_space or after.idx < cue.end):
            after = ctx.doc[after.i + 1] if after.i + 1 < len(ctx.doc) else None
        if after is not None and after.idx < speaker.end:
            speaker = replace(speaker, start=after.idx, np_start=max(speaker.np_start,
                                                                     after.idx))
    inside = ctx.segments_in(span[0], span[1] + 1)
    free_inside = [k for k in inside if k not in state.used_segments]
    if inside and inside[-1] in free_inside:
        # "… que les tensions s'apaisent : « Elles sont une menace », a-t-elle estimé": a
        # quotation opened by a colon at the end is what this cue reports, by itself.
        last = ctx.segments[inside[-1]]
        opening = ctx.token_at(last.open)
        colon = ctx.previous_word(opening.i) if opening is not None else None
        if colon is not None and colon.text == ":" and colon.idx > span[0] and \
                last.outer_end >= span[1] - 1:
            return Draft("direct", last.start, last.end, (cue.start, cue.end), cue.cue_class,
                         speaker, "cue-after", 0.85, ctx.segment_paragraph[inside[-1]],
                         segments=[inside[-1]])
    if len(inside) == 1 and free_inside:
        segment = ctx.segments[inside[0]]
        outer = (segment.open, segment.outer_end)
        if _only_punct_outside(ctx, span, outer) or _framed(ctx, span, segment):
            return Draft("direct", segment.start, segment.end, (cue.start, cue.end),
                         cue.cue_class, speaker, "cue-after", 0.9,
                         ctx.segment_paragraph[inside[0]], segments=[inside[0]])
    if len(inside) == 2 and len(free_inside) == 2:
        first, second = (ctx.segments[k] for k in inside)
        words = [w for w in re.split(r"[\s,;]+", ctx.text[first.outer_end:second.open]) if w]
        if len(words) <= 1 and all(ctx.lexicon.is_word("coordinator", w) for w in words) and \
                _only_punct_outside(ctx, span, (first.open, second.outer_end)):
            # « « A », mais « B », assure X »: two quotations joined by a conjunction of the
            # writer's, each one X's (as the conventions count them)
            for k, segment in zip(inside, (first, second), strict=True):
                state.add(Draft("direct", segment.start, segment.end, (cue.start, cue.end),
                                cue.cue_class, speaker, "cue-after", 0.85,
                                ctx.segment_paragraph[k], segments=[k]))
            return None
    if inside and not free_inside:
        return None
    tail = _incise_tail(cue, speaker, ctx)
    if tail is not None:
        if not independent_clause(ctx, *span):
            # "Any small hospital, he said, would need these supplies": one clause around the
            # incise, one quote.
            return _cue_draft(state, cue, (span[0], tail[1]), speaker, form="incise",
                              confidence=0.7)
        # "Half the aid was burial bags, he said, and the rest was water": a clause on each
        # side of the incise, one quote each (as the conventions split a quotation in marks).
        state.add(_cue_draft(state, cue, tail, speaker, form="incise", confidence=0.7))
    if tail is None and _opens_with_subordinator(span, ctx) and not _main_clause_after_comma(
            span, ctx):
        # « Alors que les stocks baissent, le syndicat s'est engagé à … », "When the plant
        # closed, the union vowed to …": the clause before the comma sets the scene of the
        # report; it is not what is reported (but "As the verdict was read, Roof stood
        # still, reported X" is)
        return None
    if not independent_clause(ctx, *span) and not (
            inverted is not None and surface_main_clause(ctx, *span)):
        if free_inside and len(ctx.text[span[0]:span[1]].split()) <= 6 and \
                ctx.unit_span(cue.token)[0] == span[0]:
            # « Une « négligence », tente d'expliquer la ministre »: a short phrase holding
            # the speaker's quoted word, alone before the reporting clause
            return _cue_draft(state, cue, span, speaker, form="preposed", confidence=0.6)
        return None
    # "…, a annoncé le shérif", "…, the institution said": the noun phrase of the reporting
    # clause right after the reported one is its speaker, known person or not
    between = ctx.text[span[1]:speaker.np_start]
    attributed = inverted is not None or (
        speaker.np_start >= span[1] and speaker.np_start < cue.start
        and between.strip() in (",", "»,", "”,", '",', "”", "»"))
    form = "preposed-attributed" if attributed else "preposed"
    return _cue_draft(state, cue, span, speaker, form=form, confidence=0.75)


def _relative_subject(cue: Cue, ctx: DocContext) -> bool:
    """The cue's subject is, or is owned by, a relative pronoun ("who said", "whose
    members believe", « dont les membres estiment »)."""
    for verb in (cue.head, cue.token):
        subject = grammatical_subject(verb, ctx)
        if subject is None:
            continue
        words = [subject, *(c for c in subject.children if c.dep_ in ("poss", "nmod:poss"))]
        if any(w.tag_ in ("WP", "WP$", "WDT") or "Rel" in w.morph.get("PronType")
               for w in words):
            return True
    return False


def _incise_tail(cue: Cue, speaker: SpeakerMention, ctx: DocContext
                 ) -> tuple[int, int] | None:
    """The reported words after the reporting clause when it is an incise inside them ("X, he
    said, Y": Y, without a leading "and"/"but"), up to the end of the sentence."""
    doc = ctx.doc
    unit_start, unit_end = ctx.unit_of(cue.token)
    after = cue.end
    if speaker.start > cue.start and speaker.kind != "pronoun":
        # the subject and its relative clause come after the verb (not an inverted clitic,
        # which the parser may give the rest of the sentence as its subtree)
        edge = doc[speaker.head].right_edge
        after = max(speaker.end, edge.idx + len(edge.text))
    token = ctx.token_at(after)
    if token is None or token.i >= unit_end:
        return None
    j = token.i
    while j < unit_end and doc[j].pos_ in ("ADV", "SPACE"):
        j += 1
    if j >= unit_end or doc[j].text != ",":
        return None
    rest = [t for t in doc[j + 1:unit_end] if not t.is_space]
    if not any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")
               and not ctx.in_quotes(t) for t in rest) or not rest:
        return None
    if any(ctx.lexicon.forms.get(t.lower_) for t in rest[:3]):
        return None  # ", adding that …": another reporting verb
    if any(t.pos_ == "SCONJ" or t.dep_ == "mark" for t in rest[:2]):
        return None  # ", alors que …", ", while …": the writer's circumstance, not reported
    for n, t in enumerate(rest):
        # « …, a-t-il regretté, « … » et le président X a proposé de … »: a clause with its
        # own reporting verb, after a conjunction, is another report
        if n and ctx.lexicon.is_word("coordinator", t.text) and not ctx.in_quotes(t) and any(
                u.pos_ == "VERB" and ctx.lexicon.forms.get(u.lower_) and not ctx.in_quotes(u)
                for u in rest[n + 1:]):
            rest = rest[:n]
            break
    if not rest:
        return None
    last = rest[-1]
    first = rest[0]
    if ctx.lexicon.is_word("coordinator", first.text) and len(rest) > 1:
        first = rest[1]
    trimmed = trim_span(ctx, first.idx, last.idx + len(last.text))
    return include_marks(ctx, *trimmed) if trimmed else None


def _subject_before_relative(cue: Cue, ctx: DocContext) -> Token | None:
    """In "…, the source, who said he had spoken to them, told Reuters", the noun that the
    relative clause before the cue's comma hangs on."""
    comma = ctx.previous_word(min(cue.token.i, cue.head.i, *(
        t.i for t in ctx.doc[max(0, cue.token.i - 4):cue.token.i] if t.idx >= cue.start)))
    if comma is None or comma.text != ",":
        return None
    token = ctx.previous_word(comma.i)
    seen = 0
    while token is not None and seen < 12:
        if token.dep_ in ("relcl", "acl:relcl") and token.head.i < token.i:
            noun = token.head
            before = ctx.previous_word(noun.left_edge.i)
            if noun.pos_ in ("NOUN", "PROPN") and before is not None and before.text == ",":
                return noun
            return None
        if token.head.i == token.i:
            return None
        token = token.head
        seen += 1
    return None


def _framed(ctx: DocContext, span: tuple[int, int], segment: Segment) -> bool:
    """ "En plus de X, «…», précise Y": an adverbial and a comma before a quotation that
    ends the content; the quotation alone is what was said."""
    text = ctx.text
    before = text[span[0]:segment.open].rstrip()
    after = text[segment.outer_end:span[1]]
    return before.endswith(",") and all(not ch.isalnum() for ch in after) and \
        _sentence_like_text(text[segment.start:segment.end])


def _sentence_like_text(text: str) -> bool:
    return len(text.split()) >= 4 and text[:1].isalpha()


def _only_punct_outside(ctx: DocContext, span: tuple[int, int], outer: tuple[int, int]) -> bool:
    text = ctx.text
    outside = text[span[0]:outer[0]] + text[outer[1]:span[1]]
    return all(not ch.isalnum() for ch in outside)


# ------------------------------------------------------------------------------ selon, pour


def _pronoun_of_quoted_words(draft: Draft, ctx: DocContext) -> bool:
    """ « Mais l'homme, ils le découvrent » : « … »: a pronoun inside quotation marks belongs
    to the quoted words, unless it is the inverted subject of an incise inside them (« X,
    affirme-t-elle. Y »)."""
    speaker = draft.speaker
    if speaker is None or speaker.kind != "pronoun" or not ctx.in_quotes(
            ctx.doc[speaker.head]):
        return False
    cue = draft.cue_span
    return cue is None or not (cue[0] <= speaker.start <= cue[1] + 1)


def _attributed_noun(speaker: SpeakerMention, ctx: DocContext) -> bool:
    """ "« … », ajoute le politique letton": right after a quotation and its reporting verb,
    a noun phrase is the speaker even when the word lists do not know it as a person (but
    not a document, a date or a place)."""
    head = ctx.doc[speaker.head]
    if head.pos_ != "NOUN" or ctx.is_time(head) or head.ent_type_ in ("LOC", "GPE"):
        return False
    title = ctx.lexicon.title(head.lemma_) or ctx.lexicon.title(head.text)
    return title is None or title.kind != "document"


def _phrase_word(token: Token, *, first: bool) -> str:
    """A token as the attribution phrases spell it: lower case, straight apostrophe, and a
    sentence-initial "A" read as « À » (French typesetting drops the accent of a capital)."""
    if first and token.text == "A" and token.lang_ == "fr":
        return "à"
    return token.lower_.replace("’", "'")


def _phrase_at(ctx: DocContext, i: int, phrase: str) -> int:
    """Number of tokens from `i` that spell `phrase` (0 if they do not)."""
    doc = ctx.doc
    target = phrase.lower().replace("’", "'").replace(" ", "")
    built = ""
    j = i
    while j < len(doc) and len(built) < len(target):
        if doc[j].is_space:
            j += 1
            continue
        built += _phrase_word(doc[j], first=j == i)
        j += 1
    return j - i if built == target else 0


def _object_after(ctx: DocContext, j: int) -> Token | None:
    """Head of the noun phrase starting at token `j` (the object of the preposition before
    it when the parser says so: "according to the World Travel and Tourism Council")."""
    doc = ctx.doc
    if 0 < j < len(doc):
        preposition = doc[j - 1]
        objects = [c for c in preposition.children if c.dep_ in ("pobj", "obj") and c.i >= j]
        if objects and not ctx.in_quotes(objects[0]):
            return objects[0]
        if preposition.dep_ == "case" and preposition.head.i >= j and \
                preposition.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return preposition.head
    unit_end = ctx.unit_of(doc[j])[1] if j < len(doc) else j
    for k in range(j, min(unit_end, j + 8)):
        token = doc[k]
        if token.pos_ in ("PROPN", "NOUN", "PRON") and not ctx.in_quotes(token):
            while token.dep_ in ("flat", "flat:name", "compound", "amod") and \
                    token.head.i > token.i and token.head.i < unit_end:
                token = token.head
            return token
        if token.is_punct:
            return None
    return None


def _agentive(token: Token, ctx: DocContext) -> bool:
    """Can `token` head the source of a statement (not a document or a measure)?"""
    title = ctx.lexicon.title(token.lemma_) or ctx.lexicon.title(token.text)
    if title is not None and title.kind == "document" and token.text[:1].isupper() and \
            token.ent_type_ in ("ORG", "PER", "PERSON") and not token.is_sent_start:
        return True  # "the United States Geological Survey": a body's name, not a survey
    if title is not None:
        return title.kind != "document"
    return True


def prepositional_quotes(state: _State) -> None:
    """ "X, selon Y." / "Selon Y, X." / "selon Y : « X »" / "according to Y"."""
    ctx = state.ctx
    doc = ctx.doc
    possessives = _by_first_word(tuple(ctx.lexicon.possessive_phrases.items()))
    prepositions = _by_first_word(tuple(ctx.lexicon.prepositions.items()))
    for i, token in enumerate(ctx.tokens):
        if token.is_space or not ctx.is_prose(token) or ctx.in_quotes(token):
            continue
        first_word = _phrase_word(token, first=True)
        if first_word not in possessives and first_word not in prepositions:
            continue  # no attribution phrase starts with this word
        # the longer possessive phrases first: « selon ses dires » is not « selon » + « dires »
        matched = False
        for phrase, cue_class in possessives.get(first_word, ()):
            n = _phrase_at(ctx, i, phrase)
            owner = next((t for t in doc[i:i + n] if (
                ctx.lexicon.pronoun(t.text) is not None
                and (ctx.lexicon.pronoun(t.text).kind == "possessive"
                     or t.dep_ in ("poss", "nmod:poss")))  # "in her view"
                or (t.pos_ == "PRON" and "Prs" in t.morph.get("PronType")
                    and t.lower_ not in ("en", "y"))), None)
            if n and owner is None and phrase.endswith("en croire"):
                owner = doc[i + 1]  # « à l'en croire »: the clitic, tagged as an article
            if not n or owner is None:
                continue
            # "À ses yeux, X", "In her view, X": the possessive is a pronoun for the speaker.
            cue_span = (token.idx, doc[i + n - 1].idx + len(doc[i + n - 1].text))
            speaker = SpeakerMention(owner.idx, owner.idx + len(owner.text), "pronoun",
                                     owner.i, cue_span[0], cue_span[1])
            _selon_drafts(state, i, owner, speaker, cue_span, cue_class)
            matched = True
            break
        if matched:
            continue
        for phrase, cue_class in prepositions.get(first_word, ()):
            n = _phrase_at(ctx, i, phrase)
            if not n:
                continue
            before = ctx.previous_word(i)
            if phrase.startswith("de ") and before is not None and not before.is_punct and \
                    ctx.unit_of(token)[0] != i:
                continue  # « se passer de l'avis de X » is no « De l'avis de X, … »
            source = _object_after(ctx, i + n)
            if source is not None:
                source = author_of_statement(source, ctx)  # (« selon un rapport de X »: X)
            if source is None or not _agentive(source, ctx) or source.lower_ == "ce":
                continue  # « selon ce qu'a appris X »: the writer's own reporting
            speaker = mention_for(source, ctx)
            cue_span = (token.idx, doc[i + n - 1].idx + len(doc[i + n - 1].text))
            _selon_drafts(state, i, source, speaker, cue_span, cue_class)
            break


@lru_cache(maxsize=16)
def _by_first_word(phrases: tuple[tuple[str, str], ...]
                   ) -> dict[str, tuple[tuple[str, str], ...]]:
    """The attribution phrases (with their class) under each word they may start with, so
    that a token is tried against its own phrases only. A phrase may start inside a token
    ("d'après" is one token or two), so it is filed under both."""
    index: dict[str, list[tuple[str, str]]] = {}
    for phrase, cue_class in phrases:
        first = phrase.lower().replace("’", "'").split()[0]
        keys = {first}
        if "'" in first:
            keys.add(first.split("'")[0] + "'")
        if "-" in first:  # « peut-on » is two tokens
            keys.add(first.split("-")[0])
        for key in keys:
            index.setdefault(key, []).append((phrase, cue_class))
    return {key: tuple(found) for key, found in index.items()}


def _selon_drafts(state: _State, i: int, source: Token, speaker: SpeakerMention,
                  cue_span: tuple[int, int], cue_class: str) -> None:
    ctx = state.ctx
    doc = ctx.doc
    unit_start, unit_end = ctx.unit_of(doc[i])
    np_end = max(speaker.np_end, speaker.end)
    after = ctx.token_at(np_end)
    # what follows the source: ":" + quotation, "," + clause, or the end of the sentence
    j = after.i if after is not None else unit_end
    while j < unit_end and (doc[j].is_space or doc[j].idx < np_end):
        j += 1
    # skip an apposition ", l'hebdomadaire …" is not attempted: stop at the first punctuation
    while j < unit_end and not doc[j].is_punct:
        j += 1
    nxt = doc[j] if j < unit_end else None
    paragraph = _paragraph_of(ctx, cue_span[0])
    first_after = ctx.token_at(np_end) or (ctx.next_word(after.i) if after is not None else None)
    while first_after is not None and first_after.is_space:
        first_after = ctx.next_word(first_after.i)
    if first_after is not None and first_after.i < unit_end and \
            ctx.lexicon.is_word("complementizer", first_after.text):
        # « on lit dans X que … »: the clause after the complementiser is what X says
        last = doc[unit_end - 1]
        span = trim_span(ctx, first_after.idx + len(first_after.text), last.idx + len(last.text))
        if span is not None and _free(state, span):
            state.add(Draft("indirect", *include_marks(ctx, *span), cue_span, cue_class,
                            speaker, "selon-que", 0.75, paragraph))
        return
    if nxt is not None and nxt.text == ":":
        k = ctx.segment_at_open(ctx.next_word(j).idx) if ctx.next_word(j) else -1
        if k >= 0 and k not in state.used_segments:
            segment = ctx.segments[k]
            state.add(Draft("direct", segment.start, segment.end, cue_span, cue_class, speaker,
                            "selon-colon", 0.85, paragraph, segments=[k]))
    if nxt is not None and nxt.text == ",":
        k = _quotation_opening_at(ctx, _after_apposition(ctx, nxt, unit_end), unit_end)
        if k is not None and k not in state.used_segments:
            # « …, dont, selon Me X, avocat de …, « la radicalisation est ancienne » »,
            # « ont démontré, selon l'accusation, « que … » »: the quotation is what X said
            segment = ctx.segments[k]
            state.add(Draft("direct", segment.start, segment.end, cue_span, cue_class, speaker,
                            "selon-quoted", 0.8, paragraph, segments=[k]))
            return
    before = ctx.previous_word(i)
    at_end = nxt is None or nxt.text in SENTENCE_END
    if before is not None and before.i > unit_start and before.text == "," and \
            nxt is not None and nxt.text == "," and not _only_framing(ctx, unit_start, i):
        # "This, according to Della, does nothing to …", « Ce projet, selon la ministre, ne
        # coûtera rien »: an incise inside the reported clause; the clause is one stretch.
        last = doc[unit_end - 1]
        span = trim_span(ctx, doc[unit_start].idx, last.idx + len(last.text))
        rest = trim_span(ctx, nxt.idx + 1, last.idx + len(last.text))
        opened = ctx.previous_word(before.i)
        unfinished = opened is not None and (opened.pos_ == "AUX" or opened.lemma_ == "être")
        if span is not None and rest is not None and _free(state, span) and (
                has_clause_verb(ctx, *rest) or unfinished) and (
                unfinished or not has_clause_verb(ctx, doc[unit_start].idx, before.idx)):
            # (« Fessenheim doit être, selon lui, une des premières … »: the verb before the
            # incise waits for what follows it)
            state.add(Draft("indirect", *include_marks(ctx, *span), cue_span, cue_class,
                            speaker, "selon-inside", 0.7, paragraph))
            return
    joined = ctx.previous_word(before.i) if before is not None and before.text == "," else None
    if joined is not None and joined.i >= unit_start and nxt is not None and nxt.text == "," \
            and (ctx.lexicon.is_word("coordinator", joined.text)
                 or ctx.lexicon.is_word("framing", joined.text)):
        # « …, mais, selon un communiqué de X, le PS était prêt à … »: after a conjunction
        # the attribution opens the clause that follows it
        last = doc[unit_end - 1]
        span = trim_span(ctx, _after_apposition(ctx, nxt, unit_end), last.idx + len(last.text))
        if span is not None and _free(state, include_marks(ctx, *span)) and \
                has_clause_verb(ctx, *span):
            state.add(Draft("indirect", *include_marks(ctx, *span), cue_span, cue_class,
                            speaker, "selon-before", 0.75, paragraph))
            return
    if before is not None and before.i > unit_start and (before.text == "," or at_end):
        cut = before.idx if before.text == "," else before.idx + len(before.text)
        start = _claimed_before(state, cut, ctx.doc[unit_start].idx)
        span = trim_span(ctx, start, cut)
        if span is not None:
            span = include_marks(ctx, *span)
            if _free(state, span) and (has_clause_verb(ctx, *span)
                                       or ctx.segments_in(span[0], span[1] + 1)):
                state.add(Draft("indirect", span[0], span[1], cue_span, cue_class, speaker,
                                "selon-after", 0.75, paragraph))
                return
    if before is None or before.i < unit_start or _only_framing(ctx, unit_start, i):
        if nxt is not None and nxt.text == ",":
            end_token = unit_end
            last = doc[end_token - 1]
            span = trim_span(ctx, _after_apposition(ctx, nxt, unit_end),
                             last.idx + len(last.text))
            if span is not None:
                span = include_marks(ctx, *span)
                inside = ctx.segments_in(span[0], span[1] + 1)
                if len(inside) == 1 and inside[0] not in state.used_segments:
                    segment = ctx.segments[inside[0]]
                    if _only_punct_outside(ctx, span, (segment.open, segment.outer_end)):
                        # « Selon X, « … » »: the quotation in marks, as said
                        state.add(Draft("direct", segment.start, segment.end, cue_span,
                                        cue_class, speaker, "selon-before", 0.8, paragraph,
                                        segments=[inside[0]]))
                        return
                if _free(state, span):
                    state.add(Draft("indirect", span[0], span[1], cue_span, cue_class, speaker,
                                    "selon-before", 0.75, paragraph))


def _quotation_opening_at(ctx: DocContext, start: int, unit_end: int) -> int | None:
    """The quotation in marks that opens at character `start` (spaces skipped) and is
    either a sentence's worth (four words or more) or the last thing in its clause."""
    token = ctx.token_at(start)
    while token is not None and (token.is_space or token.idx < start):
        token = ctx.next_word(token.i)
    if token is None or token.i >= unit_end:
        return None
    k = ctx.segment_at_open(token.idx)
    if k < 0:
        return None
    segment = ctx.segments[k]
    if len(ctx.text[segment.start:segment.end].split()) >= 4:
        return k
    after = ctx.token_at(segment.outer_end)
    while after is not None and after.is_space:
        after = ctx.next_word(after.i)
    return k if after is None or after.i >= unit_end or after.is_punct else None


def _after_apposition(ctx: DocContext, comma: Token, unit_end: int) -> int:
    """Where the reported clause starts after the comma that closes « Selon X, »: past an
    apposition to X (« Selon Pierre Dupont, conseiller régional, le projet … »), a verbless
    noun phrase closed by a comma, when a clause follows it."""
    doc = ctx.doc
    start = comma.idx + 1
    k = comma.i + 1
    while k < unit_end and doc[k].is_space:
        k += 1
    # a role without article (« conseiller régional », « représentante de … ») or a
    # participle (« interrogée par l'AFP »); « les manifestants » would be the clause's subject
    if k >= unit_end or not (doc[k].pos_ in ("NOUN", "ADJ") or "Part" in doc[k].morph.get(
            "VerbForm")) or ctx.in_quotes(doc[k]):
        return start
    j = k
    while j < unit_end and doc[j].text != "," and j - k <= 25:
        if (doc[j].pos_ in ("VERB", "AUX") and "Fin" in doc[j].morph.get("VerbForm")) or \
                ctx.segment_at_open(doc[j].idx) >= 0:
            return start
        j += 1
    if j >= unit_end or doc[j].text != ",":
        return start
    rest_start = doc[j].idx + 1
    last = doc[unit_end - 1]
    if not has_clause_verb(ctx, rest_start, last.idx + len(last.text)) and not \
            ctx.segments_in(rest_start, last.idx + len(last.text)):
        return start
    return rest_start


def _only_framing(ctx: DocContext, unit_start: int, i: int) -> bool:
    tokens = list(ctx.doc[unit_start:i])
    colon = next((k for k, t in enumerate(tokens) if t.text == ":"), None)
    if colon is not None and colon > 0 and all(t.text.isupper() for t in tokens[:colon]
                                               if not t.is_space):
        tokens = tokens[colon + 1:]  # "ELLESA THROWDEN: According to X, …": a transcript's label
    for token in tokens:
        if token.is_space or token.is_punct:
            continue
        if not ctx.lexicon.is_word("framing", token.text):
            return False
    return True


def _speaker_last_token(speaker: SpeakerMention, ctx: DocContext) -> int:
    last = ctx.token_at(max(speaker.np_end, speaker.end) - 1)
    return last.i if last is not None else -1


def opinion_quotes(state: _State) -> None:
    """ "Pour X, …": X's stated view (X a person: a name, a pronoun or a role)."""
    ctx = state.ctx
    doc = ctx.doc
    if not ctx.lexicon.opinion_markers:
        return
    for unit_start, unit_end in ctx.units:
        first = doc[unit_start]
        if first.lower_ not in ctx.lexicon.opinion_markers or not ctx.is_prose(first):
            continue
        source = _object_after(ctx, unit_start + 1)
        if source is None:
            continue
        speaker = mention_for(source, ctx)
        # « Pour le parquet, « … » »: a body's view, but only as its own quoted words (« Pour
        # l'école, c'est un changement » is whom it concerns)
        body = speaker.kind == "group" and institution_noun(source, ctx)
        if (speaker.kind not in ("name", "pronoun", "role") and not body) or \
                not animate(source, ctx):
            continue  # « Pour sa défense, … »: a purpose, not a person's view
        title = ctx.lexicon.title(source.text)
        if source.pos_ == "NOUN" and ctx.previous_word(source.i) is not None and \
                ctx.previous_word(source.i).i == unit_start and speaker.kind != "name" and \
                not (title is not None and title.kind == "honorific"):
            continue  # « Pour rappel, », « Pour mémoire, »: a set phrase (not « Pour Me X, »)
        comma = ctx.token_at(max(speaker.np_end, speaker.end))
        while comma is not None and comma.i < unit_end and comma.is_space:
            comma = doc[comma.i + 1]
        if comma is not None and comma.text != "," and speaker.kind == "name" and \
                comma.pos_ == "PRON" and comma.dep_.startswith(("nsubj", "expl")):
            # « Pour François Fillon il y avait trop de juridisme »: the comma left out
            # before a subject pronoun
            comma = ctx.previous_word(comma.i)
        # (counted from the end of the speaker's phrase: « Pour le ministre de l'Économie,
        # Bruno Le Maire, c'est … » names him in apposition)
        phrase_end = ctx.token_at(max(speaker.np_end, speaker.end) - 1)
        anchor = max(source.i, phrase_end.i) if phrase_end is not None else source.i
        if comma is None or comma.i - anchor > 6 or (
                comma.text != "," and comma.i != _speaker_last_token(speaker, ctx)):
            continue
        rest = ctx.next_word(comma.i)
        if rest is None:
            continue
        colon = next((t for t in doc[rest.i:unit_end] if t.text == ":"
                      and not ctx.in_quotes(t)), None)
        if colon is not None and any(t.dep_.startswith("nsubj") and t.pos_ in ("NOUN", "PROPN")
                                     for t in doc[rest.i:colon.i]):
            # « Pour les malades qui …, le psychiatre X se veut rassurant : « … » »: the
            # clause after the comma introduces its own speaker's words; « Pour » was a purpose
            continue
        cue_span = (first.idx, first.idx + len(first.text))
        paragraph = _paragraph_of(ctx, first.idx)
        k = ctx.segment_at_open(rest.idx)
        if k >= 0 and k not in state.used_segments and _ends_unit(ctx.segments[k], ctx,
                                                                   unit_end):
            segment = ctx.segments[k]
            state.add(Draft("direct", segment.start, segment.end, cue_span, "opinion", speaker,
                            "opinion", 0.7, paragraph, segments=[k]))
            continue
        if body and k < 0:
            continue  # (a body's view only from its own quoted words)
        last = doc[unit_end - 1]
        start = _after_apposition(ctx, comma, unit_end) if comma.text == "," else rest.idx
        span = trim_span(ctx, start, last.idx + len(last.text))
        if span is not None and _free(state, span) and has_clause_verb(ctx, *span):
            state.add(Draft("indirect", *include_marks(ctx, *span), cue_span, "opinion",
                            speaker, "opinion", 0.65, paragraph))



# ------------------------------------------------------------------------------ colon, lists


def colon_quotes(state: _State) -> None:
    """ "X est plus nuancée : « … »": a quotation after a colon, its speaker the subject."""
    ctx = state.ctx
    for k, segment in enumerate(ctx.segments):
        if k in state.used_segments:
            continue
        opening = ctx.token_at(segment.open)
        colon = ctx.previous_word(opening.i) if opening is not None else None
        if colon is None or colon.text != ":":
            continue
        unit_start, unit_end = ctx.unit_of(opening)
        if not _ends_unit(segment, ctx, unit_end):
            continue
        if colon.i <= unit_start:
            # « Claire X parle ensuite d'un camp : » closing a paragraph, the next one the
            # quotation: the sentence before the colon introduces it
            index = ctx.segment_paragraph[k]
            opens_paragraph = not ctx.text[ctx.paragraphs[index].start:segment.open].strip()
            # (the colon, the last word before the mark, then ends the paragraph before)
            if not opens_paragraph or index == 0 or \
                    colon.idx < ctx.paragraphs[index - 1].start:
                continue
            unit_start = ctx.unit_of(colon)[0]
        head = ctx.previous_word(colon.i)
        while head is not None and head.head.i != head.i and head.head.i >= unit_start \
                and head.head.i < colon.i:
            head = head.head
        if head is None:
            continue
        subject = None
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubj:pass", "expl:subj") and child.i < colon.i:
                subject = child
        if subject is None or not _person_like(subject, ctx):
            subject = _person_before(ctx, unit_start, colon.i)
        speaker = mention_for(subject, ctx) if subject is not None else None
        if speaker is None or speaker.kind in ("first",) or not _person_like(subject, ctx):
            pour = _pour_object(ctx, unit_start, colon.i)
            speaker = mention_for(pour, ctx) if pour is not None else None
        if speaker is None:
            continue
        selected = select_entry(head, ctx)
        before_colon = ctx.previous_word(colon.i)
        if selected is None and before_colon is not None:
            selected = select_entry(before_colon, ctx)  # "X, 34 ans, raconte : « … »"
            head = before_colon if selected is not None else head
        cue_span = None
        cue_class = None
        if selected is not None:
            cue_span = (head.idx, head.idx + len(head.text))
            for aux in head.children:
                if aux.dep_.startswith("aux") or (aux.dep_ == "expl:pass" and aux.i < head.i):
                    cue_span = (min(cue_span[0], aux.idx), cue_span[1])
            cue_class = selected[0].cue_class
        state.add(Draft("direct", segment.start, segment.end, cue_span, cue_class, speaker,
                        "colon", 0.75, ctx.segment_paragraph[k], segments=[k]))


def _person_like(token: Token, ctx: DocContext) -> bool:
    if token.pos_ == "PROPN":
        return True
    pronoun = ctx.lexicon.pronoun(token.text)
    if pronoun is not None:
        return pronoun.kind in ("personal", "demonstrative")
    title = ctx.lexicon.title(token.lemma_) or ctx.lexicon.title(token.text)
    return title is not None and title.kind in ("role", "relational")


def _person_before(ctx: DocContext, start: int, end: int) -> Token | None:
    """The last person named in tokens [start, end), not after "de"/"of" (the parser may
    have missed that it is the subject)."""
    found = None
    for ent in ctx.ents:
        if ent.start < start or ent.end > end or ent.label_ not in ("PER", "PERSON"):
            continue
        previous = ctx.previous_word(ent.start)
        if previous is not None and (ctx.lexicon.is_word("of", previous.text)
                                     or previous.pos_ == "ADP"):
            continue
        found = ent.root
    return found


def _pour_object(ctx: DocContext, start: int, end: int) -> Token | None:
    doc = ctx.doc
    for j in range(start, end):
        if doc[j].lower_ in ctx.lexicon.opinion_markers:
            obj = _object_after(ctx, j + 1)
            if obj is not None and obj.i < end and _person_like(obj, ctx):
                return obj
    return None


_DASHES = ("—", "–")


def dash_attribution_quotes(state: _State) -> None:
    """ « « Je suis découragé. » — Luckens, 26 ans, marchand. »: a quotation followed by a
    dash and a name (the pull-quote credit of print layouts) is that person's; so is a
    paragraph that is one quotation with a line holding only a full name right under it (the
    credit of web layouts: « "…" » / « Emmanuel Macron » / « lors de sa conférence de
    presse »)."""
    ctx = state.ctx
    text = ctx.text
    for k, segment in enumerate(ctx.segments):
        if k in state.used_segments or segment.close is None:
            continue
        after = text[segment.outer_end:segment.outer_end + 4]
        stripped = after.lstrip(" \t")
        if not stripped.startswith(_DASHES):
            credit = _credit_line_after(k, ctx)
            if credit is not None:
                state.add(Draft("direct", segment.start, segment.end, None, "statement",
                                credit, "credit-line", 0.6, ctx.segment_paragraph[k],
                                segments=[k]))
            continue
        dash_at = segment.outer_end + (len(after) - len(stripped))
        name = ctx.token_at(dash_at + 1)
        while name is not None and name.is_space:
            name = ctx.doc[name.i + 1] if name.i + 1 < len(ctx.doc) else None
        if name is None or not ctx.is_prose(name) or not name.text[:1].isupper() or \
                name.pos_ not in ("PROPN", "NOUN") or ctx.in_quotes(name):
            continue
        speaker = _credited_name(name, ctx)
        if speaker is None:
            continue
        state.add(Draft("direct", segment.start, segment.end, (dash_at, dash_at + 1),
                        "statement", speaker, "dash-credit", 0.6, _paragraph_of(ctx,
                                                                                segment.start),
                        segments=[k]))


def _credited_name(name: Token, ctx: DocContext) -> SpeakerMention | None:
    """The person's name that opens a credit, or None when it is no name."""
    speaker = mention_for(name, ctx)
    person = name.ent_type_ in ("PER", "PERSON") or ctx.person_surname(name) or any(
        t.text == name.text and t.ent_type_ in ("PER", "PERSON") for t in ctx.doc)
    if speaker.kind != "name" and person:
        # the tagger saw a person but parsed the credit line as a noun phrase
        last = name
        while last.i + 1 < len(ctx.doc) and ctx.doc[last.i + 1].ent_iob_ == "I" and \
                name.ent_type_:
            last = ctx.doc[last.i + 1]
        end = last.idx + len(last.text)
        speaker = SpeakerMention(name.idx, end, "name", last.i, name.idx, end)
    return speaker if speaker.kind == "name" else None


def _credit_line_after(k: int, ctx: DocContext) -> SpeakerMention | None:
    """The full name alone on the line under a paragraph that is only quotation `k`."""
    segment = ctx.segments[k]
    index = ctx.segment_paragraph[k]
    paragraph = ctx.paragraphs[index]
    if ctx.text[paragraph.start:paragraph.end].strip() != \
            ctx.text[segment.open:segment.outer_end].strip() or index + 1 >= len(ctx.paragraphs):
        return None
    following = ctx.paragraphs[index + 1]
    # its first line (a context line under it may have been joined to it as a soft wrap)
    line_end = ctx.text.find("\n", following.start, following.end)
    line_end = following.end if line_end < 0 else line_end
    words = ctx.text[following.start:line_end].split()
    # two to four capitalised words (particles aside): a name, not a sentence or a heading
    if not 2 <= len(words) <= 4 or not all(
            w[:1].isupper() or ctx.lexicon.is_word("name_particle", w) for w in words):
        return None
    first = ctx.token_at(following.start)
    last = ctx.token_at(len(ctx.text[:line_end].rstrip()) - 1)
    if first is None or last is None or ctx.in_quotes(first):
        return None
    tokens = ctx.doc[first.i:last.i + 1]
    one_person = first.ent_type_ in ("PER", "PERSON") and first.ent_iob_ == "B" and all(
        t.ent_iob_ == "I" and t.ent_type_ == first.ent_type_ for t in tokens[1:])
    if not one_person and not (all(t.pos_ == "PROPN" for t in tokens)
                               and ctx.person_surname(last)):
        return None  # the line is one person's name, whole
    end = last.idx + len(last.text)
    return SpeakerMention(first.idx, end, "name", last.i, first.idx, end)


def bullet_quotes(state: _State, cues: list[Cue]) -> None:
    """ "President Obama also said:" followed by "- …" lines: one quotation per line."""
    ctx = state.ctx
    text = ctx.text
    for p, paragraph in enumerate(ctx.paragraphs):
        if not paragraph.is_prose or not text[paragraph.start:paragraph.end].endswith(":"):
            continue
        intro = [c for c in cues if paragraph.start <= c.start < paragraph.end
                 and c.token.i not in state.used_cues]
        if not intro:
            continue
        cue = intro[-1]
        speaker = speaker_for(cue, ctx)
        if speaker is None:
            continue
        for following in ctx.paragraphs[p + 1:]:
            line = text[following.start:following.end]
            if not following.is_prose or not line.startswith(_BULLETS):
                break
            span = trim_span(ctx, following.start + 2, following.end)
            if span is None:
                continue
            state.add(Draft("indirect", span[0], span[1], (cue.start, cue.end), cue.cue_class,
                            speaker, "list", 0.7, _paragraph_of(ctx, span[0])))
        state.used_cues.add(cue.token.i)


# ------------------------------------------------------------------------------ leftovers


def _sentence_like(segment: Segment, ctx: DocContext, *, right_after: bool = False) -> bool:
    """A quotation that stands as its own sentence (not a word or a title in a sentence).
    Right after an attributed quotation a short one will do ("Not this year, though.")."""
    opening = ctx.token_at(segment.open)
    if opening is None:
        return False
    unit_start, unit_end = ctx.unit_of(opening)
    for token in ctx.doc[unit_start:opening.i]:
        if not (token.is_space or token.is_punct or ctx.is_mark(token)
                or ctx.lexicon.is_word("framing", token.text)):
            return False  # ("Moreover, “…”" stands as a sentence of quoted words too)
    if not _ends_unit(segment, ctx, unit_end):
        return False
    words = ctx.text[segment.start:segment.end].split()
    if right_after:
        return len(words) >= 2
    return len(words) >= 4 and has_clause_verb_in_quotes(ctx, segment)


def _self_description(segment: Segment, ctx: DocContext) -> bool:
    """ « s'est dit « horrifié » », « se déclare « très inquiète » »: the speaker's own words
    about themselves, an adjective or participle (with its adverbs) in the marks."""
    span = ctx.doc.char_span(segment.start, segment.end, alignment_mode="expand")
    words = [t for t in span if not t.is_punct] if span is not None else []
    return bool(words) and len(words) <= 6 and words[-1].pos_ in ("ADJ", "VERB") and all(
        t.pos_ in ("ADJ", "ADV", "VERB", "CCONJ", "ADP", "NOUN", "DET") for t in words) and \
        words[0].pos_ in ("ADJ", "ADV", "VERB")


def has_clause_verb_in_quotes(ctx: DocContext, segment: Segment) -> bool:
    span = ctx.doc.char_span(segment.start, segment.end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def continuation_quotes(state: _State) -> None:
    """A quotation standing alone continues the speaker of the quotation just before it.

    In the same paragraph it takes that quotation's mention and cue (the gold convention);
    opening a later paragraph it takes only the resolved speaker.
    """
    ctx = state.ctx
    for k, segment in enumerate(ctx.segments):
        if k in state.used_segments or _pull_quote(k, ctx):
            continue
        paragraph = ctx.segment_paragraph[k]
        right_after = _right_after_draft(state, segment, paragraph)
        if right_after and _mixed_continuation(state, k, paragraph):
            continue
        if not _sentence_like(segment, ctx, right_after=right_after):
            continue
        if _heading(segment, ctx, paragraph):
            continue
        previous = [n for n, d in enumerate(state.drafts)
                    if d.end <= segment.open and paragraph - 2 <= d.paragraph <= paragraph
                    and d.speaker is not None]
        if previous:
            n = max(previous, key=lambda m: state.drafts[m].end)
            before = state.drafts[n]
            if _text_between_is_quoted_or_short(ctx, before.end, segment.open):
                same = before.paragraph == paragraph
                state.add(Draft("direct", segment.start, segment.end,
                                before.cue_span if same else None,
                                before.cue_class if same else None,
                                before.speaker if same else None, "continuation",
                                0.7 if same else 0.6, paragraph, continues=n, segments=[k]))
                continue
        nominal = _nominal_cue_after(segment, ctx)
        if nominal is not None:
            cue_span, speaker, cue_class = nominal
            state.add(Draft("direct", segment.start, segment.end, cue_span, cue_class, speaker,
                            "nominal", 0.6, paragraph, segments=[k]))


def report_noun_quotes(state: _State) -> None:
    """ "his vow that there would be no Palestinian state", "Netanyahu's declaration that …",
    "her pledge to cut taxes", « sa promesse de baisser les impôts »: a noun of saying whose
    possessor is the speaker and whose clause or infinitive is what was said."""
    ctx = state.ctx
    doc = ctx.doc
    nouns = {**ctx.lexicon.attitude_nouns, **ctx.lexicon.report_nouns}
    if not nouns:
        return
    # compare string hashes: this pass looks at every token of the article
    hashes = {doc.vocab.strings.add(word): word for word in nouns}
    for noun in ctx.tokens:
        word = hashes.get(noun.lower) or hashes.get(noun.lemma)
        if word is None or noun.pos_ != "NOUN" or ctx.in_quotes(noun) or \
                not ctx.is_prose(noun):
            continue
        cue_class = nouns[word]
        owner = next((c for c in noun.children if c.dep_ in ("poss", "nmod:poss") or (
            c.dep_ == "det" and "Yes" in c.morph.get("Poss"))), None)
        if word in ctx.lexicon.attitude_nouns and word not in ctx.lexicon.report_nouns:
            owner = None  # an attitude counts only as the object of a light verb
        if owner is None and noun.dep_ in ("dobj", "obj") and \
                noun.head.lemma_.lower() in ctx.lexicon.light_verbs:
            # "Meta has expressed concern that …": the subject of the light verb
            owner = grammatical_subject(noun.head, ctx)
            if owner is not None and ctx.in_quotes(owner):
                owner = None
        if owner is None:
            continue
        span = None
        for child in sorted(noun.children, key=lambda c: c.i):
            if child.i < noun.i or child.dep_ not in ("acl", "ccomp", "acl:relcl"):
                continue
            marks = [g for g in child.children if g.dep_ in ("mark", "aux")
                     and g.i < child.i and (ctx.lexicon.is_word("complementizer", g.text)
                                            or ctx.lexicon.is_word("infinitive_marker", g.text)
                                            or g.lower_ == "to")]
            if not marks:
                continue
            clause = ctx.lexicon.is_word("complementizer", marks[0].text)
            if not clause and cue_class not in ("promise", "threat", "appeal"):
                continue  # "timed his announcement to benefit a friend": a purpose
            first = marks[0].i + (1 if clause else 0)
            span = token_span(ctx, first, subtree_end(child, ctx))
            break
        if span is None or not _free(state, span):
            continue
        if ctx.lexicon.pronoun(owner.text) is not None:
            speaker = SpeakerMention(owner.idx, owner.idx + len(owner.text), "pronoun",
                                     owner.i, owner.idx, owner.idx + len(owner.text))
        else:
            speaker = mention_for(owner, ctx)
        cue_span = (noun.idx, noun.idx + len(noun.text))
        state.add(Draft("indirect", *span, cue_span, cue_class, speaker, "report-noun", 0.5,
                        _paragraph_of(ctx, span[0])))


def naming_quotes(state: _State) -> None:
    """ "Carper called the questionnaire “a witch hunt”", « a qualifié la réforme de
    « désastre » »: a speaker naming something in words set in quotation marks says them; a
    mixed quotation from the object to the end of the quoted name."""
    ctx = state.ctx
    for verb in ctx.tokens:
        if verb.pos_ != "VERB" or not ctx.lexicon.is_word("naming", verb.lemma_.lower()) or \
                ctx.in_quotes(verb) or not ctx.is_prose(verb):
            continue
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i > verb.i]
        if not objects:
            continue
        obj = objects[0]
        names = [c for c in verb.children if c.dep_ in ("oprd", "xcomp") and c.i > obj.i] + [
            c for c in obj.children if c.dep_ == "nmod" and any(
                g.dep_ == "case" and g.lower_ == "de" for g in c.children)] + [
            c for c in obj.children if c.dep_ == "appos" and ctx.in_quotes(c)]  # parsed so
        quoted = [n for n in names if any(ctx.in_quotes(t) for t in n.subtree)]
        subject = grammatical_subject(verb, ctx)
        if subject is None and participle(verb) and verb.dep_ in ("advcl", "acl", "xcomp",
                                                                   "conj"):
            # "The government confirmed his death, calling it “a major blow”": the participle
            # shares the subject of the verb it hangs on
            subject = grammatical_subject(verb.head, ctx)
        if not quoted or subject is None or ctx.in_quotes(subject):
            continue
        name = quoted[0]
        end_token = name.right_edge
        k = ctx.token_segment[name.i] if ctx.in_quotes(name) else -1
        end = max(end_token.idx + len(end_token.text),
                  ctx.segments[k].outer_end if k >= 0 else 0)
        span = trim_span(ctx, obj.left_edge.idx, end)
        if span is None or not _free(state, span):
            continue
        speaker = mention_for(subject, ctx)
        state.add(Draft("mixed", *include_marks(ctx, *span), (verb.idx, verb.idx + len(verb.text)),
                        "statement", speaker, "naming", 0.6, _paragraph_of(ctx, span[0])))


def _mixed_continuation(state: _State, k: int, paragraph: int) -> bool:
    """ "“…,” Obama said. Palestinian President Mahmoud Abbas “has put aside …”": a sentence
    made of a subject and a quoted predicate right after an attributed quotation continues
    that speaker, as a mixed quotation from the subject on. Adds the draft; True if it did."""
    ctx = state.ctx
    segment = ctx.segments[k]
    opening = ctx.token_at(segment.open)
    inner = ctx.token_at(segment.start)
    if opening is None or inner is None:
        return False
    unit_start, unit_end = ctx.unit_of(opening)
    subject = [t for t in ctx.doc[unit_start:opening.i] if not t.is_space]
    if not subject or any(t.pos_ not in ("DET", "PROPN", "NOUN", "ADJ", "NUM") for t in subject) \
            or not any(t.pos_ in ("PROPN", "NOUN") for t in subject):
        return False
    if inner.pos_ not in ("AUX", "VERB") or not inner.text[:1].islower() or \
            not _ends_unit(segment, ctx, unit_end):
        return False
    n = _last_attributed(state, segment.open, paragraph)
    if n is None:
        return False
    previous = state.drafts[n]
    state.add(Draft("mixed", subject[0].idx, segment.outer_end, previous.cue_span,
                    previous.cue_class, previous.speaker, "continuation", 0.6, paragraph,
                    continues=n, segments=[k]))
    return True


def _last_attributed(state: _State, offset: int, paragraph: int) -> int | None:
    """Index of the last draft with a speaker that ends before `offset` in `paragraph`."""
    before = [n for n, d in enumerate(state.drafts) if d.paragraph == paragraph
              and d.end <= offset and d.speaker is not None]
    return max(before, key=lambda n: state.drafts[n].end) if before else None


def _right_after_draft(state: _State, segment: Segment, paragraph: int) -> bool:
    """The segment follows an attributed quotation of the same paragraph, with at most its
    reporting clause in between."""
    n = _last_attributed(state, segment.open, paragraph)
    if n is None:
        return False
    last = state.drafts[n]
    end = max(last.end, last.cue_span[1] if last.cue_span else last.end,
              last.speaker.end if last.speaker.start > last.end else last.end)
    return _sentence_stops(state.ctx.text[end:segment.open]) <= 1


def _heading(segment: Segment, ctx: DocContext, paragraph: int) -> bool:
    """A paragraph that is one quotation without a final full stop: an intertitle quoting
    the article, not a statement of its own."""
    p = ctx.paragraphs[paragraph]
    whole = ctx.text[p.start:p.end].strip(" «»“”\"")
    inner = ctx.text[segment.start:segment.end]
    return whole == inner.strip() and not inner.rstrip().endswith((".", "!", "?", "…", ".»"))


def _pull_quote(k: int, ctx: DocContext) -> bool:
    """A quotation repeated word for word inside another one: a pull quote set as a heading,
    not a new statement."""
    text = " ".join(ctx.text[ctx.segments[k].start:ctx.segments[k].end].split())
    for n, other in enumerate(ctx.segments):
        if n != k and len(text) < other.end - other.start and \
                text in " ".join(ctx.text[other.start:other.end].split()):
            return True
    return False


def _text_between_is_quoted_or_short(ctx: DocContext, start: int, end: int) -> bool:
    """Nothing but the previous quotation's attribution separates the two (≤ 2 sentences)."""
    return _sentence_stops(ctx.text[start:end]) <= 2


# A full stop that ends a sentence, not one of an abbreviation ("U.S.", "a.m.", "M. Dupont").
_SENTENCE_STOP = re.compile(r"(?<!\b[A-Za-z])[.!?…]+(?=\s|$)")


def _sentence_stops(text: str) -> int:
    return len(_SENTENCE_STOP.findall(text))


def _nominal_cue_after(segment: Segment, ctx: DocContext
                       ) -> tuple[tuple[int, int], SpeakerMention, str] | None:
    """ "« … » Cette petite phrase d'Arnaud Montebourg …": a noun of saying with its author."""
    doc = ctx.doc
    closing = ctx.token_at(segment.outer_end - 1)
    if closing is None:
        return None
    unit_index = ctx.token_unit[closing.i]
    if unit_index + 1 >= len(ctx.units):
        return None
    start, end = ctx.units[unit_index + 1]
    tokens = [t for t in doc[start:min(end, start + 8)] if not t.is_space]
    if not tokens:
        return None
    demonstrative = ctx.lexicon.is_word("determiner_demonstrative", tokens[0].text)
    definite = ctx.lexicon.is_word("determiner_definite", tokens[0].text)
    if not (demonstrative or definite):
        return None
    for n in range(1, min(4, len(tokens))):
        phrase = " ".join(t.lower_ for t in tokens[1:n + 1])
        if phrase in ctx.lexicon.nominal_cues:
            rest = tokens[n + 1:]
            copula = False
            if definite and not demonstrative:
                # « L'expression est du ministre X », "The words are those of X"
                if not rest or rest[0].lemma_.lower() not in ("être", "be"):
                    return None
                rest, copula = rest[1:], True
            if rest and (ctx.lexicon.is_word("of", rest[0].text) or rest[0].lower_ == "by"
                         or (copula and rest[0].lower_ in ("du", "des"))):
                source = _object_after(ctx, rest[0].i + 1) if rest[0].lower_ not in (
                    "du", "des") else ctx.next_word(rest[0].i)
                if source is None or not (source.pos_ == "PROPN" or (
                        copula and animate(source, ctx))):
                    return None
                cue_span = (tokens[1].idx, tokens[n].idx + len(tokens[n].text))
                return cue_span, mention_for(source, ctx), "statement"
    return None


def _opening_participle(cue: Cue, ctx: DocContext) -> bool:
    """ « Ajoutant : « … » », "Adding: “…”": a participle opening its sentence, with no
    subject of its own."""
    first = min(cue.token.i, cue.head.i)
    return participle(cue.token) and first == ctx.unit_of(cue.token)[0]


def _last_speaker(state: _State, offset: int) -> SpeakerMention | None:
    """The speaker of the last quotation before `offset`, in its paragraph or the one
    before: who the text goes on quoting."""
    paragraph = _paragraph_of(state.ctx, offset)
    for candidate in (paragraph, paragraph - 1):
        n = _last_attributed(state, offset, candidate)
        if n is not None:
            return state.drafts[n].speaker
    return None


def _only_a_person(span: tuple[int, int], ctx: DocContext) -> bool:
    """The stretch is nothing but a person's name."""
    tokens = [t for t in ctx.doc.char_span(span[0], span[1], alignment_mode="expand") or ()
              if not t.is_punct]
    return bool(tokens) and all(t.ent_type_ in PERSON_LABELS for t in tokens)


def _starts_in_prose(draft: Draft, ctx: DocContext) -> bool:
    """The content begins in article prose, not in a credit line the paragraph split left in
    the same sentence ("…, the spokesman said Journalist X contributed to this report")."""
    first = ctx.token_at(draft.start)
    return first is None or ctx.is_prose(first)


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """Drop a draft that repeats a more confident one (a quotation nested in a longer
    reported clause is kept: "X, the source, who said Y, told Reuters")."""
    kept: list[Draft] = []
    for draft in sorted(drafts, key=lambda d: -d.confidence):
        length = draft.end - draft.start
        clash = False
        for other in kept:
            inter = min(other.end, draft.end) - max(other.start, draft.start)
            if inter > 0.8 * max(length, other.end - other.start):
                clash = True
                break
        if not clash:
            kept.append(draft)
    return sorted(kept, key=lambda d: (d.start, d.end))


def find_quotes(ctx: DocContext) -> list[Draft]:
    """All quotations of the article, in text order, before speaker resolution."""
    state = _State(ctx)
    cues = list(find_verb_cues(ctx))
    incise_quotes(state)
    verb_cue_quotes(state, cues)
    prepositional_quotes(state)
    opinion_quotes(state)
    bullet_quotes(state, cues)
    dash_attribution_quotes(state)
    colon_quotes(state)
    attitude_quotes(state)  # attitudes.py: "is concerned that", "condemned X", "called for"
    report_noun_quotes(state)
    naming_quotes(state)
    continuation_quotes(state)
    drafts = [d for d in state.drafts
              if _starts_in_prose(d, ctx) and (
                  d.speaker is not None and d.speaker.kind not in ("first", "generic")
                  and not _pronoun_of_quoted_words(d, ctx)
                  and (d.speaker.kind in ("name", "pronoun")
                       or animate(ctx.doc[d.speaker.head], ctx)
                       or (d.speaker.kind == "anonymous"  # "another said", « un autre »
                           and ctx.doc[d.speaker.head].pos_ == "PRON")
                       or (d.form in ("cue-after", "preposed-attributed")
                           and _attributed_noun(d.speaker, ctx))
                       # « lit-on dans la déclaration »: a statement speaks for its author
                       or (d.form == "selon-after" and ctx.doc[d.speaker.head].lemma_.lower()
                           in ctx.lexicon.nominal_cues)))
              or d.form == "continuation"]
    ordered = _dedupe(drafts)
    # re-point continuations to indices of the ordered list
    index = {id(d): n for n, d in enumerate(ordered)}
    for draft in ordered:
        if draft.continues is not None:
            target = state.drafts[draft.continues]
            draft.continues = index.get(id(target))
    return ordered

