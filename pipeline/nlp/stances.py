"""Stances carried by quotations: about what (the target), for or against it, by which rule.

Targets come from the user-editable topics file; when no topic matches, the main noun phrase
of the quotation stands in. Polarity is composed over the dependency tree of the quotation's
content, bottom-up, with a few rules whose words are data (``resources/stance_lexicon_*.toml``):

- evaluative words (``positive``/``negative``) give their sign to what they describe:
  "un objectif irréaliste", "draconian measures";
- attitude heads decide the speaker's stance toward their complement whatever it contains:
  favourable ones (volition, obligation, advocacy, promise: "il faut", "we want", "must") and
  unfavourable ones (refusal, opposition, condemnation: "a exclu", "rejected");
- reversers turn the value of their complement ("mettre fin à la guerre" is favourable,
  "the curtailing of rights" unfavourable) and say nothing about a neutral one ("lift the
  sanctions": the attitude above them decides); privatives ("le manque de", "failure to")
  describe a failed state even with a neutral complement;
- negation turns what it scopes over ("ne ... pas", "not", "no longer", "aucun", "sans");
  a negated neutral statement is a denial, weakly unfavourable;
- a negative evaluation of a failed or negated state is favourable to that state ("it is
  distressing not to have made progress");
- excess ("trop sucré", "too costly") is unfavourable; hedges ("pourrait", "might") weaken;
  after a contrast ("mais", "but") the clause weighs more;
- a negated predicate with a condition ("cannot be solved without Y", « on ne peut pas X
  sans Y ») makes Y necessary, hence favoured; "speak/vote against X" is against X;
- the reporting cue adds its own stance: its class from the cue lexicon (rejection, denial,
  warning, criticism, accusation, emotion: against; promise, appeal, agreement: favour; a
  promise to harm is a threat, against) or, beside it, the reporting verbs of the stance
  lexicon ("a déploré", "vowed"); a cue that qualifies (« a nuancé ») makes the stance neutral.
  When the content has no evidence, that cue's direction alone gives a weak stance
  (``cue-default``), so every criticism, warning, rejection, promise or appeal carries one;
- obligation and volition without evaluative words favour what is to be done ("il faut X",
  "nous devons X", "X doit être adopté", "we need to X", "it is time to X"); a copular
  evaluation ("X est un échec", "X is a threat", "X is essential") judges its subject X.

Besides the content's stance toward its topics or main noun phrase, a quotation may carry a
stance of its reporting frame toward the frame's own object ("condemned the attack, saying
..."), one for each evaluative label quoted inside a mixed quotation ('"criminals"'), and one
against a person whose removal from office the speaker wants ("called for his resignation").

Sentiment is not stance: the rules compose the speaker's attitude toward the described state
of affairs, so a negative word about a bad thing can end up in favour.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token

from pipeline.ids import fold, short_hash
from pipeline.records import Quote

POLARITIES = ("favor", "against", "neutral")

# Cue classes of the cue lexicon (quotes.cue_class) that carry a stance toward the content.
AGAINST_CUE_CLASSES = frozenset(
    {"rejection", "denial", "criticism", "accusation", "warning", "threat", "pessimism",
     "disagreement", "emotion"}
)
FAVOR_CUE_CLASSES = frozenset(
    {"promise", "appeal", "agreement", "demand", "praise", "support", "recommendation",
     "proposal"}
)

# Weights of the rules; a cue's class is explicit, so it weighs more than one content word.
CUE_WEIGHT = 1.5
DENIAL_WEIGHT = 0.5
HEDGE_FACTOR = 0.6
ADJUNCT_FACTOR = 0.5
CONTRAST_FACTOR = 2.0
DECISION_THRESHOLD = 0.4
# Weight of the first of two opposite attitudes that cancel out (coordinated clauses).
TIE_BREAK_FACTOR = 0.6
# The score of a stance the reporting frame takes toward its own object ("condemned the attack,
# saying ..."): explicit, so as strong as a cue's.
FRAME_SCORE = 0.6
# A quoted label's stance toward what it names weighs a little less than the same evidence
# read in the whole content.
LABEL_FACTOR = 0.95
# A wanted removal from office with no other evidence: a weak stance against the person.
REMOVAL_SCORE = 0.35
# The stance of a directed cue ("warned", « a dénoncé », "promised") when the content gives no
# decisive evidence of its own: weaker than any content rule.
CUE_DEFAULT_SCORE = 0.3

# Dependency labels (UD for French, ClearNLP for English) grouped by role.
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "csubj", "csubj:pass", "nsubjpass", "csubjpass",
                           "expl:subj", "expl"})
_ADJUNCT_DEPS = frozenset({"obl:mod", "advcl", "obl", "npadvmod", "parataxis", "dislocated",
                           "vocative", "discourse", "advmod", "prep", "agent"})
_RELATIVE_DEPS = frozenset({"relcl", "acl:relcl"})
_SKIP_DEPS = frozenset({"punct", "det", "cc", "case", "mark", "aux", "aux:tense", "aux:pass",
                        "auxpass", "cop", "predet", "prt", "dep", "appos", "flat:name",
                        "flat:foreign", "compound:prt", "expl:comp", "expl:pass", "reparandum",
                        "meta", "fixed"})
_FIRST_PERSON = frozenset({"je", "j'", "nous", "on", "moi", "i", "we", "me", "us"})
# Attitude verbs whose obligation is the speaker's own, whoever their subject is.
_DEONTIC = frozenset({"devoir", "falloir", "must", "should", "ought", "need", "nécessiter"})
_BE = frozenset({"être", "be"})
# The second word of "not only", « non seulement », which adds instead of denying.
_NOT_ONLY = frozenset({"seulement", "only", "just", "merely", "simply", "uniquement"})


@dataclass(slots=True)
class Stance:
    """A stance carried by one quotation toward one target."""

    stance_id: str
    quote_id: str
    doc_id: str
    speaker_id: str | None
    target: str
    polarity: str  # favor / against / neutral
    score: float  # 0..1
    method: str  # the rule that decided the polarity
    is_main: bool = False

    def row(self) -> dict[str, Any]:
        return asdict(self)


# --------------------------------------------------------------------------------------------
# Resources


def _words(values: Iterable[str]) -> frozenset[str]:
    return frozenset(v.strip().lower().partition("/")[0] for v in values
                     if v.strip() and "+" not in v)


def _pos_restrictions(*lists: Iterable[str]) -> dict[str, frozenset[str]]:
    """Entries written ``word/POS`` (``just/ADJ``: "a just peace", not "it just looks") count
    only with those universal parts of speech (``/ADJ|NOUN`` for several), in every list of
    the lexicon the word is in."""
    restrictions: dict[str, frozenset[str]] = {}
    for values in lists:
        for value in values:
            word, _, tags = value.strip().partition("/")
            if tags and "+" not in word:
                restrictions[word.lower()] = frozenset(t.strip().upper()
                                                       for t in tags.split("|"))
    return restrictions


_CONTRACTED = {"du": "de", "des": "de", "d'": "de", "d’": "de", "au": "à", "aux": "à"}


def _pairs(values: Iterable[str]) -> frozenset[tuple[str, str]]:
    pairs = set()
    for value in values:
        if "+" in value:
            head, _, particle = value.lower().partition("+")
            pairs.add((head.strip(), particle.strip()))
    return frozenset(pairs)


@dataclass(frozen=True)
class StanceLexicon:
    """The stance words of one language (see ``resources/stance_lexicon_*.toml``)."""

    lang: str
    positive: frozenset[str]
    negative: frozenset[str]
    reversers: frozenset[str]
    privatives: frozenset[str]
    favor_attitudes: frozenset[str]
    favor_attitude_pairs: frozenset[tuple[str, str]]
    against_attitudes: frozenset[str]
    against_attitude_pairs: frozenset[tuple[str, str]]
    negators: frozenset[str]
    negators_with_ne: frozenset[str]
    excess: frozenset[str]
    hedges: frozenset[str]
    contrast: frozenset[str]
    light_verbs: frozenset[str]
    cue_favor: frozenset[str]
    cue_against: frozenset[str]
    cue_weak_favor: frozenset[str]
    cue_pairs: dict[tuple[str, str], int] = field(default_factory=dict)
    conditions: frozenset[str] = frozenset()
    condition_pairs: frozenset[tuple[str, str]] = frozenset()
    cue_neutral: frozenset[str] = frozenset()
    removals: frozenset[str] = frozenset()
    removal_pairs: frozenset[tuple[str, str]] = frozenset()
    deontic_nouns: frozenset[str] = frozenset()
    pos_only: dict[str, frozenset[str]] = field(default_factory=dict)
    intensifiers: frozenset[str] = frozenset()
    declines: frozenset[str] = frozenset()
    opposers: frozenset[str] = frozenset()
    opposer_pairs: frozenset[tuple[str, str]] = frozenset()
    transparent: frozenset[str] = frozenset()
    negative_concord: frozenset[str] = frozenset()
    diminishers: frozenset[str] = frozenset()

    @classmethod
    def from_config(cls, lang: str, config: dict[str, Any]) -> StanceLexicon:
        words, ops, cues = config.get("words", {}), config.get("operators", {}), config.get(
            "cues", {})
        favor_att = ops.get("favor_attitudes", [])
        cue_pairs: dict[tuple[str, str], int] = {}
        for sign, key in ((1, "favor"), (-1, "against")):
            for pair in _pairs(cues.get(key, [])):
                cue_pairs[pair] = sign
        return cls(
            lang=lang,
            positive=_words(words.get("positive", [])),
            negative=_words(words.get("negative", [])),
            reversers=_words(ops.get("reversers", [])),
            privatives=_words(ops.get("privatives", [])),
            favor_attitudes=_words(favor_att),
            favor_attitude_pairs=_pairs([*favor_att, *ops.get("favor_attitude_pairs", [])]),
            against_attitudes=_words(ops.get("against_attitudes", [])),
            against_attitude_pairs=_pairs(ops.get("against_attitudes", [])),
            negators=_words(ops.get("negators", [])),
            negators_with_ne=_words(ops.get("negators_with_ne", [])),
            excess=_words(ops.get("excess", [])),
            hedges=_words(ops.get("hedges", [])),
            contrast=_words(ops.get("contrast", [])),
            light_verbs=_words(ops.get("light_verbs", [])),
            cue_favor=_words(cues.get("favor", [])),
            cue_against=_words(cues.get("against", [])),
            cue_weak_favor=_words(cues.get("weak_favor", [])),
            cue_pairs=cue_pairs,
            conditions=_words(ops.get("conditions", [])),
            condition_pairs=_pairs(ops.get("conditions", [])),
            cue_neutral=_words(cues.get("neutral", [])),
            removals=_words(ops.get("removals", [])),
            removal_pairs=_pairs(ops.get("removals", [])),
            deontic_nouns=_words(ops.get("deontic_nouns", [])),
            intensifiers=_words(ops.get("intensifiers", [])),
            declines=_words(ops.get("declines", [])),
            opposers=_words(ops.get("opposers", [])),
            opposer_pairs=_pairs(ops.get("opposers", [])),
            transparent=_words(ops.get("transparent", [])),
            negative_concord=_words(ops.get("negative_concord", [])),
            diminishers=_words(ops.get("diminishers", [])),
            pos_only=_pos_restrictions(
                *(words.get(k, []) for k in ("positive", "negative")),
                *(ops.get(k, []) for k in ("favor_attitudes", "against_attitudes", "reversers",
                                           "privatives"))),
        )

    @classmethod
    def load(cls, path: Path, lang: str) -> StanceLexicon:
        with path.open("rb") as handle:
            return cls.from_config(lang, tomllib.load(handle))


@dataclass(frozen=True)
class Topic:
    """A user-defined stance target: a label and its phrases per language."""

    label: str
    patterns: dict[str, tuple[tuple[str, ...], ...]]

    def matches(self, words: Sequence[str], lang: str,
                vocabulary: frozenset[str] | None = None) -> tuple[int, int, int] | None:
        """(specificity, first word, end word) of the best match in ``words``, or None.

        ``vocabulary`` (the set of ``words``) lets patterns whose first word is absent be
        skipped without a scan."""
        best: tuple[int, int, int] | None = None
        for pattern in self.patterns.get(lang, ()):
            if vocabulary is not None and not _may_start(pattern[0], vocabulary):
                continue
            span = _match_pattern(pattern, words)
            if span is None:
                continue
            specificity = sum(1 for w in pattern if w != "*")
            candidate = (specificity, *span)
            if best is None or (candidate[0], -candidate[1]) > (best[0], -best[1]):
                best = candidate
        return best


_GAP = 6  # a lone "*" in a topic phrase stands for at most this many words


def _may_start(first: str, vocabulary: frozenset[str]) -> bool:
    if first == "*":
        return True
    if first.endswith("*"):
        return any(w.startswith(first[:-1]) for w in vocabulary)
    return first in vocabulary


def _match_pattern(pattern: Sequence[str], words: Sequence[str]) -> tuple[int, int] | None:
    def word_ok(p: str, w: str) -> bool:
        return w.startswith(p[:-1]) if p.endswith("*") else w == p

    def match_from(pi: int, wi: int) -> int | None:
        if pi == len(pattern):
            return wi
        p = pattern[pi]
        if p == "*":
            for gap in range(0, _GAP + 1):
                if wi + gap <= len(words):
                    end = match_from(pi + 1, wi + gap)
                    if end is not None:
                        return end
            return None
        if wi < len(words) and word_ok(p, words[wi]):
            return match_from(pi + 1, wi + 1)
        return None

    for start in range(len(words)):
        if word_ok(pattern[0], words[start]):
            end = match_from(1, start + 1)
            if end is not None:
                return start, end
    return None


def load_topics(path: Path) -> tuple[Topic, ...]:
    with path.open("rb") as handle:
        config = tomllib.load(handle)
    topics = []
    for entry in config.get("topic", []):
        label = entry.get("label")
        if not label:
            raise ValueError(f"{path}: every [[topic]] needs a label")
        patterns = {
            lang: tuple(_restore_wildcards(p, tuple(fold(p).split())) for p in phrases
                        if fold(p) or p.strip() == "*")
            for lang, phrases in entry.items()
            if lang != "label" and isinstance(phrases, list)
        }
        topics.append(Topic(label=label, patterns=patterns))
    return tuple(topics)


def _restore_wildcards(raw: str, folded: tuple[str, ...]) -> tuple[str, ...]:
    raw_words = raw.split()
    if not any("*" in w for w in raw_words):
        return folded
    out: list[str] = []
    for word in raw_words:
        if word == "*":
            out.append("*")
            continue
        folded_word = fold(word).split()
        if word.endswith("*") and folded_word:
            folded_word[-1] += "*"
        out.extend(folded_word)
    return tuple(out)


@dataclass(frozen=True)
class StanceResources:
    lexicons: dict[str, StanceLexicon]
    topics: tuple[Topic, ...]
    # Words that date a statement ("mardi", "Tuesday", "yesterday"), never what it is about.
    time_words: dict[str, frozenset[str]] = field(default_factory=dict)


def load_stance_resources(resources_dir: Path) -> StanceResources:
    lexicons = {}
    for path in sorted(resources_dir.glob("stance_lexicon_*.toml")):
        lang = path.stem.rsplit("_", 1)[-1]
        lexicons[lang] = StanceLexicon.load(path, lang)
    time_words: dict[str, frozenset[str]] = {}
    time_file = resources_dir / "time_expressions.toml"
    if time_file.is_file():
        with time_file.open("rb") as handle:
            for lang, table in tomllib.load(handle).items():
                words = [*table.get("weekdays", []), *table.get("months", []),
                         *(w for w in table.get("day_offsets", {}) if " " not in w)]
                time_words[lang] = frozenset(w.lower() for w in words)
    return StanceResources(lexicons=lexicons, topics=load_topics(resources_dir / "topics.toml"),
                           time_words=time_words)


# --------------------------------------------------------------------------------------------
# Polarity composition


@dataclass
class _Value:
    score: float = 0.0
    derived: bool = False  # negative because something is negated, missing or failed
    evidence: bool = False  # some rule fired in this subtree


@dataclass
class PolarityResult:
    score: float
    method: str
    evidence: bool
    hedged: bool = False
    composer: _Composer | None = None
    balanced_cue: bool = False  # the cue presents a qualified view: « a nuancé »
    cue_sign: float = 0.0
    content_evidence: bool = False  # some rule fired on the content itself, not the cue
    cue_wants: bool = False  # the cue wants what it reports (appeal, promise), before any turn


class _Composer:
    """Composes the polarity of a quotation's content over its dependency tree."""

    def __init__(self, lexicon: StanceLexicon, inside: set[int], *, direct: bool) -> None:
        self.lex = lexicon
        self.inside = inside
        self.direct = direct
        self.memo: dict[int, _Value] = {}
        self.trace: list[tuple[str, float]] = []
        self.hedged = False  # some hedge ("might", "pourrait") was met
        # Tokens inside complements that an attitude head judged as a whole.
        self.replaced: set[int] = set()
        # What a decisive rule was about ("sans Y": Y), the preferred target phrase.
        self.focus: list[Token] = []
        # Focus verbs that name the target with their object ("lifting sanctions"): an action
        # on a thing the lexicon does not evaluate is what the speaker is for or against.
        self.actions: set[int] = set()
        # Focus nouns that an action of ``actions`` ends or removes ("the war must be ended"):
        # a stance for the action is against them.
        self.patients: set[int] = set()
        # Tokens under a negation that turned a value: the negated predicate and its
        # complements, not its subject ("the talks are not at a dead end": "dead end").
        self.negated: set[int] = set()
        self._keys: dict[int, tuple[Doc, tuple[str, ...]]] = {}  # lexicon keys per token

    # lexicon look-ups -------------------------------------------------------------------------

    def keys(self, tok: Token) -> tuple[str, ...]:
        cached = self._keys.get(tok.i)
        if cached is None or cached[0] is not tok.doc:
            cached = (tok.doc, self._compute_keys(tok))
            self._keys[tok.i] = cached
        return cached[1]

    def _compute_keys(self, tok: Token) -> tuple[str, ...]:
        lemma, lower = tok.lemma_.lower(), tok.lower_
        keys = [lemma, lower]
        if self.lex.lang == "fr":
            for form in (lower, lemma):
                for suffix in ("es", "s", "e"):
                    if form.endswith(suffix) and len(form) > len(suffix) + 2:
                        keys.append(form[: -len(suffix)])
            # Verb forms the lemmatizer left alone ("soupire" tagged as a noun): guess -er.
            for suffix in ("ent", "es", "e", "ées", "és", "ée", "é"):
                if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
                    keys.append(lower[: -len(suffix)] + "er")
                    break
        return tuple(dict.fromkeys(keys))

    def has(self, tok: Token, words: frozenset[str]) -> bool:
        return any(k in words for k in self.keys(tok))

    def is_negator(self, tok: Token) -> bool:
        following = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if following is not None and following.lower_ in _NOT_ONLY:
            return False  # « non seulement … mais aussi », "not only … but also": additive
        if tok.dep_ == "neg":
            return True
        if any(c.dep_ == "det" for c in tok.children):
            return False  # « un pas dans la bonne direction »: the noun, not the negation
        if tok.lower_ == "longer" and any(c.lower_ == "no" for c in tok.children):
            return True  # "no longer"
        if self.has(tok, self.lex.negators):
            if tok.lower_ == "no" and tok.dep_ not in ("det", "neg", "advmod"):
                return False
            if tok.dep_ == "det" and self.concords(tok):
                return False
            if self.heads_object(tok):
                return False  # "left without a word": "without" negates its object, not its head
            return True
        if self.diminishes(tok):
            return True
        if self.has(tok, self.lex.negators_with_ne):
            head = tok.head
            siblings = list(head.children) + [head]
            return any(t.lower_ in ("ne", "n'", "n’") for t in siblings) or (
                "Neg" in tok.morph.get("Polarity")
            )
        return False

    def diminishes(self, tok: Token) -> bool:
        """ "less effective", « moins bonne », "few guarantees": a degree word below what it
        grades says the opposite of it."""
        if tok.lower_ not in self.lex.diminishers or tok.dep_ not in ("advmod", "amod"):
            return False
        head = tok.head
        following = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
        if _some_not_few(tok):
            return False
        if head.pos_ in ("VERB", "AUX") and following in ("de", "d'", "d’") and \
                not self.diminished_noun(tok):
            return True  # « donne peu de garanties » = « ne donne guère de garanties »
        if head.pos_ not in ("ADJ", "ADV", "NOUN") or head.i < tok.i:
            return False
        previous = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
        if previous in ("the", "le", "la", "les", "no", "not"):
            return False  # "the least", « pas moins »: a superlative or a litotes
        # "a little boy": the article before the noun makes "little" a size, not a quantity
        return not (head.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.i < tok.i for c in head.children))

    def diminished_noun(self, tok: Token) -> bool:
        """« peu de garanties », « moins de chômage »: the degree word heads the noun it
        takes away (and is a reverser of it)."""
        return tok.lower_ in self.lex.diminishers and tok.pos_ == "ADV" and any(
            c.pos_ in ("NOUN", "PROPN") and any(g.lower_ in ("de", "d'", "d’")
                                                for g in c.children)
            for c in tok.children)

    def concords(self, det: Token) -> bool:
        """« n'a plus aucun avenir »: the determiner agrees with the negation of its verb
        (French negative concord) and does not negate a second time."""
        if not self.has(det, self.lex.negative_concord):
            return False
        verb = det.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        return any(c.i != det.i and c.dep_ != "det" and c.lower_ not in ("ne", "n'", "n’")
                   and self.is_negator(c) for c in verb.children)

    @staticmethod
    def heads_object(tok: Token) -> bool:
        """An English preposition heading its object ("without a deal"), unlike the French
        ones, which hang on their noun as ``case``."""
        return tok.pos_ in ("ADP", "SCONJ") and any(c.dep_ in ("pobj", "pcomp")
                                                     for c in tok.children)

    def negated_by_preposition(self, tok: Token) -> bool:
        """The object of a negating preposition: "a deal" in "without a deal"."""
        head = tok.head
        return (tok.dep_ in ("pobj", "pcomp") and head.i != tok.i and head.pos_ in ("ADP", "SCONJ")
                and self.has(head, self.lex.negators))

    def is_condition(self, tok: Token) -> bool:
        """A necessary condition hung on a predicate: "without Y", "short of Y", "unless S",
        « sans Y »."""
        if not self.lex.conditions and not self.lex.condition_pairs:
            return False
        if self.has(tok, self.lex.conditions) and self.heads_object(tok):
            return True
        if any(g.dep_ in ("case", "mark") and self.has(g, self.lex.conditions)
               for g in tok.children):
            return True
        return self.pair_attitude(tok, self.lex.condition_pairs)

    def pair_attitude(self, tok: Token, pairs: frozenset[tuple[str, str]]) -> bool:
        """ "croire en", "call for", "remettre en cause": a head and one of its dependents."""
        if not pairs:
            return False
        lemma = tok.lemma_.lower()
        for child in tok.children:
            words = [child.lower_, child.lemma_.lower()]
            words += [g.lower_ for g in child.children if g.dep_ in ("case", "fixed", "mark")]
            words += [_CONTRACTED[w] for w in words if w in _CONTRACTED]  # « du » is « de le »
            if any((lemma, w) in pairs for w in words):
                return True
        return False

    def deontic_noun(self, tok: Token) -> Token | None:
        """The infinitive of "it is time to X", « il est (grand) temps de X »: a predicate noun
        of obligation with an infinitive complement; X is what the speaker wants done."""
        if not self.lex.deontic_nouns or tok.pos_ != "NOUN" or not self.has(
                tok, self.lex.deontic_nouns):
            return None
        copular = any(c.dep_ == "cop" for c in tok.children) or (
            tok.dep_ == "attr" and tok.head.lemma_.lower() in _BE)
        if not copular:
            return None
        for child in tok.children:
            if child.pos_ in ("VERB", "AUX") and child.i > tok.i and any(
                    g.dep_ in ("mark", "aux", "case") and g.lower_ in ("de", "d'", "d’", "to")
                    for g in child.children):
                return child
        return None

    @staticmethod
    def copular_subject(tok: Token) -> Token | None:
        """The nominal subject a predicate noun or adjective is said of: "X" of « X est un
        échec », "X is a threat", "X is essential"."""
        holder = None
        if any(c.dep_ == "cop" for c in tok.children):
            holder = tok
        elif tok.dep_ in ("attr", "acomp") and tok.head.lemma_.lower() in _BE:
            holder = tok.head
        if holder is None:
            return None
        for child in holder.children:
            if child.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and (
                    child.pos_ in ("NOUN", "PROPN")
                    or any(g.dep_ == "det" for g in child.children)):  # « le traité » as a verb
                return child
        return None

    def word_class(self, tok: Token) -> str | None:
        alone = tok.dep_ == "ROOT" and tok.is_alpha and all(c.is_punct for c in tok.children)
        if tok.pos_ in ("PUNCT", "DET", "PRON", "NUM", "SYM", "CCONJ", "SCONJ", "PROPN") and (
                not alone or tok.pos_ == "PUNCT"):
            return None  # but a word standing as a sentence of its own, whatever its tag
        if tok.pos_ == "ADP":
            # Only the prepositions that are themselves operators ("contre", "against").
            return "reverser" if self.has(tok, self.lex.reversers) else None
        if (tok.text[:1].isupper() and not tok.is_upper and not tok.is_sent_start
                and tok.i > 0 and not tok.doc[tok.i - 1].is_punct):
            return None  # a word of a name or title: "ministre de la Santé"
        if tok.lemma_.lower() == "devoir" and set(tok.morph.get("Tense")) & {"Imp", "Past"}:
            return None  # « il devait ramener », « a dû partir »: a plan or a past necessity
        if self.listed(tok, self.lex.against_attitudes) or self.pair_attitude(
            tok, self.lex.against_attitude_pairs
        ):
            return "against"
        if self.listed(tok, self.lex.favor_attitudes) or self.pair_attitude(
            tok, self.lex.favor_attitude_pairs
        ):
            return "favor"
        if self.deontic_noun(tok) is not None:
            return "favor"
        if self.listed(tok, self.lex.privatives):
            return "privative"
        if tok.lower_ in self.lex.diminishers and _some_not_few(tok):
            return None  # « un peu de succès », « au moins », "a little": some, not few
        if self.listed(tok, self.lex.reversers) or self.pair_attitude(tok,
                                                                      self.lex.opposer_pairs):
            return "reverser"
        if tok.dep_ == "amod" and self.has(tok, self.lex.intensifiers):
            return None  # "great suspicion", « vive inquiétude »: how much, not how good
        if self.listed(tok, self.lex.negative):
            return "negative"
        if self.listed(tok, self.lex.positive):
            return "positive"
        return None

    def listed(self, tok: Token, words: frozenset[str]) -> bool:
        """Whether `tok` is one of `words` with a part of speech its entry allows
        (``plan/VERB``: "we plan to", not "the plan")."""
        for key in self.keys(tok):
            if key in words:
                allowed = self.lex.pos_only.get(key)
                return allowed is None or tok.pos_ in allowed
        return False

    # composition ------------------------------------------------------------------------------

    def value(self, tok: Token) -> _Value:
        if tok.i in self.memo:
            return self.memo[tok.i]
        self.memo[tok.i] = _Value()  # guards against cycles in a broken parse
        result = self._compute(tok)
        self.memo[tok.i] = result
        return result

    def _children(self, tok: Token) -> list[Token]:
        return [c for c in tok.children if c.i in self.inside]

    def _compute(self, tok: Token) -> _Value:
        children = self._children(tok)
        own = self.word_class(tok)
        negated = any(self.is_negator(c) for c in children) or self.negated_by_preposition(tok)
        # "cannot be solved without Y", « on ne peut pas X sans Y »: Y is necessary. The
        # condition may hang on the negated verb or on its infinitive complement.
        conditions = [c for c in children if self.is_condition(c)] if negated else []
        if negated and not conditions:
            conditions = [g for c in children if c.dep_ == "xcomp"
                          for g in self._children(c) if self.is_condition(g)]
        # "contre X", "sans X" in French mark their noun; in English the preposition heads it.
        case_reverser = any(c.dep_ in ("case", "mark") and self.has(c, self.lex.reversers)
                            and c.pos_ == "ADP" for c in children)
        # "avance trop lentement", "moving far too slowly": the excess may sit on the manner
        # adverb; it still says the doing itself goes wrong.
        excessive = any(self.has(c, self.lex.excess) and c.dep_ in ("advmod", "amod")
                        for c in children) or any(
            c.dep_ == "advmod" and c.pos_ == "ADV" and any(
                self.has(g, self.lex.excess) and g.dep_ == "advmod" for g in self._children(c))
            for c in children)
        hedged = any(self.has(c, self.lex.hedges) and c.dep_ in ("advmod", "aux", "aux:tense")
                     for c in children) or self.has(tok, self.lex.hedges)
        if hedged:
            self.hedged = True
        modal_favor = [c for c in children if c.dep_ in ("aux", "advmod")
                       and self.has(c, self.lex.favor_attitudes)]

        complements: list[Token] = []
        subjects: list[Token] = []
        adjuncts: list[Token] = []
        conjuncts: list[tuple[Token, bool]] = []
        light_object: Token | None = None
        for child in children:
            if self.is_negator(child) or child.dep_ in _SKIP_DEPS or child in conditions:
                continue
            if self.has(child, self.lex.excess) or (
                self.has(child, self.lex.hedges) and child.dep_ == "advmod"
            ) or child in modal_favor:
                continue
            if child.dep_ == "conj":
                # The contrastive conjunction hangs on either conjunct, depending on the scheme.
                contrastive = any(
                    g.dep_ == "cc" and self.has(g, self.lex.contrast)
                    and (g.head.i == child.i or tok.i < g.i < child.i)
                    for g in (*child.children, *tok.children)
                )
                conjuncts.append((child, contrastive))
            elif child.dep_ in _SUBJECT_DEPS:
                subjects.append(child)
            elif child.dep_ == "prep" and child.lower_ == "as":
                complements.append(child)  # "classified as carcinogenic": a predicate of X
            elif child.dep_ in _ADJUNCT_DEPS and tok.pos_ in ("VERB", "AUX") or (
                    child.dep_ in _RELATIVE_DEPS):
                # A relative clause describes its noun; what it evaluates is not the noun's
                # evaluation ("rude to colleagues who had respected him").
                adjuncts.append(child)
            else:
                complements.append(child)
            if (own is None and tok.lemma_.lower() in self.lex.light_verbs
                    and child.dep_ in ("obj", "dobj")
                    and self.word_class(child) in ("reverser", "privative")):
                light_object = child

        if own in ("favor", "against") and adjuncts:
            # "speak against X", "argue for X": the particle of the pair introduces what the
            # attitude judges, not a circumstance.
            pairs = (self.lex.against_attitude_pairs if own == "against"
                     else self.lex.favor_attitude_pairs)
            lemma = tok.lemma_.lower()
            for child in list(adjuncts):
                words = [child.lower_, *(g.lower_ for g in child.children
                                         if g.dep_ in ("case", "fixed", "mark"))]
                if any((lemma, w) in pairs for w in words):
                    adjuncts.remove(child)
                    complements.append(child)

        if own == "reverser" and any(
            g.dep_ in ("case", "mark") and g.pos_ == "ADP" and self.has(g, self.lex.reversers)
            for c in complements for g in c.children
        ):
            own = None  # "lutter contre X": the preposition already turns X
        if own == "favor" and self._reported(tok, subjects):
            own = None  # "elles veulent que ...": someone else's wish, not the speaker's

        if light_object is not None:
            # "mettre fin à X": the object noun is the operator over the verb's complements.
            own = self.word_class(light_object)
            complements = [c for c in complements if c is not light_object]
            complements += [c for c in self._children(light_object)
                            if c.dep_ not in _SKIP_DEPS and not self.is_negator(c)]

        comp_values = [self.value(c) for c in complements]
        subj_values = [self.value(c) for c in subjects]
        adj_values = [self.value(c) for c in adjuncts]
        comp = sum(v.score for v in comp_values)
        subj = sum(v.score for v in subj_values)
        if own is not None or comp or excessive:
            subj *= ADJUNCT_FACTOR  # the predicate dominates what it says of its subject
        adj = sum(v.score for v in adj_values) * ADJUNCT_FACTOR
        evidence = any(v.evidence for v in (*comp_values, *subj_values, *adj_values))
        derived_negative = any(v.derived and v.score < 0 for v in comp_values)

        score, derived = 0.0, False
        done_to_subject = False  # « X doit être interdit »: what must be done is done to X
        if own in ("favor", "against"):
            for complement in complements:
                self.replaced.update(t.i for t in complement.subtree if t.i in self.inside)
            if complements:
                self.focus.append(min(complements, key=lambda c: c.i))  # what is judged
            passive = [c for c in complements if c.dep_ in ("xcomp", "ccomp") and (
                c.lemma_.lower() in _BE or any(
                    g.dep_ in ("aux:pass", "auxpass", "cop") for g in c.children))]
            if own == "favor" and tok.lemma_.lower() in _DEONTIC and passive:
                # « X doit être adopté », "X needs to be protected": X is what must be done to.
                nominal = [s for s in subjects if s.pos_ in ("NOUN", "PROPN")]
                if nominal:
                    self.focus.append(nominal[0])
                    done_to_subject = True
                    if self.word_class(passive[0]) == "reverser":
                        # « la guerre doit être arrêtée »: for ending the war, against the
                        # war; « ce pesticide doit être interdit »: against the pesticide.
                        ended = self._ended_subject(passive[0], nominal, subj_values)
                        comp = 1.0 if ended < 0 else -1.0
                        subj_values, subj = [], 0.0
        wanted = self.deontic_noun(tok) if own == "favor" else None
        if wanted is not None:
            self.replaced.update(t.i for t in wanted.subtree if t.i in self.inside)
            self.focus.append(wanted)  # "it is time to X": X
        if (own is not None and own != "reverser" and light_object is None
                and not (own in ("favor", "against") and complements)):
            # « X est un échec », "X is a threat", "X is essential": the predicate judges X
            # ("X is willing to Y" is X's own attitude toward Y).
            judged = self.copular_subject(tok)
            if judged is not None and judged.i in self.inside:
                self.focus.append(judged)
        aware = own == "favor" and comp and any(
            c.dep_ in ("xcomp", "ccomp") and self.has(c, self.lex.transparent)
            and (c.lemma_.lower() not in ("avoir", "have", "keep", "bear", "garder")
                 or any(g.lemma_.lower() in ("esprit", "mind") for g in c.subtree))
            for c in complements)
        if aware:
            # « il faut avoir à l'esprit que X est dévastateur », "we must remember that X":
            # the need is to know; the stance is the known clause's
            score = comp + adj
            self.trace.append(("awareness", comp))
            evidence = True
        elif own == "favor":
            # Wanting something negated or failed is against it; so is wanting a harm or a
            # negative verdict done to the subject (« X doit être interdit », « … classé comme
            # cancérigène »).
            sign = -1.0 if comp < 0 and (derived_negative or done_to_subject) else 1.0
            score = sign + adj
            self.trace.append(("attitude-favor", sign))
            evidence = True
        elif own == "against":
            score = -1.0 + adj
            self.trace.append(("attitude-against", -1.0))
            evidence = True
        elif own == "reverser" and any(c.dep_ in ("aux:pass", "auxpass") for c in children) \
                and any(t.pos_ in ("NOUN", "PROPN") for t in subjects) and not comp:
            # "this pesticide should be banned", « la guerre doit être arrêtée »: the passive
            # subject is what is ended; a thing the lexicon does not judge is opposed.
            nominal = [t for t in subjects if t.pos_ in ("NOUN", "PROPN")]
            ended = self._ended_subject(tok, nominal, subj_values)
            if ended:
                self.focus.extend(nominal)
            score = -ended if ended else -1.0
            derived = ended > 0
            subj = 0.0
            self.trace.append(("reverser", score))
            evidence = True
            score += adj
        elif own in ("reverser", "privative"):
            if comp and own == "reverser" and self.diminished_noun(tok):
                # « moins de morts »: a negation of the noun, as "fewer deaths" is
                score, derived = -comp, comp > 0
                self.trace.append(("negation", -2 * comp))
                self.negated.update(t.i for c in complements for t in c.subtree
                                    if t.i in self.inside)
                evidence = True
            elif comp:
                score, derived = -comp, comp > 0
                self.trace.append(("reverser", -comp))
                evidence = True
            elif own == "privative":
                score, derived = -1.0, True
                self.trace.append(("privative", -1.0))
                evidence = True
            elif complements and ((tok.pos_ == "ADP" and tok.head.lemma_.lower() in _BE) or (
                    self.has(tok, self.lex.opposers) and any(
                        c.dep_ in ("obj", "dobj") for c in complements)) or
                    self.pair_attitude(tok, self.lex.opposer_pairs)):
                # "I am against the new law", "we will fight this decision": against what
                # the preposition or the verb of opposition takes, whatever it is worth
                # derived: wanting the fight is being against what is fought
                score, derived, evidence = -1.0, True, True
                self.trace.append(("opposition", -1.0))
                self.focus.extend(c for c in complements
                                  if c.dep_ in ("pobj", "obj", "dobj", "obl:arg", "obl"))
            elif tok.pos_ == "VERB" and any(c.dep_ in ("obj", "dobj", "obl:arg")
                                            for c in complements):
                # "appalled that they are lifting sanctions", "urged them to ban the fees": the
                # stance is about the action, not about the neutral thing it ends.
                self.actions.add(tok.i)
                if self._main_predicate(tok):
                    self.focus.append(tok)
            score += adj
        elif own in ("positive", "negative"):
            sign = 1.0 if own == "positive" else -1.0
            failed = [v for v in (*comp_values, *subj_values) if v.derived and v.score < 0]
            harmed = [v for c, v in zip(complements, comp_values, strict=True)
                      if c.dep_ in ("obj", "dobj") and v.score and not v.derived]
            if sign < 0 and failed:
                # A negative evaluation of a failed or negated state favours that state.
                score = 1.0 + sum(-v.score for v in failed)
                self.trace.append(("regret-of-failure", score))
            elif sign < 0 and tok.pos_ == "VERB" and harmed:
                # A harm done to a good thing is worse, to a bad thing good: "it undermines
                # democratic values" → against, "it weakens the militias" → favour (the
                # malefactive events of Deng & Wiebe).
                value = sum(v.score for v in harmed)
                score = (-1.0 - value if value > 0 else 1.0 - value) + adj
                self.trace.append(("harm-to-" + ("good" if value > 0 else "bad"), score))
                # The stance is toward the one doing the harm; a topic harmed takes the
                # opposite side (an action on it, as for "lifting sanctions").
                self.actions.add(tok.i)
                doers = [t for t in subjects if t.pos_ in ("NOUN", "PROPN")]
                if doers:
                    self.focus.append(doers[0])
                else:
                    objects = [c for c in complements if c.dep_ in ("obj", "dobj")]
                    self.patients.update(t.i for t in objects)
                    self.focus.extend(objects)
            else:
                # Degree modifiers strengthen the evaluation they modify ("greatest frustration",
                # "grave erreur") rather than adding their own.
                degree = [v for c, v in zip(complements, comp_values, strict=True)
                          if c.dep_ in ("amod", "advmod") and v.score and not v.derived]
                # What the evaluation is of or for weighs less than the evaluation itself:
                # "a threat to democracy" is a negative judgement, not a neutral one.
                rest = (comp - sum(v.score for v in degree)) * ADJUNCT_FACTOR
                score = sign * (1.0 + 0.5 * len(degree)) + rest + adj
                self.trace.append(("evaluative-" + own, sign))
            evidence = True
        elif subj and not own and self._declining(tok, complements, comp_values):
            # "unemployment keeps falling" is good news, "wages fell" bad: the subject's own
            # value, lessened (the decrease events of the +/-effect literature).
            score, derived, evidence = -subj + adj, subj > 0, True
            self.trace.append(("decline-of-" + ("good" if subj > 0 else "bad"), -subj))
            self.focus.extend(t for t in subjects if t.pos_ in ("NOUN", "PROPN"))
            subj = 0.0
        else:
            score = comp + adj
            # A neutral head passes on why its complement is negative: "tirer un constat
            # d'échec" is negative because something failed.
            derived = derived_negative and comp < 0
            if tok.lemma_.lower() in _BE:
                score = self._copula(tok, comp_values, subj_values, score + subj) - subj

        if case_reverser:
            if score:
                self.trace.append(("reverser", -2 * score))
                score, derived = -score, score > 0
            else:
                score, derived = -1.0, True
                self.trace.append(("reverser", -1.0))
            evidence = True
        if conditions:
            # Not X without Y: the speaker holds Y necessary, whatever X is worth.
            for condition in conditions:
                self.replaced.update(t.i for t in condition.subtree if t.i in self.inside)
            score, derived, evidence = 1.0 + adj, False, True
            subj = 0.0  # "these concerns cannot be met without Y" is about Y, not the concerns
            self.trace.append(("necessary-condition", 1.0))
            self.focus.extend(conditions)
        elif negated:
            if score:
                self.trace.append(("negation", -2 * score))
                subject_ids = {t.i for s in subjects for t in s.subtree}
                self.negated.update(t.i for t in tok.subtree
                                    if t.i in self.inside and t.i not in subject_ids)
                derived = score > 0
                score = -score
            else:
                score, derived = -DENIAL_WEIGHT, True
                self.trace.append(("denial-negation", -DENIAL_WEIGHT))
                if tok.pos_ == "VERB" and any(c.dep_ in ("obj", "dobj") for c in complements) \
                        and self._main_predicate(tok):
                    # "would not provide the names": against the act, not its subject
                    self.actions.add(tok.i)
                    self.focus.append(tok)
            evidence = True
        if modal_favor and score and self.has(tok, self.lex.transparent) and (
                tok.lemma_.lower() not in ("keep", "bear")
                or any(g.lemma_.lower() == "mind" for g in tok.subtree)):
            # "we must remember that this war is a disaster": the need is to know; the stance
            # is the known clause's
            self.trace.append(("awareness", score))
            evidence = True
        elif modal_favor:
            # "X should be banned", "X should be classified as carcinogenic": the modal wants
            # the passive or copular verdict on X, whatever its sign.
            verdict = any(c.dep_ in ("aux:pass", "auxpass", "cop") for c in children) and any(
                s.pos_ in ("NOUN", "PROPN") for s in subjects) and (own is not None or comp < 0)
            sign = -1.0 if score < 0 and (derived or verdict) else 1.0
            self.trace.append(("modal-favor", sign))
            score, derived, evidence = sign, False, True
        if excessive:
            score, derived, evidence = -max(1.0, abs(score)), False, True
            self.trace.append(("excess", score))
        # Negation scopes over the predicate, not its subject ("the demand had not changed").
        score += subj
        derived = derived or any(v.derived and v.score < 0 for v in subj_values)

        for conj, contrastive in conjuncts:
            value = self.value(conj)
            if contrastive and value.evidence:
                score = score / CONTRAST_FACTOR + value.score * CONTRAST_FACTOR
            else:
                score += value.score
            derived = derived or (value.derived and value.score < 0)
            evidence = evidence or value.evidence
        if hedged:
            score *= HEDGE_FACTOR  # "could help and hurt": the hedge covers both conjuncts
        return _Value(score=score, derived=derived and score < 0, evidence=evidence)

    def _declining(self, tok: Token, complements: list[Token], values: list[_Value]) -> bool:
        """`tok` says its subject decreases: a verb of decline ("fall", « baisser »), or a
        verb of aspect or future whose infinitive is one ("keeps falling", « va baisser »),
        with nothing else evaluated."""
        if any(v.score for v in values):
            return False
        if self.listed(tok, self.lex.declines):
            return not any(c.dep_ in ("obj", "dobj") for c in complements)
        return any(c.dep_ == "xcomp" and self.listed(c, self.lex.declines) and not any(
            g.dep_ in _SUBJECT_DEPS for g in c.children) for c in complements)

    def _ended_subject(self, verb: Token, subjects: list[Token], values: list[_Value]) -> float:
        """The value of the passive subjects that `verb` (a reverser) ends. When the lexicon
        judges them ("the war must be ended"), a stance for the ending is against them: the
        verb is an action and they are its patients."""
        value = sum(v.score for v in values)
        if value:
            self.actions.add(verb.i)
            self.patients.update(t.i for t in subjects)
        return value

    def _main_predicate(self, tok: Token) -> bool:
        """`tok` is the quotation's main predicate or the clause it judges, not a verb of a
        relative clause or an adjunct ("le cortisol, qui retire les sucs")."""
        node = tok
        while node.head.i != node.i and node.head.i in self.inside:
            if node.dep_ not in ("xcomp", "ccomp", "acomp", "conj", "csubj"):
                return False
            node = node.head
        return True

    def _copula(self, tok: Token, comps: list[_Value], subjs: list[_Value], score: float) -> float:
        """English copulas head their predicate: "failing to X is frustrating"."""
        values = [*comps, *subjs]
        failed = [v for v in values if v.derived and v.score < 0]
        judged = [v for v in values if v.score < 0 and not v.derived]
        if failed and judged:
            favour = 1.0 + sum(-v.score for v in failed)
            self.trace.append(("regret-of-failure", favour))
            return favour
        return score

    def _reported(self, tok: Token, subjects: list[Token]) -> bool:
        """In a direct quotation, "they want" reports someone else's wish, not the speaker's."""
        if not self.direct or tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() in _DEONTIC:
            return False
        for subject in subjects:
            if subject.lower_ in _FIRST_PERSON or subject.dep_.startswith("expl"):
                return False
            return True
        return False


