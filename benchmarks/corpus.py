"""Generate a corpus of German and English business news articles for benchmarks and tests.

Articles are composed from sentence templates with varied companies, amounts, dates and
horizons; a seeded random generator makes every run produce the same corpus. Nothing is
downloaded. ``novel=N`` adds N invented words (product, site and project names) per article,
each distinct across the whole corpus, to exercise vocabulary growth in long-running services.

    python benchmarks/corpus.py --n 2000 --out corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

COMPANIES = [
    "Meta Platforms", "Alphabet", "Volkswagen", "Siemens", "SAP", "BASF", "Allianz", "Bayer",
    "Deutsche Telekom", "Mercedes-Benz", "BMW", "Infineon", "Adidas", "Zalando", "Lufthansa",
    "Apple", "Microsoft", "Amazon", "Nvidia", "Tesla", "Intel", "Oracle", "Netflix", "Pfizer",
    "Nestlé", "Novartis", "Roche", "UBS", "Shell", "Unilever", "HSBC", "Vodafone", "Rheinmetall",
    "Continental", "Henkel", "Merck", "E.ON", "RWE", "Commerzbank", "Deutsche Bank",
]
CURRENCIES = {"de": ["Euro", "Dollar", "US-Dollar", "Franken", "Pfund"],
              "en": ["dollars", "euros", "pounds", "Swiss francs"]}
CURRENCY_SIGNS = {"de": ["€", "$"], "en": ["$", "€", "£"]}
MULT = {"de": ["Millionen", "Milliarden", "Mio.", "Mrd."], "en": ["million", "billion", "bn", "m"]}
MONTHS = {
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}
NUMBER_WORDS = {"de": ["sechs", "zwölf", "achtzehn", "24", "36"],
                "en": ["six", "twelve", "eighteen", "24", "36"]}
ROLES = {"de": ["Finanzvorstand", "Vorstandschef", "Technikchef", "Aufsichtsratschef"],
         "en": ["chief financial officer", "chief executive", "chief technology officer",
                "chairman"]}
PEOPLE = ["Anna Becker", "Jonas Weber", "Laura Fischer", "Michael Schmidt", "Sarah Klein",
          "David Miller", "Emily Clarke", "James Turner", "Olivia Brooks", "Thomas Wagner"]
PLACES = {"de": ["Deutschland", "Bayern", "Berlin", "Frankfurt", "Europa", "den USA", "Asien"],
          "en": ["Germany", "Texas", "Ohio", "Europe", "the United States", "Asia", "Ireland"]}
ASSETS = {"de": ["Rechenzentren", "das Logistikgeschäft", "eine Beteiligung", "Immobilien",
                 "die Chemiesparte", "Funktürme"],
          "en": ["data center assets", "its logistics unit", "a minority stake", "real estate",
                 "the chemicals division", "cell towers"]}

# Event sentences: they carry the things eventx looks for.
EVENT = {
    "de": [
        "{c} will {asset} im Wert von {money} verkaufen.",
        "{c} hat angekündigt, {asset} für {money} an {c2} zu veräußern.",
        "Der Konzern {c} übernimmt {c2} für {money}.",
        "{c} kauft einen Anteil von {pct} an {c2} für rund {money}.",
        "{c} plant, innerhalb der nächsten {nw} Monate {money} in {place} zu investieren.",
        "{c} will bis Ende {year} insgesamt {money} in neue Werke investieren.",
        "{c} hat eine Anleihe über {money} platziert.",
        "{c} und {c2} wollen bei Batterien enger zusammenarbeiten.",
        "Der Umsatz von {c} stieg im zweiten Quartal um {pct} auf {money}.",
        "{c} hob die Prognose für das laufende Geschäftsjahr an und erwartet nun einen Umsatz von {money}.",
        "{c} erhöht die Dividende auf {small} je Aktie.",
        "{c} kündigte ein Aktienrückkaufprogramm über {money} an, das bis Ende {year} laufen soll.",
        "{c} will rund {heads} Stellen in {place} streichen.",
        "{person} wird zum {month} neuer {role} von {c}.",
        "{c} nimmt eine Wertberichtigung von {money} auf {asset} vor.",
        "Die EU-Kommission verhängte gegen {c} eine Strafe von {money}.",
        "Die Ratingagentur Moody's stufte {c} von A2 auf A3 herab.",
        "{c} prüft derzeit, wie das Unternehmen mit Finanzpartnern zusammenarbeiten kann.",
        "Im {month} hatte {c} den Börsengang an der Frankfurter Börse angekündigt, der bis zu {money} einbringen soll.",
    ],
    "en": [
        "{c} plans to sell {asset} worth {money}.",
        "{c} agreed to sell {asset} to {c2} for {money}.",
        "{c} will acquire {c2} for {money} in cash.",
        "{c} bought a {pct} stake in {c2} for about {money}.",
        "{c} plans to invest {money} in {place} over the next {nw} months.",
        "{c} said it would spend {money} on new factories by the end of {year}.",
        "{c} priced a bond offering of {money}.",
        "{c} and {c2} announced a partnership to develop battery cells.",
        "Revenue at {c} rose {pct} to {money} in the second quarter.",
        "{c} raised its full-year guidance and now expects revenue of {money}.",
        "{c} increased its quarterly dividend to {small} per share.",
        "{c} announced a share buyback of up to {money} to be completed by the end of {year}.",
        "{c} will cut about {heads} jobs in {place}.",
        "{person} was appointed {role} of {c} effective {month}.",
        "{c} recorded an impairment charge of {money} on {asset}.",
        "The European Commission fined {c} {money}.",
        "Moody's downgraded {c} from A2 to A3.",
        "{c} is exploring ways to work with financial partners.",
        "In {month}, {c} filed for an initial public offering on the Nasdaq that could raise up to {money}.",
    ],
}

# Background sentences: the bulk of a news text, with no event in them.
FILLER = {
    "de": [
        "Analysten hatten zuvor mit einer schwächeren Entwicklung gerechnet.",
        "Die Aktie legte im frühen Handel um {pct} zu.",
        "Das Unternehmen beschäftigt weltweit rund {heads} Mitarbeiterinnen und Mitarbeiter.",
        "Die Branche steht wegen hoher Energiepreise und schwacher Nachfrage unter Druck.",
        "Ein Sprecher wollte sich zu den Details nicht äußern.",
        "Marktbeobachter verweisen auf die steigenden Kosten für Rechenleistung und Personal.",
        "In {place} ist die Konkurrenz in den vergangenen Jahren deutlich gewachsen.",
        "Die Zinsen sind seit dem {month} des vergangenen Jahres leicht gesunken.",
        "Die Gewerkschaft kritisierte die Pläne als kurzsichtig.",
        "Investoren achten derzeit vor allem auf die Margen und den freien Mittelzufluss.",
        "Der Vorstand verwies auf die gute Auftragslage im Kerngeschäft.",
        "Die Nachfrage nach Halbleitern bleibt nach Einschätzung von Fachleuten hoch.",
        "Bereits im vergangenen Jahr hatte die Gruppe ihre Strategie überarbeitet.",
        "Wettbewerber wie {c2} verfolgen einen ähnlichen Kurs.",
        "Die Entscheidung dürfte auch die Diskussion über die Zukunft des Standorts {place} prägen.",
        "Nach Angaben aus Finanzkreisen sind mehrere Banken an der Transaktion beteiligt.",
        "Die Regulierungsbehörden müssen dem Vorhaben noch zustimmen.",
        "Der Markt für Elektroautos wächst langsamer als erwartet.",
        "Die Digitalisierung der Produktion gilt als wichtigster Hebel für höhere Produktivität.",
        "Kritiker bemängeln, dass die Pläne zu spät kommen.",
        "Am Mittwoch schloss der Leitindex DAX mit einem leichten Plus.",
        "Die Inflation im Euroraum lag zuletzt bei {pct}.",
        "Mehrere Großaktionäre hatten eine klarere Ausrichtung gefordert.",
        "Die Zahlen werden am {day}. {month} vorgelegt.",
    ],
    "en": [
        "Analysts had expected a weaker performance.",
        "Shares rose {pct} in early trading.",
        "The company employs about {heads} people worldwide.",
        "The industry is under pressure from high energy prices and weak demand.",
        "A spokesperson declined to comment on the details.",
        "Market watchers point to rising costs for computing power and staff.",
        "Competition in {place} has grown markedly in recent years.",
        "Interest rates have edged lower since {month} last year.",
        "The union criticised the plans as short-sighted.",
        "Investors are focused on margins and free cash flow.",
        "Management pointed to a strong order book in the core business.",
        "Demand for semiconductors remains high, according to industry experts.",
        "The group had already overhauled its strategy last year.",
        "Rivals such as {c2} are pursuing a similar course.",
        "The decision is likely to shape the debate about the future of the site in {place}.",
        "Several banks are involved in the transaction, people familiar with the matter said.",
        "Regulators still need to approve the deal.",
        "The market for electric vehicles is growing more slowly than expected.",
        "Digitising production is seen as the main lever for higher productivity.",
        "Critics say the plans come too late.",
        "On Wednesday the S&P 500 closed slightly higher.",
        "Inflation in the euro area was last reported at {pct}.",
        "Several large shareholders had called for a clearer direction.",
        "The figures will be published on {month} {day}.",
    ],
}
QUOTE = {
    "de": ["„Wir sehen darin eine große Chance für {c}“, sagte {person}.",
           "„Das ist ein wichtiger Schritt“, erklärte {person} in einer Mitteilung."],
    "en": ['"We see this as a big opportunity for {c}," {person} said.',
           '"This is an important step," {person} said in a statement.'],
}
NOVEL = {
    "de": ["Das neue Produkt heißt {w}.", "Das Werk in {w} soll erweitert werden.",
           "Intern trägt das Vorhaben den Namen {w}.", "Partner ist die Firma {w}."],
    "en": ["The new product is called {w}.", "The plant in {w} will be expanded.",
           "Internally the project is called {w}.", "The partner is a firm named {w}."],
}
FOOTER = {
    "de": "Dieser Artikel dient nur zur Information und ist keine Anlageberatung.",
    "en": "This article is for information only and is not investment advice.",
}
_SYLLABLES = ["ka", "lo", "vin", "tra", "zu", "mer", "ox", "pel", "qua", "ri", "sen", "tor",
              "ul", "vex", "wa", "xy", "bren", "dal", "fin", "gor", "hel", "jun", "nim", "sto"]


@dataclass(frozen=True)
class Generated:
    """One generated article."""

    id: str
    lang: str
    published: str
    text: str

    def record(self) -> dict[str, str]:
        """The article as a JSON Lines record (``id``, ``lang``, ``published``, ``text``)."""
        return {"id": self.id, "lang": self.lang, "published": self.published, "text": self.text}


class _Words:
    """Invented words, unique across one generator (syllables plus a base-26 serial)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng, self.serial = rng, 0

    def __call__(self) -> str:
        self.serial += 1
        n, tag = self.serial, ""
        while n:
            n, r = divmod(n, 26)
            tag += "abcdefghijklmnopqrstuvwxyz"[r]
        stem = "".join(self.rng.choice(_SYLLABLES) for _ in range(self.rng.randint(2, 3)))
        return (stem + tag).capitalize()


