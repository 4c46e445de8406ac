package export

import (
	"bytes"
	"context"
	"io"
	"slices"
	"strings"
	"time"

	"statute/drafts"
	"statute/drafts/external"
	"statute/drafts/parse"
	"statute/drafts/round"
)

// What names what an export holds.
type What string

// The exports.
const (
	// Consolidated is the text of a version of the draft.
	Consolidated What = "consolidated"
	// Table is the comparative table of the amendments.
	Table What = "table"
)

// Format names the format of an export, as its file's extension does.
type Format string

// The formats of the exports; Available and TableAvailable say which
// can be written now.
const (
	Markdown   Format = "md"
	Text       Format = "txt"
	Word       Format = "docx"
	HTML       Format = "html"
	AkomaNtoso Format = "akn"
	PDF        Format = "pdf"
	Excel      Format = "xlsx"
	CSV        Format = "csv"
)

// Formats lists every format of the exports, those available first.
func Formats() []Format {
	return []Format{Markdown, Text, Word, HTML, AkomaNtoso, PDF, Excel, CSV}
}

// Available reports whether exports can be written in f now.
func (f Format) Available() bool {
	return f == Markdown || f == Text || f == HTML || f == Word || f == AkomaNtoso || f == PDF
}

// available names the formats the consolidated text can be written in
// now, for sentences: «md, txt or html».
func available() string { return formatList(Format.Available) }

// tableAvailable names the formats the table can be written in now.
func tableAvailable() string { return formatList(Format.TableAvailable) }

