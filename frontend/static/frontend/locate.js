// Fills a data-locate form with the phone's position, then lets it post: 定位签到 for workers, the site's
// position for posters. Without JavaScript the form cannot know where the phone is, and the page says so.
(function () {
  "use strict";
  var form = document.querySelector("form[data-locate]");
  if (!form) return;
  var status = form.querySelector("[data-locate-status]");
  if (!("geolocation" in navigator)) {
    status.textContent = "这部手机的浏览器不能定位，请扫描现场的二维码签到。";
    return;
  }
  var located = false;
  form.addEventListener("submit", function (event) {
    if (located) return;
    event.preventDefault();
    var button = form.querySelector("button");
    button.disabled = true;
    status.textContent = "正在定位…";
    navigator.geolocation.getCurrentPosition(function (position) {
      form.elements.lat.value = position.coords.latitude;
      form.elements.lon.value = position.coords.longitude;
      located = true;
      form.submit();
    }, function () {
      button.disabled = false;
      status.textContent = "没有取得位置。请在浏览器设置里允许定位后重试，或扫码签到。";
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });
})();
