"""Chronology commands: list, export, show, stats."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

import click

from timeline.cli.context import CliContext, friendly_errors, pass_cli
from timeline.cli.options import EVENT_FORMATS, filter_options, output_options

if TYPE_CHECKING:
    from timeline.store.query import EventFilter


def _write(cli: CliContext, flt: EventFilter, fmt: str, raw: bool, out: TextIO) -> int:
    from timeline.export.formats import write_events
    from timeline.store.query import iter_events

    store = cli.store()
    with friendly_errors(), store.session() as session:
        return write_events(iter_events(session, flt), fmt, out, raw=raw)


@click.command("list")
@filter_options
@output_options(EVENT_FORMATS)
@pass_cli
def list_command(cli: CliContext, flt: EventFilter, fmt: str, raw: bool) -> None:
    """List events in chronological order (oldest first).

    \b
    Example:
      timeline list --actor Iran --from 2005 --to 2016-08
    """
    _write(cli, flt, fmt, raw, sys.stdout)


@click.command("export")
@filter_options
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
def export_command(cli: CliContext, flt: EventFilter, fmt: str, raw: bool, output: str) -> None:
    """Export events (CSV by default, columns as in DESIGN.md) to a file or standard output.

    \b
    Example:
      timeline export --actor Iran --format csv -o iran.csv
    """
    if output == "-":
        n = _write(cli, flt, fmt, raw, sys.stdout)
    else:
        # newline="" so the csv module's RFC 4180 line endings are written as they are.
        with open(output, "w", encoding="utf-8", newline="") as out:
            n = _write(cli, flt, fmt, raw, out)
        click.echo(f"exported {n} events to {output}", err=True)


@click.command("show")
@click.argument("event_id", type=int)
@click.option(
    "--color/--no-color", default=None, help="Highlight the date mention (default: on a terminal)."
)
@pass_cli
def show_command(cli: CliContext, event_id: int, color: bool | None) -> None:
    """Show everything about one event: document, date expression, sentence, actors, places.

    \b
    Example:
      timeline show 12
    """
    from timeline.export.detail import format_event_detail
    from timeline.store.details import event_detail

    store = cli.store()
    with friendly_errors(), store.session() as session:
        detail = event_detail(session, event_id)
    if detail is None:
        raise click.ClickException(f"no event with id {event_id}")
    use_color = sys.stdout.isatty() if color is None else color
    format_event_detail(detail, sys.stdout, color=use_color)


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
