/**
 * How much the fault suites do. CI runs them at scale 1; `npm run soak` sets FAULT_SCALE (e.g. 5)
 * and every count is multiplied by it, at least up to the figure the issue asks for.
 */
export const FAULT_SCALE = Math.max(1, Number(process.env['FAULT_SCALE'] ?? '1') || 1);

/** `ci` at scale 1; at a larger scale, `ci × scale` but never fewer than `soak`. */
export const scaled = (ci: number, soak: number): number => (FAULT_SCALE === 1 ? ci : Math.max(soak, Math.round(ci * FAULT_SCALE)));

/** A test's timeout, grown with the scale. */
export const timeoutFor = (ciMs: number): number => ciMs * FAULT_SCALE;
