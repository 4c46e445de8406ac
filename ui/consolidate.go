package ui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"statute/drafts"
	"statute/drafts/diff"
	"statute/drafts/merge"
	"statute/drafts/round"
	"statute/drafts/search"
	"statute/ui/textwidget"
)

// previewPage is how many consolidated articles the preview lists at
// first, and how many more each «Show more» adds: a round of the whole
// draft changes hundreds, each a tracked diff to lay out. A variable for
// the tests.
var previewPage = 40

// consolidator is the federation's consolidation view, while it is open:
// a dialog as large as the window over the review board, which shows the
// conflicts a person must resolve, first, then the preview of every
// article the next version changes, and makes that version. It lives on
// the UI goroutine; the round's operations run off it (wb.background).
type consolidator struct {
	wb      *Workbench
	d       *drafts.Draft // the version consolidated
	m       *modal
	head    *textwidget.Text // what the consolidation comes to, or that it runs
	list    *fyne.Container  // the conflicts, then the preview
	scroll  *container.Scroll
	makeBtn *widget.Button
	busy    bool

	c   *round.Consolidation // nil until the first consolidation is read
	res []round.Resolution   // c's conflicts, with their amendments
	// shown is how many of c's articles the preview lists.
	shown int

	// resolving is the resolution dialog, while it is open.
	resolving *resolver
}

// resolver is the dialog in which a person writes an article's settled
// wording.
type resolver struct {
	wording, note *textwidget.Editor
	changes       *textwidget.Tracked // the draft's text to the wording
	base          string
	pending       *time.Timer
	closed        bool
}

func (r *resolver) update() {
	if !r.closed {
		r.changes.SetChanges(diff.Words(r.base, r.wording.Text(), diff.Options{}))
	}
}

// Consolidate opens, for the federation, the consolidation of the draft
// shown: it makes the next version from the accepted amendments, off the
// UI goroutine, saying meanwhile that it runs; then it lists the conflicts
// to resolve and previews each article changed. A refusal (nothing
// accepted yet) is said in the round's sentence, and the view closes.
func (wb *Workbench) Consolidate() {
	if !wb.reviewing() || wb.draft == nil || wb.consolidating != nil || wb.propose != nil {
		return
	}
	v := &consolidator{wb: wb, d: wb.draft}
	v.build()
	wb.consolidating = v
	v.m.Show()
	v.run(nil, nil)
}

func (v *consolidator) build() {
	v.head = textwidget.NewStyledText(tr("Consolidating the accepted amendments…"), fyne.TextStyle{Bold: true})
	v.list = container.NewVBox()
	v.scroll = container.NewVScroll(v.list)
	closeBtn := mirrorIcon(widget.NewButtonWithIcon(tr("Close"), theme.CancelIcon(), v.close))
	v.makeBtn = mirrorIcon(widget.NewButtonWithIcon(tr("Make version {{.N}}", map[string]any{"N": v.d.Version + 1}), theme.ConfirmIcon(), v.confirmMake))
	v.makeBtn.Importance = widget.HighImportance
	v.makeBtn.Disable()
	buttons := []fyne.CanvasObject{closeBtn, v.makeBtn}
	if rightToLeft() {
		buttons = reversed(buttons)
	}
	body := container.NewBorder(
		container.NewVBox(v.head, widget.NewSeparator()),
		container.NewVBox(widget.NewSeparator(), container.NewCenter(container.NewHBox(buttons...))),
		nil, nil, v.scroll)
	v.m = newModal(v.wb.win, tr("Consolidation of version {{.N}}", map[string]any{"N": v.d.Version}), body)
	v.m.dismiss = v.close
	size := v.wb.win.Canvas().Size()
	pad := 2 * theme.Padding()
	v.m.Resize(fyne.NewSize(max(size.Width-2*pad, 320), max(size.Height-2*pad, 240)))
}

// close closes the view.
func (v *consolidator) close() {
	v.m.Hide()
	if v.wb.consolidating == v {
		v.wb.consolidating = nil
	}
}

