package ui

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/ui/rtl"
	"statute/ui/textwidget"
)

// roleSelect offers the twelve chambers and the federation, with current
// selected when it is one of them.
func roleSelect(current drafts.Chamber) *choiceList {
	rs := roles()
	labels := make([]string, len(rs))
	for i, c := range rs {
		labels[i] = chamberLabel(c)
	}
	s := newChoice(labels)
	s.PlaceHolder = uiLine(tr("Chamber or federation"))
	for i, c := range rs {
		if c.Code == current.Code {
			s.SetSelectedIndex(i)
		}
	}
	return s
}

// askRole is the first-run question: whose laptop is this? It cannot be
// dismissed without an answer, since amendments are written in that name.
// It also offers the interface language, which is Arabic when the
// system's locale is none the app speaks (C, say): whoever cannot read
// that picks French or English there and is asked again in it.
func (wb *Workbench) askRole() { wb.askFirstRun(-1, false) }

// askFirstRun asks the first-run question with the chamber at index role
// of roles() already chosen (none when -1); langChosen says the language
// was chosen in an earlier showing, and is to be kept.
func (wb *Workbench) askFirstRun(role int, langChosen bool) {
	msg := textwidget.NewText(tr("Choose the chamber this laptop belongs to, or the federation. Amendments are written in its name; Settings can change it later."))
	sel := roleSelect(drafts.Chamber{})
	sel.SetSelectedIndex(role)
	names := make([]string, len(Languages))
	for i, code := range Languages {
		names[i] = languageNames[code]
	}
	lang := newChoice(names)
	lang.SetSelectedIndex(slices.Index(Languages, CurrentLanguage()))
	ok := widget.NewButton(tr("Confirm"), func() {
		i := sel.SelectedIndex()
		if i < 0 {
			return
		}
		if langChosen {
			wb.app.Preferences().SetString(PrefLanguage, CurrentLanguage())
		}
		// The role is taken once its key pair is made; given up, the
		// question is asked again.
		wb.chooseRole(roles()[i], func() { wb.askFirstRun(i, langChosen) })
	})
	ok.Importance = widget.HighImportance
	if role < 0 {
		ok.Disable()
	}
	body := container.NewVBox(msg, newForm(tr("Interface language"), lang, tr("Chamber or federation"), sel))
	m := newModal(wb.win, tr("Who is this laptop for?"), body, ok)
	m.enter = ok
	sel.OnChanged = func(string) { ok.Enable() }
	lang.OnChanged = func(string) {
		i := lang.SelectedIndex()
		if i < 0 || Languages[i] == CurrentLanguage() {
			return
		}
		m.Hide()
		wb.SetLanguage(Languages[i])
		wb.askFirstRun(sel.SelectedIndex(), true)
	}
	m.Resize(fyne.NewSize(560, 320))
	m.Show()
}

