import type { Role } from './ipc/schemas';

/**
 * The ten areas of the desk, in roadmap order: one table for Electron's Go menu, the screen's
 * area menu, the keys list and the commands. Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth.
 * The screens themselves are registered in the renderer (renderer/src/frame/registry.tsx).
 */
export const AREA_IDS = ['setup', 'register', 'certificates', 'intake', 'payments', 'queue', 'lost', 'reports', 'close', 'audit'] as const;
export type AreaId = (typeof AREA_IDS)[number];

export interface AreaEntry {
  readonly id: AreaId;
  readonly label: string;
  /** The digit of its Ctrl+digit shortcut. */
  readonly digit: string;
  readonly command: `area:${AreaId}`;
  /** Roles that may open it; absent means everyone signed in. */
  readonly roles?: readonly Role[];
}

export const AREA_TABLE: readonly AreaEntry[] = [
  { id: 'setup', label: 'Setup', digit: '1', command: 'area:setup' },
  { id: 'register', label: 'Register', digit: '2', command: 'area:register' },
  { id: 'certificates', label: 'Certificates', digit: '3', command: 'area:certificates' },
  { id: 'intake', label: 'Intake', digit: '4', command: 'area:intake' },
  { id: 'payments', label: 'Payments', digit: '5', command: 'area:payments' },
  { id: 'queue', label: 'Queue', digit: '6', command: 'area:queue', roles: ['supervisor', 'admin'] },
  { id: 'lost', label: 'Lost certificates', digit: '7', command: 'area:lost' },
  { id: 'reports', label: 'Reports', digit: '8', command: 'area:reports', roles: ['supervisor', 'admin'] },
  { id: 'close', label: 'Close', digit: '9', command: 'area:close' },
  { id: 'audit', label: 'Audit', digit: '0', command: 'area:audit', roles: ['supervisor', 'admin'] },
];

export const isAreaId = (value: unknown): value is AreaId => typeof value === 'string' && (AREA_IDS as readonly string[]).includes(value);
