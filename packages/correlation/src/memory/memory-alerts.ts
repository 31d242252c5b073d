import type { AlertChange, AlertRecord } from "../alert.js";
import type { AlertLookup } from "../alert-lookups.js";

/** The in-memory alert table: what a store does with {@link AlertChange}s. */
export class MemoryAlerts {
  private readonly alerts = new Map<number, AlertRecord>();
  private nextId = 1;

  /** Alerts of the lookup's rule and key whose anchor span overlaps [from, to]. Never throws. */
  find(lookup: AlertLookup): AlertRecord[] {
    return [...this.alerts.values()].filter(
      (alert) =>
        alert.rule === lookup.rule &&
        alert.key === lookup.key &&
        alert.anchor_last >= lookup.from &&
        alert.anchor_first <= lookup.to,
    );
  }

  /** Applies one change; returns the id of the alert opened or changed (null for a withdrawal). */
  apply(change: AlertChange): number | null {
    switch (change.kind) {
      case "open": {
        const id = this.nextId++;
        this.alerts.set(id, { ...change.alert, id, state: "open" });
        return id;
      }
      case "update":
      case "merge": {
        const id = change.kind === "update" ? change.id : change.into;
        const state = this.alerts.get(id)?.state ?? "open";
        this.alerts.set(id, { ...change.alert, id, state });
        if (change.kind === "merge") for (const from of change.from) this.alerts.delete(from);
        return id;
      }
      case "withdraw":
        this.alerts.delete(change.id);
        return null;
    }
  }

  /** Sets an alert's state (an analyst's action). Never throws. */
  setState(id: number, state: AlertRecord["state"]): void {
    const alert = this.alerts.get(id);
    if (alert !== undefined) this.alerts.set(id, { ...alert, state });
  }

  /** Every alert in id order. Never throws. */
  all(): AlertRecord[] {
    return [...this.alerts.values()].sort((a, b) => a.id - b.id);
  }
}
