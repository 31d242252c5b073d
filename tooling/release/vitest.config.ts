import { definePackageTestConfig } from "@spoor/vitest-config";

// One release build (globalSetup) serves every test file; building takes ~1 min on a busy machine.
export default definePackageTestConfig({
  test: { globalSetup: ["test/global-setup.ts"], testTimeout: 180_000, hookTimeout: 600_000 },
});
