package ui_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/ui"
	"statute/ui/internal/snapshot"
	"statute/ui/textwidget"
)

// heldTimers push the propose screen's autosave and preview timers out of
// a test's reach, so that the test drives them through the hooks.
var heldTimers = ui.Timings{Autosave: time.Hour, Preview: time.Hour}

// openPropose opens article 3 for role in English with the propose screen
// shown, its timers held for the test to drive.
func openPropose(t *testing.T, f *fixture, role, language string) (*ui.Workbench, fyne.Window) {
	t.Helper()
	a := newApp(t, role)
	wb, w := f.open(t, a, ui.Options{Lang: language, Article: "3", Timings: heldTimers})
	test.Tap(button(t, w, proposeLabel(language)))
	if !wb.Proposing() {
		t.Fatal("the propose screen did not open")
	}
	return wb, w
}

func proposeLabel(language string) string {
	switch language {
	case "ar":
		return "اقتراح تعديل"
	case "fr":
		return "Proposer un amendement"
	}
	return "Propose an amendment"
}

// settle waits for the window's saves and reads to end.
func settle(t *testing.T, wb *ui.Workbench) {
	t.Helper()
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
}

// typeAtEnd types s at the end of an editor, as a user would after
// clicking there.
func typeAtEnd(e *textwidget.Editor, s string) {
	e.SetCaret(len(e.Text()))
	for _, r := range s {
		e.TypedRune(r)
	}
}

// mine returns the role's amendments to article 3, as stored.
func mine(t *testing.T, f *fixture, role string) []drafts.Amendment {
	t.Helper()
	as, err := f.store.Amendments(drafts.AmendmentFilter{DraftID: f.draft.ID, Article: "3", Chamber: role})
	if err != nil {
		t.Fatal(err)
	}
	return as
}

// chooseKind taps the middle of the label of the kind of amendment
// named label, as a user would.
func chooseKind(t *testing.T, w fyne.Window, label string) {
	t.Helper()
	l := shown(t, w, label)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(l).Add(fyne.NewPos(l.Size().Width/2, l.Size().Height/2))
	test.TapCanvas(w.Canvas(), pos)
}

func hasButton(w fyne.Window, text string) bool {
	for _, o := range objects(w) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return true
		}
	}
	return false
}

func TestProposingNewWordingSavesADraftAmendment(t *testing.T) {
	base := newFixture(t).draft.Article("3").Text()
	for _, c := range []struct {
		name string
		save func(t *testing.T, wb *ui.Workbench, w fyne.Window)
	}{
		{"Save draft button", func(t *testing.T, wb *ui.Workbench, w fyne.Window) { test.Tap(button(t, w, "Save draft")) }},
		{"autosave tick", func(t *testing.T, wb *ui.Workbench, w fyne.Window) { wb.Autosave() }},
		{"Close button", func(t *testing.T, wb *ui.Workbench, w fyne.Window) { test.Tap(button(t, w, "Close")) }},
		{"Escape", func(t *testing.T, wb *ui.Workbench, w fyne.Window) {
			w.Canvas().Unfocus()
			w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
		}},
		{"closing the window", func(t *testing.T, wb *ui.Workbench, w fyne.Window) {
			if !wb.CloseWindow() {
				t.Error("the window did not close after saving")
			}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			wb, w := openPropose(t, f, "RSK", "en")
			text, _, just := wb.ProposeEditors()
			if len(mine(t, f, "RSK")) != 0 {
				t.Fatal("an amendment was stored before anything was typed")
			}
			typeAtEnd(text, " جهوية")
			typeAtEnd(just, "للتوضيح.")
			c.save(t, wb, w)
			settle(t, wb)
			as := mine(t, f, "RSK")
			if len(as) != 1 {
				t.Fatalf("the store holds %d amendments by RSK, want 1", len(as))
			}
			a := as[0]
			if a.Kind != drafts.Wording || a.Status != drafts.StatusDraft || a.Text != base+" جهوية" || a.Justification != "للتوضيح." {
				t.Errorf("stored %s %s %q / %q", a.Kind, a.Status, a.Text, a.Justification)
			}
		})
	}
}

