// dyad's dashboard: reads the REST API of the same server and draws with ECharts (shipped in
// static/vendor, never fetched from elsewhere). Everything that comes from an article (titles, text,
// names, URLs) is data: it is put in the page with textContent and createElement, never as HTML,
// and links are made only of http(s) URLs. Tooltips are drawn on the canvas (renderMode
// "richText"), so no value ever reaches innerHTML. The state is in the URL's hash:
// #/?actor=RUS&target=USA&from=2024-01-01 (the overview) or #/event/42 (an event's page).
"use strict";

const FILTERS = ["from", "to", "actor", "target", "root", "code", "modality", "text", "context", "country_of_action", "near", "within"];
const QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};
const QUAD_COLOURS = {1: "#81c784", 2: "#2e7d32", 3: "#ef9a9a", 4: "#c62828", none: "#9e9e9e"};
const PAGE = 50;
const charts = {};
let cameo = {};  // code -> {name, root, quad_class, goldstein}
let cameoReady = Promise.resolve();  // the code names, asked for at start beside the first view's data
let worldReady = null;

// ------------------------------------------------------------------ helpers
function $(id) { return document.getElementById(id); }

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined) continue;
    if (key === "class") node.className = value;
    else if (key === "href") { const safe = safeUrl(value); if (safe) node.href = safe; }
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// a link target from data: only http(s) URLs, and our own hash routes
function safeUrl(value) {
  if (typeof value !== "string") return null;
  if (value.startsWith("#/")) return value;
  try {
    const url = new URL(value, window.location.href);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch (e) { return null; }
}

function showError(message) {
  const box = $("message");
  box.textContent = message;
  box.hidden = !message;
}

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== "" && value !== null && value !== undefined) query.set(key, value);
  }
  const url = path + (query.toString() ? "?" + query : "");
  const response = await fetch(url, {headers: {Accept: "application/json"}});
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    const why = body && body.error ? body.error : `${response.status} ${response.statusText}`;
    throw new Error(why);
  }
  return body;
}

function codeName(code) {
  const entry = cameo[code];
  return entry ? `${code} ${entry.name}` : code || "";
}

function chart(id) {
  if (!charts[id]) charts[id] = echarts.init($(id), null, {renderer: "canvas"});
  return charts[id];
}

