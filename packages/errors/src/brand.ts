/**
 * The marks that tell spoor's error kinds apart. `Symbol.for` keys live in the runtime's
 * global symbol registry, so two bundled copies of this package (a daemon bundle and the
 * cPanel hook, say) put the same mark on their errors, where `instanceof` would see two
 * unrelated classes.
 */
export const USER_FACING = Symbol.for("@spoor/errors.user-facing");
/** The mark of a usage error (see {@link USER_FACING}). */
export const USAGE = Symbol.for("@spoor/errors.usage");
/** The mark of a silent error (see {@link USER_FACING}). */
export const SILENT = Symbol.for("@spoor/errors.silent");

/** Whether `value` is an object carrying the mark `brand`. Never throws. */
export function hasBrand(value: unknown, brand: symbol): boolean {
  if (typeof value !== "object" || value === null) return false;
  try {
    return (value as Record<symbol, unknown>)[brand] === true;
  } catch {
    return false; // a hostile getter or a revoked proxy
  }
}

/**
 * Puts `brand` on a class's prototype (read-only, not enumerable), so every instance and
 * every subclass instance carries it.
 */
export function brandPrototype(prototype: object, brand: symbol): void {
  Object.defineProperty(prototype, brand, { value: true, enumerable: false, writable: false });
}

/**
 * `instanceof` for a branded base class: on the base itself it checks the mark (so it holds
 * across bundled copies), on a subclass the usual prototype chain. Never throws.
 */
export function brandedInstanceOf(
  target: abstract new (...args: never[]) => object,
  base: abstract new (...args: never[]) => object,
  brand: symbol,
  value: unknown,
): boolean {
  if (target === base) return hasBrand(value, brand);
  return Function.prototype[Symbol.hasInstance].call(target, value);
}
