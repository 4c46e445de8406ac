package ui_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/drafts/exchange"
	"statute/drafts/keys"
	"statute/drafts/round"
	"statute/ui"
	"statute/ui/internal/snapshot"
)

// testPassphrase is the passphrase the tests' keys are made under.
const testPassphrase = "نخلة وجمل 2026"

// passwordEntries are the passphrase fields of the window's top dialog.
func passwordEntries(w fyne.Window) []*widget.Entry {
	var out []*widget.Entry
	if top := w.Canvas().Overlays().Top(); top != nil {
		for _, o := range test.LaidOutObjects(top) {
			if e := ui.PassphraseEntry(o); e != nil {
				out = append(out, e)
			}
		}
	}
	return out
}

// dialogDraws reports whether the top dialog draws text as it is, in a
// text of its own (the fingerprint's large digits).
func dialogDraws(w fyne.Window, text string) bool {
	if top := w.Canvas().Overlays().Top(); top != nil {
		for _, o := range test.LaidOutObjects(top) {
			if c, ok := o.(*canvas.Text); ok && c.Text == text {
				return true
			}
		}
	}
	return false
}

// shownInDialog finds what the top dialog shows text with (a label laid
// out by textwidget).
func shownInDialog(t *testing.T, w fyne.Window, text string) fyne.CanvasObject {
	t.Helper()
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if l, ok := o.(interface{ Text() string }); ok && l.Text() == text {
			return o
		}
	}
	t.Fatalf("the dialog does not show %q; it shows %q", text, topDialogText(w))
	return nil
}

// typePassphrases types pass into every passphrase field of the top
// dialog, as a user does.
func typePassphrases(t *testing.T, w fyne.Window, pass ...string) {
	t.Helper()
	entries := passwordEntries(w)
	if len(entries) == 0 {
		t.Fatalf("no passphrase is asked; the window shows %q", topDialogText(w))
	}
	for i, e := range entries {
		e.SetText("")
		test.Type(e, pass[min(i, len(pass)-1)])
	}
}

