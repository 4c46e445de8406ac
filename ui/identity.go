package ui

import (
	"bytes"
	"io"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/drafts/exchange"
	"statute/drafts/export"
	"statute/drafts/keys"
	"statute/drafts/round"
	"statute/ui/textwidget"
)

// The laptop's key pair, as the window uses it: a database that holds one
// (drafts.Identity) is the laptop of its role, whatever the preferences
// say; choosing a role makes the key pair, under a passphrase asked twice;
// the federation's key is asked for once a session, when an action needs
// it. What may be done with a key is package exchange's and round's to
// say: the window shows their sentences, and asks for the confirmation
// they ask for.

// identity reads the database's key pair: nil when it has none.
func (wb *Workbench) identity() *drafts.Identity {
	id, err := wb.round.Identity()
	if err != nil {
		fyne.LogError("reading the laptop's key pair", err)
		return nil
	}
	return id
}

// roleFromKey makes the role of the database's key pair the session's,
// and the stored preference, when there is one; false when there is none.
func (wb *Workbench) roleFromKey() bool {
	id := wb.identity()
	if id == nil {
		return false
	}
	c, err := drafts.ChamberByCode(id.Role)
	if err != nil {
		fyne.LogError("reading the role of the laptop's key pair", err)
		return false
	}
	if wb.opts.Role != "" && wb.opts.Role != c.Code {
		fyne.LogError("ignoring --role "+wb.opts.Role, drafts.Errorf(drafts.Forbidden, "the database holds the key of %s", c.Code))
	}
	if wb.app.Preferences().String(PrefRole) != c.Code {
		wb.app.Preferences().SetString(PrefRole, c.Code)
	}
	wb.role, wb.hasRole = c, true
	return true
}

// tookRole makes c the laptop's role once its key pair is made or
// imported: stored, and shown.
func (wb *Workbench) tookRole(c drafts.Chamber) {
	wb.app.Preferences().SetString(PrefRole, c.Code)
	wb.setRole(c)
	// The federation watches the sync folder; a chamber does not.
	wb.watchFolder()
}

// chooseRole is what choosing role c does, in the first-run question or
// in Settings: on a database without a key pair, the key pair is made
// under a passphrase asked twice; on one with a key pair of another
// role, exchange.MakeKey says what the change means and is confirmed
// first, or refused (the federation's role is taken with its own key,
// which the refusal offers to import). cancelled is called when the user
// gives up before the role is taken.
func (wb *Workbench) chooseRole(c drafts.Chamber, cancelled func()) {
	id := wb.identity()
	if id == nil {
		wb.askNewPassphrase(c, false, cancelled)
		return
	}
	if id.Role == c.Code {
		wb.tookRole(c)
		return
	}
	_, err := exchange.MakeKey(wb.store, c.Code, nil, false)
	switch {
	case exchange.NeedsConfirmation(err):
		body := textwidget.NewText(userError(err).Error())
		m := confirmModal(wb.win, tr("Change this laptop's role?"), tr("Change the role"), tr("Cancel"), body, false, func(ok bool) {
			if ok {
				wb.askNewPassphrase(c, true, cancelled)
			} else if cancelled != nil {
				cancelled()
			}
		})
		m.Resize(fyne.NewSize(560, 260))
		m.Show()
	case drafts.IsKind(err, drafts.Forbidden) && c.Code == drafts.FederationCode:
		wb.offerFederationKey(err, cancelled)
	case err != nil:
		d := errorDialog(wb.win, err)
		if cancelled != nil {
			d.SetOnClosed(cancelled)
		}
		d.Show()
	default:
		// MakeKey asks for a confirmation whenever a key pair exists: a
		// nil here means it took none.
		wb.tookRole(c)
	}
}

