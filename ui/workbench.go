package ui

import (
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/drafts/parse"
)

// Options say how the app starts; the zero value opens the default
// database with the user's preferences.
type Options struct {
	// DB is the database file for Start; "" means boltstore.DefaultPath.
	DB string
	// Sample is imported as the first draft when the store holds none.
	Sample []byte
	// Lang ("ar", "fr", "en") overrides the language preference for this
	// session.
	Lang string
	// Role, a chamber code or drafts.FederationCode, overrides whose
	// laptop this is for the session.
	Role string
	// Article names the article shown first, as typed in the CLI
	// (parse.Find): "3", «المادة 3», "2bis".
	Article string
	// Screenshot: the window is being captured unattended, so nothing may
	// wait for input (no first-run dialog).
	Screenshot bool
}

// Workbench is the main window: the draft's outline, the selected
// article's text and its amendments.
type Workbench struct {
	app   fyne.App
	win   fyne.Window
	store drafts.Store
	opts  Options

	role    drafts.Chamber
	hasRole bool

	// Set once the draft is loaded; touched on the UI goroutine only.
	draft     *drafts.Draft
	all       []drafts.Amendment
	byArticle map[string][]drafts.Amendment // the amendments the role may see
	current   int                           // index in draft.Articles; -1 before loading

	outline    *outline
	path       statuteText
	header     statuteText
	body       statuteText
	amendTitle statuteText
	amendList  *fyne.Container
	scroll     *container.Scroll
	position   statuteText
	roleLabel  statuteText
	prev, next *widget.Button
	bar        *fyne.Container
	split      *container.Split // the outline (or search results) and the article
	search     *searchPanel
	propose    *proposer // the propose screen, while it is open

	// partial is the key of the one article whose amendments are known
	// while the others' are still loading; "" once all are.
	partial string

	shown    chan struct{} // closed once the first article is shown
	shownErr error
	loaded   chan struct{} // closed once all amendments are loaded too
	loadErr  error
	once     sync.Once
}

// New fills w with a Workbench on store and starts loading the latest
// draft in the background; Wait tells when it is shown. opts.DB is not
// used: the caller owns the store.
func New(a fyne.App, w fyne.Window, store drafts.Store, opts Options) (*Workbench, error) {
	if err := applyAppearance(a, opts); err != nil {
		return nil, err
	}
	wb := &Workbench{app: a, win: w, store: store, opts: opts, current: -1, shown: make(chan struct{}), loaded: make(chan struct{})}
	if err := wb.resolveRole(); err != nil {
		return nil, err
	}
	wb.build()
	wb.installKeys()
	if !wb.hasRole {
		wb.askRole()
	}
	go wb.load()
	return wb, nil
}

// applyAppearance sets the interface language and the app theme from
// opts and the preferences.
func applyAppearance(a fyne.App, opts Options) error {
	code := opts.Lang
	if code == "" {
		code = a.Preferences().String(PrefLanguage)
	}
	if err := SetLanguage(code); err != nil {
		return err
	}
	a.Settings().SetTheme(NewTheme(a.Preferences().FloatWithFallback(PrefTextScale, 1)))
	return nil
}

// resolveRole picks whose laptop this is: the --role override, else the
// preference. Unattended runs with neither see everything, as the
// federation does.
func (wb *Workbench) resolveRole() error {
	code := wb.opts.Role
	if code == "" {
		code = wb.app.Preferences().String(PrefRole)
	}
	if code == "" {
		if wb.opts.Screenshot {
			wb.role, wb.hasRole = drafts.Federation, true
		}
		return nil
	}
	c, err := drafts.ChamberByCode(code)
	if err != nil {
		if wb.opts.Role != "" {
			return err
		}
		// A preference from another version: ask again rather than fail.
		fyne.LogError("ignoring the stored role", err)
		return nil
	}
	wb.role, wb.hasRole = c, true
	return nil
}

// Wait blocks until the draft and all its amendments are loaded and
// shown, and returns what went wrong, if anything (also shown in a
// dialog).
func (wb *Workbench) Wait() error {
	<-wb.loaded
	return wb.loadErr
}

// WaitShown blocks until the first article is shown with its amendments,
// which comes before the other articles' amendments are loaded, and
// returns what went wrong, if anything.
func (wb *Workbench) WaitShown() error {
	<-wb.shown
	return wb.shownErr
}

