/* argmap's interactive page: the panel, evaluation scenarios, languages, search, keyboard
   and, under `argmap serve`, live updates. No build step, no network.

   User text only ever becomes text: it is set with textContent, Node.append(string) or as
   an attribute's value, never parsed as markup. Ids are looked up in Maps, never as plain
   object keys, so that a claim named `constructor` is a claim like any other. */
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const WORDS = {
    roles: {
      "main-conclusion": "main conclusion", "intermediate-conclusion": "intermediate conclusion",
      premise: "premise", objection: "objection", unused: "unused claim",
    },
    attacks: { rebut: "rebuts", undermine: "undermines", undercut: "undercuts" },
  };
  const state = {
    data: null, maps: null, lang: null, scenario: null, selected: null,
    drawings: new Map(), live: null, version: null,
  };

  /* ---- small helpers ------------------------------------------------------------------ */

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === undefined || value === null) continue;
      if (key === "class") node.className = value;
      else if (key === "onclick") node.addEventListener("click", value);
      else node.setAttribute(key, value);
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }
  const entries = (object) => new Map(Object.entries(object || {}));
  const push = (map, key, value) => { if (!map.has(key)) map.set(key, []); map.get(key).push(value); };
  function textIn(texts, lang) {
    if (!texts) return "";
    if (texts.has(lang)) return texts.get(lang);
    if (texts.has(state.data.lang)) return texts.get(state.data.lang);
    return texts.values().next().value || "";
  }
  function languageName(code) {
    try { return new Intl.DisplayNames([code], { type: "language" }).of(code) || code; }
    catch (error) { return code; }
  }
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

  /* ---- the data, indexed -------------------------------------------------------------- */

  function indexData(data) {
    const claims = new Map(), inferences = entries(data.inferences);
    for (const [id, claim] of Object.entries(data.claims)) {
      claims.set(id, Object.assign({}, claim, { text: entries(claim.text) }));
    }
    const maps = {
      claims, inferences, sources: entries(data.sources), issues: entries(data.issues),
      voices: new Map(Object.entries(data.voices || {}).map(([id, v]) =>
        [id, { name: entries(v.name), role: v.role }])),
      concluding: new Map(), premiseOf: new Map(), attackedBy: new Map(), attacking: new Map(),
      positions: new Map(),
      scenarios: data.scenarios.map((s) => ({
        voice: s.voice, stance: s.stance, accept: s.accept || [], reject: s.reject || [],
        labels: entries(s.labels), reasons: entries(s.reasons),
      })),
      title: entries(data.title), description: entries(data.description),
    };
    for (const [id, inference] of inferences) {
      push(maps.concluding, inference.conclusion, id);
      for (const premise of inference.premises) push(maps.premiseOf, premise, id);
    }
    for (const attack of data.attacks || []) {
      push(maps.attackedBy, attack.to, attack);
      push(maps.attacking, attack.from, attack);
    }
    for (const [id, issue] of maps.issues) {
      issue.text = entries(issue.text);
      for (const position of issue.positions) push(maps.positions, position, id);
    }
    return maps;
  }

  /* ---- the drawings ------------------------------------------------------------------- */

  function indexDrawing(container) {
    const svg = container.querySelector("svg");
    const drawing = { container, svg, nodes: new Map(), edges: new Map(), pz: null };
    if (!svg) return drawing;
    svg.setAttribute("aria-label", "argument map");
    for (const g of svg.querySelectorAll("g.node")) {
      const title = g.querySelector("title");
      if (!title) continue;
      drawing.nodes.set(title.textContent, g);
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
    }
    for (const g of svg.querySelectorAll("g.edge")) {
      const title = g.querySelector("title");
      if (!title) continue;
      const text = title.textContent, arrow = text.indexOf(">"); // names are slugs: no ">"
      push(drawing.edges, text.slice(0, arrow - 1) + "\n" + text.slice(arrow + 1), g);
    }
    return drawing;
  }

  function label(drawing) {
    const lang = drawing.container.getAttribute("data-lang");
    for (const [id, g] of drawing.nodes) {
      const claim = state.maps.claims.get(id);
      const name = claim ? textIn(claim.text, lang) : "junction " + id;
      g.setAttribute("aria-label", name);
    }
  }

  function current() { return state.drawings.get(state.lang); }

  function panZoom(drawing) {
    if (drawing.pz || !drawing.svg) return drawing.pz;
    // A page framed in a document (view=html) may run before it is laid out: nothing to fit
    // yet, or no room to fit it in (a zoom of 0). The view is made at a later frame.
    const later = () => requestAnimationFrame(() => {
      if (drawing === current()) panZoom(drawing);
    });
    const map = $("map");
    if (!(drawing.svg.getBBox().width > 0 && map.clientWidth > 0 && map.clientHeight > 0)) {
      later();
      return null;
    }
    drawing.pz = window.svgPanZoom(drawing.svg, {
      zoomEnabled: true, controlIconsEnabled: false, dblClickZoomEnabled: false,
      fit: true, center: true, minZoom: 0.2, maxZoom: 20, zoomScaleSensitivity: 0.25,
    });
    // Let even a map of thousands of claims be zoomed until its text is large.
    const real = drawing.pz.getSizes().realZoom;
    if (!(real > 0)) {
      drawing.pz.destroy();
      drawing.pz = null;
      later();
      return null;
    }
    drawing.pz.setMaxZoom(Math.max(20, 4 / real));
    return drawing.pz;
  }

  function view() {
    const drawing = current();
    if (!drawing || !drawing.pz) return null;
    return { realZoom: drawing.pz.getSizes().realZoom, pan: drawing.pz.getPan() };
  }

  function restore(drawing, saved) {
    const pz = panZoom(drawing);
    if (!pz || !saved) return;
    pz.zoom(pz.getZoom() * saved.realZoom / pz.getSizes().realZoom);
    pz.pan(saved.pan);
  }

  function fit() {
    const pz = panZoom(current());
    if (pz) { pz.resize(); pz.fit(); pz.center(); }
  }

  function zoomBy(factor) {
    const pz = panZoom(current());
    if (pz) pz.zoomBy(factor);
  }

  /* Bring a node to the middle of the view, zoomed in enough to read it. */
  function centre(id) {
    const drawing = current();
    const g = drawing && drawing.nodes.get(id);
    const pz = g && panZoom(drawing);
    if (!pz) return;
    if (pz.getSizes().realZoom < 0.8) pz.zoom(pz.getZoom() * 0.9 / pz.getSizes().realZoom);
    const box = g.getBoundingClientRect(), frame = drawing.svg.getBoundingClientRect();
    pz.panBy({
      x: frame.left + frame.width / 2 - (box.left + box.width / 2),
      y: frame.top + frame.height / 2 - (box.top + box.height / 2),
    });
  }

  function inView(id) {
    const drawing = current(), g = drawing && drawing.nodes.get(id);
    if (!g) return true;
    const box = g.getBoundingClientRect(), frame = drawing.svg.getBoundingClientRect();
    return box.left >= frame.left && box.right <= frame.right &&
      box.top >= frame.top && box.bottom <= frame.bottom;
  }

  /* ---- evaluation --------------------------------------------------------------------- */

  function scenarioName(scenario, index) {
    const voice = scenario.voice && state.maps.voices.get(scenario.voice);
    if (voice) {
      const who = textIn(voice.name, state.lang);
      return (scenario.stance === "accept" ? "Accepting" : "Rejecting") + " the claims of " + who;
    }
    const parts = [];
    if (scenario.accept.length) parts.push("accepting " + scenario.accept.join(", "));
    if (scenario.reject.length) parts.push("rejecting " + scenario.reject.join(", "));
    return index === 0 && !parts.length ? "The map's assumptions" :
      "The map's assumptions, " + parts.join("; ");
  }

  function fillScenarios() {
    const select = $("scenario");
    select.replaceChildren(el("option", { value: "" }, "None: colour by voice"));
    state.maps.scenarios.forEach((scenario, index) => {
      select.append(el("option", { value: String(index) }, scenarioName(scenario, index)));
    });
    select.value = state.scenario === null ? "" : String(state.scenario);
  }

  function applyScenario(drawing) {
    const scenario = state.scenario === null ? null : state.maps.scenarios[state.scenario];
    drawing.container.classList.toggle("evaluated", scenario !== null);
    for (const [id, g] of drawing.nodes) {
      g.classList.remove("label-in", "label-out", "label-undecided");
      if (scenario && scenario.labels.has(id)) g.classList.add("label-" + scenario.labels.get(id));
    }
    $("key").hidden = scenario === null;
  }

  function setScenario(index) {
    state.scenario = index;
    for (const drawing of state.drawings.values()) applyScenario(drawing);
    if (state.selected !== null) showPanel(state.selected);
  }

  /* ---- selection and the panel -------------------------------------------------------- */

  function related(id) {
    const maps = state.maps, found = { supporters: [], attackers: [], others: [], edges: [] };
    const attackers = (maps.attackedBy.get(id) || []).map((attack) => attack.from);
    found.attackers.push(...attackers);
    for (const from of attackers) found.edges.push([from, id, "attacking"]);
    if (maps.claims.has(id)) {
      for (const junction of maps.concluding.get(id) || []) {
        const inference = maps.inferences.get(junction);
        found.supporters.push(junction, ...inference.premises);
        found.edges.push([junction, id, "supporting"]);
        for (const premise of inference.premises) found.edges.push([premise, junction, "supporting"]);
      }
    } else if (maps.inferences.has(id)) {
      const inference = maps.inferences.get(id);
      found.supporters.push(...inference.premises);
      found.others.push(inference.conclusion);
      for (const premise of inference.premises) found.edges.push([premise, id, "supporting"]);
      found.edges.push([id, inference.conclusion, "supporting"]);
    }
    return found;
  }

  function highlight(drawing) {
    const marks = ["selected", "supporter", "attacker", "related", "supporting", "attacking"];
    for (const g of drawing.container.querySelectorAll("." + marks.join(",."))) {
      g.classList.remove(...marks);
    }
    const id = state.selected;
    drawing.container.classList.toggle("focusing", id !== null);
    if (id === null) return;
    const found = related(id), mark = (node, name) => {
      const g = drawing.nodes.get(node);
      if (g) g.classList.add(name);
    };
    mark(id, "selected");
    found.supporters.forEach((node) => mark(node, "supporter"));
    found.attackers.forEach((node) => mark(node, "attacker"));
    found.others.forEach((node) => mark(node, "related"));
    for (const [from, to, name] of found.edges) {
      for (const g of drawing.edges.get(from + "\n" + to) || []) g.classList.add(name);
    }
  }

  function select(id, options) {
    if (!state.maps.claims.has(id) && !state.maps.inferences.has(id)) return;
    state.selected = id;
    highlight(current());
    showPanel(id);
    if (options && options.centre) centre(id);
    if (location.hash !== "#" + encodeURIComponent(id)) address("#" + encodeURIComponent(id));
  }

  // The address shows the claim selected, so that it can be shared; a page framed in a
  // document (srcdoc, about:srcdoc) has no address of its own to change.
  function address(url) {
    if (location.protocol !== "about:") history.replaceState(null, "", url);
  }

  function closePanel() {
    const id = state.selected;
    state.selected = null;
    $("panel").hidden = true;
    highlight(current());
    if (location.hash) address(location.pathname + location.search);
    const g = id !== null && current() && current().nodes.get(id);
    if (g) g.focus({ preventScroll: true });
  }

  function follow(id, kind) {
    const claim = state.maps.claims.get(id);
    const text = claim ? textIn(claim.text, state.lang) : "junction";
    return el("button", { class: "follow", type: "button", "data-id": id,
      onclick: () => select(id, { centre: true }) },
    el("span", { class: "id" }, id), ": ", text.length > 90 ? text.slice(0, 89) + "…" : text,
    kind ? el("span", { class: "kind" }, "(" + kind + ")") : null);
  }

  function list(items) {
    return el("ul", null, ...items.map((item) => el("li", null, item)));
  }

  function section(title, ...content) {
    const parts = content.filter((part) => part !== null && part !== undefined);
    return parts.length ? [el("h3", null, title), ...parts] : [];
  }

  /* Why a node has its label: its reason, then the reason of the node that rests on, and
     so on, in the words of `argmap evaluate --explain`. */
  function explain(scenario, id) {
    const [phrase, first] = scenario.reasons.get(id);
    let text = scenario.labels.get(id) + ": " + state.data.phrases[phrase];
    const seen = new Set([id]);
    for (let cause = first; cause !== null && cause !== undefined;) {
      if (seen.has(cause)) return text + " (and so round in a circle)";
      seen.add(cause);
      const [next, after] = scenario.reasons.get(cause);
      text += ", which is " + scenario.labels.get(cause) + " because " + state.data.phrases[next];
      cause = after;
    }
    return text;
  }

  function evaluation(id) {
    const index = state.scenario === null ? 0 : state.scenario;
    const scenario = state.maps.scenarios[index];
    if (!scenario || !scenario.labels.has(id)) return [];
    const word = scenario.labels.get(id);
    const why = explain(scenario, id);
    return section("Evaluation",
      el("p", null, el("span", { class: "label label-word-" + word }, word), " ",
        el("span", { class: "kind" }, scenarioName(scenario, index))),
      el("p", { class: "explanation" }, why));
  }

  function claimPanel(id) {
    const maps = state.maps, claim = maps.claims.get(id), out = [];
    out.push(el("h2", null, "Claim ", el("span", { class: "id" }, id)));
    out.push(el("p", null, WORDS.roles[claim.role] || claim.role,
      claim.implicit ? " (implicit: the text leaves it unsaid)" : null,
      claim.status ? " · status: " + claim.status : null));
    const order = [state.lang, ...state.data.languages.filter((code) => code !== state.lang)];
    const texts = order.filter((code) => claim.text.has(code)).flatMap((code) => [
      el("dt", null, languageName(code)), el("dd", { lang: code }, claim.text.get(code))]);
    out.push(...section("Text", el("dl", null, ...texts)));
    out.push(...evaluation(id));
    if (claim.quote) out.push(...section("Quote", ...quote(claim.quote)));
    const voice = claim.by && maps.voices.get(claim.by);
    if (voice) {
      out.push(...section("Voice", el("p", null, textIn(voice.name, state.lang),
        voice.role ? el("span", { class: "kind" }, "(" + voice.role + ")") : null)));
    }
    if (claim.tags) out.push(...section("Tags", el("p", null, claim.tags.join(", "))));
    if (claim.note) out.push(...section("Note", el("p", null, claim.note)));
    if (claim.aliases) out.push(...section("Also worded", list(claim.aliases)));
    if (claim.equivalent) out.push(...section("Equivalent", list(claim.equivalent.map((c) => follow(c)))));
    const supports = (maps.concluding.get(id) || []).map((junction) => {
      const inference = maps.inferences.get(junction);
      return el("div", null, follow(junction, inference.scheme || "jointly"),
        list(inference.premises.map((premise) => follow(premise, "premise"))));
    });
    out.push(...section("Supported by", ...supports));
    out.push(...section("Attacked by", attackers(id)));
    const uses = (maps.premiseOf.get(id) || []).map((junction) =>
      follow(maps.inferences.get(junction).conclusion, "supports it, through " + junction));
    const against = (maps.attacking.get(id) || []).map((attack) =>
      follow(attack.to, WORDS.attacks[attack.type] + (attack.note ? ": " + attack.note : "")));
    out.push(...section("Supports and attacks", uses.length + against.length ? list([...uses, ...against]) : null));
    const rivals = (maps.positions.get(id) || []).flatMap((key) => {
      const issue = maps.issues.get(key);
      return issue.positions.filter((p) => p !== id).map((p) =>
        follow(p, "rival in issue " + (textIn(issue.text, state.lang) || key)));
    });
    out.push(...section("Rival positions", rivals.length ? list(rivals) : null));
    return out;
  }

  function attackers(id) {
    const attacks = state.maps.attackedBy.get(id) || [];
    if (!attacks.length) return null;
    return list(attacks.map((attack) =>
      follow(attack.from, WORDS.attacks[attack.type] + (attack.note ? ": " + attack.note : ""))));
  }

  function quote(given) {
    const source = state.maps.sources.get(given.source) || { title: given.source };
    const parts = [el("blockquote", null, "“" + given.text + "”"), el("p", null, "— ", ...cite(source))];
    if (source.url && /^https?:\/\//i.test(source.url)) {
      parts.push(el("p", null, el("a", { href: source.url, target: "_blank",
        rel: "noopener noreferrer external" }, "Open the source")));
    }
    return parts;
  }

  function inferencePanel(id) {
    const inference = state.maps.inferences.get(id), out = [];
    out.push(el("h2", null, "Inference ", el("span", { class: "id" }, id)));
    out.push(el("p", null, "Its premises jointly support its conclusion."));
    out.push(...evaluation(id));
    out.push(...section("Premises", list(inference.premises.map((p) => follow(p)))));
    out.push(...section("Conclusion", follow(inference.conclusion)));
    const scheme = inference.schemeName ? textIn(entries(inference.schemeName), state.lang)
      : inference.scheme;
    const facts = [["Scheme", scheme], ["Label", textIn(entries(inference.label), state.lang) || null],
      ["Weight", inference.weight === undefined ? null : String(inference.weight)],
      ["Note", inference.note]].filter(([, value]) => value !== null && value !== undefined);
    for (const [name, value] of facts) out.push(...section(name, el("p", null, value)));
    out.push(...questions(inference.questions || []));
    out.push(...section("Undercut by", attackers(id)));
    return out;
  }

  /* The critical questions of an inference's scheme: the open ones first, then the rest
     with what the map does with each (answered by, defended by, dismissed because). */
  function questions(all) {
    const asked = (q) => el("span", null, el("span", { class: "id" }, q.id), " ",
      textIn(entries(q.text), state.lang), el("span", { class: "kind" }, " (" + q.type + ")"));
    const open = all.filter((q) => q.state === "open").map(asked);
    const settled = all.filter((q) => q.state !== "open").map((q) => el("span", null, asked(q),
      q.reason ? " — dismissed: " + q.reason : null,
      ...(q.answeredBy || []).map((by) => el("span", null, " — asked by ", follow(by))),
      ...(q.defendedBy || []).map((by) => el("span", null, " — defended by ", follow(by)))));
    return [...section("Open critical questions", open.length ? list(open) : null),
      ...section("Critical questions answered", settled.length ? list(settled) : null)];
  }

  function showPanel(id) {
    const body = $("panel-body");
    body.replaceChildren(...(state.maps.claims.has(id) ? claimPanel(id) : inferencePanel(id)));
    openPanel();
  }

  /* The panel narrows the map: the view follows, and the chosen node stays in sight. */
  function openPanel() {
    $("panel").hidden = false;
    if (state.selected !== null && !inView(state.selected)) centre(state.selected);
  }

  function cite(source) {
    return [el("cite", null, source.title), source.author ? ", " + source.author : null,
      source.date ? ", " + source.date : null];
  }

  /* The map's title, description, sources and voices, and how to read and use the page. */
  function about() {
    const maps = state.maps, out = [el("h2", null, textIn(maps.title, state.lang) || "This map")];
    const description = textIn(maps.description, state.lang);
    if (description) out.push(el("p", null, description));
    const sources = [...maps.sources.values()].map((source) => el("span", null, ...cite(source)));
    out.push(...section("Sources", sources.length ? list(sources) : null));
    const voices = [...maps.voices.values()].map((voice) => el("span", null,
      textIn(voice.name, state.lang), voice.role ? el("span", { class: "kind" }, "(" + voice.role + ")") : null));
    out.push(...section("Voices", voices.length ? list(voices) : null));
    out.push(...section("Reading the map", list([
      "Click a claim or a junction (the small mark where premises meet), or Tab to it and press Enter.",
      "An arrow supports; a bar attacks; a dashed line ending in a bar undercuts an inference.",
      "Under an evaluation, a claim's frame is solid when it is in, dashed when out, dotted when undecided.",
      "/ finds a claim; + and − zoom; 0 fits the map; Escape closes this panel."])));
    state.selected = null;
    highlight(current());
    $("panel-body").replaceChildren(...out);
    openPanel();
  }

  /* ---- search ------------------------------------------------------------------------- */

  function search() {
    const query = fold($("search").value.trim()), results = $("results");
    const drawing = current();
    if (drawing) for (const g of drawing.nodes.values()) g.classList.remove("match");
    if (!query) { results.hidden = true; results.replaceChildren(); return []; }
    const found = [];
    for (const [id, claim] of state.maps.claims) {
      if (fold(id).includes(query) || [...claim.text.values()].some((t) => fold(t).includes(query))) {
        found.push(id);
      }
    }
    for (const id of state.maps.inferences.keys()) if (fold(id).includes(query)) found.push(id);
    if (drawing) for (const id of found) { const g = drawing.nodes.get(id); if (g) g.classList.add("match"); }
    results.replaceChildren(...found.slice(0, 30).map((id) => el("li", null, follow(id))));
    if (!found.length) results.replaceChildren(el("li", null, "No claim matches."));
    if (found.length > 30) results.append(el("li", null, "… and " + (found.length - 30) + " more"));
    results.hidden = false;
    return found;
  }

  /* ---- languages ---------------------------------------------------------------------- */

  /* Show the map in another language: its own drawing, the view carried over the first
     time it is shown, and the texts of the panel, the title and the choices. */
  function setLang(code) {
    const before = view(), previous = current();
    state.lang = code;
    showLang();
    const drawing = current();
    if (!drawing.pz) {
      panZoom(drawing);
      if (before) restore(drawing, before);
    } else if (drawing !== previous) {
      drawing.pz.resize();
    }
    fillScenarios();
    if (state.selected !== null) showPanel(state.selected);
    search();
  }

  function showLang() {
    const drawing = current();
    document.documentElement.lang = state.lang;
    for (const [lang, other] of state.drawings) other.container.hidden = other !== drawing;
    applyScenario(drawing);
    highlight(drawing);
    $("title").textContent = textIn(state.maps.title, state.lang) || $("title").textContent;
  }

  function fillLanguages() {
    const select = $("lang");
    select.replaceChildren(...state.data.languages.filter((code) => state.drawings.has(code))
      .map((code) => el("option", { value: code }, languageName(code))));
    select.value = state.lang;
    $("lang-control").hidden = state.drawings.size < 2;
  }

  /* ---- installing a map (at load, and again for each live update) --------------------- */

  function install(data, containers, saved) {
    for (const drawing of state.drawings.values()) if (drawing.pz) drawing.pz.destroy();
    state.data = data;
    state.maps = indexData(data);
    state.drawings = new Map();
    const map = $("map");
    map.replaceChildren(...containers);
    for (const container of containers) {
      const drawing = indexDrawing(container);
      state.drawings.set(container.getAttribute("data-lang"), drawing);
      label(drawing);
    }
    const lang = saved && state.drawings.has(saved.lang) ? saved.lang : data.view.lang;
    if (saved) {
      state.scenario = saved.scenario !== null && saved.scenario < data.scenarios.length ? saved.scenario : null;
    } else {
      state.scenario = data.view.scenario;
    }
    if (state.selected !== null && !state.maps.claims.has(state.selected) &&
        !state.maps.inferences.has(state.selected)) {
      state.selected = null;
      $("panel").hidden = true;
    }
    state.lang = lang;
    fillLanguages();
    fillScenarios(); // before the view fits the map: the controls may take another line
    showLang();
    panZoom(current());
    if (saved) restore(current(), saved.view);
    if (state.selected !== null) showPanel(state.selected);
    if ($("search").value) search();
  }

  function installEmpty() {
    $("map").replaceChildren(el("p", { class: "empty" }, "No map to show yet."));
  }

  /* ---- live updates (argmap serve) ---------------------------------------------------- */

  function showProblems(report) {
    const box = $("problems");
    const items = report.diagnostics.map((d) => el("li", null,
      el("span", { class: "where" }, d.file + (d.line ? ":" + d.line + ":" + d.column : "")), " ",
      d.severity + " " + d.code + " " + d.message, d.hint ? el("div", null, "hint: " + d.hint) : null));
    box.replaceChildren(
      el("h2", null, state.data ? "The map has errors: showing the last good map" :
        "The map has errors"), el("ul", null, ...items));
    box.hidden = false;
  }

  function update(message) {
    const doc = new DOMParser().parseFromString(message.page, "text/html");
    const data = JSON.parse(doc.getElementById("argmap-data").textContent);
    const containers = [...doc.querySelectorAll("#map > .drawing")].map((c) => document.adoptNode(c));
    const saved = state.data ? { lang: state.lang, scenario: state.scenario, view: view() } : null;
    install(data, containers, saved);
    $("problems").hidden = true;
    document.documentElement.setAttribute("data-version", String(message.version));
  }

  function connect(live) {
    const events = new EventSource(live.events);
    events.addEventListener("map", (event) => {
      const message = JSON.parse(event.data);
      if (message.version !== state.version) { state.version = message.version; update(message); }
    });
    events.addEventListener("problems", (event) => {
      const message = JSON.parse(event.data);
      state.version = message.version;
      showProblems(message);
      document.documentElement.setAttribute("data-version", String(message.version));
    });
  }

  /* ---- events ------------------------------------------------------------------------- */

  function nodeOf(target) {
    const g = target instanceof Element ? target.closest("g.node") : null;
    return g && g.querySelector("title") ? g.querySelector("title").textContent : null;
  }

  function wire() {
    let down = null;
    const map = $("map");
    map.addEventListener("pointerdown", (event) => { down = [event.clientX, event.clientY]; });
    map.addEventListener("click", (event) => {
      const moved = down && Math.hypot(event.clientX - down[0], event.clientY - down[1]) > 4;
      const id = nodeOf(event.target);
      if (id !== null && !moved) { event.preventDefault(); select(id); }
    });
    map.addEventListener("keydown", (event) => {
      const id = nodeOf(event.target);
      if (id !== null && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        select(id);
      }
    });
    map.addEventListener("focusin", (event) => {
      const id = nodeOf(event.target);
      if (id !== null && !inView(id)) centre(id);
    });
    document.addEventListener("keydown", (event) => {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
      if (event.key === "Escape") {
        if (event.target === $("search")) { $("search").value = ""; search(); }
        else if (state.selected !== null) closePanel();
        return;
      }
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === "/") { event.preventDefault(); $("search").focus(); }
      else if (event.key === "+" || event.key === "=") zoomBy(1.25);
      else if (event.key === "-") zoomBy(0.8);
      else if (event.key === "0") fit();
    });
    $("search").addEventListener("input", search);
    $("search").addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        const found = search();
        if (found.length) select(found[0], { centre: true });
      }
    });
    $("scenario").addEventListener("change", (event) => {
      setScenario(event.target.value === "" ? null : Number(event.target.value));
    });
    $("lang").addEventListener("change", (event) => setLang(event.target.value));
    $("fit").addEventListener("click", fit);
    $("zoom-in").addEventListener("click", () => zoomBy(1.25));
    $("zoom-out").addEventListener("click", () => zoomBy(0.8));
    $("close").addEventListener("click", closePanel);
    $("about").addEventListener("click", about);
    // The map's room changes with the window, the panel and the header: the view follows.
    new ResizeObserver(() => { const d = current(); if (d && d.pz) d.pz.resize(); }).observe(map);
  }

  function start() {
    wire();
    const data = JSON.parse($("argmap-data").textContent);
    state.live = JSON.parse($("argmap-live").textContent);
    if (data) {
      install(data, [...document.querySelectorAll("#map > .drawing")], null);
      const wanted = decodeURIComponent(location.hash.slice(1));
      if (wanted) select(wanted, { centre: true });
    } else {
      installEmpty();
    }
    if (state.live) {
      state.version = state.live.version;
      connect(state.live);
    }
    document.documentElement.setAttribute("data-ready", "true");
    window.argmapReadyAt = performance.now();
  }

  /* A read-only view of the page's state, for tests and benchmarks. */
  window.argmapPage = {
    state: () => ({ lang: state.lang, scenario: state.scenario, selected: state.selected,
      view: view(), version: state.version }),
  };
  start();
}());
