# syntax=docker/dockerfile:1
# zenslackchat: build the server and its workspace packages, then run them on a slim Node image
# with production dependencies only, as the unprivileged `node` user.

ARG NODE_IMAGE=node:24-slim
ARG PNPM_VERSION=10.34.9

FROM ${NODE_IMAGE} AS base
ARG PNPM_VERSION
RUN npm install --global "pnpm@${PNPM_VERSION}" && npm cache clean --force
WORKDIR /app

# --- build: every dependency, compile TypeScript to dist/ -----------------------------------------
FROM base AS build
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm exec turbo run build --filter=@zenslackchat/server...

# --- runtime: manifests + dist + production dependencies ------------------------------------------
FROM base AS runtime
ENV NODE_ENV=production \
    PORT=8000 \
    DATA_DIR=/data
COPY --from=build /app/package.json /app/pnpm-lock.yaml /app/pnpm-workspace.yaml /app/.npmrc ./
COPY --from=build /app/packages/core/package.json packages/core/
COPY --from=build /app/packages/core/dist packages/core/dist
COPY --from=build /app/packages/adapters-memory/package.json packages/adapters-memory/
COPY --from=build /app/packages/adapters-memory/dist packages/adapters-memory/dist
COPY --from=build /app/packages/adapters-postgres/package.json packages/adapters-postgres/
COPY --from=build /app/packages/adapters-postgres/dist packages/adapters-postgres/dist
COPY --from=build /app/packages/adapters-slack/package.json packages/adapters-slack/
COPY --from=build /app/packages/adapters-slack/dist packages/adapters-slack/dist
COPY --from=build /app/packages/adapters-zendesk/package.json packages/adapters-zendesk/
COPY --from=build /app/packages/adapters-zendesk/dist packages/adapters-zendesk/dist
COPY --from=build /app/packages/adapter-kit/package.json packages/adapter-kit/
COPY --from=build /app/packages/adapter-kit/dist packages/adapter-kit/dist
COPY --from=build /app/packages/adapters-pagerduty/package.json packages/adapters-pagerduty/
COPY --from=build /app/packages/adapters-pagerduty/dist packages/adapters-pagerduty/dist
COPY --from=build /app/apps/server/package.json apps/server/
COPY --from=build /app/apps/server/dist apps/server/dist
RUN pnpm install --prod --frozen-lockfile --filter "@zenslackchat/server..." \
 && mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# `--role web` or `--role worker` to scale them separately; the CLI is `node apps/server/dist/cli/main.js`.
ENTRYPOINT ["node", "apps/server/dist/main.js"]
CMD ["--role", "all"]
