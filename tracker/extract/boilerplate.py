"""What is not article text: lines of page furniture (reader appeals, newsletter promos,
teasers of related stories, bot-protection interstitials), and texts with no real sentence.
Pure; used by extract (furniture never becomes a candidate or an actor) and by fetching
(a page without a sentence is no article)."""

from __future__ import annotations

import re

__all__ = ["blank_boilerplate", "has_sentence"]

# A line that opens like one of these is furniture, whatever follows on it.
_FURNITURE = re.compile(
    r"""^[\s*•·>–—-]*(?:
        we\s+(?:want|would\s+love|'d\s+love|’d\s+love)\s+to\s+hear
      | tell\s+us\s+what\s+you\s+think | have\s+your\s+say | join\s+the\s+conversation
      | (?:sign\s+up|subscribe|register)\b[^\n]{0,80}\b(?:newsletter|updates|alerts|inbox)
      | (?:get|receive)\s+(?:our|the)\s+[^\n]{0,40}\bnewsletter
      | related(?:\s+(?:stories|articles|coverage|content))?\s*[:|]
      | (?:read|see)\s+(?:more|also)\b | more\s+on\s+this\s+story | also\s+read\s*:
      | you\s+(?:may|might)\s+also\s+like | recommended\s+for\s+you | most\s+read\b
      | sponsored\s+content | advertisement\s*$
      | you\s+will\s+be\s+connected\s+to | checking\s+your\s+(?:browser|connection)
      | please\s+(?:enable|turn\s+on)\s+(?:javascript|cookies)
      | learn\s+about\s+project\s+shield | just\s+a\s+moment\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_LINE = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W\d_]{2,}")
_SENTENCE_END = re.compile(r"(?<![.!?…])[.!?](?![.!?])[\"'”’)\]]*(?=\s|$)")
MIN_WORDS = 5  # words of a real sentence


def blank_boilerplate(text: str) -> str:
    """`text` with its furniture lines blanked to spaces (offsets unchanged)."""
    return _LINE.sub(
        lambda m: " " * len(m.group(0)) if _FURNITURE.match(m.group(0)) else m.group(0), text
    )


def has_sentence(text: str) -> bool:
    """Whether some line of `text`, furniture aside, holds a sentence of at least MIN_WORDS
    words ending in . ! or ? (an ellipsis is no sentence end)."""
    for line in _LINE.findall(blank_boilerplate(text)):
        start = 0
        for end in _SENTENCE_END.finditer(line):
            if len(_WORD.findall(line, start, end.start())) >= MIN_WORDS:
                return True
            start = end.end()
    return False
