/** The metadata a truth file fixes, taken from a report or a truth file alike. */
export interface Meta {
  format: string;
  agency: string | null;
  year: number | null;
  publishedOn: string | null;
  signedOn: string | null;
}

export const metaOf = (r: Meta): Meta => ({
  format: r.format,
  agency: r.agency,
  year: r.year,
  publishedOn: r.publishedOn,
  signedOn: r.signedOn,
});
