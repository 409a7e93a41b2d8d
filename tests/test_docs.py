"""What the README documents exists: commands, options, tables and views."""

from __future__ import annotations

import re

from pipeline.cli import _parser
from pipeline.config import PROJECT_DIR, Settings
from pipeline.store.warehouse import sql_files

README = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands_and_ci_runs_the_second():
    first_block = README.split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in first_block.strip().splitlines()]
    assert commands == ["make run", "make test"]
    assert "make test" in (PROJECT_DIR / ".ci" / "run").read_text(encoding="utf-8")


def test_every_documented_option_exists():
    parser = _parser()
    commands = parser._subparsers._group_actions[0].choices  # noqa: SLF001
    known = {opt for command in commands.values()
             for action in command._actions for opt in action.option_strings}  # noqa: SLF001
    documented = set(re.findall(r"`(--[a-z-]+)", README))
    assert {"--lake", "--reextract", "--diagnostics"} <= documented
    assert documented <= known


def test_documented_environment_settings_exist():
    fields = {f"NEWSEVENTS_{name.upper()}" for name in Settings.__dataclass_fields__}
    documented = set(re.findall(r"NEWSEVENTS_[A-Z_]+[A-Z]", README))
    assert documented <= fields | {"NEWSEVENTS_NAME"}


def test_documented_tables_and_views_are_built():
    built = {f.name for layer in ("marts", "views") for f in sql_files(layer)}
    for name in ("articles", "quotes", "speakers", "mentions", "ingest_errors", "events",
                 "stances", "top_speakers", "latest_quotes"):
        assert name in built
        assert f"`{name}`" in README
