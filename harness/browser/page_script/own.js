// The person's own words shown back: a post, comment or note they wrote, on the page as content after they
// sent it. A part of the recorder's page script (recorder.py joins the parts). What they wrote is remembered
// when they send it (a submit, or a press of a button), for the tab's session, so the next page can tell it.
const OWN_KEY = "__empathy_own";
let ownCache = null; // read from the tab's storage once per scan (another frame of the tab may have written it)
function ownSaid() {
  if (ownCache === null) {
    try { ownCache = JSON.parse(sessionStorage.getItem(OWN_KEY) || "[]"); } catch (e) { ownCache = []; }
  }
  return ownCache;
}
function rememberOwn(root) {
  // Sentences only: three words or more in a text area, five in a one-line box (a title; a name or number is no post).
  if (!root || !root.querySelectorAll) return;
  const said = ownSaid();
  for (const f of root.querySelectorAll("textarea, input:not([type]), input[type=text]")) {
    const v = squash(f.value || "").slice(0, 300);
    const least = f.localName === "textarea" ? 3 : 5;
    if (v.split(" ").length >= least && v.length >= 12 && !said.includes(v)) said.push(v);
  }
  ownCache = said.slice(-10);
  try { sessionStorage.setItem(OWN_KEY, JSON.stringify(ownCache)); } catch (e) { /* storage off */ }
}
function ownWords(text, said = ownSaid()) {
  // The element says what the person wrote and little else (a site's "We received: …" quotes it; that is its copy).
  const t = squash(text);
  return !!t && said.some((s) => t.includes(s) && t.length <= s.length * 1.2 + 10);
}
function ownBlocks(taken) {
  // Blocks that show the person's words and no unit reads yet (a post's <p> deep in a topic's markup).
  const said = ownSaid();
  if (!said.length || !document.body) return [];
  const out = new Set();
  const read = new Set(); // each block is read once, however many text nodes it holds
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(), i = 0; t && i < MAX_TEXT_NODES; t = walker.nextNode(), i++) {
    if (!/\p{L}{2}/u.test(t.nodeValue)) continue; // layout's white space: its block is an outer one
    let block = t.parentElement;
    while (block && block !== document.body && INLINE.test(block.localName)) block = block.parentElement;
    if (!block || block === document.body || read.has(block)) continue;
    read.add(block);
    if (!inAny(block, taken) && !unread(block) && ownWords(block.textContent, said)) out.add(block);
  }
  return Array.from(out);
}
document.addEventListener("submit", (ev) => rememberOwn(ev.target), true);
document.addEventListener("click", (ev) => {
  const el = ev.target && ev.target.closest ? ev.target.closest("button,input[type=submit],[role=button]") : null;
  if (el) rememberOwn(el.form || el.closest("form") || document);
}, true);