def content_polarity(doc: Doc, quote: Quote, lexicon: StanceLexicon) -> PolarityResult:
    """The signed polarity of a quotation (content and cue), and the rule that decided it."""
    inside = {t.i for t in tokens_within(doc, quote.content_start, quote.content_end)}
    inside -= _contrasted_phrases(doc, inside)
    composer = _Composer(lexicon, inside, direct=quote.kind == "direct")
    roots = [doc[i] for i in sorted(inside)
             if doc[i].head.i not in inside or doc[i].head.i == i]
    total = 0.0
    evidence = False
    for root in roots:
        value = composer.value(root)
        weight = CONTRAST_FACTOR if _opens_with_contrast(root, inside, lexicon, composer) else 1.0
        total += value.score * weight
        evidence = evidence or value.evidence
    if evidence and abs(total) < 1e-9:
        decided = [value for rule, value in composer.trace
                   if rule in ("attitude-against", "attitude-favor") and value]
        if len(decided) >= 2 and decided[0] * decided[1] < 0:
            # "Russia has condemned the coup and considers it imperative that …": two clauses
            # pulling both ways; the first names what the statement is about
            total = decided[0] * TIE_BREAK_FACTOR
    content_total = total
    content_evidence = evidence
    content_derived = any(composer.value(r).derived for r in roots) and content_total < 0

    cue_sign, cue_rule = cue_stance(doc, quote, lexicon, composer)
    cue_wants = cue_sign > 0
    if cue_sign:
        if (cue_sign > 0 and (quote.cue_class or "").lower() == "promise"
                and any(_is_harm(root, composer) for root in roots)):
            # A promise to harm is a threat (CAMEO 13): "vowed to crush the rebels", « a juré
            # d'être impitoyable ».
            cue_sign, cue_rule = -1.0, "promise-of-harm"
        elif cue_sign < 0 and (quote.cue_class or "").lower() == "warning" and \
                content_total > 0 and roots and (
                    composer.word_class(roots[0]) == "favor" or any(
                        c.dep_ in ("aux", "advmod") and composer.word_class(c) == "favor"
                        for c in roots[0].children)):
            # A warning that something is needed presses for it: « a averti qu'il nous faut
            # poursuivre nos efforts », "warned that we must act now".
            cue_sign, cue_rule = 1.0, "warning-of-need"
        elif cue_sign > 0 and content_total < 0 and (content_derived or any(
                rule == "attitude-against" for rule, _ in composer.trace)):
            # A favourable cue wants what the content says, so it takes the content's side
            # when the content is a refusal: "a promis de ne pas", "vowed not to", « a demandé
            # d'interdire ce produit ». A merely negative word inside what is wanted does not
            # turn it ("appealed to fund the war effort").
            cue_sign = -cue_sign
        composer.trace.append((cue_rule, cue_sign * CUE_WEIGHT))
        total += cue_sign * CUE_WEIGHT
        evidence = True
    method = _dominant_rule(composer.trace, total)
    return PolarityResult(score=total, method=method, evidence=evidence,
                          hedged=composer.hedged and not cue_sign, composer=composer,
                          balanced_cue=not cue_sign and _balanced_cue(doc, quote, lexicon),
                          cue_sign=cue_sign, content_evidence=content_evidence,
                          cue_wants=cue_wants)


