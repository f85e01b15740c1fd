/**
 * Web pages taken as text from a browser (see test/fixtures/browser-text/README.md): a tab between
 * cells, a row a line, ragged rows under a cell that spans rows.
 */
import { describe, expect, it } from 'vitest';
import { fixtureNames, readFixture } from '../support/generated-fixture.js';

const dir = new URL('../fixtures/browser-text/', import.meta.url);
const names = fixtureNames(dir);
const read = (name: string) => readFixture(dir, name);

describe('a web page taken as text from a browser', () => {
  it.each(names)('%s: every cell not read exactly is named by an error', async (name) => {
    const { truth, report, flagged, keys } = await read(name);
    expect(report.format).toBe(truth.format);
    expect(keys.filter((k) => report.cells[k] !== truth.cells[k] && !flagged.has(k))).toEqual([]);
  });

  it("a row's trailing tab, where no row ends with a stray one, is its last cell left blank", async () => {
    const { truth, report, rowOf } = await read('innerText-7000.txt');
    const row = rowOf('a.open.');
    expect(row.map((k) => report.cells[k])).toEqual([0, 0, 0, 3, 0, 4, null]);
    expect(row.map((k) => report.cells[k])).toEqual(row.map((k) => truth.cells[k]));
  });

  it("a ragged row's empty cell after its label is its first cell, blank, where merged cells aren't expanded", async () => {
    const { truth, report, rowOf } = await read('innerText-7000.txt');
    // 「2.没有现成信息需要另行制作⇥⇥0⇥0⇥0⇥0⇥12⇥12」 under 「（四）无法提供」: its 自然人 is blank.
    const row = rowOf('a.none.create.');
    expect(row.map((k) => report.cells[k])).toEqual([null, 0, 0, 0, 0, 12, 12]);
    expect(row.map((k) => report.cells[k])).toEqual(row.map((k) => truth.cells[k]));
    const warned = report.findings.filter((f) => f.code === 'assemble.blank-cell').flatMap((f) => f.keys);
    expect(warned).toContain('a.none.create.np');
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it("a row with no label, where the text drops rows' leading empty cells, is not placed from its first", async () => {
    const { report, flagged, rowOf } = await read('selection-7008.txt');
    const row = rowOf('l.review.');
    expect(row.map((k) => report.cells[k])).toEqual(row.map(() => null));
    expect(row.every((k) => flagged.has(k))).toBe(true);
  });

  it('text nodes run together in tables that leave cells blank: a cut that could hide a blank is an error', async () => {
    const { truth, report, flagged, rowOf } = await read('textContent-7105.txt');
    // 「6.属于四类过程性信息」: 0 0 0 0 _ 0 11 written 「0000011」, which cuts into seven counts too.
    const process = rowOf('a.deny.process.');
    expect(process.map((k) => truth.cells[k])).toEqual([0, 0, 0, 0, null, 0, 11]);
    expect(process.map((k) => report.cells[k])).toEqual(process.map(() => null));
    const error = report.findings.find(
      (f) => f.code === 'assemble.split-blank' && f.keys.includes(process[0] as string),
    );
    expect(error?.message).toBe(
      '「6.属于四类过程性信息」的数字「0000011」连在一起，而表格中有空白单元格（「一、本年新收政府信息公开申请数量」的数字不够填满各格），空白单元格在连写的数字中不留痕迹，无法确定',
    );
    // 「004」 cuts into no fewer than three counts: no blank cell can hide there.
    const penalty = rowOf('p.penalty.');
    expect(penalty.map((k) => report.cells[k])).toEqual([0, 0, 4]);
    expect(penalty.some((k) => flagged.has(k))).toBe(false);
  });

  it('merged cells written in every cell they cover: a figure under a header that repeats is read once', async () => {
    const { truth, report, rowOf } = await read('repeatedMerges-5000.txt');
    // 「行政许可⇥2⇥2⇥2」 under 「信息内容⇥本年处理决定数量⇥本年处理决定数量⇥本年处理决定数量」.
    expect(report.cells['p.license.decisions']).toBe(2);
    expect(report.cells['p.fees.amount']).toBe(6300.36);
    const proactive = rowOf('p.');
    expect(proactive.map((k) => report.cells[k])).toEqual(proactive.map((k) => truth.cells[k]));
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it("rows that look whole (a column blank in every row): numbered labels in different cells show a browser's text", async () => {
    const { truth, report, keys } = await read('innerText-7003.txt');
    expect(keys.filter((k) => report.cells[k] !== truth.cells[k])).toEqual([]);
    expect(keys.filter((k) => k.startsWith('a.new.')).map((k) => report.cells[k])).toEqual([
      null,
      null,
      7,
      2,
      22,
      4,
      79,
    ]);
  });
});
