// The marsad map page: loads stored events from /events, draws them on an offline base map (country
// outlines, no tiles), filters them, and shows each event's article with its evidence highlighted.

import { renderArticle, renderReport } from "./highlight.js";
import { Timeline } from "./timeline.js";

const TYPE_COLOURS = {
  "Battles": "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd",
  "Protests": "#2ca02c",
  "Riots": "#8c564b",
  "Strategic developments": "#1f77b4",
};
const OTHER_COLOUR = "#6c757d";
const PAGE = 5000;
const MAX_EVENTS = 50000;

const $ = (id) => document.getElementById(id);
const colour = (type) => TYPE_COLOURS[type] || OTHER_COLOUR;
const slug = (s) => String(s || "none").toLowerCase().replace(/[^a-z0-9]+/g, "-");

const state = { events: [], shown: [], brush: null, selected: null, markers: new Map() };

// --- map ---------------------------------------------------------------------------------------

const map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 13, zoomSnap: 0.5 }).setView([30, 42], 4);
map.attributionControl.setPrefix(false);
map.attributionControl.addAttribution("Outlines: Natural Earth via world-atlas");
const cluster = L.markerClusterGroup({ maxClusterRadius: 36, showCoverageOnHover: false, spiderfyOnMaxZoom: true });
map.addLayer(cluster);

function unwrapRing(ring) {
  const crosses = ring.some((point, i) => i > 0 && Math.abs(point[0] - ring[i - 1][0]) > 180);
  return crosses ? ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]) : ring;
}

function unwrapAntimeridian(feature) {
  const geometry = feature.geometry;
  if (!geometry) return feature;
  if (geometry.type === "Polygon") geometry.coordinates = geometry.coordinates.map(unwrapRing);
  if (geometry.type === "MultiPolygon") geometry.coordinates = geometry.coordinates.map((p) => p.map(unwrapRing));
  return feature;
}

async function drawCountries() {
  const response = await fetch("/static/vendor/world-atlas/countries-50m.json");
  const topology = await response.json();
  const countries = topojson.feature(topology, topology.objects.countries);
  // Antarctica has no conflict events and its ring around the pole draws as a band across the map;
  // rings that cross the antimeridian (Russia, Fiji) are moved east so they do not streak across it.
  countries.features = countries.features.filter((f) => f.id !== "010").map(unwrapAntimeridian);
  L.geoJSON(countries, {
    style: { color: "#8a8f98", weight: 0.7, fillColor: "#f2efe9", fillOpacity: 1 },
    interactive: false,
  }).addTo(map);
}

function addLegend() {
  const legend = L.control({ position: "bottomleft" });
  legend.onAdd = () => {
    const div = L.DomUtil.create("div", "legend");
    for (const [type, hex] of [...Object.entries(TYPE_COLOURS), ["Other", OTHER_COLOUR]]) {
      const row = document.createElement("div");
      const dot = document.createElement("i");
      dot.style.background = hex;
      row.append(dot, type);
      div.append(row);
    }
    return div;
  };
  legend.addTo(map);
}

function markerFor(event) {
  const loc = event.location;
  const icon = L.divIcon({
    className: `event-marker type-${slug(event.event_type)}`,
    html: `<span style="background:${colour(event.event_type)}"></span>`,
    iconSize: [16, 16],
    iconAnchor: [8, 8],
  });
  const marker = L.marker([loc.lat, loc.lon], { icon, title: `${event.event_type || "Event"} — ${loc.name || ""}`, keyboard: true });
  marker.on("click", () => select(event.id, { fromMap: true }));
  marker.on("add", () => {
    const node = marker.getElement();
    if (node) {
      node.dataset.eventId = event.id;
      node.dataset.type = event.event_type || "";
      node.classList.toggle("selected", state.selected === event.id);
    }
  });
  return marker;
}

