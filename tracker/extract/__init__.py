"""The commitment extractor: forward-looking statements of a news text, each with who is
committed, what, the quote and a due date (`extract`). Pure: no I/O, no clock."""

from tracker.extract.pipeline import extract

__all__ = ["extract"]
