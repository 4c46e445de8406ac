package ui_test

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/drafts/round"
	"statute/ui"
	"statute/ui/internal/snapshot"
)

// consolidatedVersion stores version 2 of the fixture's draft as a
// consolidation makes it: article 3 holds TTA's change, and names its
// amendment as its source.
func consolidatedVersion(t *testing.T, f *fixture) (old, now string) {
	t.Helper()
	d := *f.draft
	d.Articles = slices.Clone(d.Articles)
	a3 := d.Article("3")
	old = a3.Text()
	if !strings.Contains(old, "والاستقلال المالي") {
		t.Fatalf("article 3 does not hold «والاستقلال المالي»: %q", old)
	}
	a3.Paragraphs = slices.Clone(a3.Paragraphs)
	for i, p := range a3.Paragraphs {
		a3.Paragraphs[i] = strings.Replace(p, "والاستقلال المالي", "والاستقلال المالي والإداري", 1)
	}
	a3.Sources = []drafts.Source{{Amendment: ttaID, Chamber: "TTA"}}
	d.Source = "consolidated from version 1"
	if err := round.New(f.store).Import(&d); err != nil {
		t.Fatal(err)
	}
	return old, a3.Text()
}

// earlierButton is the earlier versions button the window shows, or nil
// when it shows none.
func earlierButton(w fyne.Window, text string) *widget.Button {
	for _, p := range placedShown(w) {
		if b, ok := p.o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	return nil
}

// The article view offers the earlier versions only when the draft has
// some, whatever the role.
func TestEarlierVersionsOnlyWithTwoVersions(t *testing.T) {
	f := newFixture(t)
	_, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"})
	if b := earlierButton(w, "Earlier versions…"); b != nil {
		t.Errorf("a draft of one version offers its earlier versions")
	}
	consolidatedVersion(t, f)
	for _, role := range []string{"FED", "FM"} {
		_, w := f.open(t, newApp(t, role), ui.Options{Lang: "en", Article: "3"})
		if b := earlierButton(w, "Earlier versions…"); b == nil {
			t.Errorf("as %s, a draft of two versions does not offer the earlier ones", role)
		}
	}
}

// The dialog shows the article as version 1 had it, its change to the
// version shown as a tracked diff, and the amendment that made it; Escape
// closes it.
func TestEarlierVersionsShowVersion1AndTheChange(t *testing.T) {
	f := newFixture(t)
	old, _ := consolidatedVersion(t, f)
	wb, w := f.open(t, newApp(t, "FM"), ui.Options{Lang: "en", Article: "3"})
	b := earlierButton(w, "Earlier versions…")
	if b == nil {
		t.Fatal("no earlier versions button")
	}
	test.Tap(b)
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	ts := topDialogText(w)
	for _, want := range []string{"المادة 3 in earlier versions", "Wording in version 1: المادة 3", old, "Changes from version 1 to version 2", "Amendments that made these changes", "\u2066" + ttaID + "\u2069"} {
		if !containsText(ts, want) {
			t.Errorf("the dialog does not show %q; it shows %q", want, ts)
		}
	}
	trackeds := dialogTracked(w)
	if len(trackeds) != 1 {
		t.Fatalf("the dialog shows %d tracked changes, want 1", len(trackeds))
	}
	tracked := trackeds[0]
	if ins := tracked.Inserted(); !slices.ContainsFunc(ins, func(s string) bool { return strings.Contains(s, "والإداري") }) || len(tracked.Deleted()) != 0 {
		t.Errorf("the tracked change inserts %q and deletes %q, want «والإداري» inserted, nothing deleted", ins, tracked.Deleted())
	}
	typeKey(w, fyne.KeyEscape)
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Errorf("Escape left the dialog open")
	}
}

// An article that version 1 did not have says so.
func TestEarlierVersionsOfANewArticle(t *testing.T) {
	f := newFixture(t)
	d := *f.draft
	d.Articles = append(slices.Clone(d.Articles), drafts.Article{Key: "99", Number: "99", Paragraphs: []string{"يعمل بهذا القانون بعد ستة أشهر من نشره."}, Position: len(d.Articles), Division: -1})
	if err := round.New(f.store).Import(&d); err != nil {
		t.Fatal(err)
	}
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "99"})
	b := earlierButton(w, "Earlier versions…")
	if b == nil {
		t.Fatal("no earlier versions button")
	}
	test.Tap(b)
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if ts := topDialogText(w); !containsText(ts, "Version 1 did not have this article: it was added in a later version.") {
		t.Errorf("the dialog shows %q, want it to say version 1 did not have the article", ts)
	}
	if len(dialogTracked(w)) != 0 {
		t.Errorf("the dialog shows a change for an article that was not there")
	}
}

// richTexts are the texts of the rich texts the top dialog shows: a
// choice list's chosen option, among others.
func richTexts(w fyne.Window) []string {
	var ts []string
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if r, ok := o.(*widget.RichText); ok {
			ts = append(ts, r.String())
		}
	}
	return ts
}

// importedAt is a store whose versions all say they were imported at
// fixtureTime: the choice list shows the date, and a snapshot keeps it.
type importedAt struct{ drafts.Store }

