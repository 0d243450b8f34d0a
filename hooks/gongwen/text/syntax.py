"""Markdown syntax that the outline reader and the plain-text exporter read alike.

Only what means exactly the same in both lives here; the patterns each module reads
its own way stay in gongwen.reader and gongwen.plaintext (each says how it differs).
"""
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
