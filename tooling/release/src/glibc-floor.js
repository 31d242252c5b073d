import { run } from "./run.js";

/** Compares dotted versions ("2.34" < "2.4" is false). */
function compareVersions(a, b) {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The newest symbol versions an ELF object needs from glibc and libstdc++ (its dynamic symbol
 * table, `objdump -T`): the oldest C and C++ libraries it loads with.
 * @param {string} path a shared object
 * @returns {{ glibc: string, glibcxx: string | undefined }} e.g. { glibc: "2.34", glibcxx: "3.4.29" }
 * @throws Error when objdump fails or the object needs no versioned glibc symbol.
 */
export function glibcFloor(path) {
  const table = run("objdump", ["-T", path]);
  const newest = (prefix) =>
    [...table.matchAll(new RegExp(`\\b${prefix}_(\\d+(?:\\.\\d+)+)\\b`, "g"))]
      .map((match) => match[1] ?? "")
      .sort(compareVersions)
      .at(-1);
  const glibc = newest("GLIBC");
  if (glibc === undefined) throw new Error(`${path} needs no versioned glibc symbol`);
  return { glibc, glibcxx: newest("GLIBCXX") };
}
