// What every part shares: the report channel to Python, visibility, selectors and control values.
// A part of the recorder's page script: recorder.py joins the parts in order inside one closure.
const BINDING = "__empathyReport";
const MASK = "\u2022\u2022\u2022\u2022\u2022\u2022";
const TEXT_LIMIT = 500;
const MAX_CANDIDATES = 400;
const MAX_CONTROLS = 200;
const MAX_OPTIONS = 50;
const SCAN_EVERY_MS = 80;
const DOM_EVERY_MS = 100;
const visit = Math.random().toString(36).slice(2) + Date.now().toString(36);
const now = () => performance.timeOrigin + performance.now();
// The page's own timer functions, before settling (below) wraps them: the recorder's timers are not the page's.
const setTimeout = window.setTimeout.bind(window);
const clearTimeout = window.clearTimeout.bind(window);
// JSON as the harness reads it: the page's own JSON.stringify may be replaced later, and a page's toJSON (an old
// library's Array.prototype.toJSON) would turn arrays into strings; the replacer hands over each value as it is.
const ownStringify = JSON.stringify;
function toJson(value) { return ownStringify(value, function (key) { return this[key]; }); }

// ---------- reporting: batched, flushed before the page goes ----------
// What a wait ends on goes at once (the page's word that it went quiet, its first change after that word, a click
// held back); any other change within BATCH_MS; the rest (what the page shows, clicks, a visit begun) rides with
// those, with the harness's next look (`snapshot` flushes), or within RIDE_MS. Why: each binding call is four
// messages through the driver and a call back into the page. A batch goes as one JSON string: Playwright passes a
// string through as it is, where it would walk, check and rebuild every field of every event twice.
const queue = [];
let flushTimer = 0;
let flushAt = 0;
const BATCH_MS = 40;
const RIDE_MS = 250;
function later(ms) {
  if (flushTimer && flushAt <= now() + ms) return;
  if (flushTimer) clearTimeout(flushTimer);
  flushAt = now() + ms;
  flushTimer = setTimeout(flush, ms);
}
function flush() {
  if (flushTimer) { clearTimeout(flushTimer); flushTimer = 0; }
  if (!queue.length) return;
  const f = window[BINDING];
  if (typeof f !== "function") { later(20); return; }
  const events = queue.splice(0, queue.length);
  try { f(toJson({ type: "batch", events })); } catch (e) { /* page closing */ }
}
function send(type, data, within = RIDE_MS) { // within: at most this many ms before it goes (0: now)
  if (queue.length > 2000) queue.splice(0, queue.length - 1000);
  const event = Object.assign({ type, visit, url: location.href, t: now() }, data || {});
  queue.push(event);
  if (within <= 0) flush();
  else later(within);
  return event;
}
window.addEventListener("pagehide", flush, true);
window.addEventListener("beforeunload", flush, true);

