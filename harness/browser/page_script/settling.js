// When the page changes and goes quiet, by its own clock; masks painted over secrets.
// A part of the recorder's page script: recorder.py joins the parts in order inside one closure.
// ---------- DOM change times (leading + trailing, throttled) ----------
let lastDomSent = 0;
let domTimer = 0;
let pendingDom = 0;
let lastInput = -1e9; // performance.now() of the person's last press, click or key
const CAUSED_MS = 300; // a removal this soon after an input is taken as its answer (a dismissed alert)
for (const evt of ["pointerdown", "mousedown", "keydown", "click"]) {
  document.addEventListener(evt, () => { lastInput = performance.now(); }, true);
}
function expiring(records) {
  // Only messages going away on the page's own timer (a toast expiring): not an answer to anything.
  if (!records || !records.length || performance.now() - lastInput < CAUSED_MS) return false;
  if (records.some((r) => r.type !== "childList" || r.addedNodes.length)) return false;
  const messages = Array.from(tracked.keys());
  for (const r of records) {
    for (const n of r.removedNodes) {
      if (n.nodeType !== 1 || !(tracked.has(n) || messages.some((m) => n.contains(m)))) return false;
    }
  }
  return true;
}
// Why causes: a change drawn by a timer's handler belongs to the time the page set that timer (a toast a new
// page schedules as it loads answers what led to that page, not the next thing the person does), so each
// report says when the timers behind its changes were set: 0 when any change had another cause.
let pendingCause = 0;
function joinCause(a, b) { return a === undefined ? b : (a && b ? Math.min(a, b) : 0); }
function domChanged(records, causedBy) {
  const cause = causedBy || 0;
  if (records) holdLoads(records);
  if (expiring(records)) { scheduleScan(cause); return; } // the scan reports them "gone"
  const t = now();
  lastChange = t;
  drawAfter();
  const wake = unsettled(); // the page had said it was quiet: this change goes out at once
  pendingCause = pendingDom ? joinCause(pendingCause, cause) : cause;
  pendingDom = t;
  if (t - lastDomSent >= DOM_EVERY_MS) {
    lastDomSent = t;
    pendingDom = 0;
    send("dom", { at: t, cause: pendingCause }, wake ? 0 : BATCH_MS);
  } else if (!domTimer) {
    domTimer = setTimeout(() => {
      domTimer = 0;
      if (pendingDom) { lastDomSent = now(); send("dom", { at: pendingDom, cause: pendingCause }, BATCH_MS); pendingDom = 0; }
    }, DOM_EVERY_MS);
  }
  scheduleScan(cause);
}
const observer = new MutationObserver(domChanged);
observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
// A fade or slide that ends changes what shows without a change to the DOM (a popup's opacity going to 1): look again.
for (const evt of ["transitionend", "animationend"]) document.addEventListener(evt, () => scheduleScan(0), true);

