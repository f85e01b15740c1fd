/** /openapi.json: valid JSON, OpenAPI 3.1, every route listed with its schemas, every $ref resolving. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { routes } from '../../src/api/routes.js';
import { describeEachBackend } from '../store/backends.js';
import { errorOf, type Harness, harness } from './helpers.js';

type Json = Record<string, unknown>;

describeEachBackend('OpenAPI document', (backend) => {
  let h: Harness;
  let doc: Json;

  beforeAll(async () => {
    h = await harness(backend);
    const res = await h.call(null, 'GET', '/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    doc = JSON.parse(res.body) as Json;
  });

  afterAll(async () => {
    await h.close();
  });

  it('is OpenAPI 3.1 and lists every route of the server, and only those', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect((doc.info as Json).title).toBe('Gongkai API');
    const paths = doc.paths as Record<string, Json>;
    const listed = Object.entries(paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`))
      .sort();
    const served = [
      ...routes.map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`),
      'GET /openapi.json',
    ].sort();
    expect(listed).toEqual(served);
    expect(listed).toEqual([
      'DELETE /api/cases/{caseId}',
      'DELETE /api/holidays/{year}',
      'GET /api/agencies',
      'GET /api/agencies/{agencyId}',
      'GET /api/applications',
      'GET /api/applications/export',
      'GET /api/applications/summary',
      'GET /api/applications/{applicationId}',
      'GET /api/applications/{applicationId}/events/{ordinal}/notice',
      'GET /api/audit',
      'GET /api/cases',
      'GET /api/cases/export',
      'GET /api/cases/{caseId}',
      'GET /api/corpus/bodies',
      'GET /api/corpus/bodies/places',
      'GET /api/corpus/bodies/{bodyId}',
      'GET /api/corpus/checks',
      'GET /api/corpus/checks/export',
      'GET /api/corpus/compare',
      'GET /api/corpus/corrections',
      'GET /api/corpus/corrections/export',
      'GET /api/corpus/export',
      'GET /api/corpus/letters',
      'GET /api/corpus/packs',
      'GET /api/corpus/publication',
      'GET /api/corpus/publication/export',
      'GET /api/corpus/publication/reminders',
      'GET /api/corpus/reports',
      'GET /api/corpus/reports/{reportId}',
      'GET /api/corpus/reports/{reportId}/letter',
      'GET /api/corpus/reports/{reportId}/source',
      'GET /api/corpus/stats',
      'GET /api/corpus/stats/export',
      'GET /api/due',
      'GET /api/fees/calculate',
      'GET /api/holidays',
      'GET /api/me',
      'GET /api/proactive/{agencyId}/{year}',
      'GET /api/report-prose/{agencyId}/{year}',
      'GET /api/users',
      'GET /api/users/{userId}',
      'GET /openapi.json',
      'PATCH /api/agencies/{agencyId}',
      'PATCH /api/applications/{applicationId}',
      'PATCH /api/cases/{caseId}',
      'PATCH /api/corpus/bodies/{bodyId}',
      'PATCH /api/users/{userId}',
      'POST /api/applications',
      'POST /api/applications/import',
      'POST /api/applications/{applicationId}/events',
      'POST /api/applications/{applicationId}/events/{ordinal}/void',
      'POST /api/cases',
      'POST /api/cases/import',
      'POST /api/compile',
      'POST /api/corpus/bodies/places',
      'POST /api/corpus/bodies/roster',
      'POST /api/corpus/bodies/{bodyId}/merge',
      'POST /api/corpus/score',
      'POST /api/corpus/score/export',
      'POST /api/corpus/upload',
      'POST /api/inspect',
      'POST /api/inspect/letter',
      'POST /api/login',
      'POST /api/logout',
      'POST /api/users',
      'PUT /api/holidays',
      'PUT /api/proactive/{agencyId}/{year}',
      'PUT /api/report-prose/{agencyId}/{year}',
    ]);
  });

  it('describes parameters and bodies from the zod schemas', () => {
    const paths = doc.paths as Record<string, Record<string, Json>>;
    const due = paths['/api/due']?.get as Json;
    expect((due.parameters as Json[]).map((p) => [p.name, p.in, p.required])).toEqual([
      ['agency', 'query', false],
      ['days', 'query', false],
      ['asOf', 'query', false],
    ]);
    const event = paths['/api/applications/{applicationId}/events']?.post as Json;
    expect((event.parameters as Json[])[0]).toMatchObject({
      name: 'applicationId',
      in: 'path',
      required: true,
    });
    const body = ((event.requestBody as Json).content as Json)['application/json'] as Json;
    expect(body.schema).toEqual({ $ref: '#/components/schemas/ApplicationEvent' });
    const schemas = (doc.components as Json).schemas as Record<string, Json>;
    const variants = (schemas.ApplicationEvent?.oneOf ?? schemas.ApplicationEvent?.anyOf) as Json[];
    expect(variants.map((v) => ((v.properties as Json).type as Json).const)).toEqual([
      'correctionRequested',
      'corrected',
      'consultationSent',
      'consultationAnswered',
      'extended',
      'feeNotified',
      'feePaid',
      'replied',
    ]);
    const create = paths['/api/applications']?.post as Json;
    const schema = (((create.requestBody as Json).content as Json)['application/json'] as Json)
      .schema as Json;
    expect(schema.required).toEqual(['applicant', 'channel', 'submittedOn']);
    expect(schema.additionalProperties).toBe(false);
    expect(((schema.properties as Json).submittedOn as Json).format).toBe('date');
    // 发布情况 pages its listed bodies; its export stays whole.
    const publication = paths['/api/corpus/publication']?.get as Json;
    expect(
      (publication.parameters as Json[]).filter((p) => p.name === 'offset' || p.name === 'limit'),
    ).toEqual([
      {
        name: 'offset',
        in: 'query',
        required: false,
        description: '跳过列出的前多少个机关（分页用，默认 0）',
        schema: { default: 0, type: 'integer', minimum: 0, maximum: 1000000 },
      },
      {
        name: 'limit',
        in: 'query',
        required: false,
        description: '最多列出多少个机关（1–1000；不填则列出全部）',
        schema: { type: 'integer', minimum: 1, maximum: 1000 },
      },
    ]);
    const publicationExport = paths['/api/corpus/publication/export']?.get as Json;
    expect((publicationExport.parameters as Json[]).map((p) => p.name)).toEqual([
      'region',
      'kind',
      'agency',
      'year',
      'level',
      'to',
      'issuer',
    ]);
    expect(schemas.Publication?.required).toEqual([
      'year',
      'today',
      'deadlines',
      'counts',
      'listed',
      'bodies',
      'level',
      'regions',
      'regionCount',
    ]);
    // 按地区汇总: the regions that lag most, at most 20, and how many there are.
    const publicationProps = (schemas.Publication as Json).properties as Json;
    expect(publicationProps.regions).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/RegionPublication' },
      description:
        '按地区汇总：逾期未发布最多的地区在前（其次尚未到期多的、应发布多的），至多 20 个；与 status、offset、limit 无关',
    });
    expect(publicationProps.regionCount).toEqual({
      type: 'integer',
      minimum: -9007199254740991,
      maximum: 9007199254740991,
      description: '地区总数（可能多于列出的地区）',
    });
    expect(schemas.RegionPublication?.required).toEqual([
      'region',
      'expected',
      'overdue',
      'pending',
      'late',
      'undated',
      'onTime',
    ]);
    // A body's 撤销年份: answered with every body (null when it stands), set or cleared by a correction.
    expect(schemas.CorpusBody?.required).toContain('dissolvedIn');
    expect(((schemas.CorpusBody as Json).properties as Json).dissolvedIn).toMatchObject({
      anyOf: [{ type: 'integer' }, { type: 'null' }],
      description: '撤销年份：该机关自该年度起不再发布年度报告（机构改革等）；null 为未撤销',
    });
    expect(schemas.CorpusBodyPatch?.required ?? []).not.toContain('dissolvedIn');
    expect(((schemas.CorpusBodyPatch as Json).properties as Json).dissolvedIn).toMatchObject({
      anyOf: [{ type: 'integer', minimum: 2000, maximum: 2100 }, { type: 'null' }],
    });
    expect(
      ((((schemas.Publication as Json).properties as Json).counts as Json).properties as Json).expected,
    ).toMatchObject({
      description: expect.stringContaining('已撤销的机关自撤销年份起不再计入'),
    });
    const login = paths['/api/login']?.post as Json;
    expect(login.security).toEqual([]);
    expect(Object.keys(login.responses as Json)).toEqual(['200', '400', '401', '429']);
    expect(Object.keys(((paths['/api/cases']?.post as Json | undefined)?.responses ?? {}) as Json)).toEqual([
      '201',
      '400',
      '401',
      '403',
      '404',
    ]);
  });

  it('has every $ref resolve within the document', () => {
    const refs: string[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          if (k === '$ref' && typeof x === 'string') refs.push(x);
          else walk(x);
        }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(40);
    for (const ref of new Set(refs)) {
      expect(ref.startsWith('#/components/schemas/'), ref).toBe(true);
      const name = ref.slice('#/components/schemas/'.length);
      expect(((doc.components as Json).schemas as Json)[name], ref).toBeDefined();
    }
  });

  it('answers every listed route (no 404 for a missing route) and 404 in Chinese for others', async () => {
    for (const [p, ops] of Object.entries(doc.paths as Record<string, Json>))
      for (const m of Object.keys(ops)) {
        const res = await h.call(null, m.toUpperCase(), p.replace(/\{(\w+)\}/g, 'x'));
        if (res.statusCode === 404) expect(res.json().error.code).not.toBe('no-route');
      }
    const missing = await h.call('a-clerk', 'GET', '/api/nothing-here?x=1');
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing)).toEqual({ code: 'no-route', message: '没有这个接口：GET /api/nothing-here' });
    const wrongMethod = await h.call('a-clerk', 'DELETE', '/api/applications');
    expect(wrongMethod.statusCode).toBe(404);
    expect(errorOf(wrongMethod).code).toBe('no-route');
  });
});
