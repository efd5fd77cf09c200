"""A realistic catalogue of leads and the (fake) internet behind them: the suite's ground truth.

:func:`install_default_scenarios` installs every scenario's domains and sites into a
:class:`~.world.World`; :data:`SCENARIOS` describes each one: the inquiry as a rep
would receive it and what a demanding sales rep would conclude (``expect_label``,
with ``acceptable_labels`` where reasonable people differ) plus notable facts
(``expect``), documented in README.md. The world's seller makes and exports water
treatment equipment (UV sterilisers, RO plants, filters): ``fit`` facts are about
that.

Labels follow the source article's rule: a website that does not exist or is fake
(parked, for sale, a default page) together with a fake email means a fake lead; a
check that could not run (timeout, SERVFAIL) makes that part unknown; a lead whose
checks all failed is ``unknown``.
"""

# ruff: noqa: E501  (a catalogue of page texts: long natural-language lines read better whole)
from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from leadcheck.world.ca import WRONG_HOST_NAME
from leadcheck.world.http_server import (
    Delayed,
    GzipBomb,
    HugeBody,
    Page,
    Redirect,
    Reset,
    Route,
    Tarpit,
)
from leadcheck.world.world import World

Label = Literal["genuine", "suspicious", "fake", "unknown"]
Fit = Literal["core", "adjacent", "none"]
#: The network the scenario is checked through: the world as it is, a resolver that says
#: NXDOMAIN to everything (``World.dns_mode = "deny_all"``), or web servers that refuse
#: every connection (``World.network_mode = "refuse_all"``).
Network = Literal["normal", "deny_dns", "refuse_all"]


# ------------------------------------------------------------------------------------------
# Scenario records
# ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Scenario:
    """One lead and what should be concluded about it."""

    name: str
    summary: str
    inquiry: Mapping[str, str | None]
    expect_label: Label
    expect: Mapping[str, object] = field(default_factory=dict)
    acceptable_labels: tuple[Label, ...] = ()
    rationale: str = ""
    tags: frozenset[str] = frozenset()
    #: True when running it WITH --allow-private would connect outside loopback (a private
    #: or link-local address): run those only without --allow-private.
    leaves_loopback_with_allow_private: bool = False
    #: True when ``expect`` describes a run WITHOUT --allow-private (the SSRF scenarios: with
    #: it, the world's own loopback pages would be fetched and judged instead).
    requires_no_allow_private: bool = False
    #: True when it takes seconds by design (timeouts, tarpits, slow answers).
    slow: bool = False
    #: The network to check it through (the world switched for the run, then back).
    network: Network = "normal"
    #: Declares what the scenario needs in the world (idempotent; shared parts included).
    install: Callable[[World], object] | None = field(default=None, repr=False, compare=False)

    def inquiry_args(self) -> list[str]:
        """The inquiry as ``leadcheck verify`` options (``--email E --website W ...``)."""
        args: list[str] = []
        for name in ("email", "website", "phone", "country", "company", "message"):
            value = self.inquiry.get(name)
            if value is not None:
                args += [f"--{name}", value]
        return args

    @property
    def labels(self) -> tuple[Label, ...]:
        """Every label a correct implementation may give (``expect_label`` first)."""
        extra = tuple(label for label in self.acceptable_labels if label != self.expect_label)
        return (self.expect_label, *extra)


def _inquiry(
    email: str | None = None,
    website: str | None = None,
    *,
    phone: str | None = None,
    country: str | None = None,
    company: str | None = None,
    contact: str | None = None,
    message: str | None = None,
) -> dict[str, str | None]:
    return {
        "email": email,
        "website": website,
        "phone": phone,
        "country": country,
        "company": company,
        "contact": contact,
        "message": message,
    }


# ------------------------------------------------------------------------------------------
# Mail hosting
# ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MailHost:
    name: str  # as leadcheck might report it
    mx: tuple[tuple[int, str], ...]
    spf: str


MAIL_HOSTS: dict[str, MailHost] = {
    "google": MailHost(
        "Google Workspace",
        (
            (1, "aspmx.l.google.com"),
            (5, "alt1.aspmx.l.google.com"),
            (5, "alt2.aspmx.l.google.com"),
            (10, "alt3.aspmx.l.google.com"),
            (10, "alt4.aspmx.l.google.com"),
        ),
        "v=spf1 include:_spf.google.com ~all",
    ),
    "microsoft": MailHost(
        "Microsoft 365",
        ((0, "{slug}.mail.protection.outlook.com"),),
        "v=spf1 include:spf.protection.outlook.com -all",
    ),
    "tencent": MailHost(
        "Tencent Exmail",
        ((5, "mxbiz1.qq.com"), (10, "mxbiz2.qq.com")),
        "v=spf1 include:spf.mail.qq.com ~all",
    ),
    "zoho_eu": MailHost(
        "Zoho Mail",
        ((10, "mx.zoho.eu"), (20, "mx2.zoho.eu"), (50, "mx3.zoho.eu")),
        "v=spf1 include:zohomail.eu ~all",
    ),
    "zoho_in": MailHost(
        "Zoho Mail",
        ((10, "mx.zoho.in"), (20, "mx2.zoho.in"), (50, "mx3.zoho.in")),
        "v=spf1 include:zoho.in ~all",
    ),
    "ionos": MailHost(
        "IONOS",
        ((10, "mx00.ionos.de"), (10, "mx01.ionos.de")),
        "v=spf1 include:_spf-eu.ionos.com ~all",
    ),
    "ovh": MailHost(
        "OVHcloud",
        ((1, "mx1.mail.ovh.net"), (5, "mx2.mail.ovh.net"), (100, "mx3.mail.ovh.net")),
        "v=spf1 include:mx.ovh.com ~all",
    ),
    "yandex": MailHost("Yandex 360", ((10, "mx.yandex.net"),), "v=spf1 redirect=_spf.yandex.net"),
    "aruba": MailHost(
        "Aruba",
        ((10, "mx.aruba.it"), (20, "mx2.aruba.it")),
        "v=spf1 include:_spf.aruba.it ~all",
    ),
    "locaweb": MailHost(
        "Locaweb",
        ((10, "mx.a.locaweb.com.br"), (10, "mx.b.locaweb.com.br")),
        "v=spf1 include:_spf.locaweb.com.br ~all",
    ),
    "privateemail": MailHost(
        "Namecheap Private Email",
        ((10, "mx1.privateemail.com"), (10, "mx2.privateemail.com")),
        "v=spf1 include:spf.privateemail.com ~all",
    ),
    "hostinger": MailHost(
        "Hostinger",
        ((5, "mx1.hostinger.com"), (10, "mx2.hostinger.com")),
        "v=spf1 include:_spf.mail.hostinger.com ~all",
    ),
    "own": MailHost("own server", ((10, "mail.{domain}"),), "v=spf1 mx a ~all"),
}


def install_mail(
    world: World,
    domain: str,
    host: str,
    *,
    spf: bool = True,
    dmarc: bool | str = True,
) -> None:
    """MX (and SPF, DMARC) of ``domain`` at mail host ``host`` (a key of :data:`MAIL_HOSTS`)."""
    setup = MAIL_HOSTS[host]
    slug = domain.replace(".", "-")
    mx = [(pref, name.format(slug=slug, domain=domain)) for pref, name in setup.mx]
    world.add_mail_domain(domain, mx_host=mx, spf=setup.spf if spf else False, dmarc=dmarc)


# ------------------------------------------------------------------------------------------
# Free-mail and disposable providers
# ------------------------------------------------------------------------------------------
FREE_MAIL: dict[str, tuple[tuple[tuple[int, str], ...], str, str | None]] = {
    "gmail.com": (
        (
            (5, "gmail-smtp-in.l.google.com"),
            (10, "alt1.gmail-smtp-in.l.google.com"),
            (20, "alt2.gmail-smtp-in.l.google.com"),
            (30, "alt3.gmail-smtp-in.l.google.com"),
            (40, "alt4.gmail-smtp-in.l.google.com"),
        ),
        "v=spf1 redirect=_spf.google.com",
        "v=DMARC1; p=none; sp=quarantine; rua=mailto:mailauth-reports@google.com",
    ),
    "qq.com": (
        ((10, "mx3.qq.com"), (20, "mx2.qq.com"), (30, "mx1.qq.com")),
        "v=spf1 include:spf.mail.qq.com -all",
        "v=DMARC1; p=quarantine; rua=mailto:mailauth-reports@qq.com",
    ),
    "163.com": (
        (
            (10, "163mx01.mxmail.netease.com"),
            (10, "163mx02.mxmail.netease.com"),
            (50, "163mx00.mxmail.netease.com"),
        ),
        "v=spf1 include:spf.163.com -all",
        "v=DMARC1; p=none; fo=1; rua=mailto:dmarc_report@service.netease.com",
    ),
    "mail.ru": (
        ((10, "mxs.mail.ru"),),
        "v=spf1 redirect=_spf.mail.ru",
        "v=DMARC1; p=reject; rua=mailto:d@rua.agari.com",
    ),
    "yandex.ru": (
        ((10, "mx.yandex.ru"),),
        "v=spf1 redirect=_spf.yandex.ru",
        "v=DMARC1; p=none; rua=mailto:dmarc-rua@yandex.ru",
    ),
    "outlook.com": (
        ((5, "outlook-com.olc.protection.outlook.com"),),
        "v=spf1 include:spf2.outlook.com -all",
        "v=DMARC1; p=none; pct=100; rua=mailto:rua@dmarc.microsoft",
    ),
    "yahoo.com": (
        ((1, "mta5.am0.yahoodns.net"), (1, "mta6.am0.yahoodns.net"), (1, "mta7.am0.yahoodns.net")),
        "v=spf1 redirect=_spf.mail.yahoo.com",
        "v=DMARC1; p=reject; pct=100; rua=mailto:d@rua.agari.com",
    ),
    "rediffmail.com": (
        ((10, "mx.rediffmail.rediff.akadns.net"),),
        "v=spf1 ip4:202.137.235.0/24 include:_spf.rediffmail.com ~all",
        None,
    ),
}

DISPOSABLE_MAIL: dict[str, tuple[tuple[int, str], ...]] = {
    "mailinator.com": ((1, "mail.mailinator.com"), (1, "mail2.mailinator.com")),
    "10minutemail.com": ((10, "mx.10minutemail.com"),),
    "guerrillamail.com": ((10, "mx1.sharklasers.com"), (20, "mx2.sharklasers.com")),
    "yopmail.com": ((1, "mx.yopmail.com"), (5, "mx2.yopmail.com")),
}


def install_providers(world: World) -> None:
    """Free-mail and disposable mail domains (MX, SPF, DMARC) and a home page for each."""
    for domain, (mx, spf, dmarc) in FREE_MAIL.items():
        world.add_mail_domain(domain, mx_host=list(mx), spf=spf, dmarc=dmarc or False)
        world.add_site(domain, {"*": Page(f"<title>{domain}</title><h1>{domain} Mail</h1>")})
    for domain, mx in DISPOSABLE_MAIL.items():
        world.add_mail_domain(domain, mx_host=list(mx), spf=False, dmarc=False)
        world.add_site(
            domain,
            {"*": Page(f"<title>{domain} - free disposable email</title><h1>Temporary inbox</h1>")},
        )


# ------------------------------------------------------------------------------------------
# Company websites
# ------------------------------------------------------------------------------------------
LABELS: dict[str, dict[str, str]] = {
    "de": {
        "home": "Startseite",
        "services": "Leistungen",
        "about": "Über uns",
        "contact": "Kontakt",
        "phone": "Telefon",
        "email": "E-Mail",
        "rights": "Alle Rechte vorbehalten.",
        "imprint": "Impressum",
        "privacy": "Datenschutz",
        "write": "Schreiben Sie uns auf WhatsApp",
        "form": "Anfrage senden",
    },
    "en": {
        "home": "Home",
        "services": "Products & Services",
        "about": "About us",
        "contact": "Contact",
        "phone": "Phone",
        "email": "Email",
        "rights": "All rights reserved.",
        "imprint": "Legal notice",
        "privacy": "Privacy policy",
        "write": "Chat with us on WhatsApp",
        "form": "Send inquiry",
    },
    "es": {
        "home": "Inicio",
        "services": "Servicios",
        "about": "Quiénes somos",
        "contact": "Contacto",
        "phone": "Teléfono",
        "email": "Correo",
        "rights": "Todos los derechos reservados.",
        "imprint": "Aviso legal",
        "privacy": "Política de privacidad",
        "write": "Escríbenos por WhatsApp",
        "form": "Enviar",
    },
    "it": {
        "home": "Home",
        "services": "Servizi",
        "about": "Chi siamo",
        "contact": "Contatti",
        "phone": "Telefono",
        "email": "Email",
        "rights": "Tutti i diritti riservati.",
        "imprint": "Note legali",
        "privacy": "Privacy",
        "write": "Scrivici su WhatsApp",
        "form": "Invia richiesta",
    },
    "fr": {
        "home": "Accueil",
        "services": "Nos solutions",
        "about": "Qui sommes-nous",
        "contact": "Contact",
        "phone": "Téléphone",
        "email": "E-mail",
        "rights": "Tous droits réservés.",
        "imprint": "Mentions légales",
        "privacy": "Politique de confidentialité",
        "write": "Écrivez-nous sur WhatsApp",
        "form": "Envoyer",
    },
    "vi": {
        "home": "Trang chủ",
        "services": "Sản phẩm & Dịch vụ",
        "about": "Giới thiệu",
        "contact": "Liên hệ",
        "phone": "Điện thoại",
        "email": "Email",
        "rights": "Bản quyền thuộc về công ty.",
        "imprint": "Thông tin pháp lý",
        "privacy": "Chính sách bảo mật",
        "write": "Nhắn tin Zalo / WhatsApp",
        "form": "Gửi yêu cầu",
    },
    "zh-CN": {
        "home": "首页",
        "services": "产品与服务",
        "about": "关于我们",
        "contact": "联系我们",
        "phone": "电话",
        "email": "邮箱",
        "rights": "版权所有。",
        "imprint": "法律声明",
        "privacy": "隐私政策",
        "write": "WhatsApp 联系",
        "form": "提交询盘",
    },
    "tr": {
        "home": "Ana Sayfa",
        "services": "Ürünler ve Hizmetler",
        "about": "Hakkımızda",
        "contact": "İletişim",
        "phone": "Telefon",
        "email": "E-posta",
        "rights": "Tüm hakları saklıdır.",
        "imprint": "Yasal Uyarı",
        "privacy": "KVKK",
        "write": "WhatsApp'tan yazın",
        "form": "Teklif isteyin",
    },
    "pt-BR": {
        "home": "Início",
        "services": "Soluções",
        "about": "Sobre nós",
        "contact": "Contato",
        "phone": "Telefone",
        "email": "E-mail",
        "rights": "Todos os direitos reservados.",
        "imprint": "Informações legais",
        "privacy": "Política de privacidade",
        "write": "Fale conosco no WhatsApp",
        "form": "Solicitar orçamento",
    },
    "ru": {
        "home": "Главная",
        "services": "Продукция и услуги",
        "about": "О компании",
        "contact": "Контакты",
        "phone": "Телефон",
        "email": "Эл. почта",
        "rights": "Все права защищены.",
        "imprint": "Реквизиты",
        "privacy": "Политика конфиденциальности",
        "write": "Написать в WhatsApp",
        "form": "Отправить заявку",
    },
    "ar": {
        "home": "الرئيسية",
        "services": "منتجاتنا وخدماتنا",
        "about": "من نحن",
        "contact": "اتصل بنا",
        "phone": "الهاتف",
        "email": "البريد الإلكتروني",
        "rights": "جميع الحقوق محفوظة.",
        "imprint": "إشعار قانوني",
        "privacy": "سياسة الخصوصية",
        "write": "راسلنا عبر واتساب",
        "form": "أرسل طلبك",
    },
}


@dataclass(frozen=True)
class Company:
    """A genuine company: its mail, its website, and the text on it."""

    domain: str
    name: str
    lang: str
    country: str  # ISO 3166 alpha-2
    title: str
    description: str
    h1: str
    intro: str
    sections: tuple[tuple[str, str], ...]
    about: str
    address: tuple[str, ...]
    phones: tuple[tuple[str, str], ...]  # (E.164, as printed)
    emails: tuple[str, ...]
    mail: str  # key of MAIL_HOSTS
    fit: Fit
    industry: str
    whatsapp: str | None = None  # digits, for https://wa.me/<digits>
    socials: tuple[str, ...] = ()
    www: bool = True  # the site lives at www.<domain>; the apex redirects there
    https_redirect: bool = True  # http:// redirects to https://
    contact_path: str = "/contact"
    extra_links: tuple[tuple[str, str], ...] = ()  # (href, text) in the contact block
    imprint: str | None = None  # an imprint page (German sites must have one)
    dmarc: bool | str = True
    spf: bool = True

    @property
    def ace_domain(self) -> str:
        """The domain in ASCII (A-label) form, as it appears in URLs and DNS."""
        return _ace(self.domain)

    @property
    def host(self) -> str:
        return f"www.{self.ace_domain}" if self.www else self.ace_domain

    @property
    def url(self) -> str:
        return f"https://{self.host}/"

    def facts(self) -> dict[str, object]:
        """What a correct check finds about this company's website and mail."""
        return {
            "mx": "ok",
            "mail_provider": MAIL_HOSTS[self.mail].name,
            "spf": self.spf,
            "dmarc": bool(self.dmarc),
            "free_mail": False,
            "disposable": False,
            "website_reachable": True,
            "https": True,
            "tls_valid": True,
            "page_kind": "company",
            "final_url": self.url,
            "title": self.title,
            "lang": self.lang,
            "fit": self.fit,
            "industry": self.industry,
            "contacts": {
                "emails": list(self.emails),
                "phones": [e164 for e164, _ in self.phones],
                "whatsapp": [f"+{self.whatsapp}"] if self.whatsapp else [],
                "social": list(self.socials),
            },
        }


def _ace(domain: str) -> str:
    return domain if domain.isascii() else domain.encode("idna").decode("ascii")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def company_html(c: Company, *, title: str | None = None) -> str:
    """The home page of ``c``: a plausible small-business site in its language."""
    labels = LABELS[c.lang]
    direction = ' dir="rtl"' if c.lang == "ar" else ""
    org = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": c.name,
        "url": c.url,
        "email": c.emails[0],
        "telephone": c.phones[0][0],
        "address": ", ".join(c.address),
        "sameAs": list(c.socials),
    }
    services = "\n".join(
        f'      <article class="service">\n        <h3>{_e(h)}</h3>\n        <p>{_e(t)}</p>\n'
        "      </article>"
        for h, t in c.sections
    )
    social_names = {
        "facebook.com": "Facebook",
        "linkedin.com": "LinkedIn",
        "instagram.com": "Instagram",
        "vk.com": "VK",
        "t.me": "Telegram",
        "weibo.com": "微博 Weibo",
        "youtube.com": "YouTube",
        "x.com": "X",
        "zalo.me": "Zalo",
    }
    socials = "\n".join(
        f'        <li><a href="{_e(u)}" rel="noopener" target="_blank">'
        f"{next((v for k, v in social_names.items() if k in u), 'Social')}</a></li>"
        for u in c.socials
    )
    contact = _contact_block(c)
    imprint = f'<a href="/impressum">{labels["imprint"]}</a> · ' if c.imprint is not None else ""
    return f"""<!DOCTYPE html>
<html lang="{c.lang}"{direction}>
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{_e(title if title is not None else c.title)}</title>
  <meta name="description" content="{_e(c.description)}">
  <meta property="og:type" content="website">
  <meta property="og:title" content="{_e(c.title)}">
  <meta property="og:site_name" content="{_e(c.name)}">
  <meta property="og:url" content="{c.url}">
  <link rel="canonical" href="{c.url}">
  <link rel="stylesheet" href="/assets/css/site.min.css">
  <script type="application/ld+json">{json.dumps(org, ensure_ascii=False)}</script>
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/">{_e(c.name)}</a>
    <nav>
      <a href="/">{labels["home"]}</a>
      <a href="#services">{labels["services"]}</a>
      <a href="#about">{labels["about"]}</a>
      <a href="{c.contact_path}">{labels["contact"]}</a>
    </nav>
  </header>
  <main>
    <section class="hero">
      <h1>{_e(c.h1)}</h1>
      <p class="lead">{_e(c.intro)}</p>
    </section>
    <section id="services">
      <h2>{labels["services"]}</h2>
{services}
    </section>
    <section id="about">
      <h2>{labels["about"]}</h2>
      <p>{_e(c.about)}</p>
    </section>
{contact}
  </main>
  <footer>
    <ul class="social">
{socials}
    </ul>
    <p>© 2024 {_e(c.name)}. {labels["rights"]}
       {imprint}<a href="/privacy">{labels["privacy"]}</a></p>
  </footer>
</body>
</html>
"""


def _contact_block(c: Company) -> str:
    labels = LABELS[c.lang]
    phones = "\n".join(
        f'      <p>{labels["phone"]}: <a href="tel:{e164}">{_e(shown)}</a></p>'
        for e164, shown in c.phones
    )
    emails = "\n".join(
        f'      <p>{labels["email"]}: <a href="mailto:{_e(addr)}">{_e(addr)}</a></p>'
        for addr in c.emails
    )
    whatsapp = (
        f'      <p><a class="whatsapp" href="https://wa.me/{c.whatsapp}">{labels["write"]}'
        f" (+{c.whatsapp})</a></p>"
        if c.whatsapp
        else ""
    )
    extra = "\n".join(f'      <p><a href="{_e(h)}">{_e(t)}</a></p>' for h, t in c.extra_links)
    address = "<br>\n        ".join(_e(line) for line in (c.name, *c.address))
    return f"""    <section id="contact">
      <h2>{labels["contact"]}</h2>
      <address>
        {address}
      </address>
{phones}
{emails}
{whatsapp}
{extra}
    </section>"""


def contact_html(c: Company) -> str:
    labels = LABELS[c.lang]
    return f"""<!DOCTYPE html>
<html lang="{c.lang}"><head><meta charset="utf-8">
<title>{labels["contact"]} – {_e(c.name)}</title></head>
<body><h1>{labels["contact"]}</h1>
{_contact_block(c)}
<form method="post" action="/contact/send"><input name="email" type="email">
<textarea name="message"></textarea><button>{labels["form"]}</button></form>
</body></html>
"""


def install_company(world: World, c: Company, *, tls: str = "valid") -> None:
    """DNS (mail and web) and the website of ``c``."""
    install_mail(world, c.domain, c.mail, spf=c.spf, dmarc=c.dmarc)
    routes: dict[str, Route | str | bytes] = {
        "/": Page(company_html(c), gzip=True),
        c.contact_path: Page(contact_html(c), gzip=True),
        "/robots.txt": Page("User-agent: *\nAllow: /\n", content_type="text/plain"),
        "/privacy": Page(f'<!DOCTYPE html><html lang="{c.lang}"><title>Privacy</title>'),
    }
    if c.imprint is not None:
        routes["/impressum"] = Page(
            f'<!DOCTYPE html><html lang="{c.lang}"><head><meta charset="utf-8">'
            f"<title>Impressum – {_e(c.name)}</title></head><body><h1>Impressum</h1>"
            f"<p>{_e(c.imprint)}</p></body></html>"
        )
    http_mode = "https_redirect" if c.https_redirect else "serve"
    world.add_site(c.host, routes, tls=tls, http=http_mode)  # type: ignore[arg-type]
    if c.www:
        world.add_redirect_site(c.ace_domain, f"https://{c.host}/")


