package ui_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/drafts/renumber"
	"statute/drafts/round"
	"statute/ui"
)

// outlineCounts returns the amendment counts the outline shows, in order.
func outlineCounts(w fyne.Window) []string {
	var out []string
	for _, o := range objects(w) {
		tree, ok := o.(interface {
			fyne.Widget
			OpenAllBranches() // a widget.Tree, or one that embeds it
		})
		if !ok {
			continue
		}
		for _, o := range test.LaidOutObjects(tree) {
			if c, ok := o.(*fyne.Container); ok && len(c.Objects) >= 2 {
				if l, ok := c.Objects[1].(*widget.Label); ok {
					out = append(out, l.Text)
				}
			}
		}
	}
	return out
}

// heldStore holds every listing of amendments until release is called.
type heldStore struct {
	drafts.Store
	gate chan struct{}
}

func (s *heldStore) Amendments(f drafts.AmendmentFilter) ([]drafts.Amendment, error) {
	<-s.gate
	return s.Store.Amendments(f)
}

func TestAnArticleSaysItsAmendmentsAreLoadingUntilTheyAreRead(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	s := &heldStore{Store: f.store, gate: make(chan struct{})}
	close(s.gate)
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	wb, err := ui.New(a, w, s, ui.Options{Lang: "en", Article: "2"})
	if err != nil {
		t.Fatal(err)
	}
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if counts := outlineCounts(w); !slices.Contains(counts, "2") || !slices.Contains(counts, "0") {
		t.Errorf("the outline shows counts %q, want article 3's 2 and others' 0", counts)
	}

	s.gate = make(chan struct{})
	wb.Next()
	if !shows(w, "Loading the amendments…") || shows(w, "0 amendments") || !shows(w, "Position 3 of 36") {
		t.Errorf("article 3 while its amendments are read shows %q, want its text and «Loading the amendments…», not 0", labels(w))
	}
	// Back before article 3's amendments arrive: they must not show
	// under article 2.
	wb.Previous()
	close(s.gate)
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if !shows(w, "Position 2 of 36") || !shows(w, "0 amendments") {
		t.Errorf("back on article 2 once the reads ended, the window shows %q, want article 2 with its 0 amendments", labels(w))
	}
	wb.Next()
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if !shows(w, "2 amendments") {
		t.Errorf("article 3 once read shows %q, want its 2 amendments", labels(w))
	}
}

func TestABusyArticleShowsItsAmendmentsAPageAtATime(t *testing.T) {
	f := newFixture(t)
	art := f.draft.Article("5")
	var as []*drafts.Amendment
	for i := range 45 {
		as = append(as, &drafts.Amendment{
			DraftID: f.draft.ID, DraftVersion: f.draft.Version, BaseHash: art.TextHash(), Article: "5",
			Kind: drafts.Wording, Chamber: drafts.Chambers()[i%len(drafts.Chambers())].Code, Status: drafts.StatusSubmitted,
			Text: art.Text() + " " + strconv.Itoa(i),
		})
	}
	if err := f.store.AddAmendments(as...); err != nil {
		t.Fatal(err)
	}
	a := newApp(t, "FED")
	_, w := f.open(t, a, ui.Options{Lang: "en", Article: "5"})
	diffs := func() int {
		n := 0
		for _, o := range objects(w) {
			if s, ok := o.(interface{ Text() string }); ok && strings.HasPrefix(s.Text(), art.Text()) && s.Text() != art.Text() {
				n++
			}
		}
		return n
	}
	// The federation's review board shows twenty at a time, as a
	// chamber's list does.
	steps := []struct {
		name  string
		more  string // the Show more button's text, "" for none
		diffs int
	}{
		{"first page", "Show more (25 not shown yet)", 20},
		{"second page", "Show more (5 not shown yet)", 40},
		{"last page", "", 45},
	}
	for i, s := range steps {
		if i > 0 {
			test.Tap(button(t, w, steps[i-1].more))
		}
		if got := diffs(); got != s.diffs {
			t.Errorf("%s: %d amendments shown, want %d", s.name, got, s.diffs)
		}
		if !shows(w, "45 amendments") {
			t.Errorf("%s: the title reads %q, want «45 amendments»", s.name, labels(w))
		}
		if s.more != "" {
			button(t, w, s.more)
		} else if containsButton(w, "Show more") {
			t.Errorf("%s: a Show more button is left with nothing more to show", s.name)
		}
	}
}

