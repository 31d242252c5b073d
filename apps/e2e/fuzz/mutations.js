// fast-check arbitraries that mutate real inputs: bit flips, truncation, splicing, unicode,
// huge fields, control bytes — the shapes hostile or broken log lines take.
import fc from "fast-check";

const UNICODE_PIECES = [
  "é",
  "\u00a0",
  "\u200b",
  "\u202e",
  "\ufeff",
  "\ud83d\ude00",
  "\ud800",
  "\udfff",
  "\u0000",
  "%40",
  "%C3%A9",
  "%ZZ",
  "%",
  "@",
  '"',
  "\\",
  "[",
  "]",
  " - SUCCESS LOGIN webmaild",
  " info [spoor_forward_added] ",
  "doaddfwd.html",
  "emaildest=",
  "\r",
  "\t",
];

/** @param {Buffer} bytes @param {number} at @param {Uint8Array} insert */
function insertAt(bytes, at, insert) {
  const cut = Math.min(at, bytes.length);
  return Buffer.concat([bytes.subarray(0, cut), insert, bytes.subarray(cut)]);
}

/**
 * One mutation applied to `base` (bytes), chosen by fast-check.
 * @param {fc.Arbitrary<Buffer>} base
 * @param {fc.Arbitrary<Buffer>} other a second input to splice from
 * @returns {fc.Arbitrary<Buffer>}
 */
export function mutated(base, other) {
  /** @type {fc.Arbitrary<(b: Buffer, o: Buffer) => Buffer>} */
  const mutation = fc.oneof(
    fc.nat().map((bit) => (/** @type {Buffer} */ b) => {
      if (b.length === 0) return b;
      const copy = Buffer.from(b);
      const index = bit % (copy.length * 8);
      copy[index >> 3] = /** @type {number} */ (copy[index >> 3]) ^ (1 << (index & 7));
      return copy;
    }),
    fc.nat().map((at) => (/** @type {Buffer} */ b) => b.subarray(0, at % (b.length + 1))),
    fc.nat().map((at) => (/** @type {Buffer} */ b) => b.subarray(at % (b.length + 1))),
    fc.tuple(fc.nat(), fc.nat()).map(
      ([at, from]) =>
        (/** @type {Buffer} */ b, /** @type {Buffer} */ o) =>
          Buffer.concat([b.subarray(0, at % (b.length + 1)), o.subarray(from % (o.length + 1))]),
    ),
    fc.tuple(fc.nat(), fc.constantFrom(...UNICODE_PIECES)).map(
      ([at, piece]) =>
        (/** @type {Buffer} */ b) =>
          insertAt(b, at % (b.length + 1), Buffer.from(piece, "utf8")),
    ),
    fc.tuple(fc.nat(), fc.string({ unit: "binary", maxLength: 40 })).map(
      ([at, text]) =>
        (/** @type {Buffer} */ b) =>
          insertAt(b, at % (b.length + 1), Buffer.from(text, "utf8")),
    ),
    fc.tuple(fc.nat(), fc.uint8Array({ maxLength: 24 })).map(
      ([at, raw]) =>
        (/** @type {Buffer} */ b) =>
          insertAt(b, at % (b.length + 1), raw),
    ),
    fc
      .tuple(
        fc.nat(),
        fc.integer({ min: 1, max: 200_000 }),
        fc.constantFrom("A", " ", "-", "%", "[", "@", '"', "0"),
      )
      .map(
        ([at, size, fill]) =>
          (/** @type {Buffer} */ b) =>
            insertAt(b, at % (b.length + 1), Buffer.from(fill.repeat(size))),
      ),
    fc
      .tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 8 }))
      .map(([from, length, times]) => (/** @type {Buffer} */ b) => {
        const start = from % (b.length + 1);
        const piece = b.subarray(start, start + (length % 64));
        return insertAt(b, start, Buffer.concat(Array(times).fill(piece)));
      }),
  );
  return fc
    .tuple(base, other, fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([b, o, steps]) => steps.reduce((bytes, step) => step(bytes, o), b));
}

/**
 * A line for the fuzzers: a seed, a mutated seed, or random bytes (never holding "\n").
 * @param {readonly Buffer[]} seeds
 * @returns {fc.Arbitrary<Buffer>}
 */
export function fuzzLine(seeds) {
  const seed = fc.constantFrom(...seeds);
  return fc
    .oneof(
      { weight: 1, arbitrary: seed },
      { weight: 6, arbitrary: mutated(seed, seed) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((raw) => Buffer.from(raw)) },
    )
    .map((bytes) => stripNewlines(bytes));
}

/** @param {Buffer} bytes */
function stripNewlines(bytes) {
  return bytes.includes(10) ? Buffer.from(bytes.filter((byte) => byte !== 10)) : bytes;
}
