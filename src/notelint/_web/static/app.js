// notelint page: debounced checks against the local JSON API, highlights, score, fixes.
"use strict";

const I18N = {
  en: {
    skip: "Skip to the note", tagline: "Check a job-interview follow-up note before you send it.",
    uiLanguage: "Page language", noteHeading: "Your note", noteLabel: "Note text",
    noteHelp: "Paste or type the note. YAML front matter between --- lines works too. Findings are highlighted as you type.",
    contextHeading: "About the interview", interviewers: "Interviewers", recipient: "Recipient",
    sender: "Your name", company: "Company", role: "Role", topics: "Topics you talked about",
    interviewAt: "Interview ended", sendAt: "Sent (empty: now)", channel: "Channel",
    default: "(default)", email: "Email", handwritten: "Handwritten card", stage: "Stage",
    afterInterview: "After the interview", afterRejection: "After a rejection",
    noteLanguage: "Language of the note", detect: "Detect",
    grammar: "Spelling and grammar (LanguageTool)",
    commaHelp: "Separate several names or topics with commas.", resultsHeading: "Result",
    score: "Score", fixAll: "Apply all safe fixes",
    footer: "Runs on this computer: the note is not sent anywhere else.",
    checking: "Checking…", checkingGrammar: "Checking spelling and grammar…",
    empty: "Write or paste a note to check it.", none: "No findings. Ready to send?",
    count: (n) => (n === 1 ? "1 finding" : `${n} findings`),
    verdictGood: "Reads well.", verdictOk: "Worth another pass.", verdictBad: "Fix the errors before sending.",
    error: "error", warning: "warning", info: "info", at: (l, c) => `line ${l}, column ${c}`,
    fix: (r) => `Fix: ${r}`, fixRemove: "Fix: remove", unsafe: "unsafe: check the result",
    use: (s) => `Use “${s}”`, show: "Show in the note", fixed: (n) => (n === 1 ? "1 fix applied." : `${n} fixes applied.`),
    skipped: (rules, why) => `Skipped ${rules}: ${why}`, failed: "The check failed:",
    offline: "The notelint server does not answer.",
  },
  de: {
    skip: "Zur Notiz springen", tagline: "Prüfen Sie Ihre Nachricht nach dem Vorstellungsgespräch, bevor Sie sie senden.",
    uiLanguage: "Sprache der Seite", noteHeading: "Ihre Nachricht", noteLabel: "Text der Nachricht",
    noteHelp: "Fügen Sie die Nachricht ein oder tippen Sie sie. YAML-Front-Matter zwischen ----Zeilen geht auch. Fundstellen werden beim Tippen markiert.",
    contextHeading: "Zum Gespräch", interviewers: "Gesprächspartner", recipient: "Empfänger",
    sender: "Ihr Name", company: "Unternehmen", role: "Stelle", topics: "Besprochene Themen",
    interviewAt: "Gespräch endete", sendAt: "Gesendet (leer: jetzt)", channel: "Weg",
    default: "(Standard)", email: "E-Mail", handwritten: "Handschriftliche Karte", stage: "Phase",
    afterInterview: "Nach dem Gespräch", afterRejection: "Nach einer Absage",
    noteLanguage: "Sprache der Nachricht", detect: "Erkennen",
    grammar: "Rechtschreibung und Grammatik (LanguageTool)",
    commaHelp: "Mehrere Namen oder Themen mit Kommas trennen.", resultsHeading: "Ergebnis",
    score: "Punkte", fixAll: "Alle sicheren Korrekturen anwenden",
    footer: "Läuft auf diesem Rechner: Die Nachricht wird nirgendwohin sonst geschickt.",
    checking: "Wird geprüft…", checkingGrammar: "Rechtschreibung und Grammatik werden geprüft…",
    empty: "Schreiben oder fügen Sie eine Nachricht ein, um sie zu prüfen.", none: "Keine Fundstellen. Bereit zum Senden?",
    count: (n) => (n === 1 ? "1 Fundstelle" : `${n} Fundstellen`),
    verdictGood: "Liest sich gut.", verdictOk: "Noch einmal überarbeiten lohnt sich.", verdictBad: "Beheben Sie die Fehler vor dem Senden.",
    error: "Fehler", warning: "Warnung", info: "Hinweis", at: (l, c) => `Zeile ${l}, Spalte ${c}`,
    fix: (r) => `Korrigieren: ${r}`, fixRemove: "Korrigieren: entfernen", unsafe: "unsicher: Ergebnis prüfen",
    use: (s) => `„${s}“ verwenden`, show: "In der Nachricht zeigen", fixed: (n) => (n === 1 ? "1 Korrektur angewendet." : `${n} Korrekturen angewendet.`),
    skipped: (rules, why) => `Übersprungen: ${rules}: ${why}`, failed: "Die Prüfung ist fehlgeschlagen:",
    offline: "Der notelint-Server antwortet nicht.",
  },
};

