/**
 * A PathObject's outline (AbbreviatedData) as the path buffer the PDF reader's rule collector reads
 * (pdf/rules.ts: PDF.js' `moveTo` 0, `lineTo` 1, `curveTo` 2, `quadraticCurveTo` 3, `closePath`
 * 4, each followed by its numbers). The operators of GB/T 33190: `S` and `M` x y (start a
 * subpath), `L` x y (line), `Q` x1 y1 x y, `B` x1 y1 x2 y2 x y (Bézier curves), `A` rx ry angle
 * large sweep x y (an arc, kept as a curve to its end: no rule is straight through it), `C` (close).
 */

const moveTo = 0;
const lineTo = 1;
const curveTo = 2;
const quadraticCurveTo = 3;
const closePath = 4;

/** Numbers each operator takes, and the path command it becomes. */
const operators: Record<string, { take: number; op: number }> = {
  S: { take: 2, op: moveTo },
  M: { take: 2, op: moveTo },
  L: { take: 2, op: lineTo },
  Q: { take: 4, op: quadraticCurveTo },
  B: { take: 6, op: curveTo },
  A: { take: 7, op: curveTo },
  C: { take: 0, op: closePath },
};

/** Most numbers read from one outline (a table border is a handful; a drawing of more is no table). */
const maxNumbers = 200_000;

/**
 * The outline as a path buffer, in the object's space; reading stops at the first malformed
 * operator (what came before it stands).
 */
export function pathBuffer(data: string): Float32Array {
  const tokens = data.split(/[\s,]+/).filter((t) => t !== '');
  const out: number[] = [];
  for (let i = 0; i < tokens.length && out.length < maxNumbers; ) {
    const operator = operators[tokens[i] as string];
    if (!operator) break;
    const args = tokens.slice(i + 1, i + 1 + operator.take).map(Number);
    if (args.length < operator.take || !args.every(Number.isFinite)) break;
    i += 1 + operator.take;
    out.push(operator.op);
    // An arc: a curve whose control points are its end (only the end point matters further on).
    if (operator.op === curveTo && args.length === 7) {
      const end = args.slice(5);
      out.push(...end, ...end, ...end);
    } else out.push(...args);
  }
  return Float32Array.from(out);
}
