package ui_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/drafts/round"
	"statute/ui"
	"statute/ui/internal/snapshot"
	"statute/ui/textwidget"
)

// decideButtons are the federation's buttons on a submitted card.
var decideButtons = []string{"Accept", "Accept with changes", "Reject", "History"}

// addRSK adds RSK's submitted amendment of article 3, worded unlike CS's
// and MS's, so that the board shows it as an entry of its own.
func addRSK(t *testing.T, f *fixture) {
	t.Helper()
	a3 := f.draft.Article("3")
	err := f.store.AddAmendments(&drafts.Amendment{
		ID: "RSK-7K3QX9AB", Created: fixtureTime, Updated: fixtureTime,
		DraftID: f.draft.ID, DraftVersion: f.draft.Version, BaseHash: a3.TextHash(), Article: "3",
		Kind: drafts.Wording, Chamber: "RSK", Status: drafts.StatusSubmitted,
		Text: "غرف الصناعة التقليدية مؤسسات عمومية جهوية.",
	})
	if err != nil {
		t.Fatal(err)
	}
}

// history is amendment id's decision log, as the round reads it.
func history(t *testing.T, f *fixture, id string) []drafts.Decision {
	t.Helper()
	h, err := round.New(f.store).History(id)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// wait waits for the window's store reads and writes to end.
func wait(t *testing.T, wb *ui.Workbench) {
	t.Helper()
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
}

func TestTheFederationAloneHasDecideButtons(t *testing.T) {
	f := newFixture(t)
	_, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"})
	for _, b := range decideButtons {
		if !hasButton(w, b) {
			t.Errorf("the federation's board has no %q button on CS's and MS's submitted cards", b)
		}
	}
	for _, role := range []string{"CS", "FM"} {
		_, w := f.open(t, newApp(t, role), ui.Options{Lang: "en", Article: "3"})
		for _, b := range decideButtons {
			if hasButton(w, b) {
				t.Errorf("the chamber %s's window offers %q", role, b)
			}
		}
	}
}

// Accepting from a card of identical proposals says so, and decides each
// of them, with the note; both cards then say it.
func TestAcceptingIdenticalProposalsDecidesEach(t *testing.T) {
	f := newFixture(t)
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"})
	test.Tap(button(t, w, "Accept"))
	if ts := topDialogText(w); !containsText(ts, "The decision applies to the identical amendments: \u2066CS-7K3QX9AB\u2069, \u2066MS-7K3QX9AB\u2069") {
		t.Errorf("the dialog says %q, want the identical amendments it decides", ts)
	}
	_, note := wb.DecideEditors()
	typeAtEnd(note, "صيغة أوضح")
	confirm(t, w, "Record the decision")
	wait(t, wb)
	for _, id := range []string{"CS-7K3QX9AB", "MS-7K3QX9AB"} {
		h := history(t, f, id)
		if len(h) != 1 || h[0].Verdict != drafts.Accept || h[0].Note != "صيغة أوضح" || h[0].By != drafts.FederationCode {
			t.Errorf("after Accept, %s's history is %+v, want one acceptance with the note", id, h)
		}
	}
	n := 0
	for _, l := range labels(w) {
		if strings.HasPrefix(l, "Decision: accepted — ") && strings.HasSuffix(l, " — صيغة أوضح") {
			n++
		}
	}
	if n != 2 {
		t.Errorf("after Accept, %d cards say the decision, want CS's and MS's: %q", n, labels(w))
	}
}

// Accepting with changes shows the chamber's change apart from the
// staff's, the latter following what they type, and stores their wording.
func TestAcceptingWithChangesShowsBothChangesAndStoresTheStaffsWording(t *testing.T) {
	f := newFixture(t)
	addRSK(t, f)
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3", Timings: heldTimers})
	// The first entry is CS's and MS's; RSK's card comes after.
	buttons := allButtons(w, "Accept with changes")
	if len(buttons) != 3 {
		t.Fatalf("%d «Accept with changes» buttons, want one on each of CS's, MS's and RSK's cards", len(buttons))
	}
	test.Tap(buttons[2])
	if ts := topDialogText(w); !containsText(ts, "Amendment \u2066RSK-7K3QX9AB\u2069") || containsText(ts, "identical") {
		t.Errorf("the dialog says %q, want RSK's amendment alone", ts)
	}
	wording, note := wb.DecideEditors()
	if wording.Text() != "غرف الصناعة التقليدية مؤسسات عمومية جهوية." {
		t.Errorf("the wording editor holds %q, want RSK's wording", wording.Text())
	}
	chamber, staff := wb.DecideChanges()
	if !slices.ContainsFunc(chamber.Inserted(), func(s string) bool { return strings.Contains(s, "جهوية") }) {
		t.Errorf("the chamber's change inserts %q, want RSK's «جهوية»", chamber.Inserted())
	}
	if len(staff.Inserted())+len(staff.Deleted()) != 0 {
		t.Errorf("before any typing, the staff's change inserts %q and deletes %q", staff.Inserted(), staff.Deleted())
	}
	typeAtEnd(wording, " مستقلة")
	wb.FlushDecide()
	if got := staff.Inserted(); !slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "مستقلة") }) {
		t.Errorf("after typing, the staff's change inserts %q, want «مستقلة»", got)
	}
	if got := chamber.Inserted(); slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "مستقلة") }) {
		t.Errorf("the staff's word shows in the chamber's change: %q", got)
	}
	typeAtEnd(note, "إضافة الاستقلال")
	confirm(t, w, "Record the decision")
	wait(t, wb)
	h := history(t, f, "RSK-7K3QX9AB")
	if len(h) != 1 || h[0].Verdict != drafts.AcceptWithChanges || h[0].Text != "غرف الصناعة التقليدية مؤسسات عمومية جهوية. مستقلة" {
		t.Errorf("RSK's history is %+v, want an acceptance with the staff's wording", h)
	}
	if h := history(t, f, "CS-7K3QX9AB"); len(h) != 0 {
		t.Errorf("deciding RSK's amendment decided CS's too: %+v", h)
	}
	if !containsText(labels(w), "Decision: accepted with changes") {
		t.Errorf("RSK's card shows %q, want its decision", labels(w))
	}
}

