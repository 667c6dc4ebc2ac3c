"""Ingest is safe to kill and to run twice at once (real subprocesses, real SQLite files)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

N_DOCS = 400
COUNTRIES = ["Iran", "Cuba", "Chile", "Peru", "Bolivia", "Argentina", "Venezuela", "Ecuador"]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def _write_corpus(folder: Path, start: int, stop: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, stop):
        country = COUNTRIES[i % len(COUNTRIES)]
        year = 1990 + i % 30
        text = (
            f"Report {i}. Officials from {country} met in {MONTHS[i % 6]} {year} to sign a trade deal.\n\n"
            f"The talks had begun in {year - 1} and were praised on Monday by the foreign minister.\n"
        )
        (folder / f"doc{i:04d}.txt").write_text(text, encoding="utf-8")


def _ingest_cmd(db: Path, *paths: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "timeline",
        "--db",
        str(db),
        "ingest",
        "--jobs",
        "1",
        "--published",
        "2020-06-01",
        *map(str, paths),
    ]


def _count(db: Path, sql: str) -> int:
    with sqlite3.connect(db, timeout=60) as conn:
        return int(conn.execute(sql).fetchone()[0])


def _events_per_source(db: Path) -> dict[str, int]:
    with sqlite3.connect(db, timeout=60) as conn:
        rows = conn.execute(
            "SELECT d.source, count(e.id) FROM documents d LEFT JOIN events e ON e.document_id = d.id GROUP BY d.id"
        ).fetchall()
    return {Path(src).name: n for src, n in rows}


def test_sigkill_mid_ingest_leaves_whole_documents_and_rerun_finishes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, 0, N_DOCS)
    reference = tmp_path / "reference.db"
    subprocess.run(_ingest_cmd(reference, corpus), check=True, capture_output=True)
    expected = _events_per_source(reference)
    assert len(expected) == N_DOCS and all(n > 0 for n in expected.values())

    db = tmp_path / "killed.db"
    proc = subprocess.Popen(
        _ingest_cmd(db, corpus), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if db.exists():
            try:
                stored = _count(db, "SELECT count(*) FROM documents")
            except sqlite3.OperationalError:
                continue
            if stored >= 64:
                break
    assert proc.poll() is None, "ingest finished before it could be killed; make the corpus bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert (
            conn.execute("INSERT INTO events_fts(events_fts) VALUES('integrity-check')") is not None
        )
    partial = _events_per_source(db)
    assert 0 < len(partial) < N_DOCS
    for name, n in partial.items():
        assert n == expected[name], f"{name} stored with {n} of {expected[name]} events"

    rerun = subprocess.run(_ingest_cmd(db, corpus), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert _events_per_source(db) == expected


def test_two_concurrent_ingests_both_finish_without_duplicates(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    _write_corpus(a, 0, 150)
    _write_corpus(b, 100, 250)  # docs 100-149 are in both folders, same text
    db = tmp_path / "shared.db"
    procs = [
        subprocess.Popen(
            _ingest_cmd(db, folder), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for folder in (a, b)
    ]
    outputs = [p.communicate(timeout=600) for p in procs]
    for p, (_out, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err
        assert "locked" not in err
    assert _count(db, "SELECT count(*) FROM documents") == 250
    assert _count(db, "SELECT count(DISTINCT content_hash) FROM documents") == 250
    assert _count(db, "SELECT count(*) FROM actors WHERE origin = 'dictionary'") == _count(
        db, "SELECT count(DISTINCT name || '|' || kind) FROM actors WHERE origin = 'dictionary'"
    )
