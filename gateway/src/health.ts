import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ReadinessState {
  /** A supergraph is loaded and one query has gone through the runtime. */
  ready: boolean;
  supergraph?: { path: string; hash: string; loadedAt: string; subgraphs: string[] };
  /** Why the last reload was rejected (the gateway still serves the last good one). */
  lastReloadError?: string;
  reason?: string;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * /health is liveness (the process answers: 200 always); /ready is readiness (200 only while a
 * supergraph is live and warmed, else 503) so a load balancer holds traffic until the gateway
 * can plan queries. Returns false when the request is not for either path.
 */
export function handleHealthRequest(
  req: IncomingMessage,
  res: ServerResponse,
  readiness: () => ReadinessState,
): boolean {
  const pathname = (req.url ?? '/').split('?')[0];
  if (pathname !== '/health' && pathname !== '/ready') return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return true;
  }
  if (pathname === '/health') {
    sendJson(res, 200, { status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
    return true;
  }
  const state = readiness();
  sendJson(res, state.ready ? 200 : 503, { status: state.ready ? 'ready' : 'not ready', ...state });
  return true;
}