// offerFederationKey says why the federation's role cannot be chosen here
// (refused) and offers to import the federation's key from its protected
// backup instead.
func (wb *Workbench) offerFederationKey(refused error, cancelled func()) {
	body := textwidget.NewText(userError(refused).Error())
	m := confirmModal(wb.win, tr("The federation's key"), uiLine(tr("Import the federation's key…")), tr("Cancel"), body, false, func(ok bool) {
		if ok {
			wb.importFederationKey(cancelled)
		} else if cancelled != nil {
			cancelled()
		}
	})
	m.Resize(fyne.NewSize(560, 260))
	m.Show()
}

// passphraseField is a field for a passphrase, its characters hidden
// (Fyne's password entry: dots have no direction to lay out). Escape,
// which the entry ignores, goes on to the window, as it would were the
// field not focused: in a dialog, it dismisses it.
type passphraseField struct {
	widget.Entry
}

// passphraseEntry is an empty passphraseField.
func passphraseEntry() *passphraseField {
	e := &passphraseField{}
	e.Password = true
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable.
func (e *passphraseField) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(ev)
		}
		return
	}
	e.Entry.TypedKey(ev)
}

// askNewPassphrase asks for the passphrase of role c's new key pair,
// twice, saying what it protects; a short one or two that differ are
// refused in the dialog, which offers Confirm only once both are right.
// Confirmed, the key pair is made off the UI goroutine
// (exchange.MakeKey, confirmed as the user did) and c becomes the
// laptop's role; a refusal is said, and the question asked again.
func (wb *Workbench) askNewPassphrase(c drafts.Chamber, confirmed bool, cancelled func()) {
	first, second := passphraseEntry(), passphraseEntry()
	why := textwidget.NewText("")
	explain := textwidget.NewText(tr("The passphrase protects this laptop's key, which signs the packages it sends (and, for the federation, its decisions). Choose at least {{.N}} characters, such as a few words you will remember: nobody can recover it.", map[string]any{"N": keys.MinPassphrase}))
	form := newForm(tr("Passphrase"), first, tr("Passphrase again"), second)
	body := []fyne.CanvasObject{explain, form, why}
	var m *modal
	if c.Code == drafts.FederationCode && !confirmed {
		// The federation's second laptop takes the federation's key,
		// rather than a key of its own.
		another := mirrorIcon(widget.NewButtonWithIcon(uiLine(tr("Import the federation's key…")), theme.FolderOpenIcon(), func() {
			m.Hide()
			wb.importFederationKey(cancelled)
		}))
		body = append(body, widget.NewSeparator(), textwidget.NewText(tr("The federation's key is made once: on its other laptops, import the protected copy saved on the first.")), buttonRow(another))
	}
	m = confirmModal(wb.win, tr("A key for {{.Role}}", map[string]any{"Role": chamberLabel(c)}), tr("Make the key"), tr("Cancel"), container.NewVBox(body...), true, func(ok bool) {
		if !ok {
			if cancelled != nil {
				cancelled()
			}
			return
		}
		pass := []byte(first.Text)
		progress := progressModal(wb.win, tr("A key for {{.Role}}", map[string]any{"Role": chamberLabel(c)}), tr("Making the key…"))
		progress.Show()
		wb.background(func() func() {
			_, err := exchange.MakeKey(wb.store, c.Code, pass, confirmed)
			return func() {
				progress.Hide()
				if err != nil {
					d := errorDialog(wb.win, err)
					d.SetOnClosed(func() { wb.askNewPassphrase(c, confirmed, cancelled) })
					d.Show()
					return
				}
				wb.tookRole(c)
			}
		})
	})
	yes := m.enter
	check := func(string) {
		n := len([]rune(first.Text))
		switch {
		case n == 0:
			why.SetText("")
			yes.Disable()
		case n < keys.MinPassphrase:
			why.SetText(tr("The passphrase has {{.Count}} characters; it needs at least {{.N}}.", map[string]any{"Count": n, "N": keys.MinPassphrase}))
			yes.Disable()
		case first.Text != second.Text:
			why.SetText(tr("The two passphrases differ: type the same one twice."))
			yes.Disable()
		default:
			why.SetText("")
			yes.Enable()
		}
	}
	first.OnChanged, second.OnChanged = check, check
	check("")
	first.OnSubmitted = func(string) { wb.win.Canvas().Focus(second) }
	second.OnSubmitted = func(string) {
		if !yes.Disabled() {
			yes.OnTapped()
		}
	}
	m.Resize(fyne.NewSize(600, 340))
	m.Show()
	wb.win.Canvas().Focus(first)
}

