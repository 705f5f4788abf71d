// Loose lines: words a person reads that sit in no element a message is read from, such as
// "No results found" straight in <body> between the search form and the scripts, or "0 results" in a
// <span> beside a search box. A part of the recorder's page script (recorder.py joins the parts).
// Only a line among other things counts (a run of text and inline elements beside blocks or controls):
// a block of nothing but text is the page's layout, read through the selectors in messages.js.
const MAX_TEXT_NODES = 3000;
const INLINE = /^(span|small|strong|b|em|i|code|abbr|mark|time|a|bdi|q|sub|sup|u|s|big|font|tt|var|kbd)$/;
const UNREAD = /^(script|style|template|noscript|button|label|option|select|textarea|input|nav|svg|title|head)$/;
const UNREAD_ROLES = /^(button|link|navigation|menu|menubar|menuitem|tab|tablist|option|listbox|tooltip)$/;
const NAMING = /^(a|b|strong)$/; // a run that is only a link or a bold word names something; it says nothing
function blockOf(node) {
  // The nearest ancestor that is not inline: the container a line sits in.
  let n = node.parentElement;
  while (n && INLINE.test(n.localName) && n !== document.body) n = n.parentElement;
  return n;
}
function unread(el) {
  for (let n = el; n && n !== document.body; n = n.parentElement) {
    if (UNREAD.test(n.localName) || UNREAD_ROLES.test(roleOf(n)) || n.hidden || styledAsButton(n)) return true;
  }
  return false;
}
function runsOf(block) {
  // The block's children split into runs of text and inline elements at every other child (a <br>, a
  // block, a control); only a block that has such another child holds lines.
  const runs = [[]];
  let mixed = false;
  for (let c = block.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3 || (c.nodeType === 1 && INLINE.test(c.localName) && !c.querySelector("input,select,textarea,button"))) {
      runs[runs.length - 1].push(c);
    } else if (c.nodeType === 1) {
      mixed = true;
      if (runs[runs.length - 1].length) runs.push([]);
    }
  }
  return mixed ? runs.filter((r) => r.length) : [];
}
function says(run) {
  // The run's words, and whether any of them is plain text (not only a link's or a bold word's).
  let text = "";
  let plain = false;
  const walk = (n) => {
    if (n.nodeType === 3) {
      text += n.nodeValue;
      if (/\p{L}{2}/u.test(n.nodeValue) && !NAMING.test(n.parentElement.localName)) plain = true;
    } else if (n.nodeType === 1 && !UNREAD.test(n.localName) && !styledAsButton(n) && !iconGlyph(n)) for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  run.forEach(walk);
  return { text: squash(text), plain };
}
function shownRun(run) {
  const range = document.createRange();
  return run.some((n) => {
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    return r.width > 1 && r.height > 1;
  });
}
function looseLines(taken) {
  // Lines in no unit already taken: [{el: the block, key: the run's first node, text}].
  if (!document.body) return [];
  const holding = new Set(); // a run that holds a unit is read through that unit
  for (const el of taken) for (let a = el; a && !holding.has(a); a = a.parentElement) holding.add(a);
  const blocks = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(), i = 0; t && i < MAX_TEXT_NODES; t = walker.nextNode(), i++) {
    if (!/\p{L}{2}/u.test(t.nodeValue)) continue;
    const block = blockOf(t);
    if (block && !blocks.has(block)) blocks.add(block);
  }
  const out = [];
  for (const block of blocks) {
    if (inAny(block, taken) || unread(block)) continue;
    for (const run of runsOf(block)) {
      const { text, plain } = says(run);
      if (run.some((n) => holding.has(n)) || !plain || text.split(" ").length < 2 || /:$/.test(text) || !shownRun(run)) continue;
      out.push({ el: block, key: run[0], text });
    }
  }
  return out;
}
function bareBody(found) {
  // A page that is nothing but words (a server's one-line answer sent as HTML with no markup, "That name is not
  // allowed"): the browser puts them straight in <body>, which is then the message, as a raw document's <pre> is.
  const body = document.body;
  if (!body || found.has(body) || !/\p{L}{2}/u.test(body.textContent)) return [];
  for (let c = body.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && !INLINE.test(c.localName) && !/^(br|script|style|noscript|template)$/.test(c.localName)) return [];
  }
  return [body];
}
function lineInfo(line) {
  // What a loose line is, over its block's facts: its own words, tied to no field, no live region of its own.
  const c = cut(line.text);
  return { text: c.text, cut: c.cut, field: "", field_tied: false, field_invalid: false, focused: false,
    role: "", live: "", chrome: false };
}
