package safefile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Options tune WriteFileAtomic. The zero value replaces or creates path.
type Options struct {
	// Expect is what the file held when it was read. When not nil, the
	// write is refused with ErrChanged if the file holds anything else
	// now, or is replaced, resized or touched before the rename.
	Expect []byte
	// Backup, when not empty, keeps the file's current content as
	// path+Backup before it is replaced. An existing backup is never
	// overwritten: the next free name of path+Backup+".1", ".2", ... is
	// taken instead (like cp --backup=numbered).
	Backup string
	// FollowSymlinks writes the target of a symbolic link at path (and
	// says so in Result.Notes). Without it a link at path is replaced by a
	// regular file and its target is left alone.
	FollowSymlinks bool
	// Perm is the mode of a file the write creates, less the umask
	// (default 0666, as os.Create).
	Perm fs.FileMode
}

// Result says what a write did.
type Result struct {
	Path   string   // the file written: path, or the target of its link
	Backup string   // the backup's name, "" without
	Notes  []string // what the user should know: a link followed, hard links split, leftovers removed
}

var (
	// ErrChanged: the file changed between the read and the write.
	ErrChanged = errors.New("the file changed since iiscfg read it (another program edited it?); run again")
	// ErrReadOnly: the file has no write permission bit at all.
	ErrReadOnly = errors.New("the file is read-only")
	// ErrAppeared: a file to be created exists by now.
	ErrAppeared = errors.New("the file was created by another program meanwhile")
)

// OwnerError: the new file cannot be given the old one's owner, and a
// write would silently hand the file to another user.
type OwnerError struct {
	UID, GID int
	Err      error
}

func (e *OwnerError) Error() string {
	return fmt.Sprintf("cannot keep its owner (uid %d, gid %d): %v; run as that user or as root", e.UID, e.GID, e.Err)
}

func (e *OwnerError) Unwrap() error { return e.Err }

// tempPrefix and tempSuffix name every temporary file; the name is short
// and independent of the file written, so that a file with a name of the
// longest length the file system allows can still be replaced.
const (
	tempPrefix = ".iiscfg-"
	tempSuffix = ".tmp"
)

// staleAge is how old an unlocked temporary file must be before it is
// taken for a leftover of an interrupted run (a live run locks its file
// right after creating it).
const staleAge = 10 * time.Second

// testHookBeforeRename lets a test edit the file in the last moment
// before the rename.
var testHookBeforeRename func(target string)

// WriteFileAtomic replaces path with data so that a reader, a crash or a
// full disk never sees anything but the old file or the new one: a
// temporary file in the same folder is written, given the old file's
// owner and mode (special bits included), synced, and renamed over it.
func WriteFileAtomic(path string, data []byte, opts Options) (res Result, err error) {
	res.Path = path
	target := path
	replace := false // whether a file (or a link not followed) is replaced
	st, err := os.Lstat(path)
	switch {
	case err == nil:
		replace = true
		if st.Mode()&fs.ModeSymlink != 0 && opts.FollowSymlinks {
			if target, err = filepath.EvalSymlinks(path); err != nil {
				return res, fmt.Errorf("is a symbolic link whose target cannot be reached: %w", err)
			}
			res.Path = target
			res.Notes = append(res.Notes, fmt.Sprintf("%s is a symbolic link; wrote its target %s", path, target))
			if st, err = os.Lstat(target); err != nil {
				return res, err
			}
		}
	case errors.Is(err, fs.ErrNotExist):
		st = nil
	default:
		return res, err
	}
	existing := st != nil && st.Mode()&fs.ModeSymlink == 0
	if existing && !st.Mode().IsRegular() {
		return res, &NotRegularError{Kind: describeKind(st.Mode())}
	}
	if !existing && opts.Expect != nil {
		return res, ErrChanged // removed (or replaced by a link) since it was read
	}
	var old []byte
	var before fs.FileInfo
	var readVersion version
	if existing {
		if st.Mode().Perm()&0o222 == 0 {
			return res, ErrReadOnly
		}
		if err := canWrite(target); err != nil {
			return res, fmt.Errorf("no permission to write the file (%w)", err)
		}
		if old, before, readVersion, err = readWithInfo(target); err != nil {
			return res, err
		}
		if opts.Expect != nil && !bytes.Equal(old, opts.Expect) {
			return res, ErrChanged
		}
		if n := linkCount(before); n > 1 {
			res.Notes = append(res.Notes, fmt.Sprintf("%s had %d hard links; the other names keep the old content", target, n))
		}
	}
	dir := filepath.Dir(target)
	res.Notes = append(res.Notes, removeLeftovers(dir, filepath.Base(target))...)

	perm := fs.FileMode(0o600) // the old mode is set once the owner is
	if !existing {
		perm = opts.Perm
		if perm == 0 {
			perm = 0o666
		}
	}
	tmp, err := createTemp(dir, perm)
	if err != nil {
		return res, err
	}
	defer func() {
		tmp.Close() // after the rename: the lock marks it as in use until then
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return res, err
	}
	if existing {
		if err = copyOwnerAndMode(tmp, before); err != nil {
			return res, err
		}
	}
	if err = tmp.Sync(); err != nil {
		return res, err
	}
	if existing && opts.Backup != "" {
		if res.Backup, err = writeBackup(target, opts.Backup, old, before); err != nil {
			return res, fmt.Errorf("writing the backup: %w", err)
		}
		defer func() {
			if err != nil {
				os.Remove(res.Backup)
				res.Backup = ""
			}
		}()
	}
	if testHookBeforeRename != nil {
		testHookBeforeRename(target)
	}
	releaseBeforeRename(tmp)
	switch {
	case existing:
		if now, serr := pathVersion(target); serr != nil || now != readVersion {
			return res, ErrChanged
		}
		err = renameReplacing(tmp.Name(), target)
	case replace:
		err = renameReplacing(tmp.Name(), target) // a link that is not followed
	default:
		if err = os.Link(tmp.Name(), target); err == nil {
			os.Remove(tmp.Name())
		} else if errors.Is(err, fs.ErrExist) {
			err = ErrAppeared
		} else if !errors.Is(err, fs.ErrNotExist) {
			err = renameNoReplace(tmp.Name(), target) // a file system without hard links
		}
	}
	if err != nil {
		return res, err
	}
	syncDir(dir)
	return res, nil
}

