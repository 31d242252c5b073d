import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createProgressLine, formatProgress } from "./progress-line.js";

function sink(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  stream.isTTY = isTTY;
  return { stream, text: () => text };
}

describe("progress line", () => {
  it("formats bytes read against the total", () => {
    expect(formatProgress("a.gz", 3 * 1024 * 1024, 12 * 1024 * 1024)).toBe(
      "a.gz: read 3.0 MiB / 12.0 MiB (25%)",
    );
    expect(formatProgress("empty", 0, 0)).toBe("empty: read 0.0 MiB / 0.0 MiB (100%)");
  });

  it("rewrites one line in place on a terminal, at most every interval, and erases it", () => {
    const { stream, text } = sink(true);
    let now = 0;
    const line = createProgressLine(stream, "f", 100, () => now);
    line.update(1024 * 1024, 4 * 1024 * 1024);
    now = 50;
    line.update(2 * 1024 * 1024, 4 * 1024 * 1024); // too soon: skipped
    now = 150;
    line.update(4 * 1024 * 1024, 4 * 1024 * 1024);
    line.clear();
    expect(text()).toBe(
      "\r\x1b[Kf: read 1.0 MiB / 4.0 MiB (25%)\r\x1b[Kf: read 4.0 MiB / 4.0 MiB (100%)\r\x1b[K",
    );
  });

  it("writes nothing when stderr is not a terminal", () => {
    const { stream, text } = sink(false);
    const line = createProgressLine(stream, "f");
    line.update(1, 2);
    line.clear();
    expect(text()).toBe("");
  });
});
