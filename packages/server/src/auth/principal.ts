/** A role a credential is bound to. */
export type Role = "reporter" | "analyst";

/** Who made a request, once authenticated. */
export interface Principal {
  /** The Basic-auth identifier (a credential's name). */
  identifier: string;
  /** The roles it holds: one for a database credential, both for a `--credentials` pair. */
  roles: readonly Role[];
  /** Whether it may see or report records of a host. */
  allowsHost(host: string): boolean;
  /** The hosts glob it is bound to (`host-glob.ts`), or null for every host. */
  hosts: string | null;
}
