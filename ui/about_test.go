package ui_test

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/keys"
	"statute/ui"
	"statute/ui/internal/snapshot"
)

// packagedApp is an app as `fyne package` builds it: with metadata.
type packagedApp struct {
	fyne.App
	meta fyne.AppMetadata
}

func (a packagedApp) Metadata() fyne.AppMetadata { return a.meta }

// placedStore is a store that says it lives at a fixed place, so that a
// snapshot showing its paths is the same at each run.
type placedStore struct {
	drafts.Store
	at drafts.StoreLocation
}

func (s placedStore) Location() drafts.StoreLocation { return s.at }

// About is reached from Settings and by F1, and says what a user reads
// out when asking for help: the app's version and the database's path;
// once the laptop has a key pair, its fingerprint too.
func TestAboutNamesTheVersionAndTheDatabase(t *testing.T) {
	f := newFixture(t)
	wb, w := f.open(t, newApp(t, "FM"), ui.Options{Lang: "en", Article: "3"})
	wb.ShowSettings()
	tapDialog(t, w, "About…")
	ts := topDialogText(w)
	if !containsText(ts, "About") || !containsText(ts, assets.Version) || !containsText(ts, assets.AppID) {
		t.Errorf("About shows %q, want the version %s and the app ID %s", ts, assets.Version, assets.AppID)
	}
	loc := f.store.Location()
	if !containsText(ts, loc.File) || !containsText(ts, loc.Backups) {
		t.Errorf("About shows %q, want the database %s and the backups folder %s", ts, loc.File, loc.Backups)
	}
	if containsText(ts, "This laptop's key") {
		t.Errorf("About shows %q: this laptop has no key pair to show", ts)
	}
	// A test binary has no revision stamped: About says so.
	if !containsText(ts, "Not known: built without its revision") {
		t.Errorf("About shows %q, want the revision said unknown", ts)
	}
	tapDialog(t, w, "OK")
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("OK left %q shown", topDialogText(w))
	}

	id := f.withKey(t, "FM")
	typeKey(w, fyne.KeyF1)
	if !containsText(topDialogText(w), assets.Version) {
		t.Fatalf("F1 shows %q, want About", topDialogText(w))
	}
	if !dialogDraws(w, keys.Fingerprint(id.Public)) {
		t.Errorf("About shows %q, want the key's fingerprint %s", topDialogText(w), keys.Fingerprint(id.Public))
	}
	if !containsText(topDialogText(w), "This laptop signs as") {
		t.Errorf("About shows %q, want the key's role", topDialogText(w))
	}
}

// A packaged app says the package's build number beside its version, and
// a build from git its revision, marked when it was not committed, and
// the revision's date.
func TestAboutSaysTheBuildAndTheRevision(t *testing.T) {
	defer ui.SetBuildInfo(assets.BuildInfo{
		AppID: assets.AppID, Name: assets.AppName, Version: assets.Version, GoVersion: "go1.26.0",
		Revision: "0d19b41a8e2f4c6b9d0e1f2a3b4c5d6e7f8a9b0c", Modified: true,
		RevisionTime: time.Date(2026, 11, 30, 18, 4, 0, 0, time.FixedZone("CET", 3600)),
	})()
	f := newFixture(t)
	a := packagedApp{newApp(t, "FM"), fyne.AppMetadata{ID: assets.AppID, Name: assets.AppName, Version: "0.1.0", Build: 7}}
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "3"})
	wb.ShowAbout()
	ts := topDialogText(w)
	for _, want := range []string{"0.1.0\u2069 (build 7)", "0d19b41a8e2f", "built with changes not yet committed", "2026-11-30 17:04 UTC", "go1.26.0"} {
		if !containsText(ts, want) {
			t.Errorf("About shows %q, want %q", ts, want)
		}
	}
}

