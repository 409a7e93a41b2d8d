"""Extraction entry points.

`extract_doc` is pure: a parsed `Doc`, its article and the word lists in, an `Extraction` out.
`Extractor` does the rest once per process: loads the word lists, loads each spaCy pipeline
the first time a language needs it (with the paragraph-break component added), detects each
article's language and parses each batch with one `nlp.pipe` per language.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from threading import Lock

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from pipeline.config import Settings
from pipeline.ids import quote_id
from pipeline.nlp.context import DocContext
from pipeline.nlp.events import EventResources, annotate_quotes, load_event_resources
from pipeline.nlp.lang import detect_language
from pipeline.nlp.paragraphs import add_paragraph_breaks, paragraphs_of
from pipeline.nlp.quotes import Draft, find_quotes
from pipeline.nlp.resources import Resources
from pipeline.nlp.speakers import Entity, Resolver
from pipeline.records import Article, Extraction, Quote

log = logging.getLogger(__name__)

_PIPELINES: dict[str, Language] = {}
_PIPELINES_LOCK = Lock()


def load_pipeline(model: str) -> Language:
    """The spaCy pipeline `model`, loaded once per process, with paragraph breaks added."""
    with _PIPELINES_LOCK:
        nlp = _PIPELINES.get(model)
        if nlp is None:
            try:
                nlp = spacy.load(model)
            except OSError as exc:
                raise RuntimeError(
                    f"spaCy pipeline {model!r} is not installed; install the locked "
                    f"environment (make run) or set NEWSEVENTS_MODEL_FR / NEWSEVENTS_MODEL_EN"
                ) from exc
            add_paragraph_breaks(nlp)
            repair_tokenizer(nlp)
            _PIPELINES[model] = nlp
        return nlp


# Splits the tokenizer misses, as extra infix patterns:
_GLUED_SENTENCES = (
    # "at a press conference.The managers": text scraped with the space after a sentence lost
    r"(?<=[a-z]{2})[.!?](?=[\"“”«»]?[A-Z])",
    # "… Crans-Montana.\"Everything suggests …": the quotation mark opening the next sentence
    r"(?<=[.!?])[\"“”](?=[A-Z])",
    # "… seems irresponsible\".Get our pick …": the closing mark and the full stop after it
    r"(?<=[a-z])[\"”](?=[.!?][A-Z])",
    r"(?<=[\"”])[.!?](?=[A-Z])",
)
# « qu'"entre 1,5 et 2 millions" »: the French tokenizer keeps a straight or curly opening
# quotation mark glued to an elided word (« qu' », « l' »), which hides the complementiser and
# the quotation from every rule
_MARK_AFTER_ELISION = r"(?<=[^\W\d_]['’])[\"“]"


# « Claire O'Petit », "Sean O'Brien": an Irish name, not an elision the French tokenizer splits;
# « Le Floc'h », « Kerc'hoz »: the Breton c'h inside a capitalised name
_IRISH_NAME = re.compile(r"^(?:O['’][A-Z][^\W\d_]+|[A-Z][^\W\d_]*c['’]h[^\W\d_]*)$")
# « l'état-major », « le garde-côte »: a lower-case compound the French tokenizer's list of
# hyphenated words lacks, split into three tokens that wreck the parse (« état » the root of
# the sentence); kept whole unless its second part is a clitic (« dit-il », « celui-ci »)
_LOWER_COMPOUND = re.compile(
    r"^[a-zàâäçéèêëîïôöûùüÿœæ]{2,}-(?!(?:il|ils|elle|elles|on|je|tu|nous|vous|ce|le|la|les|"
    r"lui|leur|leurs|moi|toi|en|y|là|ci|même|mêmes)$)[a-zàâäçéèêëîïôöûùüÿœæ]{2,}$")


def repair_tokenizer(nlp: Language) -> Language:
    """Teach the tokenizer the splits real web text needs (see the patterns above); the text
    and its offsets are unchanged, only token boundaries move."""
    infixes = [*nlp.Defaults.infixes, *_GLUED_SENTENCES]
    if nlp.lang == "fr":
        infixes.append(_MARK_AFTER_ELISION)
        default_match = nlp.tokenizer.token_match

        def token_match(text: str):  # the default's signature: a match or None
            return _IRISH_NAME.match(text) or _LOWER_COMPOUND.match(text) or (
                default_match(text) if default_match else None)

        nlp.tokenizer.token_match = token_match
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


def extract_doc(doc: Doc, *, article: Article, resources: Resources, lang: str,
                event_resources: EventResources | None = None) -> Extraction:
    """Quotes and speaker mentions of one parsed article; events and stances when
    `event_resources` are given."""
    lexicon = resources.lexicon(lang)
    paragraphs = paragraphs_of(article.text, resources.boilerplate, lang=lang)
    ctx = DocContext.build(doc, lang=lang, lexicon=lexicon, paragraphs=paragraphs)
    drafts = find_quotes(ctx)
    resolver = Resolver(ctx, resources, article.doc_id)
    entities = resolver.resolve(drafts)
    quotes = [_quote(draft, entity, resolver, article, lang)
              for draft, entity in zip(drafts, entities, strict=True)]
    speaking = {e.key for e in entities if e is not None}
    extraction = Extraction(doc_id=article.doc_id, lang=lang, quotes=quotes,
                            mentions=resolver.mentions(speaking))
    if event_resources is not None:
        extraction.events, extraction.stances = annotate_quotes(
            doc, quotes, published=article.published, lang=lang, resources=event_resources)
    return extraction


def _quote(draft: Draft, entity: Entity | None, resolver: Resolver, article: Article,
           lang: str) -> Quote:
    text = article.text
    cue_start, cue_end = draft.cue_span if draft.cue_span else (None, None)
    speaker = draft.speaker
    confidence = draft.confidence
    if entity is None:
        confidence *= 0.7
    elif entity.kind == "group":
        confidence *= 0.9
    return Quote(
        quote_id=quote_id(article.doc_id, draft.start, draft.end),
        doc_id=article.doc_id,
        kind=draft.kind,
        content=text[draft.start:draft.end],
        content_start=draft.start,
        content_end=draft.end,
        cue=text[cue_start:cue_end] if cue_start is not None else None,
        cue_start=cue_start,
        cue_end=cue_end,
        cue_class=draft.cue_class,
        speaker_mention=text[speaker.start:speaker.end] if speaker else None,
        speaker_start=speaker.start if speaker else None,
        speaker_end=speaker.end if speaker else None,
        speaker_id=resolver.speaker_id(entity) if entity else None,
        speaker_name=entity.canonical if entity else None,
        speaker_type=entity.speaker_type if entity else None,
        confidence=round(min(1.0, max(0.0, confidence)), 3),
        lang=lang,
        speaker_aliases=resolver.aliases(entity) if entity and entity.kind != "group" else [],
    )


class Extractor:
    """Loads the word lists once and the spaCy pipelines lazily; extracts batches."""

    def __init__(self, settings: Settings, *,
                 loader: Callable[[str], Language] = load_pipeline) -> None:
        self.settings = settings
        self.resources = Resources.load(settings.resources_dir, settings.known_people_path)
        self.event_resources = load_event_resources(Path(settings.resources_dir))
        self._loader = loader

    def nlp(self, lang: str) -> Language:
        return self._loader(self.settings.model_for(lang))

    def language_of(self, article: Article) -> str:
        return detect_language(article.text, stopwords=self.resources.stopwords,
                               hint=article.lang)

    def extract_batch(self, articles: list[Article]) -> list[Extraction]:
        """One `Extraction` per article, in the input order."""
        by_lang: dict[str, list[int]] = {}
        langs = [self.language_of(a) for a in articles]
        for index, lang in enumerate(langs):
            by_lang.setdefault(lang, []).append(index)
        results: list[Extraction | None] = [None] * len(articles)
        for lang, indices in by_lang.items():
            nlp = self.nlp(lang)
            texts = (articles[i].text for i in indices)
            docs = nlp.pipe(texts, batch_size=self.settings.batch_size)
            for index, doc in zip(indices, docs, strict=True):
                results[index] = extract_doc(doc, article=articles[index],
                                             resources=self.resources, lang=lang,
                                             event_resources=self.event_resources)
        return [r for r in results if r is not None]

    def extract(self, articles: Iterable[Article]) -> list[Extraction]:
        return self.extract_batch(list(articles))
