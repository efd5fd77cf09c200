"""The rep's settings: command line, then ``LEADCHECK_*`` variables, then the config file.

A rep sets their own time zone, working hours, country (whose public holidays they
keep) and days off once, instead of typing ``--rep-timezone`` on every command::

    # ~/.config/leadcheck/config.toml (the platform's config directory; see `leadcheck config`)
    [rep]
    timezone = "Asia/Shanghai"
    country = "CN"                  # Chinese New Year and Golden Week hold a cadence back
    hours = "09:00-18:00"
    holidays = ["2026-04-14..2026-04-17"]   # your own days off (a trade fair)

    [output]
    format = "xlsx"                 # batch without -o: csv, jsonl or json on stdout

    [network]
    timeout = 20
    nameservers = ["223.5.5.5"]
    allow_private = false

Each value comes from the first place that gives it: the command line, the
environment (``LEADCHECK_REP_TIMEZONE``, ``LEADCHECK_REP_COUNTRY``,
``LEADCHECK_REP_HOURS``, ``LEADCHECK_REP_HOLIDAYS``, ``LEADCHECK_OUTPUT_FORMAT``,
``LEADCHECK_TIMEOUT``, ``LEADCHECK_NAMESERVERS``, ``LEADCHECK_ALLOW_PRIVATE``), the
config file (``LEADCHECK_CONFIG`` names another one), then the default.
:func:`load_settings` returns every value with where it came from, which is what
``leadcheck config`` shows. A bad value names its source and the fix.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leadcheck.errors import BadOptionError, InvalidInputError
from leadcheck.followup.rep import DEFAULT_REP_COUNTRY, DEFAULT_REP_TIMEZONE, RepSettings
from leadcheck.net import DEFAULT_TIMEOUT

CONFIG_ENV = "LEADCHECK_CONFIG"
MAX_CONFIG_BYTES = 256_000
OUTPUT_FORMATS = ("jsonl", "csv", "json", "xlsx")

# setting -> (config section, key, environment variable, default, description)
SETTINGS: dict[str, tuple[str, str, str, Any, str]] = {
    "rep.timezone": (
        "rep", "timezone", "LEADCHECK_REP_TIMEZONE", DEFAULT_REP_TIMEZONE,
        "your time zone (IANA name)",
    ),
    "rep.country": (
        "rep", "country", "LEADCHECK_REP_COUNTRY", DEFAULT_REP_COUNTRY,
        "your country: its public holidays hold a cadence back",
    ),
    "rep.hours": (
        "rep", "hours", "LEADCHECK_REP_HOURS", None,
        "your working hours, START-END (default: your country's)",
    ),
    "rep.holidays": (
        "rep", "holidays", "LEADCHECK_REP_HOLIDAYS", (),
        "your own days off: YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD",
    ),
    "output.format": (
        "output", "format", "LEADCHECK_OUTPUT_FORMAT", None,
        "batch results: the format without a suffix, or on stdout (jsonl, csv, json, xlsx)",
    ),
    "network.timeout": (
        "network", "timeout", "LEADCHECK_TIMEOUT", DEFAULT_TIMEOUT,
        "upper bound on one lead's check, in seconds",
    ),
    "network.nameservers": (
        "network", "nameservers", "LEADCHECK_NAMESERVERS", (),
        "DNS servers, IP[:PORT] (default: the system's)",
    ),
    "network.allow_private": (
        "network", "allow_private", "LEADCHECK_ALLOW_PRIVATE", False,
        "allow fetching private, loopback and link-local addresses",
    ),
}  # fmt: skip

# The command-line flag of a setting, for messages.
FLAGS = {
    "rep.timezone": "--rep-timezone",
    "rep.country": "--rep-country",
    "rep.hours": "--rep-hours",
    "network.timeout": "--timeout",
    "network.nameservers": "--nameserver",
    "network.allow_private": "--allow-private",
}
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting in force: its value and where it came from."""

    name: str
    value: Any
    source: str  # "default", "config file", "environment (LEADCHECK_X)", "command line"
    description: str


@dataclass(frozen=True)
class Settings:
    """Every setting in force, with the config file that was (or would be) read."""

    values: Mapping[str, Setting]
    config_path: Path
    config_found: bool

    def __getitem__(self, name: str) -> Any:
        return self.values[name].value

    @property
    def rep(self) -> RepSettings:
        return RepSettings(
            timezone=self["rep.timezone"],
            country=self["rep.country"],
            hours=self["rep.hours"],
            holidays=self["rep.holidays"],
        )

    def with_command_line(self, **given: Any) -> Settings:
        """The same settings with the values given on the command line (None: not given)."""
        values = dict(self.values)
        for key, raw in given.items():
            if raw is None:
                continue
            name = key.replace("__", ".")
            current = values[name]
            value = _parse(name, raw, "command line", flag=FLAGS.get(name))
            values[name] = Setting(name, value, "command line", current.description)
        return Settings(values, self.config_path, self.config_found)


