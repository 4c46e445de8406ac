package ui_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/drafts/round"
	"statute/ui"
	"statute/ui/internal/snapshot"
	"statute/ui/textwidget"
)

// The round in the app: three chambers amend article 3, TTA and
// ORI in different words, DT overlapping ORI, and the federation accepts
// all three. Fixed IDs: the view shows them, and the snapshots keep it.
const (
	ttaID = "TTA-7K3QX9AB" // «والاستقلال المالي والإداري»: no conflict
	oriID = "ORI-7K3QX9AB" // «في القانون رقم 50.17»
	dtID  = "DT-7K3QX9AB"  // «في هذا النظام»: overlaps ORI's
)

// consolidationRound adds the three amendments, submitted, and accepts
// them; it returns article 3's text before and with each wording.
func consolidationRound(t *testing.T, f *fixture) (base string, wording map[string]string) {
	t.Helper()
	a3 := f.draft.Article("3")
	base = a3.Text()
	change := func(old, new string) string {
		if !strings.Contains(base, old) {
			t.Fatalf("article 3 does not hold %q", old)
		}
		return strings.Replace(base, old, new, 1)
	}
	wording = map[string]string{
		ttaID: change("والاستقلال المالي", "والاستقلال المالي والإداري"),
		oriID: change("في هذا القانون", "في القانون رقم 50.17"),
		dtID:  change("في هذا القانون", "في هذا النظام"),
	}
	var as []*drafts.Amendment
	for _, id := range []string{ttaID, oriID, dtID} {
		as = append(as, &drafts.Amendment{
			ID: id, Created: fixtureTime, Updated: fixtureTime,
			DraftID: f.draft.ID, DraftVersion: f.draft.Version, BaseHash: a3.TextHash(), Article: "3",
			Kind: drafts.Wording, Chamber: strings.Split(id, "-")[0], Status: drafts.StatusSubmitted,
			Text: wording[id], Justification: "سبب",
		})
	}
	if err := f.store.AddAmendments(as...); err != nil {
		t.Fatal(err)
	}
	r := round.New(f.store)
	for _, a := range as {
		if _, err := r.Decide(drafts.Federation, a.ID, drafts.Accept, "", nil, ""); err != nil {
			t.Fatal(err)
		}
	}
	return base, wording
}

// dialogButtons are the buttons of the window's top dialog with the given
// text, in the order the dialog lists them.
func dialogButtons(w fyne.Window, text string) []*widget.Button {
	var out []*widget.Button
	if top := w.Canvas().Overlays().Top(); top != nil {
		for _, o := range test.LaidOutObjects(top) {
			if b, ok := o.(*widget.Button); ok && b.Text == text {
				out = append(out, b)
			}
		}
	}
	return out
}

// dialogTracked are the tracked diffs the window's top dialog shows.
func dialogTracked(w fyne.Window) []*textwidget.Tracked {
	var out []*textwidget.Tracked
	if top := w.Canvas().Overlays().Top(); top != nil {
		for _, o := range test.LaidOutObjects(top) {
			if tr, ok := o.(*textwidget.Tracked); ok {
				out = append(out, tr)
			}
		}
	}
	return out
}

// marks reports whether one of ts marks a run (inserted, or deleted when
// deleted is set) that holds part.
func marks(ts []*textwidget.Tracked, deleted bool, part string) bool {
	for _, t := range ts {
		runs := t.Inserted()
		if deleted {
			runs = t.Deleted()
		}
		if slices.ContainsFunc(runs, func(s string) bool { return strings.Contains(s, part) }) {
			return true
		}
	}
	return false
}

