"""The 18 event types (SPEC section 3) and the ``Event`` discriminated union."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from .values import Company, Evidence, Horizon, Money, Percent

Status = Literal["planned", "announced", "completed", "considered", "rumored", "denied", "cancelled"]
Lang = Literal["de", "en"]

STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]


class BaseEvent(BaseModel):
    """Fields every event has. Subclasses add a ``type`` literal and their own fields."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    company: Company
    status: Status
    date: dt.date | None = None
    evidence: Evidence
    lang: Lang
    confidence: Annotated[float, Field(ge=0.0, le=1.0)]

    def _repr_html_(self) -> str:
        """HTML for notebooks: the event as a table row and its highlighted evidence."""
        from ..render import render_event

        return render_event(self)


class AssetSale(BaseEvent):
    type: Literal["asset_sale"] = "asset_sale"
    asset: str | None = None
    amount: Money | None = None
    buyer: Company | None = None
    classification: str | None = None
    horizon: Horizon | None = None


class Acquisition(BaseEvent):
    type: Literal["acquisition"] = "acquisition"
    target: Company
    amount: Money | None = None
    stake: Percent | None = None


class Merger(BaseEvent):
    type: Literal["merger"] = "merger"
    partner: Company
    amount: Money | None = None


class Investment(BaseEvent):
    type: Literal["investment"] = "investment"
    amount: Money | None = None
    purpose: str | None = None
    horizon: Horizon | None = None
    location: str | None = None


class Financing(BaseEvent):
    type: Literal["financing"] = "financing"
    amount: Money | None = None
    instrument: str | None = None
    partners: list[Company] = Field(default_factory=list)


class Partnership(BaseEvent):
    type: Literal["partnership"] = "partnership"
    partners: list[Company] = Field(default_factory=list)
    purpose: str | None = None


class Earnings(BaseEvent):
    type: Literal["earnings"] = "earnings"
    metric: str | None = None
    value: Money | None = None
    period: str | None = None
    change: Percent | None = None


class Guidance(BaseEvent):
    type: Literal["guidance"] = "guidance"
    metric: str | None = None
    direction: Literal["raised", "lowered", "confirmed", "initiated"] | None = None
    low: Money | None = None
    high: Money | None = None
    period: str | None = None


class Dividend(BaseEvent):
    type: Literal["dividend"] = "dividend"
    amount: Money | None = None
    direction: Literal["increased", "cut", "suspended", "special", "unchanged"] | None = None
    period: str | None = None


class ShareBuyback(BaseEvent):
    type: Literal["share_buyback"] = "share_buyback"
    amount: Money | None = None
    shares: Annotated[int, Field(ge=0)] | None = None
    horizon: Horizon | None = None


class IPO(BaseEvent):
    type: Literal["ipo"] = "ipo"
    exchange: str | None = None
    amount: Money | None = None
    valuation: Money | None = None


class Layoffs(BaseEvent):
    type: Literal["layoffs"] = "layoffs"
    headcount: Annotated[int, Field(ge=0)] | None = None
    share: Percent | None = None
    location: str | None = None


class ManagementChange(BaseEvent):
    type: Literal["management_change"] = "management_change"
    person: str
    role: str | None = None
    change: Literal["appointed", "resigned", "dismissed"] | None = None


class Insolvency(BaseEvent):
    type: Literal["insolvency"] = "insolvency"
    court: str | None = None
    proceeding: str | None = None


class Impairment(BaseEvent):
    type: Literal["impairment"] = "impairment"
    amount: Money | None = None
    asset: str | None = None


class LegalAction(BaseEvent):
    type: Literal["legal_action"] = "legal_action"
    counterparty: str | None = None
    amount: Money | None = None
    kind: Literal["fine", "lawsuit", "settlement", "investigation"] | None = None


class RatingChange(BaseEvent):
    type: Literal["rating_change"] = "rating_change"
    agency: str | None = None
    direction: Literal["upgrade", "downgrade", "affirmed"] | None = None
    from_rating: str | None = None
    to_rating: str | None = None


class StockSplit(BaseEvent):
    type: Literal["stock_split"] = "stock_split"
    ratio: str | None = None
    reverse: bool = False


EVENT_MODELS: tuple[type[BaseEvent], ...] = (
    AssetSale,
    Acquisition,
    Merger,
    Investment,
    Financing,
    Partnership,
    Earnings,
    Guidance,
    Dividend,
    ShareBuyback,
    IPO,
    Layoffs,
    ManagementChange,
    Insolvency,
    Impairment,
    LegalAction,
    RatingChange,
    StockSplit,
)

#: ``type`` string -> model class
EVENT_TYPES: dict[str, type[BaseEvent]] = {
    m.model_fields["type"].default: m for m in EVENT_MODELS
}

Event = Annotated[
    Union[
        AssetSale,
        Acquisition,
        Merger,
        Investment,
        Financing,
        Partnership,
        Earnings,
        Guidance,
        Dividend,
        ShareBuyback,
        IPO,
        Layoffs,
        ManagementChange,
        Insolvency,
        Impairment,
        LegalAction,
        RatingChange,
        StockSplit,
    ],
    Field(discriminator="type"),
]
"""One event of any of the 18 types, discriminated on ``type``."""

EVENT_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)
EVENT_LIST_ADAPTER: TypeAdapter[list[Event]] = TypeAdapter(list[Event])

SCHEMA_VERSION = "1.0.0"


def json_schema() -> dict:
    """JSON Schema of one ``Event`` (the discriminated union), with its schema version."""
    schema = EVENT_ADAPTER.json_schema()
    schema["title"] = "eventx Event"
    schema["$comment"] = f"eventx event schema {SCHEMA_VERSION}"
    schema["version"] = SCHEMA_VERSION
    return schema
