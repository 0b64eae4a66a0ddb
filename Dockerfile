# OpenAssure: one image for every role (`serve`, `worker`, `migrate`, the other CLI commands).
# The engines' models ship inside it: the OCR model in assets/, the face models in node_modules.
# scripts/check-image-build.sh runs these same steps without Docker (see docs/deploy.md).

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Manifests first, so that dependencies stay cached while the sources change.
COPY package.json package-lock.json ./
COPY web/capture/package.json web/capture/
COPY web/console/package.json web/console/
COPY packages/client/package.json packages/client/
RUN npm ci --no-audit --no-fund
COPY . .
# The server (dist/) and the two web apps (web/*/dist), then only what runs is kept.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    OPENASSURE_DATA_DIR=/var/lib/openassure
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/bin bin
COPY --from=build /app/dist dist
COPY --from=build /app/assets assets
COPY --from=build /app/web/capture/dist web/capture/dist
COPY --from=build /app/web/console/dist web/console/dist
RUN mkdir -p /var/lib/openassure && chown node:node /var/lib/openassure
# The image's own user (uid 1000), never root; the code is read-only to it.
USER node
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["node", "bin/openassure.js"]
CMD ["serve"]