// ---------- settling: the page tells when it went quiet (no round trip from Python) ----------
// Once no DOM change came for QUIET_MS by the page's clock, it reports "quiet": when it last changed and
// the timers it has due within TIMER_HORIZON_MS (a toast or answer it scheduled); again whenever such a
// timer is set, fires or is cleared. The first change after a report goes out at once. It reports
// sooner, IDLE_MS after its last change, when it can show nothing is left to run ("idle"): loaded, its
// scan for messages done, and no timer, animation frame, interval or posted message of its own due.
const QUIET_MS = 100;
const IDLE_MS = 20;
const TIMER_HORIZON_MS = 1000;
let lastChange = now();
let quietTimer = 0;
let reported = false;
const pending = new Map(); // the page's own setTimeout ids -> [when set, when due] (page clock)
// Frames and intervals only keep the page from claiming idle: a page animating or polling reports quiet
// by QUIET_MS alone, and is not asked to report every frame.
const frames = new Set(); // the page's own requestAnimationFrame ids not yet run
let intervals = 0; // the page's own setInterval timers within the horizon still running
let posted = 0; // the page's own MessageChannel messages not yet delivered
// A change is seen once the browser has drawn it: the frame after it also runs the browser's own work
// (autofocus puts the cursor in its field then), so a page is not idle before that frame. When that frame is
// all the word waited for, the word goes out in it, not at reportQuiet's next look (up to IDLE_MS later).
const ownFrame = window.requestAnimationFrame, ownCancelFrame = window.cancelAnimationFrame;
let undrawn = false;
function drawAfter() {
  if (undrawn) return;
  undrawn = true;
  ownFrame.call(window, () => {
    undrawn = false;
    if (reported) timersMoved();
    else if (quietTimer && now() - lastChange >= IDLE_MS && calm()) { clearTimeout(quietTimer); reportQuiet(); }
  });
}
let leaving = false; // a navigation to another document began: its request may not have reached the harness yet
if (window.navigation) {
  navigation.addEventListener("navigate", (e) => { if (!e.destination.sameDocument && !e.downloadRequest) leaving = true; });
}
function calm() {
  // nothing left to run but the page's own timers (a new page's scheduled toast is not an answer still due)
  return document.readyState === "complete" && !leaving && !scanTimer && !frames.size && !intervals && !awaited.size &&
    !posted && !undrawn;
}
function idle() { return calm() && !pending.size; }
function reportQuiet() {
  quietTimer = 0;
  const t = now();
  const since = t - lastChange;
  if (since < IDLE_MS || (since < QUIET_MS && !calm())) {
    quietTimer = setTimeout(reportQuiet, since < IDLE_MS ? IDLE_MS - since : Math.min(IDLE_MS, lastChange + QUIET_MS - t));
    return;
  }
  const timers = [], awaits = [];
  for (const [set, due] of awaited.values()) if (awaits.length < 25) awaits.push([set, due]);
  for (const [set, due] of pending.values()) if (due <= t + TIMER_HORIZON_MS && timers.length < 25) timers.push([set, due]);
  reported = true;
  // still loading, or loaded and showing nothing yet (an app's root its scripts have not drawn into): no wait ends on
  // it yet, and it rides with what comes next
  const loading = document.readyState !== "complete" || (location.href !== "about:blank" && starting());
  send("quiet", { last: lastChange, timers, awaits, idle: idle(), calm: calm(), loading }, loading ? RIDE_MS : 0);
}
function unsettled() {
  const was = reported;
  reported = false;
  if (!quietTimer) quietTimer = setTimeout(reportQuiet, IDLE_MS);
  return was;
}
function timersMoved() {
  // after the page's handler and the DOM changes it made (the observer's microtask is queued first)
  if (reported) queueMicrotask(() => { if (reported) reportQuiet(); });
}
window.setTimeout = function (handler, delay, ...args) {
  if (typeof handler !== "function" || (Number(delay) || 0) > TIMER_HORIZON_MS) return setTimeout(handler, delay, ...args);
  const set = now();
  const id = setTimeout(function () {
    pending.delete(id);
    try { return handler.apply(this, arguments); } finally {
      const records = observer.takeRecords(); // what the handler drew, told with when the timer was set
      if (records.length) domChanged(records, set);
      timersMoved();
    }
  }, delay, ...args);
  pending.set(id, [set, set + Math.max(0, Number(delay) || 0)]);
  timersMoved();
  return id;
};
window.clearTimeout = function (id) { if (pending.delete(id)) timersMoved(); return clearTimeout(id); };
// The page's own requests, and the reading of a fetched body, hold its word like a timer it set: the answer it
// waits for. The harness hears of a request only later, and stops counting one when its headers arrive, so a
// page that draws what a slow body brought (a chat's first question) would otherwise be called quiet before
// it. One still open after AWAIT_HORIZON_MS is a stream or a long poll and stops holding the word.
const AWAIT_HORIZON_MS = 3000;
const awaited = new Map(); // token -> [when started, when it stops holding] (page clock)
let awaitSeq = 0;
function awaiting(promise) {
  const token = ++awaitSeq;
  const t = now();
  awaited.set(token, [t, t + AWAIT_HORIZON_MS]);
  const release = () => { if (awaited.delete(token)) timersMoved(); };
  const horizon = setTimeout(release, AWAIT_HORIZON_MS);
  // Released a task later, after the page's own handlers for the answer (and the changes they make) ran.
  const done = () => { clearTimeout(horizon); setTimeout(release, 0); };
  timersMoved();
  return promise.then((value) => { done(); return value; }, (error) => { done(); throw error; });
}
const ownFetch = window.fetch;
if (ownFetch) window.fetch = function (...args) { return awaiting(ownFetch.apply(this, args)); };
for (const read of ["json", "text", "blob", "arrayBuffer", "formData"]) {
  const own = window.Response && Response.prototype[read];
  if (own) Response.prototype[read] = function () { return awaiting(own.call(this)); };
}
// A script, stylesheet or picture put in after the document loaded (a bundle's chunk its load handler asks for) holds
// the word the same way, until it loaded or failed: the page is not done while what it asked for is still coming, and
// the harness hears of that request only later (seen: a form whose tabs a late chunk arranged, read before it came).
// Before the load, the document's own load event waits for them. A lazy picture, a script of no code, one that ran
// before (the document's own, as it completes: moved, it does not run again), a stylesheet or a picture already
// there: nothing to wait for.
const CODE = /^$|^(text|application)\/(x-)?(java|ecma)script$|^module$/i;
const ran = new WeakSet();
document.addEventListener("readystatechange", () => {
  if (document.readyState === "complete") for (const el of document.scripts) ran.add(el);
});
function loadsLater(el) {
  if (el.localName === "script") return !!el.src && CODE.test(el.type || "") && !el.noModule && !ran.has(el);
  if (el.localName === "link") return /(^|\s)stylesheet(\s|$)/i.test(el.rel) && !!el.href && !el.sheet;
  return el.localName === "img" && !el.complete && el.loading !== "lazy";
}
function holdLoads(records) {
  if (document.readyState !== "complete") return;
  for (const r of records) {
    for (const n of r.addedNodes) {
      if (n.nodeType !== 1) continue;
      for (const el of [n, ...(n.firstElementChild ? n.querySelectorAll("script,link,img") : [])]) {
        if (!loadsLater(el)) continue;
        if (el.localName === "script") ran.add(el);
        awaiting(new Promise((done) => {
          el.addEventListener("load", done, { once: true });
          el.addEventListener("error", done, { once: true });
        }));
      }
    }
  }
}
const ownSend = window.XMLHttpRequest && XMLHttpRequest.prototype.send;
if (ownSend) {
  XMLHttpRequest.prototype.send = function (...args) {
    awaiting(new Promise((resolve) => this.addEventListener("loadend", resolve, { once: true })));
    return ownSend.apply(this, args);
  };
}
// The page's own MessageChannel posts (a framework's scheduler, React's among them, runs its next task so) hold its
// word like a timer: what that task draws has not run yet. A marker posted right after it on a channel of our own
// arrives after it (one task source, first in, first out) and lets it go.
const ownPost = window.MessagePort && MessagePort.prototype.postMessage;
if (ownPost) {
  const marker = new MessageChannel();
  marker.port1.onmessage = () => { posted = Math.max(0, posted - 1); timersMoved(); };
  MessagePort.prototype.postMessage = function (...args) {
    const result = ownPost.apply(this, args);
    posted++;
    ownPost.call(marker.port2, 0);
    return result;
  };
}
window.requestAnimationFrame = function (handler) {
  const id = ownFrame.call(window, function () {
    frames.delete(id);
    return handler.apply(this, arguments);
  });
  frames.add(id);
  return id;
};
window.cancelAnimationFrame = function (id) { frames.delete(id); return ownCancelFrame.call(window, id); };
const ownInterval = window.setInterval, ownClearInterval = window.clearInterval;
const shortIntervals = new Set();
window.setInterval = function (handler, delay, ...args) {
  const id = ownInterval.call(window, handler, delay, ...args);
  if ((Number(delay) || 0) <= TIMER_HORIZON_MS) { shortIntervals.add(id); intervals = shortIntervals.size; }
  return id;
};
window.clearInterval = function (id) {
  if (shortIntervals.delete(id)) intervals = shortIntervals.size;
  return ownClearInterval.call(window, id);
};
window.addEventListener("load", () => setTimeout(() => { if (!quietTimer) quietTimer = setTimeout(reportQuiet, 0); }, 0));
unsettled();

