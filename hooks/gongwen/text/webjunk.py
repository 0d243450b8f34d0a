"""Web-page residue in a document (©, 版权声明, THE END, 点赞 counters, code fragments).

One list for the whole library: the curation (gongwen.corpus.curate) removes a line that
`junk_reason()` names, and the checker (GW402) reports the same lines, so a freshly
ingested page never fails the check for junk the curation kept.
"""
from __future__ import annotations

import re

# A longer line is a sentence of the body, which may well mention 版权 or 分享.
MAX_JUNK_LINE = 30

# (pattern, reason shown in the curation record) for a short line.
SHORT_LINE_JUNK: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"©|版权声明|版权所有|免责声明|Copyright", re.IGNORECASE), "网页版权声明"),
    (re.compile(r"^THE\s*END$", re.IGNORECASE), "网页结束标记"),
    (re.compile(r"^(喜欢就支持一下|觉得有用.{0,6}(点赞|收藏)|点个赞)|打赏作者"), "网页点赞提示"),
    (re.compile(r"^(点赞|赞|收藏|分享|打赏|评论)\s*\d*(\s*(点赞|赞|收藏|分享|打赏|评论)\s*\d*)*$"),
     "网页点赞/分享按钮"),
    (re.compile(r"^(网友|作者|来源|发布)?\s*分享\s*时间\s*[:：]?"), "网页分享行"),
    (re.compile(r"^(上一篇|下一篇|相关推荐|猜你喜欢|推荐阅读)\s*[:：]?"), "网页推荐链接"),
    (re.compile(r"^(扫一扫|扫码|长按识别|微信扫一扫)|关注公众号|点击上方|阅读原文"), "网页二维码提示"),
    (re.compile(r"本文来源|原文链接|转载请注明"), "网页转载说明"),
    # A line made only of share/like counters: 网友 分享 时间:  /  点赞9 分享
    (re.compile(r"^(?:(?:网友|分享|点赞|收藏|评论|转发|阅读|浏览|时间|来源|作者|编辑|举报)[\s:：\d]*)+$"),
     "网页点赞/分享按钮"),
    (re.compile(r"^\d+(?:\s+\d+)+$"), "网页计数"),
)
# Code fragments, on a line of any length: only punctuation with a ; { or }, or JavaScript.
CODE_LINE = re.compile(r"[\s\"'`;(){}\[\]<>/\\=+-]*[;{}][\s\"'`;(){}\[\]<>/\\=+-]*$")
CODE_WORDS = re.compile(
    r"function\s*\(|document\.\w|window\.\w|console\.log|javascript:|var\s+\w+\s*=")
CODE_REASON = "网页代码碎片"


def junk_reason(text: str) -> str:
    """Why a whole line is web-page junk, or '' if it is not."""
    text = text.strip()
    if not text:
        return ""
    if CODE_LINE.match(text) or CODE_WORDS.search(text):
        return CODE_REASON
    if len(text) > MAX_JUNK_LINE:
        return ""
    for pattern, reason in SHORT_LINE_JUNK:
        if pattern.search(text):
            return reason
    return ""
