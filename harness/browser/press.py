"""What a press reads of what it presses, in one call to the browser.

Why a module: the actor's press asks the element whether it sends a form and whether it may be disabled, sets a
double click's guard on it and remembers it (to click it again), all in one evaluate; these are the page-side
halves of those questions. Whether the guard held a second click back reaches the recorder as a report.
"""

from __future__ import annotations

# A person's double click is two clicks on one element: a page that redraws under the pointer after the
# first click gets no second one (the browser would deliver it to whatever is there now). Armed by the first
# trusted click (the persona's), so it may be set before the think time; it holds back only trusted events (the
# persona's hands: a page's own scripted click, on a hidden submit say, is the page's doing and goes through), tells
# the recorder through the page script the first time it holds one (no call after the press), and takes itself off
# a task after the double click's second press ends (its events, and the click and dblclick that follow it, are
# dispatched in that press's task); a guard a failed press left is taken off as the next press reads its button.
_SAME_ELEMENT_ONLY = """el => {
  const w = el.ownerDocument.defaultView; let clicked = false, told = false;
  const types = ["pointerdown", "mousedown", "pointerup", "mouseup", "click", "dblclick"];
  const unguard = () => { for (const t of types) w.removeEventListener(t, hold, true); };
  const hold = (e) => {
    if (!e.isTrusted) return;
    if (clicked && !(el.isConnected && el.contains(e.target))) {
      e.preventDefault(); e.stopImmediatePropagation();
      if (!told && w.__empathy && w.__empathy.held) { told = true; w.__empathy.held(); }
    }
    if (e.type === "click") clicked = true;
    if (e.type === "mouseup" && e.detail >= 2) setTimeout(unguard, 0);
  };
  w.__empathyUnguard = unguard;
  for (const t of types) w.addEventListener(t, hold, true);
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
  const w = el.ownerDocument.defaultView;
  if (w.__empathyUnguard) w.__empathyUnguard();
  w.__empathyPressed = el;
  if (submit && guard && (enabled || !disabled)) (""" + _SAME_ELEMENT_ONLY + """)(el);
  return [submit, disabled];
}"""
# Whether what the locator finds now is the element pressed last in its window.
STILL_PRESSED = "els => !!els.length && els[0] === window.__empathyPressed"

# Of the form the pressed element sends (null when it sends none): how many boxes a person types in it has, and the
# names of its answers: a box that holds words, a box ticked or an option chosen other than as the page gave them.
# Why: a form the audit holds back is pressed only empty (`Actor.click_empty`), which the site refuses: one with no box
# to leave empty, or with a choice made, would be sent as it stands, and commit.
FORM_ANSWERS = """(el) => {
  const b = el.closest("button,input,[role=button]") || el;
  const form = b.form || b.closest("form");
  if (!form) return null;
  const typed = (e) => e.matches("textarea,input:not([type=hidden],[type=submit],[type=button],[type=image]," +
    "[type=reset],[type=checkbox],[type=radio],[type=file])");
  const given = (s) => Math.max(0, Array.from(s.options).map((o) => o.defaultSelected).lastIndexOf(true));
  const chosen = (e) => e.localName === "select"
    ? (e.multiple ? Array.from(e.options).some((o) => o.selected !== o.defaultSelected) : e.selectedIndex !== given(e))
    : e.localName === "input" && /^(checkbox|radio)$/.test(e.type) && e.checked !== e.defaultChecked;
  const fields = Array.from(form.elements);
  return { boxes: fields.filter(typed).length,
    held: fields.filter((e) => typed(e) ? e.value.trim() : chosen(e)).map((e) => e.name || e.id || e.type) };
}"""