# -- the companies -------------------------------------------------------------------------
AQUATECH = Company(
    domain="aquatech-wasser.de",
    name="AquaTech Wassertechnik GmbH",
    lang="de",
    country="DE",
    title="AquaTech Wassertechnik GmbH – Wasseraufbereitung & UV-Desinfektion aus Stuttgart",
    description=(
        "Planung, Bau und Wartung von Anlagen zur Wasseraufbereitung: UV-Desinfektion, "
        "Umkehrosmose, Enthärtung und Filtration für Industrie, Kommunen und Gewerbe."
    ),
    h1="Wasseraufbereitung für Industrie, Kommunen und Gewerbe",
    intro=(
        "Seit 1998 plant, baut und wartet die AquaTech Wassertechnik GmbH Anlagen zur "
        "Wasseraufbereitung – vom kompakten UV-Reaktor für den Brunnen bis zur "
        "Umkehrosmose-Anlage für die Getränkeindustrie."
    ),
    sections=(
        (
            "UV-Desinfektion",
            "Chemiefreie Entkeimung von Trink-, Prozess- und Abwasser mit zertifizierten "
            "UV-Anlagen nach DVGW W 294. Durchflüsse von 0,5 bis 1.500 m³/h.",
        ),
        (
            "Umkehrosmose und Enthärtung",
            "Entsalzung und Enthärtung für Kesselspeisewasser, Laborwasser und "
            "Lebensmittelproduktion, inklusive Dosiertechnik und Fernüberwachung.",
        ),
        (
            "Filtration und Service",
            "Mehrschichtfilter, Aktivkohlefilter und Ultrafiltration; Wartungsverträge mit "
            "24-Stunden-Notdienst in ganz Baden-Württemberg.",
        ),
    ),
    about=(
        "Unser Team aus 45 Ingenieuren und Technikern betreut über 1.200 Anlagen in "
        "Deutschland, Österreich und der Schweiz. Rufen Sie uns an: 0711 2589340 – oder "
        "fragen Sie direkt nach Herrn Markus Schneider im Einkauf."
    ),
    address=("Industriestraße 14", "70565 Stuttgart", "Deutschland"),
    phones=(("+497112589340", "+49 711 2589340"), ("+4917612345678", "+49 176 12345678")),
    emails=("info@aquatech-wasser.de", "m.schneider@aquatech-wasser.de"),
    mail="ionos",
    fit="core",
    industry="water_treatment",
    whatsapp="4917612345678",
    socials=(
        "https://www.facebook.com/aquatechwasser",
        "https://www.linkedin.com/company/aquatech-wassertechnik",
        "https://www.instagram.com/aquatech_wasser/",
    ),
    contact_path="/kontakt",
    imprint=(
        "AquaTech Wassertechnik GmbH, Industriestraße 14, 70565 Stuttgart. Geschäftsführer: "
        "Dr. Thomas Berger. Amtsgericht Stuttgart HRB 724311. USt-IdNr.: DE 287 654 321."
    ),
    dmarc="v=DMARC1; p=quarantine; rua=mailto:dmarc@aquatech-wasser.de; adkim=s",
)

DELMAR = Company(
    domain="acuicultura-delmar.es",
    name="Acuicultura del Mar S.L.",
    lang="es",
    country="ES",
    title="Acuicultura del Mar – Piscifactoría y sistemas de recirculación en Cádiz",
    description=(
        "Producción de lubina y dorada en sistemas de recirculación (RAS), tratamiento de "
        "agua con ozono y UV, y asesoría técnica para piscifactorías."
    ),
    h1="Criamos lubina y dorada con agua limpia y sostenible",
    intro=(
        "Acuicultura del Mar es una empresa familiar de San Fernando (Cádiz) dedicada a la "
        "cría de peces marinos desde 2006, con 14 tanques en sistemas de recirculación."
    ),
    sections=(
        (
            "Sistemas de recirculación (RAS)",
            "Diseñamos y operamos circuitos cerrados con biofiltros, filtros de tambor, "
            "esterilización UV y ozonización para un consumo mínimo de agua.",
        ),
        (
            "Alevines y engorde",
            "Producimos 300 toneladas anuales de lubina y dorada con certificación ASC y "
            "suministramos alevines a granjas de toda Andalucía.",
        ),
        (
            "Asesoría en calidad del agua",
            "Control de oxígeno disuelto, amonio y nitritos; proyectos llave en mano para "
            "nuevas piscifactorías.",
        ),
    ),
    about=(
        "Somos 28 personas entre biólogos, técnicos y operarios. Llámenos al 956 123 456 o "
        "escriba a Lucía Fernández, responsable de compras."
    ),
    address=("Polígono Río San Pedro, Nave 7", "11100 San Fernando, Cádiz", "España"),
    phones=(("+34956123456", "+34 956 12 34 56"), ("+34612345678", "+34 612 34 56 78")),
    emails=("info@acuicultura-delmar.es", "compras@acuicultura-delmar.es"),
    mail="google",
    fit="core",
    industry="aquaculture",
    whatsapp="34612345678",
    socials=(
        "https://www.facebook.com/acuiculturadelmar",
        "https://www.linkedin.com/company/acuicultura-del-mar",
        "https://www.instagram.com/acuiculturadelmar/",
    ),
    www=False,
    contact_path="/contacto",
)

TERMOCLIMA = Company(
    domain="termoclima-impianti.it",
    name="TermoClima Impianti S.r.l.",
    lang="it",
    country="IT",
    title="TermoClima Impianti – Climatizzazione industriale e trattamento acque a Bologna",
    description=(
        "Progettazione e installazione di impianti HVAC, pompe di calore, torri evaporative e "
        "trattamento delle acque di raffreddamento per industria e terziario."
    ),
    h1="Impianti di climatizzazione e riscaldamento chiavi in mano",
    intro=(
        "Dal 1987 TermoClima Impianti progetta, installa e mantiene impianti di "
        "climatizzazione, riscaldamento e ventilazione in Emilia-Romagna."
    ),
    sections=(
        (
            "Climatizzazione e pompe di calore",
            "Impianti VRF, gruppi frigoriferi e pompe di calore ad alta efficienza per uffici, "
            "ospedali e capannoni industriali.",
        ),
        (
            "Torri evaporative",
            "Installazione e manutenzione di torri evaporative con trattamento anti-legionella "
            "e dosaggio automatico dei biocidi.",
        ),
        (
            "Trattamento acque di impianto",
            "Addolcitori, filtri defangatori e sistemi UV per circuiti chiusi e acqua calda "
            "sanitaria.",
        ),
    ),
    about=(
        "Oltre 60 tecnici specializzati e un servizio di assistenza 7 giorni su 7. "
        "Chiamateci allo 051 6345678."
    ),
    address=("Via dell'Industria 22", "40138 Bologna (BO)", "Italia"),
    phones=(("+390516345678", "+39 051 634 5678"),),
    emails=("info@termoclima-impianti.it", "ufficio.acquisti@termoclima-impianti.it"),
    mail="zoho_eu",
    fit="adjacent",
    industry="hvac",
    whatsapp="393351234567",
    socials=(
        "https://www.facebook.com/termoclimaimpianti",
        "https://www.linkedin.com/company/termoclima-impianti-srl",
    ),
    contact_path="/contatti",
)

MEDEQUIP = Company(
    domain="medequip-distribution.fr",
    name="MedEquip Distribution SAS",
    lang="fr",
    country="FR",
    title="MedEquip Distribution – Équipements hospitaliers et stérilisation, Lyon",
    description=(
        "Distributeur d'équipements hospitaliers : stérilisation, traitement d'eau pour "
        "dialyse, mobilier médical et maintenance biomédicale."
    ),
    h1="Le partenaire des établissements de santé depuis 2002",
    intro=(
        "MedEquip Distribution fournit aux hôpitaux, cliniques et laboratoires de la région "
        "Auvergne-Rhône-Alpes des équipements fiables et un service de proximité."
    ),
    sections=(
        (
            "Stérilisation",
            "Autoclaves, laveurs-désinfecteurs et traçabilité des dispositifs médicaux.",
        ),
        (
            "Traitement d'eau pour dialyse",
            "Osmoseurs double passage, boucles de distribution et désinfection thermique "
            "conformes à la Pharmacopée européenne.",
        ),
        (
            "Maintenance biomédicale",
            "Contrats de maintenance préventive, métrologie et formation des équipes.",
        ),
    ),
    about="Une équipe de 35 personnes à votre service. Standard : 04 72 12 34 56.",
    address=("12 rue de la Villette", "69003 Lyon", "France"),
    phones=(("+33472123456", "+33 4 72 12 34 56"),),
    emails=("contact@medequip-distribution.fr", "achats@medequip-distribution.fr"),
    mail="ovh",
    fit="adjacent",
    industry="medical_equipment",
    socials=("https://www.linkedin.com/company/medequip-distribution",),
    contact_path="/contact",
)

HOANGLONG = Company(
    domain="xulynuochoanglong.vn",
    name="Công ty TNHH Xử Lý Nước Hoàng Long",
    lang="vi",
    country="VN",
    title="Xử Lý Nước Hoàng Long – Hệ thống lọc nước RO, xử lý nước thải công nghiệp",
    description=(
        "Thiết kế, lắp đặt hệ thống lọc nước RO, xử lý nước cấp và nước thải cho nhà máy, "
        "khu công nghiệp, bệnh viện và trường học."
    ),
    h1="Giải pháp xử lý nước toàn diện cho doanh nghiệp",
    intro=(
        "Hoàng Long là đơn vị chuyên tư vấn, thiết kế và thi công hệ thống xử lý nước tại "
        "TP. Hồ Chí Minh và các tỉnh phía Nam với hơn 12 năm kinh nghiệm."
    ),
    sections=(
        (
            "Hệ thống lọc nước RO công nghiệp",
            "Công suất từ 500 lít/giờ đến 50 m³/giờ, dùng màng lọc nhập khẩu và đèn UV diệt khuẩn.",
        ),
        (
            "Xử lý nước thải",
            "Thiết kế trạm xử lý nước thải sinh hoạt và công nghiệp đạt QCVN 40:2011/BTNMT.",
        ),
        ("Bảo trì – thay lõi lọc", "Dịch vụ bảo trì định kỳ, thay vật liệu lọc tận nơi."),
    ),
    about=("Đội ngũ 40 kỹ sư và kỹ thuật viên. Hotline: 0903 123 456 – tư vấn miễn phí 24/7."),
    address=("Số 25 Đường số 7, KCN Tân Bình", "Quận Tân Phú, TP. Hồ Chí Minh", "Việt Nam"),
    phones=(("+84903123456", "0903 123 456"), ("+842838123456", "(028) 3812 3456")),
    emails=("kinhdoanh@xulynuochoanglong.vn", "xulynuochoanglong@gmail.com"),
    mail="own",
    fit="core",
    industry="water_treatment",
    whatsapp="84903123456",
    socials=("https://www.facebook.com/xulynuochoanglong", "https://zalo.me/0903123456"),
    https_redirect=False,
    contact_path="/lien-he",
    dmarc=False,
)

JINGHUA = Company(
    domain="jinghua-water.com.cn",
    name="江苏净华水处理工程有限公司",
    lang="zh-CN",
    country="CN",
    title="江苏净华水处理工程有限公司 - 反渗透设备 | 超滤 | 紫外线消毒 | 工业废水处理",
    description="专业从事水处理设备研发、生产与工程安装：反渗透纯水设备、超滤系统、紫外线消毒器、工业废水处理工程。",
    h1="专业水处理工程解决方案提供商",
    intro="江苏净华水处理工程有限公司成立于2009年，位于江苏省无锡市，是一家集研发、生产、安装、服务于一体的水处理工程企业。",
    sections=(
        ("反渗透纯水设备", "单级及双级反渗透、EDI超纯水系统，广泛应用于电子、制药、食品饮料行业。"),
        ("超滤与紫外线消毒", "中空纤维超滤膜组件、过流式紫外线消毒器，出水稳定达标。"),
        ("工业废水处理工程", "电镀、印染、化工废水的设计、施工与运营维护，交钥匙工程。"),
    ),
    about="公司拥有员工120余人，其中工程技术人员45人，产品出口东南亚、中东及非洲。销售热线：0510-8588 1234。",
    address=("江苏省无锡市新吴区长江路88号", "邮编 214028", "中国"),
    phones=(("+8651085881234", "0510-8588 1234"), ("+8613812345678", "138 1234 5678")),
    emails=("sales@jinghua-water.com.cn", "export@jinghua-water.com.cn"),
    mail="tencent",
    fit="core",
    industry="water_treatment",
    whatsapp="8613812345678",
    socials=(
        "https://weibo.com/jinghuawater",
        "https://www.linkedin.com/company/jinghua-water-treatment",
    ),
    contact_path="/lianxi.html",
)

EGE_ARITMA = Company(
    domain="aritma-sistemleri.com.tr",
    name="Ege Arıtma Sistemleri A.Ş.",
    lang="tr",
    country="TR",
    title="Ege Arıtma Sistemleri – Su Arıtma, Ters Ozmoz ve Atık Su Arıtma Tesisleri",
    description=(
        "Endüstriyel su arıtma sistemleri, ters ozmoz tesisleri, UV dezenfeksiyon ve atık su "
        "arıtma tesislerinin projelendirilmesi ve kurulumu."
    ),
    h1="Endüstriyel Su Arıtma Çözümleri",
    intro=(
        "Ege Arıtma, 2004 yılından bu yana İzmir merkezli olarak sanayi, otel ve belediyelere "
        "anahtar teslim su arıtma tesisleri kurmaktadır."
    ),
    sections=(
        ("Ters Ozmoz Sistemleri", "Saatte 1 ila 100 m³ kapasiteli endüstriyel RO tesisleri."),
        ("Atık Su Arıtma", "Biyolojik ve kimyasal atık su arıtma tesisleri, paket arıtmalar."),
        ("UV Dezenfeksiyon", "Kimyasal kullanmadan içme ve proses suyunun dezenfeksiyonu."),
    ),
    about="60 kişilik ekibimizle Türkiye ve Orta Doğu'da 900'den fazla tesis kurduk. Tel: 0232 456 78 90.",
    address=("Atatürk Organize Sanayi Bölgesi 10001 Sk. No:12", "35620 Çiğli / İzmir", "Türkiye"),
    phones=(("+902324567890", "+90 232 456 78 90"), ("+905321234567", "+90 532 123 45 67")),
    emails=("info@aritma-sistemleri.com.tr", "satis@aritma-sistemleri.com.tr"),
    mail="microsoft",
    fit="core",
    industry="water_treatment",
    whatsapp="905321234567",
    socials=(
        "https://www.facebook.com/egearitma",
        "https://www.instagram.com/egearitma/",
        "https://www.linkedin.com/company/ege-aritma-sistemleri",
    ),
    contact_path="/iletisim",
)

AGUAPURA = Company(
    domain="aguapura-tratamento.com.br",
    name="AguaPura Tratamento de Água Ltda.",
    lang="pt-BR",
    country="BR",
    title="AguaPura – Tratamento de Água e Efluentes para Indústrias | Campinas SP",
    description=(
        "Estações de tratamento de água (ETA), osmose reversa, tratamento de efluentes e "
        "desinfecção UV para indústrias e condomínios."
    ),
    h1="Tratamento de água e efluentes com tecnologia e responsabilidade",
    intro=(
        "Fundada em 2011 em Campinas (SP), a AguaPura projeta e instala sistemas de "
        "tratamento de água para indústrias de alimentos, bebidas e cosméticos."
    ),
    sections=(
        ("Osmose reversa", "Sistemas de osmose reversa de 250 L/h a 30 m³/h com CIP automático."),
        ("Estações de tratamento de efluentes", "ETEs compactas físico-químicas e biológicas."),
        ("Desinfecção UV e ozônio", "Reatores UV e geradores de ozônio para água potável."),
    ),
    about="Atendemos todo o Brasil. Ligue (19) 3234-5678 ou fale com nosso time comercial.",
    address=("Rua Dr. Quirino, 1450 – Centro", "Campinas – SP, 13015-082", "Brasil"),
    phones=(("+551932345678", "(19) 3234-5678"), ("+5519987654321", "(19) 98765-4321")),
    emails=("contato@aguapura-tratamento.com.br", "vendas@aguapura-tratamento.com.br"),
    mail="locaweb",
    fit="core",
    industry="water_treatment",
    whatsapp="5519987654321",
    socials=(
        "https://www.facebook.com/aguapuratratamento",
        "https://www.instagram.com/aguapura.tratamento/",
        "https://www.linkedin.com/company/aguapura-tratamento",
    ),
    contact_path="/contato",
)

PURAQUA = Company(
    domain="puraqua-systems.in",
    name="PurAqua Systems Pvt. Ltd.",
    lang="en",
    country="IN",
    title="PurAqua Systems – RO Plants, ETP & STP Manufacturer in Pune, India",
    description=(
        "Manufacturer and exporter of industrial RO plants, effluent treatment plants (ETP), "
        "sewage treatment plants (STP) and UV water sterilizers."
    ),
    h1="Industrial Water & Wastewater Treatment Plants",
    intro=(
        "PurAqua Systems designs, manufactures and commissions water and wastewater treatment "
        "plants for pharma, textile and food industries across India and Africa since 2008."
    ),
    sections=(
        ("Industrial RO Plants", "Capacities from 500 LPH to 100 m³/h with SS 316 skids."),
        ("ETP & STP", "MBBR and SBR based sewage and effluent treatment plants, turnkey."),
        ("UV Sterilizers", "Inline UV sterilizers for drinking water, 1 to 200 m³/h."),
    ),
    about=(
        "An ISO 9001:2015 company with 150 employees. Call +91 20 2712 3456 "
        "(Mon–Sat, 9:30 to 18:30 IST)."
    ),
    address=("Plot No. 45, MIDC Bhosari", "Pune, Maharashtra 411026", "India"),
    phones=(("+912027123456", "+91 20 2712 3456"), ("+919876543210", "+91 98765 43210")),
    emails=("info@puraqua-systems.in", "export@puraqua-systems.in"),
    mail="zoho_in",
    fit="core",
    industry="water_treatment",
    whatsapp="919876543210",
    socials=(
        "https://www.facebook.com/puraquasystems",
        "https://www.linkedin.com/company/puraqua-systems",
        "https://www.youtube.com/@puraquasystems",
    ),
    www=True,
)

VODOOCHISTKA = Company(
    domain="vodoochistka-nord.ru",
    name="ООО «Водоочистка Норд»",
    lang="ru",
    country="RU",
    title="Водоочистка Норд – водоподготовка, обратный осмос, УФ-обеззараживание в Санкт-Петербурге",
    description=(
        "Проектирование и монтаж систем водоподготовки для промышленных предприятий и "
        "коттеджей: обратный осмос, обезжелезивание, УФ-обеззараживание."
    ),
    h1="Системы водоподготовки под ключ",
    intro=(
        "Компания «Водоочистка Норд» с 2010 года проектирует, поставляет и обслуживает "
        "оборудование для очистки воды в Северо-Западном регионе."
    ),
    sections=(
        (
            "Обратный осмос",
            "Промышленные установки обратного осмоса производительностью до 50 м³/ч.",
        ),
        ("Обезжелезивание и умягчение", "Фильтры для скважинной воды, автоматические умягчители."),
        ("УФ-обеззараживание", "Ультрафиолетовые установки для питьевой и сточной воды."),
    ),
    about="Более 2000 реализованных объектов. Звоните: +7 (812) 123-45-67, пишите в Telegram.",
    address=("ул. Промышленная, д. 19, лит. А", "198095, Санкт-Петербург", "Россия"),
    phones=(("+78121234567", "+7 (812) 123-45-67"), ("+79211234567", "+7 (921) 123-45-67")),
    emails=("info@vodoochistka-nord.ru", "vodoochistka.nord@yandex.ru"),
    mail="yandex",
    fit="core",
    industry="water_treatment",
    whatsapp="79211234567",
    socials=("https://vk.com/vodoochistkanord", "https://t.me/vodoochistka_nord"),
    contact_path="/kontakty",
)

GULF_DESAL = Company(
    domain="gulf-desalination.ae",
    name="Gulf Desalination & Water Technologies LLC",
    lang="ar",
    country="AE",
    title="الخليج لتحلية المياه وتقنيات المياه – محطات التناضح العكسي ومعالجة المياه في دبي",
    description="تصميم وتوريد وتشغيل محطات تحلية مياه البحر بالتناضح العكسي وأنظمة معالجة المياه الصناعية في الإمارات ودول الخليج.",
    h1="حلول متكاملة لتحلية ومعالجة المياه",
    intro="تأسست شركة الخليج لتحلية المياه في دبي عام 2007، ونقدم محطات تحلية مياه البحر والمياه الجوفية للفنادق والمصانع والمزارع.",
    sections=(
        ("تحلية مياه البحر", "محطات تناضح عكسي بطاقة من 50 إلى 5000 متر مكعب يومياً."),
        ("معالجة المياه الصناعية", "أنظمة الترشيح والتعقيم بالأشعة فوق البنفسجية وإزالة العسر."),
        ("التشغيل والصيانة", "عقود تشغيل وصيانة شاملة مع مراقبة عن بعد على مدار الساعة."),
    ),
    about="فريق من 80 مهندساً وفنياً. اتصل بنا على الرقم 045678901 971+ أو عبر واتساب.",
    address=("المنطقة الصناعية، القوز 3", "ص.ب. 123456، دبي", "الإمارات العربية المتحدة"),
    phones=(("+97145678901", "+971 4 567 8901"), ("+971501234567", "+971 50 123 4567")),
    emails=("info@gulf-desalination.ae", "procurement@gulf-desalination.ae"),
    mail="microsoft",
    fit="core",
    industry="water_treatment",
    whatsapp="971501234567",
    socials=(
        "https://www.linkedin.com/company/gulf-desalination",
        "https://www.instagram.com/gulfdesalination/",
        "https://www.facebook.com/gulfdesalination",
    ),
)

CLEARFLOW = Company(
    domain="clearflow-industrial.com",
    name="ClearFlow Industrial Filtration, Inc.",
    lang="en",
    country="US",
    title="ClearFlow Industrial Filtration | Process Water & Cooling Tower Treatment | Houston, TX",
    description=(
        "Industrial filtration and water treatment for refineries, power plants and food "
        "processors: multimedia filters, RO skids, cooling tower treatment."
    ),
    h1="Industrial Water Treatment That Keeps Your Plant Running",
    intro=(
        "ClearFlow designs, builds and services process water and wastewater systems for Gulf "
        "Coast industry. Family-owned and operated since 1994."
    ),
    sections=(
        ("Process Water Systems", "Multimedia filtration, softening and RO skids up to 2,000 gpm."),
        (
            "Cooling Tower Treatment",
            "Side-stream filtration, chemical feed and legionella control.",
        ),
        ("Field Service", "24/7 emergency service and rental trailers across Texas and Louisiana."),
    ),
    about="Talk to an engineer today: (713) 555-0142. We answer the phone, every time.",
    address=("8450 Market Street Rd", "Houston, TX 77029", "United States"),
    phones=(("+17135550142", "(713) 555-0142"),),
    emails=("sales@clearflow-industrial.com", "j.miller@clearflow-industrial.com"),
    mail="microsoft",
    fit="core",
    industry="water_treatment",
    socials=(
        "https://www.linkedin.com/company/clearflow-industrial",
        "https://www.facebook.com/ClearFlowIndustrial",
    ),
    dmarc="v=DMARC1; p=reject; rua=mailto:dmarc_rua@clearflow-industrial.com",
)

