import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { repoRoot, rootManifest, sh, version } from "./support.js";

// A fresh project outside the workspace: installs a tarball alone, offline (everything it
// needs is inside it), then consumes it from plain ESM and from TypeScript (strict,
// NodeNext: the exports map's declarations are what tsc reads), compiled and run. The
// project's own typescript and @types/node come from the registry (npm's cache first), at the
// versions the workspace uses.
const workspaceVersion = (name: string): string =>
  JSON.parse(readFileSync(createRequire(import.meta.url).resolve(`${name}/package.json`), "utf8"))
    .version;
const toolchain = [
  `typescript@${workspaceVersion("typescript")}`,
  `@types/node@${workspaceVersion("@types/node")}`,
];
const loginLine =
  '[2024-08-16 17:46:51 +0000] info [whostmgrd] 192.0.2.4 - kotlinx "POST /login/?login_only=1 HTTP/1.1" FAILED LOGIN whostmgrd: login attempt to whm by a non-reseller/root';
const hookPayload = readFileSync(
  join(repoRoot, "apps/cli/demo/2-forwarder-added.hook.json"),
  "utf8",
);
const projects: string[] = [];
afterAll(() => {
  for (const project of projects) rmSync(project, { recursive: true, force: true });
});

/** A fresh project with `tarball` installed; returns its directory. */
function consumerOf(tarball: string): string {
  const project = mkdtempSync(join(tmpdir(), "spoor-consumer-"));
  projects.push(project);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }),
  );
  sh("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball], { cwd: project });
  sh(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund", "--save-dev", ...toolchain],
    {
      cwd: project,
    },
  );
  return project;
}

/** Type-checks and compiles `source` as src/consume.ts in `project`, runs it, returns stdout. */
function runTypeScript(project: string, source: string): string {
  mkdirSync(join(project, "src"), { recursive: true });
  writeFileSync(join(project, "src/consume.ts"), source);
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        module: "NodeNext",
        moduleResolution: "NodeNext",
        target: "ES2022",
        lib: ["ES2022"],
        types: ["node"],
        skipLibCheck: false,
        outDir: "out",
      },
      include: ["src"],
    }),
  );
  sh(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "."], { cwd: project });
  return sh(process.execPath, ["out/consume.js"], { cwd: project });
}

const tarball = (name: string): string =>
  join(inject("releaseDir"), "npm", `${name}-${version}.tgz`);
const manifestOf = (name: string): Record<string, unknown> =>
  JSON.parse(sh("tar", ["-xzOf", tarball(name), "package/package.json"]));

/** Installs `<name>-<v>.tgz` into a fresh consumer project before the suite; `.path` is it. */
function consumerBefore(name: string): { path: string } {
  const project = { path: "" };
  beforeAll(() => {
    project.path = consumerOf(tarball(name));
  });
  return project;
}

describe("spoor-parsers-<v>.tgz", () => {
  const project = consumerBefore("spoor-parsers");

  test("declares no runtime dependencies and the root package.json's addresses", () => {
    const manifest = manifestOf("spoor-parsers");
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.homepage).toBe(rootManifest.homepage);
    expect(manifest.repository).toEqual({
      type: "git",
      url: rootManifest.repository.url,
      directory: "packages/parsers",
    });
  });

  test("an ESM consumer parses a login line (package entry and subpath)", () => {
    writeFileSync(
      join(project.path, "consume.mjs"),
      `import { parseLine } from "@spoor/parsers";\nimport { parseLoginLine } from "@spoor/parsers/login";\nconsole.log(JSON.stringify([parseLine("login", ${JSON.stringify(loginLine)}), parseLoginLine(${JSON.stringify(loginLine)})]));\n`,
    );
    const [viaIndex, viaSubpath] = JSON.parse(
      sh(process.execPath, ["consume.mjs"], { cwd: project.path }),
    );
    expect(viaIndex).toMatchObject({
      type: "login",
      ip: "192.0.2.4",
      credential: "kotlinx",
      status: "failed",
    });
    expect(viaSubpath).toEqual(viaIndex);
  });

  test("a TypeScript consumer type-checks against the shipped declarations and parses a login line", () => {
    const out = runTypeScript(
      project.path,
      `import { parseLoginLine } from "@spoor/parsers/login";\nconst event = parseLoginLine(${JSON.stringify(loginLine)});\nif (event === undefined) throw new Error("not parsed");\nconst ip: string = event.ip ?? "none";\nconsole.log(JSON.stringify({ ip, type: event.type }));\n`,
    );
    expect(JSON.parse(out)).toEqual({ ip: "192.0.2.4", type: "login" });
  });

  test("tsc rejects a consumer that misuses the types (the declarations are really read)", () => {
    expect(() =>
      runTypeScript(
        project.path,
        `import { parseLoginLine } from "@spoor/parsers/login";\nparseLoginLine(42);\n`,
      ),
    ).toThrow();
  });
});

describe("spoor-cpanel-hook-<v>.tgz", () => {
  const project = consumerBefore("spoor-cpanel-hook");

  test("bundles its @spoor/* dependencies, so nothing of that scope comes from a registry", () => {
    const manifest = manifestOf("spoor-cpanel-hook");
    const dependencies = Object.keys(manifest.dependencies as Record<string, string>);
    expect(dependencies.length).toBeGreaterThan(0);
    expect(manifest.bundleDependencies).toEqual(dependencies);
    const installed = JSON.parse(
      readFileSync(
        join(
          project.path,
          "node_modules/@spoor/cpanel-hook/node_modules/@spoor/parsers/package.json",
        ),
        "utf8",
      ),
    );
    expect(installed.version).toBe(version);
  });

  test("an ESM consumer turns a cPanel hook payload into the record the hook spools", () => {
    writeFileSync(
      join(project.path, "consume.mjs"),
      `import { buildHookRecord, decodePayload, findHookEvent } from "@spoor/cpanel-hook";\nconst payload = decodePayload(new TextEncoder().encode(${JSON.stringify(hookPayload)}));\nconsole.log(JSON.stringify(buildHookRecord(findHookEvent(payload.event), payload)));\n`,
    );
    const result = JSON.parse(sh(process.execPath, ["consume.mjs"], { cwd: project.path }));
    expect(result.record).toMatchObject({
      tag: "spoor_forward_added",
      kind: "forward_added_partial_recipient",
    });
  });

  test("a TypeScript consumer type-checks and does the same", () => {
    const out = runTypeScript(
      project.path,
      `import { buildHookRecord, decodePayload, findHookEvent, type HookPayload } from "@spoor/cpanel-hook";\nconst payload: HookPayload = decodePayload(new TextEncoder().encode(${JSON.stringify(hookPayload)}));\nconst spec = findHookEvent(payload.event);\nif (spec === undefined) throw new Error("unsupported event");\nconst outcome = buildHookRecord(spec, payload);\nconsole.log("record" in outcome ? outcome.record.tag : outcome.skip);\n`,
    );
    expect(out.trim()).toBe("spoor_forward_added");
  });
});