function drawMarkers(events, fit) {
  cluster.clearLayers();
  state.markers.clear();
  const markers = [];
  for (const event of events) {
    const loc = event.location || {};
    if (loc.lat == null || loc.lon == null) continue;
    const marker = markerFor(event);
    state.markers.set(event.id, marker);
    markers.push(marker);
  }
  cluster.addLayers(markers);
  if (fit && markers.length) {
    map.fitBounds(L.latLngBounds(markers.map((m) => m.getLatLng())).pad(0.25), { maxZoom: 8 });
  }
}

// --- filters -----------------------------------------------------------------------------------

function filterValues() {
  return {
    type: $("filter-type").value,
    actor: $("filter-actor").value.trim().toLocaleLowerCase(),
    country: $("filter-country").value,
    since: $("filter-since").value,
    until: $("filter-until").value,
  };
}

function actorsOf(event) {
  return [event.actor1, event.assoc_actor_1, event.actor2, event.assoc_actor_2].filter(Boolean).join(" ; ").toLocaleLowerCase();
}

function passes(event, f, brush) {
  const loc = event.location || {};
  if (f.type && event.event_type !== f.type) return false;
  if (f.country && (loc.country_code || "") !== f.country) return false;
  if (f.actor && !actorsOf(event).includes(f.actor)) return false;
  const date = event.event_date || "";
  if ((f.since || f.until) && !date) return false;
  if (f.since && date < f.since) return false;
  if (f.until && date > f.until) return false;
  if (brush && (!date || date < brush[0] || date > brush[1])) return false;
  return true;
}

function fillSelect(select, values, label) {
  const keep = select.value;
  select.replaceChildren(new Option(label, ""));
  for (const value of values) select.append(new Option(value, value));
  select.value = values.includes(keep) ? keep : "";
}

function fillFilterChoices() {
  const types = [...new Set(state.events.map((e) => e.event_type).filter(Boolean))].sort();
  const countries = [...new Set(state.events.map((e) => (e.location || {}).country_code).filter(Boolean))].sort();
  fillSelect($("filter-type"), types, "All types");
  fillSelect($("filter-country"), countries, "All countries");
}

function applyFilters({ fit = false } = {}) {
  const f = filterValues();
  const unbrushed = state.events.filter((e) => passes(e, f, null));
  state.shown = state.brush ? unbrushed.filter((e) => passes(e, f, state.brush)) : unbrushed;
  timeline.update(unbrushed, state.brush);
  $("timeline-clear").hidden = !state.brush;
  drawMarkers(state.shown, fit);
  drawList(state.shown);
  const located = state.shown.filter((e) => (e.location || {}).lat != null).length;
  $("status").textContent = `${state.shown.length} of ${state.events.length} events shown (${located} on the map)`;
  $("event-count").textContent = `(${state.shown.length})`;
}

const timeline = new Timeline($("timeline"), (range) => {
  state.brush = range;
  applyFilters();
});

// --- event list --------------------------------------------------------------------------------

function drawList(events) {
  const list = $("event-list");
  list.replaceChildren();
  if (!events.length) {
    const li = document.createElement("li");
    li.className = "empty";
    li.textContent = state.events.length ? "No event matches these filters." : "No events stored yet: run marsad ingest.";
    list.append(li);
    return;
  }
  for (const event of events.slice(0, 2000)) {
    const loc = event.location || {};
    const li = document.createElement("li");
    li.tabIndex = 0;
    li.dataset.eventId = event.id;
    li.dataset.type = event.event_type || "";
    li.classList.toggle("selected", state.selected === event.id);
    const dot = document.createElement("span");
    dot.className = "dot";
    dot.style.background = colour(event.event_type);
    const date = document.createElement("span");
    date.className = "date";
    date.textContent = event.event_date || "undated";
    const what = document.createElement("span");
    what.className = "what";
    what.textContent = [event.event_type, event.sub_event_type].filter(Boolean).join(" · ") || "Event";
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = [event.actor1, event.actor2].filter(Boolean).join(" vs ") || "actors unknown";
    const where = document.createElement("span");
    where.className = "where";
    where.textContent = [loc.name, loc.admin1, loc.country_code].filter(Boolean).join(", ") || "place unknown";
    li.append(dot, date, what, who, where);
    li.addEventListener("click", () => select(event.id));
    li.addEventListener("keydown", (e) => { if (e.key === "Enter") select(event.id); });
    list.append(li);
  }
}

