import { definePackageTestConfig } from "@spoor/vitest-config";

export default definePackageTestConfig();
