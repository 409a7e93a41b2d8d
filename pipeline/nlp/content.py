"""Content stage: what was said, as character offsets.

- a clause after the cue: "a déclaré que X", "said (that) X", "a promis de X", "vowed to X";
- a clause before it: "X, a déclaré Y." / "X, officials said.";
- the main clause around an "as"-cue: "as the committee pointed out, X".

Spans follow the gold conventions: after que/that the span starts after the complementiser; an
infinitive complement keeps its preposition; the final full stop is left out; quotation marks
that open or close inside the span are kept whole (a mixed quotation).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from pipeline.nlp.context import SENTENCE_END, DocContext
from pipeline.nlp.cues import (
    AUX_DEPS,
    Cue,
    cue_group_start,
    cue_word,
    same_form_conjunct,
    subject_after_coordinator,
)
from pipeline.nlp.cues import (
    norm_token as _norm,
)
from pipeline.nlp.marks import CLOSING, OPENING, STRAIGHT

_CLAUSE_DEPS = {"ccomp", "xcomp", "obj", "dobj", "advcl", "dep", "parataxis", "conj", "acl",
                "obl", "obl:arg", "csubj"}
_STOP_PUNCT = {":", ";", "(", ")"}




def trim_span(ctx: DocContext, start: int, end: int) -> tuple[int, int] | None:
    """Strip spaces, a final full stop (outside quotation marks) and dangling commas."""
    text = ctx.text
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    changed = True
    while changed and end > start:
        changed = False
        while end > start and text[end - 1].isspace():
            end -= 1
            changed = True
        if end > start and text[end - 1] in ".,;:—–-…" and not _closes_inside(text, start, end):
            end -= 1
            changed = True
    return (start, end) if end > start else None


def _closes_inside(text: str, start: int, end: int) -> bool:
    """A full stop right before a closing mark belongs to the quotation (kept)."""
    return end < len(text) and text[end] in CLOSING + STRAIGHT and text[end - 1] != ","


def include_marks(ctx: DocContext, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) so that no quotation in marks is cut in two."""
    for segment in ctx.segments:
        outer_end = segment.outer_end
        if segment.open < start < outer_end and segment.open >= start - 2:
            start = segment.open
        if start <= segment.open < end < outer_end:
            end = outer_end  # the span stops inside marks it opened: keep them whole
    return start, end


def subtree_end(token: Token, ctx: DocContext, *, stop_at: int | None = None,
                exclude: set[int] | None = None) -> int:
    """Token index after the last token of `token`'s clause, leaving out trailing clauses
    that carry their own reporting verb (", ajoutant que …", "and he noted that …")."""
    unit_start, unit_end = ctx.unit_of(token)
    limit = min(unit_end, stop_at if stop_at is not None else unit_end)
    right = token.i
    for child in sorted(token.children, key=lambda c: c.i):
        if child.i <= token.i:
            continue
        if exclude and child.i in exclude:
            break
        if _own_reporting_clause(child, ctx) or _participle_after_quotation(child, ctx):
            break
        # « … dans une « impasse », contestant des propos de X »: a reporting participle after
        # a comma, which the parser hung on a noun of the clause, is a report of its own
        inner = [d.left_edge.i for d in child.subtree if d.i > child.i and d.dep_ == "acl"
                 and comma_participle(d, ctx) and cue_word(d, ctx.lexicon) is not None]
        if inner:
            cut = min(inner) - 1
            while cut > child.i and ctx.tokens[cut].is_punct:
                cut -= 1  # (the comma before the participle stays out)
            right = max(right, cut)
            break
        right = max(right, child.right_edge.i)
    return min(right + 1, limit)


def comma_participle(verb: Token, ctx: DocContext) -> bool:
    previous = ctx.previous_word(verb.left_edge.i)
    return ("Part" in verb.morph.get("VerbForm") and "Pres" in verb.morph.get("Tense")
            or verb.tag_ == "VBG") and previous is not None and previous.text == ","


def _participle_after_quotation(child: Token, ctx: DocContext) -> bool:
    """ « a appelé à « nommer l'ennemi », évoquant les djihadistes »: a participle after the
    closing mark and a comma is the writer's gloss on the quoted words, not part of them."""
    if child.dep_ not in ("advcl", "acl") or not comma_participle(child, ctx):
        return False
    comma = ctx.previous_word(child.left_edge.i)
    mark = ctx.previous_word(comma.i) if comma is not None else None
    return mark is not None and (mark.text in CLOSING or mark.text == STRAIGHT) and \
        not ctx.in_quotes(child)


def _own_reporting_clause(child: Token, ctx: DocContext) -> bool:
    """A conjunct or participle with its own reporting verb ("soulignant que", "and he said")."""
    if child.dep_ not in ("conj", "advcl", "parataxis", "acl"):
        return False
    if cue_word(child, ctx.lexicon) is None:
        return False
    if any(c.dep_ in ("auxpass", "aux:pass") for c in child.children):
        return False  # "after her son was admitted to hospital": a passive reports nothing
    previous = ctx.previous_word(child.left_edge.i)
    participle = "Part" in child.morph.get("VerbForm") or child.tag_ == "VBG"
    has_subject = any(c.dep_.startswith("nsubj") for c in child.children)
    return has_subject or (participle and previous is not None and previous.text == ",")


_RELATIVE_OPENERS = frozenset({"qui", "dont", "lequel", "laquelle", "lesquels", "lesquelles",
                               "who", "which", "whose"})


def _right_window(cue: Cue, ctx: DocContext, size: int = 9, *,
                  past_relative_asides: bool = False) -> list[Token]:
    """Tokens after the cue expression, up to the first verb, stop mark or quotation.

    With `past_relative_asides`, a relative clause describing the person addressed, set off by
    commas and perhaps quoted, is passed over (« a accusé la CGT et FO, « qui sont
    minoritaires », de vouloir … », "accused the firm, which …, of …"), and `size` counts the
    tokens kept rather than the positions looked at."""
    doc = ctx.doc
    first = max(cue.token.i, cue.head.i) + 1
    while first < len(doc) and doc[first].idx < cue.end:
        first += 1
    unit_end = ctx.unit_of(cue.token)[1]
    window: list[Token] = []
    j = first
    while j < unit_end and (len(window) < size if past_relative_asides else j < first + size):
        token = doc[j]
        if token.is_space:
            j += 1
            continue
        if past_relative_asides and token.text == "," and window:
            after = ctx.next_word(j)
            opener = ctx.next_word(after.i) if after is not None and after.text in OPENING \
                else after
            if opener is not None and opener.lower_ in _RELATIVE_OPENERS:
                close = next((k for k in range(opener.i + 1, unit_end)
                              if doc[k].text == "," and not ctx.in_quotes(doc[k])), None)
                if close is not None:
                    j = close + 1
                    continue
        if token.text in SENTENCE_END or token.text in _STOP_PUNCT or token.text in OPENING:
            break
        window.append(token)
        j += 1
    return window


