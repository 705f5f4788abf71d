// Messages: what the page says (alerts, toasts, inline errors, chat turns, result paragraphs).
// A part of the recorder's page script: recorder.py joins the parts in order inside one closure.
// Site chrome: what a message never spans (a footer glued to a confirmation is not the confirmation).
// A layout of divs (no <header>/<footer>, no roles) still has a header and a footer a person sees as such:
// the page-wide ones are named by their id, as sites built before HTML5 name them.
const NAMED_LANDMARK = { header: "banner", footer: "contentinfo", "site-header": "banner", "site-footer": "contentinfo" };
const NAMED_LANDMARKS = Object.keys(NAMED_LANDMARK).map((id) => "#" + id).join(",");
const LANDMARKS = "main,nav,header,footer,aside,[role=main],[role=navigation],[role=banner],[role=contentinfo]," +
  "[role=complementary],[role=search]," + NAMED_LANDMARKS;
const CONTROL_TAGS = /^(script|style|button|a|label|input|select|textarea|option|nav)$/;
const CONTROL_ROLES = /^(button|link|menuitem|tab|navigation)$/;
const BUTTON_CLASS = /^(btn|button)$/i;
// A <div> or <span> classed as a button ("btn btn-danger", "Delete this list" in red): pressed, not read.
const styledAsButton = (el) => Array.from(el.classList || []).some((c) => BUTTON_CLASS.test(c));
const canSpeak = (el) => !CONTROL_TAGS.test(el.localName) && !CONTROL_ROLES.test(roleOf(el)) && !styledAsButton(el);
function waysOnOnly(el) {
  // A block whose every word is in its links or buttons ("Back to the start" in a box classed as an error): a way
  // on, whatever its class; a link to a place on this page (the field an error list points to) still speaks.
  let words = false;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!/\p{L}{2}/u.test(n.nodeValue) || n.parentElement.closest("script,style,template")) continue;
    const ctl = n.parentElement.closest("a[href],button,[role=button],[role=link]");
    if (!ctl || !el.contains(ctl) || (ctl.getAttribute("href") || "").startsWith("#")) return false;
    words = true;
  }
  return words;
}
const BLOCK = /^(address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|td|th|tr|ul)$/;
const DISMISS = /^\s*(×|✕|✖|x)\s*$|\b(close|dismiss|hide)\b/i;
function dismisses(el) {
  // A message's own close button or link ("×", "Dismiss"): a control, not part of what it says.
  if (!/^(button|a)$/.test(el.localName) && roleOf(el) !== "button") return false;
  return DISMISS.test(squash(el.getAttribute("aria-label") || el.getAttribute("title") || el.textContent)) ||
    /(^|[-_\s])(close|dismiss)/i.test(classText(el));
}
const DROPPABLE = LANDMARKS + ",button,a,[role=button],i,span,mat-icon";
function blockText(el) {
  // The block's words without nested landmarks, its close control or icons' words, blocks kept apart by a
  // space (textContent glues "Sent.Next"): only walked when such a part is inside, else innerText as before.
  const drop = (n) => n.matches(LANDMARKS) || dismisses(n) || iconGlyph(n);
  if (!Array.from(el.querySelectorAll(DROPPABLE)).some(drop)) return null;
  let out = "";
  const walk = (n) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) out += c.nodeValue;
      else if (c.nodeType === 1 && !drop(c) && !/^(script|style|template)$/.test(c.localName) && !c.hidden) {
        const block = BLOCK.test(c.localName);
        if (block) out += " ";
        walk(c);
        if (block) out += " ";
      }
    }
  };
  walk(el);
  return out;
}
const LANDMARK_ROLE = { header: "banner", footer: "contentinfo", nav: "navigation", aside: "complementary", main: "main" };
function landmarkOf(el) {
  // The landmark a message sits in, as ARIA names it: a header or footer inside main or an article is none.
  for (let n = el.closest(LANDMARKS); n; n = n.parentElement && n.parentElement.closest(LANDMARKS)) {
    const role = (n.getAttribute("role") || "").toLowerCase();
    if (role) return role;
    const named = LANDMARK_ROLE[n.localName] ? "" : NAMED_LANDMARK[n.id] || "";
    if ((/^(header|footer)$/.test(n.localName) || named) && n.parentElement &&
        n.parentElement.closest("main,article,section,aside,nav,[role=main]")) continue;
    return LANDMARK_ROLE[n.localName] || named;
  }
  return "";
}
function landmarkNames() {
  const names = new Set();
  for (const n of document.querySelectorAll(LANDMARKS + ",section[aria-label],[role=region]")) {
    const name = squash(n.getAttribute("aria-label") || textById(document, n.getAttribute("aria-labelledby")));
    if (name) names.add(name.toLowerCase());
  }
  return names;
}
function chromeRegion(el, text) {
  // A live region that holds navigation, or only says a landmark's name ("Sidebar"): announced, but
  // not a status message.
  if (el.matches(LANDMARKS) || el.querySelector("nav,[role=navigation],[role=menu],[role=menubar]")) return true;
  return text.length <= 60 && landmarkNames().has(text.toLowerCase());
}
const OUTER_ROLES = new Set(["alert", "status", "alertdialog", "timer", "marquee"]);
const OUTER_CLASS = /toast|snackbar|notification|notice|flash|alert|banner|confirmation|success|error-summary|callout|warning/i;
const SPEAKER_CLASS = /\b(bot|agent|user|assistant|human|advis[oe]r|customer|operator|staff|system|me|you|self|visitor|incoming|outgoing|sent|received)\b/i;
const MESSAGE_CLASS = /message|msg|bubble|chat|utterance|reply/i;
const SELECTOR = [
  "[role=alert]", "[role=status]", "[role=log]", "[role=alertdialog]", "[role=timer]", "[role=marquee]",
  "[aria-live]:not([aria-live=off])", "h1", "h2", "[role=heading][aria-level='1']", "[role=heading][aria-level='2']",
  "[data-speaker]", "[data-author]", "[data-sender]", "[data-from]",
  "[class*=toast i]", "[class*=snackbar i]", "[class*=notification i]", "[class*=flash i]", "[class*=notice i]",
  "[class*=error i]", "[id*=error i]", "[class*=invalid i]", "[class*=alert i]", "[class*=banner i]", "[class*=callout i]",
  "[class*=confirmation i]", "[class*=success i]", "[class*=empty i]", "[class*=message i]", "[class*=msg i]",
  "[class*=bubble i]", "[class*=greeting i]", "[class*=welcome i]", "[class*=panel i]", "[class*=lead i]",
  "[class*=warning i]", "[class*=nothing i]", "[class*=no-result i]", "[class*=noresult i]", "[class*=not-found i]",
  "[class*=nooptions i]", "[class*=no-options i]", // a search box's list that found nothing
  "main p", "[role=main] p", "main dd", "main li", "body > p", "body > div > p",
  // a document that is no web page (JSON, plain text): the browser shows its raw words in a <pre>
  "body > pre",
  // what a page says under its heading, with or without a <main>: "We've emailed you instructions ..."
  "h1 ~ p", "h2 ~ p", "h1 ~ div > p", "h2 ~ div > p",
  // a table row reads as one line ("#4821 Blue jumper Dispatched"): lists of orders, tickets, history
  "main tr", "[role=main] tr", "[role=row]",
  // side panels and footers: where sites put "Need help? Call us on ..." (a route to a person)
  "aside p", "aside li", "[role=complementary] p", "footer p", "[role=contentinfo] p",
].join(",");
function roleOf(el) {
  const r = (el.getAttribute("role") || "").toLowerCase();
  if (r) return r;
  if (/^h[1-6]$/.test(el.localName)) return "heading";
  if (el.localName === "output") return "status";
  return "";
}
function liveOf(el) {
  const a = (el.getAttribute("aria-live") || "").toLowerCase();
  if (a) return a;
  const r = roleOf(el);
  if (r === "alert" || r === "alertdialog") return "assertive";
  if (r === "status" || r === "log") return "polite";
  if (r === "timer" || r === "marquee") return "off";
  return "";
}
let outerMemo = new Map(); // per scan: isOuter reads the subtree
const isOuter = (el) => {
  if (!outerMemo.has(el)) outerMemo.set(el, outerOf(el));
  return outerMemo.get(el);
};
// A box named an error by its id, as sites built before class conventions name it ("error_explanation" round a
// list of what went wrong): what it is, as a class would say; a wrapper that holds the page's heading is layout.
const ERROR_ID = /error/i;
const errorBox = (el) => ERROR_ID.test(el.id || "") && !/^h[1-6]$/.test(el.localName) && !el.querySelector("h1");
const outerOf = (el) => (OUTER_ROLES.has(roleOf(el)) ||
  (el.hasAttribute("aria-live") && el.getAttribute("aria-live") !== "off" && roleOf(el) !== "log") ||
  (OUTER_CLASS.test(classText(el)) && !/^h[1-6]$/.test(el.localName)) || noticeGroup(el) || errorBox(el)) &&
  !el.querySelector(LANDMARKS); // a page wrapper named "confirmation-page" holds a footer: layout, not a message
