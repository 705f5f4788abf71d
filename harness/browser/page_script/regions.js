// Sections a person knows by their heading: "the 'Your Profile' section", "the 'I need a new account' part".
// A part of the recorder's page script: recorder.py joins the parts in order inside one closure.
// Why here: a heading and what follows it is often all that marks a section (an <h2> right in <main>, then its
// <p> and <form>; two halves of one form, each under its own <h4>), with no element around it to name.
const HEADINGS = "h1,h2,h3,h4,h5,h6,[role=heading]";
const SECTIONING = "section,article,aside,nav,form,fieldset,dialog,main,[role=region],[role=dialog]," +
  "[role=alertdialog],[role=form],[role=group],[role=main],[role=complementary],[role=navigation]";
function headingLevel(h) {
  const aria = parseInt(h.getAttribute("aria-level") || "", 10);
  if (aria > 0) return aria;
  const m = /^h([1-6])$/.exec(h.localName);
  return m ? Number(m[1]) : 2; // role=heading without a level is a level 2 heading, as ARIA says
}
const bare = (s) => squash(s).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").toLowerCase(); // "Café:" is "café"
const headingText = (h) => bare(textWithoutControls(h));
// The visible headings a person would call `name`: its whole text first, else a heading holding it as words.
function headingsNamed(name) {
  const want = bare(name);
  if (!want) return [];
  const onShow = Array.from(document.querySelectorAll(HEADINGS)).filter((h) => visible(h));
  const exact = onShow.filter((h) => headingText(h) === want);
  if (exact.length) return exact;
  const words = new RegExp("(?:^|[^\\p{L}\\p{N}])" + want.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") +
    "(?:[^\\p{L}\\p{N}]|$)", "u");
  return onShow.filter((h) => words.test(headingText(h)));
}
// What a heading names: the innermost sectioning element around it when no other heading of its level or
// higher is in it (a section, a card of a form); else what follows it up to the next such heading, never past
// the end of that element (two halves of one form; headings straight in <main>).
function headedElements(h) {
  const level = headingLevel(h);
  const outer = (h.parentElement && h.parentElement.closest(SECTIONING)) || document.body;
  const peers = Array.from(outer.querySelectorAll(HEADINGS)).filter((o) => o !== h && !h.contains(o) &&
    !o.contains(h) && headingLevel(o) <= level && visible(o));
  if (!peers.length && outer !== document.body) return [outer, ...outer.querySelectorAll("*")];
  const end = peers.find((o) => h.compareDocumentPosition(o) & Node.DOCUMENT_POSITION_FOLLOWING) || null;
  const out = [];
  const walker = document.createTreeWalker(outer, NodeFilter.SHOW_ELEMENT);
  walker.currentNode = h;
  for (let n = walker.nextNode(); n && n !== end; n = walker.nextNode()) {
    if (h.contains(n) || (end && n.contains(end))) continue;
    out.push(n);
  }
  return out;
}
// What the button named `name` opens ("the 'Add to shelf' menu", a drop-down with no role or heading of its own):
// the element its aria-controls names, else the one labelled by it (aria-labelledby).
function openedBy(name) {
  const want = bare(name);
  for (const b of document.querySelectorAll("button,[role=button],[aria-haspopup],[aria-expanded]")) {
    if (!want || bare(b.getAttribute("aria-label") || textWithoutControls(b)) !== want) continue;
    const ids = (b.getAttribute("aria-controls") || "").split(/\s+/).filter(Boolean);
    const found = ids.map((id) => document.getElementById(id)).filter(Boolean);
    if (b.id) found.push(...document.querySelectorAll(`[aria-labelledby~="${cssEsc(b.id)}"]`));
    if (found.length) return found.flatMap((el) => [el, ...el.querySelectorAll("*")]);
  }
  return [];
}
// A box laid over the page that a person calls a dialog by the words at its top ("Create" over a wizard in a frame, its
// buttons in the box's foot), though it has no dialog role and its title is no heading: the nearest fixed layer around
// words that are all `name`, when they are the first words the layer shows and it is a box, not a bar along the
// window's edge (a toolbar, a banner).
function layerTitled(name) {
  const want = bare(name), texts = document.createTreeWalker(document.body || document, NodeFilter.SHOW_TEXT);
  for (let t = texts.nextNode(); t && want; t = texts.nextNode()) {
    if (bare(t.data) !== want || !visible(t.parentElement)) continue;
    let layer = t.parentElement;
    while (layer && getComputedStyle(layer).position !== "fixed") layer = layer.parentElement;
    if (!layer || firstWords(layer) !== t) continue;
    const r = layer.getBoundingClientRect();
    if (r.left <= 1 && r.right >= innerWidth - 1 && r.height < innerHeight / 2) continue; // a bar, not a box
    return [layer, ...layer.querySelectorAll("*")];
  }
  return [];
}
function firstWords(el) {
  const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let t = texts.nextNode(); t; t = texts.nextNode()) if (t.data.trim() && visible(t.parentElement)) return t;
  return null;
}
// The boxes of the section whose heading is `name` (the whole heading): a box with no name of its own is named by
// it, as a person reads "Upload any text file or document" over a lone file box with a note between them.
function boxesHeaded(name) {
  const want = bare(name);
  const h = Array.from(document.querySelectorAll(HEADINGS)).find((x) => visible(x) && headingText(x) === want);
  return h ? headedElements(h).filter((el) => el.matches(HOLDS_BOX) && visible(el)) : [];
}
// Every element of the section headed `name`, else of what the button `name` opens, else of the box over the page
// titled `name` (none: no such heading, button or box; a selector engine's answer: page_script/__init__.py).
function regionNamed(name) {
  const [h] = headingsNamed(name);
  if (h) return headedElements(h);
  const opened = openedBy(name);
  return opened.length ? opened : layerTitled(name);
}
// The heading an element sits under, as a person would name where it is: the nearest heading before it whose
// section holds it ("" when none does).
function sectionOf(el) {
  const before = Array.from(document.querySelectorAll(HEADINGS)).filter((h) => visible(h) &&
    (h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) && !h.contains(el));
  for (let i = before.length - 1; i >= 0; i--) {
    if (headedElements(before[i]).includes(el)) return squash(textWithoutControls(before[i]));
  }
  return "";
}