def complement_clause(cue: Cue, ctx: DocContext) -> tuple[int, int] | None:
    """ "que X" / "that X" / zero-that "said X" after the cue: the clause X."""
    if not (cue.takes("que") or cue.takes("that") or cue.takes("wh")):
        return None
    lexicon = ctx.lexicon
    nouns: list[Token] = []  # direct objects between the cue and "que"
    after_preposition = False  # « a déclaré à CBC/Radio-Canada que »: not an object
    # circumstances may stand between the cue and « que » (« a fait savoir mercredi lors de
    # la présentation du plan du gouvernement en vue de la rentrée qu'… »)
    for token in _right_window(cue, ctx, size=20):
        if token.pos_ == "ADP" and not lexicon.is_word("complementizer", token.text):
            after_preposition = True
        if token.pos_ in ("NOUN", "PROPN") and token.head.i in (cue.token.i, cue.head.i) \
                and not any(c.dep_ == "case" for c in token.children) and \
                not ctx.is_time(token) and not after_preposition:
            nouns.append(token)
        if lexicon.is_word("complementizer", token.text) and token.pos_ in ("SCONJ", "ADP",
                                                                            "PRON", "DET"):
            # A "que" the parser made the mark of a clause is a complementiser, whatever its
            # tag ("a révélé à la mi-août que …").
            relative = token.dep_ != "mark" and ("Rel" in token.morph.get("PronType") or
                                                 token.pos_ in ("PRON", "DET"))
            misparsed = ctx.lang == "en" and relative and _misparsed_relative(token, cue)
            previous = ctx.previous_word(token.i)
            if ctx.lang == "fr" and relative and not nouns and previous is not None and \
                    _norm(previous) not in ("ce", "c'", "celui", "celle", "ceux", "celles"):
                # « a indiqué jeudi qu'elle … » tagged as a relative pronoun: with no noun for
                # it to relate to, it is the complementiser
                misparsed = True
            if ctx.lang == "fr" and relative and cue.takes("addressee") and nouns and \
                    previous is not None and previous.i == nouns[-1].i:
                # « a averti, samedi, Téhéran que … »: after the person warned, « que »
                # opens what they were told, to the end of the sentence (the parser made it
                # a relative clause of the person)
                unit_end = ctx.unit_of(token)[1]
                return token_span(ctx, token.i + 1,
                                  _before_trailing_attribution(token.i + 1, unit_end, ctx))
            relative = relative and not misparsed
            governed = ctx.previous_word(previous.i) if previous is not None else None
            if ctx.lang == "fr" and previous is not None and _norm(previous) in ("ce", "c'") \
                    and not nouns and not (governed is not None and _norm(governed) in (
                        "à", "de", "d'")):  # « s'attend à ce que … » is a complementiser
                # « a rappelé ce que tout le monde savait : la dette est trop lourde »: the
                # free relative is an object; what was said follows the colon, if anything
                return _clause_after_colon(token, ctx)
            if nouns and previous is not None and previous.i == nouns[-1].i and \
                    _someone_elses(nouns[-1], cue, ctx):
                break  # "the tribunal noted her belief that …": her belief, not its words
            if nouns and not cue.takes("addressee") and (relative or ctx.lang == "fr"):
                # after an object, "que" opens a relative clause ("des choses que l'on
                # regrettera") unless the noun is one of saying ("l'argument que …")
                if nouns[0].lemma_.lower() not in lexicon.complement_nouns and \
                        nouns[0].lower_ not in lexicon.complement_nouns:
                    break
            elif relative:
                continue
            before = ctx.previous_word(token.i)
            if token.dep_ == "fixed" or (before is not None and lexicon.is_word(
                    "subordinator_prefix", before.text) and not _adverb_locution_end(before)):
                break  # "alors que", "pour que": a subordinate clause of the writer
            if ctx.lang == "en" and token.dep_ != "mark" and not misparsed:
                continue
            return _clause_after(token, ctx)
        if token.pos_ in ("VERB", "AUX") and token.i not in (cue.token.i, cue.head.i) and \
                not (token.dep_ == "acl" and "Part" in token.morph.get("VerbForm")) and \
                not (token.text.isupper() and len(token.text) > 1):
            break  # (« dans des déclarations rapportées par X, que … »: a participle of a noun;
            # « la chaîne RTS » with the acronym tagged a verb is no verb)
    if ctx.lang == "en":
        clauses = list(cue.token.children)
        if cue.takes("addressee"):
            # "told the jury Roof stood over her": the parser made the reported clause a
            # relative clause of the person told (no relative pronoun, a subject of its own).
            doc = ctx.doc
            clauses += [g for c in cue.token.children if c.dep_ == "dobj"
                        for g in c.children if g.dep_ == "relcl" and g.i > c.i
                        and not any(t.tag_ in ("WDT", "WP", "WP$") or t.lower_ == "that"
                                    or t.is_punct for t in doc[c.i + 1:g.i])]
        for child in sorted(clauses, key=lambda c: c.i):
            if child.i > cue.token.i and child.dep_ in ("ccomp", "relcl"):
                start = child.left_edge.i
                # (the clause's own wh-word; not "when" opening an adverbial clause inside
                # it: "acknowledged when the company filed, it did not use …")
                question = start > cue.token.i and lexicon.is_word(
                    "question_word", ctx.doc[start].text) and ctx.doc[start].head.i == child.i
                if question != cue.takes("wh") and (question or not cue.takes("that")):
                    # "asked whether …", "questioned who …", not "asked for X they …"; and
                    # "explains what is going on" names a topic, not what was said
                    continue
                while start < child.i and ctx.lexicon.is_word("complementizer",
                                                              ctx.doc[start].text):
                    start += 1
                opening = _quotation_just_before(ctx, start, cue.end)
                if opening is not None:
                    start = opening  # "estimated "between 1 and 2" could die"
                elif not any(c.dep_.startswith(("nsubj", "expl", "csubj"))
                             for c in child.children):
                    continue  # a clause without its subject is a parse error, not a report
                if _second_attribution(child, ctx):
                    continue
                end = _adjunct_tail(subtree_end(child, ctx), ctx)
                return token_span(ctx, start, end)
    return None


def _someone_elses(noun: Token, cue: Cue, ctx: DocContext) -> bool:
    """`noun` is possessed by a person ("her belief") while the cue's subject is a body: the
    clause after the noun is that person's, not the subject's."""
    personal = {"his", "her", "son", "sa", "ses"}
    if not any(c.dep_ in ("poss", "nmod:poss", "det") and c.lower_ in personal
               for c in noun.children):
        return False
    subjects = [c for verb in (cue.token, cue.head) for c in verb.children
                if c.dep_.startswith("nsubj")]
    if not subjects:
        return False
    title = ctx.lexicon.title(subjects[0].lemma_) or ctx.lexicon.title(subjects[0].text)
    return title is not None and title.kind == "institution"


def _second_attribution(clause: Token, ctx: DocContext) -> bool:
    """ "…," Clinton said, The New York Times reported.": a reporting verb with nothing
    but its subject is who reported the report, not what was said."""
    word = ctx.lexicon.forms.get(clause.lower_) or ctx.lexicon.forms.get(clause.lemma_.lower())
    if word is None or not ctx.lexicon.cue_entries(word):
        return False
    return not any(c.dep_ not in ("nsubj", "nsubjpass", "aux", "auxpass", "punct", "advmod",
                                  "neg", "npadvmod") for c in clause.children)


def _adverb_locution_end(token: Token) -> bool:
    """ « précise tout de même que … »: « même » ends the adverb « tout de même », it does not
    open « de même que »."""
    return token.dep_ == "fixed" and token.head.lower_ == "tout"


