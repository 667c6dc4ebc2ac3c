"""Alembic environment: one models module, the same configure() options online and offline.

The URL comes, in order, from a connection handed in by the timeline CLI
(``config.attributes["connection"]``), from ``-x db=PATH_OR_URL``, from ``TIMELINE_DB``, then
from alembic.ini.
"""

from __future__ import annotations

import os
from typing import Any

from sqlalchemy.engine import Connection

from alembic import context
from timeline.store.engine import make_engine, normalise_url
from timeline.store.models import Base
from timeline.store.schema_extras import include_name

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    x = context.get_x_argument(as_dictionary=True)
    raw = x.get("db") or os.environ.get("TIMELINE_DB") or config.get_main_option("sqlalchemy.url")
    return normalise_url(raw or "timeline.db")


def _options(dialect_name: str) -> dict[str, Any]:
    return {
        "target_metadata": target_metadata,
        # SQLite cannot ALTER most things in place; batch mode copies the table. PostgreSQL
        # alters in place.
        "render_as_batch": dialect_name == "sqlite",
        "include_name": include_name,
        "compare_type": True,
    }


def run_migrations_offline() -> None:
    url = _url()
    context.configure(
        url=url,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
        **_options(url.split(":", 1)[0].split("+", 1)[0]),
    )
    with context.begin_transaction():
        context.run_migrations()


# Any fixed number: the key of the advisory lock that serialises migrations on PostgreSQL.
MIGRATION_LOCK = 1953066341


def _run_with(connection: Connection) -> None:
    context.configure(connection=connection, **_options(connection.dialect.name))
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            # Two processes opening a new database at once would both create the tables;
            # the second waits here and then finds the schema at head. (SQLite serialises
            # them with BEGIN IMMEDIATE.)
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run_with(connection)
        return
    engine = make_engine(_url())
    with engine.connect() as conn:
        _run_with(conn)
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
