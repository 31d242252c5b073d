import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listItems, readHookRegistry } from "./hook-registry.js";

describe("listItems", () => {
  it("reads list entries at any nesting, quoted or not", () => {
    const text = [
      "---",
      "Cpanel:",
      "  UAPI::Email::add_forwarder:",
      "    - escalateprivs: 1",
      "      exectype: script",
      "      hook: '/usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook --flag'",
      "      stage: post",
      "    -",
      '      hook: "/opt/other"',
      "      check:",
      "        nested: ignored",
      "  other: value",
    ].join("\n");
    expect(listItems(text)).toEqual([
      {
        escalateprivs: "1",
        exectype: "script",
        hook: "/usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook --flag",
        stage: "post",
      },
      { hook: "/opt/other", check: "" },
    ]);
  });
});

describe("readHookRegistry", () => {
  it("names each entry by its file's category and event", async () => {
    const directory = await mkdtemp(join(tmpdir(), "spoor-registry-"));
    try {
      await mkdir(join(directory, "Cpanel"));
      await writeFile(
        join(directory, "Cpanel", "UAPI::Email::add_forwarder.yaml"),
        "---\n- escalateprivs: 1\n  hook: /x/hook\n",
      );
      await writeFile(join(directory, "Cpanel", "UAPI::Email::add_forwarder.cache"), "binary");
      await writeFile(
        join(directory, "Cpanel", "Api2::Email::addforward.yaml"),
        "---\n- hook: /x/hook\n",
      );
      expect(await readHookRegistry(directory)).toEqual([
        { event: "Cpanel/Api2::Email::addforward", hook: "/x/hook" },
        { event: "Cpanel/UAPI::Email::add_forwarder", hook: "/x/hook", escalateprivs: "1" },
      ]);
      expect(await readHookRegistry(join(directory, "missing"))).toEqual([]);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