def _misparsed_relative(that: Token, cue: Cue) -> bool:
    """ "said in a release that its board met": the parser made "that" a relative pronoun of
    the adjunct's noun, leaving the reporting verb with nothing reported; a cue with no
    complement of its own reports that clause."""
    clause = that.head
    noun = clause.head
    if clause.dep_ != "relcl" or noun.dep_ != "pobj" or noun.head.head.i not in (
            cue.token.i, cue.head.i):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.i != that.i for c in clause.children):
        return False  # "the report that says …": "that" is the subject, a true relative
    return not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in cue.token.children)


def first_after_cue(cue: Cue, ctx: DocContext) -> int:
    """Index of the first token after the reporting expression (its clitics and inverted
    pronoun included)."""
    doc = ctx.doc
    j = max(cue.token.i, cue.head.i) + 1
    while j < len(doc) and doc[j].idx < cue.end:
        j += 1
    return j


def predicative_clause(cue: Cue, ctx: DocContext) -> tuple[int, int] | None:
    """ « a jugé « impératif » que X », « estime nécessaire de X »: a judgement verb, the
    adjective it predicates (in quotation marks or not), then the clause or infinitive it
    judges. The span starts at the adjective (its opening mark included)."""
    if ctx.lang != "fr" or cue.cue_class != "cognition" or not cue.takes("que"):
        return None
    doc = ctx.doc
    unit_end = ctx.unit_of(cue.token)[1]
    j = first_after_cue(cue, ctx)
    start = None
    adjective = False
    while j < unit_end:
        token = doc[j]
        if token.pos_ == "ADV" and not adjective and start is None and token.head.pos_ == "ADJ":
            start = j  # « peu probable »: the degree belongs to the predicate
        if token.is_space or token.pos_ == "ADV" or ctx.is_time(token):
            j += 1
            continue
        if not adjective and token.text in OPENING and start is None:
            start = j
            j += 1
            continue
        if not adjective and token.pos_ == "ADJ":
            adjective, start = True, j if start is None else start
            j += 1
            continue
        if adjective and (token.text in CLOSING or token.text == STRAIGHT):
            j += 1
            continue
        break
    if not adjective:
        return _object_predicate(cue, ctx, j, unit_end)
    if j >= unit_end:
        return None
    marker = doc[j]
    if _norm(marker) in ("que", "qu'"):
        clause = _clause_after(marker, ctx)
    elif _norm(marker) in ("de", "d'"):
        verb = _infinitive_after(list(doc[j + 1:j + 5]))
        clause = token_span(ctx, j, _infinitive_end(verb, ctx)) if verb is not None else None
    elif marker.pos_ == "DET" and doc[start].text in OPENING:
        # « a jugé « inacceptables » les menaces proférées contre … »: the judged object
        # after a predicate in quotation marks
        head = marker.head if marker.head.i > marker.i else None
        if head is None or head.pos_ not in ("NOUN", "PROPN"):
            return None
        clause = token_span(ctx, j, min(unit_end, subtree_end(head, ctx)))
    else:
        return None
    if clause is None:
        return None
    return doc[start].idx, clause[1]


def _object_predicate(cue: Cue, ctx: DocContext, j: int, unit_end: int
                      ) -> tuple[int, int] | None:
    """ « considère la substance comme probablement cancérigène », « juge ce projet
    « dangereux » »: the object and what the judgement predicates of it, when the predicate
    is marked as one (« comme », quotation marks, or hung on the verb)."""
    doc = ctx.doc
    if j >= unit_end or doc[j].pos_ != "DET":
        return None
    k = j + 1
    while k < unit_end and doc[k].pos_ in ("NOUN", "PROPN", "ADJ") and doc[k].head.i in (
            cue.token.i, cue.head.i, *range(j, k)) and not _norm(doc[k]) == "comme":
        k += 1
        if doc[k - 1].pos_ in ("NOUN", "PROPN"):
            break
    if k == j + 1:
        return None
    marked = False
    while k < unit_end and (_norm(doc[k]) == "comme" or doc[k].text in OPENING
                            or doc[k].text in CLOSING or doc[k].pos_ == "ADV"):
        marked = marked or _norm(doc[k]) == "comme" or doc[k].text in OPENING
        k += 1
    if k >= unit_end or doc[k].pos_ != "ADJ":
        return None
    if not marked and doc[k].head.i not in (cue.token.i, cue.head.i):
        return None  # « juge les responsables politiques »: an attributive adjective
    end = subtree_end(doc[k], ctx)
    while end < unit_end and (doc[end].text in CLOSING or doc[end].text == STRAIGHT):
        end += 1
    return token_span(ctx, j, end)


def colon_clause(cue: Cue, ctx: DocContext) -> tuple[int, int] | None:
    """ « Le ministre l'assure : la réforme passera », "He put it bluntly: the plan is dead":
    a clause after a colon right after the reporting verb, not in quotation marks."""
    if not (cue.takes("que") or cue.takes("that")) or cue.inverted is not None:
        return None  # « Une « ruée », écrit-il : c'est … »: the incise reports what came before
    if any(c.dep_ in ("aux:pass", "auxpass", "nsubj:pass", "nsubjpass")
           or (c.dep_ in ("obj", "dobj") and c.pos_ in ("NOUN", "PROPN") and not ctx.is_time(c))
           for c in cue.head.children):
        return None  # "The need has been acknowledged by X: …": what follows explains the need
    doc = ctx.doc
    unit_end = ctx.unit_of(cue.token)[1]
    j = first_after_cue(cue, ctx)
    start = j
    # an adverbial may stand between (« le dit sans détour : », "put it bluntly:")
    while j < unit_end and j - start <= 4 and doc[j].text != ":" and not doc[j].is_punct \
            and doc[j].pos_ not in ("VERB", "AUX") and not ctx.in_quotes(doc[j]):
        j += 1
    # « Le maire le reconnaît volontiers, la ville ne paiera pas »: the object clitic
    # announces the clause, and a comma may stand for the colon
    separators = (":", ",") if _cataphoric_clitic(cue, ctx) else (":",)
    if j >= unit_end or doc[j].text not in separators:
        return None
    first = ctx.next_word(j)
    if first is None or first.i >= unit_end or ctx.in_quotes(first) or \
            first.text in OPENING or first.text == STRAIGHT:
        return None  # a quotation in marks: the direct-quote rules' business
    if doc[j].text == "," and (first.pos_ in ("CCONJ", "ADV", "SCONJ", "ADP")
                               or ctx.lexicon.is_word("coordinator", first.text)):
        return None  # « il l'a dit, puis il est parti »: the narrative goes on
    span = token_span(ctx, first.i, unit_end)
    if span is None or not independent_clause(ctx, *span):
        return None
    return span


def _cataphoric_clitic(cue: Cue, ctx: DocContext) -> bool:
    """A French object clitic « le » / « l' » right before the reporting verb group."""
    if ctx.lang != "fr":
        return False
    first = min(cue.token.i, cue.head.i)
    return any(c.dep_ == "obj" and c.pos_ == "PRON" and c.i < first
               and c.lower_.replace("’", "'") in ("le", "l'")
               for verb in (cue.token, cue.head) for c in verb.children)


