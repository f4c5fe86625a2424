import * as fs from 'node:fs/promises';
import { displayPath } from './paths';
import { signRequest } from '@saf/kit';

/**
 * Reads a subgraph's checked-in SDL. The message says which file and how to produce it,
 * since a missing file usually just means the subgraph's SDL was never printed.
 */
export async function readSdlFile(filePath: string): Promise<string> {
  let text: string;
  try {
    text = await fs.readFile(filePath, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found (run `npm run sdl` to print it)' : (err as Error).message;
    throw new Error(`Cannot read SDL file ${displayPath(filePath)}: ${why}`);
  }
  if (text.trim() === '') throw new Error(`SDL file ${displayPath(filePath)} is empty`);
  return text;
}

/**
 * Asks a running Federation subgraph for its SDL (`{ _service { sdl } }`), which unlike
 * introspection keeps the federation directives that composition needs.
 */
export async function fetchLiveSdl(url: string, timeoutMs = 5000, signingSecret = process.env.SUBGRAPH_SIGNING_SECRET): Promise<string> {
  const body = JSON.stringify({ query: '{ _service { sdl } }' });
  // Subgraphs answer only signed requests; composing reads the schema as the platform itself.
  const signed = signingSecret ? signRequest(signingSecret, { subject: 'compose', role: 'admin', region: '' }, body) : {};
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...signed },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const reason =
      e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.cause?.message ?? e.message);
    throw new Error(`Cannot fetch SDL from ${url}: ${reason}`);
  }
  const bodyText = await res.text();
  if (!res.ok) {
    throw new Error(`Cannot fetch SDL from ${url}: HTTP ${res.status} ${bodyText.slice(0, 200)}`);
  }
  let answer: { data?: { _service?: { sdl?: unknown } }; errors?: { message: string }[] };
  try {
    answer = JSON.parse(bodyText);
  } catch {
    throw new Error(`Cannot fetch SDL from ${url}: response is not JSON`);
  }
  const sdl = answer.data?._service?.sdl;
  if (typeof sdl !== 'string' || sdl.trim() === '') {
    const errs = answer.errors?.map((e) => e.message).join('; ');
    throw new Error(`Cannot fetch SDL from ${url}: no _service.sdl in the response${errs ? ` (${errs})` : ''}`);
  }
  return sdl;
}
