"""Chronology commands: list, export, show, stats."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

import click

from timeline.cli.context import CliContext, friendly_errors, pass_cli
from timeline.cli.options import EVENT_FORMATS, filter_options, output_options

if TYPE_CHECKING:
    from timeline.store.chronology import EventFilter


def _write(
    cli: CliContext, flt: EventFilter, fmt: str, raw: bool, out: TextIO, merged: bool = False
) -> int:
    from timeline.export.formats import (
        CELL_FORMATS,
        TABLE_FORMATS,
        write_event_cells,
        write_events,
        write_table,
    )

    if not merged:
        # An up-to-date SQLite file is read without importing SQLAlchemy (start-up, issue 7).
        from timeline.store.fastread import open_reader

        reader = open_reader(cli.db)
        if reader is not None:
            with friendly_errors(), reader:
                if fmt in CELL_FORMATS:
                    # CSV cells straight from the rows statement: no EventRow per event
                    return write_event_cells(reader.event_cells(flt), fmt, out, raw=raw)
                return write_events(reader.events(flt), fmt, out, raw=raw)

    from timeline.store.query import iter_events

    store = cli.store()
    with friendly_errors(), store.session() as session:
        if merged:
            # one row per group (issue 10); event-only formats get each group's best mention
            from timeline.store.group_query import GROUP_COLUMNS, group_event_rows, iter_groups

            if fmt == "table":
                # on a terminal: dates at their precision and the columns a reader scans first
                from timeline.export.dates import display_date

                compact = (
                    (
                        f"g{g.group_id}",
                        display_date(g.date_start, g.date_end, g.precision, g.approximate),
                        g.mentions,
                        g.sources,
                        ", ".join(g.actors),
                        g.text,
                    )
                    for g in iter_groups(session, flt)
                )
                columns = ("group", "date", "mentions", "sources", "actors", "text")
                return write_table(columns, compact, fmt, out, raw=raw)
            if fmt in TABLE_FORMATS:
                rows = (g.values() for g in iter_groups(session, flt))
                return write_table(GROUP_COLUMNS, rows, fmt, out, raw=raw)
            return write_events(group_event_rows(session, flt), fmt, out, raw=raw)
        return write_events(iter_events(session, flt), fmt, out, raw=raw)


_merged_option = click.option(
    "--merged",
    is_flag=True,
    help="One row per event group (reports of one event) with mentions and sources columns.",
)


@click.command("list")
@filter_options
@_merged_option
@output_options(EVENT_FORMATS)
@pass_cli
def list_command(cli: CliContext, flt: EventFilter, merged: bool, fmt: str, raw: bool) -> None:
    """List events in chronological order (oldest first).

    \b
    Example:
      timeline list --actor Iran --from 2005 --to 2016-08
      timeline list --merged --actor Iran
    """
    _write(cli, flt, fmt, raw, sys.stdout, merged)


@click.command("export")
@filter_options
@_merged_option
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(EVENT_FORMATS),
    default="csv",
    show_default=True,
    help="Output format.",
)
@click.option("--raw", is_flag=True, help="Keep CSV cells as they are (no formula neutralising).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    default="-",
    help="Write to FILE instead of standard output.",
)
@pass_cli
def export_command(
    cli: CliContext, flt: EventFilter, merged: bool, fmt: str, raw: bool, output: str
) -> None:
    """Export events (CSV by default, columns as in DESIGN.md) to a file or standard output.

    \b
    Example:
      timeline export --actor Iran --format csv -o iran.csv
    """
    if output == "-":
        n = _write(cli, flt, fmt, raw, sys.stdout, merged)
    else:
        # newline="" so the csv module's RFC 4180 line endings are written as they are.
        with open(output, "w", encoding="utf-8", newline="") as out:
            n = _write(cli, flt, fmt, raw, out, merged)
        click.echo(f"exported {n} {'groups' if merged else 'events'} to {output}", err=True)


@click.command("show")
@click.argument("event_id", metavar="ID")
@click.option("--group", is_flag=True, help="Show the group of event ID (or ID is a group id).")
@click.option(
    "--color/--no-color", default=None, help="Highlight the date mention (default: on a terminal)."
)
@pass_cli
def show_command(cli: CliContext, event_id: str, group: bool, color: bool | None) -> None:
    """Show everything about one event: document, date expression, sentence, actors, places.

    An id starting with g (g12) is an event group: its reports of one event, each with its
    sentence.

    \b
    Example:
      timeline show 12
      timeline show g3
    """
    from timeline.export.detail import format_event_detail
    from timeline.store.details import event_detail

    store = cli.store()
    if group or event_id[:1] in ("g", "G"):
        _show_group(cli, event_id, color)
        return
    if not event_id.isdigit():
        raise click.BadParameter(f"{event_id!r} is not an event id (12) or group id (g12)")
    with friendly_errors(), store.session() as session:
        detail = event_detail(session, int(event_id))
    if detail is None:
        raise click.ClickException(f"no event with id {event_id}")
    use_color = sys.stdout.isatty() if color is None else color
    format_event_detail(detail, sys.stdout, color=use_color)


def _show_group(cli: CliContext, ident: str, color: bool | None) -> None:
    from timeline.store.group_query import format_group_detail, group_detail, group_of_event

    number = ident[1:] if ident[:1] in ("g", "G") else ident
    if not number.isdigit():
        raise click.BadParameter(f"{ident!r} is not a group id (g12)")
    with friendly_errors(), cli.store().session() as session:
        gid: int | None = int(number)
        if ident[:1] not in ("g", "G"):
            gid = group_of_event(session, int(number))  # --group with an event id
        detail = group_detail(session, gid) if gid is not None else None
    if detail is None:
        raise click.ClickException(f"no group {ident}")
    use_color = sys.stdout.isatty() if color is None else color
    format_group_detail(detail, sys.stdout, color=use_color)


@click.command("stats")
@output_options(("table", "json"))
@pass_cli
def stats_command(cli: CliContext, fmt: str, raw: bool) -> None:
    """Summarise the database: documents, events, actors, dates covered, events per year.

    \b
    Example:
      timeline stats --json
    """
    import json

    from timeline.store.stats import collect_stats

    store = cli.store()
    with friendly_errors(), store.session() as session:
        stats = collect_stats(session)
    if fmt == "json":
        click.echo(json.dumps(stats, indent=2))
        return
    click.echo(f"documents: {stats['documents']}")
    click.echo(f"events:    {stats['events']}")
    click.echo(f"actors:    {stats['actors']} linked ({stats['actors_total']} known)")
    click.echo(f"dates:     {stats['date_min'] or '-'} .. {stats['date_max'] or '-'}")
    if stats["undated_events"]:
        click.echo(f"unresolved:{stats['undated_events']:>5} events (documents without a date)")
    per_year = stats["events_per_year"]
    if per_year:
        click.echo("events per year:")
        top = max(per_year.values())
        for year, n in per_year.items():
            bar = "#" * max(1, round(40 * n / top))
            click.echo(f"  {year}  {n:>7}  {bar}")
