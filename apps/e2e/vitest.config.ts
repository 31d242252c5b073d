import { definePackageTestConfig } from "@spoor/vitest-config";

// The end-to-end files each start several real processes; two at a time keep a busy 2-core
// machine responsive enough for their deadlines.
export default definePackageTestConfig({ test: { maxWorkers: 2 } });
