"""Events in notebooks: ``EventList`` (a list that renders as HTML) and ``show``.

``eventx.extract`` returns a plain ``list``; wrap it, ``EventList(events)``, to get the
table and the highlighted evidence in Jupyter, and ``.to_frame()`` for pandas. ``show``
displays events or explanations at once: HTML under IPython, a text table elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .explanations import Explanation
from .schema import BaseEvent

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["EventList", "show"]


class EventList(list[BaseEvent]):
    """A ``list`` of events that renders as HTML in notebooks.

    ``text`` (optional) is the text the events come from: when given, the rendering checks
    that every evidence offset indexes it. ``explanations`` (optional, aligned with the
    events) adds why each event was produced; ``Extractor(explain=True).extract`` fills it.
    Everything else is an ordinary list: equality, slicing and JSON dumping are a list's.
    """

    def __init__(
        self,
        events: Iterable[BaseEvent] = (),
        *,
        text: str | None = None,
        explanations: Iterable[Explanation] | None = None,
    ) -> None:
        super().__init__(events)
        self.text = text
        self.explanations: list[Explanation] | None = (
            list(explanations) if explanations is not None else None
        )

    @classmethod
    def of(cls, explanations: Iterable[Explanation], text: str | None = None) -> EventList:
        """The events of ``explanations``, with the explanations attached."""
        xs = list(explanations)
        return cls((x.event for x in xs), text=text, explanations=xs)

    def html(self) -> str:
        """The HTML that notebooks show (see ``eventx.render``)."""
        from .render import render, render_explanations

        if self.explanations is not None and len(self.explanations) == len(self):
            return render_explanations(self.explanations)
        return render(self.text, self)

    def _repr_html_(self) -> str:
        return self.html()

    def to_frame(self) -> pd.DataFrame:
        """A pandas DataFrame with one row per event (``eventx.to_frame``; pandas extra)."""
        from .frame import to_frame

        return to_frame(self)


def _in_ipython() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    return get_ipython() is not None


def show(items: Any, text: str | None = None) -> None:
    """Show events or explanations: as HTML when running under IPython/Jupyter, else as
    text on standard output. ``items`` is one event or explanation, or an iterable of them;
    ``text`` (optional) is the text the events come from."""
    from .render import render, render_explanations, text_table

    if isinstance(items, BaseEvent | Explanation):
        items = [items]
    items = list(items)
    if items and all(isinstance(x, Explanation) for x in items):
        html = render_explanations(items)
        plain = "\n\n".join(str(x) for x in items)
    else:
        bad = [type(x).__name__ for x in items if not isinstance(x, BaseEvent)]
        if bad:
            raise TypeError(f"show() takes events or explanations, got {bad[0]}")
        html = render(text, items)
        plain = text_table(items)
    if _in_ipython():
        from IPython.display import HTML, display

        display(HTML(html))
    else:
        print(plain)
