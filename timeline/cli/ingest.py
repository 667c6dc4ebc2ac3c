"""`timeline ingest`: read articles, extract dated events, store them."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

import click

from timeline.cli.context import CliContext, friendly_errors, pass_cli
from timeline.cli.options import PartialDate

if TYPE_CHECKING:
    from timeline.ingest.pipeline import IngestSummary


class DayType(PartialDate):
    """An exact day YYYY-MM-DD."""

    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        first, last = super().convert(value, param, ctx)
        if first != last:
            self.fail(f"{value!r} is not a day: use YYYY-MM-DD", param, ctx)
        return first


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", type=DayType(), help="Publication date (DCT) for every document read.")
@click.option(
    "--glob", metavar="PATTERN", help="Only files matching PATTERN inside folders, e.g. '*.html'."
)
@click.option(
    "--encoding", metavar="NAME", help="Text encoding of the files (default: UTF-8, strict)."
)
@click.option("--force", is_flag=True, help="Re-extract documents that are already stored.")
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes for extraction (default: number of CPUs).",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary.")
@click.option(
    "--merge-threshold",
    type=click.FloatRange(0.0, 1.0),
    help="Similarity reports of one event need to be grouped, for this ingest "
    "(default: the database's, see `timeline groups rebuild`).",
)
@click.option(
    "--no-groups",
    is_flag=True,
    help="Do not group reports of one event; `timeline groups rebuild` does it later.",
)
@pass_cli
def ingest_command(
    cli: CliContext,
    paths: tuple[str, ...],
    published: Any,
    glob: str | None,
    encoding: str | None,
    force: bool,
    jobs: int | None,
    quiet: bool,
    merge_threshold: float | None = None,
    no_groups: bool = False,
) -> None:
    """Ingest articles: files or folders of .txt, .md, .html, .jsonl and TimeML, or - for stdin.

    Each document's date expressions are anchored to its publication date: --published, else
    its own metadata (front matter, HTML meta tags, JSONL field, TimeML DCT), else a date in its
    file name. Re-ingesting the same text adds nothing.

    \b
    Example:
      timeline ingest seeds/
      timeline ingest --published 2016-08-23 article.txt
    """
    from timeline.ingest.pipeline import ingest

    store = cli.store(write=True)
    n_jobs = jobs or (os.cpu_count() or 1)
    bar = (
        _Progress(_expected_documents(paths, glob)) if (not quiet and sys.stderr.isatty()) else None
    )
    with friendly_errors():
        summary = ingest(
            store,
            list(paths),
            published=published,
            glob=glob,
            encoding=encoding,
            force=force,
            jobs=n_jobs,
            on_progress=bar.update if bar else None,
            group_events=not no_groups,
            merge_threshold=merge_threshold,
        )
    if bar:
        bar.finish()
    for error in summary.errors:
        click.echo(f"error: {_clean(error)}", err=True)
    if not quiet:
        click.echo(summary.line(), err=True)
        if summary.unchanged and not summary.ingested:
            click.echo(
                "nothing new: every document was already stored (use --force to redo)", err=True
            )
    if summary.failed:
        sys.exit(1)


def _clean(text: str) -> str:
    from timeline.export.sanitize import clean_terminal

    return clean_terminal(text)


def _expected_documents(paths: tuple[str, ...], glob: str | None) -> int | None:
    """How many documents the paths hold, for the ETA; None when a file holds many (JSONL)."""
    from pathlib import Path

    from timeline.ingest.discover import discover

    files = [p for p in discover(list(paths), glob) if isinstance(p, Path)]
    if any(str(p) == "-" or p.suffix.lower() == ".jsonl" for p in files):
        return None
    return len(files)


class _Progress:
    """A one-line progress display on stderr: documents, events, documents/s, ETA."""

    def __init__(self, total: int | None) -> None:
        self.total = total
        self.last = 0.0

    def update(self, summary: IngestSummary, label: str) -> None:
        import time

        now = time.monotonic()
        if now - self.last < 0.1:
            return
        self.last = now
        done = summary.ingested + summary.unchanged + summary.failed
        rate = done / summary.seconds if summary.seconds else 0.0
        count = f"{done}/{self.total}" if self.total else f"{done}"
        eta = ""
        if self.total and rate > 0 and self.total > done:
            left = int((self.total - done) / rate)
            eta = f", ETA {left // 60}:{left % 60:02d}"
        name = _clean(label)[-40:]
        sys.stderr.write(
            f"\r\x1b[K{count} documents, {summary.events} events, {rate:.1f} docs/s{eta}  {name}"
        )
        sys.stderr.flush()

    def finish(self) -> None:
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()
