/*
 * A note above the search results when the site has nothing on what was asked.
 *
 * Searching 述职报告 or 请示 used to list pages that share a character or two, with no word
 * that the site does not cover those 文种. The note says which 文种 the site covers (the
 * list comes from the nav: overrides/main.html writes it into #gw-doctypes) when the
 * query names a 文种 the site lacks, when nothing is found, or when no result contains
 * the query as typed. Runs in the page only; no request anywhere.
 */
(function () {
  "use strict";

  // 法定文种 (党政机关公文处理工作条例 第八条) and common 事务文书, longest first, so that
  // 述职报告 is named rather than 报告. The site's own 文种 are read from the page.
  var OTHER_TYPES = [
    "会议纪要", "述职报告", "调研报告", "心得体会", "工作计划", "工作要点", "实施方案",
    "活动方案", "应急预案", "倡议书", "申请书", "介绍信", "讲话提纲", "发言提纲", "演讲稿",
    "决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示",
    "批复", "议案", "纪要", "函", "简报", "计划", "规划"
  ];
  var ZWSP = /\u200b/g;

  function coveredTypes() {
    var data = document.getElementById("gw-doctypes");
    try { return data ? JSON.parse(data.textContent) : []; } catch (e) { return []; }
  }

  /* The 文种 a query names: the one it ends with, as a document title does. */
  function namedType(query, covered) {
    for (var i = 0; i < covered.length; i++) {
      if (query.indexOf(covered[i]) >= 0) return null;  // ours, e.g. 年度工作总结
    }
    for (var k = 0; k < OTHER_TYPES.length; k++) {
      var name = OTHER_TYPES[k];
      if (query.length >= name.length && query.slice(-name.length) === name) return name;
    }
    return null;
  }

  function noteText(query, count, items, covered) {
    var list = "本站目前收录" + covered.length + "个文种：" + covered.join("、") + "。";
    var named = namedType(query, covered);
    if (named) {
      return "本站暂未收录“" + named + "”的模板和范文。" + list +
        (count ? "下面的结果只是字面相近，仅供参考。" : "");
    }
    if (!count) return "没有找到“" + query + "”。" + list + "可以换一个更短的词再试。";
    var whole = items.some(function (item) {
      return item.textContent.replace(ZWSP, "").indexOf(query) >= 0;
    });
    if (!whole) return "没有找到完整包含“" + query + "”的内容，下面是部分字词相同的结果。" + list;
    return "";
  }

  function setup() {
    var input = document.querySelector("input.md-search__input");
    var result = document.querySelector(".md-search-result");
    var meta = result && result.querySelector(".md-search-result__meta");
    var covered = coveredTypes();
    if (!input || !meta || !covered.length) return;
    var note = document.createElement("p");
    note.className = "gw-search-note";
    note.setAttribute("role", "note");
    note.hidden = true;
    meta.parentNode.insertBefore(note, meta.nextSibling);

    function update() {
      var query = input.value.replace(/\s+/g, "").replace(/["*+\-~^:]/g, "");
      var items = Array.prototype.slice.call(result.querySelectorAll(".md-search-result__item"));
      // The count is only known once Material has written its "N 个…结果" line.
      var counted = /\d|没有/.test(meta.textContent);
      var text = query && counted ? noteText(query, items.length, items, covered) : "";
      if (note.textContent !== text) note.textContent = text;
      note.hidden = !text;
    }
    new MutationObserver(update).observe(result, { childList: true, subtree: true,
                                                    characterData: true });
    input.addEventListener("input", update);
  }

  // The search box lives in the header, which instant navigation keeps: set up once.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