BLUEWAVE = Company(
    domain="bluewave-aquaculture.co.uk",
    name="BlueWave Aquaculture Ltd",
    lang="en",
    country="GB",
    title="BlueWave Aquaculture – Salmon Hatchery & RAS Specialists, Scotland",
    description=(
        "Land-based salmon smolt production in recirculating aquaculture systems (RAS) with "
        "UV and ozone water treatment, Argyll, Scotland."
    ),
    h1="Healthy smolts from clean, recirculated water",
    intro=(
        "BlueWave Aquaculture runs a 2,000-tonne recirculating hatchery on the shore of Loch "
        "Fyne and advises farms across Scotland and Norway."
    ),
    sections=(
        ("Smolt production", "Year-round Atlantic salmon smolts, 100 g to 500 g."),
        ("RAS engineering", "Drum filters, moving-bed biofilters, UV and ozone disinfection."),
        ("Consultancy", "Water-quality audits and RAS start-up support."),
    ),
    about="Call the hatchery on 01546 602 123 or write to our purchasing team.",
    address=("Ardrishaig Hatchery", "Lochgilphead PA30 8EP", "United Kingdom"),
    phones=(("+441546602123", "01546 602 123"),),
    emails=("hello@bluewave-aquaculture.co.uk", "purchasing@bluewave-aquaculture.co.uk"),
    mail="google",
    fit="core",
    industry="aquaculture",
    socials=(
        "https://www.linkedin.com/company/bluewave-aquaculture",
        "https://x.com/bluewaveaqua",
    ),
)

HOFMANN = Company(
    domain="baeckerei-hofmann.de",
    name="Bäckerei Hofmann",
    lang="de",
    country="DE",
    title="Bäckerei Hofmann – Handwerksbäckerei in Freiburg seit 1921",
    description="Brot, Brötchen, Brezeln und Kuchen aus eigener Backstube. Sieben Filialen in Freiburg.",
    h1="Ehrliches Brot aus Freiburg",
    intro="Seit vier Generationen backen wir jeden Morgen frisch – mit Sauerteig, Zeit und regionalem Mehl.",
    sections=(
        ("Brot & Brötchen", "Schwarzwälder Bauernbrot, Dinkelvollkorn, Laugenbrezeln."),
        (
            "Kuchen & Torten",
            "Schwarzwälder Kirschtorte, Käsekuchen, Hochzeitstorten auf Bestellung.",
        ),
        ("Catering", "Frühstücksbuffets für Büros und Feiern."),
    ),
    about="Bestellungen telefonisch unter 0761 4567890. Unsere Filialen öffnen um 6 Uhr.",
    address=("Habsburgerstraße 42", "79104 Freiburg im Breisgau", "Deutschland"),
    phones=(("+497614567890", "0761 4567890"),),
    emails=("info@baeckerei-hofmann.de",),
    mail="ionos",
    fit="none",
    industry="bakery",
    socials=("https://www.instagram.com/baeckerei.hofmann/",),
    contact_path="/kontakt",
    imprint="Bäckerei Hofmann GmbH & Co. KG, Habsburgerstraße 42, 79104 Freiburg. HRA 701234.",
)

MODA_BELLA = Company(
    domain="moda-bella.it",
    name="Moda Bella Boutique",
    lang="it",
    country="IT",
    title="Moda Bella – Boutique di abbigliamento donna a Milano | Nuova collezione",
    description="Abiti, borse e accessori di stilisti italiani. Spedizione gratuita sopra 100 €.",
    h1="La nuova collezione autunno-inverno è arrivata",
    intro="Nel cuore di Brera selezioniamo abiti e accessori di giovani stilisti italiani.",
    sections=(
        ("Abiti", "Vestiti da cerimonia, maglieria in cashmere, cappotti."),
        ("Accessori", "Borse in pelle, foulard di seta, bijoux artigianali."),
        ("Personal shopper", "Consulenza d'immagine su appuntamento."),
    ),
    about="Vieni a trovarci in via Solferino o chiamaci allo 02 8765 4321.",
    address=("Via Solferino 18", "20121 Milano", "Italia"),
    phones=(("+390287654321", "02 8765 4321"),),
    emails=("shop@moda-bella.it",),
    mail="aruba",
    fit="none",
    industry="fashion_retail",
    whatsapp="393487654321",
    socials=(
        "https://www.instagram.com/modabella.milano/",
        "https://www.facebook.com/modabellamilano",
    ),
)

MUELLER = Company(
    domain="müller-wassertechnik.de",
    name="Müller Wassertechnik e.K.",
    lang="de",
    country="DE",
    title="Müller Wassertechnik – Enthärtungsanlagen und Brunnenwasseraufbereitung",
    description="Enthärtungsanlagen, Brunnenwasseraufbereitung und UV-Anlagen für Haus und Hof im Allgäu.",
    h1="Sauberes Wasser für Haus, Hof und Gewerbe",
    intro="Wir sind Ihr Fachbetrieb für Wasseraufbereitung im Allgäu – Beratung, Einbau und Wartung aus einer Hand.",
    sections=(
        ("Enthärtung", "Enthärtungsanlagen gegen Kalk für Ein- und Mehrfamilienhäuser."),
        ("Brunnenwasser", "Enteisenung, Entmanganung und UV-Entkeimung für Hausbrunnen."),
        ("Wartung", "Jährliche Wartung und Salzlieferung."),
    ),
    about="Inhaber Josef Müller, Meister im Installateur- und Heizungsbauerhandwerk. Tel. 08331 98765.",
    address=("Allgäuer Straße 3", "87700 Memmingen", "Deutschland"),
    phones=(("+49833198765", "08331 98765"),),
    emails=("info@" + _ace("müller-wassertechnik.de"),),
    mail="own",
    fit="core",
    industry="water_treatment",
    socials=("https://www.facebook.com/muellerwassertechnik",),
    contact_path="/kontakt",
    imprint="Müller Wassertechnik e.K., Inh. Josef Müller, Allgäuer Straße 3, 87700 Memmingen.",
)

ENTERPRISE = Company(
    domain="enterprise-water-group.com",
    name="Enterprise Water Group plc",
    lang="en",
    country="GB",
    title="Enterprise Water Group – Water infrastructure for utilities and industry",
    description="Design, build and operation of water and wastewater infrastructure in 14 countries.",
    h1="Water infrastructure, delivered",
    intro="Enterprise Water Group designs, builds and operates treatment works for utilities worldwide.",
    sections=(
        ("Utilities", "Drinking water treatment works up to 500 Ml/d."),
        ("Industry", "Zero-liquid-discharge systems for mining and chemicals."),
        ("Operations", "Long-term operation and maintenance contracts."),
    ),
    about="Headquartered in Manchester, 4,200 employees. Switchboard +44 161 555 0199.",
    address=("1 Water Street", "Manchester M3 4JF", "United Kingdom"),
    phones=(("+441615550199", "+44 161 555 0199"),),
    emails=("enquiries@enterprise-water-group.com",),
    mail="microsoft",
    fit="core",
    industry="water_treatment",
    socials=("https://www.linkedin.com/company/enterprise-water-group",),
)

COMPANIES: tuple[Company, ...] = (
    AQUATECH,
    DELMAR,
    TERMOCLIMA,
    MEDEQUIP,
    HOANGLONG,
    JINGHUA,
    EGE_ARITMA,
    AGUAPURA,
    PURAQUA,
    VODOOCHISTKA,
    GULF_DESAL,
    CLEARFLOW,
    BLUEWAVE,
    HOFMANN,
    MODA_BELLA,
    MUELLER,
    ENTERPRISE,
)


