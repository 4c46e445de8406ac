package ui

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/drafts/exchange"
	"statute/drafts/export"
	"statute/drafts/keys"
	"statute/ui/textwidget"
)

// The exchange of packages between laptops (package exchange): the
// federation's draft to the chambers, their amendments back, as signed
// files carried on a stick, by mail, or through a shared folder the
// federation's app watches. The window decides nothing of it: what a
// package holds, whether it is taken in and what became of each
// amendment are the domain's to say, in its sentences; the window asks
// what they ask a person (compare a fingerprint, confirm a replacement)
// and shows their report.

// packageExtensions are the files the package import dialog lists.
var packageExtensions = []string{exchange.Ext}

// watcher is the watch of the sync folder, while one runs.
type watcher struct {
	mu     sync.Mutex
	cancel context.CancelFunc
	done   chan struct{}
	// seen, when set, is told of each event once it is shown: the tests
	// wait on it.
	seen atomic.Pointer[func()]
}

// ShowExchange opens the exchange dialog: send this laptop's package
// (save it, or put it in the sync folder), take one in, the sync folder,
// the register of the other sides' keys, and for the federation the last
// package from each chamber. What it lists is read off the UI goroutine.
func (wb *Workbench) ShowExchange() {
	if wb.propose != nil {
		return
	}
	wb.background(func() func() {
		id, err := wb.round.Identity()
		var reg []drafts.TrustedKey
		var last map[string]drafts.PackageRecord
		if err == nil {
			reg, err = wb.store.Register()
		}
		if err == nil {
			last, err = exchange.Last(wb.store)
		}
		return func() {
			if err != nil {
				showError(wb.win, err)
				return
			}
			wb.showExchange(id, reg, last)
		}
	})
}

