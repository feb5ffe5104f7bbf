// Draws a text with its report spans highlighted. Report offsets count Unicode code points (Python
// string indices), so the text is cut by code points, never by UTF-16 units.

const LAYERS = ["entities", "places", "dates"];

// The pieces of [from, to) cut at every span boundary, each with the spans that cover it.
function segments(from, to, spans) {
  const cuts = new Set([from, to]);
  for (const s of spans) {
    if (s.start > from && s.start < to) cuts.add(s.start);
    if (s.end > from && s.end < to) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    out.push({ start: a, end: b, covering: spans.filter((s) => s.start <= a && s.end >= b) });
  }
  return out;
}

function appendRange(parent, chars, from, to, spans) {
  for (const piece of segments(from, to, spans)) {
    const text = chars.slice(piece.start, piece.end).join("");
    if (!piece.covering.length) {
      parent.append(document.createTextNode(text));
      continue;
    }
    const el = document.createElement("span");
    el.className = "hl " + [...new Set(piece.covering.map((s) => "layer-" + s.layer))].join(" ");
    el.title = piece.covering.map((s) => `${s.layer}: ${s.label ?? s.text}`).join("\n");
    el.textContent = text;
    parent.append(el);
  }
}

// A non-empty range of whole character offsets inside a text of `length` characters.
function inText(s, length) {
  return Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= length;
}

function usable(spans, length) {
  return spans.filter((s) => LAYERS.includes(s.layer) && inText(s, length));
}

// Append [from, to) of `chars` with each of `passages` ({start, end}) in a <mark class="passage">.
function appendPassages(parent, chars, from, to, spans, passages) {
  const cuts = passages.map((p) => ({ start: Math.max(p.start, from), end: Math.min(p.end, to) }))
    .filter((c) => c.start < c.end);
  for (const piece of segments(from, to, cuts)) {
    if (!piece.covering.length) {
      appendRange(parent, chars, piece.start, piece.end, spans);
      continue;
    }
    const mark = document.createElement("mark");
    mark.className = "passage";
    appendRange(mark, chars, piece.start, piece.end, spans);
    parent.append(mark);
  }
}

// Fill `container` with `text`; `evidence` ({start, end}) becomes one <mark class="evidence"> whose text
// is exactly the evidence characters; entity/place/date spans are cut at its edges to keep that so.
// `passages`, the other sentences that report the same event, are marked more lightly.
export function renderArticle(container, text, spans, evidence, passages = []) {
  const chars = Array.from(text);
  const marks = usable(spans, chars.length);
  container.replaceChildren();
  const ok = evidence && inText(evidence, chars.length);
  if (!ok) {
    appendRange(container, chars, 0, chars.length, marks);
    return null;
  }
  const others = (passages || []).filter((p) => inText(p, chars.length)
    && (p.end <= evidence.start || p.start >= evidence.end));
  appendPassages(container, chars, 0, evidence.start, marks, others);
  const mark = document.createElement("mark");
  mark.className = "evidence";
  appendRange(mark, chars, evidence.start, evidence.end, marks);
  container.append(mark);
  appendPassages(container, chars, evidence.end, chars.length, marks, others);
  return mark;
}

// Fill `container` with `text` and every event's evidence marked (evidences may overlap: each piece is
// marked once), for the paste box.
export function renderReport(container, text, report) {
  const chars = Array.from(text);
  const spans = [];
  for (const layer of LAYERS) {
    for (const item of report[layer] || []) {
      const label = layer === "entities" ? item.canonical || item.label : layer === "places" ? item.name : item.date;
      spans.push({ layer, start: item.start, end: item.end, text: item.text, label });
    }
  }
  const evidences = (report.events || []).map((e) => e.evidence).filter((e) => e && e.end > e.start);
  const marks = usable(spans, chars.length);
  container.replaceChildren();
  const cuts = evidences.map((e) => ({ layer: "evidence", start: e.start, end: Math.min(e.end, chars.length) }));
  for (const piece of segments(0, chars.length, cuts)) {
    if (piece.covering.length) {
      const mark = document.createElement("mark");
      mark.className = "evidence";
      appendRange(mark, chars, piece.start, piece.end, marks);
      container.append(mark);
    } else {
      appendRange(container, chars, piece.start, piece.end, marks);
    }
  }
}
