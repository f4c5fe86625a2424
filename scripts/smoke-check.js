#!/usr/bin/env node
/** Checks a running gateway the way a new user would: a village's households with members, and the duty matrix. */
const url = process.argv[2] ?? 'http://localhost:4000/graphql';
let token;

async function gql(query, variables) {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

(async () => {
  // A caseworker token from the development secret `npm start` created (or AUTH_JWT_SECRET).
  const { loadOrCreateDevSecrets, mintToken } = require('../gateway/dist/auth/devSecrets.js');
  token = await mintToken(process.env.AUTH_JWT_SECRET || loadOrCreateDevSecrets().jwtSecret, { role: 'caseworker', sub: 'smoke-check' });
  const anonymous = await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ households(first: 1) { totalCount } }"}' })).json();
  if (anonymous.errors?.[0]?.extensions?.code !== 'UNAUTHENTICATED') throw new Error('a query without a token was not refused');
  const { households } = await gql('{ households(first: 1) { nodes { regionCode } } }');
  const village = households.nodes[0].regionCode;
  const page = await gql('query($v: String!) { households(filter: { regionPrefix: $v }, first: 5) { totalCount nodes { id members { id name } } } }', { v: village });
  if (!page.households.nodes.length || !page.households.nodes[0].members.length) throw new Error('no households with members');
  const { dutyAreas } = await gql('{ dutyAreas { code lead { code } support { code } } }');
  if (dutyAreas.length !== 19) throw new Error(`expected 19 duty areas, got ${dutyAreas.length}`);
  const html = await (await fetch(url, { headers: { accept: 'text/html' } })).text();
  if (!/graphiql/i.test(html)) throw new Error('no GraphiQL explorer at the gateway URL');
  console.log(`smoke ok: village ${village} has ${page.households.totalCount} households; ${dutyAreas.length} duty areas; explorer served`);
})().catch((error) => {
  console.error(`smoke check failed: ${error.message}`);
  process.exit(1);
});
