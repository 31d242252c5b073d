/** What an install step did to one path. */
export type PathAction = "created" | "written" | "repaired" | "unchanged" | "removed" | "kept";

/** One path an install or uninstall step touched (or deliberately left alone). */
export interface PathOutcome {
  path: string;
  action: PathAction;
  /** e.g. `mode 0755 → 0700`, `credentials kept`. */
  detail?: string;
}