func TestRejectingAnAmendment(t *testing.T) {
	f := newFixture(t)
	addRSK(t, f)
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"})
	test.Tap(allButtons(w, "Reject")[2])
	confirm(t, w, "Record the decision")
	wait(t, wb)
	if h := history(t, f, "RSK-7K3QX9AB"); len(h) != 1 || h[0].Verdict != drafts.Reject || h[0].Note != "" {
		t.Errorf("RSK's history is %+v, want one rejection without a note", h)
	}
	if !containsText(labels(w), "Decision: rejected") {
		t.Errorf("RSK's card shows %q, want «Decision: rejected»", labels(w))
	}
}

// Cancelling the dialog decides nothing.
func TestCancellingTheDecisionDecidesNothing(t *testing.T) {
	f := newFixture(t)
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"})
	test.Tap(button(t, w, "Reject"))
	confirm(t, w, "Cancel")
	wait(t, wb)
	if h := history(t, f, "CS-7K3QX9AB"); len(h) != 0 {
		t.Errorf("after Cancel, CS's history is %+v", h)
	}
}

// History lists an amendment's decisions oldest first, with their notes
// and the staff's wording.
func TestHistoryListsTheDecisions(t *testing.T) {
	f := newFixture(t)
	r := round.New(f.store)
	if _, err := r.Decide(drafts.Federation, "CS-7K3QX9AB", drafts.Reject, "", nil, "أول"); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Decide(drafts.Federation, "CS-7K3QX9AB", drafts.AcceptWithChanges, "صيغة الجامعة", nil, "ثان"); err != nil {
		t.Fatal(err)
	}
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"})
	test.Tap(button(t, w, "History"))
	wait(t, wb)
	text := strings.Join(topDialogText(w), "\n")
	first, second := strings.Index(text, "rejected — أول"), strings.Index(text, "accepted with changes — ثان")
	if first < 0 || second < first || !strings.Contains(text, "Wording adopted: صيغة الجامعة") {
		t.Errorf("History says %q, want the rejection, then the acceptance with its wording", text)
	}
	if !strings.Contains(text, "History of the decisions on \u2066CS-7K3QX9AB\u2069") {
		t.Errorf("History's dialog is titled otherwise: %q", text)
	}
}

