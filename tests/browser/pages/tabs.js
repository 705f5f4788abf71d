// tabbed-late.html's tabs: its form's sections in tabs, only the first shown (on the page's load, or by the part it
// asks for late).
function tabs() {
  const sections = Array.from(document.querySelectorAll("#notice fieldset"));
  const list = document.createElement("div");
  list.setAttribute("role", "tablist");
  for (const [i, section] of sections.entries()) {
    const tab = document.createElement("button");
    tab.type = "button";
    tab.setAttribute("role", "tab");
    tab.textContent = section.querySelector("legend").textContent;
    tab.addEventListener("click", () => sections.forEach((s) => { s.hidden = s !== section; }));
    list.appendChild(tab);
    section.hidden = i > 0;
  }
  document.getElementById("notice").prepend(list);
}
