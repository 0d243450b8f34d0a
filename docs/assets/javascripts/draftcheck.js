/*
 * 检查我的稿件: the page side. Sends the draft to the checker's Web Worker (in this
 * browser; nothing is uploaded) and shows the result like the 结构检查 panel of the
 * templates: status, findings with their severity, outline, and the draft with the
 * paragraphs that have findings highlighted. Plain JS; Material's instant navigation
 * re-runs this script when the page is reached by a link, so it sets itself up on the
 * current DOM each time and keeps one worker for the whole visit.
 */
(function () {
  "use strict";

  var form = document.getElementById("gw-draft-form");
  if (!form) return;
  var box = document.getElementById("gw-draft-text");
  var picker = document.getElementById("gw-draft-file");
  var select = document.getElementById("gw-draft-type");
  var button = document.getElementById("gw-draft-submit");
  var statusEl = document.getElementById("gw-draft-status");
  var errorEl = document.getElementById("gw-draft-error");
  var resultEl = document.getElementById("gw-draft-result");
  var downloadEl = document.getElementById("gw-draft-download");
  var annotateButton = document.getElementById("gw-draft-annotate");
  var docx = null;  // {name, data, text} of the .docx last read, for 下载带批注的 Word
  var siteRoot = form.getAttribute("data-site-root") || "../";
  var MAX_BYTES = 5 * 1024 * 1024;
  // Linked from a type page or template as check-draft/?type=summary: that 文种 chosen.
  var wanted = new URLSearchParams(location.search).get("type");
  if (wanted && select.querySelector("option[value='" + wanted.replace(/[^a-z-]/g, "") + "']")) {
    select.value = wanted;
  }

  function setStatus(text) { statusEl.textContent = text; }
  function showError(text) {
    errorEl.textContent = text;
    errorEl.hidden = !text;
  }
  function busy(on) {
    button.disabled = on;
    picker.disabled = on;
    form.setAttribute("aria-busy", on ? "true" : "false");
  }

  // The offline edition (file://): Chromium refuses to load the checker's modules there.
  if (location.protocol === "file:") {
    busy(true);
    setStatus("");
    showError("离线版无法在本页检查稿件：浏览器不允许从本机文件（file://）加载检查程序。" +
      "请打开内网上的站点使用本页，或在命令行运行 python scripts/check.py 稿件.docx。");
    return;
  }
  if (typeof Worker === "undefined" || typeof WebAssembly === "undefined") {
    busy(true);
    setStatus("");
    showError("这个浏览器不支持本页所需的功能（Web Worker 与 WebAssembly），无法检查。" +
      "请换用较新版本的 Chrome、Edge、Firefox 或 360 极速浏览器（极速模式）。");
    return;
  }

  // One worker per visit: instant navigation back to this page reuses it.
  var state = window.__gongwenDraft;
  if (!state) {
    state = window.__gongwenDraft = { next: 1, pending: {}, ready: false, failed: null };
    try {
      state.worker = new Worker(form.getAttribute("data-worker"), { type: "module" });
    } catch (e) {
      state.failed = String(e && e.message || e);
    }
    if (state.worker) {
      state.worker.onmessage = function (event) {
        var msg = event.data;
        if (msg.kind === "ready") {
          state.ready = true;
          state.loadMs = msg.ms;  // read by scripts/bench_draftcheck.py
          state.pyodideMs = msg.pyodideMs;
          state.setupMs = msg.setupMs;
          if (state.onready) state.onready();
          return;
        }
        if (msg.kind === "failed") {
          state.failed = msg.error;
          if (state.onready) state.onready();
          return;
        }
        var done = state.pending[msg.id];
        delete state.pending[msg.id];
        if (done) done(msg);
      };
      state.worker.onerror = function (event) {
        state.failed = event.message || "worker error";
        if (state.onready) state.onready();
      };
    }
  }

  function loadFailedText() {
    return "检查程序载入失败，无法检查（" + state.failed + "）。请刷新页面重试；" +
      "如仍失败，请联系站点维护者，或在命令行运行 python scripts/check.py 稿件.docx。";
  }

  function onReady() {
    if (state.failed) {
      busy(true);
      setStatus("");
      showError(loadFailedText());
    } else if (state.ready) {
      busy(false);
      setStatus("检查程序已就绪（在本机浏览器中运行）。");
    }
  }
  state.onready = onReady;
  if (state.ready || state.failed) onReady(); else busy(true);

  function ask(message) {
    return new Promise(function (resolve) {
      var id = state.next++;
      state.pending[id] = resolve;
      message.id = id;
      state.worker.postMessage(message);
    });
  }

  function answerError(msg) {
    if (msg.failed) return loadFailedText();
    if (msg.bug) return "检查程序出错（" + msg.error + "）。请把稿件和这条消息报告给站点维护者。";
    return msg.error;
  }

  function check(text) {
    showError("");
    downloadEl.hidden = true;
    if (!text.trim()) {
      resultEl.textContent = "";
      showError("稿件是空的：请把正文粘贴到文本框中，或选择一个 .docx / .txt 文件。");
      box.focus();
      return Promise.resolve();
    }
    busy(true);
    setStatus("正在检查（" + text.length + "字）……");
    return ask({ kind: "check", text: text, doctype: select.value }).then(function (msg) {
      busy(false);
      if (!msg.ok) {
        setStatus("");
        resultEl.textContent = "";
        showError(answerError(msg));
        return;
      }
      render(msg.value);
      // The commented copy is of the file as read: offered while the box still holds its text.
      downloadEl.hidden = !(docx && docx.text === text);
      setStatus("检查完成（" + msg.value.chars + "字，用时" + msg.ms + "毫秒）。");
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!state.ready) return;
    check(box.value);
  });

  picker.addEventListener("change", function () {
    var file = picker.files && picker.files[0];
    if (!file) return;
    showError("");
    if (file.size > MAX_BYTES) {
      showError(file.name + "：文件过大（" + (file.size / 1024 / 1024).toFixed(1) +
        " MB，上限 5 MB）。一篇公文不会这么大：请确认选对了文件，或删去其中的图片后再检查。");
      picker.value = "";
      return;
    }
    busy(true);
    setStatus("正在读取 " + file.name + "……");
    var buffer;
    file.arrayBuffer().then(function (data) {
      buffer = data;
      return ask({ kind: "read", name: file.name, data: new Uint8Array(data).slice() });
    }).then(function (msg) {
      busy(false);
      picker.value = "";
      if (!msg.ok) {
        setStatus("");
        resultEl.textContent = "";
        showError(answerError(msg));
        return;
      }
      box.value = msg.value;
      docx = /\.docx$/i.test(file.name) ? { name: file.name, data: new Uint8Array(buffer),
                                            text: msg.value } : null;
      return check(msg.value);
    }, function (error) {
      busy(false);
      showError(file.name + "：无法读取这个文件（" + error + "）。");
    });
  });

  box.addEventListener("input", function () {
    if (docx && box.value !== docx.text) downloadEl.hidden = true;
  });

  annotateButton.addEventListener("click", function () {
    if (!docx) return;
    showError("");
    annotateButton.disabled = true;
    setStatus("正在生成带批注的 Word 文档……");
    ask({ kind: "annotate", name: docx.name, data: docx.data.slice(), doctype: select.value })
      .then(function (msg) {
        annotateButton.disabled = false;
        if (!msg.ok) {
          setStatus("");
          showError(answerError(msg));
          return;
        }
        var name = docx.name.replace(/\.docx$/i, "") + "（带批注）.docx";
        var url = URL.createObjectURL(new Blob([msg.value], {
          type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }));
        var a = document.createElement("a");
        a.href = url;  // a blob: URL made here, in this browser: nothing is uploaded
        a.download = name;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
        setStatus("已生成 " + name + "（在浏览器的下载中）。");
      });
  });

  // ------------------------------------------------------------------ rendering

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function link(className, href, text) {
    var a = el("a", className, text);
    a.href = href;
    return a;
  }

  function lineId(line) { return "gw-draft-L" + line; }

  function render(result) {
    resultEl.textContent = "";
    var details = el("details", "gw-check gw-check--" + result.status);
    details.open = true;
    var summary = el("summary", "gw-check__summary");
    summary.appendChild(el("span", "gw-check__heading", "检查结果"));
    summary.appendChild(document.createTextNode(" "));
    summary.appendChild(el("span", "gw-badge gw-badge--" + result.status, result.status_label));
    summary.appendChild(document.createTextNode(" "));
    var kind = result.doctype_label
      ? result.doctype_label + (result.auto ? "（自动识别）" : "")
      : "未识别文种";
    summary.appendChild(el("span", "gw-check__counts", kind + " · 错误" + result.counts.error +
      " · 警告" + result.counts.warning + " · 提示" + result.counts.info));
    details.appendChild(summary);
    var body = el("div", "gw-check__body");
    details.appendChild(body);

    if (!result.doctype) {
      body.appendChild(el("p", "gw-check__label",
        "没有从标题认出文种，只检查了各文种通用的规则。请在“文种”中选择后再检查一次。"));
    }
    var byLine = {};  // line → its findings, worst first (for the rendering below)
    var rank = { error: 3, warning: 2, info: 1 };
    if (result.findings.length) {
      body.appendChild(el("p", "gw-check__label", "发现的问题（按行号）")).id = "gw-draft-findings-label";
      var list = el("ul", "gw-findings");
      list.setAttribute("aria-labelledby", "gw-draft-findings-label");
      result.findings.forEach(function (f) {
        var item = el("li", "gw-finding gw-finding--" + f.severity);
        item.appendChild(el("span", "gw-sev gw-sev--" + f.severity, f.severity_label));
        var rule = link("gw-rule", siteRoot + "guide/rules/#" + f.rule.toLowerCase(),
          f.title ? f.rule + " " + f.title : f.rule);
        rule.title = "规则说明" + (f.summary ? "：" + f.summary : "");
        item.appendChild(rule);
        item.appendChild(el("span", "gw-msg", f.message));
        if (f.line) {
          var at = link("gw-line", "#" + lineId(f.line), "第" + f.line + "行");
          at.setAttribute("data-line", f.line);
          item.appendChild(at);
          (byLine[f.line] = byLine[f.line] || []).push(f);
        }
        if (f.guide) item.appendChild(link("gw-guide", siteRoot + f.guide, "写作通则"));
        list.appendChild(item);
      });
      body.appendChild(list);
    } else {
      body.appendChild(el("p", "gw-check__label", "未发现问题。"));
    }
    if (result.outline.length) {
      body.appendChild(el("p", "gw-check__label", "提纲（从正文提取）")).id = "gw-draft-outline-label";
      var outline = el("ul", "gw-outline");
      outline.setAttribute("aria-labelledby", "gw-draft-outline-label");
      result.outline.forEach(function (h) {
        var item = el("li", "gw-outline__item gw-outline__item--l" + h.level);
        item.appendChild(link(null, "#" + lineId(h.line), h.label + h.title));
        outline.appendChild(item);
      });
      body.appendChild(outline);
    }
    resultEl.appendChild(details);

    // The draft as the checker read it: one paragraph a line, numbered like the findings.
    resultEl.appendChild(el("p", "gw-check__label", "稿件（有问题的段落已标出）")).id = "gw-draft-render-label";
    var draft = el("div", "gw-draft__render");
    draft.setAttribute("role", "region");
    draft.setAttribute("aria-labelledby", "gw-draft-render-label");
    draft.tabIndex = 0;
    var fragment = document.createDocumentFragment();
    result.lines.forEach(function (text, index) {
      var line = index + 1;
      var found = (byLine[line] || []).sort(function (a, b) { return rank[b.severity] - rank[a.severity]; });
      if (!text.trim() && !found.length) return;
      var p = el("p", found.length ? "gw-draft__line--" + found[0].severity : null);
      p.id = lineId(line);
      p.appendChild(el("span", "gw-draft__no", String(line)));
      p.appendChild(document.createTextNode(text));
      found.forEach(function (f) {
        p.appendChild(el("span", "gw-draft__note", f.severity_label + "：" + f.message));
      });
      fragment.appendChild(p);
    });
    draft.appendChild(fragment);
    resultEl.appendChild(draft);
  }

  // A finding's or outline's link: scroll the draft to the paragraph and mark it.
  resultEl.addEventListener("click", function (event) {
    var a = event.target.closest && event.target.closest("a[href^='#gw-draft-L']");
    if (!a) return;
    var target = document.getElementById(a.getAttribute("href").slice(1));
    if (!target) return;
    event.preventDefault();
    var current = resultEl.querySelector(".gw-draft__line--current");
    if (current) current.classList.remove("gw-draft__line--current");
    target.classList.add("gw-draft__line--current");
    target.scrollIntoView({ block: "center" });
  });
})();
