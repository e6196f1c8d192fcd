"""Canonical company names, tickers and ISINs.

The register is built on first use from three sources:

1. ``pytickersymbols``: the members of DAX, MDAX, SDAX, TecDAX, EURO STOXX 50, SMI
   ("Switzerland 20"), S&P 500, NASDAQ 100, FTSE 100 and the other indices the package ships.
   When a company sits in several indices, the first index in ``INDEX_PRIORITY`` wins.
2. ``overrides.toml``: corrections to that data (display names, wrong ISINs, tickers).
3. ``unlisted.toml`` and ``aliases.toml``: companies outside those indices, and the names
   news use for them ("VW", "Google", "Telekom").

Choices:

- ``Company.name`` is the register name without its legal form or Wikipedia-style
  disambiguation ("Apple Inc." -> "Apple", "Puma (brand)" -> "Puma"), unless
  ``overrides.toml`` says otherwise.
- ``ticker`` is the local symbol of the listing the register names first, without Yahoo's
  exchange suffix: "SIE" for Siemens (Xetra), "META" for Meta Platforms, "HSBA" for HSBC
  (London), "7203" for Toyota (Tokyo). It is the ticker on the company's home exchange for
  almost every entry; where it is not, ``overrides.toml`` fixes it.
- ``isin`` is the first ISIN of the entry that passes ``stdnum.isin`` validation (the main
  share line in the package's data); ADR ISINs listed after it are ignored.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

from ..schema import Company
from .names import display_name, match_key, strip_legal_form, ticker_from_symbol

__all__ = ["CompanyRegister", "Entry", "INDEX_PRIORITY", "guards", "register"]

#: Order in which indices are read; a company in several indices takes its data from the
#: first. German and European indices first, since their members' names collide least.
INDEX_PRIORITY: tuple[str, ...] = (
    "DAX", "MDAX", "SDAX", "TecDAX", "EURO STOXX 50", "Switzerland 20", "S&P 500",
    "NASDAQ 100", "FTSE 100", "DOW JONES", "S&P 100", "CAC_40", "AEX", "IBEX 35", "BEL 20",
    "OMX Stockholm 30", "OMX Helsinki 25", "CAC Mid 60", "NIKKEI 225", "S&P 600",
)  # fmt: skip


def _toml(name: str) -> dict[str, Any]:
    return tomllib.loads(files(__package__).joinpath(name).read_text("utf-8"))


@lru_cache(maxsize=1)
def guards() -> dict[str, Any]:
    """The parsed ``not_companies.toml`` (media, markets, products, ambiguous names ...)."""
    return _toml("not_companies.toml")


def _valid_isin(value: str | None) -> str | None:
    from stdnum import isin as stdnum_isin  # imported on first use

    if value and stdnum_isin.is_valid(value):
        return stdnum_isin.compact(value)
    return None


@dataclass
class Entry:
    """One company of the register: canonical name, identifiers and the spellings matched."""

    name: str
    ticker: str | None = None
    isin: str | None = None
    headquarters: str | None = None
    forms: list[str] = field(default_factory=list)

    def company(self, mention: str) -> Company:
        """This company as a ``Company`` value, ``mention`` as written in the text."""
        return _company(self.name, mention, self.ticker, self.isin)


@lru_cache(maxsize=4096)
def _company(name: str, mention: str, ticker: str | None, isin: str | None) -> Company:
    """One ``Company`` value for the same fields: values are frozen, and a text names its
    companies many times over, each of which would otherwise be validated again."""
    return Company(name=name, mention=mention, ticker=ticker, isin=isin)


class CompanyRegister:
    """Look up a company by a name as written in the news.

    ``stocks`` (for tests) replaces the pytickersymbols data: an iterable of dicts with the
    package's keys (``name``, ``symbol``, ``isins``, ``metadata``).
    """

    def __init__(self, stocks: Iterable[Mapping[str, Any]] | None = None) -> None:
        self.entries: list[Entry] = []
        self._by_name: dict[str, int] = {}
        self._forms: dict[str, int] = {}
        self._lang_forms: dict[str, dict[str, int]] = {"de": {}, "en": {}}
        self._keys: dict[str, int] = {}
        overrides = _toml("overrides.toml")
        self._load_stocks(self._stocks() if stocks is None else stocks, overrides)
        self._load_unlisted(_toml("unlisted.toml"))
        self._load_aliases(_toml("aliases.toml"), strict=stocks is None)
        for i, entry in enumerate(self.entries):
            for form in entry.forms:
                self._keys.setdefault(match_key(form), i)

    # -- building -------------------------------------------------------------------------
    @staticmethod
    def _stocks() -> Iterable[Mapping[str, Any]]:
        from pytickersymbols import PyTickerSymbols  # imported on first use (1.9 MB data)

        source = PyTickerSymbols()
        names = source.get_all_indices()
        order = [i for i in INDEX_PRIORITY if i in names] + [
            i for i in names if i not in INDEX_PRIORITY
        ]
        for index in order:
            yield from source.get_stocks_by_index(index)

    def _add(self, entry: Entry) -> int:
        index = len(self.entries)
        self.entries.append(entry)
        self._by_name.setdefault(entry.name, index)
        for form in entry.forms:
            self._forms.setdefault(form, index)
        return index

    def _load_stocks(
        self, stocks: Iterable[Mapping[str, Any]], overrides: Mapping[str, Any]
    ) -> None:
        seen_names: set[str] = set()
        seen_isins: set[str] = set()
        for stock in stocks:
            raw = stock.get("name")
            if not raw or raw in seen_names:
                continue
            seen_names.add(raw)
            fix = overrides.get(raw, {})
            isin = _valid_isin(fix.get("isin")) or next(
                (v for v in map(_valid_isin, stock.get("isins") or ()) if v), None
            )
            if isin is not None and isin in seen_isins:
                continue  # same company under another spelling in a later index
            name = fix.get("name") or display_name(raw)
            if name in self._by_name:
                continue
            if isin is not None:
                seen_isins.add(isin)
            if "forms" in fix:
                forms = list(fix["forms"])
            else:
                forms = _forms_of(raw, name)
            meta = stock.get("metadata") or {}
            self._add(
                Entry(
                    name=name,
                    ticker=fix.get("ticker") or ticker_from_symbol(stock.get("symbol")),
                    isin=isin,
                    headquarters=meta.get("headquarters"),
                    forms=forms,
                )
            )

    def _load_unlisted(self, unlisted: Mapping[str, Any]) -> None:
        for name, info in unlisted.items():
            if name in self._by_name:
                continue
            forms = list(dict.fromkeys([name, *info.get("aliases", ())]))
            self._add(
                Entry(
                    name=name,
                    ticker=info.get("ticker"),
                    isin=_valid_isin(info.get("isin")),
                    headquarters=info.get("headquarters"),
                    forms=forms,
                )
            )

    def _load_aliases(self, aliases: Mapping[str, Any], strict: bool = True) -> None:
        for section, table in aliases.items():
            target = self._forms if section == "all" else self._lang_forms.setdefault(section, {})
            for canonical, spellings in table.items():
                index = self._by_name.get(canonical)
                if index is None and not strict:
                    continue  # a register built from other data may lack the company
                if index is None:
                    raise ValueError(
                        f"aliases.toml: {canonical!r} is not a name in the register "
                        "(check overrides.toml / unlisted.toml)"
                    )
                for form in spellings:
                    target[form] = index  # aliases win over register spellings
                    if section == "all" and form not in self.entries[index].forms:
                        self.entries[index].forms.append(form)

    # -- reading --------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.entries)

    def forms(self, lang: str | None = None) -> dict[str, int]:
        """Every spelling to match in text, mapped to its entry index (``self.entries``)."""
        merged = dict(self._forms)
        if lang is not None:
            merged.update(self._lang_forms.get(lang, {}))
        return merged

    def aliases(self) -> list[str]:
        """Every spelling the register knows (all languages), sorted."""
        found = set(self._forms)
        for table in self._lang_forms.values():
            found.update(table)
        return sorted(found)

    def entry(self, mention: str, lang: str | None = None) -> Entry | None:
        """The entry for ``mention``: exact spelling first, then a case- and
        legal-form-insensitive key ("SIEMENS AG" -> Siemens). A mention in lower case only
        matches a spelling written that way ("apple" is not Apple)."""
        if lang is not None:
            index = self._lang_forms.get(lang, {}).get(mention)
            if index is not None:
                return self.entries[index]
        index = self._forms.get(mention)
        if index is None and not mention.islower():  # "apple" is fruit, "APPLE INC." is not
            index = self._keys.get(match_key(mention))
        if index is None and lang is not None:
            index = self._lang_forms.get(lang, {}).get(strip_legal_form(mention))
        return None if index is None else self.entries[index]

    def by_name(self, name: str) -> Entry | None:
        """The entry whose canonical name is ``name``."""
        index = self._by_name.get(name)
        return None if index is None else self.entries[index]

    def lookup(self, mention: str, lang: str | None = None) -> Company | None:
        """The canonical company for ``mention`` (as written), or None when unknown."""
        entry = self.entry(mention, lang)
        return None if entry is None else entry.company(mention)


def _forms_of(raw: str, name: str) -> list[str]:
    """Spellings of a register entry to look for in text."""
    forms = [name]
    plain = raw.split(" (")[0].strip()
    if plain != name:
        forms.append(plain)
    if name.isupper() and len(name) > 4 and name.isalpha():
        forms.append(name.title())  # "FANUC" -> "Fanuc"
    return forms


@lru_cache(maxsize=1)
def register() -> CompanyRegister:
    """The shared register, built on first use and then reused."""
    return CompanyRegister()
