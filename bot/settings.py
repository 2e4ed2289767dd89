"""Bot configuration: one frozen Settings read from an environment mapping, and a .env reader.

Standard library and the core's plain checks only. `from_env` checks every variable and reports
all problems at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import timedelta
from pathlib import Path

from tracker.checks import zone
from tracker.domain import MAX_HORIZON_DAYS, Horizons
from tracker.errors import InvalidInput

# Telegram tokens look like "123456789:AA...": a numeric bot id, a colon, a 35-character secret.
_TOKEN = re.compile(r"^[0-9]{3,}:[A-Za-z0-9_-]{30,}$")
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class SettingsError(ValueError):
    """One or more environment variables are missing or malformed; lists them all."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("Invalid configuration:\n" + "\n".join(f"  - {p}" for p in problems))
        self.problems = problems


def _env(name: str) -> dict[str, str]:
    return {"env": name}


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Everything the bot needs from its environment, validated."""

    bot_token: str = field(metadata=_env("TELEGRAM_BOT_TOKEN"), repr=False)
    api_base_url: str | None = field(default=None, metadata=_env("TELEGRAM_API_BASE_URL"))
    webhook_secret: str | None = field(
        default=None, metadata=_env("TELEGRAM_WEBHOOK_SECRET"), repr=False
    )
    database_url: str | None = field(default=None, metadata=_env("DATABASE_URL"))
    data_dir: Path = field(default=Path("data"), metadata=_env("TRACKER_DATA_DIR"))
    default_tz: str = field(default="UTC", metadata=_env("TRACKER_TZ"))
    horizon_promise_days: int = field(default=365, metadata=_env("TRACKER_HORIZON_PROMISE_DAYS"))
    horizon_plan_days: int = field(default=180, metadata=_env("TRACKER_HORIZON_PLAN_DAYS"))
    horizon_agreement_days: int = field(
        default=365, metadata=_env("TRACKER_HORIZON_AGREEMENT_DAYS")
    )
    horizon_prediction_days: int = field(
        default=365, metadata=_env("TRACKER_HORIZON_PREDICTION_DAYS")
    )
    dispatch_seconds: int = field(default=60, metadata=_env("TRACKER_DISPATCH_SECONDS"))
    dispatch_lease_seconds: int = field(
        default=30, metadata=_env("TRACKER_DISPATCH_LEASE_SECONDS")
    )

    @property
    def dispatch_lease(self) -> timedelta:
        """How long a claimed follow-up stays reserved to its sender without a renewal."""
        return timedelta(seconds=self.dispatch_lease_seconds)

    @property
    def horizons(self) -> Horizons:
        """Default follow-up horizons for statements without a deadline."""
        return Horizons(
            promise=self.horizon_promise_days,
            plan=self.horizon_plan_days,
            agreement=self.horizon_agreement_days,
            prediction=self.horizon_prediction_days,
        )

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        """Build Settings from `env`; raise SettingsError naming every bad variable."""
        values: dict[str, object] = {}
        problems: list[str] = []
        for f in fields(cls):
            name = f.metadata["env"]
            raw = env.get(name, "").strip()
            if not raw:
                if f.name == "bot_token":
                    problems.append(f"{name} is required (get a token from @BotFather)")
                continue
            try:
                values[f.name] = _PARSERS.get(f.name, _integer)(raw)
            except ValueError as err:
                problems.append(f"{name}: {err}")
        if problems:
            raise SettingsError(problems)
        return cls(**values)  # type: ignore[arg-type]


def env_keys() -> list[str]:
    """The environment variable names Settings reads, in declaration order."""
    return [f.metadata["env"] for f in fields(Settings)]


def _token(raw: str) -> str:
    if not _TOKEN.match(raw):
        raise ValueError("malformed token; expected '<digits>:<secret>' as given by @BotFather")
    return raw


def _url(raw: str) -> str:
    if not raw.startswith(("http://", "https://")):
        raise ValueError(f"must start with http:// or https://, got {raw!r}")
    return raw


def _timezone(raw: str) -> str:
    try:
        return zone(raw).key  # the core's one check: "localtime" or a path is refused here too
    except InvalidInput as err:
        raise ValueError(str(err)) from None


def _secret(raw: str) -> str:
    if not _SECRET.match(raw):
        raise ValueError("1-256 characters of A-Z, a-z, 0-9, _ and - only")
    return raw


def _integer(raw: str) -> int:
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_HORIZON_DAYS:
        raise ValueError(
            f"must be a whole number of days from 1 to {MAX_HORIZON_DAYS}, got {raw!r}"
        )
    return int(raw)


def _seconds(raw: str) -> int:
    if not raw.isdigit() or not 1 <= int(raw) <= 3600:
        raise ValueError(f"must be a whole number of seconds from 1 to 3600, got {raw!r}")
    return int(raw)


def _text(raw: str) -> str:
    return raw


_PARSERS: dict[str, Callable[[str], object]] = {
    "bot_token": _token,
    "api_base_url": _url,
    "webhook_secret": _secret,
    "database_url": _text,
    "data_dir": Path,
    "default_tz": _timezone,
    "dispatch_seconds": _seconds,
    "dispatch_lease_seconds": _seconds,
}


def read_dotenv(path: Path) -> dict[str, str]:
    """The KEY=value pairs of a .env file as python-dotenv reads them (comments after a value,
    quotes, escapes, `export`); {} if absent. Keys without a value are left out."""
    if not path.is_file():
        return {}
    from dotenv import dotenv_values

    return {key: value for key, value in dotenv_values(path).items() if value is not None}
