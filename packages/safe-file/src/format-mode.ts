/** `0o644` → `"0644"`: a permission mode as chmod takes it. */
export function formatMode(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, "0");
}
