import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The daemons and the cPanel hook each inline their own copy of @spoor/errors. Two bundles
// built here the same way (esbuild, every import inlined) must still sort each other's errors.
const source = resolve(import.meta.dirname, "../src/index.ts");
let dir: string;
type Bundle = typeof import("../src/index.js") & { makeErrors(): unknown[] };
let first: Bundle;
let second: Bundle;

async function bundle(name: string): Promise<Bundle> {
  const entry = join(dir, `${name}-entry.ts`);
  await writeFile(
    entry,
    `import { SilentError, UsageError, UserFacingError } from ${JSON.stringify(source)};
export * from ${JSON.stringify(source)};
class ${name}DiskError extends UserFacingError {
  constructor() { super("/var is full.", "free space on /var"); this.name = "${name}DiskError"; }
}
export function makeErrors() {
  return [new ${name}DiskError(), new UsageError("bad flag"), new SilentError(3), new Error("boom")];
}
`,
  );
  const outfile = join(dir, `${name}.mjs`);
  await build({ entryPoints: [entry], outfile, bundle: true, format: "esm", platform: "node" });
  return (await import(pathToFileURL(outfile).href)) as Bundle;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "spoor-errors-bundles-"));
  first = await bundle("First");
  second = await bundle("Second");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("two bundled copies", () => {
  it("are separate classes", () => {
    expect(first.UserFacingError).not.toBe(second.UserFacingError);
    expect(first.describeError).not.toBe(second.describeError);
  });

  it("sort each other's errors by their marks", () => {
    const [disk, usage, silent, bug] = first.makeErrors();
    expect([disk, usage, silent, bug].map((error) => second.describeError(error).kind)).toEqual([
      "user",
      "usage",
      "silent",
      "bug",
    ]);
    expect(second.describeError(disk)).toMatchObject({
      text: "Error: /var is full.\nFix: free space on /var\n",
      exitCode: 1,
    });
    expect([
      second.isUserFacingError(disk),
      second.isUsageError(usage),
      second.isSilentError(silent),
    ]).toEqual([true, true, true]);
  });

  it("answer instanceof on the base classes for the other copy's errors", () => {
    const [disk, usage, silent, bug] = second.makeErrors();
    expect(disk instanceof first.UserFacingError).toBe(true);
    expect(usage instanceof first.UsageError).toBe(true);
    expect(silent instanceof first.SilentError).toBe(true);
    expect(bug instanceof first.UserFacingError).toBe(false);
    expect(usage instanceof first.UserFacingError).toBe(false);
  });
});
