"""Ad-hoc SQL (read-only) and the schema description."""

from __future__ import annotations

import sys

import click

from timeline.cli.context import CliContext, first_line, pass_cli
from timeline.cli.options import TABLE_FORMATS, output_options


@click.command("sql")
@click.argument("query")
@click.option(
    "-p",
    "--param",
    "params",
    type=(str, str),
    multiple=True,
    metavar="NAME VALUE",
    help="Bind :NAME to VALUE (repeatable). Values are always bound, never pasted.",
)
@output_options(TABLE_FORMATS)
@pass_cli
def sql_command(
    cli: CliContext, query: str, params: tuple[tuple[str, str], ...], fmt: str, raw: bool
) -> None:
    """Run a read-only SQL query against the database.

    The connection itself is read-only: INSERT, UPDATE, DELETE, DROP, ATTACH and writing
    PRAGMAs fail and the file is unchanged.

    \b
    Example:
      timeline sql "SELECT date_start, text FROM events_view WHERE actors LIKE :a" -p a '%Iran%'
    """
    from timeline.export.formats import write_table
    from timeline.store.adhoc import QueryError, run_read_only

    cli.store()  # create/upgrade the schema first, so a new database has its tables
    try:
        columns, rows = run_read_only(cli.db, query, dict(params))
        write_table(columns, rows, fmt, sys.stdout, raw=raw)
    except QueryError as e:
        raise click.ClickException(first_line(str(e))) from None


@click.command("schema")
@pass_cli
def schema_command(cli: CliContext) -> None:
    """Describe the tables and views, one line per column.

    \b
    Example:
      timeline schema
    """
    from timeline.store.describe import describe_schema

    for table, comment, columns in describe_schema():
        click.echo(f"{table}: {comment}")
        for name, type_, desc in columns:
            click.echo(f"  {name:<18} {type_:<9} {desc}")
        click.echo()
