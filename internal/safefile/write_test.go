//go:build unix

package safefile

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

const (
	original = "<configuration>old</configuration>\n"
	migrated = "<configuration>new</configuration>\n"
)

func writeFile(t *testing.T, path, content string, mode fs.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

func readString(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// names lists a folder, to check that nothing else was left in it.
func names(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var n []string
	for _, e := range entries {
		n = append(n, e.Name())
	}
	return strings.Join(n, " ")
}

func TestReplaceKeepsExpectedContent(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "web.config")
	writeFile(t, path, original, 0o640)
	res, err := WriteFileAtomic(path, []byte(migrated), Options{Expect: []byte(original)})
	if err != nil {
		t.Fatal(err)
	}
	if got := readString(t, path); got != migrated {
		t.Errorf("content %q", got)
	}
	if st, _ := os.Stat(path); st.Mode() != 0o640 {
		t.Errorf("mode %v, want 0640", st.Mode())
	}
	if res.Path != path || res.Backup != "" || len(res.Notes) != 0 {
		t.Errorf("result %+v", res)
	}
	if got := names(t, dir); got != "web.config" {
		t.Errorf("folder holds %q", got)
	}
}

// Backups are numbered, never overwritten: a second --write --backup keeps
// the true original in web.config.bak.
func TestBackupsAreNeverOverwritten(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "web.config")
	writeFile(t, path, original, 0o644)
	res, err := WriteFileAtomic(path, []byte("half"), Options{Backup: ".bak"})
	if err != nil || res.Backup != path+".bak" {
		t.Fatalf("first: %v %+v", err, res)
	}
	res, err = WriteFileAtomic(path, []byte(migrated), Options{Backup: ".bak"})
	if err != nil || res.Backup != path+".bak.1" {
		t.Fatalf("second: %v %+v", err, res)
	}
	if got := readString(t, path+".bak"); got != original {
		t.Errorf(".bak holds %q, want the original", got)
	}
	if got := readString(t, path+".bak.1"); got != "half" {
		t.Errorf(".bak.1 holds %q", got)
	}
	if got := names(t, dir); got != "web.config web.config.bak web.config.bak.1" {
		t.Errorf("folder holds %q", got)
	}
}

// A symbolic link at the backup's name is never written through.
func TestBackupNeverFollowsALink(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "web.config")
	victim := filepath.Join(dir, "important")
	writeFile(t, path, original, 0o644)
	writeFile(t, victim, "precious", 0o644)
	if err := os.Symlink(victim, path+".bak"); err != nil {
		t.Fatal(err)
	}
	dangling := filepath.Join(dir, "nowhere")
	if err := os.Symlink(dangling, path+".bak.1"); err != nil {
		t.Fatal(err)
	}
	res, err := WriteFileAtomic(path, []byte(migrated), Options{Backup: ".bak"})
	if err != nil || res.Backup != path+".bak.2" {
		t.Fatalf("%v %+v", err, res)
	}
	if got := readString(t, victim); got != "precious" {
		t.Errorf("the link's target was overwritten: %q", got)
	}
	if _, err := os.Lstat(dangling); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a dangling link's target was created")
	}
	if got := readString(t, path+".bak.2"); got != original {
		t.Errorf("backup holds %q", got)
	}
}

// Owner, group, special bits and mode are kept on the file and its
// backup, whatever the umask.
func TestOwnerAndModeKept(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give files to another user")
	}
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	dir := t.TempDir()
	path := filepath.Join(dir, "web.config")
	writeFile(t, path, original, 0o644)
	if err := os.Chown(path, 1234, 5678); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Chmod(path, 0o2664); err != nil {
		t.Fatal(err)
	}
	mtime := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := os.Chtimes(path, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	res, err := WriteFileAtomic(path, []byte(migrated), Options{Backup: ".bak"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, res.Backup} {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		sys := st.Sys().(*syscall.Stat_t)
		if sys.Uid != 1234 || sys.Gid != 5678 {
			t.Errorf("%s: owner %d:%d, want 1234:5678", p, sys.Uid, sys.Gid)
		}
		if sys.Mode&0o7777 != 0o2664 {
			t.Errorf("%s: mode %o, want 2664", p, sys.Mode&0o7777)
		}
	}
	if st, _ := os.Stat(res.Backup); !st.ModTime().Equal(mtime) {
		t.Errorf("backup's modification time %v, want the original's", st.ModTime())
	}
}

// A file edited after it was read is not replaced: the edit would be lost.
func TestConcurrentEditRefused(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "web.config")
	writeFile(t, path, "edited meanwhile", 0o644)
	_, err := WriteFileAtomic(path, []byte(migrated), Options{Expect: []byte(original), Backup: ".bak"})
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("err %v, want ErrChanged", err)
	}
	if got := readString(t, path); got != "edited meanwhile" {
		t.Errorf("content %q", got)
	}

	// An edit in the last moment, after the content was compared.
	writeFile(t, path, original, 0o644)
	testHookBeforeRename = func(target string) {
		f, err := os.OpenFile(target, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString("<!-- late edit -->")
		f.Close()
	}
	defer func() { testHookBeforeRename = nil }()
	_, err = WriteFileAtomic(path, []byte(migrated), Options{Expect: []byte(original), Backup: ".bak"})
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("late edit: err %v, want ErrChanged", err)
	}
	if got := readString(t, path); got != original+"<!-- late edit -->" {
		t.Errorf("content %q", got)
	}
	if got := names(t, dir); got != "web.config" {
		t.Errorf("a refused write left %q (the backup must go too)", got)
	}
}

func TestSymlinkedFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "shared.config")
	link := filepath.Join(dir, "web.config")
	writeFile(t, target, original, 0o644)
	if err := os.Symlink("shared.config", link); err != nil {
		t.Fatal(err)
	}
	res, err := WriteFileAtomic(link, []byte(migrated), Options{Expect: []byte(original), FollowSymlinks: true, Backup: ".bak"})
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); st.Mode()&fs.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if got := readString(t, target); got != migrated {
		t.Errorf("target holds %q", got)
	}
	if res.Path != target || res.Backup != target+".bak" || len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "is a symbolic link; wrote its target") {
		t.Errorf("result %+v", res)
	}

	// Not followed (a report): the link is replaced, its target untouched.
	writeFile(t, target, original, 0o644)
	if _, err := WriteFileAtomic(link, []byte("report"), Options{}); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Lstat(link); !st.Mode().IsRegular() || readString(t, link) != "report" {
		t.Error("the link was not replaced by the report")
	}
	if got := readString(t, target); got != original {
		t.Errorf("a link not to be followed was written through: %q", got)
	}
}

func TestHardLinkNoted(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "web.config")
	other := filepath.Join(dir, "other.config")
	writeFile(t, path, original, 0o644)
	if err := os.Link(path, other); err != nil {
		t.Fatal(err)
	}
	res, err := WriteFileAtomic(path, []byte(migrated), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "had 2 hard links; the other names keep the old content") {
		t.Errorf("notes %q", res.Notes)
	}
	if readString(t, other) != original || readString(t, path) != migrated {
		t.Error("contents")
	}
}

// The temporary name does not grow with the file's: a file whose name has
// the longest length allowed can be replaced.
func TestLongName(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, strings.Repeat("w", 255-len(".config"))+".config")
	writeFile(t, path, original, 0o644)
	if _, err := WriteFileAtomic(path, []byte(migrated), Options{}); err != nil {
		t.Fatal(err)
	}
	// The backup's name cannot be longer: the write fails, nothing is left.
	writeFile(t, path, original, 0o644)
	_, err := WriteFileAtomic(path, []byte(migrated), Options{Backup: ".bak"})
	if err == nil || !strings.Contains(err.Error(), "writing the backup") {
		t.Fatalf("err %v", err)
	}
	if readString(t, path) != original || names(t, dir) != filepath.Base(path) {
		t.Errorf("a failed write changed the folder: %q", names(t, dir))
	}
}

func TestLeftoversRemoved(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "web.config")
	writeFile(t, path, original, 0o644)
	stale := filepath.Join(dir, ".iiscfg-abc.tmp")
	legacy := filepath.Join(dir, ".web.config.iiscfg-123")
	fresh := filepath.Join(dir, ".iiscfg-new.tmp")
	locked := filepath.Join(dir, ".iiscfg-busy.tmp")
	long := time.Now().Add(-time.Hour)
	for _, p := range []string{stale, legacy, fresh, locked} {
		writeFile(t, p, "secret", 0o600)
		if p != fresh {
			os.Chtimes(p, long, long)
		}
	}
	f, err := os.Open(locked)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lockFile(f)
	res, err := WriteFileAtomic(path, []byte(migrated), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Notes) != 2 || !strings.Contains(res.Notes[0], "removed "+stale) || !strings.Contains(res.Notes[1], "removed "+legacy) {
		t.Errorf("notes %q", res.Notes)
	}
	if got := names(t, dir); got != ".iiscfg-busy.tmp .iiscfg-new.tmp web.config" {
		t.Errorf("folder holds %q", got)
	}
}

func TestNotRegularNotWritten(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "web.config")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	_, err := WriteFileAtomic(fifo, []byte(migrated), Options{})
	var nr *NotRegularError
	if !errors.As(err, &nr) {
		t.Fatalf("err %v", err)
	}
}

func TestCreate(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	dir := t.TempDir()
	path := filepath.Join(dir, "web.config")
	if _, err := WriteFileAtomic(path, []byte(migrated), Options{Perm: 0o644}); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(path); st.Mode() != 0o640 {
		t.Errorf("mode %v, want 0644 less the umask", st.Mode())
	}
	// Expecting content, a file that is gone is not created again.
	os.Remove(path)
	if _, err := WriteFileAtomic(path, []byte(migrated), Options{Expect: []byte(original)}); !errors.Is(err, ErrChanged) {
		t.Errorf("err %v", err)
	}
}

// The kernel decides who may write, not the mode bits: a user who owns
// the folder but not the file cannot replace the file.
func TestWriteAccessIsTheKernels(t *testing.T) {
	if os.Getenv("SAFEFILE_AS_NOBODY") != "" {
		path := os.Getenv("SAFEFILE_AS_NOBODY")
		_, err := WriteFileAtomic(path, []byte(migrated), Options{})
		if err == nil || !strings.Contains(err.Error(), "no permission to write the file") {
			t.Fatalf("err %v", err)
		}
		return
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root to run as another user")
	}
	base, err := os.MkdirTemp("", "safefile")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(base)
	os.Chmod(base, 0o755)
	bin := filepath.Join(base, "test.bin")
	self, _ := os.Executable()
	data, err := os.ReadFile(self)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, bin, string(data), 0o755)
	dir := filepath.Join(base, "site")
	os.Mkdir(dir, 0o755)
	const nobody = 65534
	os.Chown(dir, nobody, nobody)
	path := filepath.Join(dir, "web.config")
	writeFile(t, path, original, 0o644) // root's, not writable by nobody
	cmd := exec.Command(bin, "-test.run=^TestWriteAccessIsTheKernels$")
	cmd.Env = append(os.Environ(), "SAFEFILE_AS_NOBODY="+path)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got := readString(t, path); got != original {
		t.Errorf("replaced: %q", got)
	}
	if st, _ := os.Stat(path); st.Sys().(*syscall.Stat_t).Uid != 0 {
		t.Error("owner changed")
	}
}
