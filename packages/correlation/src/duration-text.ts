/**
 * A duration in words for a summary: "40 s", "12 min", "5 h", "3 days". Never throws.
 *
 * @example durationText(40) === "40 s"; durationText(3_600) === "1 h"
 */
export function durationText(seconds: number): string {
  const value = Math.max(0, Math.round(seconds));
  if (value < 120) return `${value} s`;
  if (value < 2 * 3_600) return `${Math.round(value / 60)} min`;
  if (value < 2 * 86_400) return `${Math.round(value / 3_600)} h`;
  return `${Math.round(value / 86_400)} days`;
}
