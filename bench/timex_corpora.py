"""Gold time expressions for bench/score_timex.py: TempEval-3 TimeML (TimeBank, AQUAINT) and
MEANTIME CAT documents read whole, as text with TIMEX3 offsets and a creation date. MEANTIME's
reserved test documents are not even parsed unless asked for.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
TBAQ = DATA / "tempeval3-timeml" / "TBAQ-cleaned"
MEANTIME = DATA / "meantime-en"

# detokenisation rules copied from shared/tools/timex_to_jsonl.py (MEANTIME is tokenised)
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "'re"}
_NO_SPACE_BEFORE |= {"'ve", "'ll", "'d", "'m", "''"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "#"}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    type: str
    value: str


@dataclass
class Doc:
    doc_id: str
    dct: date
    text: str
    gold: list[Mention]
    ignore: list[tuple[int, int]] = field(default_factory=list)  # DCT spans in the text


def _dct(value: str | None) -> date | None:
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value or "")
    return date(int(m[1]), int(m[2]), int(m[3])) if m else None


def _walk(elem: ET.Element, pieces: list[str], gold: list[Mention]) -> None:
    """Flatten inline TimeML, recording TIMEX3 offsets."""
    if elem.text:
        pieces.append(elem.text)
    for child in elem:
        start = sum(map(len, pieces))
        _walk(child, pieces, gold)
        end = sum(map(len, pieces))
        if child.tag == "TIMEX3" and end > start:
            gold.append(Mention(start, end, child.get("type", ""), child.get("value", "")))
        if child.tail:
            pieces.append(child.tail)


def read_timeml(path: Path) -> Doc | None:
    """One TimeML document: text inside <TEXT>, DCT from <DCT>."""
    root = ET.parse(path).getroot()
    dct_el = root.find("DCT/TIMEX3")
    dct = _dct(dct_el.get("value") if dct_el is not None else None)
    text_el = root.find("TEXT")
    if dct is None or text_el is None:
        return None
    pieces: list[str] = []
    gold: list[Mention] = []
    _walk(text_el, pieces, gold)
    return Doc(path.stem, dct, "".join(pieces), gold)


def _detokenize(tokens: list[tuple[str, str]], offset: int) -> tuple[str, dict[str, tuple]]:
    out: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    pos, prev = offset, None
    for tid, tok in tokens:
        if out and tok not in _NO_SPACE_BEFORE and prev not in _NO_SPACE_AFTER:
            out.append(" ")
            pos += 1
        spans[tid] = (pos, pos + len(tok))
        out.append(tok)
        pos += len(tok)
        prev = tok
    return "".join(out), spans


def _annotated_sentences(root: ET.Element) -> int:
    """MEANTIME annotates only the first sentences (headline, dateline and four more)."""
    sent = {t.get("t_id"): int(t.get("sentence", "0")) for t in root.findall("token")}
    anchors = root.findall("Markables/*/token_anchor")
    return max((sent.get(a.get("t_id"), 0) for a in anchors), default=0)


def _meantime_dct(root: ET.Element) -> date | None:
    """The CREATION_TIME timex; else the timex most often used as an anchor (3 documents)."""
    timexes = list(root.iter("TIMEX3"))
    for t in timexes:
        if t.get("functionInDocument") == "CREATION_TIME":
            return _dct(t.get("value"))
    anchors = [t.get("anchorTimeID") for t in timexes if t.get("anchorTimeID")]
    top = max(set(anchors), key=anchors.count) if anchors else None
    return next((_dct(t.get("value")) for t in timexes if t.get("m_id") == top), None)


def read_meantime(path: Path) -> Doc | None:
    """One MEANTIME document: annotated sentences detokenised, one per line; stand-off TIMEX3s."""
    root = ET.parse(path).getroot()
    last = _annotated_sentences(root)
    by_sent: dict[int, list[tuple[str, str]]] = {}
    for tok in root.findall("token"):
        if int(tok.get("sentence", "0")) <= last:
            by_sent.setdefault(int(tok.get("sentence", "0")), []).append(
                (tok.get("t_id", ""), tok.text or "")
            )
    lines: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    offset = 0
    for s in sorted(by_sent):
        line, sp = _detokenize(by_sent[s], offset)
        lines.append(line)
        spans.update(sp)
        offset += len(line) + 1
    dct = _meantime_dct(root)
    if dct is None:
        return None
    doc = Doc(root.get("doc_id", path.stem), dct, "\n".join(lines), [])
    for t in root.iter("TIMEX3"):
        toks = [spans[a.get("t_id", "")] for a in t.findall("token_anchor")]
        if not toks:
            continue
        start, end = min(a for a, _ in toks), max(b for _, b in toks)
        if t.get("functionInDocument") == "CREATION_TIME":
            doc.ignore.append((start, end))
        else:
            doc.gold.append(Mention(start, end, t.get("type", ""), t.get("value", "")))
    return doc


def load_corpora(include_test: bool) -> dict[str, list[Doc]]:
    """Corpus name → documents."""
    test_ids = {
        ln.strip()
        for ln in (MEANTIME / "TEST_SPLIT.txt").read_text().splitlines()
        if ln.strip() and not ln.startswith("#")
    }
    corpora: dict[str, list[Doc]] = {}
    for name in ("TimeBank", "AQUAINT"):
        docs = [read_timeml(p) for p in sorted((TBAQ / name).glob("*.tml"))]
        corpora[name] = [d for d in docs if d]
    # the reserved test documents are not even parsed unless asked for
    paths = sorted(MEANTIME.glob("intra-doc_annotation/**/*.xml"))
    dev = [read_meantime(p) for p in paths if p.name.split("_")[0] not in test_ids]
    corpora["MEANTIME-dev"] = [d for d in dev if d]
    if include_test:
        test = [read_meantime(p) for p in paths if p.name.split("_")[0] in test_ids]
        corpora["MEANTIME-test"] = [d for d in test if d]
    return corpora
