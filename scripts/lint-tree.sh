#!/bin/sh
# lint-tree.sh N DIR [CORPUS]: build the tree the lint benchmarks use: N
# application folders DIR/app00001 ... each holding one web.config, copied in
# turn from the corpus's web.config files (names ending in web.config, any
# letter case, sorted). CORPUS defaults to ../shared/corpus beside the
# repository. Build DIR outside any git checkout, so that no .gitignore and no
# parent web.config is in play. BenchmarkLintTree builds the same tree.
set -eu
n=$1
dir=$2
corpus=${3:-$(dirname "$0")/../../shared/corpus}
[ -d "$corpus/webconfig" ] || { echo "lint-tree.sh: no corpus at $corpus" >&2; exit 2; }
set --
for f in $(cd "$corpus/webconfig" && ls | LC_ALL=C sort); do
  case $(printf '%s' "$f" | tr 'A-Z' 'a-z') in *web.config) set -- "$@" "$f" ;; esac
done
[ $# -gt 0 ] || { echo "lint-tree.sh: no web.config in $corpus/webconfig" >&2; exit 2; }
mkdir -p "$dir"
i=0
while [ "$i" -lt "$n" ]; do
  for f in "$@"; do
    [ "$i" -lt "$n" ] || break
    i=$((i + 1))
    app=$(printf '%s/app%05d' "$dir" "$i")
    mkdir -p "$app"
    cp "$corpus/webconfig/$f" "$app/web.config"
  done
done
