import { Tag } from 'antd';
import type { EventBody } from '../../../../src/api/schemas.js';
import { badgeOf, badges, type StateLike } from './status.js';

export function StatusTag({ state, events }: { state: StateLike; events?: readonly EventBody[] }) {
  const badge = badges[badgeOf(state, events)];
  return (
    <Tag color={badge.color} title={state.statusName}>
      {badge.text}
    </Tag>
  );
}
