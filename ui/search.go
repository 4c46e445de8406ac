package ui

import (
	"image/color"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/drafts/arabic"
	"statute/drafts/search"
	"statute/ui/textwidget"
)

// searchLimit caps the results listed: past a few hundred nobody reads
// them, and each one is a laid-out widget.
const searchLimit = 200

// searchContextWords is how many words each result shows on either side
// of the match: enough to tell the hits of one article apart.
const searchContextWords = 6

// searchPanel is the search field of the top bar and the list of results,
// which takes the outline's place in the window while a query is typed.
type searchPanel struct {
	wb *Workbench
	// entry is the query field: a line editor, so that Arabic reads right
	// to left, joined and right-aligned, as in the results. Escape closes
	// the results.
	entry *textwidget.Editor
	// query is the query last searched for, so that an edit that leaves
	// the text as it was searches no more.
	query string
	count *textwidget.Text
	list  *fyne.Container
	box   fyne.CanvasObject // count, close button and list: what replaces the outline

	// gen numbers the queries typed; a search whose query is no longer the
	// latest is dropped. Read and written under mu, as searches run on
	// their own goroutines.
	mu  sync.Mutex
	gen int
	// running counts the searches started and not yet shown or dropped.
	running sync.WaitGroup
	// one search at a time: typing fast starts many, and all but the last
	// are dropped before they walk the draft.
	one sync.Mutex
}

// A searchResult is one hit found, ready to be shown.
type searchResult struct {
	index      int    // of the article in the draft
	title      string // "" for a hit in a heading, which shows itself
	context    string
	start, end int // of the match in context
}

// newSearchPanel makes the search field and the (hidden) results for wb.
func newSearchPanel(wb *Workbench) *searchPanel {
	p := &searchPanel{wb: wb, entry: textwidget.NewLineEditor(wb.app)}
	p.entry.SetPlaceHolder(tr("Search the draft (Ctrl+F)"))
	p.entry.OnChanged = p.changed
	p.entry.SetOnEscape(p.close)
	p.count = textwidget.NewStyledText("", fyne.TextStyle{Bold: true})
	p.list = container.NewVBox()
	closeButton := widget.NewButtonWithIcon(tr("Close the results"), theme.CancelIcon(), p.close)
	var head *fyne.Container
	if rightToLeft() {
		head = container.NewBorder(nil, nil, closeButton, nil, p.count)
	} else {
		head = container.NewBorder(nil, nil, nil, closeButton, p.count)
	}
	p.box = container.New(minWidth{wb.outline.minWidth}, container.NewBorder(container.NewVBox(head, widget.NewSeparator()), nil, nil, nil, container.NewVScroll(p.list)))
	return p
}

// WaitSearch blocks until the searches typed so far are done and the last
// one's results are shown, for tests and unattended captures.
func (wb *Workbench) WaitSearch() {
	if wb.search != nil {
		wb.search.running.Wait()
	}
}

// focus puts the cursor in the search field, for Ctrl+F.
func (p *searchPanel) focus() {
	p.wb.win.Canvas().Focus(p.entry)
}

// changed searches for the query typed, unless it is the one last
// searched for. The editor calls it once it is done with the key or call
// that changed the text, after redrawing.
func (p *searchPanel) changed(query string) {
	if query != p.query {
		p.query = query
		p.start(query)
	}
}

// close empties the field, which puts the outline back.
func (p *searchPanel) close() {
	p.entry.SetText("")
	p.query = ""
	p.start("")
}

// start searches for query off the UI goroutine and shows the results
// when they come; an empty query shows the outline again.
func (p *searchPanel) start(query string) {
	p.mu.Lock()
	p.gen++
	gen := p.gen
	p.mu.Unlock()
	d := p.wb.draft
	if strings.TrimSpace(query) == "" || d == nil {
		p.show(nil, false)
		return
	}
	p.running.Add(1)
	go func() {
		defer p.running.Done()
		time.Sleep(p.wb.opts.Timings.SearchPause)
		if !p.latest(gen) {
			return // more was typed meanwhile
		}
		p.one.Lock()
		defer p.one.Unlock()
		if !p.latest(gen) {
			return
		}
		results, cut := find(d, query)
		fyne.DoAndWait(func() {
			if p.latest(gen) {
				p.show(results, cut)
			}
		})
	}()
}

func (p *searchPanel) latest(gen int) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return gen == p.gen
}

