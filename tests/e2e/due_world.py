"""A small book of leads for ``leadcheck due``: companies in the test world and a history.

Each genuine company is a copy of one of the world's companies (``tests/world/scenarios``)
on a domain of its own, so the default scenarios stay as they are. The history is what a
rep in Shanghai would have logged, on dates chosen so that each lead's next step meets one
case: their night, their weekend, a public holiday, Tết, the rep's Golden Week, the end of
the cadence. Times without an offset are the rep's (Asia/Shanghai).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from tests.world import Page, World
from tests.world.scenarios import (
    AQUATECH,
    BLUEWAVE,
    CLEARFLOW,
    GULF_DESAL,
    HOANGLONG,
    MODA_BELLA,
    Company,
    get_scenario,
    install_company,
    install_mail,
)


@dataclass(frozen=True)
class Lead:
    key: str
    email: str
    website: str | None
    phone: str | None
    country: str | None
    company: str
    message: str
    verdict: str  # what the real checks should say of it


AQUAKLAR = replace(
    AQUATECH,
    domain="aquaklar-due.de",
    name="Aquaklar Wassertechnik GmbH",
    emails=("info@aquaklar-due.de",),
)
REINWASSER = replace(
    AQUATECH,
    domain="reinwasser-due.de",
    name="Reinwasser Anlagenbau GmbH",
    emails=("info@reinwasser-due.de",),
)
ABSCHLUSS = replace(
    AQUATECH,
    domain="abschluss-wasser-due.de",
    name="Abschluss Wasser GmbH",
    emails=("info@abschluss-wasser-due.de",),
)
NOTFALL_DOMAIN = "notfall-wasser-due.de"  # urgent, and no number anywhere
NOTFALL_PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Notfall Wassertechnik GmbH – Trinkwasser-Notversorgung und UV-Desinfektion</title>
<meta name="description" content="Mobile Wasseraufbereitung, UV-Desinfektion und Filtration
für Kommunen und Industrie."></head><body>
<h1>Mobile Wasseraufbereitung für den Notfall</h1>
<p>Wir liefern mobile Trinkwasseraufbereitung mit UV-Desinfektion, Ultrafiltration und
Umkehrosmose für Kommunen, Krankenhäuser und Industriebetriebe. Unsere Containeranlagen
stehen innerhalb von 48 Stunden bereit.</p>
<h2>Leistungen</h2><ul><li>UV-Reaktoren für Trinkwasser und Brauchwasser</li>
<li>Filtration und Entkeimung von Oberflächenwasser</li><li>Wartung und Ersatzlampen</li></ul>
<p>Kontakt: <a href="mailto:info@notfall-wasser-due.de">info@notfall-wasser-due.de</a></p>
<p>Notfall Wassertechnik GmbH, Hafenstraße 12, 20457 Hamburg</p>
</body></html>"""
GEANTWORTET = replace(
    AQUATECH,
    domain="geantwortet-due.de",
    name="Geantwortet Filter GmbH",
    emails=("info@geantwortet-due.de",),
)
TIDEWATER = replace(
    BLUEWAVE,
    domain="tidewater-due.co.uk",
    name="Tidewater Aquaculture Ltd",
    emails=("hello@tidewater-due.co.uk",),
)
STILE = replace(
    MODA_BELLA, domain="stile-due.it", name="Stile Moda Milano", emails=("info@stile-due.it",)
)
RIYADH = replace(
    GULF_DESAL,
    domain="riyadh-water-due.sa",
    name="Riyadh Water Treatment Co.",
    country="SA",
    phones=(("+966112345678", "+966 11 234 5678"),),
    whatsapp="966501234567",
    emails=("info@riyadh-water-due.sa",),
)
HOUSTON = replace(
    CLEARFLOW,
    domain="clearflow-due.com",
    name="ClearFlow Due Industrial Inc.",
    emails=("sales@clearflow-due.com",),
)
SAIGON = replace(
    HOANGLONG,
    domain="nuocsach-due.vn",
    name="Công ty Nước Sạch Sài Gòn",
    emails=("info@nuocsach-due.vn",),
)
COMPANIES: tuple[Company, ...] = (
    AQUAKLAR,
    REINWASSER,
    ABSCHLUSS,
    GEANTWORTET,
    TIDEWATER,
    STILE,
    RIYADH,
    HOUSTON,
    SAIGON,
)
# World scenarios used as they are: a fake, a suspicious and an unknown lead.
SCENARIOS = ("parked_sedo", "freemail_gmail_no_website", "dns_servfail_everything")


def _lead(key: str, c: Company, email: str, *, phone: bool = True) -> Lead:
    return Lead(
        key=key,
        email=email,
        website=c.host,
        phone=c.phones[0][1] if phone and c.phones else None,
        country=c.country,
        company=c.name,
        message="We need UV sterilizers for our water treatment projects, please quote.",
        verdict="genuine",
    )


def _scenario_lead(key: str, name: str, verdict: str) -> Lead:
    inquiry = get_scenario(name).inquiry
    return Lead(
        key=key,
        email=str(inquiry["email"]),
        website=inquiry.get("website"),
        phone=inquiry.get("phone"),
        country=inquiry.get("country"),
        company=str(inquiry.get("company") or ""),
        message=str(inquiry.get("message") or ""),
        verdict=verdict,
    )


