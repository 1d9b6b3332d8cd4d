// The bell: keeps the unread count live and shows a short card when a notice arrives.
(function () {
  "use strict";
  var bell = document.getElementById("bell");
  var count = document.getElementById("bell-count");
  var toasts = document.getElementById("toasts");
  if (!bell || !("WebSocket" in window)) return;
  var delay = 1000;

  function setCount(n) {
    count.textContent = n;
    count.hidden = !n;
    bell.setAttribute("aria-label", n ? "消息，" + n + "条未读" : "消息");
  }

  function toast(n) {
    if (!toasts) return;
    // A gig nearby shows up on the board being watched anyway; a card over it would hide 抢单.
    if (n.kind === "gig_nearby" && document.getElementById("gig-board")) return;
    var card = document.createElement(n.url ? "a" : "div");
    card.className = "toast";
    if (n.url) card.href = n.url;
    var title = document.createElement("strong");
    title.textContent = n.title;
    var body = document.createElement("span");
    body.textContent = n.body;
    card.appendChild(title);
    card.appendChild(body);
    toasts.appendChild(card);
    setTimeout(function () { card.remove(); }, 8000);
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + location.host + bell.dataset.wsPath);
    socket.onmessage = function (event) {
      var message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if (message.type === "hello" || message.type === "read") {
        delay = 1000;
        setCount(message.unread);
      } else if (message.type === "notification") {
        setCount((parseInt(count.textContent, 10) || 0) + 1);
        toast(message);
      }
    };
    socket.onclose = function (event) {
      if (event.code === 4401) return; // signed out in another tab
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    };
  }
  connect();
})();
