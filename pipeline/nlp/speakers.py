"""Resolution and coreference stages: who each speaker mention is.

- Names: every person or organisation name in the article's prose is collected and variants of
  one name are clustered (full name, surname alone, first name alone, spellings one or two
  letters apart as machine translation and typos produce), keeping people with different first
  names apart ("Scott Meadows" and "Mark Meadows" never merge, even through a surname alone).
  Full names are clustered first; a surname alone goes to the person it names best (exact
  spelling first), to the one that already holds it, else to the latest subject among the
  namesakes. The fullest form is the canonical name.
- Roles: titles before a name ("le ministre de la Santé Roman Prymula"), appositions
  ("X, professeure de nutrition", "the leader of Ennahda, X") and parentheses give each person
  role descriptions; a role mention ("le ministre de la Santé", "the president") goes to the
  person whose role it matches (nationality agreeing), else to the most salient person of
  agreeing gender.
- Pronouns go to the most recent compatible person (gender, number), preferring subjects and
  speakers; relative pronouns to their antecedent.
- Unnamed groups and anonymous sources stay groups; a definite mention with the same head
  noun ("cette source", "the source", "American officials") continues the earlier one.
- Organisations: the names the article gives a body (tagged names, an acronym in parentheses,
  a described body such as "the Indonesian government") are clustered; when one speaks, by
  name or by a definite noun it was called by before ("l'agence", "the department", "the
  company"), its speaker is the organisation under its fullest name, with its other names.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Token

from pipeline.ids import (
    fold,
    mention_id,
    speaker_id_for_group,
    speaker_id_for_known,
    speaker_id_for_name,
)
from pipeline.nlp.context import DocContext
from pipeline.nlp.cues import cue_word, norm_token
from pipeline.nlp.quotes import Draft
from pipeline.nlp.resources import Resources
from pipeline.nlp.source import (
    PERSON_LABELS,
    SpeakerMention,
    animate,
    author_of_statement,
    grammatical_subject,
    institution_noun,
    mention_for,
    name_tokens,
    particle_name_end,
)
from pipeline.records import Mention

_ORG_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC"}
_DEFINITE_ARTICLES = frozenset({"le", "la", "l'", "the"})  # not « sa mère »: a relative
_PRONOUN_WINDOW = 3  # paragraphs back a pronoun may look for its antecedent


def fold_word(word: str) -> str:
    """Lower case, accents removed, inner hyphens kept ("vice-premier")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^\w\-]", "", plain).strip("-")


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def similar_words(a: str, b: str) -> bool:
    """Two spellings of one name word: equal, or a letter or two apart on longer words."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or a[0] != b[0]:
        return False
    distance = edit_distance(a, b, 2)
    if distance <= 1:
        return True
    return distance == 2 and min(len(a), len(b)) >= 5 and a[:2] == b[:2]


# ------------------------------------------------------------------------------ data


@dataclass
class Role:
    words: frozenset[str]
    head: str
    nationality: str | None
    gender: str | None
    age: int | None = None  # « de 32 ans », "32-year-old": two ages are two people
    periphrasis: bool = False  # « le chef de l'État »: the office named another way


@dataclass
class NameMention:
    start: int
    end: int
    text: str  # the name as written, honorifics kept ("Mr Obama")
    words: tuple[str, ...]  # folded words of the bare name ("barack", "obama")
    bare: str  # the bare name as written ("Barack Obama")
    label: str  # person / org
    gender: str | None
    token: int
    subject: bool
    embedded: bool = False  # the subject of a complement clause (« … que X viendra »)


@dataclass
class Entity:
    key: int
    kind: str  # person / org / group
    names: list[NameMention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    gender: str | None = None
    description: str | None = None  # groups: the words of their first mention
    head: str | None = None  # groups: head noun
    modifiers: frozenset[str] = frozenset()
    first_start: int = 0
    first_text: str = ""
    mentions: list[tuple[int, int, str, str]] = field(default_factory=list)  # start,end,text,kind
    quote_count: int = 0
    plural: bool = False  # groups named by a plural noun ("les détracteurs", "officials")
    institution: bool = False  # groups that are a body ("le ministère", "the military")
    known_key: str | None = None
    known_name: str | None = None

    @property
    def canonical(self) -> str:
        if self.known_name:
            return self.known_name
        if not self.names:
            return self.description or self.first_text
        counts = Counter(n.bare for n in self.names)
        best = max(self.names, key=lambda n: (len(n.words), counts[n.bare], -n.start))
        return best.bare

    @property
    def speaker_type(self) -> str:
        """person / org / group, as the speakers table types them: an unnamed single person
        ("the mayor", "une source") is a person, an unnamed body an organisation."""
        if self.kind != "group":
            return self.kind
        if self.institution:
            return "org"
        return "group" if self.plural else "person"

    @property
    def salience(self) -> int:
        """Subjects count double: the people an article is about are the ones who act."""
        return sum(2 if n.subject else 1 for n in self.names) + 2 * len(self.mentions)


@dataclass
class OrgCluster:
    """The names an article gives one organisation ("Agence de protection de l'environnement",
    "EPA") and the nouns it is called by ("agence"; "company" for "Acme, a chemical company").
    It becomes an entity when it speaks."""

    names: list[NameMention]
    heads: set[str]
    entity: int | None = None

    @property
    def words(self) -> set[str]:
        return {w for n in self.names for w in n.words}


# ------------------------------------------------------------------------------ names


class Resolver:
    """Builds the article's entities and resolves each draft's speaker mention."""

    def __init__(self, ctx: DocContext, resources: Resources, doc_id: str) -> None:
        self.ctx = ctx
        self.resources = resources
        self.doc_id = doc_id
        self.entities: list[Entity] = []
        self.history: list[tuple[int, Entity, bool]] = []  # (offset, entity, subject/speaker)
        # character spans of what the article reports (indirect and mixed drafts)
        self.reported: list[tuple[int, int]] = []
        # where a speaker mention stood (a name said something there)
        self.speaker_starts: set[int] = set()
        self.orgs: list[OrgCluster] = []
        self._collect_names()
        self._collect_orgs()

    # ---------------------------------------------------------------- name mentions

    def _bare_name(self, start: int, end: int) -> tuple[str, int, int] | None:
        """The name without honorifics, titles and possessive, with its offsets."""
        text = self.ctx.text
        lexicon = self.ctx.lexicon
        words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+",
                                                                            text[start:end])]
        titled = False
        while words:
            word = text[words[0][0]:words[0][1]]
            title = lexicon.title(word)
            multi = len(words) > 1 and lexicon.title(word + " " + text[words[1][0]:words[1][1]])
            if multi:
                words, titled = words[2:], True
            elif title is not None and title.kind in ("honorific", "role", "relational") \
                    and len(words) > 1:
                words, titled = words[1:], True
            elif titled and len(words) > 1 and word.isalpha() and word.islower() \
                    and not lexicon.is_word("name_particle", word) \
                    and text[words[1][0]:words[1][1]][:1].isupper():
                words = words[1:]  # « le Colonel major X »: a grade of the title, not the name
            else:
                break
        if not words:
            return None
        s, e = words[0][0], words[-1][1]
        bare = text[s:e]
        for suffix in ("’s", "'s", "’", "'"):
            if bare.endswith(suffix):
                bare, e = bare[: -len(suffix)], e - len(suffix)
        stripped = bare.rstrip("*.,;:)")
        e -= len(bare) - len(stripped)
        bare = stripped
        if not bare or not bare[0].isupper():
            return None
        return bare, s, e

    def _name_mention(self, start: int, end: int, label: str, token: Token) -> NameMention | None:
        bare = self._bare_name(start, end)
        if bare is None:
            return None
        name, s, e = bare
        words = tuple(w for w in (fold_word(x) for x in re.split(r"[\s’']+", name)) if w)
        if not words:
            return None
        gender = None
        first_word = self.ctx.text[start:end].split()[0]
        title = self.ctx.lexicon.title(first_word)
        if title is not None and title.kind == "honorific":
            gender = title.gender  # "Sen. Daniel Akaka": the given name still tells
        gender = gender or self._given_name_gender(name)
        # The subject, or a name part of it ("Mark" of "Mark Meadows"); not a possessor
        # ("Trump's inauguration") or a complement ("the son of X") inside a subject.
        subject = token.dep_.startswith("nsubj") or (
            token.head.dep_.startswith("nsubj") and token.dep_ in (
                "compound", "flat", "flat:name", "appos", "nmod:appos", "amod"))
        clause = token.head if token.dep_.startswith("nsubj") else token.head.head
        # « … l'assurance à l'effet que Franklin pourra être rejugé. Il maintient … »: the
        # subject of a clause reported or complemented is not what « il » takes up first
        embedded = subject and (any(c.dep_ == "mark" and self.ctx.lexicon.is_word(
            "complementizer", c.text.replace("’", "'")) for c in clause.children)
            # "aware of the effect Sinwar may have": the subject of a relative clause
            or clause.dep_ in ("relcl", "acl:relcl"))
        if subject and self._between_dashes(token):
            # « le premier ministre – que Nicolas Sarkozy rencontrera demain – … il a
            # assuré »: the subject of an aside is not what the text is about
            subject = False
        return NameMention(start, end, self.ctx.text[start:end], words, name, label, gender,
                           token.i, subject, embedded)

    def _between_dashes(self, token: Token) -> bool:
        """`token` stands in an aside set off by two dashes, with no full stop between them
        (the parser may end a sentence at the second dash)."""
        text = self.ctx.text
        paragraph = self.ctx.paragraphs[self._paragraph(token.idx)]
        before = text[paragraph.start:token.idx]
        after = text[token.idx:paragraph.end]
        for dash in "-–—":
            mark = f" {dash} "
            opened, closed = before.rfind(mark), after.find(mark)
            if opened >= 0 and closed >= 0 and not re.search(
                    r"[.!?]\s", before[opened:] + after[:closed]):
                return True
        return False

    def _given_name_gender(self, name: str) -> str | None:
        """ "f" or "m" when the name opens with a given name of clear gender (given_names.tsv,
        the lists of every language, accents aside: "Frederic" in an English article)."""
        first = name.split()[0] if name.split() else ""
        genders = self.ctx.lexicon.given_genders
        # a compound given name takes the gender of its first part (« Marie-Pierre »,
        # « Jean-Marie »), unless the list names it whole
        for form in (first, first.split("-")[0]):
            key = form.lower()
            gender = genders.get(key)
            if gender is None and not (key.isascii() and key.isalpha()):
                gender = genders.get(fold(form))  # "Frederic" for « Frédéric »
            if gender is not None:
                return gender
        return None

    def _collect_names(self) -> None:
        ctx = self.ctx
        doc = ctx.doc
        found: list[NameMention] = []
        for ent in ctx.ents:
            first = ent[0]
            if not ctx.is_prose(first) or ctx.in_quotes(first):
                continue
            if ent.label_ in PERSON_LABELS or self._given_name_org(ent):
                label = "person"
            elif ent.label_ in _ORG_LABELS:
                continue  # organisations enter when they speak (resolve_name)
            else:
                continue
            if self._named_body(ent):
                continue  # "le groupe Valmoric": a business, whatever the tagger says
            if self._place_named_after(ent):
                continue  # « en salle Louise Michel », "Kennedy Airport": a place's name
            span = name_tokens(ent.start, particle_name_end(ent.end - 1, ctx), ctx)
            if span is None or _acronym(doc[span[0]:span[1] + 1].text) or \
                    (_not_a_person(doc[span[0]:span[1] + 1])
                     and not ctx.person_surname(doc[span[0]])):
                continue
            s, e = span
            if s == e and self._untagged_surname_after(doc[s]):
                e += 1
            left = s
            # « Marine Le Pen » where the tagger kept only « Le Pen » (and read « Marine » as a
            # noun): a capitalised given name right before the name belongs to it
            while left > 0 and doc[left - 1].text[:1].isupper() and \
                    not doc[left - 1].ent_type_ and ctx.is_prose(doc[left - 1]) and \
                    self._given_name_gender(doc[left - 1].text) is not None:
                left -= 1
            while left > 0 and self._honorific(doc[left - 1]):
                left -= 1
            mention = self._name_mention(doc[left].idx, doc[e].idx + len(doc[e].text),
                                         label, doc[e])
            if mention is not None:
                found.append(mention)
        for token in ctx.tokens:  # "en discutant avec Pasiphae": a name the tagger did not label
            if (ctx.lexicon.is_word("comitative", token.text) and ctx.is_prose(token)
                    and not ctx.in_quotes(token)):
                nxt = ctx.next_word(token.i)
                if nxt is not None and nxt.pos_ == "PROPN" and nxt.ent_type_ not in (
                        "PER", "PERSON", "ORG", "GPE"):
                    end = nxt
                    while end.i + 1 < len(doc) and doc[end.i + 1].pos_ == "PROPN":
                        end = doc[end.i + 1]
                    mention = self._name_mention(nxt.idx, end.idx + len(end.text), "person",
                                                 end)
                    if mention is not None:
                        found.append(mention)
        found.extend(self._given_name_runs(found))
        found.extend(self._names_before_a_role(found))
        # full names first: a surname alone then goes to the person it names best, and never
        # glues two people with similar surnames ("Mustafa Haddad", "Atef Hadad") together
        for mention in sorted(found, key=lambda m: (len(m.words) == 1, m.start)):
            self._add_name(mention)
        self._collect_known_variants()

    def _untagged_surname_after(self, given: Token) -> bool:
        """ « Stéphane Peu »: the tagger kept the given name alone and read the surname, a
        common word, as an adverb; a capitalised word right after a known given name is the
        surname (not an acronym, a title or another entity)."""
        ctx = self.ctx
        if given.i + 1 >= len(ctx.doc) or not self._given_name_gender(given.text):
            return False
        after = ctx.doc[given.i + 1]
        return after.is_alpha and after.text[:1].isupper() and not after.text.isupper() \
            and not after.ent_type_ and not ctx.in_quotes(after) \
            and ctx.lexicon.title(after.text) is None

    def _names_before_a_role(self, taken: list[NameMention]) -> list[NameMention]:
        """Capitalised proper nouns the tagger did not take for a person, followed by a comma
        and a function (« Adama Siguiré, coordinateur du RISA, », "Okafor, spokesman for …"):
        a person's name."""
        ctx = self.ctx
        doc = ctx.doc
        found: list[NameMention] = []
        covered = {i for m in taken for i in range(m.start, m.end)}
        for comma in ctx.tokens:
            if comma.text != "," or comma.i < 1 or ctx.in_quotes(comma):
                continue
            role = ctx.next_word(comma.i)
            title = (ctx.lexicon.title(role.lemma_) or ctx.lexicon.title(role.text)
                     ) if role is not None and role.pos_ == "NOUN" else None
            if title is None or title.kind not in ("role", "relational"):
                continue
            first = comma.i - 1
            while first - 1 >= 0 and comma.i - first < 4 and doc[first - 1].pos_ == "PROPN" \
                    and doc[first - 1].text[:1].isupper():
                first -= 1
            tokens = doc[first:comma.i]
            if len(tokens) < 2 or not all(
                    t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha
                    and t.ent_type_ not in ("ORG", *PERSON_LABELS) for t in tokens):
                continue  # (two words at least: a given name and a surname)
            if tokens[0].idx in covered or not ctx.is_prose(tokens[0]) or any(
                    self.resources.nationalities.get(fold(t.text)) for t in tokens):
                continue
            mention = self._name_mention(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text),
                                         "person", tokens[-1])
            if mention is not None:
                found.append(mention)
        return found

    def _given_name_org(self, ent) -> bool:
        """ "Nicola Sturgeon" tagged as an organisation: two or three capitalised proper nouns
        opening with a frequent given name are a person's name."""
        return ent.label_ in _ORG_LABELS and 2 <= len(ent) <= 3 and all(
            t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent) and \
            self._given_name_gender(ent[0].text) is not None

    def _given_name_runs(self, found: list[NameMention]) -> list[NameMention]:
        """ "Dominique-Jean Chertier": a frequent given name (given_names.tsv) followed by
        capitalised proper nouns is a person's name, when the tagger labelled none of it."""
        ctx = self.ctx
        doc = ctx.doc
        covered = {i for m in found for i in range(m.start, m.end)}
        runs: list[NameMention] = []
        j = 0
        while j < len(doc):
            token = doc[j]
            j += 1
            if token.idx in covered or token.ent_type_ or not ctx.is_prose(token) or \
                    ctx.in_quotes(token) or self._given_name_gender(token.text) is None:
                continue
            start = token
            # a compound given name written with a hyphen: « Dominique-Jean », « Jean-Marc »
            while start.i >= 2 and doc[start.i - 1].text == "-" and \
                    doc[start.i - 2].text[:1].isupper() and \
                    doc[start.i - 2].idx + len(doc[start.i - 2].text) == doc[start.i - 1].idx:
                start = doc[start.i - 2]
            end = token
            while end.i + 1 < len(doc):
                nxt = doc[end.i + 1]
                if nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and not nxt.ent_type_:
                    end = nxt
                elif end.i + 2 < len(doc) and nxt.text[:1].isupper() and \
                        ctx.lexicon.is_word("name_particle", nxt.lower_) and \
                        doc[end.i + 2].pos_ == "PROPN" and doc[end.i + 2].text[:1].isupper():
                    end = nxt  # « Marine Le Gall », « Pierre De Smet »: a particle inside
                else:
                    break
            if end.i == token.i or any(doc[k].idx in covered for k in range(start.i, end.i + 1)):
                continue  # a given name alone says too little
            mention = self._name_mention(start.idx, end.idx + len(end.text), "person", end)
            if mention is not None:
                runs.append(mention)
            j = end.i + 1
        return runs

    def _collect_known_variants(self) -> None:
        """Capitalised words the tagger missed ("Hegus" as a place, "Roman Prymula" inside an
        organisation) that spell a person already found: mentions of that person."""
        ctx = self.ctx
        doc = ctx.doc
        covered = {i for e in self.entities for n in e.names
                   for i in range(n.start, n.end)}
        j = 0
        while j < len(doc):
            token = doc[j]
            if not token.text[:1].isupper() or token.idx in covered or token.is_punct or \
                    not ctx.is_prose(token) or ctx.in_quotes(token) or \
                    token.pos_ in ("DET", "PRON", "ADP", "CCONJ", "SCONJ", "VERB", "AUX"):
                j += 1
                continue
            k = j
            while k + 1 < len(doc) and doc[k + 1].text[:1].isupper() and \
                    not doc[k + 1].is_punct and doc[k + 1].idx not in covered:
                k += 1
            for first in range(j, k + 1):  # "Santé Roman Prymula": try shorter runs
                if self._known_variant(first, k):
                    break
            j = k + 1

    def _known_variant(self, first: int, last: int) -> bool:
        ctx = self.ctx
        doc = ctx.doc
        start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
        words = tuple(fold_word(w) for w in ctx.text[start:end].split())
        previous = ctx.previous_word(first)
        initial = previous is None or previous.text in (".", "!", "?", "«", "“", '"') \
            or ctx.token_paragraph[previous.i] != ctx.token_paragraph[first]
        for entity in self.entities:
            if entity.kind != "person":
                continue
            exact = any(words == n.words for n in entity.names)
            variant = any(len(words) == len(n.words) and _name_score(words, n.words) >= 4
                          for n in entity.names)
            surname = len(words) == 1 and any(words[0] == n.words[-1] for n in entity.names
                                              if len(n.words) > 1)
            if exact or ((variant or surname) and not initial):
                mention = self._name_mention(start, end, "person", doc[last])
                if mention is not None:
                    self._add_name(mention)
                    return True
        return False

    def _honorific(self, token: Token) -> bool:
        title = self.ctx.lexicon.title(token.text)
        return title is not None and title.kind == "honorific"

    # ---------------------------------------------------------------- organisations

    def _body_noun(self, token: Token) -> str | None:
        """The folded word when `token` is a noun a body is called by ("agence", "ministry",
        "company"), else None."""
        lexicon = self.ctx.lexicon
        companies = lexicon.words("company_noun")
        for form in (token.lemma_, token.text):
            low = form.lower().replace("’", "'")
            title = lexicon.titles.get(low)
            if (title is not None and title.kind == "institution") or low in companies:
                return fold_word(form)
        return None

    def _collect_orgs(self) -> None:
        """Organisations the article names, clustered: a full name, its acronym, a shorter
        form ("Press Council" of "Australian Press Council"), and described bodies ("the
        Indonesian government", "la Ville de Montréal")."""
        ctx = self.ctx
        people = [(n.start, n.end) for e in self.entities for n in e.names]
        found: list[tuple[NameMention, set[str], NameMention | None]] = []
        for ent in ctx.ents:
            if not ctx.is_prose(ent[0]) or ctx.in_quotes(ent[0]):
                continue
            tokens, described = self._org_name_tokens(self._org_run(ent))
            if not tokens or not (self._org_entity_label(ent.label_, tokens)
                                  or self._named_body(ent)):
                continue
            if self._apposed_to_person_role(ent):
                continue  # "the commissioner, Hadja Lahbib," tagged as an organisation
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            if any(s < end and start < e for s, e in people):
                continue
            mention = self._org_mention(start, end, tokens, ent.root)
            if mention is None or self._spells_a_person(mention.words):
                continue
            heads = self._org_heads(tokens)
            heads |= {w for w in map(self._body_noun, described) if w is not None}
            acronym = self._acronym_after(tokens[-1])
            found.append((mention, heads, acronym))
        covered = [(m.start, m.end) for m, _, _ in found]
        for mention, heads in self._described_bodies():
            if not any(s < mention.end and mention.start < e for s, e in covered + people):
                found.append((mention, heads, None))
        for mention, heads, acronym in sorted(found, key=lambda f: f[0].start):
            cluster = self._org_cluster_of(mention)
            if cluster is None:
                cluster = OrgCluster([], set())
                self.orgs.append(cluster)
            if all(n.start != mention.start for n in cluster.names):
                cluster.names.append(mention)
            cluster.heads |= heads
            if acronym is not None and all(n.start != acronym.start for n in cluster.names):
                cluster.names.append(acronym)

    def _apposed_to_person_role(self, ent) -> bool:
        """Two or three capitalised words in apposition to a person's function ("the EU's
        commissioner for crisis management, Hadja Lahbib"): a person, whatever the tagger
        says."""
        root = ent.root
        if root.dep_ not in ("appos",) or not 2 <= len(ent) <= 3 or not all(
                t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent):
            return False
        title = self.ctx.lexicon.title(root.head.lemma_) or self.ctx.lexicon.title(
            root.head.text)
        return title is not None and title.kind == "role"

    def _place_named_after(self, ent) -> bool:
        ctx = self.ctx
        doc = ctx.doc
        before = ctx.previous_word(ent.start)
        after = doc[ent.end] if ent.end < len(doc) else None
        if ctx.lang == "fr":
            return before is not None and ctx.lexicon.is_word("place_noun", before.text)
        return after is not None and ctx.lexicon.is_word("place_noun", after.lemma_) and \
            after.text[:1].isupper()

    def _org_run(self, ent) -> list[Token]:
        """The entity's tokens and the capitalised proper nouns that run on from it (« l'AG
        Éducation | Île-de-France »: the tagger stopped at a place name inside the body's)."""
        doc = self.ctx.doc
        end = ent.end
        if ent.label_ in _ORG_LABELS:
            while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                    and doc[end].ent_type_ not in PERSON_LABELS \
                    and self.ctx.token_unit[end] == self.ctx.token_unit[ent.start] \
                    and not self.ctx.in_quotes(doc[end]) and doc[end - 1].whitespace_:
                end += 1
        start = ent.start
        if ent.label_ in _ORG_LABELS and start >= 2 and doc[start - 1].text in ("’s", "'s") \
                and doc[start - 2].ent_type_ in ("GPE", "LOC") and self.ctx.lang == "en":
            start -= 2  # "Russia’s Defense Ministry" is not "Ukraine’s Defense Ministry"
        return list(doc[start:end])

    def _org_name_tokens(self, tokens: list[Token]) -> tuple[list[Token], list[Token]]:
        """The words of an organisation's name within a tagged span, and the common nouns
        around it that describe it ("the carmaker Toyota", "Associated Press news agency"):
        no article (but "Le Monde"), no possessive, no day ("l'OFAG jeudi")."""
        ctx = self.ctx
        while tokens and (tokens[0].is_punct or (
                (tokens[0].pos_ == "DET"
                 or ctx.lexicon.is_word("determiner_definite", tokens[0].text))
                and not self._capital_article(tokens[0]))):
            tokens.pop(0)
        while tokens and (tokens[-1].is_punct or tokens[-1].text in ("'s", "’s")
                          or tokens[-1].pos_ == "ADP"
                          or tokens[-1].ent_type_ in ("DATE", "TIME")
                          or ctx.lexicon.is_word("time_word", tokens[-1].text)):
            tokens.pop()
        described: list[Token] = []
        if ctx.lang == "en":
            while tokens and not tokens[0].text[:1].isupper():
                described.append(tokens.pop(0))
            while tokens and not tokens[-1].text[:1].isupper():
                described.append(tokens.pop())
        return tokens, described

    def _capital_article(self, token: Token) -> bool:
        """ "Le" of "Le Monde" inside a sentence: part of the name."""
        previous = self.ctx.previous_word(token.i)
        return token.text[:1].isupper() and previous is not None and \
            previous.text not in (".", "!", "?", "«", "“", '"', ":", "—", "-", "–") and \
            self.ctx.token_paragraph[previous.i] == self.ctx.token_paragraph[token.i]

    def _spells_a_person(self, words: tuple[str, ...]) -> bool:
        """A name tagged as an organisation that spells a person of the article
        ("Al-Kahlot" for "Atef Al-Kahlout"): that person."""
        wanted = 2 if len(words) == 1 else 4
        return any(entity.kind == "person" and any(
            _name_score(words, n.words) >= wanted for n in entity.names)
            for entity in self.entities)

    def _named_body(self, ent) -> bool:
        """A name right after the noun of a body ("le groupe X", "the carmaker X", "la radio
        X"): the name of that body."""
        previous = self.ctx.previous_word(ent.start)
        return previous is not None and previous.pos_ == "NOUN" and \
            previous.text.islower() and self._body_noun(previous) is not None and \
            ent[0].text[:1].isupper()

    def _org_entity_label(self, label: str, tokens: list[Token]) -> bool:
        """An organisation's name: tagged one, or a place-like name headed by the noun of a
        body ("ministère de la Santé"). A capitalised noun alone ("la Ville") is no name."""
        if len(tokens) == 1 and (self._body_noun(tokens[0]) is not None
                                 or not tokens[0].text[:1].isupper()):
            return False
        own = tokens[0] if self.ctx.lang == "fr" else tokens[-1]
        title = self.ctx.lexicon.title(own.lemma_) or self.ctx.lexicon.title(own.text)
        if title is not None and title.kind in ("role", "relational", "honorific"):
            return False  # "ministre de la Santé" tagged as an organisation: a person's role
        if label == "ORG":
            return True
        return label in ("LOC", "MISC", "FAC") and self._body_noun(tokens[0]) is not None \
            and self.ctx.lang == "fr"

    def _org_mention(self, start: int, end: int, tokens: list[Token],
                     root: Token) -> NameMention | None:
        name = self.ctx.text[start:end]
        words = tuple(w for w in (fold_word(x) for x in re.split(r"[\s’']+", name)) if w)
        if not words:
            return None
        first = tokens[0]
        title = self.ctx.lexicon.title(first.text) or self.ctx.lexicon.title(first.lemma_)
        if title is not None and title.kind in ("role", "relational", "honorific") and \
                first.text[:1].isupper():
            # « l'Administrateur de l'hôpital », « le Ministre provincial »: a role written
            # with a capital, not the name of a body
            return None
        subject = root.dep_.startswith("nsubj") or any(
            t.dep_.startswith("nsubj") and not (start <= t.head.idx < end) for t in tokens)
        return NameMention(start, end, name, words, name, "org", None, tokens[-1].i, subject)

    def _org_heads(self, tokens: list[Token]) -> set[str]:
        """The nouns the organisation named by `tokens` may be called by: its own head
        ("Agence de …", "… Protection Agency", "Department of …"), a noun right before the
        name ("le groupe X", "the carmaker X") and an apposition ("X, a chemical company,")."""
        ctx = self.ctx
        doc = ctx.doc
        heads: set[str] = set()
        if ctx.lang == "fr":
            own = tokens[0]
        else:
            before_of = []
            for t in tokens:
                if t.pos_ == "ADP" or ctx.lexicon.is_word("of", t.text):
                    break
                before_of.append(t)
            own = (before_of or tokens)[-1]
        word = self._body_noun(own)
        if word is not None:
            heads.add(word)
        previous = ctx.previous_word(tokens[0].i)
        if previous is not None and previous.text in (",", "("):
            previous = ctx.previous_word(previous.i)  # "the UN refugee agency, UNHCR,"
        steps = 0
        while previous is not None and steps < 3 and previous.pos_ == "ADJ":
            previous = ctx.previous_word(previous.i)  # "l'entreprise américaine X"
            steps += 1
        if previous is not None and previous.pos_ in ("NOUN", "PROPN") and \
                not previous.text[:1].isupper():
            word = self._body_noun(previous)
            if word is not None:
                heads.add(word)
        j = tokens[-1].i + 1
        if j < len(doc) and doc[j].text == "(":
            while j < len(doc) and doc[j].text != ")" and j < tokens[-1].i + 6:
                j += 1
            j += 1
        if j < len(doc) and doc[j].text == ",":
            phrase = []
            for t in doc[j + 1:min(len(doc), j + 12)]:
                if t.text in (",", ".", ";", ":", ")") or t.pos_ in ("VERB", "AUX"):
                    break
                phrase.append(t)
            if phrase and phrase[0].pos_ == "DET":
                for t in phrase:
                    if t.pos_ == "NOUN":
                        word = self._body_noun(t)
                        if word is not None:
                            heads.add(word)
                        break
        return heads

    def _acronym_after(self, last: Token) -> NameMention | None:
        """ "Agence de protection de l'environnement (EPA)": the acronym in parentheses."""
        doc = self.ctx.doc
        j = last.i + 1
        if j + 2 >= len(doc) or doc[j].text != "(" or doc[j + 2].text != ")":
            return None
        token = doc[j + 1]
        if not _acronym(token.text) or len(token.text) < 2:
            return None
        start, end = token.idx, token.idx + len(token.text)
        return NameMention(start, end, token.text, (fold_word(token.text),), token.text, "org",
                           None, token.i, False)

    def _described_bodies(self) -> list[tuple[NameMention, set[str]]]:
        """ "the Indonesian government", "le gouvernement du Québec", "la Ville de Montréal":
        a definite noun of a body with a nationality or a place, named by that phrase."""
        ctx = self.ctx
        doc = ctx.doc
        found = []
        for token in ctx.tokens:
            if token.pos_ not in ("NOUN", "PROPN") or token.tag_ in ("NNS", "NNPS") or \
                    not token.n_lefts:
                continue
            dets = [c for c in token.lefts if c.dep_ == "det"]
            if not dets or not ctx.lexicon.is_word("determiner_definite", dets[0].text) or \
                    ctx.lexicon.is_word("determiner_possessive", dets[0].text) or \
                    "Plur" in token.morph.get("Number"):
                continue
            word = self._body_noun(token)
            if word is None or not ctx.is_prose(token) or ctx.in_quotes(token):
                continue
            left = right = token.i
            for child in token.children:
                if child.dep_ in ("amod", "compound") and self._place_word(child):
                    left, right = min(left, child.i), max(right, child.i)
                elif child.dep_ in ("nmod", "prep") and child.i > token.i:
                    inner = child if child.dep_ == "nmod" else next(
                        (c for c in child.children if c.dep_ == "pobj"), None)
                    if inner is not None and inner.pos_ == "PROPN" and \
                            inner.text[:1].isupper() and child.i - token.i <= 3 and \
                            all(t.pos_ in ("ADP", "DET", "PROPN") for t in
                                doc[token.i + 1:inner.i]) and not any(
                                ctx.lexicon.is_word("circumstance_preposition", t.text)
                                for t in doc[token.i + 1:inner.i]):
                        right = max(right, inner.i)  # (not « le ministère sur Twitter »)
            # the capitalised words of the name before its head noun, "and" between them
            # ("the Water Purification and Treatment Association of India")
            if token.text[:1].isupper():
                k = token.i - 1
                while k > dets[0].i and (
                        (doc[k].text[:1].isupper() and doc[k].pos_ in ("PROPN", "NOUN", "ADJ"))
                        or (doc[k].lower_ in ("and", "&", "et") and k - 1 > dets[0].i
                            and doc[k - 1].text[:1].isupper())):
                    k -= 1
                if k + 1 < left and right > token.i:
                    left = k + 1
            if left == right == token.i:
                continue
            tokens = list(doc[left:right + 1])
            mention = self._org_mention(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text),
                                        tokens, token)
            if mention is not None:
                found.append((mention, {word}))
        return found

    def _place_word(self, token: Token) -> bool:
        return self.resources.nationalities.get(fold(token.text)) is not None or (
            token.ent_type_ in ("NORP", "GPE") and token.text[:1].isupper())

    def _org_cluster_of(self, mention: NameMention) -> OrgCluster | None:
        for cluster in reversed(self.orgs):
            for name in cluster.names:
                if _same_org(mention.words, name.words) \
                        or _acronym_of(mention, name) or _acronym_of(name, mention):
                    return cluster
        return None

    def _lengthen(self, cluster: OrgCluster, longer: NameMention) -> None:
        """The whole name replaces the pieces of it the tagger saw ("the World Travel")."""
        def inside(n: NameMention) -> bool:
            return longer.start <= n.start and n.end <= longer.end

        cluster.names = [n for n in cluster.names if not inside(n)] + [longer]
        if cluster.entity is not None:
            entity = self.entities[cluster.entity]
            entity.names = [n for n in entity.names if not inside(n)] + [longer]

    def _org_entity(self, cluster: OrgCluster) -> Entity:
        """The entity of an organisation that speaks, with every name the article gives it."""
        if cluster.entity is not None:
            return self.entities[cluster.entity]
        starts = {n.start for n in cluster.names}
        entity = next((e for e in self.entities if e.kind == "org"
                       and any(n.start in starts for n in e.names)), None)
        if entity is None:
            first = min(cluster.names, key=lambda n: n.start)
            entity = Entity(key=len(self.entities), kind="org", first_start=first.start,
                            first_text=first.bare)
            self.entities.append(entity)
        for name in cluster.names:
            if all((n.start, n.end) != (name.start, name.end) for n in entity.names):
                entity.names.append(name)
                entity.first_start = min(entity.first_start, name.start)
                self.history.append((name.start, entity, name.subject))
        self.history.sort(key=lambda h: h[0])
        cluster.entity = entity.key
        return entity

    def _organisation(self, mention: SpeakerMention) -> Entity | None:
        """The organisation a speaker mention stands for: one of its names ("l'Office fédéral
        de l'agriculture"), or a definite noun it was called by before ("l'agence", "the
        department", "the company")."""
        if not self.orgs:
            return None
        ctx = self.ctx
        doc = ctx.doc
        head = doc[mention.head]
        for entity in self.entities:
            if entity.kind == "person" and any(n.start < mention.end and mention.start < n.end
                                               for n in entity.names):
                return None
        for cluster in self.orgs:
            for name in cluster.names:
                if name.start < mention.end and mention.start < name.end and (
                        mention.kind == "name" or name.start <= head.idx < name.end):
                    if mention.kind == "name" and mention.start <= name.start and \
                            name.end <= mention.end and mention.end - mention.start > \
                            name.end - name.start:  # the tagger cut the name short
                        span = doc.char_span(mention.start, mention.end,
                                             alignment_mode="expand")
                        tokens = self._org_name_tokens(list(span))[0] if span else []
                        longer = self._org_mention(
                            tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), tokens,
                            head) if tokens else None
                        if longer is not None and longer.end - longer.start > \
                                name.end - name.start:
                            self._lengthen(cluster, longer)
                    return self._org_entity(cluster)
        if mention.kind == "name":  # the same name where the tagger did not see it
            words = tuple(w for w in (fold_word(x) for x in re.split(
                r"[\s’']+", ctx.text[mention.start:mention.end])) if w)
            for cluster in self.orgs:
                if any(n.words == words for n in cluster.names) and \
                        not self._spells_a_person(words):
                    return self._org_entity(cluster)
        if mention.kind not in ("name", "role", "group", "anonymous"):
            return None
        word = self._body_noun(head)
        if word is None or "Plur" in head.morph.get("Number") or head.tag_ in ("NNS", "NNPS"):
            return None
        span = doc.char_span(mention.np_start, mention.np_end, alignment_mode="expand")
        tokens = [t for t in span] if span is not None else [head]
        first = tokens[0]
        lexicon = ctx.lexicon
        if first.i == head.i or not (lexicon.is_word("determiner_definite", first.text)
                                     or lexicon.is_word("determiner_demonstrative",
                                                        first.text)) or \
                lexicon.is_word("determiner_possessive", first.text):
            return None
        extra = [t for t in tokens[1:] if t.i != head.i and not t.is_punct
                 and t.pos_ not in ("DET", "ADP", "CCONJ", "PART")]
        company = lexicon.is_word("company_noun", word)
        agency = lexicon.is_word("agency_noun", word)
        association = lexicon.is_word("association_noun", word)
        paragraph = self._paragraph(mention.np_start)
        best: tuple[int, OrgCluster] | None = None
        for cluster in self.orgs:
            # (in English also a body whose own name holds such a noun, "the British
            # Bankers' Association … the lobby group"; French keeps « une association … »
            # descriptions apart)
            if association and (not cluster.heads or (ctx.lang == "en" and any(
                    lexicon.is_word("association_noun", h) for h in cluster.heads))) and all(
                    t.pos_ == "ADJ" or t.dep_ == "compound" for t in extra):
                # « … les déclarations de Greenpeace. L'organisation écologiste a appelé … »:
                # the body named last, in this paragraph or the one before
                before = [n.start for n in cluster.names if n.end <= mention.np_start
                          and paragraph - self._paragraph(n.start) <= 1]
            elif word in cluster.heads:
                if not all(self._fits(t, cluster) for t in extra):
                    continue
                before = [n.start for n in cluster.names if n.end <= mention.np_start]
            elif not extra and ((company and not cluster.heads) or (
                    agency and any(_acronym(n.bare) for n in cluster.names) and not any(
                        lexicon.is_word("company_noun", h) for h in cluster.heads))):
                # "Harlow Foods said … the company", "l'EPA … l'agence": a body named
                # without that noun, as the subject of a sentence before
                before = [n.start for n in cluster.names
                          if n.end <= mention.np_start and n.subject]
            else:
                continue
            if before and (best is None or max(before) > best[0]):
                best = (max(before), cluster)
        return self._org_entity(best[1]) if best is not None else None

    def _fits(self, token: Token, cluster: OrgCluster) -> bool:
        """A modifier of the description agrees with the organisation's name ("fédérale"
        with "Agence fédérale de …", "parliamentary" with "Parliament's … Committee") or is a
        nationality."""
        word = fold_word(token.text)
        if not word or self.resources.nationalities.get(fold(token.text)):
            return True
        return any(word == w or (len(w) >= 5 and len(word) >= 5 and
                                 _common_prefix(word, w) >= min(len(w), len(word), 6))
                   for w in cluster.words)

    def _add_name(self, mention: NameMention) -> Entity:
        entity = self._match_name(mention)
        if entity is None:
            entity = Entity(key=len(self.entities), kind=mention.label,
                            first_start=mention.start, first_text=mention.bare)
            self.entities.append(entity)
        if all(n.start != mention.start for n in entity.names):
            entity.names.append(mention)
            entity.first_start = min(entity.first_start, mention.start)
            self.history.append((mention.start, entity, mention.subject and not mention.embedded))
            self.history.sort(key=lambda h: h[0])
        if mention.gender and not entity.gender:
            entity.gender = mention.gender
        for role in self._roles_around(mention):
            entity.roles.append(role)
            if role.gender and not entity.gender:
                entity.gender = role.gender
        if mention.label == "person" and entity.kind == "org":
            entity.kind = "person"
        return entity

    def _match_name(self, mention: NameMention) -> Entity | None:
        single = len(mention.words) == 1
        candidates: list[tuple[int, Entity]] = []
        for entity in self.entities:
            if entity.kind == "group":
                continue
            score = _entity_score(mention.words, entity)
            if score == 0:
                continue
            raw = max(_name_score(mention.words, n.words) for n in entity.names)
            if mention.label != entity.kind and raw < 6 and not (
                    mention.label == "org" and raw >= 2 and single
                    and not _acronym(mention.bare)):
                continue  # a country is not a person with a similar name
            if mention.gender and entity.gender and mention.gender != entity.gender:
                continue
            if not single and _other_first_name(mention.words, entity):
                continue  # "Mark Meadows" is not the "Scott Meadows" already found
            candidates.append((score, entity))
        if not candidates:
            return None
        top = max(score for score, _ in candidates)
        best = [entity for score, entity in candidates if score == top]
        if len(best) > 1 and single:
            # "Trump" alone is not "Donald Trump Jr." when the father is named too
            plain = [e for e in best if not all(_generation(n.words) for n in e.names)]
            best = plain or best
        if len(best) > 1 and single:
            # a surname alone shared by several people: the one the text was last about
            return self._latest_of(best, mention.start)
        # otherwise the one the article is about
        return max(best, key=lambda e: (e.salience, -e.first_start))

    def _latest_of(self, entities: list[Entity], offset: int) -> Entity:
        """Of several people a surname alone may name, the most recent subject or speaker
        before `offset`, else the most recently named, else the next one named."""
        def last(entity: Entity, subject_only: bool) -> int:
            return max((n.start for n in entity.names if n.start < offset
                        and (n.subject or not subject_only)), default=-1)

        for subject_only in (True, False):
            found = max(entities, key=lambda e: last(e, subject_only))
            if last(found, subject_only) >= 0:
                return found
        return min(entities, key=lambda e: min((abs(n.start - offset) for n in e.names),
                                               default=10**9))

    # ---------------------------------------------------------------- roles

    def _role_from_tokens(self, tokens: list[Token]) -> Role | None:
        lexicon = self.ctx.lexicon
        words = []
        head = None
        gender = None
        nationality = None
        # "President Donald Trump's son": the possessor's words are not the role's
        possessor = {d.i for t in tokens if t.dep_ == "poss" for d in t.subtree}
        for token in tokens:
            if token.is_punct or token.is_space or token.i in possessor:
                continue
            low = token.lower_.replace("’", "'")
            if lexicon.is_word("determiner_feminine", low) and gender is None and not words:
                gender = "f"
            elif lexicon.is_word("determiner_masculine", low) and gender is None and not words:
                gender = "m"
            if token.pos_ in ("DET", "ADP", "CCONJ", "PRON", "SCONJ", "PART") or \
                    lexicon.is_word("determiner_definite", low):
                continue
            honorific = lexicon.title(token.text) or lexicon.title(token.text.rstrip("."))
            if honorific is not None and honorific.kind == "honorific":
                continue  # "Ms", « M. »: a form of address, no function
            word = fold_word(token.text)
            if not word:
                continue
            code = self.resources.nationalities.get(fold(token.text))
            if code:
                nationality = nationality or code
            words.append(word)
            if token.pos_ == "NOUN" and head is None:
                head = word
                title = lexicon.title(token.text) or lexicon.title(token.lemma_)
                if title is not None and title.gender and gender is None:
                    gender = title.gender
        if not words:
            return None
        if self.ctx.lang == "en":
            def is_noun(t: Token) -> bool:
                return t.pos_ == "NOUN" or (t.pos_ == "PROPN" and lexicon_title_word(t, self.ctx))

            nouns = [fold_word(t.text) for t in tokens if is_noun(t)]
            before_of = []
            for t in tokens:
                if lexicon.is_word("of", t.text):
                    break
                if is_noun(t):
                    before_of.append(fold_word(t.text))
            head = (before_of or nouns or [words[-1]])[-1]
        periphrasis = False
        for phrase, office, office_head in self.resources.role_equivalents.get(self.ctx.lang,
                                                                             ()):
            if phrase <= set(words):  # « le chef de l'État »: the president
                words.extend(office)
                head, periphrasis = office_head, True
        return Role(frozenset(words), head or words[0], nationality, gender, _age(tokens),
                    periphrasis)

    def _roles_around(self, mention: NameMention) -> list[Role]:
        """Role descriptions the text attaches to this name mention."""
        ctx = self.ctx
        doc = ctx.doc
        start_token = ctx.token_at(mention.start)
        end_token = ctx.token_at(mention.end - 1)
        if start_token is None or end_token is None:
            return []
        roles: list[Role] = []
        unit_start, unit_end = ctx.unit_of(start_token)
        before = self._title_before(start_token, unit_start)
        previous = ctx.previous_word(start_token.i)
        governed = previous is not None and ctx.lexicon.is_word("of", previous.text)
        possessive = mention.text.endswith(("'s", "’s")) or (
            ctx.next_word(end_token.i) is not None
            and ctx.next_word(end_token.i).text in ("'s", "’s"))
        if ctx.lang == "en" and before and not any(
                lexicon_title_word(t, ctx) for t in before):
            before = []  # English titles are function words ("press secretary", "Mayor")
        if before and not governed and not possessive and self._role_nouns(before):
            role = self._role_from_tokens(before)
            if role:
                roles.append(role)
        # ", ROLE, NAME,": a role phrase ending with a comma right before the name
        comma = previous
        after_name = ctx.next_word(end_token.i)
        # (also at the end of the sentence, and after a preposition: « en présence de
        # l'administrateur de l'hôpital, John Baelani. »)
        if comma is not None and comma.text in ",(" and not before and (
                after_name is None or after_name.text in ",).;"
                or after_name.i >= unit_end or ctx.lexicon.is_word("coordinator",
                                                                   after_name.text)):
            phrase = self._phrase_back(comma.i - 1, unit_start)
            opener = ctx.previous_word(phrase[0].i) if phrase else None
            # (after « de », « par », "by" or another preposition)
            after_of = opener is not None and opener.i >= unit_start and (norm_token(
                opener) in ("de", "d'", "du", "des", "of") or opener.pos_ == "ADP")
            # (« et du ministre des Finances, X »: the article fused in « du »)
            fused = opener is not None and "Def" in opener.morph.get("Definite") and \
                opener.pos_ == "ADP"
            if phrase and (phrase[0].pos_ == "DET" or fused) and self._role_nouns(phrase) and (
                    opener is None or opener.i < unit_start or opener.text in ",:;"
                    # after « de », only a function the word lists know: « en présence de
                    # l'administrateur de l'hôpital, X » but not « lors de la conférence, X »
                    or (after_of and self._known_function(phrase))):
                role = self._role_from_tokens(phrase)
                if role:
                    roles.append(role)
        # "NAME, ROLE," / "NAME (ROLE)"
        k = end_token.i + 1
        while k < unit_end and doc[k].text == "(":  # skip "(2)", "(ČSSD)"
            close = k
            while close < unit_end and doc[close].text != ")":
                close += 1
            k = close + 1
        if k < unit_end and doc[k].text == ",":
            phrase = []
            m = k + 1
            closed = False
            while m < unit_end:
                token = doc[m]
                if token.text in ",;:.()" or token.is_space and "\n" in token.text:
                    closed = True
                    break
                if token.text in "«»“”\"" or ctx.in_quotes(token) or token.pos_ in (
                        "VERB", "AUX"):
                    break
                phrase.append(token)
                m += 1
            if m >= unit_end:
                closed = True
            if not closed:
                phrase = []
            phrase = _before_next_name(phrase, ctx)
            if phrase and phrase[0].pos_ in ("DET", "NOUN", "ADJ", "NUM", "PROPN") and \
                    self._role_nouns(phrase):
                role = self._role_from_tokens(phrase)
                if role:
                    roles.append(role)
        roles.extend(self._appointed_roles(start_token, end_token))
        return roles

    def _appointed_roles(self, first: Token, last: Token) -> list[Role]:
        """ "Avant d'être nommée ministre de la Culture, Françoise Nyssen …", "X was elected
        mayor": the predicate noun of an appointment verb whose subject is this name."""
        ctx = self.ctx
        subject = next((t for t in ctx.doc[first.i:last.i + 1]
                        if t.dep_.startswith("nsubj") and t.head.i != t.i), None)
        if subject is None:
            return []
        verb = subject.head
        candidates = [verb, *(c for c in verb.children if c.dep_ == "advcl" and not any(
            g.dep_.startswith("nsubj") and g.pos_ != "PRON" for g in c.children))]
        roles = []
        for candidate in candidates:
            if not ctx.lexicon.is_word("appointment", candidate.lemma_):
                continue
            for child in candidate.children:
                if child.dep_ in ("xcomp", "oprd", "attr") and child.pos_ == "NOUN":
                    phrase = [t for t in child.subtree if not t.is_punct]
                    if phrase and self._role_nouns(phrase):
                        role = self._role_from_tokens(phrase)
                        if role:
                            roles.append(role)
        return roles

    def _known_function(self, tokens: list[Token]) -> bool:
        nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN")]
        title = (self.ctx.lexicon.title(nouns[0].lemma_) or self.ctx.lexicon.title(nouns[0].text)
                 ) if nouns else None
        return title is not None and title.kind in ("role", "relational")

    def _role_nouns(self, tokens: list[Token]) -> bool:
        """The phrase names a function (not an institution, a document or an event)."""
        nouns = [t for t in tokens if t.pos_ == "NOUN" or (
            t.pos_ == "PROPN" and lexicon_title_word(t, self.ctx))]
        if not nouns or any(self.ctx.is_time(t) for t in nouns[:1]):
            return False  # « Emmanuel Macron, mardi 16 janvier, … »: a date, not a function
        for noun in nouns[:1]:
            title = self.ctx.lexicon.title(noun.lemma_) or self.ctx.lexicon.title(noun.text)
            if title is not None and title.kind in ("institution", "document"):
                return False
        return True

    def _title_before(self, start_token: Token, unit_start: int) -> list[Token]:
        """ "le ministre de la Santé Roman Prymula", "Tunisian Prime Minister Habib Essid":
        the words of the title standing right before a name."""
        ctx = self.ctx
        doc = ctx.doc
        lexicon = ctx.lexicon
        phrase: list[Token] = []
        j = start_token.i - 1
        while j >= unit_start:
            token = doc[j]
            if token.is_space:
                j -= 1
                continue
            if token.text in ",;:«»“”\"()" or token.pos_ in ("VERB", "AUX", "SCONJ", "PRON",
                                                           "CCONJ") or ctx.in_quotes(token):
                break
            previous = ctx.previous_word(j)
            if token.pos_ == "DET" or lexicon.is_word("determiner_definite", token.text):
                if previous is not None and previous.pos_ == "ADP" and phrase:
                    phrase.insert(0, token)  # "de la Santé": inside the title
                    j -= 1
                    continue
                phrase.insert(0, token)
                break
            if token.pos_ == "ADP" and token.lower_ == "en" and phrase and \
                    phrase[0].lower_ == "chef":
                phrase.insert(0, token)  # « juge en chef », « rédacteur en chef »
                j -= 1
                continue
            if token.pos_ == "ADP" and ("Def" in token.morph.get("Definite")
                                        or not lexicon.is_word("of", token.text)):
                # "bras droit du Premier ministre X": the title starts after "du"; but in
                # « le ministre des Finances X » what follows « des » names no function
                if self._names_function(phrase) or not lexicon.is_word("of", token.text):
                    break
            phrase.insert(0, token)
            j -= 1
        while phrase and phrase[0].pos_ == "ADP":
            phrase = phrase[1:]
        return phrase

    def _names_function(self, tokens: list[Token]) -> bool:
        """Some word of the phrase is a function the word lists know (« ministre », "mayor")."""
        for token in tokens:
            title = self.ctx.lexicon.title(token.lemma_) or self.ctx.lexicon.title(token.text)
            if title is not None and title.kind in ("role", "relational"):
                return True
        return False

    def _phrase_back(self, j: int, unit_start: int) -> list[Token]:
        doc = self.ctx.doc
        phrase: list[Token] = []
        while j >= unit_start:
            token = doc[j]
            if token.is_space:
                j -= 1
                continue
            if token.text in ",;:«»“”\"" or token.pos_ in ("VERB", "AUX"):
                break
            if token.text == ")":  # "le secrétaire (US Defense) (Pete Hegse)"
                while j >= unit_start and doc[j].text != "(":
                    if doc[j].text not in "()":
                        phrase.insert(0, doc[j])
                    j -= 1
                j -= 1
                continue
            phrase.insert(0, token)
            j -= 1
        while phrase and phrase[0].pos_ not in ("DET",):
            if len(phrase) <= 1:
                break
            fused = phrase[0].pos_ == "ADP" and "Def" in phrase[0].morph.get("Definite")
            phrase = phrase[1:]
            if fused:
                break  # « et du ministre des Finances »: the article is in « du »
        return phrase

    # ---------------------------------------------------------------- resolution

    def resolve(self, drafts: list[Draft]) -> list[Entity | None]:
        """The entity each draft's speaker mention stands for (None when unknown).

        Speaker mentions are resolved in text order together with the other subject
        pronouns and demonstrative descriptions of the article ("Cette jeune fille …",
        "Elle vit …"), so that a pronoun finds the person the text was last about.
        """
        ctx = self.ctx
        items: list[tuple[int, int, SpeakerMention]] = []  # (offset, draft index or -1, mention)
        speaker_starts = set()
        for n, draft in enumerate(drafts):
            if draft.speaker is not None:
                items.append((draft.speaker.start, n, draft.speaker))
                if not re.match(r"[^\s’']+(?:\s[^\s’']+)*[’']s\s", ctx.text[
                        draft.speaker.start:draft.speaker.end]):
                    # ("Machiskinic’s family" starts with a name that does not speak)
                    speaker_starts.add(draft.speaker.start)
        reported = [(d.start, d.end) for d in drafts if d.kind in ("indirect", "mixed")]
        self.reported = reported
        self.speaker_starts = speaker_starts
        for token in ctx.tokens:
            if not token.dep_.startswith("nsubj") or ctx.in_quotes(token) or \
                    not ctx.is_prose(token):
                continue
            if token.pos_ == "PRON" and any(a <= token.idx < b for a, b in reported):
                continue  # « he » in "X said he believes …" may be anyone: not a chain link
            if self._between_dashes(token):
                continue  # the subject of an aside between dashes is not a chain link
            mention = self._chain_mention(token)
            if mention is not None and mention.start not in speaker_starts:
                items.append((mention.start, -1, mention))
        result: list[Entity | None] = [None] * len(drafts)
        done: dict[int, Entity | None] = {}
        for offset, n, mention in sorted(items, key=lambda item: (item[0], item[1])):
            if offset in done:
                entity = done[offset]
            elif n < 0 and mention.kind == "role":
                # a described subject that says nothing joins the chain only when its
                # description fits a person the article gave that role (not by salience)
                entity = self.resolve_role(mention, strict=True)
                done[offset] = entity
                if entity is not None:
                    self._learn_gender(mention, entity)
                    self._remember(mention, entity, speaker=False)
            else:
                entity = self.resolve_mention(mention, drafts[n] if n >= 0 else None)
                done[offset] = entity
                if entity is not None:
                    if n >= 0 or mention.kind != "pronoun":
                        # (not from a pronoun that only continues the chain: in "X said he
                        # had …", « he » may well be someone else)
                        self._learn_gender(mention, entity)
                    self._remember(mention, entity, speaker=n >= 0)
            if n >= 0:
                result[n] = entity
        for n, draft in enumerate(drafts):  # continuations without a mention
            if result[n] is None and draft.continues is not None:
                result[n] = result[draft.continues]
        for entity in result:
            if entity is not None:
                entity.quote_count += 1
        for entity in self.entities:
            self._apply_known(entity)
        return result

    def _apply_known(self, entity: Entity) -> None:
        """A person of the known-people file keeps its canonical name and key."""
        if entity.kind == "group" or entity.known_key:
            return
        for name in entity.names:
            known = self.resources.known_person(name.bare)
            if known is not None:
                entity.known_key, entity.known_name = known.key, known.name
                return

    def _chain_mention(self, token: Token) -> SpeakerMention | None:
        """A subject that continues a chain: a personal pronoun, "cette jeune fille", or a
        group of people that a later "ils"/"they" may stand for."""
        lexicon = self.ctx.lexicon
        pronoun = lexicon.pronoun(token.text)
        if pronoun is not None and pronoun.kind == "personal":
            return mention_for(token, self.ctx)
        if token.pos_ in ("PROPN", "NOUN") and pronoun is None:
            # « Le ministre Giovanni Tria a contesté ces chiffres. « … », a-t-il assuré »: a
            # person named as the subject of any verb is whom a next "il" is about (the
            # subject itself, or a title before the name: not "Trump's inauguration").
            mention = mention_for(token, self.ctx)
            title = lexicon.title(token.lemma_) or lexicon.title(token.text)
            names_subject = mention.start <= token.idx < mention.end or (
                title is not None and title.kind in ("role", "honorific"))
            if mention.kind == "name" and names_subject and self._names_a_person(mention):
                return mention
            # « La Montréalaise Katel Le Fustec s'apprêtait … »: the parser made the word
            # before the name the subject and hung the person's name on it
            for child in token.children:
                if child.dep_ in ("flat:name", "flat", "appos") and \
                        child.ent_type_ in PERSON_LABELS and child.i == token.i + 1:
                    named = mention_for(child, self.ctx)
                    if named.kind == "name" and self._names_a_person(named):
                        return named
        if token.pos_ == "NOUN" and ("Plur" in token.morph.get("Number")
                                     or token.tag_ == "NNS") and animate(token, self.ctx):
            mention = mention_for(token, self.ctx)
            return mention if mention.kind == "group" else None
        if token.pos_ == "NOUN" and any(
                lexicon.is_word("determiner_demonstrative", c.text)
                or c.lower_.replace("’", "'") in _DEFINITE_ARTICLES for c in token.children
                if c.dep_ == "det") and "Plur" not in token.morph.get("Number"):
            # « Cette jeune fille … », « L'ancien président du parti … évoque X. « … »,
            # s'étonne-t-il »: a person described as the subject is whom « il » is about
            title = lexicon.title(token.lemma_) or lexicon.title(token.text)
            if title is not None and title.kind == "role":
                mention = mention_for(token, self.ctx)
                return mention if mention.kind == "role" else None
        return None

    def _names_a_person(self, mention: SpeakerMention) -> bool:
        """The tagger saw a person in the mention's name, or the phrase gives the name a
        person's role or title (« le juge en chef Rossiter »), not an organisation's name."""
        doc, lexicon = self.ctx.doc, self.ctx.lexicon
        name = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if name is not None and any(t.ent_type_ in PERSON_LABELS for t in name):
            return True
        phrase = doc.char_span(mention.np_start, mention.np_end, alignment_mode="expand")
        return phrase is not None and any(
            (title := lexicon.title(t.lemma_) or lexicon.title(t.text)) is not None
            and title.kind in ("role", "honorific") for t in phrase)

    def _learn_gender(self, mention: SpeakerMention, entity: Entity) -> None:
        if entity.gender or entity.kind != "person":
            return
        text = self.ctx.text[mention.start:mention.end]
        if mention.kind == "pronoun":
            pronoun = self.ctx.lexicon.pronoun(text)
            if pronoun is not None and pronoun.number != "p":
                entity.gender = pronoun.gender
        elif mention.kind == "role":
            first = text.split()[0] if text.split() else ""
            if self.ctx.lexicon.is_word("determiner_feminine", first):
                entity.gender = "f"

    def _remember(self, mention: SpeakerMention, entity: Entity, *, speaker: bool) -> None:
        text = self.ctx.text[mention.start:mention.end]
        if speaker and all(m[0] != mention.start for m in entity.mentions) and \
                all(n.start != mention.start for n in entity.names):
            entity.mentions.append((mention.start, mention.end, text, mention.kind))
        self.history.append((mention.start, entity, True))
        self.history.sort(key=lambda h: h[0])

    def resolve_mention(self, mention: SpeakerMention, draft: Draft | None = None
                        ) -> Entity | None:
        kind = mention.kind
        if kind == "name" and self._person_context(mention):
            return self.resolve_name(mention, person=True)
        if kind in ("role", "anonymous", "indefinite", "group"):
            apposed = self._apposed_person(mention) or self._person_before_apposition(mention)
            if apposed is not None:
                return apposed
            same = self._same_source(mention)
            if same is not None:
                return same
        if kind in ("role", "group", "anonymous") and self._statement_noun(
                self.ctx.doc[mention.head]):
            return self._statement_author(mention)
        if kind in ("role", "group") and self._publication(mention):
            # « peut-on lire dans le quotidien », "the newspaper said": the publication the
            # article named last
            latest = self._latest_org(mention.start)
            if latest is not None:
                return latest
        if kind != "name" and self._demonstrative_institution(mention):
            # « Selon cette organisation, … », "this group said": the body just named
            latest = self._latest_body(mention.start)
            if latest is not None:
                return latest
        if kind in ("name", "role", "group", "anonymous"):
            organisation = self._organisation(mention)
            if organisation is not None:
                return organisation
        if kind == "name":
            return self.resolve_name(mention)
        if kind == "relative":
            if mention.antecedent is None:
                return self._most_recent(mention.start, person=True, gender=None, number=None)
            return self.resolve_mention(mention_for(self.ctx.doc[mention.antecedent], self.ctx))
        if kind == "pronoun":
            before = draft.start if draft is not None and draft.start < mention.start else None
            # (when nothing stands before the quotation, its own words are all there is: the
            # quotation's span may have run over the attribution, « Pour X, … », ajoute-t-il)
            return self.resolve_pronoun(mention, before) or (
                self.resolve_pronoun(mention) if before is not None else None) or \
                self._role_subject_before(mention)
        if kind in ("first", "generic"):
            return None
        if kind == "indefinite":
            return self._group(mention, continue_same_head=False)
        if kind in ("group", "role") and self._demonstrative_singular(mention):
            # « ajoutait cet influent tory », "this veteran lawmaker said": a description of
            # the person just mentioned
            recent = self._most_recent(mention.start, person=True, gender=None, number="s")
            if recent is not None:
                return recent
        if kind in ("group",):
            return self._group(mention, continue_same_head=True)
        if kind == "anonymous":
            first = self.ctx.text[mention.np_start:mention.np_end].split()[:1]
            indefinite = bool(first) and (
                self.ctx.lexicon.is_word("determiner_indefinite", first[0])
                or first[0].isdigit())
            head = self.ctx.doc[mention.head]
            if not indefinite and self.ctx.lexicon.is_word("generic_person", head.lemma_) and \
                    "Plur" not in head.morph.get("Number"):
                return self.resolve_role(mention)  # « la responsable »: a description
            title = self.ctx.lexicon.title(head.lemma_) or self.ctx.lexicon.title(head.text)
            if not indefinite and title is not None and title.kind == "relational":
                # « le porte-parole du gouvernement » after « Le porte-parole du gouvernement,
                # X, »: the person the article gave that very function, when there is one
                holder = self.resolve_role(mention, strict=True)
                if holder is not None:
                    return holder
            return self._group(mention, continue_same_head=not indefinite, anonymous=True)
        return self.resolve_role(mention)

    _TOPIC = re.compile(r"(?:quant (?:à|au|aux)|as for)\s+(.+?),\s*$", re.IGNORECASE)

    def _topic_before(self, mention: SpeakerMention) -> Entity | None:
        """ « Quant à Fernand Kartheiser (ADR), il a regretté … », "As for Smith, he …": the
        person set up as the topic is whom the pronoun right after stands for."""
        token = self.ctx.token_at(mention.start)
        if token is None:
            return None
        sentence_start = token.sent.start_char
        found = self._TOPIC.search(self.ctx.text[sentence_start:mention.start])
        if found is None:
            return None
        first, last = sentence_start + found.start(1), sentence_start + found.end(1)
        for entity in self.entities:
            if entity.kind == "person" and any(first <= n.start < last for n in entity.names):
                return entity
        return None

    def _affiliations(self, entity: Entity) -> set[str]:
        """Words in brackets right after the person's name: « Marc Baum (Déi Lénk) »."""
        found: set[str] = set()
        for name in entity.names:
            bracket = re.match(r"[ \t]*\(([^()\n]{1,40})\)", self.ctx.text[name.end:])
            if bracket:
                found.update(fold_word(w) for w in bracket.group(1).split())
        return {w for w in found if w}

    def _speaks_as_subject(self, name: NameMention) -> bool:
        """The name is a subject, before its verb or inverted after it (« a écrit sur
        Telegram Oleksandr Prokudin »)."""
        if name.subject:
            return True
        token = self.ctx.token_at(name.start)
        if token is None:
            return False
        j = token.i - 1
        while j >= 0 and (token.doc[j].pos_ in ("ADP", "PROPN", "NOUN", "DET", "ADV", "X")
                          and token.i - j <= 4):
            j -= 1
        return j >= 0 and token.doc[j].pos_ in ("VERB", "AUX") and \
            cue_word(token.doc[j], self.ctx.lexicon) is not None

    def _same_source(self, mention: SpeakerMention) -> Entity | None:
        """ « ajoute la même source », "the same official said": whoever spoke last."""
        words = self.ctx.text[mention.np_start:mention.np_end].lower().split()
        if not any(w in ("même", "same") for w in words[:3]) or \
                words[:1] in (["une"], ["un"], ["a"]):
            return None
        earlier = [(o, entity) for o, entity, _ in self.history if o < mention.start]
        return earlier[-1][1] if earlier else None

    def _person_before_apposition(self, mention: SpeakerMention) -> Entity | None:
        """ « Hassan Nasrallah, le chef de ce mouvement …, a assuré »: the parser made the
        apposition the subject; the person named right before its comma is the speaker."""
        if not self._human(self.ctx.doc[mention.head]):
            # « Tout en appelant à libérer X, le Comité a exigé »: a body is no apposition of
            # the person named before it
            return None
        before = self.ctx.text[:mention.np_start]
        comma = re.search(r",[ \t]*$", before)
        if comma is None:
            return None
        end = comma.start()
        for entity in self.entities:
            if entity.kind == "person" and any(n.end == end for n in entity.names):
                return entity
        return None

    def _apposed_person(self, mention: SpeakerMention) -> Entity | None:
        """ « relate un marchand de 26 ans, Luckens. », "said a spokesman, John Hale.": the
        name in apposition right after the speaker's description is the speaker."""
        text = self.ctx.text
        head = self.ctx.doc[mention.head]
        if "Plur" in head.morph.get("Number") or head.tag_ in ("NNS", "NNPS"):
            return None
        comma = re.match(r"[ \t]*,[ \t]*", text[mention.np_end:])
        if comma is None:
            return None
        start = mention.np_end + comma.end()
        for entity in self.entities:
            if entity.kind != "person":
                continue
            for name in entity.names:
                if name.start != start:
                    continue
                after = text[name.end:].lstrip(" \t")[:1]
                if after in ("", "\n", ".", ",", ";", ")", "!", "?", "»", "”", "\""):
                    return entity
        return None

    def _earlier_statement_author(self, head: Token) -> Entity | None:
        """ "X said in a statement. … According to the statement, …": a definite statement
        noun stands for the statement mentioned before, and speaks for whoever made it."""
        ctx = self.ctx
        first = head.doc[head.left_edge.i] if head.left_edge.i < head.i else None
        if first is None or not ctx.lexicon.is_word("determiner_definite", first.text) or \
                ctx.lexicon.is_word("determiner_possessive", first.text):
            return None
        for token in reversed(head.doc[:head.i]):
            if token.lemma_.lower() != head.lemma_.lower() or token.pos_ != "NOUN" or \
                    ctx.in_quotes(token):
                continue
            author = author_of_statement(token, ctx)
            if author is not token and not ctx.in_quotes(author):
                # « Selon le communiqué du procureur, … », then « poursuit le communiqué »
                return self.resolve_mention(mention_for(author, ctx))
            preposition = token.head
            verb = preposition.head if preposition.pos_ == "ADP" else None
            if verb is None or verb.pos_ not in ("VERB", "AUX"):
                continue  # "according to the statement": not where it was made
            subject = grammatical_subject(verb, ctx)
            if subject is None or ctx.in_quotes(subject):
                continue
            return self.resolve_mention(mention_for(subject, ctx))
        return None

    def _demonstrative_singular(self, mention: SpeakerMention) -> bool:
        lexicon = self.ctx.lexicon
        head = self.ctx.doc[mention.head]
        first = self.ctx.text[mention.np_start:mention.np_end].split()[:1]
        if not first or not lexicon.is_word("determiner_demonstrative", first[0]) or \
                first[0].lower() in ("ces", "these", "those"):
            return False
        if head.tag_ in ("NNS", "NNPS") or lexicon.is_word("publication", head.lemma_.lower()):
            return False  # (« cet » is singular whatever the tagger made of « tory »)
        title = lexicon.title(head.lemma_) or lexicon.title(head.text)
        return title is None or title.kind == "role"  # not « ce ministère », « cette source »

    def _latest_body(self, offset: int) -> Entity | None:
        """The single body (an organisation, or a described one such as « l'ONG X ») the
        text named or quoted last before `offset`."""
        named = self._latest_org(offset)
        named_at = max((start for start in (
            [n.start for n in named.names] + [m[0] for m in named.mentions])
            if start < offset), default=-1) if named is not None else -1
        for o, entity, _subject in reversed(self.history):
            if o >= offset or o <= named_at:
                continue
            if (entity.kind == "org" and not entity.plural) or (
                    entity.kind == "group" and _singular_description(entity.first_text)):
                return entity
        return named

    def _demonstrative_institution(self, mention: SpeakerMention) -> bool:
        """A singular demonstrative before a noun of a body (« cette organisation »,
        « ce groupe », "this agency")."""
        lexicon = self.ctx.lexicon
        if mention.head is None or mention.head < 0:
            return False
        head = self.ctx.doc[mention.head]
        first = self.ctx.text[mention.np_start:mention.np_end].split()[:1]
        if not first or not lexicon.is_word("determiner_demonstrative", first[0].lower()) or \
                first[0].lower() in ("ces", "these", "those") or head.tag_ in ("NNS", "NNPS"):
            return False
        return institution_noun(head, self.ctx)

    def _publication(self, mention: SpeakerMention) -> bool:
        """A definite « le quotidien », "the paper" alone (not « un journal local »)."""
        lexicon = self.ctx.lexicon
        head = self.ctx.doc[mention.head]
        first = self.ctx.text[mention.np_start:mention.np_end].split()[:1]
        return lexicon.is_word("publication", head.lemma_.lower()) and bool(first) and \
            lexicon.is_word("determiner_definite", first[0].lower()) and \
            not lexicon.is_word("determiner_demonstrative", first[0].lower())

    def _latest_org(self, offset: int) -> Entity | None:
        """The organisation the text named last before `offset`, as a speaker or not."""
        best: tuple[int, Entity | OrgCluster] | None = None
        named = [*(e for e in self.entities if e.kind == "org"), *self.orgs]
        for holder in named:
            starts = [name.start for name in holder.names]
            if isinstance(holder, Entity):  # and where it was described (« l'ONG X »)
                starts += [m[0] for m in holder.mentions]
            for start in starts:
                if start < offset and (best is None or start > best[0]):
                    best = (start, holder)
        if best is None:
            return None
        found = best[1]
        return found if isinstance(found, Entity) else self._org_entity(found)

    def _statement_noun(self, token: Token) -> bool:
        nouns = self.ctx.lexicon.nominal_cues
        return token.pos_ == "NOUN" and (token.lemma_.lower() in nouns or token.lower_ in nouns)

    def _statement_author(self, mention: SpeakerMention) -> Entity | None:
        """ « indique le communiqué du Conseil national », "the statement said": the body
        or person that issued the statement, named in the phrase or, failing that, the
        organisation named last nearby; never a person merely mentioned before."""
        ctx = self.ctx
        head = ctx.doc[mention.head]
        author = author_of_statement(head, ctx)
        if author is not head:
            return self.resolve_mention(mention_for(author, ctx))
        earlier = self._earlier_statement_author(head)
        if earlier is not None:
            return earlier
        paragraph = self._paragraph(mention.start)
        best: tuple[int, OrgCluster] | None = None
        for cluster in self.orgs:
            for name in cluster.names:
                if name.start < mention.start and paragraph - self._paragraph(name.start) <= 1 \
                        and (best is None or name.start > best[0]):
                    best = (name.start, cluster)
        if best is not None:
            return self._org_entity(best[1])
        return self._group(mention, continue_same_head=True)

    def resolve_name(self, mention: SpeakerMention, *, person: bool = False) -> Entity | None:
        ctx = self.ctx
        token = ctx.doc[mention.head]
        full = self._bare_name(mention.start, mention.end)
        words = tuple(w for w in (fold_word(x) for x in re.split(r"[\s’']+", full[0])) if w) \
            if full else ()
        # "the Trump administration": a body named after a person, not that person
        modifier_name = self._institution(token) and not person
        for entity in self.entities:
            for name in entity.names:
                if name.start <= mention.start < name.end or mention.start <= name.start < \
                        mention.end:
                    if modifier_name and entity.kind == "person" and name.end <= token.idx:
                        continue
                    if len(words) > len(name.words) and _other_first_name(words, entity):
                        continue  # "Barrêt Koivogui", the tagger saw "Koivogui": not Mory's
                    if person and entity.kind == "org":
                        entity.kind = "person"
                    return entity
        label = "person"
        start = mention.start
        if not person and (token.ent_type_ in _ORG_LABELS or self._institution(token)):
            label = "org"
            first = ctx.token_at(start)
            if first is not None and first.idx == start and first.pos_ == "DET" and \
                    not self._capital_article(first):
                nxt = ctx.next_word(first.i)  # "The White House": not the article
                start = nxt.idx if nxt is not None and nxt.idx < mention.end else start
        end = mention.end
        if modifier_name and mention.end <= token.idx:
            end = token.idx + len(token.text)  # the body's whole name: "Trump administration"
        name = self._name_mention(start, end, label, token)
        if name is None:
            return self.resolve_role(mention)
        name.subject = True
        return self._add_name(name)

    def _person_context(self, mention: SpeakerMention) -> bool:
        """A name the tagger split or labelled a place or a body ("le député Garance Renault",
        "Councillor Savannah Ford", "Paul Orange, 52 ans,") is a person's when an honorific or
        a role noun stands right before it (or opens it), or an age follows it; not when the
        name is a country or a nationality."""
        ctx = self.ctx
        doc = ctx.doc
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        lexicon = ctx.lexicon
        if all(self._place_word(t) or not t.text[:1].isupper() for t in span
               if t.pos_ == "PROPN"):
            return False

        def person_title(token: Token) -> bool:
            if self._body_noun(token) is not None:
                return False
            title = lexicon.title(token.text) or (
                lexicon.title(token.lemma_) if token.pos_ == "NOUN" else None)
            return title is not None and title.kind in ("honorific", "role", "relational")

        if len(span) > 1 and person_title(span[0]):
            return True
        before = ctx.previous_word(span[0].i)
        if before is not None and before.text == ",":
            before = ctx.previous_word(before.i)
        if before is not None and person_title(before) and before.idx >= mention.np_start:
            return True
        after = ctx.next_word(span[-1].i)
        if after is not None and after.text == ",":
            age = ctx.next_word(after.i)
            unit = ctx.next_word(age.i) if age is not None else None
            if age is not None and age.like_num and unit is not None and (
                    unit.text == "," or unit.lower_ in ("ans", "years", "year-old")):
                return True
        return False

    def _institution(self, token: Token) -> bool:
        for t in token.doc[max(0, token.i - 3):token.i + 1]:
            title = self.ctx.lexicon.title(t.lemma_) or self.ctx.lexicon.title(t.text)
            if title is not None and title.kind == "institution":
                return True
        return False

    def resolve_pronoun(self, mention: SpeakerMention, before: int | None = None
                        ) -> Entity | None:
        """The entity a pronoun stands for, looking back from `before` (the start of the
        quotation when it comes first: in « Selon lui, la fédération … », a-t-il précisé, the
        body named inside the quotation is not what « il » stands for)."""
        text = self.ctx.text[mention.start:mention.end]
        offset = mention.start if before is None else min(before, mention.start)
        pronoun = self.ctx.lexicon.pronoun(text)
        gender = pronoun.gender if pronoun else None
        number = pronoun.number if pronoun else None
        topic = self._topic_before(mention)
        if topic is not None and not (gender and topic.gender and gender != topic.gender):
            return topic
        if number == "p":
            return self._most_recent(offset, person=False, gender=None, number="p")
        if pronoun is not None and pronoun.kind == "neuter":
            # "“…,” it said": the body or statement last spoken of, never a person
            found = self._most_recent(offset, person=False, gender=None, number="s", body=True)
            if found is None:
                # "The last report came from the army. “…,” it said": a body named but not
                # yet heard from
                named = self._latest_subject_body(offset) or \
                    self._latest_subject_body(offset, subject=False)
                if named is not None:
                    return self._org_entity(named[1])
            return found
        # « à ses yeux », "in its view": a possessive may stand for a body as well as a person.
        person = not (pronoun is not None and pronoun.kind == "possessive" and gender is None)
        found = self._most_recent(offset, person=person, gender=gender, number="s")
        if person and self.ctx.lang == "fr":
            # « L'AG … appelle à X. Elle appelle à Y »: « il » and « elle » stand for bodies as
            # well, when a body that speaks is the latest subject
            body = self._most_recent(offset, person=False, gender=gender, number="s")
            person_last = self._last_subject(found, offset) if found else -1
            # a body that is the subject inside what someone said (« X a souligné que, selon
            # Dublin, Apple avait payé … ») is not what the next « il » stands for
            body_subject = self._last_subject(body, offset, told=False) if body is not None \
                else -1
            # ... but a person named in this paragraph, when the body spoke in an earlier one,
            # is nearer, subject or not (the parser often misses the subject of « Dimanche,
            # Jean Dupont, le médiateur, a quitté la salle »)
            latest = self._latest_person_in_paragraph(offset, gender)
            if latest is not None and body is not None and latest[0] > body_subject and \
                    self._paragraph(body_subject) < self._paragraph(offset):
                return latest[1]
            if body is not None and body.kind != "person" and not body.plural and (
                    body_subject > person_last) and not self._unnamed_person(body):
                return body
            silent = self._latest_subject_body(offset)
            if silent is not None and silent[0] > person_last and (
                    body is None or silent[0] > self._last_subject(body, offset)):
                # « L'AG organise une conférence de presse. Elle appelle à … »: a body that was
                # the subject of the sentence before, though it had not spoken yet
                return self._org_entity(silent[1])
        return found

    def _unnamed_person(self, entity: Entity) -> bool:
        """ « un proche du chef de l'État », « une députée »: one person left unnamed, not a
        body that « il » or « elle » could stand for."""
        if entity.kind != "group" or entity.plural or entity.institution:
            return False
        title = self.ctx.lexicon.title(entity.head or "")
        if title is not None:
            return title.kind in ("role", "relational", "anonymous")
        return self.ctx.lexicon.is_word("generic_person", entity.head or "")

    def _role_subject_before(self, mention: SpeakerMention) -> Entity | None:
        """ « La maire de Paris a décidé … « … », prévient-elle »: with no named person or
        body to stand for, a singular personal pronoun stands for the role that was the subject
        just before, in the same paragraph, when gender agrees."""
        ctx = self.ctx
        pronoun = ctx.lexicon.pronoun(ctx.text[mention.start:mention.end])
        if pronoun is None or pronoun.number not in ("s", None) or \
                pronoun.kind not in ("personal", "possessive"):
            return None
        paragraph = self._paragraph(mention.start)
        doc = ctx.doc
        for token in reversed(doc[:max(0, mention.head)]):
            if self._paragraph(token.idx) != paragraph:
                break
            if token.dep_ not in ("nsubj", "nsubj:pass") or token.pos_ != "NOUN" or \
                    ctx.in_quotes(token) or not animate(token, ctx):
                continue
            role_mention = mention_for(token, ctx)
            if role_mention.kind != "role":
                return None
            span = doc.char_span(role_mention.np_start, role_mention.np_end,
                                 alignment_mode="expand")
            role = self._role_from_tokens(list(span)) if span is not None else None
            if role is None or (pronoun.gender and role.gender and
                                pronoun.gender != role.gender):
                return None
            return self.resolve_role(role_mention)
        return None

    def _latest_subject_body(self, offset: int, *, subject: bool = True
                             ) -> tuple[int, OrgCluster] | None:
        """The organisation named last (as a subject, unless `subject` is false) before
        `offset`, nearby."""
        paragraph = self._paragraph(offset)
        best: tuple[int, OrgCluster] | None = None
        for cluster in self.orgs:
            for name in cluster.names:
                if (name.subject or not subject) and name.start < offset and \
                        not any(a <= name.start < b for a, b in self.reported) and \
                        paragraph - self._paragraph(name.start) <= 1 and \
                        (best is None or name.start > best[0]):
                    best = (name.start, cluster)
        return best

    def _latest_person_in_paragraph(self, offset: int, gender: str | None
                                    ) -> tuple[int, Entity] | None:
        """The person mentioned last before `offset` in its paragraph, subject or not (a body
        that was the subject of an earlier paragraph no longer stands for « il »)."""
        paragraph = self._paragraph(offset)
        for o, entity, _subject in reversed(self.history):
            if o >= offset:
                continue
            if self._paragraph(o) != paragraph:
                return None
            if entity.kind == "person" and not (gender and entity.gender
                                                and gender != entity.gender):
                return o, entity
        return None

    def _last_subject(self, entity: Entity, offset: int, *, told: bool = True) -> int:
        """Where `entity` was last a subject before `offset` (-1 if never); with
        ``told=False``, not counting subjects inside reported speech."""
        return max((o for o, e, subject in self.history if e is entity and subject
                    and o < offset and (told or not any(a <= o < b for a, b in self.reported))),
                   default=-1)

    def _most_recent(self, offset: int, *, person: bool, gender: str | None,
                     number: str | None, body: bool = False) -> Entity | None:
        paragraph = self._paragraph(offset)
        candidates = [(o, e, subj) for o, e, subj in self.history if o < offset]

        def compatible(entity: Entity) -> bool:
            if person and entity.kind != "person":
                return False
            if body and (entity.kind == "person" or self._unnamed_person(entity)
                         or entity.plural):
                return False  # ("it" is never "the militants")
            if number == "p" and entity.kind == "person":
                return False
            if number == "p" and self.ctx.lang == "fr" and not entity.plural:
                return False  # "ils" is never "l'agence"
            return not (gender and entity.gender and gender != entity.gender)

        for prefer_subject in (True, False):
            for o, entity, subject in reversed(candidates):
                if paragraph - self._paragraph(o) > _PRONOUN_WINDOW:
                    break
                if prefer_subject and not subject:
                    continue
                if compatible(entity):
                    return entity
        return None

    def _paragraph(self, offset: int) -> int:
        for k, p in enumerate(self.ctx.paragraphs):
            if offset <= p.end:
                return k
        return len(self.ctx.paragraphs)

    def resolve_role(self, mention: SpeakerMention, *, strict: bool = False) -> Entity | None:
        ctx = self.ctx
        doc = ctx.doc
        span = doc.char_span(mention.np_start, mention.np_end, alignment_mode="expand")
        tokens = list(span) if span is not None else [doc[mention.head]]
        role = self._role_from_tokens(tokens)
        if role is None:
            return None
        demonstrative = any(ctx.lexicon.is_word("determiner_demonstrative", t.text)
                            for t in tokens[:1])
        if tokens and (ctx.lexicon.is_word("determiner_indefinite", tokens[0].text)
                       or tokens[0].lower_ in ("a", "an")):
            # « un membre de la fédération », "a witness": a new, unnamed person, never one
            # named before
            return self._group(mention, continue_same_head=False, anonymous=True)
        # an earlier anonymous source or group with the same head ("cette source")
        for o, entity, _ in reversed(self.history):
            if o >= mention.start:
                continue
            if entity.kind == "group" and entity.head == role.head:
                return entity
        best: tuple[float, Entity] | None = None
        neutral: list[Entity] = []
        # « l'ancien président du parti ADR » and « Fernand Kartheiser (ADR) »: the body a
        # role names, given in brackets after a person's name
        affiliation = {fold_word(t.text) for t in tokens
                       if t.pos_ == "PROPN" or (t.text.isupper() and len(t.text) > 1)}
        for entity in self.entities:
            if entity.kind != "person":
                continue
            if role.gender and entity.gender and role.gender != entity.gender:
                continue
            if role.periphrasis and entity.first_start > mention.start:
                continue  # « le chef de l'État » stands for a president named before it only
            if role.age is not None and any(known.age is not None and known.age != role.age
                                            for known in entity.roles):
                continue  # « le reporter de 32 ans » is not the merchant of 26
            score = 1.0 if affiliation and affiliation & self._affiliations(entity) else 0.0
            conflict = False
            for known in entity.roles:
                if role.nationality and known.nationality and \
                        role.nationality != known.nationality and \
                        (known.head == role.head or role.head in known.words):
                    conflict = True
                    continue
                if role.head not in known.words and known.head != role.head:
                    continue
                shared = len(role.words & known.words)
                bonus = 2 if role.nationality and role.nationality == known.nationality else 0
                exact = 0.5 if role.words <= known.words else 0.0
                score = max(score, shared + bonus + exact)
            if conflict and score == 0:
                continue
            if score == 0 and self._other_office(role, entity):
                continue  # "the mayor" is not the person the article calls a senator
            if score > 0:
                if best is None or score > best[0] or (score == best[0] and self._closer(
                        entity, best[1], mention.start)):
                    best = (score, entity)
            else:
                neutral.append(entity)
        if best is not None:
            return best[1]
        neutral = [entity for entity in neutral if not self._place_like(entity)]
        if demonstrative:
            recent = self._most_recent(mention.start, person=True, gender=role.gender,
                                       number="s")
            if recent is not None:
                return recent
        if strict:
            return None
        if ctx.lexicon.title(doc[mention.head].lemma_) is None and \
                ctx.lexicon.title(doc[mention.head].text) is None and not neutral:
            return self._group(mention, continue_same_head=True)
        head_token = doc[mention.head]
        head_role = ctx.lexicon.title(head_token.text)
        if (head_token.pos_ == "PROPN" or (head_token.ent_type_ and head_token.text[:1].isupper())
                ) and (head_role is None or head_role.kind not in ("role", "relational")):
            return self._group(mention, continue_same_head=True)  # a body named, not a role
        head_title = ctx.lexicon.title(head_token.lemma_) or ctx.lexicon.title(head_token.text)
        generic = ctx.lexicon.is_word("generic_person", head_token.lemma_.lower())
        if generic and len(neutral) == 1 and "Plur" not in head_token.morph.get("Number"):
            # « la responsable » in an article that names one person who could be her
            return neutral[0]
        if head_title is not None and head_title.kind == "anonymous":
            return self._group(mention, continue_same_head=True, anonymous=True)
        if neutral and generic and len(neutral) > 1:
            # « la jeune femme », « l'ancien homme d'affaires » among several people: a
            # description of the person just mentioned, not of the most salient one
            recent = self._most_recent(mention.start, person=True, gender=role.gender,
                                       number="s")
            if recent in neutral:
                return recent
            return self._group(mention, continue_same_head=True, anonymous=True)
        ahead = self._named_next(mention, role, neutral)
        if ahead is not None:
            return ahead
        # by salience, among people the article quotes by name somewhere when there are any
        # ("the coroner" is not the dead man the article is about)
        neutral = [e for e in neutral if any(n.start in self.speaker_starts for n in e.names)
                   ] or neutral
        if neutral and self._human(doc[mention.head]):
            return max(neutral, key=lambda e: (self._salience(e, mention.start), e.salience,
                                               -self._distance(e, mention.start)))
        return self._group(mention, continue_same_head=True, anonymous=True)

    def _named_next(self, mention: SpeakerMention, role: Role, neutral: list[Entity]
                    ) -> Entity | None:
        """ « …, a annoncé le gouverneur. « … », a écrit Oleksandr Prokudin »: a function no
        one named so far in the paragraph holds, and a person named as a subject just after,
        in the same paragraph, is who it was."""
        paragraph = self._paragraph(mention.start)
        if any(self._paragraph(n.start) == paragraph and n.start < mention.start
               for e in neutral for n in e.names):
            return None
        best: tuple[int, Entity] | None = None
        for entity in self.entities:
            if entity.kind != "person" or (role.gender and entity.gender
                                           and role.gender != entity.gender):
                continue
            if self._other_office(role, entity):
                continue
            for name in entity.names:
                if name.start > mention.start and self._speaks_as_subject(name) and \
                        self._paragraph(name.start) == paragraph and \
                        not any(n.start < mention.start for n in entity.names):
                    if best is None or name.start < best[0]:
                        best = (name.start, entity)
        return best[1] if best else None

    def _place_like(self, entity: Entity) -> bool:
        """ « Lundi à Farino, … des tirs à Farino »: a one-word name that never said anything,
        was never a subject and mostly follows a preposition of place is a town the tagger
        read as a person; no role description stands for it."""
        names = entity.names
        if not names or entity.roles or any(
                len(n.words) > 1 or n.subject or n.start in self.speaker_starts for n in names):
            return False
        located = 0
        for name in names:
            token = self.ctx.token_at(name.start)
            previous = self.ctx.previous_word(token.i) if token is not None else None
            if previous is not None and self.ctx.lexicon.is_word("locative_preposition",
                                                                 previous.text):
                located += 1
        return 2 * located >= len(names)

    def _other_office(self, role: Role, entity: Entity) -> bool:
        """The mention names a function of the lexicon and the person holds another one."""
        lexicon = self.ctx.lexicon
        if not _lexicon_role(role.head, lexicon) or lexicon.is_word("generic_person", role.head):
            return False  # « la jeune femme » is no office
        # any function the text gives the person counts (« son adjoint M. X » is not « le
        # Gouverneur »), known to the word lists or not
        offices = [r for r in entity.roles if r.head]
        return bool(offices) and all(role.head not in r.words for r in offices)

    def _human(self, token: Token) -> bool:
        """Does this head word name a person: a known role, or a word shaped like one
        ("naturopathe", "intéressé", "campaigner"), not "retirement" or "attack"?"""
        title = self.ctx.lexicon.title(token.lemma_) or self.ctx.lexicon.title(token.text)
        if title is not None:
            return title.kind in ("role",)
        return animate(token, self.ctx)

    def _salience(self, entity: Entity, offset: int) -> int:
        """Salience of `entity` in the text before `offset`: a name that was the subject of
        its clause or said something counts double (« à Païta », a place the tagger took for
        a person, is no match for the prosecutor quoted just before)."""
        return sum(2 if n.subject or n.start in self.speaker_starts else 1
                   for n in entity.names if n.start < offset) + \
            2 * sum(1 for m in entity.mentions if m[0] < offset)

    def _distance(self, entity: Entity, offset: int) -> int:
        positions = [n.start for n in entity.names] + [m[0] for m in entity.mentions]
        return min((abs(p - offset) for p in positions), default=10**9)

    def _closer(self, a: Entity, b: Entity, offset: int) -> bool:
        return self._distance(a, offset) < self._distance(b, offset)

    def _group(self, mention: SpeakerMention, *, continue_same_head: bool,
               anonymous: bool = False) -> Entity:
        ctx = self.ctx
        doc = ctx.doc
        head = doc[mention.head]
        head_word = fold_word(head.lemma_ if head.pos_ == "NOUN" else head.text)
        modifiers = frozenset(fold_word(c.text) for c in head.children
                              if c.dep_ in ("compound", "nmod") and c.i < head.i)
        if continue_same_head:
            for o, entity, _ in reversed(self.history):
                if o >= mention.start or entity.kind != "group" or entity.head != head_word:
                    continue
                if modifiers and not modifiers <= entity.modifiers:
                    break
                return entity
        text = ctx.text[mention.np_start:mention.np_end]
        plural = "Plur" in head.morph.get("Number") or head.tag_ in ("NNS", "NNPS") or (
            head.pos_ == "NUM" and head.lower_ not in ("one", "1", "un", "une"))
        title = ctx.lexicon.title(head.lemma_) or ctx.lexicon.title(head.text)
        institution = head.pos_ == "PROPN" or (title is not None
                                               and title.kind == "institution")
        description = _without_article(text, ctx)
        if not plural and description[:1].islower() and title is not None and \
                title.kind == "institution":
            # "the administration", "la commission": a body speaking under its own name
            description = description[:1].upper() + description[1:]
        entity = Entity(key=len(self.entities), kind="group", plural=plural,
                        institution=institution,
                        description=description,
                        head=head_word, modifiers=modifiers, first_start=mention.np_start,
                        first_text=text)
        first = text.split()[0] if text.split() else ""
        if not plural and ctx.lexicon.is_word("determiner_feminine", first):
            entity.gender = "f"  # « une députée », « la commission »: « il » is someone else
        elif not plural and ctx.lexicon.is_word("determiner_masculine", first):
            entity.gender = "m"
        self.entities.append(entity)
        return entity

    # ---------------------------------------------------------------- output

    def speaker_id(self, entity: Entity) -> str:
        if entity.kind == "group":
            return speaker_id_for_group(self.doc_id, entity.first_text, entity.first_start)
        self._apply_known(entity)
        if entity.known_key:
            return speaker_id_for_known(entity.known_key)
        return speaker_id_for_name(entity.canonical)

    def aliases(self, entity: Entity) -> list[str]:
        seen: list[str] = []
        for name in sorted(entity.names, key=lambda n: n.start):
            for form in (name.bare, name.text):
                if form not in seen and form != entity.canonical:
                    seen.append(form)
        return seen

    def mentions(self, entities: set[int]) -> list[Mention]:
        records = []
        for entity in self.entities:
            if entity.key not in entities:
                continue
            sid = self.speaker_id(entity)
            kind = entity.speaker_type
            rows = [(n.start, n.end, n.text, "name") for n in entity.names]
            rows += [(s, e, t, "group" if entity.kind == "group" else
                      ("pronoun" if k in ("pronoun", "relative") else "role"))
                     for s, e, t, k in entity.mentions]
            for start, end, text, mkind in sorted(set(rows)):
                records.append(Mention(mention_id=mention_id(self.doc_id, start, end),
                                       doc_id=self.doc_id, speaker_id=sid, start=start,
                                       end=end, text=text, kind=mkind,
                                       speaker_name=entity.canonical, speaker_type=kind))
        return records


