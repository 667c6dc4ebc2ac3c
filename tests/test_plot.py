"""The static chart (issue 9): file formats, exact pixel size, lanes, odd rows."""

from __future__ import annotations

import re
import struct
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import Invoke
from timeline.export.plot import NONE_LANE, OTHER_LANE, lane_names, render_chart
from timeline.store.rows import EventRow

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG_NS = "{http://www.w3.org/2000/svg}"


def row(
    event_id: int,
    start: str,
    end: str | None = None,
    *,
    precision: str = "day",
    approximate: bool = False,
    actors: tuple[str, ...] = (),
    places: tuple[str, ...] = (),
    document: str = "seeds/a.txt",
) -> EventRow:
    return EventRow(
        event_id=event_id,
        date_start=start,
        date_end=end or start,
        precision=precision,
        approximate=approximate,
        date_text=start,
        timex_value=start,
        actors=actors,
        places=places,
        text=f"Something happened on {start}.",
        document=document,
        published="2016-08-23",
    )


@pytest.fixture
def rows() -> list[EventRow]:
    """Rows shaped like the seeds: days, a month, a year range, an approximate year, no actor."""
    return [
        row(1, "2011-10-11", actors=("United States", "Iran"), places=("Washington",)),
        row(2, "2016-07-01", "2016-07-31", precision="month", actors=("Iran",), places=("Peru",)),
        row(3, "2005-01-01", "2012-12-31", precision="year", actors=("Hezbollah",)),
        row(4, "1994-01-01", "1994-12-31", precision="year", actors=("Argentina", "Iran")),
        row(5, "2010-01-01", "2010-12-31", precision="year", approximate=True),
        row(6, "2014-03-02", approximate=True, actors=("Venezuela",), document="seeds/b.txt"),
        row(7, "XXXX-08", precision="month", actors=("Iran",)),  # unresolved: not drawn
    ]


