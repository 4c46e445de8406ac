package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
)

// roleSelect offers the twelve chambers and the federation, with current
// selected when it is one of them.
func roleSelect(current drafts.Chamber) *widget.Select {
	rs := roles()
	labels := make([]string, len(rs))
	for i, c := range rs {
		labels[i] = chamberLabel(c)
	}
	s := widget.NewSelect(labels, nil)
	s.PlaceHolder = lang.L("Chamber or federation")
	for i, c := range rs {
		if c.Code == current.Code {
			s.SetSelectedIndex(i)
		}
	}
	return s
}

// askRole is the first-run question: whose laptop is this? It cannot be
// dismissed without an answer, since amendments are written in that name.
func (wb *Workbench) askRole() {
	msg := widget.NewLabel(lang.L("Choose the chamber this laptop belongs to, or the federation. Amendments are written in its name; Settings can change it later."))
	msg.Wrapping = fyne.TextWrapWord
	msg.Alignment = alignment(rightToLeft())
	sel := roleSelect(drafts.Chamber{})
	ok := widget.NewButton(lang.L("Confirm"), nil)
	ok.Importance = widget.HighImportance
	ok.Disable()
	sel.OnChanged = func(string) { ok.Enable() }
	d := dialog.NewCustomWithoutButtons(lang.L("Who is this laptop for?"), container.NewVBox(msg, sel), wb.win)
	ok.OnTapped = func() {
		i := sel.SelectedIndex()
		if i < 0 {
			return
		}
		c := roles()[i]
		wb.app.Preferences().SetString(PrefRole, c.Code)
		d.Hide()
		wb.setRole(c)
	}
	d.SetButtons([]fyne.CanvasObject{ok})
	d.Resize(fyne.NewSize(520, 280))
	d.Show()
}

// ShowSettings opens the settings dialog: whose laptop this is, the
// interface language and the font of the text.
func (wb *Workbench) ShowSettings() {
	role := roleSelect(wb.role)
	langs := append([]string{lang.L("System language")}, make([]string, len(Languages))...)
	for i, code := range Languages {
		langs[i+1] = languageNames[code]
	}
	language := widget.NewSelect(langs, nil)
	language.SetSelectedIndex(0)
	for i, code := range Languages {
		if code == wb.app.Preferences().String(PrefLanguage) {
			language.SetSelectedIndex(i + 1)
		}
	}
	fonts := installedFonts()
	families := []string{lang.L("DejaVu Sans (built in)")}
	for _, f := range fonts {
		families = append(families, f.Family)
	}
	fontSel := widget.NewSelect(families, nil)
	fontSel.SetSelectedIndex(0)
	current := wb.theme().FontFamily()
	for i, f := range fonts {
		if f.Family == current {
			fontSel.SetSelectedIndex(i + 1)
		}
	}
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Chamber or federation"), role),
		widget.NewFormItem(lang.L("Interface language"), language),
		widget.NewFormItem(lang.L("Font of the text"), fontSel),
	}
	d := dialog.NewForm(lang.L("Settings"), lang.L("Save"), lang.L("Cancel"), items, func(save bool) {
		if !save {
			return
		}
		if i := fontSel.SelectedIndex(); i >= 0 {
			var choice *installedFont
			if i > 0 {
				choice = &fonts[i-1]
			}
			wb.setFont(choice)
		}
		code := ""
		if i := language.SelectedIndex(); i > 0 {
			code = Languages[i-1]
		}
		wb.app.Preferences().SetString(PrefLanguage, code)
		if i := role.SelectedIndex(); i >= 0 {
			c := roles()[i]
			wb.app.Preferences().SetString(PrefRole, c.Code)
			wb.role, wb.hasRole = c, true
		}
		wb.SetLanguage(code)
	}, wb.win)
	d.Resize(fyne.NewSize(520, 300))
	d.Show()
}

// theme is the app theme in use.
func (wb *Workbench) theme() *Theme {
	return textSizer{wb.app}.current()
}

// setFont draws the text with an installed font, or with the built-in
// DejaVu Sans when f is nil, and remembers the choice. A font that cannot
// be used is refused with a dialog, leaving the text as it was.
func (wb *Workbench) setFont(f *installedFont) {
	t := wb.theme()
	var faces *fontFaces
	family := ""
	if f != nil {
		if f.Family == t.FontFamily() {
			return
		}
		var err error
		if faces, err = loadFont(*f); err != nil {
			showError(wb.win, err)
			return
		}
		family = f.Family
	} else if t.FontFamily() == "" {
		return
	}
	wb.app.Preferences().SetString(PrefFont, family)
	wb.app.Settings().SetTheme(t.withFont(faces))
}

// SetLanguage switches the interface language ("" for the system's) and
// lays the window out again, mirrored for Arabic.
func (wb *Workbench) SetLanguage(code string) {
	if err := SetLanguage(code); err != nil {
		showError(wb.win, err)
		return
	}
	wb.build()
	if wb.draft != nil {
		wb.outline.setDraft(wb.draft, wb.counts)
		wb.showText(wb.current)
		// Read again what the role may see: Settings may have changed it.
		wb.reloadAmendments()
	}
}
