const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

// East Asian Wide and Fullwidth blocks, and the pictographic emoji blocks.
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

const ZERO_WIDTH = /^[\u200b-\u200f\ufeff\p{M}]/u;

function graphemeWidth(grapheme: string): number {
  if (ZERO_WIDTH.test(grapheme)) return 0;
  const code = grapheme.codePointAt(0)!;
  if (grapheme.includes("\ufe0f")) return 2;
  return WIDE.some(([from, to]) => code >= from && code <= to) ? 2 : 1;
}

/**
 * The number of terminal columns a text takes: one per grapheme cluster (so `é` written as
 * `e` + combining accent is 1), two for East Asian wide characters and emoji, zero for
 * zero-width characters. Expects text without control characters. Never throws.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of segmenter.segment(text)) width += graphemeWidth(segment);
  return width;
}
