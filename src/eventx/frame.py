"""pandas helpers (``pandas`` extra): events as a DataFrame, one row per event.

The columns are :data:`eventx.rows.COLUMNS`, derived from the event models and the same for
every input (an empty input gives an empty frame with all of them). Their dtypes:

============  ==========================  ============================================
kind          pandas dtype                columns (examples)
============  ==========================  ============================================
string        ``string``                  type, company_name, status, amount_currency
int           ``Int64``                   evidence_start, headcount, shares
float         ``Float64``                 confidence, amount_value, stake_value
bool          ``boolean``                 amount_approximate, reverse
date          ``datetime64[ns]``          date, horizon_deadline
============  ==========================  ============================================

Amounts are ``Decimal`` in the event models; here they are floats (``Float64``), since
pandas has no decimal dtype and frames are for filtering and aggregating. A float holds
15-16 significant digits, more than any amount in the news; the exact figure stays in the
event objects, and the amount as written in ``amount_text``.

pandas is imported inside the functions, so ``import eventx`` does not need it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .rows import COLUMNS, Column, Kind, row
from .schema import BaseEvent

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["DTYPES", "extract_frame", "to_frame"]

#: pandas dtype of each kind of column
DTYPES: dict[Kind, str] = {
    "string": "string",
    "int": "Int64",
    "float": "Float64",
    "bool": "boolean",
    "date": "datetime64[ns]",
}


def _events(events: Iterable[BaseEvent | Iterable[BaseEvent]]) -> Iterable[BaseEvent]:
    for ev in events:
        if isinstance(ev, BaseEvent):
            yield ev
        elif isinstance(ev, (list, tuple)):  # e.g. the lists extract_many yields
            yield from _events(ev)
        else:
            raise TypeError(f"to_frame expects events, got {type(ev).__name__}")


def _series(col: Column, values: list[Any], index: Any) -> pd.Series:
    import pandas as pd

    if col.kind == "date":
        return pd.Series(pd.to_datetime(values), index=index, name=col.name).astype(
            DTYPES["date"]
        )
    if col.kind == "float":
        values = [None if v is None else float(v) for v in values]
    return pd.Series(pd.array(values, dtype=DTYPES[col.kind]), index=index, name=col.name)


def _frame(flat: list[dict[str, Any]], index: Any = None) -> pd.DataFrame:
    import pandas as pd

    if index is None:
        index = pd.RangeIndex(len(flat))
    data = {c.name: _series(c, [r[c.name] for r in flat], index) for c in COLUMNS}
    return pd.DataFrame(data, index=index)


def to_frame(events: Iterable[BaseEvent | Iterable[BaseEvent]]) -> pd.DataFrame:
    """One row per event over the fixed columns of :mod:`eventx.rows`.

    ``events`` is an iterable of events, or of lists of events (as ``extract_many``
    yields them); an empty input gives an empty frame with every column.
    """
    return _frame([row(ev) for ev in _events(events)])


def _missing(value: Any) -> bool:
    import pandas as pd

    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):  # list-like cells
        return False


def extract_frame(
    df: pd.DataFrame,
    text_col: str = "text",
    lang_col: str | None = None,
    published_col: str | None = None,
    id_col: str | None = None,
    **pipe_kwargs: Any,
) -> pd.DataFrame:
    """Events of a DataFrame of articles: one row per event.

    Each row of ``df`` is an article: its text in ``text_col``, optionally its language,
    publication date and id in ``lang_col``, ``published_col``, ``id_col`` (missing values
    mean "detect" / "unknown"). The result's index repeats the index label of the article
    each event comes from (an article with no events has no row); with ``id_col`` its
    first column is ``id``. The other columns are those of :func:`to_frame`.

    ``pipe_kwargs`` go to :func:`eventx.extract_many`: ``lang``, ``n_process``,
    ``batch_size``, ``progress``, ``errors``.
    """
    import numpy as np

    from .api import Article, extract_many

    for name, col in (("text_col", text_col), ("lang_col", lang_col),
                      ("published_col", published_col), ("id_col", id_col)):
        if col is not None and col not in df.columns:
            raise KeyError(f"{name}={col!r} is not a column of the frame")

    def articles() -> Iterable[Article]:
        texts = df[text_col]
        langs = df[lang_col] if lang_col else None
        dates = df[published_col] if published_col else None
        for pos in range(len(df)):
            lang = None if langs is None else langs.iat[pos]
            pub = None if dates is None else dates.iat[pos]
            yield Article.model_construct(
                text=texts.iat[pos],
                lang=None if _missing(lang) else lang,
                published=None if _missing(pub) else pub,
                id=None,
            )

    flat: list[dict[str, Any]] = []
    positions: list[int] = []
    for pos, events in enumerate(extract_many(articles(), **pipe_kwargs)):
        for ev in events:
            flat.append(row(ev))
            positions.append(pos)
    take = np.asarray(positions, dtype=np.intp)
    index = df.index.take(take)
    out = _frame(flat, index)
    if id_col is not None:
        out.insert(0, "id", df[id_col].take(take).set_axis(index))
    return out
