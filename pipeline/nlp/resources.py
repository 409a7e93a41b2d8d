"""Word lists and patterns that extraction reads: loaded once, from `pipeline/resources/`.

Everything a linguist may want to edit (cue verbs and their classes, titles, pronouns,
boilerplate patterns, known people) lives in data files with their sources noted; this module
only parses them into frozen lookup tables. Extraction functions receive a `Resources` object
and never read files themselves.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.ids import fold

LANGS: tuple[str, ...] = ("fr", "en")


@dataclass(frozen=True, slots=True)
class CueVerb:
    """One entry of a cue lexicon ("faire savoir", "s'inquiéter", "point out", "dire")."""

    lemma: str  # as written in the lexicon
    word: str  # the verb that carries the complement: "savoir", "inquiéter", "point", "dire"
    cue_class: str
    frames: frozenset[str]  # direct, que/that, de/à/to
    governor: str | None = None  # "faire" of "faire savoir"
    particle: str | None = None  # "out" of "point out"
    reflexive: bool = False
    prefix: tuple[str, ...] = ()  # words between governor and word: "à" of "s'accorder à dire"


@dataclass(frozen=True, slots=True)
class Title:
    word: str
    kind: str  # honorific / role / relational / institution
    gender: str | None  # m / f / None


@dataclass(frozen=True, slots=True)
class Pronoun:
    form: str
    kind: str  # personal / relative / demonstrative / first / indefinite
    gender: str | None
    number: str | None


@dataclass(frozen=True, slots=True)
class BoilerplatePattern:
    scope: str  # line / short / tail
    lang: str  # fr / en / *
    regex: re.Pattern[str]
    why: str


@dataclass(frozen=True, slots=True)
class KnownPerson:
    key: str
    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    """The word lists of one language."""

    lang: str
    cues: dict[str, tuple[CueVerb, ...]]  # keyed by CueVerb.word
    forms: dict[str, str]  # inflected form (lower case) -> CueVerb.word
    prepositions: dict[str, str]  # "selon", "according to" -> class
    possessive_phrases: dict[str, str]  # "à ses yeux", "in his view" -> class
    opinion_markers: frozenset[str]  # "pour" of "Pour X, ..."
    nominal_cues: frozenset[str]
    complement_nouns: frozenset[str]
    report_nouns: dict[str, str]  # « sa promesse de », "his vow that" -> class
    light_verbs: frozenset[str]  # "expressed concern that", « a exprimé l'espoir que »
    attitude_nouns: dict[str, str]  # "concern", « espoir » (only after a light verb) -> class
    bridges: tuple[tuple[str, ...], ...]
    titles: dict[str, Title]  # lower-case word or phrase
    pronouns: dict[str, Pronoun]  # lower-case form
    stopwords: frozenset[str]
    function_words: dict[str, frozenset[str]] = field(default_factory=dict)
    # folded given name -> "f" / "m": this language's lists first, then the others' for names
    # they do not hold ("Frederic" in an English article, from « Frédéric »)
    given_genders: dict[str, str] = field(default_factory=dict)

    def words(self, category: str) -> frozenset[str]:
        """Closed-class words of `category` (function_words.tsv), lower case, ' for ’."""
        return self.function_words.get(category, frozenset())

    def is_word(self, category: str, text: str) -> bool:
        return text.lower().replace("’", "'") in self.function_words.get(category, ())

    def cue_entries(self, word: str) -> tuple[CueVerb, ...]:
        return self.cues.get(word, ())

    def title(self, text: str) -> Title | None:
        return self.titles.get(text.lower())

    def pronoun(self, text: str) -> Pronoun | None:
        return self.pronouns.get(text.lower().lstrip("-").replace("’", "'"))


