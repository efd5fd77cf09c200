"""The demo's small internet: a dozen inquiries and the companies (or fakes) behind them.

Every company, person, address, phone number and page here is invented for the demo;
the pages are written the way real firms and fraudsters write theirs. Free-mail and
disposable providers keep their real domain names (a fact), with made-up records.
"""

# ruff: noqa: E501  (page texts read better as whole lines)
from __future__ import annotations

import html
from dataclasses import dataclass, field

from leadcheck.world import Page, World


@dataclass(frozen=True)
class DemoCompany:
    """A company website: who they are, what they do, how to reach them."""

    domain: str
    name: str
    lang: str
    title: str
    lines: tuple[str, ...]
    contact: tuple[str, ...]
    mail: bool = True  # the domain receives mail (MX, SPF, DMARC)


@dataclass(frozen=True)
class DemoInquiry:
    """One inquiry as a rep receives it, and what a careful rep would conclude."""

    company: str
    contact: str
    email: str
    website: str
    phone: str
    country: str
    message: str
    expect: str  # genuine | suspicious | fake | unknown
    why: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def company_page(c: DemoCompany) -> str:
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in c.lines)
    contact = "<br>".join(html.escape(line) for line in c.contact)
    return f"""<!DOCTYPE html>
<html lang="{c.lang}"><head><meta charset="utf-8">
<title>{html.escape(c.title)}</title>
<meta name="description" content="{html.escape(c.lines[0])}"></head>
<body><header><h1>{html.escape(c.name)}</h1>
<nav><a href="/">Home</a> <a href="/products">Products</a> <a href="/contact">Contact</a></nav></header>
<main>{body}</main>
<footer><address>{contact}</address><p>© 2026 {html.escape(c.name)}</p></footer>
</body></html>
"""


COMPANIES: tuple[DemoCompany, ...] = (
    DemoCompany(
        domain="klarfluss-wasser.de",
        name="Klarfluss Wassertechnik GmbH",
        lang="de",
        title="Klarfluss Wassertechnik – UV-Desinfektion und Wasseraufbereitung, Stuttgart",
        lines=(
            "Wir planen, bauen und warten Anlagen zur Wasseraufbereitung für Kommunen, Brauereien und Industrie.",
            "UV-Desinfektion von Trinkwasser und Prozesswasser ohne Chemie: UV-Reaktoren von 1 bis 800 m³/h, Ersatz-UV-Lampen und Quarzhüllrohre ab Lager.",
            "Dazu Umkehrosmose, Enthärtung und Filtration – mit Wartungsvertrag und 24-Stunden-Service in Baden-Württemberg.",
            "Über uns: 38 Mitarbeiter, gegründet 2003, mehr als 900 betreute Anlagen.",
        ),
        contact=(
            "Klarfluss Wassertechnik GmbH",
            "Hafenstraße 22, 70327 Stuttgart",
            "Tel. +49 711 4893120",
            "info@klarfluss-wasser.de",
        ),
    ),
    DemoCompany(
        domain="tomxanh-aqua.vn",
        name="Tom Xanh Aquaculture Co., Ltd.",
        lang="vi",
        title="Tom Xanh Aquaculture – Trại giống tôm thẻ chân trắng, Bạc Liêu",
        lines=(
            "Trại giống tôm thẻ chân trắng và hệ thống nuôi tôm tuần hoàn (RAS) tại Bạc Liêu.",
            "Shrimp hatchery and recirculating aquaculture systems: we supply post-larvae to 300 farms and treat our intake water with UV sterilizers and ozone.",
            "Xử lý nước ao nuôi, lọc sinh học, khử trùng bằng đèn UV cho bể ương.",
        ),
        contact=(
            "Tom Xanh Aquaculture Co., Ltd.",
            "Ấp 3, Vĩnh Trạch Đông, Bạc Liêu",
            "Hotline: +84 291 3822 416",
            "sales@tomxanh-aqua.vn",
        ),
    ),
    DemoCompany(
        domain="brightward-medical.com",
        name="Brightward Medical Supply",
        lang="en",
        title="Brightward Medical Supply – infection control products for hospitals and clinics",
        lines=(
            "Brightward supplies infection control equipment to hospitals, surgery centers, dental clinics and long-term care homes across the Midwest.",
            "Our range: UV-C room disinfection units, upper-room UVGI fixtures, hand hygiene stations and sterilization consumables.",
            "Purchasing contracts with 140 healthcare facilities; FDA-registered distributor since 2011.",
        ),
        contact=(
            "Brightward Medical Supply LLC",
            "2150 W Fulton St, Chicago, IL 60612",
            "Phone (312) 555-0148",
            "orders@brightward-medical.com",
        ),
    ),
    DemoCompany(
        domain="gulfhood-kitchen.ae",
        name="Gulf Hood Kitchen Ventilation LLC",
        lang="en",
        title="Gulf Hood – commercial kitchen exhaust hoods and fume treatment, Dubai",
        lines=(
            "Design, supply and installation of commercial kitchen exhaust hoods for hotels, restaurants and central kitchens in the UAE.",
            "Kitchen exhaust fume treatment: UV-C grease hoods, electrostatic precipitators and odour control for oil fume (cooking fume) extraction.",
            "Annual hood cleaning and duct maintenance contracts with 60 hotels.",
        ),
        contact=(
            "Gulf Hood Kitchen Ventilation LLC",
            "Al Quoz Industrial Area 3, Dubai",
            "Tel +971 4 338 2170",
            "projects@gulfhood-kitchen.ae",
        ),
    ),
    DemoCompany(
        domain="aguasol-piscinas.com.br",
        name="AguaSol Piscinas e Tratamento de Água",
        lang="pt",
        title="AguaSol – equipamentos para piscinas e tratamento de água, Campinas",
        lines=(
            "Equipamentos para piscinas residenciais e clubes: filtros, bombas, aquecimento solar e esterilizadores UV para tratamento de água.",
            "Tratamento de água de piscinas com luz ultravioleta: menos cloro, água cristalina.",
            "Loja e assistência técnica em Campinas desde 2009.",
        ),
        contact=(
            "AguaSol Piscinas Ltda.",
            "Av. das Amoreiras 1810, Campinas – SP",
            "Tel. +55 19 3241-7720",
            "contato@aguasol-piscinas.com.br",
        ),
    ),
    DemoCompany(
        domain="noor-trading-co.in",
        name="Noor General Trading Co.",
        lang="en",
        title="Noor General Trading – import and export",
        lines=(
            "Noor General Trading is an import and export house in Mumbai dealing in industrial goods, textiles and consumer electronics.",
            "We source from China, Vietnam and Turkey for buyers in India and the Gulf.",
        ),
        contact=("Noor General Trading Co.", "Masjid Bunder, Mumbai 400003", "+91 22 2345 6781"),
    ),
    DemoCompany(
        domain="escuela-sanmartin.mx",
        name="Colegio San Martín de Porres",
        lang="es",
        title="Colegio San Martín – preescolar, primaria y secundaria en Guadalajara",
        lines=(
            "Colegio San Martín de Porres: preescolar, primaria y secundaria con 1.100 alumnos en Guadalajara, Jalisco.",
            "Estamos renovando la ventilación de las aulas y buscamos purificación de aire para salones y comedor escolar.",
        ),
        contact=(
            "Colegio San Martín de Porres A.C.",
            "Av. Patria 2280, Zapopan, Jalisco",
            "Tel. +52 33 3627 1190",
            "compras@escuela-sanmartin.mx",
        ),
    ),
)