// run does first, if set (a resolution stored), then consolidates again
// and shows what comes of it, all off the UI goroutine. What refuses is
// said; when first refuses, failed is called before (it opens again what
// the user wrote); when nothing could be consolidated the first time, the
// view closes.
func (v *consolidator) run(first func() error, failed func()) {
	v.busy = true
	v.makeBtn.Disable()
	v.head.SetText(tr("Consolidating the accepted amendments…"))
	id := v.d.ID
	v.wb.background(func() func() {
		if first != nil {
			if err := first(); err != nil {
				return func() {
					v.busy = false
					v.show(v.c, v.res)
					// A locked key is asked for, and first done again
					// once it is open; given up, what was written comes
					// back.
					if v.wb.unlockFor(err, func() { v.run(first, failed) }, func() {
						if failed != nil {
							failed()
						}
					}) {
						return
					}
					if failed != nil {
						failed()
					}
					showError(v.wb.win, err)
				}
			}
		}
		c, err := v.wb.round.Consolidate(id)
		var res []round.Resolution
		if err == nil {
			res, err = v.wb.round.Resolutions(c)
		}
		return func() {
			v.busy = false
			if err != nil {
				if v.c == nil {
					v.close()
				} else {
					v.show(v.c, v.res)
				}
				showError(v.wb.win, err)
				return
			}
			v.show(c, res)
		}
	})
}

// show lists c's conflicts, then the articles it changes.
func (v *consolidator) show(c *round.Consolidation, res []round.Resolution) {
	if v.c != c {
		v.shown = previewPage
	}
	v.c, v.res = c, res
	next := c.From.Version + 1
	// Another version may have been stored since the view opened.
	v.m.title.SetText(tr("Consolidation of version {{.N}}", map[string]any{"N": c.From.Version}))
	if n := len(c.Conflicts); n > 0 {
		v.head.SetText(trN("{{.Count}} conflicts to resolve before version {{.N}} can be made", n, map[string]any{"Count": n, "N": next}))
	} else {
		v.head.SetText(tr("No conflict remains: version {{.N}} can be made.", map[string]any{"N": next}))
	}
	v.makeBtn.SetText(tr("Make version {{.N}}", map[string]any{"N": next}))
	if c.Draft != nil {
		v.makeBtn.Enable()
	} else {
		v.makeBtn.Disable()
	}

	var objs []fyne.CanvasObject
	if len(c.Conflicts) > 0 {
		objs = append(objs, heading(tr("Conflicts to resolve")))
		for i := range res {
			objs = append(objs, v.conflictView(&res[i])...)
			objs = append(objs, widget.NewSeparator())
		}
	}
	objs = append(objs, heading(tr("Preview of version {{.N}}", map[string]any{"N": next})))
	if len(c.Conflicts) > 0 {
		objs = append(objs, label(tr("The articles in conflict keep their text here until they are resolved.")))
	}
	if len(c.Articles) == 0 {
		objs = append(objs, textwidget.NewText(tr("No article changes yet.")))
	}
	for i, o := range c.Articles {
		if i == v.shown {
			more := mirrorIcon(widget.NewButtonWithIcon(tr("Show more articles"), theme.MoreVerticalIcon(), func() {
				v.shown += previewPage
				v.show(v.c, v.res)
			}))
			objs = append(objs, textwidget.NewText(tr("{{.Shown}} of {{.Total}} shown", map[string]any{"Shown": v.shown, "Total": len(c.Articles)})), buttonRow(more))
			break
		}
		objs = append(objs, v.outcomeView(o)...)
	}
	objs = append(objs, widget.NewSeparator(), textwidget.NewText(carryOverText(c)))
	v.list.Objects = objs
	v.list.Refresh()
}

// heading is a section's title in the view.
func heading(text string) fyne.CanvasObject {
	return textwidget.NewStyledText(text, fyne.TextStyle{Bold: true})
}

