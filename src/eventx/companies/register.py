"""Canonical company names, tickers and ISINs. Foundation placeholder: aliases only."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib.resources import files

from ..schema import Company


class CompanyRegister:
    """Look up a company by a name as written in the news."""

    def __init__(self) -> None:
        raw = tomllib.loads(files(__package__).joinpath("aliases.toml").read_text("utf-8"))
        self._by_alias: dict[str, str] = {}
        self._written: set[str] = set()
        for canonical, aliases in raw.items():
            for alias in [canonical, *aliases]:
                self._by_alias[alias.casefold()] = canonical
                self._written.add(alias)

    def aliases(self) -> list[str]:
        """Every name the register knows, as written."""
        return sorted(self._written)

    def lookup(self, mention: str) -> Company | None:
        """The canonical company for ``mention``, or None when unknown."""
        name = self._by_alias.get(mention.casefold())
        if name is None:
            return None
        return Company(name=name, mention=mention)


@lru_cache(maxsize=1)
def register() -> CompanyRegister:
    """The shared register, built on first use."""
    return CompanyRegister()
