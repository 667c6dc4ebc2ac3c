"""The self-contained HTML page (issue 9): offline, injection-proof, usable at 10,000 events.

Pure tests read the file; tests marked ``browser`` open it in headless Chromium through
selenium and drive it through the DOM hooks the page promises (``.event[data-id]``,
``#actor-filter``, ``#visible-count``, ``#event-detail``).
"""

from __future__ import annotations

import io
import json
import re
import shutil
import struct
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Invoke
from timeline.export.page import embed_json, page_data, render_page
from timeline.store.rows import EventRow

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# Flags for a machine without network: without the background-networking ones Chromium keeps
# trying to reach Google services and floods the log with refused connections.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Containers often give /dev/shm 64 MB, which Chromium outgrows on the 10,000-event page.
    "--disable-dev-shm-usage",
    "--window-size=1400,1000",
)

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = '<img src=x onerror="window.__pwned=1">'
HOSTILE_TEXT = (
    f"On 3 May 2016 {HOSTILE_SCRIPT} and {HOSTILE_IMG} and </script><!-- and \u2028 & done."
)
HOSTILE_ACTOR = '<img src=x onerror="window.__pwned=1">Group'
PAGE_TITLE = "Iran & friends <b>timeline</b>"


def event(
    event_id: int,
    start: str,
    end: str | None = None,
    *,
    text: str | None = None,
    date_text: str | None = None,
    precision: str = "day",
    approximate: bool = False,
    actors: tuple[str, ...] = (),
    places: tuple[str, ...] = (),
    document: str = "seeds/000_d415ed705040d613.txt",
    title: str | None = "Iran in Latin America",
) -> EventRow:
    date_text = date_text or start
    text = text or f"Something happened {date_text}, the report said."
    at = text.find(date_text)
    return EventRow(
        event_id=event_id,
        date_start=start,
        date_end=end or start,
        precision=precision,
        approximate=approximate,
        date_text=date_text,
        timex_value=start if precision == "day" else start[:7],
        actors=actors,
        places=places,
        text=text,
        document=document,
        published="2016-08-23",
        document_title=title,
        mention_start=max(at, 0),
        mention_end=max(at, 0) + len(date_text) if at >= 0 else 0,
    )


def seed_like_rows() -> list[EventRow]:
    """Events resembling the seeds (Iran, Hezbollah and Latin America), one of them hostile."""
    return [
        event(
            1,
            "2011-10-11",
            date_text="in 2011",
            text="The U.S. uncovered a joint plan between the Hezbollah and Mexican drug cartels "
            "to assassinate the Saudi ambassador to the U.S. in 2011.",
            precision="year",
            end="2011-12-31",
            actors=("United States", "Hezbollah", "Saudi Arabia"),
            places=("Mexico",),
        ),
        event(
            2,
            "2016-07-01",
            "2016-07-31",
            date_text="In July",
            text="In July, a Middle Eastern media outlet, Asharq al-Awsat, reported young "
            "Peruvians coming mostly from the mountainous region of Abancay.",
            precision="month",
            actors=("Asharq al-Awsat", "Iran"),
            places=("Peru", "Abancay"),
        ),
        event(
            3,
            "1994-07-18",
            date_text="18 July 1994",
            text="The AMIA bombing in Buenos Aires on 18 July 1994 killed 85 people.",
            actors=("Iran", "Hezbollah", "Argentina"),
            places=("Buenos Aires",),
            document="https://example.org/amia",
            title="AMIA",
        ),
        event(
            4,
            "2005-01-01",
            "2012-12-31",
            date_text="between 2005 and 2012",
            text="Between 2005 and 2012 Iran opened six embassies in Latin America.",
            precision="year",
            actors=("Iran",),
            places=("Latin America",),
        ),
        event(
            5,
            "2010-01-01",
            "2010-12-31",
            date_text="Around 2010",
            text="\U0001f600 Around 2010 trade with Venezuela grew, officials said.",
            precision="year",
            approximate=True,
            actors=("Venezuela", "Iran"),
        ),
        event(
            6,
            "2016-05-03",
            date_text="3 May 2016",
            text=HOSTILE_TEXT,
            actors=(HOSTILE_ACTOR,),
            document="javascript:alert(1)",
            title="</title><script>alert(1)</script>",
        ),
        event(
            7, "XXXX-08", date_text="August", text="In August the talks resumed.", precision="month"
        ),
    ]


def page_text(rows: list[EventRow], title: str = PAGE_TITLE) -> str:
    out = io.StringIO()
    assert render_page(rows, out, title=title) == len(rows)
    return out.getvalue()


