// The timeline page: a canvas time axis with lanes per actor, an overview strip to brush a
// period, filters, a virtualised event list and a detail panel.
//
// Every string from the data is untrusted news text: it reaches the page only through
// textContent, canvas fillText or validated properties, never through an HTML parser.
(function () {
  "use strict";

  const DAY_MS = 86400000;
  const LANES = 10;            // actors with their own lane; the rest share "other"
  const LANE_H = 30;           // pixels per lane on the canvas
  const AXIS_H = 26;           // pixels for the date labels under the lanes
  const LABEL_W = 150;         // pixels for lane names left of the axis
  const ROW_H = 52;            // pixels per row of the list (matches .event in the CSS)
  const MIN_SPAN = 2;          // narrowest view, in days
  const MAX_SUBROWS = 6;       // overlapping events per lane before they overlap on screen
  // Tableau 10 without its grey, which is kept for "other" and "(none)".
  const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
    "#e377c2", "#bcbd22", "#17becf", "#393b79"];
  const GREY_OTHER = "#737373";
  const GREY_NONE = "#a6a6a6";
  // Length of one precision unit in days: the uncertain end of an interval.
  const UNIT_DAYS = { day: 1, week: 7, month: 30.44, quarter: 91.31, season: 91.31,
    year: 365.25, decade: 3652.5, century: 36525 };
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
    "Nov", "Dec"];

  const raw = JSON.parse(document.getElementById("events-data").textContent);
  const actorNames = raw.actors;
  const placeNames = raw.places;
  const documents = raw.documents;
  const events = raw.events.map(function (e, i) {
    return { index: i, id: e[0], start: e[1], end: e[2], precision: e[3], approx: e[4],
      dateText: e[5], timex: e[6], actors: e[7], places: e[8], text: e[9], doc: e[10],
      mentionStart: e[11], mentionEnd: e[12], isoStart: e[13], isoEnd: e[14],
      lower: null, lanes: null };
  });

  // ---- lanes: the most frequent actors, then "other" and "(none)" ----
  const ranked = actorNames.map(function (_, i) { return i; }).sort(function (a, b) {
    return raw.actorCounts[b] - raw.actorCounts[a] ||
      (actorNames[a] < actorNames[b] ? -1 : actorNames[a] > actorNames[b] ? 1 : 0);
  });
  const laneOfActor = new Map();
  const lanes = [];
  ranked.slice(0, LANES).forEach(function (a, i) {
    laneOfActor.set(a, i);
    lanes.push({ name: actorNames[a], colour: PALETTE[i % PALETTE.length] });
  });
  let otherLane = -1;
  let noneLane = -1;
  if (ranked.length > LANES) {
    otherLane = lanes.length;
    lanes.push({ name: "other", colour: GREY_OTHER });
  }
  // Only events on the axis need a lane: undated ones are listed, never drawn.
  if (events.some(function (e) { return e.actors.length === 0 && e.start !== null; })) {
    noneLane = lanes.length;
    lanes.push({ name: "(none)", colour: GREY_NONE });
  }
  events.forEach(function (e) {
    const set = new Set();
    e.actors.forEach(function (a) {
      set.add(laneOfActor.has(a) ? laneOfActor.get(a) : otherLane);
    });
    if (e.actors.length === 0) { set.add(noneLane); }
    e.lanes = Array.from(set).sort(function (a, b) { return a - b; });
  });

  // ---- the whole period ----
  let fullStart = Infinity;
  let fullEnd = -Infinity;
  events.forEach(function (e) {
    if (e.start !== null) {
      fullStart = Math.min(fullStart, e.start);
      fullEnd = Math.max(fullEnd, e.end + 1);
    }
  });
  if (fullStart === Infinity) {
    const today = Math.floor(Date.now() / DAY_MS);
    fullStart = today - 365;
    fullEnd = today + 1;
  }
  if (fullEnd - fullStart < 30) {
    const middle = (fullStart + fullEnd) / 2;
    fullStart = middle - 15;
    fullEnd = middle + 15;
  }
  // A margin, kept inside the years 0001..9999 that date inputs (and ISO days) can show.
  const pad = (fullEnd - fullStart) * 0.02;
  fullStart = Math.max(fullStart - pad, Math.min(fullStart, dayOf(1, 0)));
  fullEnd = Math.min(fullEnd + pad, Math.max(fullEnd, dayOf(10000, 0)));

  // ---- state ----
  const state = { viewStart: fullStart, viewEnd: fullEnd, actor: null, text: "",
    selected: null, matching: [], visible: [] };

  // ---- elements ----
  const $ = function (id) { return document.getElementById(id); };
  const canvas = $("timeline-canvas");
  const overview = $("overview-canvas");
  const list = $("event-list");
  const spacer = $("event-list-spacer");
  const actorSelect = $("actor-filter");
  const textInput = $("text-filter");
  const fromInput = $("range-from");
  const toInput = $("range-to");
  const tooltip = $("tooltip");

  // ---- dates ----
  function dayToDate(day) { return new Date(Math.floor(day) * DAY_MS); }
  function pad2(n) { return n < 10 ? "0" + n : String(n); }
  function isoDay(day) {
    const d = dayToDate(day);
    const y = d.getUTCFullYear();
    const year = y < 0 ? "-" + String(-y).padStart(6, "0") : String(y).padStart(4, "0");
    return year + "-" + pad2(d.getUTCMonth() + 1) + "-" + pad2(d.getUTCDate());
  }
  function parseDay(value) {
    const m = /^(\d{4,})-(\d{2})-(\d{2})$/.exec(value);
    if (!m) { return null; }
    const d = new Date(0);
    d.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return Math.round(d.getTime() / DAY_MS);
  }
  function dayOf(y, m) {  // first day of month m (0-based, may overflow) of year y
    const d = new Date(0);
    d.setUTCFullYear(y, m, 1);
    return Math.round(d.getTime() / DAY_MS);
  }

  // ---- filtering ----
  function isFullView() {
    return state.viewStart <= fullStart + 1e-6 && state.viewEnd >= fullEnd - 1e-6;
  }
  function lowerText(e) {
    if (e.lower === null) { e.lower = e.text.toLowerCase(); }
    return e.lower;
  }
  function refilter() {
    const words = state.text.toLowerCase().split(/\s+/).filter(Boolean);
    state.matching = events.filter(function (e) {
      if (state.actor !== null && e.actors.indexOf(state.actor) < 0) { return false; }
      for (let i = 0; i < words.length; i += 1) {
        if (lowerText(e).indexOf(words[i]) < 0) { return false; }
      }
      return true;
    });
    reviewport();
  }
  function reviewport() {
    const full = isFullView();
    const a = state.viewStart;
    const b = state.viewEnd;
    state.visible = state.matching.filter(function (e) {
      if (e.start === null) { return full; }
      return e.end + 1 > a && e.start < b;
    });
    $("visible-count").textContent = String(state.visible.length);
    $("empty-note").hidden = state.visible.length > 0;
    fromInput.value = isoDay(Math.max(a, fullStart));
    toInput.value = isoDay(Math.min(b, fullEnd) - 1);
    spacer.style.height = (state.visible.length * ROW_H) + "px";
    if (list.scrollTop > state.visible.length * ROW_H) { list.scrollTop = 0; }
    renderList();
    draw();
  }

  // ---- the virtualised list ----
  function intervalLabel(e) {
    if (e.start === null) { return "unresolved (" + e.timex + ")"; }
    return e.isoStart === e.isoEnd ? e.isoStart : e.isoStart + " \u2013 " + e.isoEnd;
  }
  function textSpan(cls, text) {
    const s = document.createElement("span");
    s.className = cls;
    s.textContent = text;
    return s;
  }
  function renderList() {
    const first = Math.max(0, Math.floor(list.scrollTop / ROW_H) - 4);
    const count = Math.ceil(list.clientHeight / ROW_H) + 8;
    const last = Math.min(state.visible.length, first + count);
    const rows = document.createDocumentFragment();
    for (let i = first; i < last; i += 1) {
      const e = state.visible[i];
      const row = document.createElement("div");
      row.className = "event" + (state.selected === e ? " selected" : "");
      row.dataset.id = String(e.id);
      row.dataset.index = String(e.index);
      row.setAttribute("role", "listitem");
      row.tabIndex = 0;
      row.style.top = (i * ROW_H) + "px";
      const head = document.createElement("span");
      head.className = "ev-head";
      head.appendChild(textSpan("ev-date" + (e.approx ? " ev-approx" : ""),
        (e.approx ? "~ " : "") + e.dateText));
      head.appendChild(textSpan("ev-interval", intervalLabel(e)));
      head.appendChild(textSpan("ev-actors", e.actors.map(function (a) {
        return actorNames[a];
      }).join(", ")));
      row.appendChild(head);
      row.appendChild(textSpan("ev-text", e.text));
      rows.appendChild(row);
    }
    Array.from(list.querySelectorAll(".event")).forEach(function (n) { n.remove(); });
    list.appendChild(rows);
  }
  list.addEventListener("scroll", function () { window.requestAnimationFrame(renderList); });
  function rowEvent(target) {
    const row = target.closest(".event");
    return row ? events[Number(row.dataset.index)] : null;
  }
  list.addEventListener("click", function (ev) {
    const e = rowEvent(ev.target);
    if (e) { select(e); }
  });
  list.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" && ev.key !== " ") { return; }
    const e = rowEvent(ev.target);
    if (e) { ev.preventDefault(); select(e); }
  });

  // ---- the detail panel ----
  function field(dl, label, value) {
    if (value === null || value === undefined || value === "") { return; }
    const dt = document.createElement("dt");
    dt.textContent = label;
    const dd = document.createElement("dd");
    if (value instanceof Node) { dd.appendChild(value); } else { dd.textContent = value; }
    dl.appendChild(dt);
    dl.appendChild(dd);
  }
  function mentionRange(e) {
    const t = e.text;
    if (e.mentionEnd > e.mentionStart && e.mentionEnd <= t.length) {
      return [e.mentionStart, e.mentionEnd];
    }
    const at = e.dateText ? t.indexOf(e.dateText) : -1;
    return at >= 0 ? [at, at + e.dateText.length] : null;
  }
  function sourceNode(source) {
    // Only web addresses become links; anything else (a path, javascript:) stays text.
    if (/^https?:\/\//i.test(source)) {
      const a = document.createElement("a");
      a.href = source;
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      a.textContent = source;
      return a;
    }
    return source;
  }
  function select(e) {
    state.selected = e;
    const panel = $("event-detail");
    panel.hidden = false;
    panel.dataset.id = String(e.id);
    $("detail-heading").textContent = e.dateText + " \u2014 event " + e.id;
    const quote = $("detail-sentence");
    quote.textContent = "";
    const range = mentionRange(e);
    if (range) {
      quote.appendChild(document.createTextNode(e.text.slice(0, range[0])));
      const mark = document.createElement("mark");
      mark.textContent = e.text.slice(range[0], range[1]);
      quote.appendChild(mark);
      quote.appendChild(document.createTextNode(e.text.slice(range[1])));
    } else {
      quote.textContent = e.text;
    }
    const dl = $("detail-fields");
    dl.textContent = "";
    const doc = documents[e.doc] || ["", null, null];
    field(dl, "Date expression", e.dateText);
    field(dl, "TIMEX3 value", e.timex);
    field(dl, "Interval", intervalLabel(e) + " (" + e.precision +
      (e.approx ? ", approximate" : "") + ")");
    field(dl, "Actors", e.actors.map(function (a) { return actorNames[a]; }).join("; "));
    field(dl, "Places", e.places.map(function (p) { return placeNames[p]; }).join("; "));
    field(dl, "Document", doc[1]);
    field(dl, "Source", sourceNode(doc[0]));
    field(dl, "Published", doc[2]);
    Array.from(list.querySelectorAll(".event.selected")).forEach(function (n) {
      n.classList.remove("selected");
    });
    const row = list.querySelector('.event[data-index="' + e.index + '"]');
    if (row) { row.classList.add("selected"); }
    draw();
  }
  function closeDetail() {
    $("event-detail").hidden = true;
    state.selected = null;
    renderList();
    draw();
  }
  $("detail-close").addEventListener("click", closeDetail);
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && state.selected !== null) { closeDetail(); }
  });

  // ---- drawing ----
  let hits = [];
  function sizeCanvas(c, cssHeight) {
    const ratio = window.devicePixelRatio || 1;
    const width = c.clientWidth || 800;
    c.style.height = cssHeight + "px";
    if (c.width !== Math.round(width * ratio) || c.height !== Math.round(cssHeight * ratio)) {
      c.width = Math.round(width * ratio);
      c.height = Math.round(cssHeight * ratio);
    }
    const ctx = c.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    return { ctx: ctx, width: width, height: cssHeight };
  }
  function ticks(a, b, pixels) {
    const spanDays = b - a;
    const most = Math.max(2, Math.floor(pixels / 90));
    const out = [];
    if (spanDays / 1 <= most) {
      for (let d = Math.ceil(a); d < b; d += 1) { out.push([d, "day"]); }
      return out;
    }
    if (spanDays / 7 <= most) {
      for (let d = Math.ceil(a / 7) * 7 + 4; d < b; d += 7) { out.push([d, "day"]); }
      return out;  // 1970-01-05 was a Monday: ticks fall on Mondays
    }
    const first = dayToDate(a);
    const y0 = first.getUTCFullYear();
    for (const months of [1, 3, 6]) {
      if (spanDays / (months * 30.44) <= most) {
        for (let m = first.getUTCMonth(); ; m += 1) {
          const d = dayOf(y0, m);
          if (d >= b) { break; }
          if (d >= a && m % months === 0) { out.push([d, "month"]); }
        }
        return out;
      }
    }
    let step = 1;
    for (const s of [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000]) {
      step = s;
      if (spanDays / (s * 365.25) <= most) { break; }
    }
    for (let y = Math.ceil(y0 / step) * step; ; y += step) {
      const d = dayOf(y, 0);
      if (d >= b) { break; }
      if (d >= a) { out.push([d, "year"]); }
    }
    return out;
  }
  function tickLabel(day, kind) {
    const d = dayToDate(day);
    if (kind === "year") { return String(d.getUTCFullYear()); }
    if (kind === "month") {
      return d.getUTCMonth() === 0 ? String(d.getUTCFullYear()) :
        MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
    }
    return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }
  function fitText(ctx, text, width) {
    if (ctx.measureText(text).width <= width) { return text; }
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (ctx.measureText(text.slice(0, mid) + "\u2026").width <= width) { lo = mid; } else {
        hi = mid - 1;
      }
    }
    return text.slice(0, lo) + "\u2026";
  }
  function draw() {
    const height = Math.max(1, lanes.length) * LANE_H + AXIS_H;
    const g = sizeCanvas(canvas, height);
    const ctx = g.ctx;
    const plotW = Math.max(50, g.width - LABEL_W - 10);
    const a = state.viewStart;
    const b = state.viewEnd;
    const scale = plotW / (b - a);
    const x = function (day) { return LABEL_W + (day - a) * scale; };
    ctx.clearRect(0, 0, g.width, g.height);
    ctx.font = "12px system-ui, sans-serif";
    ctx.textBaseline = "middle";
    // Lanes and their names.
    lanes.forEach(function (lane, i) {
      ctx.fillStyle = i % 2 ? "#ffffff" : "#f7f9fb";
      ctx.fillRect(0, i * LANE_H, g.width, LANE_H);
      ctx.fillStyle = "#1d2330";
      ctx.textAlign = "right";
      ctx.fillText(fitText(ctx, lane.name, LABEL_W - 12), LABEL_W - 8, i * LANE_H + LANE_H / 2);
    });
    // Date grid and labels.
    ctx.textAlign = "center";
    ctx.fillStyle = "#5f6b7a";
    const lanesH = lanes.length * LANE_H;
    ticks(a, b, plotW).forEach(function (t) {
      const tx = x(t[0]);
      ctx.strokeStyle = "#e3e7ec";
      ctx.beginPath();
      ctx.moveTo(tx + 0.5, 0);
      ctx.lineTo(tx + 0.5, lanesH);
      ctx.stroke();
      ctx.fillText(tickLabel(t[0], t[1]), tx, lanesH + AXIS_H / 2);
    });
    // Events, packed in sub-rows per lane so overlapping ones stay visible.
    ctx.save();
    ctx.beginPath();
    ctx.rect(LABEL_W, 0, plotW + 10, lanesH);
    ctx.clip();
    hits = [];
    // First pass: place each event of the view in a sub-row of each of its lanes (greedy
    // packing in pixels, so it follows the zoom); second pass: draw with the bar height that
    // the fullest sub-row count of each lane allows.
    const placed = [];
    const rowEnds = lanes.map(function () { return new Array(MAX_SUBROWS).fill(-Infinity); });
    const used = lanes.map(function () { return 1; });
    state.matching.forEach(function (e) {
      if (e.start === null || e.end + 1 <= a || e.start >= b) { return; }
      let x0 = x(e.start);
      let x1 = x(e.end + 1);
      const point = e.precision === "day" && e.start === e.end;
      const tiny = x1 - x0 < 5;
      if (tiny) { const mid = (x0 + x1) / 2; x0 = mid - 4; x1 = mid + 4; }
      e.lanes.forEach(function (li) {
        const ends = rowEnds[li];
        let r = 0;
        for (; r < MAX_SUBROWS; r += 1) { if (ends[r] <= x0 - 2) { break; } }
        if (r === MAX_SUBROWS) { r = ends.indexOf(Math.min.apply(null, ends)); }
        ends[r] = Math.max(ends[r], x1);
        used[li] = Math.max(used[li], r + 1);
        placed.push([e, li, r, x0, x1, point]);
      });
    });
    placed.forEach(function (p) {
      const li = p[1];
      const barH = Math.max(3, Math.min(12, (LANE_H - 6) / used[li] - 1));
      const block = used[li] * (barH + 1) - 1;
      const y = li * LANE_H + (LANE_H - block) / 2 + p[2] * (barH + 1);
      drawEvent(ctx, p[0], p[3], p[4], y, barH, lanes[li].colour, p[5], scale);
      hits.push([p[3], y, p[4] - p[3], barH, p[0]]);
    });
    ctx.restore();
    drawOverview();
  }
  function drawEvent(ctx, e, x0, x1, y, h, colour, dot, scale) {
    const selected = state.selected === e;
    if (dot) {
      ctx.beginPath();
      ctx.arc((x0 + x1) / 2, y + h / 2, Math.min(4, h / 2 + 1), 0, 2 * Math.PI);
      if (e.approx) {
        ctx.fillStyle = "#ffffff";
        ctx.fill();
        ctx.strokeStyle = colour;
        ctx.lineWidth = 1.5;
        ctx.stroke();
      } else {
        ctx.fillStyle = colour;
        ctx.fill();
      }
    } else if (e.approx) {
      ctx.globalAlpha = 0.3;
      ctx.fillStyle = colour;
      ctx.fillRect(x0, y, x1 - x0, h);
      ctx.globalAlpha = 1;
      ctx.setLineDash([4, 3]);
      ctx.strokeStyle = colour;
      ctx.lineWidth = 1;
      ctx.strokeRect(x0 + 0.5, y + 0.5, x1 - x0 - 1, h - 1);
      ctx.setLineDash([]);
    } else {
      // The first and last precision unit are uncertain: lighter.
      const unit = (UNIT_DAYS[e.precision] || 1) * scale;
      const cap = unit <= scale ? 0 : Math.min(unit, (x1 - x0) / 2);
      ctx.fillStyle = colour;
      ctx.globalAlpha = 0.35;
      ctx.fillRect(x0, y, x1 - x0, h);
      ctx.globalAlpha = 1;
      if (x1 - x0 - 2 * cap > 0.5) { ctx.fillRect(x0 + cap, y, x1 - x0 - 2 * cap, h); }
    }
    if (selected) {
      ctx.strokeStyle = "#000000";
      ctx.lineWidth = 2;
      ctx.strokeRect(x0 - 2, y - 2, x1 - x0 + 4, h + 4);
    }
  }
  function drawOverview() {
    const g = sizeCanvas(overview, 44);
    const ctx = g.ctx;
    const w = g.width;
    ctx.clearRect(0, 0, w, g.height);
    const bins = new Array(Math.max(1, Math.floor(w / 3))).fill(0);
    const per = (fullEnd - fullStart) / bins.length;
    state.matching.forEach(function (e) {
      if (e.start === null) { return; }
      const i = Math.min(bins.length - 1, Math.max(0, Math.floor((e.start - fullStart) / per)));
      bins[i] += 1;
    });
    const top = Math.max.apply(null, bins) || 1;
    ctx.fillStyle = "#9ab8d6";
    bins.forEach(function (n, i) {
      if (n) {
        const h = Math.max(2, (g.height - 14) * Math.sqrt(n / top));
        ctx.fillRect(i * 3, g.height - 12 - h, 2, h);
      }
    });
    ctx.font = "10px system-ui, sans-serif";
    ctx.fillStyle = "#5f6b7a";
    ctx.textBaseline = "bottom";
    ctx.textAlign = "left";
    ctx.fillText(String(dayToDate(fullStart).getUTCFullYear()), 2, g.height - 1);
    ctx.textAlign = "right";
    ctx.fillText(String(dayToDate(fullEnd - 1).getUTCFullYear()), w - 2, g.height - 1);
    const ox = function (day) { return (day - fullStart) / (fullEnd - fullStart) * w; };
    const bx0 = brush ? Math.min(brush[0], brush[1]) : ox(state.viewStart);
    const bx1 = brush ? Math.max(brush[0], brush[1]) : ox(state.viewEnd);
    ctx.fillStyle = "rgba(31,119,180,0.18)";
    ctx.fillRect(bx0, 0, Math.max(2, bx1 - bx0), g.height);
    ctx.strokeStyle = "#1f77b4";
    ctx.strokeRect(bx0 + 0.5, 0.5, Math.max(2, bx1 - bx0) - 1, g.height - 1);
  }

  // ---- zoom and pan ----
  function setView(a, b) {
    let span = Math.max(MIN_SPAN, b - a);
    span = Math.min(span, fullEnd - fullStart);
    let start = (a + b) / 2 - span / 2;
    start = Math.max(fullStart, Math.min(start, fullEnd - span));
    state.viewStart = start;
    state.viewEnd = start + span;
    reviewport();
  }
  function zoom(factor, anchorDay) {
    const a = state.viewStart;
    const b = state.viewEnd;
    const at = anchorDay === undefined ? (a + b) / 2 : anchorDay;
    const span = Math.max(MIN_SPAN, Math.min((b - a) * factor, fullEnd - fullStart));
    const ratio = (at - a) / (b - a);
    let start = at - ratio * span;
    start = Math.max(fullStart, Math.min(start, fullEnd - span));
    state.viewStart = start;
    state.viewEnd = start + span;
    reviewport();
  }
  function dayAtX(clientX) {
    const rect = canvas.getBoundingClientRect();
    const plotW = Math.max(50, rect.width - LABEL_W - 10);
    return state.viewStart + (clientX - rect.left - LABEL_W) / plotW *
      (state.viewEnd - state.viewStart);
  }
  $("zoom-in").addEventListener("click", function () { zoom(0.5); });
  $("zoom-out").addEventListener("click", function () { zoom(2); });
  $("zoom-reset").addEventListener("click", function () { setView(fullStart, fullEnd); });
  canvas.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    // Proportional to the scroll distance: a mouse notch (100) zooms by about 16 %, while a
    // touchpad's many small deltas zoom smoothly instead of racing.
    const pixels = ev.deltaMode === 1 ? ev.deltaY * 33 : ev.deltaY;
    zoom(Math.min(2, Math.max(0.5, Math.pow(1.0015, pixels))), dayAtX(ev.clientX));
  }, { passive: false });
  canvas.addEventListener("keydown", function (ev) {
    const step = (state.viewEnd - state.viewStart) * 0.1;
    if (ev.key === "+" || ev.key === "=") { zoom(0.5); } else if (ev.key === "-") { zoom(2); } else if (ev.key === "ArrowLeft") {
      setView(state.viewStart - step, state.viewEnd - step);
    } else if (ev.key === "ArrowRight") {
      setView(state.viewStart + step, state.viewEnd + step);
    } else { return; }
    ev.preventDefault();
  });
  function dateChanged() {
    const a = parseDay(fromInput.value);
    const b = parseDay(toInput.value);
    if (a !== null && b !== null && b >= a) { setView(a, b + 1); }
  }
  fromInput.addEventListener("change", dateChanged);
  toInput.addEventListener("change", dateChanged);

  let drag = null;
  canvas.addEventListener("pointerdown", function (ev) {
    drag = { x: ev.clientX, start: state.viewStart, end: state.viewEnd, moved: false };
    canvas.classList.add("dragging");
  });
  window.addEventListener("pointermove", function (ev) {
    if (drag) {
      const dx = ev.clientX - drag.x;
      if (Math.abs(dx) > 3) { drag.moved = true; }
      if (drag.moved) {
        const plotW = Math.max(50, canvas.clientWidth - LABEL_W - 10);
        const shift = dx / plotW * (drag.end - drag.start);
        setView(drag.start - shift, drag.end - shift);
      }
      return;
    }
    if (brush) { return; }
    if (ev.target !== canvas) { tooltip.hidden = true; return; }
    const hit = hitAt(ev);
    if (!hit) { tooltip.hidden = true; return; }
    tooltip.textContent = hit.dateText + "  (" + intervalLabel(hit) + ")\n" +
      (hit.text.length > 160 ? hit.text.slice(0, 160) + "\u2026" : hit.text);
    const panel = $("chart-panel").getBoundingClientRect();
    tooltip.style.left = Math.min(ev.clientX - panel.left + 12, panel.width - 300) + "px";
    tooltip.style.top = (ev.clientY - panel.top + 14) + "px";
    tooltip.hidden = false;
  });
  window.addEventListener("pointerup", function (ev) {
    if (drag) {
      const moved = drag.moved;
      drag = null;
      canvas.classList.remove("dragging");
      if (!moved && ev.target === canvas) {
        const hit = hitAt(ev);
        if (hit) { select(hit); scrollToEvent(hit); }
      }
    }
  });
  canvas.addEventListener("pointerleave", function () { tooltip.hidden = true; });
  function hitAt(ev) {
    const rect = canvas.getBoundingClientRect();
    const px = ev.clientX - rect.left;
    const py = ev.clientY - rect.top;
    let best = null;
    let bestArea = Infinity;
    for (let i = 0; i < hits.length; i += 1) {
      const h = hits[i];
      if (px >= h[0] - 3 && px <= h[0] + h[2] + 3 && py >= h[1] - 2 && py <= h[1] + h[3] + 2) {
        const area = h[2] * h[3];
        if (area < bestArea) { best = h[4]; bestArea = area; }
      }
    }
    return best;
  }
  function scrollToEvent(e) {
    const i = state.visible.indexOf(e);
    if (i >= 0) {
      const top = i * ROW_H;
      if (top < list.scrollTop || top + ROW_H > list.scrollTop + list.clientHeight) {
        list.scrollTop = Math.max(0, top - ROW_H * 2);
      }
      renderList();
    }
  }

  // Brush on the overview strip: drag to choose a period, click to centre the view.
  let brush = null;
  overview.addEventListener("pointerdown", function (ev) {
    const rect = overview.getBoundingClientRect();
    brush = [ev.clientX - rect.left, ev.clientX - rect.left];
    ev.preventDefault();
  });
  window.addEventListener("pointermove", function (ev) {
    if (!brush) { return; }
    const rect = overview.getBoundingClientRect();
    brush[1] = Math.max(0, Math.min(rect.width, ev.clientX - rect.left));
    drawOverview();
  });
  window.addEventListener("pointerup", function () {
    if (!brush) { return; }
    const rect = overview.getBoundingClientRect();
    const toDay = function (px) { return fullStart + px / rect.width * (fullEnd - fullStart); };
    const b0 = Math.min(brush[0], brush[1]);
    const b1 = Math.max(brush[0], brush[1]);
    brush = null;
    if (b1 - b0 > 3) {
      setView(toDay(b0), toDay(b1));
    } else {
      const span = state.viewEnd - state.viewStart;
      const centre = toDay(b0);
      setView(centre - span / 2, centre + span / 2);
    }
  });

  // ---- filters ----
  ranked.forEach(function (a) {
    const option = document.createElement("option");
    option.value = actorNames[a];
    option.textContent = actorNames[a] + " (" + raw.actorCounts[a] + ")";
    option.dataset.index = String(a);
    actorSelect.appendChild(option);
  });
  actorSelect.addEventListener("change", function () {
    const option = actorSelect.selectedOptions[0];
    state.actor = option && option.dataset.index !== undefined ?
      Number(option.dataset.index) : null;
    refilter();
  });
  let textTimer = 0;
  textInput.addEventListener("input", function () {
    window.clearTimeout(textTimer);
    textTimer = window.setTimeout(function () { state.text = textInput.value; refilter(); }, 150);
  });
  window.addEventListener("resize", function () { window.requestAnimationFrame(draw); });

  $("total-count").textContent = String(events.length);
  if (raw.undated) {
    const note = $("undated-note");
    note.textContent = raw.undated + " event(s) have unresolved dates: they are listed when " +
      "the whole period is shown, but not placed on the axis.";
    note.hidden = false;
  }
  refilter();
  document.body.dataset.ready = "true";
})();