# ------------------------------------------------------------------------------------------
# Pages that are not a business: parked, for sale, default, suspended, under construction
# ------------------------------------------------------------------------------------------
def sedo_parked(domain: str) -> str:
    links = [
        "Water Treatment Systems",
        "Industrial Water Filters",
        "Reverse Osmosis Plant",
        "UV Water Sterilizer",
        "Water Softener Prices",
    ]
    items = "\n".join(
        f'<li><a href="/search/tsc.php?kw={_e(k)}&amp;ses=Y3JlPTE3M">{_e(k)}</a></li>'
        for k in links
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{domain}</title>
<meta name="robots" content="noindex, nofollow">
<meta name="viewport" content="width=device-width, initial-scale=1">
<script src="https://img.sedoparking.com/jspartner/google.js"></script>
<script>var pageOptions = {{'pubId': 'dp-sedo80_3ph', 'domainRegistrant': 'as-drid-2351749742621707',
'channel': 'exp-0051,auxa-control-1,14588', 'adtest': 'off', 'resultsPageBaseUrl': '//{domain}/search/tsc.php'}};</script>
</head><body>
<div id="header"><h1>{domain}</h1></div>
<div id="related"><h2>Related Links</h2><ul>
{items}
</ul></div>
<div id="footer"><p><a href="https://sedo.com/search/details/?partnerid=324561&amp;domain={domain}">Buy this domain</a>.
This domain may be for sale!</p>
<p>The Sponsored Listings displayed above are served automatically by a third party. Neither
Sedo nor the domain owner maintain any relationship with the advertisers. In case of trademark
issues please contact the domain owner directly (contact information can be found in whois).</p>
<p>Copyright © 2024 Sedo GmbH. <a href="https://sedo.com/us/about-us/policies/privacy-policy-sedocom/">Privacy Policy</a></p></div>
</body></html>
"""


def parkingcrew_parked(domain: str) -> str:
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{domain}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="//static.parkingcrew.net/parking/style.css">
<script>window.park = "eyJ1dWlkIjoiN2YyYjNkMmMtOGE2My00YmNhLWE3YTEtZDEwZmE0ZGFjYjhkIn0=";</script>
<script src="//www.google.com/adsense/domains/caf.js"></script>
<script src="//static.parkingcrew.net/parking/js/park.js"></script>
</head><body>
<div id="target"></div>
<div class="container-footer"><p>{domain} &nbsp;2024&nbsp;Copyright. &nbsp;All Rights Reserved.</p>
<p>The Sponsored Listings displayed above are served automatically by a third party. Neither the
service provider nor the domain owner maintain any relationship with the advertisers.</p>
<p><a href="//www.parkingcrew.com/privacy-policy">Privacy Policy</a></p></div>
</body></html>
"""


def bodis_parked(domain: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{domain}</title>
<script src="https://bodis.com/assets/js/caf-parking.js"></script>
<script>var bodisParking = {{"domain": "{domain}", "template": "lander-13"}};</script>
</head><body class="parked">
<h1>{domain}</h1>
<h2>Related Searches</h2>
<ul class="related"><li><a href="?kw=water+purification+equipment">Water Purification Equipment</a></li>
<li><a href="?kw=b2b+wholesale+suppliers">B2B Wholesale Suppliers</a></li>
<li><a href="?kw=import+export+agent">Import Export Agent</a></li></ul>
<p class="disclaimer">This domain is parked free of charge with Bodis. The sponsored listings on
this page are provided by third parties. <a href="https://www.bodis.com/privacy">Privacy</a></p>
</body></html>
"""


def dan_for_sale(domain: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{domain} is for sale</title>
<meta name="description" content="The domain name {domain} is for sale. Buy it now on Dan.com.">
</head><body>
<header><a href="https://dan.com">Dan.com</a></header>
<main><h1>This domain is for sale!</h1>
<h2>{domain}</h2>
<p class="price">Buy now for <strong>$2,495</strong> or pay in 12 monthly installments.</p>
<a class="btn" href="https://dan.com/buy-domain/{domain}">Buy now</a>
<a class="btn" href="https://dan.com/buy-domain/{domain}?offer=1">Make an offer</a>
<ul><li>Buyer Protection Program</li><li>Fast &amp; easy transfers</li><li>Hassle free payments</li></ul>
</main><footer>Dan.com is a GoDaddy brand. © 2024</footer>
</body></html>
"""


def afternic_for_sale(domain: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{domain} - Get this domain</title></head>
<body><div class="listing"><p class="badge">Premium domain</p>
<h1>{domain}</h1><p>is for sale</p>
<p>Get this domain: <strong>USD 4,888</strong></p>
<a href="https://www.afternic.com/domain/{domain}">Buy now</a> ·
<a href="https://www.afternic.com/forsale/{domain}?traffic_id=lander">Make offer</a>
<p>Listed by Afternic, a GoDaddy company. Secure payment and free ownership transfer.</p>
</div></body></html>
"""


def sedo_for_sale_de(domain: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{domain} steht zum Verkauf</title></head>
<body><h1>Diese Domain steht zum Verkauf!</h1>
<p>Die Domain <strong>{domain}</strong> kann erworben werden. Preis: 1.990 € (VB).</p>
<p><a href="https://sedo.com/de/search/details/?domain={domain}">Jetzt kaufen</a> oder
<a href="https://sedo.com/de/search/details/?domain={domain}&amp;offer=1">Preisvorschlag machen</a></p>
<p>Sicher kaufen mit dem Sedo Treuhandservice.</p></body></html>
"""


NGINX_DEFAULT = """<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
"""

APACHE_UBUNTU_DEFAULT = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
  <head>
    <meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
    <title>Apache2 Ubuntu Default Page: It works</title>
  </head>
  <body>
    <div class="main_page">
      <div class="page_header floating_element">
        <img src="/icons/ubuntu-logo.png" alt="Ubuntu Logo" class="floating_element"/>
        <span class="floating_element">Apache2 Ubuntu Default Page</span>
      </div>
      <div class="content_section floating_element">
        <div class="section_header section_header_red"><div id="about"></div>It works!</div>
        <div class="content_section_text">
          <p>This is the default welcome page used to test the correct operation of the
          Apache2 server after installation on Ubuntu systems. It is based on the equivalent
          page on Debian, from which the Ubuntu Apache packaging is derived. If you can read
          this page, it means that the Apache HTTP server installed at this site is working
          properly. You should <b>replace this file</b> (located at
          <tt>/var/www/html/index.html</tt>) before continuing to operate your HTTP server.</p>
          <p>If you are a normal user of this web site and don't know what this page is about,
          this probably means that the site is currently unavailable due to maintenance.</p>
        </div>
        <div class="section_header"><div id="changes"></div>Configuration Overview</div>
        <div class="content_section_text"><p>Ubuntu's Apache2 default configuration is
          different from the upstream default configuration ...</p></div>
      </div>
    </div>
  </body>
</html>
"""

CPANEL_SUSPENDED = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Account Suspended</title>
<link rel="stylesheet" href="/cgi-sys/css/suspended.css">
</head><body>
<div class="container"><div class="icon"><img src="/img-sys/suspended-icon.svg" alt=""></div>
<h1>Account Suspended</h1>
<p>This Account has been suspended.</p>
<p>Contact your hosting provider for more information.</p>
</div></body></html>
"""

UNDER_CONSTRUCTION_DE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Website im Aufbau</title></head>
<body style="text-align:center;font-family:sans-serif">
<h1>Hier entsteht eine neue Internetpräsenz</h1>
<p>Diese Website befindet sich im Aufbau. Demnächst online!</p>
</body></html>
"""

COMING_SOON_ES = """<!DOCTYPE html>
<html lang="es"><head><meta charset="utf-8"><title>Próximamente</title></head>
<body><div class="coming-soon"><h1>Próximamente</h1>
<p>Estamos trabajando en nuestro nuevo sitio web. ¡Vuelve pronto!</p>
<p>Sitio web en construcción</p></div></body></html>
"""

UNDER_CONSTRUCTION_FR = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Site en construction</title></head>
<body><h1>Site en construction</h1><p>Notre site sera bientôt disponible.
Merci de votre patience.</p></body></html>
"""

COMING_SOON_WP = """<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8"><title>NextGen AquaFarm &#8211; Coming Soon</title>
<meta name="generator" content="WordPress 6.4.2">
<link rel="stylesheet" href="/wp-content/plugins/coming-soon/public/css/seedprod.min.css">
</head><body class="seedprod-coming-soon">
<h1>Coming Soon</h1><p>We are launching our new website soon. Stay tuned!</p>
<form><input type="email" placeholder="Enter your email"><button>Notify me</button></form>
</body></html>
"""


# ------------------------------------------------------------------------------------------
# Small genuine companies used by the fault scenarios (one template per language)
# ------------------------------------------------------------------------------------------
def small_company(
    domain: str,
    name: str,
    *,
    city: str = "Hannover",
    mail: str = "ionos",
    www: bool = False,
    https_redirect: bool = False,
    lang: str = "de",
) -> Company:
    """A modest but real-looking water-technology company (German unless ``lang='en'``)."""
    slug = domain.split(".")[0]
    if lang == "en":
        return Company(
            domain=domain,
            name=name,
            lang="en",
            country="GB",
            title=f"{name} – Water Treatment Equipment and Service",
            description=f"{name} supplies and services water filters, softeners and UV systems.",
            h1="Water treatment equipment, installed and serviced",
            intro=f"{name} has supplied water treatment equipment to industry since 2003.",
            sections=(
                ("Filtration", "Sand, carbon and cartridge filters for process water."),
                ("UV disinfection", "UV systems for drinking and process water."),
                ("Service", "Maintenance contracts and spare parts."),
            ),
            about="Call our office on 0161 496 0123, Monday to Friday.",
            address=("Unit 4, Trafford Park", "Manchester M17 1AB", "United Kingdom"),
            phones=(("+441614960123", "0161 496 0123"),),
            emails=(f"sales@{domain}",),
            mail=mail,
            fit="core",
            industry="water_treatment",
            socials=(f"https://www.linkedin.com/company/{slug}",),
            www=www,
            https_redirect=https_redirect,
        )
    return Company(
        domain=domain,
        name=name,
        lang="de",
        country="DE",
        title=f"{name} – Wasseraufbereitung und Filtertechnik in {city}",
        description=f"{name}: Filteranlagen, Enthärtung und UV-Entkeimung für Industrie und Gewerbe.",
        h1=f"Wassertechnik aus {city}",
        intro=f"Die {name} plant und wartet seit 2003 Anlagen zur Wasseraufbereitung.",
        sections=(
            ("Filtertechnik", "Kies-, Aktivkohle- und Kerzenfilter für Prozesswasser."),
            ("UV-Entkeimung", "UV-Anlagen für Trink- und Brauchwasser."),
            ("Wartung", "Wartungsverträge und Ersatzteilservice."),
        ),
        about="Rufen Sie uns an: 0511 123456 – Montag bis Freitag von 8 bis 17 Uhr.",
        address=("Gewerbering 5", f"30159 {city}", "Deutschland"),
        phones=(("+49511123456", "0511 123456"),),
        emails=(f"info@{domain}", f"vertrieb@{domain}"),
        mail=mail,
        fit="core",
        industry="water_treatment",
        socials=(f"https://www.facebook.com/{slug}", f"https://www.linkedin.com/company/{slug}"),
        www=www,
        https_redirect=https_redirect,
        contact_path="/kontakt",
        imprint=f"{name}, Gewerbering 5, 30159 {city}. Amtsgericht {city} HRB 123456.",
    )


def _mail_facts(host: str, *, spf: bool = True, dmarc: bool = True) -> dict[str, object]:
    return {
        "mx": "ok",
        "mail_provider": MAIL_HOSTS[host].name,
        "spf": spf,
        "dmarc": dmarc,
        "free_mail": False,
        "disposable": False,
    }


def _dead_site(world: World, domain: str, body: str, *, mail: str | None = None) -> None:
    """A domain whose web server shows ``body`` at / (over HTTP and HTTPS)."""
    world.add_site(domain, {"/": Page(body), "*": Page(body)})
    world.add_site(f"www.{domain}", {"*": Page(body)})
    if mail is not None:
        install_mail(world, domain, mail)


# ------------------------------------------------------------------------------------------
# The catalogue
# ------------------------------------------------------------------------------------------
def _company_installer(c: Company, *, tls: str = "valid") -> Callable[[World], object]:
    return lambda world: install_company(world, c, tls=tls)


def _both(*installers: Callable[[World], object]) -> Callable[[World], object]:
    def install(world: World) -> None:
        for installer in installers:
            installer(world)

    return install


_MESSAGES = {
    "de": "Sehr geehrte Damen und Herren, wir suchen für ein Projekt 4 UV-Anlagen (je 20 m³/h) "
    "und bitten um ein Angebot inkl. Lieferzeit nach Stuttgart. Mit freundlichen Grüßen",
    "es": "Buenos días, necesitamos esterilizadores UV para un sistema RAS de 300 m³/h. "
    "¿Pueden enviarnos catálogo y precios FOB? Gracias.",
    "it": "Buongiorno, vorremmo ricevere un'offerta per 10 lampade UV di ricambio e filtri a "
    "cartuccia per torri evaporative. Cordiali saluti",
    "fr": "Bonjour, nous recherchons un osmoseur pour un centre de dialyse (2 m³/h). "
    "Merci de nous faire parvenir votre meilleure offre.",
    "vi": "Chào anh/chị, công ty chúng tôi cần báo giá màng RO 8040 và đèn UV 12 GPM, "
    "số lượng 20 bộ. Xin cảm ơn.",
    "zh-CN": "您好，我们需要采购紫外线消毒器（50吨/小时）10台，请报价并提供交货期。谢谢！",
    "tr": "Merhaba, 20 m³/saat kapasiteli ters ozmoz sistemi için fiyat teklifi rica ederiz.",
    "pt-BR": "Olá, gostaríamos de cotação para 5 reatores UV de 30 m³/h com entrega em Campinas.",
    "en": "Hello, we are interested in your UV sterilizers (50 m3/h). Please send a quotation "
    "with price, MOQ and delivery time. Best regards",
    "ru": "Здравствуйте! Просим выслать коммерческое предложение на УФ-установки 10 м³/ч, 6 шт.",
    "ar": "السلام عليكم، نرغب في الحصول على عرض سعر لأجهزة التعقيم بالأشعة فوق البنفسجية بطاقة 50 م³/ساعة.",
}

_GENERIC_SPAM = (
    "Dear Sir/Madam, we are interested in your products. Kindly send us your latest "
    "catalogue and price list. We want to place a big order urgently. Regards"
)


def _genuine(
    name: str,
    c: Company,
    contact: str,
    email: str,
    *,
    website: str | None = None,
    phone: str | None = None,
    summary: str | None = None,
    tags: Sequence[str] = (),
) -> Scenario:
    facts = c.facts()
    facts["relation"] = "same"
    local, _, domain = email.lower().partition("@")
    facts["email_on_website"] = f"{local}@{_ace(domain)}" in c.emails
    return Scenario(
        name=name,
        summary=summary or f"{c.name}: a genuine {c.industry.replace('_', ' ')} company.",
        inquiry=_inquiry(
            email,
            website if website is not None else c.host,
            phone=phone or c.phones[0][1],
            country=c.country,
            company=c.name,
            contact=contact,
            message=_MESSAGES[c.lang],
        ),
        expect_label="genuine",
        expect=facts,
        tags=frozenset({"genuine", c.lang, *tags}),
        install=_company_installer(c),
    )


def _scenarios() -> Iterator[Scenario]:
    # -- genuine companies -------------------------------------------------------------------
    yield _genuine(
        "genuine_de_water_treatment",
        AQUATECH,
        "Markus Schneider",
        "m.schneider@aquatech-wasser.de",
        website="www.aquatech-wasser.de",
        summary="German water-treatment firm (IONOS mail, apex→www, http→https).",
        tags=("redirect",),
    )
    yield _genuine(
        "genuine_es_aquaculture",
        DELMAR,
        "Lucía Fernández",
        "compras@acuicultura-delmar.es",
        website="https://acuicultura-delmar.es",
        summary="Spanish fish farm on Google Workspace.",
    )
    yield _genuine(
        "genuine_it_hvac_zoho",
        TERMOCLIMA,
        "Giulia Rossi",
        "ufficio.acquisti@termoclima-impianti.it",
        website="http://termoclima-impianti.it",
        summary="Italian HVAC installer (adjacent fit) on Zoho Mail EU.",
    )
    yield _genuine(
        "genuine_fr_hospital_equipment",
        MEDEQUIP,
        "Claire Dubois",
        "achats@medequip-distribution.fr",
        summary="French hospital-equipment distributor on OVH mail.",
    )
    yield _genuine(
        "genuine_vn_water",
        HOANGLONG,
        "Nguyễn Văn Minh",
        "kinhdoanh@xulynuochoanglong.vn",
        website="xulynuochoanglong.vn",
        summary="Vietnamese water company, own mail server, HTTPS without redirect, no DMARC.",
    )
    yield _genuine(
        "genuine_cn_purification_tencent",
        JINGHUA,
        "王磊 (Wang Lei)",
        "export@jinghua-water.com.cn",
        summary="Chinese (简体) purification engineering firm on Tencent Exmail.",
    )
    yield _genuine(
        "genuine_tr_water_m365",
        EGE_ARITMA,
        "Ayşe Yılmaz",
        "satis@aritma-sistemleri.com.tr",
        summary="Turkish water-treatment firm on Microsoft 365.",
    )
    yield _genuine(
        "genuine_br_water",
        AGUAPURA,
        "Rafael Souza",
        "vendas@aguapura-tratamento.com.br",
        summary="Brazilian water-treatment firm (Portuguese) on Locaweb.",
    )
    yield _genuine(
        "genuine_in_water_zoho",
        PURAQUA,
        "Rahul Deshpande",
        "export@puraqua-systems.in",
        summary="Indian RO/ETP manufacturer (English) on Zoho Mail India.",
    )
    yield _genuine(
        "genuine_ru_water_yandex",
        VODOOCHISTKA,
        "Алексей Смирнов",
        "info@vodoochistka-nord.ru",
        summary="Russian water-treatment firm on Yandex 360 with VK and Telegram.",
    )
    yield _genuine(
        "genuine_ae_desalination_arabic",
        GULF_DESAL,
        "Ahmed Al Mansouri",
        "procurement@gulf-desalination.ae",
        summary="Dubai desalination firm, Arabic right-to-left site, Microsoft 365.",
    )
    yield _genuine(
        "genuine_us_m365",
        CLEARFLOW,
        "Jennifer Miller",
        "j.miller@clearflow-industrial.com",
        website="https://www.clearflow-industrial.com/",
        summary="US industrial filtration firm on Microsoft 365, DMARC p=reject.",
    )
    yield _genuine(
        "genuine_uk_aquaculture_google",
        BLUEWAVE,
        "Callum MacLeod",
        "purchasing@bluewave-aquaculture.co.uk",
        summary="Scottish salmon hatchery on Google Workspace.",
    )
    yield _genuine(
        "genuine_idn_domain",
        MUELLER,
        "Josef Müller",
        "info@müller-wassertechnik.de",
        website="https://müller-wassertechnik.de",
        summary="German firm with an internationalised domain name (IDN).",
        tags=("idn",),
    )
    yield _genuine(
        "genuine_many_txt_records_tcp",
        ENTERPRISE,
        "Sarah Collins",
        "enquiries@enterprise-water-group.com",
        summary="Enterprise domain with many TXT records: the TXT answer exceeds 512 "
        "bytes, so UDP is truncated and the resolver must retry over TCP.",
        tags=("dns_tcp",),
    )
    # not a fit, but real
    yield _genuine(
        "genuine_not_fit_bakery",
        HOFMANN,
        "Anna Hofmann",
        "info@baeckerei-hofmann.de",
        summary="A real German bakery: genuine but no fit for water treatment.",
        tags=("fit_none",),
    )
    yield _genuine(
        "genuine_not_fit_fashion",
        MODA_BELLA,
        "Francesca Bianchi",
        "shop@moda-bella.it",
        summary="A real Milan fashion boutique: genuine but no fit.",
        tags=("fit_none",),
    )

    aq = AQUATECH.facts()
    yield Scenario(
        name="genuine_website_only",
        summary="Only a website was given (no email): a genuine company site.",
        inquiry=_inquiry(
            None,
            "https://www.aquatech-wasser.de/",
            country="DE",
            company=AQUATECH.name,
            message=_MESSAGES["de"],
        ),
        expect_label="genuine",
        expect={**aq, "email": None},
        tags=frozenset({"genuine", "partial"}),
        install=_company_installer(AQUATECH),
    )
    yield Scenario(
        name="genuine_email_only",
        summary="Only an email at a genuine company domain: the website is inferred from it.",
        inquiry=_inquiry(
            "lucia.fernandez@acuicultura-delmar.es", None, country="ES", message=_MESSAGES["es"]
        ),
        expect_label="genuine",
        expect={**DELMAR.facts(), "website_inferred": True},
        tags=frozenset({"genuine", "partial"}),
        install=_company_installer(DELMAR),
    )
    yield Scenario(
        name="genuine_related_domains",
        summary="Email at the company's .com, website at its .de: same name, other suffix.",
        inquiry=_inquiry(
            "m.schneider@aquatech-wasser.com",
            "www.aquatech-wasser.de",
            company=AQUATECH.name,
            country="DE",
            message=_MESSAGES["de"],
        ),
        expect_label="genuine",
        expect={**aq, "relation": "related"},
        tags=frozenset({"genuine", "match"}),
        install=_both(
            _company_installer(AQUATECH),
            lambda w: install_mail(w, "aquatech-wasser.com", "ionos"),
            lambda w: w.add_redirect_site("aquatech-wasser.com", "https://www.aquatech-wasser.de/"),
        ),
    )
    yield Scenario(
        name="freemail_listed_on_company_site",
        summary="A yandex.ru address that the company's own website lists: tied to it.",
        inquiry=_inquiry(
            "vodoochistka.nord@yandex.ru",
            "vodoochistka-nord.ru",
            country="RU",
            company=VODOOCHISTKA.name,
            message=_MESSAGES["ru"],
        ),
        expect_label="genuine",
        expect={
            **VODOOCHISTKA.facts(),
            "free_mail": True,
            "email_on_website": True,
            "mail_provider": None,
            "relation": "differ",
        },
        tags=frozenset({"genuine", "free_mail"}),
        install=_both(install_providers, _company_installer(VODOOCHISTKA)),
    )
    yield Scenario(
        name="freemail_gmail_listed_vn",
        summary="A Vietnamese firm lists its gmail.com address next to its own domain's.",
        inquiry=_inquiry(
            "xulynuochoanglong@gmail.com",
            "xulynuochoanglong.vn",
            country="VN",
            phone="0903 123 456",
            message=_MESSAGES["vi"],
        ),
        expect_label="genuine",
        expect={
            **HOANGLONG.facts(),
            "free_mail": True,
            "email_on_website": True,
            "mail_provider": None,
            "relation": "differ",
        },
        tags=frozenset({"genuine", "free_mail"}),
        install=_both(install_providers, _company_installer(HOANGLONG)),
    )

    # -- free mail -------------------------------------------------------------------------
    free = {"free_mail": True, "disposable": False, "mx": "ok"}
    yield Scenario(
        name="freemail_gmail_no_website",
        summary="A gmail.com address, no website, a generic 'send catalogue' message.",
        inquiry=_inquiry(
            "kevin.importer2023@gmail.com",
            None,
            company="Global Trading Co.",
            country="NG",
            phone="+234 803 123 4567",
            message=_GENERIC_SPAM,
        ),
        expect_label="suspicious",
        expect={**free, "website": None},
        rationale="A free address ties the sender to no company; nothing else to check.",
        tags=frozenset({"free_mail"}),
        install=install_providers,
    )
    yield Scenario(
        name="freemail_qq_with_unrelated_company_site",
        summary="A qq.com number address naming a real Chinese company's site that does not "
        "list it.",
        inquiry=_inquiry(
            "2876543190@qq.com",
            "www.jinghua-water.com.cn",
            country="CN",
            company=JINGHUA.name,
            message=_MESSAGES["zh-CN"],
        ),
        expect_label="suspicious",
        expect={
            **JINGHUA.facts(),
            **free,
            "email_on_website": False,
            "mail_provider": None,
            "relation": "differ",
        },
        rationale="Many Chinese buyers use qq.com, but nothing ties this one to the company.",
        tags=frozenset({"free_mail"}),
        install=_both(install_providers, _company_installer(JINGHUA)),
    )
    yield Scenario(
        name="freemail_163_no_website",
        summary="A 163.com address and no website.",
        inquiry=_inquiry(
            "zhangwei_trade@163.com", None, country="CN", message="您好，请发送产品目录和价格表。"
        ),
        expect_label="suspicious",
        expect={**free, "website": None},
        tags=frozenset({"free_mail"}),
        install=install_providers,
    )
    yield Scenario(
        name="freemail_mailru_site_for_sale",
        summary="A mail.ru address claiming a company whose website is a domain for sale.",
        inquiry=_inquiry(
            "ivan.petrov.import@mail.ru",
            "https://purewater-import.com",
            company="PureWater Import LLC",
            country="RU",
            message=_GENERIC_SPAM,
        ),
        expect_label="fake",
        acceptable_labels=("suspicious",),
        expect={**free, "page_kind": "for_sale", "for_sale": True},
        rationale="The claimed company's website is a domain for sale: the company is "
        "invented, and the free address cannot prove otherwise.",
        tags=frozenset({"free_mail", "dead_site"}),
        install=_both(
            install_providers,
            lambda w: _dead_site(w, "purewater-import.com", dan_for_sale("purewater-import.com")),
        ),
    )
    yield Scenario(
        name="freemail_outlook_no_website",
        summary="An outlook.com address and no website.",
        inquiry=_inquiry(
            "procurement.dept.intl@outlook.com",
            None,
            company="Intl Procurement",
            message=_GENERIC_SPAM,
        ),
        expect_label="suspicious",
        expect={**free, "website": None},
        tags=frozenset({"free_mail"}),
        install=install_providers,
    )
    yield Scenario(
        name="freemail_yahoo_website_nxdomain",
        summary="A yahoo.com address claiming a website whose domain does not exist.",
        inquiry=_inquiry(
            "mark_trading_llc@yahoo.com",
            "www.marktrading-llc-usa.com",
            company="Mark Trading LLC",
            country="US",
            message=_GENERIC_SPAM,
        ),
        expect_label="fake",
        acceptable_labels=("suspicious",),
        expect={**free, "website_exists": False, "website_error": "nxdomain"},
        rationale="The website does not exist and the address is a free one: nothing is real.",
        tags=frozenset({"free_mail", "nxdomain"}),
        install=install_providers,
    )
    yield Scenario(
        name="freemail_rediffmail_with_unrelated_site",
        summary="A rediffmail.com address naming an Indian company's site that does not list it.",
        inquiry=_inquiry(
            "suresh.kumar1979@rediffmail.com",
            "puraqua-systems.in",
            country="IN",
            company=PURAQUA.name,
            message=_MESSAGES["en"],
        ),
        expect_label="suspicious",
        expect={
            **PURAQUA.facts(),
            **free,
            "email_on_website": False,
            "mail_provider": None,
            "relation": "differ",
        },
        tags=frozenset({"free_mail"}),
        install=_both(install_providers, _company_installer(PURAQUA)),
    )

    # -- disposable mail -------------------------------------------------------------------
    disp = {"disposable": True, "free_mail": False, "mx": "ok"}
    yield Scenario(
        name="disposable_mailinator_no_website",
        summary="A mailinator.com address, no website.",
        inquiry=_inquiry("bigbuyer2024@mailinator.com", None, message=_GENERIC_SPAM),
        expect_label="fake",
        expect={**disp, "website": None},
        rationale="A throw-away inbox: nobody will be there to answer.",
        tags=frozenset({"disposable"}),
        install=install_providers,
    )
    yield Scenario(
        name="disposable_10minutemail_real_company_site",
        summary="A 10minutemail.com address naming a real company's website.",
        inquiry=_inquiry(
            "x7k2p9@10minutemail.com",
            "www.aquatech-wasser.de",
            company=AQUATECH.name,
            country="DE",
            message=_MESSAGES["de"],
        ),
        expect_label="fake",
        acceptable_labels=("suspicious",),
        expect={
            **aq,
            **disp,
            "email_on_website": False,
            "mail_provider": None,
            "relation": "differ",
        },
        rationale="A real company does not write from a ten-minute inbox: someone borrowed "
        "its name.",
        tags=frozenset({"disposable", "impersonation"}),
        install=_both(install_providers, _company_installer(AQUATECH)),
    )
    yield Scenario(
        name="disposable_guerrillamail_parked_site",
        summary="A guerrillamail.com address and a parked website.",
        inquiry=_inquiry(
            "purchasing@guerrillamail.com",
            "hydro-solutions-global.com",
            company="Hydro Solutions Global",
            message=_GENERIC_SPAM,
        ),
        expect_label="fake",
        expect={**disp, "page_kind": "parked", "parked": True},
        tags=frozenset({"disposable", "dead_site"}),
        install=_both(
            install_providers,
            lambda w: _dead_site(
                w, "hydro-solutions-global.com", sedo_parked("hydro-solutions-global.com")
            ),
        ),
    )
    yield Scenario(
        name="disposable_yopmail",
        summary="A yopmail.com address, nothing else.",
        inquiry=_inquiry(
            "acheteur.pro@yopmail.com",
            None,
            country="FR",
            message="Bonjour, envoyez-moi vos prix svp.",
        ),
        expect_label="fake",
        expect={**disp, "website": None},
        tags=frozenset({"disposable"}),
        install=install_providers,
    )

    # -- dead websites -----------------------------------------------------------------------
    def dead(
        name: str,
        domain: str,
        body: str,
        kind: str,
        summary: str,
        *,
        email: str,
        mail: str | None,
        label: Label,
        acceptable: tuple[Label, ...] = (),
        rationale: str = "",
        extra: Mapping[str, object] | None = None,
    ) -> Scenario:
        facts: dict[str, object] = {"page_kind": kind, "website_reachable": True}
        facts[{"hosting_default": "default_page"}.get(kind, kind)] = True
        facts.update(
            _mail_facts(mail) if mail else {"mx": "implicit", "spf": False, "dmarc": False}
        )
        facts.update(extra or {})

        def install(world: World) -> None:
            _dead_site(world, domain, body, mail=mail)

        return Scenario(
            name=name,
            summary=summary,
            inquiry=_inquiry(
                email,
                domain,
                company=domain.split(".")[0].replace("-", " ").title(),
                message=_GENERIC_SPAM,
            ),
            expect_label=label,
            acceptable_labels=acceptable,
            expect=facts,
            rationale=rationale,
            tags=frozenset({"dead_site", kind}),
            install=install,
        )

    fake_why = (
        "A fake website (parked / for sale / default page) with an address at the same "
        "dead domain: the article's definition of a fake lead."
    )
    yield dead(
        "parked_sedo",
        "hydro-solutions-global.com",
        sedo_parked("hydro-solutions-global.com"),
        "parked",
        "Sedo parking page; the domain has no MX (only the parking server's A record).",
        email="purchase@hydro-solutions-global.com",
        mail=None,
        label="fake",
        rationale=fake_why,
    )
    yield dead(
        "parked_parkingcrew",
        "aqua-filter-trade.net",
        parkingcrew_parked("aqua-filter-trade.net"),
        "parked",
        "ParkingCrew parking page (ads loaded by script, almost no text).",
        email="info@aqua-filter-trade.net",
        mail=None,
        label="fake",
        rationale=fake_why,
    )
    yield dead(
        "parked_bodis",
        "watertreatment-buyers.com",
        bodis_parked("watertreatment-buyers.com"),
        "parked",
        "Bodis parking page with related searches.",
        email="director@watertreatment-buyers.com",
        mail=None,
        label="fake",
        rationale=fake_why,
    )
    yield dead(
        "for_sale_dan",
        "purewater-import.com",
        dan_for_sale("purewater-import.com"),
        "for_sale",
        "Dan.com 'This domain is for sale!' lander.",
        email="ceo@purewater-import.com",
        mail=None,
        label="fake",
        rationale=fake_why,
    )
    yield dead(
        "for_sale_afternic",
        "industrial-ro-systems.com",
        afternic_for_sale("industrial-ro-systems.com"),
        "for_sale",
        "Afternic/GoDaddy 'Get this domain' lander.",
        email="sales@industrial-ro-systems.com",
        mail=None,
        label="fake",
        rationale=fake_why,
    )
    yield dead(
        "for_sale_sedo_de",
        "wasserfilter-grosshandel.de",
        sedo_for_sale_de("wasserfilter-grosshandel.de"),
        "for_sale",
        "German Sedo 'Diese Domain steht zum Verkauf' page.",
        email="einkauf@wasserfilter-grosshandel.de",
        mail=None,
        label="fake",
        rationale=fake_why,
    )
    yield dead(
        "default_page_nginx_with_mail",
        "delta-pumps-trading.com",
        NGINX_DEFAULT,
        "hosting_default",
        "'Welcome to nginx!' default page, but the domain has Google Workspace mail.",
        email="info@delta-pumps-trading.com",
        mail="google",
        label="suspicious",
        rationale="Real mail hosting, yet no website: a new or shell company.",
    )
    yield Scenario(
        name="default_page_apache_no_mail",
        summary="'Apache2 Ubuntu Default Page: It works' at www; the address's domain (the "
        "apex) has no MX and no address record, so no mail server at all.",
        inquiry=_inquiry(
            "info@euro-aqua-supply.eu",
            "www.euro-aqua-supply.eu",
            company="Euro Aqua Supply",
            message=_GENERIC_SPAM,
        ),
        expect_label="fake",
        expect={
            "page_kind": "hosting_default",
            "default_page": True,
            "website_reachable": True,
            "mx": "none",
            "spf": False,
            "dmarc": False,
        },
        rationale=fake_why,
        tags=frozenset({"dead_site", "hosting_default"}),
        install=lambda w: w.add_site("www.euro-aqua-supply.eu", {"*": Page(APACHE_UBUNTU_DEFAULT)}),
    )
    yield dead(
        "suspended_cpanel",
        "aquaflow-tech.com",
        CPANEL_SUSPENDED,
        "suspended",
        "cPanel 'Account Suspended' page; mail still hosted on the same server.",
        email="sales@aquaflow-tech.com",
        mail="own",
        label="suspicious",
        rationale="The hosting account is suspended (unpaid?) but mail works.",
    )
    yield dead(
        "under_construction_de",
        "neue-wassertechnik.de",
        UNDER_CONSTRUCTION_DE,
        "under_construction",
        "German 'Website im Aufbau' placeholder with IONOS mail.",
        email="info@neue-wassertechnik.de",
        mail="ionos",
        label="suspicious",
    )
    yield dead(
        "coming_soon_es",
        "aguas-levante.es",
        COMING_SOON_ES,
        "under_construction",
        "Spanish 'Próximamente' placeholder with Google mail.",
        email="pedidos@aguas-levante.es",
        mail="google",
        label="suspicious",
    )
    yield dead(
        "under_construction_fr",
        "eau-pure-services.fr",
        UNDER_CONSTRUCTION_FR,
        "under_construction",
        "French 'Site en construction' placeholder, OVH mail.",
        email="contact@eau-pure-services.fr",
        mail="ovh",
        label="suspicious",
    )
    yield dead(
        "coming_soon_wordpress",
        "nextgen-aquafarm.com",
        COMING_SOON_WP,
        "under_construction",
        "WordPress 'Coming Soon' plugin page, Zoho mail.",
        email="founder@nextgen-aquafarm.com",
        mail="zoho_eu",
        label="suspicious",
    )

    # -- DNS faults --------------------------------------------------------------------------
    yield Scenario(
        name="dns_servfail_everything",
        summary="Every name under the domain SERVFAILs (think broken DNSSEC).",
        inquiry=_inquiry(
            "info@aquasysteme-nord.de",
            "www.aquasysteme-nord.de",
            company="AquaSysteme Nord GmbH",
            country="DE",
            message=_MESSAGES["de"],
        ),
        expect_label="unknown",
        expect={"mx": "unknown", "email_dns_error": "servfail", "website_dns_error": "servfail"},
        rationale="No check could run: unknown, never fake.",
        tags=frozenset({"dns_fault", "servfail"}),
        install=lambda w: w.add_domain("aquasysteme-nord.de", a=[w.address], fault="servfail"),
    )
    yield Scenario(
        name="dns_timeout_everything",
        summary="The domain's name servers never answer (queries time out).",
        inquiry=_inquiry(
            "vertrieb@wassertechnik-sued.de",
            "wassertechnik-sued.de",
            company="Wassertechnik Süd GmbH",
            country="DE",
            message=_MESSAGES["de"],
        ),
        expect_label="unknown",
        expect={"mx": "unknown", "email_dns_error": "timeout", "website_dns_error": "timeout"},
        tags=frozenset({"dns_fault", "timeout"}),
        slow=True,
        install=lambda w: w.add_domain("wassertechnik-sued.de", a=[w.address], fault="timeout"),
    )
    yield Scenario(
        name="dns_refused_everything",
        summary="Every query about the domain is REFUSED (lame delegation).",
        inquiry=_inquiry(
            "info@lame-delegation-aqua.com", "lame-delegation-aqua.com", message=_MESSAGES["en"]
        ),
        expect_label="unknown",
        expect={"mx": "unknown", "email_dns_error": "refused", "website_dns_error": "refused"},
        tags=frozenset({"dns_fault", "refused"}),
        install=lambda w: w.add_domain("lame-delegation-aqua.com", a=[w.address], fault="refused"),
    )

    def install_mixed(world: World) -> None:
        world.add_domain("gemischte-stoerung.de", a=[world.address])
        install_mail(world, "gemischte-stoerung.de", "ionos")
        world.set_fault("gemischte-stoerung.de", "timeout", rdtypes=["MX", "TXT"])
        world.set_fault("www.gemischte-stoerung.de", "servfail", rdtypes=["A", "AAAA"])
        world.add_domain("www.gemischte-stoerung.de", a=[world.address])

    yield Scenario(
        name="all_checks_fail_mixed",
        summary="One domain, two failures: its MX/TXT queries time out, its www host SERVFAILs.",
        inquiry=_inquiry(
            "info@gemischte-stoerung.de",
            "www.gemischte-stoerung.de",
            company="Gemischte Störung GmbH",
            country="DE",
            message=_MESSAGES["de"],
        ),
        expect_label="unknown",
        expect={"mx": "unknown", "email_dns_error": "timeout", "website_dns_error": "servfail"},
        rationale="Neither check could run: unknown.",
        tags=frozenset({"dns_fault"}),
        slow=True,
        install=install_mixed,
    )
    yield Scenario(
        name="nxdomain_everything",
        summary="Email and website at a domain that does not exist.",
        inquiry=_inquiry(
            "info@aquapure-solutions-gmbh.de",
            "www.aquapure-solutions-gmbh.de",
            company="AquaPure Solutions GmbH",
            country="DE",
            message=_GENERIC_SPAM,
        ),
        expect_label="fake",
        expect={
            "mx": "nxdomain",
            "email_domain_exists": False,
            "website_exists": False,
            "website_error": "nxdomain",
        },
        rationale="Neither the address nor the website can exist.",
        tags=frozenset({"nxdomain"}),
    )
    yield Scenario(
        name="email_typo_domain",
        summary="A typo'd free-mail domain (gmial.com) that does not exist; no website.",
        inquiry=_inquiry("john.smith@gmial.com", None, country="US", message=_GENERIC_SPAM),
        expect_label="fake",
        acceptable_labels=("suspicious",),
        expect={"mx": "nxdomain", "email_domain_exists": False, "typo_of": "gmail.com"},
        rationale="Mail to it bounces; a rep may still guess gmail.com, hence 'suspicious' is "
        "acceptable.",
        tags=frozenset({"nxdomain", "typo"}),
        install=install_providers,
    )
    nomail = small_company("nomail-industrietechnik.de", "Industrietechnik Nord GmbH")
    yield Scenario(
        name="null_mx_with_real_site",
        summary="The domain publishes a null MX (0 .) yet the lead writes from it; real site.",
        inquiry=_inquiry(
            "einkauf@nomail-industrietechnik.de",
            "nomail-industrietechnik.de",
            company=nomail.name,
            country="DE",
            message=_MESSAGES["de"],
        ),
        expect_label="suspicious",
        expect={
            **nomail.facts(),
            "mx": "null",
            "spf": True,
            "dmarc": True,
            "mail_provider": None,
            "relation": "same",
        },
        rationale="The domain says it accepts no mail (RFC 7505): the address cannot be "
        "answered, though the company is real.",
        tags=frozenset({"null_mx"}),
        install=_both(
            lambda w: install_company(w, nomail),
            lambda w: w.zone.replace(nomail.domain, "MX", ["0 ."]),
            lambda w: w.zone.replace(nomail.domain, "TXT", ['"v=spf1 -all"']),
        ),
    )
    implicit = small_company("kleinbetrieb-wasser.de", "Kleinbetrieb Wassertechnik", city="Kassel")
    yield Scenario(
        name="implicit_mx_a_record_only",
        summary="No MX, only an A record: mail goes to the A host (RFC 5321 implicit MX).",
        inquiry=_inquiry(
            "info@kleinbetrieb-wasser.de",
            "kleinbetrieb-wasser.de",
            company=implicit.name,
            country="DE",
            message=_MESSAGES["de"],
        ),
        expect_label="genuine",
        acceptable_labels=("suspicious",),
        expect={
            **implicit.facts(),
            "mx": "implicit",
            "spf": False,
            "dmarc": False,
            "mail_provider": None,
            "relation": "same",
        },
        rationale="A real company with an old-fashioned mail setup.",
        tags=frozenset({"implicit_mx"}),
        install=_both(
            lambda w: install_company(w, implicit),
            lambda w: w.zone.replace(implicit.domain, "MX", []),
            lambda w: w.zone.replace(implicit.domain, "TXT", []),
            lambda w: w.zone.replace(f"_dmarc.{implicit.domain}", "TXT", []),
        ),
    )
    yield Scenario(
        name="mail_domain_without_website",
        summary="MX, SPF and DMARC at the domain, but no address record for it or www.",
        inquiry=_inquiry(
            "j.becker@hanse-aqua-trading.de",
            None,
            company="Hanse Aqua Trading GmbH",
            country="DE",
            message=_MESSAGES["de"],
        ),
        expect_label="suspicious",
        expect={**_mail_facts("ionos"), "website_inferred": True, "website_exists": False},
        rationale="Mail works, but there is no company website to confirm who they are.",
        tags=frozenset({"no_website"}),
        install=lambda w: install_mail(w, "hanse-aqua-trading.de", "ionos"),
    )
    rhein = small_company("filtertechnik-rhein.de", "Filtertechnik Rhein GmbH", city="Köln")
    yield Scenario(
        name="mx_servfail_site_ok",
        summary="MX queries SERVFAIL (other types answer); the website is genuine.",
        inquiry=_inquiry(
            "vertrieb@filtertechnik-rhein.de",
            "filtertechnik-rhein.de",
            company=rhein.name,
            country="DE",
            message=_MESSAGES["de"],
        ),
        expect_label="genuine",
        acceptable_labels=("suspicious",),
        expect={
            **rhein.facts(),
            "mx": "unknown",
            "email_dns_error": "servfail",
            "relation": "same",
        },
        rationale="The email check could not run, but the matching website is real.",
        tags=frozenset({"dns_fault", "servfail"}),
        install=_both(
            lambda w: install_company(w, rhein),
            lambda w: w.set_fault(rhein.domain, "servfail", rdtypes=["MX"], subtree=False),
        ),
    )
    gross = small_company("grossanlagen-wasser.de", "Großanlagen Wassertechnik AG", city="Essen")
    yield Scenario(
        name="dns_truncated_udp",
        summary="Every UDP answer for the domain has TC set: the resolver must retry over TCP.",
        inquiry=_inquiry(
            "info@grossanlagen-wasser.de",
            "grossanlagen-wasser.de",
            company=gross.name,
            country="DE",
            message=_MESSAGES["de"],
        ),
        expect_label="genuine",
        expect={**gross.facts(), "relation": "same", "dns_tcp": True},
        tags=frozenset({"dns_tcp"}),
        install=_both(
            lambda w: install_company(w, gross), lambda w: w.set_fault(gross.domain, "truncate")
        ),
    )
    slowdns = small_company("langsam-dns-wasser.de", "Langsam Wassertechnik GmbH", city="Bremen")
    yield Scenario(
        name="dns_slow_answers",
        summary="Every DNS answer for the domain takes 1.5 s (still within any sane timeout).",
        inquiry=_inquiry(
            "info@langsam-dns-wasser.de",
            "langsam-dns-wasser.de",
            company=slowdns.name,
            country="DE",
            message=_MESSAGES["de"],
        ),
        expect_label="genuine",
        expect={**slowdns.facts(), "relation": "same"},
        tags=frozenset({"slow_dns"}),
        slow=True,
        install=_both(
            lambda w: install_company(w, slowdns),
            lambda w: w.set_fault(slowdns.domain, None, delay=1.5),
        ),
    )
    hydro = small_company(
        "hydro-cloud-solutions.com",
        "Hydro Cloud Solutions Ltd",
        lang="en",
        mail="microsoft",
        www=True,
        https_redirect=True,
    )

    def install_cname(world: World) -> None:
        install_company(world, hydro)
        host = hydro.host
        world.remove_domain(host)  # replace its A record with a CNAME chain (Azure style)
        world.add_domain(host, cname="hydro-cloud-solutions.azurewebsites.net")
        world.add_domain(
            "hydro-cloud-solutions.azurewebsites.net",
            cname="waws-prod-am2-317.sip.azurewebsites.windows.net",
        )
        world.add_domain("waws-prod-am2-317.sip.azurewebsites.windows.net", **world._host_records())  # type: ignore[arg-type]

    yield Scenario(
        name="website_behind_cname_chain",
        summary="www is a CNAME to a CNAME to an A record (cloud hosting).",
        inquiry=_inquiry(
            "sales@hydro-cloud-solutions.com",
            "www.hydro-cloud-solutions.com",
            company=hydro.name,
            country="GB",
            message=_MESSAGES["en"],
        ),
        expect_label="genuine",
        expect={**hydro.facts(), "relation": "same", "website_cname": True},
        tags=frozenset({"cname"}),
        install=install_cname,
    )
    yield Scenario(
        name="website_dangling_cname",
        summary="www is a CNAME to a deleted Heroku app (the target is NXDOMAIN); Google mail.",
        inquiry=_inquiry(
            "ops@oldsite-aqua.com",
            "www.oldsite-aqua.com",
            company="OldSite Aqua Inc.",
            country="US",
            message=_MESSAGES["en"],
        ),
        expect_label="suspicious",
        expect={**_mail_facts("google"), "website_exists": False, "website_error": "nxdomain"},
        rationale="Mail works but the website is gone.",
        tags=frozenset({"cname", "nxdomain"}),
        install=_both(
            lambda w: install_mail(w, "oldsite-aqua.com", "google"),
            lambda w: w.add_domain("www.oldsite-aqua.com", cname="oldsite-aqua.herokudns.com"),
        ),
    )

    # -- website faults ----------------------------------------------------------------------
    def site_fault(
        name: str,
        domain: str,
        company_name: str,
        summary: str,
        *,
        label: Label,
        acceptable: tuple[Label, ...] = (),
        tls: str = "valid",
        routes: Mapping[str, Route] | None = None,
        facts: Mapping[str, object] | None = None,
        slow: bool = False,
        rationale: str = "",
        lang: str = "de",
        http: str | None = None,
    ) -> Scenario:
        c = small_company(
            domain, company_name, lang=lang, mail="ionos" if lang == "de" else "google"
        )

        def install(world: World) -> None:
            install_company(world, c, tls=tls)
            if routes is not None or http is not None:
                site = world.sites.get(c.host)
                assert site is not None
                if routes is not None:
                    site.routes.update(routes)
                if http is not None:
                    site.http = http  # type: ignore[assignment]

        base = (
            c.facts()
            if routes is None
            else {
                k: v
                for k, v in c.facts().items()
                if k in ("mx", "mail_provider", "spf", "dmarc", "free_mail", "disposable")
            }
        )
        return Scenario(
            name=name,
            summary=summary,
            inquiry=_inquiry(
                c.emails[-1],
                f"https://{c.host}/",
                company=c.name,
                country=c.country,
                message=_MESSAGES[lang],
            ),
            expect_label=label,
            acceptable_labels=acceptable,
            expect={**base, "relation": "same", **(facts or {})},
            rationale=rationale,
            tags=frozenset({"site_fault"}),
            slow=slow,
            install=install,
        )

    yield site_fault(
        "tls_expired",
        "hydrotec-anlagenbau.de",
        "Hydrotec Anlagenbau GmbH",
        "A genuine site whose certificate expired 12 days ago.",
        label="genuine",
        tls="expired",
        facts={"tls_valid": False, "tls_error": "expired"},
        rationale="Small firms let certificates lapse; the page itself is real.",
    )
    yield site_fault(
        "tls_self_signed",
        "aqua-service-ost.de",
        "Aqua Service Ost GmbH",
        "A genuine site behind a self-signed certificate.",
        label="genuine",
        acceptable=("suspicious",),
        tls="self_signed",
        facts={"tls_valid": False, "tls_error": "self_signed"},
    )
    yield site_fault(
        "tls_wrong_host",
        "wasserwerk-technik.de",
        "Wasserwerk Technik GmbH",
        "A genuine site on shared hosting presenting the server's own certificate "
        f"({WRONG_HOST_NAME}).",
        label="genuine",
        acceptable=("suspicious",),
        tls="wrong_host",
        facts={"tls_valid": False, "tls_error": "wrong_host"},
    )
    yield site_fault(
        "https_missing_http_only",
        "brunnenbau-schwarz.de",
        "Brunnenbau Schwarz",
        "No HTTPS at all (the TLS handshake fails); plain HTTP serves the site.",
        label="genuine",
        tls="none",
        facts={
            "https": False,
            "tls_valid": None,
            "tls_error": "no_tls",
            "final_url": "http://brunnenbau-schwarz.de/",
        },
    )
    yield site_fault(
        "redirect_loop",
        "filtra-systems.com",
        "Filtra Systems Ltd",
        "/ redirects to /home which redirects back to /.",
        lang="en",
        label="suspicious",
        routes={"/": Redirect("/home", 302), "/home": Redirect("/", 302)},
        facts={"redirect_loop": True, "website_reachable": False},
    )
    chain: dict[str, Route] = {"/": Redirect("/step/1", 302)}
    for i in range(1, 10):
        chain[f"/step/{i}"] = Redirect(f"/step/{i + 1}", 302)
    chain["/step/10"] = Page("<title>Finally</title><p>You made it.</p>")
    yield site_fault(
        "too_many_redirects",
        "aquaredirect-group.com",
        "AquaRedirect Group",
        "A chain of 10 redirects before any page.",
        lang="en",
        label="suspicious",
        routes=chain,
        facts={"too_many_redirects": True, "website_reachable": False},
    )
    yield site_fault(
        "tarpit_drip",
        "slowdrip-water.com",
        "SlowDrip Water Ltd",
        "Headers arrive, then one byte per second forever.",
        lang="en",
        label="suspicious",
        routes={"/": Tarpit("drip"), "*": Tarpit("drip")},
        facts={"website_error": "timeout", "website_reachable": None},
        slow=True,
        rationale="Only the mail setup could be checked; nothing proves the company operates.",
    )
    yield site_fault(
        "tarpit_silent",
        "blackhole-aqua.com",
        "Blackhole Aqua Ltd",
        "The server accepts the connection and never answers.",
        lang="en",
        label="suspicious",
        routes={"/": Tarpit("silent"), "*": Tarpit("silent")},
        facts={"website_error": "timeout", "website_reachable": None},
        slow=True,
    )
    heavy = small_company(
        "catalog-heavy-pumps.com", "Heavy Pumps Catalogue Ltd", lang="en", mail="google"
    )
    yield site_fault(
        "huge_body",
        "catalog-heavy-pumps.com",
        "Heavy Pumps Catalogue Ltd",
        "A genuine page followed by 30 MB of catalogue (the client must stop reading).",
        lang="en",
        label="genuine",
        routes={"/": HugeBody(30_000_000, company_html(heavy).encode()[:-16])},
        facts={**heavy.facts(), "body_truncated": True},
    )
    yield site_fault(
        "gzip_bomb",
        "compressed-aqua.com",
        "Compressed Aqua Ltd",
        "A 50 KB gzip body that inflates to 50 MB of spaces.",
        lang="en",
        label="suspicious",
        routes={"/": GzipBomb(), "*": GzipBomb()},
        facts={"gzip_bomb": True, "body_truncated": True},
        rationale="Nothing readable, and the server is hostile.",
    )
    yield site_fault(
        "http_500",
        "pumpen-service-mitte.de",
        "Pumpen Service Mitte GmbH",
        "The home page answers 500 Internal Server Error.",
        label="suspicious",
        routes={"/": Page("<h1>500 Internal Server Error</h1>", status=500)},
        facts={"status": 500, "website_reachable": True},
    )
    yield site_fault(
        "root_404",
        "aqua-nordic-trade.com",
        "Aqua Nordic Trade AB",
        "The site root is a 404 page.",
        lang="en",
        label="suspicious",
        routes={"/": Page("<title>404 Not Found</title><h1>Not Found</h1>", 404)},
        facts={"status": 404, "website_reachable": True},
    )
    yield site_fault(
        "connection_reset",
        "aquaphase-engineering.com",
        "AquaPhase Engineering",
        "The server resets the connection after reading the request.",
        lang="en",
        label="suspicious",
        routes={"/": Reset(), "*": Reset()},
        http="none",
        facts={"website_error": "connect", "website_reachable": False},
    )
    patient = small_company("geduld-wassertechnik.de", "Geduld Wassertechnik GmbH")
    yield site_fault(
        "slow_site",
        "geduld-wassertechnik.de",
        "Geduld Wassertechnik GmbH",
        "The home page takes 2 s to answer (well within the timeout).",
        label="genuine",
        routes={"/": Delayed(2.0, Page(company_html(patient), gzip=True))},
        facts={**patient.facts()},
        slow=True,
    )

    # -- security ----------------------------------------------------------------------------
    def private(name: str, domain: str, ip: str, summary: str, *, leaves: bool) -> Scenario:
        return Scenario(
            name=name,
            summary=summary,
            inquiry=_inquiry(f"it@{domain}", f"https://{domain}/", message=_MESSAGES["en"]),
            expect_label="suspicious",
            acceptable_labels=("unknown",),
            expect={**_mail_facts("google"), "refused": True, "refused_address": ip},
            rationale="A public company's website never resolves to a private address: do not "
            "fetch it (without --allow-private), and do not trust it.",
            tags=frozenset({"security", "ssrf"}),
            leaves_loopback_with_allow_private=leaves,
            requires_no_allow_private=True,
            install=_both(
                lambda w: install_mail(w, domain, "google"), lambda w: w.add_domain(domain, a=[ip])
            ),
        )

    yield private(
        "ssrf_name_to_private_10",
        "intranet-aquatech-group.com",
        "10.0.0.5",
        "A public-looking name that resolves to 10.0.0.5.",
        leaves=True,
    )
    yield private(
        "ssrf_name_to_metadata",
        "metadata-aqua-cloud.com",
        "169.254.169.254",
        "A public-looking name that resolves to the cloud metadata address.",
        leaves=True,
    )
    yield private(
        "ssrf_name_to_loopback",
        "localhost-wasser.de",
        "127.0.0.1",
        "A public-looking name that resolves to 127.0.0.1.",
        leaves=False,
    )

    def redirecting(name: str, domain: str, target: str, summary: str, *, leaves: bool) -> Scenario:
        c = small_company(domain, domain.split(".")[0].title(), lang="en", mail="google")

        def install(world: World) -> None:
            install_company(world, c)
            world.add_site(domain, {"/": Redirect(target, 302), "*": Redirect(target, 302)})
            admin = Page("<title>Internal admin</title><p>INTERNAL-ADMIN secret-token-4711</p>")
            world.add_site(world.address, {"/admin/": admin, "*": admin}, dns=False)

        return Scenario(
            name=name,
            summary=summary,
            inquiry=_inquiry(f"sales@{domain}", f"https://{domain}/", message=_MESSAGES["en"]),
            expect_label="suspicious",
            acceptable_labels=("unknown",),
            expect={
                **_mail_facts("google"),
                "refused": True,
                "redirected_to_private": True,
                "never_fetched": target,
            },
            rationale="A redirect into private address space is an attack on the checker.",
            tags=frozenset({"security", "ssrf", "redirect"}),
            leaves_loopback_with_allow_private=leaves,
            requires_no_allow_private=True,
            install=install,
        )

    yield redirecting(
        "ssrf_redirect_to_loopback",
        "redirect-internal-aqua.com",
        "http://{http_origin}/admin/",
        "A public site redirects to http://<world address>:<port>/admin/ (the "
        "world serves an 'INTERNAL-ADMIN' page there, so a leak is visible).",
        leaves=False,
    )
    yield redirecting(
        "ssrf_redirect_to_metadata",
        "cloud-redirect-aqua.com",
        "http://169.254.169.254/latest/meta-data/",
        "A public site redirects to the cloud metadata endpoint.",
        leaves=True,
    )

    evil = small_company(
        "terminal-injection-aqua.com", "Terminal Injection Ltd", lang="en", mail="google"
    )
    evil_title = "\x1b[31mURGENT\x1b[0m \x1b]0;pwned\x07[bold red]Order[/bold red] [link=https://evil.example/]click[/link]"

    def install_evil(world: World) -> None:
        install_company(world, evil)
        site = world.sites.get(evil.host)
        assert site is not None
        site.routes["/"] = Page(company_html(evil, title=evil_title))

    yield Scenario(
        name="terminal_escape_in_title",
        summary="The page <title> carries ANSI/OSC escape sequences and rich markup.",
        inquiry=_inquiry(
            f"sales@{evil.domain}",
            f"https://{evil.domain}/",
            company="\x1b[2J[blink]Terminal Injection Ltd[/blink]",
            message="Hello \x1b[31mred\x1b[0m [bold]friend[/bold]",
        ),
        expect_label="suspicious",
        acceptable_labels=("genuine",),
        expect={
            **_mail_facts("google"),
            "raw_title": evil_title,
            "title_has_control_chars": True,
            "relation": "same",
        },
        rationale="Output must show these as text, never interpret them; a company that ships "
        "escape codes in its title is not one to trust blindly.",
        tags=frozenset({"security", "output_safety"}),
        install=install_evil,
    )

    # -- look-alikes -------------------------------------------------------------------------
    yield Scenario(
        name="lookalike_email_one_letter",
        summary="Email at aquatech-waser.de (one 's' less) naming the real aquatech-wasser.de.",
        inquiry=_inquiry(
            "m.schneider@aquatech-waser.de",
            "https://www.aquatech-wasser.de/",
            company=AQUATECH.name,
            contact="Markus Schneider",
            country="DE",
            message=_MESSAGES["de"],
        ),
        expect_label="fake",
        acceptable_labels=("suspicious",),
        expect={
            **aq,
            **_mail_facts("privateemail"),
            "relation": "lookalike",
            "email_on_website": False,
        },
        rationale="A registered look-alike with working mail is the classic impersonation "
        "(BEC) set-up.",
        tags=frozenset({"lookalike", "impersonation"}),
        install=_both(
            _company_installer(AQUATECH),
            lambda w: install_mail(w, "aquatech-waser.de", "privateemail"),
        ),
    )
    yield Scenario(
        name="lookalike_email_rn_for_m",
        summary="Email at acuicultura-delrnar.es ('rn' for 'm') naming acuicultura-delmar.es.",
        inquiry=_inquiry(
            "compras@acuicultura-delrnar.es",
            "acuicultura-delmar.es",
            company=DELMAR.name,
            contact="Lucía Fernández",
            country="ES",
            message=_MESSAGES["es"],
        ),
        expect_label="fake",
        acceptable_labels=("suspicious",),
        expect={
            **DELMAR.facts(),
            **_mail_facts("hostinger"),
            "relation": "lookalike",
            "email_on_website": False,
        },
        tags=frozenset({"lookalike", "impersonation"}),
        install=_both(
            _company_installer(DELMAR),
            lambda w: install_mail(w, "acuicultura-delrnar.es", "hostinger"),
        ),
    )
    clone = Company(
        **{
            **AQUATECH.__dict__,
            "domain": "aquatech-waser.de",
            "emails": ("info@aquatech-waser.de",),
            "mail": "privateemail",
            "imprint": None,
            "whatsapp": "447700900123",
            "phones": (("+447700900123", "+44 7700 900123"),),
        }
    )
    yield Scenario(
        name="lookalike_cloned_website",
        summary="Email and website both at the look-alike aquatech-waser.de, whose site is a "
        "copy of the real one with the contacts swapped (a UK mobile number).",
        inquiry=_inquiry(
            "info@aquatech-waser.de",
            "www.aquatech-waser.de",
            company=AQUATECH.name,
            country="DE",
            message=_MESSAGES["de"],
        ),
        expect_label="suspicious",
        acceptable_labels=("genuine", "fake"),
        expect={**clone.facts(), "relation": "same", "clone_of": "aquatech-wasser.de"},
        rationale="Only knowledge of the real company reveals it (a German firm with a UK "
        "mobile, no imprint): hard; any label is defensible without that knowledge.",
        tags=frozenset({"lookalike", "hard"}),
        install=_both(_company_installer(AQUATECH), _company_installer(clone)),
    )
    yield Scenario(
        name="unrelated_domains",
        summary="Email at one real company, website of another, unrelated real company.",
        inquiry=_inquiry(
            "j.miller@clearflow-industrial.com",
            "acuicultura-delmar.es",
            company="Acuicultura del Mar",
            message=_MESSAGES["en"],
        ),
        expect_label="suspicious",
        expect={**_mail_facts("microsoft"), "relation": "differ", "email_on_website": False},
        tags=frozenset({"match"}),
        install=_both(_company_installer(CLEARFLOW), _company_installer(DELMAR)),
    )


# ------------------------------------------------------------------------------------------
# Verdicts a rep can act on (issue 10): a broken network, domain age, brand impersonation,
# cloned sites, phishing lures, unfilled templates, bot walls, groups, and the wrong
# answers the first version gave. Every page below is written for this catalogue.
# ------------------------------------------------------------------------------------------
_FIRM_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "title": "{name} – UV disinfection and water treatment, {city}",
        "description": "{name} designs, supplies and services UV disinfection units, filters "
        "and dosing systems for drinking water, process water and aquaculture.",
        "h1": "Clean water, safely disinfected",
        "intro": "Since {year}, {name} has supplied UV reactors, cartridge filters and "
        "control panels to utilities, food plants and fish farms from our base in {city}.",
        "s1": "UV disinfection|Stainless-steel UV reactors from 1 to 400 m³/h with sensors, "
        "wipers and spare lamps held in stock.",
        "s2": "Filtration|Multimedia, carbon and cartridge filters sized for your flow and "
        "water analysis.",
        "s3": "Service|Lamp changes, sensor calibration and maintenance contracts with a "
        "48-hour response.",
        "about": "Our team of engineers answers your enquiry within one working day. "
        "Call us on {phone}.",
    },
    "es": {
        "title": "{name} – Desinfección UV y tratamiento de agua en {city}",
        "description": "{name} diseña y suministra equipos de desinfección ultravioleta, "
        "filtración y dosificación para agua potable, riego y acuicultura.",
        "h1": "Agua limpia y desinfectada sin químicos",
        "intro": "Desde {year}, {name} instala reactores UV, filtros y sistemas de "
        "dosificación para ayuntamientos, industria alimentaria y granjas acuícolas en {city}.",
        "s1": "Desinfección UV|Reactores de acero inoxidable de 1 a 300 m³/h con sensor de "
        "intensidad y lámparas de repuesto en stock.",
        "s2": "Filtración|Filtros de arena, carbón activo y cartucho dimensionados según el "
        "análisis de su agua.",
        "s3": "Servicio técnico|Cambio de lámparas, calibración y contratos de mantenimiento "
        "en toda la región.",
        "about": "Nuestro equipo responde a su consulta en un día laborable. Llámenos al {phone}.",
    },
    "fr": {
        "title": "{name} – Désinfection UV et traitement de l'eau, {city}",
        "description": "{name} conçoit et installe des réacteurs UV, des filtres et des "
        "stations de dosage pour l'eau potable, l'industrie et l'aquaculture.",
        "h1": "Une eau propre, désinfectée sans chimie",
        "intro": "Depuis {year}, {name} équipe les collectivités, les industries "
        "agroalimentaires et les piscicultures de la région de {city}.",
        "s1": "Désinfection UV|Réacteurs inox de 1 à 250 m³/h avec capteur d'intensité et "
        "lampes de rechange en stock.",
        "s2": "Filtration|Filtres multicouches, charbon actif et cartouches adaptés à votre "
        "analyse d'eau.",
        "s3": "Maintenance|Remplacement des lampes, étalonnage et contrats d'entretien.",
        "about": "Notre bureau d'études vous répond sous 24 heures ouvrées : {phone}.",
    },
    "de": {
        "title": "{name} – UV-Desinfektion und Wasseraufbereitung in {city}",
        "description": "{name} plant, liefert und wartet UV-Anlagen, Filter und "
        "Dosiertechnik für Trinkwasser, Prozesswasser und Fischzucht.",
        "h1": "Sauberes Wasser, sicher entkeimt",
        "intro": "Seit {year} liefert die {name} UV-Reaktoren, Filteranlagen und "
        "Steuerungen an Stadtwerke, Lebensmittelbetriebe und Aquakulturen rund um {city}.",
        "s1": "UV-Desinfektion|Edelstahl-UV-Reaktoren von 1 bis 350 m³/h mit UV-Sensor, "
        "Wischer und Ersatzstrahlern ab Lager.",
        "s2": "Filtertechnik|Mehrschicht-, Aktivkohle- und Kerzenfilter nach Ihrer Wasseranalyse.",
        "s3": "Service|Strahlerwechsel, Sensorkalibrierung und Wartungsverträge mit 48-Stunden-"
        "Reaktionszeit.",
        "about": "Unser Ingenieurteam beantwortet Ihre Anfrage innerhalb eines Werktags. "
        "Telefon: {phone}.",
    },
    "it": {
        "title": "{name} – Disinfezione UV e trattamento acque a {city}",
        "description": "{name} progetta e fornisce sistemi di disinfezione a raggi UV, "
        "filtrazione e dosaggio per acqua potabile, industria e acquacoltura.",
        "h1": "Acqua pulita, disinfettata senza chimica",
        "intro": "Dal {year} {name} installa reattori UV e impianti di filtrazione per "
        "comuni, aziende alimentari e allevamenti ittici nella zona di {city}.",
        "s1": "Disinfezione UV|Reattori in acciaio inox da 1 a 200 m³/h con sensore UV e "
        "lampade di ricambio a magazzino.",
        "s2": "Filtrazione|Filtri a sabbia, carbone attivo e cartuccia dimensionati sulla "
        "vostra analisi.",
        "s3": "Assistenza|Sostituzione lampade, taratura sensori e contratti di manutenzione.",
        "about": "Il nostro ufficio tecnico risponde entro un giorno lavorativo: {phone}.",
    },
    "pt-BR": {
        "title": "{name} – Desinfecção UV e tratamento de água em {city}",
        "description": "{name} projeta e fornece reatores UV, filtros e sistemas de dosagem "
        "para água potável, indústria e aquicultura.",
        "h1": "Água limpa, desinfetada sem produtos químicos",
        "intro": "Desde {year}, a {name} atende prefeituras, indústrias de alimentos e "
        "fazendas de peixes em {city} e em todo o Brasil.",
        "s1": "Desinfecção UV|Reatores em aço inox de 1 a 200 m³/h com sensor e lâmpadas de "
        "reposição em estoque.",
        "s2": "Filtração|Filtros de areia, carvão ativado e cartucho sob medida.",
        "s3": "Assistência técnica|Troca de lâmpadas, calibração e contratos de manutenção.",
        "about": "Nossa equipe responde em até um dia útil. Ligue {phone}.",
    },
    "tr": {
        "title": "{name} – UV Dezenfeksiyon ve Su Arıtma, {city}",
        "description": "{name}; içme suyu, proses suyu ve balık çiftlikleri için UV "
        "dezenfeksiyon, filtrasyon ve dozajlama sistemleri tasarlar ve kurar.",
        "h1": "Kimyasalsız dezenfekte edilmiş temiz su",
        "intro": "{name}, {year} yılından bu yana {city} merkezli olarak belediyelere ve "
        "gıda tesislerine UV reaktörleri ve filtre sistemleri sağlamaktadır.",
        "s1": "UV Dezenfeksiyon|Saatte 1 ila 250 m³ kapasiteli paslanmaz çelik UV reaktörleri.",
        "s2": "Filtrasyon|Kum, aktif karbon ve kartuş filtreler.",
        "s3": "Servis|Lamba değişimi, sensör kalibrasyonu ve bakım sözleşmeleri.",
        "about": "Teknik ekibimiz bir iş günü içinde yanıt verir. Tel: {phone}.",
    },
    "ru": {
        "title": "{name} – УФ-обеззараживание и водоподготовка, {city}",
        "description": "{name} проектирует и поставляет установки УФ-обеззараживания, "
        "фильтры и системы дозирования для питьевой воды и рыбоводства.",
        "h1": "Чистая вода без химии",
        "intro": "С {year} года {name} оснащает водоканалы, пищевые производства и "
        "рыбные хозяйства в регионе {city}.",
        "s1": "УФ-обеззараживание|Установки из нержавеющей стали от 1 до 300 м³/ч с датчиком "
        "и запасными лампами на складе.",
        "s2": "Фильтрация|Засыпные, угольные и картриджные фильтры по вашему анализу воды.",
        "s3": "Сервис|Замена ламп, калибровка датчиков, договоры обслуживания.",
        "about": "Инженеры ответят на запрос в течение рабочего дня. Телефон: {phone}.",
    },
    "zh-CN": {
        "title": "{name} - 紫外线消毒设备 | 水处理工程 | {city}",
        "description": "{name}专业生产紫外线消毒器、过滤设备和加药系统，服务自来水厂、食品厂和水产养殖。",
        "h1": "专业紫外线消毒与水处理解决方案",
        "intro": "{name}成立于{year}年，总部位于{city}，为客户提供紫外线消毒器、过滤器及水处理工程服务。",
        "s1": "紫外线消毒器|不锈钢过流式紫外线消毒器，处理量1至300吨/小时，配紫外强度传感器。",
        "s2": "过滤设备|石英砂过滤器、活性炭过滤器和精密过滤器。",
        "s3": "售后服务|灯管更换、传感器校准和年度维护合同。",
        "about": "我们的工程师将在一个工作日内回复您的询盘。销售热线：{phone}。",
    },
    "vi": {
        "title": "{name} – Thiết bị khử trùng UV và xử lý nước tại {city}",
        "description": "{name} cung cấp đèn UV diệt khuẩn, bộ lọc và hệ thống châm hóa chất "
        "cho nước sinh hoạt, nhà máy thực phẩm và nuôi trồng thủy sản.",
        "h1": "Nước sạch, khử trùng an toàn",
        "intro": "Từ năm {year}, {name} lắp đặt hệ thống khử trùng UV và lọc nước cho các "
        "nhà máy và trang trại tại {city}.",
        "s1": "Khử trùng UV|Thiết bị UV inox công suất 1 đến 150 m³/giờ, có cảm biến cường độ.",
        "s2": "Lọc nước|Cột lọc cát, than hoạt tính và lõi lọc tinh.",
        "s3": "Bảo trì|Thay bóng đèn, hiệu chuẩn cảm biến và hợp đồng bảo trì.",
        "about": "Đội ngũ kỹ sư phản hồi yêu cầu trong một ngày làm việc. Hotline: {phone}.",
    },
    "ar": {
        "title": "{name} – أنظمة التعقيم بالأشعة فوق البنفسجية ومعالجة المياه، {city}",
        "description": "{name} تصمم وتورد أجهزة التعقيم بالأشعة فوق البنفسجية والفلاتر "
        "وأنظمة الحقن لمياه الشرب والصناعة والاستزراع السمكي.",
        "h1": "مياه نظيفة معقمة بدون مواد كيميائية",
        "intro": "منذ عام {year} تقدم {name} حلول التعقيم والترشيح للبلديات ومصانع الأغذية في {city}.",
        "s1": "التعقيم بالأشعة فوق البنفسجية|مفاعلات من الفولاذ المقاوم للصدأ بسعة من 1 إلى 300 م³/ساعة.",
        "s2": "الترشيح|فلاتر رملية وكربونية وخراطيش دقيقة.",
        "s3": "الصيانة|استبدال المصابيح ومعايرة الحساسات وعقود الصيانة.",
        "about": "يرد فريقنا الهندسي على استفساركم خلال يوم عمل واحد. هاتف: {phone}.",
    },
}


def firm(
    domain: str,
    name: str,
    lang: str,
    country: str,
    *,
    city: str,
    address: tuple[str, ...],
    phone: tuple[str, str],
    emails: tuple[str, ...] = (),
    mail: str = "google",
    year: int = 2007,
    www: bool = True,
    extra_emails: tuple[str, ...] = (),
) -> Company:
    """A real-looking UV and water-treatment firm, its site in ``lang``."""
    text = _FIRM_TEXT[lang]
    values = {"name": name, "city": city, "year": str(year), "phone": phone[1]}
    sections = tuple(tuple(text[key].format(**values).split("|", 1)) for key in ("s1", "s2", "s3"))
    return Company(
        domain=domain,
        name=name,
        lang=lang,
        country=country,
        title=text["title"].format(**values),
        description=text["description"].format(**values),
        h1=text["h1"].format(**values),
        intro=text["intro"].format(**values),
        sections=sections,  # type: ignore[arg-type]
        about=text["about"].format(**values),
        address=address,
        phones=(phone,),
        emails=(*(emails or (f"info@{_ace(domain)}",)), *extra_emails),
        mail=mail,
        fit="core",
        industry="water_treatment",
        www=www,
        https_redirect=True,
    )


def site_facts(c: Company, **extra: object) -> dict[str, object]:
    """What the check must find about a firm's mail and site (fit and phones left out:
    they are the other stages' business)."""
    facts = {
        key: value for key, value in c.facts().items() if key not in ("fit", "industry", "contacts")
    }
    facts["contacts"] = {"emails": list(c.emails)}
    facts.update(extra)
    return facts


def registered(domain: str, days: int | None, quirk: str = "none") -> Callable[[World], object]:
    """The registry says ``domain`` was registered ``days`` ago (None: no registration event)."""
    return lambda world: world.set_registration(domain, days, quirk=quirk)  # type: ignore[arg-type]


def firm_inquiry(
    c: Company, email: str, message: str, **extra: str | None
) -> dict[str, str | None]:
    fields: dict[str, str | None] = {
        "phone": c.phones[0][1],
        "country": c.country,
        "company": c.name,
        "message": message,
    }
    fields.update(extra)
    website = fields.pop("website", c.host)
    return _inquiry(email, website, **fields)  # type: ignore[arg-type]


# -- companies of this part of the catalogue -----------------------------------------------
NORDIC_UV = firm(
    "nordic-uvtech.com",
    "Nordic UV Tech AB",
    "en",
    "SE",
    city="Göteborg",
    address=("Lindholmspiren 7", "417 56 Göteborg", "Sweden"),
    phone=("+46317654321", "+46 31 765 43 21"),
    emails=("sales@nordic-uvtech.com",),
    year=2004,
)
UVPURE_NEW = firm(
    "uvpure-trading.com",
    "UVPure Trading LLC",
    "en",
    "US",
    city="Houston",
    address=("8800 Westpark Dr, Suite 210", "Houston, TX 77063", "USA"),
    phone=("+17135550148", "+1 713 555 0148"),
    emails=("purchasing@uvpure-trading.com",),
    year=2024,
    mail="microsoft",
)
PACIFICO_NEW = firm(
    "aguas-pacifico-import.com",
    "Aguas del Pacífico Importaciones S.A. de C.V.",
    "es",
    "MX",
    city="Guadalajara",
    address=("Av. Vallarta 3233, Piso 4", "44690 Guadalajara, Jal.", "México"),
    phone=("+523336151234", "33 3615 1234"),
    emails=("compras@aguas-pacifico-import.com",),
    year=2025,
    mail="google",
)
EAU_CLAIRE = firm(
    "eauclaire-traitement.fr",
    "Eau Claire Traitement SARL",
    "fr",
    "FR",
    city="Nantes",
    address=("14 rue de la Tannerie", "44000 Nantes", "France"),
    phone=("+33240123456", "02 40 12 34 56"),
    emails=("devis@eauclaire-traitement.fr",),
    year=2025,
    mail="ovh",
)
HIGHLAND_UV = firm(
    "highland-water-uv.co.uk",
    "Highland Water UV Ltd",
    "en",
    "GB",
    city="Inverness",
    address=("Unit 12, Longman Industrial Estate", "Inverness IV1 1SU", "United Kingdom"),
    phone=("+441463712345", "01463 712345"),
    emails=("sales@highland-water-uv.co.uk",),
    year=2011,
)
GANGA_AQUA = firm(
    "gangaaqua-systems.in",
    "Ganga Aqua Systems Pvt. Ltd.",
    "en",
    "IN",
    city="Ahmedabad",
    address=("Plot 112, GIDC Vatva", "Ahmedabad, Gujarat 382445", "India"),
    phone=("+917926581234", "+91 79 2658 1234"),
    emails=("export@gangaaqua-systems.in",),
    year=2009,
    mail="zoho_in",
)
PANTANAL = firm(
    "pantanal-piscicultura.com.br",
    "Pantanal Piscicultura Ltda.",
    "pt-BR",
    "BR",
    city="Campo Grande",
    address=("Rua 14 de Julho, 3120", "Campo Grande – MS, 79002-333", "Brasil"),
    phone=("+556733214567", "(67) 3321-4567"),
    emails=("compras@pantanal-piscicultura.com.br",),
    year=2006,
    mail="locaweb",
)
DELTA_AQUA_NET = firm(
    "deltaaqua-solutions.net",
    "Delta Aqua Solutions FZE",
    "en",
    "AE",
    city="Sharjah",
    address=("SAIF Zone, Q4-112", "Sharjah", "United Arab Emirates"),
    phone=("+97165571234", "+971 6 557 1234"),
    emails=("procurement@deltaaqua-solutions.net",),
    year=2025,
    mail="microsoft",
)
RHEIN_NEU = firm(
    "rheinwasser-technik.de",
    "Rheinwasser Technik GmbH",
    "de",
    "DE",
    city="Düsseldorf",
    address=("Kaistraße 18", "40221 Düsseldorf", "Deutschland"),
    phone=("+492115448870", "0211 5448870"),
    emails=("anfrage@rheinwasser-technik.de",),
    year=2025,
    mail="ionos",
)
CASCADE_ORG = firm(
    "cascade-water-cooperative.org",
    "Cascade Water Cooperative",
    "en",
    "US",
    city="Portland",
    address=("2150 NW Front Ave", "Portland, OR 97209", "USA"),
    phone=("+15035550162", "+1 503 555 0162"),
    emails=("operations@cascade-water-cooperative.org",),
    year=1998,
)
BAVARIA_PROTECTED = firm(
    "bayern-uvsysteme.de",
    "Bayern UV-Systeme GmbH",
    "de",
    "DE",
    city="Regensburg",
    address=("Im Gewerbepark D 40", "93059 Regensburg", "Deutschland"),
    phone=("+499414612345", "0941 4612345"),
    emails=("vertrieb@bayern-uvsysteme.de",),
    year=2001,
    mail="microsoft",
)
LOMBARDIA_PROTECTED = firm(
    "acque-lombarde.it",
    "Acque Lombarde S.p.A.",
    "it",
    "IT",
    city="Brescia",
    address=("Via Triumplina 120", "25123 Brescia (BS)", "Italia"),
    phone=("+390302123456", "030 212 3456"),
    emails=("acquisti@acque-lombarde.it",),
    year=1995,
    mail="aruba",
)
TEXAS_PROTECTED = firm(
    "lonestar-aquaculture.com",
    "Lone Star Aquaculture Inc.",
    "en",
    "US",
    city="Corpus Christi",
    address=("4410 Ocean Dr", "Corpus Christi, TX 78412", "USA"),
    phone=("+13615550190", "+1 361 555 0190"),
    emails=("buying@lonestar-aquaculture.com",),
    year=2003,
    mail="microsoft",
)
MINAS_PROTECTED = firm(
    "minas-saneamento.com.br",
    "Minas Saneamento Ltda.",
    "pt-BR",
    "BR",
    city="Belo Horizonte",
    address=("Av. Afonso Pena, 4000", "Belo Horizonte – MG, 30130-009", "Brasil"),
    phone=("+553132123456", "(31) 3212-3456"),
    emails=("suprimentos@minas-saneamento.com.br",),
    year=1999,
    mail="locaweb",
)
LYON_CDN = firm(
    "rhone-aquatique.fr",
    "Rhône Aquatique SAS",
    "fr",
    "FR",
    city="Lyon",
    address=("27 quai Perrache", "69002 Lyon", "France"),
    phone=("+33478123456", "04 78 12 34 56"),
    emails=("achats@rhone-aquatique.fr",),
    year=2008,
    mail="ovh",
)
HANGZHOU_PROTECTED = firm(
    "hzqingyuan-water.com.cn",
    "杭州清源水处理设备有限公司",
    "zh-CN",
    "CN",
    city="杭州",
    address=("浙江省杭州市余杭区文一西路1500号", "邮编 311121", "中国"),
    phone=("+8657188561234", "0571-8856 1234"),
    emails=("sales@hzqingyuan-water.com.cn",),
    year=2010,
    mail="tencent",
)
SAIGON_GROUP = firm(
    "nuocsachsaigonxanh.vn",
    "Công ty CP Nước Sạch Sài Gòn Xanh",
    "vi",
    "VN",
    city="TP. Hồ Chí Minh",
    address=("Số 88 Nguyễn Văn Linh, Quận 7", "TP. Hồ Chí Minh", "Việt Nam"),
    phone=("+842837761234", "(028) 3776 1234"),
    emails=("info@nuocsachsaigonxanh.vn",),
    extra_emails=("kinhdoanh@saigonxanh-group.vn",),
    year=2012,
    mail="own",
)
SHAKTI_GROUP = firm(
    "shaktiaqua.in",
    "Shakti Aqua Engineering",
    "en",
    "IN",
    city="Chennai",
    address=("No. 41, SIDCO Industrial Estate, Guindy", "Chennai 600032", "India"),
    phone=("+914422501234", "+91 44 2250 1234"),
    emails=("info@shaktiaqua.in",),
    extra_emails=("purchase@shakti-industries-group.com",),
    year=2005,
    mail="zoho_in",
)
MIRROR_BRAND = firm(
    "uv-reinwasser.de",
    "UV-Reinwasser (eine Marke der AquaTech Wassertechnik GmbH)",
    "de",
    "DE",
    city="Stuttgart",
    address=("Industriestraße 14", "70565 Stuttgart", "Deutschland"),
    phone=("+497112589340", "0711 2589340"),
    emails=("uv@aquatech-wasser.de",),
    year=2019,
)
LAHN_DEEP = firm(
    "pumpentechnik-lahn.de",
    "Pumpentechnik Lahn GmbH",
    "de",
    "DE",
    city="Gießen",
    address=("Schiffenberger Weg 110", "35394 Gießen", "Deutschland"),
    phone=("+49641970123", "0641 970123"),
    emails=("info@pumpentechnik-lahn.de",),
    mail="ionos",
)
KLEIN_BARE = firm(
    "kleinfirma-uvwasser.de",
    "Kleinfirma UV-Wasser e.K.",
    "de",
    "DE",
    city="Kassel",
    address=("Holländische Straße 60", "34127 Kassel", "Deutschland"),
    phone=("+49561812345", "0561 812345"),
    emails=("info@kleinfirma-uvwasser.de",),
    www=False,
    mail="ionos",
)
SEGURA_WWW = firm(
    "aguas-segura.es",
    "Aguas del Segura S.L.",
    "es",
    "ES",
    city="Murcia",
    address=("Polígono Oeste, Calle 5, Nave 12", "30169 Murcia", "España"),
    phone=("+34968123456", "968 12 34 56"),
    emails=("comercial@aguas-segura.es",),
)
REAL_WITH_LOREM = firm(
    "schwarzwald-aqua.de",
    "Schwarzwald Aqua GmbH",
    "de",
    "DE",
    city="Offenburg",
    address=("Hauptstraße 101", "77652 Offenburg", "Deutschland"),
    phone=("+497819191234", "0781 9191234"),
    emails=("kontakt@schwarzwald-aqua.de",),
    year=1996,
    mail="ionos",
)
PLATFORM_BUYER = firm(
    "nile-aquafarms.com.eg",
    "Nile Aqua Farms S.A.E.",
    "ar",
    "EG",
    city="الإسكندرية",
    address=("المنطقة الصناعية، برج العرب", "الإسكندرية", "مصر"),
    phone=("+2034591234", "+20 3 459 1234"),
    emails=("procurement@nile-aquafarms.com.eg",),
    year=2010,
    mail="microsoft",
)


# -- pages that are not the company's own ----------------------------------------------------
CLOUDFLARE_CHALLENGE = """<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="robots" content="noindex,nofollow">
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>*{box-sizing:border-box;margin:0;padding:0}html{line-height:1.15}</style>
</head><body><div class="main-wrapper" role="main"><div class="main-content">
<noscript><div class="h2"><span id="challenge-error-text">Enable JavaScript and cookies to
continue</span></div></noscript></div></div>
<script>(function(){window._cf_chl_opt={cvId:'3',cZone:"{zone}",cType:'managed'};
var a=document.createElement('script');a.src='/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1?ray=8f3e2a1b0c9d7e6f';
document.getElementsByTagName('head')[0].appendChild(a);}());</script></body></html>
"""
CLOUDFLARE_HEADERS = (
    ("Server", "cloudflare"),
    ("CF-RAY", "8f3e2a1b0c9d7e6f-FRA"),
    ("cf-mitigated", "challenge"),
    ("Cache-Control", "private, max-age=0, no-store, no-cache, must-revalidate"),
)
CLOUDFLARE_LEGACY_503 = """<!DOCTYPE HTML><html lang="it"><head><title>Attendere prego</title>
<meta name="robots" content="noindex, nofollow"></head><body>
<table width="100%" height="100%"><tr><td align="center" valign="middle">
<div class="cf-browser-verification cf-im-under-attack">
<h1><span>Checking your browser before accessing</span> {zone}.</h1>
<p>This process is automatic. Your browser will redirect to your requested content shortly.</p>
<p>Please allow up to 5 seconds&hellip;</p></div>
<div class="attribution">DDoS protection by <a href="https://www.cloudflare.com/">Cloudflare</a>
<br>Ray ID: 7a1b2c3d4e5f6a7b</div></td></tr></table></body></html>
"""
AWS_WAF_CHALLENGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title></title>
<script src="https://3f1a8c2b9d4e.e8f1a2b3c4d5.us-east-1.token.awswaf.com/3f1a8c2b9d4e/challenge.js"></script>
</head><body><div id="challenge-container"></div><noscript><h1>JavaScript is disabled</h1>
In order to continue, we need to verify that you're not a robot.</noscript>
<script>AwsWafIntegration.checkForceRefresh().then(function(r){if(r){window.location.reload(true);}});</script>
</body></html>
"""
ALIYUN_WAF_BLOCK = """<!doctype html><html><head><meta charset="utf-8"><title>405</title></head>
<body><div class="block-wrap"><img src="https://errors.aliyun.com/images/TB1TpamHpXXXXaJXXXXeB7nYVXX-104-162.png" alt="">
<p>很抱歉，由于您访问的URL有可能对网站造成安全威胁，您的访问被阻断。</p>
<p>Sorry, your request has been blocked as it may cause potential threats to the server's security.</p>
<p class="trace">您的请求ID是: 0bc3f4a817328821469171234e</p></div></body></html>
"""

TEMPLATE_EN_THEME = """<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8">
<title>Global Industrial Trading &#8211; Just another WordPress site</title>
<meta name="generator" content="WordPress 6.6.1">
<link rel="stylesheet" href="/wp-content/themes/corporate-pro/style.css"></head>
<body class="home page-template-default">
<header><a class="logo" href="/">Your Company Name</a>
<nav><a href="/">Home</a> <a href="/sample-page/">Sample Page</a> <a href="/contact/">Contact</a></nav></header>
<section class="hero"><h1>We Build The Future Of Industry</h1>
<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt
ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation.</p>
<a class="btn" href="#">Read More</a></section>
<section class="services"><h2>Our Services</h2>
<article><h3>Global Sourcing</h3><p>Duis aute irure dolor in reprehenderit in voluptate velit
esse cillum dolore eu fugiat nulla pariatur.</p></article>
<article><h3>Quality Control</h3><p>Excepteur sint occaecat cupidatat non proident, sunt in
culpa qui officia deserunt mollit anim id est laborum.</p></article>
<article><h3>Logistics</h3><p>Insert your text here. Click to edit this text and tell your
customers about your services.</p></article></section>
<section class="about"><h2>About Us</h2><p>Sed ut perspiciatis unde omnis iste natus error sit
voluptatem accusantium doloremque laudantium, totam rem aperiam, eaque ipsa quae ab illo
inventore veritatis et quasi architecto beatae vitae dicta sunt explicabo.</p></section>
<footer><p>123 Main Street, New York, NY 10001 · (555) 555-0199 · info@example.com</p>
<p>© 2024 Your Company Name. All rights reserved.</p></footer></body></html>
"""
TEMPLATE_ES_BUILDER = """<!DOCTYPE html><html lang="es"><head><meta charset="utf-8">
<title>Inicio | Importadora</title></head><body>
<header><h1>Nombre de la Empresa</h1><p>Tu empresa aquí: escribe aquí tu texto de bienvenida.</p></header>
<main><section><h2>Quiénes somos</h2><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.
Aliquam erat volutpat. Nullam varius, turpis et commodo pharetra.</p></section>
<section><h2>Productos</h2><ul><li>Producto 1</li><li>Producto 2</li><li>Producto 3</li></ul>
<p>Escribe aquí tu texto para describir tus productos y servicios a los clientes.</p></section>
<section><h2>Contacto</h2><p>Correo: correo@yourdomain.com · Teléfono: +1 (555) 555-0142</p>
<p>Dirección: 123 Main Street, Ciudad</p></section></main>
<footer>© 2025 Nombre de la Empresa · Creado con un constructor de sitios web</footer></body></html>
"""
TEMPLATE_ZH_SHELL = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>首页 - 公司名称</title></head><body>
<div class="top"><span class="logo">LOGO</span><span>您的公司名称在这里</span></div>
<div class="nav"><a href="/">网站首页</a><a href="#">关于我们</a><a href="#">产品中心</a><a href="#">联系我们</a></div>
<div class="banner"><h1>专业 · 诚信 · 共赢</h1></div>
<div class="about"><h2>关于我们</h2><p>这里是公司简介，请在此输入文字。公司成立于XXXX年，
主要经营XXXX产品，欢迎新老客户来电洽谈。</p></div>
<div class="products"><h2>产品中心</h2><p>示例文字：产品名称一、产品名称二、产品名称三。</p></div>
<div class="contact"><h2>联系我们</h2><p>地址：XX省XX市XX区XX路XX号</p>
<p>电话：000-12345678 邮箱：info@example.com</p></div>
<div class="footer">版权所有 © 公司名称 技术支持：建站模板</div></body></html>
"""


def sourcing_portal(brand: str, domain: str, lang: str = "en") -> str:
    """A "global sourcing portal" of a borrowed brand: the page a fake procurement
    department puts up to look official."""
    if lang == "de":
        body = (
            f"<h1>{brand} Lieferantenportal</h1><p>Willkommen im zentralen Einkauf. Registrieren "
            "Sie sich als Lieferant, um an unseren Ausschreibungen teilzunehmen.</p>"
            "<p>Für die Aufnahme in die Lieferantenliste wird eine einmalige "
            "Registrierungsgebühr erhoben.</p>"
            f'<p>Kontakt: <a href="mailto:einkauf@{domain}">einkauf@{domain}</a></p>'
        )
    else:
        body = (
            f"<h1>{brand} Global Sourcing</h1><p>Welcome to the supplier portal of the "
            f"{brand} procurement department. Suppliers of lighting, water treatment and "
            "electrical components are invited to register for our 2026 tenders.</p>"
            "<h2>How to become a supplier</h2><ol><li>Submit your company profile</li>"
            "<li>Receive your supplier code</li><li>Quote on open purchase orders</li></ol>"
            f'<p>Procurement office: <a href="mailto:sourcing@{domain}">sourcing@{domain}</a></p>'
        )
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{brand} | Supplier Portal</title></head><body>{body}"
        f"<footer>© 2026 {brand}. All rights reserved.</footer></body></html>"
    )


