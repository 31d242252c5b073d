import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { BrokenPipeError } from "./broken-pipe-error.js";
import { createLineWriter } from "./line-writer.js";

/** A slow sink with a tiny buffer: every write waits for the next tick. */
function slowSink(): { stream: Writable; received: () => string; writes: () => number } {
  const parts: string[] = [];
  const stream = new Writable({
    highWaterMark: 16,
    write(chunk, _encoding, done) {
      parts.push(chunk.toString());
      setImmediate(done);
    },
  });
  return { stream, received: () => parts.join(""), writes: () => parts.length };
}

describe("createLineWriter", () => {
  it("gathers small writes into blocks and delivers everything in order under back-pressure", async () => {
    const sink = slowSink();
    const writer = createLineWriter(sink.stream, 100);
    let expected = "";
    for (let i = 0; i < 1000; i += 1) {
      const line = `line ${i}\n`;
      expected += line;
      await writer.write(line);
    }
    await writer.flush();
    expect(sink.received()).toBe(expected);
    expect(sink.writes()).toBeLessThan(200);
  });

  it("turns EPIPE into BrokenPipeError", async () => {
    const stream = new Writable({
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
      },
    });
    const writer = createLineWriter(stream, 1);
    await expect(async () => {
      for (let i = 0; i < 10; i += 1) await writer.write("x\n");
      await writer.flush();
    }).rejects.toBeInstanceOf(BrokenPipeError);
  });
});
