"""Who said what: quotation and speaker extraction over spaCy `Doc`s.

Stages, each a module (after BBC Citron): `cues` (reporting expressions) → `content` (what
was said) → `source` (the mention it is attributed to) → `speakers` (resolution of pronouns
and roles, clustering of name variants); `quotes` puts the first three together; `extract`
holds the entry points. `lang` and `paragraphs` prepare the text; `resources` reads the word
lists of `pipeline/resources/`.
"""

from pipeline.nlp.extract import Extractor, extract_doc, load_pipeline

__all__ = ["Extractor", "extract_doc", "load_pipeline"]