def lexicon_title_word(token: Token, ctx: DocContext) -> bool:
    title = ctx.lexicon.title(token.lemma_) or ctx.lexicon.title(token.text)
    if title is not None and title.kind in ("role", "relational"):
        return True
    return token.text[:1].isupper() and token.pos_ == "PROPN" and any(
        token.text.lower() in phrase.split() for phrase in ctx.lexicon.titles)


_AGE_UNITS = ("ans", "an", "years", "year", "year-old")


def _age(tokens: list[Token]) -> int | None:
    """The age a role phrase gives (« de 26 ans », "26 years old", "26-year-old")."""
    for k, token in enumerate(tokens):
        digits = token.text.split("-")[0]
        if not digits.isdigit() or not 0 < int(digits) < 130:
            continue
        rest = token.text[len(digits):].lstrip("-").lower()
        following = [t.lower_ for t in tokens[k + 1:k + 3] if t.text != "-"]
        unit = rest or (following[0] if following else "")
        if unit in _AGE_UNITS or unit.startswith("year-old"):
            return int(digits)
    return None


def _lexicon_role(word: str, lexicon) -> bool:
    title = lexicon.title(word)
    return title is not None and title.kind in ("role", "relational")


def _without_article(text: str, ctx: DocContext) -> str:
    """ "le ministère des Affaires étrangères" -> "ministère des Affaires étrangères"."""
    words = text.split(maxsplit=1)
    if len(words) == 2 and ctx.lexicon.is_word("determiner_definite", words[0]) and \
            not ctx.lexicon.is_word("determiner_demonstrative", words[0]) and \
            not ctx.lexicon.is_word("determiner_possessive", words[0]):
        return words[1]
    for elided in ("l'", "l’"):
        if text.lower().startswith(elided) and len(text) > 2:
            return text[2:]
    return text


