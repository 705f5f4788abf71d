// Words a page shows with no role, tag or class to say what they are: a div that holds only words, the lines after
// the heading of a page with no <main>, the note beside a field held wrong. The message scan (messages.js) adds
// them to its candidates, since a person reads them as the page's answer.
const WORDS_ONLY = /^(br|wbr|img)$/; // besides inline elements, what a paragraph may hold
function proseDivs(found) {
  // A div under a heading that holds only words (text and inline elements) is a paragraph, as a <p> is: "You have
  // been registered." right under the heading, "No matches found." in a <div> of its own after a search form. So is
  // one anywhere in the page's <main>, as "main p" reads (a single-page app's "No workflows found" in a <span> alone
  // in a <div>, far from its heading), but not inside a control or a link. A div of blocks is layout, read through
  // its own parts; a div of links only says nothing.
  return Array.from(document.querySelectorAll("h1 ~ div, h2 ~ div, main div, [role=main] div")).filter((el) => {
    if (found.has(el) || el.matches(LANDMARKS) || unread(el) || el.closest("a")) return false;
    let words = false;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1 && !INLINE.test(c.localName) && !WORDS_ONLY.test(c.localName)) return false;
      const said = c.nodeType === 3 ? c.nodeValue : (c.nodeType === 1 && c.localName !== "a" ? c.textContent : "");
      if (/\p{L}{2}/u.test(said || "")) words = true;
    }
    return words;
  });
}
// A count of nothing: "Results (0)", "0 results", "Issues: 0".
const COUNTS_NONE = /(^|[\s(:])0([\s)]|$)/;
function countsOfNone(found) {
  // A lower heading (h3 to h6) that counts what came back and says none ("Results (0)" over an empty list): the
  // answer to a search or a filter. Other lower headings are the page's structure, not what it says.
  return Array.from(document.querySelectorAll("h3,h4,h5,h6,[role=heading]")).filter((el) => {
    const words = squash(el.textContent);
    return !found.has(el) && words.split(" ").length <= 6 && COUNTS_NONE.test(words);
  });
}
const CONTENT_LINES = "p,dd,li,tr,[role=row]"; // what "main p", "main dd", "main li" and "main tr" read in a <main>
function pageHeading() {
  // The page's own heading: its first h1 (else h2) outside the masthead, navigation, sidebar and footer.
  for (const level of ["1", "2"]) {
    const found = Array.from(document.querySelectorAll(`h${level},[role=heading][aria-level='${level}']`))
      .find((h) => !landmarkOf(h) && visible(h));
    if (found) return found;
  }
  return null;
}
function contentLines(found) {
  // A page with no <main> still has its content: what follows its heading, outside the header, navigation, sidebar
  // and footer. A grid layout puts the heading in one row and the words in the next ("We've e-mailed you
  // instructions ..." in div#content beside no heading), so they are no siblings for "h1 ~ p" to find. A line inside
  // a unit already read (an error list's items) is read through that unit, as before.
  // A page with no heading either, that asks nothing ("Your message was sent." alone in a grid's column), is its
  // paragraphs outside those parts; its lists and tables, with nothing to say they are the page's, are left to the
  // rest, and so are the notes of a page with a form (a sign-in page's welcome line), which a person skims past.
  if (document.querySelector("main,[role=main]")) return [];
  const heading = pageHeading();
  const asks = () => Array.from(document.querySelectorAll("input,select,textarea"))
    .some((c) => isControl(c) && visible(c) && !landmarkOf(c));
  if (!heading && asks()) return [];
  return Array.from(document.querySelectorAll(heading ? CONTENT_LINES : "p")).filter((el) => !inAny(el, found) &&
    !landmarkOf(el) && (!heading || (heading.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)));
}
function heldWrong(ctl) {
  // The page (aria-invalid, or its own mark: markedInvalid) or the browser (:user-invalid) holds the field wrong:
  // how a person sees it outlined in red.
  return ctl.getAttribute("aria-invalid") === "true" || ctl.matches(":user-invalid") || markedInvalid(ctl);
}
function wordsOnly(el) {
  // Text and inline elements only, with words in them: a paragraph's shape, whatever its tag.
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (!INLINE.test(c.localName) || c.querySelector("input,select,textarea,button"))) return false;
  }
  return /\p{L}{2}/u.test(el.textContent);
}
function fieldNotes(found) {
  // The words in the small box of a field the page holds wrong (the field and its label, no other field), outside
  // its label: "Invalid email address" in a <p> beside the label, with no role or class to say what it is. A person
  // reads them as that field's error; the box of a field that is not held wrong (its hints) is read as before.
  const out = [];
  for (const ctl of document.querySelectorAll("input,select,textarea")) {
    if (!isControl(ctl) || !visible(ctl) || !heldWrong(ctl)) continue;
    let box = ctl.parentElement;
    for (let i = 0; box && box !== document.body && i < 3; i++, box = box.parentElement) {
      if (Array.from(box.querySelectorAll("input,select,textarea")).filter(isControl).length > 1) break;
      for (const el of box.querySelectorAll("p,span,small,div,strong,em")) {
        if (found.has(el) || out.includes(el) || el.closest("label") || !visible(el) || !wordsOnly(el)) continue;
        if (el.parentElement && el.parentElement !== box && wordsOnly(el.parentElement)) continue; // its paragraph is read
        out.push(el);
      }
    }
  }
  return out;
}