def svg_texts(root: ET.Element) -> list[str]:
    """The strings of the <text> elements (labels are kept as text: svg.fonttype 'none')."""
    return ["".join(e.itertext()) for e in root.iter(f"{SVG_NS}text")]


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which must come first after the signature."""
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize(
    ("width", "height"),
    [
        pytest.param(1600, 900, id="default"),
        pytest.param(1234, 567, id="odd-size"),
        pytest.param(333, 211, id="thumbnail-without-legend"),
    ],
)
def test_png_has_exactly_the_requested_size(
    tmp_path: Path, rows: list[EventRow], width: int, height: int
) -> None:
    out = tmp_path / "chart.png"
    render_chart(rows, out, width_px=width, height_px=height)
    assert png_size(out) == (width, height)


def test_png_suffix_is_case_insensitive(tmp_path: Path, rows: list[EventRow]) -> None:
    out = tmp_path / "chart.PNG"
    render_chart(rows, out, width_px=800, height_px=500)
    assert png_size(out) == (800, 500)


def test_svg_parses_names_its_lanes_and_has_the_size_in_css_pixels(
    tmp_path: Path, rows: list[EventRow]
) -> None:
    out = tmp_path / "chart.svg"
    render_chart(rows, out, top=2, title="Iran and friends")
    root = ET.parse(out).getroot()
    assert root.tag == f"{SVG_NS}svg"
    # Written in pt: 1600 px at 96 px per inch is 1200 pt.
    assert root.get("width") == "1200pt"
    assert root.get("height") == "675pt"
    texts = svg_texts(root)
    for label in ("Iran (3)", "Argentina (1)", f"{OTHER_LANE} (3)", f"{NONE_LANE} (1)"):
        assert label in texts
    assert "Iran and friends" in texts
    assert "1996" in texts  # a date tick


def test_svg_shows_hostile_names_as_text(tmp_path: Path) -> None:
    hostile = '<script>alert(1)</script><img src=x onerror="alert(1)">'
    out = tmp_path / "hostile.svg"
    render_chart([row(1, "2016-05-03", actors=(hostile,))], out, title="</svg>&amp;")
    root = ET.parse(out).getroot()
    assert not [e for e in root.iter() if e.tag in (f"{SVG_NS}script", f"{SVG_NS}img")]
    texts = svg_texts(root)
    assert f"{hostile[:31]}… (1)" in texts
    assert "</svg>&amp;" in texts


def test_same_rows_give_the_same_file(tmp_path: Path, rows: list[EventRow]) -> None:
    for name in ("a.svg", "b.svg", "a.png", "b.png"):
        render_chart(rows, tmp_path / name, width_px=640, height_px=400)
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        pytest.param("actor", ["Iran", "Argentina", OTHER_LANE, NONE_LANE], id="actor"),
        pytest.param("place", ["Peru", "Washington", NONE_LANE], id="place"),
        pytest.param("document", ["seeds/a.txt", "seeds/b.txt"], id="document"),
    ],
)
def test_lanes_are_the_top_names_then_other_then_none(
    rows: list[EventRow], by: str, expected: list[str]
) -> None:
    assert lane_names(rows, by, top=2) == expected  # type: ignore[arg-type]


def test_document_lanes_prefer_the_title() -> None:
    titled = EventRow(
        1,
        "2016-01-01",
        "2016-01-01",
        "day",
        False,
        "",
        "",
        (),
        (),
        "x",
        "a.txt",
        None,
        document_title="Iran in Latin America",
    )
    assert lane_names([titled], "document") == ["Iran in Latin America"]


def test_intervals_approximate_and_unresolved_rows_draw(tmp_path: Path) -> None:
    odd = [
        row(1, "1800-01-01", "1899-12-31", precision="century", actors=("Persia",)),
        row(2, "1990-01-01", "1999-12-31", precision="decade", approximate=True),
        row(3, "2016-06-01", "2016-08-31", precision="season", actors=("Iran",)),
        row(4, "2016-08-15", "2016-08-21", precision="week", actors=("Iran",)),
        row(5, "2016-12-31", "2016-01-01", precision="year"),  # reversed: drawn, not a crash
        row(6, "XXXX-08", precision="month"),  # unresolved: counted in the axis label
        row(8, "2016-W33", precision="week"),  # a week value, not a day: unresolved too
        row(7, "2016-08-22", actors=("A very long actor name that goes on and on forever",)),
    ]
    out = tmp_path / "odd.svg"
    render_chart(odd, out)
    source = out.read_text(encoding="utf-8")
    assert "2 event(s) with unresolved dates not shown" in source
    assert "A very long actor name that goe…" in source


def test_dates_at_the_ends_of_the_calendar_draw(tmp_path: Path) -> None:
    # The axis margin must not leave matplotlib's years 0001..9999.
    extreme = [
        row(1, "0001-01-01", "0100-12-31", precision="century", actors=("Rome",)),
        row(2, "9999-01-01", "9999-12-31", precision="year", actors=("Iran",)),
    ]
    render_chart(extreme, tmp_path / "extreme.png")
    render_chart(extreme[:1], tmp_path / "first-century.svg")
    assert png_size(tmp_path / "extreme.png") == (1600, 900)


def test_empty_input_gives_an_empty_chart_with_a_note(tmp_path: Path) -> None:
    # Decision (documented in timeline/export/plot.py): no error, one file per query.
    out = tmp_path / "empty.svg"
    render_chart([], out)
    source = out.read_text(encoding="utf-8")
    assert "No events" in source
    render_chart([], tmp_path / "empty.png", width_px=640, height_px=480)
    assert png_size(tmp_path / "empty.png") == (640, 480)


def test_unknown_suffix_is_a_clear_error(tmp_path: Path, rows: list[EventRow]) -> None:
    with pytest.raises(ValueError, match=r"unknown suffix '\.jpg'; use one of \.png, \.svg"):
        render_chart(rows, tmp_path / "chart.jpg")
    with pytest.raises(ValueError, match="unknown suffix ''"):
        render_chart(rows, tmp_path / "chart")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "kwargs",
    [
        pytest.param({"width_px": 0}, id="zero-width"),
        pytest.param({"height_px": -5}, id="negative-height"),
        pytest.param({"top": 0}, id="no-lanes"),
        pytest.param({"by": "colour"}, id="unknown-by"),
    ],
)
def test_bad_arguments_are_errors(
    tmp_path: Path, rows: list[EventRow], kwargs: dict[str, object]
) -> None:
    with pytest.raises(ValueError):
        render_chart(rows, tmp_path / "chart.png", **kwargs)  # type: ignore[arg-type]


def test_importing_the_module_does_not_import_matplotlib() -> None:
    import subprocess

    code = (
        "import sys, timeline.export.plot; "
        "sys.exit(1 if any(m.startswith('matplotlib') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_ten_thousand_events_render(tmp_path: Path) -> None:
    many = [
        row(
            i,
            f"{1950 + i % 70}-{1 + i % 12:02d}-01",
            f"{1950 + i % 70 + i % 3}-{1 + i % 12:02d}-28",
            precision=("day", "month", "year")[i % 3],
            approximate=i % 5 == 0,
            actors=(f"actor {i % 17}",) if i % 4 else (),
        )
        for i in range(10_000)
    ]
    render_chart(many, tmp_path / "many.png")
    assert png_size(tmp_path / "many.png") == (1600, 900)


# ---- the `timeline plot` command ---------------------------------------------------------


def test_cli_plot_draws_the_seeds(run: Invoke, seeded_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "iran.png"
    result = run("plot", "--actor", "Iran", "-o", str(out), "--width", "1000", "--height", "600")
    assert result.exit_code == 0, result.output
    assert png_size(out) == (1000, 600)
    assert re.fullmatch(r"plotted \d+ events to .*iran\.png\n", result.stderr)


def test_cli_plot_svg_by_place_with_title(run: Invoke, seeded_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "places.svg"
    result = run("plot", "--by", "place", "--top", "3", "--title", "Places", "-o", str(out))
    assert result.exit_code == 0, result.output
    source = out.read_text(encoding="utf-8")
    assert "Places" in source
    assert f"{OTHER_LANE} (" in source


def test_cli_plot_rejects_an_unknown_suffix_before_reading(run: Invoke, tmp_path: Path) -> None:
    result = run("plot", "-o", str(tmp_path / "chart.jpg"))
    assert result.exit_code == 2
    assert "has suffix '.jpg'; use one of .png, .svg" in result.output
    assert not (tmp_path / "chart.jpg").exists()


def test_cli_plot_with_no_match_warns_and_writes_an_empty_chart(
    run: Invoke, seeded_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "none.svg"
    result = run("plot", "--from", "1200", "--to", "1201", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "no events match the filters" in result.stderr
    assert "No events" in out.read_text(encoding="utf-8")


def test_docstring_examples_run() -> None:
    import doctest

    from timeline.export import plot

    result = doctest.testmod(plot)
    assert result.attempted > 0
    assert result.failed == 0


def test_cli_plot_reports_an_unwritable_path(run: Invoke, seeded_db: Path, tmp_path: Path) -> None:
    result = run("plot", "-o", str(tmp_path / "missing" / "chart.png"))
    assert result.exit_code == 1
    assert "cannot write" in result.output and "No such file or directory" in result.output
