/**
 * 报告检查: drop a report in any form; its three tables as grids where every cell is a button that
 * scrolls the source pane to the place its figure was read and lights it; a finding lights its cells
 * and its place; identities as formulas with both sides and the difference; cells in doubt (digit
 * runs with their candidate splits, figures of a scan the OCR was unsure of). The selected cell and
 * finding are in the URL.
 */
import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Empty, Space, Tabs, Tag, Typography, Upload } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import type { InspectFinding, InspectIdentity, InspectResult } from '../../../../src/api/inspect-contract.js';
import { findingName } from '../../../../src/core/finding-names.js';
import { cellTally } from '../../../../src/corpus/problem-kinds.js';
import { getFormat } from '../../../../src/spec/registry.js';
import { Loading } from '../../components/query-state.js';
import { SeverityTag } from '../../components/severity-tag.js';
import { cellLabels, TableGrid } from '../../components/table-grid.js';
import { callBytes, callFile, messageOf } from '../../lib/api.js';
import * as api from '../../lib/endpoints.js';
import { useUrlState } from '../../lib/url-state.js';
import { formatValue, formula } from './cells.js';
import { LetterButton } from './letter-button.js';
import { inspectUrl } from './url.js';

/**
 * Why a corpus report can't be inspected: neither its file was kept nor is it still where it was
 * ingested from, and it has no text (a PDF's text is not kept).
 */
const noSource =
  '报告库没有保存这份报告的原文件，导入时的文件也已不在原处或已改动（导入时加 --keep-source 才保存），也没有可检查的文字；请取得原文件后拖入此处检查';

/**
 * Inspects a corpus report from its source as the server finds it: the original file when the
 * corpus kept it or it is still where it was ingested from, else its decoded text (sent as text,
 * whatever the original file's name).
 */
async function inspectCorpusReport(reportId: number): Promise<{ result: InspectResult; text: boolean }> {
  const { blob, filename } = await callFile(api.corpusSource, { params: { reportId } }, {});
  if (blob.size === 0) throw new Error(noSource);
  const text = blob.type.startsWith('text/plain');
  const base = filename ?? `report-${reportId}`;
  const name = text && !/\.(txt|md)$/i.test(base) ? `${base}.txt` : base;
  const result = await callBytes(api.inspect, { query: { name } }, new Uint8Array(await blob.arrayBuffer()));
  return { result, text };
}

function SourcePane({
  result,
  line,
  tone,
}: {
  result: InspectResult;
  line: number | null;
  tone: 'cell' | 'finding';
}) {
  const pane = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (line === null) return;
    const el = pane.current?.querySelector(`[data-line="${line}"]`);
    el?.scrollIntoView({ block: 'center' });
  }, [line]);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section aria-label="原文" className="gk-source" ref={pane} tabIndex={0}>
      {result.lines.map((l, i) => {
        const n = i + 1;
        const on = n === line;
        return (
          <div
            key={n}
            data-line={n}
            className={`gk-source-line${on ? (tone === 'finding' ? ' gk-hit-finding' : ' gk-hit') : ''}`}
            aria-current={on ? 'location' : undefined}
          >
            <span className="gk-ln">
              {l.page !== undefined && (i === 0 || result.lines[i - 1]?.page !== l.page) ? `P${l.page} ` : ''}
              {n}
            </span>
            <span className="gk-lt">{l.text}</span>
          </div>
        );
      })}
    </section>
  );
}

