import type { ProgramKind, Role } from '../../../shared/ipc/schemas';

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  clerk: 'Clerk',
  supervisor: 'Supervisor',
  admin: 'Administrator',
};

export const KIND_LABELS: Readonly<Record<ProgramKind, string>> = {
  'rights-offering': 'Rights offering',
  'odd-lot': 'Odd-lot program',
};
