/**
 * One entry point for both kinds of program, and the settlement's JSON text.
 */
import type { Scenario } from './scenario';
import { settleOddLot, type OddLotSettlement } from './settle-odd-lot';
import { settleRights, type RightsSettlement } from './settle-rights';

export type Settlement = RightsSettlement | OddLotSettlement;

/** Settles a validated scenario (see `parseScenario`). */
export function settle(scenario: Scenario): Settlement {
  return scenario.program.kind === 'rights-offering'
    ? settleRights(scenario as Parameters<typeof settleRights>[0])
    : settleOddLot(scenario as Parameters<typeof settleOddLot>[0]);
}

function indent(text: string, pad: string): string {
  return text.includes('\n') ? text.replace(/\n/g, `\n${pad}`) : text;
}

/**
 * The settlement as JSON text, 2-space indented with a trailing newline — exactly
 * `JSON.stringify(settlement, null, 2) + "\n"` — produced in chunks of about `chunkSize`
 * characters, so a million-row settlement never has to exist as one string.
 */
export function* settlementJsonChunks(settlement: Settlement, chunkSize = 1 << 20): Generator<string> {
  const entries = Object.entries(settlement);
  let buffer = '{\n';
  for (let e = 0; e < entries.length; e++) {
    const [key, value] = entries[e]!;
    const head = `  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > 0) {
      buffer += `${head}[\n`;
      for (let k = 0; k < value.length; k++) {
        buffer += `    ${indent(JSON.stringify(value[k], null, 2), '    ')}${k < value.length - 1 ? ',\n' : '\n'}`;
        if (buffer.length >= chunkSize) {
          yield buffer;
          buffer = '';
        }
      }
      buffer += '  ]';
    } else {
      buffer += head + indent(JSON.stringify(value, null, 2), '  ');
    }
    buffer += e < entries.length - 1 ? ',\n' : '\n';
  }
  yield `${buffer}}\n`;
}

/** The whole settlement JSON text (small settlements, tests). */
export function settlementJson(settlement: Settlement): string {
  let out = '';
  for (const chunk of settlementJsonChunks(settlement)) out += chunk;
  return out;
}
