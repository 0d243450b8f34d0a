"""Jinja templates of the HTML the site's hooks put into pages (site/templates/*.html).

One environment with autoescape on: every value that comes from a page (a title, a
unit, a URL) is escaped by the template, never by hand.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _cell(value: object) -> str:
    """A table cell's text: the value, or — when there is none."""
    text = "" if value is None else str(value).strip()
    return text or "—"


@cache
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                      keep_trailing_newline=True, undefined=StrictUndefined)
    env.filters["cell"] = _cell
    return env


def render(name: str, **context: object) -> str:
    return environment().get_template(name).render(**context)
