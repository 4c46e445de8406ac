package ui

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/drafts/diff"
	"statute/drafts/round"
	"statute/ui/textwidget"
)

// proposer is the screen on which the role writes one amendment to the
// article shown: it replaces the window's content until closed. It lives
// on the UI goroutine; its timers come back to it through fyne.Do.
//
// Store calls are made on the UI goroutine: each is one bbolt transaction
// on one small record (a few milliseconds, even with the fsync), and doing
// them in place keeps the order of autosaves, saves on close and submission
// obvious, with no save overtaking another.
type proposer struct {
	wb   *Workbench
	art  *drafts.Article
	prev fyne.CanvasObject // the window content to restore

	// a is the amendment as last stored; nil until the first save.
	a     *drafts.Amendment
	dirty bool
	edits int // changes made on the screen, counted
	done  bool

	// What the saves stored last, guarded by saveMu: saves run off the UI
	// goroutine.
	saveMu    sync.Mutex
	storedID  string
	storedSeq int

	kind          *optionRows // the kinds, in the order of kinds
	kinds         []drafts.AmendmentKind
	number        *textwidget.Editor
	numberBox     *fyne.Container
	text          *textwidget.Editor
	textBox       *fyne.Container
	preview       *textwidget.Tracked
	justification *textwidget.Editor
	author        *textwidget.Editor // who in the chamber proposes it
	status        *textwidget.Text   // saved or not, or why it cannot be
	lastErr       error              // the last refusal the status line said
	save, submit  *widget.Button
	content       fyne.CanvasObject

	stop    chan struct{}
	pending *time.Timer // the debounced preview
	// closeWindow closes the window once the work is saved; a test swaps it.
	closeWindow func()
}

// ProposeAmendment opens the propose screen for the article shown.
func (wb *Workbench) ProposeAmendment() {
	if wb.draft == nil || wb.current < 0 || !wb.hasRole || wb.propose != nil {
		return
	}
	wb.openProposer(&wb.draft.Articles[wb.current], nil)
}

// EditAmendment reopens one of the role's draft amendments; a submitted
// one, or another chamber's, is not editable.
func (wb *Workbench) editAmendment(a drafts.Amendment) {
	if wb.draft == nil || wb.propose != nil || a.Status != drafts.StatusDraft || !wb.hasRole || a.Chamber != wb.role.Code {
		return
	}
	art := wb.draft.Article(a.Article)
	if art == nil {
		return
	}
	wb.openProposer(art, &a)
}

func (wb *Workbench) openProposer(art *drafts.Article, a *drafts.Amendment) {
	p := &proposer{wb: wb, art: art, a: a, prev: wb.win.Content(), stop: make(chan struct{}), closeWindow: wb.win.Close}
	if a != nil {
		p.storedID = a.ID
	}
	p.build()
	wb.propose = p
	wb.win.SetContent(p.content)
	wb.win.SetCloseIntercept(p.windowClosing)
	if p.textBox.Visible() {
		wb.win.Canvas().Focus(p.text)
	}
	go p.tick(wb.opts.Timings.Autosave)
}

// tick asks for an autosave every interval until the screen closes.
func (p *proposer) tick(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			fyne.Do(p.autosave)
		case <-p.stop:
			return
		}
	}
}

