"use strict";
// The IsoLedger dashboard: reads the public dashboard and report endpoints with a viewer key kept in session storage.
// TEXT holds the page's own words only; every name of a value the API answers with (levels, standards, conversion
// states, inspection results, rules, events, column names, the report's sentences) comes from GET /api/vocabulary,
// and every figure from the API's answers. One date drives every panel: a year (judged at its end, today for the
// running year) or a day of it, both in the address with the view, so a link reproduces what is on screen.

const TEXT = {
  vi: {
    title: "Bảng điều khiển ISO 9001", keyLabel: "Khóa API (vai trò viewer)", keySave: "Lưu khóa",
    keyHint: "Khóa chỉ được giữ trong phiên trình duyệt này.",
    province: "Tỉnh", year: "Năm", date: "Tại ngày", yearEnd: "Cuối năm",
    dateFormat: "dd/mm/yyyy",
    dateHint: "Ngày/tháng/năm, ví dụ 30/06/2020; trên bàn phím số: 30.06.2020, 30,06,2020 hoặc 30062020.",
    badDate: "“{v}” không phải một ngày từ 01/01/2000 đến hôm nay.",
    overview: "Tổng quan", report: "Báo cáo năm", national: "Toàn quốc", print: "In / PDF",
    forgetKey: "Quên khóa", conversion: "Chuyển đổi 2008 → 2015",
    annual: "Bảng duy trì năm", filter: "Lọc theo tên",
    level: "Cấp", allLevels: "Tất cả",
    downloadCsv: "Tải CSV", downloadXlsx: "Tải XLSX", compliance: "Cảnh báo tuân thủ",
    timeline: "Lịch sử", judged: "Số liệu tại ngày {d}", judgedIn: "{p}: số liệu tại ngày {d}",
    reportTitle: "Báo cáo năm {y} — {p}",
    fresh: "Cập nhật: dữ liệu đã xử lý đến sự kiện {p}/{l}", behind: "Đang chậm {n} sự kiện", loading: "Đang tải…",
    badKey: "Khóa không hợp lệ hoặc không đủ quyền.", noKey: "Hãy nhập khóa API.", failedLoad: "Không tải được dữ liệu",
    unreachable: "Không kết nối được với máy chủ. Hãy kiểm tra mạng rồi thử lại.",
    noNetwork: "Thiết bị đang mất mạng: hãy thử lại khi có mạng trở lại.",
    serverError: "Máy chủ gặp lỗi ({s}). Hãy thử lại sau ít phút.",
    timedOut: "Máy chủ không trả lời sau {n} giây. Hãy kiểm tra mạng rồi thử lại.",
    notRefreshed: "Không cập nhật được số liệu (số liệu dưới đây là của lần tải trước)",
    offline: "Mất kết nối mạng: số liệu đang hiển thị là của lần tải trước; trang sẽ cập nhật khi có mạng trở lại.",
    noFlags: "Không có cảnh báo.",
    byDistrict: "Theo huyện", byUnit: "Từng đơn vị", back: "← Tất cả các cấp",
    status: "Tình trạng", standardNow: "Tiêu chuẩn",
    conversionState: "Chuyển đổi", board: "Ban chỉ đạo",
    lastAudit: "Đánh giá nội bộ gần nhất", lastReview: "Xem xét của lãnh đạo gần nhất",
    openNc: "Điểm không phù hợp đang mở", flags: "Cảnh báo",
    mergedInto: "Đã sáp nhập vào", members: "thành viên", none: "—",
    splitInto: "Đã chia tách thành", tookOver: "Tiếp nhận từ", ended: "Chấm dứt hoạt động",
    notYet: "Ngày {d} đơn vị chưa tồn tại; đơn vị có từ ngày {f}.",
    recordedBy: "ghi bởi", unitsBehind: "Các đơn vị được tính", close: "Đóng",
    noYears: "{p} chưa có năm nào có số liệu (báo cáo, đánh giá nội bộ, xem xét của lãnh đạo) "
      + "đến ngày {d}.",
    noUnits: "{p} không có đơn vị nào vào ngày {d}, nên không có số liệu để hiển thị. Hãy chọn năm hoặc tỉnh khác.",
    noProvinces: "Chưa có tỉnh nào có đơn vị vào ngày {d}.",
    noRecords: "Chưa có đơn vị nào được ghi nhận, nên chưa có tỉnh nào để xem. Hãy nhập báo cáo của một tỉnh.",
    filtered: "Chỉ hiện {n} đơn vị lọc theo: {f} (các dòng tổng tính mọi đơn vị của nhóm).",
    restructuredMarks: "Đường đứt: năm có sắp xếp đơn vị (−số đơn vị chấm dứt / +số đơn vị mới).",
    trendYears: "Xem số liệu năm:",
    page: "Trang", editions: "Phiên bản tiêu chuẩn", retry: "Thử lại", pickers: "Chọn",
    unknownProvince: "Không có tỉnh “{p}”; đang hiển thị {q}.", skip: "Bỏ qua phần chọn, đến số liệu",
    noUnit: "Không có đơn vị mã “{c}”.", notFound: "Máy chủ không tìm thấy dữ liệu được hỏi (404).",
    refused: "Máy chủ không chấp nhận yêu cầu ({s}).",
    languageCode: "VI", languageName: "Tiếng Việt",
  },
  en: {
    title: "ISO 9001 dashboard", keyLabel: "API key (viewer role)", keySave: "Save key",
    keyHint: "The key is kept only for this browser session.",
    province: "Province", year: "Year", date: "As of", yearEnd: "Year end",
    dateFormat: "dd/mm/yyyy",
    dateHint: "Day/month/year, for example 30/06/2020; on a keypad of digits: 30.06.2020, 30,06,2020 or 30062020.",
    badDate: "“{v}” is not a day from 01/01/2000 up to today.",
    overview: "Overview", report: "Annual report", national: "National", print: "Print / PDF",
    forgetKey: "Forget key", conversion: "Conversion 2008 → 2015",
    annual: "Annual maintenance table", filter: "Filter by name",
    level: "Level", allLevels: "All",
    downloadCsv: "Download CSV", downloadXlsx: "Download XLSX", compliance: "Compliance flags",
    timeline: "History", judged: "Figures as of {d}", judgedIn: "{p}: figures as of {d}",
    reportTitle: "Annual report {y} — {p}",
    fresh: "Up to date: processed event {p} of {l}", behind: "{n} events behind", loading: "Loading…",
    badKey: "The key is not valid or lacks the role.", noKey: "Type the API key.", failedLoad: "Could not load",
    unreachable: "The server cannot be reached. Check the network and try again.",
    noNetwork: "The device is offline: try again once the network is back.",
    serverError: "The server failed ({s}). Try again in a few minutes.",
    timedOut: "The server did not answer within {n} seconds. Check the network and try again.",
    notRefreshed: "Could not refresh the figures (those below are from the last load)",
    offline: "The network is gone: the figures shown are from the last load; the page refreshes once it is back.",
    noFlags: "No flags.",
    byDistrict: "By district", byUnit: "Unit by unit", back: "← All levels",
    status: "Status", standardNow: "Standard",
    conversionState: "Conversion", board: "Steering board",
    lastAudit: "Last internal audit", lastReview: "Last management review",
    openNc: "Open nonconformities", flags: "Flags",
    mergedInto: "Merged into", members: "members", none: "—",
    splitInto: "Split into", tookOver: "Took over", ended: "Ceased to exist",
    notYet: "On {d} the unit did not exist yet; it exists from {f}.",
    recordedBy: "recorded by", unitsBehind: "The units counted", close: "Close",
    noYears: "{p} has no year with data (a report, an internal audit, a management review) by {d}.",
    noUnits: "{p} had no units on {d}, so there are no figures to show. Choose another year or province.",
    noProvinces: "No province had units on {d}.",
    noRecords: "No unit has been recorded yet, so there is no province to show. Import a province's report first.",
    filtered: "Showing only the {n} units filtered by: {f} (totals count every unit of their group).",
    restructuredMarks: "Dashed line: a year units were restructured (−units ended / +units formed).",
    trendYears: "Show the figures of:",
    page: "Page", editions: "Editions of the standard", retry: "Try again", pickers: "Choose",
    unknownProvince: "There is no province “{p}”; showing {q}.", skip: "Skip to the figures",
    noUnit: "There is no unit “{c}”.", notFound: "The server found nothing of what was asked (404).",
    refused: "The server did not accept the request ({s}).",
    languageCode: "EN", languageName: "English",
  },
};
// The conversion counts drawn as bar segments, with their colours.
const SEGMENTS = [
  ["notDeclared", "--none"], ["on2000", "--s2000"], ["on2008", "--s2008"], ["converting", "--converting"],
  ["converted", "--converted"],
];
// The units on 2000, the edition before 2008, are keyed and tabled only where some are counted: a table of the years
// since 2015 has none, and a column of noughts would only narrow a phone's table.
const WHERE_COUNTED = new Set(["on2000"]);
/** The segments (or columns, by their value) of <items> that the counts <counted> give a place. */
const counted = (items, countsList, key = ([segment]) => segment) => items.filter((item) =>
  !WHERE_COUNTED.has(key(item)) || countsList.some((counts) => counts[key(item)] > 0));
const TREND_COLOURS = ["--accent", "--converted", "--s2008", "--converting"];
// The same counts year by year, below the trend lines: in colours of their own, so that a bar is not read as a line
// (not declared, drawn by no line, keeps its grey).
const YEAR_COLOURS = { on2008: "--year-2008", converting: "--year-converting", converted: "--year-converted" };
const YEAR_SEGMENTS = SEGMENTS.map(([segment, colourName]) => [segment, YEAR_COLOURS[segment] ?? colourName]);
const VIEWS = ["overview", "report", "trends", "national"];

const state = {
  lang: localStorage.getItem("isoledger.lang") || "vi", vocabulary: null, provinces: [], view: "overview", asOf: "",
  conversion: null, editions: null, annual: null, compliance: null, summary: null,
  report: null, trends: null, national: null,
  sort: null,
  drill: null,
  // The year whose figures the trends chart shows below it, chosen by the reader and kept in the address (none: the
  // last year).
  trendYear: null,
  // Whether the pickers fold on this screen (see fitPickers).
  pickersFold: null,
  // The width of the paper, in CSS pixels, while the page is being printed (the charts are drawn at it).
  paperWidth: null,
  // The address's query the view is drawn for, and whether it must be drawn again once shown.
  search: location.search,
  viewStale: false,
  // The number of the last load begun: a load's answers are drawn only while it is the last (see load); the same for
  // a unit's page, and the unit whose facts it shows.
  loads: 0,
  // The province, year and day each view's answers were asked for.
  drawnFor: {},
  // The answers of the views last loaded, by view, province, year and day (see remember): the back button draws them
  // again rather than asking for them anew.
  loaded: new Map(),
  unitLoads: 0,
  unitDrawn: null,
  // The answers a first load asked for before the vocabulary and the provinces had answered, by path (see askEarly).
  early: new Map(),
};
const $ = (id) => document.getElementById(id);
const t = (key) => TEXT[state.lang][key] ?? key;
// Numbers and dates as the reader's language writes them: 40,37 and 19/11/2020 in Vietnamese.
const locale = () => (state.lang === "vi" ? "vi-VN" : "en-GB");
/** A count as the page's language writes it: 1.211 in Vietnamese, 1,211 in English (a year is not a count). */
const count = (value) => new Intl.NumberFormat(locale()).format(value);
/** A share as the reports write it (40,37 %), the sign kept on the number's line. */
const percent = (value) => `${decimal(value, 2)}\u00a0%`;
const decimal = (value, digits) =>
  new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
const day = (iso) => (iso
  ? new Date(`${iso}T00:00:00Z`).toLocaleDateString(locale(),
    { timeZone: "UTC", day: "2-digit", month: "2-digit", year: "numeric" })
  : "");
const label = (term) => term[state.lang];
/** The label of a value the API answers with, from the vocabulary's list of that kind (the value if it has none). */
const term = (kind, value) => {
  const found = state.vocabulary[kind].find((entry) => entry.value === value);
  return found ? label(found) : value;
};
const key = () => sessionStorage.getItem("isoledger.key");
/** Today where the units are (Vietnam, UTC+7), as the API judges a day "after today": by the browser's own calendar,
 * one abroad (or set to UTC) was still on the day before in Vietnam's morning, and refused Vietnam's today. */
const today = () => {
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en", {
    timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit",
  }).formatToParts(new Date()).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
};
const province = () => $("province").value;
const year = () => $("year").value;
/** The province, year and day (none: the year's end) the pickers choose, which the view's answers are asked for. */
const picked = () => ({ province: province(), year: year(), asOf: state.asOf });
/** The day every panel is judged on: the date asked, or the year's end (today for the running year). */
/** The first day the API records and judges (its facts are from 2000 on, when the first units declared). */
const EARLIEST_DAY = "2000-01-01";
const judgedOn = ({ year: asked, asOf } = picked()) => asOf || [`${asked}-12-31`, today()].sort()[0];
const q = (on = picked()) => `province=${encodeURIComponent(on.province)}`;
const asOfQuery = ({ asOf } = picked()) => (asOf ? `&asOf=${asOf}` : "");
const fill = (text, values) =>
  Object.entries(values).reduce((out, [name, value]) => out.replaceAll(`{${name}}`, value), text);
/** <text>'s placeholders filled as fill does, as the parts of an element: a value that is a node (a place's name,
 * marked Vietnamese) put in as it is. */
