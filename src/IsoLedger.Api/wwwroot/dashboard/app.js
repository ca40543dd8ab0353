"use strict";
// The IsoLedger dashboard: reads the public dashboard endpoints with a viewer key kept in session storage.
// TEXT holds the page's own words only; every name of a value the API answers with (levels, standards, conversion
// states, inspection results, rules, events, column names) comes from GET /api/vocabulary, and every figure from
// the API's answers.

const TEXT = {
  vi: {
    title: "Bảng điều khiển ISO 9001", summary: "Thống kê số liệu thực hiện ISO", keyLabel: "Khóa API (vai trò viewer)", keySave: "Lưu khóa",
    keyHint: "Khóa chỉ được giữ trong phiên trình duyệt này.", province: "Tỉnh", year: "Năm", overview: "Tổng quan",
    forgetKey: "Quên khóa", conversion: "Chuyển đổi 2008 → 2015", annual: "Bảng duy trì năm", filter: "Lọc theo tên",
    level: "Cấp", allLevels: "Tất cả", downloadCsv: "Tải CSV", compliance: "Cảnh báo tuân thủ", asOf: "Trạng thái tại ngày",
    timeline: "Lịch sử",
    fresh: "Cập nhật: dữ liệu đã xử lý đến sự kiện {p}/{l}", behind: "Đang chậm {n} sự kiện", loading: "Đang tải…",
    badKey: "Khóa không hợp lệ hoặc không đủ quyền.", failedLoad: "Không tải được dữ liệu", noFlags: "Không có cảnh báo.",
    byDistrict: "Theo huyện — nhấn vào một cấp để xem", status: "Tình trạng", standardNow: "Tiêu chuẩn",
    conversionState: "Chuyển đổi", board: "Ban chỉ đạo", lastAudit: "ĐGNB gần nhất", lastReview: "XXLĐ gần nhất",
    openNc: "Điểm không phù hợp đang mở", flags: "Cảnh báo", mergedInto: "Đã sáp nhập vào", members: "thành viên", none: "—",
    recordedBy: "ghi bởi",
  },
  en: {
    title: "ISO 9001 dashboard", summary: "ISO implementation statistics", keyLabel: "API key (viewer role)", keySave: "Save key",
    keyHint: "The key is kept only for this browser session.", province: "Province", year: "Year", overview: "Overview",
    forgetKey: "Forget key", conversion: "Conversion 2008 → 2015", annual: "Annual maintenance table", filter: "Filter by name",
    level: "Level", allLevels: "All", downloadCsv: "Download CSV", compliance: "Compliance flags", asOf: "State as of",
    timeline: "History",
    fresh: "Up to date: processed event {p} of {l}", behind: "{n} events behind", loading: "Loading…",
    badKey: "The key is not valid or lacks the role.", failedLoad: "Could not load", noFlags: "No flags.",
    byDistrict: "By district — click a level to see it", status: "Status", standardNow: "Standard",
    conversionState: "Conversion", board: "Steering board", lastAudit: "Last internal audit", lastReview: "Last management review",
    openNc: "Open nonconformities", flags: "Flags", mergedInto: "Merged into", members: "members", none: "—",
    recordedBy: "recorded by",
  },
};
// The conversion counts drawn as bar segments, with their colours.
const SEGMENTS = [["notDeclared", "--none"], ["on2008", "--s2008"], ["converting", "--converting"], ["converted", "--converted"]];

const state = {
  lang: localStorage.getItem("isoledger.lang") || "vi", vocabulary: null, provinces: [], conversion: null, annual: null,
  compliance: null, sort: null,
};
const $ = (id) => document.getElementById(id);
const t = (key) => TEXT[state.lang][key] ?? key;
// Numbers and dates as the reader's language writes them: 48,00 and 31/12/2020 in Vietnamese.
const locale = () => (state.lang === "vi" ? "vi-VN" : "en-GB");
const decimal = (value, digits) =>
  new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
const day = (iso) => (iso ? new Date(`${iso}T00:00:00Z`).toLocaleDateString(locale(), { timeZone: "UTC" }) : "");
const label = (term) => term[state.lang];
/** The label of a value the API answers with, from the vocabulary's list of that kind (the value if it has none). */
const term = (kind, value) => {
  const found = state.vocabulary[kind].find((entry) => entry.value === value);
  return found ? label(found) : value;
};
const key = () => sessionStorage.getItem("isoledger.key");

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value; else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

