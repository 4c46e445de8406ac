package export

import (
	"cmp"
	"context"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"statute/drafts"
	"statute/drafts/diff"
	"statute/drafts/external"
	"statute/drafts/parse"
	"statute/drafts/review"
	"statute/drafts/round"
)

// The comparative table (الجدول المقارن) is what the general assembly and
// the federation's staff read to review a round: one row per proposal to a
// version of the draft, in the order of the text, with the article's
// wording in that version beside the proposed one, its changes marked word
// by word, who proposed it and why, and what the federation decided.
//
// The table is built once, as a Comparison, and each format writes that:
// no rule of what goes in it, or in what order, belongs to a format.

// A Comparison is the comparative table of one version of a draft.
type Comparison struct {
	// Draft is the version whose amendments the table holds, and whose
	// wording it shows as the current text.
	Draft *drafts.Draft
	// Filters says, in the draft's language, which amendments the table
	// was narrowed to, one phrase each («الغرفة: FM (فاس مكناس)»); none
	// when it holds all.
	Filters []string
	// Rows are the proposals, in the order of the text.
	Rows []ComparisonRow
}

// A ComparisonRow is one proposal: one amendment, or several identical
// ones from different chambers (review.Group says which are identical).
type ComparisonRow struct {
	// Key is the key of the article the proposal amends, or, for a new
	// article, of the article it follows.
	Key string
	// Article names it as people read it: «المادة 3», «المادة 5 (نسخ)»,
	// «مادة جديدة (3 مكررة) بعد المادة 3».
	Article string
	Kind    drafts.AmendmentKind
	// Current is the article's wording in the version (or, for a stale
	// proposal made on an earlier version, in that one), its paragraphs
	// one a line; empty for a new article.
	Current string
	// Proposed is the proposed wording as it would read, its paragraphs
	// one a line; empty for a repeal.
	Proposed string
	// Changes turn Current into Proposed word by word: a repeal deletes
	// it all, a new article inserts it all.
	Changes []diff.Change
	// Chambers made the proposal, each once, oldest amendment first.
	Chambers []ComparisonChamber
	// Justifications are the chambers' own reasons; chambers that gave
	// the same words share one.
	Justifications []Justification
	// Decisions are what the federation decided on the row's amendments;
	// amendments decided alike (same outcome, note, wording and day)
	// share one, and an undecided amendment has one saying so.
	Decisions []ComparisonDecision
}

// A ComparisonChamber is a chamber that made a row's proposal, with the
// IDs of its amendments in it.
type ComparisonChamber struct {
	Code string
	// Name is the region's name in the draft's language: «فاس مكناس»;
	// the federation's name for a synthesis it wrote.
	Name       string
	Amendments []string
}

// A Justification is the reason given by one or more chambers.
type Justification struct {
	Chambers []string // codes
	Text     string
}

// A ComparisonDecision is where some of a row's amendments stand.
type ComparisonDecision struct {
	Chambers []string // the codes of the chambers whose amendments it is
	Outcome  Outcome
	// Verdict says the outcome in the draft's language: «مقبول»,
	// «حلّ محله التعديل FED-…».
	Verdict string
	// By names who decided, in the draft's language; empty when
	// undecided or withdrawn. At is when, in UTC (zero then too).
	By string
	At time.Time
	// Note is the federation's note; Text the wording it adopted, for an
	// acceptance with changes.
	Note, Text string
}

// Outcome is where an amendment stands, as the table and its filter by
// status (Request.Status) say it.
type Outcome string

// The outcomes of an amendment the federation can see.
const (
	// Undecided: submitted, and not decided yet.
	Undecided Outcome = "undecided"
	// Accepted: taken as proposed, or (for the federation's synthesis)
	// adopted in place of the amendments it replaces.
	Accepted Outcome = "accepted"
	// AcceptedWithChanges: taken in the wording the staff edited.
	AcceptedWithChanges Outcome = "accepted-with-changes"
	// Rejected: not taken.
	Rejected Outcome = "rejected"
	// Withdrawn: taken back by its chamber.
	Withdrawn Outcome = "withdrawn"
	// Superseded: replaced by the federation's synthesis.
	Superseded Outcome = "superseded"
)

// Outcomes lists the outcomes, as a filter by status names them.
func Outcomes() []Outcome {
	return []Outcome{Undecided, Accepted, AcceptedWithChanges, Rejected, Withdrawn, Superseded}
}

