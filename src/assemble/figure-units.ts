/**
 * Units written after a figure in its own cell (「5件」「3 件」「12个」「0元」「1.5万元」): part of the
 * figure, not words of the table. A cell of a grid or of tab- or comma-separated text that holds a
 * figure and one of these is a figure's cell, as one that holds the figure alone; a unit in a cell
 * of its own is words (so a unit never takes the next cell's place). The units of money are the
 * ones figures.ts converts; the rest are counts.
 */

/** The units, as alternatives of a pattern. */
export const figureUnits = '件|个|次|项|条|份|宗|起|人|家|篇|元|千元|万元|亿元';

const units = new RegExp(`^(?:${figureUnits})$`);

/** Whether the text is one of the units a figure is written with. */
export const isFigureUnit = (text: string): boolean => units.test(text);

/** A cell holding a figure, then a unit right after it or after one space (「5件」「3 件」「0元」). */
const figureThenUnit = new RegExp(`^\\s*[-+]?\\d[\\d,]*(?:\\.\\d+)? ?(?:${figureUnits})\\s*$`);

/**
 * Whether a cell's text is a figure with its unit. Tried only on a cell with both digits and
 * words (a label such as 「1.属于国家秘密」 fails at its first word).
 */
export const isFigureWithUnit = (text: string): boolean => figureThenUnit.test(text);
