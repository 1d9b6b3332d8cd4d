// 附近的工作: put the phone's position into the search form and sort by distance.
(function () {
  const form = document.querySelector("[data-search-form]");
  if (!form) return;
  const button = form.querySelector("[data-locate]");
  const status = form.querySelector("[data-locate-status]");
  button.addEventListener("click", function () {
    if (!navigator.geolocation) {
      status.textContent = "这台手机不支持定位，请在“地名”里输入所在地，如：凯里。";
      return;
    }
    status.textContent = "正在定位…";
    navigator.geolocation.getCurrentPosition(
      function (pos) {
        form.querySelector("[data-lat]").value = pos.coords.latitude.toFixed(5);
        form.querySelector("[data-lon]").value = pos.coords.longitude.toFixed(5);
        form.querySelector("#search-near").value = "";
        let sort = form.querySelector("input[name=sort]");
        if (!sort) {
          sort = document.createElement("input");
          sort.type = "hidden";
          sort.name = "sort";
          form.appendChild(sort);
        }
        sort.value = "distance";
        form.submit();
      },
      function () {
        status.textContent = "没能取得位置，请在“地名”里输入所在地，如：凯里。";
      },
      { timeout: 10000, maximumAge: 600000 }
    );
  });
  // A typed place name replaces an earlier position.
  form.querySelector("#search-near").addEventListener("input", function () {
    form.querySelector("[data-lat]").value = "";
    form.querySelector("[data-lon]").value = "";
  });
})();