// statusWords are the other words people use for an outcome: the status
// an undecided amendment has in the store, and the verbs of
// statutectl decide.
var statusWords = map[string]Outcome{
	"submitted": Undecided, "pending": Undecided,
	"accept": Accepted, "accept-with-changes": AcceptedWithChanges,
	"reject": Rejected, "withdraw": Withdrawn, "supersede": Superseded,
}

// ParseOutcome reads a status as a person types it for the table:
// undecided (or submitted), accepted, accepted-with-changes, rejected,
// withdrawn or superseded, or the verb statutectl decide takes. Invalid:
// another word; the sentence lists the statuses.
func ParseOutcome(s string) (Outcome, error) {
	w := strings.ToLower(strings.TrimSpace(s))
	if o := Outcome(w); slices.Contains(Outcomes(), o) {
		return o, nil
	}
	if o, ok := statusWords[w]; ok {
		return o, nil
	}
	return "", msgTableStatus.Err(drafts.Invalid, s)
}

// matches reports whether an amendment of outcome o passes a filter by
// status f: accepted takes in an acceptance with changes.
func (o Outcome) matches(f Outcome) bool {
	return o == f || f == Accepted && o == AcceptedWithChanges
}

// outcome is where amendment a stands, given its current decision dec.
func outcome(a *drafts.Amendment, dec *drafts.Decision) Outcome {
	switch {
	case a.Status == drafts.StatusWithdrawn:
		return Withdrawn
	case dec == nil:
		return Undecided
	}
	switch dec.Verdict {
	case drafts.Accept:
		return Accepted
	case drafts.AcceptWithChanges:
		return AcceptedWithChanges
	case drafts.Reject:
		return Rejected
	}
	if dec.Amendment == a.ID {
		return Accepted // the synthesis itself, adopted
	}
	return Superseded
}

// The sentences of the table.
var (
	msgTableStatus = drafts.NewMessage("export.table-status",
		"there is no status %q for the table: use undecided (or submitted), accepted, accepted-with-changes, rejected, withdrawn or superseded")
	msgTableChamber = drafts.NewMessage("export.table-chamber",
		"there is no chamber %q: use one of TTA, ORI, FM, RSK, BMK, CS, MS, DT, SM, GON, LSH, DOD, or FED for the federation's own amendments")
	msgTableArticles = drafts.NewMessage("export.table-articles",
		"«%s» is neither an article nor a range of articles: give one article as 3, or a range as 3-7")
	msgTableBackwards = drafts.NewMessage("export.table-articles-backwards",
		"the range of articles %s runs backwards: %s comes after %s in the draft; give the first article first")
)

// A filter is what a Request narrows the table to, read and checked.
type filter struct {
	chamber string  // a code, or ""
	status  Outcome // or ""
}

// tableFilter reads q's chamber and status. Invalid: an unknown chamber
// or status, with a sentence listing those there are.
func tableFilter(q Request) (filter, error) {
	var f filter
	if strings.TrimSpace(q.Chamber) != "" {
		c, err := drafts.ChamberByCode(q.Chamber)
		if err != nil {
			return f, msgTableChamber.Err(drafts.Invalid, q.Chamber)
		}
		f.chamber = c.Code
	}
	if strings.TrimSpace(q.Status) != "" {
		o, err := ParseOutcome(q.Status)
		if err != nil {
			return f, err
		}
		f.status = o
	}
	return f, nil
}

// ArticleRange reads a range of d's articles as a person types it: one
// article («3», «7 مكررة», «الأولى») or two joined by a dash («3-7»), and
// returns the positions in d.Articles of the first and the last. Where a
// dash is part of a number («2-1», the article inserted after 2), a range
// is read first when both its ends are articles of d. Invalid: neither;
// a range that runs backwards. NotFound: an article d lacks, an end of a
// range first (parse.Find's sentence, naming the closest).
func ArticleRange(d *drafts.Draft, s string) (int, int, error) {
	pos := func(a *drafts.Article) int {
		return slices.IndexFunc(d.Articles, func(b drafts.Article) bool { return b.Key == a.Key })
	}
	s = strings.TrimSpace(s)
	var missing error
	for _, dash := range []string{"-", "–", "—", "..", "إلى"} {
		for i := strings.Index(s, dash); i > 0; {
			from, ferr := parse.Find(d, s[:i])
			to, terr := parse.Find(d, s[i+len(dash):])
			if ferr == nil && terr == nil {
				if pos(from) > pos(to) {
					return 0, 0, msgTableBackwards.Err(drafts.Invalid, s, strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+len(dash):]))
				}
				return pos(from), pos(to), nil
			}
			for _, err := range []error{ferr, terr} {
				if drafts.IsKind(err, drafts.NotFound) && missing == nil {
					missing = err
				}
			}
			j := strings.Index(s[i+len(dash):], dash)
			if j < 0 {
				break
			}
			i += len(dash) + j
		}
	}
	a, err := parse.Find(d, s)
	switch {
	case err == nil:
		return pos(a), pos(a), nil
	case missing != nil:
		return 0, 0, missing
	case drafts.IsKind(err, drafts.NotFound):
		return 0, 0, err
	}
	return 0, 0, msgTableArticles.Err(drafts.Invalid, s)
}

