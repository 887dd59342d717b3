/**
 * §10's daily report for one business day: (a) rights exercised that day, (b) shares subscribed
 * and rights paid for, (c) defective exercises received that day, and (d) the cumulative totals
 * through the day — every figure from the one snapshot the report names (report-items.ts says
 * how each is defined, and the report prints those definitions).
 */
import type { DailyReportView } from '../../../../shared/ipc/reports';
import type { ReadRepos } from '../../store/port';
import { figuresOf } from './figures';
import { checkedReportDay, defaultReportDay, reportPeriod } from './report-days';
import { headerOf, readReportSource, type ReportSource } from './report-source';

/** The daily report from a source already read (the print and the export use the same one). */
export function dailyFrom(source: ReportSource, day: string | undefined): DailyReportView {
  const period = reportPeriod(source.terms, source.asOf);
  const chosen = day === undefined ? defaultReportDay(period) : checkedReportDay(period, day);
  return {
    ...headerOf(source),
    day: chosen,
    firstDay: period.firstDay,
    afterExpiration: chosen > period.expirationDay,
    today: figuresOf(source.items.filter((i) => i.day === chosen)),
    cumulative: figuresOf(source.items.filter((i) => i.day <= chosen)),
  };
}

/** The daily report for `day` (default: the last business day) as the book stands at `asOf`. */
export async function dailyReport(r: ReadRepos, programId: number, day: string | undefined, asOf: Date): Promise<DailyReportView> {
  return dailyFrom(await readReportSource(r, programId, asOf), day);
}
