# Pillars in a container: built in stages, served by Next's standalone server as an unprivileged user.
# docker build -t pillars . ; see the README's "Container" section for the variables and compose.yaml.

# 1. Dependencies, from the lock file only (cached until it changes).
FROM node:20.20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# 2. The build: .next/standalone holds the server and the node_modules it needs.
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

# 3. The image: the standalone server, its static files, public/ and the migrations it applies at start.
FROM node:20.20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    PGLITE_DIR=/data/pglite \
    NODE_OPTIONS=--max-old-space-size=256
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
COPY --from=build --chown=node:node /app/public ./public
COPY --from=build --chown=node:node /app/db/migrations ./db/migrations
# The embedded database (when DATABASE_URL is unset) and the generated session secret live in volumes.
RUN mkdir -p /data /app/.data && chown node:node /data /app/.data
VOLUME ["/data"]
USER node
EXPOSE 3000
# Five misses in a row (over a minute: the first start migrates the database) mark it unhealthy.
HEALTHCHECK --interval=15s --timeout=5s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