_CONTRAST_WORDS = frozenset({"contrairement", "unlike"})


def _contrasted_phrases(doc: Doc, inside: set[int]) -> set[int]:
    """Tokens of a phrase the speaker sets against their subject (« contrairement à
    l'opposition, qui se perd en débats inutiles », "unlike his rivals, who …"): what it says
    is about someone else, not about what the quotation takes a stance on."""
    out: set[int] = set()
    for i in inside:
        token = doc[i]
        if token.lower_ not in _CONTRAST_WORDS:
            continue
        out |= {t.i for t in token.subtree}
        if token.dep_ in ("case", "advmod", "mark") and token.head.pos_ in ("NOUN", "PROPN",
                                                                             "PRON"):
            out |= {t.i for t in token.head.subtree}
        # the relative clause after the contrasted noun, wherever the parser hung it
        k = max(out) + 1 if out else token.i + 1
        while k < len(doc) and doc[k].is_punct:
            k += 1
        if k < len(doc) and doc[k].lower_ in ("qui", "who", "which") and \
                doc[k].head.i != doc[k].i:
            out |= {t.i for t in doc[k].head.subtree if t.i >= k}
    return out & inside


def _cue_default_sign(polarity: PolarityResult) -> float:
    """The direction a quotation's cue gives by itself: the sign of its class or of its
    reporting verb (insisting is pressing for something: "insisted", « a martelé »; stressing
    or underlining a fact is not); 0 for a plain statement."""
    if polarity.cue_sign:
        return 1.0 if polarity.cue_sign > 0 else -1.0
    return 0.0


