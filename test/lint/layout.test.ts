import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The top level is fixed: these folders and files, dotfiles (.config holds the tool configs,
// .ci the CI entry), npm's lockfile, and the ignored outputs of installs and builds.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXED = ['electron', 'renderer', 'shared', 'assets', 'test', 'package.json', 'tsconfig.json', 'electron-builder.yml', 'README.md'];
const ALSO_ALLOWED = ['package-lock.json'];
const GENERATED = ['node_modules', 'release'];

describe('top-level layout', () => {
  it('holds nothing but the fixed entries and dotfiles', () => {
    const strays = readdirSync(root).filter(
      (name) => !name.startsWith('.') && ![...FIXED, ...ALSO_ALLOWED, ...GENERATED].includes(name),
    );
    expect(strays).toEqual([]);
  });

  it('keeps tool configs in .config rather than at the top', () => {
    expect(readdirSync(root).filter((name) => /^(eslint|vite|vitest|tsconfig\.(node|web)|playwright)\b.*\.(js|mjs|cjs|ts|json)$/.test(name))).toEqual([]);
  });
});