const fillParts = (text, values) => text.split(/(\{\w+\})/).filter(Boolean)
  .map((part) => (/^\{\w+\}$/.test(part) && part.slice(1, -1) in values ? values[part.slice(1, -1)] : part))
  .map((part) => (part instanceof Node ? part : String(part)));

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value; else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}
/** A Vietnamese proper name (a province's, a district's, a unit's) as written in a sentence or a table of the page:
 * marked so, a screen reader reads it with a Vietnamese voice on the English page too (with an English one it
 * had mangled "Hướng Hóa"). */
const placeName = (name) => element("span", { lang: "vi", text: name });
/** A table's scrolling box, a region named by the heading <titleId> (a keyboard reaches it where it scrolls). */
const tableBox = (titleId, table) =>
  element("div", { class: "scroll", role: "region", "aria-labelledby": titleId }, table);
/** A link to a unit's page. Units' names are Vietnamese on the English page too: marked so, a screen reader reads
 * them with a Vietnamese voice. A line may end after a "+" joining two former units' names ("xã Triệu Thành+Triệu
 * Đông"), as after a hyphen: a table's words are not broken inside, and "Thượng+Vĩnh" had been wider than 60 % of a
 * phone's table at a font of 32 px. */
const unitLink = (code, name) => element("a", { href: `#unit/${encodeURIComponent(code)}`, lang: "vi" },
  ...(name ?? code).split(/(?<=\+)/).flatMap((part, n) => (n ? [element("wbr"), part] : [part])));
/** An SVG element. A fill or stroke given as a colour of the style sheet's (--converted) is painted with it through
 * the style object, so that a chart follows the palette in use (the dark screen's, the paper's) without being drawn
 * again; the page's CSP forbids style attributes. */
const svgElement = (tag, attributes = {}, text) => {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attributes)) {
    if ((name === "fill" || name === "stroke") && String(value).startsWith("--")) node.style[name] = `var(${value})`;
    else node.setAttribute(name, value);
  }
  if (text !== undefined) node.textContent = text;
  return node;
};

/** How long an answer is waited for, in seconds: a server that never answers (a dead mobile link, a stuck proxy) had
 * left the loading line on screen for ever. A whole year's report on a slow 3G link comes well within it. */
const PATIENCE_SECONDS = 30;
/** How often the shown view's figures are asked again, in seconds. */
const REFRESH_SECONDS = 30;

/** An answer of the API with the reader's key, read by `read` (its JSON, its file). What keeps it from being one is
 * thrown in the page's language: the server out of reach or not answering in time (the browser's own words are
 * English), the server failing (its words are for its log), or a problem the API states (said by its kind, not found
 * or not accepted; the problem kept as the error's). A refused key shows the key's form. */
async function answer(path, read) {
  const patience = new AbortController();
  const timer = setTimeout(() => patience.abort(), PATIENCE_SECONDS * 1000);
  // A device with no network (a page opened from the browser's cache, a phone out of coverage) is told so, not to
  // check a server it cannot reach; the page's figures are asked again once the network is back (the online event).
  const unanswered = () => (patience.signal.aborted ? phrased("timedOut", { n: PATIENCE_SECONDS })
    : phrased(navigator.onLine ? "unreachable" : "noNetwork"));
  try {
    const response = await fetch(path, { headers: { "X-Api-Key": key() }, signal: patience.signal })
      .catch(() => { throw unanswered(); });
    if (response.status === 401 || response.status === 403) { showKeyForm("badKey"); throw phrased("badKey"); }
    if (response.status >= 500) throw phrased("serverError", { s: response.status });
    if (!response.ok) {
      // The problem's own sentences are English: what is said is the page's, the problem kept for what the page
      // reads from it (a unit's first day).
      const problem = await response.json().catch(() => ({}));
      const said = response.status === 404 ? "notFound" : "refused";
      throw Object.assign(phrased(said, { s: response.status }), { problem, said });
    }
    return await read(response).catch(() => { throw unanswered(); });
  } finally {
    clearTimeout(timer);
  }
}

/** An error said in the page's words, <key> of TEXT filled with <values>: said again in the other language when the
 * page switches (see sayFailure). */
const phrased = (key, values = {}) => Object.assign(new Error(fill(t(key), values)), { key, values });
/** An error's words in the page's language now. */
const words = (error) => (error.key ? fill(t(error.key), error.values) : error.message);

/** Says on the status line that the figures could not be had (<head>, a key of TEXT) and why, with a way to try
 * again; switched to the other language, the page says it again in that one. */
function sayFailure(head, error, retry) {
  const say = () => {
    $("status").replaceChildren(document.createTextNode(`${t(head)}: ${words(error)} `), retryButton(retry));
    state.failureSaid = { node: $("status").firstChild, say };
  };
  say();
}

/** An answer's JSON: one asked early for this path (see askEarly), else asked now. */
function api(path) {
  const early = state.early.get(path);
  state.early.delete(path);
  return early ?? answer(path, (response) => response.json());
}

/** Downloads a file the API writes, in the page's language; while it comes (seconds on a slow network: a button
 * pressed to no visible effect is pressed again) and if it fails, it is said beside the button pressed (the status
 * line may be a screen away). */
async function download(path, name, button) {
  button.parentElement.querySelector(".download-error")?.remove();
  const loading = element("span", { class: "hint download-note", role: "status", text: ` ${t("loading")}` });
  button.after(loading);
  let file;
  try {
    file = await answer(`${path}&lang=${state.lang}`, (response) => response.blob());
  } catch (error) {
    loading.replaceWith(element("span",
      { class: "error download-error", role: "alert", text: ` ${t("failedLoad")}: ${error.message}` }));
    return;
  }
  loading.remove();
  const link = element("a", { href: URL.createObjectURL(file), download: name });
  link.click();
  URL.revokeObjectURL(link.href);
}

function freshness(id, fresh) {
  $(id).textContent = fresh.lag > 0
    ? t("behind").replace("{n}", count(fresh.lag))
    : t("fresh").replace("{p}", count(fresh.processedSequence)).replace("{l}", count(fresh.latestSequence));
}

function translatePage() {
  document.documentElement.lang = state.lang;
  document.querySelectorAll("[data-i18n]").forEach((node) => { node.textContent = t(node.dataset.i18n); });
  document.querySelectorAll("[data-i18n-label]")
    .forEach((node) => node.setAttribute("aria-label", t(node.dataset.i18nLabel)));
  document.querySelectorAll("[data-i18n-placeholder]")
    .forEach((node) => node.setAttribute("placeholder", t(node.dataset.i18nPlaceholder)));
  // Headings that are the vocabulary's titles (those of the exported sheets) wait for it, hidden until it answers.
  if (state.vocabulary) {
    document.querySelectorAll("[data-term]").forEach((node) => {
      node.textContent = label(state.vocabulary[node.dataset.term]);
    });
  }
  // The button names the other language in that language, and a screen reader speaks it so: its code as shown and
  // its name, so that the name said to a voice control is the one on the button.
  const other = state.lang === "vi" ? "en" : "vi";
  $("language").textContent = TEXT[other].languageCode;
  $("language").setAttribute("aria-label", `${TEXT[other].languageCode} — ${TEXT[other].languageName}`);
  $("language").lang = other;
  titlePage();
}

/** The window's title names what is shown (a unit, or a view of a province in a year), so that the browser's history
 * and tabs, and a screen reader arriving at the page, tell one place from another; the dashboard's name until the
 * vocabulary, which names a view, has answered. */
function titlePage() {
  const tab = document.querySelector(`#tabs a[data-view="${state.view}"]`);
  const place = !state.vocabulary || $("app").hidden ? []
    : !$("unit").hidden ? [$("unit-title").textContent]
      : [tab.textContent, ...(state.view === "national" ? [] : [province()]), year()];
  document.title = [...place.filter(Boolean), `IsoLedger — ${t("title")}`].join(" · ");
}

/** The key's form, the page's figures hidden; <problem> names the TEXT that says why the key was refused, if it was. */
function showKeyForm(problem) {
  $("app").hidden = true;
  $("key-form").hidden = false;
  titlePage();
  // A forgotten or refused key does not stay in the field.
  $("key").value = "";
  markKey(problem);
}

/** The key's field marked with the TEXT <problem> names (none: unmarked) and focused: the problem is announced, in
 * the page's language whichever it is switched to, until a key is forgotten. */
function markKey(problem) {
  if (problem) {
    $("key").setAttribute("aria-invalid", "true");
    $("key-error").dataset.i18n = problem;
  } else {
    $("key").removeAttribute("aria-invalid");
    delete $("key-error").dataset.i18n;
  }
  $("key-error").textContent = problem ? t(problem) : "";
  $("key").focus();
}

// --- Charts -----------------------------------------------------------------------------------------------

/** How many times the reader's root font is the 16 px that the charts' sizes are written for. The charts are drawn in
 * CSS pixels, at their own width: their text grows with a larger font setting only if multiplied by this. */
const textScale = () => parseFloat(getComputedStyle(document.documentElement).fontSize) / 16;

/** The width a chart is drawn at: its box's, however narrow (a phone at 200 % zoom is 195 px wide), so that it is
 * never scaled down, its text with it, but laid out anew; 900 for a box not laid out (hidden); the paper's while the
 * page is about to be printed (see paperWidth). */
const drawingWidth = (container) => state.paperWidth ?? (Math.round(container.clientWidth) || 900);

/** The width the page prints on, in CSS pixels, as the style sheet gives it (.paper-width). Known before the browser
 * lays the page out for the paper, where the charts' boxes are still the screen's. */
function paperWidth() {
  const probe = element("div", { class: "paper-width", "aria-hidden": "true" });
  document.body.append(probe);
  const width = Math.round(probe.getBoundingClientRect().width);
  probe.remove();
  return width;
}

const measure = document.createElement("canvas").getContext("2d");
/** How wide `text` is written at font size `size` in the page's font, which a chart's text is in: measured, not
 * reckoned from its letters (Quảng Bình's "Thành phố Đồng Hới", of 18 letters, had been reckoned to fit a line its
 * wide letters ran 7 px past on a phone at a font of 32 px). */
const textWidth = (text, size) => {
  measure.font = `${size}px ${getComputedStyle(document.body).fontFamily}`;
  return measure.measureText(text).width;
};

/** A text cut to what fits in `width` units at font size `size`, with an ellipsis (its whole in a title); three
 * letters at least. */
const fitted = (text, width, size) => {
  if (textWidth(text, size) <= width) return text;
  let kept = text.slice(0, -1);
  while (kept.length > 3 && textWidth(`${kept}…`, size) > width) kept = kept.slice(0, -1);
  return `${kept}…`;
};

/** A text broken at its spaces into lines of what fits in `width` units at font size `size` each; a word longer than a
 * line is cut to it. */
const lines = (text, width, size) => text.split(" ").reduce((all, word) => {
  const joined = all.length ? `${all.at(-1)} ${word}` : word;
  return all.length && fitted(joined, width, size) === joined ? [...all.slice(0, -1), joined] : [...all, word];
}, []).map((line) => fitted(line, width, size));

/** Stacked bars of <segments>, one row per group ({name, counts, and lang: its name's language, a place's name being
 * Vietnamese on the English page}), drawn at the chart's own width so that text stays readable on a phone: on a
 * narrow screen each group's name sits above its bar. With <onOpen>, each row is a button that opens its group. */
