/**
 * The recogniser made to give, for each step, only its best class and that class's probability,
 * instead of the probability of all 6,625 classes: what the greedy CTC reading (recognise.ts) uses.
 * The model's output (the softmax, `[lines, steps, classes]`) is followed by an ArgMax and a
 * ReduceMax over the classes, which become the graph's two outputs. The same numbers as reading
 * the softmax in JavaScript (ArgMax takes the first of equal values, as the reading did), without
 * copying 26 KB a step out of onnxruntime and scanning it. A model not shaped as expected (not one
 * output) is left as it is, and read the long way.
 */
import { concat, encoder, type Field, fields, message, node, text, varintBytes } from './graph.js';

/** The outputs' names, after the softmax's: `…__best` (int64) and `…__best_p` (float). */
export const bestSuffix = '__best';
export const probabilitySuffix = '__best_p';

/** An integer attribute (AttributeProto: name 1, i 3, type 20 = INT). */
const intAttribute = (name: string, value: number) =>
  message(
    5,
    concat([
      message(1, encoder.encode(name)),
      new Uint8Array([...varintBytes(3 * 8), ...varintBytes(value)]),
      new Uint8Array([...varintBytes(20 * 8), 2]),
    ]),
  );

/** An integer list attribute (ints 8, unpacked; type 20 = INTS). */
const intsAttribute = (name: string, values: readonly number[]) =>
  message(
    5,
    concat([
      message(1, encoder.encode(name)),
      ...values.map((v) => new Uint8Array([...varintBytes(8 * 8), ...varintBytes(v)])),
      new Uint8Array([...varintBytes(20 * 8), 7]),
    ]),
  );

/** A graph output of a tensor type (ValueInfoProto: name 1, type 2 → tensor_type 1 → elem_type 1). */
const output = (name: string, elementType: number) =>
  message(
    12,
    concat([
      message(1, encoder.encode(name)),
      message(2, message(1, new Uint8Array([...varintBytes(1 * 8), elementType]))),
    ]),
  );

/** The model with each step's best class and its probability as outputs; the model as given where it has not one output. */
export function withBestClass(model: Uint8Array): Uint8Array {
  try {
    return rewrite(model) ?? model;
  } catch {
    return model;
  }
}

function rewrite(model: Uint8Array): Uint8Array | null {
  const top = fields(model, 0, model.length);
  const graphField = top.find((f) => f.no === 7 && f.wire === 2);
  if (!graphField) return null;
  const graph = fields(model, graphField.start, graphField.end);
  const outputs = graph.filter((f) => f.no === 12 && f.wire === 2);
  if (outputs.length !== 1) return null;
  const nameField = fields(model, (outputs[0] as Field).start, (outputs[0] as Field).end).find(
    (f) => f.no === 1 && f.wire === 2,
  );
  if (!nameField) return null;
  const softmax = text(model, nameField);
  const added = concat([
    node(
      'ArgMax',
      `${softmax}${bestSuffix}_node`,
      [softmax],
      [`${softmax}${bestSuffix}`],
      [intAttribute('axis', 2), intAttribute('keepdims', 0)],
    ),
    node(
      'ReduceMax',
      `${softmax}${probabilitySuffix}_node`,
      [softmax],
      [`${softmax}${probabilitySuffix}`],
      [intsAttribute('axes', [2]), intAttribute('keepdims', 0)],
    ),
  ]);
  // The graph's fields in order, the new nodes before the first output, the outputs replaced
  // (TensorProto element types: 7 int64, 1 float).
  const graphParts = graph.flatMap((f) =>
    f === outputs[0]
      ? [added, output(`${softmax}${bestSuffix}`, 7), output(`${softmax}${probabilitySuffix}`, 1)]
      : [model.subarray(f.from, f.to)],
  );
  const graphLength = graphParts.reduce((n, p) => n + p.length, 0);
  return concat(
    top.flatMap((f) =>
      f === graphField
        ? [new Uint8Array([...varintBytes(7 * 8 + 2), ...varintBytes(graphLength)]), ...graphParts]
        : [model.subarray(f.from, f.to)],
    ),
  );
}
