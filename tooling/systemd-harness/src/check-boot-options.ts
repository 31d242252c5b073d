/**
 * Checks what `bootSystemd` is given before anything is created: a hostname of letters,
 * digits and `-`; unit names without slashes or spaces; absolute, normalised paths to remove
 * (no `..`, not `/` itself).
 * @throws TypeError naming the first bad value.
 */
export function checkBootOptions(
  name: string,
  masks: readonly string[],
  remove: readonly string[],
): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/.test(name)) {
    throw new TypeError(`container name ${JSON.stringify(name)}: use letters, digits and -`);
  }
  for (const unit of masks) {
    if (!/^[A-Za-z0-9@_.:\\-]+\.[a-z]+$/.test(unit)) {
      throw new TypeError(`unit to mask ${JSON.stringify(unit)} is not a unit name`);
    }
  }
  for (const path of remove) {
    const parts = path.split("/");
    if (
      !path.startsWith("/") ||
      path === "/" ||
      parts.some((part, i) => i > 0 && (part === "" || part === "." || part === ".."))
    ) {
      throw new TypeError(
        `path to remove ${JSON.stringify(path)}: give an absolute, normalised path other than /`,
      );
    }
    if (/[\n\0]/.test(path))
      throw new TypeError(`path to remove ${JSON.stringify(path)} holds a newline`);
  }
}
