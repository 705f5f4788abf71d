"""A tiny reader for the portal's HTML (stdlib html.parser): form controls, roles and visible text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"input", "br", "img", "meta", "link", "hr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    children_text: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.stack: list[Element] = []
        self.text: list[str] = []
        self.skip = 0
        self.select: Element | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: (v if v is not None else "") for k, v in attrs})
        self.elements.append(element)
        if tag in ("script", "style"):
            self.skip += 1
        if tag == "select":
            self.select = element
            element.attrs.setdefault("value", "")
        if tag == "option" and self.select is not None and "selected" in element.attrs:
            self.select.attrs["value"] = element.attrs.get("value", "")
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip -= 1
        if tag == "select":
            self.select = None
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        self.text.append(data)
        for element in self.stack:
            element.children_text.append(data)


class Page:
    """Parsed page: `controls` by id, `value(id)`, `by_role(role)`, `text`."""

    def __init__(self, html: str | bytes) -> None:
        reader = _Reader()
        reader.feed(html.decode() if isinstance(html, bytes) else html)
        self.elements = reader.elements
        for element in self.elements:
            element.text = _squash(" ".join(element.children_text))
        self.text = _squash(" ".join(reader.text))
        self.controls = {e.attrs["id"]: e for e in self.elements
                         if e.tag in ("input", "textarea", "select") and "id" in e.attrs}

    def value(self, control_id: str) -> str:
        control = self.controls[control_id]
        return control.text if control.tag == "textarea" else control.attrs.get("value", "")

    def by_role(self, role: str) -> list[Element]:
        return [e for e in self.elements if e.attrs.get("role") == role]

    def by_id(self, element_id: str) -> Element | None:
        return next((e for e in self.elements if e.attrs.get("id") == element_id), None)

    def with_attr(self, name: str) -> list[Element]:
        return [e for e in self.elements if name in e.attrs]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
