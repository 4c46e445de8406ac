package exchange

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"statute/drafts"
)

// A watched folder is how packages travel past a USB stick with no server
// of ours: a shared drive, or a folder a sync engine (Syncthing, Nextcloud)
// keeps the same on every laptop. Watch imports each package that appears
// there with Import's checks. It hears of new files from the system
// (fsnotify) and, because network drives and some sync engines do not tell,
// also looks at the whole folder every so often. A file still being
// written (changed in the last moments, or cut short) is tried again once
// it changes; a package already taken in, this laptop's own, or one meant
// for the other side is passed over quietly.

// DefaultRescan is how often a watched folder is looked at whole.
const DefaultRescan = 30 * time.Second

// settle is how long a file must stay unchanged before it is read: a
// package being copied in is not read half-way.
const settle = time.Second

// An Event is one package of a watched folder taken in, or refused.
type Event struct {
	File   string  // the file's path
	Report *Report // what came in; nil when refused
	Err    error   // why it was refused
}

var (
	msgNoFolder = drafts.NewMessage("exchange.no-folder",
		"the folder %s does not exist or cannot be read: choose the shared or synchronized folder the packages arrive in")
)

// A fileState is what a file was when last tried.
type fileState struct {
	size int64
	mod  time.Time
}

// Watch imports into s the packages that appear in dir, until ctx is done,
// and tells report about each one taken in or refused (from the
// goroutine that called Watch). The folder is looked at whole at once, on
// each change the system tells of, and every rescan (DefaultRescan when
// 0). NotFound: dir is not a readable folder.
func Watch(ctx context.Context, s drafts.Store, dir string, rescan time.Duration, report func(Event)) error {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return msgNoFolder.Err(drafts.NotFound, dir)
	}
	if rescan <= 0 {
		rescan = DefaultRescan
	}
	w := &watch{s: s, dir: dir, report: report, tried: map[string]fileState{}}
	var events chan fsnotify.Event
	if fw, err := fsnotify.NewWatcher(); err == nil {
		defer fw.Close()
		if fw.Add(dir) == nil {
			events = fw.Events
		}
	}
	tick := time.NewTicker(rescan)
	defer tick.Stop()
	soon := time.NewTimer(0) // the first look, at once
	defer soon.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-events:
			if !ok {
				events = nil
				continue
			}
			if strings.EqualFold(filepath.Ext(ev.Name), Ext) {
				soon.Reset(settle)
			}
		case <-tick.C:
			if w.scan() {
				soon.Reset(settle)
			}
		case <-soon.C:
			if w.scan() {
				soon.Reset(settle)
			}
		}
	}
}

// ScanOnce imports the packages dir holds now, as Watch does on each look,
// and returns what came of each; files still changing are left for later.
func ScanOnce(s drafts.Store, dir string) ([]Event, error) {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil, msgNoFolder.Err(drafts.NotFound, dir)
	}
	var evs []Event
	w := &watch{s: s, dir: dir, report: func(e Event) { evs = append(evs, e) }, tried: map[string]fileState{}}
	w.scan()
	return evs, nil
}

type watch struct {
	s      drafts.Store
	dir    string
	report func(Event)
	tried  map[string]fileState
}

// scan tries every package of the folder not tried as it is now, and says
// whether one was left because it is still changing.
func (w *watch) scan() (later bool) {
	entries, err := os.ReadDir(w.dir)
	if err != nil {
		return false
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	im := &Importer{Store: w.s} // one backup for what this look takes in
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.EqualFold(filepath.Ext(e.Name()), Ext) || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		st := fileState{info.Size(), info.ModTime()}
		path := filepath.Join(w.dir, e.Name())
		if w.tried[path] == st {
			continue
		}
		if time.Since(st.mod) < settle {
			later = true
			continue
		}
		w.tried[path] = st
		w.take(im, path)
	}
	return later
}

// take imports one file and reports it, unless there is nothing to say.
func (w *watch) take(im *Importer, path string) {
	f, err := os.Open(path)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			w.report(Event{File: path, Err: drafts.Wrap(drafts.Unavailable, err, "%s could not be read: %v", path, err)})
		}
		return
	}
	data, err := ReadAll(f)
	f.Close()
	if err != nil {
		w.report(Event{File: path, Err: err})
		return
	}
	rep, err := im.Import(data, filepath.Base(path))
	switch {
	case err != nil && quiet(err):
	case err != nil:
		w.report(Event{File: path, Err: err})
	case rep.Written || rep.Seen == nil && !rep.Older && rep.Count(Refused) > 0:
		w.report(Event{File: path, Report: rep})
	}
}

// quiet reports a refusal a watched folder does not speak of: a package
// this laptop made, or one meant for the other side, which share the
// folder.
func quiet(err error) bool {
	e, ok := err.(*drafts.Error)
	return ok && (e.ID == msgOwnPackage.ID || e.ID == msgForChambers.ID || e.ID == msgForFederation.ID)
}
