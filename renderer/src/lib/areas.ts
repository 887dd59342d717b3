import type { MenuCommand } from '../../../shared/ipc/bridge';
import type { Role } from '../../../shared/ipc/schemas';

export type AreaId =
  | 'setup'
  | 'register'
  | 'certificates'
  | 'intake'
  | 'payments'
  | 'queue'
  | 'lost'
  | 'reports'
  | 'close'
  | 'audit';

export interface Area {
  readonly id: AreaId;
  readonly label: string;
  /** The digit of its Ctrl+digit shortcut. */
  readonly digit: string;
  readonly command: MenuCommand;
  readonly built: boolean;
  /** Roles that may open it; absent means everyone signed in. */
  readonly roles?: readonly Role[];
}

/** The ten areas in roadmap order; Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth. */
export const AREAS: readonly Area[] = [
  { id: 'setup', label: 'Setup', digit: '1', command: 'area:setup', built: true },
  { id: 'register', label: 'Register', digit: '2', command: 'area:register', built: false },
  { id: 'certificates', label: 'Certificates', digit: '3', command: 'area:certificates', built: false },
  { id: 'intake', label: 'Intake', digit: '4', command: 'area:intake', built: false },
  { id: 'payments', label: 'Payments', digit: '5', command: 'area:payments', built: false },
  { id: 'queue', label: 'Queue', digit: '6', command: 'area:queue', built: false },
  { id: 'lost', label: 'Lost certificates', digit: '7', command: 'area:lost', built: false },
  { id: 'reports', label: 'Reports', digit: '8', command: 'area:reports', built: false },
  { id: 'close', label: 'Close', digit: '9', command: 'area:close', built: false },
  { id: 'audit', label: 'Audit', digit: '0', command: 'area:audit', built: true, roles: ['supervisor', 'admin'] },
];

export const areaById = (id: AreaId): Area => AREAS.find((a) => a.id === id)!;

export const areaForCommand = (command: string): Area | undefined => AREAS.find((a) => a.command === command);

export const mayOpenArea = (area: Area, role: Role): boolean => area.roles === undefined || area.roles.includes(role);
