import { instantToWallTime } from '../../../../shared/domain';

/** An ISO instant as New York wall time in words: "12/08/2003 16:59 ET". */
export function formatInstantEt(iso: string): string {
  const wall = instantToWallTime(Date.parse(iso));
  return `${wall.slice(5, 7)}/${wall.slice(8, 10)}/${wall.slice(0, 4)} ${wall.slice(11, 16)} ET`;
}
