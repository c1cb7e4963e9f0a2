# syntax=docker/dockerfile:1
# moodmusic in a container: build with dev dependencies, ship only production ones, run as a non-root user.
#   docker build -t moodmusic .
#   docker run --env-file .env -p 3000:3000 -p 3978:3978 -v moodmusic-data:/data moodmusic
# NODE_VERSION: the current LTS major, one that CI tests (.ci/run runs the suite on 20, 22 and 24). On 24
# the store uses Node's built-in node:sqlite; better-sqlite3 is still installed (it is the driver on 20/22).
ARG NODE_VERSION=24

# 1. Build: compile the TypeScript (needs the dev dependencies) and better-sqlite3 (needs a compiler
#    when no prebuilt binary can be downloaded).
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
COPY scripts ./scripts
COPY prompts ./prompts
RUN npm run build

# 2. Production dependencies only, with the native module built for this Node.
FROM build AS deps
RUN rm -rf node_modules && npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3

# 3. Runtime: no compiler, no dev dependencies, no root.
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    SQLITE_PATH=/data/moodmusic.db \
    SLACK_PORT=3000 \
    TEAMS_PORT=3978
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json README.md LICENSE ./
COPY --chown=root:root bin ./bin
COPY --chown=root:root prompts ./prompts
# The image's files stay root-owned and read-only to the bot; only /data (the SQLite file) is writable.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000 3978
# /healthz answers 200 while the database is reachable; bin/healthcheck.js asks every HTTP adapter that runs.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["node", "bin/healthcheck.js"]
STOPSIGNAL SIGTERM
CMD ["node", "bin/moodmusic.js", "start"]
