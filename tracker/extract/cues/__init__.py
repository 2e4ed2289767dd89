"""Cue classes for commitment extraction: `base` (the Cue shape and shared pattern pieces),
`pledges` (what a party says it will do), `releases` (what an announcement sets in
motion) and `outlook` (what is expected or foreseen).

Each `Cue` is one class of forward-looking signal; `extract.py` finds them. The word lists
that veto or qualify a cue (hedges, conditionals, past markers, reporting verbs...) live in
tracker/extract/vetoes.py, and the frames that decide a commitment's kind in
tracker/extract/frames.py.
"""

from __future__ import annotations

from tracker.extract.cues.base import ARRANGED_VERBS, PARTICIPLE, Cue
from tracker.extract.cues.outlook import OUTLOOK_CUES
from tracker.extract.cues.pledges import PLEDGE_CUES
from tracker.extract.cues.releases import RELEASE_CUES

__all__ = ["ARRANGED_VERBS", "CUES", "PARTICIPLE", "Cue"]

# Order matters only for ties: the first cue found in a clause wins over weaker later ones.
CUES: tuple[Cue, ...] = (*PLEDGE_CUES, *RELEASE_CUES, *OUTLOOK_CUES)