async function api(path) {
  const response = await fetch(path, { headers: { "X-Api-Key": key() } });
  if (response.status === 401 || response.status === 403) { showKeyForm(t("badKey")); throw new Error(t("badKey")); }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || problem.title || `${response.status}`);
  }
  return response.json();
}

function freshness(id, fresh) {
  $(id).textContent = fresh.lag > 0
    ? t("behind").replace("{n}", fresh.lag)
    : t("fresh").replace("{p}", fresh.processedSequence).replace("{l}", fresh.latestSequence);
}

function translatePage() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll("[data-i18n]").forEach((node) => { node.textContent = t(node.dataset.i18n); });
  $("language").textContent = state.lang === "vi" ? "EN" : "VI";
  $("language").setAttribute("aria-label", state.lang === "vi" ? "English" : "Tiếng Việt");
  document.title = `IsoLedger — ${t("title")}`;
}

function showKeyForm(message) {
  $("app").hidden = true;
  $("key-form").hidden = false;
  $("status").textContent = message || "";
  if (message) $("key-form").querySelector(".hint").textContent = message;
}

// --- Conversion -------------------------------------------------------------------------------------------

function bars(groups, label) {
  const width = 900, rowHeight = 34, labelWidth = 260;
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${groups.length * rowHeight + 4}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", t("conversion"));
  const max = Math.max(1, ...groups.map((g) => g.counts.total));
  groups.forEach((group, index) => {
    const y = index * rowHeight + 4;
    const row = document.createElementNS(svg.namespaceURI, "g");
    row.setAttribute("class", "bar-row");
    row.dataset.name = group.name;
    const name = document.createElementNS(svg.namespaceURI, "text");
    name.setAttribute("x", 0); name.setAttribute("y", y + 20); name.textContent = label(group.name);
    row.append(name);
    let x = labelWidth;
    for (const [segment, color] of SEGMENTS) {
      const value = group.counts[segment];
      if (!value) continue;
      const w = (value / max) * (width - labelWidth - 10);
      const rect = document.createElementNS(svg.namespaceURI, "rect");
      rect.setAttribute("x", x); rect.setAttribute("y", y); rect.setAttribute("width", w); rect.setAttribute("height", rowHeight - 8);
      rect.setAttribute("fill", getComputedStyle(document.documentElement).getPropertyValue(color));
      const tip = document.createElementNS(svg.namespaceURI, "title");
      tip.textContent = `${label(group.name)} — ${term("conversionColumns", segment)}: ${value}`;
      rect.append(tip);
      row.append(rect);
      x += w;
    }
    svg.append(row);
  });
  return svg;
}

function renderConversion() {
  const data = state.conversion.data;
  const levels = data.byLevel.map((l) => ({ name: l.level, counts: l.counts }));
  const chart = $("conversion-chart");
  chart.replaceChildren(bars(levels, (name) => term("levels", name)));
  chart.querySelectorAll(".bar-row").forEach((row) => row.addEventListener("click", () => renderDistricts(row.dataset.name)));
  $("conversion-legend").replaceChildren(...SEGMENTS.flatMap(([segment]) => [
    element("span", { class: `swatch ${segment}`, "aria-hidden": "true" }),
    document.createTextNode(term("conversionColumns", segment))]));
  const columns = state.vocabulary.conversionColumns;
  const head = element("tr", {}, element("th", { text: t("level") }),
    ...columns.map((c) => element("th", { class: "num", text: label(c) })));
  const row = (name, text, counts) => element("tr", { "data-level": name }, element("td", { text }),
    ...columns.map((c) => element("td", { class: "num", text: counts[c.value] })));
  $("conversion-table").replaceChildren(element("thead", {}, head), element("tbody", {},
    ...data.byLevel.map((l) => row(l.level, term("levels", l.level), l.counts)),
    row("total", label(state.vocabulary.total), data.totals)));
  freshness("conversion-freshness", state.conversion.freshness);
}

function renderDistricts(level) {
  const districts = state.conversion.data.byDistrict.map((d) => ({ name: d.district, counts: d.counts }));
  const chart = $("conversion-chart");
  const back = element("button", { type: "button", text: `← ${t("overview")}` });
  back.addEventListener("click", renderConversion);
  chart.replaceChildren(element("p", { class: "hint", text: `${term("levels", level)} · ${t("byDistrict")}` }), back,
    bars(districts, (name) => name));
}

