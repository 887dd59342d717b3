import { useState } from 'react';
import type { ProgramKind } from '../../../../../shared/ipc/schemas';
import { DtcInstructions } from '../dtc/DtcInstructions';
import { GuaranteedDeliveries } from '../guaranteed/GuaranteedDeliveries';
import { OddLotOrderForm } from '../odd-lot/OddLotOrderForm';

type Tab = 'dtc' | 'guaranteed' | 'odd-lot';
const TABS: Readonly<Record<ProgramKind, readonly { id: Tab; label: string }[]>> = {
  'rights-offering': [
    { id: 'dtc', label: 'DTC instructions' },
    { id: 'guaranteed', label: 'Guaranteed deliveries' },
  ],
  'odd-lot': [{ id: 'odd-lot', label: 'Odd-lot orders' }],
};

/**
 * The intake items beyond the election form, for the Intake area to show beside it: a rights
 * offering's DTC instructions and guaranteed deliveries, an odd-lot program's orders.
 */
export function IntakeMoreTabs({ programId, kind }: { programId: number; kind: ProgramKind }) {
  const tabs = TABS[kind];
  const [chosen, setChosen] = useState<Tab>(tabs[0]!.id);
  const tab = tabs.some((t) => t.id === chosen) ? chosen : tabs[0]!.id;
  return (
    <>
      <nav aria-label="Intake items" className="intake-tabs">
        {tabs.map((t) => (
          <button key={t.id} type="button" aria-pressed={t.id === tab} onClick={() => setChosen(t.id)}>
            {t.label}
          </button>
        ))}
      </nav>
      {tab === 'dtc' ? <DtcInstructions key={programId} programId={programId} /> : null}
      {tab === 'guaranteed' ? <GuaranteedDeliveries key={programId} programId={programId} /> : null}
      {tab === 'odd-lot' ? <OddLotOrderForm key={programId} programId={programId} /> : null}
    </>
  );
}
