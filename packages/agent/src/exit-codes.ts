/** Exit codes of the spoor processes (documented in the README; systemd units rely on 78). */
export const ExitCode = {
  /** Stopped cleanly after SIGTERM/SIGINT, or the work finished. */
  ok: 0,
  /** An unexpected error, a forced shutdown (second signal or timeout): systemd restarts. */
  failure: 1,
  /** EX_CONFIG: a user-fixable configuration or permission problem. Restarting cannot help,
   *  so units set `RestartPreventExitStatus=78`. */
  config: 78,
} as const;
