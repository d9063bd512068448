// The page of `leadlex serve`: it sends the ad to the JSON API as it is
// typed and shows what came back. Text only ever reaches the page through
// textContent, never as markup.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const ad = $("ad"), nameInput = $("name"), statusLine = $("status");
  const encoder = new TextEncoder(), decoder = new TextDecoder();
  let dimensions = [];      // the lexicon's dimensions, for underline styles
  let last = null;          // the last answers: {explain, check}
  let seq = 0;              // requests sent; older answers are dropped
  let timer = 0;

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  async function post(path, body) {
    const res = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const answer = await res.json().catch(() => ({ error: res.statusText }));
    if (!res.ok) throw new Error(answer.error || res.statusText);
    return answer;
  }

  function request() {
    return { text: ad.value, name: nameInput.value.trim() || "ad.txt" };
  }

  async function analyse() {
    const mine = ++seq;
    const body = request();
    if (body.text.trim() === "") {
      last = null;
      render(null);
      statusLine.textContent = "Type or paste an ad to see its wording scored.";
      return;
    }
    statusLine.textContent = "Analysing…";
    try {
      const [explain, check] = await Promise.all([post("/api/v1/explain", body), post("/api/v1/check", body)]);
      if (mine !== seq) return;
      last = { explain, check };
      render(last);
      const r = explain.result;
      statusLine.textContent = r.status === "ok"
        ? `${r.words} words, ${explain.hits.filter((h) => !h.neutral).length} hits, ${check.findings.length} findings.`
        : `Not scored (${r.status}): ${r.error}`;
    } catch (err) {
      if (mine === seq) statusLine.textContent = "Could not analyse: " + err.message;
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(analyse, 250);
  }

  // pieces cuts the text at every hit and excluded stretch (byte offsets).
  function pieces(bytes, hits, excluded) {
    const cuts = new Set([0, bytes.length]);
    for (const h of hits) { cuts.add(h.start); cuts.add(h.end); }
    for (const x of excluded) { cuts.add(x.start); cuts.add(x.end); }
    const sorted = [...cuts].filter((c) => c >= 0 && c <= bytes.length).sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i + 1 < sorted.length; i++) {
      const a = sorted[i], b = sorted[i + 1];
      out.push({
        text: decoder.decode(bytes.subarray(a, b)),
        hit: hits.find((h) => h.start <= a && b <= h.end),
        excluded: excluded.find((x) => x.start <= a && b <= x.end),
      });
    }
    return out;
  }

  function renderText(explain) {
    const box = $("highlighted");
    box.replaceChildren();
    if (!explain) return;
    const bytes = encoder.encode(explain.text);
    for (const p of pieces(bytes, explain.hits, explain.excluded || [])) {
      let node = document.createTextNode(p.text);
      if (p.hit) {
        const d = Math.max(0, dimensions.indexOf(p.hit.dimension)) % 8;
        const m = el("mark", {
          class: p.hit.neutral ? "neutral" : `pole-${p.hit.pole} d${d}` + (p.hit.negated ? " negated" : ""),
          title: (p.hit.neutral ? "neutral: does not count\n" : "") + p.hit.provenance,
          "data-dimension": p.hit.dimension,
          "data-pole": p.hit.pole,
          tabindex: "0",
        }, p.text);
        const show = () => { $("hit-info").textContent = m.title; };
        m.addEventListener("focus", show);
        m.addEventListener("mouseenter", show);
        node = m;
      }
      if (p.excluded) {
        const s = el("span", { class: "excluded", title: "not counted: " + (p.excluded.kind || "excluded") });
        s.append(node);
        node = s;
      }
      box.append(node);
    }
  }

  function fmt(v, digits) {
    return v === null || v === undefined ? "—" : Number(v).toFixed(digits).replace("-", "−");
  }

  // renderFigures shows the row's figures; standing is the explain
  // answer's sentence on where the balance stands among the norms' genre.
  function renderFigures(r, standing) {
    const dl = $("figures");
    dl.replaceChildren();
    if (!r) return;
    const rows = [
      ["Label", r.label + (r.status === "ok" ? ` (confidence ${fmt(r.confidence, 2)})` : "")],
      ["Balance", fmt(r.balance, 2) + (standing ? " · " + standing : " (−1 management … +1 leadership)")],
      ["Words", String(r.words)],
      ["Leadership", `${fmt(r.leadership_hits, 1)} hits, ${fmt(r.leadership_per_1k, 1)} per 1,000 words`],
      ["Management", `${fmt(r.management_hits, 1)} hits, ${fmt(r.management_per_1k, 1)} per 1,000 words`],
    ];
    if ("balance_percentile" in r) rows.push(["Balance percentile", fmt(r.balance_percentile, 0)]);
    if ("leadership_percentile" in r) rows.push(["Leadership percentile", fmt(r.leadership_percentile, 0)]);
    if (Array.isArray(r.excluded) && r.excluded.length) {
      rows.push(["Not counted", r.excluded.map((x) => `${x.kind} ${x.words} words`).join(", ")]);
    }
    for (const [k, v] of rows) dl.append(el("dt", {}, k), el("dd", {}, v));
  }

  function renderBars(r) {
    const box = $("bars");
    box.replaceChildren();
    if (!r || !r.dimensions) return;
    box.append(el("span", { class: "head" }, "dimension"), el("span", { class: "head" }, "leadership"), el("span", { class: "head" }, "management"));
    const top = Math.max(1, ...r.dimensions.map((d) => Math.max(d.leadership, d.management)));
    for (const d of r.dimensions) {
      const i = Math.max(0, dimensions.indexOf(d.name)) % 8;
      box.append(el("span", { class: "dimname d" + i }, d.name));
      for (const [pole, v] of [["lead", d.leadership], ["mgmt", d.management]]) {
        const bar = el("div", { class: "bar " + pole, role: "img", "aria-label": `${d.name} ${pole === "lead" ? "leadership" : "management"} ${v}` });
        const fill = el("span");
        fill.style.width = (100 * v / top).toFixed(1) + "%";
        bar.append(fill);
        bar.title = String(v);
        box.append(bar);
      }
    }
  }

  // offsetOf turns a 1-based line and column (in characters) into an index of s.
  function offsetOf(s, line, column) {
    let i = 0;
    for (let l = 1; l < line; l++) {
      const nl = s.indexOf("\n", i);
      if (nl < 0) return -1;
      i = nl + 1;
    }
    for (let c = 1; c < column && i < s.length; c++) {
      i += s.codePointAt(i) > 0xffff ? 2 : 1;
    }
    return i;
  }

  function apply(f, replacement) {
    const s = ad.value;
    const a = offsetOf(s, f.line, f.column), b = offsetOf(s, f.end_line, f.end_column);
    if (a < 0 || b < a || s.slice(a, b).toLowerCase() !== f.match.toLowerCase()) {
      statusLine.textContent = "The text changed; the suggestion was not applied.";
      return;
    }
    ad.value = s.slice(0, a) + replacement + s.slice(b);
    ad.focus();
    ad.setSelectionRange(a, a + replacement.length);
    analyse();
  }

  function renderFindings(check) {
    const list = $("findings");
    list.replaceChildren();
    if (!check) return;
    if (check.findings.length === 0) {
      list.append(el("li", { class: "muted empty" }, "No findings: the text meets the policy."));
      return;
    }
    for (const f of check.findings) {
      const li = el("li", { "data-rule": f.rule });
      li.append(el("span", { class: "sev " + f.severity }, f.severity), " ");
      if (f.match) li.append(el("span", { class: "muted" }, `line ${f.line}:${f.column} `));
      li.append(el("span", {}, f.message));
      if (f.replacements && f.replacements.length) {
        const p = el("div");
        for (const r of f.replacements) {
          const b = el("button", { type: "button", class: "apply" }, `Replace “${f.match}” with “${r}”`);
          b.addEventListener("click", () => apply(f, r));
          p.append(b);
        }
        li.append(p);
      } else if (f.suggestion) {
        li.append(el("div", { class: "muted" }, "Suggestion: " + f.suggestion));
      }
      list.append(li);
    }
  }

  function render(answers) {
    renderText(answers && answers.explain);
    renderFigures(answers && answers.explain.result, answers && answers.explain.standing);
    renderBars(answers && answers.explain.result);
    renderFindings(answers && answers.check);
  }

  function base64(buf) {
    const bytes = new Uint8Array(buf);
    let s = "";
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }

  async function open(file) {
    if (!file) return;
    statusLine.textContent = "Reading " + file.name + "…";
    try {
      if (/\.docx$/i.test(file.name)) {
        // Word files are read by the server; the page then edits their text.
        const answer = await post("/api/v1/explain", { data: base64(await file.arrayBuffer()), name: file.name });
        if (answer.result.status !== "ok") throw new Error(answer.result.error);
        ad.value = answer.text;
        nameInput.value = file.name.replace(/\.docx$/i, ".txt");
      } else {
        ad.value = await file.text();
        nameInput.value = file.name;
      }
      analyse();
    } catch (err) {
      statusLine.textContent = "Could not open " + file.name + ": " + err.message;
    }
  }

  async function copy() {
    if (!last) return;
    const json = JSON.stringify({ result: last.explain.result, findings: last.check.findings, hits: last.explain.hits }, null, 2);
    try {
      await navigator.clipboard.writeText(json);
    } catch {
      const t = el("textarea");
      t.value = json;
      document.body.append(t);
      t.select();
      document.execCommand("copy");
      t.remove();
    }
    $("copied").textContent = "Copied.";
    setTimeout(() => { $("copied").textContent = ""; }, 2000);
  }

  async function init() {
    ad.addEventListener("input", schedule);
    nameInput.addEventListener("change", analyse);
    $("file").addEventListener("change", (e) => open(e.target.files[0]));
    const drop = $("drop");
    drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (e) => {
      e.preventDefault();
      drop.classList.remove("over");
      open(e.dataTransfer.files[0]);
    });
    $("copy").addEventListener("click", copy);
    try {
      const res = await fetch("/api/v1/info");
      const info = await res.json();
      dimensions = info.dimensions || [];
      $("setup").textContent = `leadlex ${info.version} · lexicon ${info.lexicon.name} ${info.lexicon.version} · ` +
        (info.policy ? "policy " + info.policy : "no policy file: thresholds and flags are off");
      $("policy").textContent = info.policy ? "(" + info.policy + ")" : "";
    } catch (err) {
      $("setup").textContent = "The server did not answer: " + err.message;
    }
    if (ad.value.trim() !== "") analyse();
    else statusLine.textContent = "Type or paste an ad to see its wording scored.";
  }

  init();
})();
