// essaycheck's page: send the essay, show the lookups' progress, show the report, offer the downloads.
// The report's HTML comes from the server, where everything taken from the essay is escaped;
// this script adds to it only text (textContent), never markup built from the essay.
"use strict";

const NDJSON = "application/x-ndjson";

const $ = (selector, root = document) => root.querySelector(selector);

function setStatus(text, { error = false, done = null, total = null } = {}) {
  const status = $("#status");
  status.textContent = text;
  status.classList.toggle("app-error", error);
  if (total) {
    const bar = document.createElement("progress");
    bar.max = total;
    bar.value = done;
    bar.setAttribute("aria-label", "lookups done");
    status.append(bar);
  }
}

// --- sending the essay ---------------------------------------------------------------------

async function upload(file) {
  $("#report").replaceChildren();
  $("#downloads").hidden = true;
  setStatus(`Sending ${file.name}…`);
  let response;
  try {
    response = await fetch("/api/check", {
      method: "POST",
      headers: { "Accept": NDJSON, "Content-Type": "application/octet-stream",
                 "X-Essay-Name": encodeURIComponent(file.name) },
      body: file,
    });
  } catch (error) {
    setStatus("The page could not reach essaycheck. Is it still running?", { error: true });
    return;
  }
  if (!response.ok) {
    let message = `essaycheck refused the file (HTTP ${response.status}).`;
    try { message = (await response.json()).error || message; } catch (ignored) { /* not JSON */ }
    setStatus(message, { error: true });
    return;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffered += decoder.decode(value, { stream: true });
    let newline;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.trim()) handle(JSON.parse(line), file.name);
    }
    if (done) break;
  }
}

function handle(event, name) {
  if (event.event === "waiting") setStatus(event.message);
  else if (event.event === "checking") setStatus(`Checking ${name}…`);
  else if (event.event === "progress") {
    setStatus(`Looking up DOIs and links: ${event.done} of ${event.total}`, { done: event.done, total: event.total });
  } else if (event.event === "error") setStatus(event.message, { error: true });
  else if (event.event === "report") showReport(event);
}

// --- the report ----------------------------------------------------------------------------

function showReport(result) {
  const report = $("#report");
  report.innerHTML = result.html;  // escaped by the server (essaycheck.render.html)
  const summary = result.report.summary || {};
  const errors = summary.errors ?? 0, warnings = summary.warnings ?? 0;
  setStatus(errors + warnings === 0 ? `${result.name}: no problems found.`
    : `${result.name}: ${errors} error${errors === 1 ? "" : "s"} and ${warnings} warning${warnings === 1 ? "" : "s"}.`);
  addCopyButtons(report);
  addSearch(report);
  linkMarks(report);
  showDownloads(result.downloads || {});
}

function addCopyButtons(root) {
  for (const code of root.querySelectorAll(".fix code")) {
    code.after(copyButton(() => code.textContent, "Copy this fix"));
  }
}

function copyButton(textOf, label, htmlOf = null) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "copy";
  button.textContent = "Copy";
  button.setAttribute("aria-label", label);
  button.addEventListener("click", async () => {
    button.textContent = (await copy(textOf(), htmlOf && htmlOf())) ? "Copied" : "Select and copy by hand";
  });
  return button;
}

async function copy(text, html) {
  try {
    if (html && window.ClipboardItem) {
      await navigator.clipboard.write([new ClipboardItem({
        "text/plain": new Blob([text], { type: "text/plain" }),
        "text/html": new Blob([html], { type: "text/html" }) })]);
    } else {
      await navigator.clipboard.writeText(text);
    }
    return true;
  } catch (error) {  // no clipboard API (a page served over plain HTTP from another machine)
    const area = document.createElement("textarea");
    area.value = text;
    document.body.append(area);
    area.select();
    const copied = document.execCommand && document.execCommand("copy");
    area.remove();
    return Boolean(copied);
  }
}

function addSearch(root) {
  const section = $("section.problems", root);
  const items = section ? section.querySelectorAll("ol.problems > li") : [];
  if (!items.length) return;
  const box = document.createElement("div");
  box.className = "search";
  const label = document.createElement("label");
  label.textContent = "Find a problem";
  label.htmlFor = "problem-search";
  label.className = "note";
  const input = document.createElement("input");
  input.type = "search";
  input.id = "problem-search";
  input.placeholder = "a word, a name or a rule (e.g. missing-reference)";
  input.addEventListener("input", () => {
    const wanted = input.value.trim().toLowerCase();
    for (const item of items) item.hidden = wanted !== "" && !item.textContent.toLowerCase().includes(wanted);
  });
  box.append(label, input);
  $("h2", section).after(box);
}

