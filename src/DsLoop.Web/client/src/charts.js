// Chart.js for the readiness dashboard; filled in by the mock-loop pages.
import { Chart, registerables } from "chart.js";

Chart.register(...registerables);
window.DsLoopChart = Chart;
