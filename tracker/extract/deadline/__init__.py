"""By when a commitment is due: which time expression bounds it (choose.py), what one time
expression says (score.py) and spans counted from the statement (counted.py). Pure."""

from tracker.extract.deadline.choose import choose_deadline, timexes_for

__all__ = ["choose_deadline", "timexes_for"]