// conflictView shows one conflict: for an article, each region as git's
// diff3 style does, the draft's words then each version's, with a button
// to adopt it; for new articles asking one number, what to do on the
// board.
func (v *consolidator) conflictView(res *round.Resolution) []fyne.CanvasObject {
	d := v.c.From
	if res.Article == nil {
		return v.numberConflictView(res)
	}
	objs := []fyne.CanvasObject{heading(d.ArticleTitle(res.Article))}
	for k, c := range res.Conflicts {
		if len(res.Conflicts) > 1 {
			objs = append(objs, label(tr("Conflict {{.N}} of {{.Count}}", map[string]any{"N": k + 1, "Count": len(res.Conflicts)})))
		}
		if c.Repeal {
			objs = append(objs, textwidget.NewText(tr("One side repeals the article, the other words it anew: choose a wording, or keep the repeal by rejecting the amendments that word it ({{.IDs}}) on the review board.", map[string]any{"IDs": idList(wordingSides(c))})))
		}
		before, after := regionContext(res.Article.Text(), c)
		objs = append(objs, label(tr("The draft's text")))
		if c.Base == "" {
			objs = append(objs, label(tr("(nothing: the amendments add words here)")))
		}
		objs = append(objs, textwidget.NewHighlighted(before+c.Base+after, len(before), len(before)+len(c.Base)))
		for i, ver := range c.Versions {
			objs = append(objs, label(v.who(res, ver.Sides)))
			if ver.Repeal {
				objs = append(objs, textwidget.NewText(tr("Repeals the article.")))
				continue
			}
			changes := append([]diff.Change{{Op: diff.Equal, Text: before}}, diff.Words(c.Base, ver.Text, diff.Options{})...)
			objs = append(objs, textwidget.NewTracked(append(changes, diff.Change{Op: diff.Equal, Text: after})))
			use := mirrorIcon(widget.NewButtonWithIcon(tr("Use this wording"), theme.ConfirmIcon(), func() {
				v.resolve(res, res.Text(k, i), "")
			}))
			objs = append(objs, buttonRow(use))
		}
	}
	edit := mirrorIcon(widget.NewButtonWithIcon(tr("Edit the article"), theme.DocumentCreateIcon(), func() {
		v.resolve(res, res.Text(-1, 0), "")
	}))
	return append(objs, label(tr("Or write the article yourself, from the draft's text with the changes that do not conflict:")), buttonRow(edit))
}

// numberConflictView says what to do about new articles that ask for a
// number the draft has, or one another asks for: Resolve settles existing
// articles only, so the federation decides again.
func (v *consolidator) numberConflictView(res *round.Resolution) []fyne.CanvasObject {
	var ids []string
	for _, s := range res.Sides {
		ids = append(ids, s.ID)
	}
	number := res.Number
	if number == "" {
		number = res.Key
	}
	var title, what string
	if res.NumberTaken {
		title = tr("New article asking for the number {{.Number}}, which the draft has", map[string]any{"Number": number})
		what = tr("It cannot take that number: on the review board, reject it ({{.IDs}}), and ask its chamber to propose it again under a free number.", map[string]any{"IDs": idList(ids)})
	} else {
		title = tr("New articles asking for one number, {{.Number}}", map[string]any{"Number": number})
		what = tr("Only one can take that number: on the review board, reject all but one of them ({{.IDs}}), and ask the other chambers to propose theirs again under a free number.", map[string]any{"IDs": idList(ids)})
	}
	objs := []fyne.CanvasObject{heading(title), textwidget.NewText(what)}
	for _, s := range res.Sides {
		objs = append(objs, label(v.who(res, []string{s.ID})), textwidget.NewText(s.Text))
	}
	return objs
}

// contextWords is how many of the article's words the view shows on each
// side of a conflict region.
const contextWords = 6

