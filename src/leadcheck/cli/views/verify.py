"""The human view of ``leadcheck verify``: one panel, the verdict first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadcheck.cli.views.console import console, safe, yes_no

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.table import Table
    from rich.text import Text

    from leadcheck.report import LeadReport

LABEL_STYLES = {
    "genuine": "bold white on green",
    "suspicious": "bold black on yellow",
    "fake": "bold white on red",
    "unknown": "bold white on blue",
}


def show_report(report: LeadReport) -> None:
    console().print(verify_renderable(report))


def verify_renderable(report: LeadReport) -> RenderableType:
    """The report as one rich panel; every string from the lead or the page is inert."""
    from rich.panel import Panel

    title = safe(report.inquiry.company or report.inquiry.email or report.inquiry.website)
    return Panel(_body(report), title=title, title_align="left", expand=False)


def _body(report: LeadReport) -> RenderableType:
    from rich.console import Group
    from rich.text import Text

    verdict = report.verdict
    head = Text()
    head.append(f" {verdict.label.upper()} ", style=LABEL_STYLES[verdict.label])
    head.append(f"  score {verdict.score}/100", style="bold")
    parts: list[RenderableType] = [head, Text(), reasons_grid(report)]
    if report.email is not None:
        parts += [Text(), Text("Email", style="bold underline"), _email_table(report)]
    if report.website is not None:
        parts += [Text(), Text("Website", style="bold underline"), _website_table(report)]
    links = _message_table(report)
    if links is not None:
        parts += [Text(), Text("Message", style="bold underline"), links]
    if report.fit is not None:
        parts += [Text(), Text("Industry fit", style="bold underline"), _fit_table(report)]
    if report.followup is not None:
        parts += [Text(), Text("Follow-up", style="bold underline"), _followup_table(report)]
    said = report.website.error if report.website is not None else None
    for note in report.notes:
        message = note.message
        if said and f"({said})" in message:  # said once, in the Website part above
            message = message.replace(f"({said})", "(see Website above)")
        parts.append(safe(f"note ({note.stage}): {message}", style="yellow", limit=400))
    return Group(*parts)


def reasons_grid(report: LeadReport) -> Table:
    """The reasons, the negative ones first: a mark, the message (wrapped lines hang
    under its first word), and the code at the end of the first line."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, width=2, justify="right")
    grid.add_column(overflow="fold", ratio=1)
    grid.add_column(no_wrap=True, style="dim")
    from leadcheck.batch.outcome import ordered_reasons

    for reason in ordered_reasons(report.verdict.reasons, report.verdict.label):
        mark, style = ("+", "green") if reason.points > 0 else ("-", "red")
        if reason.points == 0:
            mark, style = ("·", "dim")
        grid.add_row(
            Text(mark, style=style), safe(reason.message, limit=400), Text(f"[{reason.code}]")
        )
    return grid


def _grid() -> Table:
    from rich.table import Table

    table = Table.grid(padding=(0, 2))
    table.add_column(style="cyan", no_wrap=True)
    table.add_column(overflow="fold", max_width=90)
    return table


def _email_table(report: LeadReport) -> Table:
    email = report.email
    assert email is not None
    table = _grid()
    table.add_row("address", safe(email.normalized or email.address))
    if email.extracted_from:
        table.add_row("taken from", safe(email.extracted_from))
    table.add_row(
        "syntax",
        yes_no(email.valid_syntax) if email.valid_syntax else safe(email.syntax_error, style="red"),
    )
    if not email.valid_syntax:
        if email.suggestion:
            table.add_row("did you mean", safe(email.suggestion, style="yellow"))
        return table
    table.add_row("mail servers", safe(", ".join(email.mx_hosts) or email.mx_status))
    table.add_row("deliverable", yes_no(email.deliverable))
    table.add_row("disposable", yes_no(email.disposable, good=False))
    table.add_row("free-mail", yes_no(email.free_provider, good=False))
    table.add_row("role account", yes_no(email.role_account, good=False))
    table.add_row("SPF / DMARC", safe(f"{_word(email.spf)} / {_word(email.dmarc)}"))
    if email.mail_provider:
        table.add_row("mail host", safe(email.mail_provider))
    if email.suggestion:
        table.add_row("did you mean", safe(email.suggestion, style="yellow"))
    age = report.domain_age.email
    if age is not None and not (email.free_provider or email.disposable):
        table.add_row("registered", _age(age.registered, age.age_days))
    return table


