// Thin interop between the HashrateChart component and ApexCharts (vendored under vendor/apexcharts, loaded on first use).
const units = ["H/s", "kH/s", "MH/s", "GH/s", "TH/s", "PH/s", "EH/s", "ZH/s"];
const charts = new WeakMap();
let loading = null;

// Same rule as Formatting/HashrateText.cs: SI prefixes, three significant figures.
export function formatHashrate(value) {
  if (!(value > 0) || !Number.isFinite(value)) {
    return "0 H/s";
  }
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

function loadApexCharts(src) {
  if (window.ApexCharts) {
    return Promise.resolve(window.ApexCharts);
  }
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => resolve(window.ApexCharts);
    script.onerror = () => {
      loading = null;
      reject(new Error(`could not load ${src}`));
    };
    document.head.appendChild(script);
  });
  return loading;
}

function options(series, dark, name) {
  return {
    chart: { type: "area", height: "100%", animations: { enabled: false }, toolbar: { show: false }, zoom: { enabled: false },
             background: "transparent", fontFamily: "inherit" },
    theme: { mode: dark ? "dark" : "light" },
    series: [{ name, data: series }],
    dataLabels: { enabled: false },
    stroke: { curve: "smooth", width: 2 },
    fill: { type: "gradient", gradient: { opacityFrom: 0.4, opacityTo: 0.05 } },
    markers: { size: 0 },
    xaxis: { type: "datetime", labels: { datetimeUTC: false } },
    yaxis: { min: 0, forceNiceScale: true, labels: { formatter: formatHashrate } },
    tooltip: { x: { format: "yyyy-MM-dd HH:mm" }, y: { formatter: formatHashrate } },
    noData: { text: "No shares in this range" },
  };
}

/** Creates (or replaces) the chart in element. series: [[unixMilliseconds, hashesPerSecond], ...]. */
export async function render(element, scriptSrc, series, dark, name) {
  const ApexCharts = await loadApexCharts(scriptSrc);
  dispose(element);
  const chart = new ApexCharts(element, options(series, dark, name));
  charts.set(element, chart);
  await chart.render();
}

/** New points for an existing chart without rebuilding it. */
export async function update(element, series) {
  const chart = charts.get(element);
  if (chart) {
    await chart.updateSeries([{ data: series }], false);
  }
}

export function dispose(element) {
  const chart = charts.get(element);
  if (chart) {
    chart.destroy();
    charts.delete(element);
  }
}
