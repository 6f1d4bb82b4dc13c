import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

export function machine() {
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}

/** A process's peak resident memory since it started (the kernel's high-water mark, VmHWM), in MiB. */
export function peakRssMiB(pid: number): number {
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024);
}

/** Resident memory of a process and all its descendants (tsx runs the program in a child), in MiB. */
export function treeRssMiB(pid: number): number {
  let kib = 0;
  const visit = (id: number) => {
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))?.[1] ?? 0);
      for (const task of readFileSync(`/proc/${id}/task/${id}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) visit(Number(task));
    } catch {
      // the process ended meanwhile
    }
  };
  visit(pid);
  return Math.round(kib / 1024);
}

/**
 * Resident memory of the process that does the work: `tsx` runs the program in a child process,
 * so this follows the first child down to the leaf (the wrapper's own ~40 MiB is not counted).
 */
export function leafRssMiB(pid: number): number {
  let current = pid;
  for (;;) {
    let children: string[] = [];
    try {
      children = readFileSync(`/proc/${current}/task/${current}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    } catch {
      return 0;
    }
    if (children.length === 0) break;
    current = Number(children[0]);
  }
  try {
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${current}/status`, 'utf8'))?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));

export function saveResult(name: string, result: unknown): string {
  mkdirSync(resultsDir, { recursive: true });
  const file = `${resultsDir}${name}.json`;
  writeFileSync(file, `${JSON.stringify({ machine: machine(), result }, null, 2)}\n`);
  return file;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