// answerNewPassphrase types pass twice in the new key's dialog and
// presses Enter, then waits for the key pair to be made.
func answerNewPassphrase(t *testing.T, wb *ui.Workbench, w fyne.Window, pass string) {
	t.Helper()
	wait(t, wb) // what the answer before started (a language's reload)
	typePassphrases(t, w, pass)
	entries := passwordEntries(w)
	ui.OnUIThread(func() { entries[len(entries)-1].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	wait(t, wb)
}

// identity is the store's key pair; nil when it has none.
func identity(t *testing.T, s drafts.Store) *drafts.Identity {
	t.Helper()
	id, err := s.Identity()
	if drafts.IsKind(err, drafts.NotFound) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// testKey is the protected backup of role's key pair kept under
// testdata/keys, made once under testPassphrase: the tests' keys, and
// their fingerprints in the snapshots, are the same at every run.
func testKey(t testing.TB, role string) (path string, data []byte) {
	t.Helper()
	path = filepath.Join("testdata", "keys", keys.BackupFileName(role))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, data
}

// withKey gives the fixture's database the key pair of role (testKey).
func (f *fixture) withKey(t testing.TB, role string) *drafts.Identity {
	t.Helper()
	return keyStore(t, f.store, role)
}

// keyStore gives s the key pair of role (testKey).
func keyStore(t testing.TB, s drafts.Store, role string) *drafts.Identity {
	t.Helper()
	_, data := testKey(t, role)
	id, err := exchange.ImportKey(s, data, []byte(testPassphrase), true)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// federationBackup is the path of the federation's key backup, and the
// key pair it holds.
func federationBackup(t *testing.T) (string, *drafts.Identity) {
	t.Helper()
	path, data := testKey(t, drafts.FederationCode)
	id, err := keys.ParseBackup(data)
	if err != nil {
		t.Fatal(err)
	}
	return path, id
}

// The first run makes the chosen role's key pair: the passphrase is
// asked twice, a short one or two that differ are refused in the
// dialog; the role is then the key's, whatever the preferences say at
// the next start.
func TestTheFirstRunMakesTheKeyPair(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "")
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "3"})
	sel, confirm := firstRunQuestion(t, w)
	sel.SetSelected("Fès-Meknès (FM)")
	test.Tap(confirm)
	if ts := topDialogText(w); !containsText(ts, "A key for Fès-Meknès (FM)") || !containsText(ts, "signs the packages it sends") {
		t.Fatalf("after Confirm the window shows %q, want the passphrase asked, and what it protects", ts)
	}
	make := dialogButtons(w, "Make the key")[0]
	typePassphrases(t, w, "short")
	if !make.Disabled() || !containsText(topDialogText(w), "The passphrase has 5 characters; it needs at least 8.") {
		t.Errorf("a short passphrase: «Make the key» disabled = %v, the dialog says %q", make.Disabled(), topDialogText(w))
	}
	typePassphrases(t, w, testPassphrase, testPassphrase+"!")
	if !make.Disabled() || !containsText(topDialogText(w), "The two passphrases differ: type the same one twice.") {
		t.Errorf("two passphrases: «Make the key» disabled = %v, the dialog says %q", make.Disabled(), topDialogText(w))
	}
	if identity(t, f.store) != nil {
		t.Fatal("a key pair was made before the passphrase was confirmed")
	}
	typePassphrases(t, w, testPassphrase)
	if make.Disabled() {
		t.Fatalf("the same passphrase twice: «Make the key» is still disabled; the dialog says %q", topDialogText(w))
	}
	test.Tap(make)
	wait(t, wb)
	id := identity(t, f.store)
	if id == nil || id.Role != "FM" {
		t.Fatalf("after the first run the database holds the key pair %+v, want FM's", id)
	}
	if got := a.Preferences().String(ui.PrefRole); got != "FM" {
		t.Errorf("stored role = %q, want FM", got)
	}
	if !shows(w, "Seen by: Fès-Meknès (FM)") {
		t.Errorf("the window shows %q, want FM's view", labels(w))
	}
	// The next start: the key decides, and the preference follows it.
	b := newApp(t, "CS")
	_, w2 := f.open(t, b, ui.Options{Lang: "en", Article: "3"})
	if !shows(w2, "Seen by: Fès-Meknès (FM)") || w2.Canvas().Overlays().Top() != nil {
		t.Errorf("with FM's key and the preference CS the window shows %q (dialog %q), want FM's view", labels(w2), topDialogText(w2))
	}
	if got := b.Preferences().String(ui.PrefRole); got != "FM" {
		t.Errorf("the stored role is %q after a start with FM's key, want FM", got)
	}
}

// Cancelling the passphrase (Escape, typed in its field) asks the
// first-run question again: a laptop gets no role without its key.
func TestCancellingTheFirstKeyAsksAgain(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "")
	_, w := f.open(t, a, ui.Options{Lang: "en", Article: "3"})
	sel, confirm := firstRunQuestion(t, w)
	sel.SetSelected("Fès-Meknès (FM)")
	test.Tap(confirm)
	typePassphrases(t, w, "half")
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !containsText(topDialogText(w), "Who is this laptop for?") {
		t.Errorf("after Cancel the window shows %q, want the first-run question again", topDialogText(w))
	}
	if identity(t, f.store) != nil || a.Preferences().String(ui.PrefRole) != "" {
		t.Error("a cancelled first run left a key pair or a role")
	}
}

// On a laptop with a key pair, choosing another chamber in Settings says
// what it means (the domain's sentence) before a new key pair is made.
func TestChangingTheRoleOfAKeyIsConfirmed(t *testing.T) {
	f := newFixture(t)
	old := f.withKey(t, "FM")
	a := newApp(t, "")
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "3"})
	wb.ShowSettings()
	dialogChoices(w)[0].SetSelected("Casablanca-Settat (CS)")
	tapDialog(t, w, "Save")
	wait(t, wb)
	if ts := topDialogText(w); !containsText(ts, "Change this laptop's role?") || !containsText(ts, "this laptop holds the key of FM; taking the role of CS makes a new key pair") {
		t.Fatalf("after Save the window shows %q, want the change of role explained", ts)
	}
	tapDialog(t, w, "Change the role")
	answerNewPassphrase(t, wb, w, testPassphrase)
	id := identity(t, f.store)
	if id == nil || id.Role != "CS" || string(id.Public) == string(old.Public) {
		t.Fatalf("after the change the key pair is %+v, want a new one of CS", id)
	}
	if !shows(w, "Seen by: Casablanca-Settat (CS)") || a.Preferences().String(ui.PrefRole) != "CS" {
		t.Errorf("after the change the window shows %q, the stored role is %q; want CS", labels(w), a.Preferences().String(ui.PrefRole))
	}
}