def _is_harm(root: Token, composer: _Composer) -> bool:
    """Whether a content's predicate is, unnegated, a harm or a harsh quality: "crush the
    rebels", "would be merciless", « punir les coupables »."""
    predicate = root
    if root.lemma_.lower() in _BE:
        attributes = [c for c in root.children if c.dep_ in ("attr", "acomp")]
        if not attributes:
            return False
        predicate = attributes[0]
    if any(composer.is_negator(c) for c in (*root.children, *predicate.children)):
        return False
    if composer.word_class(predicate) != "negative":
        return False
    # A harm to a bad thing is no threat: "vowed to crush corruption".
    return not any(composer.value(c).score < 0 for c in predicate.children
                   if c.dep_ in ("obj", "dobj") and c.i in composer.inside)


def _balanced_cue(doc: Doc, quote: Quote, lexicon: StanceLexicon) -> bool:
    """A reporting verb that qualifies what it reports: « a nuancé », "tempered"."""
    if not lexicon.cue_neutral:
        return False
    composer = _Composer(lexicon, set(), direct=False)
    return any(composer.has(t, lexicon.cue_neutral)
               for t in tokens_within(doc, quote.cue_start, quote.cue_end))


def _opens_with_contrast(root: Token, inside: set[int], lexicon: StanceLexicon,
                         composer: _Composer) -> bool:
    first = min((t for t in root.subtree if t.i in inside), key=lambda t: t.i, default=None)
    return first is not None and composer.has(first, lexicon.contrast)


