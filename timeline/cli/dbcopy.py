"""`timeline db copy`: the whole database to another one, SQLite to PostgreSQL or back."""

from __future__ import annotations

import sys
from typing import Any

import click

from timeline.cli.context import CliContext, friendly_errors, pass_cli


@click.command("copy")
@click.option("--to", "target", required=True, metavar="PATH_OR_URL", help="Database to copy into.")
@click.option("--replace", is_flag=True, help="Empty the target first if it holds rows.")
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=5000,
    show_default=True,
    help="Rows per INSERT batch.",
)
@pass_cli
def copy_command(cli: CliContext, target: str, replace: bool, batch_size: int) -> None:
    """Copy every table, ids included, from --db into an empty database (created if needed).

    The target's schema is made by the migrations, so its views and full-text index are its
    own dialect's. Row counts per table are printed and compared; a mismatch exits with 1.

    \b
    Example:
      timeline --db timeline.db db copy --to postgresql://me@localhost/timeline
    """
    from timeline.store.copy import copy_database, open_source, same_database
    from timeline.store.database import open_store

    if same_database(cli.db, target):
        raise click.ClickException("--to names the database being copied")
    bar: Any = None

    def start(total: int) -> None:
        nonlocal bar
        if sys.stderr.isatty():
            bar = click.progressbar(length=total, label="copying rows", file=sys.stderr)
            bar.__enter__()

    def advance(n: int) -> None:
        if bar is not None:
            bar.update(n)

    with friendly_errors():
        source = open_source(cli.db)
        destination = open_store(target, write=True)
        try:
            counts = copy_database(
                source.engine,
                destination,
                replace=replace,
                batch=batch_size,
                on_start=start,
                on_rows=advance,
            )
        finally:
            if bar is not None:
                bar.__exit__(None, None, None)
            source.close()
            destination.close()
    width = max(len(c.table) for c in counts)
    click.echo(f"{'table':<{width}}  {'source':>9}  {'target':>9}")
    for c in counts:
        flag = "" if c.ok else "  MISMATCH"
        click.echo(f"{c.table:<{width}}  {c.source:>9}  {c.target:>9}{flag}")
    bad = [c.table for c in counts if not c.ok]
    if bad:
        raise click.ClickException(f"row counts differ in {', '.join(bad)}")
    click.echo(f"copied {sum(c.target for c in counts)} rows", err=True)
