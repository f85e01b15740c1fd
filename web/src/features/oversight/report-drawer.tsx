/** The drill-down of one corpus report: its facts, its findings and a link to its source file. */
import {
  ClusterOutlined,
  DiffOutlined,
  DownloadOutlined,
  FileSearchOutlined,
  FileWordOutlined,
} from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { findingName } from '../../../../src/core/finding-names.js';
import { problemCodes } from '../../../../src/corpus/problem-kinds.js';
import { QueryView } from '../../components/query-state.js';
import { SeverityTag } from '../../components/severity-tag.js';
import { encode } from '../../lib/url-codec.js';
import { inspectUrl } from '../inspector/url.js';
import { corpusReportQuery, letterUrl, sourceUrl } from './api.js';
import { kindNames } from './names.js';
import { checksUrl, compareUrl } from './url.js';

/**
 * A report's findings in two groups, each only when it has some: the report's own (the checks',
 * which a 核查意见 tells its body) and those of reading it (figures not read, left blank).
 */
function findingGroups<F extends { code: string }>(findings: readonly F[]) {
  const own: F[] = [];
  const reading: F[] = [];
  for (const f of findings) (problemCodes.report.some((p) => f.code.startsWith(p)) ? own : reading).push(f);
  return [
    { title: '报告本身的问题', note: '核查发现的，写进给机关的核查意见', findings: own },
    {
      title: '读取中的问题',
      note: '读取时无法确定的记为空值，换一份原文（DOCX、PDF）可能读得出；空白单元格等只作提示',
      findings: reading,
    },
  ].filter((g) => g.findings.length > 0);
}

export function ReportDrawer({ reportId, onClose }: { reportId: number | undefined; onClose: () => void }) {
  const detail = useQuery({ ...corpusReportQuery(reportId ?? 0), enabled: reportId !== undefined });
  return (
    <Drawer
      open={reportId !== undefined}
      onClose={onClose}
      size="large"
      title={
        detail.data
          ? `${detail.data.report.agency ?? '未识别机关'} ${detail.data.report.year ?? ''}年度报告`
          : '报告'
      }
      destroyOnHidden
    >
      {reportId !== undefined && (
        <QueryView query={detail}>
          {(d) => (
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              <Descriptions
                size="small"
                column={2}
                bordered
                items={[
                  { key: 'agency', label: '机关', children: d.report.agency ?? '—' },
                  { key: 'region', label: '地区', children: d.report.region || '—' },
                  { key: 'kind', label: '类型', children: d.report.kind ? kindNames[d.report.kind] : '—' },
                  { key: 'year', label: '年度', children: d.report.year ?? '—' },
                  { key: 'format', label: '格式', children: `${d.report.format} 年版` },
                  { key: 'version', label: '版本', children: d.report.version },
                  { key: 'published', label: '发布日期', children: d.report.publishedOn ?? '—' },
                  { key: 'deadline', label: '发布期限', children: d.report.deadline ?? '—' },
                  {
                    key: 'late',
                    label: '是否逾期',
                    children: d.report.late ? <Tag color="red">逾期</Tag> : '否',
                  },
                  { key: 'file', label: '文件', children: d.report.file },
                ]}
              />
              <Space>
                {d.source.hasBytes || d.source.text !== '' ? (
                  <>
                    <Button icon={<DownloadOutlined />} href={sourceUrl(d.report.id)} target="_blank">
                      {d.source.hasBytes ? '下载原文' : '下载原文（解码后的文字）'}
                    </Button>
                    <Link
                      to={{
                        pathname: '/inspect',
                        search: encode(inspectUrl, { corpus: d.report.id }).toString(),
                      }}
                    >
                      <FileSearchOutlined /> 在报告检查中查看（单元格与原文对照）
                    </Link>
                  </>
                ) : (
                  <Typography.Text type="secondary">
                    报告库没有保存原文件，导入时的文件也已不在原处或已改动（导入时加 --keep-source
                    才保存），不能下载或在报告检查中查看
                  </Typography.Text>
                )}
                {d.report.agency !== null && (
                  <Button
                    icon={<FileWordOutlined />}
                    href={letterUrl(d.report.id)}
                    title="给该机关的核查意见草稿：发布是否逾期、错误和需要核实的问题（附在表格中的位置）、与其他年度报告比对的问题，按 GB/T 9704 排版，改定后印发"
                  >
                    核查意见（Word）
                  </Button>
                )}
                {d.report.bodyId !== null && d.report.year !== null && (
                  <Link
                    to={{
                      pathname: '/oversight/compare',
                      search: encode(compareUrl, { body: d.report.bodyId, to: d.report.year }).toString(),
                    }}
                  >
                    <DiffOutlined /> 与上一年度对比
                  </Link>
                )}
                {d.report.bodyId !== null && (
                  <Link
                    to={{
                      pathname: '/oversight/checks',
                      search: encode(checksUrl, {
                        agency: d.report.bodyId,
                        ...(d.report.year !== null ? { year: d.report.year } : {}),
                      }).toString(),
                    }}
                  >
                    <ClusterOutlined /> 跨报告核查（本机关
                    {d.report.year !== null ? `、${d.report.year} 年度` : ''}）
                  </Link>
                )}
              </Space>
              {d.findings.length === 0 ? (
                <>
                  <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
                    问题（0）
                  </Typography.Title>
                  <Empty description="没有发现问题" />
                </>
              ) : (
                findingGroups(d.findings).map((g) => (
                  <section key={g.title} aria-label={g.title}>
                    <Typography.Title level={2} style={{ fontSize: 16, margin: '0 0 4px' }}>
                      {g.title}（{g.findings.length}）
                    </Typography.Title>
                    <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                      {g.note}
                    </Typography.Paragraph>
                    <List
                      aria-label={g.title}
                      size="small"
                      dataSource={g.findings}
                      renderItem={(f) => (
                        <List.Item>
                          <Space direction="vertical" size={0}>
                            <Space wrap>
                              <SeverityTag severity={f.severity} />
                              <Typography.Text strong>{findingName(f.code)}</Typography.Text>
                              <Typography.Text code>{f.code}</Typography.Text>
                              {f.line !== null && (
                                <Typography.Text type="secondary">第 {f.line} 行</Typography.Text>
                              )}
                            </Space>
                            <span>{f.message}</span>
                          </Space>
                        </List.Item>
                      )}
                    />
                  </section>
                ))
              )}
            </Space>
          )}
        </QueryView>
      )}
    </Drawer>
  );
}
