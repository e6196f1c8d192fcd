"""Write ``docs/events.md``: every event type with its fields, an English and a German
example sentence and the JSON eventx extracts from them.

The fields come from the pydantic models, the sentences and field meanings from
``docs/examples.toml``, the JSON from running the sentences through ``eventx.extract``:
the page cannot drift from the code. Run it after changing models, rules or examples::

    python docs/gen_events.py            # rewrite docs/events.md
    python docs/gen_events.py --check    # exit 1 if docs/events.md is out of date
    python docs/gen_events.py --strict   # exit 1 if an example yields no event of its type
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

import eventx
from eventx.schema import EVENT_TYPES, BaseEvent, Company, Evidence, Horizon, Money, Percent

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE / "examples.toml"
OUTPUT = HERE / "events.md"
LANGS = (("en", "English"), ("de", "German"))

VALUE_MODELS: tuple[type[BaseModel], ...] = (Company, Money, Horizon, Percent, Evidence)
VALUE_MEANINGS = {
    "Company": "`name` canonical, `mention` as written in the text; `ticker`/`isin` where known",
    "Money": "`value` in units (`Decimal`), ISO 4217 `currency`, `text` as written; vague "
    "amounts set `approximate` and, where the text gives them, `low`/`high`",
    "Horizon": "`duration` ISO 8601 (`P12M`), `deadline` a date where given or resolvable "
    "against `published`",
    "Percent": "`value` in percent (`Decimal`), `text` as written",
    "Evidence": "where the event was read: `text == input[start:end]`",
}


# -- types as text -------------------------------------------------------------------------
def _constraints(metadata: list[Any]) -> str:
    bits = []
    for m in metadata:
        for attr, sign in (
            ("ge", "≥"),
            ("gt", ">"),
            ("le", "≤"),
            ("lt", "<"),
            ("min_length", "len ≥"),
        ):
            value = getattr(m, attr, None)
            if value is not None:
                bits.append(f"{sign} {value:g}" if isinstance(value, float) else f"{sign} {value}")
    return f" ({', '.join(bits)})" if bits else ""


def type_name(annotation: Any) -> str:
    """A readable name of a field's type: ``Money``, ``"raised" | "lowered"``, ``list[Company]``."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        base, *meta = args
        return type_name(base) + _constraints(meta)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(type_name(a) for a in args if a is not type(None))
    if origin is typing.Literal:
        return " | ".join(json.dumps(a) for a in args)
    if origin is list:
        return f"list[{type_name(args[0])}]"
    if isinstance(annotation, type):
        return annotation.__name__
    return str(annotation)


def _optional(annotation: Any) -> bool:
    return type(None) in typing.get_args(annotation)


def fields_table(model: type[BaseModel], meanings: dict[str, str], skip: set[str]) -> list[str]:
    """A Markdown table of a model's fields: name, type, required, meaning."""
    lines = ["| field | type | meaning |", "|---|---|---|"]
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        kind = f"`{type_name(info.annotation)}{_constraints(info.metadata)}`"
        if info.is_required():
            kind += " **required**"
        elif _optional(info.annotation):
            kind += " or `null`"
        meaning = meanings.get(name, "")
        kind = kind.replace("|", "\\|")  # a pipe ends a table cell, even inside backticks
        lines.append(f"| `{name}` | {kind} | {meaning} |")
    return lines


# -- examples ------------------------------------------------------------------------------
def _json(event: BaseEvent) -> str:
    return json.dumps(event.model_dump(mode="json"), indent=2, ensure_ascii=False)


