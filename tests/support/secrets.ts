/**
 * Jest setup: the secrets every gateway and subgraph of a test run share, as `npm start` would
 * hand them over from .data/dev-secrets.json.
 */
process.env.AUTH_JWT_SECRET = 'test-jwt-secret-not-for-production-0123456789';
process.env.SUBGRAPH_SIGNING_SECRET = 'test-signing-secret-not-for-production-0123456789';