func (p *proposer) build() {
	rtl := rightToLeft()
	d := p.wb.draft
	title := textwidget.NewStyledText(tr("Propose an amendment")+" — "+articleTitle(d, p.art), fyne.TextStyle{Bold: true})

	// Each kind is one row, its circle and label, that a tap anywhere on
	// chooses: with Fyne's radio buttons, whose circle is on the left of
	// the label in Arabic too, a click just right of «مادة جديدة بعد هذه
	// المادة» chose «نسخ», the next one's circle.
	p.kinds = []drafts.AmendmentKind{drafts.Wording, drafts.Repeal, drafts.Insert}
	p.kind = newOptionRows([]string{tr("New wording"), tr("Repeal"), tr("New article after this one")}, rtl)

	p.number = textwidget.NewEditor(p.wb.app)
	p.numberBox = container.NewVBox(label(tr("Proposed number, such as «3 مكررة»")), p.number)
	p.text = textwidget.NewEditor(p.wb.app)
	p.textBox = container.NewVBox(label(tr("Proposed wording")), p.text)
	p.preview = textwidget.NewTracked(nil)
	p.justification = textwidget.NewEditor(p.wb.app)
	p.author = textwidget.NewLineEditor(p.wb.app)
	p.status = textwidget.NewText("")

	kind := drafts.Wording
	if p.a != nil {
		kind = p.a.Kind
		p.number.SetText(p.a.NewNumber)
		p.text.SetText(p.a.Text)
		p.justification.SetText(p.a.Justification)
		p.author.SetText(p.a.Author)
	} else {
		p.text.SetText(p.art.Text())
		p.author.SetText(p.wb.app.Preferences().String(PrefAuthor))
	}
	p.kind.SetSelected(slices.Index(p.kinds, kind))
	p.kind.OnChanged = func(int) { p.kindChanged() }
	p.kind.OnEscape = p.close
	p.showKind()
	p.updatePreview()

	p.number.OnChanged = func(string) { p.changed() }
	p.text.OnChanged = func(string) {
		p.changed()
		p.schedulePreview()
	}
	p.justification.OnChanged = func(string) { p.changed() }
	p.author.OnChanged = func(string) { p.changed() }

	p.save = mirrorIcon(widget.NewButtonWithIcon(tr("Save draft"), theme.DocumentSaveIcon(), func() { p.saveNow(false, func(error) {}) }))
	p.submit = mirrorIcon(widget.NewButtonWithIcon(tr("Submit"), theme.MailSendIcon(), p.confirmSubmit))
	p.submit.Importance = widget.HighImportance
	closeBtn := mirrorIcon(widget.NewButtonWithIcon(tr("Close"), theme.CancelIcon(), p.close))
	var buttons *fyne.Container
	if rtl {
		buttons = container.NewBorder(nil, nil, closeBtn, container.NewHBox(p.submit, p.save))
	} else {
		buttons = container.NewBorder(nil, nil, container.NewHBox(p.save, p.submit), closeBtn)
	}

	body := container.NewVBox(
		p.kind,
		p.numberBox,
		p.textBox,
		label(tr("Preview of the changes")), p.preview,
		label(tr("Justification")), p.justification,
		label(tr("Proposed by (name and office)")), p.author,
	)
	scroll := container.NewVScroll(body)
	for _, e := range []*textwidget.Editor{p.number, p.text, p.justification, p.author} {
		e.SetScroll(scroll)
		e.SetOnEscape(p.close)
	}
	// The article stays in view above the form, in a pane of its own,
	// however long the wording being written grows; the divider between
	// them moves.
	article := container.NewVScroll(container.NewVBox(
		label(tr("The article as the draft has it")),
		textwidget.NewText(p.art.Text())))
	panes := container.NewVSplit(article, scroll)
	panes.Offset = 0.3
	p.content = container.NewBorder(
		container.NewVBox(title, widget.NewSeparator()),
		container.NewVBox(widget.NewSeparator(), p.status, buttons),
		nil, nil,
		panes)
}

// label names a field, laid out as statute text is: an Arabic label with
// brackets, digits or «» reads wrongly in Fyne's Label. It wraps where the
// window is narrow.
func label(text string) fyne.CanvasObject {
	return textwidget.NewStyledText(text, fyne.TextStyle{Italic: true})
}

// buttonRow puts a button on the side interface text starts from.
func buttonRow(b *widget.Button) fyne.CanvasObject {
	if rightToLeft() {
		return container.NewBorder(nil, nil, nil, b)
	}
	return container.NewBorder(nil, nil, b, nil)
}

// selectedKind is the kind chosen.
func (p *proposer) selectedKind() drafts.AmendmentKind {
	if i := p.kind.Selected(); i >= 0 {
		return p.kinds[i]
	}
	return drafts.Wording
}

// kindChanged swaps the prefilled wording when the user has not touched
// it: the article's text for new wording, nothing for a new article. Text
// the user wrote is kept whatever the kind.
func (p *proposer) kindChanged() {
	k := p.selectedKind()
	switch t := p.text.Text(); {
	case k == drafts.Insert && t == p.art.Text():
		p.text.SetText("")
	case k == drafts.Wording && t == "":
		p.text.SetText(p.art.Text())
	}
	p.showKind()
	p.updatePreview()
	p.changed()
}

func (p *proposer) showKind() {
	switch p.selectedKind() {
	case drafts.Repeal:
		p.numberBox.Hide()
		p.textBox.Hide()
	case drafts.Insert:
		p.numberBox.Show()
		p.textBox.Show()
	default:
		p.numberBox.Hide()
		p.textBox.Show()
	}
}

func (p *proposer) changed() {
	p.dirty = true
	p.edits++
	p.status.SetText(tr("Unsaved changes"))
}

// schedulePreview diffs the wording again once typing pauses.
func (p *proposer) schedulePreview() {
	if p.pending != nil {
		p.pending.Reset(p.wb.opts.Timings.Preview)
		return
	}
	p.pending = time.AfterFunc(p.wb.opts.Timings.Preview, func() { fyne.Do(p.updatePreview) })
}