func TestLaterSavesUpdateTheSameAmendment(t *testing.T) {
	f := newFixture(t)
	wb, w := openPropose(t, f, "FED", "en")
	text, _, _ := wb.ProposeEditors()
	typeAtEnd(text, " أولا")
	wb.Autosave()
	settle(t, wb)
	typeAtEnd(text, " ثانيا")
	wb.Autosave()
	settle(t, wb)
	as := mine(t, f, "FED")
	if len(as) != 1 || !strings.HasSuffix(as[0].Text, " أولا ثانيا") {
		t.Fatalf("the store holds %d FED amendments: %+v", len(as), as)
	}
	test.Tap(button(t, w, "Close"))
	settle(t, wb)
	if wb.Proposing() {
		t.Error("Close left the propose screen open")
	}
}

func TestEditReopensTheSavedDraft(t *testing.T) {
	f := newFixture(t)
	wb, w := openPropose(t, f, "FM", "en")
	// FM's fixture amendment comes first, then the one written here.
	text, _, just := wb.ProposeEditors()
	text.TypedShortcut(&fyne.ShortcutSelectAll{})
	text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	typeAtEnd(text, "نص جديد للمادة.")
	typeAtEnd(just, "سبب.")
	test.Tap(button(t, w, "Close"))
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	var edits []*widget.Button
	for _, o := range objects(w) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Edit" {
			edits = append(edits, b)
		}
	}
	if len(edits) != 2 {
		t.Fatalf("%d Edit buttons, want 2 (FM's two draft amendments)", len(edits))
	}
	test.Tap(edits[1])
	settle(t, wb)
	if !wb.Proposing() {
		t.Fatal("Edit did not open the propose screen")
	}
	text, _, just = wb.ProposeEditors()
	if got := text.Text(); got != "نص جديد للمادة." {
		t.Errorf("the wording reopens as %q", got)
	}
	if got := just.Text(); got != "سبب." {
		t.Errorf("the justification reopens as %q", got)
	}
	typeAtEnd(text, " مزيد")
	test.Tap(button(t, w, "Save draft"))
	settle(t, wb)
	as := mine(t, f, "FM")
	if len(as) != 2 || as[1].Text != "نص جديد للمادة. مزيد" {
		t.Errorf("after editing the store holds %v", as)
	}
}

func TestAChamberCannotEditAnotherChambersAmendment(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	_, w := f.open(t, a, ui.Options{Lang: "en", Article: "3"})
	if hasButton(w, "Edit") {
		t.Error("the federation may edit FM's and CS's amendments")
	}
	if !hasButton(w, "Propose an amendment") {
		t.Error("the federation may not propose")
	}
}

func TestSubmitLocksTheAmendment(t *testing.T) {
	f := newFixture(t)
	wb, w := openPropose(t, f, "RSK", "en")
	text, _, just := wb.ProposeEditors()
	typeAtEnd(text, " جهوية")
	typeAtEnd(just, "للتوضيح.")
	test.Tap(button(t, w, "Submit"))
	if ts := topDialogText(w); !containsText(ts, "locked") {
		t.Fatalf("Submit asks %q, want a warning that it locks", ts)
	}
	var yes *widget.Button
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Submit" {
			yes = b
		}
	}
	test.Tap(yes)
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	as := mine(t, f, "RSK")
	if len(as) != 1 || as[0].Status != drafts.StatusSubmitted {
		t.Fatalf("after Submit the store holds %v", as)
	}
	if wb.Proposing() || hasButton(w, "Edit") {
		t.Error("a submitted amendment can still be edited")
	}
	if !containsText(labels(w), "New wording — Submitted") {
		t.Errorf("the article view shows %q, want the amendment as submitted", labels(w))
	}
	as[0].Text = "تغيير بعد التقديم."
	if err := f.store.UpdateAmendment(&as[0]); !drafts.IsKind(err, drafts.Conflict) {
		t.Errorf("UpdateAmendment on a submitted amendment: %v, want a Conflict", err)
	}
}

