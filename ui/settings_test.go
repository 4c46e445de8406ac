package ui_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"statute/ui"
)

// textSize is the size the app's theme gives text now.
func textSize(a fyne.App) float32 {
	return a.Settings().Theme().Size(theme.SizeNameText)
}

// Settings change the text size as Ctrl+Plus and Ctrl+Minus do, at once
// and in the same steps; the size is kept in the preferences, which the
// next start reads, and the percentage shown follows the keys too.
func TestSettingsChangeTheTextSize(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FM")
	a.Preferences().SetString(ui.PrefLanguage, "en")
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "3"})
	base := theme.DefaultTheme().Size(theme.SizeNameText)
	wb.ShowSettings()
	if !containsText(topDialogText(w), "100%") {
		t.Fatalf("Settings show %q, want the text size at 100%%", topDialogText(w))
	}
	test.Tap(dialogButton(t, w, "Larger"))
	test.Tap(dialogButton(t, w, "Larger"))
	if got, want := textSize(a), base*1.2; got != want {
		t.Errorf("after Larger twice the text size is %v, want %v", got, want)
	}
	if got := a.Preferences().Float(ui.PrefTextScale); got != 1.2 {
		t.Errorf("after Larger twice the stored text size is %v, want 1.2", got)
	}
	if !containsText(topDialogText(w), "120%") {
		t.Errorf("after Larger twice Settings show %q, want 120%%", topDialogText(w))
	}
	// Ctrl+Minus, while Settings are open, takes the same step back.
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierShortcutDefault})
	if got, want := textSize(a), base*1.1; got != want {
		t.Errorf("after Ctrl+Minus the text size is %v, want %v", got, want)
	}
	if !containsText(topDialogText(w), "110%") {
		t.Errorf("after Ctrl+Minus Settings show %q, want 110%%", topDialogText(w))
	}
	test.Tap(dialogButton(t, w, "Save"))
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if got := a.Preferences().Float(ui.PrefTextScale); got != 1.1 {
		t.Errorf("after Save the stored text size is %v, want 1.1", got)
	}
	// The next start applies the stored size.
	a.Settings().SetTheme(ui.NewTheme(1))
	if err := ui.ApplyAppearance(a, ui.Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	if got, want := textSize(a), base*1.1; got != want {
		t.Errorf("at the next start the text size is %v, want the stored %v", got, want)
	}
	// Ctrl+Plus then goes on from there, and Settings show it.
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyPlus, Modifier: fyne.KeyModifierShortcutDefault})
	wb.ShowSettings()
	if !containsText(topDialogText(w), "120%") {
		t.Errorf("after Ctrl+Plus Settings show %q, want 120%%", topDialogText(w))
	}
}

// Cancel puts back the text size Settings were opened with; Default size
// goes back to 100%.
func TestCancellingSettingsPutsTheTextSizeBack(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FM")
	a.Preferences().SetFloat(ui.PrefTextScale, 1.3)
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "3"})
	base := theme.DefaultTheme().Size(theme.SizeNameText)
	wb.ShowSettings()
	test.Tap(dialogButton(t, w, "Default size"))
	if got := textSize(a); got != base {
		t.Errorf("after Default size the text size is %v, want %v", got, base)
	}
	test.Tap(dialogButton(t, w, "Smaller"))
	if got, want := textSize(a), base*0.9; got != want {
		t.Errorf("after Smaller the text size is %v, want %v", got, want)
	}
	test.Tap(dialogButton(t, w, "Cancel"))
	if got, want := textSize(a), base*1.3; got != want {
		t.Errorf("after Cancel the text size is %v, want the %v Settings were opened with", got, want)
	}
	if got := a.Preferences().Float(ui.PrefTextScale); got != 1.3 {
		t.Errorf("after Cancel the stored text size is %v, want 1.3", got)
	}
}

// In Arabic the text size row is mirrored: Smaller on the right, read
// first, Larger on its left.
func TestTheArabicTextSizeStepsReadRightToLeft(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FM")
	wb, w := f.open(t, a, ui.Options{Lang: "ar", Article: "3"})
	wb.ShowSettings()
	d := fyne.CurrentApp().Driver()
	smaller, larger := d.AbsolutePositionForObject(dialogButton(t, w, "أصغر")).X, d.AbsolutePositionForObject(dialogButton(t, w, "أكبر")).X
	if smaller <= larger {
		t.Errorf("«أصغر» is at x=%v, «أكبر» at x=%v: want «أصغر» on the right", smaller, larger)
	}
	label, _ := drawnText(t, w, "حجم النص")
	if label <= smaller {
		t.Errorf("the label «حجم النص» is drawn from x=%v, the steps end at x=%v: want the label on the right", label, smaller)
	}
}

// A session started with --lang keeps its language when Settings are saved
// for something else, and the language preference stays as it was.
func TestSavingSettingsKeepsTheSessionsLanguage(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FM")
	wb, w := f.open(t, a, ui.Options{Lang: "fr", Article: "3"})
	wb.ShowSettings()
	confirm(t, w, "Enregistrer")
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if got := ui.CurrentLanguage(); got != "fr" {
		t.Errorf("after saving Settings the interface is in %q, want fr as --lang said", got)
	}
	if got := a.Preferences().String(ui.PrefLanguage); got != "" {
		t.Errorf("saving Settings stored the language %q; nobody chose one", got)
	}
	if !shows(w, "Position 3 sur 36") {
		t.Errorf("after saving Settings the window shows %q", labels(w))
	}
}
