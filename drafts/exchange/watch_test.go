package exchange_test

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"statute/drafts"
	"statute/drafts/exchange"
)

// watching runs Watch for l on dir until the test ends, and returns the
// events it reported so far, as a function.
func (l *laptop) watching(dir string) func() []exchange.Event {
	l.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var mu sync.Mutex
	var evs []exchange.Event
	done := make(chan error, 1)
	go func() {
		done <- exchange.Watch(ctx, l.s, dir, 200*time.Millisecond, func(e exchange.Event) {
			mu.Lock()
			evs = append(evs, e)
			mu.Unlock()
		})
	}()
	l.t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			l.t.Errorf("%s: Watch: %v", l.role.Code, err)
		}
	})
	return func() []exchange.Event {
		mu.Lock()
		defer mu.Unlock()
		return append([]exchange.Event(nil), evs...)
	}
}

// eventually waits, up to a generous limit, for cond to hold.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("%s never happened", what)
}

// put writes a package into the shared folder as a sync engine does: a
// hidden temporary file, then renamed.
func put(t *testing.T, dir, name string, data []byte) {
	t.Helper()
	tmp := filepath.Join(dir, ".syncing-"+name)
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(dir, name)); err != nil {
		t.Fatal(err)
	}
}

// Three laptops exchange everything through one watched folder: the
// federation's draft reaches both chambers, their amendments reach the
// federation, nobody takes in its own package or the other side's mail,
// and a damaged file is reported, not taken.
func TestExchangeThroughWatchedFolder(t *testing.T) {
	dir := t.TempDir()
	fed, fm, sm := federation(t), newLaptop(t, "FM"), newLaptop(t, "SM")
	for _, c := range []*laptop{fm, sm} {
		fed.trusts(c)
		c.trusts(fed)
	}
	fedEvents, fmEvents, smEvents := fed.watching(dir), fm.watching(dir), sm.watching(dir)

	data, name, err := exchange.Pack(fed.r, "", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	put(t, dir, name, data)
	want := fed.latest()
	for _, c := range []*laptop{fm, sm} {
		eventually(t, c.role.Code+" taking the draft", func() bool {
			d, err := c.s.Draft(want.ID)
			return err == nil && d.Version == want.Version
		})
	}

	a := fm.propose("3", "وفق القانون رقم 50.17")
	b := sm.propose("4", "بعد استشارة المجلس")
	for _, c := range []*laptop{fm, sm} {
		data, name, err := exchange.Pack(c.r, "", time.Now())
		if err != nil {
			t.Fatal(err)
		}
		put(t, dir, name, data)
	}
	put(t, dir, "damaged"+exchange.Ext, data[:len(data)/2])
	for _, id := range []string{a.ID, b.ID} {
		eventually(t, "the federation taking "+id, func() bool {
			got, err := fed.s.Amendment(id)
			return err == nil && got.Status == drafts.StatusSubmitted
		})
	}
	eventually(t, "the damaged file reported", func() bool {
		for _, e := range fedEvents() {
			if filepath.Base(e.File) == "damaged"+exchange.Ext && errID(e.Err) == "exchange.cut-short" {
				return true
			}
		}
		return false
	})
	for _, e := range fedEvents() {
		if e.Err != nil && filepath.Base(e.File) != "damaged"+exchange.Ext {
			t.Errorf("the federation reported %s: %v", e.File, e.Err)
		}
	}
	for code, evs := range map[string][]exchange.Event{"FM": fmEvents(), "SM": smEvents()} {
		for _, e := range evs {
			if e.Err != nil && filepath.Base(e.File) != "damaged"+exchange.Ext {
				t.Errorf("%s reported %s: %v (its own package and the others' are passed over quietly)", code, e.File, e.Err)
			}
		}
	}
	board, err := fed.s.Amendments(drafts.AmendmentFilter{Viewer: drafts.FederationCode})
	if err != nil || len(board) != 2 {
		t.Errorf("the federation's board holds %d amendments (%v), want the chambers' 2", len(board), err)
	}
}

// A folder that does not exist is refused with a sentence.
func TestWatchMissingFolder(t *testing.T) {
	fed := federation(t)
	err := exchange.Watch(context.Background(), fed.s, filepath.Join(t.TempDir(), "none"), 0, func(exchange.Event) {})
	if errID(err) != "exchange.no-folder" {
		t.Errorf("Watch of a missing folder: %v", err)
	}
}
