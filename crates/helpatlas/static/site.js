// Progressive enhancements; every page works without this file.
// - Quick exit: leaves for a neutral page and replaces this site's history entry. Shortcut: Escape.
// - Place type-ahead on inputs with data-typeahead (JSON from /places?format=json).
// - "Use my location": asks the browser only when pressed; the position is rounded to about 1 km and
//   sent once to /places/near, never stored.
// Links made here carry the page language (hl=) as the server's links do.
(function () {
  "use strict";
  var language = document.documentElement.lang;
  function localised(href) {
    return href + (href.indexOf("?") < 0 ? "?" : "&") + "hl=" + encodeURIComponent(language);
  }
  var exit = document.getElementById("quick-exit");
  if (exit) {
    var leave = function (event) {
      if (event) event.preventDefault();
      window.location.replace(exit.href);
    };
    exit.addEventListener("click", leave);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") leave(event);
    });
  }

  function listFor(input) {
    var list = document.createElement("ul");
    list.className = "suggestions";
    list.id = input.id + "-suggestions";
    list.setAttribute("aria-live", "polite");
    input.setAttribute("aria-describedby", list.id);
    input.form.appendChild(list);
    return list;
  }

  function show(list, places) {
    list.textContent = "";
    places.forEach(function (p) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = localised(p.href);
      link.textContent = p.name;
      var detail = document.createElement("span");
      detail.className = "meta";
      detail.textContent = " " + p.detail;
      item.appendChild(link);
      item.appendChild(detail);
      list.appendChild(item);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("input[data-typeahead]"), function (input) {
    var list = listFor(input);
    var country = input.getAttribute("data-typeahead");
    var timer = null;
    var latest = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { list.textContent = ""; return; }
      timer = setTimeout(function () {
        var asked = ++latest;
        var url = localised("/places?format=json&q=" + encodeURIComponent(q) + (country ? "&country=" + country : ""));
        fetch(url).then(function (r) { return r.ok ? r.json() : []; }).then(function (places) {
          if (asked === latest) show(list, places);
        }).catch(function () {});
      }, 150);
    });

    if (!navigator.geolocation) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "locate";
    button.textContent = input.form.getAttribute("data-locate-label") || "Use my location";
    input.form.appendChild(button);
    button.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(function (pos) {
        var lat = pos.coords.latitude.toFixed(2), lon = pos.coords.longitude.toFixed(2);
        fetch(localised("/places/near?lat=" + lat + "&lon=" + lon)).then(function (r) { return r.json(); }).then(function (p) {
          if (p.href) window.location.assign(localised(p.href));
        }).catch(function () {});
      }, function () {}, { maximumAge: 600000, timeout: 10000 });
    });
  });
})();
