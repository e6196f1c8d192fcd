"""Language data: words, not logic. One folder per language, TOML files per concern.

``data(lang, name)`` reads ``lang/<lang>/<name>.toml`` once and caches it. Nothing is read at
import time.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib.resources import files
from typing import Any

SUPPORTED: tuple[str, ...] = ("de", "en")

__all__ = ["SUPPORTED", "data", "names"]


@lru_cache(maxsize=None)
def data(lang: str, name: str) -> dict[str, Any]:
    """The parsed TOML file ``<lang>/<name>.toml`` (``name`` may contain one '/')."""
    resource = files(__name__).joinpath(lang, *f"{name}.toml".split("/"))
    with resource.open("rb") as fh:
        return tomllib.load(fh)


def names(lang: str, folder: str) -> list[str]:
    """Names of the TOML files in ``<lang>/<folder>/`` (without suffix), sorted."""
    base = files(__name__).joinpath(lang, folder)
    return sorted(
        p.name[: -len(".toml")] for p in base.iterdir() if p.name.endswith(".toml")
    )
