package ui_test

import (
	"fmt"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"statute/ui"
	"statute/ui/internal/snapshot"
	"statute/ui/textwidget"
)

// The window sizes and text scales the layout must hold at: a small
// laptop screen at 100 % and with larger text, and a 13-inch laptop with
// text at 200 %.
var windowSizes = []struct {
	name  string
	size  fyne.Size
	scale float64 // the app theme's text scale (Settings, Ctrl+Plus)
}{
	{"800x600_x1", fyne.NewSize(800, 600), 1},
	{"800x600_x1.5", fyne.NewSize(800, 600), 1.5},
	{"1280x800_x2", fyne.NewSize(1280, 800), 2},
}

// openScaled shows a Workbench on the fixture in a test window of the
// given size, with text at scale, and waits for the draft to be shown.
func (f *fixture) openScaled(t *testing.T, size fyne.Size, scale float64, opts ui.Options) (*ui.Workbench, fyne.Window) {
	t.Helper()
	a := newApp(t, "")
	a.Preferences().SetFloat(ui.PrefTextScale, scale)
	return f.openSized(t, a, opts, size)
}

// A placedObject is an object the window shows, with its place in the
// window.
type placedObject struct {
	o        fyne.CanvasObject
	pos      fyne.Position // of its top left corner, in the window
	parent   fyne.CanvasObject
	scrolled bool // inside a scrolled area, which clips it
}

func (p placedObject) rect() rect {
	return rect{p.pos.X, p.pos.Y, p.pos.X + p.o.Size().Width, p.pos.Y + p.o.Size().Height}
}

type rect struct{ x0, y0, x1, y1 float32 }

// tolerance absorbs rounding in the layouts' float arithmetic.
const tolerance = 0.5

func (r rect) within(o rect) bool {
	return r.x0 >= o.x0-tolerance && r.y0 >= o.y0-tolerance && r.x1 <= o.x1+tolerance && r.y1 <= o.y1+tolerance
}

func (r rect) overlaps(o rect) bool {
	return r.x0 < o.x1-tolerance && o.x0 < r.x1-tolerance && r.y0 < o.y1-tolerance && o.y0 < r.y1-tolerance
}

func (r rect) String() string { return fmt.Sprintf("(%.1f,%.1f)-(%.1f,%.1f)", r.x0, r.y0, r.x1, r.y1) }

// shown lists the visible objects of the window's content, as laid out,
// with their places.
func placedShown(w fyne.Window) []placedObject { return shownIn(w.Content()) }

// shownIn lists the visible objects of root (content or overlay), as laid
// out, with their places in the window.
func shownIn(root fyne.CanvasObject) []placedObject {
	var out []placedObject
	var walk func(o, parent fyne.CanvasObject, at fyne.Position, scrolled bool)
	walk = func(o, parent fyne.CanvasObject, at fyne.Position, scrolled bool) {
		if !o.Visible() {
			return
		}
		pos := at.Add(o.Position())
		out = append(out, placedObject{o: o, pos: pos, parent: parent, scrolled: scrolled})
		var children []fyne.CanvasObject
		switch o := o.(type) {
		case *fyne.Container:
			children = o.Objects
		case fyne.Widget:
			children = test.WidgetRenderer(o).Objects()
		}
		_, isScroll := o.(*container.Scroll)
		for _, c := range children {
			walk(c, o, pos, scrolled || isScroll)
		}
	}
	walk(root, nil, fyne.Position{}, false)
	return out
}

// settleLayout lays the window out again until wrapped texts have the heights
// their widths give them, as a real window does over its next frames (it
// lays out again whatever's minimum size changed); Fyne's test window
// does not.
func settleLayout(w fyne.Window) {
	for range 2 {
		w.Content().Refresh()
	}
}

// checkWindowHolds checks what a user would see of the layout at the
// window's size: the window did not grow, and would not (its content asks
// for no more than it has), nothing outside a scrolled area reaches past
// its edges, no scrolled area is wider than itself (which would cut its
// lines), and every line of our text widgets lies within the widget.
func checkWindowHolds(t *testing.T, w fyne.Window, size fyne.Size) {
	t.Helper()
	settleLayout(w)
	c := w.Canvas()
	if c.Size() != size {
		t.Errorf("the window grew from %v to %v", size, c.Size())
	}
	pad := w.Content().Position()
	if min := w.Content().MinSize().AddWidthHeight(2*pad.X, 2*pad.Y); min.Width > size.Width || min.Height > size.Height {
		t.Errorf("the window's content asks for %v, more than the window's %v: a real window would widen itself", min, size)
	}
	win := rect{0, 0, size.Width, size.Height}
	for _, p := range placedShown(w) {
		r := p.rect()
		if !p.scrolled && !r.within(win) {
			t.Errorf("%T at %v is cut by the window's edge %v", p.o, r, win)
		}
		if s, ok := p.o.(*container.Scroll); ok && s.Direction == container.ScrollVerticalOnly && s.Content.Size().Width > s.Size().Width+tolerance {
			t.Errorf("a scrolled area %v wide holds content %v wide: its right or left is cut", s.Size().Width, s.Content.Size().Width)
		}
		if text, ok := p.o.(*canvas.Text); ok && text.Text != "" {
			if owner, ok := p.parent.(interface{ Text() string }); ok {
				box := p.pos.Subtract(text.Position())
				ob := p.parent.(fyne.CanvasObject).Size()
				if !r.within(rect{box.X, box.Y, box.X + ob.Width, box.Y + ob.Height}) {
					t.Errorf("a line of «%s» is drawn at %v, past its widget's box %v: it is cut or overlaps its neighbours", owner.Text(), r, rect{box.X, box.Y, box.X + ob.Width, box.Y + ob.Height})
				}
			}
		}
	}
}