// BuildComparison builds the comparative table q asks for, from the
// round's store: the amendments made on version q.Version of draft q.Draft
// (its latest by default) that the federation can see (submitted,
// withdrawn, decided; never a chamber's unsubmitted draft), narrowed to
// q.Chamber's, to those in status q.Status and to the articles q.Articles
// names, identical proposals grouped into one row. Amendments made on an
// earlier version are in that version's table, and in this one too while
// they wait for a decision: carried onto this version's wording as
// consolidation would apply them (round.Rebase), or, when their change
// collides with the article's later changes, shown against the wording
// they were made on; the article's cell says so. Those whose article this
// version no longer has are not in it.
//
// Rows follow the text: an article's proposals of new wording and its
// repeal, then the new articles proposed after it; among those, the
// oldest proposal first.
//
// Invalid: a chamber, status or range of articles that is not one.
// NotFound: no such draft, version or article. The store's errors.
func BuildComparison(r *round.Round, q Request) (*Comparison, error) {
	f, err := tableFilter(q)
	if err != nil {
		return nil, err
	}
	d, err := version(r, q.Draft, q.Version)
	if err != nil {
		return nil, err
	}
	first, last := 0, len(d.Articles)-1
	if strings.TrimSpace(q.Articles) != "" {
		if first, last, err = ArticleRange(d, q.Articles); err != nil {
			return nil, err
		}
	}
	// The federation's own drafts pass the filter by viewer too: they are
	// left out below, as every chamber's are.
	as, err := r.Store().Amendments(drafts.AmendmentFilter{
		DraftID: d.ID, Chamber: f.chamber, Viewer: drafts.FederationCode,
	})
	if err != nil {
		return nil, err
	}
	_, current, err := r.Log(d.ID)
	if err != nil {
		return nil, err
	}
	at := make(map[string]int, len(d.Articles))
	for i := range d.Articles {
		at[d.Articles[i].Key] = i
	}
	shown := map[string]shownAs{}
	kept := as[:0]
	for i := range as {
		a := as[i]
		o := outcome(&a, current[a.ID])
		if a.Status == drafts.StatusDraft || a.DraftVersion > d.Version || f.status != "" && !o.matches(f.status) {
			continue
		}
		if a.DraftVersion < d.Version {
			// Made on an earlier version: in this table while it waits
			// for a decision, shown as consolidation would apply it.
			if o != Undecided {
				continue
			}
			rb, err := r.Rebase(d, &a)
			if err != nil {
				return nil, err
			}
			if rb.Key == "" {
				continue // its article is no longer in this version
			}
			shown[a.ID] = shownAs{base: rb.Base, from: a.DraftVersion, stale: rb.Stale}
			a.Article, a.Text = rb.Key, rb.Text
		}
		if p, ok := at[a.Article]; !ok || p < first || p > last {
			continue
		}
		kept = append(kept, a)
	}
	slices.SortStableFunc(kept, func(a, b drafts.Amendment) int {
		return cmp.Or(
			cmp.Compare(at[a.Article], at[b.Article]),
			cmp.Compare(inserts(a), inserts(b)),
			a.Created.Compare(b.Created),
			strings.Compare(a.ID, b.ID),
		)
	})
	w := wordsFor(d)
	c := &Comparison{Draft: d, Filters: w.filters(d, f, q.Articles, first, last)}
	entries := review.Group(kept)
	c.Rows = make([]ComparisonRow, 0, len(entries))
	for _, e := range entries {
		c.Rows = append(c.Rows, w.row(d, e, current, shown))
	}
	return c, nil
}

