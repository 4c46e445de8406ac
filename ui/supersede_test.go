package ui_test

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"statute/drafts"
	"statute/ui"
	"statute/ui/internal/snapshot"
	"statute/ui/textwidget"
)

// synthesisID is the federation's synthesis that addSynthesis stores.
const synthesisID = "FED-2M4P6R8T"

// addSynthesis stores the federation's submitted synthesis of article 3.
func addSynthesis(t *testing.T, f *fixture) {
	t.Helper()
	a3 := f.draft.Article("3")
	err := f.store.AddAmendments(&drafts.Amendment{
		ID: synthesisID, Created: fixtureTime, Updated: fixtureTime,
		DraftID: f.draft.ID, DraftVersion: f.draft.Version, BaseHash: a3.TextHash(), Article: "3",
		Kind: drafts.Wording, Chamber: drafts.FederationCode, Status: drafts.StatusSubmitted,
		Text:          "غرف الصناعة التقليدية مؤسسات عمومية مهنية جهوية مستقلة.",
		Justification: "صيغة تجمع اقتراحات الغرف.",
	})
	if err != nil {
		t.Fatal(err)
	}
}

// dialogObjects are what the window's top dialog shows.
func dialogObjects(t *testing.T, w fyne.Window) []fyne.CanvasObject {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	return test.LaidOutObjects(top)
}

// pickRow is a row of the supersede dialog, as a user meets it: it is
// tapped, and shows whether it is ticked.
type pickRow interface {
	fyne.Tappable
	fyne.Focusable
	Checked() bool
}

// pickRows are the rows of the top dialog that can be ticked, each with
// the texts it shows.
func pickRows(t *testing.T, w fyne.Window) (rows []pickRow, texts [][]string) {
	t.Helper()
	for _, o := range dialogObjects(t, w) {
		r, ok := o.(pickRow)
		if !ok {
			continue
		}
		var ts []string
		for _, c := range test.LaidOutObjects(o) {
			if l, ok := c.(interface{ Text() string }); ok {
				ts = append(ts, l.Text())
			}
		}
		rows, texts = append(rows, r), append(texts, ts)
	}
	return rows, texts
}

// dialogEditor is the top dialog's (last) editor.
func dialogEditor(t *testing.T, w fyne.Window) *textwidget.Editor {
	t.Helper()
	var e *textwidget.Editor
	for _, o := range dialogObjects(t, w) {
		if x, ok := o.(*textwidget.Editor); ok {
			e = x
		}
	}
	if e == nil {
		t.Fatal("the dialog has no editor")
	}
	return e
}

// The federation writes its synthesis on the propose screen, submits it,
// and puts it in place of CS's and RSK's amendments from its card: their
// cards then say so, MS's is left undecided.
func TestTheFederationSupersedesWithItsSynthesis(t *testing.T) {
	f := newFixture(t)
	addRSK(t, f)
	wb, w := openPropose(t, f, "FED", "en")
	text, _, just := wb.ProposeEditors()
	typeAtEnd(text, " جهوية")
	typeAtEnd(just, "صيغة تجمع اقتراحات الغرف.")
	test.Tap(button(t, w, "Submit"))
	test.Tap(dialogButton(t, w, "Submit"))
	wait(t, wb)
	own := mine(t, f, "FED")
	if len(own) != 1 || own[0].Status != drafts.StatusSubmitted {
		t.Fatalf("after Submit the federation's amendments are %+v, want its synthesis submitted", own)
	}
	syn := own[0].ID
	if n := len(allButtons(w, "Supersede…")); n != 1 {
		t.Fatalf("%d «Supersede…» buttons, want one, on the federation's own card", n)
	}

	test.Tap(button(t, w, "Supersede…"))
	rows, texts := pickRows(t, w)
	var names []string
	for _, ts := range texts {
		names = append(names, ts[0])
	}
	want := []string{"Casablanca-Settat (CS) — \u2066CS-7K3QX9AB\u2069", "Marrakech-Safi (MS) — \u2066MS-7K3QX9AB\u2069", "Rabat-Salé-Kénitra (RSK) — \u2066RSK-7K3QX9AB\u2069"}
	if !slices.Equal(names, want) {
		t.Fatalf("the dialog offers %q, want the other submitted amendments %q", names, want)
	}
	if !containsText(texts[2], "جهوية") {
		t.Errorf("RSK's row shows %q, want its change", texts[2])
	}
	supersede := dialogButton(t, w, "Supersede")
	if !supersede.Disabled() {
		t.Error("«Supersede» can be pressed with nothing ticked")
	}
	test.Tap(rows[0])
	rows[2].TypedRune(' ') // the keyboard ticks a row too
	if !rows[0].Checked() || rows[1].Checked() || !rows[2].Checked() || supersede.Disabled() {
		t.Fatalf("after ticking CS's and RSK's rows, the rows read %v %v %v and Supersede disabled=%v",
			rows[0].Checked(), rows[1].Checked(), rows[2].Checked(), supersede.Disabled())
	}
	typeAtEnd(dialogEditor(t, w), "صيغة موحدة")
	test.Tap(supersede)
	wait(t, wb)

	h := history(t, f, syn)
	if len(h) != 1 || h[0].Verdict != drafts.Supersede || !slices.Equal(h[0].Replaces, []string{"CS-7K3QX9AB", "RSK-7K3QX9AB"}) || h[0].Note != "صيغة موحدة" {
		t.Fatalf("the synthesis's history is %+v, want one supersede of CS's and RSK's with the note", h)
	}
	superseded := 0
	for _, l := range labels(w) {
		if strings.HasPrefix(l, "Decision: superseded by \u2066"+syn+"\u2069 — ") {
			superseded++
		}
	}
	if superseded != 2 || !containsText(labels(w), "Decision: adopted in place of \u2066CS-7K3QX9AB\u2069, \u2066RSK-7K3QX9AB\u2069") {
		t.Errorf("after the supersede the cards show %q, want CS's and RSK's superseded by %s, and the synthesis adopted in their place", labels(w), syn)
	}
	if hist := history(t, f, "MS-7K3QX9AB"); len(hist) != 0 {
		t.Errorf("MS's amendment, not ticked, has the history %+v", hist)
	}
	if hasButton(w, "Supersede…") {
		t.Error("the decided synthesis still offers «Supersede…»")
	}
}

