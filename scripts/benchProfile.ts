/**
 * CPU profiles of the page's main thread for the browser benchmarks (`--profile`): started through CDP's
 * Profiler, printed as busy stretches, self time per function and per script, and inclusive time per
 * function. Names are readable only on an unminified build (`npx vite build --minify false`).
 */
import type { Page } from 'playwright-core';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
export interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** Starts sampling the page's main thread every `intervalUs` microseconds. */
export async function startProfile(page: Page, intervalUs = 500): Promise<{ stop(): Promise<CpuProfile> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  return { async stop() { return (await cdp.send('Profiler.stop')).profile as unknown as CpuProfile; } };
}

/** Busy stretches ≥ `minStretchMs` (top 12), then self time per function (top 25) and per script, then inclusive time (top 40), in ms. */
export function printProfile(profile: CpuProfile, minStretchMs = 50): void {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byFn = new Map<string, number>();
  const byUrl = new Map<string, number>();
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\//, '') || '(native)'}:${n.callFrame.lineNumber}`;
  for (const n of profile.nodes) {
    const ms = self.get(n.id) ?? 0;
    const url = n.callFrame.url.replace(/^.*\//, '') || '(native)';
    byFn.set(label(n), (byFn.get(label(n)) ?? 0) + ms);
    byUrl.set(url, (byUrl.get(url) ?? 0) + ms);
  }
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // Busy stretches of the main thread (no idle sample for ≥ minStretchMs), each with its heaviest functions (inclusive).
  let start = -1;
  let t = 0;
  let busy = 0;
  const stretches: { at: number; ms: number; incl: Map<string, number> }[] = [];
  let incl = new Map<string, number>();
  const inclusive = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    t += dt;
    const idle = byId.get(id)?.callFrame.functionName === '(idle)';
    if (idle) {
      if (start >= 0 && t - start >= minStretchMs) stretches.push({ at: start, ms: t - start, incl });
      start = -1;
      incl = new Map();
      return;
    }
    busy += dt;
    if (start < 0) start = t;
    const names = new Set<string>();
    const labels = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const node = byId.get(n)!;
      const f = node.callFrame;
      if (f.functionName && !f.functionName.startsWith('(')) names.add(`${f.functionName}:${f.lineNumber}`);
      labels.add(label(node));
    }
    for (const name of names) incl.set(name, (incl.get(name) ?? 0) + dt);
    for (const name of labels) inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
  });
  for (const s of stretches.sort((a, b) => b.ms - a.ms).slice(0, 12)) {
    console.log(`  忙 ${s.ms.toFixed(0)} ms @${(s.at / 1000).toFixed(1)} s: ${[...s.incl].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([f, ms]) => `${f} ${ms.toFixed(0)}`).join(' · ')}`);
  }
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([f, ms]) => `    ${ms.toFixed(0).padStart(7)} ms  ${f}`).join('\n');
  console.log(`主线程 CPU 剖析：共 ${(t / 1000).toFixed(1)} s，忙 ${busy.toFixed(0)} ms\n 自身时间：\n${top(byFn, 25)}\n  按脚本：\n${top(byUrl, 8)}\n 含调用（inclusive）：\n${top(inclusive, 40)}`);
}
