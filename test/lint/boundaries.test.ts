import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Lints small in-memory snippets as if they sat at the given paths, through the project's config.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, '.config', 'eslint.config.js') });
});

async function problems(code: string, file: string, ruleId: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  if (!result) throw new Error('no lint result');
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(`could not lint ${file}: ${fatal.map((m) => m.message).join('; ')}`);
  return result.messages.filter((m) => m.ruleId === ruleId).map((m) => m.message);
}
const boundaryProblems = (code: string, file: string) => problems(code, file, 'desk/import-boundaries');

const forbidden: [file: string, code: string][] = [
  ['shared/domain/rights.ts', "import { app } from 'electron';"],
  ['shared/domain/rights.ts', "import type { IpcMain } from 'electron';"],
  ['shared/domain/rights.ts', "import { readFileSync } from 'node:fs';"],
  ['shared/domain/rights.ts', "import { readFileSync } from 'fs';"],
  ['shared/domain/rights.ts', "import { readFile } from 'fs/promises';"],
  ['shared/domain/rights.ts', "import path from 'path';"],
  ['shared/domain/rights.ts', "import { createHash } from 'crypto';"],
  ['shared/domain/rights.ts', "export * from 'node:os';"],
  ['shared/domain/rights.ts', "export const load = () => import('node:zlib');"],
  ['shared/domain/rights.ts', "import { useState } from 'react';"],
  ['shared/domain/rights.ts', "import { createRoot } from 'react-dom/client';"],
  ['shared/ipc/extra.ts', "import { openDesk } from '../../electron/desk/desk';"],
  ['shared/ipc/extra.ts', "import { App } from '../../renderer/src/app/App';"],
  ['shared/domain/rights.test.ts', "import { app } from 'electron';"],
  ['renderer/src/features/intake/IntakeArea.tsx', "import { ipcRenderer } from 'electron';"],
  ['renderer/src/features/intake/IntakeArea.tsx', "import { openDesk } from '../../../../electron/desk/desk';"],
  ['renderer/src/features/intake/IntakeArea.tsx', "import type { Desk } from '../../../../electron/desk/desk';"],
  ['renderer/src/features/intake/IntakeArea.tsx', "import { MENU } from '../../../../electron/main/menu-template';"],
  ['renderer/src/features/intake/IntakeArea.tsx', "import path from 'node:path';"],
  ['renderer/src/features/intake/IntakeArea.tsx', "import { EventEmitter } from 'events';"],
  ['renderer/src/features/intake/IntakeArea.test.tsx', "import { ipcRenderer } from 'electron';"],
  ['electron/desk/services/intake.ts', "import { dialog } from 'electron';"],
  ['electron/desk/services/intake.ts', "import type { BrowserWindow } from 'electron';"],
  ['electron/desk/services/intake.ts', "const { shell } = require('electron');"],
  ['electron/desk/services/intake.ts', "import { labels } from '../../../renderer/src/lib/labels';"],
  ['electron/desk/services/intake.ts', "import { createMainWindow } from '../../main/window';"],
  ['electron/desk/services/intake.test.ts', "import { app } from 'electron';"],
  ['electron/workers/pdf.ts', "import { app } from 'electron';"],
];

const allowed: [file: string, code: string][] = [
  ['shared/domain/rights.ts', "import Decimal from 'decimal.js';\nimport { z } from 'zod';\nimport { money } from './money';\nimport { fail } from '../ipc/result';"],
  ['shared/domain/rights.test.ts', "import { readFileSync } from 'node:fs';\nimport fc from 'fast-check';"],
  ['renderer/src/features/intake/IntakeArea.tsx', "import { useState } from 'react';\nimport { createRoot } from 'react-dom/client';\nimport type { DeskBridge } from '../../../../shared/ipc/bridge';\nimport { Field } from '../../components/Field';"],
  ['renderer/vite.config.ts', "import { fileURLToPath } from 'node:url';\nimport { defineConfig } from 'vite';"],
  ['electron/main/main.ts', "import { app, BrowserWindow } from 'electron';\nimport path from 'node:path';\nimport { openDesk } from '../desk/desk';\nimport { channels } from '../../shared/ipc/channels';"],
  ['electron/preload/preload.ts', "import { contextBridge, ipcRenderer } from 'electron';\nimport { MENU_COMMANDS } from '../../shared/ipc/bridge';"],
  ['electron/desk/services/intake.ts', "import Database from 'better-sqlite3';\nimport { readFile } from 'node:fs/promises';\nimport { money } from '../../../shared/domain/money';\nimport { openPrefs } from '../prefs/prefs';"],
  ['test/e2e/intake.test.ts', "import { chromium } from 'playwright-core';\nimport { openDesk } from '../../electron/desk/desk';"],
];

describe('import boundaries (DESIGN rule 1)', () => {
  it.each(forbidden)('reports %s: %s', async (file, code) => {
    const found = await boundaryProblems(code, file);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/may not be imported here/);
  });

  it.each(allowed)('allows %s: %s', async (file, code) => {
    expect(await boundaryProblems(code, file)).toEqual([]);
  });

  it('resolves relative paths against the importing file rather than matching text', async () => {
    // A local folder that happens to be called "electron" is not the electron/ tree.
    expect(await boundaryProblems("import { icon } from './electron/icon';", 'renderer/src/components/Logo.tsx')).toEqual([]);
    expect(await boundaryProblems("import { icon } from '../../../electron/icon';", 'renderer/src/components/Logo.tsx')).toHaveLength(1);
  });

  it('says why in the message', async () => {
    const [message] = await boundaryProblems("import fs from 'fs';", 'shared/domain/rights.ts');
    expect(message).toBe("'fs' may not be imported here: shared/ is pure and runs in the renderer and in Node alike (no Electron, Node or React)");
  });
});

describe('no floats near money (DESIGN rule 3)', () => {
  const floatProblems = async (code: string, file: string) => [
    ...(await problems(code, file, 'no-restricted-globals')),
    ...(await problems(code, file, 'no-restricted-properties')),
  ];

  it.each([
    "export const a = parseFloat('1.5');",
    "export const a = Number.parseFloat('1.5');",
    "export const a = globalThis.parseFloat('1.5');",
    'export const a = (1.5).toFixed(2);',
    'export const format = (amount: number) => amount.toFixed(2);',
  ])('reports %s in application code', async (code) => {
    for (const file of ['shared/domain/refunds.ts', 'renderer/src/features/payments/Deposit.tsx', 'electron/desk/services/payments.ts']) {
      expect(await floatProblems(code, file)).toHaveLength(1);
    }
  });

  it('allows them in tests', async () => {
    const code = "export const a = parseFloat('1.5') + Number.parseFloat('2');\nexport const b = (1.5).toFixed(2);";
    expect(await floatProblems(code, 'shared/domain/refunds.test.ts')).toEqual([]);
    expect(await floatProblems(code, 'test/e2e/payments.test.ts')).toEqual([]);
  });

  it('lets the money module format a Decimal with toFixed, and nothing else', async () => {
    const code = "import Decimal from 'decimal.js';\nexport const cents = (d: Decimal) => d.toFixed(2, Decimal.ROUND_HALF_UP);";
    expect(await floatProblems(code, 'shared/domain/money.ts')).toEqual([]);
    expect(await floatProblems(code, 'shared/domain/refunds.ts')).toHaveLength(1);
  });

  it('leaves integer parsing alone', async () => {
    expect(await floatProblems("export const n = Number.parseInt('12', 10);", 'shared/domain/refunds.ts')).toEqual([]);
  });
});
