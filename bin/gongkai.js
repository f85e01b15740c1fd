#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`gongkai: 内部错误：${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 70;
  },
);
