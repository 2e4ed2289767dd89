"""bot.settings: Settings.from_env validation (all problems at once) and the .env reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError, env_keys, read_dotenv
from tracker.domain import Horizons

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"


class TestFromEnv:
    def test_minimal_environment_gives_defaults(self) -> None:
        settings = Settings.from_env({"TELEGRAM_BOT_TOKEN": TOKEN})
        assert settings == Settings(bot_token=TOKEN)
        assert settings.horizons == Horizons(promise=365, plan=180, agreement=365, prediction=365)

    def test_every_variable_is_read(self) -> None:
        env = {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": "http://localhost:8081/bot",
            "TELEGRAM_WEBHOOK_SECRET": "s3cret_-X",
            "DATABASE_URL": "postgresql://u@db/tracker",
            "TRACKER_DATA_DIR": "/var/lib/tracker",
            "TRACKER_TZ": "Europe/Berlin",
            "TRACKER_HORIZON_PROMISE_DAYS": "100",
            "TRACKER_HORIZON_PLAN_DAYS": "50",
            "TRACKER_HORIZON_AGREEMENT_DAYS": "200",
            "TRACKER_HORIZON_PREDICTION_DAYS": "300",
            "TRACKER_DISPATCH_SECONDS": "30",
            "TRACKER_DISPATCH_LEASE_SECONDS": "12",
        }
        expected = Settings(
            bot_token=TOKEN,
            api_base_url="http://localhost:8081/bot",
            webhook_secret="s3cret_-X",
            database_url="postgresql://u@db/tracker",
            data_dir=Path("/var/lib/tracker"),
            default_tz="Europe/Berlin",
            horizon_promise_days=100,
            horizon_plan_days=50,
            horizon_agreement_days=200,
            horizon_prediction_days=300,
            dispatch_seconds=30,
            dispatch_lease_seconds=12,
        )
        assert Settings.from_env(env) == expected
        assert set(env) == set(env_keys())

    def test_missing_token_is_named(self) -> None:
        with pytest.raises(SettingsError) as info:
            Settings.from_env({})
        assert info.value.problems == [
            "TELEGRAM_BOT_TOKEN is required (get a token from @BotFather)"
        ]

    def test_all_problems_are_listed_at_once(self) -> None:
        env = {
            "TELEGRAM_BOT_TOKEN": "not-a-token",
            "TELEGRAM_API_BASE_URL": "localhost:8081",
            "TRACKER_TZ": "Mars/Olympus",
            "TRACKER_HORIZON_PLAN_DAYS": "-3",
        }
        with pytest.raises(SettingsError) as info:
            Settings.from_env(env)
        names = [problem.split(":")[0] for problem in info.value.problems]
        assert names == [
            "TELEGRAM_BOT_TOKEN",
            "TELEGRAM_API_BASE_URL",
            "TRACKER_TZ",
            "TRACKER_HORIZON_PLAN_DAYS",
        ]
        assert "TRACKER_TZ" in str(info.value)

    @pytest.mark.parametrize("name", ["localtime", "/etc/localtime", "europe/berlin", "posix/UTC"])
    def test_the_default_zone_passes_the_same_check_as_chat_settings(self, name: str) -> None:
        with pytest.raises(SettingsError) as info:
            Settings.from_env({"TELEGRAM_BOT_TOKEN": TOKEN, "TRACKER_TZ": name})
        [problem] = info.value.problems
        assert problem.startswith("TRACKER_TZ") and "use a name like" in problem

    def test_a_horizon_has_the_same_bounds_as_in_the_command_line(self) -> None:
        env = {"TELEGRAM_BOT_TOKEN": TOKEN, "TRACKER_HORIZON_PLAN_DAYS": "36501"}
        with pytest.raises(SettingsError) as info:
            Settings.from_env(env)
        assert info.value.problems == [
            "TRACKER_HORIZON_PLAN_DAYS: must be a whole number of days from 1 to 36500, "
            "got '36501'"
        ]

    def test_token_is_not_in_repr(self) -> None:
        assert TOKEN not in repr(Settings(bot_token=TOKEN))

    @pytest.mark.parametrize(
        "token", ["123:short", ":AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0", TOKEN + " x"]
    )
    def test_malformed_tokens(self, token: str) -> None:
        with pytest.raises(SettingsError):
            Settings.from_env({"TELEGRAM_BOT_TOKEN": token})


class TestDotenv:
    def test_reads_keys_comments_quotes_and_export(self, tmp_path: Path) -> None:
        path = tmp_path / ".env"
        path.write_text(
            "# comment\n\nTELEGRAM_BOT_TOKEN=abc\nexport TRACKER_TZ='Europe/Paris'\n"
            'DATABASE_URL="sqlite:///x.db"\nnot a line\n',
            encoding="utf-8",
        )
        assert read_dotenv(path) == {
            "TELEGRAM_BOT_TOKEN": "abc",
            "TRACKER_TZ": "Europe/Paris",
            "DATABASE_URL": "sqlite:///x.db",
        }

    def test_a_comment_after_a_value_is_not_part_of_it(self, tmp_path: Path) -> None:
        path = tmp_path / ".env"
        path.write_text(
            "TRACKER_TZ=Europe/Paris  # where we are\nTELEGRAM_BOT_TOKEN='a#b'  # quoted\n",
            encoding="utf-8",
        )
        assert read_dotenv(path) == {"TRACKER_TZ": "Europe/Paris", "TELEGRAM_BOT_TOKEN": "a#b"}

    def test_absent_file_is_empty(self, tmp_path: Path) -> None:
        assert read_dotenv(tmp_path / "missing.env") == {}


class TestMain:
    def test_missing_token_exits_2_naming_the_variable(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        from bot.__main__ import main

        monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
        assert main(["run", "--env-file", str(tmp_path / "none.env")]) == 2
        assert "TELEGRAM_BOT_TOKEN is required" in capsys.readouterr().err

    def test_dotenv_values_are_used_and_environment_wins(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from bot.__main__ import load_settings

        path = tmp_path / ".env"
        path.write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\nTRACKER_TZ=Europe/Paris\n", encoding="utf-8")
        monkeypatch.setenv("TRACKER_TZ", "Asia/Tokyo")
        assert load_settings(path) == Settings(bot_token=TOKEN, default_tz="Asia/Tokyo")

    def test_webhook_options(self) -> None:
        from bot.__main__ import webhook_options

        options = webhook_options("https://bot.example/tg/hook", "0.0.0.0:8443", secret="s3")
        assert options == {
            "listen": "0.0.0.0",
            "port": 8443,
            "url_path": "tg/hook",
            "webhook_url": "https://bot.example/tg/hook",
            "secret_token": "s3",
        }

    def test_webhook_secret_is_generated_when_absent(self) -> None:
        from bot.__main__ import webhook_options

        first = webhook_options("https://b.example/h", "[::]:443", secret=None)
        second = webhook_options("https://b.example/h", "[::]:443", secret=None)
        assert (first["listen"], first["port"]) == ("::", 443)
        assert len(first["secret_token"]) >= 32 and first["secret_token"] != second["secret_token"]

    @pytest.mark.parametrize("listen", ["8443", "host:", "host:99999", ":80"])
    def test_bad_listen(self, listen: str) -> None:
        from bot.__main__ import webhook_options

        with pytest.raises(SettingsError):
            webhook_options("https://b.example/h", listen, secret=None)
