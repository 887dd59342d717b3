import type { OddLotTerms, RightsOfferingTerms } from '../../../../shared/domain/terms';
import type { DerivedTermsDates, TermsVersionView } from '../../../../shared/ipc/types';
import { formatIsoDate } from '../../lib/dates';
import { normalizeMoney, rateToPercent } from '../../lib/amounts';
import { formatWallTime } from './terms-form';

const zoneWords = (zone: string) => (zone === 'America/New_York' ? 'New York' : zone);
const yes = (b: boolean) => (b ? 'Yes' : 'No');
const sharesWords = (n: number) => n.toLocaleString('en-US');
const calendarWords = (c: string) => (c === 'NYSE' ? 'NYSE business days' : c === 'FED' ? 'Federal Reserve business days' : 'days both NYSE and the Federal Reserve are open');

/** A date the engine derived, with the rule it follows in words beside it. */
function Dated({ at, zone, rule }: { at: string; zone: string; rule: string }) {
  return (
    <>
      {at.includes('T') ? `${formatWallTime(at)} ${zoneWords(zone)}` : formatIsoDate(at)} <span className="rule">— {rule}</span>
    </>
  );
}

function RightsTerms({ terms: t, derived: d }: { terms: RightsOfferingTerms; derived: DerivedTermsDates }) {
  const zone = t.timeZone;
  const sameTransferable = d.transferableExpiresAt === undefined || d.transferableExpiresAt === d.expiresAt;
  // Shown only where a class takes decimal units (a claim in dollars and cents); whole units otherwise.
  const decimals = t.classes.some((c) => (c.unitsDecimals ?? 0) > 0);
  return (
    <>
      <dl className="facts terms-facts">
        <dt>Subscription price</dt>
        <dd>${normalizeMoney(t.subscriptionPrice)} per share</dd>
        <dt>Maximum shares</dt>
        <dd>{sharesWords(t.maxShares)}</dd>
        <dt>Record date</dt>
        <dd>{formatIsoDate(t.recordDate)}</dd>
        <dt>Certificates issued</dt>
        <dd>{formatIsoDate(t.certificateIssueDate)}</dd>
        <dt>Expires</dt>
        <dd>
          <Dated at={d.expiresAt} zone={zone} rule={t.expiration.basis === 'derived' ? 'first business day after the 29th day after issue' : 'entered date and time'} />
        </dd>
        {!sameTransferable && d.transferableExpiresAt ? (
          <>
            <dt>Transferable rights expire</dt>
            <dd>
              <Dated at={d.transferableExpiresAt} zone={zone} rule={t.transferableExpiration?.basis === 'derived' ? 'first business day after the 29th day after issue' : 'entered date and time'} />
            </dd>
          </>
        ) : null}
        {d.splitRequestCutoff ? (
          <>
            <dt>Split requests by</dt>
            <dd>
              <Dated at={d.splitRequestCutoff} zone={zone} rule="five business days before the transferable rights expire (§2b)" />
            </dd>
          </>
        ) : null}
        {d.proceedsDue ? (
          <>
            <dt>Proceeds due</dt>
            <dd>
              <Dated at={d.proceedsDue} zone={zone} rule="to the company within 15 business days after the later expiration (§6c)" />
            </dd>
          </>
        ) : null}
        {d.finalReportDue ? (
          <>
            <dt>Final certified report due</dt>
            <dd>
              <Dated at={d.finalReportDue} zone={zone} rule="7th business day after expiration (§10)" />
            </dd>
          </>
        ) : null}
        <dt>Guaranteed delivery</dt>
        <dd>
          {t.guaranteedDelivery.allowed ? (
            <>
              Allowed: payment by expiration, certificate within {t.guaranteedDelivery.coverBusinessDays} business days
              {d.guaranteedDeliveryCutoff ? (
                <>
                  , by <Dated at={d.guaranteedDeliveryCutoff} zone={zone} rule={`${t.guaranteedDelivery.coverBusinessDays} business days after expiration (§5b)`} />
                </>
              ) : null}
            </>
          ) : (
            'Not allowed'
          )}
        </dd>
        <dt>Oversubscription</dt>
        <dd>
          Prorated to {t.oversubscription.basis === 'requested' ? 'shares requested' : 'basic shares exercised'};{' '}
          {t.oversubscription.requireFullBasic ? 'full basic exercise required' : 'full basic exercise not required'}
        </dd>
        <dt>Business days</dt>
        <dd>{calendarWords(t.businessDays)}</dd>
      </dl>
      <table className="grid terms-classes" aria-label="Classes of rights">
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col">Colour</th>
            <th scope="col" className="num">
              Firm rights per unit
            </th>
            <th scope="col">Oversubscription</th>
            <th scope="col">Transferable</th>
            <th scope="col">Stage</th>
            {decimals ? (
              <th scope="col" className="num">
                Units decimals
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {t.classes.map((c) => (
            <tr key={c.code}>
              <td className="code">{c.code}</td>
              <td>{c.colour}</td>
              <td className="num">{c.firmRightsPerUnit}</td>
              <td>{yes(c.oversubscription)}</td>
              <td>{yes(c.transferable)}</td>
              <td>{c.stage === 2 ? '2 (buys what stage 1 left)' : '1'}</td>
              {decimals ? <td className="num">{c.unitsDecimals ?? 0}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function OddLotTermsView({ terms: t, derived: d }: { terms: OddLotTerms; derived: DerivedTermsDates }) {
  return (
    <dl className="facts terms-facts">
      <dt>Processing fee</dt>
      <dd>${normalizeMoney(t.processingFeePerShare)} per share</dd>
      <dt>Round lot</dt>
      <dd>
        {sharesWords(t.roundLot)} shares (holders of 1–{sharesWords(t.roundLot - 1)} shares may take part)
      </dd>
      <dt>Record date</dt>
      <dd>{formatIsoDate(t.recordDate)}</dd>
      <dt>Expires</dt>
      <dd>
        <Dated at={d.expiresAt} zone={t.timeZone} rule="entered date and time" />
      </dd>
      <dt>Excluded jurisdictions</dt>
      <dd>{t.excludedJurisdictions.length ? t.excludedJurisdictions.join(', ') : 'None'}</dd>
      <dt>Plan shares</dt>
      <dd>{t.planSharesExcluded ? 'Excluded (employee benefit plan shares do not count)' : 'Included'}</dd>
      <dt>Backup withholding</dt>
      <dd>{rateToPercent(t.backupWithholdingRate)}% without a certified TIN</dd>
      <dt>Settlement</dt>
      <dd>About {t.settlementBusinessDays} business days after delivery</dd>
      <dt>Business days</dt>
      <dd>{calendarWords(t.businessDays)}</dd>
    </dl>
  );
}

/** One version of a program's terms, in words, read-only. */
export function TermsView({ version }: { version: TermsVersionView }) {
  const t = version.terms;
  return t.kind === 'rights-offering' ? <RightsTerms terms={t} derived={version.derived} /> : <OddLotTermsView terms={t} derived={version.derived} />;
}
