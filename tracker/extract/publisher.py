"""Whose voice a release speaks in, found from its own text: the institution it names as itself
("the Government", "the UK Government", "the Commission", "my Administration", "the
Committee"), the author a statement's headline names ("Statement from President Joe Biden"),
and the people a title stands for ("the Prime Minister" where the text says "Prime Minister
Keir Starmer"). Used for the first person with no speaker and for a thing as subject ("the
new plan will ...", "growth is expected to ..."), whose committed party is the publisher.
Pure surface rules."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator, Mapping

__all__ = ["author", "house_voice", "titled_name", "titled_people"]

# A qualifier that makes "Government" a particular one, or a determiner that makes it the
# text's own ("the Government", "this Government", "my Administration").
_INSTITUTION = re.compile(
    r"\b(?:(?P<q>UK|British|US|U\.S\.|Welsh|Scottish|Irish|Indian|Canadian|Australian|European|"
    r"Federal|Biden|Biden-Harris|Trump|Obama|Harris)\s+|(?P<d>[Tt]he|[Mm]y|[Oo]ur|[Tt]his)\s+)"
    r"(?P<n>[Gg]overnment|Commission|[Aa]dministration|Committee|Department)\b"
    r"(?![ \t]+(?:of|for)\b)(?!(?<=Committee)[ \t]+on\b)(?!(?<=Commission)[ \t]+on\b)"
)
# "the U.S. Department of Energy", "Department for Transport": a department's full name.
_DEPARTMENT = re.compile(
    r"(?:(?:U\.S\.|US|UK)[ \t]+)?Department[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
    r"[A-Z][a-z]+(?:(?:[ \t]+and|,)?[ \t]+[A-Z][a-z]+){0,4}"
)
# A government that speaks for itself under its own qualified name ("the Welsh Government").
_OWN_GOVERNMENTS = frozenset({"government", "administration"})
_NOUN_FORM = {"government": "Government", "administration": "Administration"}
# "European government subsidies": Europe has a Commission, not a government of its own.
_EUROPEAN = re.compile(r"\b(?:EU|European)\b")
_BRITISH = re.compile(r"\b(?:UK|United Kingdom|Britain|British)\b")
# "Statement from President Joe Biden on ...": the author of a statement, named in its title.
_AUTHOR = re.compile(
    r"^(?:Statement|Remarks|Letter|Message)\s+(?:from|by)\s+(?:(?:the\s+)?(?:President|Prime\s+"
    r"Minister|Vice\s+President|Secretary(?:\s+of\s+State)?|Chancellor|Governor)\s+)?"
    r"(?P<name>[A-Z][\w’'.-]+(?:[ \t]+[A-Z][\w’'.-]+){1,2})"
)
# "Prime Minister Keir Starmer", "German Chancellor Olaf Scholz", "the President of the
# European Council António Costa": a title, then the name of who holds it.
_TITLED = re.compile(
    r"(?P<title>(?:(?:[A-Z][a-z]+|(?:[A-Z]\.){2,3})[ \t]+(?:and[ \t]+)?){0,3}(?:Prime[ \t]+"
    r"Minister|Minister|Secretary|Chancellor|President|Commissioner|Governor|Mayor|Chair)"
    r"(?:[ \t]+of(?:[ \t]+the)?(?:[ \t]+[A-Z][a-z]+){1,3})?)"
    r"[ \t]+(?P<name>[A-Z][a-zà-ÿ’'-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][a-zà-ÿ’'-]+)){1,2})\b"
)
# "Deputy Minister for Climate Change, with a responsibility for Transport, Ann Lee said": a
# title, the department it is for, an aside, then the name (followed by no further name).
_WORD = r"[A-Z][a-zà-ÿ’'-]+"
_TITLED_FOR = re.compile(
    r"(?P<full>(?P<title>(?:[A-Z][a-z]+[ \t]+){0,3}(?:Minister|Secretary|Commissioner))[ \t]+"
    r"(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z][\w’'-]*"
    r"(?:,?[ \t]+(?:(?:and|for|of|the)[ \t]+)*[A-Z][\w’'-]*){0,8}?)(?:,[^.,:;“”\"]{1,60})?,?"
    rf"[ \t]+(?P<name>{_WORD}(?:[ \t]+(?:[A-Z]\.|{_WORD})){{1,2}})(?=[ \t]*(?:[a-z]|[,.:;]|$))"
)
# "Secretary Roe met ...": a title before a surname the text gives in full elsewhere.
_TITLED_SURNAME = re.compile(
    r"(?P<title>(?:[A-Z][a-z]+[ \t]+){0,3}(?:Prime[ \t]+Minister|Minister|Secretary|Chancellor|"
    r"President|Commissioner|Governor|Mayor|Chair))[ \t]+(?P<name>[A-Z][a-zà-ÿ’'-]+)"
    r"(?![ \t]+[A-Z])(?![\w’'-])"
)
_POSSESSIVE = re.compile(r"[’']s?$")
_SENTENCE_END = re.compile(r"(?<=[a-z])[.,]$")
_NAME_STOP = frozenset({"The", "This", "At", "In", "On", "Of", "And", "Said", "Will", "Has"})


def house_voice(text: str) -> str | None:
    """The institution a release speaks for, in its most specific form in the text: the
    government, commission, administration, committee or department it calls "the ..." most
    often (a qualified "the European Commission" alone may be a guest, not the voice); in a
    department head's statement that names no Government, the department it names."""
    own = _heads_department(text)
    if own:
        return own
    counts, forms = _institutions(text)
    if not counts:
        return _qualified_government(forms)
    key = max(counts, key=lambda k: counts[k])
    if key == "department":
        return _department(text)
    if key in forms:
        return forms[key].most_common(1)[0][0]
    if key == "commission" and _EUROPEAN.search(text):
        return "European Commission"
    if key == "government" and _BRITISH.search(text):
        return "UK Government"  # "the Government" of a text about the UK
    return f"the {_NOUN_FORM.get(key, key.title())}"