// Only the federation's own undecided amendment offers Supersede…: not a
// chamber's, and not on a chamber's laptop.
func TestOnlyTheFederationsOwnAmendmentOffersSupersede(t *testing.T) {
	f := newFixture(t)
	_, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"})
	if hasButton(w, "Supersede…") {
		t.Error("the board offers «Supersede…» on chambers' amendments")
	}
	addSynthesis(t, f)
	_, w = f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"})
	if n := len(allButtons(w, "Supersede…")); n != 1 {
		t.Errorf("%d «Supersede…» buttons on the board, want one on the federation's synthesis", n)
	}
	_, w = f.open(t, newApp(t, "CS"), ui.Options{Lang: "en", Article: "3"})
	if hasButton(w, "Supersede…") {
		t.Error("a chamber's laptop offers «Supersede…»")
	}
}

// Cancelling the supersede, or Escape on a row, decides nothing.
func TestCancellingTheSupersedeDecidesNothing(t *testing.T) {
	f := newFixture(t)
	addSynthesis(t, f)
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"})
	test.Tap(button(t, w, "Supersede…"))
	rows, _ := pickRows(t, w)
	test.Tap(rows[0])
	test.Tap(dialogButton(t, w, "Cancel"))
	test.Tap(button(t, w, "Supersede…"))
	rows, _ = pickRows(t, w)
	test.Tap(rows[1])
	rows[1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	wait(t, wb)
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Escape on a row left the dialog open")
	}
	if h := history(t, f, synthesisID); len(h) != 0 {
		t.Errorf("after Cancel and Escape the synthesis's history is %+v", h)
	}
}

// In Arabic the supersede dialog reads right to left, each row's box on
// the right (its image is kept and was looked at).
func TestTheSupersedeDialogInArabic(t *testing.T) {
	f := newFixture(t)
	addSynthesis(t, f)
	_, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "ar", Article: "3"})
	test.Tap(button(t, w, ui.UILine("إحلاله محل تعديلات…")))
	rows, texts := pickRows(t, w)
	if len(rows) != 2 || !strings.HasPrefix(texts[0][0], "الدار البيضاء سطات") {
		t.Fatalf("the dialog offers %q, want CS's and MS's amendments", texts)
	}
	test.Tap(rows[0])
	typeAtEnd(dialogEditor(t, w), "صيغة موحدة")
	// The box is on the row's right, the chamber's name left of it.
	row := rows[0].(fyne.CanvasObject)
	for _, o := range test.LaidOutObjects(row) {
		if l, ok := o.(interface{ Text() string }); ok && strings.HasPrefix(l.Text(), "الدار البيضاء") {
			if right := o.Position().X + o.Size().Width; row.Size().Width-right < 20 {
				t.Errorf("the chamber's name ends %.0f from the row's right edge: no room for the box there", row.Size().Width-right)
			}
		}
	}
	snapshot.Assert(t, w.Canvas(), "supersede_ar")
}

// The supersede dialog keeps within the window at every size.
func TestTheSupersedeDialogHoldsAtEverySize(t *testing.T) {
	f := newFixture(t)
	addSynthesis(t, f)
	for _, ws := range windowSizes {
		t.Run(ws.name, func(t *testing.T) {
			_, w := f.openScaled(t, ws.size, ws.scale, ui.Options{Lang: "ar", Role: "FED", Article: "3"})
			test.Tap(button(t, w, ui.UILine("إحلاله محل تعديلات…")))
			checkDialogHolds(t, w, ws.size)
			test.Tap(dialogButton(t, w, "إلغاء"))
		})
	}
}