def _acronym(text: str) -> bool:
    """ "LPPR", "ČTK": an acronym is not a person's name."""
    words = text.split()
    return len(words) == 1 and text.isupper() and len(text) <= 6


def _not_a_person(span) -> bool:
    """ "Africans", "Americans": a people tagged as a person."""
    return len(span) == 1 and span[0].tag_ in ("NNPS", "NNS")


def _name_score(words: tuple[str, ...], other: tuple[str, ...]) -> int:
    """How surely two name forms name one person (0: not at all).

    6 the same name; 4 the same full name spelled differently ("Pete Hegses", "Pete Hegse")
    or one inside the other ("Bin Laden"); 3 the surname or first name alone; 2 a surname
    alone spelled differently ("Hegus"); 1 organisation names one inside the other.
    """
    if words == other:
        return 6
    suffix, other_suffix = _generation(words), _generation(other)
    if suffix or other_suffix:
        # "Donald Trump Jr." is not "Donald Trump" (nor "John Smith III" "John Smith II")
        if len(words) > 1 and len(other) > 1 and suffix != other_suffix:
            return 0
        words = words[:-1] if suffix else words
        other = other[:-1] if other_suffix else other
        if not words or not other:
            return 0
        if words == other:
            return 6 if suffix == other_suffix else 3
    if len(words) == 1 or len(other) == 1:
        single, full = (words, other) if len(words) == 1 else (other, words)
        word = single[0]
        if len(full) == 1:
            return 4 if _same_surname(word, full[0]) else 0
        if word == full[-1] or word == full[-1].split("-")[-1] or word == full[0]:
            return 3
        if _same_surname(word, full[-1]):
            return 2
        if any(word == part for part in full[1:-1]) and len(word) > 3:
            return 2
        return 0
    if not _same_surname(words[-1], other[-1]):
        # organisations: one name inside the other ("Press Council", "the Press Council")
        shorter, longer = sorted((words, other), key=len)
        if _contains(longer, shorter) and len(shorter) >= 2:
            return 1
        return 0
    shorter, longer = sorted((words, other), key=len)
    if len(shorter) >= 2 and longer[-len(shorter):] == shorter:
        return 4  # "Bin Laden" in "Osama bin Laden"
    first, other_first = words[0], other[0]
    if first == other_first or similar_words(first, other_first) or (
            first[:1] == other_first[:1] and (len(first) <= 2 or len(other_first) <= 2)):
        return 4
    return 0


