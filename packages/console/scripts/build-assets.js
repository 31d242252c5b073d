// Bundles the browser console into dist/public: console-HASH.js (one IIFE, minified),
// console-HASH.css, favicon-HASH.svg and index.html (the shell naming them), plus manifest.json, which
// src/load-console-assets.ts reads. Run after tsup (tsup cleans dist/).
import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist", "public");
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

const result = await build({
  entryPoints: [join(root, "src/browser/main.ts"), join(root, "src/browser/console.css")],
  bundle: true,
  format: "iife",
  target: ["chrome110", "firefox115", "safari16"],
  minify: true,
  legalComments: "none",
  charset: "utf8",
  entryNames: "console-[hash]",
  outdir: out,
  write: false,
  metafile: false,
});

const names = {};
for (const file of result.outputFiles) {
  const name = file.path.slice(out.length + 1);
  names[name.endsWith(".css") ? "css" : "js"] = name;
  await writeFile(file.path, file.contents);
}
const icon = await readFile(join(root, "src/browser/favicon.svg"));
const digest = (text) => createHash("sha256").update(text).digest("base64url").slice(0, 22);
names.icon = `favicon-${digest(icon)
  .slice(0, 8)
  .replace(/[^A-Za-z0-9]/g, "0")}.svg`;
await writeFile(join(out, names.icon), icon);
const shell = (await readFile(join(root, "src/browser/index.html"), "utf8"))
  .replace("{{icon}}", `/assets/${names.icon}`)
  .replace("{{css}}", `/assets/${names.css}`)
  .replace("{{js}}", `/assets/${names.js}`);
await writeFile(join(out, "index.html"), shell);
await writeFile(
  join(out, "manifest.json"),
  `${JSON.stringify({ html: "index.html", assets: [names.js, names.css, names.icon] }, null, 2)}\n`,
);
console.log(`console assets: ${names.js}, ${names.css}, ${names.icon}, index.html`);
