# dramabot: build with `docker build -t dramabot .`, run with
#   docker run --env-file .env -v dramabot-data:/app/state -p 9464:9464 dramabot
# (see README, Operations). SQLite lives in the volume; or point DATABASE_URL at Redis or Postgres.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# sqlite3 builds from source: it needs a compiler and Python.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .
# The bot runs compiled JavaScript (dist/), built here once: no TypeScript loader at run time.
RUN npm run data:check && npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    DATABASE_URL=sqlite:///app/state/dramabot.sqlite \
    METRICS_PORT=9464
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /app/state && chown node:node /app/state
USER node
VOLUME ["/app/state"]
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD node -e "fetch('http://127.0.0.1:'+process.env.METRICS_PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# One process (no npm wrapper) so SIGTERM from `docker stop` reaches the bot, which then drains its
# answers for up to 25 s: stop it with `docker stop -t 30`. scripts/start.mjs runs dist/ in its own
# process (what `npm start` runs); the build above is current, so it compiles nothing here.
STOPSIGNAL SIGTERM
CMD ["node", "scripts/start.mjs", "src/index.ts"]
