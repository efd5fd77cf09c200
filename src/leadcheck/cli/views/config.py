"""The view of ``leadcheck config``: each setting, its value, and where it came from."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from leadcheck.cli.views.console import console, safe

if TYPE_CHECKING:
    from leadcheck.settings import Settings


def plain_value(value: Any) -> Any:
    """A setting's value as JSON: times as ``"HH:MM-HH:MM"``, dates as ISO text."""
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, dt.time) for v in value):
        return f"{value[0]:%H:%M}-{value[1]:%H:%M}"
    if isinstance(value, tuple):
        return [plain_value(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _shown(value: Any) -> str:
    plain = plain_value(value)
    if plain is None:
        return "—"
    if isinstance(plain, list):
        return ", ".join(str(item) for item in plain) if plain else "—"
    if isinstance(plain, bool):
        return "yes" if plain else "no"
    return str(plain)


def settings_json(settings: Settings) -> dict[str, Any]:
    return {
        "config_file": str(settings.config_path),
        "config_file_found": settings.config_found,
        "settings": {
            name: {"value": plain_value(item.value), "source": item.source}
            for name, item in settings.values.items()
        },
    }


def show_settings(settings: Settings) -> None:
    from rich.table import Table
    from rich.text import Text

    out = console()
    found = "found" if settings.config_found else "not found: create it to keep your settings"
    out.print(
        Text("Config file: ", style="bold") + safe(f"{settings.config_path} ({found})", limit=500)
    )
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("setting")
    table.add_column("value")
    table.add_column("from")
    for name, item in settings.values.items():
        table.add_row(
            Text(name),
            safe(_shown(item.value), limit=200),
            safe(item.source, style="" if item.source == "default" else "cyan", limit=300),
        )
    out.print(table)