def _money(rng: random.Random, lang: str) -> str:
    value = rng.choice([rng.randint(1, 999), round(rng.uniform(1, 99), 2)])
    if lang == "de":
        num = f"{value:.2f}".replace(".", ",") if isinstance(value, float) else str(value)
        if rng.random() < 0.2:
            return f"{num} {rng.choice(MULT['de'])} {rng.choice(CURRENCY_SIGNS['de'])}"
        return f"{num} {rng.choice(MULT['de'])} {rng.choice(CURRENCIES['de'])}"
    num = f"{value:.2f}" if isinstance(value, float) else str(value)
    if rng.random() < 0.5:
        mult = rng.choice(["bn", "m", " billion", " million"])
        return f"{rng.choice(CURRENCY_SIGNS['en'])}{num}{mult}"
    return f"{num} {rng.choice(['million', 'billion'])} {rng.choice(CURRENCIES['en'])}"


def _fill(template: str, rng: random.Random, lang: str, company: str) -> str:
    other = rng.choice([c for c in COMPANIES if c != company])
    pct = f"{rng.randint(1, 60)}{',' if lang == 'de' else '.'}{rng.randint(0, 9)} " + (
        "Prozent" if lang == "de" and rng.random() < 0.5 else "%")
    small = (f"{rng.randint(0, 9)},{rng.randint(10, 99)} Euro" if lang == "de"
             else f"${rng.randint(0, 9)}.{rng.randint(10, 99)}")
    return template.format(
        c=company, c2=other, money=_money(rng, lang), pct=pct.replace(" %", "%") if lang == "en" else pct,
        asset=rng.choice(ASSETS[lang]), place=rng.choice(PLACES[lang]),
        nw=rng.choice(NUMBER_WORDS[lang]), year=rng.randint(2025, 2030),
        month=rng.choice(MONTHS[lang]), day=rng.randint(1, 28), small=small,
        heads=f"{rng.randint(1, 30) * 100:,}".replace(",", "." if lang == "de" else ","),
        person=rng.choice(PEOPLE), role=rng.choice(ROLES[lang]),
    )


