"""Options shared by several commands, each declared once.

The lead's fields, ``--json``, ``--rep-timezone``, ``--at`` and ``--taxonomy`` are
``Annotated`` aliases reused by every command that takes them. The network options
(``--nameserver``, ``--allow-private``, ``--timeout`` and the hidden ``--port-map``)
come as one bundle: :func:`network_options` adds them to a command and hands it a
ready :class:`~leadcheck.net.config.NetConfig` as ``net``.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from leadcheck.net import DEFAULT_TIMEOUT

if TYPE_CHECKING:
    from leadcheck.errors import BadWebsiteError
    from leadcheck.followup.rep import RepSettings
    from leadcheck.net.config import NetConfig
    from leadcheck.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])

JsonOption = Annotated[
    bool, typer.Option("--json", help="Print JSON on stdout and nothing else there.")
]
TaxonomyOption = Annotated[
    Path | None,
    typer.Option(
        "--taxonomy",
        metavar="PATH",
        help="Use this taxonomy file instead of the shipped one.",
        dir_okay=False,
    ),
]
RepTimezoneOption = Annotated[
    str | None,
    typer.Option(
        "--rep-timezone",
        metavar="TZ",
        show_default=False,
        help="Your own time zone (IANA name): follow-up times are also shown in it. "
        "Default: LEADCHECK_REP_TIMEZONE, the config file, else Asia/Shanghai.",
    ),
]
DEFAULT_REP_TIMEZONE = None  # not given: from the settings (see leadcheck.settings)
AtOption = Annotated[
    str | None,
    typer.Option(
        "--at",
        metavar="DATETIME",
        help="Plan as of this moment (ISO 8601; without an offset it is in --rep-timezone). "
        "Default: now.",
    ),
]

# --- the lead's fields ------------------------------------------------------------------

EmailOption = Annotated[
    str | None, typer.Option("--email", "-e", metavar="ADDRESS", help="The lead's email address.")
]
WebsiteOption = Annotated[
    str | None,
    typer.Option(
        "--website", "-w", metavar="URL", help="The company website: domain, www.x or a URL."
    ),
]
PhoneOption = Annotated[
    str | None,
    typer.Option("--phone", metavar="NUMBER", help="The lead's phone, best as +CC ..."),
]
CountryOption = Annotated[
    str | None,
    typer.Option("--country", metavar="COUNTRY", help="The lead's country: ISO code or name."),
]
CompanyOption = Annotated[
    str | None, typer.Option("--company", metavar="NAME", help="The company's name.")
]
MessageOption = Annotated[
    str | None,
    typer.Option("--message", metavar="TEXT", help="The inquiry message the lead sent."),
]

# --- the network bundle -----------------------------------------------------------------

NameserverOption = Annotated[
    list[str] | None,
    typer.Option(
        "--nameserver",
        metavar="IP[:PORT]",
        help="Send every DNS query of the run to this server (repeatable) instead of the "
        "system resolver.",
    ),
]
AllowPrivateOption = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        help="Allow fetching hosts that resolve to private, loopback or link-local addresses.",
    ),
]
TimeoutOption = Annotated[
    float | None,
    typer.Option(
        "--timeout",
        min=0.1,
        max=600.0,
        metavar="SECONDS",
        show_default=False,
        help="Upper bound on the whole check of one lead (DNS and HTTP), 0.1 to 600. "
        f"Default: LEADCHECK_TIMEOUT, the config file, else {DEFAULT_TIMEOUT:g}.",
    ),
]
# Testing aid, like curl's --connect-to: send connections for port A to port B.
PortMapOption = Annotated[
    list[str] | None,
    typer.Option("--port-map", metavar="FROM=TO", hidden=True),
]

_NETWORK_PARAMETERS = (
    ("nameserver", NameserverOption, None),
    ("allow_private", AllowPrivateOption, False),
    ("timeout", TimeoutOption, None),
    ("port_map", PortMapOption, None),
)


def network_options(command: F) -> F:
    """Give ``command`` the network options; it receives them as ``net: NetConfig``."""
    signature = inspect.signature(command)
    namespace = command.__globals__
    kept = [
        # Typer reads the signature's annotations as objects: resolve the strings that
        # ``from __future__ import annotations`` left (``net`` is dropped unresolved).
        p.replace(annotation=eval(p.annotation, namespace)) if isinstance(p.annotation, str) else p
        for name, p in signature.parameters.items()
        if name != "net"
    ]
    added = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=kind)
        for name, kind, default in _NETWORK_PARAMETERS
    ]

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        given = current_settings(
            network__timeout=kwargs.pop("timeout"),
            network__nameservers=kwargs.pop("nameserver") or None,
            network__allow_private=kwargs.pop("allow_private") or None,
        )
        net = net_config(
            nameservers=list(given["network.nameservers"]),
            allow_private=given["network.allow_private"],
            timeout=given["network.timeout"],
            port_map=kwargs.pop("port_map"),
        )
        return command(*args, net=net, **kwargs)

    annotations: dict[str, Any] = {p.name: p.annotation for p in kept}
    annotations.update({name: kind for name, kind, _ in _NETWORK_PARAMETERS})
    annotations["return"] = signature.return_annotation
    wrapper.__annotations__ = annotations
    wrapper.__signature__ = signature.replace(parameters=[*kept, *added])  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


def current_settings(**given: Any) -> Settings:
    """The settings in force: ``given`` (``rep__timezone="..."``, None = not given on the
    command line) over the environment, the config file and the defaults."""
    from leadcheck.settings import load_settings

    return load_settings().with_command_line(**given)


def rep_from(rep_timezone: str | None) -> RepSettings:
    """The rep's settings with ``--rep-timezone`` (None: not given) on top."""
    return current_settings(rep__timezone=rep_timezone).rep