// askPassphrase asks for the passphrase of the laptop's key and unlocks
// it for the session (round.Unlock), then runs then. A wrong passphrase
// is said, and asked again; Cancel leaves the key locked, then undone,
// and calls cancelled, if set. why, when not "", says what went wrong
// the time before.
func (wb *Workbench) askPassphrase(why string, then, cancelled func()) {
	id := wb.identity()
	role := ""
	if id != nil {
		if c, err := drafts.ChamberByCode(id.Role); err == nil {
			role = chamberLabel(c)
		}
	}
	entry := passphraseEntry()
	objs := []fyne.CanvasObject{textwidget.NewText(tr("This action is signed with the key of {{.Role}}. Enter its passphrase; it is asked once until the app is closed.", map[string]any{"Role": role})),
		newForm(tr("Passphrase"), entry)}
	if why != "" {
		objs = append(objs, textwidget.NewText(why))
	}
	m := confirmModal(wb.win, tr("Passphrase"), tr("Unlock"), tr("Cancel"), container.NewVBox(objs...), true, func(ok bool) {
		if !ok {
			if cancelled != nil {
				cancelled()
			}
			return
		}
		pass := []byte(entry.Text)
		progress := progressModal(wb.win, tr("Passphrase"), tr("Opening the key…"))
		progress.Show()
		wb.background(func() func() {
			err := wb.round.Unlock(pass)
			return func() {
				progress.Hide()
				switch {
				case drafts.IsKind(err, drafts.Forbidden):
					wb.askPassphrase(userError(err).Error(), then, cancelled)
				case err != nil:
					showError(wb.win, err)
				default:
					then()
				}
			}
		})
	})
	yes := m.enter
	entry.OnSubmitted = func(string) { yes.OnTapped() }
	m.Resize(fyne.NewSize(560, 260))
	m.Show()
	wb.win.Canvas().Focus(entry)
}

// unlockFor answers an action's refusal err: when it asks for the
// laptop's key (round.IsLocked), the passphrase is asked and again runs
// once the key is open (cancelled, if set, when the user gives up), and
// unlockFor reports true; otherwise it does nothing and reports false,
// leaving the refusal to the caller. The key stays open for the session:
// the passphrase is asked once.
func (wb *Workbench) unlockFor(err error, again func(), cancelled ...func()) bool {
	if !round.IsLocked(err) {
		return false
	}
	var gaveUp func()
	if len(cancelled) > 0 {
		gaveUp = cancelled[0]
	}
	wb.askPassphrase("", again, gaveUp)
	return true
}

// keyBackupExtensions are the files the federation's key is imported from.
var keyBackupExtensions = []string{".backup"}

// ImportFederationKey asks for the federation's protected key backup and
// its passphrase, and makes it this laptop's key pair
// (exchange.ImportKey), after the confirmation the domain asks for when
// the laptop holds another; the laptop is then the federation's.
func (wb *Workbench) ImportFederationKey() { wb.importFederationKey(nil) }

// importFederationKey is ImportFederationKey; cancelled, if set, is
// called when the user gives up, or the key cannot be imported.
func (wb *Workbench) importFederationKey(cancelled func()) {
	gaveUp := func() {
		if cancelled != nil {
			cancelled()
		}
	}
	wb.files().Open(wb.win, wb.startFolder(), keyBackupExtensions, func(path string) {
		if path == "" {
			gaveUp()
			return
		}
		wb.rememberFolder(path)
		data, err := readSmall(path, keys.MaxBackupFile)
		if err != nil {
			d := errorDialog(wb.win, err)
			d.SetOnClosed(gaveUp)
			d.Show()
			return
		}
		wb.askBackupPassphrase(data, "", false, gaveUp)
	})
}

