// The §10 reports' channels: the figures answer at once (drawn from one snapshot); a print is a
// job writing where main's own dialog chose, an export a CSV file main's dialog chose — never a
// path from the renderer. Each is refused in words (a day that is no business day, a final
// report before the expiration) before any dialog opens.
import { DeskFailure } from '../../../shared/ipc/result';
import type { SessionUser } from '../../../shared/ipc/types';
import { dailyFrom } from '../services/reports/daily';
import { finalFrom } from '../services/reports/final';
import { withReportSource } from '../services/reports/report-cache';
import { holderListingWindow } from '../services/reports/listing';
import { drawReport, exportReport, printReport, reportFileName, reportTitle } from '../services/reports/report-output';
import type { Printer } from '../services/intake/intake-print';
import { signedIn, type HandlerTable } from './types';

const printer = (u: SessionUser): Printer => ({ id: u.id, username: u.username, displayName: u.displayName });

export const reportsHandlers = {
  'reports.daily': (input, ctx) => withReportSource(ctx.store, input.programId, ctx.now(), (_r, source) => dailyFrom(source, input.day), ctx.readItems),
  'reports.holders': (input, ctx) => holderListingWindow(ctx.store, input.programId, input.offset, input.limit, ctx.now(), ctx.readItems),
  'reports.final': (input, ctx) => withReportSource(ctx.store, input.programId, ctx.now(), (_r, source) => finalFrom(source), ctx.readItems),
  'reports.print': async (input, ctx) => {
    const user = signedIn(ctx);
    const store = ctx.store;
    const drawn = await drawReport(store, input, ctx.now(), ctx.readItems);
    const file = await ctx.host.chooseSavePath({ title: `Print the ${reportTitle(drawn).toLowerCase()}`, defaultName: reportFileName(drawn, 'pdf') });
    if (file === null) throw new DeskFailure('CANCELLED', 'Printing cancelled; nothing was printed or recorded');
    return ctx.jobs.start('reports.print', user, (job) => printReport(store, printer(user), drawn, input, file, { signal: job.signal, onProgress: job.onProgress, overwrite: true, now: ctx.now }));
  },
  'reports.export': async (input, ctx) => {
    const user = signedIn(ctx);
    const drawn = await drawReport(ctx.store, input, ctx.now(), ctx.readItems);
    const file = await ctx.host.chooseSavePath({ title: `Export the ${reportTitle(drawn).toLowerCase()} as CSV`, defaultName: reportFileName(drawn, 'csv') });
    if (file === null) throw new DeskFailure('CANCELLED', 'Export cancelled; nothing was written');
    return exportReport(ctx.store, printer(user), drawn, input, file);
  },
} satisfies Partial<HandlerTable>;
