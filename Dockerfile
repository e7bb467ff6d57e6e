# syntax=docker/dockerfile:1
#
# docker build -t storybot .
# docker run -d --name storybot \
#   -e DISCORD_TOKEN=... \
#   -v "$PWD/config.yaml:/etc/storybot/config.yaml:ro" \
#   -v storybot-data:/data -p 8080:8080 storybot

# Build: a static binary, no cgo, paths and symbols stripped.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o /out/storybot ./cmd/storybot
# distroless has no shell to make the volume directory, so make it here,
# owned by the nonroot user (65532) the final image runs as.
RUN mkdir -p /out/data

# Run: distroless static, non-root, nothing but the binary and CA roots.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/storybot /usr/local/bin/storybot
COPY --from=build --chown=65532:65532 /out/data /data
# The default configuration and the example corpus it names; mount your own
# config.yaml over it.
COPY config.yaml /etc/storybot/config.yaml
COPY examples /etc/storybot/examples
USER 65532:65532

# The store and index live on the volume; the HTTP listener must accept
# connections from outside the container for /healthz and /interactions.
# /metrics stays on the container's loopback (http.metrics_listen): its
# labels name sources. To scrape it, set STORYBOT_METRICS_LISTEN=:9090 and
# publish that port on a private network only.
# DISCORD_TOKEN is read from the environment only: pass it with -e.
ENV STORYBOT_DATA_DIR=/data \
    STORYBOT_HTTP_LISTEN=:8080 \
    STORYBOT_LOG_FORMAT=json
VOLUME ["/data"]
EXPOSE 8080

# No curl in distroless: the binary checks its own /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["/usr/local/bin/storybot", "healthcheck"]

ENTRYPOINT ["/usr/local/bin/storybot"]
CMD ["--config", "/etc/storybot/config.yaml", "run"]
