// Bundles src/ into ../wwwroot/dist. Run by the web project's build; never loads anything at runtime.
// app.js runs on every page; sql.js (the SQL editor) and charts.js (Chart.js) only on the pages that need them.
import { build } from "esbuild";

await build({
  entryPoints: { app: "src/app.js", sql: "src/sql.js", charts: "src/charts.js", style: "src/app.css" },
  bundle: true,
  minify: true,
  sourcemap: false,
  target: ["es2020"],
  outdir: "../wwwroot/dist",
  logLevel: "warning",
  legalComments: "eof",
});