def data_block(page: str) -> str:
    match = re.search(
        r'<script type="application/json" id="events-data">(.*?)</script>', page, re.S
    )
    assert match, "the events-data block is missing or cut short"
    return match.group(1)


# ---- pure checks ------------------------------------------------------------------------


def test_page_fetches_nothing() -> None:
    page = page_text(seed_like_rows())
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"@import|url\(", page)
    assert "default-src 'none'" in page


def test_hostile_text_never_appears_raw_in_the_page() -> None:
    page = page_text(seed_like_rows())
    block = data_block(page)
    for needle in ("<", ">", "&", "\u2028", "\u2029"):
        assert needle not in block
    # The page holds exactly two script blocks and one comment-free body: nothing the data
    # said has opened or closed one.
    assert page.count("<script") == 2
    assert page.count("</script>") == 2
    assert "<!--" not in page
    assert HOSTILE_IMG not in page


def test_the_script_never_parses_data_as_markup() -> None:
    from importlib.resources import files

    script = files("timeline.export.page_assets").joinpath("page.js").read_text("utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script
    # Inlined as is: it must not be able to close its own block either.
    assert "</script" not in script.lower() and "<!--" not in script


def test_the_data_round_trips_through_json() -> None:
    rows = seed_like_rows()
    data = json.loads(data_block(page_text(rows)))
    texts = {event[9] for event in data["events"]}
    assert HOSTILE_TEXT in texts
    assert HOSTILE_ACTOR in data["actors"]
    assert data["undated"] == 1
    # Chronological, unresolved last.
    ids = [event[0] for event in data["events"]]
    assert ids == [3, 4, 5, 1, 6, 2, 7]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("</script>", '"\\u003c/script\\u003e"', id="end-of-script"),
        pytest.param("<!--", '"\\u003c!--"', id="comment"),
        pytest.param("a & b", '"a \\u0026 b"', id="ampersand"),
        pytest.param("\u2028\u2029", '"\\u2028\\u2029"', id="line-separators"),
        pytest.param("café", '"café"', id="non-ascii-kept"),
    ],
)
def test_embed_json_escapes(value: str, expected: str) -> None:
    assert embed_json(value) == expected
    assert json.loads(embed_json(value)) == value


def test_title_is_escaped() -> None:
    page = page_text(seed_like_rows(), title="</title><script>alert(1)</script>")
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>" in page


def test_csp_allows_exactly_the_inline_script_and_style() -> None:
    import base64
    import hashlib

    page = page_text(seed_like_rows())
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert csp
    for tag in ("script", "style"):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", page, re.S)
        assert body
        digest = base64.b64encode(hashlib.sha256(body.group(1).encode()).digest()).decode()
        assert f"{tag}-src 'sha256-{digest}'" in csp.group(1)


def test_template_slots_are_filled_once() -> None:
    # A title that looks like a slot stays a title: slots are filled in one pass.
    page = page_text([], title="/*@DATA@*/ /*@SCRIPT@*/")
    assert "<title>/*@DATA@*/ /*@SCRIPT@*/</title>" in page
    # Twice in each of <title>, <h1> and the JSON: nowhere else.
    assert page.count("/*@") == 6


def test_mention_offsets_count_utf16_units() -> None:
    text = "\U0001f600 On 3 May 2016 it rained."
    row = event(1, "2016-05-03", text=text, date_text="3 May 2016")
    events = page_data([row])["events"]
    assert isinstance(events, list)
    encoded = events[0]
    # One astral character before the date: Python index + 1 in JavaScript.
    assert (encoded[11], encoded[12]) == (row.mention_start + 1, row.mention_end + 1)


def test_empty_page_renders() -> None:
    page = page_text([])
    assert json.loads(data_block(page))["events"] == []


def test_docstring_examples_run() -> None:
    import doctest

    from timeline.export import page

    result = doctest.testmod(page)
    assert result.attempted > 0
    assert result.failed == 0


# ---- browser ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        pytest.skip(
            "chromium and chromedriver not installed: apt-get install chromium chromium-driver"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    # A fresh profile per run: no state (cache, service workers) leaks between runs.
    profile = Path(tempfile.mkdtemp(prefix="timeline-chromium-"))
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    # Keep the console so tests can fail on a script error or a CSP violation.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    chrome = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield chrome
    finally:
        chrome.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver: Any, path: Path, rows: list[EventRow], title: str = PAGE_TITLE) -> None:
    with path.open("w", encoding="utf-8") as out:
        render_page(rows, out, title=title)
    console_errors(driver)  # forget what earlier pages logged
    driver.get(path.as_uri())
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 30).until(
        lambda d: d.execute_script("return document.body.dataset.ready") == "true"
    )


