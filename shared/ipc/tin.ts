/** A supervisor reveals one holder's full TIN, with a reason (journaled); clerks never can. */
import { z } from 'zod';
import { labelled } from './labels';
import { reasonText } from './schemas';

export const revealTinInput = z
  .object({
    entryId: labelled(z.number({ error: 'Register entry must be a number' }).int('Register entry must be a whole number').positive('Register entry must be positive'), 'Register entry'),
    reason: reasonText('Reason for revealing the TIN', 'Holder called to confirm the TIN on a 1099-B'),
  })
  .strict();

export interface RevealedTinView {
  readonly account: string;
  readonly tinType: 'SSN' | 'ITIN' | 'EIN' | 'NONE';
  readonly tin: string;
}
