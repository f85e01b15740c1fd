/**
 * PaddleOCR's models made cheaper to run, before onnxruntime loads them. PP-OCRv4's recogniser
 * (PP-LCNetV3, exported by paddle2onnx at opset 9) and its detector's backbone (the same blocks,
 * at opset 11, where Clip takes its bounds as inputs) follow most convolutions with a learnable
 * scale and shift (Mul and Add by one number each), a hard swish spelt out in four steps
 * (x · clip(x + 3, 0, 6) / 6), then another scale and shift. Each step is a pass over the whole
 * activation, outside onnxruntime's blocked layout (a reorder before and after): on one CPU thread
 * those steps took about half of the model's time. Here:
 *
 * - the scale and shift after a convolution are folded into its weights and bias;
 * - the hard swish becomes x · HardSigmoid(x) (α 1/6, β 1/2), which onnxruntime fuses into the
 *   convolution;
 * - the scale and shift before a pointwise convolution are folded into its weights and bias, the
 *   others become a batch normalisation (mean 0, variance 1, ε 0), which stays in the blocked layout.
 *
 * The same function, the arithmetic differing only in rounding (outputs within 1e-5): about a
 * third less CPU a column for the recogniser, a fifth less for the detector. Only ONNX's protobuf
 * wire format is read, no more of it than needed: every other byte of the model is copied as it
 * stands. Anything not exactly as expected leaves
 * the model unchanged.
 */

import { endianness } from 'node:os';

/** A field of a protobuf message: its number, wire type and where its bytes lie. */
export interface Field {
  no: number;
  wire: number;
  /** The value of a varint. */
  value: number;
  /** The payload (length-delimited, fixed 32 or fixed 64). */
  start: number;
  end: number;
  /** The whole field, key included. */
  from: number;
  to: number;
}

export function fields(buf: Uint8Array, start: number, end: number): Field[] {
  const out: Field[] = [];
  let p = start;
  const varint = (): number => {
    let v = 0;
    let scale = 1;
    let b: number;
    do {
      if (p >= end) throw new Error('truncated varint');
      b = buf[p++] as number;
      v += (b & 0x7f) * scale;
      scale *= 128;
    } while (b & 0x80);
    return v;
  };
  while (p < end) {
    const from = p;
    const key = varint();
    const wire = key & 7;
    const field: Field = { no: Math.floor(key / 8), wire, value: 0, start: p, end: p, from, to: p };
    if (wire === 0) field.value = varint();
    else if (wire === 1) p += 8;
    else if (wire === 5) p += 4;
    else if (wire === 2) {
      const length = varint();
      field.start = p;
      p += length;
    } else throw new Error(`wire type ${wire}`);
    if (p > end) throw new Error('truncated field');
    if (wire !== 0) field.end = p;
    field.to = p;
    out.push(field);
  }
  return out;
}

/** The varints packed in a length-delimited field. */
function packedVarints(buf: Uint8Array, f: Field): number[] {
  const out: number[] = [];
  let p = f.start;
  while (p < f.end) {
    let v = 0;
    let scale = 1;
    let b: number;
    do {
      b = buf[p++] as number;
      v += (b & 0x7f) * scale;
      scale *= 128;
    } while (b & 0x80 && p < f.end);
    out.push(v);
  }
  return out;
}

const utf8 = new TextDecoder();
export const text = (buf: Uint8Array, f: Field) => utf8.decode(buf.subarray(f.start, f.end));

