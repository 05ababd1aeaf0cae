// The SQL editor: CodeMirror with SQLite highlighting and schema-aware autocomplete, laid over the page's
// plain <textarea>, which stays the form field, so the page still works as a plain form without JavaScript.
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { Prec } from "@codemirror/state";
import { sql, SQLite } from "@codemirror/lang-sql";

function runQuery() {
  document.getElementById("run")?.click();
  return true;
}

// A draft survives "New data" and reloads; a graded attempt or a Run result shows what the server has instead.
function draftFor(area) {
  const key = area.dataset.draftKey;
  const showsServerText = new URLSearchParams(location.search).has("attempt")
    || document.getElementById("run-result") || document.getElementById("error");
  const draft = key && !showsServerText ? localStorage.getItem(key) : null;
  return { key, text: draft ?? area.value };
}

function startEditor() {
  const area = document.getElementById("Sql");
  if (!area) return;
  const schema = JSON.parse(area.dataset.schema || "{}");
  const { key, text } = draftFor(area);
  area.value = text;
  const view = new EditorView({
    doc: text,
    extensions: [
      basicSetup,
      sql({ dialect: SQLite, schema, upperCaseKeywords: false }),
      Prec.highest(keymap.of([{ key: "Mod-Enter", run: runQuery }])),
      EditorView.lineWrapping,
      EditorView.cspNonce.of(document.querySelector("meta[name=csp-style-nonce]")?.content ?? ""),
      EditorView.contentAttributes.of({ "aria-label": "SQL editor", "data-testid": "sql-editor" }),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        area.value = update.state.doc.toString();
        if (key) localStorage.setItem(key, area.value);
      }),
    ],
  });
  area.hidden = true;
  area.insertAdjacentElement("afterend", view.dom);
  view.dom.classList.add("sql-editor");
  window.dsloopSqlEditor = view;
}

// Hints are nested <details>; the form records how many were opened.
function trackHints() {
  const field = document.getElementById("HintsSeen");
  if (!field) return;
  for (const hint of document.querySelectorAll("details.hint")) {
    hint.addEventListener("toggle", () => {
      if (hint.open) field.value = String(Math.max(Number(field.value) || 0, Number(hint.dataset.hint)));
    });
  }
}

document.addEventListener("DOMContentLoaded", () => {
  // Ctrl+Enter also works in the plain text area, before or without the editor.
  document.getElementById("Sql")?.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      runQuery();
    }
  });
  startEditor();
  trackHints();
});