// containsButton reports whether the window has a button whose text
// starts with prefix.
func containsButton(w fyne.Window, prefix string) bool {
	for _, o := range objects(w) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, prefix) {
			return true
		}
	}
	return false
}

// A database damaged where the first article shown does not reach (an
// amendment's record) is found at start, and said.
func TestADamagedDatabaseIsSaidAtStart(t *testing.T) {
	path, s := seeded(t)
	r := round.New(s)
	d, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	a := round.Blank(drafts.Federation, d, d.Article("30"))
	a.Text = d.Article("30").Text() + " بصيغة مراجعة"
	if err := r.Save(drafts.Federation, d, a); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data := damage(t, path, "بصيغة مراجعة", func(b []byte) { b[1] ^= 0x01 })
	s, err = boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	wb, err := ui.New(newApp(t, "FED"), w, s, ui.Options{Lang: "en", Article: "1"})
	if err != nil {
		t.Fatal(err)
	}
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if ts := topDialogText(w); !containsText(ts, "is damaged: amendment FED-") {
		t.Errorf("the window shows %q, want a dialog naming the damaged amendment", ts)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, data) {
		t.Error("the app wrote to the damaged file")
	}
}

// statutectl writes beside the open window (the app's store holds the
// file only while it uses it); the window then shows what it wrote.
func TestTheWindowShowsWhatStatutectlWrote(t *testing.T) {
	path, s := seeded(t)
	defer s.Close()
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	wb, err := ui.New(newApp(t, "FED"), w, s, ui.Options{Lang: "en", Article: "3"})
	if err != nil {
		t.Fatal(err)
	}
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if !shows(w, "0 amendments") {
		t.Fatalf("the window shows %q, want article 3 with no amendment", labels(w))
	}

	ctl, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatalf("statutectl beside the window: %v", err)
	}
	r := round.New(ctl)
	d, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	cs, _ := drafts.ChamberByCode("CS")
	a := round.Blank(cs, d, d.Article("3"))
	a.Text, a.Justification = d.Article("3").Text()+" جهوية", "سبب"
	if err := r.Submit(cs, d, a); err != nil {
		t.Fatal(err)
	}
	if err := ctl.Close(); err != nil {
		t.Fatal(err)
	}

	wb.ShowChanges() // what the window's watch does every two seconds
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if !shows(w, "1 amendment") || !containsText(labels(w), "Casablanca-Settat (CS) — New wording — Submitted") {
		t.Errorf("after statutectl wrote, the window shows %q, want CS's amendment", labels(w))
	}
}