def cloned_html(
    original: Company,
    swaps: Mapping[str, str],
    *,
    drop_self: bool = False,
    footer_domain: bool = False,
) -> str:
    """``original``'s home page as a fraudster copies it: everything kept but the
    contacts in ``swaps``; ``drop_self`` removes the canonical link and og:url;
    ``footer_domain`` writes the original's domain on the copyright line."""
    page = company_html(original)
    for old, new in swaps.items():
        page = page.replace(old, new)
    if drop_self:
        page = "\n".join(
            line
            for line in page.splitlines()
            if 'rel="canonical"' not in line and "og:url" not in line
        )
    if footer_domain:
        page = page.replace("<p>© 2024 ", f"<p>Copyright © 2024 {original.ace_domain} · ")
    return page


def install_clone(world: World, host: str, html: str, *, mail: str | None, days: int) -> None:
    world.add_site(host, {"/": Page(html), "*": Page(html)})
    bare = host.removeprefix("www.")
    if host != bare:
        world.add_redirect_site(bare, f"https://{host}/")
    if mail is not None:
        install_mail(world, bare, mail)
    world.set_registration(bare, days)


def _install_protected(
    c: Company, html: str, status: int, headers: tuple[tuple[str, str], ...]
) -> Callable[[World], object]:
    def install(world: World) -> None:
        install_company(world, c)
        site = world.sites.get(c.host)
        assert site is not None
        wall = Page(html.replace("{zone}", c.ace_domain), status, headers=headers)
        site.routes = {"*": wall}

    return install


