/**
 * Lets the read loop sleep until something may have changed: a file-system event, a
 * timeout, or close. An event that arrives while the loop is busy is remembered, so the
 * next wait returns at once.
 */
export class WakeSignal {
  private pending = false;
  private closed = false;
  private wake: (() => void) | undefined;
  private wakeOnNotify = false;

  /** Something changed. */
  notify(): void {
    this.pending = true;
    if (this.wakeOnNotify) this.wake?.();
  }

  /** Ends the current and every later wait at once. */
  close(): void {
    this.closed = true;
    this.wake?.();
  }

  /**
   * Resolves after `ms`, on close, or (when `onNotify`) on a notification, including one
   * that came since the previous wait.
   */
  wait(ms: number, onNotify = true): Promise<void> {
    if (this.closed || (onNotify && this.pending)) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        this.pending = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
      this.wakeOnNotify = onNotify;
    });
  }
}
