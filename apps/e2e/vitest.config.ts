import { definePackageTestConfig } from "@spoor/vitest-config";

// Each file starts several real processes: two files at a time keep a busy 2-core machine
// responsive enough, and a test's deadline bounds a hang of several restarts under load.
export default definePackageTestConfig({ test: { maxWorkers: 2, testTimeout: 180_000 } });
