"""Web-page residue in a document (©, 版权声明, THE END, 点赞 counters, code fragments).

One list for the whole library: the curation (gongwen.corpus.curate) removes a line that
`junk_reason()` names, and the checker (GW402) reports the same lines, so a freshly
ingested page never fails the check for junk the curation kept.
"""
from __future__ import annotations

import re

# A longer line is a sentence of the body, which may well mention 版权 or 分享.
MAX_JUNK_LINE = 30

# The words of a web page's counters and bylines (点赞9, 浏览：35, 来源：本站).
CHROME_WORDS = "(?:网友|分享|点赞|收藏|评论|转发|阅读|浏览|时间|来源|作者|编辑|举报)"
# (pattern, reason shown in the curation record) for a short line.
SHORT_LINE_JUNK: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"©|版权声明|版权所有|免责声明|Copyright", re.IGNORECASE), "网页版权声明"),
    (re.compile(r"^THE\s*END$", re.IGNORECASE), "网页结束标记"),
    (re.compile(r"^(喜欢就支持一下|觉得有用.{0,6}(点赞|收藏)|点个赞)|打赏作者"), "网页点赞提示"),
    (re.compile(r"^(点赞|赞|收藏|分享|打赏|评论)\s*\d*(\s*(点赞|赞|收藏|分享|打赏|评论)\s*\d*)*$"),
     "网页点赞/分享按钮"),
    (re.compile(r"^(网友|作者|来源|发布)?\s*分享\s*时间\s*[:：]?"), "网页分享行"),
    (re.compile(r"^(上一篇|下一篇|相关推荐|猜你喜欢|推荐阅读)\s*[:：]?"), "网页推荐链接"),
    (re.compile(r"^(?:发布|更新)时间\s*[:：]\s*\d"), "网页发布时间"),  # 发布时间：2024-01-02
    (re.compile(r"^(扫一扫|扫码|长按识别|微信扫一扫)|关注公众号|点击上方"), "网页二维码提示"),
    # “阅读原文”只在独占一行（链接按钮）时是残留；句中的“认真阅读原文、领悟原理”是正文。
    (re.compile(r"^[\s>›»▶→]*(点击)?阅读原文[\s<‹«>›»▶→]*$"), "网页链接按钮"),
    (re.compile(r"本文来源|原文链接|转载请注明"), "网页转载说明"),
    # A line made only of share/like counters: 网友 分享 时间:  /  点赞9 分享. Not one such
    # word and its colon alone: a label over what follows (时间： ⏎ 3月1日 16:15—16:25…).
    (re.compile(rf"^(?!{CHROME_WORDS}\s*[:：]\s*$)(?:{CHROME_WORDS}[\s:：\d]*)+$"),
     "网页点赞/分享按钮"),
    # Counters are spaced; numbers separated by TABs are a table row (名额 15	15	9	8).
    (re.compile(r"^\d+(?:[^\S\t]+\d+)+$"), COUNTER_REASON := "网页计数"),
)
# 范文-site boilerplate, on a line of any length: the site speaking to its readers
# (下面是小编为大家整理的……范文，欢迎阅读参考 / 本文由范文网整理发布，更多……请关注本站).
# Each pattern names the site, its editor or its downloads: words a 公文 never uses of
# itself. (供大家参考 alone is not one: a speech may end 以上意见，供大家参考。)
# The site's own voice: its editor (小编为大家整理……; not 小编制, 缩小编), the site itself
# as a source or an owner (来源：本站, 本站所有, 欢迎访问本站; not a station's 本站安全, 本站点).
SITE_VOICE = (r"(?<!缩)小编(?![制排组号])"
              r"|(?:来源[:：]\s*|关注|访问|收藏|搜索)本站(?!点)"
              r"|本站(?:所有|整理|发布|提供|收集|声明|原创|会员|内容|部分|推荐|仅供|免费|文章|资源)")
RE_SITE_VOICE = re.compile(SITE_VOICE)
FANWEN_JUNK = re.compile(
    SITE_VOICE + r"|范文(?:网|大全|库|频道|之家)|本网站?(?:整理|发布|提供|收集)"
    r"|网友(?:投稿|分享|整理)|(?:整理|收集|精选|搜集)了?.{0,20}(?:范文|模板|例文)"
    r"|更多.{0,20}(?:范文|精品).{0,10}(?:请关注|请访问|尽在|请点击|请搜索|关注)"
    r"|本文(?:由|来自|转自|来源)|文章来源|(?:免费|点击)下载|全文下载|下载全文|欢迎阅读参考"
    r"|全文共\d+字|当前显示\d+字")
FANWEN_REASON = "范文网站的套话"
# Every FANWEN_JUNK match holds one of these characters (or 本文): a line without any
# skips the pattern; one scan of a character class is far cheaper than the search.
RE_FANWEN_HINT = re.compile(r"[编范站网模例品载欢源字]")
# The site's sentences are short; a longer line is a paragraph of the body (only 小编
# and 本站 are looked for in it).
MAX_FANWEN_LINE = 80
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
    # (A lone ; or ； is the end of a sentence a PDF wrapped onto a line of its own.)
    if len(text) > 1 and CODE_LINE.match(text) or CODE_WORDS.search(text):
        return CODE_REASON
    if ("小编" in text or "本站" in text) and RE_SITE_VOICE.search(text):
        return FANWEN_REASON  # the site's own voice, in a line of any length
    if len(text) <= MAX_FANWEN_LINE and (RE_FANWEN_HINT.search(text) or "本文" in text) \
            and FANWEN_JUNK.search(text):
        return FANWEN_REASON
    if len(text) > MAX_JUNK_LINE:
        return ""
    for pattern, reason in SHORT_LINE_JUNK:
        if pattern.search(text):
            return reason
    return ""
