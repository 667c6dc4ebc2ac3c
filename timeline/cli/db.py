"""Schema management: Alembic behind `timeline db`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from timeline.cli.context import CliContext, friendly_errors, pass_cli

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
from timeline.cli.dbcopy import copy_command


@click.group("db")
def db_group() -> None:
    """Manage the database schema (Alembic migrations).

    \b
    Example:
      timeline db current
    """


def _engine(cli: CliContext) -> Engine:
    from timeline.store.engine import make_engine

    with friendly_errors():
        return make_engine(cli.db)


@db_group.command("upgrade")
@click.argument("revision", default="head")
@pass_cli
def upgrade_command(cli: CliContext, revision: str) -> None:
    """Upgrade the schema to REVISION (default: head).

    \b
    Example:
      timeline db upgrade
    """
    from timeline.store.migrate import current_revision, upgrade

    engine = _engine(cli)
    with friendly_errors():
        upgrade(engine, revision)
        click.echo(f"schema at {current_revision(engine)}")


@db_group.command("downgrade")
@click.argument("revision")
@pass_cli
def downgrade_command(cli: CliContext, revision: str) -> None:
    """Downgrade the schema to REVISION ("base" removes every table).

    \b
    Example:
      timeline db downgrade base
    """
    from timeline.store.migrate import current_revision, downgrade

    engine = _engine(cli)
    with friendly_errors():
        downgrade(engine, revision)
        click.echo(f"schema at {current_revision(engine) or 'base'}")


@db_group.command("current")
@pass_cli
def current_command(cli: CliContext) -> None:
    """Print the schema revision of the database.

    \b
    Example:
      timeline db current
    """
    from timeline.store.migrate import SCHEMA_HEAD, current_revision

    with friendly_errors():
        rev = current_revision(_engine(cli))
    state = "head" if rev == SCHEMA_HEAD else "not at head: run `timeline db upgrade`"
    click.echo(f"{rev or 'base'} ({state})")


@db_group.command("history")
def history_command() -> None:
    """List the migrations, newest first.

    \b
    Example:
      timeline db history
    """
    from alembic.script import ScriptDirectory

    from timeline.store.migrate import alembic_config

    with friendly_errors():
        script = ScriptDirectory.from_config(alembic_config())
    for rev in script.walk_revisions():
        click.echo(f"{rev.revision}  {rev.doc}")


db_group.add_command(copy_command)
