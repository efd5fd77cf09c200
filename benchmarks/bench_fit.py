"""Throughput of industry-fit matching: shipped taxonomy vs. a 10x larger generated one.

Run:  python benchmarks/bench_fit.py [--mb 8] [--repeat 5]

The corpus is generated here: multilingual page-like text (the 14 taxonomy languages),
mostly everyday business prose with domain terms sprinkled in, cut into 50 KB pages.
Reported per taxonomy: the automaton build time, and MB/s of text for
  fold   - folding alone (case, accents, punctuation; shared by every taxonomy),
  match  - one Aho-Corasick pass over already folded text, with overlap handling,
  score  - score_fit end to end (fold + match + scoring) on FitInput(body=page).
"""

from __future__ import annotations

import argparse
import platform
import random
import time
import tomllib
from collections.abc import Callable
from typing import Any

from leadcheck.datafiles import data_path
from leadcheck.fit.matcher import CompiledTaxonomy, compile_taxonomy
from leadcheck.fit.normalize import fold
from leadcheck.fit.scoring import FitInput, score_fit
from leadcheck.fit.taxonomy import Taxonomy, load_taxonomy, parse_taxonomy

PAGE_BYTES = 50_000

PROSE = [
    "Our company was founded in 1998 and serves customers in more than forty countries.",
    "Contact our sales team for a quotation, delivery times and payment terms.",
    "Unser Unternehmen liefert seit Jahrzehnten zuverlässige Produkte an Kunden weltweit.",
    "Nous accompagnons nos clients de la conception à la mise en service de leurs projets.",
    "Ofrecemos asesoramiento técnico, instalación y servicio posventa en toda la región.",
    "La nostra azienda offre soluzioni su misura per clienti pubblici e privati.",
    "Oferecemos produtos de alta qualidade com entrega rápida para todo o Brasil.",
    "Wij leveren maatwerkoplossingen voor bedrijven in de Benelux en daarbuiten.",
    "Nasza firma działa na rynku od ponad dwudziestu lat i zatrudnia specjalistów.",
    "Firmamız müşterilerine yüksek kaliteli ürünler ve hızlı teslimat sunmaktadır.",
    "Наша компания работает на рынке более пятнадцати лет и ценит своих клиентов.",
    "تقدم شركتنا حلولا متكاملة لعملائها في جميع أنحاء المنطقة بأعلى معايير الجودة.",
    "Công ty chúng tôi cung cấp sản phẩm chất lượng cao với giá cả cạnh tranh.",
    "Perusahaan kami menyediakan produk berkualitas dengan layanan purna jual terbaik.",
    "我们公司成立于二零零五年，产品远销欧美及东南亚等四十多个国家和地区。",
]
DOMAIN = [
    "UV-C water sterilizers and germicidal lamps for drinking water.",
    "Planung von Trinkwasseraufbereitungsanlagen und UV-Entkeimung.",
    "Construcción de depuradoras de aguas residuales llave en mano.",
    "Traitement de l'eau de piscine par stérilisateur UV.",
    "Equipamentos para carcinicultura e tratamento de águas.",
    "Станции водоподготовки и УФ-обеззараживание воды.",
    "紫外线消毒设备广泛用于污水处理和水产养殖。",
    "تعقيم المياه بالأشعة فوق البنفسجية لمحطات معالجة المياه.",
    "Hệ thống xử lý nước ao nuôi tôm bằng đèn UV.",
    "Havalandırma ve hava dezenfeksiyonu çözümleri.",
]


def corpus(megabytes: float, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    pages: list[str] = []
    total = 0
    target = int(megabytes * 1_000_000)
    while total < target:
        parts: list[str] = []
        size = 0
        while size < PAGE_BYTES:
            sentence = rng.choice(DOMAIN) if rng.random() < 0.05 else rng.choice(PROSE)
            parts.append(sentence + ("\n" if rng.random() < 0.2 else " "))
            size += len(sentence.encode()) + 1
        page = "".join(parts)
        pages.append(page)
        total += len(page.encode())
    return pages


def big_taxonomy(factor: int = 10, seed: int = 11) -> Taxonomy:
    """The shipped taxonomy plus generated segments, ``factor`` times as many terms."""
    path = data_path("taxonomy.toml")
    with path.open("rb") as stream:
        data: dict[str, Any] = tomllib.load(stream)
    shipped = sum(1 for _, group in load_taxonomy().groups() for _ in group.iter_terms())
    rng = random.Random(seed)
    latin = "abcdefghijklmnoprstuvwyzäöüéèàçñ"
    cjk = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    cyrillic = "абвгдежзиклмнопрстуфхцчшщыэюя"

    def word(alphabet: str) -> str:
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(4, 11)))

    extra = (factor - 1) * shipped
    per_segment = 500
    for number in range(extra // per_segment + 1):
        terms: dict[str, list[str]] = {"en": [], "ru": [], "zh": []}
        seen: set[str] = set()
        for index in range(per_segment):
            kind = index % 10
            if kind < 6:
                language = "en"
                term = " ".join(word(latin) for _ in range(rng.randint(1, 3)))
                term += "*" if kind == 0 else ""
            elif kind < 8:
                language = "ru"
                term = word(cyrillic) + ("*" if kind == 6 else "")
            else:
                language = "zh"
                term = "".join(rng.choice(cjk) for _ in range(rng.randint(2, 4)))
            if fold(term.strip("*")) not in seen:  # spellings that fold alike are refused
                seen.add(fold(term.strip("*")))
                terms[language].append(term)
        data["segment"].append(
            {
                "id": f"generated_{number}",
                "name": f"Generated {number}",
                "weight": 0.5,
                "terms": terms,
            }
        )
    return parse_taxonomy(data, path)


def best_of(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=8.0, help="corpus size in MB (default 8)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure; the best counts")
    args = parser.parse_args()

    pages = corpus(args.mb)
    megabytes = sum(len(page.encode()) for page in pages) / 1_000_000
    folded = [fold(page) for page in pages]
    fold_s = best_of(args.repeat, lambda: [fold(page) for page in pages])
    docs = [FitInput(body=page) for page in pages]

    print(
        f"python {platform.python_version()} on {platform.machine()}, corpus {megabytes:.1f} MB "
        f"in {len(pages)} pages of ~{PAGE_BYTES // 1000} KB (utf-8)"
    )
    print(f"fold alone: {megabytes / fold_s:7.1f} MB/s\n")
    header = (
        f"{'taxonomy':<22}{'terms':>7}{'keys':>8}{'build s':>9}{'match MB/s':>12}{'score MB/s':>12}"
    )
    print(header)
    print("-" * len(header))
    for label, make in (("shipped", load_taxonomy), ("10x generated", big_taxonomy)):
        taxonomy = make()
        start = time.perf_counter()
        compiled = compile_taxonomy(taxonomy)
        build = time.perf_counter() - start

        def match(compiled: CompiledTaxonomy = compiled) -> None:
            for text in folded:
                compiled.count(text)

        def score(taxonomy: Taxonomy = taxonomy, compiled: CompiledTaxonomy = compiled) -> None:
            # every page scored as if first seen: a batch run remembers the pages of
            # the sites it has matched, which would make repeats free
            compiled.clear_cache()
            for doc in docs:
                score_fit(doc, taxonomy)

        match_s = best_of(args.repeat, match)
        score_s = best_of(args.repeat, score)
        print(
            f"{label:<22}{len(compiled.terms):>7}{compiled.key_count:>8}{build:>9.2f}"
            f"{megabytes / match_s:>12.1f}{megabytes / score_s:>12.1f}"
        )


if __name__ == "__main__":
    main()