function bars(container, groups, segments, name, aria, onOpen = null) {
  // No group, no chart (a province with nothing on the day says so in words): an empty drawing had no height.
  if (!groups.length) {
    container.replaceChildren();
    return;
  }
  const scale = textScale();
  const width = drawingWidth(container);
  // Larger text leaves less room for names beside the bars: it moves them above the bars on wider screens too.
  const compact = width < 560 * scale;
  const labelWidth = compact ? 0 : Math.min(280 * scale, width * 0.32);
  const barHeight = (compact ? 24 : 26) * scale;
  const nameSize = 14 * scale, lineHeight = 20 * scale;
  // Above its bar (a phone) a name is written whole, on as many lines as it takes (a large font had cut "UBND huyện,
  // thị xã, thành phố" to "UBND huyện, thị …", its whole in a title no finger hovers); beside it, cut to its column.
  const names = groups.map((group) => (compact ? lines(name(group.name), width, nameSize)
    : [fitted(name(group.name), labelWidth - 8, nameSize)]));
  // Rows of 44 units or more: each row is a touch target where it opens something.
  const heights = names.map((written) =>
    Math.max(compact ? 52 : 44, (compact ? lineHeight * written.length : 5) + barHeight + (compact ? 8 : 13)));
  const tops = heights.map((_, index) => heights.slice(0, index).reduce((sum, height) => sum + height, 0));
  // Every count is in its row's name, so that a screen reader and a keyboard reach what a mouse hovers.
  const written = groups.map((group) => `${name(group.name)} — ${segments.filter(([segment]) => group.counts[segment])
    .map(([segment]) => `${term("conversionColumns", segment)}: ${count(group.counts[segment])}`).join("; ")}`);
  // An image is one thing to a screen reader, its parts unread: its name says every row's counts (the trends' bars
  // per year had been named "Conversion" alone). Bars that are buttons are a group of them, each named so.
  const svg = svgElement("svg", { viewBox: `0 0 ${width} ${tops.at(-1) + heights.at(-1) + 6}`,
    role: onOpen ? "group" : "img", "aria-label": onOpen ? aria : `${aria}: ${written.join(" | ")}` });
  const max = Math.max(1, ...groups.map((g) => g.counts.total));
  // Room beside the longest bar for its total as written (40 units had been too few for "12.500").
  const totalRoom = textWidth(count(max), 13 * scale) + 8 * scale;
  groups.forEach((group, index) => {
    const y = tops[index] + 4;
    const row = svgElement("g", { class: "bar-row", "data-name": group.name,
      ...(onOpen ? { tabindex: "0", role: "button", "aria-label": written[index] } : {}) });
    if (onOpen) {
      // The whole row answers a click or a tap, not only its bars and text.
      row.classList.add("opens");
      row.addEventListener("click", () => onOpen(group.name));
      row.addEventListener("keydown", (event) => {
        if (event.key !== "Enter" && event.key !== " ") return;
        // Space on a button opens it; it must not also scroll the page away from what it opened.
        event.preventDefault();
        onOpen(group.name);
      });
    } else {
      row.append(svgElement("title", {}, written[index]));
    }
    row.append(svgElement("rect", { x: 0, y: y - 4, width, height: heights[index], fill: "transparent" }));
    const top = y + (compact ? lineHeight * names[index].length : 5);
    const baseline = top + barHeight - 8 * scale;
    // Never run under the bars; its whole is in the title.
    const label = svgElement("text", { x: 0, y: compact ? y + 14 * scale : baseline, "font-size": nameSize,
      ...(group.lang ? { lang: group.lang } : {}) });
    label.append(...names[index].map((line, n) => svgElement("tspan", { x: 0, dy: n ? lineHeight : 0 }, line)),
      svgElement("title", {}, name(group.name)));
    row.append(label);
    let x = labelWidth;
    for (const [segment, colourName] of segments) {
      const value = group.counts[segment];
      if (!value) continue;
      const w = (value / max) * (width - labelWidth - totalRoom);
      // Parted from the segment beside it by a line of the card's colour: two colours side by side may be alike to some
      // eyes.
      const rect = svgElement("rect",
        { x, y: top, width: w, height: barHeight, fill: colourName, stroke: "--card", "data-segment": segment });
      rect.append(svgElement("title", {},
        `${name(group.name)} — ${term("conversionColumns", segment)}: ${count(value)}`));
      row.append(rect);
      // The count written on its segment where it fits, so that a phone shows what a mouse would hover.
      if (w >= (8 * count(value).length + 8) * scale) {
        row.append(svgElement("text", { x: x + w / 2, y: baseline, "font-size": 12 * scale, "text-anchor": "middle",
          // In the colour written for the segment (4.5:1 on it), in either set of colours.
          class: segment === "converting" || segment === "notDeclared" ? "on-pale" : "on-mark",
          "aria-hidden": "true" }, count(value)));
      }
      x += w;
    }
    row.append(svgElement("text", { x: x + 4, y: baseline, "font-size": 13 * scale }, count(group.counts.total)));
    svg.append(row);
  });
  container.replaceChildren(svg);
  return svg;
}

/** A legend's colour sample in the style sheet's colour <colourName>, through the style object (the page's CSP forbids
 * style attributes), so that it follows the palette in use as the charts do. */
function swatch(colourName) {
  const node = element("span", { class: "swatch", "aria-hidden": "true" });
  node.style.background = `var(${colourName})`;
  return node;
}

function legend(id, entries) {
  // Each colour stays on the line of its label when the legend wraps.
  $(id).replaceChildren(...entries.map(([text, colourName]) =>
    element("span", { class: "entry" }, swatch(colourName), document.createTextNode(text))));
}

/** The key to a chart of conversion bars, from the segments that chart is drawn with. */
const conversionLegend = (id, segments) =>
  legend(id, segments.map(([segment, colourName]) => [term("conversionColumns", segment), colourName]));

// --- Conversion -------------------------------------------------------------------------------------------

/** The conversion panel: its chart (the levels, or the level opened) drawn at its width, its key and its table. */
function renderConversion() {
  const data = state.conversion.data;
  $("drill-error")?.remove();
  // A level opened from the address is drawn once its answer has come.
  if (state.drill?.data) drawDrill();
  else {
    // Opened by the reader, the drill-down takes the focus (its way back), so a keyboard keeps its place; the address
    // keeps it, so that the back button closes it.
    bars($("conversion-chart"), data.byLevel.map((l) => ({ name: l.level, counts: l.counts })), SEGMENTS,
      (name) => term("levels", name), t("conversion"), openLevel);
  }
  conversionLegend("conversion-legend", counted(SEGMENTS, [data.totals]));
  countsTable($("conversion-table"), t("level"), [
    ...data.byLevel.map((l) => ({ attributes: { "data-level": l.level }, text: term("levels", l.level),
      counts: l.counts })),
    { attributes: { "data-level": "total" }, text: label(state.vocabulary.total), counts: data.totals }]);
  freshness("conversion-freshness", state.conversion.freshness);
}

/** A table of conversion counts, a row per group of bars ({attributes, text or a node naming it, counts}): every
 * count the bars show, written — a phone shows no title on hover, and a segment too narrow for its count has none
 * written on it. */
function countsTable(table, heading, rows) {
  const columns = counted(state.vocabulary.conversionColumns, rows.map((row) => row.counts), (c) => c.value);
  const head = element("tr", {}, element("th", { text: heading }),
    ...columns.map((c) => element("th", { class: "num", text: label(c) })));
  table.replaceChildren(element("thead", {}, head), element("tbody", {}, ...rows.map(({ attributes, text, counts }) =>
    element("tr", attributes, element("td", {}, text),
      ...columns.map((c) => element("td", { class: "num", text: count(counts[c.value]) }))))));
  return table;
}

/** Opens a level's drill-down, its answer kept so that the chart can be drawn again at another width at once; true
 * once drawn. An answer that comes after another province or day was chosen is of figures no longer shown: dropped. */
async function drillInto(level) {
  const asked = `${q()}&asOf=${judgedOn()}`;
  const answer = await api(`/api/dashboards/conversion?${asked}&level=${encodeURIComponent(level)}`);
  if (asked !== `${q()}&asOf=${judgedOn()}`) return false;
  state.drill = { level, data: answer.data };
  const loaded = state.loaded.get(loadedKey());
  if (loaded) loaded.levels[level] = answer.data;
  redrawConversion();
  return true;
}

/** Opens the level the reader tapped: the address keeps it, and the focus goes to its way back. A failure is said
 * above the chart, where the reader is (the status line may be a screen away), with a way to try again. */
function openLevel(level, { chosen = true } = {}) {
  $("drill-error")?.remove();
  drillInto(level).then((opened) => {
    if (!opened || !chosen) return;
    recordView();
    $("drill-back")?.focus();
  }, (error) => {
    // A refused key has shown the key's form instead.
    if ($("app").hidden) return;
    $("conversion-chart").before(element("p", { id: "drill-error", class: "error", role: "alert" },
      `${t("failedLoad")}: ${error.message} `, retryButton(() => openLevel(level))));
  });
}

/** The open drill-down: that level's units only, by district where it has districts of its own (communes, each of
 * them in one: bars by district would leave out a commune in none), unit by unit otherwise. */
function drawDrill() {
  const { level, data } = state.drill;
  const chart = $("conversion-chart");
  const back = element("button", { type: "button", id: "drill-back", text: t("back") });
  back.addEventListener("click", () => {
    state.drill = null;
    recordView();
    renderConversion();
    chart.querySelector(`.bar-row[data-name="${level}"]`)?.focus();
  });
  const byDistrict = level === "commune" && data.byDistrict.length > 0 && data.units.every((u) => u.district);
  const heading = element("p", { class: "hint", id: "drill-title", "data-level": level,
    text: `${term("levels", level)} · ${byDistrict ? t("byDistrict") : t("byUnit")}` });
  const holder = element("div");
  chart.replaceChildren(heading, back, holder);
  if (byDistrict) {
    bars(holder, data.byDistrict.map((d) => ({ name: d.district, counts: d.counts, lang: "vi" })), SEGMENTS,
      (name) => name,
      term("levels", level));
    holder.append(tableBox("drill-title", countsTable(element("table", { id: "drill-districts", class: "pin-first" }),
      t("byDistrict"), data.byDistrict.map((d) => ({ attributes: { "data-district": d.district },
        text: placeName(d.district),
        counts: d.counts })))));
  } else {
    holder.append(tableBox("drill-title", element("table", { id: "drill-units" },
      element("tbody", {}, ...data.units.map((u) => element("tr", { "data-code": u.code },
        element("td", {}, ...unitNamed(u)),
        element("td", { text: term("standings", u.standing) })))))));
  }
}

// --- Tables of units in the appendix layout ----------------------------------------------------------------

function mark(value) { return value ? "✓" : ""; }

/** The report's standard column: the edition, or the conversion under way or done. */
function standardLabel(row) {
  if (!state.vocabulary.standards.some((s) => s.value === row.standard)) return "";
  return row.conversionShown ? term("conversionStates", row.conversionShown) : row.standard;
}

/** A group's totals as the API computed them (the whole group, whatever the name filter shows); its name a text or a
 * node (a place's, see placeName). */
function totalsRow(name, totals) {
  if (!totals) return [];
  const units = `${count(totals.units)} ${label(state.vocabulary.unitsCounted)}`;
  const cell = (column) => {
    if (column === "name") return element("td", {}, `${label(state.vocabulary.total)}: `, name, ` (${units})`);
    if (column === "reportSubmitted") {
      return element("td",
        { class: "num", text: `${count(totals.reportSubmitted)} (${percent(totals.reportedPercent)})` });
    }
    return typeof totals[column] === "number"
      ? element("td", { class: "num", text: count(totals[column]) }) : element("td");
  };
  return [element("tr", { class: "total" }, ...state.vocabulary.reportColumns.map((c) => cell(c.value)))];
}

/** A unit's link, then, after the district level ended (1 July 2025), when a commune is in no district, the one it
 * was in before: it tells apart communes of one name in two former districts; and the province it was recorded in
 * once that has become part of another (Quảng Bình's units in Quảng Trị). */
function unitNamed(unit) {
  const was = [unit.formerDistrict, unit.formerProvince].filter(Boolean).join(", ");
  const former = was ? [` (${label(state.vocabulary.formerDistrict)} `, placeName(was), ")"] : [];
  return [unitLink(unit.code, unit.name), ...former];
}

/** The unit lines drawn, by the answer's row each shows, with the language it is written in: a table drawn again for
 * another name filter, level or order takes them as they are, only numbered anew (a province of a thousand units had
 * every line built anew at each change, a fifth of a second on a phone, and as much garbage). */
const unitLines = new WeakMap();

/** A maker of unit lines in the report's columns, numbered from 1 as counts are written (1.230 in Vietnamese). */
function lineMaker() {
  let number = 0;
  const columns = state.vocabulary.reportColumns;
  const numbered = columns.findIndex((c) => c.value === "number");
  const cell = (r, field) => {
    if (field === "number") return element("td", { class: "num" });
    if (field === "name") return element("td", {}, ...unitNamed(r));
    if (field === "inspection") {
      return element("td", { text: r.inspection ? term("inspectionResults", r.inspection) : "" });
    }
    if (field === "standard") return element("td", { text: standardLabel(r) });
    return element("td", { class: "num", text: mark(r[field]) });
  };
  return (r) => {
    let drawn = unitLines.get(r);
    if (drawn?.lang !== state.lang) {
      const line = element("tr", { "data-code": r.code }, ...columns.map((c) => cell(r, c.value)));
      drawn = { lang: state.lang, line };
      unitLines.set(r, drawn);
    }
    number += 1;
    if (numbered >= 0) drawn.line.cells[numbered].textContent = count(number);
    return drawn.line;
  };
}

/** Rows of units grouped by level and, for communes, by district, each group with its totals. */
function unitRows(rows, totalsOf) {
  const columns = state.vocabulary.reportColumns;
  const line = lineMaker();
  // A group's name is pinned in its row, so that it stays in view while the table scrolls sideways on a phone.
  const group = (text, lang) => element("tr", { class: "group" },
    element("td", { colspan: String(columns.length) },
      element("span", { class: "pinned", text, ...(lang ? { lang } : {}) })));
  const out = [];
  for (const levelName of state.vocabulary.levels.map((l) => l.value)) {
    const inLevel = rows.filter((r) => r.level === levelName);
    if (!inLevel.length) continue;
    out.push(group(term("levels", levelName)));
    // Communes in no district (every one from 1 July 2025, when the district level ended; imported without one) are
    // listed under their level alone, without a district's heading or totals.
    const districts = levelName === "commune" ? [...new Set(inLevel.map((r) => r.district ?? null))] : [null];
    for (const district of districts) {
      const inDistrict = levelName === "commune" ? inLevel.filter((r) => (r.district ?? null) === district) : inLevel;
      if (district !== null) out.push(group(district, "vi"));
      out.push(...inDistrict.map(line));
      if (district !== null) out.push(...totalsRow(placeName(district), totalsOf.district(district, inDistrict)));
    }
    out.push(...totalsRow(term("levels", levelName), totalsOf.level(levelName, inLevel)));
  }
  return out;
}

const headerRow = (onSort) => element("tr", {}, ...state.vocabulary.reportColumns.map((column) => {
  const field = column.value;
  if (!onSort || field === "number") return element("th", { scope: "col", text: label(column) });
  const button = element("button", { type: "button", text: label(column), "data-field": field });
  button.addEventListener("click", () => onSort(field));
  const sorted = state.sort?.field === field ? (state.sort.down ? "descending" : "ascending") : "none";
  return element("th", { scope: "col", "aria-sort": sorted }, button);
}));

