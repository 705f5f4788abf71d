"""What a press reads of what it presses, in one call to the browser, and what it asks of it afterwards.

Why a module: the actor's press asks the element whether it sends a form and whether it may be disabled, sets a
double click's guard on it and remembers it (to click it again), all in one evaluate; these are the page-side
halves of those questions.
"""

from __future__ import annotations

from typing import Any

# A person's double click is two clicks on one element: a page that redraws under the pointer after the
# first click gets no second one (the browser would deliver it to whatever is there now). Armed by the first
# trusted click (the persona's: a page's own script clicks are untrusted), so it may be set before the think time.
_SAME_ELEMENT_ONLY = """el => {
  const w = el.ownerDocument.defaultView; let clicked = false; w.__empathyHeld = false;
  const types = ["pointerdown", "mousedown", "pointerup", "mouseup", "click", "dblclick"];
  const hold = (e) => {
    if (clicked && !(el.isConnected && el.contains(e.target))) {
      e.preventDefault(); e.stopImmediatePropagation(); w.__empathyHeld = true;
    }
    if (e.type === "click" && e.isTrusted) clicked = true;
  };
  for (const t of types) w.addEventListener(t, hold, true);
  w.__empathyUnguard = () => { for (const t of types) w.removeEventListener(t, hold, true); };
}"""
# What a press needs to know of what it presses, in one call: whether it sends a form, and whether it may be
# disabled (as Playwright's is_disabled sees it, or more: the slow check decides then); it is remembered as the
# window's pressed element (for a click again), and with `guard` a double click's guard is set on it unless it may be
# disabled (`enabled`: Playwright found it enabled).
PRESS_FACTS = """(el, [guard, enabled]) => {
  const b = el.closest("button,input,a,[role=button]") || el;
  const t = (b.getAttribute("type") || "").toLowerCase();
  const submit = t === "submit" || t === "image" || (b.tagName === "BUTTON" && !t && !!b.form);
  const own = [el, b, el.control].filter(Boolean);
  let disabled = own.some((c) => c.matches(":disabled"));
  for (const c of own) {
    for (let n = c; n && n.getAttribute && !disabled; n = n.parentElement || n.getRootNode().host) {
      disabled = (n.getAttribute("aria-disabled") || "").toLowerCase() === "true";
    }
  }
  el.ownerDocument.defaultView.__empathyPressed = el;
  if (submit && guard && (enabled || !disabled)) (""" + _SAME_ELEMENT_ONLY + """)(el);
  return [submit, disabled];
}"""
# Whether the guard held back a double click's second click (and take it off), in the pressed element's window.
_HELD = "() => { const b = !!window.__empathyHeld; if (window.__empathyUnguard) window.__empathyUnguard(); return b; }"
# Whether what the locator finds now is the element pressed last in its window.
STILL_PRESSED = "els => !!els.length && els[0] === window.__empathyPressed"


def second_blocked(loc: Any) -> bool:
    """Whether the guard held back a double click's second click; a page that is leaving took both."""
    try:
        return bool(loc.evaluate_all(_HELD))
    except Exception:  # noqa: BLE001 - navigated or detached: the old page had both clicks
        return False
