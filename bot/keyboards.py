"""Inline keyboards and the callback-data grammar they carry (ids, never text; ≤ 64 bytes).

Grammar (parse() is the inverse of the *_data() encoders; anything else is rejected):
  tr:<proposal>:a | tr:<proposal>:d | tr:<proposal>:p:<size>:<mask> | tr:<proposal>:s:<size>:<mask>
  ls:<filter>:<offset>      v:<number>:<code>      st:<key>:<value>
  it:<number>:x | it:<number>:u   (untrack the item / undo: track it again)
  sn:<number>:<t|w|m>    ("not yet, ask again tomorrow / next week / in a month")
`<number>` is the chat's own item number. Buttons of cards sent before numbers existed used
"vd:<row id>"; they now answer "no longer valid" instead of judging another item.
`size` is how many candidates the picker shows; `mask` is a hexadecimal bit set of the picked
ones (bit 0 = candidate 1). Both only shape the keyboard: Tracker.accept validates the picks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from tracker.domain import Commitment, Proposal, Status, VerdictsBy
from tracker.phrases.when import SNOOZE_CHOICES

MAX_DATA = 64
PICK_LIMIT = 50  # more buttons than this make an unusable keyboard (Telegram caps at 100)
LIST_FILTERS = ("open", "due", "overdue", "fulfilled", "broken", "all")
VERDICT_CODES: dict[str, Status] = {
    "f": Status.FULFILLED,
    "p": Status.PARTLY,
    "n": Status.NOT_FULFILLED,
    "y": Status.IN_PROGRESS,
    "u": Status.UNJUDGEABLE,
}
_CODE_OF = {status: code for code, status in VERDICT_CODES.items()}
_VERDICT_LABELS = (
    ("Fulfilled", Status.FULFILLED),
    ("Partly", Status.PARTLY),
    ("Not fulfilled", Status.NOT_FULFILLED),
    ("Not yet", Status.IN_PROGRESS),
    ("Can't be judged", Status.UNJUDGEABLE),
)
SNOOZE_CODES = {code: phrase for code, _, phrase in SNOOZE_CHOICES}
SETTING_CHOICES: dict[str, tuple[str, ...]] = {
    "vb": tuple(v.value for v in VerdictsBy),
    "dd": ("daily", "weekdays", "off"),
}

TrackOp = Literal["a", "d", "p", "s"]


@dataclass(frozen=True, slots=True)
class TrackAction:
    """A button under a proposal: all, drop, pick (show toggles), save picked."""

    proposal_id: int
    op: TrackOp
    size: int = 0
    mask: int = 0


@dataclass(frozen=True, slots=True)
class PageAction:
    """A prev/next button under a listing."""

    filter: str
    offset: int


@dataclass(frozen=True, slots=True)
class VerdictAction:
    """A verdict button under a commitment card."""

    number: int
    status: Status


@dataclass(frozen=True, slots=True)
class SettingAction:
    """A choice button under /settings."""

    key: str
    value: str


@dataclass(frozen=True, slots=True)
class SnoozeAction:
    """A "not yet, ask again tomorrow / next week / in a month" button under a check-in."""

    number: int
    code: str

    @property
    def when(self) -> str:
        """The phrase the snooze service reads ("tomorrow", "next week", "in a month")."""
        return SNOOZE_CODES[self.code]


@dataclass(frozen=True, slots=True)
class ItemAction:
    """Untrack an item ("x") or track it again ("u", the Undo button)."""

    number: int
    op: Literal["x", "u"]


Action = TrackAction | PageAction | VerdictAction | SettingAction | SnoozeAction | ItemAction

_ID = r"([1-9][0-9]{0,17})"
_TRACK = re.compile(rf"^tr:{_ID}:(?:([ad])|([ps]):([1-9][0-9]?):([0-9a-f]{{1,13}}))$")
_PAGE = re.compile(rf"^ls:({'|'.join(LIST_FILTERS)}):(0|[1-9][0-9]{{0,8}})$")
_VERDICT = re.compile(rf"^v:{_ID}:([{''.join(VERDICT_CODES)}])$")
_ITEM = re.compile(rf"^it:{_ID}:([xu])$")
_SETTING = re.compile(r"^st:([a-z]{2}):([a-z]{1,16})$")
_SNOOZE = re.compile(rf"^sn:{_ID}:([{''.join(SNOOZE_CODES)}])$")


def _checked(data: str) -> str:
    if len(data.encode()) > MAX_DATA:
        raise ValueError(f"callback data over {MAX_DATA} bytes: {data!r}")
    return data


def track_data(proposal_id: int, op: TrackOp, *, size: int = 0, mask: int = 0) -> str:
    """Callback data for a proposal button (size and mask only for pick and save)."""
    suffix = f":{size}:{mask:x}" if op in ("p", "s") else ""
    return _checked(f"tr:{proposal_id}:{op}{suffix}")


def page_data(filter_: str, offset: int) -> str:
    """Callback data for a listing page button."""
    return _checked(f"ls:{filter_}:{offset}")


def verdict_data(number: int, status: Status) -> str:
    """Callback data for a verdict button."""
    return _checked(f"v:{number}:{_CODE_OF[status]}")


def setting_data(key: str, value: str) -> str:
    """Callback data for a settings choice."""
    return _checked(f"st:{key}:{value}")


def snooze_data(number: int, code: str) -> str:
    """Callback data for a snooze button."""
    if code not in SNOOZE_CODES:
        raise ValueError(f"snooze code must be one of {sorted(SNOOZE_CODES)}, got {code!r}")
    return _checked(f"sn:{number}:{code}")


def parse(data: str | None) -> Action | None:
    """Decode callback data; None for anything this grammar did not produce."""
    if not data or len(data.encode()) > MAX_DATA:
        return None
    if m := _TRACK.fullmatch(data):
        size, mask = int(m[4] or "0"), int(m[5] or "0", 16)
        if mask >> size:  # a bit beyond the candidates shown: not ours
            return None
        return TrackAction(int(m[1]), m[2] or m[3], size, mask)  # type: ignore[arg-type]
    if (m := _SETTING.fullmatch(data)) and m[2] in SETTING_CHOICES.get(m[1], ()):
        return SettingAction(m[1], m[2])
    for pattern, build in _SIMPLE:
        if m := pattern.fullmatch(data):
            return build(m)
    return None


_SIMPLE: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Action]], ...] = (
    (_PAGE, lambda m: PageAction(m[1], int(m[2]))),
    (_VERDICT, lambda m: VerdictAction(int(m[1]), VERDICT_CODES[m[2]])),
    (_SNOOZE, lambda m: SnoozeAction(int(m[1]), m[2])),
    (_ITEM, lambda m: ItemAction(int(m[1]), m[2])),  # type: ignore[arg-type]
)


def _button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=data)


def untracked_left(found: Proposal) -> bool:
    """Whether a proposal has candidates not tracked yet."""
    return bool(found.candidates) and len(found.numbers) < len(found.candidates)


def proposal(found: Proposal) -> InlineKeyboardMarkup | None:
    """Track all / pick / drop under a fresh proposal; None when nothing was found or all of
    it is tracked already."""
    if not untracked_left(found):
        return None
    pid = found.id
    row = [_button("Track all", track_data(pid, "a"))]
    if len(found.candidates) > 1:
        size = min(len(found.candidates), PICK_LIMIT)
        row.append(_button("Pick…", track_data(pid, "p", size=size)))
    row.append(_button("Drop", track_data(pid, "d")))
    return InlineKeyboardMarkup([row])


def picker(proposal_id: int, *, size: int, mask: int) -> InlineKeyboardMarkup:
    """One toggle per candidate (✅ when picked), then save and drop."""
    toggles = [
        _button(
            f"{'✅' if mask >> (i - 1) & 1 else '⬜'} {i}",
            track_data(proposal_id, "p", size=size, mask=mask ^ (1 << (i - 1))),
        )
        for i in range(1, size + 1)
    ]
    rows = [toggles[i : i + 5] for i in range(0, len(toggles), 5)]
    picked = bin(mask).count("1")
    rows.append(
        [
            _button(f"Track {picked} picked", track_data(proposal_id, "s", size=size, mask=mask)),
            _button("Drop", track_data(proposal_id, "d")),
        ]
    )
    return InlineKeyboardMarkup(rows)


def picks(mask: int) -> list[int]:
    """1-based candidate numbers set in `mask`."""
    return [i + 1 for i in range(mask.bit_length()) if mask >> i & 1]


def pager(filter_: str, *, offset: int, limit: int, total: int) -> InlineKeyboardMarkup | None:
    """Previous/next buttons for a listing; None when it fits on one page."""
    row = []
    if offset > 0:
        row.append(_button("« Prev", page_data(filter_, max(offset - limit, 0))))
    if offset + limit < total:
        row.append(_button("Next »", page_data(filter_, offset + limit)))
    return InlineKeyboardMarkup([row]) if row else None


def _verdict_buttons(number: int, *, not_yet: bool) -> list[InlineKeyboardButton]:
    return [
        _button(text, verdict_data(number, status))
        for text, status in _VERDICT_LABELS
        if not_yet or status is not Status.IN_PROGRESS
    ]


def verdicts(number: int) -> InlineKeyboardMarkup:
    """The verdict buttons under a commitment card, and Untrack."""
    buttons = _verdict_buttons(number, not_yet=True)
    untrack = _button("🗑 Untrack", _checked(f"it:{number}:x"))
    return InlineKeyboardMarkup([buttons[:3], buttons[3:], [untrack]])


def card(item: Commitment) -> InlineKeyboardMarkup:
    """The buttons under a card: verdicts and Untrack, or only "Track again" if untracked."""
    return undo(item.number) if item.untracked else verdicts(item.number)


def undo(number: int) -> InlineKeyboardMarkup:
    """The Undo button after untracking an item: track it again."""
    return InlineKeyboardMarkup([[_button("↩️ Undo: track again", _checked(f"it:{number}:u"))]])


def checkin(number: int) -> InlineKeyboardMarkup:
    """The verdict buttons plus "not yet: tomorrow / next week / in a month" under a check-in."""
    judged = _verdict_buttons(number, not_yet=False)  # the snooze row says "not yet"
    snooze = [_button(f"⏰ {label}", snooze_data(number, c)) for c, label, _ in SNOOZE_CHOICES]
    return InlineKeyboardMarkup([judged[:3], judged[3:], snooze])


def settings() -> InlineKeyboardMarkup:
    """Choice buttons for the settings that have a short list of values."""
    return InlineKeyboardMarkup(
        [
            [
                _button("Verdicts: everyone", setting_data("vb", "everyone")),
                _button("Verdicts: admins", setting_data("vb", "admins")),
            ],
            [
                _button("Digest daily", setting_data("dd", "daily")),
                _button("Mon–Fri", setting_data("dd", "weekdays")),
                _button("No digest", setting_data("dd", "off")),
            ],
        ]
    )
