package ui_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"statute/ui"
	"statute/ui/textwidget"
)

// placedRect is where o is in the window, as laid out; false when the
// window does not show it.
func placedRect(w fyne.Window, o fyne.CanvasObject) (rect, bool) {
	for _, p := range placedShown(w) {
		if p.o == o {
			return p.rect(), true
		}
	}
	return rect{}, false
}

// The article's text stays in view while its amendments scroll: it has a
// scroll of its own, above theirs, which takes at most 40 % of the height
// at first, so that both can be read on a small screen with large text.
func TestTheArticleStaysInViewAsItsAmendmentsScroll(t *testing.T) {
	f := newFixture(t)
	size := fyne.NewSize(800, 600)
	wb, w := f.openScaled(t, size, 1.5, ui.Options{Lang: "ar", Role: "FED", Article: "3"})
	settleLayout(w)
	text, amendments := wb.TextScroll(), wb.AmendmentsScroll()
	amendments.ScrollToBottom()
	if amendments.Offset.Y <= 0 {
		t.Fatalf("the amendments to article 3 do not scroll at 800×600 ×1.5: the test shows nothing")
	}
	settleLayout(w)
	tr, ok := placedRect(w, text)
	ar, ok2 := placedRect(w, amendments)
	if !ok || !ok2 {
		t.Fatal("the window does not show the article's text and its amendments")
	}
	if text.Offset.Y != 0 {
		t.Errorf("scrolling the amendments scrolled the article's text to %v", text.Offset.Y)
	}
	title := shown(t, w, "المادة 3: الطبيعة القانونية للغرف")
	if r, ok := placedRect(w, title); !ok || !r.within(tr) {
		t.Errorf("the article's title %v is not in view in the article's pane %v once the amendments are scrolled", r, tr)
	}
	if tr.y1 > ar.y0+tolerance {
		t.Errorf("the article's pane %v overlaps the amendments' %v", tr, ar)
	}
	view := ar.y1 - tr.y0
	if h := tr.y1 - tr.y0; h > 0.4*view+tolerance || h < 0.3*view {
		t.Errorf("the long article 3 takes %v of the view's %v height at first, want 40 %%", h, view)
	}
	if h := ar.y1 - ar.y0; h < 0.5*view {
		t.Errorf("the amendments keep %v of the view's %v height: too little to go through them", h, view)
	}
}

// A short article takes only the height its text needs, the rest going to
// the amendments; dragging the divider sets how much a long one may take,
// in this session and the next.
func TestTheArticlesPaneFitsItsTextAndFollowsTheDivider(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	wb, w := f.open(t, a, ui.Options{Lang: "ar", Article: "8"})
	settleLayout(w)
	text := wb.TextScroll()
	need := text.Content.MinSize().Height
	if h := text.Size().Height; h < need-tolerance || h > need+1 {
		t.Errorf("article 8's pane is %v high, want the %v its text needs", h, need)
	}

	// Drag the divider, just below the article's pane, 40 px up: the
	// article's text now scrolls in less height.
	tr, _ := placedRect(w, text)
	test.Drag(w.Canvas(), fyne.NewPos((tr.x0+tr.x1)/2, tr.y1+2), 0, -40)
	dragged := text.Size().Height
	if dragged > need-35 || dragged < need-45 {
		t.Fatalf("dragging the divider 40 px up left the article's pane %v high (was %v)", dragged, need)
	}
	// Article 2, longer, takes no more than the divider now gives.
	wb.Show(1)
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	settleLayout(w)
	if h := text.Size().Height; h < dragged-1 || h > dragged+1 {
		t.Errorf("after the divider was dragged, article 2's pane is %v high, want %v where it was left", h, dragged)
	}
	// The window opens again with the divider where it was left.
	wb.SaveWork()
	wb, w = f.open(t, a, ui.Options{Lang: "ar", Article: "2"})
	settleLayout(w)
	if h := wb.TextScroll().Size().Height; h < dragged-1 || h > dragged+1 {
		t.Errorf("reopened, article 2's pane is %v high, want %v where the divider was left", h, dragged)
	}
}

// A search result opens its article at the match: the article's pane,
// which has at most part of the height, scrolls to the word found when
// it is further down than the pane shows.
func TestAResultOpensTheArticleAtTheWordFound(t *testing.T) {
	f := newFixture(t)
	wb, w := f.openSized(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "5"}, fyne.NewSize(800, 600))
	typeQuery(t, wb, w, "الوصية")
	test.Tap(resultUnder(t, w, "المادة 2: تعريفات").tap)
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	text := f.draft.Article("2").Text()
	var body *textwidget.Text
	for _, o := range objects(w) {
		if tw, ok := o.(*textwidget.Text); ok && tw.Text() == text {
			body = tw
		}
	}
	if body == nil || len(body.Highlighted()) == 0 {
		t.Fatal("article 2 is not shown with the word found marked")
	}
	match := strings.Index(text, body.Highlighted()[0])
	top, _ := body.LineTop(match)
	pane, _ := placedRect(w, wb.TextScroll())
	at, _ := placedRect(w, body)
	if y := at.y0 + top; y < pane.y0 || y+20 > pane.y1 {
		t.Errorf("the word found is drawn at y %v, out of the article's pane %v", y, pane)
	}
	if wb.TextScroll().Offset.Y <= 0 {
		t.Errorf("the article's pane did not scroll: the word found is in its last line, below what the pane shows at first")
	}
}