LEADS: dict[str, Lead] = {
    lead.key: lead
    for lead in (
        _lead("de_night", AQUAKLAR, "einkauf@aquaklar-due.de"),
        _lead("de_call", REINWASSER, "technik@reinwasser-due.de"),
        _lead("de_closed", ABSCHLUSS, "einkauf@abschluss-wasser-due.de"),
        Lead(
            key="de_urgent",
            email="lager@notfall-wasser-due.de",
            website=f"www.{NOTFALL_DOMAIN}",
            phone=None,
            country="DE",
            company="Notfall Wassertechnik GmbH",
            message="Wir brauchen UV-Ersatzlampen für unsere Containeranlagen, bitte Angebot.",
            verdict="genuine",
        ),
        _lead("de_replied", GEANTWORTET, "buyer@geantwortet-due.de"),
        _lead("gb_new", TIDEWATER, "ops@tidewater-due.co.uk"),
        _lead("it_nofit", STILE, "acquisti@stile-due.it"),
        _lead("sa_weekend", RIYADH, "procurement@riyadh-water-due.sa"),
        _lead("us_holiday", HOUSTON, "purchasing@clearflow-due.com"),
        _lead("vn_tet", SAIGON, "muahang@nuocsach-due.vn"),
        _scenario_lead("fake", SCENARIOS[0], "fake"),
        _scenario_lead("suspicious", SCENARIOS[1], "suspicious"),
        _scenario_lead("unknown", SCENARIOS[2], "unknown"),
    )
}


def install(world: World) -> None:
    for company in COMPANIES:
        install_company(world, company)
    install_mail(world, NOTFALL_DOMAIN, "ionos")
    world.add_site(f"www.{NOTFALL_DOMAIN}", {"/": Page(NOTFALL_PAGE)})
    world.add_redirect_site(NOTFALL_DOMAIN, f"https://www.{NOTFALL_DOMAIN}/")
    for name in SCENARIOS:
        get_scenario(name).install(world)


INQUIRY_HEADER = ["公司名称", "邮箱", "公司网址", "电话", "国家/地区", "询盘内容"]


def inquiry_rows() -> list[list[str]]:
    rows = [INQUIRY_HEADER]
    for lead in LEADS.values():
        rows.append(
            [
                lead.company,
                lead.email,
                lead.website or "",
                lead.phone or "",
                lead.country or "",
                lead.message,
            ]
        )
    return rows


def _e(key: str) -> str:
    return LEADS[key].email


# 邮箱 | 时间 | 方向 | 渠道 | 备注 — as a Made-in-China.com export names them.
HISTORY_HEADER = ["邮箱", "时间", "方向", "渠道", "备注"]
HISTORY: list[list[str]] = [
    # their night: 10:00 in Shanghai is 03:00 in Stuttgart
    [_e("de_night"), "2026-03-03 10:00", "发送", "邮件", "报价单 UV-C 灯管"],
    [_e("de_urgent"), "2026-03-04 15:00", "发送", "邮件", "发货通知"],
    [_e("de_replied"), "2026-03-03 16:00", "发送", "邮件", "报价"],
    [_e("de_replied"), "2026-03-04 17:30", "客户回复", "邮件", "询问交期"],
    [_e("gb_new"), "2026-03-05 18:00", "收到", "询盘", "inquiry on the platform"],
    [_e("it_nofit"), "2026-03-03 16:00", "发送", "邮件", ""],
    [_e("fake"), "2026-03-03 11:00", "发送", "邮件", ""],
    [_e("suspicious"), "2026-03-03 11:30", "发送", "邮件", ""],
    [_e("unknown"), "2026-03-03 12:00", "发送", "邮件", ""],
    # Saudi Arabia: day 3 is a Friday, their weekend
    [_e("sa_weekend"), "2026-04-14 15:00", "发送", "邮件", ""],
    # United States: day 3 is Labor Day
    [_e("us_holiday"), "2026-09-04 21:00", "发送", "邮件", ""],
    # Vietnam: the first follow-up falls just before Tết
    [_e("vn_tet"), "2026-02-10 10:00", "发送", "邮件", ""],
    # Germany: three follow-ups done; the call (day 14) falls in China's Golden Week
    [_e("de_call"), "2026-09-17 16:00", "发送", "邮件", ""],
    [_e("de_call"), "2026-09-21 16:00", "发送", "WhatsApp", ""],
    [_e("de_call"), "2026-09-25 16:00", "发送", "领英", ""],
    [_e("de_call"), "2026-09-28 16:00", "发送", "Facebook", ""],
    # Germany: the whole cadence done, no answer
    [_e("de_closed"), "2026-05-04 16:00", "发送", "邮件", ""],
    [_e("de_closed"), "2026-05-07 16:00", "发送", "WhatsApp", ""],
    [_e("de_closed"), "2026-05-11 16:00", "发送", "领英", ""],
    [_e("de_closed"), "2026-05-14 16:00", "发送", "Facebook", ""],
    [_e("de_closed"), "2026-05-18 16:00", "发送", "电话", ""],
    [_e("de_closed"), "2026-06-03 16:00", "发送", "邮件", "最后一封"],
]