// --- article view ------------------------------------------------------------------------------

function showTab(name) {
  for (const button of document.querySelectorAll(".tabs button")) {
    const on = button.dataset.tab === name;
    button.setAttribute("aria-selected", String(on));
    $(`tab-${button.dataset.tab}`).hidden = !on;
  }
}

function field(dl, name, value) {
  if (value === null || value === undefined || value === "") return;
  const dt = document.createElement("dt");
  dt.textContent = name;
  const dd = document.createElement("dd");
  // Arabic names inside English fields are isolated so the bidi algorithm cannot reorder their neighbours
  for (const part of Array.isArray(value) ? value : [value]) {
    if (part instanceof Node) dd.append(part);
    else dd.append(String(part));
  }
  dl.append(dt, dd);
}

function isolated(text, lang) {
  const node = document.createElement("bdi");
  node.textContent = text;
  if (lang) node.lang = lang;
  return node;
}

function drawFields(event, article) {
  const dl = $("event-fields");
  dl.replaceChildren();
  const loc = event.location || {};
  field(dl, "Event type", event.event_type);
  field(dl, "Sub-event type", event.sub_event_type);
  field(dl, "Date", event.event_date ? `${event.event_date} (precision ${event.time_precision ?? "?"})` : "undated");
  field(dl, "Actor 1", event.actor1);
  field(dl, "Assoc. actor 1", event.assoc_actor_1);
  field(dl, "Inter 1", event.inter1);
  field(dl, "Actor 2", event.actor2);
  field(dl, "Assoc. actor 2", event.assoc_actor_2);
  field(dl, "Inter 2", event.inter2);
  field(dl, "Location", loc.name_ar ? [loc.name || "", " (", isolated(loc.name_ar, "ar"), ")"] : loc.name);
  field(dl, "Admin 1 / 2", [loc.admin1, loc.admin2].filter(Boolean).join(" / "));
  field(dl, "Country", loc.country_code);
  field(dl, "Coordinates", loc.lat != null ? `${(+loc.lat).toFixed(4)}, ${(+loc.lon).toFixed(4)}` : null);
  field(dl, "Geo precision", loc.geo_precision);
  field(dl, "Fatalities", event.fatalities ?? 0);
  field(dl, "Modality", event.modality);
  field(dl, "Reported by", event.source);
  field(dl, "Notes", event.notes);
  field(dl, "Article", article.external_id || `#${article.id}`);
  field(dl, "Outlet", article.source ? isolated(article.source) : null);
  field(dl, "Published", article.published);
}

async function select(eventId, { fromMap = false } = {}) {
  const event = state.events.find((e) => e.id === eventId);
  if (!event) return;
  state.selected = eventId;
  for (const li of document.querySelectorAll("#event-list li")) li.classList.toggle("selected", li.dataset.eventId === String(eventId));
  for (const [id, marker] of state.markers) marker.getElement()?.classList.toggle("selected", id === eventId);
  const marker = state.markers.get(eventId);
  if (marker && !fromMap) cluster.zoomToShowLayer(marker, () => {});
  const response = await fetch(`/articles/${event.article_id}`);
  if (!response.ok) {
    $("article-empty").textContent = `Could not load article ${event.article_id} (HTTP ${response.status}).`;
    showTab("article");
    return;
  }
  const article = await response.json();
  $("article-empty").hidden = true;
  $("article-view").hidden = false;
  $("article-title").textContent = article.title || article.external_id || `Article ${article.id}`;
  const meta = $("article-meta");
  meta.replaceChildren();
  for (const part of [article.source, article.published, article.url].filter(Boolean)) {
    if (meta.childNodes.length) meta.append(" · ");
    meta.append(isolated(part));
  }
  const spans = article.spans.filter((s) => s.layer !== "events");
  renderArticle($("article-text"), article.text, spans, event.evidence, event.passages);
  drawFields(event, article);
  showTab("article");
  $("article-text").querySelector("mark.evidence")?.scrollIntoView({ block: "nearest" });
}

