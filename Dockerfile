# syntax=docker/dockerfile:1
# iiscfg in a container (README, "Container"). Two images from one file:
#   docker build -t iiscfg .                          FROM scratch: the static binary alone
#   docker build --target busybox -t iiscfg:busybox .   with a shell, for CI systems that run
#                                                       their script inside the image (GitLab CI)
# Release builds pass VERSION, COMMIT and DATE (.github/workflows/release.yml).
# Checked by TestDockerfile.

ARG GO_VERSION=1.25

# Cross-compiles on the build machine's own platform: no emulation for arm64.
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine AS build
ARG TARGETOS TARGETARCH
ARG VERSION=(devel)
ARG COMMIT=unknown
ARG DATE=unknown
WORKDIR /go/src/iiscfg
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH go build -trimpath \
      -ldflags "-s -w -X github.com/iiscfg/iiscfg/internal/buildinfo.version=$VERSION -X github.com/iiscfg/iiscfg/internal/buildinfo.commit=$COMMIT -X github.com/iiscfg/iiscfg/internal/buildinfo.date=$DATE" \
      -o /out/iiscfg . \
 && mkdir /out/src

FROM busybox:1.37-musl AS busybox
COPY --from=build /out/iiscfg /usr/local/bin/iiscfg
COPY --from=build --chown=65532:65532 /out/src /src
USER 65532:65532
WORKDIR /src
ENTRYPOINT ["/usr/local/bin/iiscfg"]
CMD ["lint", "."]

# The default image: last, so that a plain "docker build ." makes it.
FROM scratch
COPY --from=build /out/iiscfg /iiscfg
COPY --from=build --chown=65532:65532 /out/src /src
# No /etc/passwd in scratch: a numeric user, not root.
USER 65532:65532
WORKDIR /src
ENTRYPOINT ["/iiscfg"]
CMD ["lint", "."]
