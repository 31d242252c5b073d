import { hostname } from "node:os";
import type { SpoorConfig } from "./spoor-config.js";

/**
 * The name this machine reports as (`metadata.reporter`, and the host the list commands ask
 * about): `transmission.reporter`, else the hostname. Never throws.
 */
export function reporterFor(config: SpoorConfig): string {
  return config.transmission.reporter ?? hostname();
}