// shownAs is how an amendment made on an earlier version than the
// table's is shown: its change against base, the article's wording in
// the table's version where it was carried onto it, or the wording it was
// made on in version from when it is stale (its change collides with the
// article's later ones).
type shownAs struct {
	base  string
	from  int
	stale bool
}

// WriteComparison writes the table c to w in format f: HTML, Word, XLSX
// or CSV. Invalid: the table is not written in f (yet). Unavailable: w
// failed.
func WriteComparison(w io.Writer, c *Comparison, f Format) error {
	if err := (Request{What: Table, Format: f}).Check(); err != nil {
		return err
	}
	switch f {
	case Word:
		return WriteComparisonDOCX(w, c)
	case Excel:
		return WriteComparisonXLSX(w, c)
	case CSV:
		return WriteComparisonCSV(w, c)
	case PDF:
		page := func(w io.Writer) error { return WriteComparisonHTML(w, c) }
		doc := func(w io.Writer) error { return WriteComparisonDOCX(w, c) }
		return PDFOfDocument(context.Background(), w, external.System(), page, doc)
	}
	return WriteComparisonHTML(w, c)
}

// inserts is 1 for a new article, which comes after the proposals to the
// article it follows, 0 for those.
func inserts(a drafts.Amendment) int {
	if a.Kind == drafts.Insert {
		return 1
	}
	return 0
}

// row is the table's row of the proposal e.
func (w *tableWords) row(d *drafts.Draft, e review.Entry, current map[string]*drafts.Decision, shown map[string]shownAs) ComparisonRow {
	a := &e.Amendments[0]
	art := d.Article(a.Article)
	row := ComparisonRow{Key: a.Article, Kind: a.Kind, Article: w.article(d, art, a)}
	base := art.Text()
	if sh, ok := shown[a.ID]; ok {
		base = sh.base
		row.Article += w.madeOn(sh)
	}
	if a.Kind != drafts.Insert {
		row.Current = base
	}
	if a.Kind != drafts.Repeal {
		row.Proposed = drafts.NormalizeParagraphs(a.Text)
	}
	row.Changes = diff.OfAmendment(base, a, diff.Options{})
	for _, code := range e.Chambers {
		ch := ComparisonChamber{Code: code, Name: code}
		if c, err := drafts.ChamberByCode(code); err == nil {
			ch.Name = w.region(c)
		}
		for i := range e.Amendments {
			if b := &e.Amendments[i]; b.Chamber == code {
				ch.Amendments = append(ch.Amendments, b.ID)
				if why := strings.TrimSpace(b.Justification); why != "" {
					row.Justifications = addJustification(row.Justifications, code, why)
				}
			}
		}
		row.Chambers = append(row.Chambers, ch)
	}
	for i := range e.Amendments {
		b := &e.Amendments[i]
		row.Decisions = addDecision(row.Decisions, w.decision(b, current[b.ID]))
	}
	return row
}

// addJustification adds chamber code's reason why to js, sharing the
// entry of a chamber that gave the same words.
func addJustification(js []Justification, code, why string) []Justification {
	for i := range js {
		if js[i].Text == why {
			if !slices.Contains(js[i].Chambers, code) {
				js[i].Chambers = append(js[i].Chambers, code)
			}
			return js
		}
	}
	return append(js, Justification{Chambers: []string{code}, Text: why})
}

// addDecision adds dc to ds, sharing the entry of a decision alike: same
// outcome and verdict, by the same, the same day, with the same note and
// wording (DecideAll decides identical proposals by one entry each).
func addDecision(ds []ComparisonDecision, dc ComparisonDecision) []ComparisonDecision {
	for i := range ds {
		o := &ds[i]
		if o.Outcome == dc.Outcome && o.Verdict == dc.Verdict && o.By == dc.By && o.Note == dc.Note && o.Text == dc.Text &&
			o.At.Format(time.DateOnly) == dc.At.Format(time.DateOnly) {
			for _, c := range dc.Chambers {
				if !slices.Contains(o.Chambers, c) {
					o.Chambers = append(o.Chambers, c)
				}
			}
			if dc.At.After(o.At) {
				o.At = dc.At
			}
			return ds
		}
	}
	return append(ds, dc)
}

