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

// ShowSettings opens the settings dialog: whose laptop this is and the
// interface language.
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
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Chamber or federation"), role),
		widget.NewFormItem(lang.L("Interface language"), language),
	}
	d := dialog.NewForm(lang.L("Settings"), lang.L("Save"), lang.L("Cancel"), items, func(save bool) {
		if !save {
			return
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
	d.Resize(fyne.NewSize(520, 260))
	d.Show()
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
		wb.Show(wb.current)
	}
}
