import { signedIn, type HandlerTable } from './types';

export const jobsHandlers = {
  'jobs.list': (_input, ctx) => ctx.jobs.list(),
  // Supervisors and administrators may stop anyone's job (a backup left running by a clerk's
  // supervisor who went home); everyone else only their own.
  'jobs.cancel': (input, ctx) => {
    const user = signedIn(ctx);
    return ctx.jobs.cancel(input.jobId, { id: user.id, mayCancelAny: user.role === 'supervisor' || user.role === 'admin' });
  },
} satisfies Partial<HandlerTable>;