// showExchange lays the exchange dialog out from what ShowExchange read.
func (wb *Workbench) showExchange(id *drafts.Identity, reg []drafts.TrustedKey, last map[string]drafts.PackageRecord) {
	var m *modal
	closeThen := func(f func()) func() {
		return func() {
			m.Hide()
			f()
		}
	}
	rtl := rightToLeft()
	var objs []fyne.CanvasObject
	if id == nil {
		objs = append(objs, textwidget.NewText(tr("This laptop has no key yet: choosing its role makes one.")))
	} else {
		objs = append(objs, textwidget.NewText(tr("This laptop signs its packages as {{.Role}}, with the key whose fingerprint is:",
			map[string]any{"Role": roleLabel(id.Role)})), fingerprintLine(id.Public))
	}
	send := mirrorIcon(widget.NewButtonWithIcon(uiLine(tr("Export a package…")), theme.UploadIcon(), closeThen(wb.ExportPackage)))
	take := mirrorIcon(widget.NewButtonWithIcon(uiLine(tr("Import a package…")), theme.DownloadIcon(), closeThen(wb.ImportPackage)))
	actions := []fyne.CanvasObject{send, take}
	folder := wb.syncFolder()
	if folder != "" && !wb.reviewing() {
		actions = append(actions, mirrorIcon(widget.NewButtonWithIcon(tr("Send to the folder"), theme.MailSendIcon(), closeThen(wb.SendToFolder))))
	}
	objs = append(objs, newFlowRow(rtl, actions...), widget.NewSeparator())

	// The federation hears from the chambers.
	if id != nil && id.Role == drafts.FederationCode {
		objs = append(objs, heading(tr("The chambers' last packages")))
		for _, c := range drafts.Chambers() {
			rec, ok := last[c.Code]
			what := tr("no package yet")
			if ok {
				what = tr("made {{.Made}}, taken in {{.Took}}: {{.Counts}}", map[string]any{
					"Made":   "\u2066" + rec.Made.Local().Format(dateLayout) + "\u2069",
					"Took":   "\u2066" + rec.Took.Local().Format(dateLayout) + "\u2069",
					"Counts": countsText(rec.New, rec.Updated, rec.Unchanged, rec.Refused)})
			}
			objs = append(objs, textwidget.NewText(tr("{{.Chamber}}: {{.Last}}", map[string]any{"Chamber": chamberLabel(c), "Last": what})))
		}
		objs = append(objs, widget.NewSeparator())
	}

	// The sync folder.
	objs = append(objs, heading(tr("Sync folder")))
	if folder == "" {
		objs = append(objs, textwidget.NewText(tr("None: packages travel as files. A shared or synchronized folder can carry them instead; the federation's app takes in each package that arrives there.")))
	} else {
		objs = append(objs, pathLine(folder))
	}
	choose := mirrorIcon(widget.NewButtonWithIcon(uiLine(tr("Choose the folder…")), theme.FolderOpenIcon(), closeThen(wb.ChooseSyncFolder)))
	folderButtons := []fyne.CanvasObject{choose}
	if folder != "" {
		folderButtons = append(folderButtons, widget.NewButton(tr("Stop using the folder"), closeThen(func() { wb.setSyncFolder("") })))
	}
	objs = append(objs, newFlowRow(rtl, folderButtons...), widget.NewSeparator())

	// The register of keys.
	objs = append(objs, heading(tr("Registered keys")))
	current := drafts.CurrentKeys(reg)
	listed := false
	for _, c := range drafts.Parties() {
		k, ok := current[c.Code]
		if !ok {
			continue
		}
		listed = true
		how := tr("from its file")
		if k.How == drafts.TrustedOnContact {
			how = tr("on first contact, fingerprint compared")
		}
		line := tr("{{.Role}} — registered {{.Date}}, {{.How}}; fingerprint:", map[string]any{
			"Role": chamberLabel(c), "Date": "\u2066" + k.At.Local().Format(dateLayout) + "\u2069", "How": how})
		if k.Replaces != nil {
			line += "\n" + tr("It replaced an earlier key: {{.Note}}", map[string]any{"Note": k.Note})
		}
		objs = append(objs, textwidget.NewText(line), fingerprintSized(k.Public, 1.15, false))
	}
	if !listed {
		objs = append(objs, textwidget.NewText(tr("No key is registered yet: a key comes from the other side's public-key file, or with its first package, once you have compared its fingerprint.")))
	}
	register := mirrorIcon(widget.NewButtonWithIcon(uiLine(tr("Register a key from a file…")), theme.FileIcon(), closeThen(wb.RegisterKeyFile)))
	objs = append(objs, newFlowRow(rtl, register))

	closeBtn := widget.NewButton(tr("Close"), nil)
	m = newModal(wb.win, tr("Exchange packages"), container.NewVScroll(container.NewVBox(objs...)), closeBtn)
	m.dismiss, m.enter = m.Hide, closeBtn
	size := wb.win.Canvas().Size()
	m.Resize(fyne.NewSize(min(max(size.Width*0.8, 480), 820), max(size.Height*0.85, 360)))
	m.Show()
}

// roleLabel names a role by its code as the interface does.
func roleLabel(code string) string {
	if c, err := drafts.ChamberByCode(code); err == nil {
		return chamberLabel(c)
	}
	return code
}

// countsText says what a package brought: «2 new, 1 updated, 0
// unchanged, 1 refused».
func countsText(n, u, same, refused int) string {
	return tr("{{.New}} new, {{.Updated}} updated, {{.Unchanged}} unchanged, {{.Refused}} refused",
		map[string]any{"New": n, "Updated": u, "Unchanged": same, "Refused": refused})
}

// draftID is the draft a package is made of: the one shown, or the one
// imported last before it is.
func (wb *Workbench) draftID() string {
	if wb.draft == nil {
		return ""
	}
	return wb.draft.ID
}

// pack makes this laptop's package off the UI goroutine (exchange.Pack),
// asking for the key's passphrase when it is locked, then gives its bytes
// and name to then.
func (wb *Workbench) pack(then func(data []byte, name string)) {
	id := wb.draftID()
	wb.background(func() func() {
		data, name, err := exchange.Pack(wb.round, id, time.Now())
		return func() {
			if wb.unlockFor(err, func() { wb.pack(then) }) {
				return
			}
			if err != nil {
				showError(wb.win, err)
				return
			}
			then(data, name)
		}
	})
}