def _clause_after_colon(token: Token, ctx: DocContext) -> tuple[int, int] | None:
    """The independent clause after the first colon following `token` in its sentence."""
    doc = ctx.doc
    unit_end = ctx.unit_of(token)[1]
    for j in range(token.i + 1, unit_end):
        if ctx.in_quotes(doc[j]):
            return None
        if doc[j].text == ":":
            first = ctx.next_word(j)
            if first is None or first.i >= unit_end or ctx.in_quotes(first) or \
                    first.text in OPENING or first.text == STRAIGHT:
                return None
            span = token_span(ctx, first.i, unit_end)
            return span if span is not None and independent_clause(ctx, *span) else None
    return None


def surface_clause(cue: Cue, ctx: DocContext) -> tuple[int, int] | None:
    """ "…but insisted progress had been made": when the parser did not see the clause, a
    subject right after the cue and the finite verb it governs make one."""
    if not (cue.takes("that") or cue.takes("que")) or ctx.lang != "en":
        return None
    doc = ctx.doc
    unit_end = ctx.unit_of(cue.token)[1]
    first = ctx.next_word(max(cue.token.i, cue.head.i))
    if first is None or first.i >= unit_end or first.pos_ not in ("DET", "NOUN", "PROPN",
                                                                   "PRON", "ADJ", "NUM"):
        return None
    if any(c.dep_ in ("ccomp", "dobj", "obj", "xcomp") for c in cue.token.children):
        return None
    for token in doc[first.i:min(unit_end, first.i + 12)]:
        if token.is_punct and token.text != "-":
            return None
        if token.pos_ in ("VERB", "AUX") and ("Fin" in token.morph.get("VerbForm")
                                             or token.tag_ in ("VBD", "VBZ", "VBP", "MD")):
            verb = token if token.pos_ == "VERB" else token.head
            subjects = [c for c in verb.children if c.dep_.startswith("nsubj")
                        and first.i <= c.i < token.i]
            if not subjects:
                return None
            end = _before_trailing_attribution(first.i, unit_end, ctx)
            return token_span(ctx, first.i, end)
    return None


def _quotation_just_before(ctx: DocContext, start: int, after: int) -> int | None:
    """ "estimated "between 1 and 2" could die": the parser starts the clause after the marks;
    the token index of the opening mark of a quotation right before `start`, if any."""
    previous = ctx.previous_word(start)
    if previous is None or not (previous.text in CLOSING or previous.text == STRAIGHT):
        return None
    for segment in ctx.segments:
        if segment.close == previous.idx and segment.open >= after:
            opening = ctx.token_at(segment.open)
            return opening.i if opening is not None else None
    return None


def _clause_after(marker: Token, ctx: DocContext) -> tuple[int, int] | None:
    doc = ctx.doc
    start = marker.i + 1
    if start >= len(doc):
        return None
    verb = marker.head if marker.head.i > marker.i else None
    unit_end = ctx.unit_of(marker)[1]
    if verb is not None and verb.pos_ in ("NOUN", "PROPN", "PRON", "DET", "ADV", "ADP", "NUM"):
        # "que" hung on a noun or on an adverb (« que même lors des qualifications, X
        # avait dû … »): the parse of the clause is broken
        verb = None
    if verb is not None:
        end = subtree_end(verb, ctx)
        # coordinated "que X et que Y": the parser may hang Y on the cue instead
        end = max(end, _coordinated_que_end(marker, verb, ctx, end))
        end = _adjunct_tail(_repair_end(end, ctx), ctx)
    else:
        end = _before_trailing_attribution(marker.i + 1, unit_end, ctx)
    return token_span(ctx, start, end)


def _before_trailing_attribution(start: int, unit_end: int, ctx: DocContext) -> int:
    """End of a clause running to the end of its sentence, before a trailing
    ", ajoutant que …" / ", selon X" / ", a-t-il dit"."""
    doc = ctx.doc
    for j in range(start, unit_end - 1):
        if doc[j].text == "," and not ctx.in_quotes(doc[j]):
            nxt = ctx.next_word(j)
            if nxt is not None and ((cue_word(nxt, ctx.lexicon) is not None
                                     and nxt.pos_ in ("VERB", "AUX"))
                                    or nxt.lower_ in ctx.lexicon.prepositions
                                    or ctx.lexicon.is_word("auxiliary", nxt.text)):
                return j
    return unit_end


def _adjunct_tail(end: int, ctx: DocContext) -> int:
    """ "…account for half of the cases, despite making up 30% of the population.": a
    verbless adjunct closing the sentence belongs to the reported clause."""
    doc = ctx.doc
    if end >= len(doc) or doc[end].text != ",":
        return end
    unit_end = ctx.unit_of(doc[end])[1]
    rest = [t for t in doc[end + 1:unit_end] if not (t.is_space or t.is_punct)]
    if not rest or len(rest) > 15:
        return end
    for token in rest:
        if ctx.in_quotes(token):
            return end
        if token.pos_ in ("VERB", "AUX") and ("Fin" in token.morph.get("VerbForm")
                                             or cue_word(token, ctx.lexicon) is not None):
            return end
        if token.lower_ in ctx.lexicon.prepositions or token.lower_ in (
                p.split()[0] for p in ctx.lexicon.prepositions):
            return end
    return unit_end


def _repair_end(end: int, ctx: DocContext) -> int:
    """Where the parser cut a clause in the middle ("que ce qui s'était produit | était
    « impardonnable »"), run on to the next comma or the end of the sentence."""
    doc = ctx.doc
    if end >= len(doc):
        return end
    unit_end = ctx.unit_of(doc[end - 1])[1]
    nxt = doc[end]
    while nxt.is_space and nxt.i + 1 < unit_end:
        nxt = doc[nxt.i + 1]
    if nxt.i >= unit_end or nxt.is_punct or ctx.lexicon.is_word("coordinator", nxt.text):
        return end
    j = nxt.i
    while j < unit_end and doc[j].text not in (",", ";", ":", ".", "!", "?") and \
            not (doc[j].text in ("(", "–", "—") and not ctx.in_quotes(doc[j])):
        j += 1
    return j


def _coordinated_que_end(marker: Token, verb: Token, ctx: DocContext, end: int) -> int:
    doc = ctx.doc
    unit_end = ctx.unit_of(marker)[1]
    j = end
    while j < unit_end and (doc[j].is_space or doc[j].text in ",–—-" or
                            ctx.lexicon.is_word("coordinator", doc[j].text)):
        j += 1
    if j < unit_end and ctx.lexicon.is_word("complementizer", doc[j].text) and j > end:
        head = doc[j].head if doc[j].head.i > j else None
        return subtree_end(head, ctx) if head is not None else unit_end
    return end