def cue_stance(doc: Doc, quote: Quote, lexicon: StanceLexicon,
               composer: _Composer | None = None) -> tuple[float, str]:
    """The stance the reporting cue itself takes: +1, -1, +0.5 or 0, and the rule's name."""
    cue_class = (quote.cue_class or "").lower()
    sign, rule = 0.0, ""
    if cue_class in AGAINST_CUE_CLASSES:
        sign, rule = -1.0, f"cue-class:{cue_class}"
    elif cue_class in FAVOR_CUE_CLASSES:
        sign, rule = 1.0, f"cue-class:{cue_class}"
    elif cue_class == "question" and _infinitive_content(doc, quote):
        # "asked to represent himself", « a demandé à être entendu »: a request, not a question
        sign, rule = 1.0, "cue-class:request"
    tokens = (tokens_within(doc, quote.cue_start, quote.cue_end)
              if quote.cue_start is not None and quote.cue_end is not None else [])
    composer = composer or _Composer(lexicon, set(), direct=False)
    if not sign:
        for tok in tokens:
            particles = [c.lower_ for c in tok.children if c.dep_ in ("prt", "compound:prt",
                                                                      "advmod", "prep")]
            if any((tok.lemma_.lower(), p) in lexicon.cue_pairs for p in particles):
                sign = float(next(lexicon.cue_pairs[(tok.lemma_.lower(), p)] for p in particles
                                  if (tok.lemma_.lower(), p) in lexicon.cue_pairs))
                rule = "cue-verb"
                break
            if composer.has(tok, lexicon.cue_against):
                sign, rule = -1.0, "cue-verb"
                break
            if composer.has(tok, lexicon.cue_favor):
                sign, rule = 1.0, "cue-verb"
                break
            if composer.has(tok, lexicon.cue_weak_favor):
                sign, rule = 0.5, "cue-verb"
    if sign and any(composer.is_negator(t) or any(composer.is_negator(c) for c in t.children)
                    for t in tokens):
        sign, rule = -sign / 2, "negated-cue"  # "n'a pas exclu", "did not rule out"
    return sign, rule


