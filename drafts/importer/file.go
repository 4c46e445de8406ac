package importer

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"statute/drafts"
	"statute/drafts/parse"
)

// The sentences of reading a file from the disk.
var (
	msgUnreadable = drafts.NewMessage("import.unreadable",
		"%s cannot be read (%s): check that the file is still there and that you may read it")
	msgNotAFile = drafts.NewMessage("import.not-a-file",
		"%s is a folder or a device, not a file: choose the draft's file")
)

// ReadFile reads the draft in the file at path as Read does, named by its
// base name. A file larger than MaxFileBytes is refused before more than
// that is read. The errors are Read's; NotFound when there is no such
// file; Invalid when path is a folder or a device, or cannot be read.
func ReadFile(path string, opt parse.Options) (*drafts.Draft, []parse.Warning, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if err != nil {
		kind := drafts.Invalid
		if errors.Is(err, fs.ErrNotExist) {
			kind = drafts.NotFound
		}
		return nil, nil, msgUnreadable.Wrap(kind, err, name, pathError(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, msgUnreadable.Wrap(drafts.Invalid, err, name, pathError(err))
	}
	if !st.Mode().IsRegular() {
		return nil, nil, msgNotAFile.Err(drafts.Invalid, name)
	}
	if st.Size() > MaxFileBytes {
		return nil, nil, msgTooLarge.Err(drafts.Invalid, name, Size(st.Size()), Size(MaxFileBytes))
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, nil, msgUnreadable.Wrap(drafts.Invalid, err, name, pathError(err))
	}
	return Read(name, data, opt)
}

// pathError is what went wrong with a file, without its path, which the
// sentence names already: «permission denied».
func pathError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
