// The door: read ticket QR codes with the phone camera where the browser has BarcodeDetector,
// and check them in through the API. Without it the typed-code form on the page does the same.
(function () {
  "use strict";
  const scanner = document.getElementById("scanner");
  const result = document.getElementById("checkin-result");
  if (!scanner || !("BarcodeDetector" in window) || !navigator.mediaDevices) return;
  scanner.hidden = false;
  const video = document.getElementById("scanner-video");
  const button = scanner.querySelector("[data-start-scan]");
  const csrf = document.querySelector("input[name=csrfmiddlewaretoken]").value;
  const counter = document.querySelector("[data-checked-in]");
  let last = "", lastAt = 0, busy = false;

  function show(text, kind) {
    result.textContent = text;
    result.className = "checkin-result " + kind;
  }

  async function submit(code) {
    busy = true;
    try {
      const response = await fetch(scanner.dataset.api, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
        credentials: "same-origin",
        body: JSON.stringify({ code: code }),
      });
      const body = await response.json();
      if (response.ok) {
        show(body.message, body.already ? "warn" : "ok");
        if (!body.already && counter) counter.textContent = String(Number(counter.textContent) + 1);
      } else {
        show((body.error && body.error.message) || "签到失败，请重试。", "bad");
      }
    } catch (e) {
      show("网络不通，请用下方输入票码签到。", "bad");
    } finally {
      busy = false;
    }
  }

  button.addEventListener("click", async function () {
    let detector;
    try {
      detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
      video.srcObject = stream;
      await video.play();
      button.hidden = true;
    } catch (e) {
      show("无法打开摄像头，请用下方输入票码签到。", "bad");
      return;
    }
    async function tick() {
      if (!busy && video.readyState >= 2) {
        try {
          const codes = await detector.detect(video);
          const value = codes.length ? codes[0].rawValue : "";
          const now = Date.now();
          // The same ticket held in front of the camera is sent once, not every frame.
          if (value && (value !== last || now - lastAt > 4000)) {
            last = value;
            lastAt = now;
            await submit(value);
          }
        } catch (e) { /* a frame the detector could not read */ }
      }
      window.setTimeout(tick, 250);
    }
    tick();
  });
})();
