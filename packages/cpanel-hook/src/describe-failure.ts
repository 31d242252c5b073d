/**
 * A short, payload-free name for why something failed: the errno code (`EACCES`, `ENOSPC`…)
 * when there is one, else the error class (`PermissionError`, `SpoolFullError`…). Never throws.
 */
export function describeFailure(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && /^[A-Z][A-Z0-9_]{0,31}$/.test(code)) return code;
    const name = (error as { name?: unknown }).name;
    if (typeof name === "string" && /^[A-Za-z]{1,64}$/.test(name)) return name;
  }
  return "unknown error";
}
