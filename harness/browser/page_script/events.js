// What the person does and the page answers: long tasks, clicks, submits; the API for Python.
// A part of the recorder's page script: recorder.py joins the parts in order inside one closure.
// ---------- long tasks: the main thread busy 50 ms or more is the site's time, as a request is ----------
// Not one to ride: a wait that outlived its timeout while the page was frozen goes on only once it hears of the task.
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      send("longtask", { at: performance.timeOrigin + e.startTime, ms: e.duration }, BATCH_MS);
    }
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
  send("submit", { selector: selectorOf(ev.target), action: ev.target.action || "" });
}, true);
// ---------- leaving: the page began to go to another (a link followed, a form sent, a script's push) ----------
// The Navigation API tells it on the page's own clock, before the next page's request; the harness's own goto,
// reload and back come from the browser, not the page, and are pushes or replaces of no navigate event here.
if (window.navigation && navigation.addEventListener) {
  navigation.addEventListener("navigate", (ev) => {
    if (ev.navigationType === "push" || ev.navigationType === "replace") send("leaving", {});
  });
}
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

function besideForms() {
  // The links right beside a form, in the block that holds it and nothing but it among forms (a sign-in form's
  // "I don't know my password" in a div after it): up past wrappers that hold only the form, at most 12 links.
  const out = [];
  for (const form of Array.from(document.forms).slice(0, 5)) {
    let box = form;
    while (box.parentElement && box.parentElement !== document.body && box.parentElement.children.length === 1) {
      box = box.parentElement;
    }
    const around = box.parentElement;
    if (!around || around === document.body || around.querySelectorAll("form").length !== 1) continue;
    const links = around.querySelectorAll("a");
    if (links.length <= 12) out.push(...links);
  }
  return out;
}
function landmarkLinks() {
  // The links of the page's header, footer, navigation and side panels: where a site keeps "Contact" or
  // "Help" (a way to reach a person) on every page; and a form's own links, where a sign-in form keeps
  // "Forgot your password?" and "Help with logging in" under its button or beside it.
  const out = [];
  for (const a of [...document.querySelectorAll(
    "header a, footer a, nav a, aside a, [role=banner] a, [role=contentinfo] a, [role=navigation] a, " +
    "[role=complementary] a, form a, " + NAMED_LANDMARKS.replace(/,/g, " a, ") + " a"), ...besideForms()]) {
    const text = squash(a.textContent || a.getAttribute("aria-label") || "").slice(0, 80);
    if (text && visible(a) && !out.includes(text)) out.push(text);
    if (out.length >= 40) break;
  }
  return out;
}

function signInValues() {
  // A sign-in page's fields' values (to tell whether what was typed before came along), or null: no visible password.
  return Array.from(document.querySelectorAll("input[type=password]")).some((e) => e.checkVisibility())
    ? Array.from(document.querySelectorAll("input,textarea")).map((e) => e.value) : null;
}

window.__empathy = {
  visit,
  describe: (el) => describe(el),
  covered: (el) => covered(el),
  starting: () => starting(),
  fieldsNamed: (label) => fieldsNamed(label),
  boxesUnder: (label) => boxesUnder(label),
  regionNamed: (name) => regionNamed(name),
  boxesHeaded: (name) => boxesHeaded(name),
  sectionOf: (el) => sectionOf(el),
  mask: (selectors, secrets) => mask(selectors, secrets),
  unmask: () => unmask(),
  held: () => { send("held", {}, 0); }, // a double click's guard held its second click back (press.py)
  snapshot(paint) {
    // One round trip: the controls come back as the call's result (a JSON string: cheap to decode),
    // messages seen up to now go out through the binding first; `paint` = [selectors, secrets] also
    // paints the screenshot masks (the step's end needs both).
    if (scanTimer) { clearTimeout(scanTimer); scan(); } // only when a change is still unscanned
    flush();
    const c = controls();
    const painted = Array.isArray(paint) ? (mask(paint[0], paint[1]), true) : false;
    return toJson({ controls: c.controls, total: c.total, title: document.title || "", painted,
      lang: document.documentElement.lang || "", links: landmarkLinks(), sign_in: signInValues() });
  },
};
