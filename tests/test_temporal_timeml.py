"""TimeML reading and writing, TempEval-3 scoring, and the `tag` / `eval tempeval` commands."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from timeline.cli.tag import eval_command, tag_command
from timeline.temporal import Timex, TimexType, tag
from timeline.temporal.evaluate import Metrics, score_document
from timeline.temporal.timeml import read_timeml, write_timeml

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2016-08-23" temporalFunction="false" \
functionInDocument="CREATION_TIME">2016-08-23</TIMEX3></DCT>
<TEXT>
Zarif <EVENT eid="e1">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="2016-08-22">Monday</TIMEX3> \
that trade rose by 25 percent since <TIMEX3 tid="t2" type="DATE" value="2010">2010</TIMEX3> &amp; \
would double in <TIMEX3 tid="t3" type="DURATION" value="P5Y">five years</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_read_timeml_strips_tags_and_locates_gold() -> None:
    doc = read_timeml(DOC, name="test1.tml")
    assert doc.dct == dt.date(2016, 8, 23)
    assert "<" not in doc.text and "& would" in doc.text
    assert [(g.surface, g.value) for g in doc.timexes] == [
        ("Monday", "2016-08-22"), ("2010", "2010"), ("five years", "P5Y")]
    for gold in doc.timexes:
        assert doc.text[gold.start : gold.end] == gold.surface


def test_write_then_read_round_trip() -> None:
    text = 'He said "Monday" & <left>.'
    timex = Timex(9, 15, "Monday", TimexType.DATE, "2016-08-22")
    written = write_timeml(text, [timex], dt.date(2016, 8, 23), docid="x")
    back = read_timeml(written)
    assert back.text == text
    assert back.dct == dt.date(2016, 8, 23)
    assert [(g.surface, g.type, g.value) for g in back.timexes] == [("Monday", "DATE", "2016-08-22")]


def test_worded_range_is_one_timex_but_two_timeml_tags() -> None:
    text = "He visited between 2005 and 2012, and from March to May 2013."
    found = tag(text, dt.date(2016, 8, 23))
    assert [(t.surface, t.value) for t in found] == [
        ("between 2005 and 2012", "2005"), ("from March to May 2013", "2013-03")]
    assert found[0].interval is not None and found[0].interval.end == dt.date(2012, 12, 31)
    back = read_timeml(write_timeml(text, found, dt.date(2016, 8, 23)))
    assert [(g.surface, g.value) for g in back.timexes] == [
        ("2005", "2005"), ("2012", "2012"), ("March", "2013-03"), ("May 2013", "2013-05")]


def test_dashed_range_stays_one_timeml_tag() -> None:
    found = tag("in 2005-2012", dt.date(2016, 8, 23))
    back = read_timeml(write_timeml("in 2005-2012", found, None))
    assert [(g.surface, g.value) for g in back.timexes] == [("2005-2012", "2005")]


def test_scoring_counts_relaxed_strict_and_values() -> None:
    doc = read_timeml(DOC)
    found = tag(doc.text, doc.dct)
    score = score_document(doc, found)
    metrics = Metrics.from_counts(score.counts)
    assert score.counts.gold == 3
    assert metrics.relaxed_f1 == 1.0 and metrics.value_accuracy == 1.0


def test_scoring_reports_each_kind_of_error() -> None:
    doc = read_timeml(DOC)
    wrong = [
        Timex(0, 5, "Zarif", TimexType.DATE, "1999"),  # spurious
        Timex(12, 18, "Monday", TimexType.TIME, "2016-08-15"),  # wrong type and value
    ]
    score = score_document(doc, wrong)
    kinds = sorted(e.kind for e in score.errors)
    assert kinds == ["missed", "missed", "spurious", "wrong-type", "wrong-value"]


def test_cli_tag_timeml_in_and_out(tmp_path: Path) -> None:
    source = tmp_path / "doc.tml"
    source.write_text(DOC, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(tag_command, ["--input", "timeml", str(source), "-o", f"{out}/"])
    assert result.exit_code == 0, result.output
    written = (out / "doc.tml").read_text(encoding="utf-8")
    assert '<DCT><TIMEX3 tid="t0" type="DATE" value="2016-08-23"' in written
    assert '<TIMEX3 tid="t1" type="DATE" value="2016-08-22">Monday</TIMEX3>' in written
    assert "&amp; would" in written and "<EVENT" not in written
    again = read_timeml(written)
    assert [g.value for g in again.timexes] == ["2016-08-22", "2010", "P5Y"]


def test_cli_tag_text_json_and_failures(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("Zarif said Monday that talks failed.", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(
        tag_command, [str(missing), str(good), "--dct", "2016-08-23", "--format", "json"]
    )
    assert result.exit_code == 1
    assert f"{missing}: error:" in result.output
    assert "Traceback" not in result.output
    payload = json.loads(result.output[result.output.index("{") :])
    assert payload["timexes"][0]["value"] == "2016-08-22"
    assert payload["timexes"][0]["date_start"] == "2016-08-22"


def test_cli_tag_table(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("It happened in 1994.", encoding="utf-8")
    result = CliRunner().invoke(tag_command, [str(source)])
    assert result.exit_code == 0
    assert result.output.splitlines()[1].split() == [
        "15", "19", "DATE", "1994", "1994-01-01..1994-12-31", "1994"]


def test_cli_eval_tempeval(tmp_path: Path) -> None:
    (tmp_path / "doc.tml").write_text(DOC, encoding="utf-8")
    errors = tmp_path / "errors.tsv"
    result = CliRunner().invoke(
        eval_command, ["tempeval", str(tmp_path), "--per-file", "--errors", str(errors)]
    )
    assert result.exit_code == 0, result.output
    last = result.output.splitlines()[-1].split()
    assert last[0] == "OVERALL" and last[1:3] == ["3", "3"] and last[-1] == "1.000"
    assert errors.read_text(encoding="utf-8").startswith("## missed (0)")


def test_commands_have_help_with_examples() -> None:
    for command, args in ((tag_command, []), (eval_command, []), (eval_command, ["tempeval"])):
        result = CliRunner().invoke(command, [*args, "--help"])
        assert result.exit_code == 0
        assert "Example:" in result.output
