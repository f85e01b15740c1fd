/**
 * 补全所属地区 on the 机关 page: bodies whose names give no city or province (「嘉祥县财政局」) get the
 * places other bodies' names give (「济宁市嘉祥县人民政府」), where those agree
 * (src/corpus/bodies/places.ts). The curator reads the evidence — county names repeat across China —
 * and takes the suggestions chosen; each is a correction, audited and kept on re-ingest.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { type PlaceSuggestion, placesMaxBodies } from '../../../../src/api/corpus-contract.js';
import { regionOf } from '../../../../src/corpus/bodies/names.js';
import { regionName } from '../../../../src/corpus/publication-status.js';
import { call, messageOf } from '../../lib/api.js';
import * as api from '../../lib/endpoints.js';

const placeSuggestionsQuery = () => ({
  queryKey: ['corpus', 'bodies', 'places'],
  queryFn: () => call(api.corpusPlaceSuggestions, {}),
});

const columns: TableColumnsType<PlaceSuggestion> = [
  { title: '机关', dataIndex: 'name' },
  { title: '现在', key: 'current', render: (_, s) => regionName(regionOf(s.current)) },
  { title: '补全后', key: 'suggested', render: (_, s) => <strong>{regionOf(s.suggested)}</strong> },
  { title: '依据', key: 'evidence', render: (_, s) => s.evidence.join('、') },
];

/** The button that tells how many bodies may be placed, and the dialog that takes them. */
export function PlaceSuggestions() {
  const suggestions = useQuery(placeSuggestionsQuery());
  const [open, setOpen] = useState(false);
  const count = suggestions.data?.length ?? 0;
  if (count === 0) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>补全所属地区（{count}）</Button>
      {open && suggestions.data && (
        <PlaceSuggestionsDialog suggestions={suggestions.data} onClose={() => setOpen(false)} />
      )}
    </>
  );
}

function PlaceSuggestionsDialog({
  suggestions,
  onClose,
}: {
  suggestions: readonly PlaceSuggestion[];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  // Every suggestion chosen at first: the curator leaves out those the evidence doesn't bear.
  const [chosen, setChosen] = useState<string[]>(() => suggestions.map((s) => s.bodyId));
  const [problem, setProblem] = useState<string | null>(null);
  const apply = useMutation({
    mutationFn: async (bodyIds: string[]) => {
      // At most placesMaxBodies a request: a national corpus may have thousands to place.
      const applied = [];
      for (let i = 0; i < bodyIds.length; i += placesMaxBodies)
        applied.push(
          ...(await call(api.applyCorpusPlaces, {
            body: { bodyIds: bodyIds.slice(i, i + placesMaxBodies) },
          })),
        );
      return applied;
    },
    onSuccess: (bodies) => {
      qc.invalidateQueries({ queryKey: ['corpus'] });
      message.success(`已补全 ${bodies.length} 个机关的所属地区`);
      onClose();
    },
    onError: (e) => setProblem(messageOf(e)),
  });
  return (
    <Modal
      open
      width={960}
      title="补全所属地区"
      onCancel={onClose}
      onOk={() => apply.mutate(chosen)}
      okButtonProps={{ disabled: chosen.length === 0 }}
      confirmLoading={apply.isPending}
      okText={`采用所选（${chosen.length}）`}
      cancelText="取消"
    >
      <Typography.Paragraph>
        这些机关的名称没有写明所属的市或省，按地区汇总时无处可归。报告库中其他机关的名称写明了它们所在的地区，且彼此一致。
        县区名全国有重名（如鼓楼区），请核对依据，取消不对的再采用；采用后记为人工修改，记入审计日志。
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />}
      <Table<PlaceSuggestion>
        size="small"
        rowKey="bodyId"
        columns={columns}
        dataSource={[...suggestions]}
        rowSelection={{
          selectedRowKeys: chosen,
          onChange: (keys) => setChosen(keys as string[]),
          getCheckboxProps: (s) => ({ 'aria-label': `采用 ${s.name}` }),
        }}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ y: 400 }}
      />
    </Modal>
  );
}
