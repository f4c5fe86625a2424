/**
 * Serves an in-memory PGlite over pglite-socket from a child process, for tests/generator/pglite.test.ts.
 * It runs outside jest's module sandbox, because PGlite loads its WebAssembly through a dynamic
 * import() that jest only allows with --experimental-vm-modules. Sends { port } over IPC when ready,
 * and stops on SIGTERM or when the parent goes away.
 */
const { PGlite } = require('@electric-sql/pglite');
const { PGLiteSocketServer } = require('@electric-sql/pglite-socket');

(async () => {
  const schema = process.argv[2] || 'poverty_office';
  const db = await PGlite.create('memory://');
  // One backend for all connections: this search_path is every connection's.
  await db.exec(`CREATE SCHEMA IF NOT EXISTS "${schema}"; SET search_path TO "${schema}", public;`);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
  await server.start();
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
  process.send({ port: server.server.address().port });
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
