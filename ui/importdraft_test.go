package ui_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/drafts/parse"
	"statute/ui"
	"statute/ui/internal/snapshot"
)

// importFile is a draft whose article 2 lost its heading to a list mark:
// import reads «* المادة 2: …» as text of article 1, and says so.
const importFile = `نظام تجريبي لغرف الصناعة التقليدية

الباب الأول: أحكام عامة
المادة 1: الغرض
يحدد هذا النظام قواعد عمل الغرف.
* المادة 2: التعريفات
الباب الثاني: أحكام ختامية
المادة 3
يعمل بهذا النظام من تاريخ نشره.
`

// writeImportFile writes importFile into a temporary folder.
func writeImportFile(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// storeState is what the store holds, to tell that nothing was stored:
// its drafts and its revision.
func storeState(t *testing.T, s drafts.Store) (int, uint64) {
	t.Helper()
	infos, err := s.Drafts()
	if err != nil {
		t.Fatal(err)
	}
	rev, err := s.Revision()
	if err != nil {
		t.Fatal(err)
	}
	return len(infos), rev
}

// Importing a text file shows, in Arabic, what was read (the title, the
// counts, the outline) and the line that looks like a heading, with why
// it was read as text; Cancel stores nothing; «import as a new draft»
// stores it and the window shows it.
func TestImportShowsWhatItReadBeforeStoringIt(t *testing.T) {
	f := newFixture(t)
	path := writeImportFile(t, "نظام.txt", importFile)
	files := &pickedFiles{open: path}
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "ar", Article: "3", Files: files})
	drafts0, rev0 := storeState(t, f.store)

	wb.ImportDraft()
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if len(files.exts) != 4 {
		t.Errorf("the file dialog lists %q, want .docx, .md, .txt and .pdf", files.exts)
	}
	text := topDialogText(w)
	for _, want := range []string{
		"استيراد \u2068نظام.txt\u2069",
		"نظام تجريبي لغرف الصناعة التقليدية",
		"مادتان، تقسيمان",
		"سطر واحد يبدو عنوانا لكنه قُرئ نصا",
		// The warning: where, the line, and why, in Arabic.
		"السطر 6، في المادة 1: «* المادة 2: التعريفات»\nهذا البند من قائمة يبدأ كالعنوان",
		"الفهرس",
		"الباب الأول: أحكام عامة",
		"المادة 1: الغرض",
		"الباب الثاني: أحكام ختامية",
		"المادة 3",
	} {
		if !containsText(text, want) {
			t.Errorf("the import confirmation does not show %q; it shows %q", want, text)
		}
	}

	tapDialog(t, w, "إلغاء")
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if n, rev := storeState(t, f.store); n != drafts0 || rev != rev0 {
		t.Fatalf("a cancelled import changed the store: %d drafts (revision %d), want %d (revision %d)", n, rev, drafts0, rev0)
	}
	if backups, err := f.store.Backups(); err != nil || len(backups) != 0 {
		t.Errorf("a cancelled import made %d backups (%v), want none", len(backups), err)
	}

	wb.ImportDraft()
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	tapDialog(t, w, "استيراد كمشروع جديد")
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if n, _ := storeState(t, f.store); n != drafts0+1 {
		t.Fatalf("after the import the store holds %d drafts, want %d", n, drafts0+1)
	}
	if !containsText(topDialogText(w), "تم استيراد المشروع") {
		t.Errorf("after the import the window shows %q, want it said", topDialogText(w))
	}
	if !shows(w, "الترتيب 1 من 2") || !shows(w, "المادة 1: الغرض") {
		t.Errorf("after the import the window shows %q, want the imported draft's first article", labels(w))
	}
	if backups, err := f.store.Backups(); err != nil || len(backups) != 1 {
		t.Errorf("the import made %d backups first (%v), want one", len(backups), err)
	}
}

// A file imported as the next version of the draft shown is stored as
// its version 2, and the window follows it.
func TestImportAsTheNextVersionOfTheDraftShown(t *testing.T) {
	f := newFixture(t)
	sample, err := os.ReadFile(filepath.Join("..", "assets", "sample-draft.md"))
	if err != nil {
		t.Fatal(err)
	}
	path := writeImportFile(t, "v2.md", string(sample))
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3", Files: &pickedFiles{open: path}})
	wb.ImportDraft()
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	tapDialog(t, w, "Import as version 2 of the draft shown")
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	latest, err := f.store.Draft(f.draft.ID)
	if err != nil {
		t.Fatal(err)
	}
	if latest.Version != 2 || wb.ShownVersion() != 2 {
		t.Errorf("the draft's latest version is %d and the window shows %d, want 2 both", latest.Version, wb.ShownVersion())
	}
	if !shows(w, "Position 3 of 36") {
		t.Errorf("the window shows %q, want it still on article 3", labels(w))
	}
}