// readWithInfo reads a file and identifies the version it read.
func readWithInfo(path string) ([]byte, fs.FileInfo, version, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|openNofollow|openNonblock, 0)
	if err != nil {
		return nil, nil, version{}, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, version{}, err
	}
	if !st.Mode().IsRegular() {
		return nil, nil, version{}, &NotRegularError{Kind: describeKind(st.Mode())}
	}
	v, err := fileVersion(f)
	if err != nil {
		return nil, nil, version{}, err
	}
	data, err := readInto(make([]byte, 0, st.Size()+1), f)
	return data, st, v, err
}

// createTemp creates and locks a new temporary file in dir.
func createTemp(dir string, perm fs.FileMode) (*os.File, error) {
	for range 100 {
		name := filepath.Join(dir, tempPrefix+strconv.FormatUint(rand.Uint64()&(1<<50-1), 36)+tempSuffix)
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, perm)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		lockFile(f)
		return f, nil
	}
	return nil, fmt.Errorf("cannot create a temporary file in %s", dir)
}

// writeBackup keeps content, with the owner, mode and modification time
// of the file it comes from, under the first free name of path+suffix,
// path+suffix+".1", ... The backup is written completely under a
// temporary name and then hard-linked to its name, which fails on any
// existing name, links included: nothing is ever overwritten, no link is
// ever followed, and no partial backup is ever seen.
func writeBackup(path, suffix string, content []byte, from fs.FileInfo) (name string, err error) {
	dir := filepath.Dir(path)
	tmp, err := createTemp(dir, 0o600)
	if err != nil {
		return "", err
	}
	defer func() {
		tmp.Close()
		os.Remove(tmp.Name())
	}()
	if _, err = tmp.Write(content); err != nil {
		return "", err
	}
	if err = copyOwnerAndMode(tmp, from); err != nil {
		return "", err
	}
	if err = tmp.Sync(); err != nil {
		return "", err
	}
	_ = os.Chtimes(tmp.Name(), from.ModTime(), from.ModTime())
	releaseBeforeRename(tmp)
	for n := 0; n < 10000; n++ {
		name = path + suffix
		if n > 0 {
			name += "." + strconv.Itoa(n)
		}
		err = os.Link(tmp.Name(), name)
		if err == nil {
			return name, nil
		}
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err = renameNoReplace(tmp.Name(), name); err == nil {
			return name, nil // a file system without hard links
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", err
		}
	}
	return "", fmt.Errorf("%s and 9999 numbered backups exist already", path+suffix)
}

// removeLeftovers removes the temporary files that interrupted runs left
// in dir, and says so. A temporary file is a leftover when nobody holds
// its lock and it is not brand new; files of the old naming scheme
// (".web.config.iiscfg-123") are taken too.
func removeLeftovers(dir, base string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var notes []string
	for _, e := range entries {
		n := e.Name()
		ours := strings.HasPrefix(n, tempPrefix) && strings.HasSuffix(n, tempSuffix)
		legacy := strings.HasPrefix(n, "."+base+".iiscfg-")
		if !ours && !legacy || !e.Type().IsRegular() {
			continue
		}
		p := filepath.Join(dir, n)
		if !isLeftover(p) {
			continue
		}
		if err := os.Remove(p); err != nil {
			notes = append(notes, fmt.Sprintf("%s was left behind by an interrupted iiscfg run and cannot be removed (%v); remove it", p, err))
			continue
		}
		notes = append(notes, fmt.Sprintf("removed %s, left behind by an interrupted iiscfg run", p))
	}
	return notes
}

func isLeftover(p string) bool {
	st, err := os.Lstat(p)
	if err != nil || !st.Mode().IsRegular() || time.Since(st.ModTime()) < staleAge {
		return false
	}
	f, err := os.OpenFile(p, os.O_RDONLY|openNofollow|openNonblock, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	return tryLockFile(f)
}

// syncDir makes a rename durable where the platform allows it.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
