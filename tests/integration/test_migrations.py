"""Alembic migrations produce exactly the models' schema, on SQLite and PostgreSQL; engines
get the documented settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from tracker.store.db import alembic_config, downgrade, make_engine, migrate, normalise_url
from tracker.store.tables import metadata


def schema_diff(engine: Engine) -> list[object]:
    with engine.connect() as connection:
        return list(compare_metadata(MigrationContext.configure(connection), metadata))


def tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


class TestMigrations:
    def test_head_matches_the_models(self, empty_engine) -> None:
        migrate(empty_engine)
        assert schema_diff(empty_engine) == []

    def test_down_to_base_and_up_again(self, empty_engine) -> None:
        migrate(empty_engine)
        downgrade(empty_engine, revision="base")
        assert tables(empty_engine) == {"alembic_version"}
        migrate(empty_engine)
        assert (tables(empty_engine), schema_diff(empty_engine)) == (
            {t.name for t in metadata.sorted_tables} | {"alembic_version"},
            [],
        )

    def test_migrating_twice_keeps_data(self, empty_engine) -> None:
        migrate(empty_engine)
        with empty_engine.begin() as connection:
            connection.execute(
                text("INSERT INTO sources (content_hash, published_basis, text, created_at)"
                     " VALUES ('h', 'unknown', 't', '2026-01-01 00:00:00')")
            )  # fmt: skip
        migrate(empty_engine)
        with empty_engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM sources")).scalar() == 1

    def test_numbers_are_backfilled_per_chat_in_id_order(self, empty_engine) -> None:
        migrate(empty_engine, revision="0003")
        insert = text(
            "INSERT INTO commitments (id, chat_id, actors, action, kind, quote, due, due_basis,"
            " status, created_by, created_at) VALUES (:id, :chat, '[]', 'a', 'promise', 'q',"
            " '2027-01-01', 'default', 'open', 'tg:1', '2026-01-01 00:00:00')"
        )
        with empty_engine.begin() as connection:
            for row_id, chat in [(1, 7), (2, 8), (3, 7), (4, 9), (5, 8), (6, 7)]:
                connection.execute(insert, {"id": row_id, "chat": chat})
        migrate(empty_engine)
        with empty_engine.connect() as connection:
            found = connection.execute(text("SELECT id, number FROM commitments ORDER BY id"))
            assert [tuple(r) for r in found] == [(1, 1), (2, 1), (3, 2), (4, 1), (5, 2), (6, 3)]
        assert schema_diff(empty_engine) == []

    def test_one_head(self) -> None:
        assert ScriptDirectory.from_config(alembic_config()).get_heads() == ["0008"]


class TestEngines:
    @pytest.mark.parametrize(
        ("url", "expected"),
        [
            ("postgresql://bot@db:5432/ledger", "postgresql+psycopg://bot@db:5432/ledger"),
            ("postgres://bot@db/ledger", "postgresql+psycopg://bot@db/ledger"),
            ("postgresql+psycopg://bot@db/ledger", "postgresql+psycopg://bot@db/ledger"),
            ("sqlite:////srv/t.db", "sqlite:////srv/t.db"),
            (None, "sqlite:///data/tracker.db"),
        ],
    )
    def test_url(self, url, expected) -> None:
        assert normalise_url(url).render_as_string(hide_password=False) == expected

    def test_default_sqlite_file_is_created_with_pragmas(self, tmp_path: Path) -> None:
        engine = make_engine(None, data_dir=tmp_path / "data")
        migrate(engine)
        with engine.connect() as connection:
            pragmas = [
                connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("journal_mode", "foreign_keys", "busy_timeout")
            ]
        engine.dispose()
        assert (pragmas, (tmp_path / "data" / "tracker.db").is_file()) == (
            ["wal", 1, 5000],
            True,
        )

    def test_memory_sqlite_is_shared_between_connections(self) -> None:
        engine = make_engine("sqlite://")
        with engine.begin() as first:
            first.execute(text("CREATE TABLE probe (x INTEGER)"))
            first.execute(text("INSERT INTO probe VALUES (1)"))
        with engine.connect() as second:
            assert second.execute(text("SELECT count(*) FROM probe")).scalar() == 1
