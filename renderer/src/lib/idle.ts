/** Whether the screen has been idle long enough to lock; zero or less means never. */
export function idleLockDue(lastActivityMs: number, nowMs: number, idleLockMinutes: number): boolean {
  if (!(idleLockMinutes > 0)) return false;
  return nowMs - lastActivityMs >= idleLockMinutes * 60_000;
}

/** How often to look: often enough to lock within a few seconds of the limit, rarely enough to cost nothing. */
export const IDLE_CHECK_MS = 5_000;

/** How often, at most, activity on the screen is reported to main, whose idle timer otherwise only sees saves. */
export const ACTIVITY_REPORT_MS = 60_000;

/** Whether activity now should be reported, given when it last was. */
export function activityReportDue(lastReportMs: number, nowMs: number): boolean {
  return nowMs - lastReportMs >= ACTIVITY_REPORT_MS;
}