def example(event_type: str, sentence: str, lang: str, published: str) -> tuple[list[str], bool]:
    """Markdown of one example sentence and the events of ``event_type`` it yields; and
    whether there was one."""
    events = eventx.extract(sentence, lang=lang, published=published)
    mine = [e for e in events if e.type == event_type]
    others = sorted({e.type for e in events if e.type != event_type})
    lines = [f"> {sentence}", ""]
    if not mine:
        lines += [f"*eventx finds no `{event_type}` event in this sentence yet.*", ""]
    for ev in mine:
        lines += ["```json", _json(ev), "```", ""]
    if others:
        also = ", ".join(f"`{t}`" for t in others)
        lines += [f"The sentence also yields: {also}.", ""]
    return lines, bool(mine)


def generate(examples: dict[str, Any]) -> tuple[str, list[str]]:
    """The page, and the (type, lang) examples that yield no event of their type."""
    published = examples["published"]
    common = examples["common"]["fields"]
    skip = set(BaseEvent.model_fields) | {"type"}
    missing: list[str] = []
    out = [
        "# Event types",
        "",
        "<!-- Generated by docs/gen_events.py from the event models, docs/examples.toml and",
        "     the events eventx extracts from its sentences. Do not edit by hand. -->",
        "",
        "`eventx.extract` returns a list of events; each is one of the 18 pydantic models below,",
        "told apart by its `type` (a discriminated union, `eventx.Event`). Every example",
        f'sentence was run through `eventx.extract(sentence, lang=..., published="{published}")`',
        'and the JSON is `event.model_dump(mode="json")` of what it returned.',
        "",
        "| type | what |",
        "|---|---|",
    ]
    for t in EVENT_TYPES:
        out.append(f"| [`{t}`](#{t}) | {examples[t]['summary']} |")
    out += ["", "## Fields of every event", "", "| field | type | meaning |", "|---|---|---|"]
    out.append(f"| `type` | one of the 18 type names | {common['type']} |")
    out += fields_table(BaseEvent, common, set())[2:]
    out += ["", "## Value types", ""]
    for model in VALUE_MODELS:
        cols = ", ".join(
            f"`{n}: {type_name(i.annotation)}{' | None' if _optional(i.annotation) else ''}`"
            for n, i in model.model_fields.items()
        )
        out.append(f"- **{model.__name__}** ({cols}): {VALUE_MEANINGS[model.__name__]}.")
    for t, model in EVENT_TYPES.items():
        spec = examples[t]
        out += ["", f"## {t}", "", spec["summary"], ""]
        out += fields_table(model, spec.get("fields", {}), skip)
        for lang, language in LANGS:
            lines, found = example(t, spec[lang], lang, spec.get("published", published))
            out += ["", f"**{language}**", ""] + lines[:-1]
            if not found:
                missing.append(f"{t} ({lang})")
    return "\n".join(out) + "\n", missing


def load_examples(path: Path = EXAMPLES) -> dict[str, Any]:
    """The examples file, checked: one entry with both languages for every event type."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for t in EVENT_TYPES:
        spec = data.get(t)
        if not isinstance(spec, dict) or not all(k in spec for k in ("summary", "en", "de")):
            raise SystemExit(f"{path}: [{t}] needs summary, en and de")
        unknown = set(spec.get("fields", {})) - set(EVENT_TYPES[t].model_fields)
        if unknown:
            raise SystemExit(f"{path}: [{t}.fields] names no field of {t}: {sorted(unknown)}")
    return data


def main(argv: list[str] | None = None) -> int:
    """Write (or check) the page; see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=Path, default=EXAMPLES)
    ap.add_argument("--output", type=Path, default=OUTPUT)
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    ap.add_argument("--strict", action="store_true", help="fail on examples without events")
    args = ap.parse_args(argv)
    page, missing = generate(load_examples(args.examples))
    for m in missing:
        print(f"gen_events: no event of the type in the example: {m}", file=sys.stderr)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != page:
            print(f"{args.output} is out of date: run python docs/gen_events.py", file=sys.stderr)
            return 1
    else:
        args.output.write_text(page, encoding="utf-8")
    return 1 if args.strict and missing else 0


if __name__ == "__main__":
    sys.exit(main())
