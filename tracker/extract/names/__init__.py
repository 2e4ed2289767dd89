"""Names in a text: capitalised runs, which of them are people (surname → full name) or
places, and acronyms ("GM" → "General Motors", "Singapore Airlines (SIA)"). Surface rules on
news style; pure. Used by tracker/extract/actors/.

`tokens` reads one name, `find` finds the names of a text, `kinds` says what a name names
besides a party (a place, a thing, a topic) and which acronyms the text defines."""

from tracker.extract.names.find import Raw, find_names, full_names
from tracker.extract.names.kinds import acronyms, is_place, thing_names, topic_acronyms
from tracker.extract.names.tokens import is_org, name_tokens, person_tail

__all__ = [
    "Raw",
    "acronyms",
    "find_names",
    "full_names",
    "is_org",
    "is_place",
    "name_tokens",
    "person_tail",
    "thing_names",
    "topic_acronyms",
]