// The federation consolidates the round: exactly one conflict, shown with
// the draft's words and each side's; choosing ORI's wording opens it with
// TTA's clean change applied; saved, the log holds the federation's
// supersede and the preview shows article 3 with both non-competing
// changes; «Make version 2» stores version 2, version 1 untouched, and
// the window follows it.
func TestConsolidatingResolvingAndMakingTheNextVersion(t *testing.T) {
	f := newFixture(t)
	base, wording := consolidationRound(t, f)
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3", Timings: heldTimers})

	test.Tap(button(t, w, "Consolidate…"))
	wait(t, wb)
	ts := topDialogText(w)
	if !containsText(ts, "1 conflict to resolve before version 2 can be made") {
		t.Errorf("the view says %q, want one conflict before version 2", ts)
	}
	if !containsText(ts, "Conflicts to resolve") || !containsText(ts, "المادة 3: الطبيعة القانونية للغرف") {
		t.Errorf("the view does not name article 3 among the conflicts: %q", ts)
	}
	if !containsText(ts, "هذا القانون") {
		t.Errorf("the view does not show the draft's words of the region: %q", ts)
	}
	for _, who := range []string{"L'Oriental (ORI) — \u2066" + oriID + "\u2069", "Drâa-Tafilalet (DT) — \u2066" + dtID + "\u2069"} {
		if !containsText(ts, who) {
			t.Errorf("the view does not name the side %q: %q", who, ts)
		}
	}
	if containsText(ts, "\u2066"+ttaID+"\u2069") && !containsText(ts, "From:") {
		t.Errorf("TTA's clean change is shown as a side of the conflict: %q", ts)
	}
	tracked := dialogTracked(w)
	if !marks(tracked, false, "50.17") || !marks(tracked, false, "النظام") {
		t.Error("the sides' words are not shown as tracked changes of the region")
	}
	use := dialogButtons(w, "Use this wording")
	if len(use) != 2 {
		t.Fatalf("%d «Use this wording» buttons, want one for each of the two sides", len(use))
	}
	if make := dialogButtons(w, "Make version 2"); len(make) != 1 || !make[0].Disabled() {
		t.Error("«Make version 2» is missing, or enabled while a conflict remains")
	}

	// The sides are listed by their first amendment: DT's, then ORI's.
	test.Tap(use[1])
	text, note := wb.ResolveEditors()
	want := strings.Replace(wording[oriID], "والاستقلال المالي", "والاستقلال المالي والإداري", 1)
	if text.Text() != want {
		t.Fatalf("the resolution opens with\n%s\nwant ORI's wording with TTA's change\n%s", text.Text(), want)
	}
	typeAtEnd(note, "صيغة الشرق")
	confirm(t, w, "Save the resolution")
	wait(t, wb)

	log, err := f.store.Decisions(drafts.DecisionFilter{DraftID: f.draft.ID})
	if err != nil {
		t.Fatal(err)
	}
	var synthesis string
	for _, d := range log {
		if d.Verdict == drafts.Supersede {
			replaces := slices.Clone(d.Replaces)
			slices.Sort(replaces)
			if !slices.Equal(replaces, []string{dtID, oriID, ttaID}) || d.Note != "صيغة الشرق" || d.By != drafts.FederationCode {
				t.Errorf("the supersede is %+v, want the federation's over DT's, ORI's and TTA's with the note", d)
			}
			synthesis = d.Amendment
		}
	}
	if synthesis == "" {
		t.Fatalf("the log holds no supersede: %+v", log)
	}
	ts = topDialogText(w)
	if !containsText(ts, "No conflict remains: version 2 can be made.") || containsText(ts, "Use this wording") {
		t.Errorf("after the resolution, the view says %q, want no conflict", ts)
	}
	tracked = dialogTracked(w)
	if !marks(tracked, false, "والإداري") || !marks(tracked, false, "50.17") || !marks(tracked, true, "هذا") {
		t.Error("the preview of article 3 does not show both non-competing changes")
	}
	for _, source := range []string{"The federation (legal staff) — \u2066" + synthesis + "\u2069", "(TTA) — \u2066TTA-7K3QX9AB\u2069", "(ORI) — \u2066ORI-7K3QX9AB\u2069", "(DT) — \u2066DT-7K3QX9AB\u2069"} {
		if !containsText(ts, source) {
			t.Errorf("the preview does not name %s among the sources (the synthesis and the three it replaces): %q", source, ts)
		}
	}
	if !containsText(ts, "2 undecided amendments carry over to the next version.") {
		t.Errorf("the view does not say that CS's and MS's undecided amendments carry over: %q", ts)
	}

	make := dialogButtons(w, "Make version 2")
	if len(make) != 1 || make[0].Disabled() {
		t.Fatal("«Make version 2» is not enabled once no conflict remains")
	}
	test.Tap(make[0])
	if ts := topDialogText(w); !containsText(ts, "It cannot be undone") || !containsText(ts, "Earlier versions stay as they are, and a backup of the database is made first.") {
		t.Errorf("the confirmation says %q", ts)
	}
	confirm(t, w, "Make version 2")
	wait(t, wb)

	latest, err := round.New(f.store).Latest()
	if err != nil {
		t.Fatal(err)
	}
	if latest.Version != 2 || latest.Article("3").Text() != want {
		t.Errorf("the latest version is %d with article 3\n%s\nwant version 2 with\n%s", latest.Version, latest.Article("3").Text(), want)
	}
	v1, err := f.store.DraftVersion(f.draft.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	if v1.Article("3").Text() != base {
		t.Errorf("version 1's article 3 changed:\n%s", v1.Article("3").Text())
	}
	if wb.Consolidating() || wb.ShownVersion() != 2 {
		t.Errorf("after making it, the view is open (%v) or the window shows version %d, want version 2", wb.Consolidating(), wb.ShownVersion())
	}
	if ts := topDialogText(w); !containsText(ts, "Version 2 made") {
		t.Errorf("the window says %q, want that version 2 was made", ts)
	}
	if !slices.ContainsFunc(labels(w), func(s string) bool { return strings.Contains(s, "50.17") }) {
		t.Errorf("the window does not show version 2's article 3: %q", labels(w))
	}
}

// Nothing accepted yet: the round's sentence says so in our dialog, and
// no view stays open. A chamber has no such action.
func TestConsolidatingWithNothingAccepted(t *testing.T) {
	f := newFixture(t)
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"})
	test.Tap(button(t, w, "Consolidate…"))
	wait(t, wb)
	if wb.Consolidating() {
		t.Error("the view stays open with nothing to consolidate")
	}
	if ts := topDialogText(w); !containsText(ts, "Error") || !containsText(ts, "has been accepted yet") {
		t.Errorf("the window says %q, want the round's refusal", ts)
	}
	_, w = f.open(t, newApp(t, "CS"), ui.Options{Lang: "en", Article: "3"})
	if hasButton(w, "Consolidate…") {
		t.Error("a chamber's window offers to consolidate")
	}
}

// In Arabic at 800×600 with text at 1.5, the conflict and the preview read
// right to left (their images are kept and were looked at).
func TestTheConsolidationViewInArabic(t *testing.T) {
	f := newFixture(t)
	consolidationRound(t, f)
	// Article 2 behind the view: article 3's cards would show the
	// decisions' times, which change from run to run.
	wb, w := f.openScaled(t, fyne.NewSize(800, 600), 1.5, ui.Options{Lang: "ar", Role: "FED", Article: "2", Timings: heldTimers})
	test.Tap(button(t, w, ui.UILine("توحيد التعديلات…")))
	wait(t, wb)
	if len(dialogButtons(w, "اعتماد هذه الصيغة")) != 2 {
		t.Fatalf("the view shows %q, want the conflict's two sides", topDialogText(w))
	}
	snapshot.Assert(t, w.Canvas(), "consolidate_conflict_ar")
	closeBtn := dialogButtons(w, "إغلاق")
	if len(closeBtn) != 1 {
		t.Fatal("the view has no «إغلاق» button")
	}
	test.Tap(closeBtn[0])

	// DT's amendment rejected on second thought: TTA's and ORI's merge
	// (a resolution would name a synthesis of a new ID each run).
	if _, err := round.New(f.store).Decide(drafts.Federation, dtID, drafts.Reject, "", nil, ""); err != nil {
		t.Fatal(err)
	}
	test.Tap(button(t, w, ui.UILine("توحيد التعديلات…")))
	wait(t, wb)
	if !containsText(topDialogText(w), "لم يبق أي تعارض: يمكن إنشاء الإصدار 2.") {
		t.Fatalf("the view shows %q, want no conflict", topDialogText(w))
	}
	snapshot.Assert(t, w.Canvas(), "consolidate_preview_ar")
}

// BenchmarkConsolidationViewWorkload measures opening the consolidation
// view on the workload, the federation having accepted up to two
// submitted amendments of every article (hundreds of conflicts, hundreds
// of articles changed): consolidating, reading the conflicts' amendments,
// and laying out the view (the conflicts, and the preview's first page).
func BenchmarkConsolidationViewWorkload(b *testing.B) {
	path, d := workloadDB(b)
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		b.Fatal(err)
	}
	as, err := s.Amendments(drafts.AmendmentFilter{DraftID: d.ID, Status: drafts.StatusSubmitted})
	if err != nil {
		b.Fatal(err)
	}
	r := round.New(s)
	accepted := map[string]int{}
	for _, a := range as {
		if a.Kind == drafts.Insert || accepted[a.Article] == 2 {
			continue
		}
		accepted[a.Article]++
		if _, err := r.Decide(drafts.Federation, a.ID, drafts.Accept, "", nil, ""); err != nil {
			b.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	wb := shownWorkload(b, path)
	b.ResetTimer()
	for b.Loop() {
		wb.Consolidate()
		if err := wb.Wait(); err != nil {
			b.Fatal(err)
		}
		if !wb.Consolidating() {
			b.Fatal("the view did not open")
		}
		wb.CloseConsolidation()
	}
}

// Two new articles asking for one number are said with what to do on the
// board, naming both, and offer no wording to adopt; a repeal against a
// new wording is said as such, and adopting the wording resolves it.
func TestConsolidatingNumberClashAndRepeal(t *testing.T) {
	f := newFixture(t)
	a3, a5 := f.draft.Article("3"), f.draft.Article("5")
	amendment := func(id string, a *drafts.Article, kind drafts.AmendmentKind, number, text string) *drafts.Amendment {
		return &drafts.Amendment{
			ID: id, Created: fixtureTime, Updated: fixtureTime,
			DraftID: f.draft.ID, DraftVersion: f.draft.Version, BaseHash: a.TextHash(), Article: a.Key,
			Kind: kind, NewNumber: number, Chamber: strings.Split(id, "-")[0], Status: drafts.StatusSubmitted,
			Text: text, Justification: "سبب",
		}
	}
	gon := strings.Replace(a5.Text(), "بعاصمة الجهة", "بمدينة تحددها الجمعية العامة", 1)
	as := []*drafts.Amendment{
		amendment("TTA-7K3QX9AC", a3, drafts.Insert, "3 مكررة", "تحدث لجنة جهوية للتنسيق."),
		amendment("ORI-7K3QX9AC", a3, drafts.Insert, "3 مكررة", "يحدث مجلس جهوي للتشاور."),
		amendment("SM-7K3QX9AC", a5, drafts.Repeal, "", ""),
		amendment("GON-7K3QX9AC", a5, drafts.Wording, "", gon),
	}
	if err := f.store.AddAmendments(as...); err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		if _, err := round.New(f.store).Decide(drafts.Federation, a.ID, drafts.Accept, "", nil, ""); err != nil {
			t.Fatal(err)
		}
	}
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3", Timings: heldTimers})
	test.Tap(button(t, w, "Consolidate…"))
	wait(t, wb)
	ts := topDialogText(w)
	for _, want := range []string{
		"2 conflicts to resolve before version 2 can be made",
		"New articles asking for one number, 3 مكررة",
		"on the review board, reject all but one of them (\u2066ORI-7K3QX9AC\u2069, \u2066TTA-7K3QX9AC\u2069)",
		"One side repeals the article, the other words it anew",
		"(\u2066GON-7K3QX9AC\u2069)",
		"Repeals the article.",
	} {
		if !containsText(ts, want) {
			t.Errorf("the view does not say %q: %q", want, ts)
		}
	}
	// Saving the article unchanged is refused in the round's sentence, and
	// the dialog opens again with the note written.
	test.Tap(dialogButtons(w, "Edit the article")[0])
	text, note := wb.ResolveEditors()
	if text.Text() != a5.Text() {
		t.Errorf("Edit opens with %q, want the article as the draft has it (its only change is in conflict)", text.Text())
	}
	typeAtEnd(note, "ملاحظة")
	confirm(t, w, "Save the resolution")
	wait(t, wb)
	if ts := topDialogText(w); !containsText(ts, "Error") || !containsText(ts, "the same as the current text of article 5") {
		t.Fatalf("saving the article unchanged shows %q, want the round's refusal", ts)
	}
	confirm(t, w, "OK")
	if _, note := wb.ResolveEditors(); note.Text() != "ملاحظة" {
		t.Errorf("after the refusal, the note reads %q, want what was written", note.Text())
	}
	confirm(t, w, "Cancel")

	use := dialogButtons(w, "Use this wording")
	if len(use) != 1 {
		t.Fatalf("%d «Use this wording» buttons, want GON's alone (neither the repeal nor a new article has one)", len(use))
	}
	test.Tap(use[0])
	if text, _ := wb.ResolveEditors(); text.Text() != gon {
		t.Fatalf("the resolution opens with %q, want GON's wording", text.Text())
	}
	confirm(t, w, "Save the resolution")
	wait(t, wb)
	if ts := topDialogText(w); !containsText(ts, "1 conflict to resolve before version 2 can be made") || containsText(ts, "Repeals the article.") {
		t.Errorf("after adopting GON's wording, the view says %q, want the new articles' conflict alone", ts)
	}
}

// checkDialogHolds checks the window's top dialog as a user would see it
// at the window's size: nothing in it asks for more than the window (what
// scrolls, for more than its width), and nothing outside its scrolled
// areas is cut by the window's edge.
func checkDialogHolds(t *testing.T, w fyne.Window, size fyne.Size) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	win := rect{0, 0, size.Width, size.Height}
	for _, p := range shownIn(top)[1:] { // the first is the pop-up's shade, the whole window
		// What scrolls may be taller than the window, not wider.
		if m := p.o.MinSize(); m.Width > size.Width || m.Height > size.Height && !p.scrolled {
			t.Errorf("%T in the dialog asks for %v, more than the window's %v", p.o, m, size)
		}
		if fmt.Sprintf("%T", p.parent) == "*widget.Shadow" {
			continue // a drop shadow, outside the dialog by design
		}
		if r := p.rect(); !p.scrolled && !r.within(win) {
			t.Errorf("%T at %v in the dialog is cut by the window's edge %v", p.o, r, win)
		}
	}
	if w.Canvas().Size() != size {
		t.Errorf("the window grew from %v to %v", size, w.Canvas().Size())
	}
}

