package export

import (
	"bufio"
	"io"
	"strings"
	"time"

	"statute/drafts"
	"statute/drafts/diff"
	"statute/drafts/export/internal/docx"
)

// The Word export (Format Word) is one .docx file that Word and
// LibreOffice open as a document of their own: an Arabic draft right to
// left (paragraphs w:bidi, runs w:rtl, Arabic sizes and weights given
// for complex script), a French one left to right. Its layout is what the
// Word import reads back, so it keeps to one shape: the draft's title in
// the Title style; each paragraph of the preamble in Normal; each
// division's heading line (as the text export writes it, «الباب الأول:
// أحكام عامة») in the heading style of its level, Heading1 (book) to
// Heading5 (section); each article's heading line exactly as the text
// export writes it («المادة 3: مهام الغرفة») in Heading6, whatever the
// levels of division the draft uses, so that one style always means an
// article; then each of the article's paragraphs as one Word paragraph in
// Normal, justified. Every heading style carries its outline level, so
// that Word's navigation pane and LibreOffice's navigator show the draft's
// tree, articles under their divisions. Nothing else is written: no
// header, footer, numbering or field, whose text an import would have to
// tell apart from the draft's.
//
// With Request.Tracked the file holds the version's changes against the
// version before it as Word's own tracked changes (w:ins, w:del), so that
// the staff accept or reject them in Word or LibreOffice: accepting them
// all gives exactly the version's text, rejecting them all exactly the
// previous version's. Articles are matched as diff.Compare matches them,
// and in a changed article the words are marked as diff.Words finds them,
// its heading line and its paragraphs alike; a paragraph the version added
// or removed is inserted or deleted whole, its paragraph mark too. A new
// article is inserted whole, a removed one deleted whole in its old place
// (after the article that preceded it); the title, the preamble and the
// divisions are marked the same way when they changed, divisions matched
// by their place in the tree as diff.Compare matches them.
//
// Each change names its author and date, as a reviewer's would. A change
// an amendment made is the chamber's: the amendment among the article's
// sources (Article.Sources) whose own change (its wording against the
// previous version's article) holds that change, a chamber's before the
// federation's synthesis; its date is that of the decision that accepted
// the amendment. A new article is its amendment's, a removed one its
// accepted repeal's. A change no single amendment made (the staff's own
// wording in an acceptance with changes, where several amendments merged,
// a renumbering, a heading, a text imported as a new version) is the
// federation's, dated by the version. Authors are named by the chamber's
// code and region, in the draft's language: «FM — فاس مكناس». Dates are
// written as the exporting machine's local time, which is how Word reads
// them.

// wordOptions are the Word document's options for d.
func wordOptions(d *drafts.Draft, zone *time.Location) docx.Options {
	o := docx.Options{RTL: true, Lang: "ar-MA", Title: d.Title, Creator: drafts.Federation.Name(), Created: d.Imported, Zone: zone}
	if d.Language == "fr" {
		o.RTL, o.Lang, o.Creator = false, "fr-FR", drafts.Federation.FrenchName()
	}
	return o
}

// writeWord writes d to w as a Word document: with prev, the version
// before d, its changes against it, by who made them (who); with nil,
// d's text alone. Revision dates are wall times in zone. Unavailable: w
// failed.
func writeWord(w io.Writer, d, prev *drafts.Draft, who *authorship, zone *time.Location) error {
	doc := docx.New(wordOptions(d, zone))
	ww := &wordWriter{doc: doc, d: d, prev: prev, who: who}
	if prev == nil {
		ww.clean()
	} else {
		ww.tracked()
	}
	b := bufio.NewWriterSize(w, 64<<10)
	_, err := doc.WriteTo(b)
	if err == nil {
		err = b.Flush()
	}
	if err != nil {
		return drafts.Wrap(drafts.Unavailable, err, "the export could not be written: %v", err)
	}
	return nil
}

type wordWriter struct {
	doc     *docx.Document
	d, prev *drafts.Draft
	who     *authorship
}

// para adds a paragraph of style st holding s.
func (w *wordWriter) para(st docx.Style, s string) {
	w.doc.Add(docx.Paragraph{Style: st, Align: align(st), Runs: []docx.Run{{Text: s}}})
}

// align is how paragraphs of style st are aligned: the body justified,
// the rest as their style says.
func align(st docx.Style) docx.Align {
	if st == docx.Normal {
		return docx.Justify
	}
	return docx.StyleAlign
}

// articleStyle is the style of every article's heading line.
const articleStyle = docx.Style("Heading6")

// articleLine is article a's heading line as the text export writes it:
// d.ArticleTitle, an article stored without its number written named by
// its key.
func articleLine(d *drafts.Draft, a *drafts.Article) string {
	if a.Number == "" {
		b := *a
		b.Number = a.Key
		return d.ArticleTitle(&b)
	}
	return d.ArticleTitle(a)
}

