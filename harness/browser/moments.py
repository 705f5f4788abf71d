"""A date and a time a person picks for one field: two boxes (or one) under the one label over them all.

Why a part of the actor: a design system's date-and-time field is two comboboxes named only "Choose date" and "Choose
time", its label tied to neither; a person reads the label over both and gives each its part. Each part is typed in
the shape its box shows (its placeholder: DD/MM/YYYY, --:--; a day where none shows, in digits as the page's language
writes one), then the box is left or the option it offers for it picked, as a person does: a picker keeps what it
commits, not what was typed. Values go through `_put`, so the transcript records them as any field's.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from harness.browser.errors import ActionFailed
from harness.browser.fill import Fill
from harness.browser.hands import evaluate_on
from harness.browser.page_script import found_by
from harness.transcript import Control

_DAY_WORDS = ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%B %d, %Y", "%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y")
_TIME_SHAPE = re.compile(r"(?i)(hh|--)\s*:\s*(mm|--)")
_DAY_SHAPE = re.compile(r"(?i)(dd|mm)\W?(dd|mm)\W?(yyyy|yy)|yyyy\W?mm\W?dd")  # DD/MM/YYYY, MM-DD-YY, YYYY.MM.DD
_IN_DIGITS = """([y, m, d]) => new Intl.DateTimeFormat(document.documentElement.lang || navigator.language,
  { year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(y, m - 1, d))"""
_STRFTIME = {"yyyy": "%Y", "yy": "%y", "mm": "%m", "dd": "%d"}


def parse_day(words: str) -> dt.date:
    """The day a step names ("16 March 2027", "2027-03-16", "16/03/2027"), or an ActionFailed saying how to write it."""
    for shape in _DAY_WORDS:
        try:
            return dt.datetime.strptime(words.strip(), shape).date()
        except ValueError:
            continue
    raise ActionFailed(f'"{words}" is not a day the step can read: write it as "16 March 2027" or "2027-03-16"')


def parse_time(words: str) -> str:
    """The time a step names, 24-hour ("9:05": "09:05"), or an ActionFailed saying how to write it (no hour past 23
    nor minute past 59: a box would take "25:00" as typed, and no clock shows it)."""
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", words)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ActionFailed(f'"{words}" is not a time the step can read: write it as "10:00" (24-hour)')
    return f"{int(match[1]):02d}:{match[2]}"


def day_as_shown(day: dt.date, shape: str) -> str:
    """The day typed in the shape its box shows ("DD/MM/YYYY": 16/03/2027)."""
    return day.strftime(re.sub(r"(?i)yyyy|yy|mm|dd", lambda m: _STRFTIME[m.group(0).lower()], shape))


def _part(control: Control | None) -> str:
    """What a box asks for: "both" (a date and time box), "day", "time", or "" (it does not show)."""
    if control is None:
        return ""
    if control.type == "datetime-local":
        return "both"
    if control.type == "time" or _TIME_SHAPE.search(control.placeholder):
        return "time"
    if control.type == "date" or _DAY_SHAPE.search(control.placeholder):
        return "day"
    return ""


class Moments(Fill):
    """Picks a date and a time for a field a person knows by the label over its boxes."""

    def choose_moment(self, label: str, day_words: str, time_words: str) -> None:
        """Give `label`'s boxes the day `day_words` and the time `time_words` (24-hour "10:00")."""
        day, at = parse_day(day_words), parse_time(time_words)
        first = self._first_visible([lambda f: f.locator(found_by("empathy_boxes", label))],
                                    f'the date and time boxes under "{label}"')
        if first is None:
            raise ActionFailed(f'no date and time boxes under a label "{label}" on {self.page.url}')
        frame = next((f for f in self._frames() if f.locator(found_by("empathy_boxes", label)).count()),
                     self.page.main_frame)
        boxes = frame.locator(found_by("empathy_boxes", label))
        described = [(boxes.nth(i), self._describe(boxes.nth(i))) for i in range(min(boxes.count(), 4))]
        both = [box for box in described if _part(box[1]) == "both"]
        if both:
            self._give(*both[0], f"{day_words} {time_words}", label, f"{day.isoformat()}T{at}")
            return
        day_box = next((b for b in described if _part(b[1]) == "day"), None) or \
            next((b for b in described if not _part(b[1])), None)
        time_box = next((b for b in described if _part(b[1]) == "time"), None) or \
            next((b for b in described if not _part(b[1]) and b is not day_box), None)
        if day_box is None or time_box is None:
            raise ActionFailed(f'"{label}" has {len(described)} box(es) here, not a date and a time to pick')
        control = day_box[1]
        if control and control.type == "date":
            text = f"{day:%d/%m/%Y}"  # _put gives a date box its own ISO form
        elif control and _DAY_SHAPE.search(control.placeholder):
            text = day_as_shown(day, control.placeholder)
        else:  # no shape shown: in digits, as the page's language writes a day (en: 03/16/2027, en-GB: 16/03/2027)
            with self._guarded(f'read how the page writes a day for "{label}"'):
                text = str(self.page.evaluate(_IN_DIGITS, [day.year, day.month, day.day]))
        self._give(*day_box, day_words, label, text)
        self._give(*time_box, time_words, label, at)

    def _give(self, loc: Any, control: Control | None, words: str, label: str, text: str) -> None:
        """Type `text` into one box, then commit it as a person does: pick the option the box now offers for it, else
        leave the box; a box that kept nothing is a step error naming what it shows."""
        self._put(loc, control, text, label, "")
        if control is not None and control.type in ("date", "time", "datetime-local"):
            return
        option = self.page.get_by_role("option", name=text, exact=True)
        with self._guarded(f'pick "{text}" for "{label}"'):
            if option.count() and option.first.is_visible():
                option.first.click()
            else:
                evaluate_on(loc, "el => el.blur()")
            kept = str(evaluate_on(loc, "el => el.value") or "")
        if not kept.strip():
            shown = (control.placeholder or control.label) if control else ""
            raise ActionFailed(f'the box "{shown}" under "{label}" kept nothing of "{words}" (typed as "{text}")')
