import { describe } from "vitest";
import { archiveContract } from "./archive-contract.js";
import { queueContract } from "./queue-contract.js";
import type { MakeSpool } from "./spool-contract-types.js";

/**
 * The one contract every SpoolStore implementation must pass (vitest): write, naming, order,
 * read, idempotent rewrite, clashes, the cap, moves, requeue, quarantine, purge, retention,
 * stats. `makeSpool` gets the limits and a manual clock each test needs.
 */
export function runSpoolContractSuite(name: string, makeSpool: MakeSpool): void {
  describe(`${name}: the spool contract`, () => {
    describe("queue", () => queueContract(makeSpool));
    describe("archives", () => archiveContract(makeSpool));
  });
}