_OPENING_MARKS = frozenset({"“", "«", "„", '"'})
_CLOSING_MARKS = frozenset({"”", "»", "“", '"'})
_MAX_LABEL_TOKENS = 8


def quoted_labels(doc: Doc, quote: Quote, lexicon: StanceLexicon) -> list[tuple[float, Token]]:
    """The speaker's own evaluative labels inside a mixed quotation.

    In reported speech with a quoted fragment, the sentence around the fragment is the
    reporter's and only the fragment is the speaker's wording. A short quoted noun phrase is
    the name the speaker chose for something ("an operation against \"criminals\"", « un
    objectif irréaliste »): its own evaluation is the speaker's stance toward what it names,
    whatever the reporter's sentence makes of it. Returns (signed value, head noun) pairs."""
    if quote.kind != "mixed":
        return []
    tokens = tokens_within(doc, quote.content_start, quote.content_end)
    labels: list[tuple[float, Token]] = []
    opening: int | None = None
    for position, tok in enumerate(tokens):
        if opening is None:
            if tok.text in _OPENING_MARKS:
                opening = position
            continue
        if tok.text not in _CLOSING_MARKS:
            continue
        fragment = [t for t in tokens[opening + 1 : position] if not t.is_punct]
        opening = None
        if not 0 < len(fragment) <= _MAX_LABEL_TOKENS:
            continue
        ids = {t.i for t in fragment}
        roots = [t for t in fragment if t.head.i not in ids or t.head.i == t.i]
        if len(roots) != 1 or roots[0].pos_ not in ("NOUN", "PROPN"):
            continue
        value = _Composer(lexicon, ids, direct=False).value(roots[0])
        if value.score:
            labels.append((value.score, roots[0]))
    return labels


_SPEAKER_PRONOUNS = {
    "direct": frozenset({"je", "j'", "j’", "nous", "on", "i", "we"}),
    "other": frozenset({"je", "j'", "j’", "nous", "on", "il", "elle", "ils", "elles", "i", "we",
                        "he", "she", "they"}),
}


def removal_target(doc: Doc, quote: Quote, lexicon: StanceLexicon,
                   polarity: PolarityResult) -> tuple[Token, Token] | None:
    """The person whose removal from office the speaker wants, and the removal word; or None.

    Calling for someone's resignation, seeking their replacement, wanting them ousted is a
    stance against them staying: « demander au ministre de démissionner », « il lui cherche un
    remplaçant », "called for the minister's resignation". The removal must be wanted: under
    a favourable attitude or cue, or done by the speaker; a negated one ("he will not resign")
    is left to the other rules."""
    if not lexicon.removals and not lexicon.removal_pairs:
        return None
    composer = polarity.composer
    if composer is None or polarity.score < 0:
        return None
    tokens = [doc[i] for i in sorted(composer.inside)]
    pronouns = _SPEAKER_PRONOUNS["direct" if quote.kind == "direct" else "other"]
    for word in tokens:
        if not (composer.has(word, lexicon.removals)
                or composer.pair_attitude(word, lexicon.removal_pairs)):
            continue
        if word.pos_ not in ("VERB", "NOUN"):
            continue
        path = [word]
        while path[-1].head.i != path[-1].i and path[-1].head.i in composer.inside:
            path.append(path[-1].head)
        if any(composer.is_negator(c) for node in path for c in node.children):
            continue
        wanted = polarity.cue_sign > 0 or any(
            composer.word_class(node) == "favor" for node in path[1:])
        if not wanted:
            wanted = any(c.dep_ in _SUBJECT_DEPS and c.lower_ in pronouns
                         for node in path if node.pos_ in ("VERB", "AUX")
                         for c in node.children)
        person = _removed_person(word, composer.inside) if wanted else None
        if person is not None:
            return person, word
    return None


def _removed_person(word: Token, inside: set[int]) -> Token | None:
    """Who leaves office: the subject of "resign", the object of "oust", the owner of "his
    resignation", the one « à qui » a replacement is sought."""
    def nominal(children: Iterable[Token], deps: Iterable[str]) -> Token | None:
        deps = frozenset(deps)
        for child in children:
            if child.dep_ in deps and child.i in inside and child.pos_ in ("NOUN", "PROPN",
                                                                           "PRON"):
                return child
            if child.dep_ in ("prep",) and child.i in inside:
                found = nominal(child.children, ("pobj",))
                if found is not None:
                    return found
        return None

    if word.pos_ == "VERB":
        found = nominal(word.children, (*_SUBJECT_DEPS, "obj", "dobj"))
        if found is not None and found.lower_ not in _SPEAKER_PRONOUNS["other"]:
            return found
        head = word.head
        if head.i != word.i and head.pos_ in ("NOUN", "PROPN") and head.i in inside:
            return head  # « au ministre de démissionner » hung on the noun
    found = nominal(word.children, ("poss", "nmod", "nmod:poss", "obl", "obl:arg", "iobj"))
    if found is not None:
        return found
    head = word.head
    while head.i != head.head.i and head.pos_ not in ("VERB", "AUX") and head.i in inside:
        head = head.head
    if head.i in inside:
        return nominal(head.children, ("iobj", "obl:arg", "obl", "dative"))
    return None


# How a participial cue hangs on the verb of its clause: "condemned the attack, saying ...",
# « a dénoncé la réforme, estimant que ... ». A coordinated cue ("condemned the attack and said
# ...") reports a second statement, which need not be about the first one's object.
_FRAME_DEPS = frozenset({"advcl", "acl", "xcomp"})


def _some_not_few(tok: Token) -> bool:
    """ "a little", "a few", « un peu », « au moins », « à moins que »: after these articles
    and prepositions a degree word means some, or is part of a locution, not "few"."""
    before = ("a", "an") if tok.lang_ == "en" else ("un", "au", "à")  # (« il a peu de »)
    return tok.i > 0 and tok.doc[tok.i - 1].lower_ in before


def _participle(tok: Token) -> bool:
    return tok.tag_ == "VBG" or bool({"Part", "Ger"} & set(tok.morph.get("VerbForm")))


def frame_stance(doc: Doc, quote: Quote, lexicon: StanceLexicon) -> tuple[float, Token] | None:
    """The stance of the reporting frame toward its own object: the cue, or the verb its
    participle or conjunct hangs on, is a verb of condemnation, rejection, praise or support
    whose direct object lies outside the quotation ("condemned the attack, saying that ..."
    is against the attack). Returns the sign and the object, or None."""
    cue_tokens = tokens_within(doc, quote.cue_start, quote.cue_end)
    if not cue_tokens:
        return None
    start, end = quote.content_start, quote.content_end

    def outside(tok: Token) -> bool:
        return not (start <= tok.idx < end)

    candidates: list[Token] = []
    for cue in cue_tokens:
        candidates.append(cue)
        head = cue.head
        if cue.dep_ in _FRAME_DEPS and head.i != cue.i and _participle(cue):
            candidates.append(head)
            # A parser may hang both verbs on the subject: "X, condemned the attack, saying".
            candidates.extend(c for c in head.children
                              if c.i < cue.i and c.dep_ in _FRAME_DEPS and c.pos_ == "VERB")
    composer = _Composer(lexicon, set(), direct=False)
    for verb in dict.fromkeys(candidates):
        if verb.pos_ != "VERB" or not outside(verb):
            continue
        if composer.has(verb, lexicon.cue_against) or composer.has(verb,
                                                                  lexicon.against_attitudes):
            sign = -1.0
        elif composer.has(verb, lexicon.cue_favor) or composer.has(verb,
                                                                   lexicon.favor_attitudes):
            sign = 1.0
        else:
            continue
        if any(composer.is_negator(c) for c in verb.children):
            continue
        # « …, s'est inquiétée la maire »: after a quotation, a subject-less verb's noun is its
        # inverted subject (the speaker), which a parser may take for an object.
        inverted = (quote.content_end is not None and quote.content_end <= verb.idx
                    and not any(c.dep_ in _SUBJECT_DEPS and outside(c) for c in verb.children))
        for obj in verb.children:
            if obj.dep_ not in ("obj", "dobj") or obj.pos_ not in ("NOUN", "PROPN"):
                continue
            if inverted and obj.i > verb.i:
                continue
            if verb in cue_tokens and _infinitive_content(doc, quote):
                continue  # "urged the council to ban …": the object is the one addressed
            if all(outside(t) for t in obj.subtree) and not composer.has(
                    obj, lexicon.against_attitudes):
                # A rejected accusation is a denial, not a stance on the accusation.
                return sign, obj
    return None


_FUTURE_AUX = frozenset({"will", "'ll", "shall", "going", "aller"})
_FIRST_PERSON_SUBJECTS = frozenset({"je", "j'", "nous", "i", "we"})
_THIRD_PERSON_SUBJECTS = frozenset({"il", "elle", "he", "she"})


def stated_intention(tokens: Sequence[Token], *, direct: bool) -> Token | None:
    """The verb of what the speaker says they will do: a future with a first-person subject
    ("we will eat", « nous mangerons »), or in reported speech a third-person one that
    stands for the speaker ("he would continue to attend", « il allait continuer »)."""
    inside = {t.i for t in tokens}
    subjects = _FIRST_PERSON_SUBJECTS if direct else _FIRST_PERSON_SUBJECTS | \
        _THIRD_PERSON_SUBJECTS
    for verb in tokens:
        if verb.pos_ != "VERB" or verb.head.i in inside and verb.head.i != verb.i:
            continue  # the main verbs of the quotation only
        heads = [verb, *(a for a in verb.children if a.dep_.startswith("aux"))]
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _FUTURE_AUX:
            heads.append(verb.head)
        future = "Fut" in verb.morph.get("Tense") or any(
            h.lemma_.lower() in _FUTURE_AUX or h.lower_ in _FUTURE_AUX for h in heads[1:])
        if not future and (verb.lemma_.lower() == "aller" or verb.lower_ == "going"):
            governed = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
            if governed:
                future, verb = True, governed[0]
        if not future:
            continue
        holder = verb if any(c.dep_.startswith("nsubj") for c in verb.children) else verb.head
        if any(c.dep_.startswith("nsubj") and c.i in inside
               and c.lower_.replace("’", "'") in subjects for c in holder.children):
            return verb
    return None


