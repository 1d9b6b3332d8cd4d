// 直播送岗: the viewer page and the host's control panel over the room's WebSocket.
// Viewer: plays the external stream (native HLS, else the vendored hls.js; flv.js for FLV), follows
// the job card the host pushes, applies in one tap, chats. Host: start/end, push, pin, moderate.
// The server-rendered page works without this script (一键报名 is a plain form).
(function () {
  "use strict";
  var root = document.getElementById("live-room");
  if (!root || !("WebSocket" in window)) return;
  var d = root.dataset;
  var isHost = d.role === "host";
  var socket = null;
  var delay = 1000;
  var applied = {};
  var pendingArea = null; // where to show the answer to the last command sent
  var csrf = root.querySelector("input[name=csrfmiddlewaretoken]");
  var conn = root.querySelector("[data-live-conn]");
  var chatList = document.getElementById("chat-list");
  var chatForm = document.getElementById("chat-form");
  var chatResult = root.querySelector("[data-chat-result]");
  var hostResult = root.querySelector("[data-host-result]");
  var player = null;
  var lastViewers = 0;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function say(node, text, ok) {
    if (!node) return;
    node.textContent = text;
    node.classList.toggle("ok", !!ok);
    node.classList.toggle("bad", !ok);
  }

  function send(message, area) {
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      say(area, "连接中断，正在重连，请稍后再试。", false);
      return false;
    }
    pendingArea = area || null;
    socket.send(JSON.stringify(message));
    return true;
  }

  // ---- cards ----------------------------------------------------------------------------------

  function viewerCard(card, pinned) {
    var p = card.posting;
    var node = el("article", "job-card live-card fresh");
    node.dataset.card = card.id;
    node.dataset.posting = p.id;
    if (pinned) node.appendChild(el("p", "live-pin", "置顶岗位"));
    var head = el("div", "job-head");
    var title = el("h3", "job-title");
    var link = el("a", "", p.title);
    link.href = p.url;
    title.appendChild(link);
    head.appendChild(title);
    head.appendChild(el("span", "job-pay", p.pay_display));
    node.appendChild(head);
    var meta = el("div", "job-meta");
    meta.appendChild(el("span", "", p.county + (p.town ? " · " + p.town : "")));
    meta.appendChild(el("span", "", p.job_type));
    meta.appendChild(el("span", "", "招 " + p.headcount + " 人"));
    node.appendChild(meta);
    if (p.benefits.length) {
      var chips = el("ul", "chips");
      p.benefits.forEach(function (b) { chips.appendChild(el("li", "", b)); });
      node.appendChild(chips);
    }
    node.appendChild(el("div", "job-employer", p.employer));
    var foot = el("div", "gig-foot");
    var count = el("span", "muted", "已有 ");
    var strong = el("strong", "", String(card.applications));
    strong.dataset.count = "";
    count.appendChild(strong);
    count.appendChild(document.createTextNode(" 人报名"));
    foot.appendChild(count);
    if (applied[p.id]) {
      var done = el("span", "btn small done", "已报名");
      done.dataset.applied = "";
      foot.appendChild(done);
    } else if (d.canApply) {
      var form = el("form");
      form.method = "post";
      form.action = d.applyUrl.replace("/cards/0/", "/cards/" + card.id + "/");
      form.dataset.apply = "";
      if (csrf) form.appendChild(csrf.cloneNode());
      var button = el("button", "btn small", "一键报名");
      button.type = "submit";
      form.appendChild(button);
      foot.appendChild(form);
    } else if (d.anonymous) {
      var login = el("a", "btn small ghost", "登录后报名");
      login.href = d.loginUrl;
      foot.appendChild(login);
    }
    node.appendChild(foot);
    var result = el("p", "gig-result");
    result.setAttribute("aria-live", "polite");
    node.appendChild(result);
    return node;
  }

  function hostCard(card, pinned) {
    var node = el("article", "job-card live-card fresh");
    node.dataset.card = card.id;
    var head = el("div", "job-head");
    head.appendChild(el("h3", "job-title", card.posting.title));
    head.appendChild(el("span", "job-pay", card.posting.pay_display));
    node.appendChild(head);
    node.appendChild(el("div", "job-employer", card.posting.employer));
    var foot = el("div", "gig-foot");
    var count = el("span");
    var strong = el("strong", "", String(card.applications));
    strong.dataset.count = "";
    count.appendChild(strong);
    count.appendChild(document.createTextNode(" 人报名"));
    foot.appendChild(count);
    if (pinned) {
      var unpin = el("button", "btn small secondary", "取消置顶");
      unpin.type = "button";
      unpin.dataset.host = "unpin";
      foot.appendChild(unpin);
    }
    node.appendChild(foot);
    return node;
  }

  function announce(text) {
    var node = root.querySelector("[data-announce]");
    if (node) node.textContent = text;
  }

  function showCard(slotName, card) {
    var slot = root.querySelector('[data-slot="' + slotName + '"]');
    if (!slot) return;
    var pinned = slotName === "pinned";
    slot.textContent = "";
    if (card) {
      slot.appendChild(isHost ? hostCard(card, pinned) : viewerCard(card, pinned));
    } else if (!pinned) {
      slot.appendChild(el("p", "empty", isHost ? "还没有推送岗位。" : "主播推送岗位后会出现在这里。"));
    } else if (isHost) {
      slot.appendChild(el("p", "empty", "没有置顶岗位。"));
    }
    if (isHost && card) addToTimeline(card);
  }

  function addToTimeline(card) {
    var list = document.getElementById("host-timeline");
    if (!list || list.querySelector('[data-card="' + card.id + '"]')) return;
    var item = el("li");
    item.dataset.card = card.id;
    item.appendChild(el("span", "", "#" + card.position + " " + card.posting.title));
    var count = el("span");
    var strong = el("strong", "", String(card.applications));
    strong.dataset.count = "";
    count.appendChild(strong);
    count.appendChild(document.createTextNode(" 人报名"));
    item.appendChild(count);
    var pin = el("button", "btn small secondary", "置顶");
    pin.type = "button";
    pin.dataset.host = "pin";
    pin.dataset.card = card.id;
    item.appendChild(pin);
    list.appendChild(item);
  }

  // Counts only rise; frames from two processes may arrive out of order, so keep the larger.
  function setCount(cardId, count) {
    root.querySelectorAll('[data-card="' + cardId + '"] [data-count]').forEach(function (node) {
      if (count > (parseInt(node.textContent, 10) || 0)) node.textContent = String(count);
    });
  }

  function markApplied(postingId, cardId, text, ok) {
    applied[postingId] = true;
    root.querySelectorAll('[data-posting="' + postingId + '"]').forEach(function (card) {
      var form = card.querySelector("form[data-apply]");
      if (form) {
        var done = el("span", "btn small done", "已报名");
        done.dataset.applied = "";
        form.replaceWith(done);
      }
      if (String(card.dataset.card) === String(cardId)) say(card.querySelector(".gig-result"), text, ok);
    });
  }

  // ---- chat -----------------------------------------------------------------------------------

  function chatItem(m) {
    var item = el("li", m.host ? "from-host" : "");
    item.dataset.message = m.id;
    item.appendChild(el("b", "", m.author + (m.host ? "（主播）" : "")));
    item.appendChild(document.createTextNode(m.text));
    if (isHost && !m.host) {
      var tools = el("span", "chat-tools");
      ["delete", "mute"].forEach(function (command) {
        var button = el("button", "btn small secondary", command === "delete" ? "删除" : "禁言");
        button.type = "button";
        button.dataset.host = command;
        button.dataset.message = m.id;
        tools.appendChild(button);
      });
      item.appendChild(tools);
    }
    return item;
  }

  function addChat(m) {
    if (!chatList || chatList.querySelector('[data-message="' + m.id + '"]')) return;
    chatList.appendChild(chatItem(m));
    while (chatList.children.length > 100) chatList.removeChild(chatList.firstChild);
    chatList.scrollTop = chatList.scrollHeight;
  }

  function resetChat(messages) {
    if (!chatList) return;
    chatList.textContent = "";
    messages.forEach(addChat);
  }

  // ---- status and the player ------------------------------------------------------------------

  var STATUS_LABELS = { scheduled: "预告", live: "直播中", ended: "已结束" };

  function setStatus(status) {
    d.status = status;
    root.querySelectorAll("[data-room-status]").forEach(function (node) {
      node.textContent = STATUS_LABELS[status] || status;
      node.className = node.className.replace(/\b(scheduled|live|ended)\b/g, "").trim() + " " + status;
    });
    var start = root.querySelector('[data-host="start"]');
    var end = root.querySelector('[data-host="end"]');
    if (start) start.hidden = status !== "scheduled";
    if (end) end.hidden = status === "ended";
    if (status === "live") {
      startPlayer();
      setViewers(lastViewers);
    }
    if (status === "ended") {
      stopPlayer();
      var note = root.querySelector("[data-video-note]");
      if (note) note.textContent = "直播已结束。";
      if (chatForm && !isHost) chatForm.hidden = true;
    }
  }

  function setViewers(count) {
    lastViewers = count;
    root.querySelectorAll("[data-viewers]").forEach(function (node) { node.textContent = String(count); });
    var line = root.querySelector("[data-viewers-line]");
    if (line && !line.querySelector("[data-viewers]") && d.status === "live") {
      line.textContent = "";
      var strong = el("strong", "", String(count));
      strong.dataset.viewers = "";
      line.appendChild(strong);
      line.appendChild(document.createTextNode(" 人在看"));
    }
  }

  function loadScript(src, done) {
    var script = document.createElement("script");
    script.src = src;
    script.onload = done;
    script.onerror = function () { videoNote("播放组件加载失败，请刷新页面重试。"); };
    document.head.appendChild(script);
  }

  function videoNote(text) {
    var note = root.querySelector("[data-video-note]");
    if (note) note.textContent = text;
  }

  function startPlayer() {
    var video = document.getElementById("live-video");
    if (!video || player) return;
    var url = video.dataset.src;
    player = { kind: video.dataset.kind };
    video.addEventListener("error", function () { videoNote("视频暂时无法播放，可以继续看岗位和报名。"); });
    if (video.dataset.kind === "flv") {
      loadScript(video.dataset.flvLib, function () {
        if (!window.flvjs || !window.flvjs.isSupported()) { videoNote("此浏览器不能播放该直播，可以继续看岗位和报名。"); return; }
        player.flv = window.flvjs.createPlayer({ type: "flv", url: url, isLive: true });
        player.flv.attachMediaElement(video);
        player.flv.load();
        video.play().catch(function () {});
      });
    } else if (video.canPlayType("application/vnd.apple.mpegurl")) {
      video.src = url; // Safari and most phone browsers play HLS themselves
      video.play().catch(function () {});
    } else {
      loadScript(video.dataset.hlsLib, function () {
        if (!window.Hls || !window.Hls.isSupported()) { videoNote("此浏览器不能播放该直播，可以继续看岗位和报名。"); return; }
        player.hls = new window.Hls({ lowLatencyMode: true });
        player.hls.on(window.Hls.Events.ERROR, function (_e, data) {
          if (data.fatal) videoNote("视频暂时无法播放，可以继续看岗位和报名。");
        });
        player.hls.loadSource(url);
        player.hls.attachMedia(video);
        video.play().catch(function () {});
      });
    }
  }

  function stopPlayer() {
    if (!player) return;
    if (player.hls) player.hls.destroy();
    if (player.flv) player.flv.destroy();
    player = null;
  }

  // ---- frames ---------------------------------------------------------------------------------

  function onFrame(f) {
    switch (f.type) {
      case "hello":
        applied = {};
        (f.applied || []).forEach(function (id) { applied[id] = true; });
        setStatus(f.room.status);
        showCard("card", f.card);
        showCard("pinned", f.pinned);
        resetChat(f.chat);
        setViewers(f.viewers);
        var total = root.querySelector("[data-total]");
        if (total) total.textContent = String(f.applications);
        break;
      case "card":
        showCard("card", f.card);
        // Read out to screen readers: the card changed without the page moving.
        if (f.card && !isHost) announce("主播正在讲解：" + f.card.posting.title + "，" + (f.card.posting.pay_display || ""));
        break;
      case "pinned": showCard("pinned", f.card); break;
      case "applications":
        setCount(f.card, f.count);
        var totalNode = root.querySelector("[data-total]");
        if (totalNode && f.total > (parseInt(totalNode.textContent, 10) || 0)) totalNode.textContent = String(f.total);
        break;
      case "chat": addChat(f.message); break;
      case "chat_removed":
        var gone = chatList && chatList.querySelector('[data-message="' + f.id + '"]');
        if (gone) gone.remove();
        break;
      case "viewers": setViewers(f.count); break;
      case "status": setStatus(f.status); break;
      case "apply_result":
        if (f.ok) {
          markApplied(f.posting, f.card, f.message, true);
        } else {
          var card = root.querySelector('[data-slot] [data-card="' + f.card + '"] .gig-result');
          say(card, f.message, false);
          if (f.url && card) {
            var go = el("a", "", " 去填写");
            go.href = f.url;
            card.appendChild(go);
          }
        }
        break;
      case "ack":
        if (f.command === "push") say(hostResult, "已推送给观众。", true);
        else if (f.command === "mute") say(hostResult, "已禁言 " + f.author + "。", true);
        else if (f.command === "start") say(hostResult, "直播已开始。", true);
        else if (f.command === "end") say(hostResult, "直播已结束。", true);
        else say(hostResult, "", true);
        break;
      case "error":
        say(pendingArea || hostResult || chatResult, f.message, false);
        break;
    }
  }

  // ---- commands -------------------------------------------------------------------------------

  root.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches("form[data-apply]")) {
      var card = form.closest("[data-card]");
      if (!socket || socket.readyState !== WebSocket.OPEN) return; // the plain form posts instead
      event.preventDefault();
      send({ command: "apply", card: Number(card.dataset.card) }, card.querySelector(".gig-result"));
    } else if (form === chatForm) {
      event.preventDefault();
      var input = form.querySelector("input[name=text]");
      if (!input.value.trim()) return;
      if (send({ command: "chat", text: input.value }, chatResult)) {
        input.value = "";
        say(chatResult, "", true);
      }
    }
  });

  root.addEventListener("click", function (event) {
    var button = event.target.closest("[data-host]");
    if (!button || !isHost) return;
    var command = button.dataset.host;
    var message = { command: command };
    if (command === "push") {
      var chosen = root.querySelector('input[name="push-posting"]:checked');
      if (!chosen) { say(hostResult, "请先选一个岗位。", false); return; }
      message.posting = Number(chosen.value);
    }
    if (command === "pin") message.card = Number(button.dataset.card);
    if (command === "delete" || command === "mute") message.message = Number(button.dataset.message);
    if (command === "mute") message.minutes = Number(document.getElementById("mute-minutes").value);
    if (command === "end" && !window.confirm("确定结束直播？结束后观众不能再报名。")) return;
    send(message, hostResult);
  });

  // ---- connection -----------------------------------------------------------------------------

  function browserId() {
    try {
      var id = localStorage.getItem("jyt-viewer");
      if (!id) {
        id = Math.random().toString(36).slice(2, 12) + Date.now().toString(36);
        localStorage.setItem("jyt-viewer", id);
      }
      return id;
    } catch (e) { return ""; }
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var id = d.anonymous ? browserId() : "";
    socket = new WebSocket(scheme + location.host + d.wsPath + (id ? "?v=" + id : ""));
    socket.onopen = function () { delay = 1000; if (conn) conn.textContent = "● 实时连接中"; };
    socket.onmessage = function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      onFrame(frame);
    };
    socket.onclose = function (event) {
      if (event.code === 4404) { if (conn) conn.textContent = "直播间不存在。"; return; }
      if (conn) conn.textContent = "连接中断，正在重连…";
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 15000);
    };
  }

  if (d.status === "live") startPlayer();
  connect();

  // ---- the host finds a job by typing (search as you type; the event's booths first) -------------

  var search = document.getElementById("push-search");
  var choices = document.getElementById("push-choices");
  var searchTimer = null;
  function showChoices(rows) {
    choices.textContent = "";
    if (!rows.length) { choices.appendChild(el("p", "muted", "没有找到，换个词试试。")); return; }
    rows.forEach(function (row, i) {
      var label = el("label", "check push-choice");
      var input = el("input");
      input.type = "radio";
      input.name = "push-posting";
      input.value = row.id;
      input.checked = i === 0;
      var text = el("span");
      text.appendChild(el("strong", "", row.title));
      text.appendChild(document.createTextNode(" · " + row.pay));
      text.appendChild(el("br"));
      text.appendChild(el("small", "muted", row.employer + " · " + row.county));
      label.appendChild(input);
      label.appendChild(text);
      choices.appendChild(label);
    });
  }
  if (search && choices) {
    search.addEventListener("input", function () {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(function () {
        fetch(search.dataset.url + "?q=" + encodeURIComponent(search.value.trim()), { credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.json() : { postings: [] }; })
          .then(function (body) { showChoices(body.postings); })
          .catch(function () {});
      }, 250);
    });
  }
})();