// find runs a search and prepares what each hit shows, the hits in
// headings (titles, chapters, articles' titles) first; cut tells that there
// were more than searchLimit hits.
func find(d *drafts.Draft, query string) (results []searchResult, cut bool) {
	heads := search.Headings(d, query, searchLimit+1)
	hits := search.Find(d, query, searchLimit+1-len(heads))
	if len(heads)+len(hits) > searchLimit {
		cut = true
		heads = heads[:min(len(heads), searchLimit)]
		hits = hits[:searchLimit-len(heads)]
	}
	results = make([]searchResult, 0, len(heads)+len(hits))
	for _, h := range heads {
		a := d.Article(h.Article)
		if a == nil {
			continue // a division without articles: nothing to show
		}
		// A heading is shown whole, as its own result line.
		text, at := "", 0
		if h.Division >= 0 {
			text = d.Divisions[h.Division].Heading
		} else {
			text = articleTitle(d, a)
			at = len(text) - len(a.Heading)
		}
		s, e := wordBounds(text, at+h.Start, at+h.End)
		results = append(results, searchResult{index: a.Position, context: text, start: s, end: e})
	}
	for _, h := range hits {
		a := d.Article(h.Article)
		if a == nil || h.Paragraph >= len(a.Paragraphs) {
			continue
		}
		ctx, s, e := search.Context(a.Paragraphs[h.Paragraph], h, searchContextWords)
		from := h.Start - s // where ctx starts in the paragraph
		s, e = wordBounds(ctx, s, e)
		// An ellipsis where the context cuts the paragraph; it is neutral,
		// so the line keeps the paragraph's direction.
		if from+len(ctx) < len(a.Paragraphs[h.Paragraph]) {
			ctx += " …"
		}
		if from > 0 {
			ctx, s, e = "… "+ctx, s+len("… "), e+len("… ")
		}
		results = append(results, searchResult{index: a.Position, title: articleTitle(d, a), context: ctx, start: s, end: e})
	}
	return results, cut
}

// wordBounds widens the match [start, end) of text to the words it is in:
// «احكام» found in «لأحكامه» marks the whole word. A mark that began or
// ended inside a word would cut it into two pieces drawn apart, and the
// letters on either side of the cut would lose their joining (and «لأ» its
// ligature).
func wordBounds(text string, start, end int) (int, int) {
	inWord := arabic.IsWordRune
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:start])
		if !inWord(r) {
			break
		}
		start -= n
	}
	for end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if !inWord(r) {
			break
		}
		end += n
	}
	return start, end
}

// show lists results in place of the outline; nil results with no cut
// for an empty query put the outline back.
func (p *searchPanel) show(results []searchResult, cut bool) {
	wb := p.wb
	if wb.search != p {
		return // the window was laid out again, for another language
	}
	if strings.TrimSpace(p.entry.Text()) == "" {
		p.list.Objects = nil
		p.setSide(wb.outline.view)
		return
	}
	n := len(results)
	if cut {
		p.count.SetText(trN("More than {{.Count}} results: the first {{.Count}} are shown", n, map[string]any{"Count": n}))
	} else {
		p.count.SetText(trN("{{.Count}} results", n, map[string]any{"Count": n}))
	}
	objs := make([]fyne.CanvasObject, 0, 2*n)
	for _, r := range results {
		objs = append(objs, newResultItem(r, wb.Show), widget.NewSeparator())
	}
	p.list.Objects = objs
	p.list.Refresh()
	p.setSide(p.box)
}

// setSide puts o where the outline goes in the split.
func (p *searchPanel) setSide(o fyne.CanvasObject) {
	s := p.wb.split
	if s == nil {
		return
	}
	if rightToLeft() {
		if s.Trailing == o {
			return
		}
		s.Trailing = o
	} else {
		if s.Leading == o {
			return
		}
		s.Leading = o
	}
	s.Refresh()
}

// resultItem is one result: the article's heading and the words around
// the match, the match highlighted. Tapping it, or Enter or Space when it
// has the focus, shows the article.
type resultItem struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onTap   func()
	focused bool
}

var (
	_ fyne.Tappable      = (*resultItem)(nil)
	_ fyne.Focusable     = (*resultItem)(nil)
	_ desktop.Cursorable = (*resultItem)(nil)
)

func newResultItem(r searchResult, show func(int)) *resultItem {
	ctx := textwidget.NewHighlighted(r.context, r.start, r.end)
	box := container.NewVBox(ctx)
	if r.title != "" {
		// A hit in the text, under the title of its article.
		box = container.NewVBox(textwidget.NewStyledText(r.title, fyne.TextStyle{Bold: true}), ctx)
	}
	it := &resultItem{content: box, onTap: func() { show(r.index) }}
	it.ExtendBaseWidget(it)
	return it
}

func (it *resultItem) Tapped(*fyne.PointEvent) { it.onTap() }

func (it *resultItem) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (it *resultItem) FocusGained() { it.focused = true; it.Refresh() }
func (it *resultItem) FocusLost()   { it.focused = false; it.Refresh() }
func (it *resultItem) TypedRune(r rune) {
	if r == ' ' {
		it.onTap()
	}
}

func (it *resultItem) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		it.onTap()
	}
}

func (it *resultItem) CreateRenderer() fyne.WidgetRenderer {
	r := &resultItemRenderer{it: it, bg: canvas.NewRectangle(color.Transparent)}
	r.Refresh()
	return r
}

// resultItemRenderer draws the item over a background that shows the
// keyboard focus.
type resultItemRenderer struct {
	it *resultItem
	bg *canvas.Rectangle
}

func (r *resultItemRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.it.content.Resize(size)
}

func (r *resultItemRenderer) MinSize() fyne.Size { return r.it.content.MinSize() }

func (r *resultItemRenderer) Refresh() {
	r.bg.FillColor = color.Transparent
	if r.it.focused {
		r.bg.FillColor = theme.ColorForWidget(theme.ColorNameFocus, r.it)
	}
	r.bg.Refresh()
	r.it.content.Refresh()
}

func (r *resultItemRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.it.content}
}

func (r *resultItemRenderer) Destroy() {}
