#!/usr/bin/env bash
# Runs Windows builds of the tests under Wine, on Linux, for the
# Windows-specific code (files *_windows.go): safefile's rename over a file
# another process holds, the read-only attribute, report paths.
#
#   apt-get install wine64 gcc-mingw-w64-x86-64-win32
#   scripts/windows-tests.sh [PACKAGE...]      (default: ./internal/safefile ./report)
#
# Go 1.22+ needs ProcessPrng from bcryptprimitives.dll, which Wine 8 lacks:
# a small stand-in (on top of RtlGenRandom) is built with MinGW into the
# Wine prefix. Wine 8 also lacks what os.RemoveAll uses, so t.TempDir's
# cleanup fails with "Invalid function"; those lines are not failures of
# the code under test and are dropped, and a test whose only complaint
# they were counts as passed.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=("$@")
[ "${#packages[@]}" -gt 0 ] || packages=(./internal/safefile ./report)

wine=$(command -v wine64 || echo /usr/lib/wine/wine64)
[ -x "$wine" ] || { echo "windows-tests: wine64 is not installed" >&2; exit 2; }
command -v x86_64-w64-mingw32-gcc >/dev/null || { echo "windows-tests: x86_64-w64-mingw32-gcc is not installed" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export WINEDEBUG=-all WINEPREFIX=${WINEPREFIX:-$HOME/.cache/iiscfg-wine}
if [ ! -f "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" ]; then
  "$wine" cmd /c exit >/dev/null 2>&1 || true # creates the prefix
  cat > "$work/prng.c" <<'C'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID, ULONG); /* RtlGenRandom */
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  while (len > 0) {
    ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
    if (!SystemFunction036(data, n)) return FALSE;
    data += n; len -= n;
  }
  return TRUE;
}
C
  printf 'EXPORTS\nProcessPrng\n' > "$work/prng.def"
  x86_64-w64-mingw32-gcc -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" "$work/prng.c" "$work/prng.def" -ladvapi32
fi

status=0
for pkg in "${packages[@]}"; do
  exe="$work/$(basename "$pkg").test.exe"
  GOOS=windows GOARCH=amd64 go test -c -o "$exe" "$pkg"
  # Run in the package's folder, as go test does, and judge by the
  # messages that are left once the cleanup lines are gone.
  out=$(cd "$pkg" && "$wine" "$exe" -test.v 2>&1 || true)
  failures=$(printf '%s\n' "$out" | grep -v 'TempDir RemoveAll cleanup' | awk '
    /^=== RUN/ { name = $3; next }
    /^ +[^ ].*_test\.go:[0-9]+:/ { bad[name] = 1 }
    /^(panic|fatal error)/ { bad["(crash)"] = 1 }
    END { for (n in bad) print n }')
  if [ -n "$failures" ]; then
    printf '%s\n' "$out" | grep -v 'TempDir RemoveAll cleanup'
    echo "windows-tests: $pkg: failed: $(echo $failures)" >&2
    status=1
  else
    echo "ok   $pkg (windows/amd64 under wine; $(printf '%s\n' "$out" | grep -c '^=== RUN') tests)"
  fi
done
exit $status
