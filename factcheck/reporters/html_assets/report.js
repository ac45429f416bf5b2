/* factcheck --format html: filters the findings by severity, confidence and rule. Inlined into the
   page and allowed by its Content Security Policy by hash; it reads only the page's own data-*
   attributes and writes only the hidden attribute and the status line. The state is kept in the
   address's fragment (#filter:severity=error,warning;confidence=high;rule=ID) so a filtered view
   can be shared and survives a reload. */
"use strict";
(function () {
  const form = document.getElementById("filters");
  if (!form) {
    return;
  }
  const items = Array.from(document.querySelectorAll("li.finding-item"));
  const sections = Array.from(document.querySelectorAll("#findings section.document"));
  const status = document.getElementById("filter-status");
  const prefix = "#filter:";

  function ticked(name) {
    return new Set(Array.from(form.querySelectorAll("input[name='" + name + "']:checked"), (box) => box.value));
  }

  function apply() {
    const severities = ticked("severity");
    const confidences = ticked("confidence");
    const rule = form.elements.rule.value;
    let shown = 0;
    for (const item of items) {
      const match = severities.has(item.dataset.severity) && confidences.has(item.dataset.confidence) &&
        (rule === "" || item.dataset.rule === rule);
      item.hidden = !match;
      shown += match ? 1 : 0;
    }
    let documents = 0;
    for (const section of sections) {
      const visible = section.querySelector("li.finding-item:not([hidden])") !== null;
      section.hidden = !visible;
      documents += visible ? 1 : 0;
    }
    status.textContent = "Showing " + shown + " of " + items.length + " findings in " + documents +
      " of " + sections.length + " documents.";
    status.dataset.shown = String(shown);
    status.dataset.documents = String(documents);
  }

  function state() {
    return "severity=" + Array.from(ticked("severity")).join(",") +
      ";confidence=" + Array.from(ticked("confidence")).join(",") +
      ";rule=" + encodeURIComponent(form.elements.rule.value);
  }

  function restore(fragment) {
    for (const part of fragment.slice(prefix.length).split(";")) {
      const [name, value = ""] = part.split("=");
      if (name === "rule") {
        const wanted = decodeURIComponent(value);
        if (Array.from(form.elements.rule.options).some((option) => option.value === wanted)) {
          form.elements.rule.value = wanted;
        }
      } else if (name === "severity" || name === "confidence") {
        const chosen = new Set(value.split(","));
        for (const box of form.querySelectorAll("input[name='" + name + "']")) {
          box.checked = chosen.has(box.value);
        }
      }
    }
  }

  function changed() {
    apply();
    try {
      history.replaceState(null, "", prefix + state());
    } catch (error) {
      // a page opened where the address cannot change (a sandboxed frame): filters still work
    }
  }

  form.hidden = false;
  if (location.hash.startsWith(prefix)) {
    restore(location.hash);
  }
  form.addEventListener("change", changed);
  form.addEventListener("reset", () => window.setTimeout(changed, 0));
  window.addEventListener("hashchange", () => {
    if (location.hash.startsWith(prefix)) {
      restore(location.hash);
      apply();
    }
  });
  apply();
})();
