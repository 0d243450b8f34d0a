/*
 * 检查我的稿件: the checker in a Web Worker (a module worker), so a long draft never
 * freezes the page. Pyodide comes from this site (assets/vendor/pyodide, vendored from
 * npm by scripts/vendor_pyodide.py); the gongwen library and its schemas (JSON) from
 * assets/draftcheck/gongwen.zip, built with the site. Every rule is the Python one: no
 * rule is written again in JavaScript. Nothing here sends the draft anywhere.
 *
 * Messages in: {id, kind: "check", text, doctype}, {id, kind: "read", name, data} or
 * {id, kind: "annotate", name, data, doctype} (the .docx with its findings as comments).
 * Messages out: {kind: "ready", ms, pyodideMs, setupMs} once loaded, {kind: "failed", error} if loading
 * failed, and {id, ok, result | text | error} per request.
 */
import { loadPyodide } from "../vendor/pyodide/pyodide.mjs";

const PYODIDE = new URL("../vendor/pyodide/", import.meta.url).href;
const BUNDLE = new URL("../draftcheck/gongwen.zip", import.meta.url).href;
const LIB = "/gongwen-lib";

const SETUP = `
import json, sys
sys.path.insert(0, "${LIB}")
from gongwen.check.draft import DraftError, check_draft, load_schemas_json, read_upload

with open("${LIB}/gongwen_schemas.json", encoding="utf-8") as handle:
    SCHEMAS = load_schemas_json(handle.read())

def _answer(fn):
    try:
        return json.dumps({"ok": True, "value": fn()}, ensure_ascii=False)
    except DraftError as exc:
        return json.dumps({"ok": False, "error": str(exc)}, ensure_ascii=False)

def page_check(text, doctype):
    return _answer(lambda: check_draft(text, doctype or None, SCHEMAS))

def page_read(data, name):
    return _answer(lambda: read_upload(bytes(data.to_py()), name))

def page_annotate(data, name, doctype):
    """The .docx with every finding as a comment (bytes), or the reason it cannot be (str)."""
    from gongwen.export.docx_comments import annotated_draft
    try:
        return annotated_draft(bytes(data.to_py()), name, doctype or None, SCHEMAS)
    except DraftError as exc:
        return str(exc)
`;

const started = performance.now();

async function setUp() {
  const [pyodide, zip] = await Promise.all([
    loadPyodide({ indexURL: PYODIDE, fullStdLib: false }),
    fetch(BUNDLE, { cache: "no-cache" }).then((response) => {
      if (!response.ok) throw new Error(`${BUNDLE}: HTTP ${response.status}`);
      return response.arrayBuffer();
    }),
  ]);
  const loaded = performance.now();
  pyodide.unpackArchive(zip, "zip", { extractDir: LIB });
  pyodide.runPython(SETUP);
  // Import and warm the rules once, so the writer's first check is as fast as the next.
  pyodide.globals.get("page_check")("一、预热\n", "");
  return {
    pyodideMs: Math.round(loaded - started),
    setupMs: Math.round(performance.now() - loaded),
    check: pyodide.globals.get("page_check"),
    read: pyodide.globals.get("page_read"),
    annotate: pyodide.globals.get("page_annotate"),
  };
}

const ready = setUp();
ready.then(
  (api) => postMessage({ kind: "ready", ms: Math.round(performance.now() - started),
                         pyodideMs: api.pyodideMs, setupMs: api.setupMs }),
  (error) => postMessage({ kind: "failed", error: String(error && error.message || error) }),
);

onmessage = async (event) => {
  const { id, kind } = event.data;
  let api;
  try {
    api = await ready;
  } catch (error) {
    postMessage({ id, ok: false, failed: true, error: String(error && error.message || error) });
    return;
  }
  const started = performance.now();
  if (kind === "annotate") {
    try {
      const out = api.annotate(event.data.data, event.data.name, event.data.doctype || "");
      if (typeof out === "string") {
        postMessage({ id, ok: false, error: out });
      } else {
        const bytes = out.toJs();
        out.destroy();
        postMessage({ id, ok: true, value: bytes, ms: Math.round(performance.now() - started) },
                    [bytes.buffer]);
      }
    } catch (error) {
      postMessage({ id, ok: false, bug: true, error: String(error && error.message || error) });
    }
    return;
  }
  try {
    const answer = JSON.parse(kind === "read"
      ? api.read(event.data.data, event.data.name)
      : api.check(event.data.text, event.data.doctype || ""));
    postMessage({ id, ...answer, ms: Math.round(performance.now() - started) });
  } catch (error) {
    // A bug of the checker, not of the draft: say so, with the Python error for a report.
    postMessage({ id, ok: false, bug: true, error: String(error && error.message || error) });
  }
};
