import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CLI, runNode } from "./helpers/run-cli.js";
import { makeTempRoot } from "./helpers/temp-root.js";

const FORBID = fileURLToPath(new URL("./helpers/forbid-sqlite.mjs", import.meta.url));

describe("the agent's CLI without a SQLite driver", () => {
  it("runs its commands without loading one (only the demo and the server need it)", async () => {
    const root = await makeTempRoot();
    try {
      const run = (args: string[], input = "") =>
        runNode(CLI, args, { input, env: { NODE_OPTIONS: `--import=${FORBID}` } });
      const line =
        "[2018-09-19 16:02:36 +0000] info [webmaild] 10.10.10.10 - a@b.example (possessor: b) - SUCCESS LOGIN webmaild\n";
      for (const [args, input] of [
        [["-h"], ""],
        [["parse", "login"], line],
        [["doctor", "--root", root.root, "--skip-api"], ""],
        [["transmit", "--dry-run", "--root", root.root], ""],
        [["spool", "list", "--root", root.root], ""],
      ] as Array<[string[], string]>) {
        const result = await run(args, input);
        expect(result.stderr).not.toContain("SQLite driver");
        expect([args.join(" "), result.code === 0 || result.code === 1]).toEqual([
          args.join(" "),
          true,
        ]);
      }
    } finally {
      await root.remove();
    }
  });
});
