# syntax=docker/dockerfile:1
# Delegate Desk: a multi-stage image. The build stage runs the README's install from the lock file
# (`npm ci`: its postinstall generates the Prisma clients and runs `npm run build`, tsc → dist/), then
# drops the dev dependencies. The runtime stage has no compiler and runs as the unprivileged `node` user.
# Not built on the development machines (no Docker engine there): see README → Deployment → Docker.

FROM node:20-bookworm AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary can be downloaded: python3, make and g++
# are in this (full) image.
COPY . .
RUN npm ci --no-audit --no-fund \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    CONSOLE=0
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# Read at run time: the migrations' SQL and the data set loaded into an empty database.
COPY --from=build --chown=node:node /app/prisma ./prisma
COPY --from=build --chown=node:node /app/data ./data
# A place for the SQLite file that a volume can be mounted on, owned by the user the bot runs as
# (DATABASE_URL=file:/app/db/delegate-desk.db). Compose uses PostgreSQL instead.
RUN mkdir -p /app/db && chown node:node /app/db
USER node
EXPOSE 3000
# Liveness: the process serves HTTP. Load balancers should use /readyz (database and platforms up).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# package.json's start script, without npm in between (npm would not pass SIGTERM on for a clean stop).
# A 1 MB young generation: the bot allocates little per command, and the default 16 MB semi-spaces cost idle memory (issue 15).
CMD ["node", "--max-semi-space-size=1", "dist/src/main.js"]
