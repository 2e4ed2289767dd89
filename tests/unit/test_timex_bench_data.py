"""bench/score_timex.py's corpus readers (bench/timex_corpora.py) and scorer, on tiny inline
documents (no shared data needed)."""

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "bench" / "score_timex.py"
_SPEC = importlib.util.spec_from_file_location("score_timex", _PATH)
assert _SPEC and _SPEC.loader
bench = importlib.util.module_from_spec(_SPEC)
sys.modules["score_timex"] = bench
_SPEC.loader.exec_module(bench)
corpora = importlib.import_module("timex_corpora")  # on sys.path once score_timex is loaded

TIMEML = """<?xml version="1.0" ?>
<TimeML><DOCID>D1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08">19980108</TIMEX3></DCT>
<TEXT>Sales fell <TIMEX3 tid="t1" type="DATE" value="1997-10">in October</TIMEX3>. Nothing else.
Shares rose for <TIMEX3 tid="t2" type="DURATION" value="P1W">a week</TIMEX3>.</TEXT></TimeML>
"""

MEANTIME = """<?xml version="1.0" ?><Document doc_id="42" doc_name="42_x" url="u">
<token number="0" sentence="0" t_id="1">Title</token>
<token number="1" sentence="1" t_id="2">March</token>
<token number="2" sentence="1" t_id="3">06</token>
<token number="3" sentence="1" t_id="4">,</token>
<token number="4" sentence="1" t_id="5">2008</token>
<token number="5" sentence="2" t_id="6">It</token>
<token number="6" sentence="2" t_id="7">ended</token>
<token number="7" sentence="2" t_id="8">last</token>
<token number="8" sentence="2" t_id="9">year</token>
<token number="9" sentence="2" t_id="10">.</token>
<token number="10" sentence="3" t_id="11">Unannotated</token>
<token number="11" sentence="3" t_id="12">sentence</token>
<Markables>
<TIMEX3 m_id="1" type="DATE" value="2008-03-06" functionInDocument="CREATION_TIME">
<token_anchor t_id="2"/><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/>
</TIMEX3>
<TIMEX3 m_id="2" type="DATE" value="2007" functionInDocument="NONE">
<token_anchor t_id="8"/><token_anchor t_id="9"/>
</TIMEX3>
<TIMEX3 m_id="3" type="DATE" value="2008" functionInDocument="NONE"/>
<EVENT_MENTION m_id="4"><token_anchor t_id="7"/></EVENT_MENTION>
</Markables></Document>
"""


def test_read_timeml(tmp_path: Path) -> None:
    path = tmp_path / "d1.tml"
    path.write_text(TIMEML)
    doc = corpora.read_timeml(path)
    spans = [(doc.text[g.start : g.end], g.type, g.value) for g in doc.gold]
    assert (doc.dct, spans) == (
        date(1998, 1, 8),
        [("in October", "DATE", "1997-10"), ("a week", "DURATION", "P1W")],
    )


def test_read_meantime_keeps_annotated_sentences_and_ignores_the_dateline(tmp_path: Path) -> None:
    path = tmp_path / "42_x.xml"
    path.write_text(MEANTIME)
    doc = corpora.read_meantime(path)
    spans = [(doc.text[g.start : g.end], g.value) for g in doc.gold]
    ignored = [doc.text[s:e] for s, e in doc.ignore]
    assert (doc.dct, doc.text, spans, ignored) == (
        date(2008, 3, 6),
        "Title\nMarch 06, 2008\nIt ended last year.",
        [("last year", "2007")],
        ["March 06, 2008"],
    )


M = corpora.Mention


@pytest.mark.parametrize(
    ("pred", "expected"),
    [
        ([M(0, 9, "DATE", "2007")], {"relaxed_f1": 1.0, "strict_f1": 1.0, "value_f1": 1.0}),
        ([M(3, 9, "DATE", "2006")], {"relaxed_f1": 1.0, "strict_f1": 0.0, "value_f1": 0.0}),
        ([M(20, 24, "DATE", "2007")], {"relaxed_f1": 0.0, "strict_f1": 0.0, "value_f1": 0.0}),
    ],
)
def test_score(pred: list, expected: dict) -> None:
    got = bench.score([([M(0, 9, "DATE", "2007")], pred)])
    assert {k: got[k] for k in expected} == expected
