import type { DoctorReport } from "./doctor.js";

/**
 * The doctor's report as text: one line per check (verdict, name, reason), the fix
 * indented below each warning or failure, and a count. Never throws.
 */
export function formatDoctorReport(report: DoctorReport): string {
  const width = Math.max(...report.checks.map((check) => check.name.length));
  const lines: string[] = [];
  for (const check of report.checks) {
    lines.push(`${check.verdict.padEnd(4)}  ${check.name.padEnd(width)}  ${check.reason}`);
    if (check.fix !== undefined && check.verdict !== "ok") {
      lines.push(`${" ".repeat(6 + width)}  fix: ${check.fix}`);
    }
  }
  const count = (verdict: string) =>
    report.checks.filter((check) => check.verdict === verdict).length;
  const warnings = count("warn");
  lines.push(
    "",
    `${count("fail")} failed, ${warnings} warning${warnings === 1 ? "" : "s"}, ${count("ok")} ok`,
  );
  return `${lines.join("\n")}\n`;
}