PARKED_PAGE = """<!DOCTYPE html><html><head><title>uvpure-lamps.com is for sale</title></head>
<body><h1>uvpure-lamps.com</h1><p>This domain is for sale! Make an offer today.</p>
<p>Buy this domain. Related searches: UV lamps, water filters, cheap flights.</p></body></html>
"""

DEFAULT_PAGE = """<!DOCTYPE html><html><head><title>Welcome to nginx!</title></head>
<body><h1>Welcome to nginx!</h1><p>If you see this page, the nginx web server is
successfully installed and working. Further configuration is required.</p></body></html>
"""

INQUIRIES: tuple[DemoInquiry, ...] = (
    DemoInquiry(
        company="Klarfluss Wassertechnik GmbH",
        contact="Jonas Becker",
        email="j.becker@klarfluss-wasser.de",
        website="klarfluss-wasser.de",
        phone="+49 711 4893120",
        country="Germany",
        message="Sehr geehrte Damen und Herren, we need 40 UV lamps 40W (GPH843T5L) and 10 electronic ballasts for drinking water UV reactors. Please send price and delivery time.",
        expect="genuine",
    ),
    DemoInquiry(
        company="Tom Xanh Aquaculture",
        contact="Nguyen Van Minh",
        email="minh.nguyen@tomxanh-aqua.vn",
        website="https://www.tomxanh-aqua.vn/",
        phone="+84 291 3822 416",
        country="Vietnam",
        message="Hello, our shrimp hatchery needs UV sterilizer 60 m3/h for intake water. Stainless 316. Please quote FOB.",
        expect="genuine",
    ),
    DemoInquiry(
        company="Brightward Medical Supply",
        contact="Karen Ellis",
        email="karen.ellis@brightward-medical.com",
        website="brightward-medical.com",
        phone="+1 312 555 0148",
        country="US",
        message="We distribute infection control products to hospitals. Interested in UV-C disinfection lamps for room units, 500 pcs per quarter.",
        expect="genuine",
    ),
    DemoInquiry(
        company="Gulf Hood Kitchen Ventilation",
        contact="Rashid Al Mansoori",
        email="rashid@gulfhood-kitchen.ae",
        website="gulfhood-kitchen.ae",
        phone="+971 4 338 2170",
        country="United Arab Emirates",
        message="Need UV lamps for kitchen exhaust hood oil fume treatment, 120 pcs, ozone free type.",
        expect="genuine",
    ),
    DemoInquiry(
        company="AguaSol Piscinas",
        contact="Fernanda Lima",
        email="fernanda@aguasol-piscinas.com.br",
        website="aguasol-piscinas.com.br",
        phone="+55 19 3241 7720",
        country="Brazil",
        message="Bom dia, procuramos esterilizador UV para piscina 55W, 50 unidades.",
        expect="genuine",
    ),
    DemoInquiry(
        company="Colegio San Martín",
        contact="Lucía Herrera",
        email="compras@escuela-sanmartin.mx",
        website="escuela-sanmartin.mx",
        phone="+52 33 3627 1190",
        country="Mexico",
        message="Buscamos purificadores de aire con luz UV para 30 salones.",
        expect="genuine",
        why="a school: a buyer, though not a core segment",
    ),
    DemoInquiry(
        company="Noor General Trading",
        contact="Imran Shaikh",
        email="imran.noortrading@gmail.com",
        website="noor-trading-co.in",
        phone="+91 98200 44127",
        country="India",
        message="Dear sir, send your best price list for all products. We are big buyer.",
        expect="suspicious",
        why="free-mail, a general trader's site that does not name the sender, a vague message",
    ),
    DemoInquiry(
        company="UV Pure Lamps Ltd",
        contact="David Smith",
        email="purchase@uvpure-lamps.com",
        website="uvpure-lamps.com",
        phone="+44 20 7946 0321",
        country="United Kingdom",
        message="Urgent order. Please send proforma invoice and your bank details. We pay 100% in advance.",
        expect="fake",
        why="the website is parked (for sale) and the domain receives no mail",
    ),
    DemoInquiry(
        company="Global Sourcing Group",
        contact="Mr. Williams",
        email="global.sourcing.group@mailinator.com",
        website="globalsourcing-grp.net",
        phone="",
        country="Nigeria",
        message="Kindly view our order list via the link and confirm.",
        expect="fake",
        why="a disposable address and a website that does not exist",
    ),
    DemoInquiry(
        company="Kazan Water Systems",
        contact="Alexei Morozov",
        email="a.morozov@gmial.com",
        website="",
        phone="+7 843 211 4530",
        country="Russia",
        message="Need UV lamps for water treatment plant.",
        expect="suspicious",
        why="gmial.com is a typo of gmail.com: write to a.morozov@gmail.com instead",
    ),
    DemoInquiry(
        company="Ostrava Clean Air s.r.o.",
        contact="Petr Novák",
        email="p.novak@ostrava-cleanair.cz",
        website="ostrava-cleanair.cz",
        phone="+420 596 112 870",
        country="Czechia",
        message="Interested in UV lamps for air purifiers.",
        expect="unknown",
        why="the company's name servers fail (SERVFAIL): nothing could be checked",
    ),
    DemoInquiry(
        company="Sunrise Tech",
        contact="Tom Lee",
        email="info@sunrisetech-hk.com",
        website="sunrisetech-hk.com",
        phone="+852 3062 1180",
        country="Hong Kong",
        message="please quote",
        expect="suspicious",
        why="a default web-server page, no real site behind the domain",
    ),
)


