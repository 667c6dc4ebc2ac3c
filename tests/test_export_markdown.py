"""Markdown tables: one line per row, pipes escaped, readable dates."""

from __future__ import annotations

import io

from timeline.export.formats import write_events, write_table
from timeline.store.rows import EventRow


def test_events_as_a_github_table_with_pipes_escaped() -> None:
    row = EventRow(
        event_id=3,
        date_start="2005-01-01",
        date_end="2012-12-31",
        precision="year",
        approximate=False,
        date_text="between 2005 and 2012",
        timex_value="2005/2012",
        actors=("Iran", "IAEA"),
        places=("Natanz",),
        text="Talks | stalled\nagain \x1b[31mred\x1b[0m.",
        document="a|b.txt",
        published=None,
    )
    out = io.StringIO()
    assert write_events([row], "markdown", out) == 1
    assert out.getvalue().splitlines() == [
        "| event_id | date | actors | places | text | document |",
        "| --- | --- | --- | --- | --- | --- |",
        "| 3 | 2005–2012 | Iran, IAEA | Natanz | Talks \\| stalled again red. | a\\|b.txt |",
    ]


def test_query_result_as_markdown() -> None:
    out = io.StringIO()
    assert write_table(["actor", "n|count"], [("Iran", 4), (None, 0)], "markdown", out) == 2
    assert out.getvalue() == ("| actor | n\\|count |\n| --- | --- |\n| Iran | 4 |\n|  | 0 |\n")
