import { randomBytes } from 'node:crypto';
import { GraphQLError, Kind, type DocumentNode } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ANONYMOUS, IDENTITY_HEADER, isAnonymous, SIGNATURE_HEADER, signRequest, TIMESTAMP_HEADER, type Identity } from '@saf/kit';
import { unauthenticated, type TokenVerifier } from './tokens';

export interface AuthOptions {
  verify: TokenVerifier;
  /** The secret subgraphs check the gateway's signature with (SUBGRAPH_SIGNING_SECRET). */
  signingSecret: string;
  /** Root fields a caller without a token may query (AUTH_PUBLIC_FIELDS). Default: none. */
  publicFields?: readonly string[];
}

interface SignedConnection {
  identity: string;
  timestamp: string;
  signature: string;
}

/** The ws transport's connection parameters, interpolated from each subscription's context. */
export const SIGNED_CONNECTION_PARAMS = {
  [IDENTITY_HEADER]: '{context.safWs.identity}',
  [TIMESTAMP_HEADER]: '{context.safWs.timestamp}',
  [SIGNATURE_HEADER]: '{context.safWs.signature}',
};

/** Marks the sector view's own calls back into the gateway (in process, never over the network). */
export const COMBINING_HEADER = 'x-saf-combining';

export interface Auth {
  plugin: GatewayPlugin;
  /** The identity the gateway verified for a request (anonymous when it carried no token). */
  identityOf(request: Request): Identity;
  /** The header that makes an in-process call read exact cells (the sector view suppresses its own output). */
  combiningHeader: Record<string, string>;
  /** Verifies a graphql-ws connection's token (connection parameters); throws UNAUTHENTICATED. */
  authenticateConnection(params: Record<string, unknown> | undefined): Promise<Identity>;
}

/**
 * Who is calling, at the edge: verifies the bearer token once per request (401 with a reason when
 * it is expired, badly signed or malformed), lets an anonymous caller reach only the public root
 * fields, and signs every subgraph request with the caller's identity, its time and its body.
 */
export function useAuth(options: AuthOptions): Auth {
  const identities = new WeakMap<Request, Identity>();
  const nonce = randomBytes(24).toString('base64url');
  const publicFields = new Set(['__typename', ...(options.publicFields ?? [])]);
  const identityOf = (request: Request) => identities.get(request) ?? ANONYMOUS;

  const authenticate = async (headers: Headers | Record<string, unknown> | undefined): Promise<Identity> => {
    // The runtime's Request may come from another fetch implementation: no instanceof.
    const get = (name: string) => (isHeaders(headers) ? headers.get(name) : (headers?.[name] ?? headers?.[name[0].toUpperCase() + name.slice(1)]));
    const header = get('authorization');
    if (typeof header !== 'string' || header === '') return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthenticated('INVALID_TOKEN', 'the Authorization header must be "Bearer <token>"');
    const identity = await options.verify(match[1]);
    const combining = isHeaders(headers) ? headers.get(COMBINING_HEADER) : undefined;
    return combining === nonce ? { ...identity, combining: true } : identity;
  };

  const plugin: GatewayPlugin = {
    async onRequest({ request, serverContext, endResponse }) {
      try {
        const identity = await authenticate(request.headers);
        identities.set(request, identity);
        // The server context is where every later hook's context starts from.
        if (serverContext) (serverContext as { identity?: Identity }).identity = identity;
      } catch (error) {
        const refusal = error as GraphQLError;
        endResponse(
          new Response(JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: 'UNAUTHENTICATED', reason: refusal.extensions.reason } }] }), {
            status: 401,
            headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer' },
          }),
        );
      }
    },
    async onContextBuilding({ context, extendContext }) {
      // graphql-ws connections carry the token in their connection parameters instead.
      const identity =
        (context as { identity?: Identity }).identity ?? (await authenticate((context as { connectionParams?: Record<string, unknown> }).connectionParams));
      // Subscriptions reach subgraphs over graphql-ws: the signature goes in the connection
      // parameters (see SIGNED_CONNECTION_PARAMS), over an empty body.
      const signed = signRequest(options.signingSecret, identity, '');
      const safWs: SignedConnection = { identity: signed[IDENTITY_HEADER], timestamp: signed[TIMESTAMP_HEADER], signature: signed[SIGNATURE_HEADER] };
      extendContext({ identity, safWs } as never);
    },
    // At execution, not validation: validation results are cached per document, whoever asks.
    onExecute({ args, setResultAndStopExecution }) {
      const refusal = anonymousRefusal(args.contextValue as { identity?: Identity }, args.document, publicFields);
      if (refusal) setResultAndStopExecution({ errors: [refusal] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const refusal = anonymousRefusal(args.contextValue as { identity?: Identity }, args.document, publicFields);
      if (refusal) setResultAndStopExecution({ errors: [refusal] });
    },
    onFetch({ context, options: init, setOptions }) {
      const identity = (context as { identity?: Identity } | undefined)?.identity ?? ANONYMOUS;
      const body = typeof init.body === 'string' ? init.body : '';
      const headers = isHeaders(init.headers) ? Object.fromEntries(init.headers.entries()) : (init.headers as Record<string, string> | undefined);
      setOptions({ ...init, headers: { ...headers, ...signRequest(options.signingSecret, identity, body) } });
    },
  };
  return { plugin, identityOf, combiningHeader: { [COMBINING_HEADER]: nonce }, authenticateConnection: authenticate };
}

function isHeaders(value: unknown): value is Headers {
  return typeof (value as Headers | undefined)?.get === 'function';
}

/** An anonymous caller asking for anything but the public root fields gets UNAUTHENTICATED (401). */
function anonymousRefusal(context: { identity?: Identity }, document: DocumentNode, publicFields: ReadonlySet<string>): GraphQLError | null {
  if (context.identity && !isAnonymous(context.identity)) return null;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const refused = definition.selectionSet.selections.some((s) => s.kind !== Kind.FIELD || !publicFields.has(s.name.value));
    if (refused) {
      return new GraphQLError('a token is required: send "Authorization: Bearer <token>" (in development, `npm run token` prints one)', {
        extensions: { code: 'UNAUTHENTICATED', reason: 'MISSING_TOKEN', http: { status: 401 } },
      });
    }
  }
  return null;
}
