package ui

import (
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/drafts/diff"
	"statute/drafts/parse"
	"statute/drafts/round"
	"statute/ui/textwidget"
)

// Options say what the window shows at first; the zero value follows the
// user's preferences.
type Options struct {
	// Lang ("ar", "fr", "en") overrides the language preference for this
	// session.
	Lang string
	// Role, a chamber code or drafts.FederationCode, overrides whose
	// laptop this is for the session, on a database without a key pair:
	// one with a key pair is its role's laptop (roleFromKey).
	Role string
	// Article names the article shown first, as typed in the CLI
	// (parse.Find): "3", «المادة 3», "2bis".
	Article string
	// Screenshot: the window is being captured unattended, so nothing may
	// wait for input (no first-run dialog).
	Screenshot bool
	// Timings are the interface's waits; the zero value keeps the
	// defaults.
	Timings Timings
	// FontDirs are the folders searched for installed fonts; nil means
	// the system's font folders.
	FontDirs []string
	// Restore puts a backup back in place of the database (Settings, and
	// the offer made when the database is found damaged); nil: the window
	// cannot.
	Restore Restorer
	// Files asks which file to export to and which to import; nil:
	// Fyne's file dialogs.
	Files Files
	// OpenURL opens an exported file or its folder as the desktop does;
	// nil: the app's OpenURL.
	OpenURL func(*url.URL) error
}

var msgNoArticles = drafts.NewMessage("draft.no-articles", "the draft %s has no articles: import a draft that has some")

// Workbench is the main window: the draft's outline, the selected
// article's text and its amendments.
type Workbench struct {
	app   fyne.App
	win   fyne.Window
	store drafts.Store
	round *round.Round // the rules every change to an amendment goes through
	opts  Options

	role    drafts.Chamber
	hasRole bool

	// Set once the draft is loaded; touched on the UI goroutine only.
	draft *drafts.Draft
	// counts are what the outline shows by article key: the amendments
	// a chamber may see, or for the federation the submitted amendments
	// still undecided (round.UndecidedCounts).
	counts  map[string]int
	current int // index in draft.Articles; -1 before loading
	// amendGen numbers the reads of the amendments shown: a read that is
	// no longer the latest (the user moved on) is not shown.
	amendGen int
	// log is the draft's decision log, read with the amendments shown
	// (round.Log, which reads the store's again only when it has grown);
	// decided gives each amendment's current decision from it, by ID,
	// which each card says.
	log     []drafts.Decision
	decided map[string]*drafts.Decision
	// other says, by amendment ID, how the amendments shown that were
	// made on another wording of the article read against the one shown:
	// read with them, off the UI goroutine (round.Readings).
	other map[string]round.Reading

	outline    *outline
	path       *textwidget.Text
	header     *textwidget.Text
	body       *textwidget.Text
	earlier    fyne.CanvasObject // the heading with the earlier versions button, shown for 2+ versions
	amendTitle *textwidget.Text
	amendList  *fyne.Container
	textScroll *container.Scroll // the article: path, heading, text
	scroll     *container.Scroll // its amendments
	panes      *articlePanes     // the two, one above the other
	position   *textwidget.Text
	roleLabel  *textwidget.Text
	prev, next navButtons
	bar        *topBar
	frame      *fyne.Container  // the window's content: the bar over the split
	split      *container.Split // the outline (or search results) and the article
	search     *searchPanel
	propose    *proposer // the propose screen, while it is open
	board      board     // the federation's review board
	deciding   *decider  // the decide dialog, while it is open
	// listed is how many entries the article's list shows ("Show more"
	// adds pages); keepListed, when set, how many it shows at least when
	// it is made again (reloadAmendments).
	listed, keepListed int
	consolidating      *consolidator // the consolidation view, while it is open
	exporting          *exporter     // the export dialog, while it is open
	watching           watcher       // the watch of the sync folder

	loaded  chan struct{} // closed once the draft is shown
	loadErr error
	reads   reads
	once    sync.Once
}

