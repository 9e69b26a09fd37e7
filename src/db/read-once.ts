/**
 * Repositories for one read-only pass (the digest): the reads several parts of it share (silence
 * procedures, nominations, positions on the same refs, deadlines, plan proposals) go to the database
 * once, and every later call with the same arguments gets the same answer. Never used for a write:
 * what it returns is a snapshot of the moment of the first call.
 */
import type { Repos } from "./repos.ts";

function memo<A extends unknown[], R>(fn: (...a: A) => Promise<R>): (...a: A) => Promise<R> {
  const seen = new Map<string, Promise<R>>();
  return (...a: A) => {
    const key = JSON.stringify(a);
    let p = seen.get(key);
    if (!p) {
      p = fn(...a);
      seen.set(key, p);
      p.catch(() => seen.delete(key)); // a failed read is not remembered
    }
    return p;
  };
}

export function readOnce(repos: Repos): Repos {
  return {
    ...repos,
    silence: { ...repos.silence, all: memo(repos.silence.all), running: memo(repos.silence.running), about: memo(repos.silence.about) },
    nominations: { ...repos.nominations, all: memo(repos.nominations.all), byIds: memo(repos.nominations.byIds) },
    deadlines: { ...repos.deadlines, between: memo(repos.deadlines.between) },
    time: { ...repos.time, positionsOn: memo(repos.time.positionsOn), planProposals: memo(repos.time.planProposals), commenters: memo(repos.time.commenters) },
  };
}
