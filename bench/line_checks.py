"""Pure checks of one line a reader sees ("actor — action · due"), used by score_lines.py.

Each check returns the defect it finds as a short reason, or None for a clean part:
`actor_defect` (a clean name of the committed party: no opener, dateline, section header,
pronoun or fragment, and a gold actor by scoring.actor_matches), `action_defect` (a whole
phrase: no dangling function word, no bare auxiliary, not cut mid-clause, not running into
the next clause, no passive that hides what is done or who does it).
"""

from __future__ import annotations

import re

from scoring import actor_matches


def _words(block: str) -> frozenset[str]:
    return frozenset(block.split())


PRONOUNS = _words("i we you he she it they us them me him her this that these those someone")
# Words that open a sentence or a phrase and never begin a name ("In a speech at ..." → "In").
OPENERS = _words(
    """in on at after before during as with under over from by for to of into about against
    meanwhile however also but and or if when while since although though because despite
    according said says earlier later now then today yesterday tomorrow last next this
    speaking asked here there so yet still"""
)
# All-capital words that head a section or a dateline, never who acts.
SECTIONS = _words(
    """business politics world sport sports technology tech economy news markets opinion
    update breaking analysis finance health science culture environment climate local
    national international home uk us europe asia africa"""
)
# A phrase ending on one of these was cut short ("by the", "to over 40 per", "while warning of").
FUNCTION_WORDS = _words(
    """a an the by of to and or but nor while per for with from at into onto than as that
    which who whom whose whether if when where because although though its their his her our
    my your this these those such including between among about against toward towards
    will would shall should can could may might must be been being is are was were am has
    have had do does did not very more most less"""
)
# Alone, these say nothing of what will be done.
BARE_VERBS = _words(
    """do does did will would shall should can could may might must be been being is are was
    were am has have had make makes get gets go goes happen continue remain stay"""
)
# Words after which a phrase may stop: prepositions and connectives start a new part.
_MAY_FOLLOW = _words(
    """by to and or but while per for with from at into onto than as that which who when
    where because although though after before until till within in on over under through
    during since if unless once so said says according amid despite without via across
    around near about against beyond between next this last early late soon today tomorrow
    again too also later now then instead"""
)
_DATE_WORDS = _words(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday"""
)
# Who may stand as the subject of an action shown under another actor's name: a pronoun, or a
# group of people or an institution the actor heads ("Finance ministers from the G7").
_AGENT_HEADS = PRONOUNS | _words(
    """ministers officials executives leaders negotiators regulators authorities lawmakers
    company firm government administration group board airline carmaker bank union ministry
    agency council management team spokesman spokeswoman president minister chief goal aim
    plan intention desire strategy commitment pledge promise decision"""
)
# Verbs of the cue itself, left between a subject and its action ("is preparing to").
_CUE_WORDS = _words(
    """is are am was were be been being will would shall going to also not only has have had
    can must may should now still soon then preparing planning hoping trying ready about
    intends intended plans planned aims wants seeks looks decided agreed promised pledged
    expected likely set due scheduled continue continues never rather committed commits
    vowed projected forecast anticipated"""
)
_DETERMINERS = _words("a an the this these those its their his her our")
_VERB_GROUP = _words("will would shall should can must is are was were be been has have to")
_SUBJECT_CUT = re.compile(
    r".*(?:\b(?:said|says|(?<!is\s)(?<!are\s)(?<!was\s)(?<!be\s)expected|expects|predicted|"
    r"predicts|believes|thinks|that|told|announced|hopes|added)\b|[,:;“”\"`]|'')",
    re.I | re.S,
)
_AUX_TAIL = re.compile(
    r"(?:\s+(?:will|would|shall|is|are|am|was|were|be|been|being|going|to|expected|likely|set|"
    r"due|scheduled|also|not|has|have|had|can|must|may|should|now|still|initially|soon|then|"
    r"plans?|planned|intends?|aims?|wants?|looks?|seeks?|agreed|agrees|promised|pledged|"
    r"committed|commits|vowed|projected|forecast|anticipated|"
    r"never|continue|continues|n[’']t|[’']ll|[’']s|[’']re))+\s*$",
    re.I,
)
_NEXT_CLAUSE = re.compile(
    r",\s+(?:while|whereas|but|although|though|which|who|because|as|after|when|saying|"
    r"adding|warning|he|she|they|it|we)\b|,\s+(?-i:and\s+the\s+[A-Z])|;|\s[—–]\s|"
    r"\b(?:said|says|told)\b",
    re.I,
)
_PARTICIPLE = r"(?:\w+(?:ed|en|wn)|sold|held|built|made|paid|cut|set|put|kept|bought|sent|spent|"
_PARTICIPLE += r"brought|shut|led|left|lost|met|run|won|done|given|taken|seen|shown)"
_PASSIVE = re.compile(rf"^(?:not\s+)?(?:be|been|being)\s+(?:\w+ly\s+)?{_PARTICIPLE}\b", re.I)
_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]+(?:\s*[—–-]+\s*|\s*\(\w+\)\s*)?$")
_WORD = re.compile(r"[\w’'%$.-]+")


def actor_defect(actor: str, gold_actors: tuple[str, ...], *, text: str = "") -> str | None:
    """Why the first actor of a line is not a clean name of the committed party, or None."""
    words = actor.split()
    if not words:
        return "no actor"
    low = actor.lower().strip(" ,.—–-")
    if low in PRONOUNS:
        return "pronoun"
    if words[0].lower() in OPENERS:
        return "opener or fragment"
    if words[-1].lower() in FUNCTION_WORDS:
        return "fragment"
    if _dateline(actor, text):
        return "dateline or section header"
    if not actor_matches(gold_actors, (actor,)):
        return "not the committed party"
    if len(words) == 1 and _first_name_only(actor, gold_actors, text):
        return "part of a name"  # "Steve" for Steve Jobs: the text never calls him that
    return None


def _first_name_only(actor: str, gold_actors: tuple[str, ...], text: str) -> bool:
    """A person's first name that the text only uses with the surname."""
    first_of = [g for g in gold_actors if len(g.split()) == 2 and g.split()[0] == actor]
    alone = re.search(rf"\b{re.escape(actor)}\b(?![ \t]+[A-Z])", text)
    return bool(first_of) and alone is None


def _dateline(actor: str, text: str) -> bool:
    """ "LONDON —", "BUSINESS": capitals that head a line of the text or name a section."""
    letters = [c for c in actor if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters) or not _DATELINE.match(actor):
        return False
    core = actor.strip(" ,.—–-")
    if any(ch in actor for ch in "—–"):
        return True
    # Only where it heads a line: "UK" or "US" inside a sentence is a country, not a header.
    # "LONDON, March 3 —" is a dateline; "NASA, SpaceX Complete ..." (a title) is not.
    at_line_start = re.search(rf"(?m)^\s*{re.escape(core)}\s*(?:[—–-]|\(|,(?=[^\n]*[—–])|$)", text)
    return at_line_start is not None and (core.lower() in SECTIONS or len(core) >= 4)


def action_defect(action: str, *, actor: str = "", quote: str = "", text: str = "") -> str | None:
    """Why an action is not a whole phrase a reader can use, or None."""
    words = _WORD.findall(action.lower())
    if not words:
        return "empty"
    bare = [w for w in words if w != "not"]
    if not bare or (len(bare) == 1 and bare[0] in BARE_VERBS):
        return "bare verb"
    if _WORD.findall(action)[-1] in FUNCTION_WORDS or action.rstrip().endswith(("…", "...")):
        return "dangling word"
    if words[0] in _DETERMINERS and not _VERB_GROUP.intersection(words):
        return "no verb"  # "a common goal for the region"; not "the plant will close"
    if _NEXT_CLAUSE.search(action):
        return "runs into the next clause"
    return _in_context(action, actor=actor, quote=quote, text=text)


def _in_context(action: str, *, actor: str, quote: str, text: str) -> str | None:
    """The defects seen against the quote and the text: a passive hiding what or who, a
    phrase cut inside its clause, a subject left out."""
    if _PASSIVE.match(action) and not re.search(r"\bby\s+\S", action):
        surname = actor.split()[-1].lower() if actor.split() else ""
        head = quote[: max(0, quote.lower().find(" be "))].lower() if quote else ""
        if not surname or surname not in head:
            return "passive without what or who"
    if text and _cut_short(action, text):
        return "cut mid-clause"
    if quote and _drops_subject(action, actor, quote):
        return "drops its subject"
    return None


def _drops_subject(action: str, actor: str, quote: str) -> bool:
    """The quote's subject is something other than the actor, and the action leaves it out
    ("The first flight is expected to take place ..." shown as "Boeing — take place ...")."""
    phrase = action[4:] if action.lower().startswith("not ") else action
    at = quote.find(phrase[:30])
    if at <= 0:
        return False
    pre = " " + quote[:at]
    cut = _SUBJECT_CUT.match(pre)
    subject = _AUX_TAIL.sub("", " " + pre[cut.end() if cut else 0 :]).strip()
    subject = re.split(r"\s+(?:of|with|from|for|in|at|on|to|by)\s+", subject)[0]
    # "Acme's", "Harkness’" (a possessive of a name ending in s), "it'll"
    words = [re.sub(r"[’'](?:s|ll|re|d)?$", "", w) for w in _WORD.findall(subject.lower())]
    words = [w for w in words if w not in _CUE_WORDS and w not in ("today", "this", "morning")]
    if not words or words[-1] in _AGENT_HEADS or set(words) <= _DETERMINERS:
        return False
    actor_words = {w.lower() for w in _WORD.findall(actor) if len(w) > 2 or w.isupper()}
    initials = "".join(w[0] for w in actor.split() if w[:1].isupper()).lower()
    return not actor_words.intersection(words) and initials not in words


def _cut_short(action: str, text: str) -> bool:
    """The action stops inside its clause: in the text it goes on with a content word
    ("supply 179 new aerial refueling | tankers")."""
    phrase = action[4:] if action.lower().startswith("not ") else action
    at = text.find(phrase)
    if len(phrase.split()) < 2 or at < 0:
        return False  # rephrased by the extractor: nothing to compare with
    after = text[at + len(phrase) : at + len(phrase) + 40]
    m = re.match(r"[ \t]+([A-Za-z][\w’'-]*)", after)
    if m is None:
        return False  # punctuation, a line end or the text's end: a boundary
    nxt = m.group(1).lower()
    return nxt not in _MAY_FOLLOW and nxt not in _DATE_WORDS and not nxt.endswith("ly")