// uiThread is held while a result read off the UI goroutine is shown
// (background). fyne.Do runs one function at a time on the app's
// goroutine; the test driver runs it on the caller's, so two results
// ending together, or a result and the test's own taps and keys
// (OnUIThread, for the tests), would touch the window at once.
var uiThread sync.Mutex

// New fills w with a Workbench on store and starts loading its latest
// draft in the background; Wait tells when it is shown. The caller owns
// the store, and seeds it (round.Seed).
func New(a fyne.App, w fyne.Window, store drafts.Store, opts Options) (*Workbench, error) {
	if err := ApplyAppearance(a, opts); err != nil {
		return nil, err
	}
	opts.Timings = opts.Timings.withDefaults()
	guardFileSaves()
	wb := &Workbench{app: a, win: w, store: store, round: round.New(store), opts: opts, current: -1, loaded: make(chan struct{})}
	if err := wb.resolveRole(); err != nil {
		return nil, err
	}
	wb.build()
	wb.installKeys()
	if !wb.hasRole {
		wb.askRole()
	}
	go wb.load(wb.role, wb.hasRole)
	wb.watchFolder()
	if every := opts.Timings.Refresh; every > 0 {
		go wb.watch(every)
	}
	return wb, nil
}

// watch asks the store every interval whether it changed, off the UI
// goroutine, and shows the changes: statutectl writes beside the app.
func (wb *Workbench) watch(every time.Duration) {
	seen, err := wb.store.Revision()
	if err != nil {
		fyne.LogError("reading the database's revision", err)
	}
	for range time.Tick(every) {
		rev, err := wb.store.Revision()
		if err != nil || rev == seen {
			continue
		}
		seen = rev
		fyne.Do(wb.ShowChanges)
	}
}

// ShowChanges reads again what the window shows of the store: the draft,
// when another version of it (a renumbering, a consolidation, one from the
// ministry) or another draft was stored since, and the amendments (the
// counts, the article's list): after another program wrote to it. While
// an amendment is being written, the screen is left alone; it reads the
// amendments again when it closes.
func (wb *Workbench) ShowChanges() {
	if wb.propose != nil || wb.draft == nil {
		return
	}
	wb.background(func() func() {
		d, err := wb.round.Latest()
		return func() {
			if err != nil {
				showError(wb.win, err)
				return
			}
			if wb.propose != nil {
				return
			}
			if d.ID != wb.draft.ID || d.Version != wb.draft.Version {
				wb.showDraft(d)
			}
			wb.reloadAmendments()
		}
	})
}

// showDraft shows d in place of the draft shown: at the same article when
// d is another version of the same draft, followed through renumbering by
// comparing the two versions, and at the same place otherwise.
func (wb *Workbench) showDraft(d *drafts.Draft) {
	if len(d.Articles) == 0 {
		return
	}
	i := min(wb.current, len(d.Articles)-1)
	if d.ID == wb.draft.ID {
		key, kept := diff.Compare(wb.draft, d, diff.Options{}).NewKey(wb.draft.Articles[wb.current].Key)
		if a := d.Article(key); kept && a != nil {
			i = a.Position
		}
	}
	wb.draft = d
	wb.outline.setDraft(d, wb.counts)
	wb.showText(i)
}

// ApplyAppearance sets the interface language and the app theme from
// opts and the preferences; New does, and so may a caller that must show
// an error before there is a window to show.
func ApplyAppearance(a fyne.App, opts Options) error {
	code := opts.Lang
	if code == "" {
		code = a.Preferences().String(PrefLanguage)
	}
	if err := SetLanguage(code); err != nil {
		return err
	}
	t := NewTheme(a.Preferences().FloatWithFallback(PrefTextScale, 1))
	if family := a.Preferences().String(PrefFont); family != "" {
		faces, err := findFont(opts.fontDirs(), family)
		if err != nil {
			// The text stays readable in DejaVu; the preference is kept
			// for when the font is back.
			fyne.LogError("using the built-in font", err)
		}
		t = t.withFont(faces)
	}
	a.Settings().SetTheme(t)
	return nil
}