def _website_table(report: LeadReport) -> Table:
    site = report.website
    assert site is not None
    table = _grid()
    table.add_row("url", safe(site.url or site.input))
    if site.final_url and site.final_url != site.url:
        table.add_row("final url", safe(site.final_url))
    if site.redirects:
        table.add_row("redirects", safe(" → ".join(hop.url for hop in site.redirects)))
    if site.dns is not None:
        table.add_row("dns", safe(", ".join(site.dns.addresses) or site.dns.status))
    table.add_row("reachable", yes_no(site.reachable))
    if site.status_code is not None:
        table.add_row("status", safe(site.status_code))
    table.add_row("TLS valid", yes_no(site.tls_valid) if site.https else safe("no HTTPS"))
    if site.tls_error:
        table.add_row("TLS problem", safe(site.tls_error, style="red"))
    if site.title:
        table.add_row("title", safe(site.title))
    if site.language:
        table.add_row("language", safe(site.language))
    if site.page_kind:
        table.add_row("page", safe(site.page_kind.replace("_", " "), style="red"))
    if site.bot_check:
        table.add_row("protected", safe(f"{site.bot_check}: the page is unread", style="yellow"))
    if site.clone_of:
        table.add_row("copy of", safe(site.clone_of, style="red"))
    age = report.domain_age.website
    if age is not None:
        table.add_row("registered", _age(age.registered, age.age_days))
    if site.matches_email_domain is not None:
        table.add_row("email domain", safe(site.email_domain_relation))
    if site.error:
        table.add_row("problem", safe(site.error, style="red"))
    contacts = site.contacts
    if contacts is None:
        return table
    found = [*contacts.phones, *contacts.emails, *contacts.whatsapp, *contacts.telegram]
    found += [*contacts.zalo, *contacts.line, *contacts.viber, *contacts.wechat]
    found += [profile.url for profile in contacts.social]
    if found:
        table.add_row("contacts", safe(", ".join(found[:8]), limit=600))
    return table


def _message_table(report: LeadReport) -> Table | None:
    """The links in the message (never fetched) and the lures found in it."""
    message = report.message
    if message is None or not (
        message.links or message.login_lure or message.account_lure or message.attachments
    ):
        return None
    table = _grid()
    for link in message.links[:8]:
        flags = [
            word
            for flag, word in (
                (link.on_platform, "trade platform"),
                (link.platform_lookalike, "poses as a trade platform"),
                (link.login_page, "sign-in page"),
                (link.free_hosting, "free hosting"),
                (link.shortener, "link shortener"),
            )
            if flag
        ]
        style = "red" if (link.platform_lookalike or link.login_page) else ""
        text = link.domain + (f" ({', '.join(flags)})" if flags else "")
        table.add_row("link", safe(text, style=style))
    for label, value in (
        ("sign-in lure", message.login_lure),
        ("account lure", message.account_lure),
    ):
        if value:
            table.add_row(label, safe(value, style="red"))
    for name in message.attachments[:4]:
        table.add_row("attachment", safe(name, style="red"))
    return table


def _age(registered: object, days: int | None) -> Text:
    from rich.text import Text

    if registered is None or days is None:
        return Text("unknown", style="dim")
    style = "red" if days <= 30 else ("yellow" if days <= 180 else "")
    return Text(f"{registered} ({days:,} days ago)", style=style)


def _fit_table(report: LeadReport) -> Table:
    fit = report.fit
    assert fit is not None
    table = _grid()
    table.add_row("tier", safe(f"{fit.tier}  ({fit.score}/100)", style="bold"))
    for segment in fit.segments[:4]:
        terms = ", ".join(f"{match.term}×{match.count}" for match in segment.matches[:5])
        table.add_row(safe(segment.id), safe(f"{segment.score}: {terms}"))
    if fit.basis == "inquiry":
        table.add_row("read", safe("the inquiry only (the website was not read)", style="yellow"))
    elif fit.pages_read:
        table.add_row("also read", safe(", ".join(fit.pages_read), limit=400))
    return table


def _followup_table(report: LeadReport) -> Table:
    plan = report.followup
    assert plan is not None
    table = _grid()
    table.add_row("country", safe(f"{plan.country} ({plan.timezone})"))
    table.add_row("local time", safe(plan.local_time.strftime("%a %Y-%m-%d %H:%M")))
    if plan.is_weekend:
        table.add_row("weekend", safe("yes: expect silence", style="yellow"))
    if plan.holiday:
        table.add_row("holiday", safe(plan.holiday, style="yellow"))
    table.add_row(
        "next window",
        safe(
            f"{plan.next_window.local:%a %d %b %H:%M} local = "
            f"{plan.next_window.rep:%a %d %b %H:%M} your time"
        ),
    )
    table.add_row("channels", safe(", ".join(plan.contact_channels)))
    return table


def _word(value: bool | None) -> str:
    return "unknown" if value is None else ("yes" if value else "no")