// A chamber's laptop cannot choose the federation: the domain's refusal
// offers to import the federation's key backup, which a wrong passphrase
// does not open; the right one, confirmed, makes the laptop the
// federation's.
func TestTheFederationsRoleIsTakenWithItsKey(t *testing.T) {
	f := newFixture(t)
	f.withKey(t, "FM")
	path, fed := federationBackup(t)
	files := &pickedFiles{open: path}
	a := newApp(t, "")
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "3", Files: files})
	wb.ShowSettings()
	dialogChoices(w)[0].SetSelected("The federation (legal staff)")
	tapDialog(t, w, "Save")
	wait(t, wb)
	if ts := topDialogText(w); !containsText(ts, "the federation's role is taken only with the federation's own key") {
		t.Fatalf("after Save the window shows %q, want the refusal", ts)
	}
	tapDialog(t, w, "Import the federation's key…")
	typePassphrases(t, w, "not the passphrase")
	tapDialog(t, w, "Import")
	wait(t, wb)
	if ts := topDialogText(w); !containsText(ts, "wrong passphrase for the key of FED") || len(passwordEntries(w)) != 1 {
		t.Fatalf("after a wrong passphrase the window shows %q, want it said and asked again", ts)
	}
	typePassphrases(t, w, testPassphrase)
	tapDialog(t, w, "Import")
	wait(t, wb)
	if ts := topDialogText(w); !containsText(ts, "the backup holds the key of FED") {
		t.Fatalf("the window shows %q, want the replacement of FM's key confirmed", ts)
	}
	tapDialog(t, w, "Change the role")
	wait(t, wb)
	if id := identity(t, f.store); id == nil || string(id.Public) != string(fed.Public) {
		t.Fatalf("the database holds the key pair %+v, want the federation's", id)
	}
	if !hasButton(w, "Accept") || a.Preferences().String(ui.PrefRole) != drafts.FederationCode {
		t.Errorf("the window is not the federation's review board: %q", labels(w))
	}
}

// The federation's decisions are signed: the passphrase is asked the
// first time, a wrong one is said and asked again, and the decision is
// recorded once the key is open; the next decision asks nothing.
func TestTheFederationsKeyIsAskedOnceASession(t *testing.T) {
	f := newFixture(t)
	addRSK(t, f)
	f.withKey(t, drafts.FederationCode)
	wb, w := f.open(t, newApp(t, ""), ui.Options{Lang: "en", Article: "3"})
	test.Tap(allButtons(w, "Reject")[0])
	confirm(t, w, "Record the decision")
	wait(t, wb)
	if ts := topDialogText(w); !containsText(ts, "This action is signed with the key of The federation (legal staff)") {
		t.Fatalf("a decision with the key locked shows %q, want the passphrase asked", ts)
	}
	typePassphrases(t, w, "not the passphrase")
	tapDialog(t, w, "Unlock")
	wait(t, wb)
	if ts := topDialogText(w); !containsText(ts, "wrong passphrase for the key of FED") {
		t.Fatalf("after a wrong passphrase the window shows %q, want it said", ts)
	}
	if h := history(t, f, "CS-7K3QX9AB"); len(h) != 0 {
		t.Fatalf("a decision was recorded with the key locked: %+v", h)
	}
	typePassphrases(t, w, testPassphrase)
	tapDialog(t, w, "Unlock")
	wait(t, wb)
	if h := history(t, f, "CS-7K3QX9AB"); len(h) != 1 || h[0].Verdict != drafts.Reject {
		t.Fatalf("once the key is open CS's history is %+v, want the rejection", h)
	}
	test.Tap(allButtons(w, "Accept")[len(allButtons(w, "Accept"))-1])
	confirm(t, w, "Record the decision")
	wait(t, wb)
	if top := w.Canvas().Overlays().Top(); top != nil {
		t.Errorf("the second decision shows %q; the key is open for the session", topDialogText(w))
	}
	if h := history(t, f, "RSK-7K3QX9AB"); len(h) != 1 || h[0].Verdict != drafts.Accept {
		t.Errorf("RSK's history is %+v, want the acceptance", h)
	}
}

