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
	// the results and leaves the query in the field; Enter there, or
	// Ctrl+F, shows them again.
	entry *textwidget.Editor
	// query is the query whose results are shown, so that an edit that
	// leaves the text as it was searches no more; "" while none are.
	query string
	// opened is the article a result was tapped for, and the query it was
	// found by: its matches are marked in the article until another
	// article is shown.
	opened struct {
		index int
		query string
	}
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
	p.entry.SetOnSubmit(p.reopen)
	p.count = textwidget.NewStyledText("", fyne.TextStyle{Bold: true})
	p.list = container.NewVBox()
	closeButton := mirrorIcon(widget.NewButtonWithIcon(tr("Close the results"), theme.CancelIcon(), p.close))
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

// focus puts the cursor in the search field, for Ctrl+F, and shows the
// results of the query left there again.
func (p *searchPanel) focus() {
	p.wb.win.Canvas().Focus(p.entry)
	p.reopen()
}

// reopen shows the results of the query in the field again, after Escape
// closed them.
func (p *searchPanel) reopen() {
	if q := p.entry.Text(); q != p.query {
		p.changed(q)
	}
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

// close puts the outline back in place of the results (Escape, and the
// close button). The query stays in the field, to be changed or searched
// again; the matches marked in the article shown stay too. The field lets
// go of the keyboard, so that PageDown and the other window keys move
// between articles again.
func (p *searchPanel) close() {
	p.query = ""
	p.start("")
	if c := p.wb.win.Canvas(); c.Focused() == p.entry {
		c.Unfocus()
	}
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
// for an empty query, or once the results are closed, put the outline
// back.
func (p *searchPanel) show(results []searchResult, cut bool) {
	wb := p.wb
	if wb.search != p {
		return // the window was laid out again, for another language
	}
	if strings.TrimSpace(p.query) == "" {
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
		objs = append(objs, newResultItem(r, p.open, p.wb.typedKey), widget.NewSeparator())
	}
	p.list.Objects = objs
	p.list.Refresh()
	p.setSide(p.box)
}

// open shows the article at index i for a result of the query shown, its
// matches marked.
func (p *searchPanel) open(i int) {
	p.opened.index, p.opened.query = i, p.query
	p.wb.Show(i)
}

// marks returns the matches to mark in the article at index i of d when it
// is shown: the words the query found in its title (title being the
// article's heading line) and in its text, if a result opened it; none
// for any other article, which also ends the marking.
func (p *searchPanel) marks(d *drafts.Draft, i int, title string) (inTitle, inText []textwidget.Range) {
	if p.opened.query == "" || p.opened.index != i {
		p.opened.query = ""
		return nil, nil
	}
	a := &d.Articles[i]
	// The article's own title, at the end of its heading line.
	head := drafts.Article{Paragraphs: []string{a.Heading}}
	at := len(title) - len(a.Heading)
	for _, h := range search.InArticle(&head, p.opened.query) {
		s, e := wordBounds(title, at+h.Start, at+h.End)
		inTitle = addRange(inTitle, s, e)
	}
	text := a.Text()
	starts := make([]int, len(a.Paragraphs))
	for k := 1; k < len(starts); k++ {
		starts[k] = starts[k-1] + len(a.Paragraphs[k-1]) + 1
	}
	for _, h := range search.InArticle(a, p.opened.query) {
		s, e := wordBounds(text, starts[h.Paragraph]+h.Start, starts[h.Paragraph]+h.End)
		inText = addRange(inText, s, e)
	}
	return inTitle, inText
}

// addRange appends [s, e) to rs, which are in text order, or widens the
// last range when the two overlap: a word that holds the query twice
// («ال» in «الالتزام») is marked once.
func addRange(rs []textwidget.Range, s, e int) []textwidget.Range {
	if n := len(rs); n > 0 && s < rs[n-1].End {
		rs[n-1].End = max(rs[n-1].End, e)
		return rs
	}
	return append(rs, textwidget.Range{Start: s, End: e})
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
	onOther func(*fyne.KeyEvent) // the window's keys, PageDown and the like
	focused bool
}

var (
	_ fyne.Tappable      = (*resultItem)(nil)
	_ fyne.Focusable     = (*resultItem)(nil)
	_ desktop.Cursorable = (*resultItem)(nil)
)

func newResultItem(r searchResult, show func(int), other func(*fyne.KeyEvent)) *resultItem {
	ctx := textwidget.NewHighlighted(r.context, r.start, r.end)
	box := container.NewVBox(ctx)
	if r.title != "" {
		// A hit in the text, under the title of its article.
		box = container.NewVBox(textwidget.NewStyledText(r.title, fyne.TextStyle{Bold: true}), ctx)
	}
	it := &resultItem{content: box, onTap: func() { show(r.index) }, onOther: other}
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
		return
	}
	it.onOther(k)
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
