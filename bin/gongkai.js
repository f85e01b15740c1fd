#!/usr/bin/env node
import module from 'node:module';
import v8 from 'node:v8';

// Node 22.1 and later keep V8's compiled code of the modules on disk between runs (Node 20 has no
// such cache: then nothing happens). Turned on before the CLI's modules load, so they use it.
try {
  module.enableCompileCache?.();
} catch {
  // A cache that can't be used only costs the time it would have saved.
}

const { main, namedCommand } = await import('../dist/cli/main.js');

// `parse` and `check` over a batch of files live a few seconds, and V8's optimising compiler took
// some 40% of their CPU (large reading functions, each with its callees inlined, some compiled
// again after a deoptimisation). A smaller inlining budget (300 bytes of inlined bytecode in one
// compiled function, V8's default 920) cut the CPU of `parse --json` over 2,000 files by about a
// tenth; a long-lived process (`serve`, `ingest`) keeps V8's defaults. Set before any of the
// reading code is compiled.
if (['parse', 'check'].includes(namedCommand(process.argv.slice(2)) ?? '')) {
  v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=300');
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`gongkai: 内部错误：${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 70;
  },
);
