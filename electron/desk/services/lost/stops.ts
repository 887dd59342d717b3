/**
 * Stops (§2c): a certificate reported lost, stolen, destroyed or mutilated carries a 'stopped'
 * certificate event from the moment its case is opened. A stop is never lifted — a recovered
 * original keeps it (it was reported; its replacement, if any, is the good one) — so a stopped
 * certificate is one with any 'stopped' event. Intake passes these to `assess()` as
 * `certificateStopped`, and the engine names the CERTIFICATE_STOPPED deficiency.
 */
import type { ReadRepos } from '../../store/port';

type Reads = Pick<ReadRepos, 'lost'>;

/** Whether the certificate is stopped. */
export async function isStopped(r: Reads, certificateId: number): Promise<boolean> {
  return (await r.lost.stoppedAmong([certificateId])).has(certificateId);
}

/** Which of `ids` are stopped (one query, for a page of elections or a batch report). */
export async function stoppedCertificates(r: Reads, ids: readonly number[]): Promise<ReadonlySet<number>> {
  const unique = [...new Set(ids)];
  const found = new Set<number>();
  // Bounded IN lists: both stores take far more, but a batch of thousands stays well under any limit.
  for (let i = 0; i < unique.length; i += 1_000) for (const id of await r.lost.stoppedAmong(unique.slice(i, i + 1_000))) found.add(id);
  return found;
}