// checkBodyWraps checks that the article's text is wrapped to the width
// of the article view: several lines, each within the text's width.
func checkBodyWraps(t *testing.T, w fyne.Window, body string) {
	t.Helper()
	var found *textwidget.Text
	for _, o := range objects(w) {
		if tw, ok := o.(*textwidget.Text); ok && tw.Text() == body {
			found = tw
		}
	}
	if found == nil {
		t.Fatal("the article's text is not shown")
	}
	var lines int
	for _, o := range test.WidgetRenderer(found).Objects() {
		if c, ok := o.(*canvas.Text); ok {
			lines++
			if x := c.Position().X; x < -tolerance || x+c.Size().Width > found.Size().Width+tolerance {
				t.Errorf("a line of the article spans x %v to %v, past its %v wide text", x, x+c.Size().Width, found.Size().Width)
			}
		}
	}
	if lines < 2 {
		t.Errorf("the article's text is drawn on %d line(s), want it wrapped", lines)
	}
}

// outlineRows returns the outline's visible rows: each row's title and
// count, with their places.
type outlineRowShown struct {
	row, title, count placedObject
}

func outlineRows(w fyne.Window) (rows []outlineRowShown, icons []placedObject) {
	placed := placedShown(w)
	at := map[fyne.CanvasObject]placedObject{}
	for _, p := range placed {
		at[p.o] = p
	}
	for _, p := range placed {
		if _, ok := p.o.(*widget.Icon); ok {
			icons = append(icons, p)
		}
		c, ok := p.o.(*fyne.Container)
		if !ok || len(c.Objects) < 2 {
			continue
		}
		title, ok1 := c.Objects[0].(*textwidget.Text)
		count, ok2 := c.Objects[1].(*widget.Label)
		if !ok1 || !ok2 {
			continue
		}
		cp, ok := at[count]
		if !ok { // hidden: a division's row
			cp = placedObject{o: count}
		}
		rows = append(rows, outlineRowShown{row: p, title: at[title], count: cp})
	}
	return rows, icons
}

// drawnTexts returns the text objects o draws, with their places.
func drawnTexts(w fyne.Window, o fyne.CanvasObject) []placedObject {
	var out []placedObject
	for _, p := range placedShown(w) {
		if text, ok := p.o.(*canvas.Text); ok && text.Text != "" && p.parent == o {
			out = append(out, p)
		}
	}
	return out
}

// checkOutline checks the outline's rows: each title drawn within its row,
// clear of its count and of the arrows; the counts in one column, in rows
// of different depths.
func checkOutline(t *testing.T, w fyne.Window) {
	t.Helper()
	rows, icons := outlineRows(w)
	if len(rows) < 5 {
		t.Fatalf("%d outline rows shown, want the outline", len(rows))
	}
	var countX, countW float32 = -1, 0
	depths := map[float32]bool{}
	counted := 0
	for _, r := range rows {
		title := r.title.o.(*textwidget.Text).Text()
		texts := drawnTexts(w, r.title.o)
		if len(texts) == 0 && title != "" {
			t.Errorf("the row of «%s» draws no text", title)
		}
		for _, tx := range texts {
			if !tx.rect().within(r.row.rect()) {
				t.Errorf("the title «%s» is drawn at %v, outside its row %v", title, tx.rect(), r.row.rect())
			}
			if r.count.o.Visible() && tx.rect().overlaps(r.count.rect()) {
				t.Errorf("the title «%s» at %v overlaps its count at %v", title, tx.rect(), r.count.rect())
			}
			for _, ic := range icons {
				if tx.rect().overlaps(ic.rect()) {
					t.Errorf("the title «%s» at %v overlaps an arrow at %v", title, tx.rect(), ic.rect())
				}
			}
		}
		if !r.count.o.Visible() {
			continue
		}
		counted++
		depths[r.row.pos.X] = true
		if countX < 0 {
			countX, countW = r.count.pos.X, r.count.o.Size().Width
		} else if math.Abs(float64(r.count.pos.X-countX)) > tolerance || math.Abs(float64(r.count.o.Size().Width-countW)) > tolerance {
			t.Errorf("the count of «%s» stands at x %v (%v wide), not in the column of the others at x %v (%v wide)", title, r.count.pos.X, r.count.o.Size().Width, countX, countW)
		}
	}
	if counted < 3 || len(depths) < 2 {
		t.Errorf("%d counts shown, in rows of %d depth(s): want articles of several depths to compare", counted, len(depths))
	}
}

