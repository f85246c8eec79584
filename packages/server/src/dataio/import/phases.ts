/**
 * Where an import's time goes, by phase: YIXIAO_IMPORT_PROFILE=1 sums each phase's wall time over a
 * job and prints the totals when it ends (the benchmark's server passes its stderr through).
 * Off, `timed` is a plain call.
 */
const enabled = process.env.YIXIAO_IMPORT_PROFILE === '1';
const totals = new Map<string, { ms: number; calls: number }>();

export async function timed<T>(phase: string, run: () => Promise<T>): Promise<T> {
  if (!enabled) return run();
  const started = performance.now();
  try {
    return await run();
  } finally {
    const entry = totals.get(phase) ?? { ms: 0, calls: 0 };
    entry.ms += performance.now() - started;
    entry.calls++;
    totals.set(phase, entry);
  }
}

export function reportPhases(label: string): void {
  if (!enabled || !totals.size) return;
  const lines = [...totals].map(([phase, t]) => `  ${phase.padEnd(24)} ${(t.ms / 1000).toFixed(2).padStart(8)} s  ${String(t.calls).padStart(7)} calls`);
  console.error(`import phases (${label}):\n${lines.join('\n')}`);
  totals.clear();
}
