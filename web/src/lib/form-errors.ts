/** Puts the messages of a zod check (or an API error) onto an antd form's fields. */
import type { FormInstance } from 'antd';
import { ApiError } from './api.js';

export function showFieldErrors(
  form: FormInstance,
  fields: Record<string, string>,
  known: readonly string[],
): string[] {
  const unplaced: string[] = [];
  const placed: { name: string; errors: string[] }[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const name = path.split('.')[0] ?? path;
    if (known.includes(name)) placed.push({ name, errors: [message] });
    else unplaced.push(message);
  }
  form.setFields(placed);
  return unplaced;
}

export const fieldsOf = (error: unknown): Record<string, string> =>
  error instanceof ApiError ? error.fields : {};