// regionContext is the article's text around conflict c: up to
// contextWords words on each side, within the region's paragraphs, with
// «…» where the paragraph goes on. Nothing for a repeal's conflict, whose
// region is the whole article.
func regionContext(article string, c merge.Conflict) (before, after string) {
	article = drafts.NormalizeParagraphs(article)
	if c.Repeal || c.End > len(article) || article[c.Start:c.End] != c.Base {
		return "", ""
	}
	p0 := strings.LastIndexByte(article[:c.Start], '\n') + 1
	p1 := len(article)
	if i := strings.IndexByte(article[c.End:], '\n'); i >= 0 {
		p1 = c.End + i
	}
	para := article[p0:p1]
	ctx, s, e := search.Context(para, search.Hit{Start: c.Start - p0, End: c.End - p0}, contextWords)
	from := c.Start - p0 - s
	before, after = ctx[:s], ctx[e:]
	if from > 0 {
		before = "… " + before
	}
	if from+len(ctx) < len(para) {
		after += " …"
	}
	return before, after
}

// wordingSides are the amendments of a repeal conflict that word the
// article.
func wordingSides(c merge.Conflict) []string {
	var ids []string
	for _, ver := range c.Versions {
		if !ver.Repeal {
			ids = append(ids, ver.Sides...)
		}
	}
	return ids
}

// idList writes amendment IDs as a list, each kept left to right.
func idList(ids []string) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = "\u2066" + id + "\u2069"
	}
	return strings.Join(out, tr(", "))
}

// who names the amendments ids by chamber: «الدار البيضاء-سطات (CS) — CS-7K3QX9AB».
func (v *consolidator) who(res *round.Resolution, ids []string) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = sourceLabel(drafts.Source{Amendment: id, Chamber: res.Chambers[id]})
	}
	return strings.Join(parts, tr(", "))
}

// sourceLabel is an amendment named with its chamber.
func sourceLabel(s drafts.Source) string {
	name := s.Chamber
	if c, err := drafts.ChamberByCode(s.Chamber); err == nil {
		name = chamberLabel(c)
	}
	return name + " — \u2066" + s.Amendment + "\u2069"
}

// outcomeView previews one article of the next version: its title, new
// or repealed, who changed it, and its text as a tracked diff of the
// draft's.
func (v *consolidator) outcomeView(o round.Outcome) []fyne.CanvasObject {
	d := v.c.From
	old, title := "", d.Word()+" "+o.Number
	if a := d.Article(o.Key); a != nil && !o.Inserted {
		old, title = a.Text(), d.ArticleTitle(a)
	}
	switch {
	case o.Inserted:
		title += " — " + tr("new article")
	case o.Repealed:
		title += " — " + tr("repealed")
	}
	from := make([]string, len(o.Sources))
	for i, s := range o.Sources {
		from[i] = sourceLabel(s)
	}
	return []fyne.CanvasObject{
		heading(title),
		label(tr("From: {{.Sources}}", map[string]any{"Sources": strings.Join(from, tr(", "))})),
		textwidget.NewTracked(diff.Words(old, o.Text, diff.Options{})),
	}
}

// carryOverText says what the next version leaves for later: the
// undecided amendments, and the accepted ones made against another
// wording.
func carryOverText(c *round.Consolidation) string {
	s := trN("{{.Count}} undecided amendments carry over to the next version.", len(c.Undecided), map[string]any{"Count": len(c.Undecided)})
	if n := len(c.Stale); n > 0 {
		s += "\n" + trN("{{.Count}} accepted amendments were made against another wording of their article and are not applied: {{.IDs}}", n, map[string]any{"Count": n, "IDs": idList(c.Stale)})
	}
	return s
}