// askBackupPassphrase asks for the passphrase of the key backup data and
// imports it; why says what went wrong the time before; gaveUp is called
// when the user gives up, or the key cannot be imported.
func (wb *Workbench) askBackupPassphrase(data []byte, why string, confirmed bool, gaveUp func()) {
	entry := passphraseEntry()
	objs := []fyne.CanvasObject{textwidget.NewText(tr("Enter the passphrase the federation's key was saved under.")), newForm(tr("Passphrase"), entry)}
	if why != "" {
		objs = append(objs, textwidget.NewText(why))
	}
	m := confirmModal(wb.win, tr("Import the federation's key"), tr("Import"), tr("Cancel"), container.NewVBox(objs...), true, func(ok bool) {
		if ok {
			wb.importKey(data, []byte(entry.Text), confirmed, gaveUp)
		} else {
			gaveUp()
		}
	})
	yes := m.enter
	entry.OnSubmitted = func(string) { yes.OnTapped() }
	m.Resize(fyne.NewSize(560, 240))
	m.Show()
	wb.win.Canvas().Focus(entry)
}

// importKey imports the key backup data under pass off the UI goroutine,
// asking the confirmation the domain asks for first; gaveUp as for
// askBackupPassphrase.
func (wb *Workbench) importKey(data, pass []byte, confirmed bool, gaveUp func()) {
	progress := progressModal(wb.win, tr("Import the federation's key"), tr("Opening the key…"))
	progress.Show()
	wb.background(func() func() {
		id, err := exchange.ImportKey(wb.store, data, pass, confirmed)
		return func() {
			progress.Hide()
			switch {
			case exchange.NeedsConfirmation(err):
				body := textwidget.NewText(userError(err).Error())
				m := confirmModal(wb.win, tr("Change this laptop's role?"), tr("Change the role"), tr("Cancel"), body, false, func(ok bool) {
					if ok {
						wb.importKey(data, pass, true, gaveUp)
					} else {
						gaveUp()
					}
				})
				m.Resize(fyne.NewSize(560, 260))
				m.Show()
			case drafts.IsKind(err, drafts.Forbidden):
				wb.askBackupPassphrase(data, userError(err).Error(), confirmed, gaveUp)
			case err != nil:
				d := errorDialog(wb.win, err)
				d.SetOnClosed(gaveUp)
				d.Show()
			default:
				c, cerr := drafts.ChamberByCode(id.Role)
				if cerr != nil {
					showError(wb.win, cerr)
					return
				}
				wb.tookRole(c)
			}
		}
	})
}

// readSmall reads the file at path, refusing one larger than limit bytes:
// a key file is a few hundred.
func readSmall(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, msgCannotRead.Wrap(drafts.Unavailable, err, path, err.Error())
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, msgCannotRead.Wrap(drafts.Unavailable, err, path, err.Error())
	}
	if int64(len(data)) > limit {
		return nil, msgNotKeyFile.Err(drafts.Invalid, path)
	}
	return data, nil
}

var (
	msgCannotRead = drafts.NewMessage("file.unreadable",
		"%s could not be read (%s): check that it is there and that you may read it")
	msgNotKeyFile = drafts.NewMessage("key-file.too-large",
		"%s is larger than a key file can be: is it the right file?")
)