const DEBOUNCE_MS = 350;
const $ = (id) => document.getElementById(id);
const note = $("note");
let lang = "en";
let seq = 0;
let timer = null;
let last = null; // {text, report}

function t(key, ...args) {
  const v = (I18N[lang] || I18N.en)[key];
  return typeof v === "function" ? v(...args) : v;
}

function setLang(value) {
  lang = I18N[value] ? value : "en";
  document.documentElement.lang = lang;
  $("ui-lang").value = lang;
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  try { localStorage.setItem("notelint-ui-lang", lang); } catch (e) { /* private mode */ }
  if (last) render(last.text, last.report, last.status);
  else setStatus(t("empty"));
}

function setStatus(text, isError = false) {
  const s = $("status");
  s.textContent = text;
  s.classList.toggle("error", isError);
  s.setAttribute("role", isError ? "alert" : "status");
}

function splitList(value) {
  return value.split(",").map((x) => x.trim()).filter(Boolean);
}

function isoFromLocal(value) {
  if (!value) return null;
  const d = new Date(value);
  return isNaN(d) ? null : d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function context() {
  const ctx = {};
  for (const key of ["interviewers", "topics"]) {
    const v = splitList($(`ctx-${key}`).value);
    if (v.length) ctx[key] = v;
  }
  for (const key of ["recipient", "sender", "company", "role", "channel", "stage", "lang"]) {
    const v = $(`ctx-${key}`).value.trim();
    if (v) ctx[key] = v;
  }
  for (const key of ["interview_at", "send_at"]) {
    const v = isoFromLocal($(`ctx-${key}`).value);
    if (v) ctx[key] = v;
  }
  return ctx;
}

// Offsets from the API count code points; JavaScript strings count UTF-16 units.
function unitIndex(text) {
  const idx = [0];
  let u = 0;
  for (const ch of text) { u += ch.length; idx.push(u); }
  return idx;
}

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

async function post(path, body) {
  let res;
  try {
    res = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  } catch (e) {
    throw new Error(t("offline"));
  }
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new Error((data && data.error && data.error.message) || `HTTP ${res.status}`);
  return data;
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(check, DEBOUNCE_MS);
}

async function check() {
  clearTimeout(timer);
  const mine = ++seq;
  const text = note.value;
  if (!text.trim()) { last = null; render(text, null); setStatus(t("empty")); return; }
  const body = { text, context: context(), grammar: false };
  setStatus(t("checking"));
  try {
    const out = await post("/v1/check", body);
    if (mine !== seq || note.value !== text) return; // stale: the note changed meanwhile
    const grammar = $("grammar").checked;
    render(text, out.reports[0], grammar ? t("checkingGrammar") : null);
    if (!grammar) return;
    const full = await post("/v1/check", { ...body, grammar: true });
    if (mine !== seq || note.value !== text) return;
    render(text, full.reports[0]);
  } catch (e) {
    if (mine === seq) setStatus(`${t("failed")} ${e.message}`, true);
  }
}

async function applyFixes(fixes) {
  const mine = ++seq;
  const text = note.value;
  try {
    const out = await post("/v1/fix", { text, context: context(), grammar: false, fixes });
    if (mine !== seq || note.value !== text) return;
    note.value = out.text;
    syncScroll();
    render(out.text, out.output.reports[0] || null, t("fixed", out.applied));
    if ($("grammar").checked) schedule();
  } catch (e) {
    if (mine === seq) setStatus(`${t("failed")} ${e.message}`, true);
  }
}

function render(text, report, status) {
  last = report ? { text, report, status } : null;
  const hl = $("highlights");
  const list = $("findings");
  list.replaceChildren();
  if (!report) {
    hl.innerHTML = escapeHtml(text) + "\n";
    $("score").value = 0; $("score-value").textContent = "–"; $("verdict").textContent = "";
    $("fix-all").disabled = true;
    return;
  }
  const idx = unitIndex(text);
  const u = (cp) => idx[Math.min(cp, idx.length - 1)];
  let html = "", pos = 0;
  const sorted = [...report.findings].sort((a, b) => a.start - b.start || b.end - a.end);
  sorted.forEach((f) => {
    const s = u(f.start), e = u(Math.max(f.end, f.start));
    if (s < pos || e <= s) return; // overlapping or empty spans are listed, not highlighted
    html += escapeHtml(text.slice(pos, s));
    html += `<mark class="${f.severity}" data-rule="${escapeHtml(f.rule)}" data-start="${f.start}">${escapeHtml(text.slice(s, e))}</mark>`;
    pos = e;
  });
  hl.innerHTML = html + escapeHtml(text.slice(pos)) + "\n";
  syncScroll();

  $("score").value = report.score;
  $("score-value").textContent = String(report.score);
  const worst = report.findings.some((f) => f.severity === "error") ? "verdictBad" : report.score >= 85 ? "verdictGood" : "verdictOk";
  $("verdict").textContent = t(worst);

  report.findings.forEach((f, i) => list.append(findingItem(f, i, text, u)));
  const safe = report.findings.filter((f) => f.fix && f.fix.applicability === "safe");
  $("fix-all").disabled = safe.length === 0;
  const skipped = report.skipped.map((s) => t("skipped", s.rule, s.reason)).join(" ");
  setStatus([status || (report.findings.length ? t("count", report.findings.length) : t("none")), skipped].filter(Boolean).join(" "));
}

function findingItem(f, i, text, u) {
  const li = document.createElement("li");
  li.className = f.severity;
  li.id = `finding-${i}`;
  li.dataset.rule = f.rule;
  const head = document.createElement("div");
  head.innerHTML = `<span class="sev">${escapeHtml(t(f.severity))}</span> <code>${escapeHtml(f.rule)}</code> · ${escapeHtml(t("at", f.line, f.column))}`;
  const msg = document.createElement("p");
  msg.className = "msg";
  msg.textContent = f.message;
  const actions = document.createElement("div");
  actions.className = "actions";
  const show = button(t("show"), () => {
    note.focus();
    note.setSelectionRange(u(f.start), u(f.end));
  });
  actions.append(show);
  if (f.fix) {
    const label = f.fix.replacement ? t("fix", f.fix.replacement) : t("fixRemove");
    const b = button(label, () => applyFixes([f.fix]), f.fix.applicability === "safe" ? "primary fix" : "fix");
    if (f.fix.applicability !== "safe") b.setAttribute("aria-describedby", `unsafe-${i}`);
    actions.append(b);
    if (f.fix.applicability !== "safe") {
      const warn = document.createElement("span");
      warn.className = "unsafe"; warn.id = `unsafe-${i}`; warn.textContent = t("unsafe");
      actions.append(warn);
    }
  }
  for (const s of f.suggestions) {
    if (f.fix && s === f.fix.replacement) continue;
    actions.append(button(t("use", s), () => applyFixes([{ start: f.start, end: f.end, replacement: s, applicability: "unsafe" }]), "suggestion"));
  }
  li.append(head, msg, actions);
  return li;
}

function button(label, onClick, cls = "") {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  if (cls) b.className = cls;
  b.addEventListener("click", onClick);
  return b;
}

function syncScroll() {
  const backdrop = document.querySelector(".backdrop");
  backdrop.scrollTop = note.scrollTop;
  backdrop.scrollLeft = note.scrollLeft;
}

function init() {
  let saved = null;
  try { saved = localStorage.getItem("notelint-ui-lang"); } catch (e) { /* private mode */ }
  setLang(saved || ((navigator.language || "en").toLowerCase().startsWith("de") ? "de" : "en"));
  $("ui-lang").addEventListener("change", (e) => setLang(e.target.value));
  note.addEventListener("input", () => { $("highlights").textContent = note.value + "\n"; schedule(); });
  note.addEventListener("scroll", syncScroll);
  for (const el of document.querySelectorAll(".context input, .context select")) {
    el.addEventListener("input", schedule);
    el.addEventListener("change", schedule);
  }
  $("fix-all").addEventListener("click", () => applyFixes(null));
  fetch("/healthz").then((r) => r.json()).then((h) => {
    if (!h.grammar) { $("grammar").checked = false; $("grammar").disabled = true; }
  }).catch(() => setStatus(t("offline"), true));
  if (note.value.trim()) check();
}

init();