// decision is where amendment a stands, dec its current decision.
func (w *tableWords) decision(a *drafts.Amendment, dec *drafts.Decision) ComparisonDecision {
	o := outcome(a, dec)
	dc := ComparisonDecision{Chambers: []string{a.Chamber}, Outcome: o, Verdict: w.outcomes[o]}
	if dec == nil || o == Withdrawn {
		return dc
	}
	dc.At, dc.Note, dc.Text = dec.At.UTC(), dec.Note, dec.Text
	dc.By = dec.By
	if c, err := drafts.ChamberByCode(dec.By); err == nil {
		dc.By = w.region(c)
	}
	switch {
	case o == Superseded:
		dc.Verdict = w.supersededBy + " " + dec.Amendment
	case dec.Verdict == drafts.Supersede:
		dc.Verdict = w.adoptedFor + " " + strings.Join(dec.Replaces, w.comma)
	}
	return dc
}

// tableWords are the words of the table in a draft's language.
type tableWords struct {
	lang string // the draft's language: "ar" or "fr"
	// Headers are the columns' headings, in the order of the columns:
	// article, current text, proposed text, chambers, justification,
	// decision and note.
	headers                  [6]string
	title, version           string
	outcomes                 map[Outcome]string
	supersededBy, adoptedFor string
	comma, list              string // between IDs; between a list's items
	newArticle               func(word, number, after string) string
	repeal                   string
	madeOnVersion, stale     string // a proposal made on an earlier version
	chamber, status, range_  string
	note, adopted            string
	legendIns, legendDel     string
	changesIns, changesDel   string // the CSV's spelled-out changes
	empty                    string // a table with no row
	federation               string
}

var arabicWords = tableWords{
	lang:         "ar",
	headers:      [6]string{"المادة", "النص الحالي", "النص المقترح (التغييرات معلمة)", "الغرفة", "التعليل", "القرار والملاحظة"},
	title:        "الجدول المقارن للتعديلات المقترحة",
	version:      "الإصدار",
	outcomes:     map[Outcome]string{Undecided: "لم يُبتّ فيه بعد", Accepted: "مقبول", AcceptedWithChanges: "مقبول مع تعديل", Rejected: "مرفوض", Withdrawn: "مسحوب من طرف الغرفة", Superseded: "حلّ محله تعديل تركيبي"},
	supersededBy: "حلّ محله التعديل",
	adoptedFor:   "معتمد بدلا من",
	comma:        "، ",
	list:         "؛ ",
	newArticle: func(word, number, after string) string {
		noun := strings.TrimPrefix(word, "ال")
		adj := " جديد "
		if strings.HasSuffix(noun, "ة") {
			adj = " جديدة "
		}
		return noun + adj + "(" + number + ") بعد " + after
	},
	repeal:        " (نسخ)",
	madeOnVersion: "مقترح على الإصدار ",
	stale:         "، يتعارض مع تغييرات لاحقة للمادة، ومعروض على صيغتها التي اقترح عليها",
	chamber:       "الغرفة: ",
	status:        "الوضعية: ",
	range_:        "المواد: ",
	note:          "ملاحظة: ",
	adopted:       "الصيغة المعتمدة: ",
	legendIns:     "كلمات مضافة: تحتها خط وبخط غليظ",
	legendDel:     "كلمات محذوفة: مشطوب عليها وبخط مائل داخل إطار منقط",
	changesIns:    "[+ ",
	changesDel:    "[- ",
	empty:         "لا يوجد أي تعديل يستجيب لهذه الشروط.",
	federation:    "الجامعة",
}

var frenchWords = tableWords{
	lang:         "fr",
	headers:      [6]string{"Article", "Texte actuel", "Texte proposé (modifications marquées)", "Chambre", "Justification", "Décision et observation"},
	title:        "Tableau comparatif des amendements proposés",
	version:      "Version",
	outcomes:     map[Outcome]string{Undecided: "non encore décidé", Accepted: "accepté", AcceptedWithChanges: "accepté avec modifications", Rejected: "rejeté", Withdrawn: "retiré par la chambre", Superseded: "remplacé par un amendement de synthèse"},
	supersededBy: "remplacé par l'amendement",
	adoptedFor:   "adopté à la place de",
	comma:        ", ",
	list:         " ; ",
	newArticle: func(word, number, after string) string {
		return "Nouvel article (" + number + ") après " + after
	},
	repeal:        " (abrogation)",
	madeOnVersion: "proposé sur la version ",
	stale:         ", en conflit avec des modifications ultérieures de l'article, et présenté sur la rédaction où il a été proposé",
	chamber:       "Chambre : ",
	status:        "Statut : ",
	range_:        "Articles : ",
	note:          "Observation : ",
	adopted:       "Rédaction adoptée : ",
	legendIns:     "mots ajoutés : soulignés et en gras",
	legendDel:     "mots supprimés : barrés, en italique, dans un cadre pointillé",
	changesIns:    "[+ ",
	changesDel:    "[- ",
	empty:         "Aucun amendement ne répond à ces conditions.",
	federation:    "la Fédération",
}

