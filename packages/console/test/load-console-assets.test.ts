import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { ConsoleAssetsError, loadConsoleAssets } from "../src/index.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe("loadConsoleAssets", () => {
  it("reads the built console: the shell, hashed assets by URL path, types and ETags", () => {
    // The build (turbo builds before testing); from dist/, the default directory is this one.
    const assets = loadConsoleAssets(fileURLToPath(new URL("../dist/public/", import.meta.url)));
    expect(assets.html.contentType).toBe("text/html; charset=utf-8");
    const paths = [...assets.assets.keys()];
    expect(paths).toHaveLength(3);
    for (const path of paths) {
      expect(assets.html.body.toString("utf8")).toContain(`"${path}"`);
      expect(assets.assets.get(path)!.etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    }
    const script = paths.find((path) => path.endsWith(".js"))!;
    expect(assets.assets.get(script)!.contentType).toBe("text/javascript; charset=utf-8");
    // No markup parsing of data anywhere in the bundle.
    expect(assets.assets.get(script)!.body.toString("utf8")).not.toMatch(
      /innerHTML|outerHTML|insertAdjacentHTML|document\.write/,
    );
  });

  it("refuses a missing build or a manifest naming a file outside the assets", async () => {
    const dir = await mkdtemp(join(tmpdir(), "spoor-console-assets-"));
    dirs.push(dir);
    expect(() => loadConsoleAssets(dir)).toThrow(ConsoleAssetsError);
    await writeFile(join(dir, "index.html"), "<!doctype html>");
    await writeFile(
      join(dir, "manifest.json"),
      JSON.stringify({ html: "index.html", assets: ["../../etc/passwd"] }),
    );
    expect(() => loadConsoleAssets(dir)).toThrow(/bad asset/);
  });
});
