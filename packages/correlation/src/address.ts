/**
 * The comparable form of an address: trimmed and lower-cased; null for null or blank text.
 * Never throws.
 *
 * @example normalizeAddress(" Bob@Evil.Example ") === "bob@evil.example"
 */
export function normalizeAddress(address: string | null | undefined): string | null {
  if (typeof address !== "string") return null;
  const trimmed = address.trim().toLowerCase();
  return trimmed === "" ? null : trimmed;
}

/**
 * The lower-cased domain of an address: the text after its last `@`; null when there is none
 * or it is empty. Never throws.
 *
 * @example domainOf("Bob@Evil.Example") === "evil.example"
 */
export function domainOf(address: string | null | undefined): string | null {
  const normal = normalizeAddress(address);
  if (normal === null) return null;
  const at = normal.lastIndexOf("@");
  if (at < 0 || at === normal.length - 1) return null;
  return normal.slice(at + 1);
}