// resolveRole picks whose laptop this is: the role of the database's key
// pair, when it holds one (roleFromKey); else the --role override, else
// the preference. Unattended runs with neither see everything, as the
// federation does.
func (wb *Workbench) resolveRole() error {
	if wb.roleFromKey() {
		return nil
	}
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

// Wait blocks until the draft is loaded and shown with the amendments
// the window is reading, and returns what went wrong while loading the
// draft, if anything (also shown in a dialog).
func (wb *Workbench) Wait() error {
	<-wb.loaded
	wb.reads.wait()
	return wb.loadErr
}

// load reads the draft, the amendment counts and the first article's
// amendments off the UI goroutine, as role may see them, and shows them.
// The other articles' amendments are read when shown: a round holds
// thousands.
func (wb *Workbench) load(role drafts.Chamber, hasRole bool) {
	defer wb.once.Do(func() { close(wb.loaded) })
	d, err := wb.round.Latest()
	start := 0
	if err == nil && len(d.Articles) == 0 {
		err = msgNoArticles.Err(drafts.Invalid, d.ID)
	}
	var findErr error
	var scrollTo float32
	if err == nil && wb.opts.Article == "" && !wb.opts.Screenshot {
		start, scrollTo = wb.lastPlace(d)
	}
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
	var (
		counts map[string]int
		first  articleRead
	)
	if err == nil {
		counts = map[string]int{}
		if f, ok := visibleTo(role, hasRole, d.ID); ok {
			counts, first, err = readAmendments(wb.round, d, f, d.Articles[start].Key)
		}
	}
	fyne.Do(func() {
		if err != nil {
			wb.loadErr = err
			if damaged(err) {
				wb.offerRestore(err)
			} else {
				showError(wb.win, err)
			}
			return
		}
		wb.loadErr = nil
		wb.draft, wb.counts = d, counts
		wb.outline.setDraft(d, counts)
		wb.showText(start)
		wb.showRead(&d.Articles[start], first)
		if scrollTo > 0 {
			settle(wb.scroll)
			wb.scroll.Offset.Y = scrollTo
			wb.scroll.Refresh()
		}
		if wb.hasRole != hasRole || wb.role.Code != role.Code {
			// The first-run question was answered while this was read.
			wb.reloadAmendments()
		}
		if findErr != nil {
			showError(wb.win, findErr)
		}
	})
	if err == nil {
		wb.verify()
	}
}

// verify reads the whole database off the UI goroutine, once the draft is
// shown, and says at once if any of it is damaged: the store then refuses
// every write, and the user should know before writing an amendment.
func (wb *Workbench) verify() {
	wb.background(func() func() {
		_, err := wb.store.Verify()
		return func() {
			if err != nil {
				wb.offerRestore(err)
			}
		}
	})
}

// visibleTo is the filter of the amendments of draft id a role may see
// (round.Visible); false before the role is known, when none may be seen.
func visibleTo(role drafts.Chamber, hasRole bool, id string) (drafts.AmendmentFilter, bool) {
	return round.Visible(role, id), hasRole
}

// readAmendments reads the counts by article that the outline shows, the
// amendments f passes to the article with the given key, with the decision
// log of f's draft (readArticle), as of version d: amendments made on
// earlier versions of the draft are where their article is now
// (round.AmendmentsAt). For a chamber the counts are of the amendments f
// passes; for the federation, of the submitted amendments still undecided
// (round.UndecidedCountsIn).
func readAmendments(r *round.Round, d *drafts.Draft, f drafts.AmendmentFilter, key string) (map[string]int, articleRead, error) {
	art := f
	art.Article = key
	read, err := readArticle(r, d, art)
	if err != nil {
		return nil, articleRead{}, err
	}
	var counts map[string]int
	if f.Viewer == drafts.FederationCode {
		counts, err = r.UndecidedCountsIn(d, f, read.log)
	} else {
		counts, err = r.CountsAt(d, f)
	}
	return counts, read, err
}

// An articleRead is what the window reads, off the UI goroutine, to list
// the amendments to an article: the amendments, how those made on another
// wording of the article than the one shown read against it (by ID, see
// round.Readings), and the draft's decision log, whose entries the cards
// say.
type articleRead struct {
	as    []drafts.Amendment
	other map[string]round.Reading
	log   []drafts.Decision
	// decided gives each amendment's current decision, by ID.
	decided map[string]*drafts.Decision
}

// readArticle reads the amendments f passes as of version d, to the
// article f.Article, how those made on an earlier wording of it read now,
// and the decision log of d's draft. The log is read whole by the store
// whatever the filter (Store.Decisions), so it is read once for the
// article, never once per card.
func readArticle(r *round.Round, d *drafts.Draft, f drafts.AmendmentFilter) (articleRead, error) {
	as, err := r.AmendmentsAt(d, f)
	if err != nil {
		return articleRead{}, err
	}
	log, decided, err := r.Log(d.ID)
	if err != nil {
		return articleRead{}, err
	}
	other, err := r.Readings(d, f.Article, as, log)
	return articleRead{as: as, other: other, log: log, decided: decided}, err
}

// background runs read off the UI goroutine, then what it returns on it;
// Wait waits for both.
func (wb *Workbench) background(read func() (apply func())) {
	wb.reads.start()
	go func() {
		apply := read()
		fyne.Do(func() {
			defer wb.reads.done()
			uiThread.Lock()
			defer uiThread.Unlock()
			apply()
		})
	}()
}

// reloadAmendments reads again the amendment counts and the amendments of
// the article shown: after the role changed, or an amendment was saved.
func (wb *Workbench) reloadAmendments() {
	if wb.draft == nil {
		return
	}
	wb.amendGen++
	gen, i := wb.amendGen, wb.current
	f, ok := visibleTo(wb.role, wb.hasRole, wb.draft.ID)
	if !ok {
		wb.counts = map[string]int{}
		wb.outline.setDraft(wb.draft, wb.counts)
		wb.showRead(&wb.draft.Articles[i], articleRead{})
		return
	}
	d := wb.draft
	key := d.Articles[i].Key
	// The list stays as it is until it is read again, then comes back
	// at the same place, as long as it was: staff who decide on the
	// twentieth card are not sent back to the first.
	y, listed := wb.scroll.Offset.Y, wb.listed
	wb.background(func() func() {
		counts, read, err := readAmendments(wb.round, d, f, key)
		return func() {
			if err != nil {
				showError(wb.win, err)
				return
			}
			wb.counts = counts
			wb.outline.setDraft(wb.draft, counts)
			if gen == wb.amendGen && wb.current == i {
				wb.keepListed = listed
				wb.showRead(&wb.draft.Articles[i], read)
				settle(wb.scroll)
				wb.scroll.Offset.Y = min(y, max(wb.scroll.Content.MinSize().Height-wb.scroll.Size().Height, 0))
				wb.scroll.Refresh()
			}
		}
	})
}

// reads counts the store reads in flight, so that Wait can tell when the
// window has settled.
type reads struct {
	mu   sync.Mutex
	n    int
	idle sync.Cond
}

func (r *reads) start() {
	r.mu.Lock()
	r.n++
	r.mu.Unlock()
}

func (r *reads) done() {
	r.mu.Lock()
	r.n--
	if r.n == 0 && r.idle.L != nil {
		r.idle.Broadcast()
	}
	r.mu.Unlock()
}

func (r *reads) wait() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.idle.L == nil {
		r.idle.L = &r.mu
	}
	for r.n > 0 {
		r.idle.Wait()
	}
}

