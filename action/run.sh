#!/usr/bin/env bash
# Runs iiscfg for the GitHub Action (action.yml) and records its exit code;
# the step itself succeeds, so that the SARIF upload can run before the
# action fails on that code.
#
# Environment (set by action.yml):
#   RUN_BIN     the binary that install.sh put in place
#   RUN_ARGS       the command and its flags: "lint", "lint --fail-on warning",
#                  "migrate --check". Split like a shell splits words, quotes
#                  kept together; nothing is expanded or run.
#   RUN_PATH       what to check, one path a line (default ".")
#   RUN_SARIF      write a SARIF report here (lint only)
#   GITHUB_OUTPUT  gets exit-code=N
set -euo pipefail

fail() {
  echo "::error title=iiscfg::$*" >&2
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "exit-code=2" >> "$GITHUB_OUTPUT"; fi
  exit 2
}

args=()
RUN_ARGS=${RUN_ARGS:-}
if [ -n "${RUN_ARGS//[[:space:]]/}" ]; then
  # xargs splits words and honours quotes without expanding $(...), * or ~.
  split=$(mktemp)
  printf '%s' "$RUN_ARGS" | xargs printf '%s\0' > "$split" || fail "args: cannot split \"$RUN_ARGS\" into words (unbalanced quotes?)"
  while IFS= read -r -d '' a; do args+=("$a"); done < "$split"
  rm -f "$split"
fi
[ "${#args[@]}" -gt 0 ] || args=(lint)

if [ "${args[0]}" = lint ]; then
  has_format=
  for a in "${args[@]}"; do
    case "$a" in --format | --format=*) has_format=1 ;; esac
  done
  # Annotations on the pull request unless the caller chose a report.
  [ -n "$has_format" ] || args+=(--format github)
  if [ -n "${RUN_SARIF:-}" ]; then
    args+=(--format "sarif=$RUN_SARIF")
  fi
elif [ -n "${RUN_SARIF:-}" ]; then
  fail "sarif is a report of lint; args starts with \"${args[0]}\""
fi

paths=()
while IFS= read -r p; do
  [ -n "${p//[[:space:]]/}" ] && paths+=("$p")
done <<< "${RUN_PATH:-.}"
[ "${#paths[@]}" -gt 0 ] || paths=(.)

echo "iiscfg ${args[*]} ${paths[*]}" >&2
code=0
"${RUN_BIN:-iiscfg}" "${args[@]}" -- "${paths[@]}" || code=$?
if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "exit-code=$code" >> "$GITHUB_OUTPUT"; fi
echo "iiscfg exited $code" >&2