func TestTheMainWindowHoldsAtEverySize(t *testing.T) {
	f := newFixture(t)
	body := f.draft.Article("3").Text()
	for _, ws := range windowSizes {
		t.Run(ws.name, func(t *testing.T) {
			for _, lang := range []string{"ar", "fr"} {
				_, w := f.openScaled(t, ws.size, ws.scale, ui.Options{Lang: lang, Role: "FM", Article: "3"})
				checkWindowHolds(t, w, ws.size)
				checkBodyWraps(t, w, body)
				if lang == "ar" && ws.name == "800x600_x1.5" {
					snapshot.Assert(t, w.Canvas(), "main_ar_"+ws.name)
				}
			}
		})
	}
}

func TestTheOutlineHoldsAtEverySize(t *testing.T) {
	f := newFixture(t)
	for _, ws := range windowSizes {
		for _, lang := range []string{"ar", "fr"} {
			// Articles 12 and 13 stand at different depths (13 is in a
			// section), as do 23 and 24 (24 is in a title with no chapter).
			for _, article := range []string{"13", "24"} {
				t.Run(ws.name+"/"+lang+"/"+article, func(t *testing.T) {
					_, w := f.openScaled(t, ws.size, ws.scale, ui.Options{Lang: lang, Role: "FM", Article: article})
					checkOutline(t, w)
				})
			}
		}
	}
}

func TestTheProposeScreenHoldsAtEverySize(t *testing.T) {
	f := newFixture(t)
	for _, ws := range windowSizes {
		t.Run(ws.name, func(t *testing.T) {
			wb, w := f.openScaled(t, ws.size, ws.scale, ui.Options{Lang: "ar", Role: "FM", Article: "3", Timings: heldTimers})
			wb.ProposeAmendment()
			if !wb.Proposing() {
				t.Fatal("the propose screen did not open")
			}
			w.Canvas().Unfocus() // no blinking caret in the snapshot
			checkWindowHolds(t, w, ws.size)
			if ws.name == "800x600_x1.5" {
				snapshot.Assert(t, w.Canvas(), "propose_ar_"+ws.name)
			}
		})
	}
}

func TestSearchResultsHoldAtEverySize(t *testing.T) {
	f := newFixture(t)
	for _, ws := range windowSizes {
		t.Run(ws.name, func(t *testing.T) {
			wb, w := f.openScaled(t, ws.size, ws.scale, ui.Options{Lang: "ar", Role: "FED", Article: "2"})
			typeQuery(t, wb, w, "احكام")
			w.Canvas().Unfocus()
			results := searchResults(w)
			if len(results) == 0 {
				t.Fatal("no results shown")
			}
			checkWindowHolds(t, w, ws.size)
			for _, r := range results {
				o := r.tap.(fyne.CanvasObject)
				for _, c := range test.LaidOutObjects(o) {
					if text, ok := c.(*canvas.Text); ok && text.Text != "" && text.Position().X+text.Size().Width > o.Size().Width+tolerance {
						t.Errorf("a line of the result %q ends at x %v, past its %v wide box", r.texts, text.Position().X+text.Size().Width, o.Size().Width)
					}
				}
			}
			if ws.name == "800x600_x1.5" {
				snapshot.Assert(t, w.Canvas(), "search_ar_"+ws.name)
			}
		})
	}
}

func TestTheSettingsDialogHoldsAtEverySize(t *testing.T) {
	plain, keyed := newFixture(t), newFixture(t)
	keyed.withKey(t, "FM") // its fingerprint, in large digits, is the widest line
	for _, c := range []struct {
		name string
		f    *fixture
	}{{"without a key", plain}, {"with a key", keyed}} {
		f := c.f
		for _, ws := range windowSizes {
			t.Run(c.name+"/"+ws.name, func(t *testing.T) {
				wb, w := f.openScaled(t, ws.size, ws.scale, ui.Options{Lang: "ar", Role: "FM", Article: "3"})
				wb.ShowSettings()
				top := w.Canvas().Overlays().Top()
				if top == nil {
					t.Fatal("no Settings dialog")
				}
				win := rect{0, 0, ws.size.Width, ws.size.Height}
				placed := shownIn(top)
				for _, p := range placed[1:] { // the first is the pop-up's shade, the whole window
					// What scrolls may be taller than the window, as the
					// settings are on a small one; nothing may be wider.
					if m := p.o.MinSize(); m.Width > ws.size.Width || m.Height > ws.size.Height && !p.scrolled {
						t.Errorf("%T in the dialog asks for %v, more than the window's %v", p.o, m, ws.size)
					}
					if fmt.Sprintf("%T", p.parent) == "*widget.Shadow" {
						continue // a drop shadow, outside the dialog by design
					}
					if r := p.rect(); !p.scrolled && !r.within(win) {
						t.Errorf("%T at %v in the dialog is cut by the window's edge %v", p.o, r, win)
					}
				}
				if w.Canvas().Size() != ws.size {
					t.Errorf("the window grew from %v to %v", ws.size, w.Canvas().Size())
				}
			})
		}
	}
}
