// Dashboard charts: data comes from the json_script block, so CSP can forbid inline script.
(function () {
  "use strict";
  const node = document.getElementById("report-charts-data");
  if (!node || !window.echarts) { return; }
  const data = JSON.parse(node.textContent);
  const palette = ["#b71c1c", "#e57373", "#ffb74d", "#8d6e63", "#546e7a"];
  const charts = [];

  function draw(id, option) {
    const el = document.getElementById(id);
    if (!el) { return; }
    const chart = window.echarts.init(el, null, { renderer: "svg" });
    chart.setOption(Object.assign({ color: palette, animation: false }, option));
    charts.push(chart);
  }

  // On a phone the legend names the slices and the labels keep to the counts, which fit beside the ring.
  const narrow = window.matchMedia("(max-width: 480px)").matches;
  draw("chart-composition", {
    tooltip: { trigger: "item", formatter: "{b}：{c}人（{d}%）" },
    legend: { bottom: 0 },
    series: [{
      type: "pie",
      radius: narrow ? ["30%", "55%"] : ["35%", "65%"],
      label: { formatter: narrow ? "{c}人" : "{b}\n{c}人" },
      // An empty slice has no room for a label; the legend still names it.
      data: data.composition.map((d) => (d.value ? d : Object.assign({}, d, { label: { show: false }, labelLine: { show: false } }))),
    }],
  });

  const monthly = data.monthly || { months: [], series: [] };
  draw("chart-monthly", {
    tooltip: { trigger: "axis" },
    // The legend on top, one scrolling line: wrapped below the axis it covered the month names.
    legend: { top: 0, type: "scroll" },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: monthly.months },
    yAxis: { type: "value", minInterval: 1 },
    series: monthly.series.map((s) => ({ name: s.name, type: "bar", data: s.data })),
  });

  draw("chart-severity", {
    tooltip: { trigger: "axis" },
    grid: { left: 40, right: 16, top: 16, bottom: 32 },
    xAxis: { type: "category", data: data.severity.map((s) => s.name) },
    yAxis: { type: "value", minInterval: 1 },
    series: [{ type: "bar", data: data.severity.map((s, i) => ({ value: s.value, itemStyle: { color: ["#90a4ae", "#ffb300", "#c62828"][i] } })) }],
  });

  window.addEventListener("resize", () => charts.forEach((c) => c.resize()));
})();