export function varintBytes(value: number): number[] {
  const out: number[] = [];
  let v = value;
  while (v >= 0x80) {
    out.push((v % 128) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

/** A length-delimited field. */
export function message(no: number, body: Uint8Array): Uint8Array {
  const head = [...varintBytes(no * 8 + 2), ...varintBytes(body.length)];
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

export const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

export const encoder = new TextEncoder();

/** A float attribute (AttributeProto: name 1, f 2, type 20 = FLOAT). */
function floatAttribute(name: string, value: number): Uint8Array {
  const f = new Uint8Array(5);
  f[0] = (2 << 3) | 5;
  new DataView(f.buffer).setFloat32(1, value, true);
  const type = new Uint8Array([...varintBytes(20 * 8), 1]);
  return message(5, concat([message(1, encoder.encode(name)), f, type]));
}

/** A node (NodeProto: input 1, output 2, name 3, op_type 4, attribute 5). */
export function node(
  op: string,
  name: string,
  inputs: readonly string[],
  outputs: readonly string[],
  attributes: Uint8Array[] = [],
) {
  return message(
    1,
    concat([
      ...inputs.map((i) => message(1, encoder.encode(i))),
      ...outputs.map((o) => message(2, encoder.encode(o))),
      message(3, encoder.encode(name)),
      message(4, encoder.encode(op)),
      ...attributes,
    ]),
  );
}

/** A Constant node of a one-dimensional float tensor. */
function constantNode(output: string, values: Float32Array): Uint8Array {
  const tensor = concat([
    new Uint8Array([...varintBytes(1 * 8), ...varintBytes(values.length)]),
    new Uint8Array([...varintBytes(2 * 8), 1]),
    message(9, new Uint8Array(values.buffer, values.byteOffset, values.byteLength)),
  ]);
  const value = message(
    5,
    concat([
      message(1, encoder.encode('value')),
      message(5, tensor),
      new Uint8Array([...varintBytes(20 * 8), 4]),
    ]),
  );
  return node('Constant', `${output}_node`, [], [output], [value]);
}

interface Node {
  field: Field;
  /** The node's own fields. */
  parts: Field[];
  op: string;
  inputs: string[];
  outputs: string[];
  attributes: Map<string, Field[]>;
}

/** A float tensor's values, where they lie in the model's bytes (raw_data or packed float_data). */
interface Floats {
  dims: number[];
  /** Byte offset of the first value (little-endian float32s). */
  at: number;
  count: number;
}

function tensorFloats(buf: Uint8Array, tensor: Field): Floats | null {
  const tf = fields(buf, tensor.start, tensor.end);
  const type = tf.find((f) => f.no === 2)?.value;
  if (type !== 1) return null;
  const dims: number[] = [];
  for (const f of tf.filter((f) => f.no === 1)) {
    // Packed dims are not written by paddle2onnx: not handled.
    if (f.wire !== 0) return null;
    dims.push(f.value);
  }
  const data = tf.find((f) => f.no === 9 || f.no === 4);
  if (data?.wire !== 2 || (data.end - data.start) % 4 !== 0) return null;
  const count = dims.reduce((n, d) => n * d, 1);
  if ((data.end - data.start) / 4 !== count) return null;
  return { dims, at: data.start, count };
}

/** Each value of a tensor (little-endian float32s, as the machine's own) times `scale` plus `shift`. */
function affine(buf: Uint8Array, f: Floats, scale: number, shift: number): void {
  const values = new Float32Array(buf.slice(f.at, f.at + 4 * f.count).buffer);
  for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) * scale + shift;
  buf.set(new Uint8Array(values.buffer), f.at);
}

/**
 * A model (the recogniser or the detector) with its scale-and-shift steps folded into the
 * convolutions and its hard swishes in two steps; the model as given where it is not shaped as
 * expected.
 */
export function simplifyModel(model: Uint8Array): Uint8Array {
  try {
    return simplify(model) ?? model;
  } catch {
    return model;
  }
}

function simplify(model: Uint8Array): Uint8Array | null {
  // Float32Array reads the machine's byte order; ONNX stores little-endian.
  if (endianness() !== 'LE') return null;
  const buf = new Uint8Array(model);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const top = fields(buf, 0, buf.length);
  const opset = top
    .filter((f) => f.no === 8)
    .map((f) => fields(buf, f.start, f.end))
    .find((o) => o.every((f) => f.no !== 1 || f.end === f.start));
  const version = opset?.find((f) => f.no === 2)?.value;
  // HardSigmoid and BatchNormalization as written here: opsets 6 to 11 (Clip's bounds are
  // attributes up to 10, inputs from 11).
  if (version === undefined || version < 6 || version > 11) return null;
  const graphField = top.find((f) => f.no === 7 && f.wire === 2);
  if (!graphField) return null;
  const graph = fields(buf, graphField.start, graphField.end);
  const nodes: Node[] = graph
    .filter((f) => f.no === 1 && f.wire === 2)
    .map((field) => {
      const nf = fields(buf, field.start, field.end);
      const attributes = new Map<string, Field[]>();
      for (const a of nf.filter((f) => f.no === 5)) {
        const af = fields(buf, a.start, a.end);
        const name = af.find((f) => f.no === 1);
        if (name) attributes.set(text(buf, name), af);
      }
      const domain = nf.find((f) => f.no === 7);
      return {
        field,
        parts: nf,
        op: (domain && domain.end > domain.start ? '?' : '') + text(buf, nf.find((f) => f.no === 4) as Field),
        inputs: nf.filter((f) => f.no === 1).map((f) => text(buf, f)),
        outputs: nf.filter((f) => f.no === 2).map((f) => text(buf, f)),
        attributes,
      };
    });
  const producer = new Map<string, Node>();
  const uses = new Map<string, number>();
  for (const n of nodes) {
    for (const o of n.outputs) producer.set(o, n);
    for (const i of n.inputs) uses.set(i, (uses.get(i) ?? 0) + 1);
  }
  // Graph outputs count as uses.
  const outputs = new Set<string>();
  for (const f of graph.filter((f) => f.no === 12)) {
    const name = fields(buf, f.start, f.end).find((x) => x.no === 1);
    if (name) outputs.add(text(buf, name));
  }
  for (const o of outputs) uses.set(o, (uses.get(o) ?? 0) + 1);
  /** The values of a Constant node's float tensor. */
  const constant = (name: string): Floats | null => {
    const n = producer.get(name);
    if (n?.op !== 'Constant') return null;
    const value = n.attributes.get('value')?.find((f) => f.no === 5 && f.wire === 2);
    return value ? tensorFloats(buf, value) : null;
  };
  const scalar = (name: string): number | null => {
    const c = constant(name);
    return c && c.count === 1 ? view.getFloat32(c.at, true) : null;
  };
  const floatAttr = (n: Node, name: string): number | null => {
    const f = n.attributes.get(name)?.find((x) => x.no === 2 && x.wire === 5);
    return f ? view.getFloat32(f.start, true) : null;
  };
  /** An attribute's integers (AttributeProto: i 3, ints 8, packed or not). */
  const intsAttr = (n: Node, name: string): number[] | null => {
    const fs = n.attributes.get(name);
    if (!fs) return null;
    const out: number[] = [];
    for (const f of fs) {
      if ((f.no === 3 || f.no === 8) && f.wire === 0) out.push(f.value);
      if (f.no === 8 && f.wire === 2) out.push(...packedVarints(buf, f));
    }
    return out;
  };
  const only = (name: string, op: string): Node | null => {
    if (uses.get(name) !== 1) return null;
    const n = nodes.find((m) => m.inputs.includes(name));
    return n?.op === op ? n : null;
  };
  const other = (n: Node, name: string) => (n.inputs[0] === name ? n.inputs[1] : n.inputs[0]) as string;

  const removed = new Set<Node>();
  /** The channels of each hard swish rewritten (the output of the convolution before it). */
  const swishChannels = new Map<string, number>();
  /** New nodes, to stand where the node they replace stood. */
  const replaced = new Map<Node, Uint8Array>();
  let folded = 0;
  for (const conv of nodes) {
    if (conv.op !== 'Conv' || conv.inputs.length !== 3) continue;
    const out = conv.outputs[0] as string;
    const mul = only(out, 'Mul');
    if (mul?.inputs.length !== 2) continue;
    const add = only(mul.outputs[0] as string, 'Add');
    if (add?.inputs.length !== 2) continue;
    const scale = scalar(other(mul, out));
    const shift = scalar(other(add, mul.outputs[0] as string));
    const weights = constant(conv.inputs[1] as string);
    const bias = constant(conv.inputs[2] as string);
    if (scale === null || shift === null || !weights || !bias) continue;
    if (uses.get(conv.inputs[1] as string) !== 1 || uses.get(conv.inputs[2] as string) !== 1) continue;
    const channels = weights.dims[0] as number;
    if (bias.count !== channels) continue;
    // The hard swish after it: x + 3 → clip 0…6 → x · that → / 6.
    const x = add.outputs[0] as string;
    const consumers = nodes.filter((n) => n.inputs.includes(x));
    if (uses.get(x) !== 2 || consumers.length !== 2) continue;
    const plus = consumers.find((n) => n.op === 'Add');
    const times = consumers.find((n) => n.op === 'Mul');
    if (!plus || !times || scalar(other(plus, x)) !== 3) continue;
    const clip = only(plus.outputs[0] as string, 'Clip');
    if (!clip) continue;
    const [low, high] =
      version < 11
        ? [floatAttr(clip, 'min'), floatAttr(clip, 'max')]
        : [scalar(clip.inputs[1] ?? ''), scalar(clip.inputs[2] ?? '')];
    if (low !== 0 || high !== 6) continue;
    if (other(times, x) !== clip.outputs[0] || uses.get(clip.outputs[0] as string) !== 1) continue;
    const div = only(times.outputs[0] as string, 'Div');
    if (!div || div.inputs[0] !== times.outputs[0] || scalar(div.inputs[1] as string) !== 6) continue;
    // Fold: conv(x; W·s, b·s + t) is s·conv(x; W, b) + t.
    affine(buf, weights, scale, 0);
    affine(buf, bias, scale, shift);
    folded++;
    for (const n of [mul, add, plus, clip, times, div]) removed.add(n);
    swishChannels.set(div.outputs[0] as string, channels);
    const gate = `${out}__hard_sigmoid`;
    replaced.set(
      div,
      concat([
        node(
          'HardSigmoid',
          `${gate}_node`,
          [out],
          [gate],
          [floatAttribute('alpha', 1 / 6), floatAttribute('beta', 0.5)],
        ),
        node('Mul', `${gate}_mul`, [out, gate], [div.outputs[0] as string]),
      ]),
    );
  }
  // A scale and shift that feeds a pointwise convolution (1 × 1, no padding, one group) goes into
  // its weights as well: conv(s·h + t; W, b) is conv(h; s·W, b + t·ΣW). Not where the convolution
  // pads its input: the padding would then stand for t, not 0.
  const rewired = new Map<Node, Uint8Array>();
  for (const conv of nodes) {
    if (conv.op !== 'Conv' || conv.inputs.length !== 3 || removed.has(conv)) continue;
    const add = producer.get(conv.inputs[0] as string);
    if (add?.op !== 'Add' || removed.has(add) || add.inputs.length !== 2) continue;
    if (uses.get(add.outputs[0] as string) !== 1) continue;
    const mul = [add.inputs[0], add.inputs[1]]
      .map((i) => producer.get(i as string))
      .find((n) => n?.op === 'Mul');
    if (!mul || removed.has(mul) || mul.inputs.length !== 2 || uses.get(mul.outputs[0] as string) !== 1)
      continue;
    const shift = scalar(other(add, mul.outputs[0] as string));
    const scaleInput = [mul.inputs[0], mul.inputs[1]].find((i) => scalar(i as string) !== null);
    if (shift === null || scaleInput === undefined) continue;
    const scale = scalar(scaleInput) as number;
    const h = other(mul, scaleInput);
    const weights = constant(conv.inputs[1] as string);
    const bias = constant(conv.inputs[2] as string);
    if (
      !weights ||
      !bias ||
      uses.get(conv.inputs[1] as string) !== 1 ||
      uses.get(conv.inputs[2] as string) !== 1
    )
      continue;
    const [out, into, kh, kw] = weights.dims as [number, number, number, number];
    if (weights.dims.length !== 4 || kh !== 1 || kw !== 1 || bias.count !== out) continue;
    const pads = intsAttr(conv, 'pads');
    const group = intsAttr(conv, 'group');
    const autoPad = conv.attributes.get('auto_pad')?.find((f) => f.no === 4);
    if (pads?.some((p) => p !== 0) || (group && group[0] !== 1)) continue;
    if (autoPad && !['NOTSET', 'VALID'].includes(text(buf, autoPad))) continue;
    const w = new Float32Array(buf.slice(weights.at, weights.at + 4 * weights.count).buffer);
    const b = new Float32Array(buf.slice(bias.at, bias.at + 4 * bias.count).buffer);
    for (let o = 0; o < out; o++) {
      let sum = 0;
      for (let c = 0; c < into; c++) sum += w[o * into + c] as number;
      b[o] = (b[o] as number) + shift * sum;
    }
    buf.set(new Uint8Array(b.buffer), bias.at);
    affine(buf, weights, scale, 0);
    removed.add(mul);
    removed.add(add);
    let first = true;
    rewired.set(
      conv,
      message(
        1,
        concat(
          conv.parts.map((f) => {
            if (f.no !== 1 || !first) return buf.subarray(f.from, f.to);
            first = false;
            return message(1, encoder.encode(h));
          }),
        ),
      ),
    );
    folded++;
  }
  // The other scale-and-shift steps (before a convolution that pads) become a batch normalisation
  // (mean 0, variance 1, ε 0: s·x + t exactly), which onnxruntime keeps in its blocked layout.
  const added = new Map<Node, Uint8Array>();
  for (const mul of nodes) {
    if (mul.op !== 'Mul' || removed.has(mul) || mul.inputs.length !== 2) continue;
    const scaleInput = [mul.inputs[0], mul.inputs[1]].find((i) => scalar(i as string) !== null);
    if (scaleInput === undefined) continue;
    const h = other(mul, scaleInput);
    const channels = swishChannels.get(h);
    if (channels === undefined || uses.get(mul.outputs[0] as string) !== 1) continue;
    const add = only(mul.outputs[0] as string, 'Add');
    if (add?.inputs.length !== 2 || removed.has(add)) continue;
    const shift = scalar(other(add, mul.outputs[0] as string));
    if (shift === null) continue;
    const name = `${add.outputs[0]}__affine`;
    const filled = (value: number) => new Float32Array(channels).fill(value);
    removed.add(mul);
    removed.add(add);
    added.set(
      add,
      concat([
        constantNode(`${name}_scale`, filled(scalar(scaleInput) as number)),
        constantNode(`${name}_shift`, filled(shift)),
        constantNode(`${name}_mean`, filled(0)),
        constantNode(`${name}_variance`, filled(1)),
        node(
          'BatchNormalization',
          name,
          [h, `${name}_scale`, `${name}_shift`, `${name}_mean`, `${name}_variance`],
          [add.outputs[0] as string],
          [floatAttribute('epsilon', 0)],
        ),
      ]),
    );
    folded++;
  }
  if (folded === 0) return null;
  // Constants that only the removed nodes used go too (onnxruntime warns of each one left).
  const left = new Map<string, number>();
  for (const n of nodes) if (!removed.has(n)) for (const i of n.inputs) left.set(i, (left.get(i) ?? 0) + 1);
  for (const o of outputs) left.set(o, 1);
  for (const n of nodes)
    if (
      n.op === 'Constant' &&
      (uses.get(n.outputs[0] as string) ?? 0) > 0 &&
      !left.has(n.outputs[0] as string)
    )
      removed.add(n);
  // The graph again: its fields in order, the removed nodes left out, the new ones in their place;
  // the model's other fields as they were.
  const byField = new Map(nodes.map((n) => [n.field, n]));
  const graphParts = graph.map((f) => {
    const n = byField.get(f);
    if (n && replaced.has(n)) return replaced.get(n) as Uint8Array;
    if (n && added.has(n)) return added.get(n) as Uint8Array;
    if (n && rewired.has(n)) return rewired.get(n) as Uint8Array;
    if (n && removed.has(n)) return new Uint8Array(0);
    return buf.subarray(f.from, f.to);
  });
  const graphLength = graphParts.reduce((n, p) => n + p.length, 0);
  return concat(
    top.flatMap((f) =>
      f === graphField
        ? [new Uint8Array([...varintBytes(7 * 8 + 2), ...varintBytes(graphLength)]), ...graphParts]
        : [buf.subarray(f.from, f.to)],
    ),
  );
}
