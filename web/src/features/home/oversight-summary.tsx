/**
 * 首页 for those who oversee (监督; 评估 lands on 监督概览): the last year's 发布情况 in their scope — how many
 * bodies owe the report and how many have each status, each a link to those bodies — the corpus's
 * size and reports with errors, each a link to 监督概览, and that year's reports with problems and how
 * many were corrected (整改情况).
 */
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { publicationStatuses, publicationStatusNames } from '../../../../src/corpus/publication-status.js';
import { LoadError } from '../../components/query-state.js';
import { encode } from '../../lib/url-codec.js';
import { corpusCorrectionsQuery, corpusListQuery, corpusPublicationQuery } from '../oversight/api.js';
import { deadlineText, statusColors } from '../oversight/publication.js';
import { correctionsUrl, oversightUrl, publicationUrl } from '../oversight/url.js';

const oversight = (filter: { hasErrors?: 'true'; problem?: 'reading' }) =>
  `/oversight?${encode(oversightUrl, { after: [], ...filter }).toString()}`;

export function OversightSummary() {
  // The counts are of every body in scope whatever is listed: list one overdue body, not all.
  const publication = useQuery(corpusPublicationQuery({ status: 'overdue', limit: 1 }));
  const reports = useQuery(corpusListQuery({ limit: 1 }));
  const withErrors = useQuery(corpusListQuery({ hasErrors: 'true', limit: 1 }));
  const unread = useQuery(corpusListQuery({ problem: 'reading', limit: 1 }));
  const p = publication.data;
  // 整改情况 of the same year: the reports with problems first, and how many are corrected.
  const corrections = useQuery({ ...corpusCorrectionsQuery({ year: p?.year }), enabled: p !== undefined });
  const c = corrections.data?.counts;
  const correctionsLink = (status?: 'corrected') =>
    `/oversight/corrections?${encode(correctionsUrl, { year: p?.year, status }).toString()}`;
  const statusLink = (status?: (typeof publicationStatuses)[number]) =>
    `/oversight/publication?${encode(publicationUrl, p ? { year: p.year, status } : { status }).toString()}`;
  const cards = [
    {
      key: 'expected',
      title: '应发布的机关',
      label: '应发布的机关',
      value: p?.counts.expected,
      color: undefined,
      to: statusLink(),
    },
    ...publicationStatuses.map((s) => ({
      key: s,
      title: publicationStatusNames[s],
      label: `${publicationStatusNames[s]}的机关`,
      value: p?.counts[s],
      color: statusColors[s],
      to: statusLink(s),
    })),
  ];

  return (
    <section className="gk-panel" aria-label="报告库与发布情况">
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }}>
        {p ? `${p.year} 年度报告发布情况` : '年度报告发布情况'}
      </Typography.Title>
      {publication.error ? (
        <LoadError error={publication.error} retry={() => publication.refetch()} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {p ? deadlineText(p) : '　'}
            {p && p.counts.expected === 0 ? '报告库中还没有该年度或更早年度的报告。' : null}
          </Typography.Paragraph>
          <Row gutter={[12, 12]}>
            {cards.map((c) => (
              <Col xs={12} md={8} xl={4} key={c.key}>
                <Card size="small">
                  <Link to={c.to} aria-label={c.label}>
                    <Statistic
                      title={c.title}
                      value={c.value ?? '—'}
                      suffix="个"
                      styles={c.color ? { content: { color: c.color } } : undefined}
                    />
                  </Link>
                </Card>
              </Col>
            ))}
          </Row>
        </>
      )}
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Link to={oversight({})} aria-label="报告库中的报告">
              <Statistic title="报告库中的报告" value={reports.data?.total ?? '—'} suffix="份" />
            </Link>
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Link to={oversight({ hasErrors: 'true' })} aria-label="有错误的报告">
              <Statistic
                title="有错误的报告"
                value={withErrors.data?.total ?? '—'}
                suffix="份"
                styles={{ content: { color: '#a8071a' } }}
              />
            </Link>
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Link
              to={oversight({ problem: 'reading' })}
              aria-label="有未能读出的数字的报告"
              title="读取时无法确定、记为空值的数字：换一份原文（DOCX、PDF）可能读得出"
            >
              <Statistic title="有未能读出的数字" value={unread.data?.total ?? '—'} suffix="份" />
            </Link>
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Link to={correctionsLink()} aria-label="该年度有问题的报告">
              <Statistic
                title="该年度有问题"
                value={c ? c.unchanged + c.notImproved + c.improved + c.corrected : '—'}
                suffix="份"
              />
            </Link>
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Link to={correctionsLink('corrected')} aria-label="已更正的报告">
              <Statistic
                title="其中已更正"
                value={c?.corrected ?? '—'}
                suffix="份"
                styles={{ content: { color: '#237804' } }}
              />
            </Link>
          </Card>
        </Col>
      </Row>
    </section>
  );
}