// --- Annual table -----------------------------------------------------------------------------------------

function mark(value) { return value ? "✓" : ""; }

/** The report's standard column: the edition, or the conversion under way or done. */
function standardLabel(row) {
  if (!state.vocabulary.standards.some((s) => s.value === row.standard)) return "";
  if (row.conversion === "done" || row.conversion === "in-progress") return term("conversionStates", row.conversion);
  return row.standard;
}

/** A group's totals as the API computed them (the whole group, whatever the name filter shows). */
function totalsRow(name, totals) {
  if (!totals) return [];
  const units = `${totals.units} ${label(state.vocabulary.unitsCounted)}`;
  const cell = (column) => {
    if (column === "name") return element("td", { text: `${label(state.vocabulary.total)}: ${name} (${units})` });
    if (column === "reportSubmitted") {
      return element("td", { class: "num", text: `${totals.reportSubmitted} (${decimal(totals.reportedPercent, 2)}%)` });
    }
    return typeof totals[column] === "number" ? element("td", { class: "num", text: totals[column] }) : element("td");
  };
  return [element("tr", { class: "total" }, ...state.vocabulary.reportColumns.map((c) => cell(c.value)))];
}

function renderAnnual() {
  const table = state.annual.data;
  $("annual-year").textContent = table.year;
  const filter = $("annual-filter").value.trim().toLowerCase();
  const level = $("annual-level").value;
  let rows = table.rows.filter((r) => (!filter || r.name.toLowerCase().includes(filter)) && (!level || r.level === level));
  const columns = state.vocabulary.reportColumns;
  const head = element("tr", {}, ...columns.map((column) => {
    const field = column.value;
    if (field === "number") return element("th", { text: label(column) });
    const button = element("button", { type: "button", text: label(column) });
    button.addEventListener("click", () => { state.sort = state.sort?.field === field ? { field, down: !state.sort.down } : { field, down: false }; renderAnnual(); });
    const sorted = state.sort?.field === field ? (state.sort.down ? "descending" : "ascending") : "none";
    return element("th", { "aria-sort": sorted }, button);
  }));
  const body = element("tbody");
  let number = 0;
  const cell = (r, field) => {
    if (field === "number") return element("td", { class: "num", text: ++number });
    if (field === "name") {
      return element("td", {}, element("a", { href: `#unit/${encodeURIComponent(r.code)}`, text: r.name }));
    }
    if (field === "inspection") {
      return element("td", { text: r.inspection ? term("inspectionResults", r.inspection) : "" });
    }
    if (field === "standard") return element("td", { text: standardLabel(r) });
    return element("td", { class: "num", text: mark(r[field]) });
  };
  const line = (r) => element("tr", { "data-code": r.code }, ...columns.map((c) => cell(r, c.value)));
  const levelTotals = (name) => table.byLevel.find((g) => g.group === name);
  const group = (text) => element("tr", { class: "group" }, element("td", { colspan: String(columns.length), text }));
  if (state.sort) {
    const { field, down } = state.sort;
    rows = [...rows].sort((a, b) => String(a[field] ?? "").localeCompare(String(b[field] ?? ""), "vi") * (down ? -1 : 1));
    body.append(...rows.map(line),
      ...(level ? totalsRow(term("levels", level), levelTotals(level)) : totalsRow(table.province, table.totals)));
  } else {
    for (const levelName of state.vocabulary.levels.map((l) => l.value)) {
      const inLevel = rows.filter((r) => r.level === levelName);
      if (!inLevel.length) continue;
      body.append(group(term("levels", levelName)));
      const districts = levelName === "commune" ? [...new Set(inLevel.map((r) => r.district ?? ""))] : [null];
      for (const district of districts) {
        const inDistrict = district === null ? inLevel : inLevel.filter((r) => (r.district ?? "") === district);
        if (district !== null) body.append(group(district));
        body.append(...inDistrict.map(line));
        if (district !== null) body.append(...totalsRow(district, table.byDistrict.find((g) => g.group === district)));
      }
      body.append(...totalsRow(term("levels", levelName), levelTotals(levelName)));
    }
    if (!level) body.append(...totalsRow(table.province, table.totals));
  }
  $("annual-table").replaceChildren(element("thead", {}, head), body);
  freshness("annual-freshness", state.annual.freshness);
}

