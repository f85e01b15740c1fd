#!/usr/bin/env node
import module from 'node:module';

// Node 22.1 and later keep V8's compiled code of the modules on disk between runs (Node 20 has no
// such cache: then nothing happens). Turned on before the CLI's modules load, so they use it.
try {
  module.enableCompileCache?.();
} catch {
  // A cache that can't be used only costs the time it would have saved.
}

const { main } = await import('../dist/cli/main.js');

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`gongkai: 内部错误：${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 70;
  },
);
