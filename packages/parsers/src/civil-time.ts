/**
 * Days between 1970-01-01 and a proleptic Gregorian date (H. Hinnant's `days_from_civil`),
 * by integer arithmetic only. `month` is 1–12; the day is not range-checked here.
 * Never throws.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Number of days in `month` (1–12) of `year`, Gregorian leap rules. Never throws. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Unix seconds of a wall-clock time logged with a UTC offset of `offsetMinutes` (east
 * positive), or `undefined` when the date or time is impossible (month 13, 30 February,
 * hour 24, second 60, offset hours over 23 or minutes over 59…). No Date object is made.
 * Never throws.
 */
export function unixSeconds(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  offsetMinutes: number,
): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const days = daysFromCivil(year, month, day);
  return days * 86400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60;
}