async function downloadCsv() {
  const url = `/api/reports/annual/${$("year").value}?province=${encodeURIComponent($("province").value)}&lang=${state.lang}`;
  const response = await fetch(url, { headers: { "X-Api-Key": key() } });
  const link = element("a", { href: URL.createObjectURL(await response.blob()), download: `iso-${$("year").value}.csv` });
  link.click();
  URL.revokeObjectURL(link.href);
}

// --- Compliance -------------------------------------------------------------------------------------------

/** The report's summary table (Phụ lục 9) as the API answers it: declared as counts, the other rows as x/y. */
function renderSummary() {
  const answer = state.summary;
  const columns = state.vocabulary.summaryColumns;
  const cell = (row, field) => (row.criterion === "declared" ? `${row[field].count}` : `${row[field].count}/${row[field].of}`);
  $("summary-year").textContent = answer.data.year;
  $("summary-table").replaceChildren(
    element("thead", {}, element("tr", {}, ...columns.filter((c) => c.value !== "note").map((c) => element("th", { scope: "col", text: label(c) })))),
    element("tbody", {}, ...answer.data.rows.map((row, index) => element("tr", { "data-criterion": row.criterion },
      element("td", { text: index + 1 }),
      element("th", { scope: "row", text: term("summaryRows", row.criterion) }),
      ...["total", "provincial", "district", "commune"].map((field) => element("td", { class: "num", text: cell(row, field) }))))));
  freshness("summary-freshness", answer.freshness);
}

function renderCompliance() {
  const answer = state.compliance;
  const flags = answer.data.flags;
  const byRule = Map.groupBy ? Map.groupBy(flags, (f) => f.rule) : flags.reduce((m, f) => m.set(f.rule, [...(m.get(f.rule) || []), f]), new Map());
  const list = $("compliance-list");
  list.replaceChildren(...(flags.length ? [...byRule].map(([rule, items]) => element("details", { "data-rule": rule },
    element("summary", { text: `${rule} (${items.length}) — ${term("rules", rule)}` }),
    element("ul", {}, ...items.map((f) => element("li", {},
      element("a", { href: `#unit/${encodeURIComponent(f.code)}`, text: f.name }),
      document.createTextNode(` · ${day(f.since)}${f.subject ? ` · ${f.subject}` : ""}`)))))) : [element("p", { text: t("noFlags") })]));
  freshness("compliance-freshness", answer.freshness);
}

// --- Unit page ----------------------------------------------------------------------------------------------

async function showUnit(code) {
  $("overview").hidden = true;
  $("unit").hidden = false;
  const asOf = $("as-of").value;
  const [status, timeline] = await Promise.all([
    api(`/api/dashboards/units/${encodeURIComponent(code)}${asOf ? `?asOf=${asOf}` : ""}`),
    api(`/api/dashboards/units/${encodeURIComponent(code)}/timeline`),
  ]);
  $("unit-title").textContent = `${status.name} (${status.code})`;
  const facts = [
    [t("level"), term("levels", status.level)], [t("standardNow"), term("standards", status.standard)],
    [t("conversionState"), term("conversionStates", status.conversion.state)],
    [t("board"), status.steeringBoard ? `${day(status.steeringBoard.formedOn)} · ${status.steeringBoard.members} ${t("members")}` : t("none")],
    [t("lastAudit"), day(status.lastInternalAudit) || t("none")], [t("lastReview"), day(status.lastManagementReview) || t("none")],
    [t("openNc"), status.openNonconformities.length], [t("flags"), status.flags.map((f) => f.rule).join(", ") || t("none")],
  ];
  if (status.mergedInto) facts.push([t("mergedInto"), status.mergedInto.intoCode]);
  $("unit-status").replaceChildren(...facts.flatMap(([name, value]) => [element("dt", { text: name }), element("dd", { text: value })]));
  $("timeline").replaceChildren(...timeline.map((e) =>
    element("li", {
      // A predecessor's steps are shown under its own name.
      text: `${day(e.businessDate)} — ${e.unit === code ? "" : `${e.unitName}: `}${term("events", e.event)}`
        + ` (${t("recordedBy")} ${e.recordedBy ?? "?"})`,
    })));
}

// --- Loading ----------------------------------------------------------------------------------------------