// ShowSettings opens the settings dialog: whose laptop this is and its
// key (keyBlock), the interface language, the font of the text and its
// size, where the database and its backups are; About (ShowAbout) is a
// button beside Cancel and Save. The size changes
// as it is chosen, so that the user sees it; Cancel puts back the size
// the text had.
func (wb *Workbench) ShowSettings() {
	role := roleSelect(wb.role)
	langs := append([]string{tr("System language")}, make([]string, len(Languages))...)
	for i, code := range Languages {
		langs[i+1] = languageNames[code]
	}
	language := newChoice(langs)
	language.SetSelectedIndex(0)
	for i, code := range Languages {
		if code == wb.app.Preferences().String(PrefLanguage) {
			language.SetSelectedIndex(i + 1)
		}
	}
	openedWith := language.SelectedIndex()
	fonts := installedFonts(wb.opts.fontDirs())
	families := []string{tr("DejaVu Sans (built in)")}
	for _, f := range fonts {
		families = append(families, f.Family)
	}
	fontSel := newChoice(families)
	fontSel.SetSelectedIndex(0)
	current := wb.theme().FontFamily()
	for i, f := range fonts {
		if f.Family == current {
			fontSel.SetSelectedIndex(i + 1)
		}
	}
	sizer := textSizer{wb.app}
	scale := sizer.current().Scale()
	loc := wb.store.Location()
	// Import leaves Settings as Cancel does: its file dialog and its
	// confirmation are dialogs of their own.
	importBtn := mirrorIcon(widget.NewButtonWithIcon(uiLine(tr("Import a draft…")), theme.FolderOpenIcon(), nil))
	// The key's buttons leave Settings as Cancel does, as import does.
	var d *modal
	keyBlock := wb.keyBlock(func() { d.dismiss() })
	exchangeBtn := mirrorIcon(widget.NewButtonWithIcon(uiLine(tr("Exchange packages…")), theme.MailComposeIcon(), func() {
		d.dismiss()
		wb.ShowExchange()
	}))
	backUp := mirrorIcon(widget.NewButtonWithIcon(tr("Back up now"), theme.DocumentSaveIcon(), wb.BackUpNow))
	fields := newForm(
		tr("Chamber or federation"), role,
		tr("Packages"), buttonRow(exchangeBtn),
		tr("Interface language"), language,
		tr("Font of the text"), fontSel,
		tr("Text size"), newTextSizeSteps(sizer),
		tr("Draft statute"), buttonRow(importBtn),
		tr("Database"), pathLine(loc.File),
		tr("Backups"), container.NewVBox(pathLine(loc.Backups), buttonRow(backUp), buttonRow(mirrorIcon(wb.restoreButton()))),
	)
	// The fields scroll where the window is too low for all of them.
	// The key's block runs the dialog's whole width, under the fields: its
	// fingerprint, in large digits, is wider than the fields' column on a
	// small or magnified window.
	content := container.NewVBox(fields, widget.NewSeparator(), heading(tr("This laptop's key")), keyBlock)
	d = confirmModal(wb.win, tr("Settings"), tr("Save"), tr("Cancel"), container.NewVScroll(content), true, func(save bool) {
		if !save {
			if sizer.current().Scale() != scale {
				sizer.set(scale)
			}
			return
		}
		if i := fontSel.SelectedIndex(); i >= 0 {
			var choice *installedFont
			if i > 0 {
				choice = &fonts[i-1]
			}
			wb.setFont(choice)
		}
		// The language is stored only when it was changed here: a session
		// started with --lang keeps its language through a save that was
		// about something else.
		code := CurrentLanguage()
		if i := language.SelectedIndex(); i != openedWith {
			code = ""
			if i > 0 {
				code = Languages[i-1]
			}
			wb.app.Preferences().SetString(PrefLanguage, code)
		}
		wb.SetLanguage(code)
		// Another role is taken with its key pair: made, or confirmed,
		// in dialogs of its own (chooseRole).
		if i := role.SelectedIndex(); i >= 0 && (!wb.hasRole || roles()[i].Code != wb.role.Code) {
			wb.chooseRole(roles()[i], nil)
		}
	}, wb.aboutButton(func() { d.dismiss() }))
	importBtn.OnTapped = func() {
		d.dismiss()
		wb.ImportDraft()
	}
	size := wb.win.Canvas().Size()
	d.Resize(fyne.NewSize(640, min(max(size.Height-6*theme.Padding(), 360), 640)))
	d.Show()
}

// newTextSizeSteps is the choice of the text size in Settings: Smaller
// and Larger buttons around the size in use, as a percentage, and a
// button back to the default size. They step the size as Ctrl+Minus and
// Ctrl+Plus do, and Default size is Ctrl+0; each step is applied at once
// and kept in the preferences. In a right-to-left interface the row is
// mirrored: Smaller on the right, read first.
func newTextSizeSteps(z textSizer) fyne.CanvasObject {
	smaller := mirrorIcon(widget.NewButtonWithIcon(tr("Smaller"), theme.ZoomOutIcon(), func() { z.step(-1) }))
	larger := mirrorIcon(widget.NewButtonWithIcon(tr("Larger"), theme.ZoomInIcon(), func() { z.step(+1) }))
	reset := widget.NewButton(tr("Default size"), func() { z.set(1) })
	value := newTextScaleLine(z, func(scale float64) {
		enable(smaller, scale > minTextScale)
		enable(larger, scale < maxTextScale)
		enable(reset, scale != 1)
	})
	row := []fyne.CanvasObject{smaller, value, larger, reset}
	if rightToLeft() {
		slices.Reverse(row)
		return container.NewBorder(nil, nil, nil, container.NewHBox(row...))
	}
	return container.NewBorder(nil, nil, container.NewHBox(row...), nil)
}

func enable(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// textScaleLine shows the text size in use as a percentage of the
// default, and follows it: a change of theme refreshes every widget, and
// this one then reads the size again, however it was changed (its
// buttons, or Ctrl+Plus while Settings is open). changed is told the
// size each time.
type textScaleLine struct {
	widget.BaseWidget
	z       textSizer
	line    *textwidget.Text
	changed func(scale float64)
}

func newTextScaleLine(z textSizer, changed func(float64)) *textScaleLine {
	l := &textScaleLine{z: z, line: textwidget.NewLine("", fyne.TextStyle{}), changed: changed}
	l.ExtendBaseWidget(l)
	l.update()
	return l
}

func (l *textScaleLine) update() {
	scale := l.z.current().Scale()
	l.line.SetText(tr("{{.Percent}}%", map[string]any{"Percent": int(math.Round(scale * 100))}))
	l.changed(scale)
}

// Refresh implements fyne.Widget.
func (l *textScaleLine) Refresh() {
	l.update()
	l.BaseWidget.Refresh()
}

// CreateRenderer implements fyne.Widget.
func (l *textScaleLine) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(l.line)
}

