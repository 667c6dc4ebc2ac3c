"""Running Alembic from the library: the CLI's first command on a database upgrades it to head.

Checking the version costs one query; Alembic itself is imported only when there is work to do,
so read commands on an up-to-date database start fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError, ProgrammingError

from timeline.store.common import SCHEMA_HEAD as SCHEMA_HEAD
from timeline.store.common import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

_PROJECT_ROOT = Path(__file__).resolve().parents[2]


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    ini = _PROJECT_ROOT / "alembic.ini"
    if not ini.exists():
        raise StoreError(
            f"migrations not found at {ini.parent / 'alembic'}: install timeline from its "
            "source tree (pip install -e .)"
        )
    cfg = Config(str(ini))
    cfg.set_main_option("script_location", str(_PROJECT_ROOT / "alembic"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        except (OperationalError, ProgrammingError):
            return None
        return row[0] if row else None


def ensure_schema(engine: Engine) -> None:
    """Upgrade to head unless already there; refuse a database from a newer version."""
    rev = current_revision(engine)
    if rev == SCHEMA_HEAD:
        return
    if rev is None:
        tables = set(inspect(engine).get_table_names())
        if tables - {"alembic_version"}:
            raise StoreError(
                "the database has tables but no timeline schema version; is it a timeline database?"
            )
    upgrade(engine, "head")
    if current_revision(engine) != SCHEMA_HEAD:
        raise StoreError(f"database schema is at {rev}, newer than this timeline ({SCHEMA_HEAD})")


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), revision)
