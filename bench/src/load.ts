import autocannon from 'autocannon';
import type { Dataset, Scenario } from './scenarios';

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Transport errors, non-2xx answers and GraphQL responses carrying errors. */
  errors: number;
  /** Mean of the gateway's own time over the request time (Server-Timing). */
  gatewayShare: number;
  gatewayMs: number;
}

export interface LoadOptions {
  /** Content type and the bench caller's token (Platform.headers). */
  headers: Record<string, string>;
  connections: number;
  durationSec: number;
  random: () => number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const timing = (header: string | undefined, name: string) => Number(new RegExp(`${name};dur=([\\d.]+)`).exec(header ?? '')?.[1]);

/**
 * Drives one scenario against one gateway for a fixed time at a fixed concurrency, with fresh random
 * variables per request. Latency is measured per request here (autocannon reports no p95).
 */
export async function runLoad(url: string, scenario: Scenario, data: Dataset, options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  let gatewayMs = 0;
  let totalMs = 0;
  let timed = 0;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.durationSec,
    timeout: 60,
    requests: [
      {
        method: 'POST',
        headers: options.headers,
        setupRequest(request, context) {
          context.start = process.hrtime.bigint();
          return { ...request, body: JSON.stringify({ query: scenario.query, variables: scenario.variables(data, options.random) }) };
        },
        onResponse(status, body, context, headers) {
          latencies.push(Number(process.hrtime.bigint() - (context.start as bigint)) / 1e6);
          if (status === 200 && body.includes('"errors"')) graphqlErrors++;
          const total = timing(headers['server-timing'], 'total');
          const own = timing(headers['server-timing'], 'gateway');
          if (total > 0 && own >= 0) {
            totalMs += total;
            gatewayMs += own;
            timed++;
          }
        },
      },
    ],
  });
  latencies.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    rps: result.requests.total / options.durationSec,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.non2xx + graphqlErrors,
    gatewayShare: timed ? gatewayMs / totalMs : NaN,
    gatewayMs: timed ? gatewayMs / timed : NaN,
  };
}

/** One request, for the SQL-per-page-size check; throws on errors. */
export async function runOnce(url: string, headers: Record<string, string>, scenario: Scenario, data: Dataset, random: () => number): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: scenario.query, variables: scenario.variables(data, random) }) });
  const body = (await res.json()) as { errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(`${scenario.id}: ${body.errors[0].message}`);
  return performance.now() - started;
}