// A file import refuses is said in the user's language, and nothing is
// stored.
func TestARefusedImportSaysWhyAndStoresNothing(t *testing.T) {
	f := newFixture(t)
	path := writeImportFile(t, "statute.doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 an old Word file")
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "fr", Files: &pickedFiles{open: path}})
	drafts0, rev0 := storeState(t, f.store)
	wb.ImportDraft()
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if text := topDialogText(w); !containsText(text, "statute.doc") || !containsText(text, "(.docx)") || containsText(text, "Import") {
		t.Errorf("the window shows %q, want why the .doc is refused, in French", text)
	}
	if n, rev := storeState(t, f.store); n != drafts0 || rev != rev0 {
		t.Errorf("a refused import changed the store")
	}
}

// The import confirmation and the export dialog, in Arabic, as images:
// every line read from the right, joined, right-aligned; buttons mirrored.
func TestImportAndExportSnapshots(t *testing.T) {
	f := newFixture(t)
	path := writeImportFile(t, "نظام.txt", importFile)
	wb, w := f.openSized(t, newApp(t, "FED"), ui.Options{Lang: "ar", Article: "3", Files: &pickedFiles{open: path}}, fyne.NewSize(1000, 700))
	wb.ImportDraft()
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	snapshot.Assert(t, w.Canvas(), "import_ar")
	tapDialog(t, w, "إلغاء")
	wb.ShowExport()
	chooseOption(t, dialogChoices(w)[0], "html")
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	snapshot.Assert(t, w.Canvas(), "export_ar")
	// The table's choices in the same form, then its list of statuses.
	ui.ChooseExport(wb, 1)
	choices := dialogChoices(w) // format, version, chamber, status
	chooseOption(t, choices[3], ui.UILine("مقبول مع تعديل"))
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	snapshot.Assert(t, w.Canvas(), "export_table_ar")
	test.Tap(choices[3])
	snapshot.Assert(t, w.Canvas(), "export_status_ar")
}

// A chamber's laptop has no review board: it imports the draft it is
// sent from Settings, and exports nothing.
func TestAChamberImportsFromSettings(t *testing.T) {
	f := newFixture(t)
	path := writeImportFile(t, "draft.txt", importFile)
	wb, w := f.open(t, newApp(t, "FM"), ui.Options{Lang: "en", Files: &pickedFiles{open: path}})
	for _, o := range objects(w) {
		if b, ok := o.(*widget.Button); ok && (b.Text == "Export…" || b.Text == "Import a draft…") {
			t.Errorf("a chamber's window shows %q", b.Text)
		}
	}
	wb.ShowSettings()
	tapDialog(t, w, "Import a draft…")
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	if text := topDialogText(w); !containsText(text, "Import as a new draft") || !containsText(text, "2 articles, 2 divisions") {
		t.Errorf("after Settings' «Import a draft…» the window shows %q, want what the file holds", text)
	}
}

// A warning is said in the interface language by its message ID, in
// English when the app does not know the ID, and a note on the whole file
// (line 0) by its sentence alone.
func TestWarningsAreSaidInTheInterfaceLanguage(t *testing.T) {
	if err := ui.SetLanguage("ar"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := ui.SetLanguage("en"); err != nil {
			t.Error(err)
		}
	})
	for _, c := range []struct {
		name string
		w    parse.Warning
		want string
	}{
		{"known", parse.Warning{Line: 4, Text: "# المادة 9 تحدث", Article: "2", Why: "English", ID: "parse.warning.no-separator", Args: []any{"المادة 9"}},
			"السطر 4، في المادة 2: «# المادة 9 تحدث»\nيبدأ هذا السطر كالعنوان «\u2068المادة 9\u2069» لكنه يستمر دون فاصل بعد الرقم"},
		{"unknown ID", parse.Warning{Line: 1, Text: "x", Why: "a sentence the app has no translation of", ID: "parse.warning.to-come"},
			"السطر 1، في العنوان والديباجة: «x»\na sentence the app has no translation of"},
		{"a note on the file", parse.Warning{Why: "the file's 2 tables were left out", ID: "word.to-come"},
			"the file's 2 tables were left out"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := ui.WarningText(c.w); !strings.HasPrefix(got, c.want) {
				t.Errorf("said %q, want it to start %q", got, c.want)
			}
		})
	}
}
