package ui_test

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"statute/drafts/export"
	"statute/drafts/parse"
	"statute/drafts/round"
	"statute/ui"
	"statute/ui/textwidget"
)

// pickedFiles stands in for the file dialogs: it answers Save and Open
// with the paths a test gives, and keeps what the window asked.
type pickedFiles struct {
	save, open string // "" answers as a cancelled dialog does
	folder     string // the folder chosen
	proposed   string // the name Save proposed
	exts       []string
}

func (p *pickedFiles) Save(_ fyne.Window, _, name string, done func(string)) {
	p.proposed = name
	done(p.save)
}

func (p *pickedFiles) Folder(_ fyne.Window, _ string, done func(string)) {
	done(p.folder)
}

func (p *pickedFiles) Open(_ fyne.Window, _ string, exts []string, done func(string)) {
	p.exts = exts
	done(p.open)
}

// opened keeps the files and folders the window asked the desktop to open.
type opened []string

func (o *opened) open(u *url.URL) error {
	*o = append(*o, filepath.FromSlash(u.Path))
	return nil
}

// dialogChoices are the drop-down lists of the window's top dialog, in
// the order it lists them.
func dialogChoices(w fyne.Window) []*widget.Select {
	var out []*widget.Select
	if top := w.Canvas().Overlays().Top(); top != nil {
		for _, o := range test.LaidOutObjects(top) {
			if s := ui.ChoiceList(o); s != nil {
				out = append(out, s)
			}
		}
	}
	return out
}

// chooseOption chooses the option of s that holds part: an Arabic
// option is given to Fyne in display order, which a test does not spell.
func chooseOption(t *testing.T, s *widget.Select, part string) {
	t.Helper()
	for i, o := range s.Options {
		if strings.Contains(o, part) {
			s.SetSelectedIndex(i)
			return
		}
	}
	t.Fatalf("no option holds %q among %q", part, s.Options)
}

// tapDialog taps the top dialog's button with the given text.
func tapDialog(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	bs := dialogButtons(w, text)
	if len(bs) != 1 {
		t.Fatalf("the dialog shows %q, want one button %q", topDialogText(w), text)
	}
	ui.OnUIThread(func() { test.Tap(bs[0]) })
}

