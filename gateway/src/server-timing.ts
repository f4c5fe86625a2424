import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

/** When a request started, and the intervals it spent waiting on subgraphs. */
interface RequestTiming {
  start: number;
  upstream: Array<[number, number]>;
}

/** Length of the union of intervals: parallel subgraph fetches count once. */
export function coveredLength(intervals: Array<[number, number]>): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [from, to] = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const [a, b] of sorted) {
    if (a > to) {
      if (to > from) total += to - from;
      [from, to] = [a, b];
    } else if (b > to) to = b;
  }
  if (to > from) total += to - from;
  return total;
}

/**
 * Adds `Server-Timing: total, upstream, gateway` to every GraphQL response: the request's time,
 * the time at least one subgraph fetch was in flight, and the rest, which is the gateway's own
 * overhead (parsing, planning, merging, serialising). The benchmarks read it (bench/README.md).
 */
export interface ServerTiming {
  plugin: GatewayPlugin;
  /** Records upstream time spent outside `fetch` (the in-process sector view). */
  recordUpstream(context: unknown, began: number, ended: number): void;
}

export function useServerTiming(): ServerTiming {
  const timings = new WeakMap<Request, RequestTiming>();
  const requestOf = (context: unknown) => (context as { request?: Request } | undefined)?.request as Request;
  return {
    recordUpstream(context, began, ended) {
      timings.get(requestOf(context))?.upstream.push([began, ended]);
    },
    plugin: {
    onRequest({ request }) {
      timings.set(request, { start: performance.now(), upstream: [] });
    },
    onFetch({ context }) {
      const timing = timings.get(requestOf(context));
      if (!timing) return;
      const began = performance.now();
      return () => {
        timing.upstream.push([began, performance.now()]);
      };
    },
    onResponse({ request, response }) {
      const timing = timings.get(request);
      if (!timing || response.headers.get('content-type')?.includes('event-stream')) return;
      const total = performance.now() - timing.start;
      const upstream = coveredLength(timing.upstream);
      response.headers.set('server-timing', `total;dur=${total.toFixed(1)}, upstream;dur=${upstream.toFixed(1)}, gateway;dur=${(total - upstream).toFixed(1)}`);
    },
    },
  };
}
