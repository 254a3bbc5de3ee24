#!/usr/bin/env bash
# Installs iiscfg for the GitHub Action (action.yml): the released binary for
# the runner's OS and architecture, checked against the release's
# checksums.txt, or "go install" when the release has no binary for it.
#
# Environment (set by action.yml; the RUNNER_* and GITHUB_* ones by GitHub):
#   INSTALL_VERSION  "latest", or a release tag: v1.2.3 (1.2.3 works too)
#   RELEASES_URL     the releases page; a mirror or a test server may stand in
#   RUNNER_OS        Linux | macOS | Windows
#   RUNNER_ARCH      X64 | ARM64 | ...
#   RUNNER_TEMP      where the binary goes (a folder of its own under it)
#   GITHUB_OUTPUT    gets path=<binary> and source=release|go-install
#   GITHUB_PATH      gets the binary's folder, so later steps can run iiscfg
set -euo pipefail

module=github.com/iiscfg/iiscfg
version=${INSTALL_VERSION:-latest}
releases=${RELEASES_URL:-https://github.com/iiscfg/iiscfg/releases}
dir="${RUNNER_TEMP:?RUNNER_TEMP is not set}/iiscfg-bin"

fail() { echo "::error title=iiscfg install::$*" >&2; exit 1; }

case "$version" in
  latest) base="$releases/latest/download" ;;
  v[0-9]*) base="$releases/download/$version" ;;
  [0-9]*) version="v$version"; base="$releases/download/$version" ;;
  *) fail "version must be latest or a release tag such as v1.2.3, not \"$version\"" ;;
esac

os=; arch=; exe=
case "${RUNNER_OS:-}" in
  Linux) os=linux ;;
  macOS) os=darwin ;;
  Windows) os=windows; exe=.exe ;;
esac
case "${RUNNER_ARCH:-}" in
  X64) arch=amd64 ;;
  ARM64) arch=arm64 ;;
esac

sha256() {
  if command -v sha256sum >/dev/null; then sha256sum "$1" | cut -d' ' -f1
  else shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

# fetch URL FILE: 0 when downloaded, 2 when the server has no such file, 1 otherwise.
fetch() {
  local status
  status=$(curl -sSL --retry 3 --retry-connrefused -o "$2" -w '%{http_code}' "$1") || return 1
  case "$status" in
    200) return 0 ;;
    404) return 2 ;;
    *) echo "iiscfg install: $1: HTTP $status" >&2; return 1 ;;
  esac
}

# from_release: 0 when installed, 2 when the release has no binary for this runner.
from_release() {
  [ -n "$os" ] && [ -n "$arch" ] || return 2
  local archive="iiscfg_${os}_${arch}.tar.gz" work
  [ "$os" = windows ] && archive="iiscfg_${os}_${arch}.zip"
  work=$(mktemp -d)
  local rc=0
  fetch "$base/checksums.txt" "$work/checksums.txt" || rc=$?
  [ "$rc" = 0 ] || return "$rc"
  local want
  want=$(awk -v f="$archive" '$2 == f || $2 == "*" f { print $1 }' "$work/checksums.txt")
  [ -n "$want" ] || return 2
  fetch "$base/$archive" "$work/$archive" || rc=$?
  [ "$rc" = 0 ] || return 1
  local got
  got=$(sha256 "$work/$archive")
  if [ "$got" != "$want" ]; then
    # Never fall back here: a mismatch is a corrupted or tampered download.
    fail "$archive: SHA-256 is $got, but checksums.txt of $version says $want; not installed"
  fi
  mkdir -p "$dir"
  case "$archive" in
    *.zip)
      if command -v unzip >/dev/null; then
        unzip -o -q "$work/$archive" "iiscfg$exe" -d "$dir" || fail "$archive: unzip failed"
      else
        powershell -NoProfile -Command "Expand-Archive -Force -LiteralPath '$(cygpath -w "$work/$archive")' -DestinationPath '$(cygpath -w "$dir")'" ||
          fail "$archive: Expand-Archive failed"
      fi ;;
    *) tar -xzf "$work/$archive" -C "$dir" "iiscfg$exe" || fail "$archive: tar failed" ;;
  esac
  rm -rf "$work"
  echo "iiscfg install: $archive of $version, SHA-256 $got verified" >&2
}

rc=0
from_release || rc=$?
source=release
if [ "$rc" != 0 ]; then
  if [ "$rc" = 2 ]; then
    echo "iiscfg install: the $version release has no binary for ${RUNNER_OS:-?}/${RUNNER_ARCH:-?}; building it with go install" >&2
  else
    echo "::warning title=iiscfg install::could not download the $version release; building it with go install" >&2
  fi
  command -v go >/dev/null || fail "go install needs a Go toolchain: add actions/setup-go before this step, or use a runner that a release has a binary for"
  mkdir -p "$dir"
  GOBIN=$(cd "$dir" && pwd) go install "$module@$version" || fail "go install $module@$version failed"
  source=go-install
fi

bin="$dir/iiscfg$exe"
[ -x "$bin" ] || fail "$bin was not installed"
"$bin" version
folder=$dir
if command -v cygpath >/dev/null; then folder=$(cygpath -w "$dir"); bin=$(cygpath -w "$bin"); fi
if [ -n "${GITHUB_PATH:-}" ]; then echo "$folder" >> "$GITHUB_PATH"; fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "path=$bin"; echo "source=$source"; } >> "$GITHUB_OUTPUT"
fi