// The federation exports the sample draft as Markdown and as HTML: the
// file is written where the save dialog said, under the name proposed
// from the version and format, and the window then offers to open it or
// its folder.
func TestExportWritesTheFileAndOffersToOpenIt(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		format, name string
		holds        string // what the file holds, to be the sample
	}{
		{"Markdown (.md)", "statute-v1.md", "## المادة 3: الطبيعة القانونية للغرف"},
		{"Web page (.html)", "statute-v1.html", `dir="rtl"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), c.name)
			files := &pickedFiles{save: path}
			var open opened
			wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3", Files: files, OpenURL: open.open})
			test.Tap(button(t, w, "Export…"))
			choices := dialogChoices(w)
			if len(choices) < 2 {
				t.Fatalf("the export dialog shows %q, want a format and a version to choose", topDialogText(w))
			}
			choices[0].SetSelected(c.format)
			if choices[1].Selected != "Version 1 (the latest)" {
				t.Errorf("the version chosen at first is %q, want the latest", choices[1].Selected)
			}
			tapDialog(t, w, "Export…")
			if err := wb.Wait(); err != nil {
				t.Fatal(err)
			}
			if files.proposed != c.name {
				t.Errorf("the save dialog proposed %q, want %q", files.proposed, c.name)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("no export was written: %v", err)
			}
			if !strings.Contains(string(data), c.holds) || !strings.Contains(string(data), f.draft.Title) {
				t.Errorf("the export does not hold the sample's title and %q:\n%.300s", c.holds, data)
			}
			if text := topDialogText(w); !containsText(text, "Export done") || !containsText(text, path) {
				t.Fatalf("after the export the window shows %q, want where it went", text)
			}
			tapDialog(t, w, "Open the folder")
			test.Tap(button(t, w, "Export…"))
			tapDialog(t, w, "Export…")
			if err := wb.Wait(); err != nil {
				t.Fatal(err)
			}
			tapDialog(t, w, "Open the file")
			if want := []string{filepath.Dir(path), path}; strings.Join(open, "|") != strings.Join(want, "|") {
				t.Errorf("the desktop was asked to open %q, want the folder then the file %q", open, want)
			}
			if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
				t.Errorf("the folder holds %d files after exporting twice, want the export alone", len(entries))
			}
		})
	}
}

// The Markdown export reads back to the draft it was made from.
func TestTheExportedMarkdownImportsBackToTheSample(t *testing.T) {
	f := newFixture(t)
	path := filepath.Join(t.TempDir(), "statute-v1.md")
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Files: &pickedFiles{save: path}})
	wb.ShowExport()
	tapDialog(t, w, "Export…")
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := parse.Parse(data, parse.Options{})
	if err != nil || len(d.Articles) != len(f.draft.Articles) || d.Title != f.draft.Title {
		t.Errorf("the export reads back as %d articles titled %q (%v), want the sample's %d", len(d.Articles), d.Title, err, len(f.draft.Articles))
	}
}

// What the domain cannot export yet is refused in its own sentence, in
// the user's language, before any file is asked for; and a cancelled save
// dialog writes nothing.
func TestARefusedExportSaysWhyInArabic(t *testing.T) {
	f := newFixture(t)
	dir := t.TempDir()
	files := &pickedFiles{}
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "ar", Files: files})
	wb.ShowExport()
	choices := dialogChoices(w)
	// The first format export cannot write the consolidated text in yet
	// (xlsx at the latest, which is for the table): the dialog says
	// export's own sentence, in Arabic.
	var refused error
	for i, f := range export.Formats() {
		if refused = (export.Request{Format: f}).Check(); refused != nil {
			choices[0].SetSelectedIndex(i)
			break
		}
	}
	want := ui.UserError(refused).Error()
	if text := topDialogText(w); !containsText(text, want) || want == refused.Error() {
		t.Errorf("the export dialog shows %q, want export's refusal in Arabic, %q", text, want)
	}
	exportBtn := dialogButtons(w, ui.UILine("تصدير…"))
	if len(exportBtn) != 1 || !exportBtn[0].Disabled() {
		t.Fatalf("the export button is not disabled while the format is refused")
	}
	test.Tap(exportBtn[0])
	if files.proposed != "" {
		t.Errorf("the save dialog was opened for a refused export (%q)", files.proposed)
	}
	// A format that can be written: the button is enabled; the dialog
	// cancelled, nothing is written.
	chooseOption(t, choices[0], "txt")
	if exportBtn[0].Disabled() {
		t.Fatalf("the export button stays disabled for txt; the dialog shows %q", topDialogText(w))
	}
	test.Tap(exportBtn[0])
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if files.proposed != "statute-v1.txt" {
		t.Errorf("the save dialog proposed %q, want statute-v1.txt", files.proposed)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a cancelled export wrote %d files", len(entries))
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Errorf("after a cancelled save dialog the window shows %q, want nothing over it", topDialogText(w))
	}
}

// The comparative table is offered, in the formats export allows for it,
// and refused in its own words in the others; the tracked changes are
// offered for HTML, not for Markdown, nor for the table.
func TestTheTableAndTrackedChangesAreOfferedAsExportAllows(t *testing.T) {
	f := newFixture(t)
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en"})
	wb.ShowExport()
	choices := dialogChoices(w)
	choices[0].SetSelected("Markdown (.md)")
	if ui.ExportOffersTracked(wb) {
		t.Error("tracked changes are offered for Markdown")
	}
	choices[0].SetSelected("Web page (.html)")
	if !ui.ExportOffersTracked(wb) {
		t.Error("tracked changes are not offered for HTML")
	}
	ui.ChooseExport(wb, 1) // the comparative table
	if ui.ExportOffersTracked(wb) {
		t.Error("tracked changes are offered for the table")
	}
	for i, f := range export.Formats() {
		choices[0].SetSelectedIndex(i)
		err := (export.Request{What: export.Table, Format: f}).Check()
		bs := dialogButtons(w, "Export…")
		if len(bs) != 1 || bs[0].Disabled() != (err != nil) {
			t.Errorf("the table as %s: export says %v, the Export button is enabled: %v", f, err, len(bs) == 1 && !bs[0].Disabled())
		}
		if err != nil && !containsText(topDialogText(w), err.Error()) {
			t.Errorf("the table as %s: the dialog shows %q, want export's refusal %q", f, topDialogText(w), err)
		}
	}
}

// dialogEditors are the text editors of the window's top dialog, in the
// order it lists them.
func dialogEditors(w fyne.Window) []*textwidget.Editor {
	var out []*textwidget.Editor
	if top := w.Canvas().Overlays().Top(); top != nil {
		for _, o := range test.LaidOutObjects(top) {
			if e, ok := o.(*textwidget.Editor); ok {
				out = append(out, e)
			}
		}
	}
	return out
}

// Through Fyne's own save dialog, a file the user chooses to replace
// keeps its bytes when the export then fails (a range of articles the
// draft lacks, found only while the table is written), and is replaced
// whole when it succeeds; a new file is not created by a failed export.
func TestReplacingAFileInTheSaveDialogLosesNothingWhenTheExportFails(t *testing.T) {
	f := newFixture(t)
	dir := t.TempDir()
	old := []byte("the federation's earlier table, kept\n")
	path := filepath.Join(dir, "statute-v1-table.html")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	a := newApp(t, "FED")
	a.Preferences().SetString(ui.PrefFolder, dir)
	wb, w := f.open(t, a, ui.Options{Lang: "en"}) // Fyne's file dialogs
	export := func(articles string, replace bool) {
		t.Helper()
		wb.ShowExport()
		ui.ChooseExport(wb, 1)
		chooseOption(t, dialogChoices(w)[0], "html")
		eds := dialogEditors(w)
		if len(eds) == 0 {
			t.Fatalf("the table's dialog shows %q, with no field for the articles", topDialogText(w))
		}
		test.Type(eds[len(eds)-1], articles)
		tapDialog(t, w, "Export…")
		if err := wb.Wait(); err != nil { // export.Preflight, then the save dialog
			t.Fatal(err)
		}
		tapDialog(t, w, "Save") // the name proposed, in the folder last used
		if replace {
			tapDialog(t, w, "Yes") // replace the file
		}
		if err := wb.Wait(); err != nil {
			t.Fatal(err)
		}
	}

	export("999", true)
	if text := topDialogText(w); !containsText(text, "999") {
		t.Errorf("after a failed export the window shows %q, want why", text)
	}
	if got, err := os.ReadFile(path); err != nil || string(got) != string(old) {
		t.Fatalf("after a failed export over it the file holds %q (%v), want its bytes %q", got, err, old)
	}
	tapDialog(t, w, "OK")

	export("", true)
	got, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(got), "<html") || strings.Contains(string(got), string(old)) {
		t.Errorf("after an export over it the file holds %.200q (%v), want the table alone", got, err)
	}
	if text := topDialogText(w); !containsText(text, "Export done") {
		t.Errorf("after the export the window shows %q", text)
	}
	tapDialog(t, w, "Close")

	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	export("999", false)
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a failed export to a new file left %s: %v", path, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the folder holds %d files after a failed export, want none", len(entries))
	}
}

// The app's file repository leaves every other writer as Fyne's own:
// written, it replaces the file; closed unwritten, it empties it.
func TestOtherFileWritersWriteAsFynesDo(t *testing.T) {
	f := newFixture(t)
	f.open(t, newApp(t, "FED"), ui.Options{Lang: "en"})
	dir := t.TempDir()
	for _, c := range []struct{ name, write string }{{"written", "new"}, {"closed unwritten", ""}} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.name)
			if err := os.WriteFile(path, []byte("old bytes"), 0o644); err != nil {
				t.Fatal(err)
			}
			w, err := storage.Writer(storage.NewFileURI(path))
			if err != nil {
				t.Fatal(err)
			}
			if c.write != "" {
				if _, err := w.Write([]byte(c.write)); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if got, err := os.ReadFile(path); err != nil || string(got) != c.write {
				t.Errorf("the file holds %q (%v), want %q", got, err, c.write)
			}
		})
	}
}

// Tracked changes of version 1, which has none before it, are refused in
// the dialog, in the user's language, before any file is asked for.
func TestTrackedChangesOfTheFirstVersionAreRefusedBeforeAFileIsChosen(t *testing.T) {
	f := newFixture(t)
	files := &pickedFiles{save: filepath.Join(t.TempDir(), "statute-v1-tracked.html")}
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "ar", Files: files})
	wb.ShowExport()
	chooseOption(t, dialogChoices(w)[0], "html")
	test.Tap(ui.ExportTracked(wb))
	if err := wb.Wait(); err != nil { // the store is asked off the UI goroutine
		t.Fatal(err)
	}
	refused := export.Preflight(round.New(f.store), export.Request{Format: export.HTML, Tracked: true})
	want := ui.UserError(refused).Error()
	if text := topDialogText(w); refused == nil || want == refused.Error() || !containsText(text, want) {
		t.Errorf("the dialog shows %q, want export's refusal in Arabic, %q", text, want)
	}
	exportBtn := dialogButtons(w, ui.UILine("تصدير…"))
	if len(exportBtn) != 1 || !exportBtn[0].Disabled() {
		t.Fatal("the export button is not disabled for tracked changes of version 1")
	}
	test.Tap(exportBtn[0])
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if files.proposed != "" {
		t.Errorf("the save dialog was opened (%q) for tracked changes of version 1", files.proposed)
	}
	// Without them, the export is offered again.
	test.Tap(ui.ExportTracked(wb))
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if exportBtn[0].Disabled() || containsText(topDialogText(w), want) {
		t.Errorf("without tracked changes the dialog shows %q, the button disabled: %v", topDialogText(w), exportBtn[0].Disabled())
	}
}

// The table's status is chosen from a list of export's outcomes, named in
// the user's language; the table written holds the amendments in that
// status only.
func TestTheTablesStatusIsChosenFromTheOutcomes(t *testing.T) {
	f := newFixture(t)
	dir := t.TempDir()
	files := &pickedFiles{}
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "ar", Files: files})
	wb.ShowExport()
	ui.ChooseExport(wb, 1)
	choices := dialogChoices(w) // format, version, chamber, status
	if len(choices) != 4 {
		t.Fatalf("the table's dialog shows %d lists, want format, version, chamber and status", len(choices))
	}
	status := choices[3]
	if len(status.Options) != len(export.Outcomes())+1 || status.Selected != ui.UILine("جميع الحالات") {
		t.Errorf("the status list offers %q, chosen %q; want all statuses then the %d outcomes", status.Options, status.Selected, len(export.Outcomes()))
	}
	for _, o := range status.Options {
		if strings.ContainsFunc(o, func(r rune) bool { return r >= 'a' && r <= 'z' }) {
			t.Errorf("the status list offers %q, in English", o)
		}
	}
	chooseOption(t, choices[0], "html")
	for _, c := range []struct {
		file, status string // status: its name, in Arabic
		holds        bool   // the CS and MS amendments, submitted
	}{
		{"undecided.html", ui.UILine("لم يُبتّ فيه بعد"), true},
		{"rejected.html", ui.UILine("مرفوض"), false},
	} {
		files.save = filepath.Join(dir, c.file)
		chooseOption(t, status, c.status)
		tapDialog(t, w, ui.UILine("تصدير…"))
		if err := wb.Wait(); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(files.save)
		if err != nil {
			t.Fatalf("%s: no table was written: %v; the window shows %q", c.status, err, topDialogText(w))
		}
		if got := strings.Contains(string(data), "CS-7K3QX9AB"); got != c.holds {
			t.Errorf("%s: the table holds CS's submitted amendment: %v, want %v", c.status, got, c.holds)
		}
		tapDialog(t, w, "إغلاق")
		wb.ShowExport() // the dialog closed on the export
		ui.ChooseExport(wb, 1)
		choices = dialogChoices(w)
		status = choices[3]
		chooseOption(t, choices[0], "html")
	}
}