func TestRepealAndInsertKinds(t *testing.T) {
	for _, c := range []struct {
		kind, number, text string
		want               drafts.AmendmentKind
	}{
		{"Repeal", "", "", drafts.Repeal},
		{"New article after this one", "3 مكررة", "تحدث لجان جهوية.", drafts.Insert},
	} {
		t.Run(string(c.want), func(t *testing.T) {
			f := newFixture(t)
			wb, w := openPropose(t, f, "CS", "en")
			chooseKind(t, w, c.kind)
			text, number, just := wb.ProposeEditors()
			if c.want == drafts.Insert {
				if got := text.Text(); got != "" {
					t.Errorf("a new article starts with %q", got)
				}
				typeAtEnd(text, c.text)
				typeAtEnd(number, c.number)
			}
			typeAtEnd(just, "سبب.")
			test.Tap(button(t, w, "Save draft"))
			settle(t, wb)
			as := mine(t, f, "CS")
			if len(as) != 2 {
				t.Fatalf("the store holds %d CS amendments, want 2", len(as))
			}
			a := as[1]
			if a.Kind != c.want || a.NewNumber != c.number || a.Text != c.text || a.Justification != "سبب." {
				t.Errorf("stored %s %q %q %q", a.Kind, a.NewNumber, a.Text, a.Justification)
			}
		})
	}
}

func TestInvalidProposalsShowWhyAndAreNotSaved(t *testing.T) {
	for _, c := range []struct {
		name, kind, number, want string
	}{
		{"empty wording", "New wording", "", "the proposed wording is empty"},
		{"number that is not one", "New article after this one", "غدا", "is not an article number"},
		{"number already taken", "New article after this one", "4", "already has an article"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			wb, w := openPropose(t, f, "FM", "en")
			chooseKind(t, w, c.kind)
			text, number, _ := wb.ProposeEditors()
			text.TypedShortcut(&fyne.ShortcutSelectAll{})
			text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
			if c.number != "" {
				typeAtEnd(text, "نص.")
				typeAtEnd(number, c.number)
			}
			test.Tap(button(t, w, "Save draft"))
			settle(t, wb)
			if !slices.ContainsFunc(labels(w), func(s string) bool { return strings.Contains(s, c.want) }) {
				t.Errorf("the screen says %q, want %q", labels(w), c.want)
			}
			if n := len(mine(t, f, "FM")); n != 1 {
				t.Errorf("the store holds %d FM amendments, want the fixture's 1", n)
			}
			test.Tap(button(t, w, "Close"))
			settle(t, wb)
			if ts := topDialogText(w); !containsText(ts, "cannot be saved yet") {
				t.Errorf("closing unsaved work asks %q", ts)
			}
		})
	}
}

func TestThePreviewShowsTheInsertedWord(t *testing.T) {
	f := newFixture(t)
	wb, _ := openPropose(t, f, "FM", "en")
	text, _, _ := wb.ProposeEditors()
	if got := wb.PreviewInserts(); len(got) != 0 {
		t.Errorf("before typing the preview marks %q as inserted", got)
	}
	typeAtEnd(text, " ومستقلة")
	wb.FlushPreview()
	if got := wb.PreviewInserts(); !slices.Contains(got, "ومستقلة") {
		t.Errorf("the preview marks %q as inserted, want «ومستقلة»", got)
	}
}