def infinitive_complement(cue: Cue, ctx: DocContext) -> tuple[int, int] | None:
    """ "a promis de X", "a appelé les Tchèques à X", "vowed to X", "a confié avoir X"."""
    lexicon = ctx.lexicon
    markers = {m for m in ("de", "d'", "à", "to") if cue.takes(m.rstrip("'"))
               or (m == "d'" and cue.takes("de"))}
    bare_ok = ctx.lang == "fr" and cue.takes("que")
    # the person addressed may stand between ("called on Prime Minister Sir X and Home
    # Secretary Y to intervene")
    window = _right_window(cue, ctx, 16, past_relative_asides=True) if cue.takes(
        "addressee") else _right_window(cue, ctx, size=8)
    if ctx.lang == "en" and cue.takes("ing"):
        # "ruled out sending troops", "denied having met him": the gerund object is reported
        verb = _gerund_after(window)
        if verb is not None and verb.dep_ in ("aux", "auxpass") and verb.head.i > verb.i:
            verb = verb.head  # "denied having met"
        governor = verb.head if verb is not None else None
        if governor is not None and governor.lower_ == "to" and governor.i < verb.i:
            governor = governor.head  # "admitted to having …": through the preposition
        if verb is not None and governor.i in (cue.token.i, cue.head.i):
            return token_span(ctx, window[0].i, _infinitive_end(verb, ctx))
    quoted = _quoted_infinitive(cue, ctx) if bare_ok else None
    if quoted is not None:
        return quoted
    window = _without_dashed_incises(window)
    for n, token in enumerate(window):
        if ctx.lang == "en" and cue.takes("of") and token.lower_ == "of":
            # "accused the minister of misleading Parliament": the gerund is what is reported.
            verb = _gerund_after(window[n + 1:])
            if verb is not None:
                return token_span(ctx, token.i, _infinitive_end(verb, ctx))
            opening = _opening_after(token, ctx) if n == len(window) - 1 else None
            quoted = _gerund_after(list(ctx.doc[opening.i + 1:opening.i + 4])) \
                if opening is not None else None
            if quoted is not None:
                # "accused them of “trying to rig the vote” with the bill": the quoted gerund
                # and what follows it in the sentence
                span = token_span(ctx, opening.i, _infinitive_end(quoted, ctx))
                return include_marks(ctx, *span) if span is not None else None
            break
        if _norm(token) in markers and lexicon.is_word("infinitive_marker", token.text):
            verb = _infinitive_after(window[n + 1:]) or _untagged_infinitive(
                window[n + 1:n + 2], cue, ctx) or _mistagged_after_to(token, window[n + 1:n + 2])
            if verb is None and n == len(window) - 1:
                # « a exhorté les maires à « se tenir prêts » »: the window stopped at the
                # opening mark; the infinitive is quoted and the marks go with it
                verb = _quoted_infinitive_after(token, ctx)
                if verb is not None:
                    span = token_span(ctx, token.i, _infinitive_end(verb, ctx))
                    return include_marks(ctx, *span) if span is not None else None
            if verb is not None and cue.cue_class == "rejection" and lexicon.is_word(
                    "no_comment", verb.lemma_.lower()):
                return None  # « a refusé de commenter »: no content reported
            if verb is not None:
                return token_span(ctx, token.i, _infinitive_end(verb, ctx))
            if ctx.lang == "en":
                break
            continue
        opened = any(ctx.is_mark(t) for t in window[:n])
        if bare_ok and "Inf" in token.morph.get("VerbForm") and token.pos_ in (
                "VERB", "AUX") and (opened or not ctx.in_quotes(token)) and all(
                t.pos_ in ("ADV", "PRON") or ctx.is_mark(t) or _time_incise(t, window[:n], ctx)
                or _adverb_locution_start(t, window) or _circumstance_phrase(t, window[:n], ctx)
                or _time_phrase(t, ctx) for t in window[:n]):
            # « assure ne pas vouloir … », « affirme l'avoir vu », « dit « ne pas comprendre » »:
            # the negation, clitics and an opening mark before the infinitive belong to it;
            # a time set off by commas does not (« a affirmé, samedi, avoir abattu … »).
            first = token.i
            for t in reversed(window[:n]):
                if not (t.pos_ == "PRON" or ctx.is_mark(t) or lexicon.is_word(
                        "negation", _norm(t)) or _norm(t) in ("ne", "n'")):
                    break  # an adverb of the saying (« par ailleurs », « samedi ») stays out
                first = t.i
            span = token_span(ctx, first, _infinitive_end(token, ctx))
            return include_marks(ctx, *span) if span is not None else None
        if n == len(window) - 1 and token.text != "," and "to" in markers:
            # "called on X “to urgently ensure …”": the window stopped at the opening mark,
            # and the quotation opens with the infinitive's "to"
            quoted_to = _quoted_to_infinitive(token, ctx)
            if quoted_to is not None:
                return quoted_to
        if _appositive_participle(token, window[:n]):
            continue  # « a exhorté les maires, encore épargnés, à … »
        if ctx.lang == "fr" and token.pos_ in ("VERB", "AUX") and n > 0 and \
                window[n - 1].lower_ in ("au", "aux", "du", "des", "le", "la", "les", "l'",
                                         "l’"):
            continue  # « les militaires au pouvoir à … »: after an article, a noun
        if lexicon.is_word("infinitive_marker", token.text) or (
                token.pos_ in ("VERB", "AUX") and token.i not in (cue.token.i, cue.head.i)):
            if ctx.lang == "en" or token.pos_ in ("VERB", "AUX"):
                break
    return None


_SELF_DESCRIBING = frozenset({"dire", "déclarer", "affirmer", "montrer"})


def self_description(cue: Cue, ctx: DocContext, attitude_words: Iterable[str] = ()
                     ) -> tuple[int, int] | None:
    """ « les agents se disent à bout de souffle », « elle s'est dite épuisée »: what a
    speaker says of themselves with « se dire » is the adjective or phrase that follows
    (unless it is an attitude with its own complement, « se dit favorable à X », which the
    attitude rules report)."""
    if ctx.lang != "fr" or not cue.entry.reflexive or cue.entry.word not in _SELF_DESCRIBING:
        return None
    doc = ctx.doc
    j = max(cue.token.i, cue.head.i) + 1
    while j < len(doc) and (doc[j].idx < cue.end or doc[j].is_space):
        j += 1
    unit_end = ctx.unit_of(cue.token)[1]
    first = doc[j] if j < unit_end else None
    if first is None or not (first.pos_ == "ADJ" or "Part" in first.morph.get("VerbForm")
                             or first.pos_ == "ADP" or first.pos_ == "ADV"):
        return None
    if first.lower_ in attitude_words or first.lemma_.lower() in attitude_words:
        return None
    k = j
    while k < unit_end and not doc[k].is_punct and not ctx.lexicon.is_word(
            "coordinator", doc[k].text) and not ctx.lexicon.is_word("complementizer",
                                                                     doc[k].text):
        if doc[k].pos_ in ("VERB", "AUX") and "Part" not in doc[k].morph.get("VerbForm") \
                and doc[k].i != j:
            break
        k += 1
    if k == j or (k < unit_end and ctx.lexicon.is_word("complementizer", doc[k].text)):
        return None  # « se dit inquiet que … »: the attitude rules take the clause
    return token_span(ctx, j, k)


def _quoted_infinitive(cue: Cue, ctx: DocContext) -> tuple[int, int] | None:
    """ « qui dit « ne pas bien comprendre cette polémique » »: an infinitive phrase in
    quotation marks right after the verb is what it reports (a mixed quotation)."""
    doc = ctx.doc
    j = max(cue.token.i, cue.head.i) + 1
    while j < len(doc) and (doc[j].idx < cue.end or doc[j].is_space):
        j += 1
    if j >= len(doc) or ctx.segment_at_open(doc[j].idx) < 0:
        return None
    for k in range(j + 1, min(len(doc), j + 5)):
        token = doc[k]
        if "Inf" in token.morph.get("VerbForm") and token.pos_ in ("VERB", "AUX"):
            span = token_span(ctx, j + 1, _infinitive_end(token, ctx))
            return include_marks(ctx, *span) if span is not None else None
        if token.pos_ not in ("ADV", "PRON"):
            return None
    return None


