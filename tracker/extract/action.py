"""What was committed to, as a phrase a reader can use as it stands: the verb phrase after the
cue up to its clause's boundary (never cut at a word count, never ending on "by the"), with
the grammatical subject kept when it is a thing rather than who acts ("300 new jobs will be
created at the site"), and a passive turned active when its doer is named ("the engines will
be made by GM" → GM: "make the engines"). Pure surface rules."""

from __future__ import annotations

import re

from tracker.extract import lexicon as lexicon
from tracker.extract.clauses import Clause
from tracker.extract.named_events import event_as_act
from tracker.extract.subject import find_subject

__all__ = ["action_phrase", "base_form"]


_MAX_WORDS = 24  # beyond this, stop at the first comma or dash after the first eight words
# Where a verb phrase ends inside a clause: a new clause, an aside or a second subject.
_BOUNDARY = re.compile(
    r",\s+(?:while|whereas|but|although|though|which|who|because|after|when|saying|adding|"
    r"warning|noting|following|will|would|he|she|they|it|we)\b|;|\s[—–]\s|\s--\s"
    r"|,\s+(?:(?:the|a|an)\s+[a-z]+|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})\s+(?:said|says|added|announced)\b"
    r"|,\s+and,|,\s+and\s+(?:the|a|an)\s+(?=[A-Z])|\s\((?=[A-Z][a-z])"
    r"|,\s+so\b(?!\s+(?:far|much|many|long)\b)"  # "diversify imports, so that ...": a purpose
    r"|\s+so\s+that\b"
)
_SOFT = re.compile(r",\s|\s[—–]\s|—|\s(?:that|which|who)\s")
_TRAILING = lexicon.word_set(
    """a an the by of to and or but nor while per for with from at into onto than as that
    which who whom whose whether if when where because although though its their his her our
    my your this these those such including between among about against toward towards will
    would shall should can could may might must be been being is are was were am has have had
    do does did not very more most less"""
)
_POSSESSIVE = re.compile(r"[’']s?$")
_POSSESSIVES = lexicon.word_set("its their his her")
_PARTIES = lexicon.word_set("countries nations states members parties sides partners")
_PREPOSITIONS = lexicon.word_set(
    "with of for to from in at on by across throughout around near under over between among"
)
_EXPECTED_OBJECT = re.compile(
    r"\b(?:expects?|expected|forecasts?|predicts?|predicted|projects?|anticipates?)\s+"
    r"(?P<np>(?!(?:it|them|him|her|us|me|to)\b)[^.;]{2,60}?)\s+to\s+$",
    re.I,
)
# A phrase that only says when ("fall 2007", "from May 5 to 11, 2024"): of a scheduled thing
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_ONLY_TIME = re.compile(
    rf"(?:(?:{_MONTHS}|for|from|on|in|at|by|to|until|and|the|of|early|late|mid|end|fall|autumn|"
    r"spring|summer|winter|next|this|year|month|week|today|tomorrow|\d[\d,.\-–]*)\W*)+",
    re.I,
)
_DETERMINED = re.compile(
    r"\b(?:the|a|an|its|their|our|his|her)\s+[^,.;:()“”\"]{1,60}?,?\s*$", re.I
)
_THING_REACH = 80
_SENTENCE_END = re.compile(r"[.!?][”\"’']?\s+|\n")
_SENTENCE_REACH = 300
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|will|would|can|could|should|must)\b")
_JOINED = re.compile(r"\band\s*$")
_OPEN_QUOTES = re.compile(r"``|''|[“”\"]")
_AGENT = re.compile(r"\s+by\s+(?:the\s+)?(?=[A-Z])")
_PASSIVE_HEAD = re.compile(
    r"^(?P<neg>not\s+)?(?:be|been)\s+(?:\w+ly\s+)?(?P<verb>[a-z]+)\b(?P<rest>.*)$", re.S
)
_IRREGULAR = dict(
    pair.split(":")
    for pair in lexicon.word_set(
        """sold:sell held:hold built:build made:make paid:pay cut:cut set:set put:put
    kept:keep bought:buy sent:send spent:spend brought:bring shut:shut led:lead left:leave
    lost:lose met:meet run:run won:win done:do given:give taken:take seen:see shown:show
    chosen:choose driven:drive written:write begun:begin grown:grow known:know drawn:draw
    frozen:freeze broken:break told:tell found:find laid:lay struck:strike hit:hit
    controlled:control cancelled:cancel"""
    )
)
_KEEPS_E = re.compile(
    r"(?:[^aeiou]at|(?<!t)reat|[cgsvzu]|(?:[^aeiou]|qu)[iu]r|[^aeiou]ok|[^aeiou]in|[^aeiou]id)$"
)


