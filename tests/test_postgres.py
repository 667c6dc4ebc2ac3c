"""PostgreSQL as a backend: migrations, the same CLI output as SQLite, full-text search on a GIN
index, read-only `timeline sql`, and the rest of the suite's storage and query tests.

Tests that write get a database of their own (tests/pg.py); the seeds are ingested once per
session into a database that read-only tests share and writing tests clone as a template.
"""

from __future__ import annotations

import importlib
import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from _pytest.fixtures import FixtureFunctionDefinition
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner, Result
from sqlalchemy import inspect, select, text

from tests.conftest import SEEDS
from tests.pg import (
    database_name,
    recreate_from_template,
    requires_postgres,
    temporary_database,
)
from timeline.cli import main
from timeline.store.database import open_store
from timeline.store.engine import make_engine
from timeline.store.migrate import SCHEMA_HEAD, current_revision, downgrade, upgrade
from timeline.store.models import Base
from timeline.store.query import EventFilter, build_select
from timeline.store.schema_extras import EVENTS_VIEW, PG_FTS_INDEX, include_name

pytestmark = requires_postgres


def cli(db: str | Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)


@pytest.fixture
def pg_url() -> Iterator[str]:
    with temporary_database() as url:
        yield url


@pytest.fixture(scope="session")
def seeded_pg_template() -> Iterator[str]:
    with temporary_database() as url:
        result = cli(url, "ingest", "--jobs", "1", str(SEEDS))
        assert result.exit_code == 0, result.output
        yield url


@pytest.fixture
def seeded_pg(seeded_pg_template: str) -> str:
    """The seeded database itself, for tests that only read (creating a database costs ~1 s).

    A test that writes here by mistake fails, and so may the ones after it: that is the
    read-only promise breaking, which is what they test.
    """
    return seeded_pg_template


