"""Picture commands: ``plot`` (a PNG/SVG chart) and ``html`` (a self-contained page).

Both take the filters of ``timeline list`` and hand the same rows to one library function:
:func:`timeline.export.plot.render_chart` or :func:`timeline.export.page.render_page`.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from timeline.cli.context import CliContext, friendly_errors, pass_cli
from timeline.cli.options import filter_options

if TYPE_CHECKING:
    from timeline.store.query import EventFilter
    from timeline.store.rows import EventRow

# Duplicated from timeline.export.plot so that `timeline --help` does not import it.
CHART_SUFFIXES = (".png", ".svg")


class _Counted:
    """Passes rows through and counts them, for the one-line report on stderr."""

    def __init__(self, rows: Iterable[EventRow]) -> None:
        self.rows = rows
        self.count = 0

    def __iter__(self) -> Iterator[EventRow]:
        for row in self.rows:
            self.count += 1
            yield row


def _cannot_write(path: object, error: OSError) -> str:
    return f"cannot write {str(path)!r}: {error.strerror or error}"


def _chart_path(ctx: click.Context, param: click.Parameter, value: str) -> Path:
    path = Path(value)
    if path.suffix.lower() not in CHART_SUFFIXES:
        raise click.BadParameter(
            f"{value!r} has suffix {path.suffix!r}; use one of {', '.join(CHART_SUFFIXES)}",
            ctx,
            param,
        )
    return path


@click.command("plot")
@filter_options
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="FILE.png|FILE.svg",
    callback=_chart_path,
    help="Chart file; the suffix chooses PNG or SVG.",
)
@click.option(
    "--by",
    type=click.Choice(("actor", "place", "document")),
    default="actor",
    show_default=True,
    help="One lane per actor, place or document.",
)
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=10,
    show_default=True,
    help="Lanes for the N most frequent names; the rest share 'other'.",
)
@click.option(
    "--width",
    type=click.IntRange(min=100),
    default=1600,
    show_default=True,
    help="Width in pixels (exact for PNG; CSS pixels for SVG).",
)
@click.option(
    "--height",
    type=click.IntRange(min=100),
    default=900,
    show_default=True,
    help="Height in pixels.",
)
@click.option("--title", help="Chart title (default: 'Timeline: N events by actor').")
@pass_cli
def plot_command(
    cli: CliContext,
    flt: EventFilter,
    output: Path,
    by: str,
    top: int,
    width: int,
    height: int,
    title: str | None,
) -> None:
    """Draw the events as a chart: time across, one lane per actor (or place, or document).

    Days are dots, intervals are bars whose hatched ends show their precision (too short
    to see: squares), approximate dates are hollow or dashed. With no matching event the chart is empty and says so.

    \b
    Example:
      timeline plot --actor Iran --from 1990 -o iran.png --top 8
    """
    from timeline.export.plot import render_chart
    from timeline.store.query import iter_events

    store = cli.store()
    with friendly_errors(), store.session() as session:
        rows = _Counted(iter_events(session, flt))
        try:
            render_chart(
                rows,
                output,
                by=by,  # type: ignore[arg-type]  # click.Choice guarantees the Literal
                top=top,
                width_px=width,
                height_px=height,
                title=title,
            )
        except ValueError as e:
            raise click.ClickException(str(e)) from None
        except OSError as e:
            raise click.ClickException(_cannot_write(output, e)) from None
    if rows.count == 0:
        click.echo("warning: no events match the filters; the chart is empty", err=True)
    click.echo(f"plotted {rows.count} events to {output}", err=True)


@click.command("html")
@filter_options
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, writable=True, allow_dash=True),
    metavar="FILE.html",
    help="Page to write ('-' for standard output).",
)
@click.option("--title", default="Timeline", show_default=True, help="Page title.")
@pass_cli
def html_command(cli: CliContext, flt: EventFilter, output: str, title: str) -> None:
    """Write one self-contained HTML page to explore the events offline: a zoomable time
    axis, a filter by actor, and each event's sentence with its date highlighted.

    \b
    Example:
      timeline html --actor Iran -o iran.html --title "Iran in Latin America"
    """
    from timeline.export.page import render_page
    from timeline.store.query import iter_events

    # The page is built in memory first (render_page holds all events anyway, to sort and
    # count them), so a failed query leaves no empty file behind.
    page = io.StringIO()
    store = cli.store()
    with friendly_errors(), store.session() as session:
        n = render_page(iter_events(session, flt), page, title=title)
    if output == "-":
        sys.stdout.write(page.getvalue())
        return
    try:
        with open(output, "w", encoding="utf-8") as out:
            out.write(page.getvalue())
    except OSError as e:
        raise click.ClickException(_cannot_write(output, e)) from None
    click.echo(f"wrote {n} events to {output}", err=True)
