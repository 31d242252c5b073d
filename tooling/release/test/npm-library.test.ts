import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { sh, version } from "./support.js";

// A fresh project outside the workspace: installs the tarball alone, offline (it has no
// dependencies to fetch), then imports it from plain ESM and from TypeScript.
const project = mkdtempSync(join(tmpdir(), "spoor-consumer-"));
const loginLine =
  '[2024-08-16 17:46:51 +0000] info [whostmgrd] 192.0.2.4 - kotlinx "POST /login/?login_only=1 HTTP/1.1" FAILED LOGIN whostmgrd: login attempt to whm by a non-reseller/root';

beforeAll(() => {
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }),
  );
  const tarball = join(inject("releaseDir"), "npm", `spoor-parsers-${version}.tgz`);
  sh("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball], { cwd: project });
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

test("the tarball declares no runtime dependencies", () => {
  const manifest = JSON.parse(
    sh("tar", [
      "-xzOf",
      join(inject("releaseDir"), "npm", `spoor-parsers-${version}.tgz`),
      "package/package.json",
    ]),
  );
  expect(manifest.dependencies ?? {}).toEqual({});
  expect(manifest.repository).toBeDefined();
});

test("an ESM consumer parses a login line", () => {
  writeFileSync(
    join(project, "consume.mjs"),
    `import { parseLine } from "@spoor/parsers";\nimport { parseLoginLine } from "@spoor/parsers/login";\nconst a = parseLine("login", ${JSON.stringify(loginLine)});\nconst b = parseLoginLine(${JSON.stringify(loginLine)});\nconsole.log(JSON.stringify([a, b]));\n`,
  );
  const [viaIndex, viaSubpath] = JSON.parse(
    sh(process.execPath, ["consume.mjs"], { cwd: project }),
  );
  expect(viaIndex).toMatchObject({
    type: "login",
    ip: "192.0.2.4",
    credential: "kotlinx",
    status: "failed",
  });
  expect(viaSubpath).toEqual(viaIndex);
});
