package ui_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/boltstore"
	"statute/drafts/exchange"
	"statute/drafts/keys"
	"statute/drafts/parse"
	"statute/drafts/round"
	"statute/ui"
	"statute/ui/internal/snapshot"
)

// A chamber's laptop: its database, with CS's key pair and the
// federation's draft, taken in from the federation's package.
type chamberLaptop struct {
	store *boltstore.Store
	round *round.Round
	fed   *round.Round // the federation's, its key open
}

// packTime is when the tests' packages are made.
var packTime = time.Date(2026, 11, 20, 10, 15, 0, 0, time.UTC)

// exchangeRound sets up the federation's laptop (the fixture, with the
// federation's key, unlocked for packing here) and CS's, each with the
// other's key registered (CS's at the federation only when registered),
// CS holding versions 1 and 2 of the draft. CS's
// laptop then holds, against what the federation holds:
//
//   - CS-7K3QX9AB as the federation has it: unchanged;
//   - CS-WD000001, submitted at the federation, withdrawn since: updated;
//   - CS-DF000001, worded otherwise than the federation received it:
//     refused;
//   - CS-NEW00001, made on version 2: new;
//   - CS-STA00001, made on version 1: new, and stale.
func exchangeRound(t *testing.T, f *fixture, registered bool) *chamberLaptop {
	t.Helper()
	fed := f.withKey(t, drafts.FederationCode)
	fr := round.New(f.store)
	if err := fr.Unlock([]byte(testPassphrase)); err != nil {
		t.Fatal(err)
	}
	s, err := boltstore.Open(filepath.Join(t.TempDir(), "cs.db"), boltstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	cs := keyStore(t, s, "CS")
	if _, err := exchange.Trust(s, drafts.FederationCode, fed.Public, drafts.TrustedFromFile, false, ""); err != nil {
		t.Fatal(err)
	}
	if registered {
		if _, err := exchange.Trust(f.store, "CS", cs.Public, drafts.TrustedFromFile, false, ""); err != nil {
			t.Fatal(err)
		}
	}
	c := &chamberLaptop{store: s, round: round.New(s), fed: fr}
	a3 := f.draft.Article("3")
	amendment := func(id string, st drafts.Status, text string) *drafts.Amendment {
		return &drafts.Amendment{
			ID: id, Created: fixtureTime, Updated: fixtureTime,
			DraftID: f.draft.ID, DraftVersion: 1, BaseHash: a3.TextHash(), Article: "3",
			Kind: drafts.Wording, Chamber: "CS", Status: st, Text: text, Justification: "تعليل.",
		}
	}
	if err := f.store.AddAmendments(amendment("CS-WD000001", drafts.StatusSubmitted, "صيغة تسحب."), amendment("CS-DF000001", drafts.StatusSubmitted, "صيغة أولى.")); err != nil {
		t.Fatal(err)
	}
	c.take(t, packOf(t, fr, packTime))
	// The federation's version 2, which CS takes in too.
	v2, err := parse.Parse(assets.SampleDraft, parse.Options{Source: "v2.md"})
	if err != nil {
		t.Fatal(err)
	}
	v2.ID = f.draft.ID
	if err := fr.Import(v2); err != nil {
		t.Fatal(err)
	}
	c.take(t, packOf(t, fr, packTime.Add(time.Hour)))
	same, err := f.store.Amendment("CS-7K3QX9AB")
	if err != nil {
		t.Fatal(err)
	}
	fresh := amendment("CS-NEW00001", drafts.StatusSubmitted, "صيغة جديدة على الإصدار الثاني.")
	fresh.DraftVersion = 2
	if err := s.AddAmendments(same, amendment("CS-WD000001", drafts.StatusWithdrawn, "صيغة تسحب."), amendment("CS-DF000001", drafts.StatusSubmitted, "صيغة ثانية."),
		fresh, amendment("CS-STA00001", drafts.StatusSubmitted, "صيغة على الإصدار الأول.")); err != nil {
		t.Fatal(err)
	}
	return c
}

// packOf makes r's package at the time given.
func packOf(t *testing.T, r *round.Round, at time.Time) []byte {
	t.Helper()
	data, _, err := exchange.Pack(r, "", at)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// take imports a package into the chamber's laptop.
func (c *chamberLaptop) take(t *testing.T, data []byte) {
	t.Helper()
	if _, err := exchange.Import(c.store, data, "fed.statpkg"); err != nil {
		t.Fatal(err)
	}
}

// packageFile writes CS's package into dir and returns its path.
func (c *chamberLaptop) packageFile(t *testing.T, dir string) string {
	t.Helper()
	if err := c.round.Unlock([]byte(testPassphrase)); err != nil {
		t.Fatal(err)
	}
	data, name, err := exchange.Pack(c.round, "", packTime.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// fixedTimes is a store whose records of packages and keys say they
// were made at fixtureTime: the store sets when it took them in, which
// the snapshots would show otherwise.
type fixedTimes struct{ drafts.Store }

func (s fixedTimes) Packages() ([]drafts.PackageRecord, error) {
	ps, err := s.Store.Packages()
	for i := range ps {
		ps[i].Took = fixtureTime
	}
	return ps, err
}

func (s fixedTimes) Package(id string) (*drafts.PackageRecord, error) {
	p, err := s.Store.Package(id)
	if p != nil {
		p.Took = fixtureTime
	}
	return p, err
}

func (s fixedTimes) Register() ([]drafts.TrustedKey, error) {
	ks, err := s.Store.Register()
	for i := range ks {
		ks[i].At = fixtureTime
	}
	return ks, err
}

// openOn shows a Workbench on store s in a test window of the given size.
func openOn(t *testing.T, a fyne.App, s drafts.Store, opts ui.Options, size fyne.Size) (*ui.Workbench, fyne.Window) {
	t.Helper()
	w := test.NewTempWindow(t, nil)
	w.Resize(size)
	wb, err := ui.New(a, w, s, opts)
	if err != nil {
		t.Fatal(err)
	}
	wait(t, wb)
	t.Cleanup(func() {
		wb.StopWatching()
		if err := wb.Wait(); err != nil {
			t.Error(err)
		}
	})
	return wb, w
}

// amendmentStatus is amendment id's status in s; "" when s lacks it.
func amendmentStatus(t *testing.T, s drafts.Store, id string) drafts.Status {
	t.Helper()
	a, err := s.Amendment(id)
	if drafts.IsKind(err, drafts.NotFound) {
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	return a.Status
}

// The federation takes in CS's package: the report says the counts, then
// each amendment with what became of it, the refused and stale ones with
// the domain's note; the store holds what came in, and the federation's
// exchange dialog lists CS's package. The same package again changes
// nothing, and says so.
func TestTheFederationTakesInAChambersPackage(t *testing.T) {
	f := newFixture(t)
	c := exchangeRound(t, f, true)
	path := c.packageFile(t, t.TempDir())
	files := &pickedFiles{open: path}
	wb, w := openOn(t, newApp(t, ""), fixedTimes{f.store}, ui.Options{Lang: "ar", Article: "3", Files: files}, fyne.NewSize(1000, 900))
	test.Tap(button(t, w, ui.UILine("تبادل الحزم…")))
	wait(t, wb)
	tapDialog(t, w, ui.UILine("استيراد حزمة…"))
	wait(t, wb)
	if !slices.Equal(files.exts, []string{".statpkg"}) {
		t.Errorf("the file dialog lists %q, want .statpkg", files.exts)
	}
	text := topDialogText(w)
	for _, want := range []string{
		"حزمة من الدار البيضاء سطات (CS)",
		"التعديلات: جديدة: 2، محدَّثة: 1، دون تغيير: 1، مرفوضة: 1.",
		"\u2066CS-NEW00001\u2069 — المادة \u20683\u2069 — الدار البيضاء سطات (CS): جديد",
		"\u2066CS-WD000001\u2069 — المادة \u20683\u2069 — الدار البيضاء سطات (CS): محدَّث",
		"\u2066CS-7K3QX9AB\u2069 — المادة \u20683\u2069 — الدار البيضاء سطات (CS): دون تغيير",
		"\u2066CS-DF000001\u2069 — المادة \u20683\u2069 — الدار البيضاء سطات (CS): مرفوض",
		"\u2066CS-STA00001\u2069 — المادة \u20683\u2069 — الدار البيضاء سطات (CS): جديد، على إصدار سابق",
		"أعد على الإصدار 1 من المشروع، وقد صار الآن في الإصدار 2",
		"ورد تعديل \u2068CS-DF000001\u2069 من قبل بمحتوى آخر: يحتفظ بالموجود هنا",
	} {
		if !containsText(text, want) {
			t.Errorf("the report does not show %q; it shows %q", want, text)
		}
	}
	snapshot.Assert(t, w.Canvas(), "package_report_ar")
	for id, want := range map[string]drafts.Status{
		"CS-NEW00001": drafts.StatusSubmitted, "CS-STA00001": drafts.StatusSubmitted,
		"CS-WD000001": drafts.StatusWithdrawn, "CS-7K3QX9AB": drafts.StatusSubmitted,
	} {
		if got := amendmentStatus(t, f.store, id); got != want {
			t.Errorf("after the import %s is %q at the federation, want %q", id, got, want)
		}
	}
	if a, err := f.store.Amendment("CS-DF000001"); err != nil || a.Text != "صيغة أولى." {
		t.Errorf("the refused CS-DF000001 reads %+v (%v) at the federation, want the wording received first", a, err)
	}
	tapDialog(t, w, "حسنا")
	wait(t, wb)

	// The exchange dialog lists CS's package, and the chambers never
	// heard from.
	wb.ShowExchange()
	wait(t, wb)
	text = topDialogText(w)
	for _, want := range []string{
		"الدار البيضاء سطات (CS): صُنعت في \u206620/11/2026\u00a012:15\u2069، واستُوردت في \u206602/11/2026\u00a009:30\u2069: جديدة: 2، محدَّثة: 1، دون تغيير: 1، مرفوضة: 1",
		"فاس مكناس (FM): لم تصل منها أي حزمة بعد",
		"الدار البيضاء سطات (CS) — سُجّل في \u206602/11/2026\u00a009:30\u2069، من ملفه؛ بصمته:",
	} {
		if !containsText(text, want) {
			t.Errorf("the exchange dialog does not show %q; it shows %q", want, text)
		}
	}
	if !dialogDraws(w, keys.Fingerprint(identity(t, c.store).Public)) {
		t.Error("the exchange dialog does not show CS's registered fingerprint")
	}
	snapshot.Assert(t, w.Canvas(), "exchange_federation_ar")
	tapDialog(t, w, "إغلاق")

	// The same package again.
	wb.ImportPackage()
	wait(t, wb)
	if text := topDialogText(w); !containsText(text, "هذه الحزمة استُوردت من قبل في \u206602/11/2026\u00a009:30\u2069: لم يتغير شيء.") {
		t.Errorf("the same package again shows %q, want it said that nothing changed", text)
	}
}

// A package signed by a key never registered is the first contact: its
// fingerprint is shown to compare by phone; Cancel registers nothing and
// takes nothing in; confirmed, the key is registered on contact and the
// package taken in.
func TestAFirstPackageAsksToCompareTheFingerprint(t *testing.T) {
	f := newFixture(t)
	c := exchangeRound(t, f, false)
	path := c.packageFile(t, t.TempDir())
	cs := identity(t, c.store)
	wb, w := f.openSized(t, newApp(t, ""), ui.Options{Lang: "ar", Article: "3", Files: &pickedFiles{open: path}}, fyne.NewSize(1000, 700))
	wb.ImportPackage()
	wait(t, wb)
	text := topDialogText(w)
	if !containsText(text, "مفتاح للتسجيل: الدار البيضاء سطات (CS)") || !dialogDraws(w, keys.Fingerprint(cs.Public)) {
		t.Fatalf("a package from an unknown key shows %q, want CS's fingerprint to compare", text)
	}
	snapshot.Assert(t, w.Canvas(), "first_contact_ar")
	rev0, _ := f.store.Revision()
	tapDialog(t, w, "إلغاء")
	wait(t, wb)
	if rev, _ := f.store.Revision(); rev != rev0 || amendmentStatus(t, f.store, "CS-NEW00001") != "" {
		t.Fatal("a cancelled first contact changed the store")
	}
	wb.ImportPackage()
	wait(t, wb)
	tapDialog(t, w, "الأرقام متطابقة: تسجيل المفتاح")
	wait(t, wb)
	reg, err := f.store.Register()
	if err != nil {
		t.Fatal(err)
	}
	if k, ok := drafts.CurrentKeys(reg)["CS"]; !ok || string(k.Public) != string(cs.Public) || k.How != drafts.TrustedOnContact {
		t.Errorf("after the confirmation the register holds %+v, want CS's key, registered on contact", reg)
	}
	if amendmentStatus(t, f.store, "CS-NEW00001") != drafts.StatusSubmitted || !containsText(topDialogText(w), "حزمة من الدار البيضاء سطات (CS)") {
		t.Errorf("after the confirmation the window shows %q and CS-NEW00001 is %q, want the package taken in", topDialogText(w), amendmentStatus(t, f.store, "CS-NEW00001"))
	}
}

// A chamber sends its package: the passphrase is asked once, the file
// saved under the name proposed, holding CS's amendments; with a sync
// folder chosen, «send to the folder» writes it there without asking
// again. The federation's draft package, taken in, says the versions it
// brought and the federation's decision on CS's amendment.
func TestAChamberSendsItsPackageAndReadsTheFederations(t *testing.T) {
	f := newFixture(t)
	c := exchangeRound(t, f, true)
	saveDir, syncDir := t.TempDir(), t.TempDir()
	files := &pickedFiles{folder: syncDir}
	a := newApp(t, "")
	wb, w := openOn(t, a, c.store, ui.Options{Lang: "ar", Files: files}, fyne.NewSize(1000, 760))
	if !shows(w, "بصفة: الدار البيضاء سطات (CS)") {
		t.Fatalf("the chamber's window shows %q, want CS's view", labels(w))
	}
	wb.ShowSettings()
	tapDialog(t, w, ui.UILine("تبادل الحزم…"))
	wait(t, wb)
	files.save = filepath.Join(saveDir, "cs.statpkg")
	tapDialog(t, w, ui.UILine("تصدير حزمة…"))
	wait(t, wb)
	if len(passwordEntries(w)) != 1 {
		t.Fatalf("packing with the key locked shows %q, want the passphrase asked", topDialogText(w))
	}
	typePassphrases(t, w, testPassphrase)
	tapDialog(t, w, "فتح المفتاح")
	wait(t, wb)
	if want := "CS-"; len(files.proposed) < 3 || files.proposed[:3] != want || filepath.Ext(files.proposed) != ".statpkg" {
		t.Errorf("the save dialog proposed %q, want a CS package's name", files.proposed)
	}
	data, err := os.ReadFile(files.save)
	if err != nil {
		t.Fatalf("no package was written: %v", err)
	}
	p, err := exchange.Read(data)
	if err != nil || p.From != "CS" || len(p.Amendments) != 5 {
		t.Fatalf("the package written reads %+v, %v; want CS's 5 amendments", p, err)
	}
	if !containsText(topDialogText(w), "كُتبت الحزمة في:") {
		t.Errorf("after the export the window shows %q, want where it went", topDialogText(w))
	}
	tapDialog(t, w, "حسنا")

	// The sync folder, then «send to the folder».
	wb.ShowExchange()
	wait(t, wb)
	tapDialog(t, w, ui.UILine("اختيار المجلد…"))
	if got := a.Preferences().String(ui.PrefSyncFolder); got != syncDir {
		t.Fatalf("the sync folder stored is %q, want %q", got, syncDir)
	}
	wb.ShowExchange()
	wait(t, wb)
	tapDialog(t, w, "إرسال إلى المجلد")
	wait(t, wb)
	if entries, _ := os.ReadDir(syncDir); len(entries) != 1 || filepath.Ext(entries[0].Name()) != ".statpkg" {
		t.Errorf("the sync folder holds %v after «send to the folder», want the package", entries)
	}
	if len(passwordEntries(w)) != 0 {
		t.Error("the passphrase was asked again in the same session")
	}
	tapDialog(t, w, "حسنا")

	// The federation decides, and sends its draft.
	if _, err := c.fed.Decide(drafts.Federation, "CS-7K3QX9AB", drafts.Reject, "", nil, "خارج الموضوع"); err != nil {
		t.Fatal(err)
	}
	fedData, name, err := exchange.Pack(c.fed, "", packTime.Add(3*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	files.open = filepath.Join(saveDir, name)
	if err := os.WriteFile(files.open, fedData, 0o644); err != nil {
		t.Fatal(err)
	}
	wb.ImportPackage()
	wait(t, wb)
	text := topDialogText(w)
	for _, want := range []string{"حزمة من جامعة غرف الصناعة التقليدية", "الإصدار 1: دون تغيير", "الإصدار 2: دون تغيير", "ما قررته الجامعة في تعديلات هذه الغرفة", "المادة \u20683\u2069: مرفوض"} {
		if !containsText(text, want) {
			t.Errorf("the federation's package at CS shows %q, want %q", text, want)
		}
	}
}

// A key registered from its public-key file is confirmed on its
// fingerprint first; another key for the same role is a replacement,
// confirmed as such, with its note.
func TestRegisteringAndReplacingAKey(t *testing.T) {
	f := newFixture(t)
	f.withKey(t, drafts.FederationCode)
	_, data := testKey(t, "MS")
	ms, err := keys.ParseBackup(data)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	first := filepath.Join(dir, keys.PublicFileName("MS"))
	if err := os.WriteFile(first, keys.MarshalPublic("MS", ms.Public), 0o644); err != nil {
		t.Fatal(err)
	}
	files := &pickedFiles{open: first}
	wb, w := f.open(t, newApp(t, ""), ui.Options{Lang: "en", Article: "3", Files: files})
	wb.ShowExchange()
	wait(t, wb)
	tapDialog(t, w, "Register a key from a file…")
	if !dialogDraws(w, keys.Fingerprint(ms.Public)) || !containsText(topDialogText(w), "Register the key of Marrakech-Safi (MS)?") {
		t.Fatalf("registering MS's file shows %q, want its role and fingerprint to check", topDialogText(w))
	}
	tapDialog(t, w, "Register the key")
	reg, err := f.store.Register()
	if err != nil {
		t.Fatal(err)
	}
	if k, ok := drafts.CurrentKeys(reg)["MS"]; !ok || string(k.Public) != string(ms.Public) || k.How != drafts.TrustedFromFile {
		t.Fatalf("the register holds %+v, want MS's key from its file", reg)
	}
	tapDialog(t, w, "OK")

	// MS's new laptop.
	_, data = testKey(t, "CS")
	other, err := keys.ParseBackup(data)
	if err != nil {
		t.Fatal(err)
	}
	files.open = filepath.Join(dir, "new.pub")
	if err := os.WriteFile(files.open, keys.MarshalPublic("MS", other.Public), 0o644); err != nil {
		t.Fatal(err)
	}
	wb.RegisterKeyFile()
	if !containsText(topDialogText(w), "Replace the key of Marrakech-Safi (MS)?") || !dialogDraws(w, keys.Fingerprint(other.Public)) {
		t.Fatalf("a second key for MS shows %q, want the replacement asked", topDialogText(w))
	}
	note := dialogEditors(w)
	if len(note) != 1 {
		t.Fatalf("the replacement shows %d editors, want the note", len(note))
	}
	test.Type(note[0], "new laptop")
	tapDialog(t, w, "Replace the key")
	reg, err = f.store.Register()
	if err != nil {
		t.Fatal(err)
	}
	k := drafts.CurrentKeys(reg)["MS"]
	if string(k.Public) != string(other.Public) || string(k.Replaces) != string(ms.Public) || k.Note != "new laptop" {
		t.Errorf("after the replacement MS's key is %+v, want the new one, replacing the first, with the note", k)
	}
}

// The federation's app takes in each package that arrives in the sync
// folder, shows its report, and the board then shows its amendments.
func TestTheFederationWatchesTheSyncFolder(t *testing.T) {
	f := newFixture(t)
	c := exchangeRound(t, f, true)
	dir := t.TempDir()
	a := newApp(t, "")
	a.Preferences().SetString(ui.PrefSyncFolder, dir)
	wb, w := openOn(t, a, f.store, ui.Options{Lang: "en", Article: "3"}, fyne.NewSize(1280, 800))
	seen := make(chan struct{}, 4)
	wb.OnWatchEvent(func() { seen <- struct{}{} })
	path := c.packageFile(t, t.TempDir())
	// Copied in, as a sync engine does, and settled: a file that
	// changed a moment ago is left until it stops changing.
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, filepath.Base(path))
	if err := os.WriteFile(target, data, 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Minute)
	if err := os.Chtimes(target, old, old); err != nil {
		t.Fatal(err)
	}
	select {
	case <-seen:
	case <-time.After(time.Minute):
		t.Fatal("the package put in the sync folder was not taken in")
	}
	wait(t, wb)
	if !containsText(topDialogText(w), "Package from Casablanca-Settat (CS)") {
		t.Errorf("after the package arrived the window shows %q, want its report", topDialogText(w))
	}
	if amendmentStatus(t, f.store, "CS-NEW00001") != drafts.StatusSubmitted {
		t.Error("the package in the sync folder was not taken in")
	}
	tapDialog(t, w, "OK")
	wb.ShowChanges()
	wait(t, wb)
	if !containsText(labels(w), "CS-NEW00001") {
		t.Errorf("after the package arrived the board shows %q, want CS-NEW00001's card", labels(w))
	}
}