// ---------- small helpers ----------
const squash = (s) => (s || "").replace(/\s+/g, " ").trim();
function cut(s) {
  s = squash(s);
  return s.length > TEXT_LIMIT ? { text: s.slice(0, TEXT_LIMIT), cut: s.length } : { text: s, cut: 0 };
}
const LIGATURE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const ICON_FONT = /\b(icons?|symbols?)\b/i;
function iconGlyph(el) {
  // A word an icon font draws as a picture ("chat_bubble_outline" in Material Icons): seen, never read. The font
  // asked for first draws it: a stack that ends with "Segoe UI Symbol" (Bootstrap's, GitHub's) draws words.
  return !el.firstElementChild && LIGATURE.test(squash(el.textContent)) &&
    ICON_FONT.test(getComputedStyle(el).fontFamily.split(",")[0]);
}
function iconOnly(el) {
  // A box whose only words are an icon font's ("info_outline" in the icon beside a notice): a picture, nothing said.
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let icon = false;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.nodeValue.trim()) continue;
    if (!iconGlyph(n.parentElement)) return false;
    icon = true;
  }
  return icon;
}
function visible(el) {
  if (!el || !el.isConnected) return false;
  if (el.checkVisibility) {
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
  } else if (!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)) return false;
  return true;
}
// A page still starting as a person sees it: its document still loading (its scripts, styles or pictures coming), or
// nothing shown at all yet (an app root its scripts have not drawn into: no words, no control, no picture). The
// controls first: most pages show one, and reading the body's words lays the page out.
function starting() {
  if (document.readyState !== "complete" || !document.body) return true;
  const marks = "input,select,textarea,button,a[href],[role],img,svg,canvas,video";
  return !Array.from(document.body.querySelectorAll(marks)).some(visible) && !squash(document.body.innerText);
}
// Under a layer laid over the whole window (a popup's backdrop, a frame over the page): out of a person's sight
// and reach, whatever Playwright's `visible` says. Only a fixed layer that covers the window counts: it stays
// over the element wherever the page is scrolled (a header that covers it at one scroll does not).
function within(el, box) {
  for (let n = el; n; n = n.parentNode || n.host) if (n === box) return true; // across shadow roots too
  return false;
}
function covered(el) {
  const r = el.getBoundingClientRect(), w = innerWidth, h = innerHeight;
  if (!r.width || !r.height || !w || !h) return false;
  const at = (v, max) => Math.min(Math.max(v, 0), max - 1); // an element below the fold: the window's edge
  const top = document.elementFromPoint(at(r.left + r.width / 2, w), at(r.top + r.height / 2, h));
  if (!top || within(top, el)) return false;
  for (let n = top; n && n.nodeType === 1; n = n.parentElement) {
    if (within(el, n)) return false; // a box that holds the element (a page laid out in a fixed frame)
    const b = n.getBoundingClientRect();
    if (getComputedStyle(n).position === "fixed" && b.left <= 1 && b.top <= 1 && b.right >= w - 1 && b.bottom >= h - 1) {
      return true;
    }
  }
  return false;
}
function inAny(el, set) {
  // `el` or an element around it is in `set`: a block inside a unit already read is read through that unit.
  for (let n = el; n; n = n.parentElement) if (set.has(n)) return true;
  return false;
}
function srOnly(el) {
  // Rendered for assistive technology but not for the eye (visually-hidden patterns).
  const r = el.getBoundingClientRect();
  if (r.width <= 1 || r.height <= 1) return true;
  const cs = getComputedStyle(el);
  return cs.clip === "rect(0px, 0px, 0px, 0px)" || cs.clipPath === "inset(50%)";
}
function clipsAway(n) {
  // A box that shows nothing of what it holds: clipped to nothing, or a pixel or less that hides its overflow
  // (the visually-hidden patterns keep words for a screen reader this way).
  const cs = getComputedStyle(n);
  if (cs.clip === "rect(0px, 0px, 0px, 0px)" || cs.clipPath === "inset(50%)") return true;
  if (cs.overflowX === "visible" && cs.overflowY === "visible") return false;
  const r = n.getBoundingClientRect();
  return r.width <= 1 || r.height <= 1;
}
function wordsShown(el) {
  // Whether any of its words reach the eye, judged word by word rather than by its own box: a spinner whose only
  // words sit in a visually hidden span ("Loading…" beside its image) shows none; a notification area of no
  // height whose toasts are laid over the page shows theirs once they have faded in.
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const p = t.parentElement;
    if (!/[\p{L}\p{N}]/u.test(t.nodeValue) || !p || !visible(p)) continue;
    let clipped = false;
    for (let n = p; n && n.nodeType === 1 && !clipped; n = n.parentElement) clipped = clipsAway(n);
    if (!clipped) return true;
  }
  return false;
}
function inAccessibilityTree(el) {
  // display:none / visibility:hidden / aria-hidden are gone for everyone.
  for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
    if (n.getAttribute("aria-hidden") === "true" || n.hidden) return false;
  }
  const cs = getComputedStyle(el);
  return cs.display !== "none" && cs.visibility !== "hidden" && el.getClientRects().length > 0;
}
const cssEsc = (s) => (window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/[^\w-]/g, "\\$&"));
function selectorOf(el) {
  if (!el || el.nodeType !== 1) return "";
  const doc = el.ownerDocument;
  if (el.id && doc.querySelectorAll("#" + cssEsc(el.id)).length === 1) return "#" + cssEsc(el.id);
  for (const attr of ["data-testid", "data-test", "data-qa", "name"]) {
    const v = el.getAttribute(attr);
    if (v) {
      const s = `${el.localName}[${attr}="${v.replace(/"/g, '\\"')}"]`;
      try { if (doc.querySelectorAll(s).length === 1) return s; } catch (e) { /* odd value */ }
    }
  }
  const parts = [];
  for (let n = el; n && n.nodeType === 1 && n !== doc.documentElement; n = n.parentElement) {
    if (n !== el && n.id && doc.querySelectorAll("#" + cssEsc(n.id)).length === 1) {
      parts.unshift("#" + cssEsc(n.id));
      break;
    }
    let i = 1;
    for (let s = n.previousElementSibling; s; s = s.previousElementSibling) if (s.localName === n.localName) i++;
    parts.unshift(`${n.localName}:nth-of-type(${i})`);
  }
  return parts.join(" > ");
}
const classText = (el) => (typeof el.className === "string" ? el.className : el.getAttribute("class") || "");
function textById(doc, ids) {
  return squash((ids || "").split(/\s+/).filter(Boolean)
    .map((id) => { const n = doc.getElementById(id); return n ? n.textContent : ""; }).join(" "));
}
// A "required" marker in its own element ("Email (required)", "Email *"): a fact about the field, not its name.
const REQUIRED_MARK = /^[([]?\s*(\*|required)\s*[)\]]?$/i;
function hiddenFromEye(el) {
  // Kept for a screen reader only (.sr-only, .visually-hidden, clip-rect), or not rendered at all.
  return !visible(el) || (getComputedStyle(el).display !== "contents" && srOnly(el));
}
function textWithoutControls(node) {
  // What a person reads as a label's name: no controls, no aria-hidden decoration, no text hidden from the
  // eye ("Email<strong class=sr-only> has errors</strong>"), no required marker; parts laid out as blocks
  // are kept apart by a space.
  let out = "";
  const walk = (n) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) { out += c.nodeValue; continue; }
      if (c.nodeType !== 1 || /^(input|select|textarea|button|script|style|template)$/.test(c.localName)) continue;
      if (c.getAttribute("aria-hidden") === "true" || hiddenFromEye(c)) continue;
      if (REQUIRED_MARK.test(squash(c.textContent))) continue;
      const block = !/^inline/.test(getComputedStyle(c).display);
      if (block) out += " ";
      walk(c);
      if (block) out += " ";
    }
  };
  if (visible(node) && !srOnly(node)) walk(node);
  else { // a label hidden whole (a search box's .sr-only "Search"): still the field's only name, as written
    const clone = node.cloneNode(true);
    clone.querySelectorAll("input,select,textarea,button,[aria-hidden=true]").forEach((n) => n.remove());
    out = clone.textContent;
  }
  return squash(out);
}

