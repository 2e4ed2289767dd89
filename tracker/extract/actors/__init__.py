"""Who is committed: the document's name mentions (found by tracker/extract/names/),
pronouns and generic nouns resolved to them, the organisation a sentence is about, and the
speakers of quotations ("said X", "X said", "according to X"). Heuristic and pure.

`document` holds the indexes, `build` makes them, `resolve` reads a subject phrase.
"""

from __future__ import annotations

from tracker.extract.actors.build import build_document
from tracker.extract.actors.document import Document, Mention
from tracker.extract.actors.resolve import resolve_np

__all__ = ["Document", "Mention", "build_document", "resolve_np"]
