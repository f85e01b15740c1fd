/** The corpus scope (lib/corpus-scope.ts) under a corpus page's title. */
import { Typography } from 'antd';
import { corpusScope } from '../lib/corpus-scope.js';

export function CorpusScope({
  user,
  agencies,
}: {
  user: Parameters<typeof corpusScope>[0];
  agencies: Parameters<typeof corpusScope>[1];
}) {
  return (
    <Typography.Paragraph type="secondary" className="gk-scope">
      {corpusScope(user, agencies)}
    </Typography.Paragraph>
  );
}
