"""The page conventions every part of the library reads alike, defined once:
the end marker, comments, footnote references, inline acknowledgements, fill-in fields."""
from __future__ import annotations

import re

# Everything after this line of a page (评注, notes) is not part of the document.
END_MARKER = "<!-- gongwen:end -->"

# An HTML comment within one line of text (both modules strip one line or one joined
# paragraph at a time, so a comment never has to match across a line break).
RE_COMMENT = re.compile(r"<!--.*?-->")
# A footnote reference [^1]: dropped from the document's text.
RE_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
# An inline acknowledgement of a finding: <!-- gongwen: ack GW103 原因 -->
RE_ACK = re.compile(r"<!--\s*gongwen:\s*ack\s+([A-Za-z][\w-]*)\s*(.*?)\s*-->")
# A fill-in field of a template, 【单位名称】 (not the 【提纲】 label of an outline block,
# nor the 【原文缺失】 label the downloads give a gap): reported by GW401, marked on
# template pages, highlighted in the Word download.
RE_FILL_FIELD = re.compile(r"【(?!提纲】|原文缺失】)[^【】\n]{1,40}】")
# A gap in a truncated source, as curation marks it (gongwen.corpus.page.gap_marker):
# site material for the checker, but part of what a writer copies or downloads.
GAP_TITLE = "原文缺失"
RE_GAP_ADMONITION = re.compile(rf'^[ \t]{{0,3}}!!![ \t]+failure[ \t]+"{GAP_TITLE}"[ \t]*$')
# How the downloads and 复制全文 mark a gap (a label, never highlighted as a field).
GAP_LABEL = f"【{GAP_TITLE}】"
