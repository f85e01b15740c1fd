/** A body's status for a year (发布情况, 机关档案), as a tag in the status's colour. */
import { Tag } from 'antd';
import { type PublicationStatus, publicationStatusNames } from '../../../../src/corpus/publication-status.js';
import { statusColors } from './publication.js';

export function PublicationStatusTag({ status }: { status: PublicationStatus }) {
  return <Tag color={statusColors[status]}>{publicationStatusNames[status]}</Tag>;
}