def _infinitive_end(verb: Token, ctx: DocContext) -> int:
    """End of an infinitive phrase, with its auxiliary's head ("avoir mobilisé …") and
    coordinated infinitives ("de X, et surtout de Y")."""
    if verb.dep_ in ("aux", "aux:tense", "aux:pass", "cop", "auxpass") and verb.head.i > verb.i:
        verb = verb.head
    end = subtree_end(verb, ctx)
    doc = ctx.doc
    unit_end = ctx.unit_of(verb)[1]
    j = end
    while j < unit_end and (doc[j].is_space or doc[j].text == "," or doc[j].pos_ == "ADV"
                            or ctx.lexicon.is_word("coordinator", doc[j].text)):
        j += 1
    if j > end and j + 1 < unit_end and ctx.lexicon.is_word("infinitive_marker", doc[j].text):
        nxt = _infinitive_after([doc[j + 1], *doc[j + 2:j + 4]])
        if nxt is not None:
            return max(end, subtree_end(nxt, ctx))
    return end


def _mistagged_after_to(marker: Token, tokens: list[Token]) -> Token | None:
    """ "urged him to fire feds": an English verb the tagger took for a noun, right after "to",
    which the parser still makes the head of that "to"."""
    if not tokens or marker.tag_ != "TO" or marker.head.i != tokens[0].i:
        return None
    return tokens[0] if tokens[0].dep_ in ("xcomp", "ccomp", "advcl") else None


def _untagged_infinitive(tokens: list[Token], cue: Cue, ctx: DocContext) -> Token | None:
    """ "recommande de vendanger tôt": a French infinitive the tagger took for a noun, right
    after "de"/"à", hanging on the cue, without a determiner of its own."""
    if ctx.lang != "fr" or not tokens:
        return None
    token = tokens[0]
    if token.pos_ != "NOUN" or not token.lower_.endswith(("er", "ir")) or len(token.text) < 5 \
            or token.head.i not in (cue.token.i, cue.head.i) or not token.text.islower() \
            or "Plur" in token.morph.get("Number") or any(
                c.dep_ == "det" for c in token.children):
        return None
    return token


def _gerund_after(tokens: list[Token]) -> Token | None:
    """The gerund right after "of" ("of having misled", "of not paying"), adverbs allowed."""
    for token in tokens[:3]:
        if token.tag_ == "VBG":
            return token
        if token.lower_ == "to" and token.i == tokens[0].i:
            continue  # "admitted to having stolen"
        if token.pos_ not in ("ADV", "PART") and token.dep_ not in ("advmod", "neg"):
            return None
    return None


_DASHES = frozenset({"–", "—", "--"})


def _without_dashed_incises(window: list[Token]) -> list[Token]:
    """The window without a stretch set off by a pair of dashes ("urged the rebels – who
    control the capital – to refrain"): it describes the addressee."""
    dashes = [k for k, t in enumerate(window) if t.text in _DASHES]
    if len(dashes) < 2:
        return window
    first, second = dashes[0], dashes[1]
    return window[:first] + window[second + 1:]


def _opening_after(token: Token, ctx: DocContext) -> Token | None:
    """The opening quotation mark right after `token`, if any."""
    nxt = ctx.next_word(token.i)
    return nxt if nxt is not None and nxt.text in OPENING else None


def _quoted_to_infinitive(last: Token, ctx: DocContext) -> tuple[int, int] | None:
    """A quotation that opens right after `last` with "to" and an infinitive: the whole
    quotation, marks included."""
    opening = _opening_after(last, ctx)
    doc = ctx.doc
    if opening is None or opening.i + 2 >= len(doc) or doc[opening.i + 1].lower_ != "to":
        return None
    verb = _infinitive_after(list(doc[opening.i + 2:opening.i + 5]))
    if verb is None:
        return None
    span = token_span(ctx, opening.i + 1, _infinitive_end(verb, ctx))
    return include_marks(ctx, *span) if span is not None else None


def _adverb_locution_start(token: Token, window: list[Token]) -> bool:
    """The preposition of an adverb locution (« en outre », « de nouveau », « par ailleurs »)."""
    if token.dep_ in ("advmod", "fixed"):
        return True  # « en outre » parsed as an adverb with its fixed part
    k = next((k for k, t in enumerate(window) if t.i == token.i), None)
    return token.pos_ == "ADP" and k is not None and k + 1 < len(window) and \
        window[k + 1].pos_ == "ADV" and window[k + 1].i == token.i + 1


def _time_incise(token: Token, before: list[Token], ctx: DocContext) -> bool:
    """`token` belongs to a time set off by commas right after the cue (", samedi,")."""
    commas = sum(1 for t in before if t.text == ",")
    if commas != 2 or before[0].text != ",":
        return False
    return token.text == "," or ctx.is_time(token) or token.pos_ in ("DET", "ADP", "NUM")


def _time_phrase(token: Token, ctx: DocContext) -> bool:
    """`token` belongs to a date standing between the cue and its infinitive, without commas
    (« a annoncé vendredi faire appel », « a annoncé le 30 août dernier avoir pris … »)."""
    if ctx.is_time(token):
        return True
    return token.pos_ in ("DET", "NUM", "ADJ") and ctx.is_time(token.head) and \
        abs(token.head.i - token.i) <= 3


def _circumstance_phrase(token: Token, before: list[Token], ctx: DocContext) -> bool:
    """`token` belongs to a phrase of where or how it was said, between the cue and its
    infinitive (« a affirmé dans un communiqué vouloir protester »)."""
    opener = next((t for t in before if t.pos_ == "ADP"
                   and ctx.lexicon.is_word("circumstance_preposition", t.text)), None)
    if opener is None or token.i < opener.i:
        return False
    return all(t.pos_ in ("ADP", "DET", "NOUN", "ADJ", "PROPN", "NUM")
               for t in before if opener.i <= t.i <= token.i)


def _quoted_infinitive_after(marker: Token, ctx: DocContext) -> Token | None:
    """The infinitive opening a quotation right after "à"/"de" (« à « se préparer » »)."""
    opening = _opening_after(marker, ctx)
    if opening is None:
        return None
    return _infinitive_after(list(ctx.doc[opening.i + 1:opening.i + 5]))


def _appositive_participle(token: Token, before: list[Token]) -> bool:
    """A participle set off by a comma after the addressee (", encore épargnés,"): it
    describes the addressee and does not end the search for the infinitive."""
    if "Part" not in token.morph.get("VerbForm") or not before:
        return False
    comma = next((k for k in range(len(before) - 1, -1, -1) if before[k].text == ","), None)
    return comma is not None and all(t.pos_ in ("ADV", "PART") for t in before[comma + 1:])


def _infinitive_after(tokens: list[Token]) -> Token | None:
    for token in tokens[:4]:
        if "Inf" in token.morph.get("VerbForm") or token.tag_ == "VB":
            return token
        if token.text == STRAIGHT or token.text in OPENING:
            continue  # « à "égorger" des civils »: the quoted infinitive is still the complement
        if token.pos_ not in ("ADV", "PRON", "PART", "AUX") and token.dep_ not in ("advmod",
                                                                                   "neg"):
            return None
    return None


