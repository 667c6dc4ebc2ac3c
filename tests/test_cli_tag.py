"""`timeline tag` over a folder of TimeML files writes one tagged file per input."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from timeline.cli import main

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>{name}</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2016-08-23" functionInDocument="CREATION_TIME">2016-08-23</TIMEX3></DCT>
<TEXT>Zarif said <TIMEX3 tid="t1" type="DATE" value="2016-08-22">Monday</TIMEX3> he began the tour.</TEXT>
</TimeML>
"""


def test_folder_of_timeml_gives_one_output_each(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    for name in ("a", "b"):
        (gold / f"{name}.tml").write_text(DOC.format(name=name), encoding="utf-8")
    (gold / "notes.txt").write_text("not TimeML", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["tag", "--input", "timeml", "-o", f"{out}/", str(gold)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["a.tml", "b.tml"]
    tagged = (out / "a.tml").read_text(encoding="utf-8")
    assert '<TIMEX3 tid="t1" type="DATE" value="2016-08-22">Monday</TIMEX3>' in tagged
    assert 'value="2016-08-23"' in tagged