# "Secretary Roe on ...", "Minister Lee's statement": a headline that names a department head.
_DEPARTMENT_HEAD = re.compile(r"\b(?:Secretary|Minister)\b")
# "the State Department", "Department of Energy", "Ministry for Trade": a department by name.
_NAMED_DEPARTMENT = re.compile(
    r"\b(?!The\b|This\b|A\b)[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?[ \t]+Department\b"
    r"(?![ \t]+(?:of|for)\b)"
    r"|(?:(?:U\.S\.|US|UK)[ \t]+)?(?:Department|Ministry)[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
    r"[A-Z][a-z]+(?:(?:[ \t]+and|,)?[ \t]+[A-Z][a-z]+){0,4}"
)
_GOVERNMENT = re.compile(r"\b(?:Government|Administration|Commission)\b")


def _heads_department(text: str) -> str | None:
    """The "we" of a statement by a secretary or minister whose text names no Government of
    its own: the department the text names most ("we will build a leaner State Department")."""
    headline, _, body = text.partition("\n")
    if not _DEPARTMENT_HEAD.search(headline) or _GOVERNMENT.search(text):
        return None
    found = Counter(" ".join(m.group(0).split()) for m in _NAMED_DEPARTMENT.finditer(body))
    return found.most_common(1)[0][0] if found else None


def _institutions(text: str) -> tuple[Counter[str], dict[str, Counter[str]]]:
    """How often the text calls each institution its own ("the Government", "my
    Administration"), and the qualified forms it names of each ("Welsh Government")."""
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for m in _INSTITUTION.finditer(text):
        noun = m.group("n")
        key = noun.lower()
        if noun[0].islower() and key not in _NOUN_FORM:
            continue  # "commission"/"committee" in lower case is no institution's name
        qualifier = m.group("q")
        if qualifier:
            forms.setdefault(key, Counter())[f"{qualifier} {_NOUN_FORM.get(key, noun)}"] += 1
        else:
            counts[key] += 1
    return counts, forms


def _qualified_government(forms: dict[str, Counter[str]]) -> str | None:
    """With no "the Government" of its own, a release of a devolved or national government
    names itself in full ("the Welsh Government"): the most named such form."""
    named = Counter[str]()
    for key in _OWN_GOVERNMENTS.intersection(forms):
        named.update({form: n for form, n in forms[key].items() if not _EUROPEAN.match(form)})
    return named.most_common(1)[0][0] if named else None


def _department(text: str) -> str:
    """ "the Department" of an agency release: its full name, as most often given."""
    found = Counter(" ".join(m.group(0).split()) for m in _DEPARTMENT.finditer(text))
    return found.most_common(1)[0][0] if found else "the Department"


