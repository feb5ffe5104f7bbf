// Events per day as an SVG bar chart; dragging across it selects a date range (a "brush").

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const PAD = { left: 26, right: 8, top: 6, bottom: 18 };

const toDay = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const toIso = (day) => new Date(day * DAY).toISOString().slice(0, 10);

function el(name, attrs, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (parent) parent.append(node);
  return node;
}

export class Timeline {
  constructor(svg, onBrush) {
    this.svg = svg;
    this.onBrush = onBrush; // called with [sinceIso, untilIso] or null
    this.range = null;
    this.days = [];
    this.counts = new Map();
    this.drag = null;
    svg.addEventListener("pointerdown", (e) => this.start(e));
    svg.addEventListener("pointermove", (e) => this.move(e));
    svg.addEventListener("pointerup", (e) => this.end(e));
    window.addEventListener("resize", () => this.draw());
  }

  // `events`: those passing every filter but the brush; `range`: the brushed [since, until] or null.
  update(events, range) {
    this.counts = new Map();
    for (const e of events) {
      if (!e.event_date) continue;
      const day = toDay(e.event_date);
      this.counts.set(day, (this.counts.get(day) || 0) + 1);
    }
    const known = [...this.counts.keys()];
    this.first = known.length ? Math.min(...known) - 1 : null;
    this.last = known.length ? Math.max(...known) + 1 : null;
    this.range = range;
    this.draw();
  }

  get width() { return this.svg.clientWidth || 600; }
  get height() { return this.svg.clientHeight || 98; }

  x(day) {
    const span = Math.max(1, this.last - this.first + 1);
    return PAD.left + ((day - this.first) / span) * (this.width - PAD.left - PAD.right);
  }

  dayAt(px) {
    const span = Math.max(1, this.last - this.first + 1);
    const ratio = (px - PAD.left) / (this.width - PAD.left - PAD.right);
    return Math.min(this.last, Math.max(this.first, Math.floor(this.first + ratio * span)));
  }

  draw() {
    const svg = this.svg;
    svg.replaceChildren();
    svg.setAttribute("viewBox", `0 0 ${this.width} ${this.height}`);
    if (this.first === null) {
      el("text", { x: PAD.left, y: this.height / 2, class: "axis" }, svg).textContent = "no dated events";
      return;
    }
    const max = Math.max(1, ...this.counts.values());
    const plotH = this.height - PAD.top - PAD.bottom;
    const slot = this.x(this.first + 1) - this.x(this.first);
    const barW = Math.max(1, Math.min(28, slot - 1)); // a few days stay readable bars, not slabs
    const inset = (slot - barW) / 2;
    el("line", { x1: PAD.left, x2: this.width - PAD.right, y1: PAD.top + plotH, y2: PAD.top + plotH, class: "baseline" }, svg);
    el("text", { x: PAD.left - 4, y: PAD.top + 8, class: "axis", "text-anchor": "end" }, svg).textContent = String(max);
    const [lo, hi] = this.range ? this.range.map(toDay) : [-Infinity, Infinity];
    for (const [day, count] of this.counts) {
      const h = Math.max(1, (count / max) * plotH);
      const bar = el("rect", {
        x: this.x(day) + inset, y: PAD.top + plotH - h, width: barW, height: h,
        class: "bar" + (day >= lo && day <= hi ? " in" : ""), "data-date": toIso(day), "data-count": count,
      }, svg);
      el("title", {}, bar).textContent = `${toIso(day)}: ${count} event${count === 1 ? "" : "s"}`;
    }
    const ticks = Math.min(6, this.last - this.first);
    for (let i = 0; i <= ticks; i++) {
      const day = Math.round(this.first + ((this.last - this.first) * i) / Math.max(1, ticks));
      const anchor = i === 0 ? "start" : i === ticks ? "end" : "middle";
      el("text", { x: this.x(day) + slot / 2, y: this.height - 4, class: "axis", "text-anchor": anchor }, svg)
        .textContent = toIso(day);
    }
    if (this.range) {
      const [a, b] = this.range.map(toDay);
      el("rect", { x: this.x(a), y: PAD.top, width: Math.max(2, this.x(b + 1) - this.x(a)), height: plotH, class: "brush" }, svg);
    }
  }

  localX(event) {
    const box = this.svg.getBoundingClientRect();
    return ((event.clientX - box.left) / box.width) * this.width;
  }

  start(event) {
    if (this.first === null) return;
    this.svg.setPointerCapture(event.pointerId);
    this.drag = { from: this.localX(event), moved: false };
  }

  move(event) {
    if (!this.drag) return;
    const to = this.localX(event);
    if (Math.abs(to - this.drag.from) < 3) return;
    this.drag.moved = true;
    const [a, b] = [this.dayAt(this.drag.from), this.dayAt(to)].sort((p, q) => p - q);
    this.range = [toIso(a), toIso(b)];
    this.draw();
  }

  end(event) {
    if (!this.drag) return;
    const moved = this.drag.moved;
    this.drag = null;
    this.svg.releasePointerCapture(event.pointerId);
    if (!moved) this.range = null; // a click without a drag clears the selection
    this.draw();
    this.onBrush(this.range);
  }
}
