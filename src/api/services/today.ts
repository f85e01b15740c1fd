/** Today's date in China (UTC+8), whatever the machine's time zone. */
import type { IsoDate } from '../../workflow/index.js';

const format = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export const todayInChina = (now: Date = new Date()): IsoDate => format.format(now);
