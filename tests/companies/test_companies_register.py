"""The company register: canonical names, tickers, ISINs, aliases, lookups."""

import subprocess
import sys

import pytest
from stdnum import isin as stdnum_isin

from eventx.companies import CompanyRegister, register
from eventx.companies.names import display_name, match_key, strip_legal_form, ticker_from_symbol
from eventx.schema import Company


@pytest.fixture(scope="module")
def reg():
    return register()


# (mention, lang, canonical name, ticker, isin)
LOOKUPS = [
    ("Siemens", None, "Siemens", "SIE", "DE0007236101"),
    ("Siemens AG", None, "Siemens", "SIE", "DE0007236101"),
    ("Siemens Aktiengesellschaft", None, "Siemens", "SIE", "DE0007236101"),
    ("SIEMENS AG", None, "Siemens", "SIE", "DE0007236101"),
    ("Apple Inc.", None, "Apple", "AAPL", "US0378331005"),
    ("ALPHABET INC.", None, "Alphabet", "GOOGL", "US02079K1079"),
    ("Google", None, "Alphabet", "GOOGL", "US02079K1079"),
    ("Meta", None, "Meta Platforms", "META", "US30303M1027"),
    ("Facebook", None, "Meta Platforms", "META", "US30303M1027"),
    ("VW", None, "Volkswagen", "VOW3", "DE0007664005"),
    ("Daimler Truck", None, "Daimler Truck", "DTG", "DE000DTR0CK8"),
    ("Mercedes-Benz", None, "Mercedes-Benz Group", "MBG", "DE0007100000"),
    ("Telekom", None, "Deutsche Telekom", "DTE", "DE0005557508"),
    ("Deutsche Telekom AG", None, "Deutsche Telekom", "DTE", "DE0005557508"),
    ("SAP SE", None, "SAP", "SAP", "DE0007164600"),
    ("Linde plc", None, "Linde", "LIN", "IE000S9YS762"),
    ("Merck", "de", "Merck KGaA", "MRK", "DE0006599905"),
    ("Merck", "en", "Merck & Co.", "MRK", "US58933Y1055"),
    ("Nestlé", None, "Nestlé", "NESN", "CH0038863350"),
    ("The Coca-Cola Company", None, "Coca-Cola", "KO", "US1912161007"),
    ("Bosch", None, "Robert Bosch", None, None),
    ("TSMC", None, "Taiwan Semiconductor Manufacturing", "2330", "TW0002330008"),
]


@pytest.mark.parametrize(("mention", "lang", "name", "ticker", "isin"), LOOKUPS,
                         ids=[f"{m}-{lang}" for m, lang, *_ in LOOKUPS])
def test_lookup(reg, mention, lang, name, ticker, isin):
    assert reg.lookup(mention, lang) == Company(name=name, mention=mention, ticker=ticker, isin=isin)


@pytest.mark.parametrize("mention", ["Frankfurt", "Mark Zuckerberg", "apple", "Reuters", ""])
def test_unknown_is_none(reg, mention):
    assert reg.lookup(mention) is None


def test_daimler_truck_is_not_mercedes(reg):
    assert reg.lookup("Daimler Truck").name != reg.lookup("Mercedes-Benz").name


def test_register_is_large_and_isins_are_valid(reg):
    assert len(reg) > 1500
    isins = [e.isin for e in reg.entries if e.isin]
    assert len(isins) > 1000
    assert all(stdnum_isin.is_valid(i) for i in isins)
    assert len(set(isins)) == len(isins)


def test_names_are_unique_and_clean(reg):
    names = [e.name for e in reg.entries]
    assert len(set(names)) == len(names)
    assert not [n for n in names if "(" in n or n.endswith((" Inc.", " AG", " plc", " SA"))]


def test_every_alias_resolves(reg):
    for alias in reg.aliases():
        assert reg.entry(alias, "de") is not None or reg.entry(alias, "en") is not None, alias


def test_register_is_cached(reg):
    assert register() is reg


def test_custom_stocks():
    stocks = [
        {"name": "Beispiel Werke AG", "symbol": "BSP.DE", "isins": ["XX0000000000", "DE0007236101"],
         "metadata": {"headquarters": "Kassel , Germany"}},
        {"name": "Beispiel Werke AG", "symbol": "BSP2.DE", "isins": []},  # duplicate name
    ]
    reg = CompanyRegister(stocks)
    found = reg.lookup("Beispiel Werke")
    assert (found.name, found.ticker, found.isin) == ("Beispiel Werke", "BSP", "DE0007236101")
    assert reg.by_name("Beispiel Werke").headquarters == "Kassel , Germany"


def test_import_does_not_build_the_register():
    code = (
        "import sys, eventx\n"
        "assert 'pytickersymbols' not in sys.modules\n"
        "assert 'cleanco' not in sys.modules\n"
        "from eventx.companies import register\n"
        "assert register.cache_info().currsize == 0\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


NAMES = [
    ("Apple Inc.", "Apple"),
    ("Tesla, Inc.", "Tesla"),
    ("Siemens Aktiengesellschaft", "Siemens"),
    ("KSB SE & Co. KGaA", "KSB"),
    ("Muster GmbH & Co. KG", "Muster"),
    ("Swiss Reinsurance Company Ltd", "Swiss Reinsurance"),
    ("Puma (brand)", "Puma"),
    ("The Hershey Company", "Hershey"),
    ("The Trade Desk", "The Trade Desk"),
    ("Meta Platforms", "Meta Platforms"),
    ("Mercedes-Benz Group", "Mercedes-Benz Group"),
    ("SCA", "SCA"),
]


@pytest.mark.parametrize(("raw", "display"), NAMES, ids=[n for n, _ in NAMES])
def test_display_name(raw, display):
    assert display_name(raw) == display


def test_match_key_and_strip():
    assert match_key("APPLE INC.") == match_key("Apple") == "apple"
    assert strip_legal_form("Intesa Sanpaolo S.p.A.") == "Intesa Sanpaolo"


@pytest.mark.parametrize(
    ("symbol", "ticker"),
    [("SIE.DE", "SIE"), ("AAPL", "AAPL"), ("HSBA.L", "HSBA"), ("AIR.PA.DE", "AIR"),
     ("7203.T", "7203"), ("BRK.B", "BRK.B"), (None, None), ("-", None)],
)
def test_ticker_from_symbol(symbol, ticker):
    assert ticker_from_symbol(symbol) == ticker
