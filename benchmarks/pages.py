"""Realistic company home pages for the benchmarks: 30-80 KB of HTML in several languages.

A real home page is mostly markup around little text: a head with meta tags, a style
sheet and tracking scripts inline, a navigation menu of dozens of links, a product
grid with images, a few paragraphs, news teasers, a footer with columns of links,
social icons as inline SVG and structured data. :func:`company_page` builds such a
page from phrase banks written for this project (English, German, Spanish, French,
Portuguese, Turkish, Russian, Vietnamese, Chinese, Arabic), seeded per site so that a
run is repeatable, and sized to a target (``size``, in bytes of UTF-8).

The industries vary (water treatment, aquaculture, HVAC, food processing, hospital
supply, furniture, logistics), so a benchmark's fit scores are not all alike.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

LANGUAGES = ("en", "de", "es", "fr", "pt", "tr", "ru", "vi", "zh", "ar")


@dataclass(frozen=True)
class Bank:
    """The words of one language: menu items, product names, sentences, labels."""

    menu: tuple[str, ...]
    products: dict[str, tuple[str, ...]]  # industry -> product names
    sentences: dict[str, tuple[str, ...]]  # industry -> sentences
    generic: tuple[str, ...]  # sentences any company writes
    labels: tuple[str, str, str, str, str]  # about, products, news, contact, read more
    months: tuple[str, ...]


_EN = Bank(
    menu=(
        "Home",
        "About us",
        "Products",
        "Solutions",
        "Projects",
        "Service",
        "Downloads",
        "Certificates",
        "Careers",
        "News",
        "Trade fairs",
        "Contact",
        "Request a quote",
        "Distributors",
        "FAQ",
        "Privacy policy",
        "Imprint",
        "Sitemap",
    ),
    products={
        "water": (
            "UV water sterilizer 40 W",
            "UV disinfection reactor for drinking water",
            "Reverse osmosis plant 2 m³/h",
            "Sand filter with backwash valve",
            "Ozone generator for process water",
            "Chlorine dosing station",
            "Ultrafiltration skid",
            "Wastewater UV channel system",
        ),
        "aqua": (
            "UV clarifier for koi ponds",
            "Recirculating aquaculture UV unit",
            "Drum filter for fish farms",
            "Oxygen cone for hatcheries",
            "Protein skimmer 3000 L",
            "Biofilter media",
        ),
        "hvac": (
            "Air handling unit with UV-C lamp",
            "Duct-mounted UV air purifier",
            "Rooftop heat pump",
            "Fan coil unit",
            "Kitchen exhaust hood with ESP filter",
            "Cooling tower fill",
        ),
        "food": (
            "Conveyor UV tunnel for packaging",
            "Stainless steel mixing tank",
            "Pasteuriser for juice",
            "Bottle rinser",
            "Cold room panels",
            "Vacuum packing machine",
        ),
        "medical": (
            "Mobile UV-C disinfection robot",
            "Hospital bed with side rails",
            "Autoclave 23 L",
            "Examination lamp",
            "Air purifier for operating rooms",
            "Instrument washer",
        ),
        "furniture": (
            "Oak dining table",
            "Upholstered sofa, three seats",
            "Office chair",
            "Wardrobe with sliding doors",
            "Bedside table",
            "Bookshelf in walnut",
        ),
        "logistics": (
            "Sea freight consolidation",
            "Air cargo to Europe",
            "Customs clearance",
            "Warehousing in Ningbo",
            "Door-to-door delivery",
            "Cargo insurance",
        ),
    },
    sentences={
        "water": (
            "We design and build treatment plants for towns, hotels and industry.",
            "Our UV systems disinfect drinking water without chemicals.",
            "Every reactor is tested for dose and flow before it leaves our works.",
            "Spare lamps, quartz sleeves and ballasts ship from stock within two days.",
        ),
        "aqua": (
            "Healthy fish need clean water: our UV units keep algae and pathogens down.",
            "We equip hatcheries and shrimp farms from Norway to Vietnam.",
            "Recirculating systems save water and keep the stock stable.",
        ),
        "hvac": (
            "We plan ventilation for offices, schools and hospitals.",
            "UV-C lamps in the air handler keep coils free of biofilm.",
            "Our service team maintains more than 900 installations.",
        ),
        "food": (
            "Machines for dairies, breweries and bakeries, built in stainless steel.",
            "Hygienic design and easy cleaning are at the heart of every line.",
            "We commission each line on site and train your operators.",
        ),
        "medical": (
            "We supply clinics and care homes with equipment and consumables.",
            "Disinfection of rooms and surfaces is part of our hygiene range.",
            "All devices carry the CE mark and come with training.",
        ),
        "furniture": (
            "Solid wood furniture made in our own workshop since 1987.",
            "Every piece is finished by hand with natural oils.",
            "Visit our showroom or order a catalogue.",
        ),
        "logistics": (
            "We move containers between China, Europe and the Middle East.",
            "Our team handles booking, documents and customs for you.",
            "Track every shipment online, day and night.",
        ),
    },
    generic=(
        "Founded in 1996, the company has grown into a trusted partner.",
        "Quality, reliability and fair prices are what our customers value.",
        "Our engineers answer technical questions within one working day.",
        "We work with distributors in more than forty countries.",
        "Certified to ISO 9001 and ISO 14001.",
        "Contact us for a quotation tailored to your project.",
    ),
    labels=("About us", "Our products", "Latest news", "Contact", "Read more"),
    months=("January", "March", "May", "June", "September", "November"),
)

_DE = Bank(
    menu=(
        "Startseite",
        "Über uns",
        "Produkte",
        "Lösungen",
        "Referenzen",
        "Service",
        "Downloads",
        "Zertifikate",
        "Karriere",
        "Aktuelles",
        "Messen",
        "Kontakt",
        "Angebot anfordern",
        "Händler",
        "Häufige Fragen",
        "Datenschutz",
        "Impressum",
    ),
    products={
        "water": (
            "UV-Entkeimungsanlage 40 W",
            "UV-Reaktor für Trinkwasser",
            "Umkehrosmoseanlage 2 m³/h",
            "Kiesfilter mit Rückspülventil",
            "Ozonerzeuger für Prozesswasser",
            "Chlordosieranlage",
            "Ultrafiltrationsanlage",
            "UV-Gerinneanlage für Abwasser",
        ),
        "aqua": (
            "UV-Klärer für Koiteiche",
            "UV-Einheit für Kreislaufanlagen",
            "Trommelfilter für Fischzucht",
            "Sauerstoffkegel",
            "Eiweißabschäumer",
        ),
        "hvac": (
            "Lüftungsgerät mit UV-C-Strahler",
            "Kanal-UV-Luftreiniger",
            "Wärmepumpe",
            "Gebläsekonvektor",
            "Küchenabzugshaube mit Elektrofilter",
        ),
        "food": (
            "UV-Tunnel für Verpackungen",
            "Edelstahl-Rührbehälter",
            "Saftpasteur",
            "Flaschenspüler",
            "Kühlzellen-Paneele",
        ),
        "medical": (
            "Mobiler UV-C-Desinfektionsroboter",
            "Pflegebett",
            "Autoklav 23 L",
            "Untersuchungsleuchte",
            "Luftreiniger für OP-Säle",
        ),
        "furniture": (
            "Esstisch aus Eiche",
            "Dreisitzer-Sofa",
            "Bürostuhl",
            "Schwebetürenschrank",
            "Nachttisch",
            "Bücherregal Nussbaum",
        ),
        "logistics": (
            "Seefracht-Sammelcontainer",
            "Luftfracht nach Europa",
            "Verzollung",
            "Lagerhaltung",
            "Haus-zu-Haus-Lieferung",
        ),
    },
    sentences={
        "water": (
            "Wir planen und bauen Wasseraufbereitungsanlagen für Gemeinden und Industrie.",
            "Unsere UV-Anlagen entkeimen Trinkwasser ganz ohne Chemie.",
            "Jeder Reaktor wird vor der Auslieferung auf Dosis und Durchfluss geprüft.",
        ),
        "aqua": (
            "Gesunde Fische brauchen sauberes Wasser.",
            "Wir rüsten Brutanlagen und Garnelenfarmen aus.",
        ),
        "hvac": (
            "Wir planen Lüftungsanlagen für Büros, Schulen und Kliniken.",
            "UV-C-Strahler im Lüftungsgerät halten die Register frei von Biofilm.",
        ),
        "food": (
            "Maschinen für Molkereien, Brauereien und Bäckereien aus Edelstahl.",
            "Hygienisches Design und einfache Reinigung stehen im Mittelpunkt.",
        ),
        "medical": (
            "Wir beliefern Kliniken und Pflegeheime mit Geräten und Verbrauchsmaterial.",
            "Raum- und Flächendesinfektion gehört zu unserem Hygieneprogramm.",
        ),
        "furniture": (
            "Massivholzmöbel aus eigener Werkstatt seit 1987.",
            "Jedes Stück wird von Hand mit natürlichen Ölen veredelt.",
        ),
        "logistics": (
            "Wir bewegen Container zwischen China, Europa und dem Nahen Osten.",
            "Buchung, Dokumente und Zoll übernehmen wir für Sie.",
        ),
    },
    generic=(
        "Seit der Gründung 1996 ist das Unternehmen ein verlässlicher Partner.",
        "Qualität, Zuverlässigkeit und faire Preise schätzen unsere Kunden.",
        "Unsere Ingenieure beantworten technische Fragen innerhalb eines Werktages.",
        "Zertifiziert nach ISO 9001 und ISO 14001.",
        "Fordern Sie ein Angebot für Ihr Projekt an.",
    ),
    labels=("Über uns", "Unsere Produkte", "Aktuelles", "Kontakt", "Weiterlesen"),
    months=("Januar", "März", "Mai", "Juni", "September", "November"),
)

_ES = Bank(
    menu=(
        "Inicio",
        "Empresa",
        "Productos",
        "Soluciones",
        "Proyectos",
        "Servicio técnico",
        "Descargas",
        "Certificados",
        "Empleo",
        "Noticias",
        "Ferias",
        "Contacto",
        "Solicitar presupuesto",
        "Distribuidores",
        "Preguntas frecuentes",
        "Aviso legal",
    ),
    products={
        "water": (
            "Esterilizador UV de agua 40 W",
            "Reactor UV para agua potable",
            "Planta de ósmosis inversa",
            "Filtro de arena",
            "Generador de ozono",
            "Estación de dosificación de cloro",
        ),
        "aqua": (
            "Clarificador UV para estanques",
            "Unidad UV para acuicultura",
            "Filtro de tambor",
            "Cono de oxígeno",
        ),
        "hvac": (
            "Climatizadora con lámpara UV-C",
            "Purificador de aire para conductos",
            "Bomba de calor",
            "Campana extractora con filtro electrostático",
        ),
        "food": ("Túnel UV para envases", "Depósito mezclador inoxidable", "Pasteurizador"),
        "medical": ("Robot de desinfección UV-C", "Cama hospitalaria", "Autoclave 23 L"),
        "furniture": ("Mesa de comedor de roble", "Sofá de tres plazas", "Silla de oficina"),
        "logistics": ("Grupaje marítimo", "Carga aérea a Europa", "Despacho de aduanas"),
    },
    sentences={
        "water": (
            "Diseñamos y construimos plantas de tratamiento de agua para municipios.",
            "Nuestros equipos UV desinfectan el agua potable sin productos químicos.",
        ),
        "aqua": (
            "Equipamos criaderos y granjas de camarones.",
            "Los sistemas de recirculación ahorran agua.",
        ),
        "hvac": ("Proyectamos ventilación para oficinas, colegios y hospitales.",),
        "food": ("Maquinaria para lácteos, cerveceras y panaderías en acero inoxidable.",),
        "medical": ("Suministramos equipos a clínicas y residencias.",),
        "furniture": ("Muebles de madera maciza fabricados en nuestro taller.",),
        "logistics": ("Movemos contenedores entre China, Europa y Oriente Medio.",),
    },
    generic=(
        "Desde 1996 somos un socio de confianza.",
        "Calidad, fiabilidad y precios justos.",
        "Nuestros ingenieros responden en un día laborable.",
        "Certificados ISO 9001 e ISO 14001.",
    ),
    labels=("Quiénes somos", "Nuestros productos", "Noticias", "Contacto", "Leer más"),
    months=("enero", "marzo", "mayo", "junio", "septiembre", "noviembre"),
)

_FR = Bank(
    menu=(
        "Accueil",
        "Société",
        "Produits",
        "Solutions",
        "Références",
        "Service après-vente",
        "Téléchargements",
        "Certificats",
        "Carrières",
        "Actualités",
        "Salons",
        "Contact",
        "Demander un devis",
        "Revendeurs",
        "Questions fréquentes",
        "Mentions légales",
    ),
    products={
        "water": (
            "Stérilisateur UV pour l'eau 40 W",
            "Réacteur UV pour eau potable",
            "Osmoseur industriel",
            "Filtre à sable",
            "Générateur d'ozone",
        ),
        "aqua": ("Clarificateur UV pour bassins", "Unité UV pour aquaculture"),
        "hvac": (
            "Centrale de traitement d'air avec lampe UV-C",
            "Purificateur d'air en gaine",
            "Pompe à chaleur",
        ),
        "food": ("Tunnel UV pour emballages", "Cuve de mélange inox", "Pasteurisateur"),
        "medical": ("Robot de désinfection UV-C", "Lit médicalisé", "Autoclave"),
        "furniture": ("Table en chêne massif", "Canapé trois places", "Fauteuil de bureau"),
        "logistics": ("Groupage maritime", "Fret aérien vers l'Europe", "Dédouanement"),
    },
    sentences={
        "water": (
            "Nous concevons des stations de traitement d'eau pour les collectivités.",
            "Nos systèmes UV désinfectent l'eau potable sans produits chimiques.",
        ),
        "aqua": ("Des poissons en bonne santé ont besoin d'une eau propre.",),
        "hvac": ("Nous étudions la ventilation des bureaux, écoles et hôpitaux.",),
        "food": ("Des machines en inox pour laiteries, brasseries et boulangeries.",),
        "medical": ("Nous équipons cliniques et maisons de retraite.",),
        "furniture": ("Des meubles en bois massif fabriqués dans notre atelier.",),
        "logistics": ("Nous transportons vos conteneurs entre la Chine et l'Europe.",),
    },
    generic=(
        "Fondée en 1996, l'entreprise est devenue un partenaire de confiance.",
        "Qualité, fiabilité et prix justes.",
        "Certifiée ISO 9001 et ISO 14001.",
    ),
    labels=("Qui sommes-nous", "Nos produits", "Actualités", "Contact", "Lire la suite"),
    months=("janvier", "mars", "mai", "juin", "septembre", "novembre"),
)

_PT = Bank(
    menu=(
        "Início",
        "Empresa",
        "Produtos",
        "Soluções",
        "Obras",
        "Assistência técnica",
        "Downloads",
        "Certificações",
        "Trabalhe conosco",
        "Notícias",
        "Contato",
        "Solicite um orçamento",
        "Revendedores",
        "Perguntas frequentes",
    ),
    products={
        "water": (
            "Esterilizador UV de água 40 W",
            "Reator UV para água potável",
            "Sistema de osmose reversa",
            "Filtro de areia",
            "Gerador de ozônio",
        ),
        "aqua": ("Clarificador UV para lagos", "Unidade UV para aquicultura"),
        "hvac": ("Unidade de tratamento de ar com lâmpada UV-C", "Bomba de calor"),
        "food": ("Túnel UV para embalagens", "Tanque de mistura inox"),
        "medical": ("Robô de desinfecção UV-C", "Cama hospitalar", "Autoclave"),
        "furniture": ("Mesa de jantar em carvalho", "Sofá de três lugares"),
        "logistics": ("Frete marítimo consolidado", "Carga aérea", "Desembaraço aduaneiro"),
    },
    sentences={
        "water": (
            "Projetamos estações de tratamento de água para municípios e indústrias.",
            "Nossos sistemas UV desinfetam a água sem produtos químicos.",
        ),
        "aqua": ("Equipamos fazendas de camarão e tilápia.",),
        "hvac": ("Projetamos climatização para escritórios e hospitais.",),
        "food": ("Máquinas em aço inox para laticínios e cervejarias.",),
        "medical": ("Fornecemos equipamentos para clínicas e hospitais.",),
        "furniture": ("Móveis de madeira maciça feitos em nossa oficina.",),
        "logistics": ("Transportamos contêineres entre a China e o Brasil.",),
    },
    generic=(
        "Desde 1996 somos um parceiro de confiança.",
        "Qualidade e preço justo.",
        "Certificada ISO 9001.",
    ),
    labels=("Quem somos", "Nossos produtos", "Notícias", "Contato", "Saiba mais"),
    months=("janeiro", "março", "maio", "junho", "setembro", "novembro"),
)

_TR = Bank(
    menu=(
        "Ana sayfa",
        "Hakkımızda",
        "Ürünler",
        "Çözümler",
        "Projeler",
        "Servis",
        "Kataloglar",
        "Sertifikalar",
        "Kariyer",
        "Haberler",
        "Fuarlar",
        "İletişim",
        "Teklif isteyin",
        "Bayiler",
        "Sıkça sorulan sorular",
        "KVKK",
    ),
    products={
        "water": (
            "UV su sterilizatörü 40 W",
            "İçme suyu için UV reaktörü",
            "Ters ozmoz sistemi",
            "Kum filtresi",
            "Ozon jeneratörü",
        ),
        "aqua": ("Havuz için UV arıtıcı", "Balık çiftliği UV ünitesi"),
        "hvac": ("UV-C lambalı klima santrali", "Kanal tipi UV hava temizleyici"),
        "food": ("Ambalaj için UV tüneli", "Paslanmaz karıştırma tankı"),
        "medical": ("UV-C dezenfeksiyon robotu", "Hasta yatağı", "Otoklav"),
        "furniture": ("Meşe yemek masası", "Üçlü kanepe", "Ofis koltuğu"),
        "logistics": ("Parsiyel deniz taşımacılığı", "Hava kargo", "Gümrükleme"),
    },
    sentences={
        "water": (
            "Belediyeler ve sanayi için su arıtma tesisleri kuruyoruz.",
            "UV sistemlerimiz içme suyunu kimyasal kullanmadan dezenfekte eder.",
        ),
        "aqua": ("Balık ve karides çiftliklerine ekipman sağlıyoruz.",),
        "hvac": ("Ofis, okul ve hastaneler için havalandırma projelendiriyoruz.",),
        "food": ("Süt ve içecek sektörüne paslanmaz makineler üretiyoruz.",),
        "medical": ("Klinik ve hastanelere cihaz tedarik ediyoruz.",),
        "furniture": ("Kendi atölyemizde masif ahşap mobilya üretiyoruz.",),
        "logistics": ("Çin ile Türkiye arasında konteyner taşıyoruz.",),
    },
    generic=(
        "1996'dan beri güvenilir bir iş ortağıyız.",
        "Kalite ve uygun fiyat.",
        "ISO 9001 belgelidir.",
    ),
    labels=("Hakkımızda", "Ürünlerimiz", "Haberler", "İletişim", "Devamı"),
    months=("Ocak", "Mart", "Mayıs", "Haziran", "Eylül", "Kasım"),
)

_RU = Bank(
    menu=(
        "Главная",
        "О компании",
        "Продукция",
        "Решения",
        "Объекты",
        "Сервис",
        "Документация",
        "Сертификаты",
        "Вакансии",
        "Новости",
        "Выставки",
        "Контакты",
        "Запросить цену",
        "Дилеры",
        "Вопросы и ответы",
        "Политика конфиденциальности",
    ),
    products={
        "water": (
            "УФ-стерилизатор воды 40 Вт",
            "УФ-реактор для питьевой воды",
            "Установка обратного осмоса",
            "Песчаный фильтр",
            "Озонатор",
        ),
        "aqua": ("УФ-осветлитель для прудов", "УФ-установка для аквакультуры"),
        "hvac": ("Приточная установка с УФ-лампой", "Канальный УФ-очиститель воздуха"),
        "food": ("УФ-тоннель для упаковки", "Ёмкость из нержавеющей стали"),
        "medical": ("Робот для УФ-дезинфекции", "Медицинская кровать", "Автоклав"),
        "furniture": ("Обеденный стол из дуба", "Трёхместный диван", "Офисное кресло"),
        "logistics": ("Морские сборные грузы", "Авиаперевозки", "Таможенное оформление"),
    },
    sentences={
        "water": (
            "Мы проектируем и строим станции водоподготовки для городов и заводов.",
            "Наши УФ-системы обеззараживают питьевую воду без химии.",
        ),
        "aqua": ("Мы оснащаем рыбоводные хозяйства.",),
        "hvac": ("Проектируем вентиляцию для офисов, школ и больниц.",),
        "food": ("Оборудование из нержавеющей стали для молочных заводов.",),
        "medical": ("Поставляем оборудование для клиник.",),
        "furniture": ("Мебель из массива дерева собственного производства.",),
        "logistics": ("Доставляем контейнеры из Китая в Россию.",),
    },
    generic=(
        "С 1996 года мы надёжный партнёр.",
        "Качество и честные цены.",
        "Сертифицировано по ISO 9001.",
    ),
    labels=("О компании", "Наша продукция", "Новости", "Контакты", "Подробнее"),
    months=("января", "марта", "мая", "июня", "сентября", "ноября"),
)

_VI = Bank(
    menu=(
        "Trang chủ",
        "Giới thiệu",
        "Sản phẩm",
        "Giải pháp",
        "Dự án",
        "Dịch vụ",
        "Tài liệu",
        "Chứng nhận",
        "Tuyển dụng",
        "Tin tức",
        "Liên hệ",
        "Yêu cầu báo giá",
    ),
    products={
        "water": (
            "Đèn UV diệt khuẩn nước 40 W",
            "Hệ thống lọc nước RO",
            "Bộ lọc cát",
            "Máy tạo ozone",
        ),
        "aqua": ("Đèn UV cho ao nuôi tôm", "Bộ lọc trống cho trại cá"),
        "hvac": ("Máy xử lý không khí có đèn UV-C", "Máy bơm nhiệt"),
        "food": ("Đường hầm UV cho bao bì", "Bồn khuấy inox"),
        "medical": ("Robot khử khuẩn UV-C", "Giường bệnh nhân"),
        "furniture": ("Bàn ăn gỗ sồi", "Ghế sofa ba chỗ"),
        "logistics": ("Vận chuyển hàng lẻ đường biển", "Hàng không", "Thủ tục hải quan"),
    },
    sentences={
        "water": (
            "Chúng tôi thiết kế và lắp đặt hệ thống xử lý nước cho nhà máy.",
            "Hệ thống UV khử trùng nước uống mà không cần hóa chất.",
        ),
        "aqua": ("Chúng tôi cung cấp thiết bị cho trại nuôi tôm.",),
        "hvac": ("Thiết kế thông gió cho văn phòng và bệnh viện.",),
        "food": ("Máy móc inox cho nhà máy sữa và bia.",),
        "medical": ("Cung cấp thiết bị cho phòng khám.",),
        "furniture": ("Đồ gỗ tự nhiên sản xuất tại xưởng.",),
        "logistics": ("Vận chuyển container từ Trung Quốc về Việt Nam.",),
    },
    generic=("Thành lập năm 2006, chúng tôi là đối tác tin cậy.", "Chất lượng và giá tốt."),
    labels=("Giới thiệu", "Sản phẩm", "Tin tức", "Liên hệ", "Xem thêm"),
    months=("tháng 1", "tháng 3", "tháng 5", "tháng 6", "tháng 9", "tháng 11"),
)

_ZH = Bank(
    menu=(
        "首页",
        "关于我们",
        "产品中心",
        "解决方案",
        "工程案例",
        "售后服务",
        "资料下载",
        "资质证书",
        "人才招聘",
        "新闻动态",
        "展会信息",
        "联系我们",
        "在线询价",
    ),
    products={
        "water": (
            "紫外线杀菌器 40W",
            "饮用水紫外线消毒设备",
            "反渗透纯水设备",
            "石英砂过滤器",
            "臭氧发生器",
            "加氯设备",
        ),
        "aqua": ("鱼池紫外线杀菌灯", "循环水养殖紫外消毒器", "微滤机"),
        "hvac": ("带紫外灯的空调机组", "风管式紫外线空气净化器", "热泵机组"),
        "food": ("包装紫外线杀菌隧道", "不锈钢搅拌罐", "果汁巴氏杀菌机"),
        "medical": ("紫外线消毒机器人", "医用护理床", "高压灭菌器"),
        "furniture": ("橡木餐桌", "三人沙发", "办公椅"),
        "logistics": ("海运拼箱", "空运", "报关服务"),
    },
    sentences={
        "water": ("公司专业从事水处理设备的研发、生产和销售。", "紫外线消毒不添加任何化学药剂。"),
        "aqua": ("为水产养殖场提供水质处理方案。",),
        "hvac": ("为医院和学校设计通风系统。",),
        "food": ("为乳品和饮料工厂提供不锈钢设备。",),
        "medical": ("为医院和诊所提供消毒设备。",),
        "furniture": ("自有工厂生产实木家具。",),
        "logistics": ("提供中国至欧洲的集装箱运输服务。",),
    },
    generic=(
        "公司成立于2003年，是值得信赖的合作伙伴。",
        "质量可靠，价格合理。",
        "通过ISO9001质量体系认证。",
        "欢迎来电咨询。",
    ),
    labels=("关于我们", "产品中心", "新闻动态", "联系我们", "查看详情"),
    months=("1月", "3月", "5月", "6月", "9月", "11月"),
)

_AR = Bank(
    menu=(
        "الرئيسية",
        "من نحن",
        "المنتجات",
        "الحلول",
        "المشاريع",
        "الخدمات",
        "التحميلات",
        "الشهادات",
        "الوظائف",
        "الأخبار",
        "اتصل بنا",
        "اطلب عرض سعر",
    ),
    products={
        "water": (
            "جهاز تعقيم المياه بالأشعة فوق البنفسجية",
            "محطة تحلية بالتناضح العكسي",
            "فلتر رملي",
            "مولد أوزون",
        ),
        "aqua": ("وحدة أشعة فوق بنفسجية لمزارع الأسماك",),
        "hvac": ("وحدة مناولة هواء مع مصباح UV-C", "مضخة حرارية"),
        "food": ("نفق تعقيم للعبوات", "خزان خلط من الفولاذ"),
        "medical": ("روبوت تعقيم بالأشعة فوق البنفسجية", "سرير طبي"),
        "furniture": ("طاولة طعام من خشب البلوط", "أريكة بثلاثة مقاعد"),
        "logistics": ("شحن بحري مجمع", "شحن جوي", "تخليص جمركي"),
    },
    sentences={
        "water": (
            "نصمم وننفذ محطات معالجة المياه للمدن والمصانع.",
            "أنظمتنا تعقم مياه الشرب دون مواد كيميائية.",
        ),
        "aqua": ("نجهز مزارع الأسماك والروبيان.",),
        "hvac": ("نصمم أنظمة التهوية للمكاتب والمستشفيات.",),
        "food": ("معدات من الفولاذ المقاوم للصدأ لمصانع الألبان.",),
        "medical": ("نورد الأجهزة للعيادات والمستشفيات.",),
        "furniture": ("أثاث من الخشب الصلب من ورشتنا.",),
        "logistics": ("ننقل الحاويات بين الصين والخليج.",),
    },
    generic=("منذ عام 1998 نحن شريك موثوق.", "الجودة والسعر المناسب."),
    labels=("من نحن", "منتجاتنا", "الأخبار", "اتصل بنا", "المزيد"),
    months=("يناير", "مارس", "مايو", "يونيو", "سبتمبر", "نوفمبر"),
)

BANKS: dict[str, Bank] = {
    "en": _EN, "de": _DE, "es": _ES, "fr": _FR, "pt": _PT,
    "tr": _TR, "ru": _RU, "vi": _VI, "zh": _ZH, "ar": _AR,
}  # fmt: skip
INDUSTRIES = ("water", "aqua", "hvac", "food", "medical", "furniture", "logistics")

_STYLE_RULES = (
    "body{margin:0;font-family:Helvetica,Arial,sans-serif;color:#222;line-height:1.5}",
    ".container{max-width:1200px;margin:0 auto;padding:0 16px}",
    ".nav a{display:inline-block;padding:12px 14px;color:#0b3a5b;text-decoration:none}",
    ".nav .dropdown{position:absolute;display:none;background:#fff;box-shadow:0 4px 12px #0002}",
    ".hero{background:linear-gradient(90deg,#0b3a5b,#1f6f9f);color:#fff;padding:64px 0}",
    ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(240px,1fr));gap:24px}",
    ".card{border:1px solid #e3e7ea;border-radius:6px;overflow:hidden;background:#fff}",
    ".card img{width:100%;height:180px;object-fit:cover}",
    ".card h3{font-size:17px;margin:12px 14px 4px}",
    ".btn{display:inline-block;background:#f28c28;color:#fff;padding:10px 18px;border-radius:4px}",
    "footer{background:#14212b;color:#c9d2d8;padding:40px 0 16px;font-size:14px}",
    "footer a{color:#c9d2d8}",
    "@media (max-width:768px){.nav{display:none}.hero{padding:32px 0}}",
)
_SCRIPT = (
    "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
    "gtag('js',new Date());gtag('config','G-{tag}',{'anonymize_ip':true});"
    "(function(){var menu=document.querySelectorAll('.nav li');for(var i=0;i<menu.length;i++)"
    "{menu[i].addEventListener('mouseenter',function(){var d=this.querySelector('.dropdown');"
    "if(d){d.style.display='block';}});menu[i].addEventListener('mouseleave',function(){"
    "var d=this.querySelector('.dropdown');if(d){d.style.display='none';}});}})();"
)
_ICON = (
    '<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">'
    '<path d="M12 2C6.5 2 2 6.5 2 12c0 5 3.7 9.1 8.4 9.9v-7H7.9V12h2.5V9.8c0-2.5 1.5-3.9 3.8-3.9'
    " 1.1 0 2.2.2 2.2.2v2.5h-1.3c-1.2 0-1.6.8-1.6 1.6V12h2.8l-.4 2.9h-2.3v7C18.3 21.1 22 17 22 "
    '12c0-5.5-4.5-10-10-10z"/></svg>'
)


def _slug(text: str, index: int) -> str:
    ascii_part = "".join(ch.lower() if ch.isascii() and ch.isalnum() else "-" for ch in text)
    return "-".join(part for part in ascii_part.split("-") if part)[:40] or f"item-{index}"


def company_page(
    domain: str,
    name: str,
    *,
    language: str = "en",
    industry: str = "water",
    size: int = 50_000,
    seed: int = 0,
    phone: str = "+49 711 2589340",
) -> str:
    """A home page of about ``size`` bytes (UTF-8) for the company ``name`` at ``domain``."""
    bank = BANKS[language]
    rng = random.Random(f"{domain}/{seed}")
    about, _products, news_label, contact_label, more = bank.labels
    products = bank.products[industry]
    sentences = bank.sentences[industry]
    direction = ' dir="rtl"' if language == "ar" else ""
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{language}"{direction}>',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{name} – {products[0]} | {bank.menu[2]}</title>",
        f'<meta name="description" content="{name}: {sentences[0]}">',
        f'<meta property="og:title" content="{name}">',
        f'<meta property="og:url" content="https://{domain}/">',
        '<meta name="generator" content="WordPress 6.4.2">',
        f'<link rel="canonical" href="https://{domain}/">',
        f'<link rel="icon" href="https://{domain}/favicon.ico">',
        f'<link rel="stylesheet" href="https://{domain}/wp-content/themes/corp/style.css?v=3.1">',
        "<style>" + "".join(_STYLE_RULES) + "</style>",
        "<script>" + _SCRIPT.replace("{tag}", f"{rng.randrange(10**9):09d}") + "</script>",
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        f'"@type":"Organization","name":"{name}","url":"https://{domain}/",'
        f'"telephone":"{phone}","email":"info@{domain}"}}</script>',
        "</head>",
    ]
    nav = ['<body class="home page-template-default">', '<header class="site-header">',
           '<div class="topbar container">',
           f'<a href="mailto:info@{domain}">info@{domain}</a> · <a href="tel:{phone}">{phone}</a>',
           "</div>", '<nav class="nav container"><ul>']  # fmt: skip
    for index, item in enumerate(bank.menu):
        nav.append(f'<li><a href="https://{domain}/{_slug(item, index)}/">{item}</a>')
        if index in (2, 3):
            nav.append('<ul class="dropdown">')
            for sub, product in enumerate(products):
                nav.append(f'<li><a href="/{_slug(product, sub)}.html">{product}</a></li>')
            nav.append("</ul>")
        nav.append("</li>")
    nav += ["</ul></nav>", "</header>"]
    hero = [
        '<section class="hero"><div class="container">',
        f"<h1>{name}</h1>",
        f"<p>{rng.choice(sentences)} {rng.choice(bank.generic)}</p>",
        f'<a class="btn" href="/{_slug(bank.menu[12 % len(bank.menu)], 12)}/">{bank.menu[-1]}</a>',
        "</div></section>",
    ]
    tail = [
        '<footer><div class="container"><div class="cols">',
        f"<div><h4>{contact_label}</h4><p>{name}<br>{phone}<br>"
        f'<a href="mailto:sales@{domain}">sales@{domain}</a></p></div>',
        "<div><h4>"
        + bank.menu[2]
        + "</h4><ul>"
        + "".join(f'<li><a href="/{_slug(p, i)}.html">{p}</a></li>' for i, p in enumerate(products))
        + "</ul></div>",
        '<div class="social">'
        + "".join(
            f'<a href="https://{net}.com/{domain.split(".")[0]}" rel="noopener">{_ICON}</a>'
            for net in ("facebook", "linkedin", "youtube", "instagram")
        )
        + "</div>",
        f'</div><p class="copy">© 2026 {name}. {bank.menu[-2]} · {bank.menu[-1]}</p>',
        "</div></footer>",
        f'<script src="https://{domain}/wp-includes/js/jquery/jquery.min.js?ver=3.7.1"></script>',
        "</body></html>",
    ]
    fixed = len("\n".join(head + nav + hero + tail).encode("utf-8"))
    body: list[str] = []
    budget = size - fixed
    sections = 0
    while budget > 0:
        block = _section(bank, rng, domain, sections, products, sentences, about, more)
        if sections % 3 == 1:
            block = _news(bank, rng, domain, sections, news_label, more)
        elif sections % 3 == 2:
            block = _about(bank, rng, sections, about, sentences)
        body.append(block)
        budget -= len(block.encode("utf-8")) + 1
        sections += 1
    return "\n".join(head + nav + hero + body + tail)


def _section(
    bank: Bank,
    rng: random.Random,
    domain: str,
    number: int,
    products: tuple[str, ...],
    sentences: tuple[str, ...],
    about: str,
    more: str,
) -> str:
    cards = []
    for index in range(rng.randint(4, 8)):
        product = rng.choice(products)
        slug = _slug(product, index)
        image = f"https://{domain}/wp-content/uploads/2025/0{rng.randint(1, 9)}/{slug}-{index}.jpg"
        cards.append(
            f'<div class="card"><a href="/{slug}.html"><img src="{image}" alt="{product}" '
            f'loading="lazy" width="480" height="360"></a><h3>{product}</h3>'
            f"<p>{rng.choice(sentences)} {rng.choice(bank.generic)}</p>"
            f'<a class="more" href="/{slug}.html">{more} ›</a></div>'
        )
    return (
        f'<section class="products" id="s{number}"><div class="container">'
        f'<h2>{bank.labels[1]}</h2><div class="grid">{"".join(cards)}</div></div></section>'
    )


def _news(bank: Bank, rng: random.Random, domain: str, number: int, label: str, more: str) -> str:
    items = []
    for index in range(rng.randint(3, 5)):
        month = rng.choice(bank.months)
        items.append(
            f'<article class="post"><time datetime="2026-0{rng.randint(1, 9)}-1{index}">'
            f"{rng.randint(1, 28)} {month} 2026</time><h3>{rng.choice(bank.generic)}</h3>"
            f"<p>{rng.choice(bank.generic)} {rng.choice(bank.generic)}</p>"
            f'<a href="https://{domain}/news/{number}-{index}/">{more}</a></article>'
        )
    inner = "".join(items)
    return f'<section class="news"><div class="container"><h2>{label}</h2>{inner}</div></section>'


def _about(
    bank: Bank, rng: random.Random, number: int, label: str, sentences: tuple[str, ...]
) -> str:
    paragraphs = "".join(
        f"<p>{rng.choice(sentences)} {rng.choice(bank.generic)} {rng.choice(sentences)}</p>"
        for _ in range(rng.randint(2, 4))
    )
    return (
        f'<section class="about" id="a{number}"><div class="container"><h2>{label}</h2>'
        f'<div class="text">{paragraphs}</div></div></section>'
    )


def site_profile(index: int) -> tuple[str, str, int]:
    """(language, industry, size) for the ``index``-th company of a benchmark: varied, fixed."""
    rng = random.Random(index)
    return rng.choice(LANGUAGES), rng.choice(INDUSTRIES), rng.randint(30_000, 80_000)


def company_site(index: int) -> tuple[str, str, str]:
    """(domain, company name, home page) of the ``index``-th company of a benchmark."""
    domain = f"company-{index:05}.de"
    name = f"Company {index:05} GmbH"
    language, industry, size = site_profile(index)
    return domain, name, company_page(domain, name, language=language, industry=industry, size=size)
