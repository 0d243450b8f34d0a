/*
 * 复制本节 / 复制全文 / 复制提纲 on template and exemplar pages.
 *
 * The copied text is what a writer pastes into WPS/Word: the document only (no
 * guidance admonitions, annotations, check panel, downloads, 评注 after
 * <!-- gongwen:end -->, permalink ¶ or button labels), numbering as literal
 * text, one line break between paragraphs. Plain JS, no dependencies; it
 * subscribes to Material's document$ so it also runs after instant navigation.
 *
 * It also wires the tools box of overrides/main.html (folded on a phone) and marks the
 * 评注 after <!-- gongwen:end --> so the print stylesheet can leave them out.
 */
(function () {
  "use strict";

  // Not document text: guidance, UI, annotations, panels rendered by the hooks.
  var EXCLUDE = [
    ".admonition", "details", ".gw-tools", ".gw-check", ".gw-downloads",
    ".gongwen-nocopy", ".gongwen-copy-toolbar", ".gongwen-copy-section",
    ".headerlink", ".md-annotation", ".md-tooltip", ".md-tooltip2",
    ".annotate + ol", ".footnote", ".footnote-ref", ".md-source-file",
    ".md-content__button", ".md-feedback", ".md-tags", ".md-clipboard",
    "script", "style", "noscript", "template", "button", "form", "nav",
    "hr", "[hidden]"
  ].join(", ");

  // Ordinals of GB/T 9704 levels 1-4 (full width; half-width brackets tolerated).
  var ORDINALS = [
    [1, /^[一二三四五六七八九十百]+、/],
    [2, /^[（(][一二三四五六七八九十百]+[）)]/],
    [3, /^\d+[.．]/],
    [4, /^[（(]\d+[）)]/]
  ];

  // Chinese characters and full-width punctuation: no space belongs beside them.
  var CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026\u00b7";
  var SPACE_NEAR_CJK = new RegExp(" ?([" + CJK + "]) ?", "g");
  var BLOCK_TAGS = /^(P|DIV|SECTION|H[1-6]|UL|OL|LI|TABLE|THEAD|TBODY|TR|BLOCKQUOTE|PRE|DL|DT|DD|FIGURE|FIGCAPTION)$/;
  var END_MARK = "gongwen:end";
  // A gap in a truncated source (!!! failure "原文缺失"): kept in the copy, as in the
  // downloads (gongwen.text.syntax.GAP_LABEL), so a pasted text does not hide it.
  var GAP_TITLE = "原文缺失";

  function gapText(node) {
    if (!node.classList.contains("failure") || !node.classList.contains("admonition")) return null;
    var title = node.querySelector(".admonition-title");
    if (!title || title.textContent.trim() !== GAP_TITLE) return null;
    var parts = [];
    for (var child = node.firstElementChild; child; child = child.nextElementSibling) {
      if (child !== title) parts.push(plainText(child).replace(/\n/g, ""));
    }
    return "【" + GAP_TITLE + "】" + parts.join("");
  }

  function ordinalLevel(text) {
    for (var i = 0; i < ORDINALS.length; i++) {
      if (ORDINALS[i][1].test(text)) return ORDINALS[i][0];
    }
    return 0;
  }

  function cleanLine(line) {
    return line.replace(/\u00a0/g, " ").replace(/[ \t\r\f\v]+/g, " ")
      .replace(SPACE_NEAR_CJK, "$1").trim();
  }

  /* Plain text of a node: block children on their own lines, list numbers kept. */
  function rawText(node) {
    if (node.nodeType === Node.TEXT_NODE) {
      var value = node.nodeValue.replace(/\n/g, " ");
      // Annotation markers not (yet) turned into buttons by Material: (1), (2)…
      var parent = node.parentNode;
      return parent && parent.closest && parent.closest(".annotate") ? value.replace(/\(\d+\)/g, "") : value;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return "";
    if (node.matches(EXCLUDE)) return "";
    if (node.tagName === "BR") return "\n";
    if (node.tagName === "PRE") return "\n" + node.textContent + "\n";
    var out = "";
    var children = node.childNodes;
    var number = node.tagName === "OL" ? parseInt(node.getAttribute("start") || "1", 10) : 0;
    for (var i = 0; i < children.length; i++) {
      var child = children[i];
      var text = rawText(child);
      if (text && number && child.tagName === "LI") {
        text = "\n" + number + "." + text.replace(/^\n+/, "");  // CSS-generated: make it literal
        number += 1;
      }
      if (text && (child.tagName === "TD" || child.tagName === "TH")) {
        text = (out ? "\t" : "") + text;
      }
      out += text;
    }
    return BLOCK_TAGS.test(node.tagName) ? "\n" + out + "\n" : out;
  }

  function plainText(node) {
    return rawText(node).split("\n").map(cleanLine)
      .filter(function (line) { return line !== ""; }).join("\n");
  }

  /* A paragraph whose first thing is a bold ordinal sentence: a run-in heading. */
  function runInHeading(p) {
    var node = p.firstChild;
    while (node && ((node.nodeType === Node.TEXT_NODE && !node.nodeValue.trim()) ||
        (node.nodeType === Node.ELEMENT_NODE && node.tagName === "SPAN" && !node.textContent.trim()))) {
      node = node.nextSibling;
    }
    if (!node || node.nodeType !== Node.ELEMENT_NODE) return null;
    if (node.tagName !== "STRONG" && node.tagName !== "B") return null;
    var title = plainText(node);
    var level = ordinalLevel(title);
    return level ? { strong: node, title: title, level: level } : null;
  }

  /* The document's blocks in order, up to <!-- gongwen:end --> (评注 follow it). */
  function collectBlocks(root) {
    var blocks = [];
    var ended = false;
    (function walk(parent) {
      for (var node = parent.firstChild; node && !ended; node = node.nextSibling) {
        if (node.nodeType === Node.COMMENT_NODE && node.nodeValue.trim() === END_MARK) {
          ended = true;
          return;
        }
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        var gap = gapText(node);
        if (gap) {
          blocks.push({ el: node, kind: "text", text: gap });
          continue;
        }
        if (node.matches(EXCLUDE)) continue;
        var tag = node.tagName;
        if (tag === "DIV" || tag === "SECTION" || tag === "ARTICLE") {
          walk(node);
        } else if (tag === "H1") {
          blocks.push({ el: node, kind: "title", text: plainText(node) });
        } else if (/^H[2-6]$/.test(tag)) {
          var title = plainText(node);
          var ordinal = ordinalLevel(title);
          blocks.push({
            el: node, kind: "heading", title: title, text: title,
            numbered: ordinal > 0, level: ordinal || parseInt(tag.charAt(1), 10) - 1
          });
        } else {
          var text = plainText(node);
          if (!text) continue;
          var runIn = tag === "P" ? runInHeading(node) : null;
          if (runIn) {
            blocks.push({
              el: node, kind: "runin", title: runIn.title, text: text, numbered: true,
              level: runIn.level, strong: runIn.strong
            });
          } else {
            blocks.push({ el: node, kind: "text", text: text });
          }
        }
      }
    })(root);
    return blocks;
  }

  function isHeading(block) {
    return block.kind === "heading" || block.kind === "runin";
  }

  function sectionText(blocks, heading) {
    var start = -1;
    for (var k = 0; k < blocks.length; k++) if (blocks[k].el === heading) start = k;
    if (start < 0) return "";
    var level = blocks[start].level;
    var lines = [blocks[start].text];
    for (var i = start + 1; i < blocks.length; i++) {
      if (isHeading(blocks[i]) && blocks[i].level <= level) break;
      lines.push(blocks[i].text);
    }
    return lines.join("\n");
  }

  function fullText(blocks) {
    return blocks.map(function (b) { return b.text; }).join("\n");
  }

  /* Numbered headings only, two full-width spaces per level of depth below 1. */
  function outlineText(blocks) {
    var open = [];
    var lines = [];
    blocks.forEach(function (b) {
      if (!isHeading(b) || !b.numbered) return;
      while (open.length && open[open.length - 1] >= b.level) open.pop();
      lines.push(new Array(open.length + 1).join("\u3000\u3000") + b.title);
      open.push(b.level);
    });
    return lines.join("\n");
  }

  // file:// and plain-http intranet hosts have no async clipboard API.
  function fallbackCopy(text) {
    var active = document.activeElement;
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "gongwen-copy-buffer";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    if (active && active.focus) active.focus();
    return ok;
  }

  function writeClipboard(text) {
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () {
        if (!fallbackCopy(text)) throw new Error("copy failed");
      });
    }
    return fallbackCopy(text) ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  var statusTimer = null;

  function announce(status, message) {
    status.textContent = message;
    status.classList.add("gongwen-copy-status--visible");
    clearTimeout(statusTimer);
    statusTimer = setTimeout(function () {
      status.textContent = "";
      status.classList.remove("gongwen-copy-status--visible");
    }, 2500);
  }

  function makeButton(label, className, ariaLabel, getText, status, done) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = className;
    button.textContent = label;
    if (ariaLabel) button.setAttribute("aria-label", ariaLabel);
    button.addEventListener("click", function () {
      writeClipboard(getText()).then(function () {
        announce(status, done);
      }, function () {
        announce(status, "复制失败，请选中文字后按 Ctrl+C 复制");
      });
    });
    return button;
  }

  function isDocumentPage(article) {
    if (article.querySelector(".gw-tools")) return true;
    var path = decodeURIComponent(location.pathname);
    return /\/template(\/|\/index\.html|\.html)?$/.test(path) || /\/exemplars\/[^/]+/.test(path);
  }

  /* One button folds the tools on a phone (tools.css); wide screens never see it. */
  function mountTools(article) {
    var box = article.querySelector(".gw-tools");
    var toggle = box && box.querySelector(".gw-tools__toggle");
    if (!toggle) return;
    toggle.addEventListener("click", function () {
      var open = box.classList.toggle("gw-tools--open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  /* Everything after <!-- gongwen:end --> is 评注, not the document (print.css). */
  function markCommentary(article) {
    var ended = false;
    for (var node = article.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === Node.COMMENT_NODE && node.nodeValue.trim() === END_MARK) ended = true;
      else if (ended && node.nodeType === Node.ELEMENT_NODE) node.classList.add("gw-commentary");
    }
  }

  function mount() {
    var article = document.querySelector("article.md-content__inner");
    if (!article || article.hasAttribute("data-gongwen-copy") || !isDocumentPage(article)) return;
    article.setAttribute("data-gongwen-copy", "");
    mountTools(article);
    markCommentary(article);
    var blocks = collectBlocks(article);
    if (!blocks.some(isHeading)) return;

    var toolbar = document.createElement("div");
    toolbar.className = "gongwen-copy-toolbar";
    toolbar.setAttribute("role", "group");
    toolbar.setAttribute("aria-label", "复制到 WPS/Word");
    var status = document.createElement("span");
    status.className = "gongwen-copy-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    toolbar.appendChild(makeButton("复制全文", "gongwen-copy-all", null,
      function () { return fullText(collectBlocks(article)); }, status, "已复制全文"));
    toolbar.appendChild(makeButton("复制提纲", "gongwen-copy-outline", null,
      function () { return outlineText(collectBlocks(article)); }, status, "已复制提纲"));
    toolbar.appendChild(status);
    var tools = article.querySelector(".gw-tools__body");
    var h1 = article.querySelector("h1");
    if (tools) {
      tools.insertBefore(toolbar, tools.querySelector(".gw-check"));
    } else if (h1 && h1.parentNode === article) {
      article.insertBefore(toolbar, h1.nextSibling);
    } else {
      article.insertBefore(toolbar, article.firstChild);
    }

    // Text is read on click, after Material has turned annotation markers into buttons.
    blocks.forEach(function (block) {
      if (!isHeading(block)) return;
      // Run-in headings get a button only at levels 1-2, where they carry an anchor.
      if (block.kind === "runin" && block.level > 2) return;
      if (block.kind === "heading" && /^H6$/.test(block.el.tagName)) return;
      var button = makeButton("复制本节", "gongwen-copy-section", "复制本节：" + block.title,
        function () { return sectionText(collectBlocks(article), block.el); }, status, "已复制本节");
      if (block.kind === "runin") {
        button.className += " gongwen-copy-section--runin";
        block.strong.parentNode.insertBefore(button, block.strong.nextSibling);
      } else {
        block.el.appendChild(button);
      }
    });
  }

  // Exposed for tests and for the Word helper: the same text the buttons copy.
  window.gongwenCopy = {
    collect: function () {
      var article = document.querySelector("article.md-content__inner");
      return article ? collectBlocks(article) : [];
    },
    fullText: fullText,
    outlineText: outlineText,
    sectionText: sectionText
  };

  // Material's search overlay is a role="dialog" without a name (axe: aria-dialog-name,
  // serious). The header survives instant navigation, so naming it once is enough.
  var searchDialog = document.querySelector(".md-search[role=dialog]");
  if (searchDialog && !searchDialog.hasAttribute("aria-label")) {
    searchDialog.setAttribute("aria-label", "搜索");
  }

  if (typeof document$ !== "undefined" && document$.subscribe) {
    document$.subscribe(mount);  // also fires after each instant navigation
  }
  // Not only through document$: if it never fires (it did not over file:// with instant
  // navigation on), the buttons must still appear. mount() runs once per page.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mount);
  } else {
    mount();
  }
})();