// updatePreview shows the amendment as tracked changes to the article.
// One article diffs in well under a millisecond, so it runs here.
func (p *proposer) updatePreview() {
	if p.done {
		return
	}
	a := p.amendment()
	p.preview.SetChanges(diff.OfAmendment(p.art.Text(), a, diff.Options{}))
}

// amendment is what the screen holds, as an amendment ready to store.
func (p *proposer) amendment() *drafts.Amendment {
	var a drafts.Amendment
	if p.a != nil {
		a = *p.a
	} else {
		a = *round.Blank(p.wb.role, p.wb.draft, p.art)
	}
	a.Kind = p.selectedKind()
	a.Text, a.NewNumber = "", ""
	switch a.Kind {
	case drafts.Wording:
		a.Text = p.text.Text()
	case drafts.Insert:
		a.Text = p.text.Text()
		a.NewNumber = strings.Join(strings.Fields(p.number.Text()), " ")
	}
	a.Justification = p.justification.Text()
	a.Author = strings.Join(strings.Fields(p.author.Text()), " ")
	return &a
}

// notYet is what stands in the way of storing the screen's amendment
// (empty wording, a number taken): said in the status line, not in a
// dialog, since the user is still writing.
type notYet struct{ error }

func (e notYet) Unwrap() error { return e.error }

// check says what stands in the way of storing a, or of submitting it,
// as the round's rules say it; nil when nothing does.
func (p *proposer) check(a *drafts.Amendment, submitting bool) error {
	if err := p.wb.round.Check(p.wb.role, p.wb.draft, a, submitting); err != nil {
		p.lastErr = err
		p.status.SetText(userError(err).Error())
		return notYet{err}
	}
	return nil
}

// A save is one stored state of the screen's amendment. Saves run off the
// UI goroutine, one at a time (saveMu), and a save older than the last
// stored is dropped: what the user typed last is what stays.
type save struct {
	a      drafts.Amendment
	seq    int  // the screen's edit count when it was taken
	submit bool // lock the amendment once stored
}

// store writes the screen's amendment off the UI goroutine, the first time
// as a new draft amendment, then as an update; then calls done on the UI
// goroutine. An amendment that does not validate yet (empty wording) is not
// stored: done gets the Invalid error at once, and the reason is shown
// under the editor.
func (p *proposer) store(submit bool, done func(error)) {
	sv, err := p.snapshot(submit)
	if err != nil {
		done(err)
		return
	}
	p.wb.background(func() func() {
		stored, err := p.write(sv)
		return func() {
			p.saved(sv, stored, err)
			done(err)
		}
	})
}

// snapshot takes the screen's amendment as it stands, checked.
func (p *proposer) snapshot(submit bool) (save, error) {
	a := p.amendment()
	if err := p.check(a, submit); err != nil {
		return save{}, err
	}
	return save{a: *a, seq: p.edits, submit: submit}, nil
}

// write stores sv unless a later save was stored already; it returns the
// amendment as stored (nil when dropped). A submission is one write: the
// amendment as it stands, locked. Any goroutine.
func (p *proposer) write(sv save) (*drafts.Amendment, error) {
	p.saveMu.Lock()
	defer p.saveMu.Unlock()
	if sv.seq < p.storedSeq && !sv.submit {
		return nil, nil
	}
	a := sv.a
	a.ID = p.storedID
	var err error
	if sv.submit {
		err = p.wb.round.Submit(p.wb.role, p.wb.draft, &a)
	} else {
		err = p.wb.round.Save(p.wb.role, p.wb.draft, &a)
	}
	if err != nil {
		return nil, err
	}
	p.storedID, p.storedSeq = a.ID, sv.seq
	return &a, nil
}

// saved takes the result of a save on the UI goroutine.
func (p *proposer) saved(sv save, stored *drafts.Amendment, err error) {
	if err != nil {
		p.lastErr = err
		p.status.SetText(userError(err).Error())
		return
	}
	if stored == nil {
		return // a later save was stored
	}
	p.a = stored
	if stored.Author != "" {
		// The next amendment from this laptop is likely the same person's.
		p.wb.app.Preferences().SetString(PrefAuthor, stored.Author)
	}
	if sv.seq == p.edits {
		p.dirty = false
		p.status.SetText(tr("Saved"))
	}
}