// ---------- form controls ----------
let initial = new WeakMap(); // control -> value at first sighting on this page visit
const SKIP_TYPES = new Set(["hidden", "submit", "button", "reset", "image"]);
const isControl = (el) => el && /^(input|select|textarea)$/.test(el.localName) &&
  !(el.localName === "input" && SKIP_TYPES.has((el.type || "").toLowerCase()));
function isSecret(el) {
  const ac = (el.getAttribute("autocomplete") || "").toLowerCase();
  return (el.type || "").toLowerCase() === "password" || ac.includes("password") ||
    el.dataset.empathySecret === "1";
}
function rawValue(el) {
  if (el.localName === "select") {
    const o = el.selectedOptions && el.selectedOptions[0];
    return o && o.value !== "" ? squash(o.textContent) : "";
  }
  const t = (el.type || "").toLowerCase();
  if (t === "checkbox" || t === "radio") return el.checked ? "checked" : "";
  if (t === "file") return Array.from(el.files || []).map((f) => f.name).join(", ");
  return el.value || "";
}
let shown = false; // the page has loaded and its own load handlers ran: what the person first sees
function sight(el) {
  if (isControl(el) && !initial.has(el)) initial.set(el, rawValue(el));
}
function sightAll(root) {
  (root || document).querySelectorAll("input,select,textarea").forEach(sight);
}