function renderAnnual() {
  const table = state.annual.data;
  $("annual-year").textContent = table.year;
  // Typed without diacritics, the filter ignores them ("hai lang" finds "Hải Lăng"); typed with them, it keeps them
  // ("Hướng" does not find "Hương"), in either Unicode form.
  const filter = $("annual-filter").value.trim().normalize("NFC").toLowerCase();
  const loose = folded(filter) === filter;
  const matches = (name) => (loose ? folded(name) : name.normalize("NFC").toLowerCase()).includes(filter);
  const level = $("annual-level").value;
  let rows = table.rows.filter((r) => (!filter || matches(r.name)) && (!level || r.level === level));
  // Said on the page and on paper (where the filter's box is not printed): the rows are a part, the totals whole;
  // and how many units are left, to a screen reader too as it is typed (none: a table of totals alone).
  const filteredBy = [filter && `“${$("annual-filter").value.trim()}”`, level && term("levels", level)]
    .filter(Boolean).join("; ");
  $("annual-filtered").textContent = filteredBy ? fill(t("filtered"), { n: count(rows.length), f: filteredBy }) : "";
  const head = headerRow((field) => {
    state.sort = state.sort?.field === field ? { field, down: !state.sort.down } : { field, down: false };
    keepInAddress();
    renderAnnual();
    // The table is drawn anew: the focus goes back to the header just pressed.
    document.querySelector(`#annual-table th button[data-field="${field}"]`)?.focus();
  });
  const levelTotals = (name) => table.byLevel.find((g) => g.group === name);
  const body = element("tbody");
  if (state.sort) {
    const { field, down } = state.sort;
    rows = [...rows].sort((a, b) =>
      String(a[field] ?? "").localeCompare(String(b[field] ?? ""), "vi") * (down ? -1 : 1));
    body.append(...rows.map(lineMaker()),
      ...(level ? totalsRow(term("levels", level), levelTotals(level))
        : totalsRow(placeName(table.province), table.totals)));
  } else {
    body.append(...unitRows(rows, {
      district: (name) => table.byDistrict.find((g) => g.group === name),
      level: (name) => levelTotals(name),
    }));
    if (!level) body.append(...totalsRow(placeName(table.province), table.totals));
  }
  $("annual-table").replaceChildren(element("thead", {}, head), body);
  freshness("annual-freshness", state.annual.freshness);
}

// --- Summary and compliance -------------------------------------------------------------------------------

/** The report's summary table (Phụ lục 9) as the API answers it: declared as counts, the other rows as x/y. */
function summaryTable(id, data) {
  const columns = state.vocabulary.summaryColumns;
  const cell = (row, field) =>
    (row.criterion === "declared" ? count(row[field].count) : `${count(row[field].count)}/${count(row[field].of)}`);
  // The edition row names the edition it counts (the year's current one, or the one it amends) after its words, as
  // the report and the exports write it; its number may break after its colon: kept whole, "9001:2015." had made a
  // phone's pinned criteria at a large font wider than the figures' room.
  const criterion = (value) => {
    if (value !== "implementingCurrentEdition") return [term("summaryRows", value)];
    const edition = `${label(data.implementedEditionName)}.`;
    const colon = edition.lastIndexOf(":") + 1;
    return [`${term("summaryRows", value)} ${edition.slice(0, colon)}`, element("wbr"), edition.slice(colon)];
  };
  // The units still on an older edition are the edition row's note, per tier, as Phụ lục 9 and the exports write
  // them (a fourth row of their own had made the page's table another than the report's).
  const tiers = ["provincial", "district", "commune"];
  const older = data.rows.find((row) => row.criterion === "onOlderEdition");
  const note = (value) => (value !== "implementingCurrentEdition" || !older ? ""
    : `${term("summaryRows", "onOlderEdition")}: ${tiers.map((tier) =>
      `${term("summaryColumns", tier)} ${count(older[tier].count)}`).join(", ")}`);
  $(id).replaceChildren(
    element("thead", {}, element("tr", {}, ...columns.map((c) => element("th", { scope: "col", text: label(c) })))),
    element("tbody", {}, ...data.rows.filter((row) => row !== older).map((row, index) =>
      element("tr", { "data-criterion": row.criterion },
        element("td", { text: index + 1 }),
        element("th", { scope: "row" }, ...criterion(row.criterion)),
        ...["total", ...tiers].map((field) => element("td", { class: "num", text: cell(row, field) })),
        element("td", { class: "note", text: note(row.criterion) })))));
}

/** Every edition of the rule book on the date: who is on it, converting from it or to it, converted to it. */
function renderEditions() {
  const columns = state.vocabulary.editionColumns;
  const head = element("tr", {}, element("th", { text: t("editions") }),
    ...columns.map((c) => element("th", { class: "num", text: label(c) })));
  $("editions-table").replaceChildren(element("thead", {}, head), element("tbody", {},
    ...state.editions.data.editions.map((e) => element("tr", { "data-edition": e.edition },
      element("td", { text: term("standards", e.edition) }),
      ...columns.map((c) => element("td", { class: "num", text: count(e.counts[c.value]) }))))));
  freshness("editions-freshness", state.editions.freshness);
}

function renderSummary() {
  $("summary-year").textContent = state.summary.data.year;
  summaryTable("summary-table", state.summary.data);
  freshness("summary-freshness", state.summary.freshness);
}

/** What a flag is about, as people read it (an edition by its name, "TCVN ISO 9001:2015", not its value), and the
 * act that requires it, where it has them. */
function flagSubject(flag, legalAct) {
  return [flag.edition ? label(flag.edition) : flag.subject, legalAct].filter(Boolean);
}

function renderCompliance() {
  const answer = state.compliance;
  const flags = answer.data.flags;
  const byRule = flags.reduce((m, f) => m.set(f.rule, [...(m.get(f.rule) || []), f]), new Map());
  // A group the reader opened stays open when the panel is drawn again (a refresh, the other language).
  const open = new Set([...document.querySelectorAll("#compliance-list details[open]")].map((d) => d.dataset.rule));
  $("compliance-list").replaceChildren(...(flags.length
    ? [...byRule].map(([rule, items]) => element("details",
      { "data-rule": rule, ...(open.has(rule) ? { open: "" } : {}) },
      element("summary", { text: `${term("rules", rule)} (${count(items.length)})` }),
      element("ul", {}, ...items.map((f) => element("li", {},
        unitLink(f.code, f.name),
        document.createTextNode(` · ${[day(f.since), ...flagSubject(f, f.legalAct)].join(" · ")}`))))))
    : [element("p", { text: t("noFlags") })]));
  freshness("compliance-freshness", answer.freshness);
}

// --- The report view --------------------------------------------------------------------------------------

/** A headline's sentence from the vocabulary: its figure, its share as the language writes numbers, its level. */
function sentence(headline) {
  return fill(term("reportHeadlines", headline.id), {
    count: count(headline.count), of: count(headline.of), percent: decimal(headline.percent, 2),
    level: headline.level ? term("levels", headline.level) : "",
  }).replaceAll(" %", "\u00a0%");
}

function showUnitsBehind(part, headline) {
  const names = new Map(part.rows.map((r) => [r.code, r.name]));
  const close = element("button", { type: "button", text: t("close") });
  close.addEventListener("click", () => { $("report-units").hidden = true; });
  $("report-units").replaceChildren(element("h3", { text: `${t("unitsBehind")}: ${sentence(headline)}` }), close,
    element("ul", {}, ...headline.units.map((code) => element("li", { "data-code": code },
      unitLink(code, names.get(code))))));
  $("report-units").hidden = false;
  // On a phone the list opens below every headline, off screen: it is brought into view and focused, and closing it
  // returns to the figure.
  $("report-units").scrollIntoView({ block: "start" });
  $("report-units").focus({ preventScroll: true });
  close.addEventListener("click", () => document.querySelector(`#report-text button.figure[data-id="${headline.id}"]`
    + `${headline.level ? `[data-level="${headline.level}"]` : ""}`)?.focus());
  // Escape closes the list as its button does.
  $("report-units").onkeydown = (event) => { if (event.key === "Escape") close.click(); };
}

function renderReport() {
  const data = state.report.data;
  $("report-title").replaceChildren(...fillParts(t("reportTitle"), { y: data.year, p: placeName(data.province) }));
  $("report-text").replaceChildren(...data.parts.map((part) => element("div", { class: "part", "data-part": part.id },
    // Its figures count the units existing on the day judged; those its appendix lists besides ended in the year.
    element("p", { class: "opening",
      text: fill(term("reportSections", part.id), { of: count(part.existing), year: data.year })
        + (part.rows.length > part.existing
          ? fill(label(state.vocabulary.reportEndedInYear), { ended: count(part.rows.length - part.existing) })
          : "") }),
    element("ul", { class: "headlines" }, ...part.headlines.map((headline) => {
      const named = { "data-id": headline.id, ...(headline.level ? { "data-level": headline.level } : {}) };
      // A figure with no unit behind it (none reported yet, no new commune) is written: its button had opened an
      // empty list.
      if (!headline.units.length) return element("li", {}, element("span", { ...named, text: sentence(headline) }));
      const button = element("button", { type: "button", class: "figure", ...named, text: sentence(headline) });
      button.addEventListener("click", () => showUnitsBehind(part, headline));
      return element("li", {}, button);
    })))));
  summaryTable("report-summary", data.summary);
  $("report-appendices").replaceChildren(...data.parts.map((part) => element("section",
    { class: "card appendix", "data-part": part.id },
    element("h2", { id: `appendix-${part.id}`, text: term("reportAppendices", part.id) }),
    tableBox(`appendix-${part.id}`, element("table", { class: "sticky" }, element("thead", {}, headerRow(null)),
      element("tbody", {}, ...unitRows(part.rows, { district: () => null, level: () => null }),
        ...totalsRow(term("reportAppendices", part.id), part.totals)))))));
  freshness("report-freshness", state.report.freshness);
}

// --- Trends -----------------------------------------------------------------------------------------------

/** A trend point's figure as the table writes it: 39/40 (97,50 %). */
const trendFigure = (figure) => `${count(figure.count)}/${count(figure.of)} (${percent(figure.percent)})`;

/** What a restructured year changed, in the vocabulary's words; empty for a year without a restructuring. */
const restructured = (point) => (point.ended || point.formed
  ? ["ended", "formed"].map((change) => `${term("trendColumns", change)}: ${count(point[change])}`)
  : []);

/** Writes each restructured year's mark (−units ended / +units formed) at its dashed line, above the plot, and answers
 * the plot's top. The marks sit on one line where they fit side by side (a laptop), else each upright along its own
 * year's line (a phone: many years in a row restructured had stacked their marks on several lines, away from their
 * years); where even that is too tight, none is written: the chosen year's figures below the chart and the table say
 * them. */
function restructuringMarks(svg, years, x, width, scale) {
  const size = 12 * scale, gap = 6 * scale;
  const marks = years.flatMap((point, i) => {
    if (!point.ended && !point.formed) return [];
    const text = svgElement("text", { class: "restructured", "font-size": size, "aria-hidden": "true" },
      `−${count(point.ended)} / +${count(point.formed)}`);
    svg.append(text);
    return [{ at: x(i), text, length: text.getComputedTextLength() }];
  });
  $("trends-marks").hidden = marks.length === 0;
  if (!marks.length) return 12 * scale;
  // Side by side, each centred on its line and kept inside the chart.
  const from = marks.map(({ at, length }) => Math.min(Math.max(0, at - length / 2), width - length));
  if (from.every((start, n) => n === 0 || start >= from[n - 1] + marks[n - 1].length + gap)) {
    marks.forEach(({ text }, n) => { text.setAttribute("x", from[n]); text.setAttribute("y", 16 * scale); });
    return 26 * scale;
  }
  const pitch = Math.min(...marks.slice(1).map(({ at }, n) => at - marks[n].at));
  if (pitch < size + gap / 2) {
    marks.forEach(({ text }) => text.remove());
    return 12 * scale;
  }
  // Upright, read from the plot upwards, the glyphs centred on the line (a baseline 0.35 em beside it).
  const top = Math.max(...marks.map(({ length }) => length)) + 10 * scale;
  for (const { at, text } of marks) {
    const baseline = [at + 0.35 * size, top - 4 * scale];
    text.setAttribute("x", baseline[0]);
    text.setAttribute("y", baseline[1]);
    text.setAttribute("transform", `rotate(-90 ${baseline.join(" ")})`);
  }
  return top;
}

/** Each year of the trends chart has a button below it that writes its figures below them (a phone has no hover):
 * 44 px a side and set apart, on as many lines as the years take (on a phone with many years a year of the chart is
 * far narrower than a finger, and a chart drawn wider scrolled sideways). A tap on the chart chooses the nearest year
 * too; the keyboard reaches the chosen year's button with Tab and the others with the arrow keys, each named with its
 * figures for a screen reader. The last year is shown first. */
