// Lost, stolen, mutilated or destroyed certificates (§2c): each channel validated by its schema and
// its role checked before it gets here (channels.ts); the four-eyes rule on bonds is the service's.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { instantToWallTime } from '../../../shared/domain';
import { DeskFailure } from '../../../shared/ipc/result';
import { approveBond, keyBond } from '../services/lost/bonds';
import { listCases, openCase, recordRecovery, recordRemains, viewCase } from '../services/lost/cases';
import { replaceCertificate } from '../services/lost/replace';
import { printReplacement } from '../services/lost/replacement-print';
import { deadlineList, formX17F1A, recordSecReport } from '../services/lost/sec-report';
import { setLostSettings, settingsView } from '../services/lost/settings';
import { actorOf } from '../services/views';
import { signedIn, type HandlerContext, type HandlerTable } from './types';

const nowIso = (ctx: HandlerContext) => ctx.now().toISOString();
const by = (ctx: HandlerContext) => actorOf(signedIn(ctx));

export const lostHandlers = {
  'lost.settings': async (input, ctx) => {
    const s = await ctx.store.read((r) => r.lost.currentSettings(input.programId));
    return s ? settingsView(s) : null;
  },
  'lost.setSettings': (input, ctx) => setLostSettings(ctx.store, by(ctx), input),
  'lost.cases': (input, ctx) => ctx.store.read((r) => listCases(r, input.programId, nowIso(ctx))),
  'lost.case': (input, ctx) => ctx.store.read((r) => viewCase(r, input.caseId, nowIso(ctx))),
  'lost.deadlines': (input, ctx) => ctx.store.read((r) => deadlineList(r, input.programId, nowIso(ctx))),
  'lost.openCase': (input, ctx) => openCase(ctx.store, by(ctx), input),
  'lost.keyBond': (input, ctx) => keyBond(ctx.store, by(ctx), input),
  'lost.approveBond': (input, ctx) => approveBond(ctx.store, by(ctx), input),
  'lost.recordRemains': (input, ctx) => recordRemains(ctx.store, by(ctx), input),
  'lost.recover': (input, ctx) => recordRecovery(ctx.store, by(ctx), input),
  'lost.replace': (input, ctx) => replaceCertificate(ctx.store, by(ctx), input),
  'lost.recordReport': (input, ctx) => recordSecReport(ctx.store, by(ctx), input),
  'lost.printReplacement': async (input, ctx) => {
    const user = signedIn(ctx);
    const store = ctx.store;
    const view = await store.read((r) => viewCase(r, input.caseId, nowIso(ctx)));
    if (view.replacement === null) throw new DeskFailure('CONFLICT', `Case ${input.caseId} has no replacement yet: replace the certificate first`, 'caseId');
    const folder = await ctx.host.chooseFolder({ title: `Print replacement ${view.replacement.number} and its cover letter` });
    if (folder === null) throw new DeskFailure('CANCELLED', 'Printing cancelled; nothing was printed or recorded');
    const today = instantToWallTime(ctx.now().getTime()).slice(0, 10); // the date in New York
    return ctx.jobs.start('lost.printReplacement', user, (job) => printReplacement(store, actorOf(user), input.caseId, folder, { today, signal: job.signal }));
  },
  'lost.exportReport': async (input, ctx) => {
    const store = ctx.store;
    const form = await store.read((r) => formX17F1A(r, input.caseId, input.reportType, nowIso(ctx)));
    const chosen = await ctx.host.chooseSavePath({ title: 'Save the Form X-17F-1A report', defaultName: `X-17F-1A-${form.certificateNumber}-${input.reportType}.json` });
    if (chosen === null) throw new DeskFailure('CANCELLED', 'Export cancelled; nothing was written');
    await writeFile(chosen, `${JSON.stringify(form, null, 2)}\n`, { mode: 0o600 });
    const fileName = path.basename(chosen);
    await store.change(by(ctx), 'lost.reportExported', async () => ({ payload: { caseId: input.caseId, reportType: input.reportType, number: form.certificateNumber, fileName, dueDate: form.dueDate }, result: null }));
    return { fileName };
  },
} satisfies Partial<HandlerTable>;
