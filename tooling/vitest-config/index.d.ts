import type { UserConfig } from "vitest/config";

/** The shared vitest settings, merged with a package's overrides. */
export declare function definePackageTestConfig(overrides?: UserConfig): UserConfig;