// A chamber sees the federation's decision and note on its own card, and
// can no longer withdraw the amendment.
func TestAChamberSeesTheDecisionOnItsCardAndCannotWithdraw(t *testing.T) {
	f := newFixture(t)
	_, w := f.open(t, newApp(t, "CS"), ui.Options{Lang: "en", Article: "3"})
	if !hasButton(w, "Withdraw") || containsText(labels(w), "Decision:") {
		t.Fatalf("undecided, CS's card shows %q, want Withdraw and no decision", labels(w))
	}
	if _, err := round.New(f.store).Decide(drafts.Federation, "CS-7K3QX9AB", drafts.Reject, "", nil, "خارج الموضوع"); err != nil {
		t.Fatal(err)
	}
	_, w = f.open(t, newApp(t, "CS"), ui.Options{Lang: "en", Article: "3"})
	if !containsText(labels(w), "Decision: rejected") || !containsText(labels(w), "خارج الموضوع") {
		t.Errorf("decided, CS's card shows %q, want the rejection and its note", labels(w))
	}
	if hasButton(w, "Withdraw") {
		t.Error("CS's decided amendment still offers Withdraw")
	}
}

// In Arabic the decide dialog reads right to left (its image is kept and
// was looked at), and the card's decision line is in Arabic.
func TestTheDecideDialogInArabic(t *testing.T) {
	f := newFixture(t)
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "ar", Article: "3", Timings: heldTimers})
	test.Tap(button(t, w, "قبول مع تعديل"))
	wording, note := wb.DecideEditors()
	typeAtEnd(wording, " مستقلة")
	wb.FlushDecide()
	typeAtEnd(note, "إضافة الاستقلال")
	snapshot.Assert(t, w.Canvas(), "decide_ar")
	confirm(t, w, "تسجيل القرار")
	wait(t, wb)
	if !containsText(labels(w), "القرار: مقبول مع تعديل — ") || !containsText(labels(w), " — إضافة الاستقلال") {
		t.Errorf("the cards show %q, want «القرار: مقبول مع تعديل» with the note", labels(w))
	}
}

// allButtons are the window's buttons with the given text, in the order
// the window lists them.
func allButtons(w fyne.Window, text string) []*widget.Button {
	var out []*widget.Button
	for _, o := range objects(w) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			out = append(out, b)
		}
	}
	return out
}

// The decision line reads right in Arabic: the verdict, the date left to
// right and whole, the note; a superseded amendment names the synthesis.
func TestTheDecisionLineInArabic(t *testing.T) {
	f := newFixture(t)
	f.open(t, newApp(t, "FED"), ui.Options{Lang: "ar", Article: "3"}) // the app's theme and language
	a := &drafts.Amendment{ID: "CS-7K3QX9AB"}
	accepted := &drafts.Decision{Amendment: a.ID, Verdict: drafts.Accept, At: fixtureTime, Note: "صيغة أوضح"}
	superseded := &drafts.Decision{Amendment: "FED-2M4P6R8T", Verdict: drafts.Supersede, Replaces: []string{a.ID}, At: fixtureTime}
	lines := []string{ui.DecisionLine(a, accepted), ui.DecisionLine(a, superseded)}
	want := []string{
		"القرار: مقبول — \u206602/11/2026\u00a009:30\u2069 — صيغة أوضح",
		"القرار: حلّ محله التعديل \u2066FED-2M4P6R8T\u2069 — \u206602/11/2026\u00a009:30\u2069",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("the decision lines are %q, want %q", lines, want)
	}
	w := test.NewTempWindow(t, container.NewVBox(
		textwidget.NewStyledText(lines[0], fyne.TextStyle{Bold: true}),
		textwidget.NewStyledText(lines[1], fyne.TextStyle{Bold: true})))
	w.Resize(fyne.NewSize(480, 100))
	snapshot.AssertImage(t, "decision_line_ar", w.Canvas().Capture())
}

