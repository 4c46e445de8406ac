package boltstore

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"statute/drafts"
)

// Backups are consistent copies of the whole file (bbolt's Tx.WriteTo,
// which a reader can make while others write), each verified after it is
// written. Automatic ones go to a "backups" folder beside the database,
// named after it and the time they were made («statute-20261130-214501.123.db»);
// the newest ten are kept, and the newest of each day for thirty days.

// The automatic backups kept.
const (
	keepNewest = 10
	keepDays   = 30
)

// backupStamp is the time in a backup's name, in UTC: sortable, and
// without the colons Windows refuses in file names.
const backupStamp = "20060102-150405.000"

var (
	msgBackupExists = drafts.NewMessage("backup.exists",
		"%s already exists: choose another name for the backup, or remove that file first")
	msgBackupWrite = drafts.NewMessage("backup.write",
		"the backup %s could not be written: %s; check the folder exists and has room")
	msgRestoreHeld = drafts.NewMessage("backup.restore-held",
		"the database %s is open in another program (the Statute Workbench app or statutectl): close it, then restore")
	msgRestoreNotABackup = drafts.NewMessage("backup.restore-unsound",
		"%s cannot be restored: %s")
)

// BackupDir is the folder of the automatic backups of the database at path.
func BackupDir(path string) string {
	return filepath.Join(filepath.Dir(path), "backups")
}

// Location says where the store keeps its file and its automatic backups.
func (s *Store) Location() drafts.StoreLocation {
	return drafts.StoreLocation{File: s.path, Backups: BackupDir(s.path)}
}

// BackupInfo describes one automatic backup.
type BackupInfo = drafts.BackupInfo

// Backups lists the store's automatic backups, newest first.
func (s *Store) Backups() ([]BackupInfo, error) { return Backups(s.path) }

// Backup writes an automatic backup of the store into BackupDir, verified,
// then removes the automatic backups no longer kept; it returns the new
// backup's path. Invalid: the store is damaged (a damaged file is never
// copied over as if it were sound). Unavailable: the copy could not be
// written.
func (s *Store) Backup() (string, error) {
	dir := BackupDir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", msgBackupWrite.Wrap(drafts.Unavailable, err, dir, unwrapPath(err).Error())
	}
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	dest := filepath.Join(dir, base+"-"+time.Now().UTC().Format(backupStamp)+".db")
	if err := s.BackupTo(dest); err != nil {
		return "", err
	}
	return dest, pruneBackups(s.path, time.Now())
}

// BackupTo writes a verified copy of the store to dest, a file that must
// not exist yet. Invalid: the store is damaged. Conflict: dest exists.
// Unavailable: the copy could not be written.
func (s *Store) BackupTo(dest string) error {
	if _, err := s.Verify(); err != nil {
		return err
	}
	if _, err := os.Lstat(dest); err == nil {
		return msgBackupExists.Err(drafts.Conflict, dest)
	}
	partial := dest + ".partial"
	write := func() error {
		f, err := os.OpenFile(partial, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			return err
		}
		err = s.view(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(f)
			return err
		})
		if err == nil {
			err = f.Sync()
		}
		return errors.Join(err, f.Close())
	}
	if err := write(); err != nil {
		return errors.Join(msgBackupWrite.Wrap(drafts.Unavailable, err, dest, unwrapPath(err).Error()), removeIfThere(partial))
	}
	if err := verifyFile(partial); err != nil {
		return errors.Join(err, removeIfThere(partial))
	}
	if err := os.Rename(partial, dest); err != nil {
		return errors.Join(msgBackupWrite.Wrap(drafts.Unavailable, err, dest, unwrapPath(err).Error()), removeIfThere(partial))
	}
	return nil
}

// verifyFile opens the database file at path read-only and verifies it.
func verifyFile(path string) error {
	c, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		return err
	}
	_, err = c.Verify()
	return errors.Join(err, c.Close())
}

func removeIfThere(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Backups lists the automatic backups of the database at path, newest
// first.
func Backups(path string) ([]BackupInfo, error) {
	dir := BackupDir(path)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, drafts.Wrap(drafts.Unavailable, err, "the backups folder %s cannot be read", dir)
	}
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)) + "-"
	var out []BackupInfo
	for _, e := range entries {
		name := e.Name()
		stamp, ok := strings.CutPrefix(name, base)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		stamp, ok = strings.CutSuffix(stamp, ".db")
		if !ok {
			continue
		}
		made, err := time.Parse(backupStamp, stamp)
		if err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, BackupInfo{Path: filepath.Join(dir, name), Made: made, Size: info.Size()})
	}
	slices.SortFunc(out, func(a, b BackupInfo) int { return b.Made.Compare(a.Made) })
	return out, nil
}

// pruneBackups removes the automatic backups of the database at path that
// are no longer kept at time now: all but the newest ten, and the newest
// of each of the last thirty days.
func pruneBackups(path string, now time.Time) error {
	all, err := Backups(path)
	if err != nil {
		return err
	}
	days := map[string]bool{}
	var errs []error
	for i, b := range all {
		day := b.Made.Format("2006-01-02")
		keep := i < keepNewest || !days[day] && now.Sub(b.Made) < keepDays*24*time.Hour
		days[day] = true
		if !keep {
			errs = append(errs, removeIfThere(b.Path))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return drafts.Wrap(drafts.Unavailable, err, "old backups in %s could not be removed", BackupDir(path))
	}
	return nil
}

// Restore puts the backup at from in place of the database at path, once
// from is verified sound; the file it replaces, if any, is kept beside it,
// and its name returned. Invalid: from is not a sound database.
// Unavailable: the database is open in another program, or the files
// could not be moved.
func Restore(path, from string) (kept string, err error) {
	if err := verifyFile(from); err != nil {
		var de *drafts.Error
		if errors.As(err, &de) && de.Kind != drafts.Unavailable {
			return "", msgRestoreNotABackup.Wrap(drafts.Invalid, err, from, de.Message)
		}
		return "", err
	}
	if _, err := os.Stat(path); err == nil {
		// A read-only open waits for a writer to let go: a database the
		// app holds is not pulled from under it.
		if held, err := Open(path, Options{ReadOnly: true}); err == nil {
			if err := held.Close(); err != nil {
				return "", err
			}
		} else if drafts.IsKind(err, drafts.Unavailable) {
			return "", msgRestoreHeld.Wrap(drafts.Unavailable, err, path)
		}
		kept = path + ".replaced-" + time.Now().UTC().Format(backupStamp)
		if err := os.Rename(path, kept); err != nil {
			return "", drafts.Wrap(drafts.Unavailable, err, "the database %s could not be set aside: %v", path, unwrapPath(err))
		}
	}
	if err := copyFile(from, path); err != nil {
		if kept != "" {
			err = errors.Join(err, os.Rename(kept, path))
		}
		return "", drafts.Wrap(drafts.Unavailable, err, "the backup %s could not be copied to %s: %v", from, path, unwrapPath(err))
	}
	return kept, verifyFile(path)
}

// copyFile copies from to a new file to, written in full before it takes
// the name.
func copyFile(from, to string) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	partial := to + ".partial"
	dst, err := os.OpenFile(partial, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(dst, src)
	if err == nil {
		err = dst.Sync()
	}
	if err = errors.Join(err, dst.Close()); err != nil {
		return errors.Join(err, removeIfThere(partial))
	}
	return os.Rename(partial, to)
}
