/** Dates as reports print them. */

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(iso: string): [number, number, number] {
  const m = isoDate.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** 「2022-01-04」 → 「2022年1月4日」 (the signature date). */
export function chineseDate(iso: string): string {
  const [y, m, d] = parts(iso);
  return `${y}年${m}月${d}日`;
}

/** A plausible time of day for a web page's 发布时间, derived from the date so output is stable. */
export function publishTime(iso: string): string {
  const [, m, d] = parts(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(8 + ((d + m) % 10))}:${pad((d * 7) % 60)}:${pad((d * 13 + m) % 60)}`;
}