const NOTICE_ITEM = /(^|[-_\s])(success|error|danger|warning|info|notice)([-_\s]|$)/i;
function noticeList(el) {
  // A framework's flash list (ul.messagelist > li.success): its items are classed by kind, not by who speaks.
  const items = Array.from(el.children);
  return items.length > 0 && items.every((c) => NOTICE_ITEM.test(classText(c)) && !SPEAKER_CLASS.test(classText(c)));
}
function noticeGroup(el) {
  // One level of a flash list grouped by kind (div.messages > div.messages_info > ul > li): read whole, as one notice.
  return NOTICE_ITEM.test(classText(el)) && !!el.parentElement && noticeList(el.parentElement);
}
function isChatContainer(el) {
  // A "messages" list in a status or alert region, or of notices, is a framework's flash messages, not a chat.
  return (roleOf(el) === "log" || (!OUTER_ROLES.has(roleOf(el)) && !noticeList(el) && !noticeGroup(el) &&
    /\b(chat|conversation)[-_]?(log|messages|history|transcript|thread|body|stream)\b|\bmessage-?list\b|\bmessages\b/i.test(classText(el)))) &&
    !el.querySelector("main,[role=main],form"); // a page's wrapper, not a conversation
}
const ITEM_KIND = "[class*=error i],[class*=danger i],[class*=warning i],[class*=success i],[class*=info i]";
function kindClass(el, outer) {
  // A region's own class, and its notice's ("messages" + "error"): the item says what kind it is.
  const item = outer ? el.querySelector(ITEM_KIND) : null;
  return (classText(el) + (errorBox(el) ? " " + el.id : "") + (item ? " " + classText(item) : "")).slice(0, 200);
}
function speakerHints(el) {
  const hints = [];
  for (const n of [el, el.parentElement]) {
    if (!n || n.nodeType !== 1) continue;
    for (const a of ["data-speaker", "data-author", "data-sender", "data-from", "data-role", "data-type"]) {
      const v = n.getAttribute(a);
      if (v) hints.push(v);
    }
    const m = classText(n).match(new RegExp(SPEAKER_CLASS.source, "gi"));
    if (m) hints.push(...m);
    if (n.getAttribute("aria-label")) hints.push(n.getAttribute("aria-label"));
  }
  const who = el.querySelector(WHO);
  if (who && who !== el) hints.push(squash(who.textContent));
  return hints.join(" ").slice(0, 200);
}
function fieldFor(el) {
  // Which control an inline error belongs to: aria-describedby/errormessage, else a small wrapper.
  // An item of a list read line by line (`main li`) is tied through its list's id, as the list would be.
  const doc = el.ownerDocument;
  const id = el.id || (el.tagName === "LI" && el.parentElement ? el.parentElement.id : "");
  if (id) {
    const ctl = doc.querySelector(`[aria-describedby~="${cssEsc(id)}"],[aria-errormessage="${cssEsc(id)}"]`);
    if (ctl) return { ctl, tied: true };
  }
  let n = el.parentElement;
  for (let i = 0; n && i < 3; i++, n = n.parentElement) {
    const ctls = Array.from(n.querySelectorAll("input,select,textarea")).filter(isControl);
    if (ctls.length === 1) return { ctl: ctls[0], tied: false };
    if (ctls.length > 1) {
      const names = new Set(ctls.map((c) => c.name));
      if (names.size === 1 && ctls[0].type === "radio") return { ctl: ctls[0], tied: false };
      break;
    }
  }
  return null;
}
function holdsForm(el) {
  // A block that holds controls is a form, not a message, whatever its class says (a behaviour class such as
  // "form-unload-alert"): what it says is read from the messages inside it. A dialog that asks is the exception.
  return roleOf(el) !== "alertdialog" && !!el.querySelector("input:not([type=hidden]),select,textarea");
}
let notes = new Set(); // this scan's field notes: their field is held wrong
function units() {
  outerMemo = new Map();
  const cands = Array.from(document.querySelectorAll(SELECTOR)).slice(0, MAX_CANDIDATES);
  cands.push(...proseDivs(new Set(cands)).slice(0, Math.max(0, MAX_CANDIDATES - cands.length)));
  cands.push(...countsOfNone(new Set(cands)).slice(0, Math.max(0, MAX_CANDIDATES - cands.length)));
  notes = new Set(fieldNotes(new Set(cands)).slice(0, Math.max(0, MAX_CANDIDATES - cands.length)));
  cands.push(...notes);
  cands.push(...contentLines(new Set(cands)).slice(0, Math.max(0, MAX_CANDIDATES - cands.length)));
  cands.push(...bareBody(new Set(cands)));
  const set = new Set(cands);
  // Containers with a candidate inside that can itself speak (not just a close button or a link).
  const holds = new Set();
  for (const el of cands) {
    if (!canSpeak(el)) continue;
    for (let a = el.parentElement; a && !holds.has(a); a = a.parentElement) holds.add(a);
  }
  const out = [];
  const chatItems = new Set();
  for (const el of cands) {
    if (isChatContainer(el)) for (const c of el.children) chatItems.add(c);
  }
  for (const el of cands) {
    if (isChatContainer(el)) continue;
    if (!canSpeak(el)) continue;
    // A candidate covered by an outer live/alert/toast ancestor is read as part of it.
    let inOuter = false;
    let chatAncestor = null;
    for (let a = el.parentElement; a; a = a.parentElement) {
      if (chatItems.has(a)) { inOuter = true; break; }
      if (set.has(a) && isOuter(a) && !isChatContainer(a) && !holdsForm(a)) { inOuter = true; break; }
      if (isChatContainer(a)) { chatAncestor = a; }
    }
    if (inOuter) continue;
    const outer = isOuter(el);
    const role = roleOf(el);
    if (holdsForm(el)) continue;
    // Generic containers give way to the candidates inside them.
    if (!outer && !chatItems.has(el) && role !== "heading" && holds.has(el)) continue;
    out.push({ el, chat: chatItems.has(el) || !!chatAncestor && MESSAGE_CLASS.test(classText(el)) });
  }
  for (const el of chatItems) {
    if (!set.has(el) && !el.matches(LANDMARKS) && !el.querySelector(LANDMARKS + ",input:not([type=hidden]),select,textarea")) {
      out.push({ el, chat: true });
    }
  }
  const taken = new Set(out.map((u) => u.el));
  for (const el of ownBlocks(taken)) { out.push({ el, chat: false }); taken.add(el); }
  for (const line of looseLines(taken)) out.push({ el: line.el, chat: false, line });
  return out;
}
const tracked = new Map(); // element -> {id, text}
let nextId = 1;
const WHO = "[class*=who i],[class*=author i],[class*=sender i],[class*=speaker i],[class*=byline i]";
function spokenText(el) {
  // A chat line's own words, without the speaker's name label shown above it.
  const who = el.querySelector(WHO);
  if (!who || who === el) return el.innerText !== undefined && visible(el) ? el.innerText : el.textContent;
  const clone = el.cloneNode(true);
  clone.querySelectorAll(WHO).forEach((n) => n.remove());
  return clone.textContent;
}
function liveContainer(el) {
  // A chat line is announced (or not) by the live region around it: carry that region's role and politeness.
  for (let a = el.parentElement; a && a.nodeType === 1; a = a.parentElement) {
    const live = liveOf(a);
    if (live && live !== "off") return { role: roleOf(a), live };
    if (isChatContainer(a)) break;
  }
  return null;
}
const LIVE = "[role=alert],[role=status],[role=log],[role=alertdialog],[aria-live]:not([aria-live=off])";
function liveInside(el) {
  // A notification area with no role of its own whose one notice is role=status (as some front-end frameworks
  // build them): the notice's region announces everything the area says, so the message carries its role.
  const inner = el.querySelector(LIVE);
  return inner && squash(inner.textContent) === squash(el.textContent) ? { role: roleOf(inner), live: liveOf(inner) } : null;
}
function emptyTable(el) {
  // A table row of a table that shows only its header: a list that came back with nothing, said by no word.
  const table = el.localName === "tr" || roleOf(el) === "row" ? el.closest("table,[role=table],[role=grid]") : null;
  return !!table && !!table.querySelector("th,[role=columnheader]") &&
    !Array.from(table.querySelectorAll("tr,[role=row]")).some((r) => r.querySelector("td,[role=cell],[role=gridcell]"));
}
function listItems(el) {
  // A message that is a list of several ("Email is invalid", "Login has already been taken"): each item is a line
  // a person reads on its own, not one sentence glued from them.
  const items = Array.from(el.querySelectorAll("li,[role=listitem]")).filter((li) => !li.querySelector("li,[role=listitem]"));
  const said = (li) => { const own = blockText(li); return own !== null ? own : li.innerText !== undefined ? li.innerText : li.textContent; };
  const texts = items.map((li) => squash(said(li))).filter(Boolean);
  return texts.length > 1 ? texts.slice(0, 20) : [];
}
function linkWords(el) {
  // The words of the links inside a message ("Please <a>sign in</a> to continue"): a way on it offers, not words.
  const links = el.matches("a[href],[role=link]") ? [el] : Array.from(el.querySelectorAll("a[href],[role=link]"));
  return links.map((a) => squash(a.innerText !== undefined ? a.innerText : a.textContent)).filter(Boolean).slice(0, 10);
}
function info(el, chat) {
  const own = chat ? null : blockText(el);
  const c = cut(chat ? spokenText(el) : own !== null && squash(own) ? own
    : (el.innerText !== undefined && visible(el) ? el.innerText : el.textContent));
  const f = fieldFor(el);
  const region = liveOf(el) ? null : chat ? liveContainer(el) : liveInside(el);
  return {
    text: c.text, cut: c.cut, role: roleOf(el) || (region ? region.role : ""), live: liveOf(el) || (region ? region.live : ""),
    tag: el.localName,
    cls: kindClass(el, isOuter(el)), id_attr: el.id || "", selector: selectorOf(el),
    visible: visible(el) && wordsShown(el), chat, speaker: chat || el.hasAttribute("data-speaker") ? speakerHints(el) : "",
    field: f ? labelOf(f.ctl) : "", field_tied: !!(f && f.tied), field_invalid: !!(f && (f.ctl.getAttribute("aria-invalid") === "true" || notes.has(el))),
    in_main: !!el.closest("main,[role=main]"), in_dialog: !!el.closest("[role=dialog],[role=alertdialog],dialog"),
    chrome: !!liveOf(el) && chromeRegion(el, c.text), landmark: landmarkOf(el),
    raw_page: !/html/i.test(document.contentType || "text/html"), empty_table: emptyTable(el), ways_on: waysOnOnly(el),
    focused: !!document.activeElement && document.activeElement !== document.body && el.contains(document.activeElement),
    items: listItems(el), links: linkWords(el),
    own: !chat && roleOf(el) !== "heading" && ownWords(c.text), // a heading names the page, even with their title
  };
}
// A person sees nothing before the page's first paint, which the browser holds while the page's stylesheets load:
// until then what only a stylesheet hides (a closed dialog, another tab's panel) reads as shown. So a scan waits for
// the first paint (or the load, in a frame never painted); the paint scans again.
let firstPainted = false;
try {
  new PerformanceObserver(() => { if (!firstPainted) { firstPainted = true; scheduleScan(0); } })
    .observe({ type: "paint", buffered: true });
} catch (e) { firstPainted = true; /* a browser without paint timing */ }
let scanTimer = 0;
let scanCause; // when the timers behind the changes this scan reads were set (0: some had another cause)
let lastScan = 0;
let busyKey = "";
function scan() {
  scanTimer = 0;
  if (!firstPainted && document.readyState !== "complete") return; // nothing shown yet (its cause kept for that scan)
  const cause = scanCause || 0;
  scanCause = undefined;
  ownCache = null; // the person's remembered words, read once for this scan's messages
  lastScan = performance.now();
  if (!document.documentElement) return;
  if (shown) sightAll();
  const seen = new Set();
  for (const { el, chat, line } of units()) {
    if (!inAccessibilityTree(el) || (!line && iconOnly(el))) continue;
    const text = line ? line.text : squash(el.textContent);
    if (!text) continue;
    const key = line ? line.key : el; // a loose line is tracked by its first node, not its block
    seen.add(key);
    const old = tracked.get(key);
    // the same words again, unless they were hidden and now show (a popup faded in: its words were read at opacity 0)
    if (old && old.raw === text && (old.shown || !(visible(el) && wordsShown(el)))) continue;
    if (old) send("gone", { id: old.id });
    const id = nextId++;
    const message = Object.assign({ id, cause }, info(el, chat), line ? lineInfo(line) : {});
    tracked.set(key, { id, raw: text, shown: message.visible });
    send("message", message);
  }
  for (const [key, old] of tracked) {
    if (!seen.has(key)) { send("gone", { id: old.id }); tracked.delete(key); }
  }
  // Busy and progress signals: what tells a person "something is happening".
  const busy = [];
  let busyText = "";
  let progress = false;
  const consider = (kind, el) => {
    if (kind === "aria-busy") { if (!inAccessibilityTree(el)) return; }
    else {
      if (!visible(el)) return;
      const r = el.getBoundingClientRect(); // an empty, zero-size "loading" holder tells nobody anything
      if (r.width < 2 || r.height < 2) return;
      if (kind === "spinner") {
        // Something a person would read as "working": it moves, it draws, or it says so.
        const cs = getComputedStyle(el);
        const moving = !!cs.animationName && cs.animationName !== "none";
        const drawn = !!el.querySelector("svg,img,canvas,progress") || /^(svg|img|canvas)$/.test(el.localName);
        if (!moving && !drawn && !squash(el.textContent) && !el.getAttribute("aria-label")) return;
      }
    }
    busy.push(kind);
    if (el.matches(LANDMARKS)) return; // its label names the region ("Sidebar"): it says nothing of the wait
    const t = squash(el.getAttribute("aria-valuetext") || el.getAttribute("aria-label") || el.textContent).slice(0, 200);
    if (t && !busyText) busyText = t;
    if (el.hasAttribute("aria-valuenow")) progress = true;
  };
  document.querySelectorAll("[aria-busy=true]").forEach((el) => consider("aria-busy", el));
  document.querySelectorAll("[role=progressbar],progress").forEach((el) => consider("progressbar", el));
  document.querySelectorAll("[class*=spinner i],[class*=loading i],[class*=loader i],[class*=throbber i],[class*=busy i],[aria-label*=loading i]")
    .forEach((el) => consider("spinner", el));
  const key = busy.sort().join(",") + "|" + busyText + "|" + progress;
  if (key !== busyKey) {
    busyKey = key;
    send("busy", { kinds: Array.from(new Set(busy)), text: busyText, progress });
  }
}
function scheduleScan(cause) {
  scanCause = joinCause(scanCause, cause || 0);
  if (scanTimer) return;
  const wait = Math.max(0, SCAN_EVERY_MS - (performance.now() - lastScan));
  scanTimer = setTimeout(scan, wait);
}
