/** Why a record can't be saved (lib/problems.ts), each problem on its own line in one alert. */
import { Alert } from 'antd';
import type { CSSProperties } from 'react';
import type { Problems } from '../lib/problems.js';

export function ProblemsAlert({ problems, style }: { problems: Problems | null; style?: CSSProperties }) {
  if (!problems) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={problems.title}
      description={
        problems.items.length > 0 ? (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {problems.items.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : undefined
      }
      style={style}
    />
  );
}
