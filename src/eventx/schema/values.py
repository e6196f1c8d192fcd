"""Value types that events carry: Money, Horizon, Percent, Company, Evidence.

Pure pydantic models; nothing here imports spaCy or any other part of eventx.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = ["Company", "Evidence", "Horizon", "Money", "Percent", "ISO_DURATION"]

# ISO 8601 duration as used for horizons: P12M, P5Y, P2Y6M, P90D, P2W (no time part needed
# for business horizons, but PT... is accepted for completeness).
ISO_DURATION = re.compile(
    r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(?:\.\d+)?S)?)?$"
)
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_ISIN = re.compile(r"^[A-Z]{2}[A-Z0-9]{9}\d$")


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Evidence(_Value):
    """Where in the caller's text an event (or value) was read: ``text == input[start:end]``."""

    text: str
    start: Annotated[int, Field(ge=0)]
    end: Annotated[int, Field(ge=0)]

    @model_validator(mode="after")
    def _offsets_match_text(self) -> Evidence:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"offsets {self.start}:{self.end} span {self.end - self.start} characters "
                f"but text has {len(self.text)}"
            )
        return self


class Company(_Value):
    """A company: ``name`` canonical ("Meta Platforms"), ``mention`` as written ("Meta")."""

    name: Annotated[str, Field(min_length=1)]
    mention: Annotated[str, Field(min_length=1)]
    ticker: str | None = None
    isin: str | None = None

    @field_validator("isin")
    @classmethod
    def _isin_shape(cls, v: str | None) -> str | None:
        if v is not None and not _ISIN.match(v):
            raise ValueError(f"not an ISIN: {v!r} (expected 2 letters, 9 alphanumerics, 1 digit)")
        return v


class Money(_Value):
    """An amount of money. ``value`` in units (2.04 billion -> Decimal("2040000000")).

    Vague amounts ("Hunderte Milliarden Dollar", "more than $2bn") set ``approximate`` and,
    where the text gives them, ``low`` / ``high``. ``text`` is the amount as written, without
    soft hyphens and with HTML character references decoded ("1,2&nbsp;Mrd.&nbsp;&euro;" ->
    "1,2\u00a0Mrd.\u00a0€"); the span in ``doc.spans["money"]`` keeps the original characters.
    """

    value: Decimal
    currency: str
    text: str
    approximate: bool = False
    low: Decimal | None = None
    high: Decimal | None = None

    @field_validator("currency")
    @classmethod
    def _iso_4217(cls, v: str) -> str:
        if not _CURRENCY.match(v):
            raise ValueError(f"currency must be an ISO 4217 code like 'EUR', got {v!r}")
        return v

    @model_validator(mode="after")
    def _range_is_ordered(self) -> Money:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low}) is above high ({self.high})")
        return self


class Horizon(_Value):
    """A time horizon: a ``duration`` (ISO 8601, "P12M") and/or a ``deadline`` date.

    Relative horizons without a publication date keep ``text`` and leave ``deadline`` None.
    """

    text: str
    duration: str | None = None
    deadline: date | None = None

    @field_validator("duration")
    @classmethod
    def _iso_8601(cls, v: str | None) -> str | None:
        if v is not None and not ISO_DURATION.match(v):
            raise ValueError(f"duration must be ISO 8601 like 'P12M', got {v!r}")
        return v


class Percent(_Value):
    """A percentage: "12,5 %" -> ``Decimal("12.5")``."""

    value: Decimal
    text: str
