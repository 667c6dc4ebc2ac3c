"""`timeline actors` (inspect and extend the dictionary) and `timeline reprocess`."""

from __future__ import annotations

import sys

import click

from timeline.cli.context import CliContext, friendly_errors, pass_cli
from timeline.cli.options import TABLE_FORMATS, output_options

KINDS = ("country", "person", "organisation", "group", "city", "region")


@click.group("actors", invoke_without_command=True)
@click.pass_context
def actors_group(ctx: click.Context) -> None:
    """Inspect and extend the actor dictionary (countries, people, organisations, places).

    \b
    Example:
      timeline actors list --kind person
      timeline actors add "Hassan Rouhani" --kind person --member-of Iran
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(list_command)


@actors_group.command("list")
@click.option("--kind", type=click.Choice(KINDS), help="Only actors of this kind.")
@click.option("--search", metavar="TEXT", help="Only names containing TEXT.")
@click.option("--all", "show_all", is_flag=True, help="Include actors no event mentions.")
@output_options(TABLE_FORMATS)
@pass_cli
def list_command(
    cli: CliContext,
    kind: str | None = None,
    search: str | None = None,
    show_all: bool = False,
    fmt: str = "table",
    raw: bool = False,
) -> None:
    """List actors, most mentioned first (only those linked to events unless --all).

    \b
    Example:
      timeline actors list --kind country --csv
    """
    from timeline.export.formats import write_table
    from timeline.store.actors import list_actors

    store = cli.store()
    with friendly_errors(), store.session() as session:
        columns, rows = list_actors(session, kind=kind, search=search, linked_only=not show_all)
    write_table(columns, rows, fmt, sys.stdout, raw=raw)


@actors_group.command("show")
@click.argument("name")
@pass_cli
def show_command(cli: CliContext, name: str) -> None:
    """Show an actor: aliases, affiliations both ways, number of events.

    \b
    Example:
      timeline actors show Iran
    """
    from timeline.export.sanitize import clean_terminal
    from timeline.store.actors import describe_actor

    store = cli.store()
    with friendly_errors(), store.session() as session:
        info = describe_actor(session, name)
    click.echo(
        clean_terminal(
            f"{info['name']} ({info['kind']}{', ' + info['code'] if info['code'] else ''})"
        )
    )
    click.echo(f"  origin:   {info['origin']}")
    click.echo(f"  events:   {info['events']}")
    click.echo(clean_terminal(f"  aliases:  {', '.join(info['aliases'])}"))
    for aff in info["affiliated_with"]:
        bounds = f" [{aff['from'] or '…'} – {aff['to'] or '…'}]" if aff["from"] or aff["to"] else ""
        click.echo(clean_terminal(f"  {aff['relation']} of: {aff['name']}{bounds}"))
    if info["affiliates"]:
        names = ", ".join(f"{a['name']} ({a['relation']})" for a in info["affiliates"])
        click.echo(clean_terminal(f"  affiliates: {names}"))


@actors_group.command("add")
@click.argument("name")
@click.option("--kind", type=click.Choice(KINDS), required=True, help="What the actor is.")
@click.option("--code", help="ISO 3166 alpha-3 code for a country.")
@click.option("--alias", "aliases", multiple=True, help="Another name (repeatable).")
@click.option(
    "--member-of",
    "parents",
    multiple=True,
    metavar="ACTOR",
    help="Affiliate with ACTOR (repeatable).",
)
@click.option("--description", help="Free text.")
@pass_cli
def add_command(
    cli: CliContext,
    name: str,
    kind: str,
    code: str | None,
    aliases: tuple[str, ...],
    parents: tuple[str, ...],
    description: str | None,
) -> None:
    """Add an actor to the dictionary; run `timeline reprocess` to find it in stored articles.

    \b
    Example:
      timeline actors add "Hassan Rouhani" --kind person --alias Rouhani --member-of Iran
    """
    from timeline.actors.types import ActorEntry, ActorKind, Affiliation
    from timeline.store.actors import add_actor

    entry = ActorEntry(
        name=name,
        kind=ActorKind(kind),
        code=code,
        aliases=aliases,
        description=description,
        affiliations=tuple(Affiliation(p, "member") for p in parents),
    )
    store = cli.store(write=True)
    with friendly_errors(), store.session() as session:
        actor_id = add_actor(session, entry)
    click.echo(f"actor {actor_id}: {name}")


@actors_group.command("alias")
@click.argument("name")
@click.argument("aliases", nargs=-1, required=True)
@pass_cli
def alias_command(cli: CliContext, name: str, aliases: tuple[str, ...]) -> None:
    """Give an actor more names.

    \b
    Example:
      timeline actors alias Iran "the Islamic Republic" Persia
    """
    from timeline.store.actors import add_aliases

    store = cli.store(write=True)
    with friendly_errors(), store.session() as session:
        add_aliases(session, name, list(aliases))
    click.echo(f"{name}: {len(aliases)} alias(es) added")


@actors_group.command("link")
@click.argument("name")
@click.argument("parent")
@click.option(
    "--relation", default="member", show_default=True, help="member, part_of, sponsor, ..."
)
@click.option("--from", "start", metavar="YYYY-MM-DD", help="Affiliation starts (inclusive).")
@click.option("--to", "end", metavar="YYYY-MM-DD", help="Affiliation ends (inclusive).")
@pass_cli
def link_command(
    cli: CliContext, name: str, parent: str, relation: str, start: str | None, end: str | None
) -> None:
    """Affiliate NAME with PARENT so that `--actor PARENT` includes NAME's events.

    \b
    Example:
      timeline actors link Hezbollah Iran --relation sponsor
    """
    from timeline.store.actors import add_link

    store = cli.store(write=True)
    with friendly_errors(), store.session() as session:
        add_link(session, name, parent, relation, start, end)
    click.echo(f"{name} -> {parent} ({relation})")


@actors_group.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-")
@pass_cli
def export_command(cli: CliContext, output: str) -> None:
    """Write the user's additions (actors, aliases, links) as JSON.

    \b
    Example:
      timeline actors export -o my-actors.json
    """
    from timeline.store.actors import export_user_entries

    store = cli.store()
    with friendly_errors(), store.session() as session:
        text = export_user_entries(session)
    with click.open_file(output, "w", encoding="utf-8") as f:
        f.write(text + "\n")


@actors_group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@pass_cli
def import_command(cli: CliContext, file: str) -> None:
    """Add actors from a file written by `timeline actors export`.

    \b
    Example:
      timeline actors import my-actors.json
    """
    from timeline.store.actors import import_user_entries

    store = cli.store(write=True)
    with open(file, encoding="utf-8") as f:
        text = f.read()
    with friendly_errors(), store.session() as session:
        n = import_user_entries(session, text, file)
    click.echo(f"imported {n} actors from {file}")


@click.command("reprocess")
@click.option("--document", metavar="DOC", help="Only this document (id, source or title).")
@click.option(
    "--merge-threshold",
    type=click.FloatRange(0.0, 1.0),
    help="Then regroup all events at this similarity threshold (stored for later ingests).",
)
@pass_cli
def reprocess_command(
    cli: CliContext, document: str | None, merge_threshold: float | None = None
) -> None:
    """Re-extract events and links of stored documents (after dictionary or rule changes).

    Uses the stored text; the original files are not needed.

    \b
    Example:
      timeline reprocess
    """
    from timeline.ingest.reprocess import reprocess_documents

    store = cli.store(write=True)
    with friendly_errors():
        docs, events = reprocess_documents(store, document)
    click.echo(f"reprocessed {docs} documents: {events} events")
    if merge_threshold is not None:
        from timeline.store.groups import rebuild_groups

        with friendly_errors(), store.session() as session:
            groups = rebuild_groups(session, merge_threshold)
        click.echo(f"regrouped: {groups} groups at merge threshold {merge_threshold}")