function Findings({
  findings,
  selected,
  onSelect,
}: {
  findings: InspectFinding[];
  selected: number | undefined;
  onSelect: (i: number) => void;
}) {
  if (findings.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未发现问题" />;
  return (
    <ul className="gk-findings" aria-label="问题列表">
      {findings.map((f, i) => (
        <li key={`${f.code}:${f.line}:${f.column}:${f.keys.join()}:${f.message}`}>
          <button
            type="button"
            className={`gk-finding${selected === i ? ' gk-finding-on' : ''}`}
            aria-pressed={selected === i}
            onClick={() => onSelect(i)}
          >
            <SeverityTag severity={f.severity} />
            <span className="gk-finding-place">
              {f.line ? `${f.page ? `第${f.page}页 ` : ''}第${f.line}行` : '全文'}
            </span>
            {f.message}
          </button>
        </li>
      ))}
    </ul>
  );
}

function Identities({
  list,
  labels,
  onCell,
}: {
  list: InspectIdentity[];
  labels: Map<string, string>;
  onCell: (k: string) => void;
}) {
  const shown = [...list].sort((a, b) => Number(a.holds !== false) - Number(b.holds !== false));
  return (
    <ul className="gk-findings" aria-label="勾稽关系">
      {shown.map((i) => (
        <li key={i.id} className={i.holds === false ? 'gk-identity-bad' : ''}>
          <div>
            <Tag color={i.holds === false ? '#a8071a' : i.holds ? '#237804' : '#595959'}>
              {i.holds === false ? '不成立' : i.holds ? '成立' : '有空格'}
            </Tag>
            {i.description}
          </div>
          <div className="gk-formula">{formula(i, labels, onCell)}</div>
        </li>
      ))}
    </ul>
  );
}

/**
 * The findings of cells whose figure is in doubt: digit runs with more than one split, or cut by
 * identities the report may break (kept as cut, to be checked), and figures of a scan that the OCR
 * was unsure of or that alone break identities (null, to be checked against the original).
 */
const doubtCodes = new Set([
  'assemble.split-ambiguous',
  'assemble.split-inconsistent',
  'assemble.split-fragile',
  'read.ocr-doubt',
  'read.ocr-identity',
]);

type Crop = InspectResult['crops'][number];

/** The picture of a cell on a scanned page, whose figure the OCR read but did not take. */
function CropFigure({ crop, label }: { crop: Crop; label: string }) {
  return (
    <figure className="gk-crop">
      <img
        src={crop.image}
        width={crop.width}
        height={crop.height}
        alt={`第 ${crop.page} 页「${label}」单元格的原件图像，识别为「${crop.text}」`}
      />
      <figcaption>
        原件第 {crop.page} 页：{label}（识别为「{crop.text}」，未采用）
      </figcaption>
    </figure>
  );
}

function Result({ result, corpusReport }: { result: InspectResult; corpusReport?: number }) {
  const [state, update] = useUrlState(inspectUrl);
  const spec = getFormat(result.format);
  const labels = useMemo(() => cellLabels(spec), [spec]);
  const finding = state.finding !== undefined ? result.findings[state.finding] : undefined;
  const litKeys = new Set(finding?.keys ?? []);
  const cellPlace = state.cell ? result.places[state.cell] : undefined;
  const line = finding?.line ?? cellPlace?.line ?? null;
  const ambiguous = result.findings.filter((f) => doubtCodes.has(f.code));
  const ambiguousKeys = new Set(ambiguous.flatMap((f) => f.keys));
  // A scan's figures not taken, each with its picture on the page (to be read by eye).
  const crops = new Map(result.crops.map((c) => [c.key, c]));
  const selectedCrop = state.cell ? crops.get(state.cell) : undefined;
  const badKeys = new Set(result.findings.filter((f) => f.severity === 'error').flatMap((f) => f.keys));
  const selectCell = (key: string) => update({ cell: key, finding: undefined });
  const counts = { error: 0, warning: 0, info: 0 } as Record<string, number>;
  for (const f of result.findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  const tally = cellTally(result.cells, result.findings);

  return (
    <>
      <Alert
        type={counts.error ? 'error' : counts.warning ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 12 }}
        title={`${result.name}：${result.agency ?? '（未识别机关）'} ${result.year ?? ''}年度报告（${result.format}年格式，${result.sourceType.toUpperCase()}）`}
        description={`${counts.error} 个错误，${counts.warning} 个警告，${counts.info} 条提示；读出 ${tally.read} 个单元格，空白 ${tally.blank} 个，未能读出 ${tally.unread} 个${tally.unread > 0 ? '（记为空值，见下面的错误；换一份原文，如 DOCX 或 PDF，可能读得出）' : ''}`}
        action={
          result.agency !== null ? (
            <LetterButton result={result} {...(corpusReport !== undefined ? { corpusReport } : {})} />
          ) : undefined
        }
      />
      <div className="gk-inspector">
        <div className="gk-inspector-main">
          <Tabs
            size="small"
            items={[
              {
                key: 'findings',
                label: `问题（${result.findings.length}）`,
                children: (
                  <Findings
                    findings={result.findings}
                    selected={state.finding}
                    onSelect={(i) => update({ finding: i, cell: undefined })}
                  />
                ),
              },
              {
                key: 'identities',
                label: '勾稽关系',
                children: <Identities list={result.identities} labels={labels} onCell={selectCell} />,
              },
              {
                key: 'ambiguous',
                label: `存疑单元格（${ambiguousKeys.size}）`,
                children: ambiguous.length ? (
                  <ul className="gk-findings">
                    {ambiguous.map((f) => (
                      <li key={`${f.line}:${f.column}:${f.keys.join()}`}>
                        <div>{f.message}</div>
                        <Space wrap size={4}>
                          {f.keys.map((k) => (
                            <button key={k} type="button" className="gk-chip" onClick={() => selectCell(k)}>
                              {labels.get(k) ?? k}
                            </button>
                          ))}
                        </Space>
                        {f.keys.flatMap((k) => {
                          const crop = crops.get(k);
                          return crop ? [<CropFigure key={k} crop={crop} label={labels.get(k) ?? k} />] : [];
                        })}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有存疑的单元格" />
                ),
              },
            ]}
          />
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
          <section className="gk-grids" aria-label="报告表格" tabIndex={0}>
            {spec.tables.map((t) => (
              <TableGrid
                key={t.id}
                table={t}
                renderCell={(cell) => {
                  const v = result.cells[cell.key] ?? null;
                  const cls = ['gk-cell'];
                  if (state.cell === cell.key || litKeys.has(cell.key)) cls.push('gk-cell-on');
                  else if (badKeys.has(cell.key)) cls.push('gk-cell-bad');
                  if (ambiguousKeys.has(cell.key)) cls.push('gk-cell-ambiguous');
                  return (
                    <button
                      type="button"
                      className={cls.join(' ')}
                      aria-label={`${labels.get(cell.key) ?? cell.key}：${formatValue(v)}`}
                      aria-pressed={state.cell === cell.key || litKeys.has(cell.key)}
                      data-key={cell.key}
                      onClick={() => selectCell(cell.key)}
                    >
                      {formatValue(v)}
                    </button>
                  );
                }}
              />
            ))}
          </section>
        </div>
        <div className="gk-inspector-source">
          <Typography.Text type="secondary">
            {state.cell
              ? `${labels.get(state.cell) ?? state.cell}${cellPlace ? `：第 ${cellPlace.line} 行` : '：原文中没有找到'}`
              : finding
                ? `${findingName(finding.code)}（${finding.code}）${finding.line ? `：第 ${finding.line} 行` : ''}`
                : '点击单元格或问题，原文中对应的位置会高亮显示'}
          </Typography.Text>
          {selectedCrop ? (
            <CropFigure crop={selectedCrop} label={labels.get(selectedCrop.key) ?? selectedCrop.key} />
          ) : null}
          <SourcePane result={result} line={line} tone={finding ? 'finding' : 'cell'} />
        </div>
      </div>
    </>
  );
}

export default function InspectorPage() {
  const [state, update] = useUrlState(inspectUrl);
  const inspect = useMutation({
    mutationFn: async (file: File) =>
      callBytes(api.inspect, { query: { name: file.name } }, new Uint8Array(await file.arrayBuffer())),
  });
  const fromCorpus = useQuery({
    queryKey: ['inspect', 'corpus', state.corpus],
    queryFn: () => inspectCorpusReport(state.corpus as number),
    enabled: state.corpus !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
  // A file dropped here replaces the corpus report: the corpus one shows only until then.
  const corpusShown = state.corpus !== undefined && inspect.isIdle;
  return (
    <div className="gk-panel">
      <Upload.Dragger
        accept=".txt,.html,.htm,.mht,.mhtml,.docx,.doc,.wps,.pdf,.ofd,.md,.png,.jpg,.jpeg,.tif,.tiff,text/plain,text/html,multipart/related,message/rfc822,application/pdf,application/ofd,image/png,image/jpeg,image/tiff"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          if (state.corpus !== undefined) update({ corpus: undefined, cell: undefined, finding: undefined });
          inspect.mutate(file);
          return false;
        }}
        style={{ marginBottom: 12 }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">把年度报告拖到这里，或点击选择文件</p>
        <p className="ant-upload-hint">
          支持文本、网页（HTML，或存为单个文件的 MHT）、Word（DOCX 和 Word 97–2003 的 DOC）、PDF、OFD
          和扫描件（扫描的 PDF、PNG、JPEG、TIFF 图片，经文字识别读取）；文件只用于本次检查，不会保存
        </p>
      </Upload.Dragger>
      {corpusShown ? (
        fromCorpus.isPending ? (
          <Loading tip="正在读取和核查报告库中的这份报告……" />
        ) : fromCorpus.error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title="无法检查报告库中的这份报告"
            description={messageOf(fromCorpus.error)}
          />
        ) : (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={`报告库中的报告：${fromCorpus.data.result.name}`}
              description={
                fromCorpus.data.text
                  ? '取不到原文件（报告库没有保存，导入时的文件也不在原处或已改动），按导入时解码的文字检查'
                  : '按原文件检查'
              }
            />
            <Result result={fromCorpus.data.result} corpusReport={state.corpus} />
          </>
        )
      ) : (
        <>
          {inspect.isPending && <Loading tip="正在读取和核查报告……（扫描件逐页文字识别，每页需几秒）" />}
          {inspect.error && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title="无法检查该文件"
              description={messageOf(inspect.error)}
            />
          )}
          {inspect.data && <Result result={inspect.data} />}
          {inspect.isIdle && <Empty description="尚未选择报告" />}
        </>
      )}
    </div>
  );
}