// addSubmitted adds chamber's submitted amendment of the article with the
// given key.
func addSubmitted(t *testing.T, f *fixture, chamber, key string) {
	t.Helper()
	art := f.draft.Article(key)
	err := f.store.AddAmendments(&drafts.Amendment{
		ID: chamber + "-7K3QX9AB", Created: fixtureTime, Updated: fixtureTime,
		DraftID: f.draft.ID, DraftVersion: f.draft.Version, BaseHash: art.TextHash(), Article: art.Key,
		Kind: drafts.Repeal, Chamber: chamber, Status: drafts.StatusSubmitted,
	})
	if err != nil {
		t.Fatal(err)
	}
}

// For the federation the outline counts the submitted amendments still
// undecided, and F8 and Ctrl+J go to the next article that has one.
func TestTheFederationsOutlineCountsWhatIsLeftToDecide(t *testing.T) {
	f := newFixture(t)
	addRSK(t, f)
	addSubmitted(t, f, "BMK", "9")
	addSubmitted(t, f, "DT", "2")
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"})
	// The outline's first rows: two divisions, then articles 1, 2 and 3.
	firstArticles := func() []string {
		if c := outlineCounts(w); len(c) >= 5 {
			return c[2:5]
		}
		return nil
	}
	if got := firstArticles(); !slices.Equal(got, []string{"0", "1", "3"}) {
		t.Errorf("the outline counts %q on articles 1 to 3, want 0, DT's 1, and CS's, MS's and RSK's 3", got)
	}
	test.Tap(button(t, w, "Accept"))
	confirm(t, w, "Record the decision")
	wait(t, wb)
	if got := firstArticles(); !slices.Equal(got, []string{"0", "1", "1"}) {
		t.Errorf("after accepting CS's and MS's, the outline counts %q on articles 1 to 3, want RSK's 1 left on article 3", got)
	}
	// F8 looks from the article after the one shown: article 3 still has
	// RSK's, but the next with an undecided amendment is 9.
	position := func(key string) string {
		return fmt.Sprintf("Position %d of 36", f.draft.Article(key).Position+1)
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF8})
	wait(t, wb)
	if !shows(w, position("9")) {
		t.Errorf("F8 from article 3 shows %q, want article 9, the next with an undecided amendment", labels(w))
	}
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyJ, Modifier: fyne.KeyModifierShortcutDefault})
	wait(t, wb)
	if !shows(w, position("2")) {
		t.Errorf("Ctrl+J from article 9, the last with one, shows %q, want article 2, round from the start", labels(w))
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF8})
	wait(t, wb)
	if !shows(w, position("3")) {
		t.Errorf("F8 from article 2 shows %q, want article 3, where RSK's is undecided", labels(w))
	}
}

// A chamber's outline counts its amendments, decided or not, and F8 does
// nothing there.
func TestAChambersOutlineCountsItsAmendments(t *testing.T) {
	f := newFixture(t)
	if _, err := round.New(f.store).Decide(drafts.Federation, "CS-7K3QX9AB", drafts.Accept, "", nil, ""); err != nil {
		t.Fatal(err)
	}
	wb, w := f.open(t, newApp(t, "CS"), ui.Options{Lang: "en", Article: "3"})
	if counts := outlineCounts(w); !slices.Contains(counts, "1") {
		t.Errorf("CS's outline shows %q, want its decided amendment counted on article 3", counts)
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF8})
	wait(t, wb)
	if !shows(w, "Position 3 of 36") {
		t.Errorf("F8 on a chamber's laptop moved to %q", labels(w))
	}
}

// The federation's cards, with their decide buttons and a decision line,
// fit the window at every size, in Arabic and in French.
func TestTheFederationsCardsHoldAtEverySize(t *testing.T) {
	f := newFixture(t)
	if _, err := round.New(f.store).Decide(drafts.Federation, "CS-7K3QX9AB", drafts.Reject, "", nil, "يحدد القانون المقر، فلا حاجة إلى تكراره في هذه المادة"); err != nil {
		t.Fatal(err)
	}
	for _, ws := range windowSizes {
		for _, lang := range []string{"ar", "fr"} {
			t.Run(ws.name+"/"+lang, func(t *testing.T) {
				_, w := f.openScaled(t, ws.size, ws.scale, ui.Options{Lang: lang, Role: "FED", Article: "3"})
				checkWindowHolds(t, w, ws.size)
			})
		}
	}
}