function trendYearButtons(svg, years, keys, x, chosenLine) {
  const focused = $("trends-years").contains(document.activeElement) ? document.activeElement.dataset.year : null;
  const shown = years.some((point) => point.year === state.trendYear) ? state.trendYear : years.at(-1).year;
  const buttons = years.map((point, i) => {
    const figures = keys.map((keyName, k) => `${term("trendColumns", keyName)}: ${trendFigure(point.figures[k])}`);
    const button = element("button", { type: "button", "data-year": point.year, text: String(point.year),
      "aria-label": `${point.year}: ${[...figures, ...restructured(point)].join("; ")}` });
    button.addEventListener("click", () => choose(i, true));
    button.addEventListener("keydown", (event) => {
      const to = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: years.length - 1 }[event.key];
      if (to === undefined || to < 0 || to >= years.length) return;
      event.preventDefault();
      choose(to, true);
      buttons[to].focus();
    });
    return button;
  });
  $("trends-years").replaceChildren(...buttons);
  // A tap between years chooses the nearer one, in the chart's own units.
  svg.addEventListener("click", (event) => {
    const box = svg.getBoundingClientRect();
    const at = ((event.clientX - box.left) * svg.viewBox.baseVal.width) / box.width;
    const nearest = years.reduce((best, _, i) => (Math.abs(x(i) - at) < Math.abs(x(best) - at) ? i : best), 0);
    choose(nearest, true);
  });
  /** Shows the figures of the year years[i]; one the reader chose is kept in the address (a reload shows it again). */
  function choose(i, byReader) {
    if (byReader) {
      state.trendYear = years[i].year;
      keepInAddress();
    }
    buttons.forEach((button, n) => {
      button.setAttribute("tabindex", n === i ? "0" : "-1");
      button.setAttribute("aria-pressed", String(n === i));
    });
    chosenLine.setAttribute("x1", x(i));
    chosenLine.setAttribute("x2", x(i));
    const point = years[i];
    $("trends-readout").replaceChildren(element("p", { class: "readout-year", text: String(point.year) }),
      element("ul", {}, ...keys.map((keyName, k) => element("li", {}, swatch(TREND_COLOURS[k]),
        document.createTextNode(`${term("trendColumns", keyName)}: ${trendFigure(point.figures[k])}`))),
      ...restructured(point).map((text) => element("li", { class: "restructured" }, text))));
  }
  choose(years.findIndex((point) => point.year === shown), false);
  // Drawn again (a refresh, a turned phone), the years keep the focus where it was.
  if (focused) buttons.find((button) => button.dataset.year === focused)?.focus();
}

/** How far across its year's line each of the year's points is drawn, given their heights (null: no point) and the
 * room [from, to] there is: points within a point's width of each other (97,50 % and 100 % on a phone) covered one
 * another, so they are set side by side, as far apart as the room allows; a point clear of the others stays on the
 * line. */
function pointOffsets(heights, radius, [from, to]) {
  const offsets = heights.map(() => 0);
  const order = heights.flatMap((height, k) => (height === null ? [] : [[height, k]])).sort((a, b) => a[0] - b[0]);
  const clusters = order.reduce((all, point, n) =>
    (n && point[0] - order[n - 1][0] < 2 * radius + 1 ? (all.at(-1).push(point), all) : [...all, [point]]), []);
  for (const cluster of clusters.filter((points) => points.length > 1)) {
    const step = Math.min(2 * radius + 1, (to - from) / (cluster.length - 1));
    const span = step * (cluster.length - 1);
    const start = Math.min(Math.max(-span / 2, from), to - span);
    cluster.forEach(([, k], n) => { offsets[k] = start + n * step; });
  }
  return offsets;
}

/** Each headline figure's share over the years as a line, with the years a restructuring ended or formed units
 * marked: the units before and after it are each counted in their own years. */
function renderTrends() {
  const data = state.trends.data;
  const chart = $("trends-chart");
  const keys = data.years[0]?.figures.map((f) => f.key) ?? [];
  $("trends-marks").hidden = true;
  // Without a year (said above the view, which is not shown), no chart.
  if (!data.years.length) {
    chart.replaceChildren();
    $("trends-years").replaceChildren();
    $("trends-readout").replaceChildren();
  } else {
    const scale = textScale();
    // Its figures are the table's below it, each year's written below it as its button is chosen; its name says
    // each line's shares year by year, as drawn (it had been the chart's title alone).
    const lineShares = keys.map((keyName, k) => `${term("trendColumns", keyName)}: ${data.years
      .filter((point) => point.figures[k].of).map((point) => `${point.year} ${percent(point.figures[k].percent)}`)
      .join(", ")}`);
    const svg = svgElement("svg", { role: "img",
      "aria-label": `${label(state.vocabulary.trendsTitle)}: ${lineShares.join(" | ")}` });
    // In the page already, so that the axis labels and the restructuring marks can be measured before they are laid
    // out.
    chart.replaceChildren(svg);
    const ticks = [0, 25, 50, 75, 100].map((tick) => [tick, svgElement("text",
      { x: 4, "font-size": 12 * scale, class: "axis", "aria-hidden": "true" }, `${decimal(tick, 0)}\u00a0%`)]);
    svg.append(...ticks.map(([, text]) => text));
    // The plot starts clear of its axis's widest label and of the first year's points (5 units round) beside it: at
    // 44 units, "100 %" ran under them.
    const widestTick = Math.max(...ticks.map(([, text]) => text.getComputedTextLength()));
    const left = Math.max(44 * scale, 4 + widestTick + 4 * scale + 5), right = 16 * scale, bottom = 28 * scale;
    const span = Math.max(1, data.years.length - 1);
    const width = drawingWidth(chart);
    const x = (i) =>
      (data.years.length === 1 ? (left + width - right) / 2 : left + (i * (width - left - right)) / span);
    const top = restructuringMarks(svg, data.years, x, width, scale);
    const height = (width < 560 * scale ? 220 : 260) * scale + top - 12 * scale;
    const y = (percent) => top + ((100 - percent) * (height - top - bottom)) / 100;
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    data.years.forEach((point, i) => {
      if (!point.ended && !point.formed) return;
      svg.append(svgElement("line", { x1: x(i), x2: x(i), y1: top, y2: height - bottom, stroke: "--muted",
        "stroke-dasharray": "4 3", class: "restructured" }));
    });
    // The axis says its unit: every figure on it is a share.
    for (const [tick, text] of ticks) {
      text.setAttribute("y", y(tick) + 4 * scale);
      svg.append(svgElement("line",
        { x1: left, x2: width - right, y1: y(tick), y2: y(tick), stroke: "--line" }));
    }
    // Years labelled at least 40 px apart (eleven years on a phone would run into each other), the last always.
    const every = Math.ceil((40 * scale) / ((width - left - right) / span));
    data.years.forEach((point, i) => {
      if ((data.years.length - 1 - i) % every === 0) {
        svg.append(svgElement("text", { x: x(i), y: height - 8 * scale, "font-size": 12 * scale,
          "text-anchor": "middle", "aria-hidden": "true" }, point.year));
      }
    });
    // The chosen year's line, under the points.
    const chosenLine = svgElement("line", { y1: top, y2: height - bottom, stroke: "--ink", "stroke-width": 1.5,
      class: "chosen" });
    svg.append(chosenLine);
    const radius = 5;
    const half = data.years.length > 1 ? (x(1) - x(0)) / 2 : Infinity;
    // Each year's points within its half of the way to its neighbours, the first and last years' not past the plot's
    // edges (the axis's labels are left of it).
    const offsets = data.years.map((point, i) => pointOffsets(
      point.figures.map((figure) => (figure.of ? y(figure.percent) : null)), radius,
      [data.years.length > 1 && i === 0 ? 0 : radius - half,
        data.years.length > 1 && i === data.years.length - 1 ? 0 : half - radius]));
    const dots = svgElement("g", { class: "trend-points" });
    keys.forEach((keyName, k) => {
      // A year with nothing to count (0 of 0: no new commune that year) is a gap in the line, not a fall to 0 %.
      const points = data.years.map((point, i) =>
        (point.figures[k].of ? [x(i) + offsets[i][k], y(point.figures[k].percent), i] : null));
      const runs = points.reduce((all, p) => (p ? (all.at(-1).push(p), all) : [...all, []]), [[]]);
      for (const run of runs.filter((r) => r.length > 1)) {
        svg.append(svgElement("polyline", { points: run.map(([px, py]) => `${px},${py}`).join(" "), fill: "none",
          stroke: TREND_COLOURS[k], "stroke-width": 2.5 }));
      }
      points.filter(Boolean).forEach(([px, py, i]) => {
        const dot = svgElement("circle", { cx: px, cy: py, r: radius, fill: TREND_COLOURS[k],
          "data-key": keyName, "data-year": data.years[i].year });
        const f = data.years[i].figures[k];
        dot.append(svgElement("title", {},
          `${term("trendColumns", keyName)} ${data.years[i].year}: ${trendFigure(f)}`));
        dots.append(dot);
      });
    });
    // A point shows its title when hovered; a tap on it chooses its year (the chart's tap chooses the nearest year,
    // and a point stays within its year's half of the way).
    svg.append(dots);
    trendYearButtons(svg, data.years, keys, x, chosenLine);
  }
  legend("trends-legend", keys.map((keyName, k) => [term("trendColumns", keyName), TREND_COLOURS[k]]));
  // The per-year bars have a legend of their own: their colours mean other things than the lines' above.
  conversionLegend("conversion-trend-legend", counted(YEAR_SEGMENTS, data.years.map((point) => point.conversion)));
  bars($("conversion-trend"), data.years.map((point) => ({ name: String(point.year), counts: point.conversion })),
    YEAR_SEGMENTS, (name) => name, t("conversion"));
  const columns = state.vocabulary.trendColumns;
  $("trends-table").replaceChildren(
    element("thead", {}, element("tr", {}, ...columns.map((c) => element("th", { scope: "col", text: label(c) })))),
    element("tbody", {}, ...data.years.map((point) => element("tr", { "data-year": point.year }, ...columns.map((c) => {
      const figure = point.figures.find((f) => f.key === c.value);
      const text = figure ? trendFigure(figure) : c.value === "year" ? point.year : count(point[c.value]);
      return element("td", { class: "num", text });
    })))));
  freshness("trends-freshness", state.trends.freshness);
}

// --- National view ----------------------------------------------------------------------------------------

function renderNational() {
  const data = state.national.data;
  $("national-year").textContent = data.year;
  const columns = state.vocabulary.nationalColumns;
  const levels = state.vocabulary.levels;
  const head = element("tr", {}, element("th", { scope: "col", text: label(columns[0]) }),
    element("th", { scope: "col", class: "num", text: label(columns[1]) }),
    ...levels.map((l) => element("th", { scope: "col", class: "num", text: label(l) })),
    ...columns.slice(2).map((c) => element("th", { scope: "col", class: "num", text: label(c) })));
  const link = (name) =>
    `?${new URLSearchParams({ province: name, year: data.year, ...(state.asOf ? { asOf: state.asOf } : {}) })}`;
  $("national-table").replaceChildren(element("thead", {}, head), element("tbody", {}, ...data.provinces.map((p) => {
    const a = element("a", { href: link(p.province), text: p.province, lang: "vi" });
    a.addEventListener("click", (event) => {
      event.preventDefault();
      $("province").value = p.province;
      fillYears();
      // The province's overview is the new place: the focus goes to its first heading, where reading it starts (the
      // link followed is hidden with the national view, and the focus had fallen to the page's top), once shown.
      setView("overview").then(() => $("conversion-title").focus());
    });
    return element("tr", { "data-province": p.province }, element("th", { scope: "row" }, a),
      element("td", { class: "num", text: count(p.units) }),
      ...levels.map((l) =>
        element("td", { class: "num", text: count(p.byLevel.find((b) => b.level === l.value)?.units ?? 0) })),
      element("td", { class: "num", text: count(p.declared) }),
      element("td", { class: "num", text: count(p.onCurrentEdition) }),
      element("td", { class: "num", text: count(p.reported) }),
      element("td", { class: "num", text: decimal(p.reportedPercent, 2) }));
  })));
  freshness("national-freshness", state.national.freshness);
}

// --- Unit page ----------------------------------------------------------------------------------------------

