"""Error types. Messages say what was received and what is accepted."""

from __future__ import annotations

__all__ = ["EventxError", "UnsupportedLanguageError", "InvalidInputError"]


class EventxError(Exception):
    """Base class of every error eventx raises on purpose."""


class UnsupportedLanguageError(EventxError, ValueError):
    """A language other than the supported ones ("de", "en") was asked for."""

    def __init__(self, lang: object, supported: tuple[str, ...] = ("de", "en")) -> None:
        self.lang = lang
        super().__init__(
            f"unsupported language {lang!r}; eventx supports {', '.join(map(repr, supported))} "
            "or None to detect it"
        )


class InvalidInputError(EventxError, ValueError):
    """An input value (e.g. ``published``) that cannot be used."""
