package cli

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func TestProgress(t *testing.T) {
	var buf lockedBuffer
	p := runProgress(&buf, 3, 0, time.Millisecond)
	p.done()
	p.done()
	time.Sleep(20 * time.Millisecond)
	p.finish()
	out := buf.b.String()
	if !strings.Contains(out, "\riiscfg: 2/3 files") || !strings.HasSuffix(out, "\r\x1b[K") {
		t.Errorf("got %q", out)
	}
	// A short run shows nothing; a pipe gets no progress at all.
	var quiet lockedBuffer
	runProgress(&quiet, 3, time.Hour, time.Millisecond).finish()
	if quiet.b.Len() != 0 || startProgress(&quiet, 3) != nil {
		t.Errorf("progress where there should be none: %q", quiet.b.String())
	}
}