// A wording typed the way the draft is written, a blank line between its
// paragraphs, previews as the article with the paragraph added, inserted in
// its place and nothing else marked, and is stored one paragraph a line.
func TestAWordingWithBlankLinesPreviewsAndStoresItsParagraphs(t *testing.T) {
	f := newFixture(t)
	art := f.draft.Article("3")
	if len(art.Paragraphs) != 2 {
		t.Fatalf("article 3 has %d paragraphs; the test writes between two", len(art.Paragraphs))
	}
	wb, w := openPropose(t, f, "RSK", "en")
	text, _, just := wb.ProposeEditors()
	added := "وتتمتع الغرفة بالأهلية القانونية للتقاضي."
	// A blank line between the article's two paragraphs, then a paragraph
	// of its own at the end, after a blank line.
	text.SetCaret(len(art.Paragraphs[0]) + 1)
	text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	text.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEnd, Modifier: fyne.KeyModifierControl})
	text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(text, added+"  ")
	if typed := art.Paragraphs[0] + "\n\n" + art.Paragraphs[1] + "\n\n" + added + "  "; text.Text() != typed {
		t.Fatalf("the editor holds %q, want %q", text.Text(), typed)
	}
	wb.FlushPreview()
	want := art.Text() + "\n" + added
	if got := wb.PreviewText(); got != want {
		t.Errorf("the preview reads %q, want the article with the paragraph added %q", got, want)
	}
	if ins, del := wb.PreviewInserts(), wb.PreviewDeletes(); !slices.Equal(ins, []string{added}) || len(del) != 0 {
		t.Errorf("the preview marks %q inserted and %q deleted, want only the new paragraph inserted", ins, del)
	}
	typeAtEnd(just, "توضيح.")
	test.Tap(button(t, w, "Save draft"))
	settle(t, wb)
	as := mine(t, f, "RSK")
	if len(as) != 1 {
		t.Fatalf("stored %d amendments, want one", len(as))
	}
	if as[0].Text != want {
		t.Errorf("stored the wording %q, want %q", as[0].Text, want)
	}
}

func TestProposeSnapshot(t *testing.T) {
	f := newFixture(t)
	wb, w := openPropose(t, f, "FM", "ar")
	text, _, just := wb.ProposeEditors()
	typeAtEnd(text, " جهوية")
	typeAtEnd(just, "توضيح الطبيعة الجهوية للغرف.")
	wb.FlushPreview()
	w.Canvas().Unfocus() // no blinking caret in the snapshot
	snapshot.Assert(t, w.Canvas(), "propose_ar")
}

func TestTheAuthorIsStoredAndOfferedForTheNextAmendment(t *testing.T) {
	f := newFixture(t)
	wb, w := openPropose(t, f, "RSK", "en")
	text, _, _ := wb.ProposeEditors()
	typeAtEnd(text, " جهوية")
	typeAtEnd(wb.ProposeAuthor(), "  محمد   العلوي، رئيس الغرفة ")
	test.Tap(button(t, w, "Save draft"))
	settle(t, wb)
	as := mine(t, f, "RSK")
	if len(as) != 1 || as[0].Author != "محمد العلوي، رئيس الغرفة" {
		t.Fatalf("the store holds %+v, want one amendment by «محمد العلوي، رئيس الغرفة» (spaces tidied)", as)
	}
	test.Tap(button(t, w, "Close"))
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if !containsText(labels(w), "Rabat-Salé-Kénitra (RSK) — محمد العلوي، رئيس الغرفة — New wording") {
		t.Errorf("the amendment list shows %q, want the author after the chamber", labels(w))
	}
	test.Tap(button(t, w, "Propose an amendment"))
	if got := wb.ProposeAuthor().Text(); got != "محمد العلوي، رئيس الغرفة" {
		t.Errorf("the next amendment's author field holds %q, want the last author offered", got)
	}
}

func TestEscapeInAnEditorClosesTheScreenAndSaves(t *testing.T) {
	f := newFixture(t)
	wb, w := openPropose(t, f, "RSK", "en")
	text, _, _ := wb.ProposeEditors()
	w.Canvas().Focus(text)
	typeAtEnd(text, " جهوية")
	text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	settle(t, wb)
	if wb.Proposing() {
		t.Error("Escape in the wording editor left the propose screen open")
	}
	if as := mine(t, f, "RSK"); len(as) != 1 || !strings.HasSuffix(as[0].Text, " جهوية") {
		t.Errorf("after Escape the store holds %+v, want the typed wording saved", as)
	}
}

func TestASaveThatEndsLateDoesNotUndoALaterOne(t *testing.T) {
	f := newFixture(t)
	wb, _ := openPropose(t, f, "RSK", "en")
	text, _, _ := wb.ProposeEditors()
	typeAtEnd(text, " أولا")
	first := wb.ProposeSnapshot()
	typeAtEnd(text, " ثانيا")
	second := wb.ProposeSnapshot()
	// The later save reaches the store first, as a slow disk can make it.
	for _, write := range []func() error{second, first} {
		if err := write(); err != nil {
			t.Fatal(err)
		}
	}
	as := mine(t, f, "RSK")
	if len(as) != 1 || !strings.HasSuffix(as[0].Text, " أولا ثانيا") {
		t.Errorf("the store holds %+v, want one amendment with the later wording « أولا ثانيا»", as)
	}
}

