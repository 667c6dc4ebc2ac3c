"""The ``timeline`` command line: a thin shell over the library.

Commands are registered lazily by name so that ``timeline --help`` imports only click: each
command module itself imports the library (SQLAlchemy, the tagger rules, dateparser) inside
its function bodies.
"""

from __future__ import annotations

import importlib
import importlib.util
import os

import click

from timeline.cli.context import CliContext

# command name -> "module:attribute"; one module per command area.
COMMANDS = {
    "ingest": "timeline.cli.ingest:ingest_command",
    "list": "timeline.cli.query:list_command",
    "export": "timeline.cli.query:export_command",
    "show": "timeline.cli.query:show_command",
    "stats": "timeline.cli.query:stats_command",
    "sql": "timeline.cli.sql:sql_command",
    "schema": "timeline.cli.sql:schema_command",
    "docs": "timeline.cli.docs:docs_group",
    "db": "timeline.cli.db:db_group",
    "tag": "timeline.cli.tag:tag_command",
    "eval": "timeline.cli.tag:eval_command",
    "plot": "timeline.cli.plot:plot_command",
    "html": "timeline.cli.plot:html_command",
    "actors": "timeline.cli.actors:actors_group",
    "reprocess": "timeline.cli.actors:reprocess_command",
    "groups": "timeline.cli.groups:groups_group",
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command runs or shows help."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self._available(name))

    def _available(self, name: str) -> bool:
        module = COMMANDS[name].split(":", 1)[0]
        return importlib.util.find_spec(module) is not None

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None or not self._available(cmd_name):
            return None
        module_name, attr = target.split(":", 1)
        command = getattr(importlib.import_module(module_name), attr)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    metavar="PATH_OR_URL",
    envvar="TIMELINE_DB",
    default="timeline.db",
    show_default=True,
    help="SQLite file or SQLAlchemy URL (env TIMELINE_DB).",
)
@click.version_option(package_name="timeline")
@click.pass_context
def main(ctx: click.Context, db: str) -> None:
    """Build and query an event timeline database from news articles.

    \b
    Example:
      timeline ingest seeds/
      timeline list --actor Iran
    """
    ctx.obj = CliContext(db=os.path.expanduser(db))
    ctx.call_on_close(ctx.obj.close)