// keyBlock is what Settings show of the laptop's key pair: its role, its
// fingerprint in large digits, to be read to the other side over the
// phone, and the buttons that save its public-key file and, for the
// federation, its protected backup. Without a key pair it says that
// choosing the role makes one. done is called before a button opens a
// dialog of its own, to close Settings.
func (wb *Workbench) keyBlock(done func()) fyne.CanvasObject {
	id := wb.identity()
	if id == nil {
		return textwidget.NewText(tr("This laptop has no key yet: choosing its role makes one."))
	}
	objs := keyLines(id)
	public := mirrorIcon(widget.NewButtonWithIcon(uiLine(tr("Export the public key…")), theme.DocumentSaveIcon(), func() {
		done()
		wb.saveKeyFile(keys.PublicFileName(id.Role), keys.MarshalPublic(id.Role, id.Public))
	}))
	buttons := []fyne.CanvasObject{public}
	if id.Role == drafts.FederationCode {
		backup := mirrorIcon(widget.NewButtonWithIcon(uiLine(tr("Save a protected copy of the key…")), theme.DocumentSaveIcon(), func() {
			done()
			wb.saveKeyFile(keys.BackupFileName(id.Role), keys.MarshalBackup(id))
		}))
		buttons = append(buttons, backup)
	}
	objs = append(objs, newFlowRow(rightToLeft(), buttons...))
	return container.NewVBox(objs...)
}

// keyLines say whose key pair id is and its fingerprint: a sentence
// naming the role, then the fingerprint in large digits on a line of its
// own, to be read to the other side over the phone. Settings (keyBlock)
// and About show them.
func keyLines(id *drafts.Identity) []fyne.CanvasObject {
	role := id.Role
	if c, err := drafts.ChamberByCode(id.Role); err == nil {
		role = chamberLabel(c)
	}
	return []fyne.CanvasObject{
		textwidget.NewText(tr("This laptop signs as {{.Role}}. Its key's fingerprint, to read out to the other side:", map[string]any{"Role": role})),
		fingerprintLine(id.Public),
	}
}

// fingerprintLine shows a fingerprint in large, spaced digits: groups of
// five digits, left to right as they are read out, on the side the
// interface reads from. The digits and spaces hold no letters, so no
// bidi reordering applies.
func fingerprintLine(pub []byte) fyne.CanvasObject {
	return fingerprintSized(pub, 1.6, true)
}

// fingerprintSized shows a fingerprint as fingerprintLine does, its text
// size scaled by scale, bold or not.
func fingerprintSized(pub []byte, scale float32, bold bool) fyne.CanvasObject {
	t := canvas.NewText(keys.Fingerprint(pub), theme.Color(theme.ColorNameForeground))
	t.TextSize = theme.TextSize() * scale
	t.TextStyle = fyne.TextStyle{Monospace: true, Bold: bold}
	t.Alignment = alignment(rightToLeft())
	return t
}

// fingerprintText is a fingerprint set apart, for a line of its own
// under a sentence: Fyne draws digit groups parted by spaces right to
// left when Arabic shares their line, whatever the isolate around them,
// so a fingerprint never shares a line with a sentence.
func fingerprintText(pub []byte) string {
	return "\u2066" + keys.Fingerprint(pub) + "\u2069"
}

// saveKeyFile asks where to save a key file, proposing name, and writes
// data there whole or not at all (export.WriteFile), then says where it
// went.
func (wb *Workbench) saveKeyFile(name string, data []byte) {
	wb.files().Save(wb.win, wb.startFolder(), name, func(path string) {
		if path == "" {
			return
		}
		wb.rememberFolder(path)
		err := export.WriteFile(path, func(w io.Writer) error {
			_, err := io.Copy(w, bytes.NewReader(data))
			return err
		})
		if err != nil {
			showError(wb.win, err)
			return
		}
		m := infoModal(wb.win, tr("Key file saved"), container.NewVBox(textwidget.NewText(tr("The file is written to:")), pathLine(path)))
		m.Resize(fyne.NewSize(560, 200))
		m.Show()
	})
}

// fileBase is a file's name for a sentence, set apart from the text
// around it.
func fileBase(path string) string { return "\u2068" + filepath.Base(path) + "\u2069" }