// ------------------------------------------------------------------ state (the hash)
function route() {
  const hash = window.location.hash.replace(/^#/, "") || "/";
  const [path, search] = hash.split("?");
  const params = new URLSearchParams(search || "");
  const event = path.match(/^\/event\/(\d+)$/);
  return {event: event ? Number(event[1]) : null, params};
}

function filtersOf(params) {
  const out = {};
  for (const name of FILTERS) { const v = params.get(name); if (v) out[name] = v; }
  return out;
}

function go(params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const target = "#/" + (query.toString() ? "?" + query : "");
  if (window.location.hash === target) render(); else window.location.hash = target;
}

function currentParams() { return Object.fromEntries(route().params.entries()); }

// ------------------------------------------------------------------ the filter form
function fillForm(params) {
  const form = $("filters");
  for (const name of FILTERS) form.elements[name].value = params.get(name) || "";
  $("interval").value = params.get("interval") || "month";
  $("split").value = params.get("split") || "quad";
}

function readForm() {
  const form = $("filters");
  const out = {};
  for (const name of FILTERS) { const v = form.elements[name].value.trim(); if (v) out[name] = v; }
  out.interval = $("interval").value;
  out.split = $("split").value;
  return out;
}

// ------------------------------------------------------------------ the overview
async function renderOverview(params) {
  $("overview").hidden = false;
  $("event").hidden = true;
  const filters = filtersOf(params);
  // the graph and the pair chooser show every pair of the other filters (the chosen one stands out)
  const {actor, target, ...others} = filters;
  const pairs = api("dyads", {...others, by: "country", top: 80});
  const tasks = [renderTimeline(filters, params), renderGraph(pairs, filters), renderMap(filters), renderTable(filters, params), renderPairs(pairs, filters)];
  const results = await Promise.allSettled(tasks);
  const failed = results.find(r => r.status === "rejected");
  showError(failed ? failed.reason.message : "");
}

async function renderTimeline(filters, params) {
  const interval = params.get("interval") || "month";
  const split = params.get("split") || "quad";
  const [body] = await Promise.all([api("timeline", {...filters, interval}), cameoReady]);
  const labels = body.periods.map(p => p.period);
  let series;
  if (split === "root") {
    const roots = [...new Set(body.periods.flatMap(p => Object.keys(p.roots)))].sort();
    series = roots.map(root => ({
      name: codeName(root), type: "bar", stack: "events", data: body.periods.map(p => p.roots[root] || 0),
    }));
  } else {
    series = ["1", "2", "3", "4", "none"].filter(q => body.periods.some(p => p.quad_classes[q])).map(q => ({
      name: QUADS[q] || "no quad class", type: "bar", stack: "events", itemStyle: {color: QUAD_COLOURS[q]},
      data: body.periods.map(p => p.quad_classes[q] || 0),
    }));
  }
  series.push({name: "Goldstein sum", type: "line", yAxisIndex: 1, itemStyle: {color: "#37474f"}, data: body.periods.map(p => p.goldstein)});
  chart("timeline").setOption({
    animation: false,
    tooltip: {trigger: "axis", renderMode: "richText"},
    legend: {type: "scroll", top: 0},
    grid: {left: 50, right: 50, top: 40, bottom: 60},
    xAxis: {type: "category", data: labels},
    yAxis: [{type: "value", name: "events", minInterval: 1}, {type: "value", name: "Goldstein"}],
    dataZoom: [{type: "inside"}, {type: "slider", height: 18, bottom: 8}],
    series,
  }, true);
  const total = body.periods.reduce((sum, p) => sum + p.events, 0);
  const who = filters.actor || filters.target ? `${filters.actor || "anyone"} → ${filters.target || "anyone"}` : "all events";
  $("timeline-title").textContent = who;
  $("timeline-summary").textContent =
    `${total} events in ${body.periods.length} periods (per ${interval})` + (body.undated ? `, and ${body.undated} without a date` : "");
  const rows = body.periods.map(p => el("tr", {"data-period": p.period},
    el("td", {}, p.period), el("td", {}, p.events),
    ...[1, 2, 3, 4].map(q => el("td", {}, p.quad_classes[q] || 0)), el("td", {}, p.goldstein)));
  $("timeline-table").tBodies[0].replaceChildren(...rows);
}

async function renderPairs(pairs, filters) {
  const {actor, target} = filters;
  const body = await pairs;
  const select = $("pair");
  const chosen = actor && target ? `${actor}>${target}` : "";
  const options = [el("option", {value: ""}, "choose a pair of countries")];
  for (const d of body.dyads.slice(0, 30)) {
    if (!d.source || !d.target) continue;
    const value = `${d.source}>${d.target}`;
    const option = el("option", {value}, `${d.source} → ${d.target} (${d.events})`);
    if (value === chosen) option.selected = true;
    options.push(option);
  }
  select.replaceChildren(...options);
}

async function renderGraph(pairs, filters) {
  const {actor, target} = filters;
  const body = await pairs;
  const weight = {};
  const links = [];
  for (const d of body.dyads) {
    if (!d.source || !d.target || d.source === d.target) continue;
    weight[d.source] = (weight[d.source] || 0) + d.events;
    weight[d.target] = (weight[d.target] || 0) + d.events;
    const mean = d.goldstein === null ? 0 : d.goldstein / d.events;
    const chosen = actor && target && d.source === actor.slice(0, 3) && d.target === target.slice(0, 3);
    links.push({
      source: d.source, target: d.target, value: d.events, mean: Math.round(mean * 100) / 100,
      lineStyle: {width: 1 + Math.min(9, Math.log2(d.events + 1) * 1.5), color: mean > 0.5 ? "#2e7d32" : mean < -0.5 ? "#c62828" : "#9e9e9e",
                  opacity: chosen ? 1 : 0.7, curveness: 0.15},
    });
  }
  const max = Math.max(1, ...Object.values(weight));
  const nodes = Object.entries(weight).map(([code, n]) => ({
    name: code, value: n, symbolSize: 12 + 30 * Math.sqrt(n / max), label: {show: true},
    itemStyle: {color: actor && actor.startsWith(code) ? "#ff8f00" : "#546e7a"},
  }));
  const graph = chart("graph");
  graph.setOption({
    animation: false,
    tooltip: {renderMode: "richText", formatter: p => p.dataType === "edge"
      ? `${p.data.source} → ${p.data.target}: ${p.data.value} events, mean Goldstein ${p.data.mean}`
      : `${p.name}: ${p.value} events`},
    series: [{type: "graph", layout: "force", roam: true, draggable: true, data: nodes, links,
              edgeSymbol: ["none", "arrow"], edgeSymbolSize: 6, force: {repulsion: 220, edgeLength: [60, 160]}}],
  }, true);
  graph.off("click");
  graph.on("click", p => {
    const params = currentParams();
    if (p.dataType === "edge") go({...params, actor: p.data.source, target: p.data.target});
    else if (p.dataType === "node") go({...params, actor: p.name, target: ""});
  });
}

function loadWorld() {
  if (!worldReady) {
    worldReady = fetch("static/vendor/countries-110m.json").then(r => r.json()).then(topology => {
      echarts.registerMap("world", topojson.feature(topology, topology.objects.countries));
    });
  }
  return worldReady;
}

async function renderMap(filters) {
  const [body] = await Promise.all([api("places", {...filters, top: 300}), loadWorld()]);
  const max = Math.max(1, ...body.places.map(p => p.events));
  const data = body.places.map(p => ({
    name: p.name || "", value: [p.lon, p.lat, p.events], conflict: p.conflict, country: p.country || "",
    itemStyle: {color: p.conflict * 2 > p.events ? "#c62828" : "#2e7d32"},
  }));
  const map = chart("map");
  map.setOption({
    animation: false,
    tooltip: {renderMode: "richText", formatter: p => p.seriesType === "scatter"
      ? `${p.data.name}, ${p.data.country}: ${p.data.value[2]} events (${p.data.conflict} of conflict)` : p.name || ""},
    geo: {map: "world", roam: true, itemStyle: {areaColor: "#eceff1", borderColor: "#b0bec5"}, emphasis: {disabled: true}},
    series: [{type: "scatter", coordinateSystem: "geo", data, symbolSize: v => 5 + 20 * Math.sqrt(v[2] / max)}],
  }, true);
  map.off("click");
  map.on("click", p => {
    if (p.seriesType === "scatter") go({...currentParams(), near: `${p.data.value[1]},${p.data.value[0]}`, within: "25"});
  });
  const events = body.places.reduce((s, p) => s + p.events, 0);
  $("map-summary").textContent = `${body.places.length} places, ${events} events placed. Click a place to keep its events.`;
}

async function renderTable(filters, params) {
  const offset = Number(params.get("offset") || 0);
  const sort = params.get("sort") || "-day";
  const [body] = await Promise.all([api("events", {...filters, limit: PAGE, offset, sort}), cameoReady]);
  const rows = body.events.map(e => {
    const first = e.mentions[0] || {evidence: {text: ""}};
    const row = el("tr", {"data-id": e.id},
      el("td", {}, el("a", {href: `#/event/${e.id}`}, e.date || "undated")),
      el("td", {}, e.source || ""), el("td", {class: `q${e.quad_class}`}, codeName(e.code)), el("td", {}, e.target || ""),
      el("td", {}, e.modality), el("td", {}, e.geo ? `${e.geo.name}, ${e.geo.country}` : ""),
      el("td", {}, e.num_mentions), el("td", {}, e.goldstein === null ? "" : e.goldstein),
      el("td", {class: "evidence"}, first.evidence.text));
    row.addEventListener("click", ev => { if (ev.target.tagName !== "A") window.location.hash = `#/event/${e.id}`; });
    return row;
  });
  $("events").tBodies[0].replaceChildren(...rows);
  $("events-count").textContent = body.events.length ? `${offset + 1}–${offset + body.events.length}` : "none match";
  $("page").textContent = `page ${Math.floor(offset / PAGE) + 1}`;
  $("prev").disabled = offset === 0;
  $("next").disabled = body.next_offset === null;
  $("prev").onclick = () => go({...currentParams(), offset: String(Math.max(0, offset - PAGE))});
  $("next").onclick = () => go({...currentParams(), offset: String(body.next_offset)});
  for (const button of document.querySelectorAll("#events th button")) {
    const key = button.dataset.sort;
    button.classList.toggle("sorted", sort.replace("-", "") === key);
    button.classList.toggle("descending", sort === "-" + key);
    button.onclick = () => go({...currentParams(), sort: sort === "-" + key ? key : "-" + key, offset: ""});
  }
  const query = new URLSearchParams(filters);
  for (const [id, format] of [["export-csv", "csv"], ["export-jsonl", "jsonl"], ["export-parquet", "parquet"], ["export-gdelt", "gdelt-csv"]]) {
    query.set("format", format);
    $(id).href = "export?" + query;
  }
}

// ------------------------------------------------------------------ an event's page
async function renderEvent(id) {
  $("overview").hidden = true;
  $("event").hidden = false;
  let e;
  try { [e] = await Promise.all([api(`events/${id}`), cameoReady]); showError(""); } catch (error) {
    showError(error.message);
    $("event-title").textContent = `Event ${id}`;
    for (const part of ["event-facts", "event-reports"]) $(part).replaceChildren();
    $("event-actors").tBodies[0].replaceChildren();
    return;
  }
  $("event-title").textContent = `${e.source || "?"} → ${e.target || "—"}: ${codeName(e.code)}`;
  const facts = [
    ["Date", `${e.date || "undated"}`], ["Quad class", QUADS[e.quad_class] || "none"], ["Goldstein", e.goldstein],
    ["PLOVER", [e.plover, e.mode, (e.contexts || []).join(", ")].filter(Boolean).join(" · ")], ["Modality", e.modality],
    ["Place", e.geo ? `${e.geo.name}, ${e.geo.country} (${e.geo.lat}, ${e.geo.lon}; from the ${e.geo_from})` : "none"],
    ["Reports", `${e.num_mentions} in ${e.num_articles} articles from ${e.num_sources} sources (${e.sources.join(", ")})`],
  ];
  $("event-facts").replaceChildren(...facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v === null ? "" : v)]));
  const actorRows = [];
  for (const m of e.mentions) {
    for (const side of ["source", "target"]) {
      const a = m.actors[side];
      if (!a) continue;
      actorRows.push(el("tr", {}, el("td", {}, side), el("td", {}, a.text || ""), el("td", {}, a.name || ""), el("td", {}, a.code || ""),
        el("td", {}, a.country || ""), el("td", {}, a.sector || ""), el("td", {}, a.role || "")));
    }
  }
  $("event-actors").tBodies[0].replaceChildren(...actorRows);
  const documents = Object.fromEntries(e.documents.map(d => [d.id, d]));
  $("event-reports").replaceChildren(...e.mentions.map((m, i) => report(m, documents[m.document_id], i)));
  const first = document.querySelector("#event-reports mark.evidence");
  if (first) first.scrollIntoView({block: "center"});
}

