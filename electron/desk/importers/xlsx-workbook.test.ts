import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { goodRow } from '../testing/register-fixture';
import { tempDir } from '../testing/temp';
import { RegisterFileError } from './file-bytes';
import { REGISTER_COLUMNS } from './layout';
import { openRegisterSource } from './open-source';
import { previewFile } from './preview';
import { openWorksheet } from './xlsx-workbook';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir('xlsx-workbook-');
});
afterEach(() => dir.cleanup());

/** A register workbook of two sheets, "Register" (the first) and "Notes", as exceljs writes it (the sheet list stored last). */
async function registerWorkbook(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const register = workbook.addWorksheet('Register');
  register.addRow([...REGISTER_COLUMNS]);
  for (const row of [goodRow(1, { registration1: 'Łódź-Nowak' }), goodRow(2)]) register.addRow(REGISTER_COLUMNS.map((c) => row[c]));
  workbook.addWorksheet('Notes').addRow(['not the register']);
  await workbook.xlsx.writeFile(file);
}

/**
 * The same workbook with its parts stored in another order: the relationships, the shared strings
 * and the second sheet before the first, the sheet list last. The order is the writer's to
 * choose; a streaming reader that takes parts as they come cannot name the sheets it meets first.
 */
async function reordered(file: string, out: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const first = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet1.xml'];
  const rest = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir && !first.includes(name) && name !== 'xl/workbook.xml');
  const copy = new JSZip();
  for (const name of [...first, ...rest, 'xl/workbook.xml']) copy.file(name, await zip.files[name]!.async('uint8array'));
  writeFileSync(out, await copy.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

async function importRows(file: string, sheet?: string) {
  const source = openRegisterSource(file, 'r', { format: 'xlsx', headerRow: 1, columns: {}, ...(sheet === undefined ? {} : { sheet }) });
  const rows = [];
  for await (const row of source) rows.push([row.line, row.row.account, row.row.registration1]);
  return { rows, sha256: source.digest.sha256() };
}

describe('reading an .xlsx through its central directory', () => {
  it('reads the workbook whatever the order its parts are stored in, the first sheet being the workbook’s first', async () => {
    await registerWorkbook(dir.file('written.xlsx'));
    await reordered(dir.file('written.xlsx'), dir.file('reordered.xlsx'));
    // exceljs's own streaming reader takes this order for a file it cannot read:
    const streaming = new ExcelJS.stream.xlsx.WorkbookReader(dir.file('reordered.xlsx'), {});
    await expect((async () => {
      for await (const sheet of streaming as unknown as AsyncIterable<AsyncIterable<unknown>>) for await (const row of sheet) void row;
    })()).rejects.toThrow("reading 'sheets'");

    for (const file of ['written.xlsx', 'reordered.xlsx']) {
      const { rows, sha256 } = await importRows(dir.file(file));
      expect(rows, file).toEqual([[2, goodRow(1)['account'], 'Łódź-Nowak'], [3, goodRow(2)['account'], goodRow(2)['registration1']]]);
      expect(sha256).toBe(createHash('sha256').update(readFileSync(dir.file(file))).digest('hex'));
      const preview = await previewFile(dir.file(file), 'xlsx');
      expect(preview.columns).toEqual([...REGISTER_COLUMNS]);
      expect(preview.rows).toHaveLength(2);
      const notes = await openWorksheet(dir.file(file), file, 'Notes');
      const values = [];
      for await (const row of notes.rows) values.push(row.values);
      expect(values).toEqual([[undefined, 'not the register']]);
    }
  });

  it('names what is wrong with a file that is not a workbook, a workbook without its sheet list, or without the sheet asked for', async () => {
    writeFileSync(dir.file('text.xlsx'), 'account,units\n');
    await expect(importRows(dir.file('text.xlsx'))).rejects.toThrow(/^r is not a readable \.xlsx workbook \(/);
    await expect(previewFile(dir.file('text.xlsx'), 'xlsx')).rejects.toThrow(RegisterFileError);

    await registerWorkbook(dir.file('written.xlsx'));
    const zip = await JSZip.loadAsync(readFileSync(dir.file('written.xlsx')));
    zip.remove('xl/workbook.xml');
    writeFileSync(dir.file('no-list.xlsx'), await zip.generateAsync({ type: 'nodebuffer' }));
    await expect(importRows(dir.file('no-list.xlsx'))).rejects.toThrow('r is not a readable .xlsx workbook (it has no xl/workbook.xml)');

    await expect(importRows(dir.file('written.xlsx'), 'Holders')).rejects.toThrow('r has no worksheet named "Holders"');
  });

  it('says how far through the sheet the rows read are', async () => {
    await registerWorkbook(dir.file('written.xlsx'));
    const sheet = await openWorksheet(dir.file('written.xlsx'), 'written.xlsx', undefined);
    expect(sheet.name).toBe('Register');
    expect(sheet.progress()).toBe(0);
    for await (const row of sheet.rows) void row;
    expect(sheet.progress()).toBe(1);
  });
});