// wordsFor is the table's words in d's language.
func wordsFor(d *drafts.Draft) *tableWords {
	if d.Language == "fr" {
		return &frenchWords
	}
	return &arabicWords
}

// region names a chamber by its region, the federation by its name.
func (w *tableWords) region(c drafts.Chamber) string {
	switch {
	case c.Code == drafts.FederationCode:
		return w.federation
	case w.lang == "fr":
		return c.French
	}
	return c.Region
}

// article names the article a proposes to change, as a reader of the
// draft reads it.
func (w *tableWords) article(d *drafts.Draft, art *drafts.Article, a *drafts.Amendment) string {
	name := d.Word() + " " + number(art)
	switch a.Kind {
	case drafts.Insert:
		after := name
		if w.lang == "fr" {
			after = "l'" + strings.ToLower(name)
		}
		return w.newArticle(d.Word(), a.NewNumber, after)
	case drafts.Repeal:
		return name + w.repeal
	}
	return name
}

// madeOn says, after the article, that the row's proposal was made on an
// earlier version, and when it is shown against that version's wording.
func (w *tableWords) madeOn(sh shownAs) string {
	s := " (" + w.madeOnVersion + strconv.Itoa(sh.from)
	if sh.stale {
		s += w.stale
	}
	return s + ")"
}

// filters says which amendments the table was narrowed to.
func (w *tableWords) filters(d *drafts.Draft, f filter, articles string, first, last int) []string {
	var out []string
	if f.chamber != "" {
		c, _ := drafts.ChamberByCode(f.chamber) // checked by tableFilter
		out = append(out, w.chamber+c.Code+" ("+w.region(c)+")")
	}
	if f.status != "" {
		out = append(out, w.status+w.outcomes[f.status])
	}
	if strings.TrimSpace(articles) != "" {
		s := w.range_ + number(&d.Articles[first])
		if last != first {
			s += " – " + number(&d.Articles[last])
		}
		out = append(out, s)
	}
	return out
}

// chamberLine is each of a row's chambers, its amendments' IDs on a line
// of their own: «FM (فاس مكناس)», then «FM-…». An ID wrapped in a narrow
// column broke at its dash, and its halves read in the wrong order in a
// right-to-left line («-SM 0001»).
func (w *tableWords) chamberLine(row *ComparisonRow) []string {
	lines := make([]string, len(row.Chambers))
	for i, c := range row.Chambers {
		lines[i] = c.Code + " (" + c.Name + ")\n" + strings.Join(c.Amendments, w.comma)
	}
	return lines
}

// justificationLines are a row's justifications, each prefixed by its
// chambers when several chambers made the proposal.
func (w *tableWords) justificationLines(row *ComparisonRow) []string {
	lines := make([]string, len(row.Justifications))
	for i, j := range row.Justifications {
		if len(row.Chambers) > 1 {
			lines[i] = strings.Join(j.Chambers, w.comma) + ": " + j.Text
		} else {
			lines[i] = j.Text
		}
	}
	return lines
}

// decisionLines are a row's decisions as lines a reader reads: the
// verdict, who and when; the adopted wording; the note. Each decision is
// prefixed by its chambers when the row's amendments stand differently.
func (w *tableWords) decisionLines(row *ComparisonRow) []string {
	var lines []string
	for _, dc := range row.Decisions {
		s := dc.Verdict
		if len(row.Decisions) > 1 {
			s = strings.Join(dc.Chambers, w.comma) + ": " + s
		}
		if dc.By != "" {
			s += " — " + dc.By
		}
		if !dc.At.IsZero() {
			s += " — " + dc.At.Format("02/01/2006")
		}
		lines = append(lines, s)
		if dc.Text != "" {
			lines = append(lines, w.adopted+dc.Text)
		}
		if dc.Note != "" {
			lines = append(lines, w.note+dc.Note)
		}
	}
	return lines
}