// build lays the window out in the interface language: called again when
// the language changes, as the layout mirrors for Arabic.
func (wb *Workbench) build() {
	rtl := rightToLeft()
	wb.win.SetTitle(tr("Statute Workbench"))
	if wb.outline == nil {
		wb.outline = newOutline(wb.Show)
		wb.outline.tree.other = wb.typedKey
	}
	wb.outline.rtl = rtl
	back, forward := theme.NavigateBackIcon(), theme.NavigateNextIcon()
	if rtl {
		back, forward = forward, back
	}
	// Each arrow stands on the outer side of its button, the side it
	// points to: in Arabic, Previous is on the right, its arrow on its right.
	prev := mirrorIcon(widget.NewButtonWithIcon(tr("Previous article"), back, wb.Previous))
	next := widget.NewButtonWithIcon(tr("Next article"), forward, wb.Next)
	if !rtl {
		next.IconPlacement = widget.ButtonIconTrailingText
	}
	// Arabic interface strings mix words and digits as statute text does,
	// so they are laid out the same way.
	wb.position = textwidget.NewLine("", fyne.TextStyle{})
	wb.roleLabel = textwidget.NewTruncated("", fyne.TextStyle{})
	settings := mirrorIcon(widget.NewButtonWithIcon(tr("Settings"), theme.SettingsIcon(), wb.ShowSettings))
	wb.search = newSearchPanel(wb)
	bar := newTopBar(rtl, prev, next, settings, wb.position, wb.roleLabel, wb.search.entry)
	wb.prev, wb.next = bar.buttons(0), bar.buttons(1)

	wb.path = textwidget.NewText("")
	wb.header = textwidget.NewStyledText("", fyne.TextStyle{Bold: true})
	wb.body = textwidget.NewText(tr("Loading the draft…"))
	wb.amendTitle = textwidget.NewStyledText("", fyne.TextStyle{Bold: true})
	wb.amendList = container.NewVBox()
	wb.board.bar = nil // made again in the interface's language
	wb.earlier = wb.headingRow(rtl)
	wb.textScroll = container.NewVScroll(container.NewVBox(wb.path, wb.header, wb.body))
	wb.scroll = container.NewVScroll(container.NewVBox(wb.amendTitle, wb.amendList))
	// The text's share of the article view: as the divider was left, at
	// the last start (but not in an unattended capture, which shows the
	// window as it is at first) and when the window is laid out again in
	// another language, as the outline's is.
	textPart, oldArticle := wb.app.Preferences().FloatWithFallback(PrefTextShare, textShare), fyne.CanvasObject(nil)
	if textPart <= 0 || textPart >= 1 || wb.opts.Screenshot {
		textPart = textShare
	}
	if old := wb.panes; old != nil {
		old.keepDragged()
		textPart, oldArticle = old.share, old.view
	}
	wb.panes = newArticlePanes(wb.textScroll, wb.scroll, textPart)

	// The outline's share of the width: at first outlineEms text sizes,
	// within 32 to 40 % of the window; kept when the window is laid out
	// again in another language (the divider may have been moved).
	share := outlineShare(wb.win.Canvas().Size().Width)
	if old := wb.split; old != nil {
		share = old.Offset
		if wasRTL := old.Leading == oldArticle; wasRTL {
			share = 1 - old.Offset
		}
	}
	// The divider between the outline and the article can be dragged; each
	// side keeps its minimum width (the outline sideEms text sizes).
	var split *container.Split
	if rtl {
		split = container.NewHSplit(wb.panes.view, wb.outline.view)
		split.Offset = 1 - share
	} else {
		split = container.NewHSplit(wb.outline.view, wb.panes.view)
		split.Offset = share
	}
	wb.bar, wb.split = bar, split
	wb.frame = container.New(windowLayout{bar}, bar, widget.NewSeparator(), split)
	wb.win.SetContent(wb.frame)
	wb.showRole()
}