// ExportPackage makes this laptop's package and asks where to save it,
// proposing its name; then says what was written where.
func (wb *Workbench) ExportPackage() {
	wb.pack(func(data []byte, name string) {
		wb.files().Save(wb.win, wb.startFolder(), name, func(path string) {
			if path == "" {
				return
			}
			wb.rememberFolder(path)
			wb.writePackage(path, data)
		})
	})
}

// SendToFolder makes this laptop's package and writes it in the sync
// folder, where the federation's app takes it in.
func (wb *Workbench) SendToFolder() {
	folder := wb.syncFolder()
	if folder == "" {
		return
	}
	wb.pack(func(data []byte, name string) {
		wb.writePackage(filepath.Join(folder, name), data)
	})
}

// writePackage writes a package's bytes to path whole or not at all
// (export.WriteFile), then says what it holds and where it went.
func (wb *Workbench) writePackage(path string, data []byte) {
	err := export.WriteFile(path, func(w io.Writer) error {
		_, err := io.Copy(w, bytes.NewReader(data))
		return err
	})
	if err != nil {
		showError(wb.win, err)
		return
	}
	what := ""
	if p, err := exchange.Read(data); err == nil {
		if p.Kind == exchange.KindDraft {
			what = tr("It holds the draft up to version {{.N}}, and the decision log's {{.Decisions}} entries.", map[string]any{
				"N": p.Version, "Decisions": len(p.Decisions)})
		} else {
			what = tr("It holds {{.Amendments}} of {{.Role}}.", map[string]any{
				"Amendments": trN("{{.Count}} amendments", len(p.Amendments), map[string]any{"Count": len(p.Amendments)}), "Role": roleLabel(p.From)})
		}
	}
	objs := []fyne.CanvasObject{textwidget.NewText(tr("The package is written to:")), pathLine(path)}
	if what != "" {
		objs = append(objs, textwidget.NewText(what))
	}
	m := infoModal(wb.win, tr("Package written"), container.NewVBox(objs...))
	m.Resize(fyne.NewSize(600, 240))
	m.Show()
}

// ImportPackage asks for a package file and takes it in (importPackage).
func (wb *Workbench) ImportPackage() {
	wb.files().Open(wb.win, wb.startFolder(), packageExtensions, func(path string) {
		if path == "" {
			return
		}
		wb.rememberFolder(path)
		wb.importPackage(path, nil)
	})
}

// importPackage reads the package at path (unless data holds it already)
// and takes it in, off the UI goroutine (exchange.Import), then shows
// what came of it (showImported).
func (wb *Workbench) importPackage(path string, data []byte) {
	progress := progressModal(wb.win, tr("Import a package"), tr("Reading {{.File}}…", map[string]any{"File": fileBase(path)}))
	progress.Show()
	wb.background(func() func() {
		var err error
		if data == nil {
			data, err = readPackage(path)
		}
		var rep *exchange.Report
		if err == nil {
			rep, err = exchange.Import(wb.store, data, filepath.Base(path))
		}
		return func() {
			progress.Hide()
			wb.showPackageResult(path, data, rep, err)
		}
	})
}

// readPackage reads a package file (exchange.ReadAll: no more than a
// package may hold).
func readPackage(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, msgCannotRead.Wrap(drafts.Unavailable, err, path, err.Error())
	}
	defer f.Close()
	return exchange.ReadAll(f)
}

// showPackageResult shows what came of the package at path: the report,
// or the refusal; a package signed by a key never registered is the first
// contact with its sender, whose fingerprint is compared before the key
// is registered and the package taken in.
func (wb *Workbench) showPackageResult(path string, data []byte, rep *exchange.Report, err error) {
	if exchange.IsUnknownKey(err) && data != nil {
		if p, rerr := exchange.Read(data); rerr == nil {
			wb.firstContact(path, data, p)
			return
		}
	}
	if err != nil {
		showError(wb.win, err)
		return
	}
	wb.showReport(rep)
	if rep.Written {
		wb.ShowChanges()
	}
}