def _cut_at_coordinated_cue(ctx: DocContext, start_token: int, end_token: int) -> int:
    """ "said X but insisted Y": a reporting verb after "but"/"and" starts its own
    report, whatever the parser attached it to."""
    doc = ctx.doc
    for j in range(start_token + 1, end_token):
        token = doc[j]
        if ctx.in_quotes(token) or token.pos_ not in ("VERB", "AUX"):
            continue
        if cue_word(token, ctx.lexicon) is None:
            continue
        before = ctx.previous_word(j)
        while before is not None and before.dep_ in AUX_DEPS and before.head.i == j:
            before = ctx.previous_word(before.i)  # "et a ajouté"
        if before is not None and ctx.lexicon.is_word("coordinator", before.text) and \
                not any(c.dep_.startswith("nsubj") for c in token.children) and \
                not _coordinated_in_clause(token, start_token):
            return before.i
        # "with Israel saying X and the government firing back that Y": another report
        found = subject_after_coordinator(token, ctx, after=start_token)
        if found is not None:
            return found[1].i
        comma = _comma_before_own_subject(token, start_token, ctx)
        if comma is not None:
            return comma
    return end_token


def _comma_before_own_subject(verb: Token, start_token: int, ctx: DocContext) -> int | None:
    """ "When she said that she knew nothing about it, her lawyer replied, “…”": a reporting
    verb with its own subject after a comma, opening a quotation or a "that" clause of its own,
    starts another report whatever the parser hung it on."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    if not subjects:
        return None
    comma = ctx.previous_word(subjects[0].left_edge.i)
    if comma is None or comma.text != "," or comma.i <= start_token:
        return None
    if not has_clause_verb(ctx, ctx.doc[start_token].idx, comma.idx):
        return None  # « que lors du conseil, le recteur a répondu que … »: one report in another
    after = ctx.next_word(verb.i)
    while after is not None and after.text in (",", ":"):
        after = ctx.next_word(after.i)
    if after is None or after.text in OPENING or after.text == STRAIGHT or \
            ctx.lexicon.is_word("complementizer", after.text):
        return comma.i
    return None


def _cut_at_attributed_quotation(ctx: DocContext, start_token: int, end_token: int) -> int:
    """ "… que les tensions s'apaisent : « Elles sont une menace », a-t-elle estimé": a colon
    opening a quotation that has its own reporting verb ends the clause before it."""
    doc = ctx.doc
    for j in range(start_token + 1, end_token - 1):
        if doc[j].text != ":":
            continue
        opening = ctx.next_word(j)
        k = ctx.segment_at_open(opening.idx) if opening is not None else -1
        if k < 0:
            continue
        after = ctx.token_at(ctx.segments[k].outer_end)
        window = [] if after is None else [t for t in doc[after.i:after.i + 4]
                                           if not t.is_space]
        if any(cue_word(t, ctx.lexicon) is not None or t.text.startswith("-t")
               for t in window):
            return j
    return end_token


def _coordinated_in_clause(verb: Token, start_token: int) -> bool:
    """A verb coordinated, in the very same form, with a verb of the reported clause continues
    that clause: "a annoncé qu'il transmettrait X et demanderait Y", "said he would resign and
    ask for Y"; "et a ajouté", "and insisted" start a new report."""
    return same_form_conjunct(verb) and verb.head.i >= start_token


def token_span(ctx: DocContext, start_token: int, end_token: int) -> tuple[int, int] | None:
    """Character span of tokens [start_token, end_token), cut before a coordinated report or
    an attributed quotation, trimmed, with its quotation marks."""
    doc = ctx.doc
    end_token = _cut_at_coordinated_cue(ctx, start_token, end_token)
    end_token = _cut_at_attributed_quotation(ctx, start_token, end_token)
    if end_token <= start_token:
        return None
    start = doc[start_token].idx
    last = doc[end_token - 1]
    end = last.idx + len(last.text)
    trimmed = trim_span(ctx, start, end)
    if trimmed is None:
        return None
    return include_marks(ctx, *trimmed)


def preposed_clause(cue: Cue, subject_left: int | None, ctx: DocContext
                    ) -> tuple[int, int] | None:
    """ "X, a déclaré Y" / "X, officials said": the clause before the reporting clause.

    `subject_left` is the first token of a subject standing before the verb, if any.
    """
    doc = ctx.doc
    group_first = cue_group_start(cue)
    if subject_left is not None:
        group_first = min(group_first, subject_left)
    unit_start, _ = ctx.unit_of(cue.token)
    boundary = ctx.previous_word(group_first)
    if boundary is None or boundary.i < unit_start:
        return None
    bridge = _bridge_before(boundary, ctx)
    if bridge is not None:
        boundary = bridge
    if boundary.text not in "," and not (boundary.text in CLOSING or boundary.text == STRAIGHT):
        return None
    end_token = boundary.i  # the comma (or closing mark) ends the content
    if boundary.text in CLOSING or boundary.text == STRAIGHT:
        end_token = boundary.i + 1
    if end_token <= unit_start:
        return None
    start = doc[unit_start].idx
    last = doc[end_token - 1]
    end = last.idx + len(last.text)
    if boundary.text == ",":
        before = ctx.previous_word(boundary.i)
        if before is not None and (before.text in CLOSING or before.text == STRAIGHT):
            end = before.idx + 1
    trimmed = trim_span(ctx, start, end)
    if trimmed is None:
        return None
    return include_marks(ctx, *trimmed)


def _elided(word: str) -> str:
    """ "qu'" and "que", "c'" and "ce" compare equal."""
    return word[:-1] + "e" if word.endswith("'") else word


def _bridge_before(boundary: Token, ctx: DocContext) -> Token | None:
    """ "« … », c'est ainsi qu'il a qualifié": the comma before the bridge words, if any."""
    doc = ctx.doc
    for bridge in ctx.lexicon.bridges:
        wanted = [_elided(w) for w in bridge]
        j = boundary.i
        matched = True
        for word in reversed(wanted):
            while j >= 0 and doc[j].is_space:
                j -= 1
            if j < 0 or _elided(_norm(doc[j])) != word:
                matched = False
                break
            j -= 1
        if matched:
            before = ctx.previous_word(j + 1)
            if before is not None and before.text == ",":
                return before
    return None


