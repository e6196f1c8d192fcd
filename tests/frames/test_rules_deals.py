"""Trigger and field data of deals and corporate actions, German and English.

Types: acquisition, merger, partnership, ipo, stock_split, share_buyback, dividend,
management_change (data in ``lang/<lang>/events/<type>.toml``). Every row is one sentence
(or a short passage) in newswire style with exactly one event of its type; the negative
rows must yield no event of these types at all.

Expected values compare the way SPEC section 7 scores them: companies by name or mention
ignoring case and legal form, money by currency and value within 1 %, strings ignoring
case. ``pair`` (merger) and ``group`` (partnership) name the sides of a symmetric deal: the
event's company is one of them, the partner field holds the rest.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest

import eventx

PUBLISHED = "2025-05-02"
TYPES = frozenset({"acquisition", "merger", "partnership", "ipo", "stock_split",
                   "share_buyback", "dividend", "management_change"})

# Rows that fail for reasons outside this data; strict=False, so they pass once the
# reason is gone.
# The engine reads list[Company] fields as a single company (frames.arguments.field_kinds
# tests `Company in args` before `list`), so no partnership event validates.
# "wird ... übernommen" (a passive participle ending in -en) is read as a future tense.
# "VW-Chef X": the register does not find a company inside a compound with "-Chef".
CHEF_COMPOUND = pytest.mark.xfail(reason="companies: 'VW-Chef' compound names no company")
# "keine Dividende": the negation next to the trigger makes the event denied (status.py).
# "X, bisher Finanzchefin bei Bosch, wird neue Finanzvorständin der BASF": an apposition that
# starts with "bisher" is not read as an inserted clause, so Bosch takes a role.
ROLE_APPOSITION = pytest.mark.xfail(reason="role rules: apposition 'bisher ... bei Y' takes a role")


class Contains(str):
    """An expected string that only has to occur in the value (free-text fields)."""


def money(value: str, currency: str) -> tuple[Decimal, str]:
    return Decimal(value), currency


def case(id_: str, lang: str, text: str, type_: str, status: str, company: str | None = None,
         *, marks: Any = (), **fields: Any) -> Any:
    expect = {"type": type_, "status": status, "company": company, **fields}
    return pytest.param(lang, text, expect, id=f"{type_}-{id_}", marks=marks)


_LEGAL = re.compile(
    r"[\s,]+(ag|se|inc\.?|corp\.?|corporation|co\.?|plc|gmbh|ltd\.?|limited|n\.v\.|nv|s\.a\.|sa|"
    r"kgaa|& co\.? kgaa|holding|holdings|group|a/s)$", re.I)


def _norm(name: str) -> str:
    name = name.strip().casefold()
    while True:
        stripped = _LEGAL.sub("", name)
        if stripped == name:
            return name
        name = stripped


def same_company(company: Any, name: str) -> bool:
    want = _norm(name)
    return company is not None and want in {_norm(company.name), _norm(company.mention)}


def _check_field(event: Any, field: str, want: Any) -> None:
    got = getattr(event, field)
    if want is None:
        assert got in (None, []), f"{field}: expected nothing, got {got!r}"
    elif isinstance(want, Contains):
        assert got is not None and str(want).casefold() in got.casefold(), f"{field}: {got!r}"
    elif isinstance(want, tuple) and len(want) == 2 and isinstance(want[0], Decimal):
        assert got is not None, f"{field}: no amount"
        value, currency = want
        assert got.currency == currency, f"{field}: {got!r}"
        assert abs(got.value - value) <= abs(value) * Decimal("0.01"), f"{field}: {got!r}"
    elif field == "stake":
        assert got is not None and got.value == Decimal(want), f"{field}: {got!r}"
    elif field == "horizon":
        assert got is not None, f"{field}: no horizon"
        if isinstance(want, dt.date):
            assert got.deadline == want, f"{field}: {got!r}"
        else:
            assert got.duration == want, f"{field}: {got!r}"
    elif field in ("target", "partner"):
        assert same_company(got, want), f"{field}: {got!r}"
    elif isinstance(want, str):
        assert got is not None and got.casefold() == want.casefold(), f"{field}: {got!r}"
    else:
        assert got == want, f"{field}: {got!r}"


def check(lang: str, text: str, expect: dict[str, Any]) -> None:
    events = eventx.extract(text, lang=lang, published=PUBLISHED)
    expect = dict(expect)
    type_ = expect.pop("type")
    found = [e for e in events if e.type == type_]
    assert len(found) == 1, f"expected one {type_} event, got {events!r}"
    event = found[0]
    assert event.status == expect.pop("status"), f"status: {event!r}"
    company = expect.pop("company")
    pair = expect.pop("pair", None)
    group = expect.pop("group", None)
    if pair is not None:  # merger: company and partner are the two sides, in either order
        sides = {_norm(pair[0]), _norm(pair[1])}
        assert same_company(event.company, pair[0]) or same_company(event.company, pair[1]), \
            f"company: {event.company!r}"
        got = {_norm(event.company.name), _norm(event.partner.name)} | {
            _norm(event.company.mention), _norm(event.partner.mention)}
        assert sides <= got, f"merger sides: {event.company!r} / {event.partner!r}"
    elif group is not None:  # partnership: company plus partners are the group
        members = [event.company, *event.partners]
        for name in group:
            assert any(same_company(c, name) for c in members), f"{name} missing in {members!r}"
        assert len(members) == len(group), f"partners: {members!r}"
    else:
        assert same_company(event.company, company), f"company: {event.company!r}"
    assert event.evidence.text == text[event.evidence.start:event.evidence.end]
    for field, want in expect.items():
        _check_field(event, field, want)


# ---------------------------------------------------------------------------- acquisition

ACQUISITION = [
    case("de-kauft", "de",
         "Die Siemens AG übernimmt den US-Softwareanbieter Altair Engineering Inc. für rund "
         "10 Milliarden Dollar.",
         "acquisition", "announced", "Siemens", target="Altair Engineering",
         amount=money("10e9", "USD")),
    case("de-passiv", "de",
         "Der Aromenhersteller Symrise wird vom Chemiekonzern BASF übernommen.",
         "acquisition", "announced", "BASF", target="Symrise"),
    case("de-aufgestockt", "de",
         "Die Allianz hat ihre Beteiligung an Covestro auf 30 Prozent aufgestockt.",
         "acquisition", "completed", "Allianz", target="Covestro", stake="30"),
    case("de-einstieg", "de",
         "Volkswagen steigt mit 20 Prozent beim US-Elektroautobauer Rivian Automotive Inc. ein.",
         "acquisition", "announced", "Volkswagen", target="Rivian Automotive", stake="20"),
    case("de-insider", "de",
         "Laut Insidern prüft die Deutsche Telekom eine Übernahme des Mobilfunkanbieters "
         "Freenet AG.",
         "acquisition", "rumored", "Deutsche Telekom", target="Freenet"),
    case("de-perfekt", "de",
         "Rheinmetall hat den Marineschiffbauer Lürssen Maritime GmbH vollständig übernommen.",
         "acquisition", "completed", "Rheinmetall", target="Lürssen Maritime"),
    case("de-zukauf", "de",
         "Die Deutsche Börse AG kauft den Datenanbieter Nordwind Analytics GmbH für "
         "1,2 Milliarden Euro zu.",
         "acquisition", "announced", "Deutsche Börse", target="Nordwind Analytics",
         amount=money("1.2e9", "EUR")),
    case("de-angebot", "de",
         "Henkel hat ein Übernahmeangebot für den Klebstoffhersteller Sika AG vorgelegt.",
         "acquisition", "announced", "Henkel", target="Sika"),
    case("de-dementi", "de",
         "Bayer dementierte einen Bericht, wonach der Konzern den Saatguthändler KWS Saat SE "
         "übernehmen wolle.",
         "acquisition", "denied", "Bayer", target="KWS Saat"),
    case("de-geplatzt", "de",
         "Die Übernahme des Leasingspezialisten Grenke AG durch die Commerzbank ist geplatzt.",
         "acquisition", "cancelled", "Commerzbank", target="Grenke"),
    case("de-folgesatz", "de",
         "Volkswagen übernimmt den Kartendienst von Google. Die Übernahme kostet "
         "2,5 Milliarden Euro.",
         "acquisition", "announced", "Volkswagen", target="Google",
         amount=money("2.5e9", "EUR")),
    case("en-agreed", "en",
         "Microsoft agreed to buy cybersecurity firm Northgate Labs Inc. for $4.2 billion in cash.",
         "acquisition", "announced", "Microsoft", target="Northgate Labs",
         amount=money("4.2e9", "USD")),
    case("en-completed", "en",
         "Pfizer completed its $6.7 billion acquisition of Meridian Therapeutics Inc. on Thursday.",
         "acquisition", "completed", "Pfizer", target="Meridian Therapeutics",
         amount=money("6.7e9", "USD")),
    case("en-talks", "en",
         "Chevron is in talks to acquire Red Mesa Energy Corp., people familiar with the matter "
         "said.",
         "acquisition", "rumored", "Chevron", target="Red Mesa Energy"),
    case("en-stake", "en",
         "Berkshire Hathaway raised its stake in Chevron to 9.5%.",
         "acquisition", "announced", "Berkshire Hathaway", target="Chevron", stake="9.5"),
    case("en-passive", "en",
         "Software maker Dynatrace Inc. was acquired by Cisco for $11 billion in an all-cash deal.",
         "acquisition", "completed", "Cisco", target="Dynatrace", amount=money("11e9", "USD")),
    case("en-takeover-offer", "en",
         "Diageo made an unsolicited £7 billion takeover offer for Britvic plc.",
         "acquisition", "announced", "Diageo", target="Britvic",
         amount=money("7e9", "GBP")),
    case("en-denied", "en",
         "Alphabet denied a report that it plans to buy online travel company Expedia Group.",
         "acquisition", "denied", "Alphabet", target="Expedia"),
    case("en-scrapped", "en",
         "Boeing scrapped its planned $4 billion purchase of parts supplier Spirit Components Inc.",
         "acquisition", "cancelled", "Boeing", target="Spirit Components",
         amount=money("4e9", "USD")),
    case("en-google", "en",
         "Meta agreed to acquire a 49% stake in Google's mapping unit for $3 billion.",
         "acquisition", "announced", "Meta", target="Google", stake="49",
         amount=money("3e9", "USD")),
]

# --------------------------------------------------------------------------------- merger

MERGER = [
    case("de-wollen", "de", "Die Deutsche Bank und die Commerzbank wollen fusionieren.",
         "merger", "planned", pair=("Deutsche Bank", "Commerzbank")),
    case("de-abgeschlossen", "de",
         "Die Vonovia SE hat die Verschmelzung mit der Deutsche Wohnen SE abgeschlossen.",
         "merger", "completed", pair=("Vonovia", "Deutsche Wohnen")),
    case("de-finanzkreise", "de",
         "Nach Informationen aus Finanzkreisen verhandeln die Lufthansa und die TUI AG über "
         "einen Zusammenschluss.",
         "merger", "rumored", pair=("Lufthansa", "TUI")),
    case("de-zusammen", "de", "Die beiden Chemiekonzerne BASF und Covestro gehen zusammen.",
         "merger", "announced", pair=("BASF", "Covestro")),
    case("de-mit", "de", "Symrise will mit dem Duftstoffhersteller Givaudan SA fusionieren.",
         "merger", "planned", pair=("Symrise", "Givaudan")),
    case("de-abgesagt", "de",
         "Die Fusion von Heidelberg Materials und Brenntag ist abgesagt.",
         "merger", "cancelled", pair=("Heidelberg Materials", "Brenntag")),
    case("de-gescheitert", "de",
         "Der Zusammenschluss von Siemens Energy und der Nordex SE ist gescheitert.",
         "merger", "cancelled", pair=("Siemens Energy", "Nordex")),
    case("de-placeholder", "de", "Volkswagen und Google prüfen eine Fusion.",
         "merger", "considered", pair=("Volkswagen", "Google")),
    case("en-agreed", "en",
         "Comcast and Warner Bros. Discovery agreed to merge in an all-stock deal.",
         "merger", "announced", pair=("Comcast", "Warner Bros. Discovery")),
    case("en-sources", "en", "Glencore is in early talks to merge with Rio Tinto, sources said.",
         "merger", "rumored", pair=("Glencore", "Rio Tinto")),
    case("en-called-off", "en",
         "The planned merger of Kraft Heinz and General Mills was called off on Friday.",
         "merger", "cancelled", pair=("Kraft Heinz", "General Mills")),
    case("en-completed", "en", "Exelon completed its merger with Constellation Energy.",
         "merger", "completed", pair=("Exelon", "Constellation Energy")),
    case("en-exploring", "en",
         "BP is exploring a merger with Shell, according to people familiar with the matter.",
         "merger", "rumored", pair=("BP", "Shell")),
    case("en-denied", "en",
         "Warner Music Group denied that it was in merger talks with Universal Music Group N.V.",
         "merger", "denied", pair=("Warner Music", "Universal Music")),
    case("en-amount", "en",
         "Meta will merge with Alphabet in a deal valued at $900 billion.",
         "merger", "announced", pair=("Meta", "Alphabet"), amount=money("900e9", "USD")),
]

# ---------------------------------------------------------------------------- partnership

PARTNERSHIP = [
    case("de-vertiefen", "de",
         "Siemens und Nvidia vertiefen ihre Partnerschaft bei der Entwicklung von KI-Software "
         "für Fabriken.",
         "partnership", "announced", group=("Siemens", "Nvidia"),
         purpose=Contains("KI-Software")),
    case("de-kooperation", "de",
         "Volkswagen und die Xpeng Motors Inc. vereinbaren eine Kooperation, um gemeinsam "
         "Elektroautos für China zu entwickeln.",
         "partnership", "announced", group=("Volkswagen", "Xpeng Motors"),
         purpose=Contains("Elektroautos")),
    case("de-joint-venture", "de",
         "BASF gründet mit dem belgischen Materialkonzern Umicore SA ein Joint Venture für das "
         "Recycling von Batterien.",
         "partnership", "announced", group=("BASF", "Umicore"),
         purpose=Contains("Recycling")),
    case("de-kooperiert", "de",
         "Die Deutsche Telekom kooperiert künftig mit Google beim Ausbau von Glasfasernetzen.",
         "partnership", "announced", group=("Deutsche Telekom", "Google"),
         purpose=Contains("Glasfasernetzen")),
    case("de-allianz-kompositum", "de",
         "Mercedes-Benz und BMW schmieden eine Ladeallianz für Nordamerika.",
         "partnership", "announced", group=("Mercedes-Benz", "BMW")),
    case("de-bericht", "de",
         "Laut einem Medienbericht erwägt SAP eine strategische Partnerschaft mit Microsoft "
         "im Bereich Cloud-Computing.",
         "partnership", "rumored", group=("SAP", "Microsoft"),
         purpose=Contains("Cloud-Computing")),
    case("de-arbeiten-zusammen", "de",
         "Airbus und Lufthansa arbeiten bei nachhaltigen Flugkraftstoffen zusammen.",
         "partnership", "announced", group=("Airbus", "Lufthansa"),
         purpose=Contains("Flugkraftstoffen")),
    case("de-placeholder", "de",
         "Volkswagen und Google haben eine Partnerschaft für das vernetzte Fahren vereinbart.",
         "partnership", "announced", group=("Volkswagen", "Google"),
         purpose=Contains("vernetzte Fahren")),
    case("en-formed", "en",
         "Nvidia and Siemens formed a partnership to develop industrial AI software.",
         "partnership", "announced", group=("Nvidia", "Siemens"),
         purpose=Contains("industrial AI software")),
    case("en-teamed-up", "en", "Microsoft teamed up with OpenAI on cloud computing.",
         "partnership", "announced", group=("Microsoft", "OpenAI"),
         purpose=Contains("cloud computing")),
    case("en-alliance", "en",
         "Toyota Motor Corp. and BMW announced a strategic alliance to develop hydrogen "
         "fuel-cell vehicles.",
         "partnership", "announced", group=("Toyota", "BMW"),
         purpose=Contains("fuel-cell vehicles")),
    case("en-talks", "en",
         "Walmart is in talks with Shopify about a partnership, people familiar with the matter "
         "said.",
         "partnership", "rumored", group=("Walmart", "Shopify")),
    case("en-joint-venture", "en",
         "Uber and Volkswagen have created a joint venture for self-driving ride-hailing in "
         "Los Angeles.",
         "partnership", "announced", group=("Uber", "Volkswagen")),
    case("en-collaborate", "en",
         "Amazon and Salesforce will collaborate on generative AI for retailers.",
         "partnership", "announced", group=("Amazon", "Salesforce"),
         purpose=Contains("generative AI")),
    case("en-terminated", "en",
         "The partnership between PayPal and Mastercard has been terminated.",
         "partnership", "cancelled", group=("PayPal", "Mastercard")),
    case("en-placeholder", "en",
         "Meta and Google signed a partnership on undersea cables.",
         "partnership", "announced", group=("Meta", "Google"),
         purpose=Contains("undersea cables")),
    case("en-jointly", "en",
         "BP and Equinor signed an agreement to jointly develop offshore wind farms in the North Sea.",
         "partnership", "announced", group=("BP", "Equinor"), purpose=Contains("offshore wind")),
]

# ------------------------------------------------------------------------------------ ipo

IPO = [
    case("de-plant", "de",
         "Die Stada Arzneimittel AG plant einen Börsengang in Frankfurt mit einer Bewertung "
         "von bis zu 10 Milliarden Euro.",
         "ipo", "planned", "Stada Arzneimittel", exchange="Frankfurt",
         valuation=money("10e9", "EUR")),
    case("de-ging", "de",
         "Die Nordsee Windkraft AG ging am Donnerstag an die Börse und nahm dabei "
         "640 Millionen Euro ein.",
         "ipo", "completed", "Nordsee Windkraft", amount=money("640e6", "EUR")),
    case("de-debuet", "de",
         "Die Hanseatic Drives AG feierte am Mittwoch ihr Börsendebüt im Prime Standard.",
         "ipo", "completed", "Hanseatic Drives", exchange="Prime Standard"),
    case("de-finanzkreise", "de",
         "Nach Informationen aus Finanzkreisen erwägt die Flix SE einen Börsengang an der "
         "Nasdaq.",
         "ipo", "rumored", "Flix", exchange="Nasdaq"),
    case("de-abgesagt", "de",
         "Die Ottobock SE hat ihren Börsengang wegen der Marktturbulenzen abgesagt.",
         "ipo", "cancelled", "Ottobock"),
    case("de-nicht", "de", "Der Discounter Aldi denkt nicht an einen Börsengang.",
         "ipo", "denied", "Aldi"),
    case("de-placeholder", "de",
         "Google will seine Cloud-Sparte im kommenden Jahr an die New Yorker Börse bringen.",
         "ipo", "planned", "Google", exchange="New Yorker Börse"),
    case("en-plans", "en",
         "Chip designer Graphcore Ltd. plans to list its shares on the Nasdaq in an IPO valuing "
         "the company at up to $8 billion.",
         "ipo", "planned", "Graphcore", exchange="Nasdaq", valuation=money("8e9", "USD")),
    case("en-raised", "en",
         "Fintech lender Brightline Capital Inc. raised $620 million in its initial public "
         "offering on the New York Stock Exchange.",
         "ipo", "completed", "Brightline Capital", exchange="New York Stock Exchange",
         amount=money("620e6", "USD")),
    case("en-debut", "en",
         "Shares of Klarna Group plc jumped 15% in their Nasdaq debut on Wednesday.",
         "ipo", "completed", "Klarna", exchange="Nasdaq"),
    case("en-considering", "en",
         "Stripe is considering an IPO in New York, according to people familiar with the matter.",
         "ipo", "rumored", "Stripe", exchange="New York"),
    case("en-shelved", "en", "Shein Group Ltd. has shelved plans for a listing in London.",
         "ipo", "cancelled", "Shein", exchange="London"),
    case("en-no-plans", "en", "Unilever said it has no plans to float its ice cream business.",
         "ipo", "denied", "Unilever"),
    case("en-went-public", "en",
         "Databricks Inc. went public on the Nasdaq on Thursday, valuing the company at "
         "$62 billion.",
         "ipo", "completed", "Databricks", exchange="Nasdaq", valuation=money("62e9", "USD")),
]

# ---------------------------------------------------------------------------- stock_split

STOCK_SPLIT = [
    case("de-1-zu-10", "de", "Die Rheinmetall AG kündigte einen Aktiensplit im Verhältnis 1:10 an.",
         "stock_split", "announced", "Rheinmetall", ratio="10:1", reverse=False),
    case("de-zusammenlegen", "de", "Die Varta AG legt ihre Aktien im Verhältnis 10:1 zusammen.",
         "stock_split", "announced", "Varta", ratio="1:10", reverse=True),
    case("de-gesplittet", "de", "Nvidia hat seine Aktien im Verhältnis 1 zu 10 gesplittet.",
         "stock_split", "completed", "Nvidia", ratio="10:1", reverse=False),
    case("de-hauptversammlung", "de",
         "Die Hauptversammlung der Sartorius AG soll einen Aktiensplit im Verhältnis 1:4 "
         "beschließen.",
         "stock_split", "planned", "Sartorius", ratio="4:1"),
    case("de-zusammenlegung", "de",
         "Die Heidelberger Druckmaschinen AG plant eine Aktienzusammenlegung im Verhältnis "
         "20 zu 1.",
         "stock_split", "planned", "Heidelberger Druckmaschinen", ratio="1:20", reverse=True),
    case("de-erwaegt", "de", "Der Sportartikelhersteller Adidas erwägt einen Aktiensplit.",
         "stock_split", "considered", "Adidas", ratio=None),
    case("de-vollzogen", "de",
         "Die Porsche SE hat den Split ihrer Aktien im Verhältnis 1:2 vollzogen.",
         "stock_split", "completed", "Porsche SE", ratio="2:1"),
    case("de-alte-aktien", "de",
         "Die Medivio AG aus Kiel legt jeweils zehn alte Aktien zu einer neuen Aktie zusammen.",
         "stock_split", "announced", "Medivio", ratio="1:10", reverse=True),
    case("de-neue-aktien", "de",
         "Die Alpenkamm Software AG plant einen Aktiensplit, bei dem jede Aktie in vier neue "
         "Aktien aufgeteilt wird.",
         "stock_split", "planned", "Alpenkamm Software", ratio="4:1", reverse=False),
    case("de-placeholder", "de", "Meta plant einen Aktiensplit im Verhältnis 1:5.",
         "stock_split", "planned", "Meta", ratio="5:1", reverse=False),
    case("en-ten-for-one", "en", "Nvidia announced a 10-for-1 stock split.",
         "stock_split", "announced", "Nvidia", ratio="10:1", reverse=False),
    case("en-words", "en", "Walmart said its board approved a three-for-one stock split.",
         "stock_split", "announced", "Walmart", ratio="3:1"),
    case("en-reverse", "en", "Peloton Interactive Inc. announced a 1-for-20 reverse stock split.",
         "stock_split", "announced", "Peloton Interactive", ratio="1:20", reverse=True),
    case("en-will-split", "en", "Chipotle Mexican Grill will split its stock 50-for-1.",
         "stock_split", "announced", "Chipotle Mexican Grill", ratio="50:1", reverse=False),
    case("en-completed", "en", "Broadcom completed its 10-for-1 stock split in July.",
         "stock_split", "completed", "Broadcom", ratio="10:1"),
    case("en-rumored", "en",
         "Costco is considering a stock split, people familiar with the matter said.",
         "stock_split", "rumored", "Costco", ratio=None),
    case("en-consolidate", "en",
         "Wayfair Inc. will consolidate its shares on a one-for-ten basis.",
         "stock_split", "announced", "Wayfair", ratio="1:10", reverse=True),
    case("en-placeholder", "en", "Alphabet approved a 20-for-1 stock split.",
         "stock_split", "announced", "Alphabet", ratio="20:1", reverse=False),
]

# -------------------------------------------------------------------------- share_buyback

SHARE_BUYBACK = [
    case("de-bis-ende", "de",
         "Siemens kauft bis Ende 2026 eigene Aktien für bis zu 6 Milliarden Euro zurück.",
         "share_buyback", "announced", "Siemens", amount=money("6e9", "EUR"),
         horizon=dt.date(2026, 12, 31)),
    case("de-programm", "de",
         "Die Allianz startet ein Aktienrückkaufprogramm über 1,5 Milliarden Euro.",
         "share_buyback", "announced", "Allianz", amount=money("1.5e9", "EUR")),
    case("de-stueck", "de",
         "Die Deutsche Telekom hat im ersten Quartal 12.500.000 eigene Aktien zurückgekauft.",
         "share_buyback", "completed", "Deutsche Telekom", shares=12_500_000),
    case("de-zwoelf-monate", "de",
         "Der Vorstand der Mercedes-Benz Group will in den nächsten zwölf Monaten Aktien im Wert "
         "von bis zu 3 Milliarden Euro zurückkaufen.",
         "share_buyback", "planned", "Mercedes-Benz", amount=money("3e9", "EUR"),
         horizon="P12M"),
    case("de-abgeschlossen", "de",
         "Die Deutsche Bank hat ihr Aktienrückkaufprogramm über 675 Millionen Euro "
         "abgeschlossen.",
         "share_buyback", "completed", "Deutsche Bank", amount=money("675e6", "EUR")),
    case("de-erwaegt", "de", "SAP erwägt einen weiteren Aktienrückkauf.",
         "share_buyback", "considered", "SAP"),
    case("de-millionen-stueck", "de",
         "Die Commerzbank will bis zu 20 Millionen eigene Aktien erwerben.",
         "share_buyback", "planned", "Commerzbank", shares=20_000_000),
    case("de-placeholder", "de",
         "Meta kauft eigene Aktien für 50 Milliarden Dollar zurück.",
         "share_buyback", "announced", "Meta", amount=money("50e9", "USD")),
    case("en-authorized", "en", "Apple authorized an $85 billion share buyback.",
         "share_buyback", "announced", "Apple", amount=money("85e9", "USD")),
    case("en-buy-back", "en",
         "Shell will buy back $3.5 billion of its shares over the next three months.",
         "share_buyback", "announced", "Shell", amount=money("3.5e9", "USD"), horizon="P3M"),
    case("en-repurchased", "en", "Unilever repurchased 5 million shares in the quarter.",
         "share_buyback", "completed", "Unilever", shares=5_000_000),
    case("en-program", "en", "Alphabet announced a new $70 billion stock repurchase program.",
         "share_buyback", "announced", "Alphabet", amount=money("70e9", "USD")),
    case("en-by-end", "en",
         "Meta Platforms plans to repurchase up to 50 million shares by the end of 2026.",
         "share_buyback", "planned", "Meta Platforms", shares=50_000_000,
         horizon=dt.date(2026, 12, 31)),
    case("en-sources", "en", "Barclays is considering a £1 billion share buyback, sources said.",
         "share_buyback", "rumored", "Barclays", amount=money("1e9", "GBP")),
    case("en-halted", "en", "Intel halted its share buyback program to conserve cash.",
         "share_buyback", "cancelled", "Intel"),
]

# ------------------------------------------------------------------------------- dividend

DIVIDEND = [
    case("de-senkt", "de", "BASF senkt die Dividende auf 2,25 Euro je Aktie.",
         "dividend", "announced", "BASF", amount=money("2.25", "EUR"), direction="cut"),
    case("de-erhoeht", "de",
         "Die Allianz erhöht die Dividende für das Geschäftsjahr 2024 auf 15,40 Euro je Aktie.",
         "dividend", "announced", "Allianz", amount=money("15.40", "EUR"),
         direction="increased", period="2024"),
    case("de-minimum", "de",
         "Die Bayer AG kürzt ihre Dividende auf das gesetzliche Minimum von 11 Cent je Aktie.",
         "dividend", "announced", "Bayer", amount=money("0.11", "EUR"), direction="cut"),
    case("de-streicht", "de",
         "Die Lufthansa streicht wegen der Verluste die Dividende für 2023.",
         "dividend", "announced", "Lufthansa", direction="suspended", period="2023"),
    case("de-sonder", "de",
         "Die Münchener Rück will eine Sonderdividende von 5 Euro je Aktie ausschütten.",
         "dividend", "planned", "Münchener Rück", amount=money("5", "EUR"), direction="special"),
    case("de-stabil", "de", "Henkel hält die Dividende stabil bei 1,85 Euro je Vorzugsaktie.",
         "dividend", "announced", "Henkel", amount=money("1.85", "EUR"), direction="unchanged"),
    case("de-schuettet-aus", "de",
         "Die Deutsche Post schüttet für das vergangene Geschäftsjahr 1,85 Euro je Aktie aus.",
         "dividend", "announced", "Deutsche Post", amount=money("1.85", "EUR")),
    case("de-setzt-aus", "de", "Vonovia setzt die Dividendenzahlung für das Jahr 2025 aus.",
         "dividend", "announced", "Vonovia", direction="suspended", period="2025"),
    case("de-keine", "de", "Die Varta AG zahlt für das Geschäftsjahr 2024 keine Dividende.",
         "dividend", "announced", "Varta", direction="suspended", period="2024"),
    case("de-erhoehung", "de", "Meta kündigt eine Dividendenerhöhung an.",
         "dividend", "announced", "Meta", direction="increased"),
    case("en-raised", "en", "Apple raised its quarterly dividend to $0.25 per share.",
         "dividend", "announced", "Apple", amount=money("0.25", "USD"), direction="increased"),
    case("en-suspended", "en", "Intel suspended its dividend for the fourth quarter.",
         "dividend", "announced", "Intel", direction="suspended", period="Q4 2024"),
    case("en-special", "en", "BP declared a special dividend of 10 cents per share.",
         "dividend", "announced", "BP", amount=money("0.10", "USD"), direction="special"),
    case("en-cut", "en",
         "Vodafone will cut its dividend for fiscal 2025 to 4.5 euro cents per share.",
         "dividend", "announced", "Vodafone", amount=money("0.045", "EUR"), direction="cut",
         period="2025"),
    case("en-unchanged", "en", "Tesco kept its final dividend unchanged at 8.1 pence a share.",
         "dividend", "announced", "Tesco", amount=money("0.081", "GBP"),
         direction="unchanged"),
    case("en-consecutive", "en",
         "Exxon Mobil raised its dividend for the 42nd consecutive year.",
         "dividend", "announced", "Exxon Mobil", direction="increased"),
    case("en-slashed", "en", "Kraft Heinz slashed its quarterly dividend by 36%.",
         "dividend", "announced", "Kraft Heinz", direction="cut"),
    case("en-will-pay", "en",
         "Pfizer will pay a dividend of $0.43 per share for the second quarter of 2025.",
         "dividend", "announced", "Pfizer", amount=money("0.43", "USD"),
         period="Q2 2025"),
    case("en-placeholder", "en", "Alphabet suspended its dividend for 2025.",
         "dividend", "announced", "Alphabet", direction="suspended", period="2025"),
]

# ---------------------------------------------------------------------- management_change

MANAGEMENT_CHANGE = [
    case("de-beruft", "de", "Volkswagen beruft Finanzvorstand Arno Weber zum neuen Vorstandschef.",
         "management_change", "announced", "Volkswagen", person="Arno Weber", role="CEO",
         change="appointed"),
    case("de-tritt-zurueck", "de", "VW-Chef Roland Keßler tritt zum Jahresende zurück.",
         "management_change", "announced", "Volkswagen", person="Roland Keßler", role="CEO",
         change="resigned", marks=CHEF_COMPOUND),
    case("de-abberufen", "de",
         "Der Aufsichtsrat von Bayer hat Vorstandschef Thomas Brenner mit sofortiger Wirkung "
         "abberufen.",
         "management_change", "completed", "Bayer", person="Thomas Brenner", role="CEO",
         change="dismissed"),
    case("de-apposition", "de",
         "Anna-Lena Schulte, bisher Finanzchefin bei Bosch, wird neue Finanzvorständin der BASF.",
         "management_change", "announced", "BASF", person="Anna-Lena Schulte", role="CFO",
         change="appointed", marks=ROLE_APPOSITION),
    case("de-gewaehlt", "de",
         "Die Deutsche Bank hat Claudia Hoffmann zur Aufsichtsratsvorsitzenden gewählt.",
         "management_change", "announced", "Deutsche Bank", person="Claudia Hoffmann",
         role="chair", change="appointed"),
    case("de-trennt", "de",
         "Adidas trennt sich mit sofortiger Wirkung von Vorstandschef Jürgen Ostermann.",
         "management_change", "completed", "Adidas", person="Jürgen Ostermann", role="CEO",
         change="dismissed"),
    case("de-scheidet-aus", "de",
         "Die Finanzvorständin der Commerzbank, Petra Lindner, scheidet Ende Juni aus dem "
         "Vorstand aus.",
         "management_change", "announced", "Commerzbank", person="Petra Lindner", role="CFO",
         change="resigned"),
    case("de-bericht", "de",
         "Laut einem Bericht des Handelsblatts soll Markus Feldhaus neuer Vorstandschef von "
         "Zalando werden.",
         "management_change", "rumored", "Zalando", person="Markus Feldhaus", role="CEO",
         change="appointed"),
    case("de-holt", "de",
         "Infineon holt den früheren Apple-Manager Peter Sommer als neuen Technikvorstand.",
         "management_change", "announced", "Infineon", person="Peter Sommer", role="CTO",
         change="appointed"),
    case("de-sofort", "de",
         "Siemens Energy hat Finanzvorstand Jens Hagedorn mit sofortiger Wirkung zum "
         "Vorstandschef ernannt.",
         "management_change", "completed", "Siemens Energy", person="Jens Hagedorn", role="CEO",
         change="appointed"),
    case("en-named", "en", "Tesla named Karen Whitfield as its new chief financial officer.",
         "management_change", "announced", "Tesla", person="Karen Whitfield", role="CFO",
         change="appointed"),
    case("en-step-down", "en",
         "Boeing said Chief Executive Officer John Ralston will step down at the end of the year.",
         "management_change", "announced", "Boeing", person="John Ralston", role="CEO",
         change="resigned"),
    case("en-ousted", "en", "Intel ousted CEO Mark O'Neill on Monday.",
         "management_change", "completed", "Intel", person="Mark O'Neill", role="CEO",
         change="dismissed"),
    case("en-promoted", "en",
         "Unilever promoted finance chief Maria Fernández to chief executive.",
         "management_change", "announced", "Unilever", person="Maria Fernández", role="CEO",
         change="appointed"),
    case("en-retire", "en",
         "Barclays said its chairman, Richard McAllister, will retire in May.",
         "management_change", "announced", "Barclays", person="Richard McAllister", role="chair",
         change="resigned"),
    case("en-hired", "en",
         "Nike Inc. has hired former Apple executive Jane Ortiz as chief technology officer.",
         "management_change", "announced", "Nike", person="Jane Ortiz", role="CTO",
         change="appointed"),
    case("en-board-fired", "en",
         "The board of Starbucks Corp. fired Chief Executive David Harlow after a year in the job.",
         "management_change", "completed", "Starbucks", person="David Harlow", role="CEO",
         change="dismissed"),
    case("en-resigned", "en",
         "Rio Tinto's finance chief, Alan Sorensen, resigned with immediate effect.",
         "management_change", "completed", "Rio Tinto", person="Alan Sorensen", role="CFO",
         change="resigned"),
    case("en-succeed", "en",
         "Disney appointed Laura Mitchell to succeed Robert Grant as chief executive.",
         "management_change", "announced", "Disney", person="Laura Mitchell", role="CEO",
         change="appointed"),
    case("en-immediate", "en", "Unilever appointed Sarah Klein as chair with immediate effect.",
         "management_change", "completed", "Unilever", person="Sarah Klein", role="chair",
         change="appointed"),
    case("en-placeholder", "en", "Google said its CEO, Daniel Reyes, resigned on Friday.",
         "management_change", "completed", "Google", person="Daniel Reyes", role="CEO",
         change="resigned"),
]

ROWS = ACQUISITION + MERGER + PARTNERSHIP + IPO + STOCK_SPLIT + SHARE_BUYBACK + DIVIDEND + \
    MANAGEMENT_CHANGE


@pytest.mark.parametrize(("lang", "text", "expect"), ROWS)
def test_event(lang: str, text: str, expect: dict[str, Any]) -> None:
    check(lang, text, expect)


# ------------------------------------------------------------------------------ negatives

NEGATIVE = [
    # stock moves, takeover talk, market commentary
    pytest.param("de", "Die Aktie von Volkswagen stieg um 3 Prozent.", id="de-kurs"),
    pytest.param("de", "Übernahmespekulationen trieben die Aktie von Covestro um sieben Prozent "
                 "nach oben.", id="de-spekulation"),
    pytest.param("de", "Nach dem Aktiensplit im vergangenen Jahr hat sich der Kurs von Nvidia "
                 "verdoppelt.", id="de-frueherer-split"),
    pytest.param("de", "Die Dividendenrendite der BASF-Aktie liegt bei rund fünf Prozent.",
                 id="de-rendite"),
    pytest.param("de", "Wegen der Flaute am IPO-Markt verschieben viele Unternehmen ihre "
                 "Börsenpläne.", id="de-ipo-markt"),
    # advice and opinion
    pytest.param("de", "Anleger sollten bei Dividendenaktien wie Allianz auf die "
                 "Ausschüttungsquote achten.", id="de-rat"),
    pytest.param("de", "Aktionäre fordern den Rücktritt von Vorstandschef Hans Berger bei Bayer.",
                 id="de-forderung"),
    # products, purchases of goods, macro, science
    pytest.param("de", "Apple stellte am Montag das neue iPhone vor.", id="de-produkt"),
    pytest.param("de", "Lufthansa kauft 20 Flugzeuge bei Airbus.", id="de-flugzeuge"),
    pytest.param("de", "Die Europäische Zentralbank senkt den Leitzins um 0,25 Prozentpunkte.",
                 id="de-makro"),
    pytest.param("de", "Die Fusion von Wasserstoffkernen ist die Energiequelle der Sonne.",
                 id="de-kernfusion"),
    pytest.param("de", "Die Allianz zahlte im vergangenen Jahr mehr Schadenersatz als erwartet.",
                 id="de-versicherer"),
    pytest.param("de", "Thyssenkrupp kooperiert mit den Ermittlungsbehörden.",
                 id="de-behoerden"),
    pytest.param("de", "Der neue Vorstandschef von Siemens sagte, das Unternehmen wolle "
                 "profitabel wachsen.", id="de-ohne-name"),
    pytest.param("de", "Adidas-Chef Lars Nygaard stellte die neue Kollektion vor.",
                 id="de-chef-zitat"),
    pytest.param("de", "Der Fonds kaufte zuletzt Aktien von Adidas und Puma.", id="de-fonds"),
    pytest.param("de", "Die SAP-Aktie ist seit dem Börsengang 1988 um das Hundertfache gestiegen.",
                 id="de-seit-boersengang"),
    pytest.param("de", "Laut Analysten könnte Rheinmetall die Dividende im kommenden Jahr deutlich "
                 "erhöhen.", id="de-analysten"),
    pytest.param("de", "Siemens hat den Umsatz im Geschäft mit BASF auf 9 Prozent erhöht.",
                 id="de-umsatz-prozent"),
    pytest.param("de", "Der Aufsichtsrat von Bayer sucht einen Nachfolger für Vorstandschef "
                 "Thomas Brenner.", id="de-nachfolgersuche"),
    pytest.param("en", "Shares of Volkswagen rose 3% on Tuesday.", id="en-stock-move"),
    pytest.param("en", "BlackRock bought shares of Siemens and Adidas last quarter.",
                 id="en-portfolio"),
    pytest.param("en", "SAP shares have risen a hundredfold since its IPO in 1988.",
                 id="en-since-ipo"),
    pytest.param("en", "Analysts expect Rheinmetall to raise its dividend next year.",
                 id="en-analysts"),
    pytest.param("en", "Apple returned $25 billion to shareholders through dividends and buybacks "
                 "in the quarter.", id="en-capital-return"),
    pytest.param("en", "Tesla's board is searching for a successor to chief executive Dan Mercer.",
                 id="en-successor-search"),
    pytest.param("en", "Shares of Covestro rose after the merger speculation.",
                 id="en-merger-speculation"),
    pytest.param("en", "Investors should buy Nvidia shares before the split.", id="en-advice"),
    pytest.param("en", "The dividend yield of Unilever stands at 3%.", id="en-yield"),
    pytest.param("en", "Apple unveiled its new iPhone on Monday.", id="en-product"),
    pytest.param("en", "The Federal Reserve raised interest rates by a quarter point.",
                 id="en-macro"),
    pytest.param("en", "Analysts at Goldman Sachs reiterated their buy rating on Microsoft.",
                 id="en-rating"),
    pytest.param("en", "Lufthansa agreed to buy 20 jets from Airbus.", id="en-jets"),
    pytest.param("en", "Apple CEO Tom Harding said demand in China remained strong.",
                 id="en-ceo-quote"),
    pytest.param("en", "Mergers and acquisitions activity slowed sharply in the third quarter.",
                 id="en-m-and-a"),
    pytest.param("en", "The IPO market remained subdued as investors shunned new listings.",
                 id="en-ipo-market"),
    pytest.param("en", "Siemens is fully cooperating with the investigation.",
                 id="en-investigation"),
    pytest.param("en", "Microsoft's stock has risen tenfold since its last stock split.",
                 id="en-earlier-split"),
    pytest.param("en", "Activist investors urged Intel's chief executive, Mark Hale, to step down.",
                 id="en-urged"),
    pytest.param("en", "Pfizer's payout ratio remains among the highest in the sector.",
                 id="en-payout-ratio"),
    pytest.param("en", "Dividend stocks such as Coca-Cola have outperformed this year.",
                 id="en-dividend-stocks"),
]


@pytest.mark.parametrize(("lang", "text"), NEGATIVE)
def test_no_event(lang: str, text: str) -> None:
    events = eventx.extract(text, lang=lang, published=PUBLISHED)
    assert [e for e in events if e.type in TYPES] == []


# ---------------------------------------------------------------- two events stay apart

TWO = [
    pytest.param("de",
                 "Siemens übernimmt den Softwareanbieter Altair Engineering Inc. Zudem kauft "
                 "Siemens die Dotmatics Ltd. für 5 Milliarden Dollar.",
                 "acquisition", ("Altair Engineering", "Dotmatics"), id="de-zwei-zukaeufe"),
    pytest.param("de",
                 "Volkswagen beruft Anna Weber zur Finanzvorständin. Vorstandschef Peter Kraus "
                 "tritt zurück.",
                 "management_change", ("Anna Weber", "Peter Kraus"), id="de-zwei-personen"),
    pytest.param("en",
                 "Meta agreed to buy a stake in Google's mapping unit. Separately, Meta acquired "
                 "Scale Robotics Inc. for $1 billion.",
                 "acquisition", ("Google", "Scale Robotics"), id="en-two-deals"),
    pytest.param("en",
                 "Meta named Karen Whitfield as chief financial officer. Chief executive Dan "
                 "Mercer will step down in June.",
                 "management_change", ("Karen Whitfield", "Dan Mercer"), id="en-two-people"),
]


@pytest.mark.parametrize(("lang", "text", "type_", "keys"), TWO)
def test_events_apart(lang: str, text: str, type_: str, keys: tuple[str, str]) -> None:
    """Two different events of one type and company are two events, not one."""
    events = [e for e in eventx.extract(text, lang=lang, published=PUBLISHED) if e.type == type_]
    assert len(events) == 2, events
    if type_ == "acquisition":
        for event, name in zip(events, keys):
            assert same_company(event.target, name), event
    else:
        assert [e.person for e in events] == list(keys)


@pytest.mark.parametrize(
    ("lang", "text", "company", "partner"),
    [
        ("en", "The combination of Castle Rock Insurance Ltd and Rowan Mutual Ltd was completed "
               "on Friday.", "Castle Rock Insurance", "Rowan Mutual"),
        ("en", "Harbor Freight Lines Inc. and Delmar Shipping Corp. agreed to merge.",
               "Harbor Freight Lines", "Delmar Shipping"),
        ("de", "Die Fusion der Weserland Chemie AG mit der Elbtal Polymer SE ist abgeschlossen.",
               "Weserland Chemie", "Elbtal Polymer"),
        ("de", "Die Elbtal Polymer SE und die Weserland Chemie AG wollen fusionieren.",
               "Elbtal Polymer", "Weserland Chemie"),
    ],
    ids=["en-combination-of", "en-agreed", "de-fusion-mit", "de-und"],
)
def test_merger_first_named_is_the_company(lang, text, company, partner):
    # the sides of a merger are symmetric: the gold conventions take the first named as the
    # company, whichever role the role rules give it
    (event,) = [e for e in eventx.extract(text, lang=lang) if e.type == "merger"]
    assert same_company(event.company, company)
    assert same_company(event.partner, partner)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Rivermark Energy Inc. sold $1.25 billion of senior unsecured notes on Wednesday "
               "in two tranches maturing in 2031 and 2036."),
        ("en", "Lumora Health Inc. sold 23.3 million shares at $18 each in its initial public "
               "offering on the Nasdaq."),
    ],
    ids=["en-notes", "en-ipo-shares"],
)
def test_selling_own_debt_or_listing_shares_is_no_asset_sale(lang, text):
    assert "asset_sale" not in [e.type for e in eventx.extract(text, lang=lang)]


@pytest.mark.parametrize(
    ("lang", "text", "etype", "value", "currency"),
    [
        ("de", "Die Kessler Maritime GmbH wird von der Rheinmetall AG übernommen. Den Kaufpreis "
               "bezifferte Rheinmetall auf rund 620 Millionen Euro.", "acquisition", "620e6", "EUR"),
        ("de", "Continental hat den Verkauf seines Schlauchgeschäfts an Ardent Capital abgeschlossen. "
               "Der Kaufpreis belaufe sich auf 410 Millionen Euro, teilte der Konzern mit.",
         "asset_sale", "410e6", "EUR"),
        ("en", "Harbor Freight Lines Inc. agreed to buy Delmar Shipping Corp. The purchase price "
               "is $730 million, including debt.", "acquisition", "730e6", "USD"),
    ],
    ids=["de-kaufpreis-beziffert", "de-kaufpreis-belaufe", "en-purchase-price"],
)
def test_price_in_a_later_sentence_is_the_deals_amount(lang, text, etype, value, currency):
    (event,) = [e for e in eventx.extract(text, lang=lang) if e.type == etype]
    assert (event.amount.value, event.amount.currency) == (Decimal(value), currency)


def test_price_sentence_far_from_the_deal_is_not_its_amount():
    text = ("Harbor Freight Lines Inc. agreed to buy Delmar Shipping Corp. The deal needs "
            "approval. Regulators meet in May. Analysts said fuel prices were high. "
            "Oil is worth $80 a barrel.")
    (event,) = [e for e in eventx.extract(text, lang="en") if e.type == "acquisition"]
    assert event.amount is None


@pytest.mark.parametrize(
    ("lang", "text", "company", "partners"),
    [
        ("en", "Harlow Logistics Ltd has secured a £500m revolving credit facility from a group of "
               "banks led by Barclays.", "Harlow Logistics", {"Barclays"}),
        ("de", "Die revolvierende Kreditlinie der Uniper SE wird von einem Bankenkonsortium unter "
               "Führung der Commerzbank bereitgestellt.", "Uniper", {"Commerzbank"}),
    ],
    ids=["en-led-by", "de-unter-fuehrung"],
)
def test_lenders_are_partners_not_the_borrower(lang, text, company, partners):
    (event,) = [e for e in eventx.extract(text, lang=lang) if e.type == "financing"]
    assert same_company(event.company, company)
    assert {p.name for p in event.partners} >= partners


@pytest.mark.parametrize(
    "text",
    [
        "Ocado Group plc will use the proceeds mainly to buy back existing bonds maturing in 2026.",
        "Harcourt Logistics Ltd repurchased notes worth £80m from investors.",
    ],
    ids=["buy-back-bonds", "repurchased-notes"],
)
def test_buying_back_debt_is_no_share_buyback(text):
    assert "share_buyback" not in [e.type for e in eventx.extract(text, lang="en")]