// The consolidation view and its resolution dialog hold at every window
// size and text scale.
func TestTheConsolidationViewHoldsAtEverySize(t *testing.T) {
	f := newFixture(t)
	consolidationRound(t, f)
	for _, ws := range windowSizes {
		t.Run(ws.name, func(t *testing.T) {
			wb, w := f.openScaled(t, ws.size, ws.scale, ui.Options{Lang: "ar", Role: "FED", Article: "2", Timings: heldTimers})
			wb.Consolidate()
			wait(t, wb)
			checkDialogHolds(t, w, ws.size)
			test.Tap(dialogButtons(w, "اعتماد هذه الصيغة")[0])
			checkDialogHolds(t, w, ws.size)
		})
	}
}

// The preview lists a page of articles at a time, and says how many more
// there are; «Show more articles» lists the next page.
func TestThePreviewListsAPageAtATime(t *testing.T) {
	ui.SetPreviewPage(t, 1)
	f := newFixture(t)
	consolidationRound(t, f)
	r := round.New(f.store)
	if _, err := r.Decide(drafts.Federation, dtID, drafts.Reject, "", nil, ""); err != nil {
		t.Fatal(err)
	}
	sm, err := drafts.ChamberByCode("SM")
	if err != nil {
		t.Fatal(err)
	}
	a := round.Blank(sm, f.draft, f.draft.Article("5"))
	a.Text, a.Justification = strings.Replace(f.draft.Article("5").Text(), "بعاصمة الجهة", "بمدينة تحددها الجمعية العامة", 1), "سبب"
	if err := r.Submit(sm, f.draft, a); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Decide(drafts.Federation, a.ID, drafts.Accept, "", nil, ""); err != nil {
		t.Fatal(err)
	}
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "2"})
	wb.Consolidate()
	wait(t, wb)
	ts := topDialogText(w)
	if !containsText(ts, "المادة 3: ") || containsText(ts, "المادة 5: ") || !containsText(ts, "1 of 2 shown") {
		t.Fatalf("the preview's first page shows %q, want article 3 alone, and that one of two is shown", ts)
	}
	more := dialogButtons(w, "Show more articles")
	if len(more) != 1 {
		t.Fatal("no «Show more articles» button")
	}
	test.Tap(more[0])
	ts = topDialogText(w)
	if !containsText(ts, "المادة 3: ") || !containsText(ts, "المادة 5: ") || containsText(ts, "shown") || len(dialogButtons(w, "Show more articles")) != 0 {
		t.Errorf("after «Show more articles», the preview shows %q, want articles 3 and 5 and no more to show", ts)
	}
}
