"""The `newsevents` command: run the pipeline, evaluate it, query the warehouse."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pipeline.config import Settings, utc_today, validate_day


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)
    try:
        return args.handler(args)
    except (ValueError, FileNotFoundError) as exc:
        print(f"newsevents: error: {exc}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsevents", description=__doc__)
    parser.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="ingest, extract and publish (default: bundled sample)")
    run.add_argument("sources", nargs="*", metavar="SOURCE",
                     help="files, folders, JSONL files, feed files or URLs, page URLs, "
                          "sources files (.toml) or names of sources of the sources file "
                          "(default: the sources file's sources, else the bundled sample)")
    run.add_argument("--sources-file", default=None, metavar="TOML",
                     help="named sources (see examples/sources.toml); "
                          "also NEWSEVENTS_SOURCES_FILE")
    run.add_argument("--tag", action="append", default=[], dest="tags",
                     help="only the sources-file entries with this tag (repeatable)")
    _storage_options(run)
    run.add_argument("--ingest-day", default=None,
                     help="UTC day the run files under, YYYY-MM-DD (default: today in UTC)")
    run.add_argument("--run-key", default=None,
                     help="name of this run's files in the lake; re-using it replaces them "
                          "(default: cli-<UTC timestamp>)")
    run.add_argument("--reextract", action="store_true",
                     help="also re-extract stored articles last extracted by an older pipeline "
                          "version, from their stored text (nothing is fetched again)")
    run.set_defaults(handler=_run)

    publish = commands.add_parser("publish", help="rebuild the warehouse from the lake")
    _storage_options(publish)
    publish.set_defaults(handler=_publish)

    evaluate = commands.add_parser("eval", help="score the extraction on gold sets")
    evaluate.add_argument("gold_dirs", nargs="+", metavar="GOLD_DIR")
    evaluate.add_argument("--predictions-out", type=Path, default=None,
                          help="write the predictions as JSONL (format of the eval README)")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument(
        "--diagnostics", nargs="?", const="all", default=None, metavar="KINDS",
        help="after the scores, list what went wrong per set: all kinds, or a comma-separated "
             "choice of miss, false_positive, boundary, wrong_mention, wrong_speaker, wrong_cue, "
             "wrong_stance, negative")
    evaluate.set_defaults(handler=_eval)

    search = commands.add_parser("search", help="full-text search of the quotes")
    search.add_argument("terms")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--warehouse", default=None, help="DuckDB file")
    search.set_defaults(handler=_search)

    bench = commands.add_parser(
        "bench", help="time extraction against the bare spaCy parse (median of runs)")
    bench.add_argument("sources", nargs="*", metavar="SOURCE",
                       help="what to read (default: the bundled sample)")
    bench.add_argument("--runs", type=int, default=3)
    bench.add_argument("--json", action="store_true", help="print the figures as JSON")
    bench.set_defaults(handler=_bench)

    query = commands.add_parser("query", help="run one SQL statement on the warehouse, read-only")
    query.add_argument("sql")
    query.add_argument("--warehouse", default=None, help="DuckDB file")
    query.add_argument("--json", action="store_true", help="print rows as JSON lines")
    query.set_defaults(handler=_query)
    return parser


def _storage_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lake", default=None, help="Parquet lake root (default: data/lake)")
    parser.add_argument("--warehouse", default=None,
                        help="DuckDB file (default: data/newsevents.duckdb)")


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.from_env(lake=getattr(args, "lake", None),
                             warehouse=getattr(args, "warehouse", None))


def _run(args: argparse.Namespace) -> int:
    from pipeline import stages

    settings = _settings(args).with_(sources_file=args.sources_file)
    ingest_day = validate_day(args.ingest_day or utc_today())
    run_key = args.run_key or "cli-" + dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    ingested = stages.ingest(args.sources, settings=settings, ingest_day=ingest_day,
                             run_key=run_key, tags=args.tags)
    extracted = stages.extract(settings=settings, ingest_day=ingest_day, run_key=run_key,
                               reextract=args.reextract)
    published = stages.publish(settings=settings)
    _print_summary(settings, ingested, extracted, published)
    return 0


def _print_summary(settings: Settings, ingested: dict, extracted: dict, published: dict) -> None:
    from pipeline.store import warehouse

    tables = published["tables"]
    print(f"run {ingested['run_key']} (ingest day {ingested['ingest_day']})")
    print(f"  this run: {ingested['articles']} new articles "
          f"({ingested['already_ingested']} already ingested, {ingested['duplicates']} "
          f"duplicates), {ingested['errors']} ingest errors, {extracted['quotes']} quotes")
    owed = extracted.get("recovered", 0) + extracted.get("reextracted", 0)
    if owed:
        print(f"  extracted again from the lake: {extracted.get('recovered', 0)} never "
              f"extracted, {extracted.get('reextracted', 0)} from an older pipeline version")
    print(f"  warehouse: {tables.get('articles', 0)} articles, {tables.get('quotes', 0)} quotes, "
          f"{tables.get('speakers', 0)} speakers, {tables.get('ingest_errors', 0)} ingest errors")
    _, top = warehouse.query(settings, "select name, type, quote_count, article_count "
                                       "from top_speakers limit 10")
    if top:
        print("  top speakers:")
        for name, kind, quotes, articles in top:
            print(f"    {quotes:4d} quotes  {name} ({kind}, {articles} article(s))")
    print(f"  DuckDB file: {published['warehouse']}")
    print("  try: newsevents query \"select speaker_name, content from quotes limit 5\"")


def _publish(args: argparse.Namespace) -> int:
    from pipeline import stages

    summary = stages.publish(settings=_settings(args))
    print(json.dumps(summary, indent=2))
    return 0


def _eval(args: argparse.Namespace) -> int:
    from pipeline.evaluate_run import evaluate_gold_sets
    from pipeline.evaluation import DIAGNOSTIC_KINDS, format_diagnostics

    kinds = None if args.diagnostics in (None, "all") else [
        k.strip() for k in args.diagnostics.split(",") if k.strip()]
    unknown = sorted(set(kinds or ()) - set(DIAGNOSTIC_KINDS))
    if unknown:
        print(f"newsevents eval: unknown diagnostic kind {', '.join(unknown)}; "
              f"choose from {', '.join(DIAGNOSTIC_KINDS)}", file=sys.stderr)
        return 2

    # The protocol scores names from the text alone: an empty known-people file.
    settings = Settings.from_env(known_people=os.devnull)
    report = evaluate_gold_sets([Path(d) for d in args.gold_dirs], settings=settings,
                                predictions_out=args.predictions_out)
    if args.json:
        # With --json the diagnostics (all kinds) go inside the JSON, one list per set.
        print(json.dumps(report.as_json(diagnostics=args.diagnostics is not None), indent=2))
        return 0
    print(report.text)
    if args.diagnostics is not None:
        for name, scores in report.per_set.items():
            print(f"\n== {name}")
            print(format_diagnostics(scores, kinds=kinds) or "(nothing to report)")
    return 0


def _search(args: argparse.Namespace) -> int:
    from pipeline.store import warehouse

    settings = Settings.from_env(warehouse=args.warehouse)
    try:
        _, rows = warehouse.search_quotes(settings, args.terms, limit=args.limit)
    except warehouse.QueryError as exc:
        print(f"newsevents search: {exc}", file=sys.stderr)
        return 1
    for score, speaker, published, source, content, _quote_id in rows:
        print(f"{score:6.2f}  {published or '':10}  {source or '':14.14}  "
              f"{speaker or '(unknown)'}: {content[:160]}")
    return 0


def _bench(args: argparse.Namespace) -> int:
    from pipeline.benchmark import run_benchmark
    from pipeline.config import SAMPLE_PATH
    from pipeline.ingest import ingest_sources

    settings = Settings.from_env()
    batch = ingest_sources(args.sources or [str(SAMPLE_PATH)], settings=settings)
    articles = [a for a in batch.articles if a.duplicate_of is None]
    if not articles:
        raise ValueError("nothing to benchmark: the sources gave no article")
    result = run_benchmark(articles, settings=settings, runs=args.runs,
                           progress=lambda msg: print(msg, file=sys.stderr))
    print(json.dumps(result.as_dict(), indent=2) if args.json else result.text())
    return 0


def _query(args: argparse.Namespace) -> int:
    from pipeline.store import warehouse

    settings = Settings.from_env(warehouse=args.warehouse)
    try:
        columns, rows = warehouse.query(settings, args.sql)
    except warehouse.QueryError as exc:
        print(f"newsevents query: {exc}", file=sys.stderr)
        return 1
    if args.json:
        for row in rows:
            print(json.dumps(dict(zip(columns, row, strict=True)), default=str,
                             ensure_ascii=False))
        return 0
    print("\t".join(columns))
    for row in rows:
        print("\t".join("" if v is None else str(v) for v in row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
