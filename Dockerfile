# Production image: Node 22 LTS, only production dependencies (no embedded PostgreSQL:
# it is a development dependency, so DATABASE_URL is required), running as the `node` user.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY web/package.json web/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim
# text recognition of scanned PDFs (documents/ingest/ocr.ts): ocrmypdf, Tesseract and its Vietnamese model
RUN apt-get update \
 && apt-get install -y --no-install-recommends ocrmypdf tesseract-ocr-vie \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    HOPSO_DATA_DIR=/data
COPY --from=build --chown=node:node /app/package.json /app/package.json
COPY --from=build --chown=node:node /app/node_modules /app/node_modules
COPY --from=build --chown=node:node /app/shared/package.json /app/shared/package.json
COPY --from=build --chown=node:node /app/shared/dist /app/shared/dist
COPY --from=build --chown=node:node /app/web/package.json /app/web/package.json
COPY --from=build --chown=node:node /app/server/package.json /app/server/package.json
COPY --from=build --chown=node:node /app/server/dist /app/server/dist
COPY --from=build --chown=node:node /app/server/fonts /app/server/fonts
COPY --from=build --chown=node:node /app/web/dist /app/web/dist
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
CMD ["node", "server/dist/server/src/main.js"]
