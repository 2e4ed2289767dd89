"""Links from a later article to the commitments a ledger tracks: which sentence is about which
commitment, and what it says of it (restates, moves the deadline, reports it done, partly done
or not done). Lexical and structural matching on the extractor's reading; pure: no I/O, no clock.
"""

from tracker.links.matcher import find_links
from tracker.links.model import Found, Relation, Tracked

__all__ = ["Found", "Relation", "Tracked", "find_links"]