async function showUnit(code, opened) {
  VIEWS.forEach((view) => { $(view).hidden = true; });
  $("unit").hidden = false;
  // No tab is the current page on a unit's page.
  document.querySelectorAll("#tabs a").forEach((a) => a.removeAttribute("aria-current"));
  const asOf = judgedOn();
  // While its answers come (a slow network), the page says it loads and shows nothing of another unit it showed
  // before; the same unit's facts (another language or day asked) stay until the new ones replace them. Answers that
  // come after another unit or day was asked are not drawn.
  const asked = ++state.unitLoads;
  const say = (...said) => $("unit-status").replaceChildren(element("dt", { text: t("status") }),
    element("dd", {}, ...said));
  if (state.unitDrawn !== code) {
    state.unitDrawn = null;
    $("unit-title").textContent = code;
    titlePage();
    say(t("loading"));
    $("timeline").replaceChildren();
  }
  let status, timeline;
  try {
    [status, timeline] = await Promise.all(unitPaths(code, asOf).map(api));
  } catch (error) {
    if (asked !== state.unitLoads) return;
    // A unit that did not exist yet on the page's date has no status then, and a code no unit has none at all: said
    // in the page's language. Anything else (the network, the server) is said with a way to try again.
    const from = error.problem?.existsFrom;
    // What the server states of the unit stands, as its facts do, while the page asks again (a refresh, another
    // language): it is not put back to the line saying the page loads.
    const stated = from || error.said === "notFound";
    state.unitDrawn = stated ? code : null;
    $("unit-title").textContent = code;
    titlePage();
    if (from) say(fill(t("notYet"), { d: day(asOf), f: day(from) }));
    else if (stated) say(fill(t("noUnit"), { c: code }));
    else say(`${t("failedLoad")}: ${error.message} `, retryButton(() => showUnit(code, false)));
    $("timeline").replaceChildren();
    return;
  }
  // The units it went into are named as those it took over are (their codes had stood alone, "QT25-XA-DONGHOI"),
  // asked on the page's day; one that does not answer keeps its code.
  const successors = [status.mergedInto?.intoCode, ...(status.splitInto?.intoCodes ?? [])].filter(Boolean);
  const successorNames = new Map(await Promise.all(successors.map((successor) =>
    api(`/api/dashboards/units/${encodeURIComponent(successor)}?asOf=${asOf}`)
      .then((found) => [successor, found.name], () => [successor, null]))));
  if (asked !== state.unitLoads) return;
  // Loaded, the unit's facts are current: a line saying the network was gone is no longer true (the view's load
  // clears it as its figures come; the unit's page had kept it once the network was back).
  $("status").textContent = "";
  state.unitDrawn = code;
  $("unit-title").textContent = `${status.name} (${status.code})`;
  titlePage();
  // A page the reader opened starts with the focus at its title, so that Tab goes on inside it; a page drawn again
  // (another language, year or day) leaves the focus on the control just used.
  if (opened) $("unit-title").focus();
  const facts = [
    // One unit's level, in the singular ("Commune", where a group of them is headed "Communes").
    [t("level"), term("levelsSingular", status.level)],
    [t("standardNow"), status.standard === state.vocabulary.noStandard.value
      ? label(state.vocabulary.noStandard) : term("standards", status.standard)],
    [t("conversionState"), term("conversionStates", status.conversion.state)],
    // A board known only from a report's text has no member count.
    [t("board"), status.steeringBoard
      ? `${day(status.steeringBoard.formedOn)}`
        + `${status.steeringBoard.members == null ? "" : ` · ${count(status.steeringBoard.members)} ${t("members")}`}`
      : t("none")],
    [t("lastAudit"), day(status.lastInternalAudit) || t("none")],
    [t("lastReview"), day(status.lastManagementReview) || t("none")],
    [t("openNc"), count(status.openNonconformities.length)],
    // One rule broken per line, with since when and what about (a year, a nonconformity).
    [t("flags"), status.flags.length
      ? [element("ul", { class: "flags" }, ...status.flags.map((f) => element("li", {
        text: `${term("rules", f.rule).replace(/\.$/, "")} (${[day(f.since), ...flagSubject(f, f.basis?.legalAct)]
          .join(", ")})`,
      })))]
      : t("none")],
  ];
  // Where a unit came from and went: each unit a link to its own page.
  const links = (units) => units.flatMap((u, i) => (i ? [", ", unitLink(u.code, u.name)] : [unitLink(u.code, u.name)]));
  const tookOver = status.predecessors.flatMap((p) => p.predecessors);
  if (tookOver.length) facts.push([t("tookOver"), links(tookOver)]);
  // The end as of the page's day: a district seen in 2020 had not ended yet.
  if (status.endedOn && status.endedOn <= asOf) facts.push([t("ended"), day(status.endedOn)]);
  const named = (codes) => codes.map((successor) => ({ code: successor, name: successorNames.get(successor) }));
  if (status.mergedInto) facts.push([t("mergedInto"), links(named([status.mergedInto.intoCode]))]);
  if (status.splitInto) facts.push([t("splitInto"), links(named(status.splitInto.intoCodes))]);
  $("unit-status").replaceChildren(...facts.flatMap(([name, value]) => [element("dt", { text: name }),
    Array.isArray(value) ? element("dd", {}, ...value) : element("dd", { text: value })]));
  $("timeline").replaceChildren(...timeline.map((e) =>
    element("li", {}, `${day(e.businessDate)} — `,
      // A predecessor's steps are shown under its own name.
      ...(e.unit === code ? [] : [placeName(e.unitName), ": "]),
      `${term("events", e.event)}${e.edition ? ` · ${term("standards", e.edition)}` : ""}`
        + ` (${t("recordedBy")} ${e.recordedBy ?? "?"})`)));
}

// --- Drawn again -------------------------------------------------------------------------------------------

/** The conversion panel drawn again, the focus kept where it was in its chart: on the way back out of a drill-down,
 * on a level's row, on the level a drill-down closed by the back button had opened, or else the chart's first
 * control. Drawing replaces the focused control, and the focus would fall to the page's top (a phone turned with a
 * drill-down open lost the reader's place); closed, the first level's bar had taken the focus, whichever was open. */
function redrawConversion() {
  const chart = $("conversion-chart");
  const focused = chart.contains(document.activeElement) ? document.activeElement : null;
  const closed = state.drill ? null : $("drill-title")?.dataset.level;
  renderConversion();
  if (focused) {
    (counterpart(focused, chart) ?? (closed && chart.querySelector(`.bar-row[data-name="${closed}"]`))
      ?? chart.querySelector("#drill-back, .bar-row.opens"))?.focus();
  }
}

/** The control standing where <previous> stood before its panel was drawn again (drawing replaces it): the same id,
 * the same link, or the same bar, searched in <within>. */
function counterpart(previous, within) {
  const href = previous.getAttribute("href");
  return (previous.id && $(previous.id))
    || (href && within.querySelector(`a[href="${CSS.escape(href)}"]`))
    || (previous.dataset.name && within.querySelector(`.bar-row[data-name="${CSS.escape(previous.dataset.name)}"]`))
    || null;
}

/** Charts are drawn at their own width: the shown view's are drawn again when it changes (a phone turned, a window
 * resized, the page printed). */
function redrawCharts() {
  // A hidden view's charts have no width to be drawn at, nor marks to measure (a unit page is shown): the way back
  // to the view draws them.
  if ($(state.view).hidden) {
    state.viewStale = true;
    return;
  }
  if (state.view === "overview" && state.conversion) redrawConversion();
  if (state.view === "trends" && state.trends) renderTrends();
}

// --- Tables ------------------------------------------------------------------------------------------------

/** Whether the browser moves a header row down the page with the scrolling by itself (scroll-driven animations). */
const headersFollowByThemselves = CSS.supports("animation-timeline", "view()");

/** Where the browser does not, tells each table's header row how far the page has scrolled past the table's top, up
 * to its last row (--travel), on each scroll: all boxes measured first, then all written, so that the page is laid
 * out once. */
function followHeaders() {
  const boxes = [...document.querySelectorAll("#app .scroll")];
  const past = boxes.map((box) => Math.max(0, -box.getBoundingClientRect().top));
  boxes.forEach((box, n) => {
    const travel = parseFloat(box.style.getPropertyValue("--travel")) || 0;
    box.style.setProperty("--follow", `${Math.min(travel, past[n])}px`);
  });
}

/** Measures each table's box as it is drawn or the screen changes, never as it scrolls. Whether it scrolls: then it
 * is a tab stop. How far its header row may follow the page: a table's header row stays in view above its rows;
 * where the box scrolls up and down (a laptop) the row sticks to the box's top by itself, where it does not (a phone:
 * a swipe must scroll the page) the style sheet moves it down the page with the scrolling, in the browser's own step
 * with it (a script moving it lagged a frame behind), as far as the table's last row. */
function measureTables() {
  for (const box of document.querySelectorAll("#app .scroll")) {
    // Not checkVisibility(), which Safari lacks before 17.4 (a browser whose header rows the script moves).
    if (!box.getClientRects().length) continue;
    const scrollsItself = box.scrollHeight > box.clientHeight + 1;
    // A box whose table is wider or taller than it is a tab stop, so that a keyboard can scroll it with the arrows.
    box.tabIndex = scrollsItself || box.scrollWidth > box.clientWidth + 1 ? 0 : -1;
    markMore(box);
    const head = box.querySelector(":scope > table > thead");
    if (!head) continue;
    const travel = scrollsItself ? 0 : Math.max(0, box.clientHeight - head.offsetHeight);
    box.style.setProperty("--travel", `${travel}px`);
    // What stays over the rows as they scroll, for a focused control to be scrolled clear of.
    box.style.setProperty("--head", `${head.offsetHeight}px`);
    const pinned = [...head.rows[0].cells].find((cell) => getComputedStyle(cell).left !== "auto");
    // The pinned names' longest word, measured where their width leaves it no room (it runs past its cell): their
    // column is never narrower, a word being kept whole (the browser's least width of a cell is not heeded there).
    box.style.removeProperty("--word");
    const names = pinned ? [...box.querySelectorAll(":scope > table > tbody > tr")]
      .map((row) => row.cells[pinned.cellIndex]).filter((cell) => cell && cell.colSpan === 1) : [];
    const word = Math.max(0, ...names.filter((cell) => cell.scrollWidth > cell.clientWidth)
      .map((cell) => cell.scrollWidth));
    if (word) box.style.setProperty("--word", `${word + 1}px`);
    box.style.setProperty("--pin", `${pinned?.offsetWidth ?? 0}px`);
  }
  if (!headersFollowByThemselves) followHeaders();
}

/** Marks a table's box whose columns go on past its right edge (data-more), which the style sheet fades there: a
 * phone shows a box's scroll bar only while it scrolls, and a table cut between two columns had looked whole. */
function markMore(box) {
  box.toggleAttribute("data-more", box.scrollLeft + box.clientWidth < box.scrollWidth - 1);
}

let measurePending = false;
/** Measures the tables once per frame, however many redrawn tables or resizes asked it. */
function measureTablesSoon() {
  if (measurePending) return;
  measurePending = true;
  requestAnimationFrame(() => {
    measurePending = false;
    measureTables();
  });
}

// --- Loading ----------------------------------------------------------------------------------------------

/** Keeps an answer; true when the panel showing it must be drawn again. On a refresh (quiet) a panel whose figures
 * did not change only has its freshness line updated, so that what the reader was doing — a focused control, an
 * opened group, a scrolled table — is left alone. */
function keep(name, answer, quiet, freshnessId) {
  // The view shows as its answers are drawn, laid out at its width (a chart is drawn at its box's).
  $("app").classList.remove("awaiting");
  const changed = !quiet || JSON.stringify(state[name]?.data) !== JSON.stringify(answer.data);
  state[name] = answer;
  if (!changed) freshness(freshnessId, answer.freshness);
  return changed;
}

/** The paths of each view's answers, asked for a province, year and day <on> (see picked). */
const VIEW_PATHS = {
  overview: (on) => [
    `/api/dashboards/conversion?${q(on)}&asOf=${judgedOn(on)}`,
    `/api/dashboards/editions?${q(on)}&asOf=${judgedOn(on)}`,
    `/api/dashboards/annual/${on.year}?${q(on)}${asOfQuery(on)}`,
    `/api/dashboards/compliance?${q(on)}&asOf=${judgedOn(on)}`,
    `/api/reports/summary/${on.year}?${q(on)}${asOfQuery(on)}`,
  ],
  report: (on) => [`/api/reports/province-report/${on.year}?${q(on)}${asOfQuery(on)}`],
  // Judged on the chosen year's end (today for the running year) or the day typed, as every panel is: the years up
  // to it, with what had happened by then.
  trends: (on) => [`/api/reports/trends?${q(on)}&asOf=${judgedOn(on)}`],
  national: (on) => [`/api/dashboards/national/${on.year}${on.asOf ? `?asOf=${on.asOf}` : ""}`],
};
/** The paths of a unit page's answers on the day <asOf>: its status, its timeline. */
const unitPaths = (code, asOf) => [`/api/dashboards/units/${encodeURIComponent(code)}?asOf=${asOf}`,
  `/api/dashboards/units/${encodeURIComponent(code)}/timeline?asOf=${asOf}`];
/** The shown view's answers, asked for the pickers' choice. */
const askView = () => Promise.all(VIEW_PATHS[state.view](picked()).map(api));

/** The loaders of the views: each asks for its view's answers and draws them, unless `current()` says another load has
 * begun meanwhile. */
const loaders = {
  async overview(quiet, current) {
    const [conversion, editions, annual, compliance, summary] = await askView();
    if (!current()) return;
    if (keep("conversion", conversion, quiet, "conversion-freshness")) {
      if (state.drill) await drillInto(state.drill.level); else redrawConversion();
      // The level opened is asked after the others: another load may have begun meanwhile.
      if (!current()) return;
    }
    if (keep("editions", editions, quiet, "editions-freshness")) renderEditions();
    if (keep("annual", annual, quiet, "annual-freshness")) renderAnnual();
    if (keep("compliance", compliance, quiet, "compliance-freshness")) renderCompliance();
    if (keep("summary", summary, quiet, "summary-freshness")) renderSummary();
  },
  async report(quiet, current) {
    const [report] = await askView();
    if (current() && keep("report", report, quiet, "report-freshness")) renderReport();
  },
  async trends(quiet, current) {
    const [trends] = await askView();
    if (current() && keep("trends", trends, quiet, "trends-freshness")) renderTrends();
  },
  async national(quiet, current) {
    const [national] = await askView();
    if (current() && keep("national", national, quiet, "national-freshness")) renderNational();
  },
};
const renderers = {
  overview: () => { renderConversion(); renderEditions(); renderAnnual(); renderCompliance(); renderSummary(); },
  report: renderReport, trends: renderTrends, national: renderNational,
};

/** The answers each view is drawn from, by their names in the state. */
const VIEW_ANSWERS = {
  overview: ["conversion", "editions", "annual", "compliance", "summary"], report: ["report"], trends: ["trends"],
  national: ["national"],
};
/** What a view's answers are asked for: the province (none for the national view, of every province), year and day. */
const askedFor = () => `${state.view === "national" ? "" : province()}|${year()}|${state.asOf}`;
const loadedKey = () => `${state.view}|${askedFor()}`;
/** How many views' answers are kept for the back button: a province of a thousand units answers half a megabyte. */
const LOADED_KEPT = 8;

/** Keeps the shown view's answers, just loaded, for the back button (the levels opened in its chart with them). */
function remember() {
  const name = loadedKey();
  const levels = state.loaded.get(name)?.levels ?? {};
  if (state.drill?.data) levels[state.drill.level] = state.drill.data;
  state.loaded.delete(name);
  state.loaded.set(name, { answers: Object.fromEntries(VIEW_ANSWERS[state.view].map((n) => [n, state[n]])), levels,
    at: Date.now() });
  while (state.loaded.size > LOADED_KEPT) state.loaded.delete(state.loaded.keys().next().value);
}

