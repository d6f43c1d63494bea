// /compare: each jurisdiction field suggests places as you type (names shown, GEOIDs filled in), from the JSON API.
(function () {
  "use strict";
  var timers = {};
  function fill(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var query = input.value.trim();
    if (!list || query.length < 2 || /^[0-9]+$/.test(query)) {
      return;
    }
    var url = input.getAttribute("data-suggest-url") + "?limit=10&q=" + encodeURIComponent(query);
    fetch(url, {headers: {"Accept": "application/json"}}).then(function (response) {
      return response.ok ? response.json() : [];
    }).then(function (places) {
      list.innerHTML = "";
      places.forEach(function (place) {
        var option = document.createElement("option");
        option.value = place.geoid;
        option.label = place.name + (place.stateName && place.kind !== "state" ? ", " + place.stateName : "");
        option.textContent = option.label;
        list.appendChild(option);
      });
    }).catch(function () { /* the field still takes a GEOID typed by hand */ });
  }
  document.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.hasAttribute || !input.hasAttribute("data-compare-suggest")) {
      return;
    }
    clearTimeout(timers[input.id]);
    timers[input.id] = setTimeout(function () { fill(input); }, 150);
  });
})();