function flash(element) {
  element.classList.remove("flash");
  void element.offsetWidth;  // restart the animation
  element.classList.add("flash");
}

function linkMarks(root) {
  // a problem's place in the essay -> the problem, and back
  for (const mark of root.querySelectorAll("mark[data-problems]")) {
    mark.tabIndex = 0;
    mark.setAttribute("role", "link");
    const go = () => {
      const target = document.getElementById(`problem-${mark.dataset.problems.split(" ")[0]}`);
      if (!target) return;
      target.scrollIntoView({ block: "center" });
      flash(target);
    };
    mark.addEventListener("click", go);
    mark.addEventListener("keydown", (event) => { if (event.key === "Enter") go(); });
  }
  for (const link of root.querySelectorAll('ol.problems a[href^="#at-"]')) {
    link.addEventListener("click", (event) => {
      const anchor = document.getElementById(link.getAttribute("href").slice(1));
      if (!anchor) return;
      event.preventDefault();
      const place = anchor.nextElementSibling && anchor.nextElementSibling.tagName === "MARK"
        ? anchor.nextElementSibling : anchor.parentElement;
      place.scrollIntoView({ block: "center" });
      flash(place);
    });
  }
}

function showDownloads(downloads) {
  const labels = { annotated: "Your essay with a comment at each problem",
                   fixed: "Your essay with the sure fixes made, as tracked changes",
                   references_docx: "Corrected reference list (Word)",
                   references_txt: "Corrected reference list (text)" };
  const list = $("#downloads ul");
  for (const old of list.querySelectorAll("a")) URL.revokeObjectURL(old.href);
  list.replaceChildren();
  for (const [key, file] of Object.entries(downloads)) {
    const bytes = Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0));
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([bytes], { type: file.type }));
    link.download = file.name;
    link.id = `download-${key}`;
    link.textContent = labels[key] || file.name;
    const item = document.createElement("li");
    item.append(link);
    list.append(item);
  }
  $("#downloads").hidden = list.children.length === 0;
}

// --- the DOI box ---------------------------------------------------------------------------

async function cite(event) {
  event.preventDefault();
  const result = $("#cite-result");
  const doi = $("#doi").value.trim();
  if (!doi) return;
  result.textContent = "Looking it up…";
  let answer, ok = false;
  try {
    const response = await fetch("/api/cite", { method: "POST", headers: { "Content-Type": "application/json" },
                                                body: JSON.stringify({ doi }) });
    ok = response.ok;
    answer = await response.json();
  } catch (error) {
    answer = { error: "The page could not reach essaycheck. Is it still running?" };
  }
  if (!ok) {
    result.textContent = answer.error || "No entry could be made.";
    result.classList.add("app-error");
    return;
  }
  result.classList.remove("app-error");
  const entry = document.createElement("p");
  entry.className = "entry";
  entry.innerHTML = answer.html;  // made by citeproc on the server, text escaped there
  const forms = document.createElement("p");
  forms.className = "note";
  forms.textContent = `In the text: ${answer.parenthetical} or ${answer.narrative}`;
  entry.append(copyButton(() => answer.entry, "Copy this entry", () => answer.html));
  result.replaceChildren(entry, forms);
}

// --- wiring --------------------------------------------------------------------------------

document.addEventListener("DOMContentLoaded", () => {
  const form = $("#upload"), input = $("#essay");
  input.addEventListener("change", () => { if (input.files.length) upload(input.files[0]); });
  form.addEventListener("submit", (event) => { event.preventDefault(); if (input.files.length) upload(input.files[0]); });
  for (const name of ["dragenter", "dragover"]) {
    form.addEventListener(name, (event) => { event.preventDefault(); form.classList.add("over"); });
  }
  form.addEventListener("dragleave", () => form.classList.remove("over"));
  form.addEventListener("drop", (event) => {
    event.preventDefault();
    form.classList.remove("over");
    if (event.dataTransfer.files.length) upload(event.dataTransfer.files[0]);
  });
  $("#cite").addEventListener("submit", cite);
});
