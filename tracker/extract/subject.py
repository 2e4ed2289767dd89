"""The grammatical subject of a commitment cue and the source that reports it ("X said",
"according to X"), found with surface rules on one sentence. Pure."""

from __future__ import annotations

import itertools
import re

from tracker.extract import lexicon as lexicon

__all__ = ["find_source", "find_subject", "has_name", "plausible_actor"]

_MAX_ACTOR_WORDS = 6
_NOT_NAME_WORDS = lexicon.NOT_NAMES | lexicon.QUANTIFIERS

_PARENTHETICAL = re.compile(
    r"\s(?:--|—|–)\s[^—–]{1,80}?\s(?:--|—|–)\s|\([^()]{0,80}\)|—[^—]{1,60}—"
)
_QUOTE_OPEN = re.compile(r"[“`\"]")
_REPORT = (
    r"said|says|saying|say|told|tells|added|adds|announced|announces|stated|stating|explained|"
    r"noted|"
    r"remarked|commented|observed|signall?ed|hinted|cautioned|"
    r"insisted|stressed|warned|claimed|confirmed|declared|wrote|predicts|predicted|believes|"
    r"believed|thinks|thought|envisioned|envisions|expects|expected|estimated|estimates|"
    r"forecasts|forecasted|projects(?=\s+that\b)|projected(?=\s+that\b)|anticipates|"
    r"anticipated(?=\s+that\b)|"
    r"reported|reports|revealed|indicated|suggested|argued|acknowledged|admitted|recognize|"
    r"recognizes|hopes|hoped|made\s+(?:it\s+)?(?:\w+\s+)?clear|(?:is|was|am|are)\s+confident"
)
_HARD_BREAK = re.compile(rf"[;:“`\"]|—|--|\(|\b(?:{_REPORT})\b", re.I)
_REPORT_VERB = re.compile(rf"(?<!-)\b(?:{_REPORT})\b", re.I)
_SUBORDINATOR = re.compile(
    r"\b(?:that|which|who|when|while|because|since|as|if|after|before|where|whereby|so|but|"
    r"although|though|whether|and|to)\b",
    re.I,
)
_PREPOSITIONAL_TO = re.compile(r"\s+(?:[A-Z]|(?:the|a|an|its|their|his|her)\b)")
_PRONOUN = re.compile(r"\b(?:I|we|he|she|they|it|there)\b", re.I)
_AUX_TAIL = re.compile(
    r"(?:\s++(?:is|are|was|were|has|have|had|be|been|does|do|did|am|even|also|still|now|today|"
    r"yesterday|not|already|reportedly|initially|on\s+\w+day|this\s+week|last\s+week))+\s*$",
    re.I,
)
_LEAD = re.compile(
    r"^(?:(?:and|but|so|yet|also|meanwhile|then|now|however|thus|in\s+addition|"
    r"(?:that[’']s|this\s+is|which\s+is)\s+why)\b[\s,]*)+",
    re.I,
)
# A dated adverbial before the subject: "starting on October 1 regulators will ...".
_DATED_LEAD = re.compile(
    r"^(?:(?:starting|beginning|effective)\s+)?(?:on|in|from|by|since|until|after|as\s+of)\s+"
    r"(?:[\w,]+\s+){0,3}?(?:\d[\d,]*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|"
    r"\w+day|(?:this|next|last)\s+\w+)\s+(?=[a-z])",
    re.I,
)
# A past-tense verb (or a headline's present) right after a capitalised name, "they" or a
# group ends the subject: "the two leaders affirmed the intention to", "PM launches plan to".
_VERB_AFTER_NAME = re.compile(
    r"\b(?P<name>[A-Z][\w&-]+|(?i:they|we|leaders|ministers|officials|sides))(?P<cut>\s+"
    r"(?:[a-z]+ed|launch(?:es)?|announces|unveils|sets|confirms|backs|pledges|vows|commits|"
    r"opens|signs|welcomes|hosts|meets|affirms|reaffirms|reiterates|restates)\b.*)$"
)
_GROUPS = frozenset({"they", "we", "leaders", "ministers", "officials", "sides"})
# ", the city council says": a body named in lower case closing the sentence reports it.
_BODIES = "|".join(
    re.escape(w)
    for w in sorted(lexicon.ORG_WORDS | lexicon.GENERIC_ORG_NOUNS, key=len, reverse=True)
)
_TRAILING = re.compile(
    rf"[\s,]*+(?:(?P<a>(?:the\s+)?(?-i:[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){{0,4}})|he|she|they)"
    rf"\s+(?:has\s+|have\s+)?(?:{_REPORT})\b|(?:{_REPORT})\s+"
    rf"(?P<b>(?-i:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,3}}))|according\s+to\s+(?P<c>[^,.;]{{2,60}})"
    rf"|(?P<d>(?-i:the|its)\s+(?-i:[a-z][\w’'-]*\s+){{0,3}}?(?:{_BODIES}))\s+(?:has\s+)?"
    rf"(?:{_REPORT})\b)",
    re.I,
)
# ", saying that": the participle's subject is the sentence's opening subject.
_PARTICIPLE_REPORT = re.compile(r",\s+(?:saying|stating|adding|noting|explaining)\s*$", re.I)
_OPENING_SUBJECT = re.compile(
    r"\s*(?P<np>(?:[Tt]he\s+)?[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,4}|[Hh]e|[Ss]he|[Tt]hey|We|I)"
    r"\s+(?:has\s+|have\s+|had\s+)?[a-z]+(?:ed|s)\b"
)
_ACCORDING = re.compile(r"according\s+to\s+(?P<c>[^,.;]{2,60})", re.I)
# A reporting verb coordinated after another verb of the same subject.
_AND_BEFORE = re.compile(r"\band\s+$")


