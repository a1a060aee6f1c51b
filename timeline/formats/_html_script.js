(function (root) {
  "use strict";
  var data = JSON.parse(root.querySelector("script.tlv-data").textContent);
  var svg = root.querySelector("svg.tlv-plot");
  var tip = root.querySelector(".tlv-tip");
  var ticks = svg.querySelector(".tlv-ticks");
  var breaks = svg.querySelector(".tlv-breaks");
  var events = Array.prototype.slice.call(svg.querySelectorAll("g.event"));
  var arrows = Array.prototype.slice.call(svg.querySelectorAll("path.link"));
  var NS = svg.namespaceURI;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var view = { lo: 0, hi: data.width };
  var mode = data.mode;
  var byId = {};
  events.forEach(function (g) { byId[g.getAttribute("data-id")] = g; });

  function sx(w) { return data.gutter + (w - view.lo) * data.width / (view.hi - view.lo); }
  function num(el, name) { return parseFloat(el.getAttribute(name)); }
  function rowY(g) { return data.top + num(g, "data-y" + mode); }

  // Days (ordinals of the proleptic Gregorian calendar, day 1 = 0001-01-01) and dates.
  var EPOCH = 719163;  // the ordinal of 1970-01-01
  function toDate(day) { return new Date((day - EPOCH) * 86400000); }
  function toDay(d) { return Math.round(d.getTime() / 86400000) + EPOCH; }
  function iso(day) { return toDate(Math.floor(day)).toISOString().slice(0, 10); }
  function worldOf(day) {
    var s = data.segments;
    for (var i = s.length - 1; i >= 0; i--) {
      if (day >= s[i][0]) {
        if (day <= s[i][1] || i === s.length - 1) {
          return s[i][2] + (Math.min(day, s[i][1]) - s[i][0]) * (s[i][3] - s[i][2]) / (s[i][1] - s[i][0]);
        }
        return s[i][3] + (day - s[i][1]) * (s[i + 1][2] - s[i][3]) / (s[i + 1][0] - s[i][1]);
      }
    }
    return s[0][2];
  }
  function dayOf(w) {
    var s = data.segments;
    for (var i = 0; i < s.length; i++) {
      if (w <= s[i][3]) {
        if (w >= s[i][2] || i === 0) {
          return s[i][0] + (Math.max(w, s[i][2]) - s[i][2]) * (s[i][1] - s[i][0]) / (s[i][3] - s[i][2]);
        }
        return s[i - 1][1] + (w - s[i - 1][3]) * (s[i][0] - s[i - 1][1]) / (s[i][2] - s[i - 1][3]);
      }
    }
    return s[s.length - 1][1];
  }

  // The same units, spacing and labels as the Python side's ticks().
  var UNITS = [["day", 1, 74], ["day", 2, 74], ["week", 7, 74], ["month", 1, 60], ["month", 3, 60],
    ["month", 6, 60], ["year", 1, 40], ["year", 2, 40], ["year", 5, 40], ["year", 10, 40],
    ["year", 25, 40], ["year", 50, 40], ["year", 100, 40]];
  var DAYS_IN = { day: 1, week: 1, month: 30.44, year: 365.25 };
  function starts(unit, n, lo, hi) {
    var out = [], d, k;
    if (unit === "day" || unit === "week") {
      var step = unit === "day" ? n : 7;
      d = unit === "day" ? lo + ((-lo % step) + step) % step : lo + ((-(lo - 1) % 7) + 7) % 7;
      for (k = d; k < hi; k += step) { out.push(k); }
      return out;
    }
    var first = toDate(lo);
    if (unit === "month") {
      var m = first.getUTCFullYear() * 12 + first.getUTCMonth();
      m += ((-m % n) + n) % n;
      while ((d = toDay(new Date(Date.UTC(Math.floor(m / 12), m % 12, 1)))) < hi) {
        if (d >= lo) { out.push(d); }
        m += n;
      }
      return out;
    }
    var y = first.getUTCFullYear();
    y += ((-y % n) + n) % n;
    while (y <= 9999 && (d = toDay(new Date(Date.UTC(y, 0, 1)))) < hi) {
      if (d >= lo) { out.push(d); }
      y += n;
    }
    return out;
  }
  function label(unit, day, first) {
    var d = toDate(day), mon = MONTHS[d.getUTCMonth()], year = d.getUTCFullYear();
    if (unit === "year") { return String(year); }
    if (unit === "month") { return first || d.getUTCMonth() === 0 ? mon + " " + year : mon; }
    return d.getUTCDate() + " " + mon + (first ? " " + year : "");
  }
  function drawTicks(height) {
    while (ticks.firstChild) { ticks.removeChild(ticks.firstChild); }
    var zoom = data.width / (view.hi - view.lo);
    data.segments.forEach(function (s) {
      var lo = Math.max(s[0], Math.floor(dayOf(view.lo))), hi = Math.min(s[1], Math.ceil(dayOf(view.hi)) + 1);
      if (lo >= hi) { return; }
      var perDay = (s[3] - s[2]) * zoom / (s[1] - s[0]);
      var u = UNITS[UNITS.length - 1];
      for (var i = 0; i < UNITS.length; i++) {
        if (UNITS[i][1] * DAYS_IN[UNITS[i][0]] * perDay >= UNITS[i][2]) { u = UNITS[i]; break; }
      }
      var days = starts(u[0], u[1], lo, hi), texts = days.map(function (d, k) { return label(u[0], d, k === 0); });
      if (!days.length) { days = [Math.floor((lo + hi) / 2)]; texts = [label("day", days[0], true)]; }
      days.forEach(function (d, k) {
        var x = sx(worldOf(d));
        var line = document.createElementNS(NS, "line");
        line.setAttribute("class", "tick");
        line.setAttribute("x1", x); line.setAttribute("x2", x);
        line.setAttribute("y1", data.top - 10); line.setAttribute("y2", height);
        var text = document.createElementNS(NS, "text");
        text.setAttribute("class", "tick-label");
        text.setAttribute("x", x + 3); text.setAttribute("y", data.top - 14);
        text.textContent = texts[k];
        ticks.appendChild(line); ticks.appendChild(text);
      });
    });
  }

  function arrowPath(x1, y1, x2, y2, bow) {
    if (x2 - x1 > 24) {
      var c = (x2 - x1) / 2;
      return "M " + x1 + " " + y1 + " C " + (x1 + c) + " " + y1 + ", " + (x2 - c) + " " + y2 + ", " + x2 + " " + y2;
    }
    var b = 16 + 7 * bow;
    return "M " + x1 + " " + y1 + " C " + (x1 - b) + " " + y1 + ", " + (x2 - b) + " " + y2 + ", " + x2 + " " + y2;
  }

  function draw() {
    var height = data.top + data.heights[mode] + 8;
    svg.setAttribute("height", height);
    svg.setAttribute("viewBox", "0 0 " + (data.gutter + data.width + 16) + " " + height);
    svg.setAttribute("data-view-lo", iso(dayOf(view.lo)));
    svg.setAttribute("data-view-hi", iso(dayOf(view.hi)));
    svg.setAttribute("data-lanes", data.modes[mode]);
    drawTicks(height);
    Array.prototype.forEach.call(breaks.children, function (r, i) {
      var a = sx(data.segments[i][3]), b = sx(data.segments[i + 1][2]);
      r.setAttribute("x", a); r.setAttribute("width", Math.max(b - a, 0)); r.setAttribute("height", height - data.top + 10);
    });
    Array.prototype.forEach.call(svg.querySelectorAll("g.lanes"), function (g) {
      g.style.display = g.getAttribute("data-mode") === data.modes[mode] ? "" : "none";
    });
    events.forEach(function (g) {
      g.setAttribute("transform", "translate(0," + rowY(g) + ")");
      Array.prototype.forEach.call(g.querySelectorAll(".mk"), function (m) {
        var a = sx(num(m, "data-x0")), b = sx(num(m, "data-x1"));
        if (m.tagName === "circle") { m.setAttribute("cx", a); }
        else if (m.tagName === "line") { m.setAttribute("x1", a); m.setAttribute("x2", b); }
        else { m.setAttribute("x", a); m.setAttribute("width", Math.max(b - a, 2)); }
      });
      var text = g.querySelector("text.label"), x = sx(num(text, "data-ref")) + num(text, "data-dx");
      Array.prototype.forEach.call(text.querySelectorAll("tspan"), function (s) { s.setAttribute("x", x); });
    });
    arrows.forEach(function (p) {
      var a = byId[p.getAttribute("data-source")], b = byId[p.getAttribute("data-target")];
      p.setAttribute("d", arrowPath(sx(num(a, "data-anchor")), rowY(a) + data.markY,
        sx(num(b, "data-anchor")), rowY(b) + data.markY, num(p, "data-bow")));
    });
  }

  function setView(lo, hi) {
    var span = Math.min(Math.max(hi - lo, 2), data.width);
    lo = Math.min(Math.max(lo, 0), data.width - span);
    view = { lo: lo, hi: lo + span };
    draw();
  }
  function zoom(factor, at) {
    var c = at === undefined ? (view.lo + view.hi) / 2 : at;
    setView(c - (c - view.lo) * factor, c + (view.hi - c) * factor);
  }
  function pan(fraction) {
    var d = (view.hi - view.lo) * fraction;
    setView(view.lo + d, view.hi + d);
  }
  function worldAt(clientX) {
    var box = svg.getBoundingClientRect(), scale = box.width / (data.gutter + data.width + 16);
    return view.lo + ((clientX - box.left) / scale - data.gutter) * (view.hi - view.lo) / data.width;
  }

  function show(g) {
    while (tip.firstChild) { tip.removeChild(tip.firstChild); }
    ["data-title", "data-date", "data-words", "data-who", "data-sources", "data-links", "data-dispute"].forEach(function (name, i) {
      var value = g.getAttribute(name);
      if (!value) { return; }
      var p = document.createElement(i === 0 ? "strong" : "div");
      p.textContent = value;
      tip.appendChild(p);
    });
    var box = g.getBoundingClientRect(), host = root.getBoundingClientRect();
    tip.style.left = Math.max(0, Math.min(box.left - host.left, host.width - 320)) + "px";
    tip.style.top = (box.bottom - host.top + 4) + "px";
    tip.hidden = false;
  }
  function hide() { tip.hidden = true; }

  root.querySelector(".tlv-fit").addEventListener("click", function () { setView(0, data.width); });
  root.querySelector(".tlv-in").addEventListener("click", function () { zoom(1 / 1.5); });
  root.querySelector(".tlv-out").addEventListener("click", function () { zoom(1.5); });
  root.querySelector(".tlv-lanes").addEventListener("change", function (ev) {
    mode = data.modes.indexOf(ev.target.value);
    draw();
  });
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    zoom(ev.deltaY < 0 ? 1 / 1.25 : 1.25, worldAt(ev.clientX));
  }, { passive: false });
  var drag = null;
  svg.addEventListener("pointerdown", function (ev) {
    drag = { x: ev.clientX, lo: view.lo, hi: view.hi };
  });
  window.addEventListener("pointerup", function () { drag = null; });
  svg.addEventListener("pointermove", function (ev) {
    if (!drag) { return; }
    var d = worldAt(drag.x) - worldAt(ev.clientX);
    setView(drag.lo + d, drag.hi + d);
  });
  events.forEach(function (g, i) {
    g.addEventListener("mouseenter", function () { show(g); });
    g.addEventListener("mouseleave", hide);
    g.addEventListener("blur", hide);
    g.addEventListener("focus", function () {
      var a = num(g, "data-anchor");
      if (a < view.lo || a > view.hi) { pan((a - (view.lo + view.hi) / 2) / (view.hi - view.lo)); }
      show(g);
    });
    g.addEventListener("keydown", function (ev) {
      var next = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: events.length - 1 }[ev.key];
      if (next === undefined) { return; }
      ev.preventDefault();
      ev.stopPropagation();
      events[Math.max(0, Math.min(next, events.length - 1))].focus();
    });
  });
  root.addEventListener("keydown", function (ev) {
    if (ev.target.tagName === "SELECT") { return; }
    var act = { "+": function () { zoom(1 / 1.5); }, "=": function () { zoom(1 / 1.5); },
      "-": function () { zoom(1.5); }, "0": function () { setView(0, data.width); },
      f: function () { setView(0, data.width); }, ArrowLeft: function () { pan(-0.1); },
      ArrowRight: function () { pan(0.1); }, Escape: hide }[ev.key];
    if (act) { ev.preventDefault(); act(); }
  });
  draw();
})(document.currentScript.parentNode);
