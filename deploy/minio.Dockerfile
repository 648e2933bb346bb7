# MinIO as a non-root user: the official image runs as root and declares a root-owned /data, and a
# new named volume copies the ownership of the folder it is mounted on. Here /data belongs to uid
# 1000 (the image has no shell to chown with, so the folder comes from a build stage), and the
# volume created on it is writable by the user the server runs as.
FROM busybox:1.37 AS data
RUN mkdir -p /data && chown 1000:1000 /data && chmod 700 /data

FROM minio/minio:latest
COPY --from=data --chown=1000:1000 /data /data
USER 1000:1000
