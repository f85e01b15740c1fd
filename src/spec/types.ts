/** The two national formats: 国办公开办函〔2021〕30号 and 国办公开办函〔2019〕60号. */
export type FormatId = '2021' | '2019';

/** How a cell's figure is written: a count, a count that may be negative, or an amount. */
export type CellType = 'int' | 'signed int' | 'decimal';

/** A label of the official format: its wording, where to find it, and the wordings reports use instead. */
export interface LabelSpec {
  /** The wording of the format document. */
  official: string;
  /**
   * Short distinctive substrings that locate the label in folded text with whitespace removed
   * (first match wins). Defaults to the official wording.
   */
  keys?: readonly string[];
  /** Non-standard wordings seen in real reports: reading one gives a `check.label-variant` warning. */
  variants?: readonly string[];
}

export interface ColumnSpec {
  id: string;
  /** Header labels from the outermost to the column's own (merged header cells share a prefix). */
  path: readonly LabelSpec[];
}

export interface CellSpec {
  /** Codebook key, e.g. `a.deny.thirdParty.np`. */
  key: string;
  type: CellType;
  /** Unit set by the format (e.g. 万元), if any. */
  unit?: string;
  /**
   * Words of sentences that state this cell's figure in the prose (「1件予以废止」): used only to
   * say, in an info finding, which split of run-together digits the prose supports.
   */
  prose?: readonly string[];
}

export interface RowSpec {
  id: string;
  /**
   * Row labels from the outermost group to the row's own; empty for a row with no label
   * (table 四 is one row under its header).
   */
  path: readonly LabelSpec[];
  /** Numbering written before the row's own label: `1` for「1.属于国家秘密」. */
  numbering?: string;
  /** When true the row's key only counts right after its numbering (e.g.「3.其他」). */
  numberedKey?: boolean;
  /** Cells in column order. */
  cells: readonly CellSpec[];
}

/**
 * A block of a table with its own header: table 二 has one per item of 第二十条, tables 三 and 四
 * have one each.
 */
export interface TablePartSpec {
  id: string;
  /** Caption row above the header (「第二十条第（一）项」). */
  caption?: LabelSpec;
  /** Top-left header cell (「信息内容」, 「申请人情况」 sits in the column paths instead). */
  corner?: LabelSpec;
  /** A note the format prints in the header (the 勾稽 note of table 三). */
  note?: LabelSpec;
  columns: readonly ColumnSpec[];
  rows: readonly RowSpec[];
  /**
   * Row groups that reports sometimes print as one row (2021 （六）其他处理 printed the 2019 way):
   * the group label followed by one row of column sums.
   */
  collapsible?: readonly CollapsibleGroup[];
}

export interface CollapsibleGroup {
  /** The group label (index into the rows' paths). */
  label: LabelSpec;
  /** The rows the single printed row stands for. */
  rows: readonly string[];
}

export type TableId = 'proactive' | 'applications' | 'litigation';

export interface TableSpec {
  id: TableId;
  /** Number of the section that holds it (2, 3, 4). */
  section: number;
  title: string;
  parts: readonly TablePartSpec[];
}

/** A linear identity between cells: sum(left) = sum(right). */
export interface IdentitySpec {
  id: string;
  /** Finding code when it is broken. */
  code: string;
  left: readonly string[];
  right: readonly string[];
  /** Chinese description, e.g. 「自然人列：一 + 二 = 三（七）+ 四」. */
  description: string;
  /**
   * A consequence of other identities, used by the reader to settle split digits when a row it
   * involves can't be read; the checker reports it only when the identities it follows from can't be checked.
   */
  derived?: boolean;
}

export interface SectionSpec {
  number: number;
  /** 一 … 六 */
  numeral: string;
  title: string;
  /** Substrings that identify the heading after its numeral (up to `lead` characters may precede). */
  keys: readonly string[];
  /** Characters allowed between the numeral and the key (「四、因政府信息公开工作被申请行政复议」). */
  lead?: number;
  table?: TableId;
}

export interface FormatSpec {
  id: FormatId;
  /** The document that sets the format. */
  document: string;
  /** Report years the format applies to (inclusive). */
  years: { from: number; to: number | null };
  /** Labels only this format uses; they tell the formats apart. */
  signatures: readonly string[];
  sections: readonly SectionSpec[];
  tables: readonly TableSpec[];
  identities: readonly IdentitySpec[];
}