// A database found damaged at start offers its latest backup; restored,
// the window shows the draft from it, and the damaged file is kept.
func TestADamagedDatabaseOffersItsLatestBackup(t *testing.T) {
	path, s := seeded(t)
	if _, err := s.Backup(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data := damage(t, path, "ست (6) سنوات", func(b []byte) { b[bytes.IndexByte(b, '6')] = '9' })
	s, err := boltstore.Open(path, boltstore.Options{Brief: true})
	if err != nil {
		t.Fatal(err)
	}
	current := s
	t.Cleanup(func() { current.Close() })
	restore := func(from string) (drafts.Store, error) {
		if err := current.Close(); err != nil {
			return nil, err
		}
		if _, err := boltstore.Restore(path, from); err != nil {
			return nil, err
		}
		ns, err := boltstore.Open(path, boltstore.Options{Brief: true})
		if err == nil {
			current = ns
		}
		return ns, err
	}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	wb, err := ui.New(newApp(t, "FED"), w, s, ui.Options{Lang: "en", Article: "15", Restore: restore})
	if err != nil {
		t.Fatal(err)
	}
	if err := wb.Wait(); err == nil {
		t.Fatal("the damaged draft loaded")
	}
	if ts := topDialogText(w); !containsText(ts, "is damaged: article 15") || !containsText(ts, "Restore the latest backup") {
		t.Fatalf("the window shows %q, want the damage named and the latest backup offered", ts)
	}
	confirm(t, w, "Restore")
	if err := wb.Wait(); err != nil {
		t.Fatalf("after restoring: %v", err)
	}
	if !shows(w, "Position 18 of 36") || !containsText(labels(w), "ست (6) سنوات") {
		t.Errorf("after restoring the window shows %q, want article 15 as the backup holds it", labels(w))
	}
	kept, _ := filepath.Glob(path + ".replaced-*")
	if len(kept) != 1 {
		t.Fatalf("the damaged file is not kept beside the database: %q", kept)
	}
	if got, _ := os.ReadFile(kept[0]); !bytes.Equal(got, data) {
		t.Error("the kept file is not the damaged one as it was")
	}
}

// seeded opens a store that holds its file briefly, as the app's does, on
// a new database holding the sample draft.
func seeded(t *testing.T) (string, *boltstore.Store) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "statute.db")
	s, err := boltstore.Open(path, boltstore.Options{Brief: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := round.New(s).Seed(assets.SampleDraft); err != nil {
		t.Fatal(err)
	}
	return path, s
}

// damage changes one byte of the file at path where text stands, as a
// failing disk would (change gets the text's bytes in the file), and
// returns the file's new bytes.
func damage(t *testing.T, path, text string, change func(b []byte)) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte(text))
	if i < 0 {
		t.Fatalf("%q is not in the file as written", text)
	}
	change(data[i : i+len(text)])
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return data
}

// A new version of the draft stored beside the window (statutectl
// renumber, import --version-of) is shown within the watch's next look,
// at the article the reader was on, whatever its number now.
func TestTheWindowShowsANewVersionStoredBesideIt(t *testing.T) {
	path, s := seeded(t)
	t.Cleanup(func() { s.Close() })
	a := newApp(t, "FED")
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1280, 800))
	wb, err := ui.New(a, w, s, ui.Options{Lang: "en", Article: "8"})
	if err != nil {
		t.Fatal(err)
	}
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if !shows(w, "Position 10 of 36") || !containsText(labels(w), "المادة 8") {
		t.Fatalf("the window opened on %q, want article 8", labels(w))
	}

	ctl, err := boltstore.Open(path, boltstore.Options{Brief: true})
	if err != nil {
		t.Fatal(err)
	}
	r := round.New(ctl)
	d, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	old8 := d.Article("8").Text()
	fm, _ := drafts.ChamberByCode("FM")
	am := round.Blank(fm, d, d.Article("8"))
	am.Text, am.Justification = old8+" جهوية", "سبب"
	if err := r.Submit(fm, d, am); err != nil {
		t.Fatal(err)
	}
	if err := r.Renumber(renumber.Make(d)); err != nil {
		t.Fatal(err)
	}
	if err := ctl.Close(); err != nil {
		t.Fatal(err)
	}

	wb.ShowChanges() // what the window's watch does every two seconds
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	// Old article 8 is article 10 now, and the new article 8 is the old
	// 7 مكررة: the window follows the article, not its number.
	if !shows(w, "المادة 10") || !shows(w, "Position 10 of 36") || !shows(w, old8) {
		t.Errorf("after the draft was renumbered beside the window, it shows %q; want the same article, now numbered 10", labels(w))
	}
	// The amendment made to it as article 8 is still under it.
	if !shows(w, "1 amendment") || !shows(w, "Fès-Meknès (FM) — New wording — Submitted") {
		t.Errorf("article 10 (old 8) shows %q, want FM's amendment to old article 8", labels(w))
	}
}
