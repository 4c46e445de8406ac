package ui

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/drafts/export"
	"statute/ui/textwidget"
)

// exporter is the federation's export dialog, while it is open: what to
// export (the consolidated text or the comparative table), in which
// format, of which version, with tracked changes or not, and for the
// table which amendments, all in one form. It decides nothing itself:
// the formats are those package export lists, the statuses its
// outcomes, and whether a choice can be exported is Request.Check's to
// say, then export.Preflight's (which reads the store, off the UI
// goroutine), in their own sentence, which the dialog shows under the
// choices while the Export button waits.
type exporter struct {
	wb       *Workbench
	d        *drafts.Draft // the draft shown, at its latest version
	m        *modal
	what     *optionRows
	formats  []export.Format
	format   *choiceList
	version  *choiceList
	tracked  *pickRow
	chamber  *choiceList
	status   *choiceList // all statuses, then export.Outcomes()
	articles *textwidget.Editor
	form     fyne.CanvasObject // the above, the table's rows shown for the table only
	why      *textwidget.Text  // Check's or Preflight's refusal, or nothing
	body     *fyne.Container   // all of the above, laid out again as they show and hide
	ok       *widget.Button
	updating bool
	gen      int // the choices' generation: a late Preflight is dropped
}

// msgCannotOpen says that the desktop could not open an export or its
// folder.
var msgCannotOpen = drafts.NewMessage("open.failed",
	"%s could not be opened (%s): open it from its folder, with the program you read such files with")

// whats are the exports the dialog offers, in the order of its options.
var whats = []export.What{export.Consolidated, export.Table}

// ShowExport opens, for the federation, the export dialog of the draft
// shown.
func (wb *Workbench) ShowExport() {
	if !wb.reviewing() || wb.draft == nil || wb.propose != nil {
		return
	}
	e := &exporter{wb: wb, d: wb.draft, formats: export.Formats()}
	e.build()
	e.update()
	wb.exporting = e
	e.m.SetOnClosed(func() {
		if wb.exporting == e {
			wb.exporting = nil
		}
	})
	e.m.Show()
}

func (e *exporter) build() {
	rtl := rightToLeft()
	e.what = newOptionRows([]string{tr("The consolidated text"), tr("The comparative table")}, rtl)
	e.what.SetSelected(0)
	e.format = newChoice(e.formatNames())
	versions := make([]string, e.d.Version)
	for v := 1; v <= e.d.Version; v++ {
		versions[v-1] = tr("Version {{.N}}", map[string]any{"N": v})
		if v == e.d.Version {
			versions[v-1] = tr("Version {{.N}} (the latest)", map[string]any{"N": v})
		}
	}
	e.version = newChoice(versions)
	e.version.SetSelectedIndex(e.d.Version - 1)
	e.tracked = newPickRow(textwidget.NewLine(tr("With tracked changes against the version before"), fyne.TextStyle{}), rtl)
	chambers := []string{tr("All chambers")}
	for _, c := range drafts.Chambers() {
		chambers = append(chambers, chamberLabel(c))
	}
	e.chamber = newChoice(chambers)
	e.chamber.SetSelectedIndex(0)
	statuses := []string{tr("All statuses")}
	for _, o := range export.Outcomes() {
		statuses = append(statuses, uiLine(outcomeName(o)))
	}
	e.status = newChoice(statuses)
	e.status.SetSelectedIndex(0)
	e.articles = textwidget.NewLineEditor(e.wb.app)
	e.articles.SetPlaceHolder(tr("All (or one article, 3, or a range, 3-7)"))
	e.why = textwidget.NewText("")

	changed := func() {
		if !e.updating {
			e.update()
		}
	}
	e.what.OnChanged = func(int) { e.chooseFormat(); changed() }
	for _, c := range []*choiceList{e.format, e.version, e.chamber, e.status} {
		c.OnChanged = func(string) { changed() }
	}
	e.tracked.OnChanged = func(bool) { changed() }
	e.articles.OnChanged = func(string) { changed() }
	e.chooseFormat()

	// One form, so that every field starts at one edge: the tracked
	// changes' box has no label, but sits in the fields' column.
	e.form = newForm(
		tr("Export"), e.what,
		tr("Format"), e.format,
		tr("Version"), e.version,
		"", e.tracked,
		tr("Chamber"), e.chamber,
		tr("Status"), e.status,
		tr("Articles"), e.articles,
	)
	e.body = container.NewVBox(e.form, widget.NewSeparator(), e.why)
	cancel := mirrorIcon(widget.NewButtonWithIcon(tr("Cancel"), theme.CancelIcon(), nil))
	e.ok = mirrorIcon(widget.NewButtonWithIcon(uiLine(tr("Export…")), theme.DocumentSaveIcon(), e.chooseFile))
	e.ok.Importance = widget.HighImportance
	e.m = newModal(e.wb.win, tr("Export the draft"), container.NewVScroll(e.body), cancel, e.ok)
	e.m.dismiss, e.m.enter = e.m.Hide, e.ok
	e.m.Resize(fyne.NewSize(640, 520))
}

