/** Debian's Chromium (package `chromium`; `.ci/run` installs it). */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * The flags Chromium needs on these machines: as root (no sandbox), headless, and without the
 * background connections a closed network refuses (environment notes, `node.md`).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  "--no-sandbox",
  "--headless=new",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Launch options for playwright-core's `chromium.launch` (kept here so test-support needs no
 * browser library of its own). Never throws.
 *
 * @example const browser = await chromium.launch(chromiumLaunchOptions());
 */
export function chromiumLaunchOptions(): { executablePath: string; args: string[] } {
  return { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] };
}