@dataclass(frozen=True)
class Resources:
    lexicons: dict[str, Lexicon]
    boilerplate: tuple[BoilerplatePattern, ...] = ()
    known_people: tuple[KnownPerson, ...] = ()
    known_index: dict[str, KnownPerson] = field(default_factory=dict)
    nationalities: dict[str, str] = field(default_factory=dict)  # folded word -> country code
    # per language: (words of a periphrasis, words of the office it names, that office's head)
    role_equivalents: dict[str, tuple[tuple[frozenset[str], frozenset[str], str], ...]] = field(
        default_factory=dict)

    def lexicon(self, lang: str) -> Lexicon:
        try:
            return self.lexicons[lang]
        except KeyError:
            raise ValueError(f"no word lists for language {lang!r}; "
                             f"supported: {', '.join(sorted(self.lexicons))}") from None

    @property
    def stopwords(self) -> dict[str, frozenset[str]]:
        return {lang: lex.stopwords for lang, lex in self.lexicons.items()}

    def known_person(self, name: str) -> KnownPerson | None:
        return self.known_index.get(fold(name))

    @classmethod
    def load(cls, resources_dir: str | Path, known_people: str | Path | None = None
             ) -> Resources:
        """Read every word list of `resources_dir` (and the known-people file)."""
        root = Path(resources_dir)
        if not root.is_dir():
            raise FileNotFoundError(f"resources directory {root} does not exist; "
                                    "set NEWSEVENTS_RESOURCES_DIR to the folder of word lists")
        titles = _read_titles(root / "titles.tsv")
        pronouns = _read_pronouns(root / "pronouns.tsv")
        stopwords = _read_stopwords(root / "stopwords.tsv")
        function_words = _read_function_words(root / "function_words.tsv")
        given_names = root / "given_names.tsv"
        if given_names.is_file():  # optional: without it, gender is learned from the text
            for lang, categories in _read_function_words(given_names).items():
                function_words.setdefault(lang, {}).update(categories)
        lexicons = {}
        for lang in LANGS:
            cues, forms = _read_cues(root / f"cues_{lang}.tsv", lang)
            phrases = list(_rows(root / f"cue_phrases_{lang}.tsv"))
            lexicons[lang] = Lexicon(
                lang=lang,
                cues=cues,
                forms=forms,
                prepositions={p[1].lower(): p[2] for p in phrases if p[0] == "prep"},
                possessive_phrases={p[1].lower(): p[2] for p in phrases
                                    if p[0] == "possessive"},
                opinion_markers=frozenset(p[1].lower() for p in phrases if p[0] == "opinion"),
                nominal_cues=frozenset(p[1].lower() for p in phrases if p[0] == "nominal"),
                complement_nouns=frozenset(p[1].lower() for p in phrases
                                           if p[0] == "complement"),
                report_nouns={p[1].lower(): p[2] for p in phrases if p[0] == "report"},
                light_verbs=frozenset(p[1].lower() for p in phrases if p[0] == "light"),
                attitude_nouns={p[1].lower(): p[2] for p in phrases if p[0] == "attitude"},
                bridges=tuple(tuple(_words(p[1])) for p in phrases if p[0] == "bridge"),
                titles=titles.get(lang, {}),
                pronouns=pronouns.get(lang, {}),
                stopwords=stopwords.get(lang, frozenset()),
                function_words=function_words.get(lang, {}),
            )
        for lang, lexicon in list(lexicons.items()):
            genders: dict[str, str] = {}
            for source in (lexicon, *(lex for other, lex in lexicons.items() if other != lang)):
                for category, gender in (("given_name_feminine", "f"),
                                         ("given_name_masculine", "m")):
                    for word in source.words(category):
                        genders.setdefault(word.lower(), gender)  # as written: fast lookups
                        genders.setdefault(fold(word), gender)
            lexicons[lang] = replace(lexicon, given_genders=genders)
        boilerplate = tuple(_read_boilerplate(root / "boilerplate.tsv"))
        people_path = Path(known_people) if known_people else root / "known_people.jsonl"
        people = tuple(_read_known_people(people_path))
        index: dict[str, KnownPerson] = {}
        for person in people:
            for name in (person.name, *person.aliases):
                index.setdefault(fold(name), person)
        nationalities = {}
        path = root / "nationalities.tsv"
        if path.exists():
            for cells in _rows(path):
                for word in cells[1].split():
                    nationalities[fold(word.replace("_", " "))] = cells[0]
        equivalents: dict[str, list[tuple[frozenset[str], frozenset[str], str]]] = {}
        path = root / "role_equivalents.tsv"
        if path.exists():
            for cells in _rows(path):
                equivalents.setdefault(cells[0], []).append(
                    (frozenset(fold(w) for w in cells[1].split()),
                     frozenset(fold(w) for w in cells[2].split()), fold(cells[3])))
        return cls(lexicons=lexicons, boilerplate=boilerplate, known_people=people,
                   known_index=index, nationalities=nationalities,
                   role_equivalents={k: tuple(v) for k, v in equivalents.items()})