def net_config(
    *,
    nameservers: list[str] | None,
    allow_private: bool,
    timeout: float,
    port_map: list[str] | None = None,
) -> NetConfig:
    """Validate the network options (a usage error on a bad one) into a NetConfig."""
    from leadcheck.cli.errors import UsageError
    from leadcheck.net.config import NetConfig
    from leadcheck.net.dns import parse_nameserver

    servers = tuple(nameservers or ())
    for server in servers:
        parse_nameserver(server)
    mapping: dict[int, int] = {}
    for item in port_map or ():
        source, sep, target = item.partition("=")
        if not sep or not source.isdigit() or not target.isdigit():
            raise UsageError(f"bad --port-map {item!r}: expected FROM=TO, e.g. 443=8443")
        mapping[int(source)] = int(target)
    return NetConfig(
        nameservers=servers, allow_private=allow_private, timeout=timeout, port_map=mapping
    )


def parse_at(text: str | None) -> dt.datetime | None:
    """``--at``: ISO 8601, with or without offset; a naive value is the rep's own clock."""
    from leadcheck.cli.errors import UsageError

    if text is None:
        return None
    try:
        return dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(
            f"--at: cannot read {text[:40]!r} as a date and time; use ISO 8601 such as "
            "2026-10-02T18:30 (your time zone) or 2026-10-02T18:30+02:00"
        ) from None


def bad_website_option(error: str | None) -> BadWebsiteError:
    """The error for a ``--website`` that is no http(s) address (``javascript:x``): bad
    usage (exit 2), the same for every command that takes one."""
    from leadcheck.errors import BadWebsiteError

    why = error or "not a website address"
    return BadWebsiteError(f"--website: {why}; give a domain (acme.com) or an http(s) address")


SheetOption = Annotated[
    str | None,
    typer.Option("--sheet", metavar="NAME", help="The sheet of an .xlsx (default: first)."),
]
WaitOption = Annotated[
    float,
    typer.Option(
        "--wait",
        min=0.0,
        metavar="SECONDS",
        help="If another run holds the results database, wait this long for it (default: "
        "exit 75 at once).",
    ),
]
DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        metavar="PATH",
        dir_okay=False,
        help="The results database (default: results.sqlite3 in the user data directory).",
    ),
]