// ---------- masks painted over secrets for a screenshot (not a change on the page) ----------
const MASK_TAG = "empathy-mask";
let maskRoot = null;
function quietly(change) {
  if (observer.takeRecords().length) domChanged(); // the page's own changes still count
  change();
  observer.takeRecords(); // ours do not
}
function secretRects(selectors, secrets) {
  const rects = [];
  const add = (el) => { for (const r of el.getClientRects()) rects.push(r); };
  for (const sel of ["input[type=password]", "input[autocomplete*=password]", ...selectors]) {
    try { document.querySelectorAll(sel).forEach(add); } catch (e) { /* a selector from another page */ }
  }
  if (secrets.length) {
    const has = (t) => !!t && secrets.some((v) => t.includes(v));
    for (const el of document.querySelectorAll("input,textarea,select")) {
      if (has(el.value) || has(el.getAttribute("value"))) add(el);
    }
    const root = document.body || document.documentElement;
    const walker = root ? document.createTreeWalker(root, NodeFilter.SHOW_TEXT) : null;
    for (let n = walker && walker.nextNode(); n; n = walker.nextNode()) {
      if (!has(n.nodeValue)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) rects.push(r);
    }
  }
  return rects;
}
function unmask() {
  if (maskRoot) { const old = maskRoot; maskRoot = null; quietly(() => old.remove()); }
  return true;
}
function mask(selectors, secrets) {
  // Boxes in the mask colour over every secret (as Playwright's screenshot mask paints them), and no caret.
  unmask();
  const rects = secretRects(selectors || [], (secrets || []).filter(Boolean));
  quietly(() => {
    maskRoot = document.createElement(MASK_TAG);
    maskRoot.setAttribute("aria-hidden", "true");
    maskRoot.style.cssText = "all:initial;position:fixed;left:0;top:0;width:0;height:0;overflow:visible;" +
      "pointer-events:none;z-index:2147483647";
    const style = document.createElement("style");
    style.textContent = "*{caret-color:transparent!important}";
    maskRoot.appendChild(style);
    for (const r of rects) {
      if (r.width <= 0 || r.height <= 0) continue;
      const box = document.createElement(MASK_TAG + "-box");
      box.style.cssText = `all:initial;position:fixed;display:block;pointer-events:none;background:#FF00FF;` +
        `left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px;z-index:2147483647`;
      maskRoot.appendChild(box);
    }
    (document.documentElement || document).appendChild(maskRoot);
  });
  return rects.length;
}