// firstContact asks whether the key that signed package p is its
// sender's: its fingerprint, large, to be compared over the phone with
// the one the sender's Settings show. Confirmed, the key is registered
// (on contact) and the package taken in; nothing is registered
// otherwise.
func (wb *Workbench) firstContact(path string, data []byte, p *exchange.Package) {
	role := roleLabel(p.From)
	body := container.NewVBox(
		textwidget.NewText(tr("This package says it comes from {{.Role}}, signed with a key this laptop has not registered. Call {{.Role}} and have them read the fingerprint their Settings show: register the key only if every digit is the same as here.", map[string]any{"Role": role})),
		fingerprintLine(p.Key),
		textwidget.NewText(tr("If a digit differs, the package is not theirs: do not register it.")),
	)
	m := confirmModal(wb.win, tr("A key to register: {{.Role}}", map[string]any{"Role": role}), tr("The digits match: register the key"), tr("Cancel"), body, false, func(ok bool) {
		if !ok {
			return
		}
		if _, err := exchange.Trust(wb.store, p.From, p.Key, drafts.TrustedOnContact, false, ""); err != nil {
			showError(wb.win, err)
			return
		}
		wb.importPackage(path, data)
	})
	m.Resize(fyne.NewSize(640, 320))
	m.Show()
}

// showReport says what a package brought: the counts in a sentence, then
// one row per amendment (its ID, article, chamber, what became of it, and
// the domain's note, translated), the draft's versions received, and on a
// chamber's laptop what the federation decided on its own amendments.
func (wb *Workbench) showReport(rep *exchange.Report) {
	from := ""
	if rep.Package != nil {
		from = roleLabel(rep.Package.From)
	}
	var objs []fyne.CanvasObject
	counts := map[exchange.Outcome]int{}
	for _, l := range rep.Lines {
		if l.Amendment != "" && l.Decision == nil {
			counts[l.Outcome]++
		}
	}
	switch {
	case rep.Seen != nil:
		objs = append(objs, textwidget.NewText(tr("This package was taken in before, on {{.Date}}: nothing changed.", map[string]any{
			"Date": "\u2066" + rep.Seen.Took.Local().Format(dateLayout) + "\u2069"})))
	case rep.Older:
		objs = append(objs, textwidget.NewText(tr("This package is older than the last one taken in from {{.Role}}, and brings nothing new: nothing changed.", map[string]any{"Role": from})))
	default:
		objs = append(objs, textwidget.NewText(tr("Amendments: {{.Counts}}.", map[string]any{
			"Counts": countsText(counts[exchange.New], counts[exchange.Updated], counts[exchange.Unchanged], counts[exchange.Refused])})))
		if rep.Decisions > 0 {
			objs = append(objs, textwidget.NewText(tr("Entries of the federation's decision log that came in: {{.Count}}.", map[string]any{"Count": rep.Decisions})))
		}
	}
	var versions, amendments, decided []fyne.CanvasObject
	for _, l := range rep.Lines {
		switch {
		case l.Amendment == "":
			versions = append(versions, textwidget.NewText(tr("Version {{.N}}: {{.Outcome}}", map[string]any{"N": l.Version, "Outcome": outcomeWord(l.Outcome)})))
		case l.Decision != nil:
			decided = append(decided, textwidget.NewText(tr("{{.ID}} — article {{.Article}}: {{.Verdict}}", map[string]any{
				"ID": "\u2066" + l.Amendment + "\u2069", "Article": "\u2068" + l.Article + "\u2069", "Verdict": verdictLabel(l.Decision, l.Amendment)})))
		default:
			amendments = append(amendments, reportLine(l))
		}
	}
	if len(versions) > 0 {
		objs = append(objs, widget.NewSeparator(), heading(tr("Versions of the draft")))
		objs = append(objs, versions...)
	}
	if len(amendments) > 0 {
		objs = append(objs, widget.NewSeparator(), heading(tr("Amendments")))
		objs = append(objs, amendments...)
	}
	if len(decided) > 0 {
		objs = append(objs, widget.NewSeparator(), heading(tr("What the federation decided on this chamber's amendments")))
		objs = append(objs, decided...)
	}
	m := infoModal(wb.win, tr("Package from {{.Role}}", map[string]any{"Role": from}), container.NewVScroll(container.NewVBox(objs...)))
	size := wb.win.Canvas().Size()
	m.Resize(fyne.NewSize(min(max(size.Width*0.8, 480), 860), max(size.Height*0.8, 320)))
	m.Show()
}

