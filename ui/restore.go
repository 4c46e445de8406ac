package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/drafts/round"
	"statute/ui/textwidget"
)

// A Restorer puts the backup at from in place of the database the window
// works on, and returns the store on the restored file; the store the
// window had is closed by then. The caller, which opened the store, knows
// how: the window only asks.
type Restorer func(from string) (drafts.Store, error)

// damaged reports whether err says the database is damaged.
func damaged(err error) bool {
	var e *drafts.Error
	return errors.As(err, &e) && (e.ID == "database.damaged" || e.ID == "database.damaged-pages")
}

// offerRestore says that the database is damaged and offers to put back
// its latest backup, when there is one and the window can restore.
func (wb *Workbench) offerRestore(err error) {
	var latest *drafts.BackupInfo
	if wb.opts.Restore != nil {
		if list, lerr := wb.store.Backups(); lerr == nil && len(list) > 0 {
			latest = &list[0]
		}
	}
	if latest == nil {
		showError(wb.win, err)
		return
	}
	msg := userError(err).Error() + "\n\n" + tr("Restore the latest backup, made {{.When}}? The damaged file is kept beside it.",
		map[string]any{"When": latest.Made.Local().Format("2006-01-02 15:04")})
	d := confirmModal(wb.win, tr("The database is damaged"), tr("Restore"), tr("Not now"), textwidget.NewText(msg), false, func(ok bool) {
		if ok {
			wb.Restore(latest.Path)
		}
	})
	d.Resize(fyne.NewSize(600, 300))
	d.Show()
}

// Restore puts the backup at from in place of the database, off the UI
// goroutine, and shows the draft again from the restored file, as the
// role of its key pair, if it holds one, and watching the sync folder
// again on the restored file.
func (wb *Workbench) Restore(from string) {
	if wb.opts.Restore == nil || wb.propose != nil {
		return
	}
	wb.background(func() func() {
		// The sync folder's watch writes to the store being replaced.
		wb.StopWatching()
		s, err := wb.opts.Restore(from)
		return func() {
			if err != nil {
				showError(wb.win, err)
				if s == nil {
					return
				}
			}
			wb.store, wb.round = s, round.New(s)
			// The backup's key pair, if any, says whose laptop this is.
			if wb.roleFromKey() {
				wb.showRole()
			}
			wb.watchFolder()
			wb.amendGen++
			wb.reads.start()
			go func() {
				defer wb.reads.done()
				wb.load(wb.role, wb.hasRole)
			}()
		}
	})
}

// restoreButton opens the choice of a backup to restore, newest first.
func (wb *Workbench) restoreButton() *widget.Button {
	b := mirrorIcon(widget.NewButtonWithIcon(tr("Restore a backup…"), theme.HistoryIcon(), func() {
		list, err := wb.store.Backups()
		if err != nil {
			showError(wb.win, err)
			return
		}
		if len(list) == 0 {
			infoModal(wb.win, tr("Restore"), textwidget.NewText(tr("There is no backup yet: «Back up now» makes one."))).Show()
			return
		}
		options := make([]string, len(list))
		for i, b := range list {
			options[i] = b.Made.Local().Format("2006-01-02 15:04:05")
		}
		choice := newChoice(options)
		choice.SetSelectedIndex(0)
		body := newForm(tr("Backup made"), choice)
		d := confirmModal(wb.win, tr("Restore a backup"), tr("Restore"), tr("Cancel"), body, false, func(ok bool) {
			if i := choice.SelectedIndex(); ok && i >= 0 {
				wb.Restore(list[i].Path)
			}
		})
		d.Resize(fyne.NewSize(520, 240))
		d.Show()
	}))
	if wb.opts.Restore == nil {
		b.Disable()
	}
	return b
}
