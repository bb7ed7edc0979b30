/* studio browser views: prompter, stage timer, controller status. Reads GET /api/v1/status once,
   then follows the WebSocket /api/v1/events (reconnecting); strings from strings.json. */
(function () {
  "use strict";
  var root = document.documentElement;
  var view = root.getAttribute("data-view");
  var lang = root.getAttribute("lang") === "zh" ? "zh" : "en";
  var app = document.getElementById("app");
  var conn = document.getElementById("conn");
  var T = {};
  var status = null;
  var mirror = new URLSearchParams(location.search).get("mirror") === "1";

  function t(k) { return T[k] || k; }
  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function clock(sec) {
    var s = Math.round(sec || 0), neg = s < 0; s = Math.abs(s);
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    var txt = (h ? h + ":" + String(m).padStart(2, "0") : m) + ":" + String(r).padStart(2, "0");
    return (neg ? "-" : "") + txt;
  }
  function money(cents) {
    if (cents == null) return "—";
    var yuan = cents / 100;
    if (lang === "zh" && yuan >= 10000) return "¥" + (yuan / 10000).toFixed(1) + "万";
    return "¥" + yuan.toLocaleString(lang === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 0 });
  }
  function num(v) { return v == null ? "—" : Number(v).toLocaleString(lang === "zh" ? "zh-CN" : "en-US"); }
  function link(params) {
    var q = new URLSearchParams(location.search);
    Object.keys(params).forEach(function (k) { q.set(k, params[k]); });
    return "?" + q.toString();
  }
  function overUnder(ou) {
    if (Math.abs(ou) < 1) return '<span>' + t("on_time") + "</span>";
    return ou > 0 ? '<span class="danger">' + t("over") + " " + clock(ou) + "</span>"
                  : '<span class="ok">' + t("under") + " " + clock(-ou) + "</span>";
  }
  function phaseClass(r) { return r.phase === "danger" ? "danger" : r.phase === "warn" ? "warn" : ""; }
  function bar(extra) {
    var r = status && status.runner;
    var st = r ? r.state : "ready";
    var other = lang === "zh" ? "en" : "zh";
    return '<div class="bar"><span class="state ' + st + '" id="state">' + esc(t(st)) + "</span>" +
      (extra || "") + '<a id="lang" href="' + link({ lang: other }) + '">' + esc(t("language")) + "</a></div>";
  }

  function renderIndex() {
    document.title = t("title_index");
    app.className = "index";
    app.innerHTML = ["prompter", "timer", "controller"].map(function (v) {
      return '<a href="/view/' + v + "?lang=" + lang + '">' + esc(t("title_" + v)) +
        "<small>" + esc(t(v + "_desc")) + "</small></a>";
    }).join("") + '<div class="bar"><a href="?lang=' + (lang === "zh" ? "en" : "zh") + '">' + esc(t("language")) + "</a></div>";
  }

  function productCard(p) {
    if (!p) return "";
    var price = money(p.effective_price_cents);
    var out = p.stock_left <= 0;
    return '<div class="card" id="product"><span class="name">' + (p.link != null ? esc(t("link")) + " " + esc(p.link) + " · " : "") +
      esc(p.name) + '</span><span class="price">' + price + "</span>" +
      (out ? '<span class="danger">' + esc(t("sold_out")) + "</span>"
           : "<span>" + esc(t("stock_left")) + " " + num(p.stock_left) + "</span>") +
      (p.flash_running ? '<span class="warn">' + esc(t("flash")) + " · " + esc(t("quota_left")) + " " + num(p.quota_left) + "</span>" : "") +
      "</div>";
  }

  function renderPrompter() {
    document.title = t("title_prompter");
    var r = status.runner, cue = r.cue ? r.cue.text : "", seg = r.segment ? r.segment.title : "";
    var nxt = r.next ? (r.next.segment.index !== (r.segment && r.segment.index) ? "【" + r.next.segment.title + "】 " : "") + r.next.cue.text : "";
    var mirrorLink = '<a id="mirror" href="' + link({ mirror: mirror ? "0" : "1" }) + '">' + esc(t("mirror")) + "</a>";
    var banner = r.state === "held" ? '<div class="banner" id="held">' + esc(t("held")) + "</div>" : "";
    if (r.banner) {
      var b = r.banner, lucky = b.kind === "lucky_bag", over = b.remaining_s <= 0;
      var text = lucky ? (over ? t("lucky_now") : t("lucky_in") + " " + clock(b.remaining_s))
                       : (over ? t("flash_over") : t("flash_in") + " " + clock(b.remaining_s));
      if (!lucky && !over && status.product && status.product.flash_running && status.product.quota_left != null)
        text += " · " + t("quota_left") + " " + num(status.product.quota_left);
      banner += '<div class="banner ' + (lucky ? "lucky" : "") + '" id="banner">' + esc(text) + "</div>";
    }
    app.className = "prompter" + (mirror ? " mirrored" : "");
    app.innerHTML = bar(mirrorLink) +
      '<div class="bar"><span class="seg" id="segment">' + esc(seg) + '</span><span class="count ' + phaseClass(r) + '" id="countdown">' + clock(r.remaining_s) + "</span></div>" +
      banner +
      '<div class="cue" id="cue">' + esc(r.state === "ended" ? t("ended") : cue) + "</div>" +
      productCard(status.product) +
      (nxt ? '<div class="next" id="next">' + esc(t("next")) + "： " + esc(nxt) + "</div>" : "");
  }

  function renderTimer() {
    document.title = t("title_timer");
    var r = status.runner;
    app.className = "timer";
    app.innerHTML = bar() + '<div class="timer-wrap"><div class="seg" id="segment">' +
      esc(r.segment ? r.segment.title : "") + '</div><div class="big count ' + phaseClass(r) + '" id="countdown">' +
      clock(r.remaining_s) + '</div><div class="ou" id="overunder">' + overUnder(r.over_under_s) + "</div></div>";
  }

  function renderController() {
    document.title = t("title_controller");
    var r = status.runner, m = status.metrics || {}, inc = status.incidents || { open: 0 };
    var pct = m.gmv_target_cents ? Math.min(100, 100 * (m.gmv_cents || 0) / m.gmv_target_cents) : 0;
    function tile(id, k, v, extra) {
      return '<div class="tile" id="' + id + '"><div class="k">' + esc(t(k)) + '</div><div class="v">' + v + "</div>" + (extra || "") + "</div>";
    }
    app.className = "controller";
    var drv = status.driver && status.driver.station ? '<span id="driver">' + esc(t("driver")) + " " + esc(status.driver.station) + "</span>" : "";
    app.innerHTML = bar(drv) +
      '<div class="grid">' +
      '<div class="tile wide" id="segment"><div class="k">' + esc(t("segment")) + '</div><div class="v title">' +
        esc(r.segment ? (r.segment.index + 1) + ". " + r.segment.title : "—") + '</div><div class="sub"><span class="count ' +
        phaseClass(r) + '">' + clock(r.remaining_s) + "</span> · " + overUnder(r.over_under_s) + "</div></div>" +
      tile("gmv", "gmv", money(m.gmv_cents), '<div class="k">' + esc(t("target")) + " " + money(m.gmv_target_cents) +
        '</div><div class="progress"><div style="width:' + pct.toFixed(1) + '%"></div></div>') +
      tile("viewers", "viewers", num(m.online_viewers)) +
      tile("orders", "orders", num(m.orders)) +
      tile("incidents", "incidents_open", '<span class="' + (inc.open ? "danger" : "") + '">' + num(inc.open) + "</span>") +
      "</div>" + productCard(status.product);
  }

  function render() {
    if (view === "index") return renderIndex();
    if (!status) return;
    document.body.setAttribute("data-state", status.runner.state);
    if (view === "prompter") renderPrompter();
    else if (view === "timer") renderTimer();
    else renderController();
  }

  function apply(ev) {
    if (ev.type === "status") status = ev.status;
    else if (!status) return;
    else if (ev.type === "cue" || ev.type === "tick") status.runner = ev.runner;
    else if (ev.type === "metrics") status.metrics = ev.metrics;
    else if (ev.type === "product") status.product = ev.product;
    else if (ev.type === "incident") status.incidents = ev.incidents;
    else if (ev.type === "show") status.show = ev.show;
    render();
  }

  function connect() {
    var proto = location.protocol === "https:" ? "wss://" : "ws://";
    var ws = new WebSocket(proto + location.host + "/api/v1/events");
    ws.onopen = function () { conn.hidden = true; };
    ws.onmessage = function (m) { try { apply(JSON.parse(m.data)); } catch (e) { /* a bad frame is skipped */ } };
    ws.onclose = function () {
      conn.textContent = t("offline"); conn.hidden = false;
      setTimeout(connect, 2000);
    };
  }

  fetch("/view/static/strings.json").then(function (r) { return r.json(); }).then(function (all) {
    T = all[lang] || all.en;
    if (view === "index") { render(); return; }
    return fetch("/api/v1/status", { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (s) { status = s; render(); connect(); });
  }).catch(function () { conn.textContent = t("offline"); conn.hidden = false; setTimeout(function () { location.reload(); }, 5000); });
})();
