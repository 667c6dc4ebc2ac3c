"""Helpers for tests that need a PostgreSQL server: one throw-away database per test.

The server comes from ``TIMELINE_TEST_POSTGRES_URL`` (``make test`` sets it when a server
answers on 127.0.0.1:5432); without it every PostgreSQL test is skipped, with that reason.
Databases are created and dropped through the server's ``postgres`` database with AUTOCOMMIT
(CREATE/DROP DATABASE cannot run in a transaction). A database filled once per session can be
cloned per test with ``CREATE DATABASE ... TEMPLATE``, which copies files, not rows.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.engine.url import make_url

from timeline.store.engine import normalise_url

ENV = "TIMELINE_TEST_POSTGRES_URL"
SERVER_URL = os.environ.get(ENV, "")
PREFIX = "timeline_test_"

_skip_without_server = pytest.mark.skipif(
    not SERVER_URL, reason=f"{ENV} is not set: no PostgreSQL server to test"
)
# A PostgreSQL test module sets `pytestmark = requires_postgres`; a single test in a mixed
# module is decorated with `@postgres_test`.
requires_postgres = [pytest.mark.postgres, _skip_without_server]

F = TypeVar("F", bound=Callable[..., Any])


def postgres_test(f: F) -> F:
    marked: F = pytest.mark.postgres(_skip_without_server(f))
    return marked


def url_for(database: str) -> str:
    """The server's URL with ``database`` as its database (password kept)."""
    if not SERVER_URL:
        raise RuntimeError(f"{ENV} is not set")
    u = make_url(normalise_url(SERVER_URL)).set(database=database)
    return u.render_as_string(hide_password=False)


def _admin() -> Engine:
    return create_engine(url_for("postgres"), isolation_level="AUTOCOMMIT")


def create_database(template: str | None = None) -> str:
    """A new empty database (or a copy of ``template``); returns its URL."""
    name = PREFIX + uuid.uuid4().hex[:12]
    admin = _admin()
    try:
        with admin.connect() as conn:
            clause = f" TEMPLATE {template}" if template else ""
            conn.execute(text(f"CREATE DATABASE {name}{clause}"))
    finally:
        admin.dispose()
    return url_for(name)


def drop_database(url: str) -> None:
    """Drop the database of ``url``, closing any session still connected to it."""
    name = make_url(url).database
    assert name is not None and name.startswith(PREFIX), name
    admin = _admin()
    try:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    finally:
        admin.dispose()


def recreate_from_template(url: str, template: str) -> None:
    """Replace the database of ``url`` by a copy of ``template``, keeping its name."""
    drop_database(url)
    admin = _admin()
    try:
        with admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {database_name(url)} TEMPLATE {template}"))
    finally:
        admin.dispose()


@contextmanager
def temporary_database(template: str | None = None) -> Iterator[str]:
    """The URL of a database that exists for the ``with`` block only."""
    url = create_database(template)
    try:
        yield url
    finally:
        drop_database(url)


def database_name(url: str) -> str:
    name = make_url(url).database
    assert name is not None
    return name