// load reads the draft and its amendments off the UI goroutine: first the
// amendments of the article shown first, so that it appears without
// waiting for the whole round, then all of them.
func (wb *Workbench) load() {
	defer wb.once.Do(func() { close(wb.loaded) })
	d, err := Seed(wb.store, wb.opts.Sample)
	start := 0
	if err == nil && len(d.Articles) == 0 {
		err = drafts.Errorf(drafts.Invalid, "the draft %s has no articles: import a draft that has some", d.ID)
	}
	var findErr error
	if err == nil && wb.opts.Article != "" {
		a, ferr := parse.Find(d, wb.opts.Article)
		if ferr == nil {
			start = a.Position
		} else if wb.opts.Screenshot {
			err = ferr
		} else {
			findErr = ferr
		}
	}
	var first []drafts.Amendment
	if err == nil {
		first, err = wb.store.Amendments(drafts.AmendmentFilter{DraftID: d.ID, Article: d.Articles[start].Key})
	}
	fyne.Do(func() {
		defer close(wb.shown)
		if err != nil {
			wb.loadErr, wb.shownErr = err, err
			showError(wb.win, err)
			return
		}
		wb.draft, wb.all, wb.partial = d, first, d.Articles[start].Key
		wb.filter()
		wb.outline.setDraft(d, nil)
		wb.Show(start)
		if findErr != nil {
			showError(wb.win, findErr)
		}
	})
	if err != nil {
		return
	}
	if gate := fullLoadGate.Load(); gate != nil {
		<-*gate
	}
	all, err := wb.store.Amendments(drafts.AmendmentFilter{DraftID: d.ID})
	done := make(chan struct{})
	fyne.Do(func() {
		defer close(done)
		if err != nil {
			wb.loadErr = err
			showError(wb.win, err)
			return
		}
		wb.all, wb.partial = mergeAmendments(all, wb.all), ""
		wb.filter()
		wb.refreshOutline()
		if wb.propose == nil {
			wb.Show(wb.current)
		}
	})
	<-done
}

// refreshOutline shows the draft and the amendment counts in the outline,
// without counts while they are still loading.
func (wb *Workbench) refreshOutline() {
	if wb.partial != "" {
		wb.outline.setDraft(wb.draft, nil)
		return
	}
	wb.outline.setDraft(wb.draft, wb.byArticle)
}

// fullLoadGate, when set, holds every load after the first article is
// shown until it is closed: tests look at the window in between.
var fullLoadGate atomic.Pointer[chan struct{}]

// mergeAmendments returns all with the window's copies of amendments in
// place of theirs, and those all lacks added: an amendment saved while
// all was being read is at least as new in the window's copy.
func mergeAmendments(all, window []drafts.Amendment) []drafts.Amendment {
	at := make(map[string]int, len(all))
	for i := range all {
		at[all[i].ID] = i
	}
	for _, a := range window {
		if i, ok := at[a.ID]; ok {
			all[i] = a
		} else {
			all = append(all, a)
		}
	}
	return all
}

// filter keeps the amendments the role may see: a chamber sees its own,
// the federation all.
func (wb *Workbench) filter() {
	wb.byArticle = make(map[string][]drafts.Amendment)
	for _, a := range wb.all {
		if !wb.hasRole || wb.role.Code != drafts.FederationCode && a.Chamber != wb.role.Code {
			continue
		}
		wb.byArticle[a.Article] = append(wb.byArticle[a.Article], a)
	}
}

// build lays the window out in the interface language: called again when
// the language changes, as the layout mirrors for Arabic.
func (wb *Workbench) build() {
	rtl := rightToLeft()
	wb.win.SetTitle(lang.L("Statute Workbench"))
	back, forward := theme.NavigateBackIcon(), theme.NavigateNextIcon()
	if rtl {
		back, forward = forward, back
	}
	wb.prev = widget.NewButtonWithIcon(lang.L("Previous article"), back, wb.Previous)
	wb.next = widget.NewButtonWithIcon(lang.L("Next article"), forward, wb.Next)
	wb.next.IconPlacement = widget.ButtonIconTrailingText
	// Arabic interface strings mix words and digits as statute text does,
	// so they are laid out the same way.
	wb.position = newStatuteLine("", fyne.TextStyle{})
	wb.roleLabel = newStatuteLine("", fyne.TextStyle{})
	settings := widget.NewButtonWithIcon(lang.L("Settings"), theme.SettingsIcon(), wb.ShowSettings)
	wb.search = newSearchPanel(wb)
	var bar *fyne.Container
	if rtl {
		bar = container.NewBorder(nil, nil, container.NewHBox(settings, wb.roleLabel), container.NewHBox(wb.position, wb.next, wb.prev), wb.search.entry)
	} else {
		bar = container.NewBorder(nil, nil, container.NewHBox(wb.prev, wb.next, wb.position), container.NewHBox(wb.roleLabel, settings), wb.search.entry)
	}

	wb.path = newStatuteText("")
	wb.header = newStatuteLine("", fyne.TextStyle{Bold: true})
	wb.body = newStatuteText(lang.L("Loading the draft…"))
	wb.amendTitle = newStatuteLine("", fyne.TextStyle{Bold: true})
	wb.amendList = container.NewVBox()
	wb.scroll = container.NewVScroll(container.NewVBox(wb.path, wb.header, wb.body, widget.NewSeparator(), wb.amendTitle, wb.amendList))

	if wb.outline == nil {
		wb.outline = newOutline(wb.Show)
	}
	var split *container.Split
	if rtl {
		split = container.NewHSplit(wb.scroll, wb.outline.tree)
		split.Offset = 0.68
	} else {
		split = container.NewHSplit(wb.outline.tree, wb.scroll)
		split.Offset = 0.32
	}
	wb.bar, wb.split = bar, split
	wb.win.SetContent(container.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil, split))
	wb.showRole()
}

