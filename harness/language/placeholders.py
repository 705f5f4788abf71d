"""Read a catalogue string's format placeholders as the values a person will see.

Why: `%(limit_value)d`, `{min_days}` and `%s` are not words the person reads; scored as written
they look like code (jargon) and hide the number or name that makes a message specific. Each
placeholder becomes a plain value of its likely type, named from the placeholder where it can be
(`%(count)d` -> 5, `{email}` -> name@example.com, `%(field_label)s` -> Title), so the scorer
judges "Ensure this value has at least 5 characters" as the person reads it.
"""

from __future__ import annotations

import re

# printf (`%s`, `%(name)d`, `%1$s`), Python/ICU/i18next braces (`{name}`, `{0}`, `{{name}}`, `0:{min}`; not a
# pattern's `[0-9]{4}` or `\d{2}`),
# Ruby/Rails `%{name}`, and HTML tags translators keep in the string.
PLACEHOLDER = re.compile(
    r"(?:\d+:)?\{\{\s*(?P<b2>[\w.]*)\s*\}\}|%\{(?P<rb>\w+)\}|(?:\d+:)?(?<![\])\w\\])\{(?P<b1>[\w.]*)(?:,[^{}]*)?\}"
    r"|%(?:\((?P<py>\w+)\))?(?:\d+\$)?[-+#0]*\d*(?:\.\d+)?(?P<conv>[sdifrxXeEgGu])"
    r"|%(?P<end>\w+)%")
TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
_NUMERIC = re.compile(r"count|num|number|max|min|limit|length|size|days|hours|minutes|seconds|step|total|"
                      r"width|height|digits|places|value$|amount|qty|quantity|n$|page", re.IGNORECASE)
_BY_NAME: tuple[tuple[str, str], ...] = (
    (r"^(?:(?:start|end|open|close)_?)?(?:link|a|b|i|em|strong|tag|br|span)(?:_?(?:start|end|open|close))?$", ""),
    (r"model|class|object|verbose|type|kind", "Item"),
    (r"e-?mail", "name@example.com"),
    (r"url|link|uri|href|domain|host", "example.com"),
    (r"date|day$|datestr", "3 June 2026"),
    (r"time", "10:30"),
    (r"user|person|display|owner|author|name", "Sam"),
    (r"provider|site|app|client|service|brand|company", "Example"),
    (r"field|label|attribute|column|key", "Title"),
    (r"file|path|filename", "photo.jpg"),
)


def value_for(name: str, conversion: str = "s") -> str:
    """A plain value a placeholder of this name and printf conversion stands for."""
    if conversion in "difuxXeEgG" and conversion:
        return "5"
    for pattern, value in _BY_NAME:
        if re.search(pattern, name, re.IGNORECASE):
            return value
    if name and _NUMERIC.search(name):
        return "5"
    return "Example"


def fill(text: str) -> str:
    """The text with every placeholder read as a value, and markup (tags, link placeholders) removed."""
    def one(match: re.Match[str]) -> str:
        name = next((g for g in (match["b2"], match["rb"], match["b1"], match["py"], match["end"]) if g), "")
        return value_for(name.rsplit(".", 1)[-1], match["conv"] or "s")

    return TAG.sub("", PLACEHOLDER.sub(one, text))


def has_placeholder(text: str) -> bool:
    """Whether the text holds a format placeholder."""
    return PLACEHOLDER.search(text) is not None
