// The attendees' page of a rolesplit room. It polls /api/state about once a second and
// draws the board, the loads, the findings, the round and the vote. Every text from the
// scenario or from attendees goes in with textContent, never as markup.
"use strict";

(function () {
  const key = new URLSearchParams(window.location.search).get("k") || "";
  const query = "?k=" + encodeURIComponent(key);
  const role = document.body.dataset.role;
  const COLUMNS = ["Pm", "Po", "Unassigned"];
  const LABELS = { Pm: "PM", Po: "PO", Unassigned: "Unassigned" };
  const SEVERITY = { error: "ERROR", warning: "WARN", info: "INFO" };

  const byId = (id) => document.getElementById(id);

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function hours(h) {
    return (Math.round(h * 10) / 10).toFixed(1) + " h";
  }

  function remember(name, value) {
    try {
      window.localStorage.setItem(name, JSON.stringify(value));
    } catch (e) {
      // Private browsing: the page still works, it just forgets on reload.
    }
  }

  function recall(name) {
    try {
      return JSON.parse(window.localStorage.getItem(name));
    } catch (e) {
      return null;
    }
  }

  // This phone's attendee id: 128 random bits, kept between reloads.
  function attendeeId() {
    const kept = recall("rolesplit-attendee");
    if (typeof kept === "string" && /^[0-9a-f]{32}$/.test(kept)) return kept;
    const bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    const id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    remember("rolesplit-attendee", id);
    return id;
  }
  const attendee = attendeeId();

  // Maps keyed by scenario ids or option names have no prototype, so an id such as
  // "__proto__" is an ordinary key.
  function fresh(kept) {
    const map = Object.create(null);
    if (kept && typeof kept === "object") {
      for (const [name, value] of Object.entries(kept)) map[name] = value;
    }
    return map;
  }

  let state = null;
  let placements = fresh(null);
  let placementsRound = null;
  let dots = fresh(null);
  let dotsVote = null;
  let drawnRound = "";
  let drawnVote = "";

  async function post(path, body) {
    const response = await fetch(path + query, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body || {}),
      cache: "no-store",
    });
    let answer = {};
    try {
      answer = await response.json();
    } catch (e) {
      answer = {};
    }
    return { ok: response.ok, answer: answer };
  }

  function say(id, text, bad) {
    const node = byId(id);
    node.textContent = text;
    node.classList.toggle("bad", !!bad);
  }

  // The board of the shown product.
  function drawBoard(product) {
    const columns = byId("columns");
    columns.replaceChildren();
    byId("board-title").textContent = product ? "Board: " + product.name : "Board";
    if (!product) {
      columns.append(el("p", "empty", "This scenario has no product yet."));
      return;
    }
    for (const column of COLUMNS) {
      const cards = product.columns[column] || [];
      const total = cards.reduce((sum, c) => sum + c.hours, 0);
      const box = el("div", "column");
      box.append(el("h3", "", LABELS[column] + " · " + hours(total)));
      const list = el("ul", "cards");
      for (const card of cards) {
        const item = el("li", "card " + (card.kind === "Strategy" ? "strategy" : "execution"));
        item.append(el("span", "title", card.title));
        item.append(el("span", "meta", card.kind.toUpperCase() + " · " + hours(card.hours)));
        const owners = card.owners.length ? card.owners.join(", ") : "nobody";
        item.append(el("span", "owners", "Owners: " + owners));
        list.append(item);
      }
      if (!cards.length) list.append(el("li", "empty", "No card"));
      box.append(list);
      columns.append(box);
    }
  }

  function drawPeople(people) {
    const list = byId("people");
    list.replaceChildren();
    for (const person of people) {
      const item = el("li", "person");
      const over = person.load_hours - person.capacity_hours > 1e-9;
      item.append(el("span", "name", person.name));
      const text = hours(person.load_hours) + " of " + hours(person.capacity_hours) + (over ? " ! over" : "");
      item.append(el("span", over ? "hours over" : "hours", text));
      const meter = el("meter");
      meter.min = 0;
      meter.max = Math.max(person.capacity_hours, person.load_hours, 1);
      meter.high = person.capacity_hours;
      meter.optimum = 0;
      meter.value = person.load_hours;
      meter.setAttribute("aria-label", person.name + ": " + text);
      item.append(meter);
      list.append(item);
    }
    if (!people.length) list.append(el("li", "empty", "No people in this scenario."));
  }

  function drawFindings(findings) {
    const list = byId("findings");
    list.replaceChildren();
    for (const finding of findings) {
      const item = el("li", "finding " + finding.severity);
      item.append(el("span", "severity", SEVERITY[finding.severity] || finding.severity));
      item.append(el("span", "message", finding.message));
      list.append(item);
    }
    if (!findings.length) list.append(el("li", "empty", "No findings: nothing to fix."));
  }

  function cardTitle(id) {
    const product = state && state.product;
    if (product) {
      for (const column of COLUMNS) {
        const card = (product.columns[column] || []).find((c) => c.responsibility === id);
        if (card) return card.title;
      }
    }
    return id;
  }

  function tallyText(counts) {
    const total = counts.Pm + counts.Po + counts.Unassigned;
    const parts = COLUMNS.map((c) => LABELS[c] + " " + counts[c]);
    if (total > 0) {
      const top = Math.max(counts.Pm, counts.Po, counts.Unassigned);
      parts.push(Math.round((100 * top) / total) + " % agree");
    }
    return "Room: " + parts.join(" · ");
  }

  function drawRound(round) {
    const section = byId("round");
    section.hidden = !round;
    if (!round) return;
    if (placementsRound !== round.id) {
      placements = fresh(recall("rolesplit-round-" + round.id));
      placementsRound = round.id;
    }
    const fingerprint = JSON.stringify([round, placements, round.cards.map(cardTitle)]);
    if (fingerprint === drawnRound) return;
    drawnRound = fingerprint;
    let words = round.open ? "Tap where each card belongs, then submit. You can change it until the round closes." : "The round is closed.";
    if (round.revealed) words += " The room's tally is shown under each card.";
    byId("round-state").textContent = words;
    const list = byId("round-cards");
    list.replaceChildren();
    for (const id of round.cards) {
      const item = el("li", "round-card");
      item.append(el("span", "title", cardTitle(id)));
      const buttons = el("div", "choices");
      for (const column of COLUMNS) {
        const button = el("button", "choice", LABELS[column]);
        button.type = "button";
        button.disabled = !round.open;
        button.dataset.card = id;
        button.dataset.column = column;
        button.setAttribute("aria-pressed", placements[id] === column ? "true" : "false");
        button.setAttribute("aria-label", cardTitle(id) + ": " + LABELS[column]);
        buttons.append(button);
      }
      item.append(buttons);
      if (round.tally && round.tally[id]) item.append(el("p", "tally", tallyText(round.tally[id])));
      list.append(item);
    }
    byId("submit-ballot").disabled = !round.open;
  }

  function dotsLeft(vote) {
    return vote.dots - Object.values(dots).reduce((a, b) => a + b, 0);
  }

  function drawVote(vote) {
    const section = byId("vote");
    section.hidden = !vote;
    if (!vote) return;
    if (dotsVote !== vote.id) {
      dots = fresh(recall("rolesplit-vote-" + vote.id));
      dotsVote = vote.id;
    }
    const fingerprint = JSON.stringify([vote, dots]);
    if (fingerprint === drawnVote) return;
    drawnVote = fingerprint;
    const left = dotsLeft(vote);
    byId("vote-state").textContent = vote.open
      ? "Spread your " + vote.dots + " dots over the options: " + left + " left."
      : "The vote is closed.";
    const list = byId("vote-options-list");
    list.replaceChildren();
    for (const option of vote.options) {
      const item = el("li", "vote-option");
      item.append(el("span", "title", option));
      const less = el("button", "step", "−");
      less.type = "button";
      less.disabled = !vote.open || !(dots[option] > 0);
      less.dataset.option = option;
      less.dataset.step = "-1";
      less.setAttribute("aria-label", "One dot less for " + option);
      const more = el("button", "step", "+");
      more.type = "button";
      more.disabled = !vote.open || left <= 0;
      more.dataset.option = option;
      more.dataset.step = "1";
      more.setAttribute("aria-label", "One dot more for " + option);
      item.append(less, el("span", "count", String(dots[option] || 0)), more);
      list.append(item);
    }
    byId("submit-dots").disabled = !vote.open;
  }

  function draw() {
    byId("scenario").textContent = state.scenario;
    drawBoard(state.product);
    drawPeople(state.people);
    drawFindings(state.findings);
    drawRound(state.round);
    drawVote(state.vote);
  }

  async function poll() {
    try {
      // The attendee id tells the facilitator's window how many phones are connected.
      const response = await fetch("/api/state" + query + "&a=" + attendee, { cache: "no-store" });
      if (!response.ok) throw new Error("HTTP " + response.status);
      state = await response.json();
      draw();
      say("status", "Live: updated " + new Date().toLocaleTimeString(), false);
      if (role === "facilitator") await pollResults();
    } catch (e) {
      say("status", "Cannot reach the room; trying again…", true);
    }
    window.setTimeout(poll, 1000);
  }

  byId("round-cards").addEventListener("click", (event) => {
    const button = event.target.closest("button.choice");
    if (!button || button.disabled) return;
    placements[button.dataset.card] = button.dataset.column;
    remember("rolesplit-round-" + placementsRound, placements);
    if (state) drawRound(state.round);
  });

  byId("submit-ballot").addEventListener("click", async () => {
    if (!state || !state.round) return;
    const chosen = fresh(null);
    for (const id of state.round.cards) if (placements[id]) chosen[id] = placements[id];
    if (!Object.keys(chosen).length) {
      say("ballot-message", "Tap PM, PO or Unassigned on at least one card first.", true);
      return;
    }
    const name = byId("name").value;
    const { ok, answer } = await post("/api/ballot", { attendee: attendee, name: name, placements: chosen });
    say("ballot-message", ok ? "Submitted. You can change it until the round closes." : "Not taken: " + (answer.error || "the room refused it"), !ok);
  });

  byId("vote-options-list").addEventListener("click", (event) => {
    const button = event.target.closest("button.step");
    if (!button || button.disabled || !state || !state.vote) return;
    const option = button.dataset.option;
    const next = (dots[option] || 0) + Number(button.dataset.step);
    if (next < 0 || (Number(button.dataset.step) > 0 && dotsLeft(state.vote) <= 0)) return;
    dots[option] = next;
    remember("rolesplit-vote-" + dotsVote, dots);
    drawVote(state.vote);
  });

  byId("submit-dots").addEventListener("click", async () => {
    if (!state || !state.vote) return;
    const { ok, answer } = await post("/api/dots", { attendee: attendee, dots: dots });
    say("dots-message", ok ? "Your dots are in. You can change them until the vote closes." : "Not taken: " + (answer.error || "the room refused it"), !ok);
  });

  // The facilitator's controls (the facilitator's key only; the server checks it).
  async function pollResults() {
    const response = await fetch("/api/results" + query, { cache: "no-store" });
    if (!response.ok) return;
    const results = await response.json();
    const box = byId("results");
    box.replaceChildren();
    if (results.round) {
      box.append(el("h3", "", "Round: " + results.round.ballots + " ballot" + (results.round.ballots === 1 ? "" : "s")));
      const list = el("ul", "results");
      for (const [id, counts] of Object.entries(results.round.tally)) {
        list.append(el("li", "", cardTitle(id) + ": " + tallyText(counts).replace("Room: ", "")));
      }
      box.append(list);
    }
    if (results.vote) {
      box.append(el("h3", "", "Vote: " + results.vote.voters + " voter" + (results.vote.voters === 1 ? "" : "s")));
      const list = el("ul", "results");
      for (const [option, n] of Object.entries(results.vote.dots)) list.append(el("li", "", option + ": " + n));
      box.append(list);
    }
  }

  async function facilitate(path, body) {
    const { ok, answer } = await post(path, body);
    say("facilitator-message", ok ? "Done." : "Refused: " + (answer.error || "unknown reason"), !ok);
  }

  async function setUpFacilitator() {
    byId("facilitator").hidden = false;
    const response = await fetch("/api/products" + query, { cache: "no-store" });
    if (!response.ok) return;
    const { products } = await response.json();
    const pick = byId("product-pick");
    for (const product of products) {
      const option = el("option", "", product.name);
      option.value = product.id;
      pick.append(option);
    }
    byId("show-product").addEventListener("click", () => facilitate("/api/show", { product: pick.value }));
    byId("open-round").addEventListener("click", () => facilitate("/api/round", { product: pick.value, cards: null }));
    byId("close-round").addEventListener("click", () => facilitate("/api/round/close"));
    byId("reveal-round").addEventListener("click", () => facilitate("/api/round/reveal"));
    byId("open-vote").addEventListener("click", () => {
      const options = byId("vote-options").value.split("\n").map((s) => s.trim()).filter((s) => s);
      facilitate("/api/vote", { options: options, dots: Number(byId("vote-dots").value) });
    });
    byId("close-vote").addEventListener("click", () => facilitate("/api/vote/close"));
  }

  if (role === "facilitator") setUpFacilitator();
  poll();
})();
