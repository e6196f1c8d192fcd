"""Hypothesis strategies for bad and odd input, and text-like news sentences.

Two kinds of input:

- *noise*: arbitrary Unicode, control characters, very long tokens, runs of punctuation,
  mixed scripts, HTML soup, numbers with odd separators;
- *text-like*: sentences composed of a company, a trigger word, an amount, a horizon and a
  date in German or English, with noise mixed in, so that the extractor's deeper paths
  (companies, roles, values, status, merging) run and not only the empty path.

The sentence parts are plain functions of a ``pick`` callable, so the same composer serves
hypothesis (``st.composite``) and a seeded ``random.Random`` (see ``compose_article``).
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Sequence
from typing import TypeVar

from hypothesis import strategies as st

T = TypeVar("T")


def examples(n: int) -> int:
    """``n`` scaled by the environment variable ``EVENTX_HYPOTHESIS_SCALE`` (default 1), for
    longer local runs: ``EVENTX_HYPOTHESIS_SCALE=20 pytest tests/robustness``."""
    return max(1, int(n * float(os.environ.get("EVENTX_HYPOTHESIS_SCALE", "1"))))


# -- noise -----------------------------------------------------------------------------------

CONTROL = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)] + [
    "\x85", "\u2028", "\u2029", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e",
    "\u200f", "\u202a", "\u202e", "\u2066", "\u2069",
]
SPACES = [" ", "\u00a0", "\u2009", "\u202f", "\u2007", "\u2002", "\u3000", "\t", "\n", "\r\n",
          "\r", "\u00ad"]
PUNCT = list(".,;:!?…-–—/\\()[]{}<>&%$€£¥#*+=_~^|'\"„“”«»‚‘’`@")
SCRIPTS = [
    "Ελληνική", "русский", "українська", "中文新闻", "日本語の記事", "한국어", "עברית", "العربية",
    "हिन्दी", "ไทย", "Türkçe", "Tiếng Việt", "ქართული", "Հայերեն", "Ἀθῆναι", "Z̤͔ͅa̶lgo",
    "\U0001f4c8\U0001f4b6", "\U0001f1e9\U0001f1ea", "ﬁnance", "ẞTRASSE", "İstanbul", "ǅ",
]
HTML = [
    "&nbsp;", "&euro;", "&#8364;", "&#x20AC;", "&amp;", "&lt;", "&gt;", "&quot;", "&shy;",
    "&#160;", "&unknown;", "&#;", "&", "<br>", "<br/>", "<br />", "<p>", "</p>", "<div>",
    "</div>", "<li>", "</li>", "<h2>", "</h2>", '<a href="https://example.com/x?a=1&b=2">',
    "</a>", "<script>var x = 1 < 2;</script>", "<!-- comment -->", "<", ">", "</", "<br",
    "<p class='lead'>", "<td>", "</tr>", "<![CDATA[", "]]>",
]
NUMBER_SEPARATORS = [".", ",", " ", "\u00a0", "\u2009", "\u202f", "'", "’", "_", "", "·"]
DIGITS = "0123456789" + "０１２３" + "٠١٢٣" + "०१२" + "²³¹½¾"
MULTIPLIERS = ["", " Mrd.", " Mio.", " Milliarden", " Millionen", "bn", "m", " billion",
               " million", " Tsd.", "k", " Bio."]
CURRENCIES = ["", " Euro", " EUR", " Dollar", " US-Dollar", " USD", " Franken", " Pfund",
              "€", "$", "£", "CHF ", "US$", " Yen"]

unicode_text = st.text(max_size=300)
control_text = st.lists(
    st.one_of(st.sampled_from(CONTROL), st.sampled_from(SPACES), st.characters(),
              st.sampled_from(["Siemens", "verkauft", "1,2", "Mrd.", "Euro", "sells", "$2bn"])),
    max_size=80,
).map("".join)
long_token = st.one_of(
    st.builds(lambda c, n: c * n, st.characters(exclude_categories=("Zs", "Cc", "Cs")),
              st.integers(200, 3000)),
    st.text(alphabet=st.characters(exclude_categories=("Zs", "Zl", "Zp", "Cc", "Cs")),
            min_size=300, max_size=2000),
    st.builds(lambda w, n: w * n, st.sampled_from(["Milliarden", "verkauft", "1,2", "A-", "&#",
                                                  "<br", "Mrd.", "$1", "Siemens"]),
              st.integers(30, 300)),
)
punctuation_runs = st.lists(
    st.builds(lambda p, n: p * n, st.sampled_from(PUNCT), st.integers(1, 400)),
    min_size=1, max_size=10,
).map("".join)
mixed_scripts = st.lists(
    st.one_of(st.sampled_from(SCRIPTS), st.sampled_from(["Siemens", "verkauft", "für",
                                                          "Milliarden", "sells", "$2bn"])),
    min_size=1, max_size=30,
).map(" ".join)
html_soup = st.lists(
    st.one_of(st.sampled_from(HTML), st.sampled_from(["Siemens", "verkauft", "1,2", "Mrd.",
                                                      "Euro", "sells", "$", "2.04bn", " ", "\n"])),
    min_size=1, max_size=60,
).map("".join)


@st.composite
def odd_numbers(draw: st.DrawFn) -> str:
    """Numbers with odd digits and separators, optionally with multiplier and currency."""
    groups = draw(st.lists(st.text(alphabet=DIGITS, min_size=1, max_size=4), min_size=1, max_size=6))
    seps = [draw(st.sampled_from(NUMBER_SEPARATORS)) for _ in groups[1:]]
    number = groups[0] + "".join(s + g for s, g in zip(seps, groups[1:], strict=True))
    sign = draw(st.sampled_from(["", "-", "+", "−", "rund ", "mehr als ", "about ", "bis zu "]))
    cur = draw(st.sampled_from(CURRENCIES))
    mult = draw(st.sampled_from(MULTIPLIERS))
    if cur in ("€", "$", "£", "CHF ", "US$"):
        return f"{sign}{cur}{number}{mult}"
    return f"{sign}{number}{mult}{cur}"


noise = st.one_of(
    unicode_text, control_text, long_token, punctuation_runs, mixed_scripts, html_soup,
    odd_numbers(),
)

# -- text-like sentences ---------------------------------------------------------------------

COMPANIES = {
    "de": ["Siemens", "Volkswagen", "Die Deutsche Bank", "Meta", "Bayer", "BASF", "SAP",
           "Die Beispiel Logistik GmbH", "Acme AG", "Der Autozulieferer Leoni", "Der Konzern",
           "Das Unternehmen", "Die Commerzbank", "Heller Maschinenbau GmbH & Co. KG"],
    "en": ["Siemens", "Apple", "Microsoft", "Meta Platforms", "Acme Corp.", "Bramwell Bank plc",
           "The company", "Boeing", "Amazon", "chipmaker Wolfspeed", "Intel", "Shell plc"],
}
OTHERS = {
    "de": ["an Acme", "an die Nordlicht GmbH", "von Bosch", "mit Infineon", "an einen Finanzinvestor"],
    "en": ["to Acme Corp.", "from Bosch", "with Infineon", "to a private equity firm"],
}
TRIGGERS = {
    "de": ["verkauft seine Logistiksparte", "will seine Rechenzentren verkaufen", "übernimmt",
           "plant die Übernahme von", "investiert", "streicht 3.000 Stellen", "baut 1.200 Stellen ab",
           "hat Insolvenz angemeldet", "hebt die Prognose an", "senkt die Jahresprognose",
           "meldet einen Umsatz von", "schreibt", "ab", "zahlt eine Dividende von",
           "kauft eigene Aktien für", "wird von Moody's herabgestuft", "erhält einen Kredit über",
           "prüft den Verkauf", "dementiert Pläne für einen Verkauf", "geht an die Börse",
           "muss eine Strafe zahlen von", "verklagt", "fusioniert mit"],
    "en": ["sells its logistics unit", "plans to sell its data centers", "acquires",
           "agreed to buy", "will invest", "is cutting 3,000 jobs", "filed for Chapter 11",
           "raised its full-year guidance", "cut its outlook", "reported revenue of",
           "took an impairment charge of", "declared a dividend of", "announced a buyback of",
           "was downgraded by Moody's to Baa2 from A3", "raised", "is considering a sale",
           "denied reports of a sale", "plans an IPO", "was fined", "sued", "will merge with"],
}
AMOUNTS = {
    "de": ["für 1,2 Milliarden Euro", "für rund 2,04 Mrd. Dollar", "über 500 Mio. €",
           "in Höhe von 1\u2009200 Millionen Euro", "für 1,2&nbsp;Milliarden Euro",
           "für &euro;3,5 Mrd.", "für &#8364;2 Mio.", "im Wert von Hunderten Milliarden Dollar",
           "zwischen 1 und 1,5 Mrd. Euro", "von 0,25 Euro je Aktie", "um 12,5 %", "um 3 Prozent",
           "für 2\u00a0000 Mio. Franken", "für 1.000.000 Euro", "für 1,2 Mrd.\u00adEuro"],
    "en": ["for $2.04bn", "for about €1.2 billion", "of $500m", "worth £1.2bn",
           "of between $1bn and $1.5bn", "of $0.25 per share", "by 12.5%", "of 3 percent",
           "for US$ 2 billion", "for 1,000,000 dollars", "for $1\u2009200 million",
           "for &euro;300m", "for &#36;2bn"],
}
HORIZONS = {
    "de": ["", "", "bis Ende 2026", "innerhalb der nächsten zwölf Monate", "im Juni",
           "am 31. Juli", "bis Jahresende", "im Geschäftsjahr 2025/26", "im dritten Quartal"],
    "en": ["", "", "by the end of 2026", "within the next twelve months", "in June",
           "on July 31", "next year", "in fiscal 2025", "in Q3 2025"],
}
CUES = {
    "de": ["", "", "Laut Insidern", "Wie das Unternehmen mitteilte,", "Nach Angaben von Reuters",
           "Überraschend", "Bereits im Mai"],
    "en": ["", "", "According to people familiar with the matter,", "On Tuesday,",
           "The company said", "Reuters reported that"],
}
ENDS = [".", ".", ".", "!", "?", "…", "", ".\u00a0", ".</p>", ".<br>", "."]
JOINS = [" ", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", "<br>", "</p><p>", " \u00a0", "\u2028"]


def compose_sentence(pick: Callable[[Sequence[T]], T], lang: str) -> str:
    """One news-like sentence in ``lang``, its parts chosen by ``pick``."""
    parts = [
        pick(CUES[lang]), pick(COMPANIES[lang]), pick(TRIGGERS[lang]),
        pick(OTHERS[lang] + ["", ""]), pick(AMOUNTS[lang] + [""]), pick(HORIZONS[lang]),
    ]
    return " ".join(p for p in parts if p) + pick(ENDS)


def compose_article(pick: Callable[[Sequence[T]], T], n: int, lang: str | None = None) -> str:
    """Up to ``n`` sentences joined by odd separators; ``lang`` None mixes the languages
    paragraph by paragraph."""
    out = []
    for i in range(n):
        sent_lang = lang or ("de" if (i // 2) % 2 == 0 else "en")
        out.append(compose_sentence(pick, sent_lang))
        if i < n - 1:
            out.append(pick(JOINS))
    return "".join(out)


def seeded_articles(seed: int, count: int, lang: str | None = None) -> list[str]:
    """``count`` composed articles from a seeded random generator (no hypothesis)."""
    rng = random.Random(seed)
    return [compose_article(rng.choice, rng.randint(1, 5), lang) for _ in range(count)]


@st.composite
def text_like(draw: st.DrawFn, lang: str | None = None) -> str:
    """A composed article, with noise inserted at a few places."""
    text = compose_article(lambda xs: draw(st.sampled_from(list(xs))),
                           draw(st.integers(1, 5)), lang)
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        bit = draw(st.one_of(st.sampled_from(CONTROL + SPACES + HTML + PUNCT + SCRIPTS),
                             st.text(max_size=5)))
        text = text[:at] + bit + text[at:]
    if draw(st.booleans()):
        text = draw(st.sampled_from([text.upper(), text.lower(), text, text]))
    return text


any_input = st.one_of(noise, text_like())