// formatList names the formats ok accepts, for sentences.
func formatList(ok func(Format) bool) string {
	var names []string
	for _, f := range Formats() {
		if ok(f) {
			names = append(names, string(f))
		}
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// A Request says what to export: the front-ends fill it from what a
// person chose.
type Request struct {
	What   What   // "" is Consolidated
	Format Format // required
	// Draft is the draft's ID, "" for the draft imported last; Version
	// the version, 0 for its latest.
	Draft   string
	Version int
	// Tracked asks for the version's changes against the version before
	// it, marked in the text (HTML, Word and PDF only).
	Tracked bool
	// Chamber, Status and Articles narrow the table to one chamber's
	// amendments (its code), to those in one status (ParseOutcome reads
	// it), and to one article or a range of them («3», «3-7»); they are
	// for the table only.
	Chamber  string
	Status   string
	Articles string
}

// TableAvailable reports whether the table of amendments can be written
// in f now.
func (f Format) TableAvailable() bool {
	return f == HTML || f == Word || f == Excel || f == CSV || f == PDF
}

// The sentences this package says.
var (
	msgUnknownWhat = drafts.NewMessage("export.unknown-what",
		"there is no export %q: export the consolidated text (consolidated) or the table of amendments (table)")
	msgUnknownFormat = drafts.NewMessage("export.unknown-format",
		"there is no export format %q: use %s for the text, %s for the table")
	msgNoFormat = drafts.NewMessage("export.no-format",
		"say which format to export in: %s")
	msgFormatUnavailable = drafts.NewMessage("export.format-unavailable",
		"the consolidated text is not written as %s: use %s (%s is for the table of amendments)")
	msgTableNoFormat = drafts.NewMessage("export.table-no-format",
		"say which format to write the table of amendments in: %s")
	msgTableFormat = drafts.NewMessage("export.table-format",
		"the table of amendments is not written as %s: use %s")
	msgTableTracked = drafts.NewMessage("export.table-tracked",
		"tracked changes are for the consolidated text: the table marks each proposal's changes already; leave them out")
	msgTrackedFormat = drafts.NewMessage("export.tracked-format",
		"the text with tracked changes is written in html, docx or pdf only: export it in one of them, or export the %s text without them")
	msgTrackedFirst = drafts.NewMessage("export.tracked-first-version",
		"draft %s version 1 has no version before it to track changes against: export version 1 without tracked changes, or choose a later version")
	msgFilterUnavailable = drafts.NewMessage("export.filter-unavailable",
		"choosing amendments by chamber, status or article is for the table of amendments (table): export the consolidated text without them")
	msgArticleReadsBack = drafts.NewMessage("export.article-reads-back",
		"article %s of draft %s version %d would not import back as it is stored: its line «%s» reads as a heading, or as Markdown markup alone; the export is refused rather than written wrong")
	msgHeadingReadsBack = drafts.NewMessage("export.heading-reads-back",
		"article %s of draft %s version %d would not import back as it is stored: its heading «%s» does not read as its heading (is the article word written in its number?); the export is refused rather than written wrong")
	msgDraftReadsBack = drafts.NewMessage("export.draft-reads-back",
		"draft %s version %d would not import back as it is stored: its title, preamble or divisions read differently; the export is refused rather than written wrong")
)

// Check refuses, as Invalid, a request that names no known export or
// format, or one not available yet, with a sentence that says what is.
func (q Request) Check() error {
	switch q.What {
	case "", Consolidated:
	case Table:
		return q.checkTable()
	default:
		return msgUnknownWhat.Err(drafts.Invalid, q.What)
	}
	switch {
	case q.Format == "":
		return msgNoFormat.Err(drafts.Invalid, available())
	case !slices.Contains(Formats(), q.Format):
		return msgUnknownFormat.Err(drafts.Invalid, q.Format, available(), tableAvailable())
	case !q.Format.Available():
		return msgFormatUnavailable.Err(drafts.Invalid, q.Format, available(), q.Format)
	case q.Tracked && q.Format != HTML && q.Format != Word && q.Format != PDF:
		return msgTrackedFormat.Err(drafts.Invalid, q.Format)
	case q.Chamber != "" || q.Status != "" || q.Articles != "":
		return msgFilterUnavailable.Err(drafts.Invalid)
	}
	return nil
}

// checkTable is Check for the table of amendments: its formats, and its
// chamber and status read (the range of articles is read against the
// draft, by BuildComparison).
func (q Request) checkTable() error {
	switch {
	case q.Format == "":
		return msgTableNoFormat.Err(drafts.Invalid, tableAvailable())
	case !slices.Contains(Formats(), q.Format):
		return msgUnknownFormat.Err(drafts.Invalid, q.Format, available(), tableAvailable())
	case !q.Format.TableAvailable():
		return msgTableFormat.Err(drafts.Invalid, q.Format, tableAvailable())
	case q.Tracked:
		return msgTableTracked.Err(drafts.Invalid)
	}
	_, err := tableFilter(q)
	return err
}

// Preflight is what a front-end asks before it asks where to write an
// export: whether Write would refuse q for what q asks rather than for
// what writing it finds. Its errors are Check's; the store's NotFound (no
// such draft or version); Invalid when q.Tracked asks for version 1,
// which has no version before it. Write refuses by the same code, so an
// export Preflight lets through fails only while it is written (a text
// that would not import back, a range of articles the draft lacks, a PDF
// converter missing, a file that cannot be written).
func Preflight(r *round.Round, q Request) error {
	_, err := preflight(r, q)
	return err
}

// preflight is Preflight, returning the version q asks for.
func preflight(r *round.Round, q Request) (*drafts.Draft, error) {
	if err := q.Check(); err != nil {
		return nil, err
	}
	d, err := version(r, q.Draft, q.Version)
	if err != nil {
		return nil, err
	}
	if q.Tracked && d.Version <= 1 {
		return nil, msgTrackedFirst.Err(drafts.Invalid, d.ID)
	}
	return d, nil
}

// A Result says what was exported.
type Result struct {
	// Draft is the version exported.
	Draft *drafts.Draft
	// ArticleWord, when set, is the word import must be told heads the
	// articles (statutectl import --article-word) to read the export
	// back: a word import does not find by itself, such as «البند».
	ArticleWord string
	// Rows is the number of rows of a table of amendments.
	Rows int
}

// Write writes to w what q asks, read from the round's store: the
// consolidated text of version q.Version of draft q.Draft, with its
// changes against the version before when q.Tracked (HTML, Word, PDF;
// each change credited from the round's amendments and decisions, as the
// package's notes on Word say, and in Word dated, in the machine's local
// time), or with the amendments made on it (Akoma Ntoso: AKNOf,
// WriteAKN); or, for Table, the comparative table of the amendments made
// on that version (BuildComparison, WriteComparison). Nothing is written
// when it is refused. The errors are Preflight's and BuildComparison's;
// Invalid when the text would not import back as it is stored (md, txt);
// Unavailable when w fails
// (WriteDraft), or for a PDF those of PDFOf (no converter installed, or
// one that failed).
func Write(r *round.Round, w io.Writer, q Request) (*Result, error) {
	return write(r, w, q, time.Local)
}

// write is Write, with Word's revision dates written as wall times in
// zone.
func write(r *round.Round, w io.Writer, q Request, zone *time.Location) (*Result, error) {
	d, err := preflight(r, q)
	if err != nil {
		return nil, err
	}
	if q.What == Table {
		c, err := BuildComparison(r, q)
		if err != nil {
			return nil, err
		}
		if err := WriteComparison(w, c, q.Format); err != nil {
			return nil, err
		}
		return &Result{Draft: c.Draft, Rows: len(c.Rows)}, nil
	}
	switch {
	case q.Format == AkomaNtoso:
		k, err := AKNOf(r, d)
		if err != nil {
			return nil, err
		}
		if err := WriteAKN(w, k); err != nil {
			return nil, err
		}
		return &Result{Draft: d}, nil
	case !q.Tracked:
		return WriteDraft(w, d, q.Format)
	}
	prev, err := r.Store().DraftVersion(d.ID, d.Version-1)
	if err != nil {
		return nil, err
	}
	who, err := newAuthorship(r, d, prev)
	if err != nil {
		return nil, err
	}
	if q.Format == Word {
		err = writeWord(w, d, prev, who, zone)
	} else {
		page := func(w io.Writer) error { return writeHTML(w, d, prev, who) }
		if q.Format == PDF {
			err = PDFOf(context.Background(), w, external.System(), page)
		} else {
			err = page(w)
		}
	}
	if err != nil {
		return nil, err
	}
	return &Result{Draft: d}, nil
}

// version is version v of draft id: "" the draft imported last, 0 its
// latest version.
func version(r *round.Round, id string, v int) (*drafts.Draft, error) {
	s := r.Store()
	var (
		d   *drafts.Draft
		err error
	)
	if id == "" {
		d, err = r.Latest()
	} else {
		d, err = s.Draft(drafts.NormalizeID(id))
	}
	if err != nil || v == 0 || v == d.Version {
		return d, err
	}
	return s.DraftVersion(d.ID, v)
}

// WriteDraft writes d's text to w in format f: Markdown or Text once it
// has read the text back as import does and found the same draft; HTML,
// which import does not read, as WriteHTML writes it; PDF, that page
// printed (PDFOf); Word as the package's notes on Word say; Akoma Ntoso as
// WriteAKN writes the act alone, without amendments. Invalid: f is not
// available, or the text would import as another draft (a line of an
// article that reads as a heading), the article and the line named;
// nothing is written then. Unavailable: w failed, or PDFOf did.
func WriteDraft(w io.Writer, d *drafts.Draft, f Format) (*Result, error) {
	if err := (Request{Format: f}).Check(); err != nil {
		return nil, err
	}
	switch f {
	case HTML:
		if err := WriteHTML(w, d, nil); err != nil {
			return nil, err
		}
		return &Result{Draft: d}, nil
	case PDF:
		page := func(w io.Writer) error { return WriteHTML(w, d, nil) }
		if err := PDFOf(context.Background(), w, external.System(), page); err != nil {
			return nil, err
		}
		return &Result{Draft: d}, nil
	case Word:
		if err := writeWord(w, d, nil, nil, time.Local); err != nil {
			return nil, err
		}
		return &Result{Draft: d}, nil
	case AkomaNtoso:
		if err := WriteAKN(w, AKN{Draft: d}); err != nil {
			return nil, err
		}
		return &Result{Draft: d}, nil
	}
	var text []byte
	if f == Markdown {
		text = parse.Format(d)
	} else {
		text = plain(d)
	}
	res, err := readsBack(d, text)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(text); err != nil {
		return nil, drafts.Wrap(drafts.Unavailable, err, "the export could not be written: %v", err)
	}
	return res, nil
}

// plain writes d as plain text: the Markdown of parse.Format without its
// marks, an article's paragraphs one a line under its heading.
func plain(d *drafts.Draft) []byte {
	var b bytes.Buffer
	b.Grow(64 * len(d.Articles))
	line := func(s string) {
		b.WriteString(s)
		b.WriteByte('\n')
	}
	if d.Title != "" {
		line(d.Title)
		b.WriteByte('\n')
	}
	for _, p := range d.Preamble {
		line(p)
	}
	if len(d.Preamble) > 0 {
		b.WriteByte('\n')
	}
	written := 0 // divisions written so far, in document order
	divisions := func(upTo int) {
		for ; written <= upTo && written < len(d.Divisions); written++ {
			line(divisionHeading(d, d.Divisions[written]))
			b.WriteByte('\n')
		}
	}
	for i := range d.Articles {
		a := &d.Articles[i]
		divisions(a.Division)
		n := a.Number
		if n == "" {
			n = a.Key
		}
		h := d.Word() + " " + n
		if a.Heading != "" {
			h += ": " + a.Heading
		}
		line(h)
		for _, p := range a.Paragraphs {
			line(p)
		}
		b.WriteByte('\n')
	}
	divisions(len(d.Divisions) - 1)
	out := bytes.TrimRight(b.Bytes(), "\n")
	if len(out) == 0 {
		return out
	}
	return append(out, '\n')
}

// divisionHeading is the division's heading line as written, or one made
// from its level, number and title, as parse.Format writes it.
func divisionHeading(d *drafts.Draft, dv drafts.Division) string {
	if dv.Heading != "" {
		return dv.Heading
	}
	word := dv.Level.Arabic()
	if d.Language == "fr" {
		word = dv.Level.French()
	}
	h := strings.TrimSpace(word + " " + dv.Number)
	if dv.Title != "" {
		h += ": " + dv.Title
	}
	return h
}

// readsBack parses text as import does and checks that it gives d: with
// the article word import finds by itself, else with d's own. When it
// does not, the first article that does not read back on its own is
// named, with the line at fault.
func readsBack(d *drafts.Draft, text []byte) (*Result, error) {
	again, err := parse.Parse(text, parse.Options{})
	if same(d, again, err) {
		return &Result{Draft: d}, nil
	}
	if d.ArticleWord != "" {
		if forced, err := parse.Parse(text, parse.Options{ArticleWord: d.ArticleWord}); same(d, forced, err) {
			return &Result{Draft: d, ArticleWord: d.ArticleWord}, nil
		}
	}
	for i := range d.Articles {
		a := &d.Articles[i]
		if !readsAlone(d, a, a.Paragraphs) {
			heading := d.ArticleTitle(a)
			if !readsAlone(d, a, a.Paragraphs[:min(1, len(a.Paragraphs))]) {
				return nil, msgHeadingReadsBack.Err(drafts.Invalid, number(a), d.ID, d.Version, heading)
			}
			for _, p := range a.Paragraphs[1:] {
				if !readsAlone(d, a, []string{a.Paragraphs[0], p}) {
					return nil, msgArticleReadsBack.Err(drafts.Invalid, number(a), d.ID, d.Version, p)
				}
			}
			return nil, msgArticleReadsBack.Err(drafts.Invalid, number(a), d.ID, d.Version, a.Paragraphs[0])
		}
	}
	return nil, msgDraftReadsBack.Err(drafts.Invalid, d.ID, d.Version)
}

// number is how an article is named in a sentence: its number as
// written, else its key.
func number(a *drafts.Article) string {
	if a.Number != "" {
		return a.Number
	}
	return a.Key
}

// same reports whether again, read back from d's export (err the error of
// reading it), is d: same title, language, article word, preamble and
// divisions, and the same articles (key, number, heading, paragraphs,
// division) in the same order.
func same(d, again *drafts.Draft, err error) bool {
	if err != nil || d.Title != again.Title || d.Word() != again.Word() || d.Language != again.Language ||
		!slices.Equal(d.Preamble, again.Preamble) || !slices.Equal(d.Divisions, again.Divisions) ||
		len(d.Articles) != len(again.Articles) {
		return false
	}
	for i := range d.Articles {
		a, b := &d.Articles[i], &again.Articles[i]
		if a.Key != b.Key || a.Number != b.Number || a.Heading != b.Heading || a.Division != b.Division ||
			!slices.Equal(a.Paragraphs, b.Paragraphs) {
			return false
		}
	}
	return true
}

// readsAlone reports whether article a, with the paragraphs ps, reads
// back as itself when it is the only article of a draft: its heading
// line as its heading, and each of ps as one of its paragraphs.
func readsAlone(d *drafts.Draft, a *drafts.Article, ps []string) bool {
	var b strings.Builder
	b.WriteString("x\n")
	b.WriteString(d.ArticleTitle(a))
	b.WriteByte('\n')
	for _, p := range ps {
		b.WriteString(p)
		b.WriteByte('\n')
	}
	alone, err := parse.ParseString(b.String(), parse.Options{ArticleWord: d.Word()})
	if err != nil || len(alone.Articles) != 1 {
		return false
	}
	r := &alone.Articles[0]
	return r.Key == a.Key && r.Number == number(a) && r.Heading == a.Heading && slices.Equal(r.Paragraphs, ps)
}
