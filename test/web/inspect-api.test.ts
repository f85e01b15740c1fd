/** POST /api/inspect: any form of report in, cells with their places, findings, identities and source lines out. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectResponse } from '../../src/api/inspect-contract.js';
import { processBytes } from '../../src/pipeline.js';
import { chooseEngine } from '../../src/read/ocr/engine.js';
import { brokenExample, degradedScan } from './support/reports.js';
import { startWebServer, type WebServer } from './support/seed.js';

const root = resolve(import.meta.dirname, '../..');
const ocrInstalled = (await chooseEngine()) !== null;

describe('POST /api/inspect', () => {
  let server: WebServer;
  let auth: string;
  beforeAll(async () => {
    server = await startWebServer();
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { username: 'clerk', password: 'web-test-password-1' },
    });
    auth = `Bearer ${res.json().token}`;
  });
  afterAll(() => server?.close());

  const inspect = (payload: Buffer | string, headers: Record<string, string> = {}) =>
    server.app.inject({
      method: 'POST',
      url: '/api/inspect?name=report.txt',
      payload,
      headers: { authorization: auth, 'content-type': 'application/octet-stream', ...headers },
    });

  it('answers the cells with their places in the decoded text, the findings and the identities', async () => {
    const res = await inspect(Buffer.from(brokenExample()));
    expect(res.statusCode).toBe(200);
    const body = inspectResponse.parse(res.json());
    expect(body).toMatchObject({
      name: 'report.txt',
      sourceType: 'text',
      format: '2021',
      agency: '湟源县人民政府办公室',
      year: 2021,
    });
    expect(body.cells['a.new.np']).toBe(5);
    expect(body.places['a.new.np']).toEqual({ line: 111, column: 1 });
    expect(body.lines[110]).toEqual({ text: '5' });
    expect(body.crops).toEqual([]);
    const broken = body.identities.filter((i) => i.holds === false).map((i) => i.id);
    expect(broken.length).toBeGreaterThan(0);
    const identity = body.identities.find((i) => i.holds === false);
    expect(identity?.difference).not.toBe(0);
    const error = body.findings.find((f) => f.severity === 'error' && f.keys.includes('a.new.np'));
    expect(error?.line).toBeGreaterThan(0);
  });

  it('reads a Word 97–2003 document, a cell placed at its paragraph', async () => {
    const res = await inspect(readFileSync(resolve(root, 'test/fixtures/doc/blanks-9000.doc')));
    expect(res.statusCode).toBe(200);
    const body = inspectResponse.parse(res.json());
    const truth = JSON.parse(readFileSync(resolve(root, 'test/fixtures/doc/blanks-9000.truth.json'), 'utf8'));
    expect(body.sourceType).toBe('doc');
    expect(body.cells).toEqual(truth.cells);
    const place = body.places['a.new.np'] as { line: number; column: number };
    expect(body.lines[place.line - 1]?.text).toBe(String(truth.cells['a.new.np']));
  });

  it('reads a PDF and lays its lines out with their pages', async () => {
    const res = await inspect(readFileSync(resolve(root, 'test/fixtures/real/011.pdf')));
    expect(res.statusCode).toBe(200);
    const body = inspectResponse.parse(res.json());
    expect(body.sourceType).toBe('pdf');
    const place = Object.values(body.places)[0];
    expect(place?.page).toBeGreaterThan(0);
    expect(body.lines[(place?.line ?? 1) - 1]?.page).toBe(place?.page);
  });

  it.runIf(ocrInstalled)(
    'reads a degraded scan as `gongkai check` does: a figure the OCR is unsure of is null with its finding',
    async () => {
      const pdf = await degradedScan();
      const res = await inspect(Buffer.from(pdf));
      expect(res.statusCode).toBe(200);
      const body = inspectResponse.parse(res.json());
      const checked = (await processBytes(pdf, 'report.txt')).report;
      expect(body.sourceType).toBe('pdf');
      expect(body.cells).toEqual(checked.cells);
      expect(body.findings).toEqual(JSON.parse(JSON.stringify(checked.findings)));
      const doubted = body.findings.filter((f) => f.code === 'read.ocr-doubt').flatMap((f) => f.keys);
      expect(doubted.length).toBeGreaterThan(0);
      for (const key of doubted) expect(body.cells[key], key).toBeNull();
      // Each figure not taken comes with its cell's picture on the page (a grey PNG of the size told).
      const notTaken = body.findings
        .filter((f) => f.code === 'read.ocr-doubt' || f.code === 'read.ocr-identity')
        .flatMap((f) => f.keys.map((key) => ({ key, actual: f.actual })));
      expect(body.crops.map((c) => c.key).sort()).toEqual(notTaken.map((d) => d.key).sort());
      for (const crop of body.crops) {
        const png = Buffer.from(crop.image.replace(/^data:image\/png;base64,/, ''), 'base64');
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect([png.readUInt32BE(16), png.readUInt32BE(20), png[25]]).toEqual([crop.width, crop.height, 0]);
        expect(crop.width * crop.height).toBeGreaterThan(100);
        expect(crop.page).toBeGreaterThan(0);
        const finding = notTaken.find((d) => d.key === crop.key);
        if (finding?.actual !== undefined) expect(crop.text).toBe(finding.actual);
      }
    },
    240_000,
  );

  it('refuses an empty body, a JSON body, an unreadable file, and a user not signed in, in Chinese', async () => {
    expect((await inspect(Buffer.alloc(0))).json().error.code).toBe('no-file');
    const json = await inspect('{}', { 'content-type': 'application/json' });
    expect(json.statusCode).toBe(400);
    const doc = await inspect(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect(doc.statusCode).toBe(422);
    expect(doc.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    const anonymous = await server.app.inject({
      method: 'POST',
      url: '/api/inspect',
      payload: Buffer.from('x'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(anonymous.statusCode).toBe(401);
    const elsewhere = await server.app.inject({
      method: 'POST',
      url: '/api/applications',
      payload: Buffer.from('x'),
      headers: { authorization: auth, 'content-type': 'application/octet-stream' },
    });
    expect(elsewhere.statusCode).toBe(415);
  });

  it('drafts the 核查意见 of a report inspected from what the inspection answered (POST /api/inspect/letter)', async () => {
    const body = inspectResponse.parse((await inspect(Buffer.from(brokenExample()))).json());
    const { name, format, agency, year, publishedOn, signedOn, findings } = body;
    const letter = (to: string, payload: unknown) =>
      server.app.inject({
        method: 'POST',
        url: `/api/inspect/letter?to=${to}`,
        payload: payload as Record<string, unknown>,
        headers: { authorization: auth },
      });
    const md = await letter('md', { name, format, agency, year, publishedOn, signedOn, findings });
    expect([md.statusCode, md.headers['content-type']]).toEqual([200, 'text/markdown; charset=utf-8']);
    expect(md.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('湟源县人民政府办公室2021年度报告核查意见.md')}`,
    );
    const text = md.body;
    expect(text.split('\n')[0]).toBe('# 关于湟源县人民政府办公室2021年政府信息公开工作年度报告的核查意见');
    // A file checked alone: compared with nothing, cited as the file.
    expect(text).not.toContain('作了比对');
    expect(text).toContain('（以上意见按报告文件（report.txt）于');
    for (const f of findings.filter((x) => x.severity === 'error' && x.code.startsWith('check.')))
      expect(text).toContain(`| ${f.message} |`);
    const docx = await letter('docx', { name, format, agency, year, publishedOn, signedOn, findings });
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await letter('docx', { name, format })).statusCode).toBe(400);
  });
});
