import { AREA_TABLE, type AreaEntry, type AreaId } from '../../../shared/areas';
import type { Role } from '../../../shared/ipc/schemas';

export type { AreaId } from '../../../shared/areas';
export type Area = AreaEntry;

/** The ten areas in roadmap order (the shared table Electron's menu reads too). */
export const AREAS: readonly Area[] = AREA_TABLE;

export const areaById = (id: AreaId): Area => AREAS.find((a) => a.id === id)!;

export const areaForCommand = (command: string): Area | undefined => AREAS.find((a) => a.command === command);

export const mayOpenArea = (area: Area, role: Role): boolean => area.roles === undefined || area.roles.includes(role);
