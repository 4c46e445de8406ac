package ui

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/drafts/importer"
	"statute/drafts/parse"
	"statute/ui/textwidget"
)

// importExtensions are the files the import dialog lists. What a file is
// is told by importer from its bytes, not from this list: a file of
// another name may still be chosen by typing it.
var importExtensions = []string{".docx", ".md", ".txt", ".pdf"}

// ImportDraft asks for a draft's file (Word, Markdown, text or PDF), reads
// it off the UI goroutine (importer.ReadFile) and shows what it
// understood for confirmation; nothing is stored before the user
// confirms. A file import refuses is said in its sentence.
//
// The federation imports the ministry's drafts; a chamber imports the
// draft it was sent too, until drafts travel between laptops in packages:
// every laptop may.
func (wb *Workbench) ImportDraft() {
	if wb.propose != nil || wb.consolidating != nil {
		return
	}
	wb.files().Open(wb.win, wb.startFolder(), importExtensions, func(path string) {
		if path == "" {
			return
		}
		wb.rememberFolder(path)
		progress := progressModal(wb.win, tr("Import a draft"), tr("Reading {{.File}}…", map[string]any{"File": "\u2068" + filepath.Base(path) + "\u2069"}))
		progress.Show()
		wb.background(func() func() {
			d, warnings, err := importer.ReadFile(path, parse.Options{})
			return func() {
				progress.Hide()
				if err != nil {
					showError(wb.win, err)
					return
				}
				wb.confirmImport(filepath.Base(path), d, warnings)
			}
		})
	})
}

// confirmImport shows what was read from the file name: the draft's title,
// how many articles and divisions, the lines that look like headings but
// were read as text, and the outline; then stores it as a new draft, or
// as the next version of the draft shown, or not at all.
func (wb *Workbench) confirmImport(name string, d *drafts.Draft, warnings []parse.Warning) {
	objs := []fyne.CanvasObject{
		textwidget.NewStyledText(d.Title, fyne.TextStyle{Bold: true}),
		textwidget.NewText(trN("{{.Count}} articles", len(d.Articles), map[string]any{"Count": len(d.Articles)}) +
			tr(", ") + trN("{{.Count}} divisions", len(d.Divisions), map[string]any{"Count": len(d.Divisions)})),
	}
	// A warning of line 0 is a note on the file as a whole (what a Word
	// file holds that import leaves out), said apart from the lines.
	var lines, notes []parse.Warning
	for _, w := range warnings {
		if w.Line == 0 {
			notes = append(notes, w)
		} else {
			lines = append(lines, w)
		}
	}
	if len(lines) > 0 {
		objs = append(objs, widget.NewSeparator(),
			heading(trN("{{.Count}} lines look like headings but were read as text", len(lines), map[string]any{"Count": len(lines)})))
		for _, w := range lines {
			objs = append(objs, textwidget.NewText(warningText(w)))
		}
	}
	if len(notes) > 0 {
		objs = append(objs, widget.NewSeparator(), heading(tr("Notes on the file")))
		for _, w := range notes {
			objs = append(objs, textwidget.NewText(warningText(w)))
		}
	}
	objs = append(objs, widget.NewSeparator(), heading(tr("Outline")))
	for _, e := range d.Outline() {
		style := fyne.TextStyle{}
		if e.Key == "" {
			style.Bold = true
		}
		objs = append(objs, indented(textwidget.NewStyledText(e.Heading, style), e.Depth))
	}

	store := func(asVersion bool) func() {
		return func() {
			if asVersion {
				d.ID = wb.draft.ID
			}
			wb.storeImport(d)
		}
	}
	buttons := []*widget.Button{mirrorIcon(widget.NewButtonWithIcon(tr("Cancel"), theme.CancelIcon(), nil))}
	if wb.draft != nil {
		buttons = append(buttons, mirrorIcon(widget.NewButtonWithIcon(
			uiLine(tr("Import as version {{.N}} of the draft shown", map[string]any{"N": wb.draft.Version + 1})), theme.HistoryIcon(), store(true))))
	}
	asNew := mirrorIcon(widget.NewButtonWithIcon(tr("Import as a new draft"), theme.ConfirmIcon(), store(false)))
	asNew.Importance = widget.HighImportance
	buttons = append(buttons, asNew)
	m := newModal(wb.win, tr("Import {{.File}}", map[string]any{"File": "\u2068" + name + "\u2069"}), container.NewVScroll(container.NewVBox(objs...)), buttons...)
	// Enter does not store: storing is what the user reads all this for.
	m.dismiss = m.Hide
	size := wb.win.Canvas().Size()
	m.Resize(fyne.NewSize(min(max(size.Width*0.8, 480), 900), max(size.Height*0.85, 360)))
	m.Show()
}

// storeImport stores d off the UI goroutine (round.Import, which backs the
// database up first), then shows it.
func (wb *Workbench) storeImport(d *drafts.Draft) {
	progress := progressModal(wb.win, tr("Import a draft"), tr("Storing the draft…"))
	progress.Show()
	wb.background(func() func() {
		err := wb.round.Import(d)
		return func() {
			progress.Hide()
			if err != nil {
				showError(wb.win, err)
				return
			}
			wb.showImported(d)
		}
	})
}

// showImported shows the draft just imported: at the same article when it
// is another version of the draft shown, at its first otherwise.
func (wb *Workbench) showImported(d *drafts.Draft) {
	if len(d.Articles) == 0 {
		return
	}
	if wb.draft == nil || wb.draft.ID != d.ID {
		wb.draft = d
		wb.current = 0
	}
	wb.showDraft(d)
	wb.reloadAmendments()
	msg := tr("«{{.Title}}» is stored as version {{.N}}, with {{.Articles}}; the window now shows it.",
		map[string]any{"Title": d.Title, "N": d.Version, "Articles": trN("{{.Count}} articles", len(d.Articles), map[string]any{"Count": len(d.Articles)})})
	m := infoModal(wb.win, tr("Draft imported"), textwidget.NewText(msg))
	m.Resize(fyne.NewSize(520, 200))
	m.Show()
}

// warningText says a line that looks like a heading but was read as text:
// where it is, the line, and why it was read as text, in the interface
// language (the warning's message by its ID, as the domain's errors are
// said), in English when there is no translation; a note on the whole
// file (line 0) is its sentence alone.
func warningText(w parse.Warning) string {
	why := w.Why
	if format, ok := translation(errorKeyPrefix + w.ID); ok && w.ID != "" {
		why = fmt.Sprintf(format, messageArgs(w.Args)...)
	}
	if w.Line == 0 {
		return why
	}
	where := tr("Line {{.Line}}, in the title and preamble", map[string]any{"Line": w.Line})
	if w.Article != "" {
		where = tr("Line {{.Line}}, in article {{.Article}}", map[string]any{"Line": w.Line, "Article": w.Article})
	}
	return where + ": «" + w.Text + "»\n" + why
}

// indented sets o in by depth levels of the outline, from the side the
// interface reads from.
func indented(o fyne.CanvasObject, depth int) fyne.CanvasObject {
	in := float32(depth) * 2 * theme.Padding() * 3
	left, right := in, float32(0)
	if rightToLeft() {
		left, right = 0, in
	}
	return container.New(layout.NewCustomPaddedLayout(0, 0, left, right), o)
}
