// Keyboard support for the jurisdiction typeahead: the suggestions are plain links filled in by htmx.
// Down arrow moves from the search box into the list, up/down move within it, Escape returns to the box.
(function () {
  "use strict";
  function links(list) {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }
  document.addEventListener("keydown", function (event) {
    var input = event.target.closest ? event.target.closest("[data-typeahead]") : null;
    if (input) {
      var list = document.getElementById(input.getAttribute("data-typeahead"));
      if (event.key === "ArrowDown" && list && links(list).length > 0) {
        event.preventDefault();
        links(list)[0].focus();
      } else if (event.key === "Escape" && list) {
        list.innerHTML = "";
      }
      return;
    }
    var box = event.target.closest ? event.target.closest(".suggestions") : null;
    if (!box) {
      return;
    }
    var items = links(box);
    var index = items.indexOf(event.target);
    var owner = document.querySelector("[data-typeahead='" + box.id + "']");
    if (event.key === "ArrowDown" && index < items.length - 1) {
      event.preventDefault();
      items[index + 1].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      if (index > 0) {
        items[index - 1].focus();
      } else if (owner) {
        owner.focus();
      }
    } else if (event.key === "Escape" && owner) {
      box.innerHTML = "";
      owner.focus();
    }
  });
})();
