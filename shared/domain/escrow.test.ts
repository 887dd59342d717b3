import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ESCROW_BALANCES, ESCROW_METHODS, heldOf, LEDGER_KINDS, ledgerFigures, type EscrowMethod, type LedgerLine } from './escrow';
import { tieOut, type TieEntry, type TieEvent, type TiePayment } from './escrow-tie-out';
import { formatCents, parseCents } from './money';

const cents = fc.bigInt({ min: 1n, max: 10n ** 13n }).map((c) => formatCents(c));
const day = fc.integer({ min: 1, max: 28 }).map((d) => `2003-11-${String(d).padStart(2, '0')}`);
const method = fc.constantFrom(...ESCROW_METHODS);
const line = fc.record({ kind: fc.constantFrom(...LEDGER_KINDS), method, amount: cents, businessDate: day });

/** A consistent book: payments, what happened to each, and the entries the desk writes for them. */
const book = fc
  .array(fc.record({ method, amount: cents, day, fate: fc.constantFrom('none', 'cleared', 'returned') }), { maxLength: 40 })
  .map((rows) => {
    const payments: TiePayment[] = [];
    const events: TieEvent[] = [];
    const entries: TieEntry[] = [];
    rows.forEach((r, i) => {
      const id = i + 1;
      payments.push({ id, method: r.method, amount: r.amount });
      entries.push({ id: entries.length + 1, kind: 'deposited', method: r.method, amount: r.amount, businessDate: r.day, paymentId: id });
      const clears = r.method === 'check' || r.method === 'wire' || r.method === 'dtc';
      if (clears && r.fate !== 'none') {
        events.push({ id: events.length + 1, paymentId: id, kind: r.fate });
        entries.push({ id: entries.length + 1, kind: r.fate, method: r.method, amount: r.amount, businessDate: '2003-11-29', paymentId: id });
      }
    });
    return { payments, events, entries };
  });

const sum = (lines: readonly LedgerLine[], kinds: readonly string[]) => lines.filter((l) => kinds.includes(l.kind)).reduce((s, l) => s + parseCents(l.amount), 0n);

describe('the escrow ledger figures', () => {
  it('holds exactly what came in less what went out, and each balance is the sum of its entries', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const f = ledgerFigures(lines);
        expect(heldOf(f.totals)).toBe(sum(lines, ['deposited']) - sum(lines, ['returned', 'refunded', 'paid-to-company', 'reversed']));
        expect(f.totals.returned).toBe(sum(lines, ['returned']));
        expect(f.totals.refunded).toBe(sum(lines, ['refunded']));
        expect(f.totals.paid).toBe(sum(lines, ['paid-to-company']));
        for (const kind of LEDGER_KINDS) expect(f.byKind[kind]).toBe(sum(lines, [kind]));
      }),
    );
  });

  it('adds up by method to the totals, and the last day closes on the totals', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), (lines) => {
        const f = ledgerFigures(lines);
        for (const b of ESCROW_BALANCES) expect(ESCROW_METHODS.reduce((s, m) => s + f.byMethod[m][b], 0n)).toBe(f.totals[b]);
        const last = f.byDay.at(-1);
        if (last) expect(last.closing).toEqual(f.totals);
        const moved = f.byDay.reduce((s, d) => s + d.moved.deposited, 0n);
        expect(moved).toBe(f.byKind.deposited);
        expect(f.byDay.map((d) => d.businessDate)).toEqual([...new Set(lines.map((l) => l.businessDate))].sort());
      }),
    );
  });

  it('keeps a check pending until it clears, a money order good on receipt, a returned check never good', () => {
    const at = '2003-11-10';
    const check: EscrowMethod = 'check';
    const f = ledgerFigures([
      { kind: 'deposited', method: check, amount: '615.00', businessDate: at },
      { kind: 'deposited', method: check, amount: '100.00', businessDate: at },
      { kind: 'deposited', method: 'money-order', amount: '50.25', businessDate: at },
      { kind: 'cleared', method: check, amount: '615.00', businessDate: '2003-11-12' },
      { kind: 'returned', method: check, amount: '100.00', businessDate: '2003-11-13' },
    ]);
    expect(f.byDay.map((d) => [d.businessDate, d.closing.pending, d.closing.good, d.closing.returned])).toEqual([
      [at, 71500n, 5025n, 0n],
      ['2003-11-12', 10000n, 66525n, 0n],
      ['2003-11-13', 0n, 66525n, 10000n],
    ]);
  });
});

