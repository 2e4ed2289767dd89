"""The HTTP side of the fake Bot API: reading requests off a stream and decoding parameters
the way PTB (httpx) encodes them: form fields, or multipart when a file is sent."""

from __future__ import annotations

import asyncio
import email.parser
import email.policy
import json
from typing import Any
from urllib.parse import parse_qsl


async def read_request(reader: asyncio.StreamReader) -> tuple[str, dict[str, str], bytes] | None:
    """One HTTP/1.1 request (Content-Length bodies only, as httpx sends them)."""
    head = await reader.readuntil(b"\r\n\r\n") if not reader.at_eof() else b""
    if not head:
        return None
    lines = head.decode("latin-1").split("\r\n")
    path = lines[0].split(" ")[1]
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
    body = await reader.readexactly(int(headers.get("content-length", "0")))
    return path, headers, body


# PTB sends str parameters as they are and everything else JSON-encoded.
_STRINGS = frozenset({"text", "caption", "callback_query_id", "parse_mode", "url", "data"})


def _json_value(value: str, *, key: str = "") -> Any:
    if key in _STRINGS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def decode(content_type: str, body: bytes) -> dict[str, Any]:
    """Form or multipart parameters; JSON-looking values decoded as PTB encodes them."""
    if content_type.startswith("multipart/form-data"):
        return _decode_multipart(content_type, body)
    pairs = parse_qsl(body.decode(), keep_blank_values=True)
    return {key: _json_value(value, key=key) for key, value in pairs}


def _decode_multipart(content_type: str, body: bytes) -> dict[str, Any]:
    raw = f"Content-Type: {content_type}\r\n\r\n".encode() + body
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
    params: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        content = part.get_payload(decode=True) or b""
        filename = part.get_filename()
        if filename is not None:
            params[name] = {"filename": filename, "content": content}
        else:
            params[name] = _json_value(content.decode(), key=name)
    # PTB sends the file as an attach:// reference plus a part named after it.
    for key, value in list(params.items()):
        if isinstance(value, str) and value.startswith("attach://"):
            params[key] = params.pop(value.removeprefix("attach://"), value)
    return params
