"""Where the 落款 (署名 and 成文日期) of a draft sits: the Word download sets it by right
indents, the .txt download by leading full-width spaces; both from one reading of
GB/T 9704-2012 §7.3.5.2 (a download is a draft, not yet sealed)."""
from __future__ import annotations

import math
import unicodedata

# GB/T 9704-2012 §5.2.2: 每行排28个字.
LINE_CHARS = 28
FULL_SPACE = "\u3000"


def text_width(text: str) -> float:
    """Width in 字: half-width digits and letters (Times New Roman) take half a character."""
    return sum(0.5 if unicodedata.east_asian_width(c) in ("Na", "H") else 1 for c in text)


def closing_indents(signer: str | None, date: str) -> tuple[float | None, float]:
    """Right indents in 字 of 署名 and 成文日期 in a document without a seal.

    GB/T 9704-2012 §7.3.5.2: 署名 右空二字; 成文日期 on the next line, its first character
    two characters right of the 署名's first; a date longer than that 成文日期右空二字, and
    the 署名's right indent grows to match. Read here as: the date is never set closer
    than two characters to the edge (also when it is only a little shorter than the 署名).
    A date with no 署名 above it: 右空二字.
    """
    if signer is None:
        return None, 2
    signer_width, date_width = text_width(signer), text_width(date)
    date_right = max(2.0, signer_width - date_width)
    return date_right + date_width + 2 - signer_width, date_right


def padded_closing(signer: str | None, date: str) -> tuple[str | None, str]:
    """The 落款 lines of plain text, set right on a 28-character line by full-width spaces
    (to the nearest half character: a half-width digit is half a 字)."""
    signer_right, date_right = closing_indents(signer, date)

    def pad(text: str, right: float) -> str:
        return FULL_SPACE * max(0, math.floor(LINE_CHARS - right - text_width(text) + 0.5)) \
            + text

    return (None if signer is None else pad(signer, signer_right)), pad(date, date_right)
