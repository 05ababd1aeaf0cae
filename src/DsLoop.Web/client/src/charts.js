// Chart.js for the readiness dashboard, bundled locally. Each canvas[data-chart] carries its series as
// JSON in data-series ({ labels, datasets: [{ label, data }] }); ratings run from 1 to 4.
import { Chart, registerables } from "chart.js";

Chart.register(...registerables);
window.DsLoopChart = Chart;

const colours = ["#2457c5", "#1f7a4d", "#b3261e", "#8a5a00"];

function renderCharts() {
  for (const canvas of document.querySelectorAll("canvas[data-chart]")) {
    const series = JSON.parse(canvas.dataset.series || "{}");
    new Chart(canvas, {
      type: "line",
      data: {
        labels: series.labels || [],
        datasets: (series.datasets || []).map((d, i) => ({
          label: d.label,
          data: d.data,
          borderColor: colours[i % colours.length],
          backgroundColor: colours[i % colours.length],
          spanGaps: true,
          pointRadius: 4,
          tension: 0.2,
          showLine: true,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { y: { min: 1, max: 4, ticks: { stepSize: 1 } } },
        plugins: { legend: { position: "bottom" } },
      },
    });
  }
}

document.addEventListener("DOMContentLoaded", renderCharts);
