export interface Measure {
  files: number;
  gzip: number;
  raw: number;
  echarts: boolean;
}
export const loginBudgetBytes: number;
export const chartPages: string[];
export function bundleSizes(dir?: string): { login: Measure; shell: Measure; pages: Record<string, Measure> };