def has_clause_verb(ctx: DocContext, start: int, end: int) -> bool:
    """True when [start, end) holds a finite verb (a clause, not a bare adverbial)."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    for token in span:
        if ctx.in_quotes(token):
            continue
        if token.pos_ in ("VERB", "AUX") and "Inf" not in token.morph.get("VerbForm") and \
                "Part" not in token.morph.get("VerbForm") or token.tag_ in ("VBD", "VBZ", "VBP"):
            return True
        if token.pos_ == "VERB" and "Part" in token.morph.get("VerbForm") and any(
                c.dep_.startswith("aux") for c in token.children):
            return True
    return False


def independent_clause(ctx: DocContext, start: int, end: int) -> bool:
    """[start, end) holds a main clause: a verb (or a copula) with its subject that is not
    introduced by a subordinator ("After …", "Si …") and is not a bare participle
    ("Talking about …"). Words in quotation marks count: "“We must …” in that law"."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    inside = {t.i for t in span}
    for token in span:
        if token.is_space or token.is_punct:
            continue
        if _misparsed_subject_verb(token, inside):
            return True
        if token.dep_ in ("amod", "compound") and token.pos_ == "VERB" and \
                token.tag_ in ("VBD", "VBZ", "VBP") and any(
                    c.dep_ == "nsubj" and c.i < token.i and c.i in inside
                    for c in token.children):
            return True  # "Americans packed malls …": a finite verb the parser made a modifier
        if token.head.i in inside and token.head.i != token.i:
            continue  # not a root of the span
        if any(c.dep_ == "mark" for c in token.children):
            continue
        # « X avait fait réaliser … »: the parser may hang the subject and the tense on the
        # auxiliary of a causative or modal group rather than on its infinitive
        group = [token, *(c for c in token.children if c.pos_ == "AUX" and c.i < token.i)]
        children = [c for member in group for c in member.children]
        subject = any(c.dep_.startswith(("nsubj", "csubj", "expl")) for c in children)
        finite = any("Fin" in m.morph.get("VerbForm") or m.tag_ in ("VBD", "VBZ", "VBP", "MD")
                     for m in group)
        auxiliary = any(c.dep_ == "cop" or (c.dep_.startswith("aux") and (
            "Fin" in c.morph.get("VerbForm") or c.tag_ in ("MD", "VBD", "VBZ", "VBP")))
            for c in children)
        if subject and (finite or auxiliary):
            return True
        if (finite or auxiliary) and _quoted_subject_before(token, group, inside):
            return True
    return False


def _quoted_subject_before(verb: Token, group: list[Token], inside: set[int]) -> bool:
    """ « « Un total de 37 avions » ont pénétré … »: a quotation right before the verb group
    is its subject, though the parser gave the verb none."""
    auxiliaries = [c for member in group for c in member.children
                   if c.dep_.startswith("aux") and c.i < verb.i]
    j = min([verb.i, *(a.i for a in auxiliaries)]) - 1
    doc = verb.doc
    while j in inside and doc[j].is_space:
        j -= 1
    return j in inside and doc[j].text in "»”\"" and j > min(inside)


_RELATIVE_POS = frozenset({"PRON", "SCONJ"})


def surface_main_clause(ctx: DocContext, start: int, end: int) -> bool:
    """[start, end) reads as a main clause on the surface, whatever heads the parser gave:
    it does not open with a subordinator, a preposition or a participle, and a finite verb
    follows a noun or pronoun with no relative or conjunction word between them. For the
    reported clause before "…, a annoncé lundi le shérif", which the parser often hangs
    under the reporting verb as its subject, or cuts in two sentences."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    words = [t for t in span if not (t.is_punct or t.is_space)] if span is not None else []
    if not words:
        return False
    first = words[0]
    if first.pos_ in ("SCONJ", "ADP") or "Part" in first.morph.get("VerbForm") or \
            "Ger" in first.morph.get("VerbForm") or first.tag_ == "VBG":
        return False
    nominal_seen = False
    for word in words:
        if word.pos_ in _RELATIVE_POS and word.lower_ in ("qui", "que", "qu'", "qu’", "dont",
                                                          "où", "who", "which", "that"):
            nominal_seen = False  # a relative clause: its verb is not the main one
        elif word.pos_ in ("NOUN", "PROPN") or (word.pos_ == "PRON" and word.dep_.startswith(
                "nsubj")):
            nominal_seen = True
        elif word.pos_ in ("VERB", "AUX") and "Fin" in word.morph.get("VerbForm"):
            return nominal_seen
    return False


def _surface_comparative(cue: Cue, ctx: DocContext) -> tuple[int, int] | None:
    """ « L'économie résiste, ainsi que l'a rappelé X. »: when the parser missed the
    comparative clause, the words before the reporting group (a comma, « comme » or « ainsi
    que », the object clitic, the auxiliaries) still say that it reports the clause before."""
    doc = ctx.doc
    unit_start = ctx.unit_of(cue.token)[0]
    j = min(cue.token.i, cue.head.i) - 1
    while j > unit_start and (doc[j].pos_ == "AUX" or _norm(doc[j]) in ("l'", "le")):
        j -= 1
    if j <= unit_start:
        return None
    if _norm(doc[j]) in ("que", "qu'") and _norm(doc[j - 1]) == "ainsi":
        j -= 1
    elif _norm(doc[j]) not in ("comme", "as"):
        return None
    comma = ctx.previous_word(j)
    if comma is None or comma.text != "," or comma.i <= unit_start:
        return None
    span = token_span(ctx, unit_start, comma.i)
    if span is None or not independent_clause(ctx, *span):
        return None
    return span


def _ainsi_que(mark: Token) -> bool:
    """ « ainsi que l'a dit X »: "que" after "ainsi" is a comparative "as"."""
    return _norm(mark) in ("que", "qu'") and mark.i > 0 and _norm(mark.doc[mark.i - 1]) == "ainsi"


def _main_clause_before(verb: Token, mark: Token, ctx: DocContext) -> tuple[int, int] | None:
    """ "The economy is strong, as the minister noted" / « X, comme l'a souligné Y »: the main
    clause before the comma of the as-clause."""
    unit_start = ctx.unit_of(verb)[0]
    first = mark.i - 1 if _ainsi_que(mark) else mark.i
    comma = ctx.previous_word(first)
    main = verb.head
    while main.dep_ == "xcomp" and main.head.i != main.i:
        main = main.head  # « va encore baisser »
    if comma is None or comma.text != "," or comma.i <= unit_start or main.dep_ != "ROOT" \
            or main.left_edge.i > unit_start + 1:
        return None  # only a sentence's main clause: "…, soulignant que X, comme il l'avait dit"
    span = token_span(ctx, unit_start, comma.i)
    if span is None or not independent_clause(ctx, *span):
        return None
    return span


def _misparsed_subject_verb(token: Token, inside: set[int]) -> bool:
    """ "Les enquêteurs privilégient la piste, a précisé X": the parser took the subject of the
    reported clause for the reporting verb's and hung the finite verb on it as a clause
    modifier; with no relative pronoun or subordinator it is the main clause."""
    noun = token.head
    if token.dep_ not in ("acl", "amod") or noun.i not in inside or noun.i > token.i or \
            noun.pos_ not in ("NOUN", "PROPN", "PRON") or token.pos_ not in ("VERB", "AUX") or \
            "Fin" not in token.morph.get("VerbForm"):
        return False
    if not noun.dep_.startswith("nsubj"):
        return False
    between = noun.doc[noun.i + 1:token.i]
    return not any(t.is_punct or "Rel" in t.morph.get("PronType") or t.dep_ == "mark"
                   for t in [*between, *token.children])


def as_clause(cue: Cue, ctx: DocContext) -> tuple[int, int] | None:
    """ "as the committee has pointed out, X" / "comme l'a dit X, Y": the main clause."""
    verb = cue.head
    marks = [c for c in verb.children if c.dep_ == "mark" and (
        _norm(c) in ("as", "comme") or _ainsi_que(c))]
    if not marks or verb.dep_ != "advcl" or verb.head.i == verb.i:
        return _surface_comparative(cue, ctx)
    main = verb.head
    if main.i < verb.i:
        return _main_clause_before(verb, marks[0], ctx)
    start_token = verb.right_edge.i + 1
    doc = ctx.doc
    while start_token < len(doc) and (doc[start_token].is_punct or doc[start_token].is_space):
        start_token += 1
    end_token = subtree_end(main, ctx, exclude={verb.i})
    return token_span(ctx, start_token, end_token)