def action_phrase(text: str, clause: Clause, actors: tuple[str, ...]) -> str:
    """The action of `clause`, given who was found to be committed."""
    begin = clause.cue_end if clause.cue.verb_follows else clause.cue_start
    about, subject_kept = _with_subject(text, clause, actors)
    phrase = _trim(text[begin : clause.end]) if about is None else about
    begin = clause.subject_start if subject_kept else begin
    if clause.passive and _agent_is_actor(text, clause, actors):
        phrase = _active_with_subject(text, clause, actors) or phrase
        begin = clause.cue_end  # the subject now follows the verb
    if begin == clause.cue_end and re.search(r"\b(?:on|upon)\s*$", text[clause.cue_start : begin]):
        agreed = clause.cue.name in ("agree_verb", "agreement_noun")  # "a deal on tariffs"
        phrase = "agree on " + phrase if agreed else phrase
    phrase = _named_event(text, clause, phrase)
    if clause.negated and begin != clause.subject_start and not phrase.startswith("not "):
        phrase = "not " + phrase
    return phrase or text[clause.cue_start : clause.cue_end].strip()


def _named_event(text: str, clause: Clause, phrase: str) -> str:
    """An event as the act it names ("the publication of the report later this year":
    "publish the report"); a bare time after "scheduled" with the thing scheduled."""
    if clause.cue.name == "dated_event":
        return event_as_act(phrase) or phrase
    if _ONLY_TIME.fullmatch(phrase):  # "the meeting, scheduled for May": what, and when
        return _scheduled_thing(text, clause) or phrase
    return phrase


def _with_subject(text: str, clause: Clause, actors: tuple[str, ...]) -> tuple[str | None, bool]:
    """The action with the thing it is about in front, when the text names it apart from
    who acts, and whether that thing is the clause's own subject; (None, False) otherwise."""
    if _keeps_subject(clause, actors):  # the subject, then the verb group from the cue on
        phrase = re.sub(r"\s+,", ",", f"{clause.subject} {_verb_group(text, clause)}")
        return _trim(phrase), True
    if clause.passive and not clause.subject:  # "... are tested and will be rolled out"
        coordinated = _with_coordinated_subject(text, clause)
        return coordinated, coordinated is not None
    if clause.cue.name == "expect_verb":  # "expected sales of the A380 to exceed 250"
        thing = _EXPECTED_OBJECT.search(text, clause.cue_start, clause.cue_end)
        if thing is not None:
            return _trim(f"{thing.group('np')} to {text[clause.cue_end : clause.end]}"), False
    return None, False


def _with_coordinated_subject(text: str, clause: Clause) -> str | None:
    """ "The new limits are being tested in two towns and will be rolled out in May": a
    passive joined by "and" to the verb before it in its sentence has that verb's subject."""
    ends = list(
        _SENTENCE_END.finditer(text, max(0, clause.cue_start - _SENTENCE_REACH), clause.cue_start)
    )
    begin = ends[-1].end() if ends else max(0, clause.cue_start - _SENTENCE_REACH)
    before = text[begin : clause.cue_start]
    finite = list(_FINITE.finditer(before))
    if not _JOINED.search(before) or not finite:
        return None
    subject, _ = find_subject(before, finite[-1].start())
    words = subject.lower().split()
    if not words or words[0] in lexicon.PRONOUNS_THING or words[0] in lexicon.PRONOUNS_PERSON:
        return None
    return _trim(f"{subject} {text[clause.cue_start : clause.end]}")


def _scheduled_thing(text: str, clause: Clause) -> str | None:
    """ "the next meeting, scheduled for fall 2007": the nearest noun phrase before the cue."""
    window = text[max(0, clause.cue_start - _THING_REACH) : clause.cue_start]
    found = list(_DETERMINED.finditer(window))
    if not found:
        return None
    last = found[-1]
    thing = f"{last.group(0).strip()} {text[clause.cue_start : clause.end].strip()}"
    return _trim(re.sub(r"\s+,", ",", thing))


