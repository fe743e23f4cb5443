// A form field marked data-shown-when="answer=disagree" is shown only while the radio button
// "answer" has the value "disagree" ("to=rejected|cancelled": while it has one of them).
// Without JavaScript every field shows, and the server checks what is needed either way.
(function () {
  "use strict";
  function update(group) {
    var rule = group.getAttribute("data-shown-when").split("=");
    var form = group.closest("form");
    var checked = form && form.querySelector('input[name="' + rule[0] + '"]:checked');
    group.hidden = !(checked && rule[1].split("|").indexOf(checked.value) !== -1);
  }
  function updateAll() {
    document.querySelectorAll("[data-shown-when]").forEach(update);
  }
  document.addEventListener("change", updateAll);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", updateAll);
  } else {
    updateAll();
  }
})();
