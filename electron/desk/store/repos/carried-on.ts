import { sql } from 'kysely';

/**
 * Whether the payment allocation `a` was carried on (§4a): the item it applied the payment to was
 * corrected again, and the payment carried at the same amount to the item correcting it. Such an
 * allocation is history: the payment applies to the live end of its item's chain only, as a
 * payment corrected once no longer applies to the item it left. Both stores' SQL.
 */
export const carriedOn = sql<boolean>`(EXISTS (SELECT 1 FROM election_reversals xr WHERE xr.election_id = a.election_id)
  AND EXISTS (SELECT 1 FROM payment_allocations b JOIN elections n ON n.id = b.election_id
    WHERE b.payment_id = a.payment_id AND n.corrects_id = a.election_id AND b.amount = a.amount))`;
