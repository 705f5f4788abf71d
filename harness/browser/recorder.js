// empathy-harness recorder: runs at document start in every frame (context.add_init_script).
// Why a page script: toasts and live-region updates come and go between Playwright calls; a
// MutationObserver sees them all. It reports raw facts to Python through an exposed binding
// (so nothing is lost at navigation); Python classifies and times them. Password values never
// leave the page in clear text.
(() => {
  if (window.__empathy) return;
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

  // ---------- reporting: batched (one binding call per ~40 ms), flushed before the page goes ----------
  const queue = [];
  let flushTimer = 0;
  const BATCH_MS = 40;
  function flush() {
    if (flushTimer) { clearTimeout(flushTimer); flushTimer = 0; }
    if (!queue.length) return;
    const f = window[BINDING];
    if (typeof f !== "function") { flushTimer = setTimeout(flush, 20); return; }
    const events = queue.splice(0, queue.length);
    try { f({ type: "batch", events }); } catch (e) { /* page closing */ }
  }
  function send(type, data, now_) {
    if (queue.length > 2000) queue.splice(0, queue.length - 1000);
    const event = Object.assign({ type, visit, url: location.href, t: now() }, data || {});
    queue.push(event);
    if (now_) flush();
    else if (!flushTimer) flushTimer = setTimeout(flush, BATCH_MS);
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
  function visible(el) {
    if (!el || !el.isConnected) return false;
    if (el.checkVisibility) {
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    } else if (!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)) return false;
    return true;
  }
  function srOnly(el) {
    // Rendered for assistive technology but not for the eye (visually-hidden patterns).
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) return true;
    const cs = getComputedStyle(el);
    return cs.clip === "rect(0px, 0px, 0px, 0px)" || cs.clipPath === "inset(50%)";
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
  function textWithoutControls(node) {
    const clone = node.cloneNode(true);
    clone.querySelectorAll("input,select,textarea,button,[aria-hidden=true]").forEach((n) => n.remove());
    return squash(clone.textContent);
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
  function labelOf(el) {
    const doc = el.ownerDocument;
    const by = el.getAttribute("aria-labelledby");
    if (by) { const t = textById(doc, by); if (t) return t; }
    const aria = squash(el.getAttribute("aria-label"));
    if (aria) return aria;
    if (el.labels && el.labels.length) {
      const t = squash(Array.from(el.labels).map(textWithoutControls).join(" "));
      if (t) return t;
    }
    const ph = squash(el.getAttribute("placeholder"));
    if (ph) return ph;
    return squash(el.getAttribute("title")) || shownLabel(el);
  }
  // A name shown beside a field with no markup tying the two (table layouts, "<b>Login</b><br><input>"):
  // what a person reads as the field's name. Only short text, and never across another control.
  const SHOWN_MAX = 60;
  const HOLDS_CONTROL = "input:not([type=hidden]),select,textarea,button";
  function shortName(text) {
    const t = squash(text).replace(/\s*[:*]+$/, "");
    return t.length <= SHOWN_MAX ? t : "";
  }
  const shownText = (node) => shortName(node.nodeType === 1 ? textWithoutControls(node) : node.textContent);
  function shownLabel(el) {
    const cell = el.closest("td,th");
    if (cell && cell.querySelectorAll(HOLDS_CONTROL).length === 1) {
      for (let c = cell.previousElementSibling; c; c = c.previousElementSibling) {
        if (c.querySelector(HOLDS_CONTROL)) break;
        if (squash(c.textContent)) return shownText(c);
      }
    }
    for (let n = el.previousSibling; n; n = n.previousSibling) {
      if (n.nodeType === 1 && (n.matches(HOLDS_CONTROL + ",label") || n.querySelector(HOLDS_CONTROL))) break;
      if (n.nodeType === 1 && n.localName === "br") continue;
      if (n.nodeType === 1 && !visible(n)) continue;
      if (squash(n.textContent)) return shownText(n);
    }
    return namedByButton(el);
  }
  // A form of one field and one button ("[      ] [Search]"): the button says what the field is for.
  function namedByButton(el) {
    const form = el.form;
    if (!form) return "";
    const shown = Array.from(form.elements).filter((e) => visible(e));
    const fields = shown.filter(isControl);
    const buttons = shown.filter((e) => e.localName === "button" || /^(submit|image)$/.test((e.type || "").toLowerCase()));
    if (fields.length !== 1 || buttons.length !== 1) return "";
    const b = buttons[0];
    return shortName(b.value || b.textContent || b.getAttribute("aria-label") || b.getAttribute("alt"));
  }
  // Mark the visible fields whose name (as labelOf reads it) is `label`, for a locator to find them.
  function markByLabel(label) {
    const want = squash(label).toLowerCase();
    let count = 0;
    quietly(() => {
      document.querySelectorAll("[data-empathy-find]").forEach((n) => n.removeAttribute("data-empathy-find"));
      document.querySelectorAll("input,select,textarea").forEach((el) => {
        if (isControl(el) && visible(el) && labelOf(el).toLowerCase() === want) { el.setAttribute("data-empathy-find", ""); count++; }
      });
    });
    return count;
  }
  function groupLabel(el) {
    const group = el.closest("fieldset,[role=radiogroup],[role=group]");
    if (!group) return "";
    const by = group.getAttribute("aria-labelledby");
    if (by) return textById(el.ownerDocument, by);
    if (group.getAttribute("aria-label")) return squash(group.getAttribute("aria-label"));
    const legend = group.querySelector("legend");
    return legend ? squash(legend.textContent) : "";
  }
  function errorFor(el) {
    const doc = el.ownerDocument;
    const ids = [el.getAttribute("aria-errormessage"), el.getAttribute("aria-describedby")].filter(Boolean).join(" ");
    const parts = [];
    for (const id of ids.split(/\s+/).filter(Boolean)) {
      const n = doc.getElementById(id);
      if (!n || !inAccessibilityTree(n)) continue;
      const errorish = /error|invalid|danger|warning/i.test(classText(n) + " " + id) ||
        n.getAttribute("role") === "alert" || el.getAttribute("aria-errormessage") === id;
      if (errorish || el.getAttribute("aria-invalid") === "true") {
        if (!/hint|help|description/i.test(classText(n) + " " + id) || errorish) parts.push(squash(n.textContent));
      }
    }
    return squash(parts.join(" "));
  }
  const PERSONAL = /\b(email|tel|password|name|given-name|family-name|username|street-address|postal-code|bday)\b/i;
  function describe(el) {
    sight(el);
    const type = el.localName === "input" ? (el.type || "text").toLowerCase() : el.localName;
    const secret = isSecret(el);
    const options = [];
    if (el.localName === "select") {
      for (const o of el.options) { if (options.length >= MAX_OPTIONS) break; if (o.value !== "") options.push(squash(o.textContent)); }
    } else if (el.list) {
      for (const o of el.list.options) { if (options.length >= MAX_OPTIONS) break; options.push(squash(o.value || o.textContent)); }
    }
    const val = rawValue(el);
    const init = initial.get(el);
    const invalid = el.getAttribute("aria-invalid") === "true" || (el.matches(":user-invalid") === true);
    const lab = cut(labelOf(el));
    return {
      selector: selectorOf(el),
      label: lab.text,
      placeholder: squash(el.getAttribute("placeholder")),
      name: el.getAttribute("name") || "",
      id: el.id || "",
      type,
      autocomplete: squash(el.getAttribute("autocomplete")).toLowerCase(),
      required: !!(el.required || el.getAttribute("aria-required") === "true"),
      initial_value: secret && init ? MASK : cut(init === undefined ? val : init).text,
      value: secret && val ? MASK : cut(val).text,
      options,
      invalid,
      error: cut(invalid || errorFor(el) ? errorFor(el) : "").text,
      secret,
      group: groupLabel(el),
      form: el.form ? selectorOf(el.form) : "",
      focused: el === el.ownerDocument.activeElement, // where a screen reader is when the step ends
      // a look-up, not a detail: a search box, or a form that only reads (method="get"), unless the
      // field says by its type or autocomplete that it asks for something about the person
      query: type === "search" || !!el.closest("[role=search],search") ||
        !!(el.form && (el.form.getAttribute("method") || "").toLowerCase() === "get" && !PERSONAL.test(
          type + " " + (el.getAttribute("autocomplete") || ""))),
    };
  }
  function controls() {
    const out = [];
    const radios = new Map();
    let total = 0;
    for (const el of document.querySelectorAll("input,select,textarea")) {
      if (!isControl(el) || !visible(el) && !(el.type === "radio" || el.type === "checkbox" || el.type === "file")) continue;
      if (!visible(el) && !visible(el.labels && el.labels[0])) continue;
      if (out.length >= MAX_CONTROLS) { total++; continue; }
      if ((el.type || "").toLowerCase() === "radio" && el.name) {
        // A radio group is one question: label = legend, options = each radio's label.
        const key = (el.form ? selectorOf(el.form) : "") + "|" + el.name;
        let g = radios.get(key);
        if (!g) {
          g = describe(el);
          g.selector = `input[type="radio"][name="${el.name.replace(/"/g, '\\"')}"]`;
          g.label = g.group || g.label;
          g.options = [];
          g.value = "";
          g.initial_value = "";
          radios.set(key, g);
          out.push(g);
        }
        const lab = squash(el.labels && el.labels.length ? textWithoutControls(el.labels[0]) : el.value);
        if (g.options.length < MAX_OPTIONS) g.options.push(lab);
        if (el.checked) g.value = lab;
        if (initial.get(el) === "checked") g.initial_value = lab;
        g.required = g.required || el.required;
        g.invalid = g.invalid || el.getAttribute("aria-invalid") === "true";
        continue;
      }
      out.push(describe(el));
    }
    return { controls: out, total: total + out.length };
  }

  // ---------- messages ----------
  // Site chrome: what a message never spans (a footer glued to a confirmation is not the confirmation).
  const LANDMARKS = "main,nav,header,footer,aside,[role=main],[role=navigation],[role=banner],[role=contentinfo]," +
    "[role=complementary],[role=search]";
  const CONTROL_TAGS = /^(script|style|button|a|label|input|select|textarea|option|nav)$/;
  const CONTROL_ROLES = /^(button|link|menuitem|tab|navigation)$/;
  const canSpeak = (el) => !CONTROL_TAGS.test(el.localName) && !CONTROL_ROLES.test(roleOf(el));
  const BLOCK = /^(address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|td|th|tr|ul)$/;
  const DISMISS = /^\s*(×|✕|✖|x)\s*$|\b(close|dismiss|hide)\b/i;
  function dismisses(el) {
    // A message's own close button or link ("×", "Dismiss"): a control, not part of what it says.
    if (!/^(button|a)$/.test(el.localName) && roleOf(el) !== "button") return false;
    return DISMISS.test(squash(el.getAttribute("aria-label") || el.getAttribute("title") || el.textContent)) ||
      /(^|[-_\s])(close|dismiss)/i.test(classText(el));
  }
  const DROPPABLE = LANDMARKS + ",button,a,[role=button]";
  function blockText(el) {
    // The block's words without nested landmarks or its close control, blocks kept apart by a space
    // (textContent glues "Sent.Next"): only walked when such a part is inside, else innerText as before.
    const drop = (n) => n.matches(LANDMARKS) || dismisses(n);
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
      if (/^(header|footer)$/.test(n.localName) && n.parentElement &&
          n.parentElement.closest("main,article,section,aside,nav,[role=main]")) continue;
      return LANDMARK_ROLE[n.localName] || "";
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
    "[class*=error i]", "[class*=invalid i]", "[class*=alert i]", "[class*=banner i]", "[class*=callout i]",
    "[class*=confirmation i]", "[class*=success i]", "[class*=empty i]", "[class*=message i]", "[class*=msg i]",
    "[class*=bubble i]", "[class*=greeting i]", "[class*=welcome i]", "[class*=panel i]", "[class*=lead i]",
    "[class*=warning i]", "[class*=nothing i]", "[class*=no-result i]", "[class*=noresult i]", "[class*=not-found i]",
    "main p", "[role=main] p", "main dd", "main li", "body > p", "body > div > p",
    // what a page says under its heading, with or without a <main>: "We've emailed you instructions ..."
    "h1 ~ p", "h2 ~ p", "h1 ~ div > p", "h2 ~ div > p",
    // a table row reads as one line ("HM-4821 Water leak Being assessed"): lists of claims, orders, history
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
  const outerOf = (el) => (OUTER_ROLES.has(roleOf(el)) ||
    (el.hasAttribute("aria-live") && el.getAttribute("aria-live") !== "off" && roleOf(el) !== "log") ||
    (OUTER_CLASS.test(classText(el)) && !/^h[1-6]$/.test(el.localName))) &&
    !el.querySelector(LANDMARKS); // a page wrapper named "confirmation-page" holds a footer: layout, not a message
  function isChatContainer(el) {
    // A "messages" list in a status or alert region is a framework's notices (flash messages), not a chat.
    return (roleOf(el) === "log" || (!OUTER_ROLES.has(roleOf(el)) &&
      /\b(chat|conversation)[-_]?(log|messages|history|transcript|thread|body|stream)\b|\bmessage-?list\b|\bmessages\b/i.test(classText(el)))) &&
      !el.querySelector("main,[role=main],form"); // a page's wrapper, not a conversation
  }
  const ITEM_KIND = "[class*=error i],[class*=danger i],[class*=warning i],[class*=success i],[class*=info i]";
  function kindClass(el, outer) {
    // A region's own class, and its notice's ("messages" + "error"): the item says what kind it is.
    const item = outer ? el.querySelector(ITEM_KIND) : null;
    return (classText(el) + (item ? " " + classText(item) : "")).slice(0, 200);
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
    const doc = el.ownerDocument;
    if (el.id) {
      const ctl = doc.querySelector(`[aria-describedby~="${cssEsc(el.id)}"],[aria-errormessage="${cssEsc(el.id)}"]`);
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
  function units() {
    outerMemo = new Map();
    const cands = Array.from(document.querySelectorAll(SELECTOR)).slice(0, MAX_CANDIDATES);
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
      let covered = false;
      let chatAncestor = null;
      for (let a = el.parentElement; a; a = a.parentElement) {
        if (chatItems.has(a)) { covered = true; break; }
        if (set.has(a) && isOuter(a) && !isChatContainer(a)) { covered = true; break; }
        if (isChatContainer(a)) { chatAncestor = a; }
      }
      if (covered) continue;
      const outer = isOuter(el);
      const role = roleOf(el);
      if (role !== "alertdialog" && el.querySelector("input:not([type=hidden]),select,textarea")) continue;
      // Generic containers give way to the candidates inside them.
      if (!outer && !chatItems.has(el) && role !== "heading" && holds.has(el)) continue;
      out.push({ el, chat: chatItems.has(el) || !!chatAncestor && MESSAGE_CLASS.test(classText(el)) });
    }
    for (const el of chatItems) {
      if (!set.has(el) && !el.matches(LANDMARKS) && !el.querySelector(LANDMARKS + ",input:not([type=hidden]),select,textarea")) {
        out.push({ el, chat: true });
      }
    }
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
  function info(el, chat) {
    const own = chat ? null : blockText(el);
    const c = cut(chat ? spokenText(el) : own !== null && squash(own) ? own
      : (el.innerText !== undefined && visible(el) ? el.innerText : el.textContent));
    const f = fieldFor(el);
    const region = chat && !liveOf(el) ? liveContainer(el) : null;
    return {
      text: c.text, cut: c.cut, role: roleOf(el) || (region ? region.role : ""), live: liveOf(el) || (region ? region.live : ""),
      tag: el.localName,
      cls: kindClass(el, isOuter(el)), id_attr: el.id || "", selector: selectorOf(el),
      visible: visible(el) && !srOnly(el), chat, speaker: chat || el.hasAttribute("data-speaker") ? speakerHints(el) : "",
      field: f ? labelOf(f.ctl) : "", field_tied: !!(f && f.tied), field_invalid: !!(f && f.ctl.getAttribute("aria-invalid") === "true"),
      in_main: !!el.closest("main,[role=main]"), in_dialog: !!el.closest("[role=dialog],[role=alertdialog],dialog"),
      chrome: !!liveOf(el) && chromeRegion(el, c.text), landmark: landmarkOf(el),
      focused: !!document.activeElement && document.activeElement !== document.body && el.contains(document.activeElement),
    };
  }
  let scanTimer = 0;
  let lastScan = 0;
  let busyKey = "";
  function scan() {
    scanTimer = 0;
    lastScan = performance.now();
    if (!document.documentElement) return;
    if (shown) sightAll();
    const seen = new Set();
    for (const { el, chat } of units()) {
      if (!inAccessibilityTree(el)) continue;
      const text = squash(el.textContent);
      if (!text) continue;
      seen.add(el);
      const old = tracked.get(el);
      if (old && old.raw === text) continue;
      if (old) send("gone", { id: old.id });
      const id = nextId++;
      tracked.set(el, { id, raw: text });
      send("message", Object.assign({ id }, info(el, chat)));
    }
    for (const [el, old] of tracked) {
      if (!seen.has(el)) { send("gone", { id: old.id }); tracked.delete(el); }
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
  function scheduleScan() {
    if (scanTimer) return;
    const wait = Math.max(0, SCAN_EVERY_MS - (performance.now() - lastScan));
    scanTimer = setTimeout(scan, wait);
  }

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
  function domChanged(records) {
    if (expiring(records)) { scheduleScan(); return; } // the scan reports them "gone"
    const t = now();
    lastChange = t;
    const wake = unsettled(); // the page had said it was quiet: this change goes out at once
    pendingDom = t;
    if (t - lastDomSent >= DOM_EVERY_MS) {
      lastDomSent = t;
      pendingDom = 0;
      send("dom", { at: t }, wake);
    } else if (!domTimer) {
      domTimer = setTimeout(() => {
        domTimer = 0;
        if (pendingDom) { lastDomSent = now(); send("dom", { at: pendingDom }); pendingDom = 0; }
      }, DOM_EVERY_MS);
    }
    scheduleScan();
  }
  const observer = new MutationObserver(domChanged);
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });

  // ---------- settling: the page tells when it went quiet (no round trip from Python) ----------
  // Once no DOM change came for QUIET_MS by the page's clock, it reports "quiet": when it last changed and
  // the timers it has due within TIMER_HORIZON_MS (a toast or answer it scheduled); again whenever such a
  // timer is set, fires or is cleared. The first change after a report goes out at once.
  const QUIET_MS = 100;
  const TIMER_HORIZON_MS = 1000;
  let lastChange = now();
  let quietTimer = 0;
  let reported = false;
  const pending = new Map(); // the page's own setTimeout ids -> [when set, when due] (page clock)
  function reportQuiet() {
    quietTimer = 0;
    const t = now();
    if (t - lastChange < QUIET_MS) { quietTimer = setTimeout(reportQuiet, lastChange + QUIET_MS - t); return; }
    const timers = [];
    for (const [set, due] of pending.values()) if (due <= t + TIMER_HORIZON_MS && timers.length < 50) timers.push([set, due]);
    reported = true;
    send("quiet", { last: lastChange, timers }, true);
  }
  function unsettled() {
    const was = reported;
    reported = false;
    if (!quietTimer) quietTimer = setTimeout(reportQuiet, QUIET_MS);
    return was;
  }
  function timersMoved() { if (reported) reportQuiet(); }
  window.setTimeout = function (handler, delay, ...args) {
    if (typeof handler !== "function" || (Number(delay) || 0) > TIMER_HORIZON_MS) return setTimeout(handler, delay, ...args);
    const id = setTimeout(function () {
      pending.delete(id);
      try { return handler.apply(this, arguments); } finally { timersMoved(); }
    }, delay, ...args);
    pending.set(id, [now(), now() + Math.max(0, Number(delay) || 0)]);
    timersMoved();
    return id;
  };
  window.clearTimeout = function (id) { if (pending.delete(id)) timersMoved(); return clearTimeout(id); };
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

  // ---------- long tasks: the main thread busy 50 ms or more is the site's time, as a request is ----------
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) send("longtask", { at: performance.timeOrigin + e.startTime, ms: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch (e) { /* a browser without long-task timing */ }

  // ---------- clicks and submits ----------
  function clickable(el) {
    return el && el.closest ? el.closest("button,a,[role=button],[role=link],input,select,label,summary") || el : el;
  }
  let typed = 0; // input events so far on this visit: clicks with typing between them are not one burst
  document.addEventListener("input", () => { typed++; }, true);
  document.addEventListener("click", (ev) => {
    const el = clickable(ev.target);
    if (!el || el.nodeType !== 1) return;
    const type = (el.getAttribute("type") || "").toLowerCase();
    const submit = (el.localName === "button" && (type === "submit" || (!type && !!el.form))) ||
      (el.localName === "input" && (type === "submit" || type === "image"));
    // A radio, checkbox or field (or its label) answers a click itself, without changing the DOM.
    const own = isControl(el) || (el.localName === "label" && isControl(el.control));
    const click = send("click", {
      x: ev.clientX, y: ev.clientY, selector: selectorOf(el), tag: el.localName,
      name: squash(el.getAttribute("aria-label") || el.innerText || el.value || "").slice(0, 120), submit, typed, own,
      validation_blocked: false,
    });
    // The browser validates after the click's listeners, in the same task: `invalid` events fired
    // before the next task are this click's submit being stopped (required, type=email, pattern, min/max).
    clicking = { click, reported: false };
    setTimeout(() => { clicking = null; }, 0);
  }, true);
  let clicking = null;
  document.addEventListener("invalid", (ev) => {
    if (!clicking || !isControl(ev.target)) return;
    clicking.click.validation_blocked = true; // still queued: batches go out on a later task
    if (clicking.reported) return;
    clicking.reported = true;
    const ctl = ev.target;
    setTimeout(() => { // after the page's own handlers: a page that cancels the event shows its own words
      if (ev.defaultPrevented || !ctl.validationMessage) return; // (the browser speaks its bubble: assertive)
      send("message", {
        id: nextId++, text: cut(ctl.validationMessage).text, cut: 0, role: "", live: "assertive", tag: ctl.localName,
        cls: "", id_attr: "", selector: selectorOf(ctl), visible: true, chat: false, speaker: "",
        field: labelOf(ctl), field_tied: true, field_invalid: true, in_main: !!ctl.closest("main,[role=main]"),
        in_dialog: false, browser_validation: true,
      });
    }, 0);
  }, true);
  document.addEventListener("submit", (ev) => {
    send("submit", { selector: selectorOf(ev.target), action: ev.target.action || "" }, true);
  }, true);
  for (const evt of ["focusin", "mousedown", "keydown", "beforeinput", "pointerdown"]) {
    document.addEventListener(evt, (ev) => sight(ev.target), true);
  }
  window.addEventListener("pageshow", (ev) => {
    if (ev.persisted) { // restored from the back-forward cache: a new visit for the person
      initial = new WeakMap();
      send("visit", { restored: true, top: window === window.top });
    }
    // After the page's own load and pageshow handlers (which may clear or fill fields).
    setTimeout(() => { shown = true; sightAll(); scan(); }, 0);
  });
  document.addEventListener("DOMContentLoaded", () => scan());
  send("visit", { restored: false, top: window === window.top });

  function landmarkLinks() {
    // The links of the page's header, footer, navigation and side panels: where a site keeps "Contact" or
    // "Help" (a way to reach a person) on every page.
    const out = [];
    for (const a of document.querySelectorAll(
      "header a, footer a, nav a, aside a, [role=banner] a, [role=contentinfo] a, [role=navigation] a, [role=complementary] a")) {
      const text = squash(a.textContent || a.getAttribute("aria-label") || "").slice(0, 80);
      if (text && visible(a) && !out.includes(text)) out.push(text);
      if (out.length >= 40) break;
    }
    return out;
  }

  window.__empathy = {
    visit,
    describe: (el) => describe(el),
    markByLabel: (label) => markByLabel(label),
    mask: (selectors, secrets) => mask(selectors, secrets),
    unmask: () => unmask(),
    snapshot(paint) {
      // One round trip: the controls come back as the call's result (a JSON string: cheap to decode),
      // messages seen up to now go out through the binding first; `paint` = [selectors, secrets] also
      // paints the screenshot masks (the step's end needs both).
      if (scanTimer) { clearTimeout(scanTimer); scan(); } // only when a change is still unscanned
      flush();
      const c = controls();
      const painted = Array.isArray(paint) ? (mask(paint[0], paint[1]), true) : false;
      return JSON.stringify({ controls: c.controls, total: c.total, title: document.title || "", painted,
        lang: document.documentElement.lang || "", links: landmarkLinks() });
    },
  };
})();