def author(text: str) -> str | None:
    """The person a statement's title says it is from ("Statement from President Joe Biden")."""
    m = _AUTHOR.match(text)
    return m.group("name") if m else None


def titled_people(text: str, *, surnames: Mapping[str, str] | None = None) -> dict[str, str]:
    """Title (lower case, without "the") → the one person the text gives it to: "prime
    minister" → "Keir Starmer"; also each capitalised word before the title's last word with
    it ("business secretary" for "Business and Trade Secretary Peter Kyle"), a title for a
    department ("Deputy Minister for X, Ann Lee") and a title before a surname that
    `surnames` gives in full ("Secretary Roe"). A title given to two people maps to none."""
    found: dict[str, set[str]] = {}
    for title, name in _titles_and_names(text, surnames or {}):
        for key in _title_keys(title):
            found.setdefault(key, set()).add(name)
    people = {key: _one_person(names) for key, names in found.items()}
    return {
        key: name for key, name in people.items() if name and not _named_apart(text, key, name)
    }


def _named_apart(text: str, title: str, name: str) -> bool:
    """Whether a sentence speaks of "the <title>" and of `name` as two people: "Prime Minister
    Carney thanked the Prime Minister" (a readout's own Prime Minister is someone else)."""
    words = r"[ \t]+".join(re.escape(w) for w in title.split())
    bare = re.compile(rf"\b[Tt]he[ \t]+(?i:{words})\b(?![ \t]+[A-Z])")
    surname = name.split()[-1]
    for m in bare.finditer(text):
        if re.match(rf",?[ \t]+{re.escape(name)}\b", text[m.end() : m.end() + len(name) + 3]):
            continue  # "the Minister for X, Jane Roe,": the title given to her, not another
        start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        ends = [i for i in (text.find(". ", m.end()), text.find("\n", m.end())) if i >= 0]
        sentence = text[start : min(ends, default=len(text))]
        if re.search(rf"\b{re.escape(surname)}\b", sentence):
            return True
    return False


def _one_person(names: set[str]) -> str | None:
    """The name of one person given in several lengths ("Uzra Zeya" in "... and Human Rights
    Uzra Zeya"): the shortest, when every other ends with it; else None (two people)."""
    shortest = min(names, key=len)
    return shortest if all(n == shortest or n.endswith(" " + shortest) for n in names) else None


def _titles_and_names(text: str, surnames: Mapping[str, str]) -> Iterator[tuple[str, str]]:
    """(title, full name) for each title the body of `text` gives someone."""
    body = text.find("\n") + 1  # the title case of a headline makes every word a name
    for m in itertools.chain(_TITLED.finditer(text, body), _TITLED_FOR.finditer(text, body)):
        words = m.group("name").split()
        cut = next((i for i, w in enumerate(words) if _POSSESSIVE.search(w)), None)
        words = words[:cut] if cut is not None else words  # "President Biden's Investing"
        while words and words[-1] in _NAME_STOP:
            words.pop()
        if len(words) >= 2:
            yield m.group("title"), " ".join(words)
            if m.re is _TITLED_FOR:  # "Minister of Defence": the whole title stands for her
                yield m.group("full"), " ".join(words)
    for m in _TITLED_SURNAME.finditer(text, body):
        full = surnames.get(m.group("name").lower())
        if full:
            yield m.group("title"), full


def titled_name(phrase: str) -> str | None:
    """The name in a phrase that is only a title and a name ("Business and Trade Secretary
    Peter Kyle" → "Peter Kyle"), else None."""
    phrase = _SENTENCE_END.sub("", phrase.removeprefix("the ").removeprefix("The "))
    m = _TITLED.fullmatch(phrase)
    return m.group("name") if m else None


def _title_keys(title: str) -> list[str]:
    """ "Business and Trade Secretary" → the whole title, "business secretary", "trade
    secretary"; "Prime Minister of the United Kingdom" → "prime minister" too."""
    low = " ".join(title.lower().split())
    if low.startswith("the "):
        low = low[4:]
    keys = [low]
    core = re.split(r" (?:of|for) ", low)[0]
    keys.append(core)
    words = [w for w in core.split() if w != "and"]
    head = "prime minister" if core.endswith("prime minister") else words[-1]
    keys.append(head)
    if head != "prime minister":
        keys += [f"{w} {head}" for w in words[:-1]]
    return list(dict.fromkeys(keys))