// outlineEms is the outline's width at first, in text sizes: most titles
// whole.
const outlineEms = 18

// outlineShare is the outline's share of a window width at first.
func outlineShare(width float32) float64 {
	if width <= 0 {
		return 0.32
	}
	return min(0.4, max(0.32, float64(outlineEms*theme.TextSize()/width)))
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
// Ctrl+F goes to the search field and Escape closes the results; for the
// federation, F8 and Ctrl+J go to the next article with an undecided
// amendment (NextUndecided); F1 opens About (typedKey).
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
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyJ, Modifier: mod}, idle(wb.NextUndecided))
	c.SetOnTypedKey(wb.typedKey)
	textSizer{wb.app}.install(c)
}

// typedKey handles a key no editor is typing: F1 opens About, also over
// the propose screen; PageDown and PageUp move between articles, F8 to
// the next with an undecided amendment (the federation's), Escape closes
// the search results or the propose screen. The window gets the keys
// nothing focused takes; a focused widget that is not an editor (a search
// result, the outline) passes on those it does not use, so that the keys
// move between articles whenever no editor is being typed in.
func (wb *Workbench) typedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyF1 {
		wb.ShowAbout()
		return
	}
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
	case fyne.KeyF8:
		wb.NextUndecided()
	}
}

// NextUndecided shows, for the federation, the next article after the one
// shown that has a submitted amendment still undecided (as the outline
// counts them), going round to the draft's start after its end; nothing
// happens when none has, or for a chamber.
func (wb *Workbench) NextUndecided() {
	if !wb.reviewing() || wb.draft == nil {
		return
	}
	n := len(wb.draft.Articles)
	for step := 1; step <= n; step++ {
		i := (wb.current + step) % n
		if wb.counts[wb.draft.Articles[i].Key] > 0 {
			if i != wb.current {
				wb.Show(i)
			}
			return
		}
	}
}

