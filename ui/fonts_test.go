package ui_test

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/go-fonts/dejavu/dejavuserif"
	"github.com/go-fonts/dejavu/dejavuserifbold"

	"statute/ui"
)

// fontFolder makes a font folder holding "Amiri" (DejaVu Serif's faces
// under Amiri's file names, in a subfolder as Debian installs it) and a
// "Noto Naskh Arabic" whose file is not a font at all.
func fontFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string][]byte{
		"truetype/amiri/Amiri-Regular.ttf":          dejavuserif.TTF,
		"truetype/amiri/Amiri-Bold.ttf":             dejavuserifbold.TTF,
		"truetype/noto/NotoNaskhArabic-Regular.ttf": []byte("<html>not a font</html>"),
		"truetype/other/readme.txt":                 []byte("not a font either, and not offered"),
	}
	for name, data := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// settingsFont opens Settings, picks family as the font of the text, and
// saves.
func settingsFont(t *testing.T, wb *ui.Workbench, w fyne.Window, family string) {
	t.Helper()
	wb.ShowSettings()
	var font *widget.Select
	var save *widget.Button
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if s := ui.ChoiceList(o); s != nil {
			font = s // the last of the three
			continue
		}
		switch o := o.(type) {
		case *widget.Button:
			if o.Text == "Save" {
				save = o
			}
		}
	}
	if font == nil || save == nil {
		t.Fatalf("the settings dialog shows %q, want a font choice and Save", topDialogText(w))
	}
	want := []string{"DejaVu Sans (built in)", "Amiri", "Noto Naskh Arabic"}
	if len(font.Options) != len(want) {
		t.Fatalf("the font choice offers %q, want %q", font.Options, want)
	}
	for i := range want {
		if font.Options[i] != want[i] {
			t.Fatalf("the font choice offers %q, want %q", font.Options, want)
		}
	}
	font.SetSelected(family)
	test.Tap(save)
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
}

func themeFont(a fyne.App, style fyne.TextStyle) string {
	return a.Settings().Theme().Font(style).Name()
}

func TestAnInstalledFontCanBeChosenAndIsKept(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	// Saving Settings keeps the language they show: English, not the
	// system's (Arabic under the locale C).
	a.Preferences().SetString(ui.PrefLanguage, "en")
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "3", FontDirs: []string{fontFolder(t)}})
	if got := themeFont(a, fyne.TextStyle{}); got != "DejaVuSans.ttf" {
		t.Fatalf("the text starts in %s, want the built-in DejaVu Sans", got)
	}
	settingsFont(t, wb, w, "Amiri")
	if got := a.Preferences().String(ui.PrefFont); got != "Amiri" {
		t.Errorf("stored font = %q, want Amiri", got)
	}
	if got := themeFont(a, fyne.TextStyle{}); got != "Amiri-Regular.ttf" {
		t.Errorf("regular text is drawn in %s, want Amiri-Regular.ttf", got)
	}
	if got := themeFont(a, fyne.TextStyle{Bold: true}); got != "Amiri-Bold.ttf" {
		t.Errorf("bold text is drawn in %s, want Amiri-Bold.ttf", got)
	}
	if got := themeFont(a, fyne.TextStyle{Monospace: true}); got != "DejaVuSansMono.ttf" {
		t.Errorf("monospace text is drawn in %s, want DejaVu Sans Mono still", got)
	}
	// The text size keys keep the font.
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyPlus, Modifier: fyne.KeyModifierShortcutDefault})
	if got := themeFont(a, fyne.TextStyle{}); got != "Amiri-Regular.ttf" {
		t.Errorf("after Ctrl+Plus the text is drawn in %s, want Amiri still", got)
	}

	settingsFont(t, wb, w, "DejaVu Sans (built in)")
	if got := themeFont(a, fyne.TextStyle{}); got != "DejaVuSans.ttf" || a.Preferences().String(ui.PrefFont) != "" {
		t.Errorf("back to the built-in font: drawn in %s, stored %q", got, a.Preferences().String(ui.PrefFont))
	}
}

func TestAFontFileThatIsNotAFontIsRefused(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	// Saving Settings keeps the language they show: English, not the
	// system's (Arabic under the locale C).
	a.Preferences().SetString(ui.PrefLanguage, "en")
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "3", FontDirs: []string{fontFolder(t)}})
	settingsFont(t, wb, w, "Noto Naskh Arabic")
	if !containsText(topDialogText(w), "is not a font file Statute Workbench can use") {
		t.Errorf("choosing a broken font shows %q, want a dialog saying the file is not a usable font", topDialogText(w))
	}
	if got := themeFont(a, fyne.TextStyle{}); got != "DejaVuSans.ttf" || a.Preferences().String(ui.PrefFont) != "" {
		t.Errorf("after the refusal the text is drawn in %s and %q is stored, want DejaVu and nothing", got, a.Preferences().String(ui.PrefFont))
	}
}

// TestAStartUsesTheChosenFontWhileItIsInstalled starts the app with Amiri
// chosen earlier: drawn in Amiri while it is installed, in the built-in
// DejaVu Sans once it is gone, the choice kept for when it is back.
func TestAStartUsesTheChosenFontWhileItIsInstalled(t *testing.T) {
	for _, c := range []struct {
		name  string
		fonts func(t *testing.T) string
		want  string
	}{
		{"installed", fontFolder, "Amiri-Regular.ttf"},
		{"uninstalled since", func(t *testing.T) string { return t.TempDir() }, "DejaVuSans.ttf"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t)
			a := newApp(t, "FED")
			a.Preferences().SetString(ui.PrefFont, "Amiri")
			f.open(t, a, ui.Options{Lang: "en", FontDirs: []string{c.fonts(t)}})
			if got := themeFont(a, fyne.TextStyle{}); got != c.want {
				t.Errorf("on a start with Amiri chosen the text is drawn in %s, want %s", got, c.want)
			}
			if got := a.Preferences().String(ui.PrefFont); got != "Amiri" {
				t.Errorf("the stored choice became %q; it should stay Amiri", got)
			}
		})
	}
}