@pytest.fixture
def seeded_sqlite(seeded_db_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "seeds.db"
    shutil.copy(seeded_db_template, path)
    return path


# -- the rest of the suite on PostgreSQL ------------------------------------------------------
# The storage, query, export and grouping tests of other modules are collected here again with
# conftest's `db_path` and `seeded_db` overridden: their `run` fixture and `open_store` calls
# then go to a PostgreSQL database of their own. Tests that read the SQLite file itself
# (sqlite3, Datasette, file digests) stay SQLite-only.

SUITE_MODULES = [
    "tests.test_cli_list",
    "tests.test_cli_schema",
    "tests.test_cli_ingest",
    "tests.test_cli_sql",
    "tests.test_groups",
    "tests.test_groups_seeds",
]
SQLITE_ONLY = {
    "tests.test_cli_schema": {
        "test_view_description_matches_the_real_view",
        "test_view_gives_actors_and_places_as_json_arrays",
        "test_datasette_detects_fts_and_runs_a_facet",
    },
    "tests.test_cli_ingest": {"test_remove_document_removes_its_events"},
    # File digests and PRAGMAs; the PostgreSQL refusals are tested above.
    "tests.test_cli_sql": {
        "test_writes_are_refused_and_the_file_is_unchanged",
        "test_reading_pragmas_still_work",
    },
    "tests.test_groups": {
        "test_every_event_has_exactly_one_group_and_the_view_has_one_row_per_group"
    },
}


def _count(db: str, table: str) -> int:
    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            return int(conn.scalar(text(f"SELECT count(*) FROM {table}")) or 0)
    finally:
        engine.dispose()


def _groups(db: str) -> list[dict[str, object]]:
    engine = make_engine(db)
    try:
        with engine.connect() as conn:
            groups = [
                dict(r._mapping) for r in conn.execute(text("SELECT * FROM event_groups_view"))
            ]
            for g in groups:
                g["members"] = [
                    dict(r._mapping)
                    for r in conn.execute(
                        text(
                            "SELECT e.id, e.document_id, e.text, t.text AS date_text, e.date_start"
                            " FROM event_group_members m JOIN events e ON e.id = m.event_id"
                            " JOIN timexes t ON t.id = e.timex_id WHERE m.group_id = :g"
                            " ORDER BY e.document_id, e.position"
                        ),
                        {"g": g["group_id"]},
                    )
                ]
            return groups
    finally:
        engine.dispose()


# Module helpers that read the SQLite file with sqlite3, and their PostgreSQL stand-ins.
STAND_INS: dict[str, dict[str, Callable[..., object]]] = {
    "tests.test_cli_ingest": {"_count": _count},
    "tests.test_groups_seeds": {"_groups": _groups},
}


@pytest.fixture(autouse=True)
def _helpers_on_postgresql(monkeypatch: pytest.MonkeyPatch) -> None:
    for module_name, helpers in STAND_INS.items():
        module = importlib.import_module(module_name)
        for name, helper in helpers.items():
            monkeypatch.setattr(module, name, helper)


@pytest.fixture
def db_path() -> Iterator[str]:
    """Overrides conftest's: a fresh PostgreSQL database instead of a SQLite file."""
    with temporary_database() as url:
        yield url


@pytest.fixture
def seeded_db(db_path: str, seeded_pg_template: str) -> str:
    """Overrides conftest's: ``db_path``'s database replaced by a copy of the seeded one."""
    recreate_from_template(db_path, database_name(seeded_pg_template))
    return db_path


def _suite_tests() -> dict[str, object]:
    """The modules' tests (renamed after their module) and the fixtures they define."""
    found: dict[str, object] = {}
    for module_name in SUITE_MODULES:
        module = importlib.import_module(module_name)
        skip = SQLITE_ONLY.get(module_name, set())
        for name, obj in vars(module).items():
            if isinstance(obj, FixtureFunctionDefinition) and name not in found:
                found[name] = obj
            elif name.startswith("test_") and callable(obj) and name not in skip:
                found[f"{name}__{module_name.rsplit('.', 1)[-1]}"] = obj
    return found


globals().update(_suite_tests())


def _schema_objects(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        insp = inspect(engine)
        names = set(insp.get_table_names()) | set(insp.get_view_names())
        with engine.connect() as conn:
            names |= set(
                conn.scalars(text("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'"))
            )
        return names
    finally:
        engine.dispose()


# -- migrations ----------------------------------------------------------------------------


def test_head_base_head_creates_and_removes_everything(pg_url: str) -> None:
    engine = make_engine(pg_url)
    try:
        upgrade(engine)
        assert current_revision(engine) == SCHEMA_HEAD
        objects = _schema_objects(pg_url)
        assert {t.name for t in Base.metadata.sorted_tables} <= objects
        assert {EVENTS_VIEW, PG_FTS_INDEX} <= objects
        downgrade(engine, "base")
        assert _schema_objects(pg_url) <= {"alembic_version", "alembic_version_pkc"}
        upgrade(engine)
        assert current_revision(engine) == SCHEMA_HEAD
    finally:
        engine.dispose()


def test_models_and_migrations_agree(pg_url: str) -> None:
    engine = make_engine(pg_url)
    try:
        upgrade(engine)
        with engine.connect() as conn:
            ctx = MigrationContext.configure(
                conn, opts={"include_name": include_name, "compare_type": True}
            )
            assert compare_metadata(ctx, Base.metadata) == []
    finally:
        engine.dispose()


def test_db_commands(pg_url: str) -> None:
    assert cli(pg_url, "db", "current").output == "base (not at head: run `timeline db upgrade`)\n"
    assert cli(pg_url, "db", "upgrade").output == f"schema at {SCHEMA_HEAD}\n"
    assert cli(pg_url, "db", "current").output == f"{SCHEMA_HEAD} (head)\n"
    assert cli(pg_url, "db", "downgrade", "base").output == "schema at base\n"
    assert cli(pg_url, "db", "history").exit_code == 0


# -- the same answers as SQLite ------------------------------------------------------------

SAME_OUTPUT = [
    pytest.param(("list",), id="list"),
    pytest.param(("list", "--json"), id="list-json"),
    pytest.param(("list", "--actor", "Iran", "--csv"), id="list-actor"),
    pytest.param(("list", "--place", "Buenos Aires", "--json"), id="list-place"),
    pytest.param(("list", "--from", "2005", "--to", "2012", "--reverse"), id="list-period"),
    pytest.param(("list", "--text", "embassy", "--json"), id="text-one-word"),
    pytest.param(("list", "--text", "Zarif Latin", "--json"), id="text-two-words"),
    pytest.param(("list", "--text", "EMBASSY bombing", "--json"), id="text-case"),
    pytest.param(("list", "--text", 'a" OR & | !b', "--json"), id="text-syntax-is-words"),
    pytest.param(("list", "--text", "Iran’s", "--json"), id="text-apostrophe-is-a-phrase"),
    pytest.param(("list", "--text", "U.S. Iran", "--json"), id="text-abbreviation"),
    pytest.param(("list", "--document", "004_ddb595ec236b03f1.txt"), id="list-document"),
    pytest.param(("export",), id="export-csv"),
    pytest.param(("export", "--format", "json"), id="export-json"),
    pytest.param(("export", "--format", "timelinejs"), id="export-timelinejs"),
    pytest.param(("show", "3", "--no-color"), id="show"),
    pytest.param(("stats",), id="stats"),
    pytest.param(("stats", "--json"), id="stats-json"),
    pytest.param(("docs",), id="docs"),
    pytest.param(("schema",), id="schema"),
    pytest.param(("sql", "SELECT * FROM events_view ORDER BY event_id", "--csv"), id="sql-view"),
    pytest.param(
        (
            "sql",
            "SELECT date_start, text FROM events_view WHERE actors LIKE :a ORDER BY 1, 2",
            "-p",
            "a",
            "%Iran%",
        ),
        id="sql-readme-example",
    ),
    pytest.param(
        (
            "sql",
            'SELECT approximate, count(*) AS n, avg("end" - start) AS len FROM events '
            "GROUP BY approximate ORDER BY 1",
            "--json",
        ),
        id="sql-bool-and-avg",
    ),
]


@pytest.mark.parametrize("args", SAME_OUTPUT)
def test_same_output_as_sqlite(seeded_sqlite: Path, seeded_pg: str, args: tuple[str, ...]) -> None:
    lite = cli(seeded_sqlite, *args)
    pg = cli(seeded_pg, *args)
    assert lite.exit_code == 0, lite.output
    assert pg.exit_code == 0, pg.output
    assert pg.output == lite.output


def test_seeds_ingested_the_same(seeded_sqlite: Path, seeded_pg: str) -> None:
    lite = json.loads(cli(seeded_sqlite, "stats", "--json").output)
    assert lite["events"] > 0
    assert json.loads(cli(seeded_pg, "stats", "--json").output) == lite
    assert "Buenos Aires" in cli(seeded_pg, "list", "--text", "embassy").output


def test_text_search_is_served_by_the_gin_index(seeded_pg: str) -> None:
    store = open_store(seeded_pg)
    try:
        with store.session() as session:
            stmt = build_select(session, EventFilter(text="Israeli embassy"))
            sql = str(stmt.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))
            # The seeds are small enough for a sequential scan to win; forbid it to see
            # whether the index *can* serve the expression.
            session.execute(text("SET LOCAL enable_seqscan = off"))
            plan = "\n".join(session.scalars(text("EXPLAIN " + sql)))
            assert PG_FTS_INDEX in plan, plan
            assert session.scalars(stmt).all()
    finally:
        store.close()


# -- read-only SQL -------------------------------------------------------------------------


def _snapshot(url: str) -> dict[str, object]:
    """Row counts of every table, the schema objects and the sequences' positions."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            counts: dict[str, object] = {
                t.name: conn.scalar(select(text("count(*)")).select_from(t))
                for t in Base.metadata.sorted_tables
            }
            counts["names"] = sorted(_schema_objects(url))
            counts["sequences"] = conn.execute(
                text("SELECT sequencename, last_value FROM pg_sequences ORDER BY 1")
            ).all()
            return counts
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "statement",
    [
        pytest.param(
            "INSERT INTO documents(content_hash, source, format, published_source, text, "
            "word_count, ingested_at) VALUES ('x','y','text','none','t',1,'now')",
            id="insert",
        ),
        pytest.param("UPDATE actors SET name = 'x'", id="update"),
        pytest.param("DELETE FROM events", id="delete"),
        pytest.param("TRUNCATE events CASCADE", id="truncate"),
        pytest.param("DROP TABLE events CASCADE", id="drop"),
        pytest.param("CREATE TABLE evil(x int)", id="create"),
        pytest.param("CREATE TEMP TABLE evil(x int)", id="create-temp"),
        pytest.param("SELECT nextval('events_id_seq')", id="nextval"),
        pytest.param("SELECT setval('events_id_seq', 1)", id="setval"),
        pytest.param("COMMIT; DELETE FROM events", id="commit-then-write"),
        pytest.param("BEGIN READ WRITE; DELETE FROM events", id="begin-read-write"),
        pytest.param(
            "WITH gone AS (DELETE FROM events RETURNING id) SELECT count(*) FROM gone", id="cte"
        ),
    ],
)
def test_sql_refuses_writes_and_nothing_changes(seeded_pg: str, statement: str) -> None:
    before = _snapshot(seeded_pg)
    result = cli(seeded_pg, "sql", statement)
    assert result.exit_code == 1
    assert result.output.startswith("Error: ")
    assert len(result.output.strip().splitlines()) == 1
    assert _snapshot(seeded_pg) == before


def test_sql_session_is_read_only_by_default(seeded_pg: str) -> None:
    result = cli(seeded_pg, "sql", "SHOW default_transaction_read_only")
    assert result.output.splitlines()[-1].strip() == "on"
    result = cli(seeded_pg, "sql", "SHOW transaction_read_only")
    assert result.output.splitlines()[-1].strip() == "on"


def test_sql_keeps_a_search_path_given_in_the_url(seeded_pg: str) -> None:
    url = seeded_pg + "?options=-csearch_path%3Dpublic"
    result = cli(url, "sql", "SELECT count(*) AS n FROM events", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["n"] > 0
