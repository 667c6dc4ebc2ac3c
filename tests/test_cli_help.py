"""Help text is documentation: every command says what it does and shows an example."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from timeline.cli import COMMANDS, LazyGroup, main


def _all_commands() -> list[tuple[str, ...]]:
    ctx = click.Context(main)
    assert isinstance(main, LazyGroup)
    paths: list[tuple[str, ...]] = []
    for name in main.list_commands(ctx):
        cmd = main.get_command(ctx, name)
        assert cmd is not None
        paths.append((name,))
        if isinstance(cmd, click.Group):
            paths.extend((name, sub) for sub in cmd.list_commands(ctx))
    return paths


def test_core_commands_are_registered() -> None:
    names = main.list_commands(click.Context(main))
    for name in ("ingest", "list", "export", "sql", "docs", "db", "show", "stats", "schema"):
        assert name in names
    assert set(names) <= set(COMMANDS)


@pytest.mark.parametrize("path", _all_commands(), ids=" ".join)
def test_every_command_has_help_with_an_example(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output
    summary = result.output.split("\n\n")[1].strip()
    assert len(summary) > 10


def test_python_dash_m_runs_the_cli() -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "timeline", "--help"], capture_output=True, text=True, check=True
    )
    assert "Usage:" in out.stdout and "ingest" in out.stdout
