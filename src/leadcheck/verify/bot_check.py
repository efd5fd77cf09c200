"""Bot walls: a CDN's challenge or block page instead of the site (``data/bot_walls.toml``).

A genuine company behind Cloudflare, Akamai, Imperva or a cloud WAF may answer a
non-browser client with ``403 Just a moment...`` or ``503 Checking your browser``.
That is a *protected* site, not an HTTP error and not a dead one: its page is
unread (which costs no points), while its DNS, its mail and its TLS still count.

A wall is recognised by one *decisive* marker of ``data/bot_walls.toml``: a header
the vendor documents for its challenges (``cf-mitigated: challenge``,
``x-amzn-waf-action``), on any status the marker allows; or a title, markup or text
marker, with a status the marker allows, on a small page (a wall is a few lines).
Vendor fingerprints (``server: cloudflare``, ``__cf_bm`` cookies) are on every
response the vendor serves, real pages included, and are never enough.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator

from leadcheck.datafiles import data_path, load_toml_model
from leadcheck.models import Frozen

WALLS_FILE = "bot_walls.toml"
SMALL_PAGE_CHARS = 3_000  # visible text of a wall page is far below this
MAX_MARKUP = 200_000  # markup searched for markers

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_BLANKS = re.compile(r"\s+")


def _fold(text: str) -> str:
    return _BLANKS.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


class Wall(Frozen):
    """One ``[[wall]]`` marker."""

    id: str = Field(pattern=_ID.pattern)
    vendor: str = Field(min_length=1)
    kind: Literal["challenge", "block", "rate_limit"]
    statuses: tuple[int, ...] = ()
    field: Literal["header", "title", "html", "text"]
    name: str | None = None
    pattern: str

    @field_validator("statuses")
    @classmethod
    def _statuses(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        for status in value:
            if not 100 <= status <= 599:
                raise ValueError(f"not an HTTP status: {status}")
        return value

    @model_validator(mode="after")
    def _check(self) -> Wall:
        if self.field == "header":
            if not self.name or self.name != self.name.lower() or " " in self.name:
                raise ValueError("a header marker needs its lower-case 'name'")
        elif self.name is not None:
            raise ValueError("'name' is for header markers only")
        elif not _fold(self.pattern):
            raise ValueError("the pattern is blank")
        return self


class WallsFile(Frozen):
    wall: tuple[Wall, ...] = Field(min_length=1)

    @field_validator("wall")
    @classmethod
    def _unique(cls, value: tuple[Wall, ...]) -> tuple[Wall, ...]:
        seen: set[str] = set()
        for wall in value:
            if wall.id in seen:
                raise ValueError(f"duplicate wall id {wall.id!r}")
            seen.add(wall.id)
        return value


class BotWall(Frozen):
    """The wall a site showed us: who runs it, what it did, which marker told."""

    vendor: str
    kind: Literal["challenge", "block", "rate_limit"]
    marker: str

    def describe(self) -> str:
        words = {"challenge": "bot check", "block": "firewall block", "rate_limit": "rate limit"}
        return f"{self.vendor} {words[self.kind]}"


@cache
def load_walls(path: Path | None = None) -> tuple[Wall, ...]:
    """``data/bot_walls.toml`` (or ``path``), validated."""
    return load_toml_model(WallsFile, path or data_path(WALLS_FILE)).wall


def detect_wall(
    *,
    status: int | None,
    headers: Sequence[tuple[str, str]],
    title: str | None,
    text: str,
    markup: str,
    walls: Sequence[Wall] | None = None,
) -> BotWall | None:
    """The bot wall this response is, if any (see the module docstring)."""
    if status is None:
        return None
    walls = walls if walls is not None else load_walls()
    small = len(text) < SMALL_PAGE_CHARS
    folded: dict[str, str] = {}

    def field(name: str) -> str:
        if name not in folded:
            raw = {"title": title or "", "text": text, "html": markup[:MAX_MARKUP]}[name]
            folded[name] = _fold(raw)
        return folded[name]

    values = [(key.lower(), _fold(value)) for key, value in headers]
    for wall in walls:
        if wall.statuses and status not in wall.statuses:
            continue
        if wall.field == "header":
            pattern = _fold(wall.pattern)
            if any(key == wall.name and pattern in value for key, value in values):
                return BotWall(vendor=wall.vendor, kind=wall.kind, marker=wall.id)
            continue
        if small and _fold(wall.pattern) in field(wall.field):
            return BotWall(vendor=wall.vendor, kind=wall.kind, marker=wall.id)
    return None


__all__ = ["SMALL_PAGE_CHARS", "BotWall", "Wall", "detect_wall", "load_walls"]