// clean writes d's text alone.
func (w *wordWriter) clean() {
	d := w.d
	if d.Title != "" {
		w.para(docx.Title, d.Title)
	}
	for _, p := range d.Preamble {
		w.para(docx.Normal, p)
	}
	written := 0
	divisions := func(upTo int) {
		for ; written <= upTo && written < len(d.Divisions); written++ {
			dv := d.Divisions[written]
			w.para(docx.Heading(int(dv.Level)), divisionHeading(d, dv))
		}
	}
	for i := range d.Articles {
		a := &d.Articles[i]
		divisions(a.Division)
		w.para(articleStyle, articleLine(d, a))
		for _, p := range a.Paragraphs {
			w.para(docx.Normal, p)
		}
	}
	divisions(len(d.Divisions) - 1)
}

// A side is who made the changes of one block of paragraphs: fixed, or
// by hunk of an article's body (art set).
type side struct {
	fixed author
	art   *drafts.Article
}

func (w *wordWriter) author(s side, g hunk) author {
	if s.art != nil {
		return w.who.of(s.art, g)
	}
	return s.fixed
}

// block writes the paragraphs olds of the previous version turned into
// news, in style st: wholly inserted or deleted when the other side has
// none, else with the word changes between them (their paragraphs joined
// by line feeds), a line feed inserted or deleted marking a paragraph's
// mark so.
func (w *wordWriter) block(st docx.Style, olds, news []string, s side) {
	switch {
	case len(olds) == 0:
		rev := w.rev(docx.Insertion, w.author(s, hunk{ins: strings.Join(news, "\n")}))
		for _, p := range news {
			w.doc.Add(docx.Paragraph{Style: st, Align: align(st), Runs: []docx.Run{{Text: p, Change: rev}}, Mark: rev})
		}
		return
	case len(news) == 0:
		old := strings.Join(olds, "\n")
		rev := w.rev(docx.Deletion, w.author(s, hunk{to: len(old)}))
		for _, p := range olds {
			w.doc.Add(docx.Paragraph{Style: st, Align: align(st), Runs: []docx.Run{{Text: p, Change: rev}}, Mark: rev})
		}
		return
	}
	old, new := strings.Join(olds, "\n"), strings.Join(news, "\n")
	if old == new {
		for _, p := range news {
			w.para(st, p)
		}
		return
	}
	cs := diff.Words(old, new, diff.Options{})
	hs := hunks(cs)
	p := docx.Paragraph{Style: st, Align: align(st)}
	var (
		hi       int // the hunk being written
		ins, del *docx.Revision
		open     bool
	)
	for _, c := range cs {
		var rev *docx.Revision
		switch c.Op {
		case diff.Insert, diff.Delete:
			if !open {
				who := w.author(s, hs[hi])
				ins, del = w.rev(docx.Insertion, who), w.rev(docx.Deletion, who)
				hi++
				open = true
			}
			rev = ins
			if c.Op == diff.Delete {
				rev = del
			}
		default:
			open = false
		}
		for i, part := range strings.Split(c.Text, "\n") {
			if i > 0 {
				p.Mark = rev
				w.doc.Add(p)
				p = docx.Paragraph{Style: st, Align: align(st)}
			}
			if part != "" {
				p.Runs = append(p.Runs, docx.Run{Text: part, Change: rev})
			}
		}
	}
	w.doc.Add(p)
}

// rev is a revision of kind k by a.
func (w *wordWriter) rev(k docx.RevisionKind, a author) *docx.Revision {
	return &docx.Revision{Kind: k, Author: a.name, Date: a.at}
}