function report(m, doc, index) {
  const title = el("h4", {}, m.title || m.document);
  const link = safeUrl(m.url) ? el("a", {href: m.url, rel: "noopener noreferrer", target: "_blank"}, m.url) : (m.url ? el("span", {}, m.url) : null);
  const facts = el("dl", {class: "facts"},
    el("dt", {}, "Source"), el("dd", {}, `${m.source}${m.published ? ", published " + m.published : ""}`),
    el("dt", {}, "Coded"), el("dd", {}, `${codeName(m.code)} · ${m.modality}${m.attribution ? " · according to " + m.attribution : ""}`),
    el("dt", {}, "Date"), el("dd", {class: "date-why"}, `${m.date || "undated"} (${m.date_from}): ${m.date_why || "no reason kept"}`),
    link ? el("dt", {}, "Link") : null, link ? el("dd", {}, link) : null);
  const trace = m.trace && m.trace.length
    ? el("details", {}, el("summary", {}, "Why the coder coded it so"), el("ul", {class: "trace"}, ...m.trace.map(t => el("li", {}, t))))
    : null;
  return el("div", {class: "report", "data-report": index}, title, facts, article(doc, m.evidence), trace);
}

// the article's text with the evidence sentence marked and, in it, the trigger's words
function article(doc, evidence) {
  const box = el("div", {class: "article", lang: doc ? doc.lang || "" : ""});
  if (!doc) { box.append(evidence.text); return box; }
  const text = doc.text;
  const sentence = text.slice(evidence.start, evidence.end);
  const mark = el("mark", {class: "evidence"});
  let at = 0;
  for (const [start, end] of triggerSpans(sentence, evidence.trigger)) {
    mark.append(sentence.slice(at, start), el("mark", {class: "trigger"}, sentence.slice(start, end)));
    at = end;
  }
  mark.append(sentence.slice(at));
  box.append(text.slice(0, evidence.start), mark, text.slice(evidence.end));
  return box;
}