async function loadOverview() {
  const province = encodeURIComponent($("province").value);
  const year = $("year").value;
  $("status").textContent = t("loading");
  try {
    // Every panel is judged as of the chosen year's end (today for the current year), as the annual table is.
    const asOf = [`${year}-12-31`, new Date().toISOString().slice(0, 10)].sort()[0];
    const [conversion, annual, compliance, summary] = await Promise.all([
      api(`/api/dashboards/conversion?province=${province}&asOf=${asOf}`),
      api(`/api/dashboards/annual/${year}?province=${province}`),
      api(`/api/dashboards/compliance?province=${province}&asOf=${asOf}`),
      api(`/api/reports/summary/${year}?province=${province}`),
    ]);
    Object.assign(state, { conversion, annual, compliance, summary });
    renderConversion();
    renderAnnual();
    renderCompliance();
    renderSummary();
    $("status").textContent = "";
  } catch (error) {
    $("status").textContent = `${t("failedLoad")}: ${error.message}`;
  }
}

function fillLevels() {
  const chosen = $("annual-level").value;
  $("annual-level").replaceChildren(element("option", { value: "", text: t("allLevels") }),
    ...state.vocabulary.levels.map((l) => element("option", { value: l.value, text: label(l) })));
  $("annual-level").value = chosen;
}

function fillYears() {
  const summary = state.provinces.find((p) => p.province === $("province").value);
  const years = summary?.years.length ? summary.years : [new Date().getFullYear()];
  $("year").replaceChildren(...years.map((y) => element("option", { value: y, text: y })));
  $("year").value = years[years.length - 1];
}

// The province and year are in the address (?province=…&year=…), so a link reproduces the view and the back button
// returns to the previous one; the unit page stays in the hash.
function applyView() {
  const view = new URLSearchParams(location.search);
  const province = view.get("province");
  if (province && state.provinces.some((p) => p.province === province) && $("province").value !== province) {
    $("province").value = province;
    fillYears();
  }
  const year = view.get("year");
  if (year && [...$("year").options].some((o) => o.value === year)) $("year").value = year;
}

function recordView() {
  const view = new URLSearchParams({ province: $("province").value, year: $("year").value });
  history.pushState(null, "", `?${view}${location.hash}`);
}

async function route() {
  const match = location.hash.match(/^#unit\/(.+)$/);
  if (match) {
    await showUnit(decodeURIComponent(match[1])).catch((error) => { $("status").textContent = `${t("failedLoad")}: ${error.message}`; });
  } else {
    $("unit").hidden = true;
    $("overview").hidden = false;
  }
}

async function start() {
  translatePage();
  if (!key()) return showKeyForm();
  $("key-form").hidden = true;
  $("app").hidden = false;
  try {
    [state.vocabulary, state.provinces] = await Promise.all([
      state.vocabulary ?? api("/api/vocabulary"), api("/api/dashboards/provinces")]);
  } catch (error) {
    return;
  }
  $("province").replaceChildren(...state.provinces.map((p) => element("option", { value: p.province, text: `${p.province} (${p.units})` })));
  fillLevels();
  fillYears();
  applyView();
  await loadOverview();
  await route();
}

document.addEventListener("DOMContentLoaded", () => {
  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem("isoledger.key", $("key").value.trim());
    start();
  });
  $("forget-key").addEventListener("click", () => { sessionStorage.removeItem("isoledger.key"); showKeyForm(); });
  $("language").addEventListener("click", () => {
    state.lang = state.lang === "vi" ? "en" : "vi";
    localStorage.setItem("isoledger.lang", state.lang);
    translatePage();
    if (!state.vocabulary) return;
    fillLevels();
    if (state.conversion) { renderConversion(); renderAnnual(); renderCompliance(); renderSummary(); }
    if (!$("unit").hidden) route();
  });
  $("province").addEventListener("change", () => { fillYears(); recordView(); loadOverview(); });
  $("year").addEventListener("change", () => { recordView(); loadOverview(); });
  window.addEventListener("popstate", () => { applyView(); loadOverview(); });
  $("annual-filter").addEventListener("input", renderAnnual);
  $("annual-level").addEventListener("change", renderAnnual);
  $("annual-csv").addEventListener("click", downloadCsv);
  $("as-of").addEventListener("change", route);
  $("home-link").addEventListener("click", (event) => { event.preventDefault(); location.hash = ""; });
  window.addEventListener("hashchange", route);
  setInterval(() => { if (key() && !$("app").hidden && !$("overview").hidden) loadOverview(); }, 30_000);
  start();
});
