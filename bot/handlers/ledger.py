"""The ledger: /add, /list (with page buttons), /show, /due, /stats, /export."""

from __future__ import annotations

from datetime import date, datetime

from telegram import InlineKeyboardMarkup, InputFile, Update

from bot import forms, keyboards, views
from bot.context import Ctx
from bot.keyboards import PageAction
from bot.news.card import news_card
from bot.replies import by, call, chat_of, message_of, payload, pressed, query_of, reply
from tracker.domain import ChatSettings, Commitment, Page, Stats
from tracker.services import Tracker

PAGE_SIZE = 10


async def add(update: Update, context: Ctx) -> None:
    """/add <statement> [by <date>]: track a statement typed by hand."""
    text = payload(message_of(update))
    if not text:
        await reply(update, views.ADD_USAGE)
        return
    item, today = await call(_add, context, chat_of(update).id, text, by=by(update))
    await reply(update, views.added(item, today=today), markup=keyboards.card(item))


def _add(context: Ctx, chat_id: int, text: str, *, by: str) -> tuple[Commitment, date]:
    tracker, now = context.tracker, context.now()
    today = views.local_date(now, tracker.settings(chat_id).timezone)
    statement, deadline = forms.split_add(text, today=today)
    return tracker.add(chat_id, statement, deadline=deadline, by=by, now=now), today


async def list_command(update: Update, context: Ctx) -> None:
    """/list [open|due|overdue|fulfilled|broken|all]: the first page of a listing."""
    filter_ = (context.args or ["open"])[0].lower()
    if filter_ not in keyboards.LIST_FILTERS:
        await reply(update, views.LIST_USAGE)
        return
    text, markup = await _page(context, chat_of(update).id, filter_, offset=0)
    await reply(update, text, markup=markup)


async def list_button(update: Update, context: Ctx) -> None:
    """Prev/next under a listing: show that page in place."""
    action = await pressed(update, PageAction)
    if action is None:
        return
    text, markup = await _page(context, chat_of(update).id, action.filter, offset=action.offset)
    await query_of(update).edit_message_text(views.split_message(text)[0], reply_markup=markup)


async def _page(
    context: Ctx, chat_id: int, filter_: str, *, offset: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    listing = await call(
        _list, context.tracker, chat_id, filter_, offset=offset, now=context.now()
    )
    markup = keyboards.pager(filter_, offset=offset, limit=PAGE_SIZE, total=listing.total)
    return views.page(listing, title=f"Commitments: {filter_}"), markup


def _list(tracker: Tracker, chat_id: int, filter_: str, *, offset: int, now: datetime) -> Page:
    prefs = tracker.settings(chat_id)
    today = views.local_date(now, prefs.timezone)
    query = forms.list_query(filter_, today=today)
    return tracker.list(chat_id, **query, limit=PAGE_SIZE, offset=offset)


async def show(update: Update, context: Ctx) -> None:
    """/show <id> (also /verdict <id>): the card with quote, source, due date and verdicts."""
    if not context.args:
        await reply(update, views.SHOW_USAGE)
        return
    await send_card(update, context, forms.commitment_id(context.args[0]))


async def send_card(update: Update, context: Ctx, commitment_id: int) -> None:
    """Reply with one commitment's card and its verdict buttons."""
    item, prefs, names = await call(_get, context.tracker, chat_of(update).id, commitment_id)
    links = await call(context.tracker.links, item.chat_id, item.number)  # goal-post history
    text, markup = news_card(views.card(item, tz=prefs.timezone, names=names), item, links)
    await reply(update, text, markup=markup)


def _get(
    tracker: Tracker, chat_id: int, commitment_id: int
) -> tuple[Commitment, ChatSettings, dict[str, str]]:
    found = tracker.get(chat_id, commitment_id)
    return found, tracker.settings(chat_id), tracker.member_names(chat_id)


async def stats(update: Update, context: Ctx) -> None:
    """/stats: fulfilment figures for this chat's ledger."""
    figures = await call(_stats, context.tracker, chat_of(update).id, now=context.now())
    await reply(update, views.stats(figures))


def _stats(tracker: Tracker, chat_id: int, *, now: datetime) -> Stats:
    today = views.local_date(now, tracker.settings(chat_id).timezone)
    return tracker.stats(chat_id, today=today)


# Telegram refuses documents over 50 MB from bots; a ledger that large is exported on the
# server (`tracker export`), which streams it.
MAX_DOCUMENT_BYTES = 50 * 1000 * 1000


async def export(update: Update, context: Ctx) -> None:
    """/export: the ledger as a CSV and a JSON document."""
    chat_id, day = chat_of(update).id, context.now().date().isoformat()
    count, files = await call(_export, context.tracker, chat_id)
    if any(len(data) > MAX_DOCUMENT_BYTES for _, data in files):
        await reply(update, views.export_too_large(max(len(d) for _, d in files)))
        return
    for fmt, data in files:
        await message_of(update).reply_document(
            InputFile(data, filename=views.export_name(chat_id, day, fmt)),
            caption=views.export_caption(count, fmt.upper()),
            do_quote=False,
        )


def _export(tracker: Tracker, chat_id: int) -> tuple[int, list[tuple[str, bytes]]]:
    from tracker.ledger_io import to_csv, to_json

    rows = tracker.export_rows(chat_id)
    return len(rows), [("csv", to_csv(rows).encode()), ("json", to_json(rows).encode())]
