import type { Client, Notification } from 'pg';

/*
 * Notifications on the embedded PGlite. PGlite is one PostgreSQL backend that pglite-socket shares
 * between all connections, and it hands each reply to the connection whose message produced it. A
 * backend that LISTENs notifies itself at commit, so the NotificationResponse of a NOTIFY goes to
 * the connection that committed the write, never to the connection that sent LISTEN (PGlite's own
 * `db.listen` does not see them either: the socket server runs the protocol raw). Everything that
 * connects to the embedded database lives in the subgraph's process, though, so the hub taps the
 * writers' connections: the DataSource's pool (the department's writes) and bulk loads' clients
 * (below). On PostgreSQL those connections never LISTEN and receive nothing, so the taps are inert.
 */

type Sink = (payload: string) => void;

/** Hubs on an embedded database, by endpoint (host:port/database). */
const sinks = new Map<string, Set<Sink>>();
/** Connections already tapped, so that a notification is never forwarded twice. */
const tapped = new WeakSet<object>();

type Endpoint = Pick<Client, 'host' | 'port' | 'database'>;

export function endpointOf(client: Endpoint): string {
  return `${client.host}:${client.port}/${client.database ?? ''}`;
}

/** A hub on an embedded database receives what the connections tapped on its endpoint receive. */
export function registerLocalSink(endpoint: string, sink: Sink): () => void {
  let set = sinks.get(endpoint);
  if (!set) sinks.set(endpoint, (set = new Set()));
  set.add(sink);
  return () => {
    set!.delete(sink);
    if (set!.size === 0) sinks.delete(endpoint);
  };
}

/**
 * Forwards the notifications `client` receives on `channel` to the hubs on its endpoint (none: a
 * no-op). Returns the undo; a client tapped already (a hub's pool) stays tapped once.
 */
export function tapNotifications(client: Endpoint & Pick<Client, 'on' | 'off'>, channel: string): () => void {
  if (tapped.has(client)) return () => undefined;
  const endpoint = endpointOf(client);
  const listener = (message: Notification) => {
    if (message.channel !== channel || message.payload === undefined) return;
    for (const sink of sinks.get(endpoint) ?? []) sink(message.payload);
  };
  tapped.add(client);
  client.on('notification', listener);
  return () => {
    tapped.delete(client);
    client.off('notification', listener);
  };
}
