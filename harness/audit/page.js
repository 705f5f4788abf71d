// empathy audit: what one page offers a person (links, forms, search boxes, dialogs), read once per page.
// Controls are described by the recorder's own page script (window.__empathy.describe), so the audit
// names a field exactly as the steps and the checks will.
() => {
  const squash = (t) => (t || "").replace(/\s+/g, " ").trim();
  // a single-page app's shell has no words until its script has drawn the page: not read yet (null: poll again)
  if (document.readyState !== "complete" || !document.body || !squash(document.body.innerText) &&
      !document.body.querySelector("a[href],input,button,img,svg,video,canvas,iframe,object,embed")) return null;
  const visible = (el) => !!el && !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length) &&
    getComputedStyle(el).visibility !== "hidden";
  const SKIP = new Set(["hidden", "submit", "button", "image", "reset"]);
  // a value names a button, not a box: a tick box's value is what it sends ("on"), never what a person reads
  const nameOf = (el) => squash(el.getAttribute("aria-label") || el.innerText ||
    (el.localName !== "input" || SKIP.has((el.type || "").toLowerCase()) ? el.value : "") || el.getAttribute("title") ||
    (el.matches("input[type=submit]") ? "Submit" : ""));  // the browser's own words on a submit with no value
  // a box marked as a button or menu item (a skin's "More" menu opened by a hidden tick box) is pressed, not answered
  const PRESSED = /^(button|menuitem|menuitemcheckbox|menuitemradio|tab)$/i;
  const isControl = (el) => el.matches("input,select,textarea") && !SKIP.has((el.type || "").toLowerCase()) &&
    !PRESSED.test(el.getAttribute("role") || "") && !el.disabled &&
    (visible(el) || ((el.type === "radio" || el.type === "checkbox") && el.labels && visible(el.labels[0])));
  const describe = (el) => window.__empathy ? window.__empathy.describe(el) : { label: squash(el.name), type: el.type };
  const isSubmit = (el) => visible(el) && (el.matches("input[type=submit],input[type=image]") ||
    (el.localName === "button" && (el.type || "submit").toLowerCase() === "submit"));
  // a button another one lies on (a skin's "Search" under its "Go") takes no click: a person presses the one on top
  const onTop = (el) => { const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return !top || el.contains(top) || !top.closest("button,input,[role=button]"); };
  const isButton = (el) => isSubmit(el) && !el.disabled;
  const robots = squash((document.querySelector("meta[name=robots]") || {}).content || "").toLowerCase();
  const links = [];
  for (const a of document.querySelectorAll("a[href]")) {
    if (!visible(a)) continue;
    links.push({ href: a.href, rel: squash(a.rel).toLowerCase(), text: nameOf(a).slice(0, 120) });
  }
  // a GET form of one box whose button or box says search (name="q", "Search", "Find"): a search box
  const SEARCH = /\b(search|find|look ?up|q|query|keywords?)\b/i;
  const isLookup = (f, controls, buttons) => (f.getAttribute("method") || "get").toLowerCase() === "get" &&
    controls.length === 1 && [...buttons, ...said(controls[0])].some((t) => SEARCH.test(t));
  const said = (c) => [c.name, c.placeholder || "", c.getAttribute("aria-label") || ""];
  // what describes a field (its hint: "for example HM-1234567"), where a page shows the answers it accepts
  const hintOf = (c) => squash((c.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean)
    .map((id) => (document.getElementById(id) || {}).textContent || "").join(" ")).slice(0, 200);
  const described = (c) => ({ ...describe(c), hint: hintOf(c) });
  // the attribute, not `f.action`: a control named "action" (a wizard's buttons, name=action) hides that property,
  // and every step of the wizard then read as one form sending to one address; as the browser resolves it (a page
  // with no base to resolve against, about:blank, keeps the attribute as written)
  const actionOf = (f) => {
    const written = f.getAttribute("action") || "";
    try { return new URL(written, location.href).href; } catch (e) { return written || location.href; }
  };
  const forms = [];
  const inForms = new Set();
  for (const f of document.forms) {
    const all = Array.from(f.elements).filter(isControl);
    all.forEach((c) => inForms.add(c));
    // a control with no name is not sent with a form that names the others: a widget (a list's filter box)
    const controls = all.some((c) => c.name) ? all.filter((c) => c.name || c.type === "radio") : all;
    // a button greyed out until the form is filled ("Login" in a sign-in dialog) is still the form's button
    const usable = Array.from(f.elements).filter(isButton);
    const enabled = (usable.some(onTop) ? usable.filter(onTop) : usable).map(nameOf).filter(Boolean);
    const buttons = enabled.length ? enabled : Array.from(f.elements).filter(isSubmit).map(nameOf).filter(Boolean);
    if (!buttons.length) continue;  // a form of buttons only ("Proceed with checkout") can move a flow on
    const heading = f.querySelector("legend,h1,h2,h3") || Array.from(document.querySelectorAll("h1")).find(visible);
    forms.push({
      method: (f.getAttribute("method") || "get").toLowerCase(), action: actionOf(f),
      search: f.getAttribute("role") === "search" || !!f.closest("[role=search]") ||
        controls.some((c) => c.type === "search") || isLookup(f, controls, buttons),
      words: squash(heading ? heading.textContent : "").slice(0, 200),
      buttons, controls: controls.map(described),
      // the browser itself refuses to send it empty (a required box, no `novalidate`, a button that can be
      // pressed): its bubble, not the site; a greyed-out button's silence is the site's own answer
      refusesEmpty: enabled.length > 0 && !f.noValidate &&
        controls.some((c) => c.required && c.willValidate && !c.value),
    });
  }
  // controls outside any form (single-page apps): one form per page, pressed with its visible buttons
  const loose = Array.from(document.querySelectorAll("input,select,textarea")).filter((c) => !inForms.has(c) && isControl(c));
  if (loose.length) {
    const buttons = Array.from(document.querySelectorAll("button,[role=button]")).filter((b) => visible(b) && !b.form &&
      !b.disabled && nameOf(b)).map(nameOf).slice(0, 5);
    const search = loose.some((c) => c.type === "search") || loose.length === 1 && said(loose[0]).some((t) => SEARCH.test(t));
    if (buttons.length) forms.push({ method: "script", action: location.href, search,
      words: squash((Array.from(document.querySelectorAll("h1")).find(visible) || {}).textContent || "").slice(0, 200), buttons,
      controls: loose.map(described) });
  }
  const dialogs = document.querySelectorAll("dialog,[role=dialog],[role=alertdialog],[aria-haspopup=dialog]").length;
  // buttons outside any form that may show one (a sign-in dialog behind "Login"): the scout decides which to press
  const openers = Array.from(document.querySelectorAll("button,[role=button]")).filter((b) => visible(b) &&
    !b.disabled && !b.closest("form,a") && !isSubmit(b) && nameOf(b)).slice(0, 40).map((b) => ({ name: nameOf(b).slice(0, 80),
    dialog: /^(dialog|true)$/i.test(b.getAttribute("aria-haspopup") || "") ||
      /modal/i.test(b.getAttribute("data-toggle") || b.getAttribute("data-bs-toggle") || "") }));
  const status = (performance.getEntriesByType("navigation")[0] || {}).responseStatus || 0;  // 404: a broken link's page
  return { url: location.href, title: squash(document.title), robots, links, forms, dialogs, openers, status };
}