/** The choices of the shown view that its panels are drawn for, each panel's apart. */
const choices = () => ({
  view: state.view, answers: askedFor(), drill: state.drill?.level ?? null,
  annual: `${$("annual-filter").value}|${$("annual-level").value}|${state.sort?.field}|${state.sort?.down}`,
  trendYear: state.trendYear,
});

/** Draws the view the back or forward button returned to from the answers already loaded for it, drawing again only
 * the panels whose choices changed from those drawn (<drawn>): asked again, the whole view had been hidden, then drawn
 * anew, each time. False where they are not kept (then the view loads); a level opened in the chart whose answer is
 * not kept is asked alone. Answers older than a refresh are refreshed, quietly. */
function restoreView(drawn) {
  const loaded = state.loaded.get(loadedKey());
  if (!loaded) return false;
  // A view still loading, or whose load failed, shows figures of other choices than those the pickers named.
  const settled = !["awaiting", "load-failed"].some((name) => $("app").classList.contains(name));
  state.loads += 1;
  Object.assign(state, loaded.answers);
  state.drawnFor[state.view] = askedFor();
  const now = choices();
  const whole = !settled || drawn.view !== now.view || drawn.answers !== now.answers;
  if (state.view !== "overview") {
    if (whole || drawn.trendYear !== now.trendYear) renderers[state.view]();
  } else {
    if (whole) { renderEditions(); renderCompliance(); renderSummary(); }
    if (whole || drawn.annual !== now.annual) renderAnnual();
    // The level opened is drawn from its answer for these answers' province and day (the one held may be another
    // day's: the address keeps the level as the day changes).
    if (state.drill) state.drill.data = loaded.levels[state.drill.level] ?? null;
    if (state.drill && !state.drill.data) openLevel(state.drill.level, { chosen: false });
    else if (whole || drawn.drill !== now.drill) redrawConversion();
  }
  sayJudged();
  $("status").textContent = "";
  $("app").classList.remove("awaiting", "load-failed");
  sayNothingShown();
  if (Date.now() - loaded.at > REFRESH_SECONDS * 1000) load(true);
  return true;
}

/** The (first) answer the shown view is drawn from; none before its first load. */
const viewAnswer = () => state[VIEW_ANSWERS[state.view][0]];

/** Draws the view again from the answers it holds (another language, another width). */
function redrawView() {
  if (viewAnswer()) renderers[state.view]();
}

/** A button that tries again what failed, for the status line. */
function retryButton(action) {
  const button = element("button", { type: "button", text: t("retry") });
  button.addEventListener("click", action);
  return button;
}

/** What the shown view has nothing to show for, once loaded: no unit on its day (a province whose units had all
 * been merged into another's by then, or not yet recorded), no year of data, no province in its year. */
const nothingShown = {
  overview: () => state.conversion?.data.totals.total === 0 && state.annual?.data.rows.length === 0 && "noUnits",
  report: () => state.report?.data.parts.every((part) => part.rows.length === 0) && "noUnits",
  trends: () => state.trends?.data.years.length === 0 && "noYears",
  national: () => state.national?.data.provinces.length === 0 && "noProvinces",
};

/** Whether the view shown is a province's with no province to show: nothing is recorded yet (a new installation). */
const noProvinceToShow = () => !province() && state.view !== "national";

/** A view with nothing to show says so in a sentence, instead of panels of zeros and empty tables. */
function sayNothingShown() {
  const nothing = noProvinceToShow() ? "noRecords" : nothingShown[state.view]();
  $("app").classList.toggle("nothing-shown", Boolean(nothing));
  $("nothing-shown").replaceChildren(...(nothing
    ? fillParts(t(nothing), { p: placeName(province()), d: day(judgedOn()) }) : []));
}

/** The line above the panels: the day they are judged on, and the province but on the national view (the
 * province's picker is not printed). */
const judgedLine = () => fillParts(t(state.view === "national" || !province() ? "judged" : "judgedIn"),
  { p: placeName(province()), d: day(judgedOn()) });

/** Says the day the panels are judged on above them; on a phone the folded pickers say it, in its stead. */
function sayJudged() {
  $("judged").replaceChildren(...judgedLine());
  $("pickers-summary").replaceChildren(...judgedLine());
}

/** Opens the pickers where style.css shows no line to fold them (a laptop, a tablet), folds them where it shows one (a
 * phone): as the page starts, and as the screen becomes the one or the other (turned, a window resized); a fold
 * opened or closed by the reader stays so otherwise. */
function fitPickers() {
  const folds = getComputedStyle($("pickers-summary")).display !== "none";
  if (folds === state.pickersFold) return;
  state.pickersFold = folds;
  $("pickers-fold").open = !folds;
}

/** Loads the view; a quiet load (the periodic refresh) says nothing while it loads and redraws only what changed. A
 * failure is said with a way to try again, which the refresh also does: a refresh's leaves the figures shown (they
 * are the ones asked, not refreshed); any other hides them, being of another province, year, day or view than the
 * one the pickers and the date line name. */
async function load(quiet = false) {
  // A refresh waits while the view's figures are still awaited: begun then, it took the place of that load, whose
  // failure to answer in time was never said (the loading line stood for ever on a server that never answered).
  if (quiet && state.awaited) return;
  sayJudged();
  // Nothing recorded yet: the refresh asks for the provinces again, and shows the first once a report is imported.
  if (noProvinceToShow() && quiet) {
    state.provinces = await api("/api/dashboards/provinces").catch(() => state.provinces);
    fillProvinces();
    pickFirstProvince();
    fillYears();
    if (province()) {
      keepInAddress();
      showView();
    }
  }
  // With no province there is nothing to ask: the server would refuse a province named by none, and a retry too.
  if (noProvinceToShow()) {
    $("status").textContent = "";
    sayNothingShown();
    return;
  }
  if (!quiet) $("status").textContent = t("loading");
  // A view never loaded is hidden until its answers come, the status line saying it loads: shown at once, its panels
  // had stood empty under their headings, then grown as their figures came and pushed the page down (a slow network).
  // So is a view whose figures are of another province, year or day than the one the date line now names (the
  // national view is of every province).
  const answersFor = askedFor();
  $("app").classList.toggle("awaiting", !viewAnswer() || state.drawnFor[state.view] !== answersFor);
  const focused = document.activeElement;
  // Answers that come after another load has begun (another province, year, day or view chosen meanwhile; their
  // answers may come first on a slow network) are neither drawn nor said to have failed: the figures on screen are
  // always those last asked.
  const asked = ++state.loads;
  const current = () => asked === state.loads;
  state.awaited = asked;
  try {
    await loaders[state.view](quiet, current);
    if (!current()) return;
    state.drawnFor[state.view] = answersFor;
    remember();
    // A refresh that drew a panel again keeps the reader's place in it (a focused unit link, a bar).
    if (quiet && focused instanceof Element && !focused.isConnected) counterpart(focused, $(state.view))?.focus();
    // A notice about the address (an unknown province) is said once the view it led to has loaded.
    $("status").replaceChildren(...(state.notice ?? []));
    state.notice = null;
    $("app").classList.remove("load-failed");
    sayNothingShown();
  } catch (error) {
    // A refused key has shown the key's form instead.
    if ($("app").hidden || !current()) return;
    if (!quiet) $("app").classList.add("load-failed");
    sayFailure(quiet && !$("app").classList.contains("load-failed") ? "notRefreshed" : "failedLoad", error,
      () => load());
  } finally {
    if (state.awaited === asked) state.awaited = 0;
  }
}

/** Without a province in the address, the first one with a year of data is shown (not the first by name, maybe
 * empty); none where nothing is recorded. */
function pickFirstProvince() {
  $("province").value = (state.provinces.find((p) => p.years.length > 0) ?? state.provinces[0])?.province ?? "";
}

/** The provinces to pick, each with its count of units as the page's language writes it; the one chosen kept. */
function fillProvinces() {
  const chosen = $("province").value;
  $("province").replaceChildren(...state.provinces.map((p) =>
    element("option", { value: p.province, lang: "vi", text: `${p.province} (${count(p.units)})` })));
  $("province").value = chosen;
}

function fillLevels() {
  const chosen = $("annual-level").value;
  $("annual-level").replaceChildren(element("option", { value: "", text: t("allLevels") }),
    ...state.vocabulary.levels.map((l) => element("option", { value: l.value, text: label(l) })));
  $("annual-level").value = chosen;
}

function fillYears(extra) {
  const summary = state.provinces.find((p) => p.province === province());
  const chosen = extra ?? year();
  const running = Number(today().slice(0, 4));
  const withData = summary?.years.length ? summary.years : [running];
  // The running year is always one to pick (judged today), even before anything of it is recorded; the latest year
  // with data stays the default.
  const years = [...new Set([...withData, running, ...(extra ? [Number(extra)] : [])])].sort();
  $("year").replaceChildren(...years.map((y) => element("option", { value: y, text: y })));
  $("year").value = years.map(String).includes(String(chosen)) ? chosen : Math.max(...withData);
}

