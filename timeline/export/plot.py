"""A static chart of events: time on the x axis, one lane per actor, place or document.

Point events (day precision) are markers; intervals are bars. An interval's ends are as
uncertain as its precision (``between 2005 and 2012`` is year precision: it starts somewhere in
2005 and ends somewhere in 2012), so the first and last precision unit of a bar is drawn hatched
and lighter than its certain core; a bar no longer than one unit (``1994``, ``August 2016``) is
hatched all along. Approximate dates (``around 2010``) get hollow markers and dashed bars.

Decision on empty input (issue 9): an empty chart with a "No events" note is written, not an
error, so that scripted batches of charts keep one file per query; the CLI warns on stderr.

matplotlib is imported inside :func:`render_chart` only: importing this module (and so the CLI)
stays fast.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from timeline.store.rows import EventRow

if TYPE_CHECKING:  # pragma: no cover - typing only
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.typing import ColorType

__all__ = ["SUPPORTED_SUFFIXES", "LaneKey", "lane_names", "render_chart"]

LaneKey = Literal["actor", "place", "document"]

# The formats users asked for; matplotlib could write more, but each one is a promise to test.
SUPPORTED_SUFFIXES: tuple[str, ...] = (".png", ".svg")

# Lanes for what does not make the top N, and for events that have no actor/place at all.
OTHER_LANE = "other"
NONE_LANE = "(none)"

# Length in days of one precision unit: the width of a bar's uncertain end. Seasons and
# quarters are a quarter of a year; week is ISO week.
PRECISION_DAYS: dict[str, float] = {
    "day": 1.0,
    "week": 7.0,
    "month": 30.44,
    "quarter": 91.31,
    "season": 91.31,
    "year": 365.25,
    "decade": 3652.5,
    "century": 36525.0,
}

# Pixels per inch used for the size arithmetic: width_px / DPI inches at DPI gives width_px.
DPI = 100

# CSS pixels per inch: the size of an SVG is given in points, 72 per inch, 96 px per inch.
SVG_PX_PER_INCH = 96

# Events that overlap in one lane are packed into sub-rows (like a Gantt chart) so they do not
# hide each other; beyond this many sub-rows they wrap around and overlap again.
MAX_SUBROWS = 6

# Above this many uncertain bar ends in one lane, they are drawn light but not hatched.
MAX_HATCHED = 300

# Below this height (a thumbnail) the legend would squeeze the lanes to nothing: left out.
MIN_LEGEND_HEIGHT = 360

# The catch-all lanes are grey so they do not read as one more actor.
_GREYS: dict[str, str] = {OTHER_LANE: "0.45", NONE_LANE: "0.65"}

# The narrowest time axis, in days.
MIN_EXTENT_DAYS = 30.0

# Tableau 10 without its grey, which would read as the "other" lane, plus a dark blue; the
# same colours as the HTML page (page_assets/page.js), so a chart and a page agree.
_PALETTE: tuple[str, ...] = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#bcbd22",
    "#17becf",
    "#393b79",
)

# Lane labels longer than this are cut with an ellipsis so the plot keeps its width.
MAX_LABEL_CHARS = 32


@dataclass(frozen=True, slots=True)
class _Span:
    """One event placed on the chart: days as matplotlib date numbers, end exclusive."""

    start: float
    end: float
    point: bool
    unit: float
    approximate: bool


def _parse_day(value: str) -> date | None:
    """The ISO day, or None for an unresolved date (``XXXX-08`` before a DCT is known)."""
    # Only YYYY-MM-DD: Python 3.11's fromisoformat also reads week dates like 2016-W33, which
    # are not days and would silently be drawn as their Monday.
    if not isinstance(value, str) or len(value) != 10 or value[4] != "-" or value[7] != "-":
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def _keys(row: EventRow, by: LaneKey) -> tuple[str, ...]:
    if by == "actor":
        return row.actors
    if by == "place":
        return row.places
    return (row.document_title or row.document,) if (row.document_title or row.document) else ()


def lane_names(rows: Sequence[EventRow], by: LaneKey = "actor", top: int = 10) -> list[str]:
    """The lanes of a chart, top to bottom: the ``top`` most frequent names, then "other"
    (when some names did not fit) and "(none)" (when some events have no name).

    An event with two actors counts for, and is drawn in, both lanes.

    >>> rows = [EventRow(i, "2016-08-22", "2016-08-22", "day", False, "", "", actors, (), "",
    ...                  "a.txt", None)
    ...         for i, actors in enumerate([("Iran",), ("Iran", "Cuba"), ("Peru",), ()])]
    >>> lane_names(rows, top=2)
    ['Iran', 'Cuba', 'other', '(none)']
    """
    if top < 1:
        raise ValueError(f"top must be at least 1, got {top}")
    counts: Counter[str] = Counter()
    has_none = False
    for row in rows:
        keys = _keys(row, by)
        if not keys:
            has_none = True
        counts.update(set(keys))
    # Ties break alphabetically so that the same data always gives the same chart.
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    lanes = [name for name, _ in ranked[:top]]
    if len(ranked) > top:
        lanes.append(OTHER_LANE)
    if has_none:
        lanes.append(NONE_LANE)
    return lanes


def _lane_of(key: str, lanes: dict[str, int]) -> int:
    return lanes.get(key, lanes.get(OTHER_LANE, 0))


def _short(label: str) -> str:
    label = " ".join(label.split())
    return label if len(label) <= MAX_LABEL_CHARS else label[: MAX_LABEL_CHARS - 1] + "…"


def _pack(spans: list[_Span], min_gap: float) -> list[int]:
    """Greedy interval packing: the sub-row of each span (in the order given, sorted by start)."""
    row_ends: list[float] = []
    rows: list[int] = []
    for span in spans:
        for index, end in enumerate(row_ends):
            if span.start >= end + min_gap:
                row_ends[index] = max(span.end, span.start + min_gap)
                rows.append(index)
                break
        else:
            if len(row_ends) < MAX_SUBROWS:
                row_ends.append(max(span.end, span.start + min_gap))
                rows.append(len(row_ends) - 1)
            else:
                # Wrap: reuse the sub-row that frees up first.
                index = min(range(len(row_ends)), key=row_ends.__getitem__)
                row_ends[index] = max(row_ends[index], span.end)
                rows.append(index)
    return rows


def _place(rows: Iterable[EventRow], origin: float) -> tuple[list[tuple[EventRow, _Span]], int]:
    """Rows with resolved dates as spans on the axis (day ``origin`` is 0), and how many rows
    were left out because their dates are unresolved."""
    dated: list[tuple[EventRow, _Span]] = []
    undated = 0
    for row in rows:
        start, end = _parse_day(row.date_start), _parse_day(row.date_end)
        if start is None or end is None:
            undated += 1
            continue
        if end < start:
            start, end = end, start
        # End is inclusive in the data and exclusive on the axis: a day is one day wide.
        # Day numbers by ordinal arithmetic: date2num per row costs seconds on 10,000 rows.
        x0 = origin + start.toordinal()
        x1 = origin + end.toordinal() + 1.0
        unit = PRECISION_DAYS.get(row.precision, 1.0)
        point = row.precision == "day" and start == end
        dated.append((row, _Span(x0, x1, point, unit, row.approximate)))
    return dated, undated


def render_chart(
    rows: Iterable[EventRow],
    path: Path,
    *,
    by: LaneKey = "actor",
    top: int = 10,
    width_px: int = 1600,
    height_px: int = 900,
    title: str | None = None,
) -> None:
    """Draw the events to ``path``, chosen by the file suffix: a PNG of exactly ``width_px`` x
    ``height_px`` pixels, or an SVG that a browser shows at that size (written in pt).

    Lanes are the ``top`` most frequent actors (or places, or documents with ``by``), then
    "other" and "(none)". Events whose dates are unresolved are left out and counted in a note.

    >>> import tempfile
    >>> row = EventRow(1, "1994-07-18", "1994-07-18", "day", False, "18 July 1994",
    ...                "1994-07-18", ("Iran", "Hezbollah"), ("Buenos Aires",),
    ...                "The AMIA bombing of 18 July 1994.", "seeds/a.txt", None)
    >>> out = Path(tempfile.mkdtemp()) / "amia.png"
    >>> render_chart([row], out, by="place", width_px=800, height_px=450)
    >>> out.read_bytes()[:4]
    b'\x89PNG'

    Raises ValueError for a suffix other than .png/.svg, a non-positive size, or an unknown
    ``by``.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ValueError(
            f"cannot write a chart to {str(path)!r}: unknown suffix {path.suffix!r}; "
            f"use one of {', '.join(SUPPORTED_SUFFIXES)}"
        )
    if width_px < 1 or height_px < 1:
        raise ValueError(f"chart size must be positive, got {width_px}x{height_px} pixels")
    if by not in ("actor", "place", "document"):
        raise ValueError(f"by must be 'actor', 'place' or 'document', got {by!r}")

    # No pyplot: an explicit Figure saves through the Agg canvas for PNG (and the SVG backend
    # for SVG) without a display, and leaves a caller's interactive backend and global figure
    # list alone.
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    # matplotlib's date numbers count days from its epoch (1970-01-01 unless configured).
    epoch = mdates.get_epoch()  # type: ignore[no-untyped-call]
    origin = float(-date.fromisoformat(epoch[:10]).toordinal())
    dated, undated = _place(rows, origin)

    lanes = lane_names([row for row, _ in dated], by, top)
    lane_index = {name: i for i, name in enumerate(lanes)}
    lane_counts: Counter[int] = Counter()

    # PNG: inches * DPI = pixels exactly. SVG is written in points; at 96 CSS px per inch its
    # width in pt is width_px * 0.75, which a browser shows as width_px pixels.
    per_inch = DPI if suffix == ".png" else SVG_PX_PER_INCH
    fig = Figure(figsize=(width_px / per_inch, height_px / per_inch), dpi=DPI, layout="constrained")
    ax = fig.add_subplot()
    ax.set_title(title if title is not None else f"Timeline: {len(dated)} events by {by}")

    if not dated:
        ax.text(
            0.5,
            0.5,
            "No events",
            ha="center",
            va="center",
            transform=ax.transAxes,
            fontsize=16,
            color="0.4",
        )
        ax.set_yticks([])
        ax.set_xticks([])
    else:
        lo = min(span.start for _, span in dated)
        hi = max(span.end for _, span in dated)
        # At least a month wide: one lone day would otherwise get an axis of hours.
        if hi - lo < MIN_EXTENT_DAYS:
            middle = (hi + lo) / 2
            lo, hi = middle - MIN_EXTENT_DAYS / 2, middle + MIN_EXTENT_DAYS / 2
        extent = hi - lo
        # Per lane, the spans in chronological order, then packed into sub-rows.
        per_lane: dict[int, list[_Span]] = {i: [] for i in range(len(lanes))}
        for row, span in dated:
            keys = _keys(row, by)
            targets = {_lane_of(k, lane_index) for k in keys} if keys else {lane_index[NONE_LANE]}
            for target in targets:
                per_lane[target].append(span)
                lane_counts[target] += 1
        for index, spans in per_lane.items():
            spans.sort(key=lambda s: (s.start, s.end))
            # A gap of 0.4 % of the axis keeps neighbouring markers apart.
            subrows = _pack(spans, min_gap=extent * 0.004)
            depth = max(subrows, default=0) + 1
            colour = _GREYS.get(lanes[index]) or _PALETTE[index % len(_PALETTE)]
            # Lanes run top to bottom: lane 0 sits at the top (highest y).
            centre = len(lanes) - 1 - index
            band = 0.8
            step = band / depth
            height = min(step * 0.8, 0.35)
            ys = [centre + band / 2 - step * (sub + 0.5) for sub in subrows]
            _draw_lane(ax, spans, ys, height, colour, extent)
        ax.set_ylim(-0.6, len(lanes) - 0.4)
        ax.set_yticks(
            [len(lanes) - 1 - i for i in range(len(lanes))],
            [f"{_short(name)} ({lane_counts[i]})" for i, name in enumerate(lanes)],
        )
        # The margin stays within the years matplotlib can label (0001..9999).
        ax.set_xlim(
            max(lo - extent * 0.02, origin + date.min.toordinal()),
            min(hi + extent * 0.02, origin + date.max.toordinal()),
        )
        # About one tick per 120 px keeps concise date labels from running into each other.
        # matplotlib.dates has no type hints (3.x): the two calls below are untyped.
        locator = mdates.AutoDateLocator(  # type: ignore[no-untyped-call]
            minticks=2, maxticks=max(3, width_px // 120)
        )
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(
            mdates.ConciseDateFormatter(locator)  # type: ignore[no-untyped-call]
        )
        ax.grid(axis="x", color="0.9")
        ax.set_axisbelow(True)
        for y in range(len(lanes) - 1):
            ax.axhline(y + 0.5, color="0.85", linewidth=0.6)
        if height_px >= MIN_LEGEND_HEIGHT:
            _legend(fig, columns=max(1, min(6, width_px // 250)))
    xlabel = "date"
    if undated:
        xlabel += f" ({undated} event(s) with unresolved dates not shown)"
    ax.set_xlabel(xlabel)
    # SVG keeps its labels as <text> (searchable, selectable, smaller) rather than glyph
    # paths, and both formats leave out the creation date so the same rows give the same file.
    import matplotlib

    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "timeline"}):
        fig.savefig(path, format=suffix[1:], dpi=DPI, metadata={"Date": None})


def _draw_lane(
    ax: Axes,
    spans: Sequence[_Span],
    ys: Sequence[float],
    height: float,
    colour: ColorType,
    extent: float,
) -> None:
    """Markers and bars of one lane, batched into a few collections (10,000 events stay fast)."""
    from matplotlib.collections import PolyCollection

    solid: list[list[tuple[float, float]]] = []
    uncertain: list[list[tuple[float, float]]] = []
    approx: list[list[tuple[float, float]]] = []
    # (marker, approximate) -> xs, ys: "o" for days, "s" for intervals too short to see.
    markers: dict[tuple[str, bool], tuple[list[float], list[float]]] = {}
    # A bar narrower than this (about 3 px) is not visible: a square marks its middle.
    visible = extent * 0.002

    def box(x0: float, x1: float, y: float) -> list[tuple[float, float]]:
        h = height / 2
        return [(x0, y - h), (x1, y - h), (x1, y + h), (x0, y + h)]

    for span, y in zip(spans, ys, strict=True):
        if span.point or span.end - span.start < visible:
            xs, ys_ = markers.setdefault(("o" if span.point else "s", span.approximate), ([], []))
            xs.append((span.start + span.end) / 2)
            ys_.append(y)
            if span.point:
                continue
        if span.approximate:
            approx.append(box(span.start, span.end, y))
            continue
        cap = min(span.unit, (span.end - span.start) / 2)
        if span.unit <= 1.0:
            solid.append(box(span.start, span.end, y))
        elif span.end - span.start <= span.unit * 1.5:
            # One precision unit long (``1994``): uncertain all along.
            uncertain.append(box(span.start, span.end, y))
        else:
            uncertain.append(box(span.start, span.start + cap, y))
            solid.append(box(span.start + cap, span.end - cap, y))
            uncertain.append(box(span.end - cap, span.end, y))

    if solid:
        ax.add_collection(
            PolyCollection(solid, facecolors=[colour], edgecolors=[colour], linewidths=0.5),
            autolim=False,
        )
    if uncertain:
        # Agg hatches path by path: 10,000 hatched bars take seconds, so a crowded lane
        # shows its uncertain ends by lightness alone.
        hatch = "////" if len(uncertain) <= MAX_HATCHED else None
        ax.add_collection(
            PolyCollection(
                uncertain,
                facecolors=[colour],
                alpha=0.35,
                edgecolors=[colour],
                hatch=hatch,
                linewidths=0.5,
            ),
            autolim=False,
        )
    if approx:
        ax.add_collection(
            PolyCollection(
                approx,
                facecolors=[colour],
                alpha=0.25,
                edgecolors=[colour],
                linestyles="--",
                linewidths=1.0,
            ),
            autolim=False,
        )
    for (marker, approximate), (xs, ys_) in markers.items():
        if approximate:
            ax.scatter(
                xs,
                ys_,
                s=45,
                marker=marker,
                facecolors="none",
                edgecolors=[colour],
                linewidths=1.2,
                zorder=3,
            )
        else:
            ax.scatter(
                xs,
                ys_,
                s=45,
                marker=marker,
                color=colour,
                edgecolors="white",
                linewidths=0.5,
                zorder=3,
            )


def _legend(fig: Figure, columns: int) -> None:
    """A legend of the marks (not of the lanes, which the y axis already names)."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    grey = "0.35"
    handles = [
        Line2D([], [], marker="o", linestyle="", color=grey, label="day"),
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor="none",
            markeredgecolor=grey,
            label="approximate (hollow)",
        ),
        Line2D([], [], marker="s", linestyle="", color=grey, label="short interval"),
        Patch(facecolor=grey, edgecolor=grey, label="interval (certain part)"),
        Patch(
            facecolor=grey,
            edgecolor=grey,
            alpha=0.35,
            hatch="////",
            label="uncertain end (one precision unit: month, year…)",
        ),
        Patch(
            facecolor=grey, edgecolor=grey, alpha=0.25, linestyle="--", label="approximate interval"
        ),
    ]
    # Below the axes, outside them, so it never hides an event.
    fig.legend(
        handles=handles, loc="outside lower center", ncols=columns, fontsize=8, frameon=False
    )
