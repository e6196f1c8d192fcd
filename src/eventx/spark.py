"""Spark integration (``spark`` extra): events of a Spark DataFrame of articles.

>>> from eventx.spark import extract_events                      # doctest: +SKIP
>>> events = extract_events(articles, text_col="text", id_col="id")  # doctest: +SKIP

The work runs in ``mapInPandas``: each Python worker of each executor builds eventx's
pipelines once (they are cached in the worker process, which Spark reuses from task to
task) and streams the rows of its partition through ``Extractor.pipe`` in Arrow batches.
The result has one row per event; its schema is derived from the pydantic models (the
columns of :mod:`eventx.rows`, those of ``eventx.to_frame``), preceded by ``id`` when
``id_col`` is given. Amounts are doubles, dates are dates.

pyspark is imported inside the functions, so ``import eventx`` does not need it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal

from .api import VOCAB_BUDGET, Article, Extractor, _check_lang
from .rows import COLUMNS, Kind, row

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from pyspark.sql import DataFrame
    from pyspark.sql.types import DataType, StructType

__all__ = ["event_schema", "extract_events"]

_PANDAS: dict[Kind, str] = {
    "string": "string",
    "int": "Int64",
    "float": "Float64",
    "bool": "boolean",
    "date": "object",  # datetime.date values; Arrow makes them date32
}


def _spark_type(kind: Kind) -> DataType:
    from pyspark.sql import types as T

    return {
        "string": T.StringType(),
        "int": T.LongType(),
        "float": T.DoubleType(),
        "bool": T.BooleanType(),
        "date": T.DateType(),
    }[kind]


def event_schema(id_type: DataType | None = None) -> StructType:
    """The Spark schema of the events ``extract_events`` returns.

    With ``id_type``, an ``id`` column of that type comes first.
    """
    from pyspark.sql import types as T

    fields = [T.StructField("id", id_type, True)] if id_type is not None else []
    fields += [T.StructField(c.name, _spark_type(c.kind), True) for c in COLUMNS]
    return T.StructType(fields)


# One extractor per (lang, budget) in each Python worker process.
_EXTRACTORS: dict[tuple[str | None, int | None], Extractor] = {}
_LOCK = threading.Lock()


def _extractor(lang: str | None, budget: int | None) -> Extractor:
    key = (lang, budget)
    with _LOCK:
        ex = _EXTRACTORS.get(key)
        if ex is None:
            ex = _EXTRACTORS[key] = Extractor(lang, vocab_budget=budget)
    return ex


def _missing(value: Any) -> bool:
    import pandas as pd

    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _events_frame(
    pdf: pd.DataFrame,
    ex: Extractor,
    cols: tuple[str, str | None, str | None, str | None],
    batch_size: int,
    errors: Literal["raise", "skip"],
) -> pd.DataFrame:
    """The events of one Arrow batch of articles, as a pandas frame of the event schema."""
    import pandas as pd

    text_col, lang_col, published_col, id_col = cols

    def articles() -> Iterator[Article]:
        for pos in range(len(pdf)):
            lang = pdf[lang_col].iat[pos] if lang_col else None
            pub = pdf[published_col].iat[pos] if published_col else None
            yield Article.model_construct(
                text=pdf[text_col].iat[pos],
                lang=None if _missing(lang) else lang,
                published=None if _missing(pub) else pub,
                id=None if id_col is None else pdf[id_col].iat[pos],
            )

    flat: list[dict[str, Any]] = []
    ids: list[Any] = []
    for pos, events in enumerate(ex.pipe(articles(), batch_size=batch_size, errors=errors)):
        for ev in events:
            flat.append(row(ev))
            if id_col is not None:
                ids.append(pdf[id_col].iat[pos])
    data: dict[str, Any] = {}
    if id_col is not None:
        data["id"] = pd.Series(ids, dtype=pdf[id_col].dtype) if ids else pdf[id_col].iloc[:0]
    for c in COLUMNS:
        values = [r[c.name] for r in flat]
        if c.kind == "float":
            values = [None if v is None else float(v) for v in values]
        data[c.name] = pd.Series(values, dtype=_PANDAS[c.kind])
    return pd.DataFrame(data)


def extract_events(
    df: DataFrame,
    text_col: str = "text",
    lang_col: str | None = None,
    published_col: str | None = None,
    id_col: str | None = None,
    *,
    lang: str | None = None,
    batch_size: int = 64,
    errors: Literal["raise", "skip"] = "raise",
    vocab_budget: int | None = VOCAB_BUDGET,
) -> DataFrame:
    """A Spark DataFrame of the events in ``df``'s articles, one row per event.

    ``text_col`` holds the text; ``lang_col``, ``published_col``, ``id_col`` (optional)
    the language ("de", "en"; missing: detect), the publication date (date, timestamp or
    ISO string) and an id copied to the ``id`` column of each event. ``lang`` is the
    language of every article without one. ``errors="skip"`` logs a bad article on its
    executor and goes on; ``"raise"`` fails the task. ``vocab_budget`` is that of
    ``eventx.Extractor``, for each Python worker.

    Lazy like any Spark transformation: nothing runs until an action.
    """
    for name, col in (("text_col", text_col), ("lang_col", lang_col),
                      ("published_col", published_col), ("id_col", id_col)):
        if col is not None and col not in df.columns:
            raise ValueError(f"{name}={col!r} is not a column of the DataFrame")
    if lang is not None:
        _check_lang(lang)
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', got {errors!r}")
    budget = vocab_budget
    id_type = df.schema[id_col].dataType if id_col is not None else None
    schema = event_schema(id_type)
    cols = (text_col, lang_col, published_col, id_col)
    used = [c for c in cols if c is not None]

    def run(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        ex = _extractor(lang, budget)
        for pdf in batches:
            yield _events_frame(pdf, ex, cols, batch_size, errors)

    return df.select(*used).mapInPandas(run, schema)