/** Text without diacritics, in lower case (đ as d), as a name filter typed without them compares it. */
const folded = (text) =>
  text.normalize("NFD").replace(/\p{Mn}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();

/** A download's file name: the province (its letters without marks), the year or the day it is judged on, what it
 * is: two provinces' or two days' tables downloaded had taken one name ("iso-2020-report.csv"), the second saved as
 * "(1)". */
const fileName = (what, extension) =>
  `iso-${folded(province()).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}-${state.asOf || year()}-${what}`
  + `.${extension}`;

/** Whether text is a calendar day written YYYY-MM-DD (not 2020-13-45, not 2031-02-30). */
function isDay(text) {
  const day = new Date(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
}

/** A day typed as both of the page's languages write it, day first (30/06/2020), or as a phone's keypad of digits
 * lets it be typed, which has no "/": its parts apart by the one mark the keypad has (30.06.2020; 30,06,2020 where
 * the decimal mark is a comma, as an iPhone's in Vietnam; 30-06-2020, 30 06 2020) or none (30062020); or as
 * YYYY-MM-DD: that day as YYYY-MM-DD, or "" if it is none. */
function typedDay(text) {
  const parts = text.trim().match(/^(\d{1,2})\s*[/.,\-\s]\s*(\d{1,2})\s*[/.,\-\s]\s*(\d{4})$/)
    ?? text.trim().match(/^(\d{2})(\d{2})(\d{4})$/);
  const iso = parts ? `${parts[3]}-${parts[2].padStart(2, "0")}-${parts[1].padStart(2, "0")}` : text.trim();
  return isDay(iso) ? iso : "";
}

/** The day's field shows the page's day (none: the year's end) as its language writes it, unmarked. */
function syncDate() {
  $("date").value = day(state.asOf);
  $("date").removeAttribute("aria-invalid");
  $("date-error").textContent = "";
}

// The province, the year or day, and the view are in the address (?province=…&year=…&asOf=…&view=…), so a link
// reproduces the view and the back button returns to the previous one; the unit page is in the hash.
/** The view, province, year and day the address names: only a real day from 2000 to today is a date to judge on
 * (its year the year), only a year of digits from 2000 to this one a year (none: undefined), and only a view's name a
 * view (none: the overview). */
function addressed() {
  const address = new URLSearchParams(location.search);
  const asOf = address.get("asOf");
  const on = { province: address.get("province"),
    asOf: asOf && isDay(asOf) && asOf >= EARLIEST_DAY && asOf <= today() ? asOf : "" };
  const asked = address.get("year");
  on.year = on.asOf ? on.asOf.slice(0, 4)
    : asked && /^\d{4}$/.test(asked) && asked >= EARLIEST_DAY.slice(0, 4) && asked <= today().slice(0, 4) ? asked
      : undefined;
  on.view = VIEWS.includes(address.get("view")) ? address.get("view") : "overview";
  return on;
}

/** On a first load, what the address names — the view's answers for its province and year or day, a unit's page — is
 * asked at once, beside the vocabulary and the provinces: asked once those had answered, it took two round trips
 * more (seconds each on a slow mobile network). An address naming no year or no province asks nothing early: the
 * year shown is then the province's latest with data, the province the first, as the provinces answer. An answer
 * asked early and not taken (a province the address names that is none) is let go. */
function askEarly() {
  const on = addressed();
  if (!on.year || (!on.province && on.view !== "national")) return new Map();
  const unit = location.hash.match(/^#unit\/(.+)$/);
  const paths = [...VIEW_PATHS[on.view](on), ...(unit ? unitPaths(decodeURIComponent(unit[1]), judgedOn(on)) : [])];
  return new Map(paths.map((path) => {
    const asked = answer(path, (response) => response.json());
    asked.catch(() => {});
    return [path, asked];
  }));
}

function applyView() {
  const view = new URLSearchParams(location.search);
  const on = addressed();
  const chosen = on.province;
  const known = chosen && state.provinces.some((p) => p.province === chosen);
  if (known) $("province").value = chosen;
  state.asOf = on.asOf;
  fillYears(on.year);
  state.view = on.view;
  // The views' own choices; a value of another shape is none.
  $("annual-filter").value = view.get("filter") ?? "";
  const isLevel = (level) => state.vocabulary.levels.some((l) => l.value === level);
  $("annual-level").value = isLevel(view.get("level")) ? view.get("level") : "";
  const [, down, field] = view.get("sort")?.match(/^(-?)(.+)$/) ?? [];
  state.sort = state.vocabulary.reportColumns.some((c) => c.value === field && field !== "number")
    ? { field, down: down === "-" } : null;
  const trendYear = view.get("trendYear");
  state.trendYear = /^\d{4}$/.test(trendYear ?? "") ? Number(trendYear) : null;
  const drill = view.get("drill");
  if (!isLevel(drill)) state.drill = null;
  else if (state.drill?.level !== drill) state.drill = { level: drill, data: null };
  syncDate();
  showView();
  if (chosen && !known) {
    // An address naming no province says so, and then names the province shown.
    state.notice = fillParts(t("unknownProvince"), { p: placeName(chosen), q: placeName(province()) });
    const address = new URLSearchParams(location.search);
    address.set("province", province());
    go("replaceState", `?${address}${location.hash}`);
  }
}

/** The address's query of the view shown: province, year, day and view; and the views' own choices (the annual
 * table's name filter, level and order, the level opened in the conversion chart, the trends' year), so that a reload
 * or a link keeps them too. */
function viewQuery() {
  const view = new URLSearchParams({ province: province(), year: year() });
  if (state.asOf) view.set("asOf", state.asOf);
  if (state.view !== "overview") view.set("view", state.view);
  const filter = $("annual-filter").value.trim();
  if (filter) view.set("filter", filter);
  if ($("annual-level").value) view.set("level", $("annual-level").value);
  if (state.sort) view.set("sort", `${state.sort.down ? "-" : ""}${state.sort.field}`);
  if (state.drill) view.set("drill", state.drill.level);
  if (state.view === "trends" && state.trendYear) view.set("trendYear", state.trendYear);
  return `?${view}`;
}

/** Changes the address (`history[method]`), keeping the query the view is drawn for. */
function go(method, address) {
  history[method](null, "", address);
  state.search = location.search;
}

function recordView() {
  const address = `${viewQuery()}${location.hash}`;
  // The same view asked twice is one step back, not two.
  if (address !== location.search + location.hash) go("pushState", address);
}

/** Keeps a choice made step by step (a name typed, an order, a trends' year) in the address, with no step back each. */
function keepInAddress() {
  go("replaceState", `${viewQuery()}${location.hash}`);
}

function showView() {
  VIEWS.forEach((view) => { $(view).hidden = view !== state.view; });
  $("unit").hidden = true;
  document.querySelectorAll("#tabs a").forEach((a) => {
    if (a.dataset.view === state.view) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
    const view = new URLSearchParams({ province: province(), year: year(),
      ...(state.asOf ? { asOf: state.asOf } : {}) });
    if (a.dataset.view !== "overview") view.set("view", a.dataset.view);
    a.href = `?${view}`;
  });
  titlePage();
}

/** Shows the view <view>; answers once it has loaded. */
function setView(view) {
  state.view = view;
  recordView();
  showView();
  return load();
}

async function route(event) {
  const match = location.hash.match(/^#unit\/(.+)$/);
  if (match) {
    state.unitShown = decodeURIComponent(match[1]);
    await showUnit(state.unitShown, event?.type === "hashchange")
      .catch((error) => { $("status").textContent = `${t("failedLoad")}: ${error.message}`; });
  } else {
    showView();
    if (state.viewStale) {
      state.viewStale = false;
      redrawView();
    }
    // Back from a unit page, the focus returns to the link that opened it (not to the top of the page).
    if (event?.type === "hashchange" && state.unitShown) {
      document.querySelector(`.view:not([hidden]) a[href="#unit/${encodeURIComponent(state.unitShown)}"]`)?.focus();
    }
    state.unitShown = null;
  }
}

/** Writes the page in <lang>, its figures drawn again in it. */
function speak(lang) {
  state.lang = lang;
  translatePage();
  if (!state.vocabulary) return;
  fillProvinces();
  fillLevels();
  syncDate();
  sayNothingShown();
  sayJudged();
  // A failure still said is said again in the page's new language.
  if (state.failureSaid && $("status").firstChild === state.failureSaid.node) state.failureSaid.say();
  if ($("unit").hidden) redrawView();
  else {
    // Behind a unit page the view has no width to draw its charts at: it is drawn when shown again.
    state.viewStale = true;
    route();
  }
}

async function start() {
  translatePage();
  if (!key()) return showKeyForm();
  $("key-form").hidden = true;
  $("app").hidden = false;
  $("status").textContent = t("loading");
  state.early = askEarly();
  try {
    [state.vocabulary, state.provinces] = await Promise.all([
      state.vocabulary ?? api("/api/vocabulary"), api("/api/dashboards/provinces")]);
  } catch (error) {
    state.early.clear();
    // A refused key has shown the key form; anything else (the network, the server) is said, with a way to retry.
    if ($("app").hidden) return;
    sayFailure("failedLoad", error, start);
    return;
  }
  $("status").textContent = "";
  translatePage();
  // Named by the vocabulary (the trends' tab), they were hidden until it answered rather than shown blank.
  $("pickers").hidden = false;
  $("tabs").hidden = false;
  fillProvinces();
  pickFirstProvince();
  fillLevels();
  fillYears();
  applyView();
  await load();
  await route();
  // Later loads ask anew: an answer asked early would be of a former moment.
  state.early.clear();
}

document.addEventListener("DOMContentLoaded", () => {
  // The page's line saying it loads, shown while the script came: the key's form or the status line follow it.
  $("starting").remove();
  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const typed = $("key").value.trim();
    // No key (or spaces) is said as a refused key is, in the page's language: the browser's own "fill out this
    // field" is in the browser's (the form is not validated by it), and spaces alone had shown the form again, mute.
    if (!typed) return markKey("noKey");
    sessionStorage.setItem("isoledger.key", typed);
    start();
  });
  $("forget-key").addEventListener("click", () => { sessionStorage.removeItem("isoledger.key"); showKeyForm(); });
  $("language").addEventListener("click", () => {
    speak(state.lang === "vi" ? "en" : "vi");
    localStorage.setItem("isoledger.lang", state.lang);
  });
  // Another tab of the dashboard switched the language: this one follows, as it would once reloaded.
  window.addEventListener("storage", (event) => {
    if (event.key === "isoledger.lang" && TEXT[event.newValue] && event.newValue !== state.lang) speak(event.newValue);
  });
  // The network gone (a phone out of coverage) is said at once, the figures kept; once it is back they are asked
  // again at once, not at the next refresh: quietly where they are shown, or as the view's first load where its load
  // failed; a unit's page asks its own.
  window.addEventListener("offline", () => {
    if (!key() || $("app").hidden || !state.vocabulary) return;
    $("status").textContent = t("offline");
  });
  window.addEventListener("online", () => {
    if (!key() || !$("key-form").hidden) return;
    if (!state.vocabulary) start();
    else if (!$("unit").hidden) route();
    else load(!$("app").classList.contains("load-failed"));
  });
  const changed = () => { syncDate(); recordView(); showView(); load(); route(); };
  $("province").addEventListener("change", () => { fillYears(); state.drill = null; changed(); });
  $("year").addEventListener("change", () => { state.asOf = ""; changed(); });
  // A day typed is taken when the field is left or Enter pressed; one that is not a day up to today is said beside
  // the field, which keeps it to be corrected, and the page stays on its day. An empty field is the year's end.
  $("date").addEventListener("change", () => {
    const typed = $("date").value.trim();
    const asOf = typedDay(typed);
    if (typed && !(asOf && asOf >= EARLIEST_DAY && asOf <= today())) {
      $("date").setAttribute("aria-invalid", "true");
      // What to type instead is said with it, in the hint's words: a screen reader announces the alert alone.
      $("date-error").textContent = `${fill(t("badDate"), { v: typed })} ${t("dateHint")}`;
      return;
    }
    state.asOf = asOf;
    if (state.asOf) fillYears(state.asOf.slice(0, 4));
    changed();
  });
  // The forms a day is typed in show under its field once it is focused: a phone's keypad has no "/".
  $("date").addEventListener("focus", () => $("pickers").classList.add("day-hinted"), { once: true });
  $("clear-date").addEventListener("click", () => { state.asOf = ""; changed(); });
  document.querySelectorAll("#tabs a").forEach((a) => a.addEventListener("click", (event) => {
    event.preventDefault();
    if (location.hash) go("pushState", location.pathname + location.search);
    setView(a.dataset.view);
  }));
  window.addEventListener("popstate", () => {
    // Back from a unit page to the view it was opened from changes the hash alone: the view stays as drawn, so that
    // hashchange can return the focus to the link that opened the page (drawn again, the link would be gone).
    if (location.search === state.search) return;
    state.search = location.search;
    const drawn = choices();
    applyView();
    if (!restoreView(drawn)) load();
    route();
  });
  // The table is drawn for a name once the typing pauses, not at each letter: a province of a thousand units took a
  // second a letter to draw on a phone, the letters typed meanwhile waiting.
  let typing;
  $("annual-filter").addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => { keepInAddress(); renderAnnual(); }, 300);
  });
  $("annual-level").addEventListener("change", () => { recordView(); renderAnnual(); });
  $("annual-csv").addEventListener("click", () => download(
    `/api/reports/annual/${year()}?${q()}${asOfQuery()}&format=csv`,
    fileName("report", "csv"), $("annual-csv")));
  $("annual-xlsx").addEventListener("click", () => download(
    `/api/reports/annual/${year()}?${q()}${asOfQuery()}&format=xlsx`,
    fileName("report", "xlsx"), $("annual-xlsx")));
  $("summary-xlsx").addEventListener("click", () => download(
    `/api/reports/summary/${year()}?${q()}${asOfQuery()}&format=xlsx`,
    fileName("summary", "xlsx"), $("summary-xlsx")));
  $("report-xlsx").addEventListener("click", () => download(
    `/api/reports/province-report/${year()}?${q()}${asOfQuery()}&format=xlsx`,
    fileName("province-report", "xlsx"), $("report-xlsx")));
  $("trends-xlsx").addEventListener("click", () => download(
    `/api/reports/trends?${q()}&asOf=${judgedOn()}&format=xlsx`,
    fileName("trends", "xlsx"), $("trends-xlsx")));
  $("print").addEventListener("click", () => window.print());
  // Not a link to an anchor: the address's hash names the unit page.
  $("skip").addEventListener("click", (event) => {
    event.preventDefault();
    // The figures shown, or what is said instead of them (nothing to show, a failure to load).
    const figures = [$(state.view), $("unit"), $("nothing-shown"), $("status")].find((node) => node.checkVisibility());
    if (!figures) return;
    figures.tabIndex = -1;
    figures.focus();
  });
  window.addEventListener("hashchange", route);
  fitPickers();
  window.addEventListener("resize", fitPickers);
  let width = window.innerWidth;
  window.addEventListener("resize", () => {
    if (Math.abs(window.innerWidth - width) < 40) return;
    width = window.innerWidth;
    redrawCharts();
  });
  // Printing lays the page out at the paper's width, not the screen's: the charts are drawn again for the paper, and
  // for the screen after (a phone printed its narrow chart, scaled up to the page with its text). Drawn before the
  // browser counts the pages: drawn once the print media applies, the paper's charts came after the count, which a
  // phone's taller charts, scaled up, had made a page too many (an empty last page).
  window.addEventListener("beforeprint", () => {
    state.paperWidth = paperWidth();
    redrawCharts();
  });
  window.addEventListener("afterprint", () => {
    state.paperWidth = null;
    redrawCharts();
  });
  // A page shown in the print media without being printed (a browser's print preview of its own, an emulation).
  matchMedia("print").addEventListener("change", redrawCharts);
  // A control the keyboard reaches in a table is brought wholly into view, clear of the header row and the pinned
  // names (their scroll margins): the browser leaves one that shows in part where it is, its rest hidden.
  document.addEventListener("focusin", (event) => {
    const control = event.target;
    if (control.parentElement?.closest(".scroll") && control.matches(":focus-visible")) {
      control.scrollIntoView({ block: "nearest", inline: "nearest" });
    }
  });
  if (!headersFollowByThemselves) window.addEventListener("scroll", followHeaders, { passive: true });
  // A table's box scrolled sideways to its last column is no longer faded there (a box's scroll does not bubble).
  document.addEventListener("scroll", (event) => {
    if (event.target.matches?.("#app .scroll")) markMore(event.target);
  }, { capture: true, passive: true });
  // A soft keyboard opening over a focused field (the screen's visible part shrinking, not zoomed) leaves it in view
  // above the keyboard: a browser that did not scroll it there had left the name filter, typed into, under the
  // keyboard. A reader zooming in and moving about is left where they went.
  let visible = window.visualViewport && { height: visualViewport.height, scale: visualViewport.scale };
  window.visualViewport?.addEventListener("resize", () => {
    const { offsetTop, height, scale } = window.visualViewport;
    const shrunk = scale === visible.scale && height < visible.height;
    visible = { height, scale };
    const field = document.activeElement;
    if (!shrunk || !field?.matches("input, select, textarea")) return;
    const { top, bottom } = field.getBoundingClientRect();
    if (top < offsetTop || bottom > offsetTop + height) field.scrollIntoView({ block: "nearest" });
  });
  // Any table drawn anew (another view, a filter, a refresh) or laid out anew is measured again.
  window.addEventListener("resize", measureTablesSoon);
  new MutationObserver(measureTablesSoon).observe($("app"), { childList: true, subtree: true, attributes: true,
    attributeFilter: ["hidden"] });
  setInterval(() => { if (key() && !$("app").hidden && $("unit").hidden) load(true); }, REFRESH_SECONDS * 1000);
  start();
});
