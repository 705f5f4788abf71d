// Form controls as a person meets them: their label, hint, error, value and form.
// A part of the recorder's page script: recorder.py joins the parts in order inside one closure.
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
    // a label tied to nothing (its `for` names no element on the page) is read as the name of the box after it
    if (n.nodeType === 1 && n.localName === "label" && !n.control && visible(n)) return shownText(n);
    if (n.nodeType === 1 && (n.matches(HOLDS_CONTROL + ",label") || n.querySelector(HOLDS_CONTROL))) break;
    if (n.nodeType === 1 && n.localName === "br") continue;
    if (n.nodeType === 1 && !visible(n)) continue;
    if (squash(n.textContent)) return shownText(n);
  }
  return labelAbove(el) || namedByButton(el);
}
// A design system's field: its label in a row of its own and the box nested in the part after it, the label's `for`
// naming the box's `name` (no id), so tied to nothing. From the box up, while the part holds no other box, the first
// earlier part that shows anything must be that label alone; anything else shown there (a control, other words)
// names something else.
const HOLDS_BOX = "input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]),select,textarea";
function labelAbove(el) {
  const body = el.ownerDocument.body;
  for (let up = el, depth = 0; up.parentElement && up.parentElement !== body && depth < 6; up = up.parentElement, depth++) {
    if (up !== el && up.querySelectorAll(HOLDS_BOX).length > 1) return "";
    for (let n = up.previousElementSibling; n; n = n.previousElementSibling) {
      if (!visible(n)) continue;
      if (n.matches(HOLDS_CONTROL) || n.querySelector(HOLDS_CONTROL)) return "";
      const label = n.localName === "label" ? n : n.querySelector("label");
      if (label && !label.control && squash(label.textContent) === squash(n.textContent)) return shownText(label);
      if (squash(n.textContent)) return "";
    }
  }
  return "";
}
// A form of one field and one button ("[      ] [Search]"): the button says what the field is for.
function namedByButton(el) {
  const form = el.form;
  if (!form) return "";
  const onShow = Array.from(form.elements).filter((e) => visible(e));
  const fields = onShow.filter(isControl);
  const buttons = onShow.filter((e) => e.localName === "button" || /^(submit|image)$/.test((e.type || "").toLowerCase()));
  if (fields.length !== 1 || buttons.length !== 1) return "";
  const b = buttons[0];
  return shortName(b.value || b.textContent || b.getAttribute("aria-label") || b.getAttribute("alt"));
}
// The visible fields whose name (as labelOf reads it) is `label` (a selector engine's answer: page_script/__init__.py).
function fieldsNamed(label) {
  const want = squash(label).toLowerCase();
  return Array.from(document.querySelectorAll("input,select,textarea"))
    .filter((el) => isControl(el) && visible(el) && labelOf(el).toLowerCase() === want);
}
// The boxes of one field a person knows by the label over them all (a date and a time picked apart): a group named
// so, else the label alone in its row (marks after it aside: "startsAt*") and the boxes in the first part after it
// that shows anything (a design system's field that ties its label to none of them).
function boxesUnder(label) {
  const want = bare(label); // regions.js: marks around it aside
  const boxes = (root) => Array.from(root.querySelectorAll("input,select,textarea")).filter((e) => isControl(e) && visible(e));
  for (const g of document.querySelectorAll("fieldset,[role=group]")) {
    if (visible(g) && bare(groupLabel(g)) === want && boxes(g).length) return boxes(g);
  }
  for (const l of document.querySelectorAll("label,legend,span,div,p,dt")) {
    if (!visible(l) || bare(l.textContent) !== want || l.querySelector(HOLDS_CONTROL)) continue;
    after: for (let up = l, depth = 0; up && up !== document.body && depth < 4; up = up.parentElement, depth++) {
      for (let n = up.nextElementSibling; n; n = n.nextElementSibling) {
        if (!visible(n)) continue;
        if (boxes(n).length) return boxes(n);
        if (squash(n.textContent)) break after; // other words first: this label names something else
      }
    }
  }
  return [];
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
const ERRORISH = /error|invalid|danger|warning/i; // a class or id that names an error
function errorFor(el) {
  const doc = el.ownerDocument;
  const ids = [el.getAttribute("aria-errormessage"), el.getAttribute("aria-describedby")].filter(Boolean).join(" ");
  const parts = [];
  for (const id of ids.split(/\s+/).filter(Boolean)) {
    const n = doc.getElementById(id);
    if (!n || !inAccessibilityTree(n)) continue;
    const errorish = ERRORISH.test(classText(n) + " " + id) ||
      n.getAttribute("role") === "alert" || el.getAttribute("aria-errormessage") === id;
    if (errorish || el.getAttribute("aria-invalid") === "true") {
      if (!/hint|help|description/i.test(classText(n) + " " + id) || errorish) parts.push(squash(n.textContent));
    }
  }
  return squash(parts.join(" "));
}
// What a person reads beside a field besides its name and its error: the help its aria-describedby names, else the
// words right after it in its own small box (the group that holds no other field, never the form, nor past its table
// cell): "Please write in English." under a message box. The box of a field held wrong holds its error
// (unmarked.js); a line of links ("Forgot your password?") is a way on; an error's class or role says it is no hint.
const SAYS_STATE = "[role=alert],[role=status],[aria-live]:not([aria-live=off])";
function hintFor(el, name) {
  const readable = (n) => visible(n) && !ERRORISH.test(classText(n) + " " + (n.id || "")) && !n.matches(SAYS_STATE) &&
    !n.closest("label,button,a,[role=button],[role=link]") && !waysOnOnly(n);
  const parts = [];
  for (const id of (el.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean)) {
    const n = el.ownerDocument.getElementById(id);
    if (n && id !== el.getAttribute("aria-errormessage") && readable(n)) parts.push(squash(n.textContent));
  }
  if (!parts.length && !heldWrong(el)) parts.push(...wordsAfter(el, readable)); // else its box's words are its error
  return squash(parts.filter((t) => t && t !== name).join(" "));
}
function wordsAfter(el, readable) {
  let box = el.parentElement;
  for (let i = 0; box && box !== el.ownerDocument.body && box.localName !== "form" && i < 3; i++, box = box.parentElement) {
    if (Array.from(box.querySelectorAll("input,select,textarea")).filter(isControl).length > 1) return [];
    // the first three blocks after it, each a paragraph, not its parts: in document order a block's parts come right
    // after it, so only the last block taken can hold the next (one walk, stopped at three: a long page's list is
    // not weighed paragraph against paragraph)
    const outer = [];
    for (const n of box.querySelectorAll("p,span,small,div")) {
      if (outer.length === 3) break;
      if (!(el.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING) || n.contains(el)) continue;
      if (!(outer.length && outer[outer.length - 1].contains(n)) && wordsOnly(n) && readable(n)) outer.push(n);
    }
    if (outer.length) return outer.map((n) => squash(n.textContent));
    if (box.matches("td,th,[role=cell],[role=gridcell]")) break; // the row's other cells say what the row is
  }
  return [];
}
// The site's own mark on a box its answer refused (Bootstrap's "is-invalid", "input--error"): the red border a person
// sees, though no aria-invalid tells a screen reader. A framework's state class on a box nobody has touched yet
// ("ng-invalid ng-pristine" on an empty required box) marks nothing: nothing is drawn.
// So is the field's group (its row, up to three wrappers, never the form) classed as holding an error (Bootstrap
// 3's "has-error", "has-errors"): the state is the row's, the box inside it plain.
const MARK_INVALID = /^(?:.*[-_])?(?:invalid|error|errors|danger)(?:[-_].*)?$/i;
const UNTOUCHED = /(?:^|[-_])(?:pristine|untouched)$/i;
const GROUP_INVALID = /^has-(?:errors?|danger)$/i;
function markedInvalid(el) {
  const tokens = classText(el).split(/\s+/).filter(Boolean);
  if (tokens.some((t) => MARK_INVALID.test(t)) && !tokens.some((t) => UNTOUCHED.test(t))) return true;
  for (let up = el.parentElement, depth = 0; up && depth < 3 && up.localName !== "form"; up = up.parentElement, depth++) {
    if (classText(up).split(/\s+/).some((t) => GROUP_INVALID.test(t))) return true;
  }
  return false;
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
    marked: !invalid && markedInvalid(el),
    error: cut(invalid || errorFor(el) ? errorFor(el) : "").text,
    hint: cut(hintFor(el, lab.text)).text,
    secret,
    group: groupLabel(el),
    form: el.form ? selectorOf(el.form) : "",
    landmark: landmarkOf(el), // a sidebar's or header's form is the site's furniture, not the page's question
    focused: el === el.ownerDocument.activeElement, // where a screen reader is when the step ends
    frame: window === window.top ? "" : location.href, // a frame's own field (a popup's form) is not the page's
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
