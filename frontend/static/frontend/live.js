// Shows whether the live (WebSocket) connection works, and reconnects with back-off when it drops.
(function () {
  "use strict";
  var badge = document.getElementById("live-status");
  if (!badge || !("WebSocket" in window)) return;
  var delay = 1000;

  function show(ok, text) {
    badge.textContent = text;
    badge.classList.toggle("ok", ok);
    badge.classList.toggle("down", !ok);
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + location.host + badge.dataset.wsPath);
    socket.onopen = function () {
      socket.send(JSON.stringify({ command: "ping" }));
    };
    socket.onmessage = function (event) {
      var message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if (message.type === "pong") {
        delay = 1000;
        show(true, "实时连接正常");
      }
    };
    socket.onclose = function () {
      show(false, "连接中断，正在重连…");
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    };
  }
  connect();
})();