// Settings show the key's fingerprint in large digits, and save the
// public-key file under its name, and the federation's backup.
func TestSettingsShowTheFingerprintAndSaveTheKeyFiles(t *testing.T) {
	f := newFixture(t)
	id := f.withKey(t, drafts.FederationCode)
	dir := t.TempDir()
	files := &pickedFiles{save: filepath.Join(dir, keys.PublicFileName("FED"))}
	wb, w := f.openSized(t, newApp(t, ""), ui.Options{Lang: "ar", Article: "3", Files: files}, fyne.NewSize(1000, 760))
	wb.ShowSettings()
	if !dialogDraws(w, keys.Fingerprint(id.Public)) {
		t.Errorf("Settings show %q, want the fingerprint %s", topDialogText(w), keys.Fingerprint(id.Public))
	}
	// The key's block, under the fields at the dialog's whole width: the
	// fields scroll to show it. (The database's path above differs at each
	// run.)
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if sc, ok := o.(*container.Scroll); ok {
			sc.ScrollToBottom()
		}
	}
	d := fyne.CurrentApp().Driver()
	content := w.Canvas().Overlays().Top().(*widget.PopUp).Content
	heading := d.AbsolutePositionForObject(shownInDialog(t, w, "مفتاح هذا الحاسوب"))
	last := dialogButtons(w, ui.UILine("تصدير المفتاح العام…"))
	if len(last) != 1 {
		t.Fatalf("Settings show %q, want the key's export button", topDialogText(w))
	}
	bottom := d.AbsolutePositionForObject(last[0]).Y + last[0].Size().Height
	left := d.AbsolutePositionForObject(content).X
	snapshot.AssertImage(t, "settings_key_ar", crop(w.Canvas(), fyne.NewPos(left, heading.Y), fyne.NewSize(content.Size().Width, bottom-heading.Y)))
	tapDialog(t, w, ui.UILine("تصدير المفتاح العام…"))
	if files.proposed != "statute-key-FED.pub" {
		t.Errorf("the save dialog proposed %q, want statute-key-FED.pub", files.proposed)
	}
	data, err := os.ReadFile(files.save)
	if err != nil {
		t.Fatal(err)
	}
	if role, pub, err := keys.ParsePublic(data); err != nil || role != "FED" || string(pub) != string(id.Public) {
		t.Errorf("the public-key file reads %q, %x, %v; want FED's key", role, pub, err)
	}
	tapDialog(t, w, "حسنا")
	files.save = filepath.Join(dir, "fed.backup")
	wb.ShowSettings()
	tapDialog(t, w, ui.UILine("حفظ نسخة محمية من المفتاح…"))
	data, err = os.ReadFile(files.save)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := keys.ParseBackup(data); err != nil || string(b.Public) != string(id.Public) {
		t.Errorf("the backup reads %+v, %v; want FED's key pair", b, err)
	}
}

// The passphrase prompt and the new key's dialog, in Arabic.
func TestPassphraseSnapshots(t *testing.T) {
	f := newFixture(t)
	addRSK(t, f)
	f.withKey(t, drafts.FederationCode)
	wb, w := f.openSized(t, newApp(t, ""), ui.Options{Lang: "ar", Article: "3"}, fyne.NewSize(1000, 700))
	test.Tap(allButtons(w, "رفض")[0])
	confirm(t, w, "تسجيل القرار")
	wait(t, wb)
	typePassphrases(t, w, "خطأ خطأ خطأ")
	tapDialog(t, w, "فتح المفتاح")
	wait(t, wb)
	snapshot.Assert(t, w.Canvas(), "passphrase_ar")

	g := newFixture(t)
	_, w2 := g.openSized(t, newApp(t, ""), ui.Options{Lang: "ar", Article: "3"}, fyne.NewSize(1000, 700))
	sel, ok := firstRunQuestion(t, w2)
	sel.SetSelectedIndex(2)
	test.Tap(ok)
	typePassphrases(t, w2, testPassphrase, "نخلة")
	snapshot.Assert(t, w2.Canvas(), "new_key_ar")
}

