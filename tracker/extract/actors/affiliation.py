"""The organisation a person speaks for, where the text says it beside the name: "Jane Roe,
chief executive of Acme", "Ann Lee, a spokeswoman for Acme", "Acme chief executive Jane Roe",
"Jane Roe, Acme's chief executive". The "we" of that person's quotation is the organisation."""

from __future__ import annotations

import re

from tracker.extract import lexicon as lexicon
from tracker.extract.actors.document import Document

_ORG = r"[A-Z][\w&.’'-]*(?:[ \t]+(?:of[ \t]+|&[ \t]+)?[A-Z][\w&.’'-]*){0,5}"
# ", chief executive of Acme", ", a spokeswoman for the Acme Group", ", Acme's chief executive"
_AFTER = re.compile(
    rf",[ \t]+(?:(?:the|a|an)[ \t]+)?(?:(?P<title>(?:[a-z-]+[ \t]+){{0,2}}[a-z-]+)[ \t]+"
    rf"(?:of|for|at)[ \t]+(?:the[ \t]+)?(?P<org>{_ORG})|(?P<owner>{_ORG})[’']s[ \t]+"
    r"(?P<title2>(?:[a-z-]+[ \t]+){0,2}[a-z-]+))"
)
# "Acme chief executive Jane Roe": an organisation, then a title in lower case, then the name.
_BEFORE = re.compile(rf"(?P<org>{_ORG})[ \t]+(?P<title>(?:[a-z-]+[ \t]+){{0,2}}[a-z-]+)[ \t]+$")


def affiliations(doc: Document) -> dict[str, str]:
    """Person → the organisation the text gives them, for the persons named beside one."""
    found: dict[str, str] = {}
    for m in doc.mentions:
        if not m.person or m.name in found:
            continue
        org = _after(doc, m.end) or _before(doc, m.start)
        if org and not doc.titles.get(org.lower()) and org not in (m.name, *m.name.split()):
            found[m.name] = doc.canonical(org)
    return found


def _after(doc: Document, end: int) -> str | None:
    m = _AFTER.match(doc.text, end)
    if m is None:
        return None
    title, org = (
        (m.group("title"), m.group("org"))
        if m.group("org")
        else (m.group("title2"), m.group("owner"))
    )
    return org if _is_title(title) and _is_org(doc, org) else None


def _before(doc: Document, start: int) -> str | None:
    m = _BEFORE.search(doc.text, max(0, start - 80), start)
    if m is None or not _is_title(m.group("title")):
        return None
    return m.group("org") if _is_org(doc, m.group("org")) else None


def _is_title(words: str) -> bool:
    """ "chief executive", "spokeswoman", "head of policy": a person's title in lower case."""
    return words.split()[-1] in lexicon.PERSON_TITLES


def _is_org(doc: Document, name: str) -> bool:
    """A name of the text that is no person or place (or a name with an organisation word)."""
    words = name.split()
    if words[0] in lexicon.NOT_NAMES or words[0].lower() in lexicon.NOT_NAMES:
        return False
    target = doc.canonical(name)
    known = [m for m in doc.mentions if m.name == target]
    if any(m.person for m in known):
        return False
    return bool(known) or any(w.lower() in lexicon.ORG_WORDS for w in words)
