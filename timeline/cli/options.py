"""Option decorators shared by commands: chronology filters and output formats."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from datetime import date

    from timeline.store.chronology import EventFilter

F = TypeVar("F", bound=Callable[..., Any])

PRECISIONS = ("day", "week", "month", "quarter", "season", "year", "decade", "century")
EVENT_FORMATS = ("table", "csv", "tsv", "json", "jsonl", "markdown", "timelinejs", "timelinejs-csv")
TABLE_FORMATS = ("table", "csv", "tsv", "json", "jsonl", "markdown")


class PartialDate(click.ParamType[Any]):
    """2005, 2005-03 or 2005-03-01; converts to (first day, last day)."""

    name = "DATE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, tuple):
            return value
        from timeline.store.dates import parse_partial_date

        try:
            return parse_partial_date(str(value))
        except ValueError as e:
            self.fail(str(e), param, ctx)


def filter_options(f: F) -> F:
    """The chronology filters of `list`, `export`, `plot` and `html`; passes ``flt``."""
    options = [
        click.option(
            "--actor",
            "actors",
            multiple=True,
            metavar="NAME",
            help="Events with this actor or anything affiliated with it (repeatable: any of).",
        ),
        click.option(
            "--all-actors", is_flag=True, help="With several --actor: events with all of them."
        ),
        click.option(
            "--exact", is_flag=True, help="Match the named actor/place only, not affiliates."
        ),
        click.option(
            "--place",
            "places",
            multiple=True,
            metavar="NAME",
            help="Events at this place or inside it (a city counts for its country).",
        ),
        click.option(
            "--from", "date_from", type=PartialDate(), help="Events overlapping on or after DATE."
        ),
        click.option(
            "--to", "date_to", type=PartialDate(), help="Events overlapping on or before DATE."
        ),
        click.option("--text", metavar="WORDS", help="Full-text search in event text (all words)."),
        click.option(
            "--document", metavar="DOC", help="Only this document (id, source path or title)."
        ),
        click.option(
            "--min-precision",
            type=click.Choice(PRECISIONS),
            help="Only events dated at least this precisely (e.g. month: day, week, month).",
        ),
        click.option("--limit", type=click.IntRange(min=0), help="At most N events."),
        click.option(
            "--offset", type=click.IntRange(min=0), default=0, help="Skip the first N events."
        ),
        click.option("--reverse", is_flag=True, help="Newest first."),
    ]
    for option in reversed(options):
        f = option(f)
    return _collect_filter(f)


def _collect_filter(f: F) -> F:
    import functools

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        kwargs["flt"] = make_filter(
            actors=kwargs.pop("actors"),
            all_actors=kwargs.pop("all_actors"),
            exact=kwargs.pop("exact"),
            places=kwargs.pop("places"),
            date_from=kwargs.pop("date_from"),
            date_to=kwargs.pop("date_to"),
            text=kwargs.pop("text"),
            document=kwargs.pop("document"),
            min_precision=kwargs.pop("min_precision"),
            limit=kwargs.pop("limit"),
            offset=kwargs.pop("offset"),
            reverse=kwargs.pop("reverse"),
        )
        return f(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def make_filter(
    *,
    actors: tuple[str, ...],
    all_actors: bool,
    exact: bool,
    places: tuple[str, ...],
    date_from: tuple[date, date] | None,
    date_to: tuple[date, date] | None,
    text: str | None,
    document: str | None,
    min_precision: str | None,
    limit: int | None,
    offset: int,
    reverse: bool,
) -> EventFilter:
    from timeline.store.chronology import EventFilter
    from timeline.temporal.types import Precision

    return EventFilter(
        actors=actors,
        all_actors=all_actors,
        exact=exact,
        places=places,
        # --from 2005 starts at 2005-01-01; --to 2005 ends at 2005-12-31.
        date_from=date_from[0] if date_from else None,
        date_to=date_to[1] if date_to else None,
        text=text,
        document=document,
        min_precision=Precision(min_precision) if min_precision else None,
        limit=limit,
        offset=offset,
        reverse=reverse,
    )


def output_options(formats: tuple[str, ...]) -> Callable[[F], F]:
    """--format plus the sqlite-utils shortcuts --csv, --json, --nl; passes ``fmt``, ``raw``."""

    def decorate(f: F) -> F:
        import functools

        @functools.wraps(f)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            shortcut = [name for name in ("csv", "json", "nl") if kwargs.pop(name)]
            if len(shortcut) > 1:
                raise click.UsageError("choose one of --csv, --json, --nl")
            if shortcut:
                kwargs["fmt"] = {"csv": "csv", "json": "json", "nl": "jsonl"}[shortcut[0]]
            return f(*args, **kwargs)

        options = [
            click.option(
                "-f",
                "--format",
                "fmt",
                type=click.Choice(formats),
                default="table",
                show_default=True,
                help="Output format.",
            ),
            click.option("--csv", is_flag=True, help="Shortcut for --format csv."),
            click.option("--json", is_flag=True, help="Shortcut for --format json."),
            click.option(
                "--nl", is_flag=True, help="Shortcut for --format jsonl (newline-delimited JSON)."
            ),
            click.option(
                "--raw",
                is_flag=True,
                help="Keep CSV cells as they are (no spreadsheet-formula neutralising).",
            ),
        ]
        out: Any = wrapper
        for option in reversed(options):
            out = option(out)
        return out  # type: ignore[no-any-return]

    return decorate