// autosave stores unsaved work, quietly: a reason not to store is shown
// in the status line only.
func (p *proposer) autosave() {
	if p.done || !p.dirty {
		return
	}
	p.store(false, func(err error) {
		// A damaged database was said at start and refuses every write:
		// the status line says it again, not a dialog every few seconds.
		if err != nil && !isNotYet(err) && !damaged(err) {
			showError(p.wb.win, err)
		}
	})
}

// isNotYet reports whether err says the amendment cannot be stored yet,
// rather than that storing it failed.
func isNotYet(err error) bool {
	var n notYet
	return errors.As(err, &n)
}

// saveNow is the Save draft button, and the save before closing: then is
// called once the work is stored (at once when nothing is unsaved and
// quietIfClean), with the error otherwise, which is shown unless it only
// says the amendment is not complete yet.
func (p *proposer) saveNow(quietIfClean bool, then func(error)) {
	if quietIfClean && !p.dirty {
		then(nil)
		return
	}
	p.store(false, func(err error) {
		if err != nil && !isNotYet(err) {
			showError(p.wb.win, err)
		}
		then(err)
	})
}

// SaveWork stores the amendment being written, if it has unsaved changes
// that can be stored; what cannot (no wording yet) stays unsaved. It also
// keeps where the reader is in the article, so that the window opens there
// again. For the app's last moments: it stores before it returns, nothing
// is shown, and failures are logged.
func (wb *Workbench) SaveWork() {
	if wb.scroll != nil {
		wb.rememberPlace(wb.scroll.Offset.Y)
	}
	p := wb.propose
	if p == nil || p.done || !p.dirty {
		return
	}
	sv, err := p.snapshot(false)
	if err == nil {
		_, err = p.write(sv)
	}
	if err != nil {
		fyne.LogError("saving the amendment being written", err)
		return
	}
	p.dirty = false
}

// ProposeRefusal is what the open propose screen last said stood in the
// way of saving or submitting its amendment, as the round's rules said
// it; nil when nothing did, or no screen is open.
func (wb *Workbench) ProposeRefusal() error {
	if wb.propose == nil {
		return nil
	}
	return wb.propose.lastErr
}

// confirmSubmit asks before locking the amendment.
func (p *proposer) confirmSubmit() {
	if err := p.check(p.amendment(), true); err != nil {
		return
	}
	msg := textwidget.NewText(tr("A submitted amendment is locked: neither your chamber nor anyone else can change it afterwards. Submit it?"))
	// Submitting locks the amendment for good: Enter does not confirm.
	d := confirmModal(p.wb.win, tr("Submit the amendment"), tr("Submit"), tr("Cancel"), msg, false, func(ok bool) {
		if ok {
			p.submitNow()
		}
	})
	d.Resize(fyne.NewSize(480, 220))
	d.Show()
}

// submitNow stores the amendment as it stands and locks it, then leaves
// the screen.
func (p *proposer) submitNow() {
	p.store(true, func(err error) {
		if err == nil {
			p.finish()
		} else if !isNotYet(err) {
			showError(p.wb.win, err)
		}
	})
}

// close is the Close button and Escape: it saves first; what cannot be
// saved yet is only dropped once the user says so.
func (p *proposer) close() {
	p.closeThen(p.finish)
}

// windowClosing saves before the window goes.
func (p *proposer) windowClosing() {
	p.closeThen(func() {
		p.finish()
		p.closeWindow()
	})
}

func (p *proposer) closeThen(then func()) {
	p.saveNow(true, func(err error) { p.closeAfterSave(err, then) })
}

func (p *proposer) closeAfterSave(err error, then func()) {
	switch {
	case err == nil:
		then()
	case isNotYet(err):
		msg := textwidget.NewText(tr("This amendment cannot be saved yet: {{.Reason}} Close it and lose what was typed?", map[string]any{"Reason": userError(err).Error()}))
		// Discarding loses what was typed: Enter does not confirm.
		d := confirmModal(p.wb.win, tr("Unsaved amendment"), tr("Discard"), tr("Keep editing"), msg, false, func(discard bool) {
			if discard {
				then()
			}
		})
		d.Resize(fyne.NewSize(480, 240))
		d.Show()
	}
	// Any other failure has been shown; the screen stays open so that
	// nothing is lost.
}

// finish leaves the screen for the article view, showing the amendment
// as stored.
func (p *proposer) finish() {
	if p.done {
		return
	}
	p.done = true
	close(p.stop)
	if p.pending != nil {
		p.pending.Stop()
	}
	wb := p.wb
	wb.propose = nil
	wb.win.SetCloseIntercept(nil)
	wb.win.SetContent(p.prev)
	wb.showText(wb.current)
	wb.reloadAmendments()
}
