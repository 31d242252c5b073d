import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { readBounded } from "./read-bounded.js";

describe("readBounded", () => {
  it("returns every byte of a stream that ends within the limits", async () => {
    const stream = new PassThrough();
    const reading = readBounded(stream, { maxBytes: 11, timeoutMs: 60_000 });
    stream.write("hello ");
    stream.end("world");
    expect(await reading).toEqual({ kind: "complete", bytes: Buffer.from("hello world") });
  });

  it("accepts exactly maxBytes and refuses one more, destroying the stream", async () => {
    const exact = new PassThrough();
    const fits = readBounded(exact, { maxBytes: 4, timeoutMs: 60_000 });
    exact.end("abcd");
    expect(await fits).toEqual({ kind: "complete", bytes: Buffer.from("abcd") });

    const over = new PassThrough();
    const refused = readBounded(over, { maxBytes: 4, timeoutMs: 60_000 });
    over.write("abc");
    over.write("de");
    expect(await refused).toEqual({ kind: "too-large" });
    expect(over.destroyed).toBe(true);
  });

  it("gives up on a stream that never ends", async () => {
    const stream = new PassThrough();
    stream.write("{");
    expect(await readBounded(stream, { maxBytes: 10, timeoutMs: 20 })).toEqual({ kind: "timeout" });
    expect(stream.destroyed).toBe(true);
  });

  it("reports a stream error and survives a later one", async () => {
    const stream = new PassThrough();
    const reading = readBounded(stream, { maxBytes: 10, timeoutMs: 60_000 });
    stream.destroy(new Error("EIO"));
    expect(await reading).toEqual({ kind: "read-error" });
    expect(() => stream.emit("error", new Error("EPIPE"))).not.toThrow();
  });
});
