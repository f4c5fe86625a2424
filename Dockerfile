# One image for the gateway and every subgraph; docker-compose.yml picks the command.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.base.json ./
COPY shared/package.json shared/
COPY gateway/package.json gateway/
COPY subgraphs/poverty-office/package.json subgraphs/poverty-office/
COPY subgraphs/education/package.json subgraphs/education/
COPY subgraphs/health/package.json subgraphs/health/
COPY subgraphs/civil-affairs/package.json subgraphs/civil-affairs/
COPY subgraphs/housing/package.json subgraphs/housing/
COPY subgraphs/finance/package.json subgraphs/finance/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
# The gateway's schema registry volume is mounted here; a new volume takes this owner.
RUN mkdir -p /app/.data/registry && chown -R node:node /app/.data
USER node
EXPOSE 4000 4001 4002 4003 4004 4005 4006
CMD ["node", "gateway/dist/main.js"]