def console_errors(driver: Any) -> list[str]:
    """Severe console entries since the last call (script errors, CSP violations)."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def visible_count(driver: Any) -> int:
    return int(driver.find_element("id", "visible-count").text)


def listed_ids(driver: Any) -> list[str]:
    return [e.get_attribute("data-id") for e in driver.find_elements("css selector", ".event")]


def choose_actor(driver: Any, name: str) -> None:
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element("id", "actor-filter")).select_by_value(name)


@pytest.mark.browser
def test_page_shows_filters_and_opens_events(driver: Any, tmp_path: Path) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    open_page(driver, tmp_path / "seeds.html", seed_like_rows())
    assert driver.title == PAGE_TITLE
    assert visible_count(driver) == 7
    assert sorted(listed_ids(driver)) == ["1", "2", "3", "4", "5", "6", "7"]

    choose_actor(driver, "Hezbollah")
    assert visible_count(driver) == 2
    assert sorted(listed_ids(driver)) == ["1", "3"]
    choose_actor(driver, "")
    assert visible_count(driver) == 7

    driver.find_element("css selector", '.event[data-id="3"]').click()
    detail = driver.find_element("id", "event-detail")
    assert detail.is_displayed()
    sentence = driver.find_element("id", "detail-sentence")
    assert sentence.text == "The AMIA bombing in Buenos Aires on 18 July 1994 killed 85 people."
    assert sentence.find_element("tag name", "mark").text == "18 July 1994"
    assert "Buenos Aires" in detail.text and "AMIA" in detail.text

    # The hostile event: everything shows as text, nothing runs.
    driver.find_element("css selector", '.event[data-id="6"]').click()
    shown = driver.find_element("id", "detail-sentence").text
    for fragment in (HOSTILE_SCRIPT, HOSTILE_IMG, "</script><!-- and", "& done."):
        assert fragment in shown
    assert driver.find_element("css selector", "#detail-sentence mark").text == "3 May 2016"
    assert HOSTILE_ACTOR in driver.find_element("id", "event-detail").text
    assert driver.find_elements("css selector", "#event-detail a") == []  # javascript: is text
    assert driver.find_elements("css selector", "main img, main script") == []
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert driver.title == PAGE_TITLE
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 - reading it is what raises

    # Emoji before the date: the highlight still lands on the date (UTF-16 offsets).
    driver.find_element("css selector", '.event[data-id="5"]').click()
    assert driver.find_element("css selector", "#detail-sentence mark").text == "Around 2010"

    assert console_errors(driver) == []

    shot = tmp_path / "page.png"
    assert driver.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", shot.read_bytes()[16:24])[0] > 0


@pytest.mark.browser
def test_empty_page_says_so(driver: Any, tmp_path: Path) -> None:
    open_page(driver, tmp_path / "empty.html", [], title="Nothing")
    assert visible_count(driver) == 0
    assert listed_ids(driver) == []
    assert driver.find_element("id", "empty-note").is_displayed()


@pytest.mark.browser
def test_zoom_changes_what_is_shown(driver: Any, tmp_path: Path) -> None:
    open_page(driver, tmp_path / "zoom.html", seed_like_rows())
    from_input = driver.find_element("id", "range-from")
    to_input = driver.find_element("id", "range-to")
    driver.execute_script(
        "arguments[0].value = '2016-01-01'; arguments[1].value = '2016-12-31';"
        "arguments[1].dispatchEvent(new Event('change'));",
        from_input,
        to_input,
    )
    # 2016: the July event and the hostile May one; unresolved ones are hidden when zoomed.
    assert visible_count(driver) == 2
    assert sorted(listed_ids(driver)) == ["2", "6"]
    driver.find_element("id", "zoom-reset").click()
    assert visible_count(driver) == 7
    driver.find_element("id", "zoom-in").click()
    driver.find_element("id", "zoom-in").click()
    assert visible_count(driver) < 7


@pytest.mark.browser
def test_wheel_and_brush_zoom(driver: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.actions.wheel_input import ScrollOrigin

    open_page(driver, tmp_path / "wheel.html", seed_like_rows())
    canvas = driver.find_element("id", "timeline-canvas")
    before = driver.find_element("id", "range-from").get_attribute("value")
    ActionChains(driver).scroll_from_origin(ScrollOrigin.from_element(canvas), 0, -300).perform()
    assert driver.find_element("id", "range-from").get_attribute("value") > before
    assert visible_count(driver) < 7

    # Drag across the left fifth of the overview strip: the 1990s, where only the AMIA
    # bombing of 1994 lies.
    overview = driver.find_element("id", "overview-canvas")
    width = overview.size["width"]
    ActionChains(driver).move_to_element_with_offset(
        overview, int(-width / 2 + 2), 0
    ).click_and_hold().move_by_offset(int(width / 5), 0).release().perform()
    assert driver.find_element("id", "range-from").get_attribute("value") < "1995"
    assert listed_ids(driver) == ["3"]


@pytest.mark.browser
def test_clicking_an_event_on_the_canvas_opens_it(driver: Any, tmp_path: Path) -> None:
    rows = [
        event(
            1,
            "2016-05-03",
            date_text="3 May 2016",
            actors=("Iran",),
            text="On 3 May 2016 Iran spoke.",
        )
    ]
    open_page(driver, tmp_path / "one.html", rows)
    # The only event sits in the middle of the plot (right of the 150 px of lane names, 10 px
    # margin) and of the only lane (30 px high): see LABEL_W and LANE_H in page.js.
    from selenium.webdriver.common.action_chains import ActionChains

    canvas = driver.find_element("id", "timeline-canvas")
    width, height = canvas.size["width"], canvas.size["height"]
    x = 150 + (width - 150 - 10) / 2
    y = 30 / 2
    assert not driver.find_element("id", "event-detail").is_displayed()
    ActionChains(driver).move_to_element_with_offset(
        canvas, int(x - width / 2), int(y - height / 2)
    ).click().perform()
    assert driver.find_element("id", "event-detail").is_displayed()
    assert driver.find_element("id", "detail-sentence").text == "On 3 May 2016 Iran spoke."


@pytest.mark.browser
def test_ten_thousand_events_load_and_filter(driver: Any, tmp_path: Path) -> None:
    actors = ("Iran", "Hezbollah", "Venezuela", "Argentina", "United States", "Saudi Arabia")
    rows = [
        event(
            i,
            f"{1950 + i % 70}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            actors=(actors[i % len(actors)],) if i % 10 else (),
            text=f"Event number {i} happened in {1950 + i % 70}.",
            date_text=str(1950 + i % 70),
        )
        for i in range(10_000)
    ]
    open_page(driver, tmp_path / "many.html", rows, title="10,000 events")
    assert visible_count(driver) == 10_000
    # Virtualised: only the rows in view are in the DOM.
    assert 0 < len(listed_ids(driver)) < 100
    choose_actor(driver, "Iran")
    assert visible_count(driver) == sum(1 for r in rows if r.actors == ("Iran",))
    assert all("Iran" in e.text for e in driver.find_elements("css selector", ".event .ev-actors"))
    driver.find_element("id", "zoom-in").click()
    driver.execute_script(
        "document.getElementById('event-list').scrollTop = 100000;"
        "document.getElementById('event-list').dispatchEvent(new Event('scroll'));"
    )
    assert visible_count(driver) > 0
    assert console_errors(driver) == []


# ---- the `timeline html` command ---------------------------------------------------------


def test_cli_html_writes_the_seeds_page(run: Invoke, seeded_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "seeds.html"
    result = run("html", "-o", str(out), "--title", "Seeds")
    assert result.exit_code == 0, result.output
    match = re.fullmatch(r"wrote (\d+) events to .*seeds\.html\n", result.stderr)
    assert match
    data = json.loads(data_block(out.read_text(encoding="utf-8")))
    assert data["title"] == "Seeds"
    assert len(data["events"]) == int(match.group(1)) > 0


def test_cli_html_filters_like_list(run: Invoke, seeded_db: Path) -> None:
    filters = ("--actor", "Iran", "--from", "2016")
    listed = json.loads(run("list", *filters, "--json").output)
    assert listed
    result = run("html", *filters, "-o", "-")
    assert result.exit_code == 0, result.output
    data = json.loads(data_block(result.stdout))
    assert sorted(e[0] for e in data["events"]) == sorted(r["event_id"] for r in listed)


def test_cli_html_reports_an_unwritable_path(run: Invoke, seeded_db: Path, tmp_path: Path) -> None:
    result = run("html", "-o", str(tmp_path / "missing" / "page.html"))
    assert result.exit_code == 1
    assert "cannot write" in result.output and "No such file or directory" in result.output


def test_cli_html_unknown_actor_leaves_no_file(
    run: Invoke, seeded_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "page.html"
    result = run("html", "--actor", "Nobody At All", "-o", str(out))
    assert result.exit_code == 1
    assert "unknown actor" in result.output
    assert not out.exists()