// --- paste box ---------------------------------------------------------------------------------

function summaryList(parent, title, items) {
  if (!items.length) return;
  const h = document.createElement("h4");
  h.textContent = title;
  const ul = document.createElement("ul");
  for (const text of items) {
    const li = document.createElement("li");
    li.textContent = text;
    ul.append(li);
  }
  parent.append(h, ul);
}

async function runExtract(submit) {
  submit.preventDefault();
  const text = $("extract-text").value;
  const published = $("extract-published").value || null;
  $("extract-error").hidden = true;
  $("extract-run").disabled = true;
  try {
    const response = await fetch("/extract", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text, published }),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(body.detail || `HTTP ${response.status}`);
    renderReport($("extract-highlighted"), text, body);
    const summary = $("extract-summary");
    summary.replaceChildren();
    summaryList(summary, `Events (${body.events.length})`, body.events.map((e) =>
      [e.event_date || "undated", e.event_type, e.sub_event_type, [e.actor1, e.actor2].filter(Boolean).join(" vs "),
        (e.location || {}).name].filter(Boolean).join(" · ")));
    summaryList(summary, "Actors and entities", body.entities.map((e) => `${e.text} → ${e.canonical || e.label}`));
    summaryList(summary, "Places", body.places.map((p) => `${p.text} → ${p.name || "?"} (${[p.admin1, p.country_code].filter(Boolean).join(", ")})`));
    summaryList(summary, "Dates", body.dates.map((d) => `${d.text} → ${d.date || "?"}`));
    summaryList(summary, "Warnings", body.warnings);
    if (!summary.childElementCount) summary.textContent = "Nothing found in this text.";
    $("extract-result").hidden = false;
  } catch (error) {
    $("extract-error").textContent = `Extraction failed: ${error.message}`;
    $("extract-error").hidden = false;
  } finally {
    $("extract-run").disabled = false;
  }
}

// --- start -------------------------------------------------------------------------------------

async function loadEvents() {
  const all = $("filter-modalities").checked;
  const events = [];
  for (let offset = 0; offset < MAX_EVENTS; offset += PAGE) {
    const response = await fetch(`/events?limit=${PAGE}&offset=${offset}&all_modalities=${all}`);
    if (!response.ok) throw new Error(`GET /events: HTTP ${response.status}`);
    const page = await response.json();
    events.push(...page.events);
    if (events.length >= page.total || !page.events.length) break;
  }
  state.events = events;
  fillFilterChoices();
  applyFilters({ fit: true });
}

function wire() {
  for (const id of ["filter-type", "filter-country", "filter-since", "filter-until"]) {
    $(id).addEventListener("change", () => applyFilters());
  }
  $("filter-actor").addEventListener("input", () => applyFilters());
  $("filter-modalities").addEventListener("change", () => loadEvents().catch(fail));
  $("filters").addEventListener("reset", () => setTimeout(() => { state.brush = null; loadEvents().catch(fail); }));
  $("filters").addEventListener("submit", (e) => e.preventDefault());
  $("timeline-clear").addEventListener("click", () => { state.brush = null; applyFilters(); });
  for (const button of document.querySelectorAll(".tabs button")) {
    button.addEventListener("click", () => showTab(button.dataset.tab));
  }
  $("extract-form").addEventListener("submit", runExtract);
}

function fail(error) {
  $("status").textContent = `Could not load events: ${error.message}`;
}

wire();
addLegend();
window.marsad = { state, map, cluster, ready: Promise.all([drawCountries(), loadEvents()]).catch(fail) };