// reportLine is one amendment of a package's report: «CS-7K3QX9AB —
// article 3 — الدار البيضاء سطات (CS): new», flagged when it was made on
// an older version, then the domain's note on it.
func reportLine(l exchange.Line) fyne.CanvasObject {
	outcome := outcomeWord(l.Outcome)
	if exchange.IsStale(l.Note) {
		outcome = tr("{{.Outcome}}, on an older version", map[string]any{"Outcome": outcome})
	}
	head := tr("{{.ID}} — article {{.Article}} — {{.Chamber}}: {{.Outcome}}", map[string]any{
		"ID": "\u2066" + l.Amendment + "\u2069", "Article": "\u2068" + l.Article + "\u2069", "Chamber": roleLabel(l.Chamber), "Outcome": outcome})
	objs := []fyne.CanvasObject{textwidget.NewStyledText(head, fyne.TextStyle{Bold: true})}
	if l.Note != nil {
		objs = append(objs, textwidget.NewText(translateError(l.Note)))
	}
	return container.NewVBox(objs...)
}

// outcomeWord says what became of a line of a package.
func outcomeWord(o exchange.Outcome) string {
	switch o {
	case exchange.New:
		return tr("new")
	case exchange.Updated:
		return tr("updated")
	case exchange.Unchanged:
		return tr("unchanged")
	case exchange.Refused:
		return tr("refused")
	}
	return string(o)
}

// RegisterKeyFile asks for the other side's public-key file and, once the
// user has read its role and fingerprint, registers it (exchange.Trust,
// from a file). A role that has a key already gets this one only
// through an explicit replacement, with a note on why.
func (wb *Workbench) RegisterKeyFile() {
	wb.files().Open(wb.win, wb.startFolder(), []string{".pub"}, func(path string) {
		if path == "" {
			return
		}
		wb.rememberFolder(path)
		data, err := readSmall(path, keys.MaxPublicFile)
		var role string
		var pub []byte
		if err == nil {
			role, pub, err = keys.ParsePublic(data)
		}
		if err != nil {
			showError(wb.win, err)
			return
		}
		reg, err := wb.store.Register()
		if err != nil {
			showError(wb.win, err)
			return
		}
		old, has := drafts.CurrentKeys(reg)[role]
		if has && drafts.SameKey(old.Public, pub) {
			m := infoModal(wb.win, tr("Registered keys"), textwidget.NewText(tr("This key of {{.Role}} is registered already: nothing to do.", map[string]any{"Role": roleLabel(role)})))
			m.Resize(fyne.NewSize(520, 200))
			m.Show()
			return
		}
		if has {
			wb.confirmReplacement(role, old, pub)
			return
		}
		body := container.NewVBox(
			textwidget.NewText(tr("The file holds the key of {{.Role}}, with this fingerprint: check it against the one {{.Role}} reads to you.", map[string]any{"Role": roleLabel(role)})),
			fingerprintLine(pub))
		m := confirmModal(wb.win, tr("Register the key of {{.Role}}?", map[string]any{"Role": roleLabel(role)}), tr("Register the key"), tr("Cancel"), body, false, func(ok bool) {
			if ok {
				wb.trust(role, pub, false, "")
			}
		})
		m.Resize(fyne.NewSize(600, 280))
		m.Show()
	})
}

