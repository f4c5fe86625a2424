import autocannon from 'autocannon';
import { residentMiB, type Platform } from './platform';
import type { SoakResult } from './report';
import type { Dataset, Scenario } from './scenarios';

/**
 * A long run at a fixed rate on our gateway, sampling its resident memory every 10 s: errors and
 * memory growth are what it looks for.
 */
export async function runSoak(
  platform: Platform,
  scenario: Scenario,
  data: Dataset,
  options: { minutes: number; rate: number; say: (line: string) => void },
): Promise<SoakResult> {
  const gateway = platform.gateways.hive;
  options.say(`soak: ${scenario.id} for ${options.minutes} min at ${options.rate} req/s`);
  const samples: number[] = [residentMiB(gateway)];
  const timer = setInterval(() => samples.push(residentMiB(gateway)), 10_000);
  const latencies: number[] = [];
  let graphqlErrors = 0;
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  try {
    const result = await autocannon({
      url: gateway.url,
      connections: 8,
      duration: options.minutes * 60,
      timeout: 60,
      // autocannon's overallRate caps the whole run's request rate.
      ...({ overallRate: options.rate } as object),
      requests: [
        {
          method: 'POST',
          headers: platform.headers,
          setupRequest(request, context) {
            context.start = process.hrtime.bigint();
            return { ...request, body: JSON.stringify({ query: scenario.query, variables: scenario.variables(data, random) }) };
          },
          onResponse(status, body, context) {
            latencies.push(Number(process.hrtime.bigint() - (context.start as bigint)) / 1e6);
            if (status === 200 && body.includes('"errors"')) graphqlErrors++;
          },
        },
      ],
    });
    samples.push(residentMiB(gateway));
    latencies.sort((a, b) => a - b);
    return {
      minutes: options.minutes,
      rate: options.rate,
      requests: result.requests.total,
      errors: result.errors + result.non2xx + graphqlErrors,
      p95: latencies[Math.max(0, Math.ceil(latencies.length * 0.95) - 1)] ?? NaN,
      rssStart: samples[0],
      rssEnd: samples[samples.length - 1],
      rssMax: Math.max(...samples),
    };
  } finally {
    clearInterval(timer);
  }
}