def config_path(environ: Mapping[str, str] | None = None) -> Path:
    """The config file: ``$LEADCHECK_CONFIG``, else ``config.toml`` in the platform's
    config directory (``~/.config/leadcheck`` on Linux)."""
    environ = os.environ if environ is None else environ
    named = environ.get(CONFIG_ENV, "").strip()
    if named:
        return Path(named).expanduser()
    from platformdirs import user_config_path

    return user_config_path("leadcheck", appauthor=False) / "config.toml"


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """The settings in force before the command line: environment, config file, defaults."""
    environ = os.environ if environ is None else environ
    path = config_path(environ)
    file_values, found = _read_config(path, required=bool(environ.get(CONFIG_ENV, "").strip()))
    values: dict[str, Setting] = {}
    for name, (_section, _key, variable, default, description) in SETTINGS.items():
        if variable in environ:
            source = f"environment ({variable})"
            values[name] = Setting(
                name, _parse(name, environ[variable], source), source, description
            )
        elif name in file_values:
            source = f"config file ({path})"
            values[name] = Setting(
                name, _parse(name, file_values[name], source), source, description
            )
        else:
            values[name] = Setting(name, default, "default", description)
    return Settings(values, path, found)


def _read_config(path: Path, *, required: bool) -> tuple[dict[str, Any], bool]:
    from leadcheck.errors import DataFileError, MissingDataFileError

    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError:
        if required:
            raise MissingDataFileError(path, f"no such file (named by {CONFIG_ENV})") from None
        return {}, False
    except OSError as exc:
        raise DataFileError(path, f"cannot read the config file: {exc.strerror or exc}") from exc
    if len(data) > MAX_CONFIG_BYTES:
        raise DataFileError(path, f"a config file is at most {MAX_CONFIG_BYTES:,} bytes")
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(path, f"not valid TOML: {exc}") from exc
    known = {(section, key): name for name, (section, key, *_rest) in SETTINGS.items()}
    found: dict[str, Any] = {}
    for section, table in raw.items():
        if not isinstance(table, dict):
            raise DataFileError(path, "expected a table such as [rep]", location=section)
        for key, value in table.items():
            name = known.get((section, key))
            if name is None:
                choices = ", ".join(SETTINGS)
                raise BadOptionError(
                    f"{path}: {section}.{key}: unknown setting; the settings are {choices}"
                )
            found[name] = value
    return found, True


def _parse(name: str, raw: Any, source: str, *, flag: str | None = None) -> Any:
    """A setting's value from text (environment, command line) or TOML."""
    try:
        return _PARSERS[name](raw)
    except (InvalidInputError, ValueError, TypeError) as exc:
        message = str(exc)
        where = flag or f"{name} from {source}"
        if flag and message.startswith(f"bad {flag} "):
            raise BadOptionError(message) from None  # it names the flag already
        raise BadOptionError(f"{where}: {message}") from None


def _timezone(raw: Any) -> str:
    from leadcheck.followup.timing import zone_info

    zone = str(raw).strip()
    zone_info(zone)
    return zone


def _country(raw: Any) -> str:
    from leadcheck.followup.countries import resolve_country

    return resolve_country(str(raw).strip())


def _hours(raw: Any) -> Any:
    from leadcheck.followup.rep import parse_hours

    return parse_hours(str(raw)) if str(raw).strip() else None


def _holidays(raw: Any) -> Any:
    from leadcheck.followup.rep import parse_days

    if isinstance(raw, list | tuple):
        return parse_days([str(item) for item in raw])
    return parse_days(str(raw))


def _format(raw: Any) -> str | None:
    value = str(raw).strip().lower().lstrip(".")
    if not value:
        return None
    if value not in OUTPUT_FORMATS:
        raise ValueError(f"{value!r} is not one of {', '.join(OUTPUT_FORMATS)}")
    return value


def _timeout(raw: Any) -> float:
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise ValueError(f"{raw!r} is not a number of seconds, e.g. 15 or 7.5") from None
    if not 0.1 <= value <= 600:
        raise ValueError(f"{value:g} is not between 0.1 and 600 seconds")
    return value


def _nameservers(raw: Any) -> tuple[str, ...]:
    from leadcheck.net.dns import parse_nameserver

    items = raw if isinstance(raw, list | tuple) else str(raw).replace(",", " ").split()
    servers = tuple(str(item).strip() for item in items if str(item).strip())
    for server in servers:
        parse_nameserver(server)
    return servers


def _flag(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"{raw!r} is not a yes/no value (1, 0, true, false, yes, no)")


_PARSERS = {
    "rep.timezone": _timezone,
    "rep.country": _country,
    "rep.hours": _hours,
    "rep.holidays": _holidays,
    "output.format": _format,
    "network.timeout": _timeout,
    "network.nameservers": _nameservers,
    "network.allow_private": _flag,
}