# --------------------------------------------------------------------------------------------
# File readers


def _rows(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = [c.strip() for c in line.split("\t")]
            if len(cells) < 2:
                raise ValueError(f"{path}:{number}: expected tab-separated columns, got {line!r}")
            yield cells


def _words(text: str) -> list[str]:
    return re.findall(r"[\w\-]+['’]?|['’]", text.lower().replace("’", "'"))


def _read_cues(path: Path, lang: str) -> tuple[dict[str, tuple[CueVerb, ...]], dict[str, str]]:
    by_word: dict[str, list[CueVerb]] = {}
    forms: dict[str, str] = {}
    explicit: set[str] = set()
    for cells in _rows(path):
        lemma, cue_class = cells[0], cells[1]
        frames = frozenset(f.strip() for f in (cells[2] if len(cells) > 2 else "direct")
                           .split(",") if f.strip())
        irregular = [f.strip().lower() for f in (cells[3] if len(cells) > 3 else "").split(",")
                     if f.strip()]
        entry = _cue_entry(lemma, cue_class, frames, lang)
        by_word.setdefault(entry.word, []).append(entry)
        generated = french_forms(entry.word) if lang == "fr" else english_forms(entry.word)
        for form in irregular:
            forms[form] = entry.word
            explicit.add(form)
        for form in generated:
            if form not in explicit:
                forms.setdefault(form, entry.word)
        forms.setdefault(entry.word, entry.word)
    return {w: tuple(v) for w, v in by_word.items()}, forms


def _cue_entry(lemma: str, cue_class: str, frames: frozenset[str], lang: str) -> CueVerb:
    text = lemma.lower().replace("’", "'")
    reflexive = False
    if lang == "fr" and (text.startswith("se ") or text.startswith("s'")):
        reflexive = True
        text = text[3:] if text.startswith("se ") else text[2:]
    words = text.split()
    if len(words) == 1:
        return CueVerb(lemma, words[0], cue_class, frames, reflexive=reflexive)
    if lang == "en":  # phrasal verb: verb + particle
        return CueVerb(lemma, words[0], cue_class, frames, particle=words[-1])
    # French light-verb phrase: governor [prefix words] infinitive
    return CueVerb(lemma, words[-1], cue_class, frames, governor=words[0],
                   prefix=tuple(words[1:-1]), reflexive=reflexive)


def _read_titles(path: Path) -> dict[str, dict[str, Title]]:
    result: dict[str, dict[str, Title]] = {}
    for cells in _rows(path):
        lang, word, kind = cells[0], cells[1].lower(), cells[2]
        gender = cells[3] if len(cells) > 3 and cells[3] in ("m", "f") else None
        result.setdefault(lang, {})[word] = Title(word, kind, gender)
    return result


def _read_pronouns(path: Path) -> dict[str, dict[str, Pronoun]]:
    result: dict[str, dict[str, Pronoun]] = {}
    for cells in _rows(path):
        lang, form, kind = cells[0], cells[1].lower().replace("’", "'"), cells[2]
        gender = cells[3] if len(cells) > 3 and cells[3] in ("m", "f") else None
        number = cells[4] if len(cells) > 4 and cells[4] in ("s", "p") else None
        result.setdefault(lang, {})[form] = Pronoun(form, kind, gender, number)
    return result


def _read_stopwords(path: Path) -> dict[str, frozenset[str]]:
    return {cells[0]: frozenset(cells[1].split()) for cells in _rows(path)}


def _read_function_words(path: Path) -> dict[str, dict[str, frozenset[str]]]:
    result: dict[str, dict[str, frozenset[str]]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            words = cells[2].split() if len(cells) > 2 else []
            result.setdefault(cells[0].strip(), {})[cells[1].strip()] = frozenset(
                w.lower().replace("’", "'") for w in words)
    return result


def _read_boilerplate(path: Path) -> Iterator[BoilerplatePattern]:
    for cells in _rows(path):
        scope, lang, pattern = cells[0], cells[1], cells[2]
        if scope not in ("line", "short", "tail"):
            raise ValueError(f"{path}: unknown scope {scope!r} (line, short or tail)")
        try:
            regex = re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"{path}: bad pattern {pattern!r}: {exc}") from exc
        yield BoilerplatePattern(scope, lang, regex, cells[3] if len(cells) > 3 else "")


def _read_known_people(path: Path) -> Iterator[KnownPerson]:
    if not path.exists() or path.is_dir():
        return
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            try:
                record = json.loads(line)
                name = str(record["name"])
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{number}: a known person needs at least a \"name\" "
                                 f"in a JSON object ({exc})") from exc
            yield KnownPerson(key=str(record.get("id") or fold(name)), name=name,
                              aliases=tuple(record.get("aliases") or ()),
                              roles=tuple(record.get("roles") or ()))