// lines is s as the paragraphs of a one-line block: none when empty.
func lines(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// tracked writes d with its changes against prev, as the package's notes
// on Word say.
func (w *wordWriter) tracked() {
	d, prev := w.d, w.prev
	var fed side // unnamed and undated without authorship
	if w.who != nil {
		fed.fixed = w.who.federation
	}
	w.block(docx.Title, lines(prev.Title), lines(d.Title), fed)
	w.block(docx.Normal, prev.Preamble, d.Preamble, fed)

	rep := diff.Compare(prev, d, diff.Options{})
	oldAt := map[string]int{} // each article of prev by key
	for i := range prev.Articles {
		oldAt[prev.Articles[i].Key] = i
	}
	newAt := map[string]int{}
	matched := make([]int, len(d.Articles)) // the article of prev each of d's is, or -1
	for j := range d.Articles {
		newAt[d.Articles[j].Key] = j
		matched[j] = -1
		if i, ok := oldAt[d.Articles[j].Key]; ok {
			matched[j] = i
		}
	}
	for _, ad := range rep.Articles {
		switch ad.Kind {
		case diff.Added:
			matched[newAt[ad.NewKey]] = -1
		case diff.Renumbered, diff.Changed:
			matched[newAt[ad.NewKey]] = oldAt[ad.OldKey]
		}
	}
	removed := map[int][]int{} // prev's removed articles, by the index in d of the article they follow (-1: none)
	after := -1
	newOf := make([]int, len(prev.Articles))
	for i := range newOf {
		newOf[i] = -1
	}
	for j, i := range matched {
		if i >= 0 {
			newOf[i] = j
		}
	}
	for i := range prev.Articles {
		if newOf[i] >= 0 {
			after = newOf[i]
		} else {
			removed[after] = append(removed[after], i)
		}
	}

	// Divisions are matched by their place in the tree; a division of
	// prev no longer there is deleted where it stood, before the first
	// article of prev that came after it.
	oldKeys, newKeys := divisionKeys(prev), divisionKeys(d)
	oldDiv := map[string]int{}
	for i, k := range oldKeys {
		if _, dup := oldDiv[k]; !dup {
			oldDiv[k] = i
		}
	}
	divMatch := make([]int, len(d.Divisions))
	divKept := make([]bool, len(prev.Divisions))
	for j, k := range newKeys {
		divMatch[j] = -1
		if i, ok := oldDiv[k]; ok && !divKept[i] {
			divMatch[j], divKept[i] = i, true
		}
	}
	oldWritten := 0 // prev's divisions passed so far, in its order
	oldDivisions := func(upTo int) {
		for ; oldWritten <= upTo && oldWritten < len(prev.Divisions); oldWritten++ {
			if !divKept[oldWritten] {
				dv := prev.Divisions[oldWritten]
				w.block(docx.Heading(int(dv.Level)), []string{divisionHeading(prev, dv)}, nil, fed)
			}
		}
	}
	newWritten := 0
	newDivisions := func(upTo int) {
		for ; newWritten <= upTo && newWritten < len(d.Divisions); newWritten++ {
			dv := d.Divisions[newWritten]
			var olds []string
			if i := divMatch[newWritten]; i >= 0 {
				olds = []string{divisionHeading(prev, prev.Divisions[i])}
			}
			w.block(docx.Heading(int(dv.Level)), olds, []string{divisionHeading(d, dv)}, fed)
		}
	}
	// The divisions of d that stand for those of prev up to each: a
	// removed article comes after them, as it came after those in prev.
	upTo := make([]int, len(prev.Divisions))
	for j, i := range divMatch {
		if i >= 0 {
			upTo[i] = j + 1 // 0 for none
		}
	}
	for i := range upTo {
		if i > 0 {
			upTo[i] = max(upTo[i], upTo[i-1])
		}
	}
	writeRemoved := func(after int) {
		for _, i := range removed[after] {
			a := &prev.Articles[i]
			oldDivisions(a.Division)
			if a.Division >= 0 && a.Division < len(upTo) {
				newDivisions(upTo[a.Division] - 1)
			}
			who := side{fixed: w.who.removed(a.Key)}
			w.block(articleStyle, []string{articleLine(prev, a)}, nil, who)
			w.block(docx.Normal, a.Paragraphs, nil, who)
		}
	}
	writeRemoved(-1)
	for j := range d.Articles {
		a := &d.Articles[j]
		if i := matched[j]; i >= 0 {
			oldDivisions(prev.Articles[i].Division)
		}
		newDivisions(a.Division)
		if i := matched[j]; i >= 0 {
			old := &prev.Articles[i]
			w.block(articleStyle, []string{articleLine(prev, old)}, []string{articleLine(d, a)}, fed)
			w.block(docx.Normal, old.Paragraphs, a.Paragraphs, side{art: a})
		} else {
			who := side{fixed: w.who.added(a)}
			w.block(articleStyle, nil, []string{articleLine(d, a)}, who)
			w.block(docx.Normal, nil, a.Paragraphs, who)
		}
		writeRemoved(j)
	}
	oldDivisions(len(prev.Divisions) - 1)
	newDivisions(len(d.Divisions) - 1)
}

// divisionKeys names each division of d by its place in the tree, as
// diff.Compare matches divisions: the level and number (or heading) of it
// and of each division above it.
func divisionKeys(d *drafts.Draft) []string {
	keys := make([]string, len(d.Divisions))
	var key func(i int) string
	key = func(i int) string {
		if keys[i] != "" {
			return keys[i]
		}
		dv := &d.Divisions[i]
		name := dv.Number
		if name == "" {
			name = dv.Heading
		}
		k := dv.Level.String() + ":" + name
		if p := dv.Parent; p >= 0 && p < len(d.Divisions) && p != i {
			k = key(p) + "/" + k
		}
		keys[i] = k
		return k
	}
	for i := range d.Divisions {
		key(i)
	}
	return keys
}
