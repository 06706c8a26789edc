// dossier serve: citations open in a side panel, and a job page follows its progress.
// Served as a file (the Content-Security-Policy allows no inline script). Everything from
// the server is put into the page with textContent, never as markup.
"use strict";

(function () {
  const panel = document.getElementById("panel");
  let opener = null;

  function closePanel() {
    if (!panel || panel.hidden) return;
    panel.hidden = true;
    panel.replaceChildren();
    document.body.classList.remove("with-panel");
    if (opener) opener.focus();
    opener = null;
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function showCitation(data) {
    const heading = element("h2", "[" + data.number + "] " + data.source);
    heading.id = "panel-heading";
    const passage = element("p", null, "passage");
    passage.append(document.createTextNode(data.before), element("mark", data.cited, "cited"),
      document.createTextNode(data.after));
    const back = element("button", "← Back", "back");
    back.type = "button";
    back.addEventListener("click", closePanel);
    const whole = element("a", "Whole article");
    whole.href = data.article;
    const actions = element("p", null, "actions");
    actions.append(back, document.createTextNode(" "), whole);
    const parts = [heading];
    if (data.title) parts.push(element("p", data.title, "meta"));
    parts.push(passage, actions);
    panel.replaceChildren(...parts);
    panel.setAttribute("aria-labelledby", "panel-heading");
    panel.hidden = false;
    document.body.classList.add("with-panel");
    panel.focus({ preventScroll: true });
  }

  document.addEventListener("click", function (event) {
    const link = event.target instanceof Element ? event.target.closest("a[data-cite]") : null;
    if (!link || !panel || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    opener = link;
    fetch(link.getAttribute("href"), { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(showCitation)
      .catch(function () { window.location.assign(link.getAttribute("href")); });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closePanel();
  });

  const job = document.querySelector(".job[data-job]");
  if (job && job.dataset.finished === "no") {
    const progress = job.querySelector("progress");
    const state = job.querySelector(".state");
    const counts = job.querySelector(".counts");
    const poll = function () {
      fetch("/jobs/" + encodeURIComponent(job.dataset.job), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          progress.max = data.total || 1;
          progress.value = data.done;
          state.textContent = data.state + ": " + data.message;
          counts.textContent = data.done + " read · " + data.added + " added · " + data.unchanged + " already stored";
          if (data.finished) window.location.reload();
          else window.setTimeout(poll, 700);
        })
        .catch(function () { window.setTimeout(poll, 2000); });
    };
    window.setTimeout(poll, 400);
  }
})();
