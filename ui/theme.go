package ui

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"github.com/go-fonts/dejavu/dejavusans"
	"github.com/go-fonts/dejavu/dejavusansbold"
	"github.com/go-fonts/dejavu/dejavusansboldoblique"
	"github.com/go-fonts/dejavu/dejavusansmono"
	"github.com/go-fonts/dejavu/dejavusansoblique"
)

// The fonts are shipped in the binary: Fyne's own font has no Arabic, and
// falling back to system fonts would make the text, and the test
// snapshots, differ from one machine to the next. DejaVu Sans covers
// Arabic, Latin, digits, dashes and «». Each is given room below for the
// dots of a final ي (fontroom.go).
var (
	fontRegular    = lazyFont("DejaVuSans.ttf", dejavusans.TTF)
	fontBold       = lazyFont("DejaVuSans-Bold.ttf", dejavusansbold.TTF)
	fontItalic     = lazyFont("DejaVuSans-Oblique.ttf", dejavusansoblique.TTF, dejavusans.TTF)
	fontBoldItalic = lazyFont("DejaVuSans-BoldOblique.ttf", dejavusansboldoblique.TTF, dejavusansbold.TTF)
	fontMono       = lazyFont("DejaVuSansMono.ttf", dejavusansmono.TTF, dejavusans.TTF)
)

// Bounds and step of the text-size factor.
const (
	minTextScale  = 0.7
	maxTextScale  = 2.5
	textScaleStep = 0.1
)

// Theme is the app theme: Fyne's colours (light or dark as the system
// says, since Fyne hands the system's variant to Color) with DejaVu fonts,
// or an installed Arabic font the user chose, and text scaled by a
// user-chosen factor.
type Theme struct {
	scale float64
	faces *fontFaces // nil: the built-in DejaVu Sans
}

var _ fyne.Theme = (*Theme)(nil)

// NewTheme returns the app theme with text at scale times the default size;
// a scale outside the allowed range is brought back into it.
func NewTheme(scale float64) *Theme {
	return &Theme{scale: clampScale(scale)}
}

// Scale is the text-size factor.
func (t *Theme) Scale() float64 { return t.scale }

// FontFamily is the family of the text font: "" for the built-in DejaVu
// Sans.
func (t *Theme) FontFamily() string {
	if t.faces == nil {
		return ""
	}
	return t.faces.family
}

// withScale returns the theme with another text-size factor.
func (t *Theme) withScale(scale float64) *Theme {
	return &Theme{scale: clampScale(scale), faces: t.faces}
}

// withFont returns the theme drawing text with faces (nil for DejaVu).
func (t *Theme) withFont(faces *fontFaces) *Theme {
	return &Theme{scale: t.scale, faces: faces}
}

func clampScale(s float64) float64 {
	if s == 0 || math.IsNaN(s) {
		return 1
	}
	// Rounded so that repeated steps come back to exactly 1.
	s = math.Round(s*10) / 10
	return math.Min(maxTextScale, math.Max(minTextScale, s))
}

// Color implements fyne.Theme.
func (t *Theme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, v)
}

// Font implements fyne.Theme.
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Symbol:
		return theme.DefaultTheme().Font(s)
	case s.Monospace:
		return fontMono()
	case t.faces != nil && s.Bold:
		// Arabic has no italics: an installed Naskh face is used upright.
		return t.faces.bold
	case t.faces != nil:
		return t.faces.regular
	case s.Bold && s.Italic:
		return fontBoldItalic()
	case s.Bold:
		return fontBold()
	case s.Italic:
		return fontItalic()
	}
	return fontRegular()
}

// Icon implements fyne.Theme.
func (t *Theme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return theme.DefaultTheme().Icon(n)
}

// Size implements fyne.Theme; only text sizes follow the factor, so that
// larger text does not also inflate padding and scroll bars.
func (t *Theme) Size(n fyne.ThemeSizeName) float32 {
	s := theme.DefaultTheme().Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return s * float32(t.scale)
	}
	return s
}

// textSizer changes the text-size factor from the keyboard and keeps it in
// the preferences.
type textSizer struct {
	app fyne.App
}

// install adds the text-size keys to the window: Ctrl+Plus bigger,
// Ctrl+Minus smaller, Ctrl+0 back to the theme's size.
//
// Keyboards type "Ctrl +" in several ways, and Fyne's GLFW driver names a
// key by the character it types without Shift (glfwGetKeyName), so each
// is a shortcut of its own: Ctrl+= (Plus without Shift), Ctrl+Shift+= (the
// Plus of US, Arabic and French layouts), Ctrl+Plus (a Plus key of its
// own, as on German layouts, and the keypad's +, which the driver also
// names Plus) and Ctrl+Shift+Plus. Minus likewise, with or without Shift,
// the keypad's − included; the keypad's 0 is named 0.
func (z textSizer) install(c fyne.Canvas) {
	ctrl := fyne.KeyModifierShortcutDefault
	for _, mod := range []fyne.KeyModifier{ctrl, ctrl | fyne.KeyModifierShift} {
		for _, k := range []fyne.KeyName{fyne.KeyPlus, fyne.KeyEqual} {
			c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: mod}, func(fyne.Shortcut) { z.step(+1) })
		}
		c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: mod}, func(fyne.Shortcut) { z.step(-1) })
	}
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.Key0, Modifier: ctrl}, func(fyne.Shortcut) { z.set(1) })
}

func (z textSizer) current() *Theme {
	if t, ok := z.app.Settings().Theme().(*Theme); ok {
		return t
	}
	return NewTheme(z.app.Preferences().FloatWithFallback(PrefTextScale, 1))
}

func (z textSizer) step(dir int) { z.set(z.current().Scale() + float64(dir)*textScaleStep) }

func (z textSizer) set(scale float64) {
	t := z.current().withScale(scale)
	z.app.Preferences().SetFloat(PrefTextScale, t.Scale())
	z.app.Settings().SetTheme(t)
}