def _keeps_subject(clause: Clause, actors: tuple[str, ...]) -> bool:
    """The subject is what the action is about, not who acts: a thing, a product, a number of
    jobs ("The first flight is expected to take place in May")."""
    words = clause.subject.split()
    if not words or clause.subject_start >= clause.cue_start:
        return False
    low = [_POSSESSIVE.sub("", w.lower().strip(",")) for w in words]
    owned = low[0] in _POSSESSIVES and len(low) > 1  # "its import demand": a thing of its own
    if not owned and (low[0] in lexicon.PRONOUNS_THING or low[0] in lexicon.PRONOUNS_PERSON):
        return False  # "It is the first step in our commitment to": no subject of its own
    head = next((i for i, w in enumerate(low) if i and w in _PREPOSITIONS), len(low))
    low = low[:head]  # "the agreement with Chrysler" is about the agreement
    if low[-1] in lexicon.ACTOR_HEADS or low[-1] in lexicon.PRONOUNS_SPEAKER:
        return False
    if low[-1] in lexicon.TITLES or low[-1] in lexicon.AGENT_NOUNS or low[-1] in _PARTIES:
        return False
    if any(_names(actor, set(low)) for actor in actors):
        return False
    return len(words) <= 8


def _names(actor: str, words: set[str]) -> bool:
    """The subject names the actor: its head word ("the Commission's plan" for the European
    Commission), all its words, or its initials; not one shared word ("the European Rail
    Traffic Management System" is no name of the European Commission)."""
    names = [_bare(w) for w in actor.split() if w[:1].isupper()]
    words = {_bare(w) for w in words}
    if not names:
        return False
    initials = "".join(n[0] for n in names)
    return names[-1] in words or set(names) <= words or (len(names) > 1 and initials in words)


def _verb_group(text: str, clause: Clause) -> str:
    """The verbs from the cue to the clause's end; for the second of two coordinated verb
    phrases ("The fund aims to build X and create Y"), the first one's cue before it: "aims to
    create Y", not "create Y" after the subject."""
    group = text[clause.cue_start : clause.end]
    if clause.cue_start != clause.cue_end or clause.subject_start >= clause.cue_start:
        return group
    head = clause.cue.pattern.search(
        text, clause.subject_start + len(clause.subject), clause.start
    )
    return group if head is None else f"{head.group(0).strip()} {group}"


def _agent_is_actor(text: str, clause: Clause, actors: tuple[str, ...]) -> bool:
    agent = _AGENT.search(text, clause.cue_end, clause.end)
    return bool(agent and actors and text.startswith(actors[0].split()[0], agent.end()))


def _active_with_subject(text: str, clause: Clause, actors: tuple[str, ...]) -> str | None:
    """ "The engines will be made by GM in Ohio", GM acting: "make the engines in Ohio"."""
    after = text[clause.cue_end : clause.end]
    m = _PASSIVE_HEAD.match(after.strip())
    agent = _AGENT.search(after)
    if m is None or agent is None or not clause.subject:
        return None
    verb = base_form(m.group("verb"))
    if verb is None:
        return None
    tail = after[agent.end() :]
    name = actors[0]
    tail = tail[len(name) :] if tail.startswith(name) else re.sub(r"^\S+", "", tail)
    before_agent = after[after.find(m.group("verb")) + len(m.group("verb")) : agent.start()]
    subject = re.sub(r"^(?:The|A|An)\b", lambda w: w.group(0).lower(), clause.subject)
    parts = [m.group("neg") or "", verb, subject, before_agent.strip(), tail.strip()]
    return _trim(" ".join(p for p in parts if p))


def _bare(word: str) -> str:
    """ "Corp." → "corp", "Acme's" → "acme": a word as a name is compared."""
    return _POSSESSIVE.sub("", word.lower()).strip(".,;:()[]\"“”‘’'")


def base_form(participle: str) -> str | None:
    """The base form of a past participle ("created" → "create", "shipped" → "ship")."""
    word = participle.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ied"):
        return word[:-3] + "y"
    if not word.endswith("ed") or len(word) < 5:
        return None
    stem = word[:-2]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
        return stem[:-1]  # "shipped", "planned", "submitted"
    if stem.endswith("e"):
        return stem  # "agreed" → "agree"
    return stem + "e" if _KEEPS_E.search(stem) else stem


def _trim(phrase: str) -> str:
    """The phrase up to its boundary, with no dangling function word or open quotation."""
    phrase = phrase.strip(" ,—-:")
    m = _BOUNDARY.search(phrase)
    if m is not None:
        phrase = phrase[: m.start()]
    words = phrase.split()
    if len(words) > _MAX_WORDS:
        at = len(" ".join(words[:8]))
        soft = _SOFT.search(phrase, at)
        if soft is not None:
            phrase = phrase[: soft.start()]
    phrase = _OPEN_QUOTES.sub("", phrase)
    if phrase.count("(") > phrase.count(")"):  # "12 weeks of leave (and": an aside cut open
        phrase = phrase[: phrase.rfind("(")]
    words = phrase.split()
    while words and words[-1].strip(",;:") in _TRAILING:  # "May" is a month, "may" is not
        words.pop()
    return " ".join(words).rstrip(",;:—-– ")