def _issue10_scenarios() -> Iterator[Scenario]:
    # -- a broken network is not a fake lead --------------------------------------------------
    network_why = (
        "The network, not the lead, failed: the rep must not drop the lead, and a batch "
        "must check it again once the network works."
    )
    yield Scenario(
        name="network_lying_resolver_gmail",
        summary="Hotel Wi-Fi: the resolver answers NXDOMAIN for every name, gmail.com included.",
        inquiry=_inquiry("buyer.kim@gmail.com", None, country="KR", message=_MESSAGES["en"]),
        expect_label="unknown",
        expect={"reasons": ["network_dns_broken"], "not_reasons": ["email_domain_not_found"]},
        rationale=network_why,
        tags=frozenset({"network", "issue10"}),
        network="deny_dns",
        install=install_providers,
    )
    yield Scenario(
        name="network_lying_resolver_company",
        summary="A genuine German company checked through a resolver that denies everything.",
        inquiry=_inquiry(
            "m.schneider@aquatech-wasser.de",
            "www.aquatech-wasser.de",
            country="DE",
            company=AQUATECH.name,
            message=_MESSAGES["de"],
        ),
        expect_label="unknown",
        expect={
            "reasons": ["network_dns_broken"],
            "not_reasons": ["domains_match", "website_not_found", "email_domain_not_found"],
        },
        rationale=network_why,
        tags=frozenset({"network", "issue10"}),
        network="deny_dns",
        install=_company_installer(AQUATECH),
    )
    yield Scenario(
        name="network_lying_resolver_readme_example",
        summary="The README's first command (li.wei@example.com, example.com) on a lying resolver.",
        inquiry=_inquiry("li.wei@example.com", "example.com"),
        expect_label="unknown",
        expect={"reasons": ["network_dns_broken"]},
        rationale=network_why,
        tags=frozenset({"network", "issue10"}),
        network="deny_dns",
    )
    yield Scenario(
        name="network_refuses_every_connection_website_only",
        summary="A firewall refuses every TCP connection; only a (genuine) website was given.",
        inquiry=_inquiry(None, BLUEWAVE.host, country="GB", company=BLUEWAVE.name),
        expect_label="unknown",
        expect={"reasons": ["network_unreachable"], "not_reasons": ["website_unreachable"]},
        rationale=network_why,
        tags=frozenset({"network", "issue10"}),
        network="refuse_all",
        install=_company_installer(BLUEWAVE),
    )
    yield Scenario(
        name="network_refuses_every_connection_email_only",
        summary="Every connection refused; a French company email (its site inferred).",
        inquiry=_inquiry(
            "achats@medequip-distribution.fr", None, country="FR", message=_MESSAGES["fr"]
        ),
        expect_label="unknown",
        expect={"reasons": ["network_unreachable"], "mx": "ok"},
        rationale=network_why,
        tags=frozenset({"network", "issue10"}),
        network="refuse_all",
        install=_company_installer(MEDEQUIP),
    )

    # -- domain age (RDAP) ---------------------------------------------------------------------
    def aged(
        name: str,
        c: Company,
        days: int | None,
        label: Label,
        summary: str,
        *,
        quirk: str = "none",
        email: str | None = None,
        reasons: Sequence[str] = (),
        expected_days: int | str | None = "same",
        slow: bool = False,
        acceptable: tuple[Label, ...] = (),
    ) -> Scenario:
        shown = days if expected_days == "same" else expected_days
        facts = site_facts(c, relation="same")
        facts.update({"email_age_days": shown, "website_age_days": shown, "reasons": list(reasons)})
        address = email or c.emails[0]
        return Scenario(
            name=name,
            summary=summary,
            inquiry=firm_inquiry(c, address, _MESSAGES[c.lang]),
            expect_label=label,
            acceptable_labels=acceptable,
            expect=facts,
            tags=frozenset({"domain_age", "issue10", c.lang}),
            slow=slow,
            install=_both(_company_installer(c), registered(c.domain, days, quirk)),
        )

    yield aged(
        "young_domain_us_trading",
        UVPURE_NEW,
        12,
        "suspicious",
        "A tidy US 'trading' site and Microsoft 365 mail, but the .com was registered 12 days ago.",
        reasons=["website_domain_new"],
    )
    yield aged(
        "young_domain_mx_importer",
        PACIFICO_NEW,
        5,
        "suspicious",
        "A Mexican importer whose domain is five days old (Spanish site, Google mail).",
        reasons=["website_domain_new"],
    )
    yield aged(
        "recent_domain_fr_genuine",
        EAU_CLAIRE,
        95,
        "genuine",
        "A young French firm (.fr registered 95 days ago): a small mark, still genuine.",
        reasons=["website_domain_recent"],
    )
    yield aged(
        "old_domain_se_genuine",
        NORDIC_UV,
        7000,
        "genuine",
        "A Swedish UV maker whose .com is nineteen years old.",
    )
    yield aged(
        "rdap_no_events_uk",
        HIGHLAND_UV,
        3000,
        "genuine",
        "The .uk registry answers without events: the age is unknown, never guessed.",
        quirk="no_events",
        expected_days=None,
    )
    yield aged(
        "rdap_rate_limited_in",
        GANGA_AQUA,
        4000,
        "genuine",
        "The .in registry answers 429 Too Many Requests: the age is unknown.",
        quirk="rate_limited",
        expected_days=None,
    )
    yield aged(
        "rdap_html_answer_br",
        PANTANAL,
        5000,
        "genuine",
        "The .br registry answers with an HTML page instead of RDAP JSON: unknown age.",
        quirk="html",
        expected_days=None,
    )
    yield aged(
        "rdap_offset_date_young_net",
        DELTA_AQUA_NET,
        20,
        "suspicious",
        "A Sharjah 'procurement' firm on a .net registered 20 days ago (date with +08:00).",
        quirk="offset_date",
        reasons=["website_domain_new"],
    )
    yield aged(
        "rdap_no_service_de",
        RHEIN_NEU,
        10,
        "genuine",
        "A new .de firm: DENIC offers no RDAP service in IANA's file, so the age is null.",
        expected_days=None,
    )
    yield aged(
        "rdap_slow_registry_org",
        CASCADE_ORG,
        9000,
        "genuine",
        "The .org registry takes 30 s to answer: the lookup gives up within its budget.",
        quirk="slow",
        expected_days=None,
        slow=True,
    )

    # -- brand impersonation -----------------------------------------------------------------
    brand_why = "A big buyer's name on a domain that is not the buyer's: fake by itself."

    def portal(domain: str, brand: str, lang: str = "en") -> Callable[[World], object]:
        def install(world: World) -> None:
            world.add_site(domain, {"*": Page(sourcing_portal(brand, domain, lang))})
            install_mail(world, domain, "privateemail")
            world.set_registration(domain, 9)

        return install

    yield Scenario(
        name="brand_philips_sourcing",
        summary="'Philips Global Sourcing' on philips-sourcing.com, registered 9 days ago, "
        "asks for UV lamps.",
        inquiry=_inquiry(
            "anna.visser@philips-sourcing.com",
            "philips-sourcing.com",
            country="NL",
            company="Philips Lighting Procurement",
            message="Dear Supplier, Philips is sourcing 20,000 pcs UV-C germicidal lamps T8 "
            "36W for our 2026 projects. Please register as approved vendor and quote.",
        ),
        expect_label="fake",
        expect={
            "impersonates": "Philips",
            "reasons": ["email_brand_impersonation"],
            "email_age_days": 9,
        },
        rationale=brand_why,
        tags=frozenset({"impersonation", "brand", "issue10", "en"}),
        install=portal("philips-sourcing.com", "Philips"),
    )
    yield Scenario(
        name="brand_aramco_tenders",
        summary="An Aramco 'tender' invitation from aramco-tenders.net, no website.",
        inquiry=_inquiry(
            "procurement@aramco-tenders.net",
            None,
            country="SA",
            company="Saudi Aramco",
            message="السادة الموردين، ندعوكم للمشاركة في مناقصة توريد أجهزة التعقيم بالأشعة فوق "
            "البنفسجية لمحطات المياه. يرجى إرسال عرض السعر وشهادة التسجيل.",
        ),
        expect_label="fake",
        expect={"impersonates": "Saudi Aramco", "reasons": ["email_brand_impersonation"]},
        rationale=brand_why,
        tags=frozenset({"impersonation", "brand", "issue10", "ar"}),
        install=lambda w: install_mail(w, "aramco-tenders.net", "privateemail"),
    )
    yield Scenario(
        name="brand_siemens_einkauf_de",
        summary="A 'Siemens Lieferantenportal' on siemens-einkauf.de asking for a registration fee.",
        inquiry=_inquiry(
            "einkauf@siemens-einkauf.de",
            "siemens-einkauf.de",
            country="DE",
            company="Siemens AG Zentraleinkauf",
            message="Sehr geehrte Damen und Herren, für ein Klärwerksprojekt benötigen wir "
            "UV-Strahler. Bitte registrieren Sie sich vorab in unserem Lieferantenportal.",
        ),
        expect_label="fake",
        expect={"impersonates": "Siemens", "reasons": ["email_brand_impersonation"]},
        rationale=brand_why,
        tags=frozenset({"impersonation", "brand", "issue10", "de"}),
        install=portal("siemens-einkauf.de", "Siemens", "de"),
    )
    yield Scenario(
        name="brand_petrobras_licitacoes",
        summary="A Petrobras 'licitação' from petrobras-licitacoes.com.br.",
        inquiry=_inquiry(
            "compras@petrobras-licitacoes.com.br",
            None,
            country="BR",
            company="Petrobras",
            message="Prezado fornecedor, a Petrobras abriu licitação para reatores UV de 80 "
            "m³/h. Envie sua proposta e a taxa de cadastro de fornecedor até sexta-feira.",
        ),
        expect_label="fake",
        expect={"impersonates": "Petrobras", "reasons": ["email_brand_impersonation"]},
        rationale=brand_why,
        tags=frozenset({"impersonation", "brand", "issue10", "pt-BR"}),
        install=lambda w: install_mail(w, "petrobras-licitacoes.com.br", "hostinger"),
    )
    yield Scenario(
        name="brand_cyrillic_alibaba",
        summary="'Alibaba Trade Assurance' from аlibaba.com with a Cyrillic а (TR39 confusable).",
        inquiry=_inquiry(
            "service@аlibaba.com",
            "аlibaba.com",
            country="CN",
            company="Alibaba.com Trade Assurance",
            message="Dear Member, your Trade Assurance order needs confirmation before shipment.",
        ),
        expect_label="fake",
        expect={"impersonates": "alibaba.com", "reasons": ["email_confusable"]},
        rationale="A Unicode look-alike of the platform's own domain.",
        tags=frozenset({"impersonation", "confusable", "issue10", "en"}),
        install=_both(
            lambda w: install_mail(w, "аlibaba.com", "privateemail"),
            lambda w: w.add_site(
                "аlibaba.com".encode("idna").decode("ascii"),
                {
                    "*": Page(
                        "<title>Alibaba.com - Sign in</title><form action='/login'>"
                        "<input name='email'><input name='password' type='password'></form>"
                    )
                },
            ),
        ),
    )
    yield Scenario(
        name="brand_confusable_rnaersk",
        summary="A container-rate 'booking' from rnaersk.com ('rn' for 'm').",
        inquiry=_inquiry(
            "booking@rnaersk.com",
            None,
            country="DK",
            company="Maersk Line",
            message="Dear shipper, please confirm your booking and pay the release fee today.",
        ),
        expect_label="fake",
        expect={"impersonates": "maersk.com", "reasons": ["email_confusable"]},
        rationale="An ASCII look-alike of a well-known domain (TR39 maps rn to m).",
        tags=frozenset({"impersonation", "confusable", "issue10", "en"}),
        install=lambda w: install_mail(w, "rnaersk.com", "privateemail"),
    )
    yield Scenario(
        name="brand_sinopec_caigou",
        summary="A Sinopec 'procurement' (采购, caigou) domain writing in Chinese.",
        inquiry=_inquiry(
            "caigou@sinopec-caigou.com",
            None,
            country="CN",
            company="中国石化物资采购部",
            message="贵公司好，我司现需采购紫外线消毒器200台，请先在供应商平台注册并缴纳供应商注册费。",
        ),
        expect_label="fake",
        expect={"impersonates": "Sinopec", "reasons": ["email_brand_impersonation"]},
        rationale=brand_why,
        tags=frozenset({"impersonation", "brand", "issue10", "zh-CN"}),
        install=lambda w: install_mail(w, "sinopec-caigou.com", "hostinger"),
    )

    # -- cloned websites ---------------------------------------------------------------------
    clone_why = "The page itself says it is another company's site: a copy, fake by itself."
    delmar_copy = cloned_html(
        DELMAR,
        {
            "info@acuicultura-delmar.es": "delmar.exportaciones@gmail.com",
            "compras@acuicultura-delmar.es": "delmar.exportaciones@gmail.com",
            "+34 956 12 34 56": "+44 7700 900456",
            "tel:+34956123456": "tel:+447700900456",
        },
    )
    yield Scenario(
        name="clone_es_fish_farm",
        summary="A copy of the Cádiz fish farm's site on acuicultura-delmar-export.com, the "
        "contacts swapped for a gmail address and a UK mobile.",
        inquiry=_inquiry(
            "delmar.exportaciones@gmail.com",
            "www.acuicultura-delmar-export.com",
            country="ES",
            company=DELMAR.name,
            message=_MESSAGES["es"],
        ),
        expect_label="fake",
        expect={"copied_from": "acuicultura-delmar.es", "reasons": ["website_clone"]},
        rationale=clone_why,
        tags=frozenset({"clone", "issue10", "es"}),
        install=lambda w: install_clone(
            w, "www.acuicultura-delmar-export.com", delmar_copy, mail=None, days=6
        ),
    )
    ege_copy = cloned_html(
        EGE_ARITMA,
        {
            "info@aritma-sistemleri.com.tr": "satis@aritma-sistemlerl.com.tr",
            "satis@aritma-sistemleri.com.tr": "satis@aritma-sistemlerl.com.tr",
        },
    )
    yield Scenario(
        name="clone_tr_lookalike_domain",
        summary="The Izmir water firm's site copied onto aritma-sistemlerl.com.tr (l for i), "
        "its canonical link still pointing at the original.",
        inquiry=_inquiry(
            "satis@aritma-sistemlerl.com.tr",
            "www.aritma-sistemlerl.com.tr",
            country="TR",
            company=EGE_ARITMA.name,
            message=_MESSAGES["tr"],
        ),
        expect_label="fake",
        expect={
            "copied_from": "aritma-sistemleri.com.tr",
            "reasons": ["website_clone"],
            "relation": "same",
        },
        rationale=clone_why,
        tags=frozenset({"clone", "lookalike", "issue10", "tr"}),
        install=lambda w: install_clone(
            w, "www.aritma-sistemlerl.com.tr", ege_copy, mail="privateemail", days=30
        ),
    )
    jinghua_copy = cloned_html(
        JINGHUA,
        {"138 1234 5678": "186 0000 4321", "8613812345678": "8618600004321"},
        drop_self=True,
        footer_domain=True,
    )
    yield Scenario(
        name="clone_cn_without_canonical",
        summary="A copy of the Wuxi purification firm without its canonical link, still naming "
        "jinghua-water.com.cn in its structured data, its addresses and its copyright line.",
        inquiry=_inquiry(
            "jinghua.export@163.com",
            "www.jinghua-water-group.com",
            country="CN",
            company=JINGHUA.name,
            message=_MESSAGES["zh-CN"],
        ),
        expect_label="fake",
        expect={"copied_from": "jinghua-water.com.cn", "reasons": ["website_clone"]},
        rationale=clone_why,
        tags=frozenset({"clone", "issue10", "zh-CN"}),
        install=_both(
            install_providers,
            lambda w: install_clone(
                w, "www.jinghua-water-group.com", jinghua_copy, mail=None, days=14
            ),
        ),
    )
    vodo_copy = cloned_html(
        VODOOCHISTKA,
        {"info@vodoochistka-nord.ru": "zakaz@vodoochistka-nord-export.com"},
    )
    yield Scenario(
        name="clone_ru_export_domain",
        summary="The St Petersburg firm's site copied onto vodoochistka-nord-export.com.",
        inquiry=_inquiry(
            "zakaz@vodoochistka-nord-export.com",
            "www.vodoochistka-nord-export.com",
            country="RU",
            company=VODOOCHISTKA.name,
            message=_MESSAGES["ru"],
        ),
        expect_label="fake",
        expect={"copied_from": "vodoochistka-nord.ru", "reasons": ["website_clone"]},
        rationale=clone_why,
        tags=frozenset({"clone", "issue10", "ru"}),
        install=lambda w: install_clone(
            w, "www.vodoochistka-nord-export.com", vodo_copy, mail="yandex", days=40
        ),
    )
    mirror_page = company_html(MIRROR_BRAND).replace(
        "https://www.uv-reinwasser.de/", "https://www.aquatech-wasser.de/"
    )

    def install_mirror(world: World) -> None:
        install_company(world, MIRROR_BRAND)
        site = world.sites.get(MIRROR_BRAND.host)
        assert site is not None
        site.routes["/"] = Page(mirror_page)
        install_company(world, AQUATECH)

    yield Scenario(
        name="mirror_of_the_senders_own_group",
        summary="A brand site of the Stuttgart firm whose canonical names aquatech-wasser.de, "
        "and the lead writes from aquatech-wasser.de: one group, not a copy.",
        inquiry=_inquiry(
            "m.schneider@aquatech-wasser.de",
            "www.uv-reinwasser.de",
            country="DE",
            company=AQUATECH.name,
            message=_MESSAGES["de"],
        ),
        expect_label="genuine",
        expect={
            "relation": "group",
            "reasons": ["domains_group"],
            "not_reasons": ["website_clone", "domains_differ"],
        },
        rationale="A mirror of the sender's own company site is no clone.",
        tags=frozenset({"clone", "group", "issue10", "de"}),
        install=install_mirror,
    )

    # -- phishing lures in the message ------------------------------------------------------
    lure_why = (
        "The message is a phishing lure: fake by itself, and its links must never be fetched."
    )

    def lure(
        name: str,
        summary: str,
        email: str,
        message: str,
        links: Sequence[str],
        reason: str,
        *,
        country: str | None = None,
        tags: Sequence[str] = (),
        install: Callable[[World], object] | None = install_providers,
    ) -> Scenario:
        return Scenario(
            name=name,
            summary=summary,
            inquiry=_inquiry(email, None, country=country, message=message),
            expect_label="fake",
            expect={"message_links": list(links), "reasons": [reason]},
            rationale=lure_why,
            tags=frozenset({"lure", "issue10", *tags}),
            install=install,
        )

    yield lure(
        "lure_po_signin_platform_lookalike",
        "'A buyer sent you a PO, sign in to view it' with a link to alibaba.com.po-view.top.",
        "david.procurement.dept@gmail.com",
        "Dear Supplier,\n\nOur purchasing manager has sent you a Purchase Order (PO-2026-4471) "
        "through Alibaba Trade Assurance. Sign in to view the PO and confirm the delivery "
        "date: https://alibaba.com.po-view.top/login?order=PO-2026-4471\n\nBest regards,\n"
        "David Miller, Purchasing Manager",
        ["po-view.top"],
        "message_phishing_link",
        country="US",
        tags=("en",),
    )
    yield lure(
        "lure_es_signin_free_hosting",
        "Spanish: 'inicie sesión para ver el pedido' with a link on web.app.",
        "compras.grupo.andino@outlook.com",
        "Estimado proveedor:\nLe enviamos nuestra orden de compra para 300 lámparas UV. "
        "Por favor inicie sesión para ver el pedido y confirmar el precio FOB: "
        "https://pedido-grupoandino.web.app/ver?id=8812\nSaludos cordiales, Departamento de Compras",
        ["web.app"],
        "message_login_lure",
        country="PE",
        tags=("es",),
    )
    yield lure(
        "lure_de_html_attachment",
        "German: 'Bestellung im Anhang' where the attachment is Bestellung_88412.pdf.html.",
        "einkauf@stahlbau-hessen-gmbh.de",
        "Sehr geehrte Damen und Herren,\nanbei unsere Bestellung über 120 UV-Strahler. "
        "Bitte prüfen Sie die Bestellung im Anhang: Bestellung_88412.pdf.html (18 KB).\n"
        "Mit freundlichen Grüßen\nEinkauf",
        [],
        "message_html_attachment",
        country="DE",
        tags=("de",),
        install=lambda w: install_mail(w, "stahlbau-hessen-gmbh.de", "ionos"),
    )
    yield lure(
        "lure_ru_shortened_link",
        "Russian: 'войдите, чтобы просмотреть заказ' behind a bit.ly link.",
        "zakupki.tender2026@yandex.ru",
        "Здравствуйте! Мы разместили для вас заказ на УФ-лампы. Войдите, чтобы просмотреть "
        "заказ и спецификацию: https://bit.ly/3zK9pQx\nС уважением, отдел закупок",
        ["bit.ly"],
        "message_login_lure",
        country="RU",
        tags=("ru",),
    )
    yield lure(
        "lure_tr_account_scare",
        "Turkish: 'hesabınız askıya alınacak' with a link to made-in-china-verify.com.",
        "bildirim.destek@gmail.com",
        "Sayın tedarikçi, hesabınız 24 saat içinde askıya alınacak. Lütfen hesabınızı "
        "doğrulayın: https://made-in-china-verify.com/giris\nMade-in-China Destek Ekibi",
        ["made-in-china-verify.com"],
        "message_phishing_link",
        country="TR",
        tags=("tr",),
    )
    yield lure(
        "lure_ar_signin_pages_dev",
        "Arabic: 'يرجى تسجيل الدخول لعرض أمر الشراء' with a link on pages.dev.",
        "nile.trading.purchase@gmail.com",
        "السادة المحترمون، تم إرسال أمر الشراء الخاص بمصابيح الأشعة فوق البنفسجية. يرجى تسجيل "
        "الدخول لعرض أمر الشراء: https://nile-orders.pages.dev/view/5521 مع خالص التحية",
        ["pages.dev"],
        "message_login_lure",
        country="EG",
        tags=("ar",),
    )
    yield lure(
        "lure_zh_inquiry_lookalike",
        "Chinese: '请登录查看询盘' with a link to alibaba-inquiry-center.top.",
        "2938475610@qq.com",
        "您好，您有一条新的采购询盘（紫外线消毒器 500台），请登录查看询盘详情："
        "http://alibaba-inquiry-center.top/login.php?id=77120 谢谢！",
        ["alibaba-inquiry-center.top"],
        "message_phishing_link",
        country="CN",
        tags=("zh-CN",),
    )
    platform_facts = site_facts(PLATFORM_BUYER, relation="same")
    platform_facts.update(
        {
            "message_links": ["alibaba.com"],
            "not_reasons": ["message_login_lure", "message_phishing_link"],
        }
    )
    yield Scenario(
        name="platform_link_is_not_a_lure",
        summary="A real Egyptian fish farm asks the rep to log in to Alibaba to see its RFQ, "
        "with a link on message.alibaba.com: no lure.",
        inquiry=firm_inquiry(
            PLATFORM_BUYER,
            "procurement@nile-aquafarms.com.eg",
            "Dear Sir, we posted an RFQ for 40 UV sterilizers (25 m3/h) for our hatchery. "
            "Please log in to Alibaba to see our RFQ: https://message.alibaba.com/msgsend/"
            "contact.htm?action=rfq&id=9921 - Eng. Karim Hassan, Procurement",
        ),
        expect_label="genuine",
        expect=platform_facts,
        rationale="Sign-in words pointing at the platform itself are how real buyers write.",
        tags=frozenset({"lure", "issue10", "ar", "genuine"}),
        install=_company_installer(PLATFORM_BUYER),
    )
    yield Scenario(
        name="fee_request_vendor_registration",
        summary="A gmail 'procurement officer' who wants a vendor registration fee first.",
        inquiry=_inquiry(
            "okafor.procurement.ng@gmail.com",
            None,
            country="NG",
            company="Federal Water Projects Ltd",
            message="Good day, we wish to purchase 5,000 UV lamps for a government water "
            "project. To be listed, kindly pay the vendor registration fee of USD 450 and "
            "send your best price.",
        ),
        expect_label="suspicious",
        acceptable_labels=("fake",),
        expect={"reasons": ["message_fee_request"]},
        rationale="A fee request is a strong warning; with no other evidence it is suspicious.",
        tags=frozenset({"lure", "issue10", "en"}),
        install=install_providers,
    )

    # -- unfilled templates ------------------------------------------------------------------
    def template(
        name: str,
        summary: str,
        email: str,
        domain: str,
        body: str,
        label: Label,
        *,
        mail: str | None = None,
        acceptable: tuple[Label, ...] = (),
        country: str | None = None,
        message: str = _GENERIC_SPAM,
    ) -> Scenario:
        def install(world: World) -> None:
            install_providers(world)
            _dead_site(world, domain, body, mail=mail)

        return Scenario(
            name=name,
            summary=summary,
            inquiry=_inquiry(email, domain, country=country, message=message),
            expect_label=label,
            acceptable_labels=acceptable,
            expect={"page_kind": "template", "reasons": ["website_template"]},
            tags=frozenset({"template", "dead_site", "issue10"}),
            install=install,
        )

    yield template(
        "template_wordpress_theme_gmail",
        "A gmail buyer's 'company site' is a WordPress theme demo: lorem ipsum, 'Your "
        "Company Name', info@example.com.",
        "globaltrading.director@gmail.com",
        "global-industrial-trading.com",
        TEMPLATE_EN_THEME,
        "fake",
        acceptable=("suspicious",),
        country="US",
    )
    yield template(
        "template_es_site_builder",
        "A Spanish builder template never filled in ('Nombre de la Empresa'), with real mail.",
        "ventas@importadora-nortena.com",
        "importadora-nortena.com",
        TEMPLATE_ES_BUILDER,
        "suspicious",
        mail="google",
        country="CL",
        message="Hola, necesitamos 50 lámparas UV de repuesto. Envíe precios.",
    )
    yield template(
        "template_zh_placeholder_163",
        "A 163.com sender whose site is a Chinese template ('您的公司名称在这里').",
        "zhang.maoyi2025@163.com",
        "hengda-maoyi.com",
        TEMPLATE_ZH_SHELL,
        "fake",
        acceptable=("suspicious",),
        country="CN",
        message="您好，请发送紫外线灯管的报价和目录。",
    )
    lorem_page = company_html(REAL_WITH_LOREM).replace(
        '</section>\n    <section id="about">',
        "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p></section>\n"
        '    <section id="about">',
        1,
    )

    def install_lorem(world: World) -> None:
        install_company(world, REAL_WITH_LOREM)
        site = world.sites.get(REAL_WITH_LOREM.host)
        assert site is not None
        site.routes["/"] = Page(lorem_page)

    yield Scenario(
        name="real_site_with_one_lorem_block",
        summary="A genuine Black Forest firm whose page still holds one lorem-ipsum paragraph.",
        inquiry=firm_inquiry(REAL_WITH_LOREM, "kontakt@schwarzwald-aqua.de", _MESSAGES["de"]),
        expect_label="genuine",
        expect={
            **site_facts(REAL_WITH_LOREM, relation="same"),
            "not_reasons": ["website_template"],
        },
        rationale="One forgotten placeholder does not make a template site.",
        tags=frozenset({"template", "genuine", "issue10", "de"}),
        install=install_lorem,
    )

    # -- bot walls: protected, not an HTTP error --------------------------------------------
    def protected(
        name: str,
        c: Company,
        html: str,
        status: int,
        headers: tuple[tuple[str, str], ...],
        vendor: str,
        summary: str,
        *,
        email: str | None = None,
        label: Label = "genuine",
        relation: str = "same",
    ) -> Scenario:
        facts = {
            key: value
            for key, value in site_facts(c).items()
            if key not in ("title", "lang", "contacts", "page_kind")
        }
        facts.update(
            {
                "bot_check": vendor,
                "reasons": ["website_bot_check"],
                "relation": relation,
                "not_reasons": ["website_http_error"],
            }
        )
        installers = [_install_protected(c, html, status, headers)]
        if email is not None and email.endswith("@gmail.com"):
            facts.update({"free_mail": True, "mail_provider": None})
            installers.append(install_providers)
        return Scenario(
            name=name,
            summary=summary,
            inquiry=firm_inquiry(c, email or c.emails[0], _MESSAGES[c.lang]),
            expect_label=label,
            expect=facts,
            rationale="A CDN's bot check hides the page, which costs nothing; mail, DNS and "
            "TLS still tell.",
            tags=frozenset({"bot_check", "issue10", c.lang}),
            install=_both(*installers),
        )

    yield protected(
        "bot_check_cloudflare_challenge_de",
        BAVARIA_PROTECTED,
        CLOUDFLARE_CHALLENGE,
        403,
        CLOUDFLARE_HEADERS,
        "Cloudflare",
        "A Regensburg UV firm behind Cloudflare: 403 'Just a moment...' with cf-mitigated.",
    )
    yield protected(
        "bot_check_cloudflare_legacy_503_it",
        LOMBARDIA_PROTECTED,
        CLOUDFLARE_LEGACY_503,
        503,
        (("Server", "cloudflare"),),
        "Cloudflare",
        "A Brescia water utility behind the old 503 'Checking your browser' page.",
    )
    yield protected(
        "bot_check_aws_waf_us",
        TEXAS_PROTECTED,
        AWS_WAF_CHALLENGE,
        202,
        (("x-amzn-waf-action", "challenge"), ("Server", "awselb/2.0")),
        "AWS WAF",
        "A Texas fish farm behind an AWS WAF challenge (202, x-amzn-waf-action).",
    )
    yield protected(
        "bot_check_aliyun_waf_cn",
        HANGZHOU_PROTECTED,
        ALIYUN_WAF_BLOCK,
        405,
        (("Server", "Tengine"),),
        "Alibaba Cloud WAF",
        "A Hangzhou water-equipment maker behind Alibaba Cloud WAF (405 block page).",
    )
    yield protected(
        "bot_check_with_free_mail",
        MINAS_PROTECTED,
        CLOUDFLARE_CHALLENGE,
        403,
        CLOUDFLARE_HEADERS,
        "Cloudflare",
        "A gmail sender naming a Cloudflare-protected Brazilian utility it cannot be tied to.",
        email="compras.minas.saneamento@gmail.com",
        label="suspicious",
        relation="differ",
    )

    def install_fingerprinted(world: World) -> None:
        install_company(world, LYON_CDN)
        site = world.sites.get(LYON_CDN.host)
        assert site is not None
        page = Page(company_html(LYON_CDN), headers=CLOUDFLARE_HEADERS[:2])
        site.routes["/"] = page

    yield Scenario(
        name="cloudflare_fingerprints_on_a_real_page",
        summary="A Lyon firm served through Cloudflare (server: cloudflare, cf-ray) with its "
        "real page: a fingerprint is not a wall.",
        inquiry=firm_inquiry(LYON_CDN, "achats@rhone-aquatique.fr", _MESSAGES["fr"]),
        expect_label="genuine",
        expect={**site_facts(LYON_CDN, relation="same"), "not_reasons": ["website_bot_check"]},
        tags=frozenset({"bot_check", "genuine", "issue10", "fr"}),
        install=install_fingerprinted,
    )

    # -- groups: two domains, one company ---------------------------------------------------
    yield Scenario(
        name="group_vi_corporate_mail_domain",
        summary="A Saigon water company whose site lists an address at its group's domain; the "
        "lead writes from another address there.",
        inquiry=firm_inquiry(SAIGON_GROUP, "tran.minh@saigonxanh-group.vn", _MESSAGES["vi"]),
        expect_label="genuine",
        expect={
            "relation": "group",
            "reasons": ["domains_group"],
            "not_reasons": ["domains_differ"],
        },
        tags=frozenset({"group", "genuine", "issue10", "vi"}),
        install=_both(
            _company_installer(SAIGON_GROUP),
            lambda w: install_mail(w, "saigonxanh-group.vn", "own"),
        ),
    )
    yield Scenario(
        name="group_in_parent_company_mail",
        summary="A Chennai engineering firm whose purchase desk writes from the parent group's "
        "domain, listed on the firm's site.",
        inquiry=firm_inquiry(SHAKTI_GROUP, "r.iyer@shakti-industries-group.com", _MESSAGES["en"]),
        expect_label="genuine",
        expect={"relation": "group", "reasons": ["domains_group"]},
        tags=frozenset({"group", "genuine", "issue10", "en"}),
        install=_both(
            _company_installer(SHAKTI_GROUP),
            lambda w: install_mail(w, "shakti-industries-group.com", "microsoft"),
        ),
    )

    # -- the wrong answers of the first version ---------------------------------------------
    yield Scenario(
        name="typo_hotmial_held_by_a_disposable_list",
        summary="maria@hotmial.com: a squatter's typo domain that a disposable list holds.",
        inquiry=_inquiry("maria.gonzalez@hotmial.com", None, country="CO", message=_MESSAGES["es"]),
        expect_label="suspicious",
        expect={
            "typo_of": "hotmail.com",
            "reasons": ["email_typo"],
            "not_reasons": ["email_disposable"],
        },
        rationale="She most likely meant hotmail.com: answer her there, do not drop her.",
        tags=frozenset({"typo", "issue10", "es"}),
        install=lambda w: w.add_mail_domain("hotmial.com", mx_host="mx.catchall-parking.net"),
    )
    yield Scenario(
        name="typo_gmial_naming_a_real_company",
        summary="A gmial.com (nonexistent) address naming a real Dubai company's site.",
        inquiry=_inquiry(
            "ahmed.procurement@gmial.com",
            GULF_DESAL.host,
            country="AE",
            company=GULF_DESAL.name,
            message=_MESSAGES["ar"],
        ),
        expect_label="suspicious",
        expect={"typo_of": "gmail.com", "mx": "nxdomain", "reasons": ["email_domain_not_found"]},
        tags=frozenset({"typo", "issue10", "ar"}),
        install=_company_installer(GULF_DESAL),
    )
    yield Scenario(
        name="null_mx_and_no_website",
        summary="A domain that publishes a null MX (accepts no mail) and has no website.",
        inquiry=_inquiry(
            "einkauf@keinepost-handel.de", None, country="DE", message=_MESSAGES["de"]
        ),
        expect_label="fake",
        expect={"mx": "null", "reasons": ["email_null_mx", "website_none_for_domain"]},
        rationale="Nobody can answer this address and nothing else exists.",
        tags=frozenset({"null_mx", "issue10", "de"}),
        install=lambda w: w.add_domain("keinepost-handel.de", mx=[(0, ".")]),
    )
    yield Scenario(
        name="freemail_naming_a_website_that_does_not_exist",
        summary="A gmail 'importer' naming www.importadora-andes-sac.com.pe, which does not exist.",
        inquiry=_inquiry(
            "importaciones.andes.sac@gmail.com",
            "www.importadora-andes-sac.com.pe",
            country="PE",
            company="Importadora Andes S.A.C.",
            message=_MESSAGES["es"],
        ),
        expect_label="fake",
        expect={"website_error": "nxdomain", "reasons": ["website_not_found"]},
        rationale="An invented company: its website does not exist and the address proves nothing.",
        tags=frozenset({"free_mail", "nxdomain", "issue10", "es"}),
        install=install_providers,
    )
    yield Scenario(
        name="neither_domain_exists_no_match_points",
        summary="Email and website at one domain that does not exist: 'domains match' is no merit.",
        inquiry=_inquiry(
            "director@ghost-holdings-intl.com",
            "ghost-holdings-intl.com",
            country="GB",
            message=_GENERIC_SPAM,
        ),
        expect_label="fake",
        expect={
            "mx": "nxdomain",
            "not_reasons": ["domains_match"],
            "reasons": ["email_domain_not_found"],
        },
        tags=frozenset({"nxdomain", "issue10", "en"}),
    )
    yield Scenario(
        name="www_given_only_the_bare_domain_resolves",
        summary="The lead typed www.kleinfirma-uvwasser.de; only kleinfirma-uvwasser.de exists.",
        inquiry=firm_inquiry(
            KLEIN_BARE,
            "info@kleinfirma-uvwasser.de",
            _MESSAGES["de"],
            website="www.kleinfirma-uvwasser.de",
        ),
        expect_label="genuine",
        expect=site_facts(KLEIN_BARE, relation="same"),
        tags=frozenset({"fallback", "issue10", "de"}),
        install=_company_installer(KLEIN_BARE),
    )

    def install_www_only(world: World) -> None:
        install_company(world, SEGURA_WWW)
        world.sites.remove(SEGURA_WWW.ace_domain)
        world.zone.replace(SEGURA_WWW.ace_domain, "A", [])  # the apex keeps only its MX

    yield Scenario(
        name="bare_given_only_www_resolves",
        summary="The lead typed aguas-segura.es; only www.aguas-segura.es has an address.",
        inquiry=firm_inquiry(
            SEGURA_WWW, "comercial@aguas-segura.es", _MESSAGES["es"], website="aguas-segura.es"
        ),
        expect_label="genuine",
        expect=site_facts(SEGURA_WWW, relation="same"),
        tags=frozenset({"fallback", "issue10", "es"}),
        install=install_www_only,
    )
    yield Scenario(
        name="deep_link_404_falls_back_to_the_root",
        summary="The lead pasted https://www.pumpentechnik-lahn.de/de/kontakt?x=1, a page that "
        "is gone (404); the site's root is its real home page.",
        inquiry=firm_inquiry(
            LAHN_DEEP,
            "info@pumpentechnik-lahn.de",
            _MESSAGES["de"],
            website="https://www.pumpentechnik-lahn.de/de/kontakt?x=1",
        ),
        expect_label="genuine",
        expect=site_facts(LAHN_DEEP, relation="same"),
        tags=frozenset({"fallback", "issue10", "de"}),
        install=_company_installer(LAHN_DEEP),
    )


