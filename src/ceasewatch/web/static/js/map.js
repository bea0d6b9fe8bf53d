// The dashboard map: a GeoJSON basemap (no tiles), incidents from /api/map as points,
// server-side clusters or shaded regions, and the listed protected sites as a layer.
// Everything is built with DOM calls and textContent: no record text is parsed as HTML.
"use strict";
(function () {
  var SEVERITY = ["violation", "undetermined", "no_violation", "not_applicable", "unjudged"];
  var holder = document.getElementById("map");
  var status = document.getElementById("map-status");
  if (!holder || typeof L === "undefined") { return; }
  var query = holder.dataset.query || "";
  var agreement = holder.dataset.agreement;
  var version = holder.dataset.version;

  var map = L.map(holder, { minZoom: 3, maxZoom: 13, zoomSnap: 1, worldCopyJump: false }).setView([48.6, 33.5], 5);
  map.attributionControl.setPrefix("Leaflet");
  map.attributionControl.addAttribution("Regions: geoBoundaries (Runfola et al. 2020), CC BY 4.0");

  var regionShapes = {};
  var incidents = L.layerGroup().addTo(map);
  var regions = L.layerGroup().addTo(map);
  var spider = L.layerGroup().addTo(map);
  var sites = L.layerGroup();
  var overlays = { "Incidents": incidents, "Region-level incidents": regions, "Protected sites": sites };
  L.control.layers(null, overlays, { collapsed: false }).addTo(map);

  function cssToken(text) { return String(text || "").toLowerCase().replace(/[^a-z0-9_-]/g, ""); }
  function worst(counts) {
    for (var i = 0; i < SEVERITY.length; i++) { if (counts[SEVERITY[i]]) { return SEVERITY[i]; } }
    return "unjudged";
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function incidentUrl(id) {
    return "/incidents/" + encodeURIComponent(id) + (version ? "?version=" + encodeURIComponent(version) : "");
  }
  function listUrl(extra) { return "/incidents?" + query + (extra ? "&" + extra : ""); }

  function shape(p) {
    return el("span", "marker-shape verdict-" + cssToken(p.verdict) + " grade-" + (cssToken(p.grade) || "ungraded"));
  }
  // A violation on facts only the other side gives says so wherever it appears.
  function verdictText(p) {
    var text = p.verdict + (p.reason ? " (" + p.reason + ")" : "");
    return p.grade === "alleged" && p.verdict === "violation" ? "alleged " + text : text;
  }
  function gradeText(grade) {
    return grade === "alleged" ? "alleged: only the other side says so" : (grade || "ungraded");
  }
  function popup(p) {
    var box = el("div", "popup");
    box.appendChild(el("h4", "", p.place || p.id));
    [[version || "verdict", verdictText(p)], ["grade", gradeText(p.grade)], ["actor", p.actor || "unknown"],
     ["precision", p.precision], ["id", p.id]].forEach(function (pair) {
      box.appendChild(el("div", "", pair[0] + ": " + pair[1]));
    });
    var link = el("a", "", "Open the incident");
    link.href = incidentUrl(p.id);
    box.appendChild(link);
    return box;
  }
  function pointMarker(p, latlng) {
    var icon = L.divIcon({ className: "map-marker", html: shape(p), iconSize: [18, 18], iconAnchor: [9, 9] });
    var marker = L.marker(latlng || [p.lat, p.lon], { icon: icon, title: (p.place || p.id) + ": " + verdictText(p), keyboard: true });
    marker.bindPopup(popup(p));
    return marker;
  }

  // Several incidents on one spot: one stack marker that opens into a ring of markers.
  function stackMarker(group) {
    var counts = {};
    group.forEach(function (p) { counts[p.verdict] = (counts[p.verdict] || 0) + 1; });
    var box = el("div", "stack-icon verdict-" + worst(counts), String(group.length));
    var icon = L.divIcon({ className: "map-marker", html: box, iconSize: [24, 24], iconAnchor: [12, 12] });
    var alleged = group.filter(function (p) { return p.grade === "alleged" && p.verdict === "violation"; }).length;
    var title = group.length + " incidents on this spot" + (alleged ? ", " + alleged + " of them alleged violations" : "");
    var marker = L.marker([group[0].lat, group[0].lon], { icon: icon, title: title });
    marker.on("click", function () { spiderfy(group); });
    return marker;
  }
  function spiderfy(group) {
    spider.clearLayers();
    var centre = map.latLngToLayerPoint([group[0].lat, group[0].lon]);
    var radius = 26 + group.length * 3;
    group.forEach(function (p, i) {
      var angle = 2 * Math.PI * i / group.length - Math.PI / 2;
      var spot = map.layerPointToLatLng(centre.add(L.point(Math.cos(angle) * radius, Math.sin(angle) * radius)));
      L.polyline([[p.lat, p.lon], spot], { className: "spider-leg", interactive: false }).addTo(spider);
      pointMarker(p, spot).addTo(spider);
    });
  }

  function clusterMarker(c) {
    var size = Math.round(Math.min(58, 26 + Math.log(c.count) * 6));
    var box = el("div", "cluster-icon verdict-" + worst(c.verdicts), String(c.count));
    var icon = L.divIcon({ className: "map-marker", html: box, iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
    var parts = SEVERITY.filter(function (v) { return c.verdicts[v]; }).map(function (v) { return v + " " + c.verdicts[v]; });
    var marker = L.marker([c.lat, c.lon], { icon: icon, title: c.count + " incidents: " + parts.join(", ") });
    marker.on("click", function () {
      var bounds = L.latLngBounds([c.south, c.west], [c.north, c.east]);
      if (bounds.getNorthEast().equals(bounds.getSouthWest())) { map.setView(bounds.getCenter(), map.getMaxZoom()); }
      else { map.fitBounds(bounds.pad(0.3)); }
    });
    return marker;
  }

  function drawRegions(list) {
    regions.clearLayers();
    list.forEach(function (r) {
      var shapeData = regionShapes[r.code];
      if (!shapeData) { return; }
      var layer = L.geoJSON(shapeData, { style: function () { return { className: "region-incident verdict-" + worst(r.verdicts) + " region-" + cssToken(r.code) }; } });
      var parts = SEVERITY.filter(function (v) { return r.verdicts[v]; }).map(function (v) { return v + " " + r.verdicts[v]; });
      var box = el("div", "popup");
      box.appendChild(el("h4", "", (r.name || r.code) + ": " + r.count + " region-level incident" + (r.count > 1 ? "s" : "")));
      box.appendChild(el("div", "", parts.join(", ")));
      var link = el("a", "", "List them");
      link.href = listUrl("region=" + encodeURIComponent(r.code));
      box.appendChild(link);
      layer.bindPopup(box);
      layer.bindTooltip((r.name || r.code) + ": " + parts.join(", "), { sticky: true });
      layer.addTo(regions);
    });
  }

  function drawIncidents(data) {
    incidents.clearLayers();
    spider.clearLayers();
    var spots = {};
    data.points.forEach(function (p) {
      var key = p.lat.toFixed(5) + "," + p.lon.toFixed(5);
      (spots[key] = spots[key] || []).push(p);
    });
    Object.keys(spots).forEach(function (key) {
      var group = spots[key];
      (group.length === 1 ? pointMarker(group[0]) : stackMarker(group)).addTo(incidents);
    });
    data.clusters.forEach(function (c) { clusterMarker(c).addTo(incidents); });
    drawRegions(data.regions);
    var parts = SEVERITY.filter(function (v) { return data.verdicts[v]; }).map(function (v) { return v + " " + data.verdicts[v]; });
    status.textContent = data.total + " incidents selected (" + (parts.join(", ") || "none") + ") under " + (data.version || "no version") +
      " · in view: " + data.points.length + " markers" + (data.clustered ? ", " + data.clusters.length + " clusters" : "") +
      " · " + data.regions.length + " regions shaded · " + data.unmapped + " not mapped (known only to a country, or not located)";
    holder.dataset.loaded = "true";
  }

  var sequence = 0;
  function refresh() {
    var b = map.getBounds();
    var clamp = function (v, lo, hi) { return Math.max(lo, Math.min(hi, v)); };
    var bbox = [clamp(b.getSouth(), -90, 90), clamp(b.getWest(), -180, 180), clamp(b.getNorth(), -90, 90), clamp(b.getEast(), -180, 180)]
      .map(function (v) { return v.toFixed(4); }).join(",");
    var mine = ++sequence;
    fetch("/api/map?" + query + (query ? "&" : "") + "zoom=" + map.getZoom() + "&bbox=" + bbox, { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error("the map data could not be loaded (" + r.status + ")"); } return r.json(); })
      .then(function (data) { if (mine === sequence) { drawIncidents(data); } })
      .catch(function (e) { status.textContent = e.message; });
  }

  var timer = null;
  map.on("moveend", function () { clearTimeout(timer); timer = setTimeout(refresh, 120); });
  map.on("zoomstart", function () { spider.clearLayers(); });
  map.on("click", function () { spider.clearLayers(); });

  map.on("overlayadd", function (e) {
    if (e.layer !== sites || sites.getLayers().length || !agreement) { return; }
    fetch("/api/agreements/" + encodeURIComponent(agreement) + "/sites").then(function (r) { return r.json(); }).then(function (data) {
      L.geoJSON(data, {
        pointToLayer: function (f, latlng) { return L.circleMarker(latlng, { radius: 5, className: "site" }); },
        style: function () { return { className: "site" }; },
        onEachFeature: function (f, layer) {
          var box = el("div", "popup");
          box.appendChild(el("h4", "", f.properties.name || f.properties.id));
          box.appendChild(el("div", "", "list: " + f.properties.list + (f.properties.category ? " · " + f.properties.category : "")));
          layer.bindPopup(box);
        }
      }).addTo(sites);
    });
  });

  fetch(holder.dataset.basemap).then(function (r) { return r.json(); }).then(function (basemap) {
    basemap.features.forEach(function (f) { regionShapes[f.properties.iso] = f; });
    L.geoJSON(basemap, {
      interactive: false,
      style: function (f) { return { className: "region region-" + cssToken(f.properties.country) }; }
    }).addTo(map).bringToBack();
    refresh();
  }).catch(function () { status.textContent = "the basemap could not be loaded"; refresh(); });
})();