// pathLine shows a file's path: left to right, as a path reads, in an
// Arabic interface too (a first-strong isolate); broken between letters
// where it is wider than the dialog.
func pathLine(path string) fyne.CanvasObject {
	return textwidget.NewStyledText("\u2068"+path+"\u2069", fyne.TextStyle{Monospace: true})
}

// BackUpNow writes a backup of the database beside it, off the UI
// goroutine, and says where it went, or why it could not be made.
func (wb *Workbench) BackUpNow() {
	wb.background(func() func() {
		path, err := wb.store.Backup()
		return func() {
			if err != nil {
				showError(wb.win, err)
				return
			}
			d := infoModal(wb.win, tr("Backup"), textwidget.NewText(tr("The database is backed up, and the copy verified:")+"\n\u2068"+path+"\u2069"))
			d.Resize(fyne.NewSize(560, 220))
			d.Show()
		}
	})
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

// newChoice is a Select whose options read right in an Arabic interface:
// Fyne draws the runs of a string in typing order, so each option is given
// to it in display order (uiLine), aligned to the side the interface reads
// from, and the list is mirrored in a right-to-left interface
// (choiceList). SelectedIndex says which was chosen.
func newChoice(options []string) *choiceList {
	shown := make([]string, len(options))
	for i, o := range options {
		shown[i] = uiLine(o)
	}
	s := &choiceList{rtl: rightToLeft()}
	s.Options = shown
	s.PlaceHolder = uiLine(tr("(Select one)"))
	s.Alignment = alignment(rightToLeft())
	s.ExtendBaseWidget(s)
	return s
}

// uiLine returns a one-line interface string as Fyne must be given it to
// draw it in reading order: unchanged when it holds no right-to-left
// letters, else reordered by ui/rtl, as a right-to-left line in the
// Arabic interface («DejaVu Sans (المدمج)» starts on the right there).
func uiLine(s string) string {
	if !strings.ContainsFunc(s, isRTLLetter) {
		return s
	}
	dir := rtl.Auto
	if rightToLeft() {
		dir = rtl.RTL
	}
	lines := rtl.Layout(s, dir, math.MaxFloat32, func(string) float32 { return 0 })
	if len(lines) != 1 {
		return s
	}
	return textwidget.Display(lines[0])
}

func isRTLLetter(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana)
}

// newForm lays out pairs of a label and its field, the labels on the side
// the interface reads from and laid out as statute text is.
func newForm(pairs ...any) fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for i := 0; i+1 < len(pairs); i += 2 {
		objs = append(objs, textwidget.NewLine(pairs[i].(string), fyne.TextStyle{Bold: true}), pairs[i+1].(fyne.CanvasObject))
	}
	return container.New(formLayout{rtl: rightToLeft()}, objs...)
}

// showFormRow shows or hides the row of form (made by newForm) whose
// field is field, its label with it; the rows below close up.
func showFormRow(form fyne.CanvasObject, field fyne.CanvasObject, show bool) {
	c, ok := form.(*fyne.Container)
	if !ok {
		return
	}
	for i := 0; i+1 < len(c.Objects); i += 2 {
		if c.Objects[i+1] != field {
			continue
		}
		for _, o := range c.Objects[i : i+2] {
			if show {
				o.Show()
			} else {
				o.Hide()
			}
		}
	}
}

// formLayout places objects in pairs, label then field, a row each: the
// labels in a column as wide as the widest, on the right in a
// right-to-left interface, the fields taking the rest of the width. A
// row whose field is hidden takes no room.
type formLayout struct{ rtl bool }

func (l formLayout) columns(objs []fyne.CanvasObject) (labelW float32) {
	for i := 0; i+1 < len(objs); i += 2 {
		if objs[i+1].Visible() {
			labelW = max(labelW, objs[i].MinSize().Width)
		}
	}
	return labelW
}

func (l formLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var fieldW, h float32
	for i := 0; i+1 < len(objs); i += 2 {
		if !objs[i+1].Visible() {
			continue
		}
		fieldW = max(fieldW, objs[i+1].MinSize().Width)
		h += max(objs[i].MinSize().Height, objs[i+1].MinSize().Height) + pad
	}
	return fyne.NewSize(l.columns(objs)+pad+fieldW, max(0, h-pad))
}

func (l formLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	labelW := l.columns(objs)
	fieldW := max(0, size.Width-labelW-pad)
	labelX, fieldX := float32(0), labelW+pad
	if l.rtl {
		labelX, fieldX = size.Width-labelW, 0
	}
	var y float32
	for i := 0; i+1 < len(objs); i += 2 {
		if !objs[i+1].Visible() {
			continue
		}
		h := max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
		objs[i].Move(fyne.NewPos(labelX, y))
		objs[i].Resize(fyne.NewSize(labelW, h))
		objs[i+1].Move(fyne.NewPos(fieldX, y))
		objs[i+1].Resize(fyne.NewSize(fieldW, h))
		y += h + pad
	}
}
