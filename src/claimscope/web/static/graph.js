// The sources graph: /graph.json (the page's own data) drawn with the vendored cytoscape.js.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("graph");
    var status = document.getElementById("graph-status");
    if (!box || typeof cytoscape !== "function") return;
    status.textContent = "Loading the graph…";
    fetch(box.getAttribute("data-src"), {credentials: "same-origin"})
      .then(function (r) { if (!r.ok) throw new Error(r.status + " " + r.statusText); return r.json(); })
      .then(function (data) {
        var elements = [];
        data.nodes.forEach(function (n) {
          elements.push({group: "nodes", data: {id: n.id, label: n.label, kind: n.kind, size: 10 + 4 * Math.sqrt(n.mentions)}});
        });
        data.edges.forEach(function (e, i) {
          elements.push({group: "edges", data: {id: "e" + i, source: e.source, target: e.target, kind: e.kind,
                                                width: 1 + Math.sqrt(e.weight)}});
        });
        var cy = cytoscape({
          container: box,
          elements: elements,
          // Text comes in as data and is drawn on a canvas: never parsed as HTML.
          style: [
            {selector: "node", style: {"label": "data(label)", "width": "data(size)", "height": "data(size)",
                                       "font-size": 9, "color": "#24292f", "text-valign": "bottom",
                                       "background-color": "#4063d8"}},
            {selector: 'node[kind = "source"]', style: {"background-color": "#d4751a"}},
            {selector: "edge", style: {"width": "data(width)", "line-color": "#c3c9d0", "curve-style": "bezier",
                                       "opacity": 0.7}},
            {selector: 'edge[kind = "said_about"]', style: {"line-color": "#c8352a", "target-arrow-color": "#c8352a",
                                                            "target-arrow-shape": "triangle"}},
            {selector: ".faded", style: {"opacity": 0.12}}
          ],
          layout: {name: "cose", animate: false, randomize: false, nodeRepulsion: 9000, idealEdgeLength: 70}
        });
        cy.on("tap", "node", function (event) {
          var hood = event.target.closedNeighborhood();
          cy.elements().addClass("faded");
          hood.removeClass("faded");
        });
        cy.on("tap", function (event) { if (event.target === cy) cy.elements().removeClass("faded"); });
        window.__claimscopeGraph = cy;  // for the browser test: nodes drawn
        status.textContent = data.nodes.length + " nodes drawn. Tap a node to see its neighbours.";
      })
      .catch(function (err) { status.textContent = "The graph could not be drawn: " + err.message; });
  });
})();