_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv", "fils", "pere"})


def _generation(words: tuple[str, ...]) -> str | None:
    """The generational suffix closing a name ("Jr.", "III", « fils »), if any."""
    return words[-1] if len(words) > 1 and words[-1] in _GENERATIONS else None


def _entity_score(words: tuple[str, ...], entity: Entity) -> int:
    """How surely a name form names `entity` (`_name_score` against its names). A surname
    alone that the entity already holds stays with it (the article's convention: the bare
    surname is the main person's, a namesake gets a first name); a spelling variant of that
    surname alone weighs no more than a variant of its full name's surname."""
    full = any(len(n.words) > 1 for n in entity.names)
    best = 0
    for name in entity.names:
        score = _name_score(words, name.words)
        if full and len(words) == 1 and len(name.words) == 1 and score == 4:
            score = 2
        best = max(best, score)
    return best


def _other_first_name(words: tuple[str, ...], entity: Entity) -> bool:
    """The entity holds a full name with the same surname and another first name
    ("Scott Meadows" for "Mark Meadows"): two people, whatever else they share."""
    for name in entity.names:
        if len(name.words) > 1 and _same_surname(words[-1], name.words[-1]) and \
                _name_score(words, name.words) == 0:
            return True
    return False


def _same_org(words: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """One organisation's name, or a shorter form of it that ends it ("Press Council" of
    "Australian Press Council"); no spelling tolerance: "MoDem" is not "Monde"."""
    if words == other:
        return True
    shorter, longer = sorted((words, other), key=len)
    return len(shorter) >= 2 and longer[-len(shorter):] == shorter


def _acronym_of(short: NameMention, full: NameMention) -> bool:
    """ "EPA" of "Environmental Protection Agency": the initials of the capitalised words."""
    if len(short.words) != 1 or not _acronym(short.bare) or len(full.words) < 2:
        return False
    initials = "".join(w[0] for w in full.bare.split() if w[:1].isupper())
    return len(initials) >= 2 and initials == short.bare


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _same_surname(a: str, b: str) -> bool:
    """ "bashir" and "al-bashir", "hegse" and "hegses"."""
    if similar_words(a, b):
        return True
    bare_a, bare_b = a.split("-")[-1], b.split("-")[-1]
    return (bare_a != a or bare_b != b) and len(bare_a) >= 4 and bare_a == bare_b


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def _before_next_name(tokens: list[Token], ctx: DocContext) -> list[Token]:
    """Cut an apposition before another person's name and that name's own title."""
    for n, token in enumerate(tokens):
        if token.ent_type_ in PERSON_LABELS:
            cut = n
            for m in range(n - 1, -1, -1):
                if ctx.lexicon.is_word("of", tokens[m].text):
                    cut = m
                    break
                if tokens[m].pos_ not in ("NOUN", "ADJ", "PROPN", "DET"):
                    break
            return tokens[:cut]
    return tokens


_SINGULAR_ARTICLES = frozenset({"l'", "le", "la", "un", "une", "a", "an", "the"})


def _singular_description(text: str) -> bool:
    """ « l'ONG X », "the group Peace Now": a description of one body (groups are plural
    by default: « des responsables », "officials")."""
    words = text.replace("’", "'").split()
    if not words:
        return False
    first = words[0].lower()
    if first.startswith("l'"):
        first = "l'"
    return first in _SINGULAR_ARTICLES and not words[-1].lower().endswith(("s", "x"))