func TestClickingAFieldLetsYouTypeInIt(t *testing.T) {
	f := newFixture(t)
	wb, w := openPropose(t, f, "RSK", "en")
	_, _, just := wb.ProposeEditors()
	author := wb.ProposeAuthor()
	// As the desktop driver does: the button goes down on the field, then
	// the click is reported.
	author.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(10, 10)}, Button: desktop.MouseButtonPrimary})
	author.Tapped(&fyne.PointEvent{Position: fyne.NewPos(10, 10)})
	test.Type(w.Canvas().Focused(), "سلمى")
	test.Tap(just) // as the test driver reports a click
	test.Type(w.Canvas().Focused(), "سبب")
	if author.Text() != "سلمى" || just.Text() != "سبب" {
		t.Errorf("after clicking each field and typing, the author reads %q and the justification %q", author.Text(), just.Text())
	}
}

// confirm taps the button named verb in the dialog on top of w.
func confirm(t *testing.T, w fyne.Window, verb string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog asks to %s", verb)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == verb {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("the dialog has no %q button", verb)
}

func TestAChamberDeletesItsDraft(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FM")
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "3"})
	test.Tap(button(t, w, "Delete"))
	if ts := topDialogText(w); !containsText(ts, "removes it for good") {
		t.Fatalf("Delete asks %q, want a warning that it is for good", ts)
	}
	confirm(t, w, "Delete")
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if as := mine(t, f, "FM"); len(as) != 0 {
		t.Errorf("after Delete the store holds FM's %v", as)
	}
	if !shows(w, "0 amendments") || hasButton(w, "Delete") {
		t.Errorf("after Delete the window shows %q, want no amendment", labels(w))
	}
}

func TestAChamberWithdrawsItsSubmittedAmendment(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "CS")
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "3"})
	if hasButton(w, "Edit") || hasButton(w, "Delete") {
		t.Error("a submitted amendment offers Edit or Delete")
	}
	test.Tap(button(t, w, "Withdraw"))
	confirm(t, w, "Withdraw")
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	as := mine(t, f, "CS")
	if len(as) != 1 || as[0].Status != drafts.StatusWithdrawn {
		t.Fatalf("after Withdraw the store holds %v, want CS's amendment withdrawn", as)
	}
	if !containsText(labels(w), "Casablanca-Settat (CS) — New wording — Withdrawn") || hasButton(w, "Withdraw") {
		t.Errorf("after Withdraw the window shows %q, want it marked withdrawn, with nothing left to do", labels(w))
	}
	// The federation still sees it, as withdrawn.
	_, fw := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"})
	if !containsText(labels(fw), "Casablanca-Settat (CS) — New wording — Withdrawn") {
		t.Errorf("the federation sees %q, want CS's amendment as withdrawn", labels(fw))
	}
}

// However long the wording being written grows, the article it amends
// stays on screen: the caret at the end of forty paragraphs, the article's
// text is still in the window.
func TestTheArticleStaysInViewWhileALongWordingIsWritten(t *testing.T) {
	f := newFixture(t)
	wb, w := openPropose(t, f, "FM", "ar")
	text, _, _ := wb.ProposeEditors()
	w.Canvas().Focus(text)
	typeAtEnd(text, strings.Repeat("\nفقرة جديدة طويلة تضاف إلى نص المادة المقترح تعديلها.", 40))
	labels(w) // lay everything out, as a frame would
	body := f.draft.Article("3").Text()
	var shown bool
	for _, o := range objects(w) {
		tx, ok := o.(*textwidget.Text)
		if !ok || tx.Text() != body {
			continue
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(tx)
		if pos.Y >= 0 && pos.Y+tx.Size().Height <= w.Canvas().Size().Height && tx.Visible() {
			shown = true
		}
	}
	if !shown {
		t.Errorf("with the caret at the end of a long wording, the text of article 3 is not in the window")
	}
}
