// Bundles src/ into ../wwwroot/dist. Run by the web project's build; never loads anything at runtime.
import { build } from "esbuild";

await build({
  entryPoints: { app: "src/app.js", style: "src/app.css" },
  bundle: true,
  minify: true,
  sourcemap: false,
  target: ["es2020"],
  outdir: "../wwwroot/dist",
  logLevel: "warning",
  legalComments: "eof",
});