// resolve opens the dialog in which the article of res is written as it
// will be, starting from text, with a note (note, at first); saved, the
// wording is the federation's synthesis (round.Resolve) and the view
// consolidates again. Refused, the dialog opens again with what was
// written, under the refusal.
func (v *consolidator) resolve(res *round.Resolution, text, note string) {
	if v.busy || v.resolving != nil {
		return
	}
	d, art := v.c.From, res.Article
	r := &resolver{base: art.Text()}
	r.wording = textwidget.NewEditor(v.wb.app)
	r.wording.SetText(text)
	r.changes = textwidget.NewTracked(nil)
	r.update()
	r.wording.OnChanged = func(string) {
		if r.pending != nil {
			r.pending.Reset(v.wb.opts.Timings.Preview)
			return
		}
		r.pending = time.AfterFunc(v.wb.opts.Timings.Preview, func() { fyne.Do(r.update) })
	}
	r.note = textwidget.NewEditor(v.wb.app)
	r.note.SetText(note)
	scroll := container.NewVScroll(container.NewVBox(
		label(tr("The article as it will read")), r.wording,
		label(tr("Changes to the draft's text")), r.changes,
		label(tr("Note (optional; kept in the decision log)")), r.note))
	key := art.Key
	m := confirmModal(v.wb.win, tr("Resolve {{.Article}}", map[string]any{"Article": d.ArticleTitle(art)}), tr("Save the resolution"), tr("Cancel"), scroll, false, func(ok bool) {
		r.closed = true
		if r.pending != nil {
			r.pending.Stop()
		}
		v.resolving = nil
		if !ok {
			return
		}
		wording, note := r.wording.Text(), r.note.Text()
		v.run(func() error {
			_, err := v.wb.round.Resolve(v.wb.role, d.ID, key, wording, note)
			return err
		}, func() { v.resolve(res, wording, note) })
	})
	for _, e := range []*textwidget.Editor{r.wording, r.note} {
		e.SetScroll(scroll)
		e.SetOnEscape(m.dismiss)
	}
	v.resolving = r
	size := v.wb.win.Canvas().Size()
	m.Resize(fyne.NewSize(min(640, size.Width-4*theme.Padding()), min(520, size.Height-4*theme.Padding())))
	m.Show()
	v.wb.win.Canvas().Focus(r.wording)
}

// confirmMake asks before the next version is made, then stores it (a
// backup first), off the UI goroutine; the window then shows it.
func (v *consolidator) confirmMake() {
	if v.busy || v.c == nil || v.c.Draft == nil {
		return
	}
	c := v.c
	next := c.From.Version + 1
	body := textwidget.NewText(tr("Version {{.N}} will be made from the accepted amendments. It cannot be undone: the version is kept as made. Earlier versions stay as they are, and a backup of the database is made first.", map[string]any{"N": next}))
	m := confirmModal(v.wb.win, tr("Make version {{.N}}?", map[string]any{"N": next}), tr("Make version {{.N}}", map[string]any{"N": next}), tr("Cancel"), body, false, func(ok bool) {
		if ok {
			v.store(c)
		}
	})
	m.Resize(fyne.NewSize(520, 260))
	m.Show()
}

// store makes the next version from c (a backup first), off the UI
// goroutine; the window then shows it. A locked key is asked for first
// (unlockFor).
func (v *consolidator) store(c *round.Consolidation) {
	next := c.From.Version + 1
	v.busy = true
	v.makeBtn.Disable()
	v.head.SetText(tr("Making version {{.N}}…", map[string]any{"N": next}))
	v.wb.background(func() func() {
		err := v.wb.round.StoreConsolidation(c)
		return func() {
			v.busy = false
			if v.wb.unlockFor(err, func() { v.store(c) }) {
				v.show(c, v.res)
				return
			}
			if err != nil {
				showError(v.wb.win, err)
				v.show(c, v.res)
				return
			}
			v.close()
			v.wb.ShowChanges()
			done := infoModal(v.wb.win, tr("Version {{.N}} made", map[string]any{"N": next}),
				textwidget.NewText(tr("Version {{.N}} of the draft was made from the accepted amendments; the window now shows it. Version {{.Old}} stays as it was.", map[string]any{"N": next, "Old": strconv.Itoa(c.From.Version)})))
			done.Resize(fyne.NewSize(480, 220))
			done.Show()
		}
	})
}
