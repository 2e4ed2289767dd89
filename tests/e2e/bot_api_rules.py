"""What the real Bot API refuses, as the fake enforces it: HTML entity parsing, text and caption
lengths (UTF-16 units, after entities), callback_data sizes."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024

_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "span",
    "tg-spoiler",
    "a",
    "code",
    "pre",
    "blockquote",
    "tg-emoji",
}
_TOKEN_RE = re.compile(
    r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*>"
    r"|&(?:lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);"
    r"|[<>&]"
)


class ApiError(Exception):
    """An error answer: HTTP status, description and optional parameters."""

    def __init__(self, code: int, description: str, **parameters: Any) -> None:
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters


def utf16_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


def parse_html(text: str) -> str:
    """The plain text Telegram would show for `text`; ApiError 400 when it cannot parse it."""
    stack: list[str] = []
    plain: list[str] = []
    pos = 0
    for m in _TOKEN_RE.finditer(text):
        plain.append(text[pos : m.start()])
        pos = m.end()
        token = m.group(0)
        if token in "<>&":
            raise ApiError(400, f"Bad Request: can't parse entities: unescaped {token!r}")
        if token.startswith("&"):
            plain.append(unescape(token))
            continue
        closing, tag = m.group(1), m.group(2).lower()
        if tag not in _TAGS:
            raise ApiError(400, f"Bad Request: can't parse entities: unsupported tag {tag!r}")
        if not closing:
            stack.append(tag)
        elif not stack or stack.pop() != tag:
            raise ApiError(400, f"Bad Request: can't parse entities: unexpected end tag {tag!r}")
    if stack:
        raise ApiError(400, f"Bad Request: can't parse entities: unclosed tag {stack[-1]!r}")
    plain.append(text[pos:])
    return "".join(plain)


def check_text(text: str, parse_mode: str | None, *, limit: int) -> None:
    """ApiError 400 unless `text` parses and is 1..limit characters once rendered."""
    plain = parse_html(text) if parse_mode == "HTML" else text
    if not plain.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    if utf16_len(plain) > limit:
        raise ApiError(400, "Bad Request: message is too long")


def check_markup(markup: Any) -> None:
    """ApiError 400 for callback_data outside 1..64 bytes."""
    if not isinstance(markup, dict):
        return
    for row in markup.get("inline_keyboard", []):
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode()) <= 64:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