function triggerSpans(sentence, trigger) {
  const spans = [];
  if (!trigger) return spans;
  const lower = sentence.toLowerCase();
  let from = 0;
  for (const word of trigger.toLowerCase().split(/\s+/).filter(Boolean)) {
    const at = lower.indexOf(word, from);
    if (at < 0) continue;
    spans.push([at, at + word.length]);
    from = at + word.length;
  }
  return spans;
}

// ------------------------------------------------------------------ start
async function render(alsoWaitFor) {
  const {event, params} = route();
  fillForm(params);
  await Promise.all([event !== null ? renderEvent(event) : renderOverview(params), alsoWaitFor]);
  document.body.dataset.rendered = String(Date.now());  // for tests and scripts: the view is drawn
}

async function start() {
  const rootSelect = $("filters").elements.root;
  const contextSelect = $("filters").elements.context;
  // the code names and the store's counts load beside the first view, not before it
  cameoReady = api("cameo").then(codes => {
    cameo = Object.fromEntries(codes.codes.map(c => [c.code, c]));
    for (let r = 1; r <= 20; r++) {
      const root = String(r).padStart(2, "0");
      rootSelect.append(el("option", {value: root}, codeName(root)));
    }
    rootSelect.value = route().params.get("root") || "";
    for (const context of codes.contexts) contextSelect.append(el("option", {value: context}, context.replace(/_/g, " ")));
    contextSelect.value = route().params.get("context") || "";
  }).catch(error => showError(error.message));
  const counts = api("health").then(health => {
    $("store-counts").textContent = `${health.store.events} events from ${health.store.documents} documents`;
  }).catch(error => showError(error.message));
  $("filters").addEventListener("submit", ev => { ev.preventDefault(); go(readForm()); });
  $("clear").addEventListener("click", () => go({interval: $("interval").value, split: $("split").value}));
  $("interval").addEventListener("change", () => go({...currentParams(), interval: $("interval").value}));
  $("split").addEventListener("change", () => go({...currentParams(), split: $("split").value}));
  $("pair").addEventListener("change", () => {
    const [actor, target] = ($("pair").value || ">").split(">");
    go({...currentParams(), actor, target, offset: ""});
  });
  window.addEventListener("hashchange", () => render());
  window.addEventListener("resize", () => Object.values(charts).forEach(c => c.resize()));
  await render(counts);
}

document.addEventListener("DOMContentLoaded", start);