# --------------------------------------------------------------------------------------------
# Inflection: the spaCy lemmatisers miss many reporting verbs ("glisse", "estime-t-il"), so the
# lexicon also matches surface forms generated from each lemma.

_FR_ACCENT_SHIFT = re.compile(r"é([^aeiouyé]+)er$")  # répéter -> répète


def french_forms(lemma: str) -> set[str]:
    """Common finite and non-finite forms of a French verb (3rd person, participles)."""
    forms = {lemma}
    if lemma.endswith("er"):
        stem = lemma[:-2]
        soft = stem + ("e" if stem.endswith("g") else "")  # jugeant, jugea
        soft = soft[:-1] + "ç" if stem.endswith("c") else soft  # annonçant, lança
        strong = stem
        match = _FR_ACCENT_SHIFT.search(lemma)
        if match:
            strong = lemma[: match.start()] + "è" + match.group(1)
        elif stem.endswith(("el", "et")) and not stem.endswith(("cel", "mel", "gel")):
            strong = stem + stem[-1]  # rappelle, jette
        forms |= {strong + "e", strong + "es", strong + "ent",
                  soft + "a", soft + "ant", soft + "ait", soft + "aient",
                  stem + "èrent", stem + "é", stem + "ée", stem + "és", stem + "ées",
                  strong + "era", strong + "eront", strong + "erait", strong + "eraient"}
    elif lemma.endswith("ir"):
        stem = lemma[:-2]
        forms |= {stem + "it", stem + "issent", stem + "irent", stem + "i", stem + "ie",
                  stem + "is", stem + "ies", stem + "issait", stem + "issaient", stem + "issant",
                  stem + "ira", stem + "iront", stem + "irait"}
    return forms


def english_forms(lemma: str) -> set[str]:
    """Regular English forms: -s, -ed, -ing (irregular ones come from the lexicon)."""
    forms = {lemma}
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return forms
