"""Words a sentence must contain (lower-cased) for a cue class of cues/ to be looked for in
it: a substring test is far cheaper than a regular-expression scan, and most sentences hold
none of the words of most cues. A cue without an entry is always looked for. Data only; used
by clauses.py, checked against every cue's own examples by the tests."""

from __future__ import annotations

NEEDS: dict[str, tuple[str, ...]] = {
    "promise_verb": ("pledg", "promis", "vow", "swor", "swear", "guarantee", "commit"),
    "resolve": ("back",),
    "determination": ("determined", "committed"),
    "agree_verb": ("agree",),
    "agreement_noun": (
        "agreement",
        "deal",
        "accord",
        "pact",
        "contract",
        "memorand",
        "mou",
        "letter",
    ),
    "agreed_decision": ("decision",),
    "agreement_reached": ("agreement", "deal", "accord", "pact"),
    "agreement_to": ("agreement", "deal", "accord", "pact"),
    "scheduled": ("set", "scheduled", "slated", "poised", "planned", "due"),
    "event_scheduled": ("scheduled", "planned", "slated"),
    "dated_event": (
        "visit",
        "publication",
        "launch",
        "opening",
        "signing",
        "introduction",
        "summit",
        "unveiling",
    ),
    "nominal_plan": ("plan", "goal", "aim", "intention", "desire"),
    "target_noun": ("target", "ambition", "objective", "goal", "mission"),
    "ready": ("ready",),
    "agreed_should": ("should",),
    "launches_noun": ("launch", "open", "unveil"),
    "dated_present": ("tomorrow",),
    "look_forward": ("look",),
    "invited_to": ("invit",),
    "intention_noun": ("intention", "pledge", "promise", "commitment", "determination"),
    "announced_action": ("announced", "unveiled", "proposed", "outlined"),
    "new_order": ("order", "deal", "contract"),
    "dated_continuation": ("continu",),
    "accepted_invitation": ("invitation",),
    "promised_noun": ("promis", "pledg"),
    "expected_date": ("expected",),
    "expect_verb": ("expect", "forecast", "predict", "project", "anticipat"),
    "forecast_figure": ("expect", "forecast", "project", "predict", "sees", "estimat"),
    "likely": ("likely", "expected", "forecast", "predicted", "projected", "anticipated", "bound"),
    "dated_ability": ("can",),
    "selected_to": ("selected", "chosen", "picked", "contracted", "tapped"),
    "made_available": ("available",),
    "announced_funding": ("announc",),
    "can_apply": ("apply",),
    "funding_progressive": (
        "investing",
        "putting",
        "providing",
        "spending",
        "allocating",
        "committing",
        "receiving",
        "getting",
        "pledging",
        "contributing",
        "awarding",
        "granting",
        "lending",
        "donating",
        "offering",
    ),
    "money_allocated": ("allocated", "earmarked", "set aside", "fenced", "committed"),
    "open_for_applications": ("open",),
    "target_set": ("target",),
    "postponed_until": ("postponed", "delayed", "deferred", "back", "put off"),
    "lead_to_be": ("to be",),
    "counted_outcome": ("to ",),
    "counted_outcome_ing": ("creating", "supporting", "generating", "delivering", "sustaining"),
}


# Each needed word once, with the cue classes it lets in (a sentence is read once per word).
_CUES_OF: dict[str, frozenset[str]] = {
    word: frozenset(name for name, needs in NEEDS.items() if word in needs)
    for word in sorted({word for needs in NEEDS.values() for word in needs})
}


def wanted(name: str, lowered: str) -> bool:
    """Whether cue class `name` can match in the lower-cased sentence `lowered`."""
    needs = NEEDS.get(name)
    return needs is None or any(word in lowered for word in needs)


def barred(lowered: str) -> frozenset[str]:
    """The cue classes that cannot match in the lower-cased sentence `lowered` (`wanted` for
    every class at once: each needed word is looked for once)."""
    let_in: set[str] = set()
    for word, names in _CUES_OF.items():
        if word in lowered:
            let_in |= names
    return frozenset(NEEDS.keys() - let_in)
