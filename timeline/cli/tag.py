"""`timeline tag` (find dates in files) and `timeline eval tempeval` (score against gold TimeML).

Only click is imported at module level: the tagger's rules load inside the commands, so that
`timeline --help` stays fast.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

_SUFFIX = {"timeml": ".tml", "json": ".json", "table": ".txt"}


@click.command("tag")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--dct",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Document creation time for relative dates (YYYY-MM-DD); a TimeML <DCT> wins.",
)
@click.option(
    "--input",
    "input_format",
    type=click.Choice(["text", "timeml"]),
    default="text",
    show_default=True,
    help="Plain text, or TimeML whose <TEXT> is re-tagged (existing tags are dropped).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["timeml", "json", "table"]),
    help="Output form [default: timeml for --input timeml, else table].",
)
@click.option(
    "-o",
    "--output",
    "output_arg",
    type=click.Path(),
    help="Output file, or a folder for one output per input (default: standard output).",
)
@click.pass_context
def tag_command(
    ctx: click.Context,
    files: tuple[Path, ...],
    dct: dt.datetime | None,
    input_format: str,
    output_format: str | None,
    output_arg: str | None,
) -> None:
    """Find the date expressions in FILES and print or write them.

    A file that cannot be read is reported on one line and skipped; the exit status is 1 if
    any file failed.

    \b
    Example:
      timeline tag article.txt --dct 2016-08-23
      timeline tag --input timeml gold/ -o tagged/
    """
    from timeline.temporal import tag
    from timeline.temporal.formats import to_json, to_table, to_timeml
    from timeline.temporal.timeml import TimeMLDocument, TimeMLError, read_timeml

    files = _expand(files, input_format)
    fmt = output_format or ("timeml" if input_format == "timeml" else "table")
    output = Path(output_arg) if output_arg else None
    # A folder gets one output per input: an existing folder, a path ending in "/", or any
    # path when there are several inputs.
    to_folder = output is not None and (
        output.is_dir() or len(files) > 1 or str(output_arg).endswith(("/", "\\"))
    )
    if output is not None and to_folder:
        output.mkdir(parents=True, exist_ok=True)
    failed = False
    collected: list[str] = []
    for path in files:
        try:
            source = path.read_text(encoding="utf-8")
            if input_format == "timeml":
                doc = read_timeml(source, name=path.name)
            else:
                doc = TimeMLDocument(name=path.name, text=source, dct=None)
        except (OSError, UnicodeDecodeError, TimeMLError) as exc:
            click.echo(f"{path}: error: {_reason(exc)}", err=True)
            failed = True
            continue
        reference = doc.dct or (dct.date() if dct else None)
        timexes = tag(doc.text, reference)
        if fmt == "timeml":
            rendered = to_timeml(doc, timexes, reference)
        elif fmt == "json":
            rendered = to_json(str(path), reference, timexes) + "\n"
        else:
            rendered = (f"== {path}\n" if len(files) > 1 else "") + to_table(timexes) + "\n"
        if output is not None and to_folder:
            target = output / (path.stem + _SUFFIX[fmt])
            try:
                target.write_text(rendered, encoding="utf-8")
            except OSError as exc:
                click.echo(f"{target}: error: {_reason(exc)}", err=True)
                failed = True
        else:
            collected.append(rendered)
    if collected:
        text = "".join(collected)
        if output is not None:
            output.write_text(text, encoding="utf-8")
        else:
            click.echo(text, nl=False)
    if failed:
        ctx.exit(1)


def _expand(paths: tuple[Path, ...], input_format: str) -> tuple[Path, ...]:
    """Folders stand for the files inside them (TimeML: *.tml and *.xml; text: *.txt)."""
    patterns = ("*.tml", "*.xml") if input_format == "timeml" else ("*.txt",)
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted({f for p in patterns for f in path.rglob(p) if f.is_file()}))
        else:
            out.append(path)
    return tuple(out)


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


@click.group("eval")
def eval_command() -> None:
    """Measure the date tagger against annotated corpora.

    \b
    Example:
      timeline eval tempeval /data/tbaq/AQUAINT
    """


@eval_command.command("tempeval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--per-file", is_flag=True, help="One row per document before the overall row.")
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write every missed, spurious, wrong-value, wrong-type and wrong-extent timex here.",
)
def tempeval_command(gold_dir: Path, per_file: bool, errors_path: Path | None) -> None:
    """Score the tagger on the gold TimeML files of GOLD_DIR (TempEval-3 timex metrics).

    Strict and relaxed span precision/recall/F1, type and value accuracy, and value F1
    (value accuracy x relaxed F1); the DCT itself is not counted.

    \b
    Example:
      timeline eval tempeval /data/tbaq/TimeBank --errors errors.tsv
    """
    from timeline.temporal import tag
    from timeline.temporal.evaluate import evaluate, format_errors, format_table
    from timeline.temporal.timeml import iter_timeml_dir

    _, scores = evaluate(iter_timeml_dir(gold_dir), lambda doc: tag(doc.text, doc.dct))
    if not scores:
        raise click.ClickException(f"{gold_dir}: no .tml files")
    click.echo(format_table(scores, per_file=per_file))
    if errors_path is not None:
        errors_path.write_text(format_errors(scores), encoding="utf-8")
