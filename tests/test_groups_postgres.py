"""Event groups on PostgreSQL: the same groups, merged list and view as on SQLite (issue 10)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result
from sqlalchemy import text

from tests.conftest import SEEDS, Invoke
from tests.pg import requires_postgres, temporary_database
from timeline.cli import main
from timeline.store.engine import make_engine

pytestmark = requires_postgres


def cli(db: str, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", db, *args], catch_exceptions=False)


def test_seed_groups_agree_with_sqlite(seeded_db: Path, run: Invoke) -> None:
    with temporary_database() as url:
        assert cli(url, "ingest", "--jobs", "1", str(SEEDS)).exit_code == 0
        for args in (("list", "--merged", "--csv"), ("export", "--merged", "--format", "json")):
            pg, lite = cli(url, *args), run(*args)
            assert pg.exit_code == 0, pg.output
            assert pg.output == lite.output
        engine = make_engine(url)
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT mentions, documents, sources, actors FROM event_groups_view"
                    " WHERE documents > 1 ORDER BY date_start"
                )
            ).all()
        engine.dispose()
        assert [r[:3] for r in rows] == [(2, 2, 2), (2, 2, 2)]
        assert '"Hezbollah"' in rows[0][3]
        gid = next(
            line
            for line in cli(url, "list", "--merged", "--csv").output.splitlines()
            if ",2,2,2," in line
        ).split(",")[0]
        shown = cli(url, "show", f"g{gid}", "--no-color")
        assert shown.exit_code == 0 and "2 mentions in 2 documents" in shown.output