// alignment is where interface text (not statute text) starts.
func alignment(rtl bool) fyne.TextAlign {
	if rtl {
		return fyne.TextAlignTrailing
	}
	return fyne.TextAlignLeading
}

// installKeys adds the window's keyboard shortcuts: Ctrl+Down/Ctrl+Up and
// PageDown/PageUp move between articles; Ctrl+Plus/Minus/0 size the text;
// Ctrl+F goes to the search field and Escape closes the results.
func (wb *Workbench) installKeys() {
	c := wb.win.Canvas()
	mod := fyne.KeyModifierShortcutDefault
	// While the propose screen is open the article behind it stays put.
	idle := func(f func()) func(fyne.Shortcut) {
		return func(fyne.Shortcut) {
			if wb.propose == nil {
				f()
			}
		}
	}
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: mod}, idle(wb.Next))
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: mod}, idle(wb.Previous))
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: mod}, idle(func() { wb.search.focus() }))
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if wb.propose != nil {
			if ev.Name == fyne.KeyEscape {
				wb.propose.close()
			}
			return
		}
		switch ev.Name {
		case fyne.KeyPageDown:
			wb.Next()
		case fyne.KeyPageUp:
			wb.Previous()
		case fyne.KeyEscape:
			wb.search.close()
		}
	})
	textSizer{wb.app}.install(c)
}

// Next shows the next article, if any.
func (wb *Workbench) Next() { wb.Show(wb.current + 1) }

// Previous shows the previous article, if any.
func (wb *Workbench) Previous() { wb.Show(wb.current - 1) }

// Show shows the article at index i of the draft; an index out of range is
// ignored, so that Next on the last article does nothing.
func (wb *Workbench) Show(i int) {
	if wb.draft == nil || i < 0 || i >= len(wb.draft.Articles) {
		return
	}
	wb.current = i
	d := wb.draft
	a := &d.Articles[i]
	var path string
	for _, div := range d.Path(a) {
		if path != "" {
			path += "\n"
		}
		path += div.Heading
	}
	wb.path.SetText(path)
	wb.header.SetText(articleTitle(d, a))
	wb.body.SetText(a.Text())
	wb.position.SetText(lang.L("Article {{.N}} of {{.Total}}", map[string]any{"N": i + 1, "Total": len(d.Articles)}))
	wb.prev.Disable()
	if i > 0 {
		wb.prev.Enable()
	}
	wb.next.Disable()
	if i < len(d.Articles)-1 {
		wb.next.Enable()
	}
	if wb.partial != "" && wb.partial != a.Key {
		wb.showLoadingAmendments()
	} else {
		wb.showAmendments(a, wb.byArticle[a.Key])
	}
	wb.outline.selectArticle(i)
	// The texts changed size: lay the bar and the article view out again
	// now rather than at the driver's next size check, which the test
	// driver does not make.
	wb.bar.Refresh()
	wb.scroll.Offset = fyne.Position{}
	wb.scroll.Refresh()
}

// articleTitle is an article's heading line: «المادة 3: الطبيعة القانونية للغرف».
func articleTitle(d *drafts.Draft, a *drafts.Article) string {
	word := d.ArticleWord
	if word == "" {
		word = "المادة"
	}
	t := word + " " + a.Number
	if a.Heading != "" {
		t += ": " + a.Heading
	}
	return t
}

// setRole makes c the session's role and shows what it may see.
func (wb *Workbench) setRole(c drafts.Chamber) {
	wb.role, wb.hasRole = c, true
	wb.showRole()
	if wb.draft == nil {
		return
	}
	wb.filter()
	wb.refreshOutline()
	wb.Show(wb.current)
}

func (wb *Workbench) showRole() {
	if !wb.hasRole {
		wb.roleLabel.SetText("")
		return
	}
	wb.roleLabel.SetText(lang.L("Seen by: {{.Role}}", map[string]any{"Role": chamberLabel(wb.role)}))
}
