"""`timeline groups`: regroup reports of one event at a threshold, and explain a pair."""

from __future__ import annotations

import click

from timeline.cli.context import CliContext, friendly_errors, pass_cli


@click.group("groups")
def groups_group() -> None:
    """Event groups: reports of one real event, merged (see `list --merged`, `show gN`).

    \b
    Example:
      timeline groups rebuild --merge-threshold 0.6
      timeline groups explain 5 17
    """


@groups_group.command("rebuild")
@click.option(
    "--merge-threshold",
    type=click.FloatRange(0.0, 1.0),
    help="Similarity two reports need to merge (stored for later ingests; default 0.6).",
)
@pass_cli
def rebuild_command(cli: CliContext, merge_threshold: float | None) -> None:
    """Regroup every event from scratch, at the stored or the given threshold.

    \b
    Example:
      timeline groups rebuild --merge-threshold 0.6
    """
    from timeline.store.groups import merge_threshold as stored_threshold
    from timeline.store.groups import rebuild_groups

    store = cli.store(write=True)
    with friendly_errors(), store.session() as session:
        n = rebuild_groups(session, merge_threshold)
        used = stored_threshold(session)
    click.echo(f"{n} groups at merge threshold {used}")


@groups_group.command("explain")
@click.argument("first", type=int)
@click.argument("second", type=int)
@click.option("--merge-threshold", type=click.FloatRange(0.0, 1.0), help="Threshold to judge by.")
@pass_cli
def explain_command(
    cli: CliContext, first: int, second: int, merge_threshold: float | None
) -> None:
    """Say whether two events tell one event, and why (score, features, shared words).

    \b
    Example:
      timeline groups explain 5 17
    """
    from timeline.store.groups import explain_pair

    store = cli.store()
    with friendly_errors(), store.session() as session:
        try:
            verdict, shared = explain_pair(session, first, second, merge_threshold)
        except LookupError as e:
            raise click.ClickException(str(e)) from None
    click.echo(verdict)
    click.echo(f"shared words: {', '.join(shared) or '-'}")
