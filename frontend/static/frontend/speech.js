// 读给我听 and 说话输入, for older and low-literacy users, with the phone's own speech engines.
//
// Buttons marked [data-speak] read their card aloud (speechSynthesis, a zh-CN voice where the phone
// has one). Where the browser cannot speak, the button stays and says so plainly, with what else
// to do. Inputs marked [data-voice] get a 说话 button only where the browser can listen
// (SpeechRecognition); elsewhere nothing is added. Both are hidden without JavaScript.
(function () {
  "use strict";
  var synth = window.speechSynthesis;
  var Listener = window.SpeechRecognition || window.webkitSpeechRecognition;
  var NO_SPEECH = "这台手机的浏览器不能朗读。可以打开手机自带的“读屏”或“语音助手”，也可以请家人或工作人员帮忙读。";

  function zhVoice() {
    if (!synth || !synth.getVoices) return null;
    var voices = synth.getVoices();
    for (var i = 0; i < voices.length; i++) {
      if (/^zh[-_]CN/i.test(voices[i].lang)) return voices[i];
    }
    for (var j = 0; j < voices.length; j++) {
      if (/^zh/i.test(voices[j].lang)) return voices[j];
    }
    return null;
  }

  function textOf(button) {
    var target = button.dataset.speak ? document.querySelector(button.dataset.speak) : null;
    var card = target || button.closest("article, li, section");
    if (!card) return "";
    var copy = card.cloneNode(true);
    copy.querySelectorAll("[data-speak], .speech-note, button, form, script").forEach(function (n) { n.remove(); });
    return (copy.innerText || copy.textContent || "").replace(/[·•]/g, "，").replace(/\s+/g, " ").trim();
  }

  function note(button, text) {
    var box = button.parentNode.querySelector(".speech-note");
    if (!box) {
      box = document.createElement("p");
      box.className = "speech-note muted";
      box.setAttribute("role", "status");
      button.insertAdjacentElement("afterend", box);
    }
    box.textContent = text;
  }

  // Delegated: cards that arrive live (the gig board) bring their own buttons.
  document.querySelectorAll("[data-speak]").forEach(function (button) { button.hidden = false; });
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-speak]");
    if (!button) return;
    event.preventDefault();
    event.stopPropagation();
    if (!synth || typeof window.SpeechSynthesisUtterance !== "function") { note(button, NO_SPEECH); return; }
    if (synth.speaking) { synth.cancel(); button.setAttribute("aria-pressed", "false"); return; }
    var utterance = new window.SpeechSynthesisUtterance(textOf(button));
    utterance.lang = "zh-CN";
    utterance.rate = 0.9; // a little slower than the engine's default: easier to follow
    var voice = zhVoice();
    if (voice) utterance.voice = voice;
    utterance.onend = utterance.onerror = function () { button.setAttribute("aria-pressed", "false"); };
    button.setAttribute("aria-pressed", "true");
    synth.speak(utterance);
  });

  function label(button, text) { // the vendored microphone icon beside the word
    button.textContent = "";
    var icon = document.getElementById("icon-mic");
    if (icon) button.appendChild(icon.content.cloneNode(true));
    button.appendChild(document.createTextNode(text));
  }

  if (!Listener) return;
  document.querySelectorAll("[data-voice]").forEach(function (input) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn secondary small voice";
    label(button, "说话");
    button.setAttribute("aria-label", "说话输入：" + (input.getAttribute("aria-label") || input.placeholder || ""));
    input.insertAdjacentElement("afterend", button);
    button.addEventListener("click", function () {
      var listener = new Listener();
      listener.lang = "zh-CN";
      listener.interimResults = false;
      button.disabled = true;
      button.textContent = "正在听…";
      listener.onresult = function (event) {
        var said = event.results[0][0].transcript;
        input.value = input.tagName === "TEXTAREA" && input.value ? input.value + said : said;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      };
      listener.onend = listener.onerror = function () {
        button.disabled = false;
        label(button, "说话");
      };
      listener.start();
    });
  });
})();