func (s importedAt) DraftVersion(id string, v int) (*drafts.Draft, error) {
	d, err := s.Store.DraftVersion(id, v)
	if d != nil {
		d.Imported = fixtureTime
	}
	return d, err
}

// The list names each earlier version, the latest first, a consolidated
// one by the version it was made from; choosing one shows the article as
// it had it, and its change to the version shown.
func TestEarlierVersionsChooseAVersion(t *testing.T) {
	f := newFixture(t)
	v1, v2 := consolidatedVersion(t, f)
	d, err := f.store.Draft(f.draft.ID)
	if err != nil {
		t.Fatal(err)
	}
	d.Articles = slices.Clone(d.Articles)
	a3 := d.Article("3")
	a3.Paragraphs, a3.Sources = []string{"غرف الصناعة التقليدية هيئات مهنية."}, nil
	d.Source = "v3.md"
	if err := round.New(f.store).Import(d); err != nil {
		t.Fatal(err)
	}
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"})
	test.Tap(earlierButton(w, "Earlier versions…"))
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	var list interface {
		SetSelectedIndex(int)
		SelectedIndex() int
	}
	for _, o := range dialogObjects(t, w) {
		if l, ok := o.(interface {
			SetSelectedIndex(int)
			SelectedIndex() int
		}); ok {
			list = l
		}
	}
	if list == nil {
		t.Fatal("the dialog has no choice list")
	}
	if got := richTexts(w); !slices.ContainsFunc(got, func(s string) bool {
		return strings.HasPrefix(s, "Version 2 — ") && strings.HasSuffix(s, " — consolidated from version 1")
	}) {
		t.Errorf("the list shows %q at first, want version 2, consolidated from version 1", got)
	}
	ts := topDialogText(w)
	if !containsText(ts, "Wording in version 2: المادة 3") || !containsText(ts, v2) || !containsText(ts, "Changes from version 2 to version 3") || !containsText(ts, "No amendment is recorded as the source of these changes.") {
		t.Errorf("at first the dialog shows %q, want version 2's wording, its change to version 3, and no amendment as its source", ts)
	}
	list.SetSelectedIndex(1)
	if got := richTexts(w); !slices.ContainsFunc(got, func(s string) bool {
		return strings.HasPrefix(s, "Version 1 — ") && strings.HasSuffix(s, " — \u2066sample-draft.md\u2069")
	}) {
		t.Errorf("the list shows %q after choosing the second, want version 1 from sample-draft.md", got)
	}
	ts = topDialogText(w)
	if !containsText(ts, "Wording in version 1: المادة 3") || !containsText(ts, v1) || !containsText(ts, "Changes from version 1 to version 3") || !containsText(ts, "\u2066"+ttaID+"\u2069") {
		t.Errorf("after choosing version 1 the dialog shows %q, want version 1's wording, its change to version 3, and TTA's amendment", ts)
	}
	if tracked := dialogTracked(w); len(tracked) != 1 || !slices.ContainsFunc(tracked[0].Deleted(), func(s string) bool { return strings.Contains(s, "الاعتبارية") }) {
		t.Errorf("after choosing version 1 the dialog shows no tracked change deleting «الاعتبارية»")
	}
}

// In Arabic, at 800×600 with text at 1.5, the window with the button and
// the dialog hold (their images are kept and were looked at).
func TestEarlierVersionsInArabic(t *testing.T) {
	f := newFixture(t)
	consolidatedVersion(t, f)
	size := fyne.NewSize(800, 600)
	a := newApp(t, "")
	a.Preferences().SetFloat(ui.PrefTextScale, 1.5)
	w := test.NewTempWindow(t, nil)
	w.Resize(size)
	wb, err := ui.New(a, w, importedAt{f.store}, ui.Options{Lang: "ar", Role: "FED", Article: "3"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := wb.Wait(); err != nil {
			t.Error(err)
		}
	})
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	checkWindowHolds(t, w, size)
	b := earlierButton(w, ui.UILine("الإصدارات السابقة…"))
	if b == nil {
		t.Fatal("no earlier versions button")
	}
	snapshot.AssertImage(t, "earlier_versions_button_ar_800x600_x1.5", w.Canvas().Capture())
	test.Tap(b)
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	settleLayout(w)
	checkDialogHolds(t, w, size)
	ts := topDialogText(w)
	for _, want := range []string{"الصيغة في الإصدار 1: المادة 3", "التغييرات من الإصدار 1 إلى الإصدار 2", "التعديلات التي أحدثت هذه التغييرات"} {
		if !containsText(ts, want) {
			t.Errorf("the dialog does not show %q; it shows %q", want, ts)
		}
	}
	if !slices.Contains(richTexts(w), ui.UILine("الإصدار 1 — \u206602/11/2026\u00a009:30\u2069 — \u2066sample-draft.md\u2069")) {
		t.Errorf("the choice list does not name version 1 by its date and file; the dialog shows %q", ts)
	}
	snapshot.AssertImage(t, "earlier_versions_ar_800x600_x1.5", w.Canvas().Capture())
}