SCENARIOS: tuple[Scenario, ...] = (*_scenarios(), *_issue10_scenarios())
SCENARIOS_BY_NAME: dict[str, Scenario] = {s.name: s for s in SCENARIOS}
if len(SCENARIOS_BY_NAME) != len(SCENARIOS):  # pragma: no cover
    raise RuntimeError("duplicate scenario names")


def get_scenario(name: str) -> Scenario:
    """The scenario called ``name`` (KeyError with the known names otherwise)."""
    try:
        return SCENARIOS_BY_NAME[name]
    except KeyError:
        raise KeyError(f"no scenario {name!r}; known: {', '.join(SCENARIOS_BY_NAME)}") from None


def scenarios(
    *,
    tags: Sequence[str] = (),
    include_slow: bool = True,
    with_allow_private: bool = False,
) -> list[Scenario]:
    """Scenarios filtered: having all ``tags``; without slow ones unless ``include_slow``;
    ``with_allow_private``: only those to run WITH ``--allow-private`` (what the world's
    ``cli_args()`` gives): neither leaving loopback nor expecting a refusal."""
    return [
        s
        for s in SCENARIOS
        if set(tags) <= s.tags
        and (include_slow or not s.slow)
        and not (
            with_allow_private
            and (s.leaves_loopback_with_allow_private or s.requires_no_allow_private)
        )
    ]


def install_default_scenarios(world: World) -> None:
    """Install every scenario's domains and sites, and the shared providers, into ``world``."""
    install_providers(world)
    for company in COMPANIES:
        install_company(world, company)
    for scenario in SCENARIOS:
        if scenario.install is not None:
            scenario.install(world)