// On the federation's laptop a resolution and a new version are signed:
// the passphrase is asked when the resolution is saved; Cancel gives back
// what was written; unlocked, the resolution is recorded, and the version
// is made without asking again.
func TestResolvingAndConsolidatingAskForTheKey(t *testing.T) {
	f := newFixture(t)
	consolidationRound(t, f)
	f.withKey(t, drafts.FederationCode)
	wb, w := f.open(t, newApp(t, ""), ui.Options{Lang: "en", Article: "3", Timings: heldTimers})
	test.Tap(button(t, w, "Consolidate…"))
	wait(t, wb)
	test.Tap(dialogButtons(w, "Use this wording")[1])
	_, note := wb.ResolveEditors()
	typeAtEnd(note, "صيغة الشرق")
	confirm(t, w, "Save the resolution")
	wait(t, wb)
	if len(passwordEntries(w)) != 1 {
		t.Fatalf("saving the resolution with the key locked shows %q, want the passphrase asked", topDialogText(w))
	}
	tapDialog(t, w, "Cancel")
	text, note := wb.ResolveEditors()
	if !strings.Contains(text.Text(), "50.17") || note.Text() != "صيغة الشرق" {
		t.Fatalf("after Cancel the resolution holds %q, %q; want what was written", text.Text(), note.Text())
	}
	confirm(t, w, "Save the resolution")
	wait(t, wb)
	typePassphrases(t, w, testPassphrase)
	tapDialog(t, w, "Unlock")
	wait(t, wb)
	if !containsText(topDialogText(w), "No conflict remains: version 2 can be made.") {
		t.Fatalf("once unlocked the view says %q, want the resolution recorded", topDialogText(w))
	}
	test.Tap(dialogButtons(w, "Make version 2")[0])
	confirm(t, w, "Make version 2")
	wait(t, wb)
	if len(passwordEntries(w)) != 0 {
		t.Error("making the version asked for the passphrase again")
	}
	if latest, err := round.New(f.store).Latest(); err != nil || latest.Version != 2 {
		t.Errorf("the latest version is %v (%v), want 2", latest.Version, err)
	}
}

// The federation's second laptop takes the federation's key at its first
// run, rather than making one: the new key's dialog offers the import;
// cancelled, the first-run question is asked again.
func TestTheFirstRunOfTheFederationsSecondLaptop(t *testing.T) {
	f := newFixture(t)
	path, fed := federationBackup(t)
	files := &pickedFiles{}
	a := newApp(t, "")
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "3", Files: files})
	sel, ok := firstRunQuestion(t, w)
	sel.SetSelected("The federation (legal staff)")
	test.Tap(ok)
	tapDialog(t, w, "Import the federation's key…")
	if !containsText(topDialogText(w), "Who is this laptop for?") {
		t.Fatalf("a cancelled file dialog shows %q, want the first-run question again", topDialogText(w))
	}
	files.open = path
	sel, ok = firstRunQuestion(t, w)
	sel.SetSelected("The federation (legal staff)")
	test.Tap(ok)
	tapDialog(t, w, "Import the federation's key…")
	typePassphrases(t, w, testPassphrase)
	entries := passwordEntries(w)
	ui.OnUIThread(func() { entries[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	wait(t, wb)
	if id := identity(t, f.store); id == nil || string(id.Public) != string(fed.Public) {
		t.Fatalf("the database holds the key pair %+v, want the federation's from its backup", id)
	}
	if a.Preferences().String(ui.PrefRole) != drafts.FederationCode || !hasButton(w, "Accept") {
		t.Errorf("after the import the window is not the federation's board: %q", labels(w))
	}
}
