import type { ElectionVerdict } from '../../../../shared/ipc/intake-forms';
import { normalizeMoney } from '../../lib/amounts';

const money = (s: string) => normalizeMoney(s);
const shares = (n: number) => n.toLocaleString('en-US');

/** The engine's verdict on the form as keyed so far: deficiencies with their codes, the deemed exercise, the money. */
export function VerdictPanel({ verdict, title = 'As keyed so far' }: { readonly verdict: ElectionVerdict | null; readonly title?: string }) {
  return (
    <section className="verdict" aria-label={title} aria-live="polite">
      <h3>{title}</h3>
      {verdict === null ? (
        <p className="muted">Type the certificate number to see the verdict.</p>
      ) : (
        <>
          <p className="verdict-deficiencies">
            {verdict.deficiencies.length === 0 ? 'No deficiencies.' : `Deficiencies: ${verdict.deficiencies.map((d) => `${d.title} — ${d.code}`).join('; ')}.`}
          </p>
          <p>
            Deemed exercise (§4b): {shares(verdict.basicExercised)} basic
            {verdict.oversubscriptionPaid > 0 ? `, ${shares(verdict.oversubscriptionPaid)} oversubscription paid for` : ''}
            {verdict.paymentShort ? ' — the payment is short' : ''}.
          </p>
          <p>
            Cost {money(verdict.cost)} at {money(verdict.price)} · received {money(verdict.received)} · good funds {money(verdict.goodFunds)}
            {verdict.pending !== '0.00' ? ` · not yet good ${money(verdict.pending)}` : ''} · due {money(verdict.due)} · to refund {money(verdict.refund)}
          </p>
        </>
      )}
    </section>
  );
}