// Next shows the next article, if any.
func (wb *Workbench) Next() { wb.Show(wb.current + 1) }

// Previous shows the previous article, if any.
func (wb *Workbench) Previous() { wb.Show(wb.current - 1) }

// Show shows the article at index i of the draft; an index out of range is
// ignored, so that Next on the last article does nothing. Its amendments
// are read off the UI goroutine and listed once read.
func (wb *Workbench) Show(i int) {
	if !wb.showText(i) {
		return
	}
	wb.amendGen++
	gen, a := wb.amendGen, &wb.draft.Articles[i]
	f, ok := visibleTo(wb.role, wb.hasRole, wb.draft.ID)
	if !ok {
		wb.showRead(a, articleRead{})
		return
	}
	wb.showLoadingAmendments()
	f.Article = a.Key
	d := wb.draft
	wb.background(func() func() {
		read, err := readArticle(wb.round, d, f)
		return func() {
			if gen != wb.amendGen {
				return
			}
			if err != nil {
				showError(wb.win, err)
				return
			}
			wb.showRead(a, read)
		}
	})
}

// showText shows the text of the article at index i, and where it stands
// in the draft; false when there is no such article.
func (wb *Workbench) showText(i int) bool {
	if wb.draft == nil || i < 0 || i >= len(wb.draft.Articles) {
		return false
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
	title := articleTitle(d, a)
	inTitle, inText := wb.search.marks(d, i, title)
	wb.header.SetHighlighted(title, inTitle)
	wb.body.SetHighlighted(a.Text(), inText)
	wb.showEarlierVersionsButton()
	// Where the article stands in the draft, said so that it cannot be
	// taken for its number: article 15 may be the 18th.
	wb.position.SetText(tr("Position {{.N}} of {{.Total}}", map[string]any{"N": i + 1, "Total": len(d.Articles)}))
	wb.prev.setEnabled(i > 0)
	wb.next.setEnabled(i < len(d.Articles)-1)
	wb.rememberPlace(0)
	// The texts changed size: lay the bar and the article view out again
	// now rather than at the driver's next size check, which the test
	// driver does not make; the bar first, as its height sets the
	// outline's, which scrolls to the article next.
	wb.relayoutBar()
	wb.outline.selectArticle(i)
	wb.panes.fit()
	wb.textScroll.Offset = fyne.Position{}
	if len(inText) > 0 {
		wb.scrollToMatch(inText[0].Start)
	}
	wb.textScroll.Refresh()
	wb.scroll.Offset = fyne.Position{}
	wb.scroll.Refresh()
	return true
}

// scrollToMatch scrolls the article's text, shown from its top, so that
// the line holding byte i of the text is in view, a third of the way
// down: the text has at most part of the view, and a search result opens
// an article at a match that may be far down. A match already in view
// leaves the heading in view too.
func (wb *Workbench) scrollToMatch(i int) {
	top, ok := wb.body.LineTop(i)
	if !ok {
		return
	}
	y, pane := wb.body.Position().Y+top, wb.textScroll.Size().Height
	if y+theme.TextSize()*2 <= pane {
		return
	}
	wb.textScroll.Offset.Y = y - pane/3
}

// lastPlace is where the reader of d was when the window last closed: the
// article's index and the offset of its amendments' scroll; the first
// article, at the top, when that was another draft or an article it no
// longer has.
func (wb *Workbench) lastPlace(d *drafts.Draft) (int, float32) {
	lines := strings.Split(wb.app.Preferences().String(PrefPlace), "\n")
	if len(lines) != 3 || lines[0] != d.ID {
		return 0, 0
	}
	for i := range d.Articles {
		if d.Articles[i].Key == lines[1] {
			y, err := strconv.ParseFloat(lines[2], 32)
			if err != nil || y < 0 {
				y = 0
			}
			return i, float32(y)
		}
	}
	return 0, 0
}

// settle lays the content of s out at the scroll's width until its height
// holds: wrapped text knows its height only once laid out at its width,
// and an offset set before would be cut to the wrong height.
func settle(s *container.Scroll) { settleAt(s.Content, s.Size().Width) }

// settleAt lays c out at width (or its minimum width, if wider) until its
// height holds.
func settleAt(c fyne.CanvasObject, width float32) {
	for range 4 {
		h := c.MinSize().Height
		c.Resize(fyne.NewSize(max(width, c.MinSize().Width), h))
		if c.MinSize().Height == h {
			return
		}
	}
}

// rememberPlace keeps the article shown, the offset y of the amendments'
// scroll and the share of the height the article's text may take, for
// the next start. An unattended capture leaves the user's place alone.
func (wb *Workbench) rememberPlace(y float32) {
	if wb.opts.Screenshot || wb.draft == nil || wb.current < 0 {
		return
	}
	place := wb.draft.ID + "\n" + wb.draft.Articles[wb.current].Key + "\n" + strconv.FormatFloat(float64(y), 'f', -1, 32)
	wb.app.Preferences().SetString(PrefPlace, place)
	// The divider between the article's text and its amendments, as it
	// was left.
	wb.panes.keepDragged()
	if wb.panes.share != wb.app.Preferences().FloatWithFallback(PrefTextShare, textShare) {
		wb.app.Preferences().SetFloat(PrefTextShare, wb.panes.share)
	}
}

// relayoutBar lays the top bar out again after its texts changed: it may
// need another height (a second row), which the window's layout gives it.
func (wb *Workbench) relayoutBar() {
	wb.frame.Layout.Layout(wb.frame.Objects, wb.frame.Size())
	wb.bar.Refresh()
}

// articleTitle is an article's heading line: «المادة 3: الطبيعة القانونية للغرف».
func articleTitle(d *drafts.Draft, a *drafts.Article) string { return d.ArticleTitle(a) }

// setRole makes c the session's role and shows what it may see.
func (wb *Workbench) setRole(c drafts.Chamber) {
	wb.role, wb.hasRole = c, true
	wb.showRole()
	if wb.draft == nil {
		return
	}
	wb.reloadAmendments()
}

func (wb *Workbench) showRole() {
	if !wb.hasRole {
		wb.roleLabel.SetText("")
		return
	}
	wb.roleLabel.SetText(tr("Seen by: {{.Role}}", map[string]any{"Role": chamberLabel(wb.role)}))
	wb.relayoutBar()
}
