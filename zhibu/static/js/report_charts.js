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

  draw("chart-composition", {
    tooltip: { trigger: "item", formatter: "{b}：{c}人（{d}%）" },
    legend: { bottom: 0 },
    series: [{ type: "pie", radius: ["35%", "65%"], label: { formatter: "{b}\n{c}人" }, data: data.composition }],
  });

  const monthly = data.monthly || { months: [], series: [] };
  draw("chart-monthly", {
    tooltip: { trigger: "axis" },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 16, bottom: 48 },
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
