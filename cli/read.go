package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	ucli "github.com/urfave/cli/v2"

	"github.com/iiscfg/iiscfg/internal/safefile"
)

// inputLimit is the largest input this run reads (--max-size). One
// command runs per process; applyConfig sets it for every command that
// reads configuration files.
var inputLimit atomic.Int64

func init() { inputLimit.Store(safefile.DefaultMaxSize) }

// maxSizeFlag is --max-size.
func maxSizeFlag() ucli.Flag {
	return &ucli.StringFlag{Name: "max-size", EnvVars: envVar("max-size"), Value: "64MiB",
		Usage: "refuse inputs larger than this (bytes, or with a K, M or G suffix: 1024-based)"}
}

// setInputLimit reads --max-size, when the command has it.
func setInputLimit(c *ucli.Context) error {
	inputLimit.Store(safefile.DefaultMaxSize)
	s := c.String("max-size")
	if s == "" {
		return nil
	}
	n, err := parseSize(s)
	if err != nil {
		return usageError("--max-size: %v", err)
	}
	inputLimit.Store(n)
	return nil
}

// parseSize reads "64MiB", "64M", "100k", "1G" or a byte count.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	unit := int64(1)
	lower := strings.ToLower(t)
	for _, u := range []struct {
		suffixes []string
		mult     int64
	}{{[]string{"gib", "gb", "g"}, 1 << 30}, {[]string{"mib", "mb", "m"}, 1 << 20}, {[]string{"kib", "kb", "k"}, 1 << 10}, {[]string{"b"}, 1}} {
		found := false
		for _, suf := range u.suffixes {
			if strings.HasSuffix(lower, suf) {
				t, unit, found = strings.TrimSpace(t[:len(t)-len(suf)]), u.mult, true
				break
			}
		}
		if found {
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/unit {
		return 0, fmt.Errorf("%q is not a size (examples: 64MiB, 200M, 1G, 500000)", s)
	}
	return n * unit, nil
}

// readInput reads a file named on the command line or found by a walk:
// a regular file within the size limit (a named pipe or a device would
// hang or never end).
func readInput(path string) ([]byte, error) {
	data, err := safefile.ReadFile(path, inputLimit.Load())
	roomForInput(int64(len(data)))
	return data, withSizeHint(err)
}

// readStdin reads standard input, within the size limit.
func readStdin(r io.Reader) ([]byte, error) {
	data, err := safefile.ReadAll(r, inputLimit.Load())
	roomForInput(int64(len(data)))
	return data, withSizeHint(err)
}

// modelPerInputByte bounds what a parsed document keeps alive per byte of
// its file (measured: a 44 MB web.config of 600,000 <add> lines keeps
// about 450 MB alive).
const modelPerInputByte = 16

var roomMu sync.Mutex

// roomForInput raises the soft memory limit lint sets (gcPolicy) before a
// large input is parsed, so that its model fits under it: with the limit
// below what is live the collector runs almost without pause (that 44 MB
// file took four to five times the CPU). Files under 1 MiB, the usual
// web.config, fit in the default limit; a GOMEMLIMIT the user set is left
// alone, as is "no limit" (the other commands).
func roomForInput(size int64) {
	if size < 1<<20 || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	want := defaultSoftLimit + modelPerInputByte*size
	roomMu.Lock()
	defer roomMu.Unlock()
	if want <= debug.SetMemoryLimit(-1) {
		return // no limit, or a higher one
	}
	debug.SetMemoryLimit(want)
}

// roomForLive raises the soft memory limit to three times the live heap
// when it is below that: with a limit close to what is live the collector
// runs almost without pause. The limit is never lowered.
func roomForLive() {
	roomMu.Lock()
	defer roomMu.Unlock()
	raiseLimitToLive()
}

// raiseLimitToLive is roomForLive with roomMu held.
func raiseLimitToLive() {
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	if want := 3 * int64(live[0].Value.Uint64()); want > debug.SetMemoryLimit(-1) {
		debug.SetMemoryLimit(want)
	}
}

func withSizeHint(err error) error {
	var tl *safefile.TooLargeError
	if errors.As(err, &tl) {
		return fmt.Errorf("%w (--max-size raises it)", err)
	}
	return err
}
