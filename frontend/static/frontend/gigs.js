// The live gig board: applies the board's WebSocket events to the server-rendered cards, catches up
// on what it missed after a reconnect, and claims over the socket. Without it the page still works.
(function () {
  "use strict";
  var root = document.getElementById("gig-board");
  if (!root || !("WebSocket" in window)) return;
  var d = root.dataset;
  var area = d.area;
  var lastSeq = parseInt(d.lastSeq, 10) || 0;
  var pendingMax = 0; // the highest number seen while a catch-up was running
  var catchingUp = false;
  var socket = null;
  var delay = 1000;
  var labels = JSON.parse(document.getElementById("gig-group-labels").textContent);
  var csrf = root.querySelector("input[name=csrfmiddlewaretoken]");
  var status = root.querySelector("[data-board-status]");
  var empty = root.querySelector("[data-empty]");

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function parts(date) {
    var out = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: d.tz, year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit",
      hourCycle: "h23"
    }).formatToParts(date).forEach(function (p) { out[p.type] = p.value; });
    return out;
  }

  function isoDate(y, m, day) {
    return y + "-" + ("0" + m).slice(-2) + "-" + ("0" + day).slice(-2);
  }

  function dayLabel(workDate) {
    if (workDate === d.today) return "今天";
    var t = d.today.split("-").map(Number);
    var next = new Date(Date.UTC(t[0], t[1] - 1, t[2] + 1));
    if (workDate === isoDate(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate())) return "明天";
    var w = workDate.split("-").map(Number);
    return w[1] + "月" + w[2] + "日";
  }

  function priorityRule(gig) {
    if (!(gig.priority_groups.length || gig.priority_radius_km) || !gig.priority_until) return "";
    var until = new Date(gig.priority_until);
    if (until.getTime() <= Date.now()) return "";
    var p = parts(until);
    var time = p.hour + ":" + p.minute;
    var moment = isoDate(p.year, p.month, p.day) === d.today ? time : p.month + "月" + p.day + "日 " + time;
    var who = [];
    if (gig.priority_groups.length) who.push(gig.priority_groups.map(function (g) { return labels[g] || g; }).join("、"));
    if (gig.priority_radius_km) who.push("附近" + gig.priority_radius_km + "公里内的人");
    return who.join("或") + "优先，" + moment + " 后对所有人开放";
  }

  // 离我最近: the same haversine and sort key as frontend/views/gigs.py, for cards that arrive live.
  function distanceTo(gig) {
    if (!d.lat || gig.lat == null || gig.lon == null) return null;
    var rad = Math.PI / 180, lat1 = Number(d.lat) * rad, lat2 = gig.lat * rad;
    var dLat = lat2 - lat1, dLon = (gig.lon - Number(d.lon)) * rad;
    var a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
  }

  function sortKey(gig, distance) {
    var when = gig.work_date + " " + gig.start_time;
    if (d.sortMode !== "near") return when;
    var km = distance === null ? 99999.99 : distance;
    var text = km.toFixed(2);
    while (text.length < 9) text = "0" + text;
    return text + " " + when;
  }

  // The sort link asks the phone where it is when the server does not know yet.
  var nearLink = document.querySelector("[data-sort-near]");
  if (nearLink && !d.lat && navigator.geolocation) {
    nearLink.addEventListener("click", function (event) {
      event.preventDefault();
      nearLink.textContent = "正在定位…";
      navigator.geolocation.getCurrentPosition(function (pos) {
        location.search = "?sort=near&lat=" + pos.coords.latitude.toFixed(5) + "&lon=" + pos.coords.longitude.toFixed(5);
      }, function () {
        location.search = "?sort=near";
      }, { timeout: 10000, maximumAge: 600000 });
    });
  }

  // One card, built like frontend/gigs/_card.html from an event's gig payload.
  function render(gig, mine) {
    var card = el("article", "gig-card " + gig.status + (mine ? " mine" : ""));
    card.id = "gig-" + gig.id;
    card.dataset.gig = gig.id;
    var distance = distanceTo(gig);
    card.dataset.sort = sortKey(gig, distance);
    if (gig.lat != null) { card.dataset.lat = gig.lat; card.dataset.lon = gig.lon; }
    var head = el("div", "job-head");
    var title = el("h3", "job-title");
    var link = el("a", "", gig.title);
    link.href = "/gigs/g/" + gig.id + "/";
    title.appendChild(link);
    head.appendChild(title);
    head.appendChild(el("span", "job-pay", gig.pay_display));
    card.appendChild(head);
    var meta = el("div", "job-meta");
    meta.appendChild(el("span", "", dayLabel(gig.work_date) + " " + gig.start_time + "–" + gig.end_time));
    meta.appendChild(el("span", "", gig.county + (gig.town ? " · " + gig.town : "")));
    if (distance !== null) meta.appendChild(el("span", "gig-distance", "距你" + distance.toFixed(1) + "公里"));
    card.appendChild(meta);
    if (gig.meeting_point) card.appendChild(el("p", "gig-meet", "集合：" + gig.meeting_point));
    var rule = priorityRule(gig);
    if (rule) {
      var ruleNode = el("p", "gig-rule", rule);
      ruleNode.dataset.until = gig.priority_until;
      card.appendChild(ruleNode);
    }
    var foot = el("div", "gig-foot");
    var left = el("span", "gig-left");
    var count;
    if (gig.status === "cancelled") count = "已取消";
    else if (gig.status === "done") count = "已结束";
    else count = gig.status === "full" ? "名额已满" : "还剩 " + gig.places_left + " 个名额";
    left.appendChild(el("span", "", count)); // kept whole: 名额 never breaks over two lines
    left.appendChild(el("small", "", " / 共 " + gig.places + " 人"));
    foot.appendChild(left);
    if (mine) {
      foot.appendChild(el("span", "btn small done", "已抢到"));
    } else if (gig.status === "full") {
      var full = el("button", "btn small", "已满员");
      full.type = "button";
      full.disabled = true;
      foot.appendChild(full);
    } else if (gig.status === "open" && d.canClaim) {
      var form = el("form");
      form.method = "post";
      form.action = d.claimUrl.replace("/0/", "/" + gig.id + "/");
      form.dataset.claim = "";
      if (csrf) form.appendChild(csrf.cloneNode());
      var button = withIcon(el("button", "btn small"), "hand", "抢单");
      button.type = "submit";
      form.appendChild(button);
      foot.appendChild(form);
    } else if (gig.status === "open" && d.anonymous) {
      var login = el("a", "btn small ghost", "登录后抢单");
      login.href = d.loginUrl;
      foot.appendChild(login);
    }
    card.appendChild(foot);
    card.appendChild(el("p", "gig-result"));
    card.lastChild.setAttribute("aria-live", "polite");
    card.appendChild(el("div", "job-employer", gig.poster));
    var speak = withIcon(el("button", "btn ghost small speak"), "volume-2", "读给我听"); // speech.js reads it
    speak.type = "button";
    speak.dataset.speak = "";
    card.appendChild(speak);
    return card;
  }

  // The vendored icon (base.html's <template id="icon-…">) beside the word, as the server draws it.
  function withIcon(node, name, text) {
    node.textContent = "";
    var icon = document.getElementById("icon-" + name);
    if (icon) node.appendChild(icon.content.cloneNode(true));
    node.appendChild(document.createTextNode(text));
    return node;
  }

  // Screen readers hear what changed on the board without the page moving (a polite live region).
  function announce(text) {
    var node = root.querySelector("[data-announce]");
    if (node) node.textContent = text;
  }

  function place(card) {
    var cards = root.querySelectorAll(".gig-card");
    for (var i = 0; i < cards.length; i++) {
      var other = cards[i];
      var a = other.dataset.sort, b = card.dataset.sort;
      if (a > b || (a === b && Number(other.dataset.gig) > Number(card.dataset.gig))) {
        root.insertBefore(card, other);
        return;
      }
    }
    root.insertBefore(card, empty);
  }

  function apply(gig) {
    // A gig's own page listens to its county's board but shows only that gig.
    if (d.onlyGig && String(gig.id) !== d.onlyGig) return;
    var old = document.getElementById("gig-" + gig.id);
    if (gig.withdrawn) { // its employer was blacklisted: the card comes down (and back up when lifted)
      if (old) old.remove();
      empty.hidden = root.querySelector(".gig-card") !== null;
      return;
    }
    if (!old && (gig.status === "cancelled" || gig.work_date < d.today)) return;
    var card = render(gig, old ? old.classList.contains("mine") : false);
    if (old) {
      var message = old.querySelector(".gig-result");
      if (message) card.querySelector(".gig-result").textContent = message.textContent;
      var rating = old.querySelector(".gig-rating");
      if (rating) card.querySelector(".job-employer").append(" ", rating.cloneNode(true));
      old.replaceWith(card);
      if (gig.status === "full" && !old.classList.contains("full")) announce(gig.title + "：名额已满");
    } else {
      place(card);
      card.classList.add("fresh");
      announce("新零工：" + gig.title + "，" + gig.pay_display + "，" + dayLabel(gig.work_date) + " " + gig.start_time);
    }
    empty.hidden = root.querySelector(".gig-card") !== null;
  }

  function frame(event) {
    if (event.seq <= lastSeq) return; // already applied (the page or an earlier frame had it)
    if (catchingUp || event.seq > lastSeq + 1) {
      pendingMax = Math.max(pendingMax, event.seq);
      catchUp();
      return;
    }
    apply(event.gig);
    lastSeq = event.seq;
  }

  // A burst folded by the server: it stands for every number first_seq..last_seq and holds the
  // latest state of each gig changed in that range.
  function batch(data) {
    if (data.last_seq <= lastSeq) return;
    if (catchingUp || data.first_seq > lastSeq + 1) {
      pendingMax = Math.max(pendingMax, data.last_seq);
      catchUp();
      return;
    }
    data.events.forEach(function (e) { apply(e.gig); });
    lastSeq = data.last_seq;
  }

  // Fetch what happened after lastSeq, page by page; then anything announced meanwhile.
  function catchUp() {
    if (catchingUp) return;
    catchingUp = true;
    fetch(d.eventsUrl + "?since=" + lastSeq, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (body) {
        body.events.forEach(function (e) {
          if (e.seq > lastSeq) { apply(e.gig); lastSeq = e.seq; }
        });
        catchingUp = false;
        if (body.has_more || pendingMax > lastSeq) catchUp();
      })
      .catch(function () {
        catchingUp = false;
        setTimeout(catchUp, 3000);
      });
  }

  function showStatus(text, ok) {
    status.textContent = text;
    status.classList.toggle("ok", !!ok);
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + "/ws/gigs/" + area + "/");
    socket.onmessage = function (message) {
      var data;
      try { data = JSON.parse(message.data); } catch (e) { return; }
      if (data.type === "hello") {
        delay = 1000;
        showStatus("● 实时更新中", true);
        if (data.last_seq > lastSeq) { pendingMax = Math.max(pendingMax, data.last_seq); catchUp(); }
      } else if (data.type === "event" && data.area === area) {
        frame(data);
      } else if (data.type === "events" && data.area === area) {
        batch(data);
      } else if (data.type === "claim_result") {
        claimed(data);
      } else if (data.type === "error") {
        showStatus(data.message);
      }
    };
    socket.onclose = function (event) {
      socket = null;
      if (event.code === 4401) { location.href = d.loginUrl; return; }
      showStatus("连接中断，正在重连…");
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    };
  }

  function claimed(result) {
    var card = document.getElementById("gig-" + result.gig);
    if (!card) return;
    var message = card.querySelector(".gig-result");
    message.textContent = result.message;
    message.classList.toggle("ok", result.ok);
    message.classList.toggle("bad", !result.ok);
    var button = card.querySelector("form[data-claim] button");
    if (result.ok) {
      card.classList.add("mine");
      // The board may have said 已满员 first (my own place filled it): mine, not a greyed-out button.
      var action = card.querySelector(".gig-foot form[data-claim], .gig-foot button");
      if (action) action.replaceWith(el("span", "btn small done", "已抢到"));
    } else if (button) {
      button.disabled = false;
      withIcon(button, "hand", "抢单");
    }
  }

  // 抢单 over the socket when it is open; otherwise the form posts as it would without JavaScript.
  root.addEventListener("submit", function (event) {
    var form = event.target.closest("form[data-claim]");
    if (!form || !socket || socket.readyState !== WebSocket.OPEN) return;
    event.preventDefault();
    var card = form.closest(".gig-card");
    var button = form.querySelector("button");
    button.disabled = true;
    button.textContent = "正在抢…";
    socket.send(JSON.stringify({ command: "claim", gig: Number(card.dataset.gig) }));
  });

  // A priority window that ends while the page is open: the rule goes away.
  setInterval(function () {
    root.querySelectorAll(".gig-rule[data-until]").forEach(function (node) {
      if (new Date(node.dataset.until).getTime() <= Date.now()) node.remove();
    });
  }, 30000);

  connect();
})();
