import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { glibcFloor } from "../src/glibc-floor.js";
import { SERVER_LAYOUT } from "../src/stage-server-tree.js";
import { pathWithoutNode, repoRoot, sh, version } from "./support.js";

// Both tarballs unpacked side by side, as in /opt: the agent's CLI finds the server through
// the link the server tarball puts into the agent's tree.
const opt = mkdtempSync(join(tmpdir(), "spoor-server-test-"));
let listing: string[] = [];
let noNode = "";

beforeAll(() => {
  const dir = inject("releaseDir");
  const tarball = join(dir, `spoor-server-${version}-linux-x64.tar.gz`);
  listing = sh("tar", ["--numeric-owner", "-tvzf", tarball]).trim().split("\n");
  sh("tar", ["-C", opt, "-xzf", join(dir, `spoor-${version}-linux-x64.tar.gz`)]);
  sh("tar", ["-C", opt, "-xzf", tarball]);
  noNode = pathWithoutNode(opt);
});
afterAll(() => rmSync(opt, { recursive: true, force: true }));

/** Waits (deadline) for the first stdout line of a child; rejects when it exits first. */
function firstLine(child: ReturnType<typeof spawn>, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    let errors = "";
    const timer = setTimeout(() => reject(new Error(`no line within ${ms} ms: ${errors}`)), ms);
    child.stderr?.on("data", (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      const end = text.indexOf("\n");
      if (end !== -1) {
        clearTimeout(timer);
        resolve(text.slice(0, end));
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code} first: ${errors}`));
    });
  });
}

describe("the server tarball", () => {
  test("holds /opt/spoor-server (owner 0/0) and only the link in /opt/spoor", () => {
    const paths = listing.map((line) => line.split(/\s+/).slice(5).join(" "));
    expect(listing.every((line) => line.split(/\s+/)[1] === "0/0")).toBe(true);
    expect(paths.filter((path) => !path.startsWith("spoor-server/"))).toEqual([
      `${SERVER_LAYOUT.link} -> ${SERVER_LAYOUT.linkTarget}`,
    ]);
    expect(readlinkSync(join(opt, SERVER_LAYOUT.link))).toBe(SERVER_LAYOUT.linkTarget);
  });

  test("its one native file is the SQLite driver; no install-time helper, no types", () => {
    const paths = listing.map((line) => line.split(/\s+/).slice(5).join(" "));
    expect(paths.filter((path) => path.endsWith(".node"))).toEqual([SERVER_LAYOUT.driver]);
    expect(paths.filter((path) => /node_modules\/(prebuild-install|@types)\//.test(path))).toEqual(
      [],
    );
    expect(paths.filter((path) => /better-sqlite3\/(deps|src)\//.test(path))).toEqual([]);
  });

  test("the README states the driver's glibc and libstdc++ floor, computed from the built addon", () => {
    const floor = glibcFloor(join(opt, SERVER_LAYOUT.driver));
    const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
    const stated =
      /SQLite driver needs glibc ≥ (\d+\.\d+) and\s+libstdc\+\+ with GLIBCXX_(\d+\.\d+\.\d+)/.exec(
        readme,
      );
    expect(stated?.slice(1)).toEqual([floor.glibc, floor.glibcxx]);
  });
});

describe("the server unpacked beside the agent, with no node on PATH", () => {
  test("`spoor server credentials` of the agent's CLI add and list through the link", () => {
    const db = `sqlite:${join(opt, "credentials.sqlite")}`;
    const env = { PATH: noNode };
    const added = JSON.parse(
      sh(
        join(opt, "spoor/bin/spoor"),
        ["server", "credentials", "add", "web1", "--role", "reporter", "--db", db],
        { env },
      ),
    );
    expect(added.api_identifier).toBe("web1");
    const listed = sh(
      join(opt, "spoor/bin/spoor"),
      ["server", "credentials", "list", "--output", "json", "--db", db],
      { env },
    );
    expect(JSON.parse(listed)).toEqual([
      expect.objectContaining({ name: "web1", role: "reporter" }),
    ]);
  });

  test("bin/spoor-server serves on the agent's runtime and stops cleanly on SIGTERM", async () => {
    const server = spawn(
      join(opt, "spoor-server/bin/spoor-server"),
      [
        "--db",
        ":memory:",
        "--listen",
        "127.0.0.1:0",
        "--credentials",
        "probe:probe-secret-1234567890",
      ],
      { env: { PATH: noNode }, stdio: ["ignore", "pipe", "pipe"] },
    );
    try {
      // The launcher runs the agent's runtime: PATH holds no node at all.
      expect(readFileSync(join(opt, SERVER_LAYOUT.launcher), "utf8")).toContain(
        'exec "$spoor/runtime/bin/node"',
      );
      const url = await firstLine(server, 30_000);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const denied = await fetch(`${url}/api/reports`);
      expect(denied.status).toBe(401);
      const exited = new Promise<number | null>((resolve) => server.on("exit", resolve));
      server.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      server.kill("SIGKILL");
    }
  });
});
