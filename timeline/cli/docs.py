"""`timeline docs`: list stored documents, change a document's date, remove one."""

from __future__ import annotations

import sys
from typing import Any

import click

from timeline.cli.context import CliContext, friendly_errors, pass_cli
from timeline.cli.ingest import DayType
from timeline.cli.options import TABLE_FORMATS, output_options


@click.group("docs", invoke_without_command=True)
@output_options(TABLE_FORMATS)
@click.pass_context
def docs_group(ctx: click.Context, fmt: str, raw: bool) -> None:
    """List documents with their publication dates and event counts.

    \b
    Example:
      timeline docs
      timeline docs set-date 3 2016-08-23
    """
    if ctx.invoked_subcommand is not None:
        return
    from timeline.export.formats import write_table
    from timeline.store.documents import list_documents

    cli: CliContext = ctx.obj
    store = cli.store()
    with friendly_errors(), store.session() as session:
        columns, rows = list_documents(session)
    write_table(columns, rows, fmt, sys.stdout, raw=raw)


@docs_group.command("set-date")
@click.argument("document")
@click.argument("published", type=DayType())
@pass_cli
def set_date_command(cli: CliContext, document: str, published: Any) -> None:
    """Set a document's publication date and re-resolve its relative dates from stored text.

    \b
    Example:
      timeline docs set-date 3 2016-08-23
    """
    from timeline.ingest.reprocess import set_document_date
    from timeline.store.documents import find_document

    store = cli.store(write=True)
    with friendly_errors(), store.session() as session:
        doc_id = find_document(session, document)
        events = set_document_date(session, doc_id, published)
    click.echo(f"document {doc_id}: published {published}, {events} events")


@docs_group.command("remove")
@click.argument("document")
@pass_cli
def remove_command(cli: CliContext, document: str) -> None:
    """Remove a document with its date expressions, events and links.

    \b
    Example:
      timeline docs remove 3
    """
    from timeline.store.documents import find_document, remove_document

    store = cli.store(write=True)
    with friendly_errors(), store.session() as session:
        doc_id = find_document(session, document)
        events = remove_document(session, doc_id)
    click.echo(f"removed document {doc_id} and its {events} events")
