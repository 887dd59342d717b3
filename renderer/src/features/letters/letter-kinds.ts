import type { ITEM_LETTERS } from '../../../../shared/ipc/letters';

export type ItemLetterKind = (typeof ITEM_LETTERS)[number];