def find_subject(sent: str, cue_start: int) -> tuple[str, int]:
    """The noun phrase governing the cue at `cue_start`, and its offset ("" when none)."""
    pre = _PARENTHETICAL.sub(lambda m: " " * len(m.group(0)), sent[:cue_start])
    start, end = _chunk(pre)
    phrase, offset = _narrow(pre, start, end)
    if not phrase or phrase.lower() == "there" or len(phrase.split()) > 10:
        return "", cue_start
    return phrase, offset


def find_source(sent: str, cue_start: int, clause_end: int) -> tuple[str, int]:
    """Who reports the commitment: the subject of the last reporting verb before the cue,
    "according to X", or a trailing attribution after the clause (", the USAF said")."""
    verbs = list(_REPORT_VERB.finditer(sent, 0, cue_start))
    if verbs:
        phrase, offset = find_subject(sent, verbs[-1].start())
        if plausible_actor(phrase):
            return phrase, offset
        opening = _OPENING_SUBJECT.match(sent)
        if _PARTICIPLE_REPORT.search(sent, 0, verbs[-1].end()) and opening:
            return opening.group("np"), opening.start("np")  # "He declined, stating that"
        if _AND_BEFORE.search(sent, 0, verbs[-1].start()):
            # "the Committee decided to raise rates and anticipates that": the first verb's
            acting = list(_OPENING_SUBJECT.finditer(sent, 0, verbs[-1].start()))
            if acting:
                return acting[-1].group("np"), acting[-1].start("np")
    for m in (_ACCORDING.search(sent, 0, cue_start), _TRAILING.match(sent, clause_end)):
        group = next((g for g in "abcd" if m is not None and m.groupdict().get(g)), None)
        if m is not None and group is not None and plausible_actor(m.group(group), body=True):
            return m.group(group).strip(), m.start(group)
    return "", cue_start


def plausible_actor(phrase: str, *, max_words: int = _MAX_ACTOR_WORDS, body: bool = False) -> bool:
    """A short phrase that can name someone: a name, a pronoun, "the company", "the minister";
    with `body`, also a body named in lower case ("the city council")."""
    words = phrase.split()
    if not words or len(words) > max_words:
        return False
    head = words[-1].lower()
    bodies = lexicon.ORG_WORDS if body else frozenset()
    return has_name(phrase) or head in lexicon.ACTOR_HEADS or head in bodies


def has_name(phrase: str) -> bool:
    """Whether a capitalised word other than a function word or quantifier occurs."""
    return any(w[:1].isupper() and w.lower() not in _NOT_NAME_WORDS for w in phrase.split())


def _chunk(pre: str) -> tuple[int, int]:
    """[start, end) of the stretch of `pre` that can hold the subject."""
    breaks = list(_HARD_BREAK.finditer(pre))
    while breaks and _QUOTE_OPEN.fullmatch(breaks[-1].group(0)):
        if pre[breaks[-1].end() :].strip(" …."):
            break
        breaks.pop()  # 'Putin and he “agreed': the subject is before the quotation mark
    base = breaks[-1].end() if breaks else 0
    parts = _comma_parts(pre, base)
    return parts[-1]


