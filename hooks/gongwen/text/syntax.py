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
# A fill-in field of a template, 【单位名称】 (not the 【提纲】 label of an outline block):
# reported by GW401, marked on template pages, highlighted in the Word download.
RE_FILL_FIELD = re.compile(r"【(?!提纲】)[^【】\n]{1,40}】")