describe('the tie-out', () => {
  it('ties a book whose ledger was written as the desk writes it', () => {
    fc.assert(
      fc.property(book, (b) => {
        const result = tieOut(b);
        expect(result.differences).toEqual([]);
        expect(result.ties).toBe(true);
      }),
    );
  });

  it('names a payment whose deposit entry is missing, and an amount that differs', () => {
    fc.assert(
      fc.property(book.filter((b) => b.payments.length > 0), fc.nat(), (b, pick) => {
        const victim = b.payments[pick % b.payments.length]!;
        const dropped = b.entries.filter((e) => !(e.paymentId === victim.id && e.kind === 'deposited'));
        expect(tieOut({ ...b, entries: dropped }).differences).toContainEqual(expect.objectContaining({ code: 'NO_DEPOSIT_ENTRY', paymentId: victim.id }));
        const altered = b.entries.map((e) => (e.paymentId === victim.id && e.kind === 'deposited' ? { ...e, amount: formatCents(parseCents(e.amount) + 1n) } : e));
        const result = tieOut({ ...b, entries: altered });
        expect(result.ties).toBe(false);
        expect(result.differences).toContainEqual(expect.objectContaining({ code: 'AMOUNT_DIFFERS', paymentId: victim.id }));
      }),
    );
  });

  it('names an event without its entry, an entry without its event or payment, a split that does not sum', () => {
    const payments: TiePayment[] = [{ id: 1, method: 'check', amount: '615.00' }];
    const deposit: TieEntry = { id: 1, kind: 'deposited', method: 'check', amount: '615.00', businessDate: '2003-11-10', paymentId: 1 };
    const codes = (r: ReturnType<typeof tieOut>) => r.differences.map((d) => d.code);
    expect(codes(tieOut({ payments, events: [{ id: 1, paymentId: 1, kind: 'cleared' }], entries: [deposit] }))).toEqual(['NO_EVENT_ENTRY']);
    const cleared: TieEntry = { ...deposit, id: 2, kind: 'cleared', businessDate: '2003-11-12' };
    expect(codes(tieOut({ payments, events: [], entries: [deposit, cleared] }))).toEqual(['ENTRY_WITHOUT_EVENT']);
    const stray: TieEntry = { ...deposit, id: 3, paymentId: 9 };
    expect(codes(tieOut({ payments, events: [], entries: [deposit, stray] }))).toEqual(['ENTRY_WITHOUT_PAYMENT']);
    const refund: TieEntry = { id: 4, kind: 'refunded', method: 'check', amount: '1.00', businessDate: '2003-11-11', paymentId: null };
    const below = tieOut({ payments, events: [], entries: [deposit, refund] });
    expect(below.differences).toEqual([expect.objectContaining({ code: 'BALANCE_BELOW_ZERO', message: expect.stringContaining('-1.00 at the end of 2003-11-11') })]);
    const split = tieOut({ payments, events: [], entries: [deposit], allocations: [{ paymentId: 1, amount: '600.00' }, { paymentId: 1, amount: '15.01' }] });
    expect(split.differences).toEqual([expect.objectContaining({ code: 'SPLIT_DOES_NOT_SUM', message: 'Payment #1: its split adds up to $615.01, the payment is $615.00' })]);
  });
});

describe('a reversed deposit (a payment keyed wrong)', () => {
  it('takes the deposit back out of where it went, into no balance', () => {
    const check = ledgerFigures([{ kind: 'deposited', method: 'check', amount: '500.00', businessDate: '2003-11-10' }, { kind: 'reversed', method: 'check', amount: '500.00', businessDate: '2003-11-10' }]);
    expect(check.totals).toEqual({ pending: 0n, good: 0n, returned: 0n, refunded: 0n, paid: 0n });
    const money = ledgerFigures([{ kind: 'deposited', method: 'money-order', amount: '25.00', businessDate: '2003-11-10' }, { kind: 'reversed', method: 'money-order', amount: '25.00', businessDate: '2003-11-11' }]);
    expect(money.byDay.map((d) => [d.businessDate, d.closing.good])).toEqual([['2003-11-10', 2500n], ['2003-11-11', 0n]]);
  });
});