_LONE_ADVERBS = frozenset({"also", "now", "then", "later", "again", "still", "further", "today"})
_AUXILIARIES = frozenset({"is", "are", "was", "were", "has", "have", "had"})
_BARE_NAME = re.compile(r"(?:[A-Z][\w.&’'-]*)(?:\s+[A-Z][\w.&’'-]*){0,3}")
# A description with a common-noun head: "Boeing's European rival", "its chief executive"
_DESCRIPTION = re.compile(
    r"\s*(?:(?i:the|its|his|her|their)\s+|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*[’']s\s+)"
    r"(?:[A-Za-z-]+\s+){0,3}[a-z][a-z-]+\s*$"
)


def _comma_parts(pre: str, base: int) -> list[tuple[int, int]]:
    """Comma-separated pieces after `base`, with an appositive before the cue skipped
    ("Barra, 51, will" → "Barra"; "Akerson, who will" → "Akerson")."""
    bounds = [base] + [base + m.end() for m in re.finditer(r",(?=\s)", pre[base:])]
    parts = [(a, b - 1) for a, b in itertools.pairwise(bounds)]
    parts.append((bounds[-1], len(pre)))
    last = pre[parts[-1][0] :].strip().lower()
    if last in _LONE_ADVERBS or last in _AUXILIARIES:
        last = ""  # "Forestall, an Apple employee, also revealed": no subject of its own
    if last in ("", "who", "which") and len(parts) >= 2:
        drop = 2 if last == "" and len(parts) >= 3 else 1
        if drop == 2 and _names_the_head(pre, parts[-3], parts[-2]):
            drop = 1  # "Boeing's European rival, Airbus, is": the appositive names who acts
        return parts[:-drop]
    return parts


def _names_the_head(pre: str, head: tuple[int, int], appositive: tuple[int, int]) -> bool:
    """An appositive that is a bare name after a description of someone ("Apple's chief
    executive, Tim Cook,"; "its rival, Airbus,"): the name is the subject."""
    name = pre[appositive[0] : appositive[1]].strip()
    words = pre[head[0] : head[1]].split()
    titled = bool(words) and words[-1].lower() in lexicon.PERSON_TITLES  # "The Transport Minister"
    described = titled or bool(_DESCRIPTION.match(pre, *head))
    return bool(_BARE_NAME.fullmatch(name)) and described


def _narrow(pre: str, start: int, end: int) -> tuple[str, int]:
    """Cut the chunk to its last clause and its subject noun phrase."""
    chunk = pre[start:end]
    opening = not pre[:start].strip()  # the chunk opens the sentence
    cuts = [m.end() for m in _SUBORDINATOR.finditer(chunk) if _cuts(chunk, m, opening=opening)]
    pronouns = [
        m.start()
        for m in _PRONOUN.finditer(chunk)
        if not re.search(r"(?:\band|\bor|,)\s*$", chunk[: m.start()])
    ]
    first = max([*cuts, *(p for p in pronouns if p > 0), 0])
    start += first
    phrase = _AUX_TAIL.sub("", pre[start:end]).strip(" “”\"`'…,")
    lead = _LEAD.match(phrase) or _DATED_LEAD.match(phrase)
    phrase = phrase[lead.end() :] if lead else phrase
    verb = _VERB_AFTER_NAME.search(phrase)
    name = verb.group("name").lower() if verb else ""
    if verb and (name not in lexicon.NOT_NAMES or name in _GROUPS):
        phrase = phrase[: verb.start("cut")]  # "President Bush proposed a plan" → "President Bush"
    return phrase, (pre.index(phrase, start) if phrase else start)


def _cuts(chunk: str, m: re.Match[str], *, opening: bool) -> bool:
    """Whether subordinator `m` starts a new clause (coordinated names are kept together;
    "to" before a name or a determiner is a preposition: "Deliveries to Singapore Airlines")."""
    word = m.group(0).lower()
    if word == "that" and opening and not chunk[: m.start()].strip():
        return False  # "That decision is due in May": a determiner opening the sentence
    if word == "to":
        return not _PREPOSITIONAL_TO.match(chunk, m.end())
    if word != "and":
        return True
    return len(chunk[: m.start()].split()) > 3
