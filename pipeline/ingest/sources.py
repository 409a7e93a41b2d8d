"""The sources file: named feeds, pages, folders and JSONL files, in TOML.

    [[sources]]
    name = "lemonde-international"      # required, unique: the `source` column of its articles
    location = "https://www.lemonde.fr/international/rss_full.xml"  # URL, or a path
    kind = "feed"                       # optional: feed, page, file, folder, jsonl
    lang = "fr"                         # optional language hint
    tags = ["fr", "international"]      # optional, to run a subset: newsevents run --tag fr

A relative path is taken from the sources file's folder. `examples/sources.toml` is a worked
example. Run arguments are told apart by themselves: a `.toml` file is a sources file, the name
of a source of the configured sources file is that source, and anything else is a location
(URL, file or folder) that ingest recognises by its scheme, suffix and content.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pipeline.config import SAMPLE_PATH, Settings
from pipeline.ingest.core import SOURCE_KINDS, Source
from pipeline.ingest.sniff import language_code

_KEYS = frozenset({"name", "location", "kind", "lang", "tags"})


class SourcesFileError(ValueError):
    """A sources file that cannot be used; the message says where and what to change."""


def load_sources_file(path: str | Path) -> list[Source]:
    path = Path(path).expanduser()
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError as exc:
        raise SourcesFileError(f"sources file {path} does not exist") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SourcesFileError(f"sources file {path} is not valid TOML: {exc}") from exc
    unknown = set(data) - {"sources"}
    if unknown:
        raise SourcesFileError(f"{path}: unknown top-level keys {sorted(unknown)}; "
                               f"list sources as [[sources]] tables")
    entries = data.get("sources", [])
    if not isinstance(entries, list):
        raise SourcesFileError(f"{path}: 'sources' must be [[sources]] tables")
    sources: list[Source] = []
    names: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        source = _source(entry, where=f"{path}, source {number}", base=path.parent)
        if source.name in names:
            raise SourcesFileError(f"{path}: two sources are named {source.name!r}")
        names.add(source.name)  # type: ignore[arg-type]
        sources.append(source)
    return sources


def _source(entry: Any, *, where: str, base: Path) -> Source:
    if not isinstance(entry, dict):
        raise SourcesFileError(f"{where}: expected a table with name and location")
    unknown = set(entry) - _KEYS
    if unknown:
        raise SourcesFileError(f"{where}: unknown keys {sorted(unknown)} "
                               f"(allowed: {', '.join(sorted(_KEYS))})")
    name, location = entry.get("name"), entry.get("location")
    for key, value in (("name", name), ("location", location)):
        if not isinstance(value, str) or not value.strip():
            raise SourcesFileError(f"{where}: '{key}' must be a non-empty string")
    where = f"{where} ({name})"
    kind = entry.get("kind")
    if kind is not None and kind not in SOURCE_KINDS:
        raise SourcesFileError(f"{where}: kind must be one of {sorted(SOURCE_KINDS)}, "
                               f"not {kind!r}")
    lang = entry.get("lang")
    if lang is not None and (not isinstance(lang, str) or language_code(lang) is None):
        raise SourcesFileError(f"{where}: lang must be a language code such as 'fr', "
                               f"not {lang!r}")
    tags = entry.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) and t.strip() for t in tags):
        raise SourcesFileError(f"{where}: tags must be a list of strings")
    return Source(location=_resolve_location(location.strip(), base), name=name.strip(),
                  kind=kind, lang=language_code(lang), tags=tuple(t.strip() for t in tags))


def _resolve_location(location: str, base: Path) -> str:
    if "://" in location:
        return location
    path = Path(location).expanduser()
    return str(path if path.is_absolute() else base / path)


def _is_sources_file(argument: str) -> bool:
    return argument.lower().endswith(".toml") and "://" not in argument


def resolve_sources(arguments: Sequence[str | Source], *, settings: Settings,
                    tags: Iterable[str] = ()) -> list[Source]:
    """The sources of a run: its arguments, else the sources file, else the bundled sample.

    `tags` keeps, of the sources that come from a sources file, those with one of the tags.
    """
    wanted_tags = {t.strip() for t in tags if t.strip()}
    configured = load_sources_file(settings.sources_file) if settings.sources_file else []
    by_name = {source.name: source for source in configured}
    if not arguments:
        if not settings.sources_file:
            if wanted_tags:
                raise ValueError("--tag selects sources of a sources file, and none is set")
            return [Source(location=str(SAMPLE_PATH))]
        return _with_tags(configured, wanted_tags, settings.sources_file)

    resolved: list[Source] = []
    for argument in arguments:
        if isinstance(argument, Source):
            resolved.append(argument)
        elif _is_sources_file(argument.strip()):
            resolved.extend(_with_tags(load_sources_file(argument.strip()), wanted_tags,
                                       argument))
        elif argument.strip() in by_name:
            resolved.append(by_name[argument.strip()])  # named explicitly: tags do not apply
        elif argument.strip():
            resolved.append(Source(location=argument.strip()))
    return resolved


def _with_tags(sources: list[Source], tags: set[str], where: str | Path) -> list[Source]:
    if not tags:
        return sources
    chosen = [source for source in sources if tags & set(source.tags)]
    if not chosen:
        raise ValueError(f"no source of {where} has a tag among {sorted(tags)}")
    return chosen


def default_sources(settings: Settings) -> list[str]:
    """What a run without arguments reads, as plain strings (for a DAG's default)."""
    return [settings.sources_file] if settings.sources_file else [str(SAMPLE_PATH)]
