// The national map (/map): draws the states or counties from the pre-projected Census 2023 TopoJSON (viewBox 975x610,
// no projection needed) and colours them with the categories of /api/map. Each area is a link to its jurisdiction's
// page. Changing the form redraws in place and keeps the address bar equal to the permalink of the view.
(function () {
  "use strict";
  var figure = document.getElementById("national-map");
  var form = document.getElementById("map-form");
  if (!figure || !window.d3 || !window.topojson) {
    return;
  }
  var atlasPromise = null;

  function atlas() {
    if (!atlasPromise) {
      atlasPromise = fetch(figure.dataset.atlas).then(function (r) {
        if (!r.ok) { throw new Error("boundaries: " + r.status); }
        return r.json();
      });
    }
    return atlasPromise;
  }

  function status(text) {
    var canvas = document.getElementById("map-canvas");
    canvas.textContent = "";
    var p = document.createElement("p");
    p.className = "map-status";
    p.setAttribute("role", "status");
    p.textContent = text;
    canvas.appendChild(p);
  }

  function draw() {
    status(figure.dataset.loading);
    var data = fetch(figure.dataset.api, {headers: {"Accept": "application/json"}}).then(function (r) {
      if (!r.ok) { throw new Error("map data: " + r.status); }
      return r.json();
    });
    return Promise.all([atlas(), data]).then(function (both) {
      render(both[0], both[1]);
    }).catch(function () {
      status(figure.dataset.failed);
    });
  }

  function render(us, data) {
    var level = figure.dataset.level;
    var chosen = figure.dataset.state;
    var path = d3.geoPath();
    var stateNames = {};
    topojson.feature(us, us.objects.states).features.forEach(function (f) {
      stateNames[f.id] = f.properties.name;
    });
    var object = level === "state" ? us.objects.states : us.objects.counties;
    var features = topojson.feature(us, object).features;
    var canvas = document.getElementById("map-canvas");
    canvas.textContent = "";
    var svg = d3.select(canvas).append("svg")
      .attr("viewBox", "0 0 975 610")
      .attr("class", "map-level-" + level)
      .attr("role", "group")
      .attr("aria-label", figure.dataset.label);

    function category(id) {
      var value = data.values[id];
      return value === undefined ? data.missing : value;
    }
    function name(f) {
      if (level === "state") { return f.properties.name; }
      var state = stateNames[f.id.slice(0, 2)];
      return f.properties.name + (state ? ", " + state : "");
    }
    function focusable(f) {
      // Every state; the counties of the chosen state; elsewhere only counties with data (3,000 tab stops help nobody:
      // the search field and the tables reach the others).
      return level === "state" || (chosen ? f.id.slice(0, 2) === chosen : category(f.id) !== data.missing);
    }

    var links = svg.append("g").selectAll("a").data(features).join("a")
      .attr("href", function (f) { return figure.dataset.link + f.id; })
      .attr("data-geoid", function (f) { return f.id; })
      .attr("tabindex", function (f) { return focusable(f) ? null : "-1"; })
      .attr("aria-label", function (f) { return name(f) + ": " + data.legend[category(f.id)].label; });
    links.append("path")
      .attr("class", "map-area")
      .attr("d", path)
      .attr("fill", function (f) { return "url(#map-fill-" + category(f.id) + ")"; })
      .append("title").text(function (f) { return name(f) + ": " + data.legend[category(f.id)].label; });

    svg.append("path")
      .datum(topojson.mesh(us, us.objects.states, function (a, b) { return a !== b; }))
      .attr("class", "map-borders")
      .attr("d", path);

    if (chosen) {
      var state = topojson.feature(us, us.objects.states).features.filter(function (f) { return f.id === chosen; })[0];
      if (state) {
        var b = path.bounds(state);
        var pad = 10;
        svg.attr("viewBox", [b[0][0] - pad, b[0][1] - pad, b[1][0] - b[0][0] + 2 * pad, b[1][1] - b[0][1] + 2 * pad].join(" "));
        svg.append("path").datum(state).attr("class", "map-chosen").attr("d", path);
      }
    }
  }

  // Changing the form: fetch the page of the new view, take its legend, tables, patterns and data address, redraw,
  // and put the view's permalink in the address bar. If anything goes wrong, submit the form normally.
  function update() {
    if (!form.checkValidity()) {
      return;
    }
    var params = new URLSearchParams(new FormData(form));
    if (!params.get("state")) {
      params.delete("state");
    }
    var url = form.getAttribute("action") + "?" + params.toString();
    fetch(url, {headers: {"Accept": "text/html"}}).then(function (r) {
      if (!r.ok) { throw new Error("page: " + r.status); }
      return r.text();
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      ["map-defs", "map-legend", "map-tables", "map-permalink-box"].forEach(function (id) {
        var fresh = page.getElementById(id);
        var old = document.getElementById(id);
        if (fresh && old) { old.replaceWith(document.importNode(fresh, true)); }
      });
      var next = page.getElementById("national-map");
      ["api", "level", "state", "label"].forEach(function (key) {
        figure.dataset[key] = next.dataset[key];
      });
      figure.querySelector("figcaption").textContent = next.querySelector("figcaption").textContent;
      history.replaceState(null, "", document.getElementById("map-permalink").getAttribute("href"));
      return draw();
    }).catch(function () {
      form.submit();
    });
  }

  if (form) {
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update();
    });
  }
  draw();
}());