// About in Arabic, packaged and built from modified source: the title
// and the labels joined and on the right, the version before its build
// number, the revision, its date and the paths each reading left to
// right, the fingerprint in large digits under the sentence naming the
// role.
func TestAboutSnapshot(t *testing.T) {
	defer ui.SetBuildInfo(assets.BuildInfo{
		AppID: assets.AppID, Name: assets.AppName, Version: "0.1.0", GoVersion: "go1.26.0",
		Revision: "0d19b41a8e2f4c6b9d0e1f2a3b4c5d6e7f8a9b0c", Modified: true,
		RevisionTime: time.Date(2026, 11, 30, 17, 4, 0, 0, time.UTC),
	})()
	f := newFixture(t)
	f.withKey(t, "FM")
	s := placedStore{f.store, drafts.StoreLocation{
		File:    "/home/fatima/.config/StatuteWorkbench/statute.db",
		Backups: "/home/fatima/.config/StatuteWorkbench/backups",
	}}
	a := packagedApp{newApp(t, ""), fyne.AppMetadata{ID: assets.AppID, Name: assets.AppName, Version: "0.1.0", Build: 12}}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1000, 760))
	wb, err := ui.New(a, w, s, ui.Options{Lang: "ar", Article: "3"})
	if err != nil {
		t.Fatal(err)
	}
	wait(t, wb)
	t.Cleanup(func() { wait(t, wb) })
	wb.ShowAbout()
	at, size := dialogBox(t, w)
	snapshot.AssertImage(t, "about_ar", crop(w.Canvas(), at, size))
}

// In Arabic, Settings' row of buttons reads from the right: About first,
// then Cancel, then Save on the left, the French order mirrored.
func TestSettingsOfferAboutOnTheReadingSide(t *testing.T) {
	f := newFixture(t)
	wb, w := f.openSized(t, newApp(t, "FM"), ui.Options{Lang: "ar", Article: "3"}, fyne.NewSize(1000, 760))
	wb.ShowSettings()
	d := fyne.CurrentApp().Driver()
	x := func(text string) float32 { return d.AbsolutePositionForObject(dialogButton(t, w, text)).X }
	about, cancel, save := x(ui.UILine("حول التطبيق…")), x("إلغاء"), x("حفظ")
	if !(about > cancel && cancel > save) {
		t.Errorf("«حول التطبيق…» is at x=%v, «إلغاء» at x=%v, «حفظ» at x=%v: want them from the right in that order", about, cancel, save)
	}
	// The row, from Save's left edge to About's right edge.
	left := dialogButton(t, w, "حفظ")
	row := fyne.NewSize(about-save+dialogButton(t, w, ui.UILine("حول التطبيق…")).Size().Width, left.Size().Height)
	snapshot.AssertImage(t, "settings_buttons_ar", crop(w.Canvas(), d.AbsolutePositionForObject(left), row))
	test.Tap(dialogButton(t, w, ui.UILine("حول التطبيق…")))
	if ts := topDialogText(w); !containsText(ts, "حول التطبيق") || !containsText(ts, assets.Version) {
		t.Errorf("«حول التطبيق…» shows %q, want About", ts)
	}
}

// About fits every window size the app is tried at, with the key's
// fingerprint, in Arabic: nothing in it asks for more than the window,
// nothing is cut by the window's edge but what scrolls.
func TestAboutHoldsAtEverySize(t *testing.T) {
	f := newFixture(t)
	f.withKey(t, "FM")
	for _, ws := range windowSizes {
		t.Run(ws.name, func(t *testing.T) {
			wb, w := f.openScaled(t, ws.size, ws.scale, ui.Options{Lang: "ar", Article: "3"})
			wb.ShowAbout()
			top := w.Canvas().Overlays().Top()
			if top == nil {
				t.Fatal("no About dialog")
			}
			win := rect{0, 0, ws.size.Width, ws.size.Height}
			for _, p := range shownIn(top)[1:] { // the first is the pop-up's shade, the whole window
				if m := p.o.MinSize(); m.Width > ws.size.Width || m.Height > ws.size.Height {
					t.Errorf("%T in About asks for %v, more than the window's %v", p.o, m, ws.size)
				}
				if fmt.Sprintf("%T", p.parent) == "*widget.Shadow" {
					continue // a drop shadow, outside the dialog by design
				}
				if r := p.rect(); !p.scrolled && !r.within(win) {
					t.Errorf("%T at %v in About is cut by the window's edge %v", p.o, r, win)
				}
			}
		})
	}
}