// The decide dialog, with both changes shown, keeps within the window at
// every size, scrolling what does not fit.
func TestTheDecideDialogHoldsAtEverySize(t *testing.T) {
	f := newFixture(t)
	for _, ws := range windowSizes {
		t.Run(ws.name, func(t *testing.T) {
			_, w := f.openScaled(t, ws.size, ws.scale, ui.Options{Lang: "ar", Role: "FED", Article: "3", Timings: heldTimers})
			test.Tap(button(t, w, "قبول مع تعديل"))
			top := w.Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("no decide dialog")
			}
			win := rect{0, 0, ws.size.Width, ws.size.Height}
			for _, p := range shownIn(top)[1:] { // the first is the pop-up's shade
				// What the dialog scrolls may be taller than the window.
				if m := p.o.MinSize(); !p.scrolled && (m.Width > ws.size.Width || m.Height > ws.size.Height) {
					t.Errorf("%T in the dialog asks for %v, more than the window's %v", p.o, m, ws.size)
				}
				if fmt.Sprintf("%T", p.parent) == "*widget.Shadow" {
					continue
				}
				if r := p.rect(); !p.scrolled && !r.within(win) {
					t.Errorf("%T at %v in the dialog is cut by the window's edge %v", p.o, r, win)
				}
			}
			if w.Canvas().Size() != ws.size {
				t.Errorf("the window grew from %v to %v", ws.size, w.Canvas().Size())
			}
			confirm(t, w, "إلغاء")
		})
	}
}

// Tab reaches a card's decide buttons, and Space presses one: the
// decision needs no mouse.
func TestTheKeyboardReachesTheDecideButtons(t *testing.T) {
	f := newFixture(t)
	_, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"})
	c := w.Canvas()
	for range 200 {
		c.FocusNext()
		if b, ok := c.Focused().(*widget.Button); ok && b.Text == "Reject" {
			b.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
			if ts := topDialogText(w); !containsText(ts, "Reject the amendment") {
				t.Errorf("Space on «Reject» shows %q, want the dialog that rejects", ts)
			}
			return
		}
	}
	t.Fatal("Tab never reaches a card's «Reject» button")
}

// After the text is made larger (Ctrl+Plus), each decide button is laid
// out as wide as its larger text needs: the card's row asks them their
// sizes again.
func TestTheDecideButtonsFollowTheTextSize(t *testing.T) {
	f := newFixture(t)
	_, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"})
	before := button(t, w, "Accept with changes").Size()
	for range 3 {
		w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyPlus, Modifier: fyne.KeyModifierShortcutDefault})
	}
	for _, text := range decideButtons {
		b := button(t, w, text)
		if got, need := b.Size().Width, b.MinSize().Width; got < need-0.5 {
			t.Errorf("after Ctrl+Plus «%s» is %.0f wide, its text needs %.0f", text, got, need)
		}
	}
	if after := button(t, w, "Accept with changes").Size(); after.Width <= before.Width {
		t.Errorf("after Ctrl+Plus «Accept with changes» is %v, as before (%v)", after, before)
	}
}

// Deciding on a card down the list leaves the list where it was: the
// staff go on with the next card, not from the top.
func TestDecidingKeepsThePlaceInTheList(t *testing.T) {
	f := newFixture(t)
	addRSK(t, f)
	wb, w := f.openSized(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"}, fyne.NewSize(800, 600))
	s := wb.AmendmentsScroll()
	settleLayout(w)
	s.ScrollToBottom()
	y := s.Offset.Y
	if y <= 0 {
		t.Fatalf("the list does not scroll (offset %v): the test needs more cards than the window holds", y)
	}
	rejects := allButtons(w, "Reject")
	test.Tap(rejects[len(rejects)-1])
	confirm(t, w, "Record the decision")
	wait(t, wb)
	if h := history(t, f, "RSK-7K3QX9AB"); len(h) != 1 || h[0].Verdict != drafts.Reject {
		t.Fatalf("RSK's history %+v, want its rejection", h)
	}
	if got := s.Offset.Y; got < y-1 {
		t.Errorf("after the decision the list is at %v, want where it was, %v", got, y)
	}
}