// formatNames are the format list's options: each format by its name,
// those the export chosen cannot be written in yet marked so (choosing
// one says why).
func (e *exporter) formatNames() []string {
	names := make([]string, len(e.formats))
	what := export.Consolidated
	if e.what != nil && e.what.Selected() >= 0 {
		what = whats[e.what.Selected()]
	}
	for i, f := range e.formats {
		names[i] = formatName(f)
		if (export.Request{What: what, Format: f}).Check() != nil {
			names[i] = tr("{{.Format}} — not available", map[string]any{"Format": names[i]})
		}
	}
	return names
}

// formatName names a format for a person: «Word (.docx)»; a format this
// version of the app does not know by name is said by its extension.
func formatName(f export.Format) string {
	names := map[export.Format]string{
		export.Markdown:   tr("Markdown (.md)"),
		export.Text:       tr("Plain text (.txt)"),
		export.Word:       tr("Word (.docx)"),
		export.HTML:       tr("Web page (.html)"),
		export.AkomaNtoso: tr("Akoma Ntoso (.akn)"),
		export.PDF:        tr("PDF (.pdf)"),
		export.Excel:      tr("Excel (.xlsx)"),
		export.CSV:        tr("CSV (.csv)"),
	}
	if n, ok := names[f]; ok {
		return n
	}
	return "." + string(f)
}

// outcomeName names a status of the table's filter for a person, in the
// interface language; one this version of the app does not know by name
// is said as export names it.
func outcomeName(o export.Outcome) string {
	names := map[export.Outcome]string{
		export.Undecided:           tr("Undecided"),
		export.Accepted:            tr("Accepted"),
		export.AcceptedWithChanges: tr("Accepted with changes"),
		export.Rejected:            tr("Rejected"),
		export.Withdrawn:           tr("Withdrawn"),
		export.Superseded:          tr("Superseded by a synthesis"),
	}
	if n, ok := names[o]; ok {
		return n
	}
	return string(o)
}

// chooseFormat lists the formats again for the export chosen, and, when
// the format chosen cannot be written for it, chooses the first that can.
func (e *exporter) chooseFormat() {
	e.updating = true
	defer func() { e.updating = false }()
	i := e.format.SelectedIndex()
	shown := make([]string, 0, len(e.formats))
	for _, n := range e.formatNames() {
		shown = append(shown, uiLine(n))
	}
	e.format.Options = shown
	what := whats[max(e.what.Selected(), 0)]
	if i < 0 || (export.Request{What: what, Format: e.formats[i]}).Check() != nil {
		for j, f := range e.formats {
			if (export.Request{What: what, Format: f}).Check() == nil {
				i = j
				break
			}
		}
	}
	e.format.SetSelectedIndex(max(i, 0))
	e.format.Refresh()
}

// request is what the dialog's choices ask for.
func (e *exporter) request() export.Request {
	q := export.Request{What: whats[max(e.what.Selected(), 0)], Draft: e.d.ID, Version: e.version.SelectedIndex() + 1}
	if i := e.format.SelectedIndex(); i >= 0 {
		q.Format = e.formats[i]
	}
	q.Tracked = e.tracked.Visible() && e.tracked.Checked()
	if q.What == export.Table {
		if i := e.chamber.SelectedIndex(); i > 0 {
			q.Chamber = drafts.Chambers()[i-1].Code
		}
		if i := e.status.SelectedIndex(); i > 0 {
			q.Status = string(export.Outcomes()[i-1])
		}
		q.Articles = strings.TrimSpace(e.articles.Text())
	}
	return q
}

// update shows what the choices allow: the tracked changes where the
// export chosen can have them, the table's choices for the table, and
// why the export cannot be made, when it cannot: at once what Check
// says, and what Preflight says once it has read the store.
func (e *exporter) update() {
	q := e.request()
	withChanges := q
	withChanges.Tracked = true
	showFormRow(e.form, e.tracked, withChanges.Check() == nil)
	for _, o := range []fyne.CanvasObject{e.chamber, e.status, e.articles} {
		showFormRow(e.form, o, q.What == export.Table)
	}
	q = e.request()
	e.gen++
	err := q.Check()
	e.refuse(err)
	e.body.Refresh()
	if err != nil {
		return
	}
	// What the store says (a version 1 has no version before it to
	// track changes against) comes a moment later.
	gen, wb := e.gen, e.wb
	wb.background(func() func() {
		err := export.Preflight(wb.round, q)
		if err == nil {
			return func() {} // as Check said
		}
		return func() {
			if gen == e.gen && wb.exporting == e {
				e.refuse(err)
				e.body.Refresh()
			}
		}
	})
}