def _words(s: str) -> int:
    return len(s.split())


def generate(
    n: int,
    *,
    seed: int = 20250731,
    langs: tuple[str, ...] = ("de", "en"),
    min_words: int = 300,
    max_words: int = 800,
    novel: int = 0,
) -> Iterator[Generated]:
    """Yield ``n`` articles, alternating languages, each ``min_words``..``max_words`` long."""
    rng = random.Random(seed)
    invent = _Words(rng)
    start = date(2024, 1, 1)
    for i in range(n):
        lang = langs[i % len(langs)]
        company = rng.choice(COMPANIES)
        target = rng.randint(min_words, max_words)
        headline = _fill(rng.choice(EVENT[lang]), rng, lang, company).rstrip(".")
        paragraphs: list[list[str]] = [[]]
        count = _words(headline)
        novel_left = novel
        while True:
            r = rng.random()
            if novel_left and r < 0.5:
                novel_left -= 1
                sent = rng.choice(NOVEL[lang]).format(w=invent())
            elif r < 0.78:
                sent = _fill(rng.choice(FILLER[lang]), rng, lang, company)
            elif r < 0.93:
                sent = _fill(rng.choice(EVENT[lang]), rng, lang, company)
            else:
                sent = _fill(rng.choice(QUOTE[lang]), rng, lang, company)
            if count + _words(sent) + _words(FOOTER[lang]) > max_words:
                break
            paragraphs[-1].append(sent)
            count += _words(sent)
            if len(paragraphs[-1]) >= rng.randint(3, 6):
                paragraphs.append([])
            if count + _words(FOOTER[lang]) >= target and not novel_left:
                break
        body = "\n\n".join(" ".join(p) for p in paragraphs if p)
        published = start + timedelta(days=rng.randint(0, 700))
        yield Generated(
            id=f"{lang}-{i:06d}",
            lang=lang,
            published=published.isoformat(),
            text=f"{headline}\n\n{body}\n\n{FOOTER[lang]}",
        )


def main(argv: list[str] | None = None) -> int:
    """Write generated articles as JSON Lines."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=2000, help="number of articles (default 2000)")
    p.add_argument("--seed", type=int, default=20250731)
    p.add_argument("--lang", choices=["de", "en", "both"], default="both")
    p.add_argument("--min-words", type=int, default=300)
    p.add_argument("--max-words", type=int, default=800)
    p.add_argument("--novel", type=int, default=0, help="invented words per article")
    p.add_argument("--out", default="-", help="output file (default: stdout)")
    args = p.parse_args(argv)
    langs = ("de", "en") if args.lang == "both" else (args.lang,)
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    try:
        for art in generate(args.n, seed=args.seed, langs=langs, min_words=args.min_words,
                            max_words=args.max_words, novel=args.novel):
            out.write(json.dumps(art.record(), ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
