import { definePackageTestConfig } from "@spoor/vitest-config";

// globalSetup runs `pnpm release` once (about a minute on a busy machine) unless SPOOR_DEB
// names a .deb; each layout then boots its own container. One file at a time: the layouts
// share nothing, but two containers and a release build at once are too much for 2 cores.
export default definePackageTestConfig({
  test: {
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