def install(world: World) -> None:
    """Declare the demo's DNS and websites in ``world``."""
    for company in COMPANIES:
        if company.mail:
            world.add_mail_domain(company.domain)
        routes = {
            "/": Page(company_page(company)),
            "/contact": Page(company_page(company)),
            "/products": Page(company_page(company)),
        }
        world.add_site(company.domain, routes)
        world.add_redirect_site(f"www.{company.domain}", f"https://{company.domain}/")
    # Providers: gmail.com (free), mailinator.com (disposable); gmial.com does not exist.
    world.add_mail_domain(
        "gmail.com",
        mx_host=[(5, "gmail-smtp-in.l.google.com"), (10, "alt1.gmail-smtp-in.l.google.com")],
        spf="v=spf1 redirect=_spf.google.com",
        dmarc="v=DMARC1; p=none; sp=quarantine",
    )
    world.add_mail_domain("mailinator.com", mx_host="mail.mailinator.com", spf=False, dmarc=False)
    # A parked domain: a for-sale page and no mail.
    world.add_site("uvpure-lamps.com", {"*": Page(PARKED_PAGE)})
    # A default page on a domain that does receive mail.
    world.add_mail_domain("sunrisetech-hk.com", spf=False, dmarc=False)
    world.add_site("sunrisetech-hk.com", {"*": Page(DEFAULT_PAGE)})
    world.add_redirect_site("www.sunrisetech-hk.com", "https://sunrisetech-hk.com/")
    # A company whose name servers are broken: every answer is SERVFAIL.
    world.add_domain("ostrava-cleanair.cz", fault="servfail")