def _infinitive_content(doc: Doc, quote: Quote) -> bool:
    """The quotation is an infinitive complement ("to ban the fees", « à rester », « de
    partir »), so the cue's object is the person told to do it."""
    tokens = tokens_within(doc, quote.content_start, quote.content_end)
    return bool(tokens) and tokens[0].lower_.replace("’", "'") in ("to", "à", "de", "d'")


def _dominant_rule(trace: list[tuple[str, float]], total: float) -> str:
    if not trace:
        return "none"
    agreeing = [(rule, amount) for rule, amount in trace if amount * total > 0] or trace
    # Outer rules are traced after the inner ones they judge: on a tie, the outer one decided.
    return max(reversed(agreeing), key=lambda item: abs(item[1]))[0]


def tokens_within(doc: Doc, start: int | None, end: int | None) -> list[Token]:
    """The non-space tokens inside a character span (none for a missing or unaligned span)."""
    if start is None or end is None or end <= start:
        return []
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return []
    return [t for t in span if not t.is_space]


# --------------------------------------------------------------------------------------------
# Targets


_WORD = re.compile(r"\w+")


def topic_targets(text: str, lang: str, topics: Sequence[Topic]) -> list[tuple[str, int, int]]:
    """Labels of the topics the text is about, with (specificity, position), main first."""
    return [(label, specificity, start)
            for label, specificity, start, _end in _topic_matches(fold(text).split(), lang,
                                                                   topics)]


def _topic_matches(words: Sequence[str], lang: str,
                   topics: Sequence[Topic]) -> list[tuple[str, int, int, int]]:
    found = []
    vocabulary = frozenset(words)
    for topic in topics:
        match = topic.matches(words, lang, vocabulary)
        if match is not None:
            found.append((topic.label, *match))
    # The topic named first is what the quotation is about (its theme); a longer phrase wins
    # a tie.
    found.sort(key=lambda item: (item[2], -item[1]))
    return found


_NOMINAL_LINKS = frozenset({"nmod", "pobj", "compound", "flat", "flat:name", "fixed", "conj",
                            "appos", "amod"})


def _denied_evil(tokens: Sequence[Token], label: str, method: str,
                 composer: _Composer | None) -> bool:
    """The favour came from denying a bad thing and the target is that very thing: « il n'y
    a pas eu de fraude », "no link with terrorism". The speaker rejects it (that it exists,
    that it applies), they are not for it: sentiment would say favour, stance says against."""
    return (label == "favor" and method == "negation" and composer is not None
            and any(t.i in composer.negated and composer.word_class(t) == "negative"
                    for t in tokens))


def _opposed_by_preposition(tokens: Sequence[Token], composer: _Composer) -> bool:
    """Whether a topic's words are the object of an opposing preposition ("against", « contre »),
    directly or as a noun complement of that object (« contre la réforme des retraites »)."""
    for tok in tokens:
        node = tok
        for _step in range(4):
            if any(c.dep_ in ("case", "mark") and c.pos_ == "ADP"
                   and composer.has(c, composer.lex.reversers) for c in node.children):
                return True  # French and UD: the preposition hangs on its noun
            head = node.head
            if head.i == node.i or head.i not in composer.inside:
                break
            if node.dep_ == "pobj" and head.pos_ == "ADP":
                if composer.has(head, composer.lex.reversers):
                    return True  # English: the preposition heads its noun
                break
            if node.dep_ not in _NOMINAL_LINKS or head.pos_ not in ("NOUN", "PROPN", "ADP"):
                break
            node = head
    return False


def _acting_on(tokens: Sequence[Token], composer: _Composer | None) -> Token | None:
    """The verb of an action (``composer.actions``: ending, lifting, banning a thing the
    lexicon does not evaluate) whose object holds the topic's words, if any."""
    if composer is None or not composer.actions or not tokens:
        return None
    for tok in tokens:
        node = tok
        while node.head.i != node.i:
            if node.head.i in composer.actions and node.dep_ in ("obj", "dobj", "obl:arg",
                                                                  "nsubjpass", "nsubj:pass"):
                return node.head
            node = node.head
    return None


def _patient_of_a_harm(tokens: Sequence[Token], replaced: set[int], composer: _Composer) -> bool:
    """Whether a topic is what a harmful thing is done to, inside a complement that an attitude
    judged as a whole: "not a fan of discrimination on the basis of sexual orientation" is
    against the discrimination, hence in favour of the topic it harms."""
    ids = {t.i for t in tokens}
    for tok in tokens:
        node = tok
        while node.head.i != node.i and node.head.i in composer.inside:
            node = node.head
            if node.i in ids:
                continue
            if node.pos_ in ("VERB", "AUX") or composer.word_class(node) in ("favor", "against"):
                break
            if node.i in replaced and node.pos_ == "NOUN" and composer.word_class(
                    node) == "negative":
                return True
    return _after_a_harm(min(tokens, key=lambda t: t.i), replaced, composer) if tokens else False


_PP_CHAIN_POS = frozenset({"NOUN", "PROPN", "ADJ", "ADP", "DET", "PRON", "NUM", "CCONJ", "PART"})
_PP_CHAIN_LIMIT = 30


def _after_a_harm(first: Token, replaced: set[int], composer: _Composer) -> bool:
    """The same, when the parser hung the topic's prepositional phrase elsewhere: the topic
    follows a judged harmful noun through a chain of prepositional phrases, with no verb or
    clause between ("discrimination of anybody on the basis of race, on the basis of sexual
    orientation")."""
    doc = first.doc
    through_preposition = False
    for i in range(first.i - 1, max(-1, first.i - _PP_CHAIN_LIMIT), -1):
        tok = doc[i]
        if i not in composer.inside:
            return False
        if tok.pos_ == "PUNCT" and tok.text not in (",", "-"):
            return False
        if tok.pos_ not in _PP_CHAIN_POS and tok.pos_ != "PUNCT":
            return False
        through_preposition = through_preposition or tok.pos_ == "ADP"
        if (through_preposition and i in replaced and tok.pos_ == "NOUN"
                and composer.word_class(tok) == "negative"):
            return True
    return False


_MAX_TARGET_TOKENS = 10


def _target_head(doc: Doc, quote: Quote, focus: Sequence[Token] = (),
                 actions: frozenset[int] | set[int] = frozenset(),
                 time_words: frozenset[str] = frozenset()) -> tuple[str, Token] | None:
    """The main phrase of the quotation and the token it is built around: what a decisive
    rule was about (``focus``; a verb of ``actions`` with its object), else a nominal content,
    or its subject, or its object; never a date ("mardi")."""
    tokens = tokens_within(doc, quote.content_start, quote.content_end)
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    focus = [t for t in focus if t.lower_ not in time_words
             and t.ent_type_ not in ("DATE", "TIME")]
    for tok in reversed(focus):  # the outermost rule was traced last
        if tok.i in actions and tok.i in inside:
            phrase = action_phrase(tok, inside)
            if phrase:
                return phrase, tok
        head = tok if tok.i in actions else _nominal(tok)
        if head is not None and head.i in inside:
            phrase = noun_phrase(head, inside)
            if phrase:
                return phrase, head
    roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    if _infinitive_content(doc, quote) and roots and roots[0].pos_ in ("VERB", "AUX"):
        # "to represent himself in the penalty phase": what is asked or promised is the act
        phrase = verb_phrase(roots[0], inside)
        if phrase:
            return phrase, roots[0]
    candidates: list[Token] = []
    for root in roots:
        if root.pos_ in ("NOUN", "PROPN"):
            candidates.append(root)
        for dep_group in (("nsubj", "nsubj:pass", "nsubjpass"), ("obj", "dobj", "attr"),
                          ("obl", "obl:arg", "pobj", "nmod", "xcomp", "ccomp")):
            for child in root.children:
                if child.i in inside and child.dep_ in dep_group and child.pos_ in ("NOUN",
                                                                                    "PROPN"):
                    candidates.append(child)
    candidates = [t for t in candidates if t.lower_ not in time_words
                  and t.ent_type_ not in ("DATE", "TIME")]
    if not candidates:
        candidates = [t for t in tokens if t.pos_ in ("NOUN", "PROPN")
                      and t.lower_ not in time_words and t.ent_type_ not in ("DATE", "TIME")]
    if not candidates and sum(1 for t in tokens if t.is_alpha) > _MAX_TARGET_TOKENS:
        # No noun in a long quotation ("I am guilty. We all know …"): its predicate, not the
        # whole text (a short one stands as its own target, "to keep trying").
        for root in roots:
            predicate = next((c for c in root.children if c.dep_ in ("acomp", "attr", "xcomp")
                              and c.i in inside), root) if root.lemma_.lower() in _BE else root
            if predicate.pos_ in ("ADJ", "VERB", "NOUN"):
                candidates.append(predicate)
                break
    if not candidates:
        return None
    phrase = noun_phrase(candidates[0], inside)
    return (phrase, candidates[0]) if phrase else None


def verb_phrase(verb: Token, inside: set[int]) -> str | None:
    """The verb and what follows it in its clause, at most ``_MAX_TARGET_TOKENS`` words
    ("represent himself in the penalty phase", « continuer à assister à des réceptions »)."""
    doc = verb.doc
    words = [t for t in doc[verb.i:verb.right_edge.i + 1] if t.i in inside]
    while words and (words[-1].is_punct or words[-1].is_space):
        words = words[:-1]
    if not words:
        return None
    words = words[:_MAX_TARGET_TOKENS]
    return doc[words[0].i:words[-1].i + 1].text


def action_phrase(verb: Token, inside: set[int]) -> str | None:
    """An action as a reader names it: the verb's base form and its object ("provide the
    names", « financer le stade », « renoncer aux pesticides »), without the negation."""
    objects = [c for c in verb.children if c.dep_ in ("obj", "dobj", "obl:arg")
               and c.i > verb.i and c.i in inside]
    if not objects:
        return None
    obj = objects[0]
    words = [t for t in verb.doc[obj.left_edge.i:obj.right_edge.i + 1] if t.i in inside]
    while words and (words[-1].is_punct or words[-1].pos_ in ("ADP", "CCONJ", "SCONJ")):
        words = words[:-1]
    if not words:
        return None
    words = words[:_MAX_TARGET_TOKENS - 1]
    lemma = verb.lemma_ if verb.lemma_ and verb.lemma_.islower() else verb.text
    return f"{lemma} {verb.doc[words[0].i:words[-1].i + 1].text}"


