package ui

import (
	"net/url"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// Files asks the user which file to write or read: Fyne's file dialogs
// in the app, a stand-in in tests, which cannot click through a dialog of
// the desktop's.
type Files interface {
	// Save asks where to write a file, in folder at first, proposing
	// name; done is called on the UI goroutine with the path chosen, or
	// "" when the user cancelled.
	Save(w fyne.Window, folder, name string, done func(path string))
	// Open asks for a file to read, from folder at first, showing the
	// files with one of the extensions exts («.docx»); done is called on
	// the UI goroutine with the path chosen, or "" when the user
	// cancelled.
	Open(w fyne.Window, folder string, exts []string, done func(path string))
	// Folder asks for a folder, from folder at first; done is called on
	// the UI goroutine with the path chosen, or "" when the user
	// cancelled.
	Folder(w fyne.Window, folder string, done func(path string))
}

// files is what the window asks files of.
func (wb *Workbench) files() Files {
	if wb.opts.Files != nil {
		return wb.opts.Files
	}
	return fyneFiles{}
}

// openURL opens a file or a folder in the application the desktop opens
// it with.
func (wb *Workbench) openURL(u *url.URL) error {
	if wb.opts.OpenURL != nil {
		return wb.opts.OpenURL(u)
	}
	return wb.app.OpenURL(u)
}

// fileURL is the file:// URL of a path, as the desktop opens it.
func fileURL(path string) *url.URL {
	u, err := url.Parse(storage.NewFileURI(path).String())
	if err != nil {
		return &url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	}
	return u
}

// startFolder is the folder a file dialog opens in: the one last used
// (remembered in PrefFolder), else the user's Documents folder, else the
// home folder.
func (wb *Workbench) startFolder() string {
	for _, dir := range []string{wb.app.Preferences().String(PrefFolder), documentsFolder()} {
		if st, err := os.Stat(dir); dir != "" && err == nil && st.IsDir() {
			return dir
		}
	}
	home, _ := os.UserHomeDir()
	return home
}

// documentsFolder is the user's Documents folder: ~/Documents, as Windows,
// macOS and most Linux desktops name it; "" without a home folder.
func documentsFolder() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, "Documents")
}

// rememberFolder makes the folder of path the one the next file dialog
// opens in.
func (wb *Workbench) rememberFolder(path string) {
	wb.app.Preferences().SetString(PrefFolder, filepath.Dir(path))
}

// fyneFiles are Fyne's file dialogs, over the window and as large as it
// allows.
type fyneFiles struct{}

func (fyneFiles) Save(w fyne.Window, folder, name string, done func(string)) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			if err != nil {
				fyne.LogError("the file dialog", err)
			}
			done("")
			return
		}
		// The file is written through export.WriteFile, which replaces
		// it only once the export is whole: the dialog's writer is let go
		// unopened, the file as it was (guardFileSaves). Fyne's own
		// writer, had another repository been registered since, has
		// emptied the file already.
		path := wc.URI().Path()
		if dw, ok := wc.(*deferredWriter); ok {
			if err := dw.abandon(); err != nil {
				fyne.LogError("letting go of the file the dialog chose", err)
			}
		} else if err := wc.Close(); err != nil {
			fyne.LogError("closing the file the dialog opened", err)
		}
		done(path)
	}, w)
	d.SetFileName(name)
	setDialogFolder(d, folder)
	resizeFileDialog(d, w)
	d.Show()
}

func (fyneFiles) Open(w fyne.Window, folder string, exts []string, done func(string)) {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			if err != nil {
				fyne.LogError("the file dialog", err)
			}
			done("")
			return
		}
		path := rc.URI().Path()
		if err := rc.Close(); err != nil {
			fyne.LogError("closing the file the dialog opened", err)
		}
		done(path)
	}, w)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	setDialogFolder(d, folder)
	resizeFileDialog(d, w)
	d.Show()
}

func (fyneFiles) Folder(w fyne.Window, folder string, done func(string)) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			if err != nil {
				fyne.LogError("the folder dialog", err)
			}
			done("")
			return
		}
		done(l.Path())
	}, w)
	setDialogFolder(d, folder)
	resizeFileDialog(d, w)
	d.Show()
}

func setDialogFolder(d *dialog.FileDialog, folder string) {
	if folder == "" {
		return
	}
	if l, err := storage.ListerForURI(storage.NewFileURI(folder)); err == nil {
		d.SetLocation(l)
	}
}

// resizeFileDialog makes d nearly as large as its window: Fyne's is small
// for long Arabic file names.
func resizeFileDialog(d *dialog.FileDialog, w fyne.Window) {
	size := w.Canvas().Size()
	d.Resize(fyne.NewSize(max(size.Width*0.9, 480), max(size.Height*0.85, 360)))
}