// refuse says why the export cannot be made, and waits the Export
// button, or, for nil, says nothing and offers it.
func (e *exporter) refuse(err error) {
	if err != nil {
		e.why.SetText(userError(err).Error())
		e.ok.Disable()
	} else {
		e.why.SetText("")
		e.ok.Enable()
	}
}

// chooseFile asks where to write the export, once export.Preflight lets
// it through, proposing a name made from the draft's version and the
// choices, then writes it.
func (e *exporter) chooseFile() {
	q := e.request()
	if err := q.Check(); err != nil {
		showError(e.wb.win, err)
		return
	}
	wb := e.wb
	wb.background(func() func() {
		err := export.Preflight(wb.round, q)
		return func() {
			if err != nil {
				showError(wb.win, err)
				return
			}
			wb.files().Save(wb.win, wb.startFolder(), exportName(q), func(path string) {
				if path != "" {
					wb.rememberFolder(path)
					wb.writeExport(q, path)
				}
			})
		}
	})
}

// exportName is the file name an export is proposed under: the version,
// what it holds and its format, «statute-v2-tracked.html»,
// «statute-v2-table-FM.xlsx».
func exportName(q export.Request) string {
	name := fmt.Sprintf("statute-v%d", q.Version)
	if q.What == export.Table {
		name += "-table"
		if q.Chamber != "" {
			name += "-" + q.Chamber
		}
	}
	if q.Tracked {
		name += "-tracked"
	}
	return name + "." + string(q.Format)
}

// writeExport writes the export q asks to path off the UI goroutine, saying
// meanwhile that it works, through export.WriteFile, so that path holds
// the whole export or what it held before (the save dialog has touched
// nothing: guardFileSaves); then it offers to open the file
// or its folder, or says why it could not be written.
func (wb *Workbench) writeExport(q export.Request, path string) {
	progress := progressModal(wb.win, tr("Export"), tr("Writing {{.File}}…", map[string]any{"File": "\u2068" + filepath.Base(path) + "\u2069"}))
	progress.Show()
	wb.background(func() func() {
		var res *export.Result
		err := export.WriteFile(path, func(w io.Writer) (err error) {
			res, err = export.Write(wb.round, w, q)
			return err
		})
		return func() {
			progress.Hide()
			if err != nil {
				showError(wb.win, err)
				return
			}
			wb.exportDone(path, res)
		}
	})
}

// exportDone says where the export went and offers to open it, or its
// folder.
func (wb *Workbench) exportDone(path string, res *export.Result) {
	objs := []fyne.CanvasObject{textwidget.NewText(tr("The export is written to:")), pathLine(path)}
	if res != nil && res.ArticleWord != "" {
		objs = append(objs, textwidget.NewText(tr("To import it back, give «{{.Word}}» as the word that heads the articles.", map[string]any{"Word": res.ArticleWord})))
	}
	open := func(target string) func() {
		return func() {
			if err := wb.openURL(fileURL(target)); err != nil {
				showError(wb.win, msgCannotOpen.Wrap(drafts.Unavailable, err, target, err.Error()))
			}
		}
	}
	closeBtn := widget.NewButton(tr("Close"), nil)
	folder := mirrorIcon(widget.NewButtonWithIcon(tr("Open the folder"), theme.FolderOpenIcon(), open(filepath.Dir(path))))
	file := mirrorIcon(widget.NewButtonWithIcon(tr("Open the file"), theme.FileIcon(), open(path)))
	file.Importance = widget.HighImportance
	m := newModal(wb.win, tr("Export done"), container.NewVBox(objs...), closeBtn, folder, file)
	m.dismiss, m.enter = m.Hide, file
	m.Resize(fyne.NewSize(600, 240))
	m.Show()
}

// progressModal says that work runs, which the user waits for: it has no
// button, and is hidden when the work is done.
func progressModal(w fyne.Window, title, text string) *modal {
	bar := widget.NewProgressBarInfinite()
	m := newModal(w, title, container.NewVBox(textwidget.NewText(text), bar))
	m.Resize(fyne.NewSize(480, 160))
	return m
}
