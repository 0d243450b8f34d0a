"""Unnumbered lines that head a list or a section of their own, so that the numbering
under them may start again at one (情形二：…, 一月份, 高二年级包干区). Used by the numbering
rules (gongwen.check.rules.numbering)."""
from __future__ import annotations

import re

from ..nested import heads_a_list
from ..paragraphs import CLAUSE_ENDS, is_bare_label

# An unnumbered line that heads a list of its own: 情形一：…, 一问：…, 附1：, ■奖励项目,
# ·活动前, 【说明】 (a (一) or 1. list may start again at one after it); a lead-in ending
# with a colon (还存在一些不足，主要如下：), a question (为什么要这样做？) or a bare short
# label (一月份, 高一年级): a 1. or （1） list only — unless the bare label follows a part's
# text (then it titles a section of its own: see after_a_label).
RE_LABEL = re.compile(
    r"^(?:[■□●○◆◇▲△★☆▶►※·•]|附\s*(?:件\s*)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[：:]"
    r"|情形[一二三四五六七八九十]{1,3}|第?[一二三四五六七八九十]{1,3}问[：:]"
    r"|【[^】]{1,20}】|第[一二三四五六七八九十]{1,3}(?:类|种|批|阶段|部分)[：:\s])")
LABEL_MAX = 60
LEAD_MAX = 2 * LABEL_MAX  # the lead sentence under a label (有以下行为的……，在校网公布，……。)
# What a title naming a part of the text holds (2024年工作打算：), and an addressee
# (各市教育局：) does not.
RE_PART_WORD = re.compile(
    r"工作|计划|打算|安排|部分|要点|思路|重点|任务|措施|情况|问题|总结|目标|方案")
# A paragraph that opens the next steps: 下一步，…… / 2022年，我们将…… / 2023年，我们坚持……
# (the year's plans in the present tense, after the last part).
RE_NEXT_STEPS = re.compile(r"^(?:下一步|下步|下一阶段|下阶段|今后|(?:19|20)\d\d年，?"
                           r"(?:我们|我[局区县市委办镇校院厅省]|全[区县市镇]|将|要))")


def after_a_label(document) -> dict[int, int]:
    """{id of a heading right after an unnumbered label paragraph: the highest level a
    list may start again at there} (see RE_LABEL). A bare title after a part's text
    (……值周班每天检查一次。 ⏎ 高二年级包干区 ⏎ 一、…) heads a section of its own: any level
    starts again under it; right under a heading it is a label over a list only."""
    out: dict[int, int] = {}
    label = 0
    holds = False  # the label holds over the lead sentences under it
    text_before = False  # the paragraph before holds text (not a heading alone)
    for para in document.paragraphs:
        if para.heading is not None:
            if label:
                out[id(para.heading)] = label
            label, holds = 0, False
            # (An item's sentence is text too: 3. 1班打扫……。 ⏎ 高二年级包干区 ⏎ 一、…)
            text_before = bool(para.body) or para.heading.level >= 3 and \
                not CLAUSE_ENDS.isdisjoint(para.text)
        elif not para.role:
            text = para.text.strip()
            before, text_before = text_before, bool(text)
            if holds and not RE_LABEL.match(text):
                # 附二：走读学生流程： ⏎ 报到时间15：00。 ⏎ （1）…: a numbered label holds
                # until the next heading, over the lead sentences written under it.
                continue
            if before and text[-1:] in "：:" and is_bare_label(text[:-1]) and \
                    RE_PART_WORD.search(text) and not RE_LABEL.match(text):
                # ……正文。 ⏎ 2024年工作打算： ⏎ 一、…: a bare title after a part's text,
                # with a colon, heads a section of its own as well (over its lead sentences).
                label, holds = 1, True
                continue
            if RE_NEXT_STEPS.match(text):
                # ……差距。 ⏎ 2022年，我们将继续…… ⏎ （一）…: the next steps, a part without
                # its heading, number their own list.
                label, holds = 2, False
                continue
            if label and len(text) <= LEAD_MAX and text[-1:] == "。" and \
                    ("以下" in text or "如下" in text):
                # 考核评价 ⏎ 有以下行为的班级扣除考核分。 ⏎ 1.…: the lead under a label.
                label = 3
                continue
            label, holds = 0, False
            if 0 < len(text) <= LABEL_MAX:
                if RE_LABEL.match(text):
                    # 【参考资料】 alone after the text heads an appended section (any level
                    # starts again under it); a label holds over its lead sentences.
                    label, holds = 1 if before and text[0] == "【" and text[-1] == "】" else 2, True
                else:
                    label = 3 if text[-1] in "：:？?" else 1 if before and is_bare_label(text) \
                        else 3 if heads_a_list(text) else 0
    return out