// confirmReplacement asks before role's registered key old gives way to
// pub: a chamber's new laptop. The note says why, for the record.
func (wb *Workbench) confirmReplacement(role string, old drafts.TrustedKey, pub []byte) {
	note := textwidget.NewLineEditor(wb.app)
	note.SetPlaceHolder(tr("Why (a new laptop, a lost key…)"))
	body := container.NewVBox(
		textwidget.NewText(tr("{{.Role}} has a registered key already, registered {{.Date}}. Replacing it means packages signed with the old key are refused from now on.", map[string]any{
			"Role": roleLabel(role), "Date": "\u2066" + old.At.Local().Format(dateLayout) + "\u2069"})),
		textwidget.NewText(tr("The old key's fingerprint:")+"\n"+fingerprintText(old.Public)),
		textwidget.NewText(tr("The new key's fingerprint:")),
		fingerprintLine(pub),
		newForm(tr("Note"), note))
	m := confirmModal(wb.win, tr("Replace the key of {{.Role}}?", map[string]any{"Role": roleLabel(role)}), tr("Replace the key"), tr("Cancel"), body, false, func(ok bool) {
		if ok {
			wb.trust(role, pub, true, note.Text())
		}
	})
	m.Resize(fyne.NewSize(640, 380))
	m.Show()
}

// trust registers pub for role (exchange.Trust, from a file) and says so.
func (wb *Workbench) trust(role string, pub []byte, replace bool, note string) {
	if _, err := exchange.Trust(wb.store, role, pub, drafts.TrustedFromFile, replace, note); err != nil {
		showError(wb.win, err)
		return
	}
	m := infoModal(wb.win, tr("Registered keys"), textwidget.NewText(tr("The key of {{.Role}} is registered: its packages are taken in from now on.", map[string]any{"Role": roleLabel(role)})))
	m.Resize(fyne.NewSize(520, 200))
	m.Show()
}

// syncFolder is the sync folder chosen, "" for none.
func (wb *Workbench) syncFolder() string {
	return wb.app.Preferences().String(PrefSyncFolder)
}

// ChooseSyncFolder asks for the sync folder.
func (wb *Workbench) ChooseSyncFolder() {
	wb.files().Folder(wb.win, wb.startFolder(), func(path string) {
		if path != "" {
			wb.setSyncFolder(path)
		}
	})
}

// setSyncFolder makes dir the sync folder ("" for none), and watches it
// on the federation's laptop.
func (wb *Workbench) setSyncFolder(dir string) {
	wb.app.Preferences().SetString(PrefSyncFolder, dir)
	wb.watchFolder()
}

// watchFolder watches the sync folder, on the federation's laptop, while
// one is chosen (exchange.Watch, in a goroutine of its own), stopping the
// watch of the folder before, if any: each package taken in or refused
// there is shown as one imported by hand is, and the window shows what
// came in.
func (wb *Workbench) watchFolder() {
	wb.StopWatching()
	dir := wb.syncFolder()
	if dir == "" || !wb.reviewing() || wb.opts.Screenshot {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	wb.watching.mu.Lock()
	wb.watching.cancel, wb.watching.done = cancel, done
	wb.watching.mu.Unlock()
	go func() {
		defer close(done)
		err := exchange.Watch(ctx, wb.store, dir, 0, func(ev exchange.Event) {
			// As background's results are shown: one at a time, and
			// waited for by Wait.
			wb.reads.start()
			fyne.Do(func() {
				defer wb.reads.done()
				uiThread.Lock()
				defer uiThread.Unlock()
				wb.watchEvent(ev)
			})
		})
		if err != nil && ctx.Err() == nil {
			fyne.Do(func() { showError(wb.win, err) })
		}
	}()
}

// watchEvent shows one package of the watched folder: its report, or why
// it was refused, or the first contact with its sender.
func (wb *Workbench) watchEvent(ev exchange.Event) {
	var data []byte
	if exchange.IsUnknownKey(ev.Err) {
		data, _ = readPackage(ev.File)
	}
	wb.showPackageResult(ev.File, data, ev.Report, ev.Err)
	if f := wb.watching.seen.Load(); f != nil {
		(*f)()
	}
}

// StopWatching stops the watch of the sync folder, if one runs, and
// waits for it to end: before the store is closed.
func (wb *Workbench) StopWatching() {
	wb.watching.mu.Lock()
	cancel, done := wb.watching.cancel, wb.watching.done
	wb.watching.cancel, wb.watching.done = nil, nil
	wb.watching.mu.Unlock()
	if cancel != nil {
		cancel()
		<-done
	}
}
