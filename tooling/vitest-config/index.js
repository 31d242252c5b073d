import { defineConfig, mergeConfig } from "vitest/config";

/**
 * The shared vitest settings: colocated `*.test.ts` files, forked workers (tests start real
 * child processes and servers), generous timeouts for a busy 2-core machine. Tests wait for
 * conditions, never for fixed sleeps, so the timeouts only bound a hung test.
 *
 * @param {import("vitest/config").UserConfig} [overrides]
 */
export function definePackageTestConfig(overrides = {}) {
  return mergeConfig(
    defineConfig({
      test: {
        include: ["src/**/*.test.ts", "test/**/*.test.ts"],
        pool: "forks",
        testTimeout: 60_000,
        hookTimeout: 60_000,
        allowOnly: false,
        passWithNoTests: false,
      },
    }),
    overrides,
  );
}