def _nominal(tok: Token) -> Token | None:
    """The noun or verb a preposition or a condition word introduces: "without [a deal]",
    "short of [exempting]"; a noun stands for itself."""
    for _ in range(3):
        if tok.pos_ in ("NOUN", "PROPN"):
            return tok
        if tok.pos_ in ("VERB", "AUX"):
            # A clause stands for its subject or object noun: "that the inquiry continues".
            for deps in (_SUBJECT_DEPS, ("obj", "dobj", "attr")):
                nouns = [c for c in tok.children if c.dep_ in deps and c.pos_ in ("NOUN", "PROPN")]
                if nouns:
                    return nouns[0]
            # "to help Sudan dig itself out": the noun of the verb's own clausal complement.
            for clause in (c for c in tok.children if c.dep_ in ("xcomp", "ccomp")):
                nouns = [c for c in clause.children if c.dep_ in (*_SUBJECT_DEPS, "obj", "dobj")
                         and c.pos_ in ("NOUN", "PROPN")]
                if nouns:
                    return nouns[0]
            return tok
        objects = [c for c in tok.children if c.dep_ in ("pobj", "pcomp", "prep")]
        if not objects:
            return None
        tok = objects[0]
    return None


# Dependencies that stay inside a noun phrase; clauses, appositions and incises do not.
_NP_DEPS = frozenset({"det", "amod", "compound", "nummod", "poss", "case", "nmod", "nmod:poss",
                      "prep", "pobj", "pcomp", "flat", "flat:name", "fixed", "conj", "cc",
                      "advmod", "obj", "dobj", "quantmod", "neg", "nn", "poss:case", "mark",
                      "amod:att", "obl:arg"})
_NP_CLAUSE_HEAD_DEPS = frozenset({"obj", "dobj", "mark", "pcomp", "obl:arg"})


def noun_phrase(head: Token, inside: set[int]) -> str | None:
    """The contiguous noun phrase around ``head``, without relative or other clauses, leading
    determiners or trailing punctuation, at most ``_MAX_TARGET_TOKENS`` words."""
    allowed = {head.i}
    stack = [head]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.i not in inside or child.i in allowed or child.dep_ not in _NP_DEPS:
                continue
            if child.dep_ in _NP_CLAUSE_HEAD_DEPS and node.pos_ not in ("VERB", "ADP", "SCONJ"):
                continue
            allowed.add(child.i)
            stack.append(child)
    doc = head.doc
    first = last = head.i
    while first - 1 in allowed:
        first -= 1
    while last + 1 in allowed:
        last += 1
    span = list(doc[first : last + 1])
    while span and span[0].pos_ in ("DET", "ADP", "PUNCT", "CCONJ", "SCONJ", "PART"):
        span = span[1:]
    span = span[:_MAX_TARGET_TOKENS]
    while span and (span[-1].pos_ in ("PUNCT", "ADP", "DET", "CCONJ", "SCONJ")
                    or span[-1].tag_ == "POS"):
        span = span[:-1]
    if not span:
        return None
    return doc[span[0].i : span[-1].i + 1].text


# --------------------------------------------------------------------------------------------
# Stances of one quotation


def _score(polarity_score: float) -> float:
    magnitude = abs(polarity_score)
    return round(magnitude / (magnitude + 1.0), 4)


def stances_for_quote(doc: Doc, quote: Quote, *, lang: str,
                      resources: StanceResources) -> list[Stance]:
    """Zero or more stances of one quotation; the one with the highest score is the main one."""
    lexicon = resources.lexicons.get(lang)
    if lexicon is None:
        return []
    content_tokens = tokens_within(doc, quote.content_start, quote.content_end)
    content = (doc[content_tokens[0].i : content_tokens[-1].i + 1].text if content_tokens
               else quote.content)
    polarity = content_polarity(doc, quote, lexicon)
    words: list[str] = []
    owners: list[Token] = []
    for tok in content_tokens:
        for word in fold(tok.text).split():
            words.append(word)
            owners.append(tok)
    topics = _topic_matches(words, lang, resources.topics)

    if polarity.balanced_cue and polarity.evidence:
        label, score, method = "neutral", 0.3, "cue-balanced"
    elif polarity.score >= DECISION_THRESHOLD:
        label, score, method = "favor", _score(polarity.score), polarity.method
    elif polarity.score <= -DECISION_THRESHOLD:
        label, score, method = "against", _score(polarity.score), polarity.method
    elif polarity.evidence and polarity.hedged:
        # Hedged and balanced: the speaker takes no side ("might be necessary").
        label, score, method = "neutral", 0.3, "hedged-balance"
    else:
        label, score, method = "", 0.0, ""
    default_sign = _cue_default_sign(polarity)
    if (default_sign and not polarity.balanced_cue
            and (not label or (not polarity.content_evidence
                               and method.startswith(("cue-class", "cue-verb"))))):
        # (also when the content's own evidence cancels out: « nos joueuses ne sont pas les
        # seules touchées … », a dénoncé X is still a denunciation)
        # The cue alone gives the direction: a criticism, warning or rejection is against
        # what it reports, a promise, appeal or insistence in favour of it.
        label = "favor" if default_sign > 0 else "against"
        score, method = CUE_DEFAULT_SCORE, "cue-default"
    intended = None
    if not label and not polarity.evidence:
        intended = stated_intention(content_tokens, direct=quote.kind == "direct")
        if intended is not None:
            # "We will eat pizza", « il allait continuer à assister aux réceptions »: what
            # the speaker says they will do, they are for.
            label, score, method = "favor", CUE_DEFAULT_SCORE, "intention"

    targets: list[tuple[str, float, str, str]] = []
    frame = frame_stance(doc, quote, lexicon)
    if frame is not None:
        sign, obj = frame
        inside = set(range(obj.left_edge.i, obj.right_edge.i + 1))
        frame_words = [w for t in obj.subtree for w in fold(t.text).split()]
        frame_topics = _topic_matches(frame_words, lang, resources.topics)
        frame_target = (frame_topics[0][0] if frame_topics
                        else noun_phrase(obj, inside) or obj.text)
        targets.append((frame_target, FRAME_SCORE, "favor" if sign > 0 else "against",
                        "frame-verb"))
    removed = removal_target(doc, quote, lexicon, polarity) if label != "neutral" else None
    if removed is not None:
        person, word = removed
        removal_ids = {t.i for t in word.subtree}
        if person.i in removal_ids:  # « un remplaçant à Roman Prymula »
            removal_ids -= {t.i for t in person.subtree}
        content_ids = {t.i for t in content_tokens} - removal_ids
        targets.append((noun_phrase(person, content_ids) or person.text,
                        max(score, REMOVAL_SCORE) + 0.01, "against", "removal-from-office"))
        if label == "favor":
            label = ""  # the favour was for the removal, the stance row above says it
    for value, head in quoted_labels(doc, quote, lexicon):
        label_ids = {t.i for t in content_tokens}
        # Just below an equal stance of the whole content, which names its topic.
        targets.append((noun_phrase(head, label_ids) or head.text,
                        _score(value) * LABEL_FACTOR, "favor" if value > 0 else "against",
                        "quoted-label"))
    if not label:
        if not targets:
            return []
        topics = []
    composer = polarity.composer
    for rank, (topic_label, _specificity, start, end) in enumerate(topics):
        topic_label_polarity, topic_method = label, method
        matched = list(dict.fromkeys(owners[start:end]))
        # Only when the content judges the action or the cue wants it: "warned he could halt
        # arms deliveries" is a threat against the deliveries, not a warning against halting.
        action = _acting_on(matched, composer) if label in ("favor", "against") and (
            polarity.content_evidence or polarity.cue_sign > 0) else None
        if (label == "favor" or (label == "against" and polarity.cue_wants)) and (
                composer is not None and _opposed_by_preposition(matched, composer)):
            # « appelle à la grève contre la réforme », "backed the fight against inflation":
            # for the action, against what it is aimed at. (An appeal found against as a whole
            # was turned by that very preposition; a refusal of « violences contre X » was not,
            # and is left to the harm rule below.)
            topic_label_polarity, topic_method = "against", "opposed-object"
        elif (label != "neutral" and composer is not None
                and _patient_of_a_harm(matched, composer.replaced, composer)):
            topic_label_polarity = "favor" if label == "against" else "against"
            topic_method = "patient-of-harm"
        elif _denied_evil(matched, label, method, composer):
            topic_label_polarity, topic_method = "against", "denied-negative"
        elif action is not None:
            # "appalled that they are lifting sanctions": against the lifting, so for the
            # sanctions. The action, as a reader would name the target, is the main row.
            topic_label_polarity = "favor" if label == "against" else "against"
            topic_method = "reversed-action"
            inside = {t.i for t in content_tokens}
            targets.append((action_phrase(action, inside) or noun_phrase(action, inside)
                            or action.text, score + 0.01, label, method))
        # What an action is aimed at outranks the action ("the strike"): it is the position.
        rank_factor = 1.01 if topic_method == "opposed-object" else 1.0 - 0.01 * rank
        targets.append((topic_label, score * rank_factor, topic_label_polarity, topic_method))
    if intended is not None and label == "favor" and method == "intention":
        inside = {t.i for t in content_tokens}
        phrase = action_phrase(intended, inside) or verb_phrase(intended, inside)
        if phrase:
            targets.append((phrase, score * 0.8, label, method))
    if label and len(targets) == (frame is not None):
        focus, actions = (composer.focus, composer.actions) if composer is not None else ((), set())
        found = _target_head(doc, quote, focus, actions,
                             resources.time_words.get(lang, frozenset()))
        phrase_label, phrase_method = label, method
        if found is not None and _denied_evil([found[1]], label, method, composer):
            phrase_label, phrase_method = "against", "denied-negative"
            if composer is not None:
                # "fewer deaths": against the deaths, so the phrase names them without the
                # word that denied them
                kept = {t.i for t in content_tokens} - {
                    t.i for t in found[1].subtree if composer.is_negator(t)}
                found = (noun_phrase(found[1], kept) or found[0], found[1])
        elif found is not None and composer is not None and found[1].i in composer.patients \
                and label in ("favor", "against"):
            phrase_label = "against" if label == "favor" else "favor"  # for ending it
        elif found is not None and composer is not None and found[1].i in composer.actions \
                and label in ("favor", "against"):
            value = composer.memo.get(found[1].i)
            if value is not None and value.derived and value.score < 0 and \
                    composer.word_class(found[1]) == "reverser":
                # « vouloir lever le voile »: the content is against the veil, so for the
                # lifting that the target phrase names
                phrase_label = "against" if label == "favor" else "favor"
        targets.append((found[0] if found else content[:80].strip(), score * 0.8, phrase_label,
                        phrase_method))

    stances = []
    for target, target_score, target_polarity, target_method in targets:
        stance_score = round(target_score, 4)
        stances.append(
            Stance(
                stance_id="st" + short_hash(quote.doc_id, quote.content_start, quote.content_end,
                                            fold(target)),
                quote_id=quote.quote_id,
                doc_id=quote.doc_id,
                speaker_id=quote.speaker_id,
                target=target,
                polarity=target_polarity,
                score=stance_score,
                method=target_method,
            )
        )
    main = max(range(len(stances)), key=lambda i: (stances[i].score, -i))
    stances[main].is_main = True
    return stances
