package ui_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"statute/ui"
)

func TestThemeUsesDejaVuForEveryTextStyle(t *testing.T) {
	th := ui.NewTheme(1)
	for _, c := range []struct {
		style fyne.TextStyle
		font  string
	}{
		{fyne.TextStyle{}, "DejaVuSans.ttf"},
		{fyne.TextStyle{Bold: true}, "DejaVuSans-Bold.ttf"},
		{fyne.TextStyle{Italic: true}, "DejaVuSans-Oblique.ttf"},
		{fyne.TextStyle{Bold: true, Italic: true}, "DejaVuSans-BoldOblique.ttf"},
		{fyne.TextStyle{Monospace: true}, "DejaVuSansMono.ttf"},
	} {
		t.Run(c.font, func(t *testing.T) {
			r := th.Font(c.style)
			if r.Name() != c.font || len(r.Content()) < 100_000 {
				t.Errorf("Font(%+v) = %s (%d bytes), want %s", c.style, r.Name(), len(r.Content()), c.font)
			}
		})
	}
}

func TestThemeScalesTextOnly(t *testing.T) {
	for _, c := range []struct {
		scale, want float64
	}{
		{1, 1}, {1.5, 1.5}, {0, 1}, {10, 2.5}, {0.1, 0.7},
	} {
		th := ui.NewTheme(c.scale)
		if th.Scale() != c.want {
			t.Errorf("NewTheme(%v).Scale() = %v, want %v", c.scale, th.Scale(), c.want)
		}
		def := theme.DefaultTheme()
		if got, want := th.Size(theme.SizeNameText), def.Size(theme.SizeNameText)*float32(c.want); got != want {
			t.Errorf("scale %v: text size %v, want %v", c.scale, got, want)
		}
		if got, want := th.Size(theme.SizeNamePadding), def.Size(theme.SizeNamePadding); got != want {
			t.Errorf("scale %v: padding %v, want it unscaled at %v", c.scale, got, want)
		}
	}
}

func TestThemeFollowsTheSystemVariant(t *testing.T) {
	th := ui.NewTheme(1)
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		if got, want := th.Color(theme.ColorNameBackground, v), theme.DefaultTheme().Color(theme.ColorNameBackground, v); got != want {
			t.Errorf("background for variant %d = %v, want Fyne's %v", v, got, want)
		}
	}
}
