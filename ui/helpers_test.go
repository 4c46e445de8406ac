package ui_test

import (
	"image"
	"image/draw"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/drafts/round"
	"statute/ui"
)

// fixture is a store seeded with the sample draft and a few amendments.
type fixture struct {
	store *boltstore.Store
	draft *drafts.Draft
}

// newFixture opens a fresh store in a temporary folder, seeds it with the
// sample draft and adds amendments to article 3 from FM, CS and MS.
func newFixture(t testing.TB) *fixture {
	t.Helper()
	s, err := boltstore.Open(filepath.Join(t.TempDir(), "statute.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Check(); err != nil {
			t.Errorf("store check: %v", err)
		}
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	r := round.New(s)
	if _, err := r.Seed(assets.SampleDraft); err != nil {
		t.Fatal(err)
	}
	d, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	a3 := d.Article("3")
	var as []*drafts.Amendment
	// FM's is still a draft, CS's and MS's submitted: the federation sees
	// those two only.
	for _, ch := range []string{"FM", "CS", "MS"} {
		st := drafts.StatusSubmitted
		if ch == "FM" {
			st = drafts.StatusDraft
		}
		as = append(as, &drafts.Amendment{
			// Fixed IDs and times: the cards show them, and the
			// snapshots keep the cards.
			ID: ch + "-7K3QX9AB", Created: fixtureTime, Updated: fixtureTime,
			DraftID: d.ID, DraftVersion: d.Version, BaseHash: a3.TextHash(), Article: "3",
			Kind: drafts.Wording, Chamber: ch, Status: st,
			Text:          "غرف الصناعة التقليدية مؤسسات عمومية مهنية مستقلة.",
			Justification: "توضيح الطبيعة القانونية للغرف.",
		})
	}
	if err := s.AddAmendments(as...); err != nil {
		t.Fatal(err)
	}
	return &fixture{store: s, draft: d}
}

// fixtureTime is when the fixture's amendments were written, shown on
// their cards in the laptop's time zone: TestMain makes that UTC.
var fixtureTime = time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)

// open shows a Workbench on the fixture in a 1280×800 test window and
// waits for the draft to be shown.
func (f *fixture) open(t *testing.T, a fyne.App, opts ui.Options) (*ui.Workbench, fyne.Window) {
	t.Helper()
	return f.openSized(t, a, opts, fyne.NewSize(1280, 800))
}

// openSized is open with a window of the given size.
func (f *fixture) openSized(t *testing.T, a fyne.App, opts ui.Options, size fyne.Size) (*ui.Workbench, fyne.Window) {
	t.Helper()
	w := test.NewTempWindow(t, nil)
	w.Resize(size)
	wb, err := ui.New(a, w, f.store, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	// Reads the window started must end before the store closes.
	t.Cleanup(func() {
		if err := wb.Wait(); err != nil {
			t.Error(err)
		}
	})
	return wb, w
}

// newApp is a test app whose preferences say whose laptop this is.
func newApp(t *testing.T, role string) fyne.App {
	t.Helper()
	a := test.NewTempApp(t)
	if role != "" {
		a.Preferences().SetString(ui.PrefRole, role)
	}
	return a
}

// objects lists what the window's content shows, widgets and their parts.
func objects(w fyne.Window) []fyne.CanvasObject {
	return test.LaidOutObjects(w.Content())
}

// labels returns the texts of the window's labels.
func labels(w fyne.Window) []string {
	var ts []string
	for _, o := range objects(w) {
		switch o := o.(type) {
		case *widget.Label:
			if o.Text != "" {
				ts = append(ts, o.Text)
			}
		case interface{ Text() string }: // statute text, laid out right to left
			if o.Text() != "" {
				ts = append(ts, o.Text())
			}
		}
	}
	return ts
}

// shows reports whether one of the window's labels reads exactly text.
func shows(w fyne.Window, text string) bool {
	for _, l := range labels(w) {
		if l == text {
			return true
		}
	}
	return false
}

// button finds the window's button with the given text.
func button(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	for _, o := range objects(w) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q in the window", text)
	return nil
}

// split returns the window's outline/article split.
func split(t *testing.T, w fyne.Window) *container.Split {
	t.Helper()
	for _, o := range objects(w) {
		if s, ok := o.(*container.Split); ok {
			return s
		}
	}
	t.Fatal("no split in the window")
	return nil
}

// topDialogText returns the texts shown by the window's top overlay, or
// nil when there is none.
func topDialogText(w fyne.Window) []string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	var ts []string
	for _, o := range test.LaidOutObjects(top) {
		switch o := o.(type) {
		case *widget.Label:
			ts = append(ts, o.Text)
		case interface{ Text() string }:
			ts = append(ts, o.Text())
		case *widget.Button:
			ts = append(ts, o.Text)
		}
	}
	return ts
}

func containsText(ts []string, part string) bool {
	for _, s := range ts {
		if strings.Contains(s, part) {
			return true
		}
	}
	return false
}

// shown finds the object of the window that shows text (a label laid out
// by textwidget), failing the test when there is none.
func shown(t *testing.T, w fyne.Window, text string) fyne.CanvasObject {
	t.Helper()
	for _, o := range objects(w) {
		if l, ok := o.(interface{ Text() string }); ok && l.Text() == text {
			return o
		}
	}
	t.Fatalf("nothing in the window shows %q; it shows %q", text, labels(w))
	return nil
}

// crop is the part of what c shows that lies at pos, of the given size
// (in canvas units), with a margin of 4 around it.
func crop(c fyne.Canvas, pos fyne.Position, size fyne.Size) image.Image {
	img := c.Capture()
	scale := float32(img.Bounds().Dx()) / c.Size().Width
	px := func(v float32) int { return int(v * scale) }
	r := image.Rect(px(pos.X-4), px(pos.Y-4), px(pos.X+size.Width+4), px(pos.Y+size.Height+4)).Intersect(img.Bounds())
	out := image.NewNRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
	draw.Draw(out, out.Bounds(), img, r.Min, draw.Src)
	return out
}
