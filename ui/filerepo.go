package ui

import (
	"os"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
)

// Fyne's save dialog hands its callback a writer it has already opened:
// the file the user chose to replace is emptied before the app has
// written a byte of it, so an export that then fails would lose it,
// although export.WriteFile replaces a file only once the export is
// whole. The app's "file" repository is therefore Fyne's own, but with
// writers that open the file at their first Write (or at Close, to give
// every other writer what Fyne's gives), and that the export lets go
// unopened (abandon) before it writes the file its own way.

// fileRepository is what Fyne's desktop "file" repository is: every
// kind of repository the storage package and the file dialogs ask for.
type fileRepository interface {
	repository.WritableRepository
	repository.AppendableRepository
	repository.DeleteAllRepository
	repository.HierarchicalRepository
	repository.ListableRepository
	repository.MovableRepository
	repository.CopyableRepository
}

// deferringRepository is the "file" repository that was registered,
// with writers that open nothing before they are written to.
type deferringRepository struct {
	fileRepository
}

// guardFileSaves makes Fyne's "file" repository a deferringRepository
// over it, once: the file dialogs then open nothing for writing until
// something is written. A repository that is not a whole fileRepository,
// or one that parses URIs its own way, is left as it is: wrapping it
// would hide what it can do.
func guardFileSaves() {
	r, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if _, ok := r.(*deferringRepository); ok {
		return
	}
	if _, custom := r.(repository.CustomURIRepository); custom {
		return
	}
	fr, ok := r.(fileRepository)
	if !ok {
		return
	}
	// Register destroys the repository it replaces: Fyne's desktop file
	// repository has nothing to tear down, and goes on serving under ours.
	repository.Register("file", &deferringRepository{fr})
}

// Writer returns a writer of u that truncates it, as Fyne's does, but
// only at its first Write or at Close.
func (r *deferringRepository) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	return &deferredWriter{repo: r.fileRepository, uri: u}, nil
}

// Destroy is not passed on: Register called the wrapped repository's
// own when ours took its place (Fyne's file repository has nothing to
// tear down), and it is not torn down twice.
func (r *deferringRepository) Destroy(string) {}

// deferredWriter opens its file at its first Write, or at Close when
// nothing was written, unless it was abandoned.
type deferredWriter struct {
	repo fileRepository
	uri  fyne.URI

	mu   sync.Mutex
	w    fyne.URIWriteCloser // once opened
	done bool                // closed or abandoned
}

func (w *deferredWriter) URI() fyne.URI { return w.uri }

func (w *deferredWriter) open() error {
	if w.w != nil {
		return nil
	}
	if w.done {
		return os.ErrClosed
	}
	f, err := w.repo.Writer(w.uri)
	if err != nil {
		return err
	}
	w.w = f
	return nil
}

func (w *deferredWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.open(); err != nil {
		return 0, err
	}
	return w.w.Write(p)
}

// Close closes the file, opening (creating or emptying) it first when
// nothing was written, as closing Fyne's own writer leaves it.
func (w *deferredWriter) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done && w.w == nil {
		return nil
	}
	if err := w.open(); err != nil {
		return err
	}
	w.done = true
	f := w.w
	w.w = nil
	return f.Close()
}

// abandon lets the writer go without opening its file, which stays as
// it was, or absent; a writer already written to is closed.
func (w *deferredWriter) abandon() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.done = true
	if w.w == nil {
		return nil
	}
	f := w.w
	w.w = nil
	return f.Close()
}
