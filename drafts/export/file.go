package export

import (
	"bufio"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"statute/drafts"
)

// The sentences of writing an export's file.
var (
	msgFileUnwritable = drafts.NewMessage("export.file-unwritable",
		"%s cannot be written (%s): choose a folder you may write to, with room on its disk")
	msgNotAFile = drafts.NewMessage("export.not-a-file",
		"%s is not a file but a folder or a device: choose a file's name to write the export to")
)

// WriteFile writes the file at path with write, as both front-ends write
// an export: into a new file in the same folder, renamed onto path once
// written and synced, so that path holds either what it held before or
// the whole export, never a part of it, even when write fails or the
// computer stops half way. A file path replaces keeps its permissions; a
// new one is readable by all. When path is a symbolic link, the file it
// points to is replaced, not the link.
//
// The errors are write's own, with nothing left behind; Invalid when path
// is a folder or a device, or a link that leads nowhere; Unavailable when
// the folder cannot be written (no such folder, no permission, a full
// disk).
func WriteFile(path string, write func(io.Writer) error) error {
	target := path
	mode := fs.FileMode(0o644)
	if st, err := os.Lstat(path); err == nil {
		if st.Mode()&fs.ModeSymlink != 0 {
			if target, err = filepath.EvalSymlinks(path); err != nil {
				return msgFileUnwritable.Wrap(drafts.Invalid, err, path, pathError(err))
			}
			if st, err = os.Stat(target); err != nil {
				return msgFileUnwritable.Wrap(drafts.Invalid, err, path, pathError(err))
			}
		}
		if !st.Mode().IsRegular() {
			return msgNotAFile.Err(drafts.Invalid, path)
		}
		mode = st.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.partial")
	if err != nil {
		return msgFileUnwritable.Wrap(drafts.Unavailable, err, path, pathError(err))
	}
	fail := func(err error) error {
		f.Close()
		return errors.Join(err, removeIfThere(f.Name()))
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	if err := write(bw); err != nil {
		return fail(err)
	}
	err = bw.Flush()
	if err == nil {
		err = f.Chmod(mode)
	}
	if err == nil {
		err = f.Sync()
	}
	if err == nil {
		err = f.Close()
	}
	if err == nil {
		err = os.Rename(f.Name(), target)
	}
	if err != nil {
		return fail(msgFileUnwritable.Wrap(drafts.Unavailable, err, path, pathError(err)))
	}
	return nil
}

// pathError is what went wrong with a path, without the path, which the
// sentence names already: «permission denied», «no such file or directory».
func pathError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}

// removeIfThere removes path, which may not exist.
func removeIfThere(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}
