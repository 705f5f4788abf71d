// Finds the widgets a person names by what they see (a drop-down's current option, an item's name, a menu),
// and marks the chosen elements with data-empathy-pick="<token>-<part>" so Playwright can act on them.
// Called by harness/browser/widgets.py as page.evaluate(<this file>, {fn, token, ...}).
(a) => {
  const norm = (s) => (s || "").replace(/\s+/g, " ").trim().toLowerCase();
  const visible = (el) => {
    if (!el || !el.getClientRects().length) return false;
    const st = getComputedStyle(el);
    return st.visibility !== "hidden" && st.display !== "none";
  };
  const mark = (el, part) => { el.setAttribute("data-empathy-pick", `${a.token}-${part}`); return true; };
  const shown = (el) => (el.getAttribute("aria-label") || el.innerText || el.value || el.title || "")
    .replace(/\s+/g, " ").trim().slice(0, 80);  // a control's name as the page writes it, for the transcript
  const nameOf = (el) => norm(el.getAttribute("aria-label") || el.innerText || el.value || el.title ||
    (el.querySelector("img[alt]") || {}).alt || "");
  // The name of a control that is not drawn (in a closed menu): its elements' words apart, as they show once drawn;
  // a hidden element's innerText is its bare text, which glues an icon font's word to its words ("exit_to_appLog Out")
  const hiddenName = (el) => el.getAttribute("aria-label") || norm([...(function* walk(n) {
    for (const c of n.childNodes) { if (c.nodeType === 3) yield c.data; else if (c.nodeType === 1) yield* walk(c); }
  })(el)].join(" ")) || nameOf(el);
  const labelOf = (el) => norm([...(el.labels || [])].map((l) => l.innerText).join(" ") ||
    el.getAttribute("aria-label") || "");
  // The text next to a control: its parent's text without the control's own, widening up to three levels.
  const nearby = (el) => {
    let node = el;
    for (let i = 0; i < 3 && node.parentElement; i++) {
      node = node.parentElement;
      const text = norm(node.innerText).replace(norm(el.innerText), " ").trim();
      if (text) return text;
    }
    return "";
  };

  if (a.fn === "dropdown") {
    const hint = norm(a.hint), option = norm(a.option);
    let best = null, bestScore = 0;
    for (const sel of document.querySelectorAll("select")) {
      if (!visible(sel) || sel.disabled) continue;
      const options = [...sel.options].map((o) => [norm(o.textContent), norm(o.value)]);
      const has = options.some(([t, v]) => t === option || v === option) ||
        options.some(([t]) => option && t.includes(option));
      if (!has) continue;
      const current = sel.selectedIndex >= 0 ? norm(sel.options[sel.selectedIndex].textContent) : "";
      let score = 1;
      if (hint) {
        if (current === hint || labelOf(sel) === hint) score = 4;
        else if (current.includes(hint) || labelOf(sel).includes(hint)) score = 3;
        else if (nearby(sel).includes(hint)) score = 2;
        else continue;
      }
      if (score > bestScore) { best = sel; bestScore = score; }
    }
    return best ? mark(best, "list") : false;
  }

  if (a.fn === "item") {
    // The innermost visible element whose text names the item, then the nearest ancestor holding a
    // quantity control or an add button: that ancestor is the item's card, row or form.
    const want = norm(a.name);
    const QTY = "input[type=number], [role=spinbutton], input[name*=qty i], input[name*=quant i], " +
      "select[name*=qty i], select[name*=quant i], input[type=checkbox]";
    const ADD = /\b(add|buy|order|basket|cart|bag|book)\b/i;
    const addButtons = (root) => [...root.querySelectorAll("button, input[type=submit], [role=button], a")]
      .filter((b) => visible(b) && !b.disabled && ADD.test(nameOf(b)));
    const named = [...document.body.querySelectorAll("*")].filter((el) => {
      if (!visible(el) || ["SCRIPT", "STYLE", "OPTION", "SELECT"].includes(el.tagName)) return false;
      const text = norm(el.innerText);
      return text.includes(want) && ![...el.children].some((c) => visible(c) && norm(c.innerText).includes(want));
    });
    named.sort((x, y) => (norm(x.innerText) === want ? 0 : 1) - (norm(y.innerText) === want ? 0 : 1));
    for (const el of named) {
      for (let node = el, depth = 0; node && node !== document.body && depth < 10; node = node.parentElement, depth++) {
        const qty = [...node.querySelectorAll(QTY)].find(visible) ||
          [...node.querySelectorAll(QTY)].find((q) => q.type !== "checkbox" && q.type !== "hidden");
        const buttons = addButtons(node);
        if (!qty && !buttons.length) continue;
        if (qty) mark(qty, "qty");
        let button = buttons[0];
        if (!button) {  // the form's own add button (one button for every item of a product list)
          const form = node.closest("form");
          button = (form ? addButtons(form) : addButtons(document.body)).find((b) => b.type === "submit") ||
            (form ? addButtons(form) : [])[0];
        }
        if (button) mark(button, "add");
        return {qty: !!qty, add: button ? shown(button) : ""};
      }
    }
    return false;
  }

  if (a.fn === "menu") {
    // A control that opens a menu: aria-haspopup / aria-expanded / <summary> weigh most, then its name (`a.openers`:
    // only those).
    // An icon button with no name is known by what its authors called it (id, class, test id, icon).
    const words = a.words.map(norm).filter(Boolean);
    const patterns = words.map((w) => new RegExp(`(^|\\W)${w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|\\W)`));
    const code = (el) => norm([el, ...el.querySelectorAll("[class], [data-testid], [data-icon]")].map((e) =>
      `${e.id || ""} ${e.getAttribute("class") || ""} ${e.getAttribute("data-testid") || ""} ` +
      `${e.getAttribute("data-icon") || ""}`).join(" ").replace(/([a-z])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " "));
    let best = null, bestScore = 0;
    const all = document.querySelectorAll("button, a, [role=button], summary, [aria-haspopup], [aria-expanded]");
    for (const el of all) {
      if (!visible(el)) continue;
      const name = nameOf(el);
      const exact = words.some((w) => name === w);
      const named = exact || patterns.some((p) => p.test(name));
      if (!named && (name || !patterns.some((p) => p.test(code(el))))) continue;
      const opener = el.hasAttribute("aria-haspopup") || el.hasAttribute("aria-expanded") || el.tagName === "SUMMARY";
      if (a.openers && !opener) continue;  // only a control that says it opens something: never a link that leads away
      const score = (exact ? 2 : named ? 1 : 0.5) + (opener ? 3 : 0);
      if (score > bestScore) { best = el; bestScore = score; }
    }
    return best ? (mark(best, "menu") && (shown(best) || true)) : false;
  }

  if (a.fn === "search_toggle") {
    // A search box hidden until something is pressed (a magnifier icon in a header): the visible control that
    // shows it, by what points at the box (aria-controls, a data attribute or "#id" that selects its container),
    // by where it leads (the box's form's address), then by its name or icon saying "search". A search the page
    // builds only when pressed (a popup of its own) has no box yet: its control is known by its name alone, a
    // button's first ("Search this site"), its words whole ("Research" is no search).
    const boxes = [...document.querySelectorAll(
      "input[type=search], [role=search] input, search input, input[name=q], input[name*=search i], input[name*=query i]")]
      .filter((b) => b.type !== "hidden" && !visible(b));
    const said = new RegExp(boxes.length ? a.words : `\\b(?:${a.words})\\b`, "i");
    const path = (u) => { try { return new URL(u, location.href).pathname; } catch (e) { return null; } };
    const points = (el, box) => [...el.attributes].some((at) => {
      if (!/^(aria-controls|href|data-)/.test(at.name) || !at.value) return false;
      const ids = at.name === "aria-controls" ? at.value.split(/\s+/).map((id) => document.getElementById(id)) : [];
      let sel = [];
      try { sel = /^[#.[]/.test(at.value) ? [...document.querySelectorAll(at.value)] : []; } // "#panel", ".js-search"
      catch (e) { sel = []; }
      return [...ids, ...sel].some((t) => t && t.contains(box));
    });
    const code = (el) => [el, ...el.querySelectorAll("[class]")].map((e) => `${e.getAttribute("class") || ""}`).join(" ");
    let best = null, bestScore = 0;
    for (const el of document.querySelectorAll("a, button, [role=button], summary")) {
      const r = el.getBoundingClientRect(); // an empty icon link has nothing to press
      if (!visible(el) || !r.width || !r.height || boxes.some((b) => el.form === b.form && b.form)) continue;
      let score = 0;
      for (const box of boxes) {
        if (points(el, box)) score = Math.max(score, 4);
        else if (box.form && el.getAttribute("href") && path(el.href) === path(box.form.action)) score = Math.max(score, 2);
      }
      const name = nameOf(el);
      if (said.test(name) || (!name && said.test(code(el)))) score += boxes.length ? 1 : el.localName === "a" ? 1 : 2;
      if (score > bestScore) { best = el; bestScore = score; }
    }
    return best ? (mark(best, "toggle") && (shown(best) || "search")) : false;
  }

  if (a.fn === "menu_holding") {
    // A link or button the person wants (words `a.words`) kept in a closed menu (a sign-out link in the account menu
    // under their name): the visible control beside it that opens that menu. From the hidden control up, the first
    // container that also holds a visible control not inside the menu; an opener (aria-haspopup, aria-expanded, a
    // data-*toggle, <summary>) there first, else the first such control, as a person tries what sits at the menu.
    // Of several such menus (a responsive page's copy for small screens, hidden with its opener), one whose opener
    // shows first: the hidden copy's neighbour is only the site's name or a link that leads away.
    const said = new RegExp(a.words, "i");
    const CONTROLS = "a[href], button, [role=button], [role=menuitem], summary, input[type=submit]";
    const opens = (el) => el.hasAttribute("aria-haspopup") || el.hasAttribute("aria-expanded") ||
      el.tagName === "SUMMARY" || [...el.attributes].some((at) => /^data-(bs-)?toggle$/.test(at.name));
    let fallback = null;
    for (const want of document.querySelectorAll(CONTROLS)) {
      if (visible(want) || !said.test(hiddenName(want))) continue;
      let menu = want;
      for (let up = want.parentElement, depth = 0; up && up !== document.body && depth < 6;
           menu = up, up = up.parentElement, depth++) {
        const beside = [...up.querySelectorAll(CONTROLS)].filter((el) => !menu.contains(el) && !el.contains(want) &&
          visible(el) && el.getClientRects()[0].width > 0);
        if (!beside.length) continue;
        const opener = beside.find(opens);
        if (opener) return mark(opener, "opener") && (shown(opener) || "menu");
        fallback = fallback || beside[0];
        break;
      }
    }
    return fallback ? mark(fallback, "opener") && (shown(fallback) || "menu") : false;
  }

  if (a.fn === "editor") {
    // The page's text editor: a box to write in that no label names (a rich-text editor's contenteditable, a
    // multi-line textbox, a plain <textarea> a script grew from one row), the largest shown; and its name as a
    // person reads it: its own label, else the words shown over it while it is empty ("Begin writing your
    // post...", often a separate element laid on top).
    const EDITABLE = "[contenteditable=''], [contenteditable=true], [contenteditable=plaintext-only]";
    const TEXTAREA = "textarea:not([readonly]):not([disabled])";
    const area = (el) => { const r = el.getBoundingClientRect(); return r.width * r.height; };
    const box = [...document.querySelectorAll(`${EDITABLE}, [role=textbox][aria-multiline=true], ${TEXTAREA}`)]
      .filter((el) => visible(el) && area(el) > 0 && !(el.parentElement && el.parentElement.closest(EDITABLE)))
      .sort((x, y) => area(y) - area(x))[0];
    if (!box) return false;
    mark(box, "box");
    const by = (box.getAttribute("aria-labelledby") || "").split(/\s+/).map((id) => document.getElementById(id))
      .filter(Boolean).map((n) => n.innerText).join(" ");
    const own = by || [...(box.labels || [])].map((l) => l.innerText).join(" ") || box.getAttribute("aria-label") || box.getAttribute("aria-placeholder") ||
      box.getAttribute("data-placeholder") || box.getAttribute("placeholder") || "";
    if (own.trim()) return own.replace(/\s+/g, " ").trim().slice(0, 80);
    const r = box.getBoundingClientRect();
    for (let n = box.parentElement, i = 0; n && i < 3; n = n.parentElement, i++) {
      for (const c of n.children) {
        if (c.contains(box) || !visible(c)) continue;
        const t = (c.innerText || "").replace(/\s+/g, " ").trim(), q = c.getBoundingClientRect();
        if (t && t.length <= 80 && q.top < r.top + 24 && q.bottom > r.top && q.left < r.right && q.right > r.left) return t;
      }
    }
    return "the editor";
  }

  if (a.fn === "basket") {
    // The part of the page that is the basket: named cart/basket/bag by id, class, label or heading.
    const BASKET = /cart|basket|\bbag\b|your order|order summary/i;
    const want = norm(a.name);
    const regions = [...document.querySelectorAll("*")].filter((el) => visible(el) && (
      BASKET.test(`${el.id} ${el.className && el.className.baseVal === undefined ? el.className : ""} ` +
                  `${el.getAttribute("aria-label") || ""}`) ||
      (/^H[1-6]$/.test(el.tagName) && BASKET.test(el.innerText) && el.parentElement)));
    const scopes = [...new Set(regions.map((el) => (/^H[1-6]$/.test(el.tagName) ? el.parentElement : el)))]
      .filter((el, _, all) => !all.some((other) => other !== el && other.contains(el)));
    if (!scopes.length) return {found: false};
    for (const scope of scopes) {
      if (!norm(scope.innerText).includes(want)) continue;
      if (!a.quantity) return {found: true, holds: true};
      const rows = [...scope.querySelectorAll("*")].filter((el) => norm(el.innerText).includes(want));
      for (const row of rows.reverse()) {
        for (let node = row, d = 0; node && node !== scope.parentElement && d < 4; node = node.parentElement, d++) {
          const numbers = norm(node.innerText).replace(want, " ").match(/\d+/g) || [];
          const inputs = [...node.querySelectorAll("input, select")].map((i) => i.value);
          if (numbers.includes(String(a.quantity)) || inputs.includes(String(a.quantity))) return {found: true, holds: true};
        }
      }
    }
    return {found: true, holds: false, text: scopes.map((s) => s.innerText).join(" | ").replace(/\s+/g, " ").trim().slice(0, 300)};
  }
  return false;
}
