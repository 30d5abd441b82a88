// CPU profiles without command-line flags: the inspector's sampling profiler on this thread, and
// a summary of where the time went (self time by function and by package), for PERFORMANCE.md.
import { Session } from 'node:inspector';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Starts sampling (every `intervalUs`); the returned function stops and yields the profile. */
export async function startCpuProfile(intervalUs = 100): Promise<() => Promise<CpuProfile>> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: intervalUs });
  await post('Profiler.start');
  return async () => {
    const { profile } = (await post('Profiler.stop')) as { profile: CpuProfile };
    session.disconnect();
    return profile;
  };
}

/** `zod`, `undici`, `src/domain`, `node:internal`…: who owns a script URL. */
function owner(url: string): string {
  if (!url) return '(native/VM)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  const repo = /\/(src|bench|sandbox)\/([^/]+)/.exec(url);
  if (repo) return `${repo[1]}/${repo[2]}`;
  if (url.startsWith('node:')) return url.split('/')[0] ?? url;
  return url.split('/').slice(-2).join('/');
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time by package or source folder. */
  byOwner: Array<[string, number]>;
  /** Self time by function. */
  byFunction: Array<[string, number]>;
  /** Time with the function on the stack (callees included), named functions of this repo and its packages. */
  inclusive: Array<[string, number]>;
}

/** Time in ms by owner and by function (top `limit` each). */
export function summarizeProfile(profile: CpuProfile, limit = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const fn = new Map<string, number>();
  const own = new Map<string, number>();
  const incl = new Map<string, number>();
  const nameOf = (frame: ProfileNode['callFrame']): string => `${frame.functionName || '(anonymous)'} ${owner(frame.url)}:${frame.lineNumber + 1}`;
  let total = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    total += us;
    fn.set(nameOf(frame), (fn.get(nameOf(frame)) ?? 0) + us);
    own.set(owner(frame.url), (own.get(owner(frame.url)) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)?.callFrame;
      if (!f?.functionName || !f.url || f.url.startsWith('node:')) continue;
      const name = nameOf(f);
      if (!seen.has(name)) incl.set(name, (incl.get(name) ?? 0) + us);
      seen.add(name);
    }
  }
  const top = (m: Map<string, number>): Array<[string, number]> =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([k, v]) => [k, Math.round(v / 10) / 100]);
  return { totalMs: Math.round(total / 1000), byOwner: top(own), byFunction: top(fn), inclusive: top(incl) };
}
