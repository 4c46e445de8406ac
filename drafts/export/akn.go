package export

import (
	"bufio"
	"cmp"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"statute/drafts"
	"statute/drafts/diff"
	"statute/drafts/export/internal/xmltext"
	"statute/drafts/round"
)

// The Akoma Ntoso export (Format AkomaNtoso) is one XML file in the
// vocabulary of OASIS LegalDocML, Akoma Ntoso 3.0 (namespace
// http://docs.oasis-open.org/legaldocml/ns/akn/3.0), written to be valid
// against its schema, akomantoso30.xsd.
//
// It holds a version of the draft and the amendments the chambers made on
// that version, each a document of its own. The standard's container for
// documents put together is the documentCollection: its collectionBody
// holds one component per document, in order the act (the draft's text)
// and then each amendment as an amendment document, with its own
// identification. We chose it over one act carrying the amendments as its
// attachments or components because an amendment is not part of the act:
// it is a chamber's proposal about it, with its own author, date and
// fate, and a reader may take it out of the file on its own.
//
// Every document (the collection, the act, each amendment) is identified
// by the three FRBR levels the schema requires, with URIs after the
// standard's naming convention, the country being ma:
//
//   - the Work, the draft whatever its version: /akn/ma/act/DATE/ID, DATE
//     the day its first version was stored and ID the draft's;
//   - the Expression, one version in one language: …/ara@vN (fra for a
//     French draft; ISO 639-2, as Akoma Ntoso writes languages), with
//     the version's number (FRBRversionNumber) and the day it was stored;
//   - the Manifestation, this file: …/ara@vN.akn, in application/akn+xml.
//
// An amendment's Work is /akn/ma/amendment/DATE/ID, DATE the day it was
// made and ID its own, authored by its chamber.
//
// The people and bodies named (the ministry, which authors the draft; the
// federation, which consolidates it and decides; each chamber whose
// amendments the file holds) are declared once, as TLCOrganization in the
// act's references, with the roles (TLCRole) and the outcomes of the
// review (TLCConcept) the amendments use; every document of the file
// refers to them by #eId. They are declared once because the schema wants
// each eId unique in the whole collection.
//
// The act has the title (docTitle in the preface), the preamble, and a
// body where each division is the element of its level (book, part,
// title, chapter, section) holding its num («الباب الأول») and its heading,
// and the articles it holds and the divisions under it. An article holds
// its num («المادة 3»), its heading when it has one, and each paragraph
// as a paragraph whose content is a p.
//
// Identifiers (eId) follow the naming convention. A division is its
// level's abbreviation and its rank among its parent's divisions of that
// level, after its parent's eId: title_1, title_1__chp_2, book_1__part_1.
// An article is art_ and its key, after no division: its key is unique
// in the draft and stays when divisions are added or moved, so that a
// reference to art_3 survives. The key is the number as import
// normalized it, in Latin letters and digits: «3 مكرر» is art_3bis,
// «7 bis» art_7bis, «2-1» art_2-1; a character the convention does not
// allow is written as x and its hexadecimal code point (should two keys
// still come out the same, the later takes -2 after it). A paragraph is
// its article's eId and para_ with its rank: art_3__para_1. Inside an
// amendment's document every eId starts with its component's, cmp_2__…,
// so that no eId is written twice in the file.
//
// An amendment's amendmentBody holds:
//
//   - an amendmentHeading that names it, the article it concerns (a ref
//     to that article's eId in the act), its kind, its chamber, where it
//     stands (submitted or withdrawn, in docStatus) and, once decided, the
//     federation's current decision: verdict, date and note;
//   - an amendmentContent with the article as the amendment would make
//     it: its num, then its text with the words the amendment removes in
//     del and those it adds in ins, word by word as the app shows them
//     (diff.OfAmendment); a repeal is all del, a new article all ins;
//   - for a decision that accepts it with changes, a second
//     amendmentContent (class "adopted") with the federation's wording
//     marked the same way against the article;
//   - an amendmentJustification with the chamber's reasons.
//
// Its meta also records its course as a workflow: a step when the
// chamber made it, one when it withdrew it, and one per decision of the
// federation's log on it, each with its date, who acted (by) and the
// outcome (a TLCConcept: accepted, acceptedWithChanges, rejected,
// adoptedInPlace for a synthesis, superseded for the amendments a
// synthesis replaces, withdrawn); the notes of the decisions are in its
// notes.
//
// The amendments in the file are those the federation sees: submitted
// or withdrawn, never a chamber's unsubmitted draft, in the order of the
// articles they concern, then of the chambers' regions. WriteDraft, which
// has no round to read them from, writes the act alone.
//
// Every text is escaped, and the characters XML 1.0 forbids (control
// characters other than tab and line breaks, U+FFFE and U+FFFF) are
// dropped; no text is otherwise changed.

// AKNNamespace is the namespace of Akoma Ntoso 3.0.
const AKNNamespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

// An AKN is what an Akoma Ntoso export holds.
type AKN struct {
	// Draft is the version exported.
	Draft *drafts.Draft
	// Born is when the draft's first version was stored, the date of its
	// Work; zero is Draft.Imported.
	Born time.Time
	// Amendments are those made on Draft, written as they are given
	// (AKNOf gives them in order); Log is the decision log that decides
	// them, oldest first.
	Amendments []drafts.Amendment
	Log        []drafts.Decision
}

// AKNOf gathers from the round what the Akoma Ntoso export of version d
// holds: the date of the draft's first version, and the amendments made
// on d that the federation sees (submitted or withdrawn), in the order of
// the articles they concern, then of the chambers' regions, then of their
// making, with the draft's decision log. The errors are the store's.
func AKNOf(r *round.Round, d *drafts.Draft) (AKN, error) {
	k := AKN{Draft: d, Born: d.Imported}
	if d.Version > 1 {
		first, err := r.Store().DraftVersion(d.ID, 1)
		if err != nil {
			return AKN{}, err
		}
		k.Born = first.Imported
	}
	as, err := r.Store().Amendments(drafts.AmendmentFilter{DraftID: d.ID, Version: d.Version, Viewer: drafts.FederationCode})
	if err != nil {
		return AKN{}, err
	}
	as = slices.DeleteFunc(as, func(a drafts.Amendment) bool { return a.Status == drafts.StatusDraft })
	pos := make(map[string]int, len(d.Articles))
	for i := range d.Articles {
		pos[d.Articles[i].Key] = i
	}
	region := map[string]int{}
	for i, c := range drafts.Parties() {
		region[c.Code] = i
	}
	slices.SortStableFunc(as, func(a, b drafts.Amendment) int {
		return cmp.Or(cmp.Compare(pos[a.Article], pos[b.Article]), cmp.Compare(region[a.Chamber], region[b.Chamber]),
			a.Created.Compare(b.Created), cmp.Compare(a.ID, b.ID))
	})
	k.Amendments = as
	if len(as) > 0 {
		if k.Log, _, err = r.Log(d.ID); err != nil {
			return AKN{}, err
		}
	}
	return k, nil
}

// WriteAKN writes k to w as one Akoma Ntoso file (see the package's notes
// on the Akoma Ntoso export). Unavailable: w failed.
func WriteAKN(w io.Writer, k AKN) error {
	b := bufio.NewWriterSize(w, 64<<10)
	a := newAKNWriter(b, k)
	a.collection()
	if err := b.Flush(); err != nil {
		return drafts.Wrap(drafts.Unavailable, err, "the export could not be written: %v", err)
	}
	return nil
}

type aknWriter struct {
	b    *bufio.Writer
	k    AKN
	d    *drafts.Draft
	fr   bool
	lang string // ISO 639-2: ara, fra
	// work is the act's Work URI.
	work     string
	eids     map[string]bool               // the eIds written, to keep them unique
	artIDs   map[string]string             // article key → eId
	arts     map[string]*drafts.Article    // article key → article
	history  map[string][]*drafts.Decision // amendment ID → its entries of the log
	chambers []drafts.Chamber              // the chambers the amendments name, in region order
	outcomes map[string]bool               // outcome concepts the amendments use
}

func newAKNWriter(b *bufio.Writer, k AKN) *aknWriter {
	d := k.Draft
	if k.Born.IsZero() {
		k.Born = d.Imported
	}
	a := &aknWriter{b: b, k: k, d: d, fr: d.Language == "fr", lang: "ara",
		eids: map[string]bool{}, artIDs: map[string]string{}, history: map[string][]*drafts.Decision{}, outcomes: map[string]bool{}}
	if a.fr {
		a.lang = "fra"
	}
	a.work = "/akn/ma/act/" + day(k.Born) + "/" + uriPart(d.ID)
	for i := range k.Log {
		e := &k.Log[i]
		a.history[e.Amendment] = append(a.history[e.Amendment], e)
		for _, id := range e.Replaces {
			a.history[id] = append(a.history[id], e)
		}
	}
	seen := map[string]bool{}
	for i := range k.Amendments {
		am := &k.Amendments[i]
		seen[am.Chamber] = true
		if am.Status == drafts.StatusWithdrawn {
			a.outcomes["withdrawn"] = true
		}
		for _, e := range a.history[am.ID] {
			a.outcomes[aknOutcome(am, e)] = true
		}
	}
	for _, c := range drafts.Parties() {
		if seen[c.Code] && c.Code != drafts.FederationCode {
			a.chambers = append(a.chambers, c)
		}
	}
	a.arts = make(map[string]*drafts.Article, len(d.Articles))
	for i := range d.Articles {
		a.artIDs[d.Articles[i].Key] = a.eid("art_" + eIDPart(d.Articles[i].Key))
		a.arts[d.Articles[i].Key] = &d.Articles[i]
	}
	return a
}

// day is t's date as FRBRdate writes it, in UTC.
func day(t time.Time) string { return t.UTC().Format(time.DateOnly) }

// eid returns want, or want with a rank after it when the file already
// has it, and keeps it as taken.
func (a *aknWriter) eid(want string) string {
	id := want
	for n := 2; a.eids[id]; n++ {
		id = want + "-" + strconv.Itoa(n)
	}
	a.eids[id] = true
	return id
}

// eIDPart writes s as the naming convention allows in an eId: lower-case
// Latin letters, digits and hyphens as they are; any other character as
// x and its code point in hexadecimal, and a dot as a hyphen.
func eIDPart(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case r == '.':
			b.WriteByte('-')
		default:
			b.WriteString("x" + strconv.FormatInt(int64(r), 16))
		}
	}
	if b.Len() == 0 {
		return "0"
	}
	return b.String()
}

// uriPart writes an ID as a URI's path segment, as eIDPart writes it.
func uriPart(s string) string {
	return eIDPart(strings.ToLower(s))
}

// The writing of text.

func (a *aknWriter) raw(s string) { a.b.WriteString(s) }

// text writes s escaped for XML, the characters XML forbids dropped.
func (a *aknWriter) text(s string) { a.escape(s, false) }

// escape writes s escaped for XML, in text or, inAttr, in an attribute's
// value (xmltext.Escape).
func (a *aknWriter) escape(s string, inAttr bool) { xmltext.Escape(a.b, s, inAttr) }

// attr writes ` name="value"`, the value escaped.
func (a *aknWriter) attr(name, value string) {
	a.raw(" " + name + "=\"")
	a.escape(value, true)
	a.raw("\"")
}

// elem writes <name attrs…>text</name>; attrs are name, value pairs.
func (a *aknWriter) elem(name, text string, attrs ...string) {
	a.raw("<" + name)
	for i := 0; i+1 < len(attrs); i += 2 {
		a.attr(attrs[i], attrs[i+1])
	}
	a.raw(">")
	a.text(text)
	a.raw("</" + name + ">")
}

// empty writes <name attrs…/>.
func (a *aknWriter) empty(name string, attrs ...string) {
	a.raw("<" + name)
	for i := 0; i+1 < len(attrs); i += 2 {
		a.attr(attrs[i], attrs[i+1])
	}
	a.raw("/>")
}

// say is the sentence in the draft's language: Arabic, or French.
func (a *aknWriter) say(ar, fr string) string {
	if a.fr {
		return fr
	}
	return ar
}

// The documents.

func (a *aknWriter) collection() {
	d := a.d
	a.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<akomaNtoso xmlns=\"" + AKNNamespace + "\">\n")
	a.raw("<documentCollection name=\"amendmentRound\">\n<meta>\n")
	work := "/akn/ma/documentCollection/" + day(a.k.Born) + "/" + uriPart(d.ID)
	a.identification(frbr{work: work, made: day(a.k.Born), madeName: "draft", author: "#federation",
		version: d.Version, exprDay: day(d.Imported), exprName: "version", exprAuthor: "#federation"})
	a.raw("</meta>\n")
	if d.Title != "" {
		a.raw("<preface>\n<longTitle><p><docTitle>")
		a.text(d.Title)
		a.raw("</docTitle></p></longTitle>\n</preface>\n")
	}
	a.raw("<collectionBody>\n")
	a.raw("<component eId=\"" + a.eid("cmp_1") + "\">\n")
	a.act()
	a.raw("</component>\n")
	for i := range a.k.Amendments {
		c := a.eid("cmp_" + strconv.Itoa(i+2))
		a.raw("<component eId=\"" + c + "\">\n")
		a.amendment(&a.k.Amendments[i], c)
		a.raw("</component>\n")
	}
	a.raw("</collectionBody>\n</documentCollection>\n</akomaNtoso>\n")
}

// An frbr says how a document of the file is identified at the three
// FRBR levels.
type frbr struct {
	work           string // the Work's URI
	made, madeName string // the Work's date, and what it dates
	author         string // who authored the Work, #eId
	number, name   string // the Work's number and name, if any
	version        int    // the Expression's version number, 0 for none
	exprDay        string // the Expression's date
	exprName       string // what it dates
	exprAuthor     string // who authored the Expression, #eId
}

// identification writes the identification of the document f says, in
// the draft's language; its Manifestation is this file, written by the
// federation on the day of the version exported.
func (a *aknWriter) identification(f frbr) {
	expr := f.work + "/" + a.lang + "@"
	if f.version > 0 {
		expr += "v" + strconv.Itoa(f.version)
	}
	a.raw("<identification source=\"#federation\">\n<FRBRWork>\n")
	a.empty("FRBRthis", "value", f.work+"/!main")
	a.empty("FRBRuri", "value", f.work)
	a.empty("FRBRdate", "date", f.made, "name", f.madeName)
	a.empty("FRBRauthor", "href", f.author, "as", "#author")
	a.empty("FRBRcountry", "value", "ma")
	if f.number != "" {
		a.empty("FRBRnumber", "value", f.number)
	}
	if f.name != "" {
		a.empty("FRBRname", "value", f.name)
	}
	a.raw("\n</FRBRWork>\n<FRBRExpression>\n")
	a.empty("FRBRthis", "value", expr+"/!main")
	a.empty("FRBRuri", "value", expr)
	a.empty("FRBRdate", "date", f.exprDay, "name", f.exprName)
	role := "#author"
	if f.exprAuthor == "#federation" {
		role = "#editor" // the federation edits the versions of a text others wrote
	}
	a.empty("FRBRauthor", "href", f.exprAuthor, "as", role)
	if f.version > 0 {
		a.empty("FRBRversionNumber", "value", strconv.Itoa(f.version))
	}
	a.empty("FRBRlanguage", "language", a.lang)
	a.raw("\n</FRBRExpression>\n<FRBRManifestation>\n")
	a.empty("FRBRthis", "value", expr+"/!main.xml")
	a.empty("FRBRuri", "value", expr+".akn")
	a.empty("FRBRdate", "date", day(a.d.Imported), "name", "export")
	a.empty("FRBRauthor", "href", "#federation", "as", "#editor")
	a.empty("FRBRformat", "value", "application/akn+xml")
	a.raw("\n</FRBRManifestation>\n</identification>\n")
}

// act writes the draft's text as an act.
func (a *aknWriter) act() {
	d := a.d
	contains := "singleVersion"
	if d.Version <= 1 {
		contains = "originalVersion"
	}
	a.raw("<act name=\"statute\" contains=\"" + contains + "\">\n<meta>\n")
	a.identification(frbr{work: a.work, made: day(a.k.Born), madeName: "draft", author: "#ministry",
		number: d.ID, name: d.Title, version: d.Version, exprDay: day(d.Imported), exprName: "version", exprAuthor: "#federation"})
	a.references()
	a.raw("</meta>\n")
	if d.Title != "" {
		a.raw("<preface>\n<longTitle><p><docTitle>")
		a.text(d.Title)
		a.raw("</docTitle></p></longTitle>\n</preface>\n")
	}
	if len(d.Preamble) > 0 {
		a.raw("<preamble>\n")
		for _, p := range d.Preamble {
			a.raw("<p>")
			a.text(p)
			a.raw("</p>\n")
		}
		a.raw("</preamble>\n")
	}
	a.body()
	a.raw("</act>\n")
}

// references declares every body and person the file names, and the
// roles and outcomes its documents use.
func (a *aknWriter) references() {
	a.raw("<references source=\"#federation\">\n")
	a.tlc("TLCOrganization", "ministry", "/ontology/organization/ma/ministry",
		a.say("كتابة الدولة المكلفة بالصناعة التقليدية", "Secrétariat d'État chargé de l'Artisanat"))
	fed := drafts.Federation
	a.tlc("TLCOrganization", "federation", "/ontology/organization/ma/federation", a.say(fed.Name(), fed.FrenchName()))
	for _, c := range a.chambers {
		a.tlc("TLCOrganization", chamberEID(c.Code), "/ontology/organization/ma/chamber."+uriPart(c.Code), a.say(c.Name(), c.FrenchName()))
	}
	a.tlc("TLCRole", "author", "/ontology/role/ma/author", a.say("صاحب النص", "auteur"))
	a.tlc("TLCRole", "editor", "/ontology/role/ma/editor", a.say("الجهة المكلفة بالتحيين", "éditeur"))
	for _, o := range outcomes {
		if a.outcomes[o.id] {
			a.tlc("TLCConcept", o.id, "/ontology/concept/ma/amendment."+o.id, a.say(o.ar, o.fr))
		}
	}
	a.raw("</references>\n")
}

func (a *aknWriter) tlc(kind, eid, href, showAs string) {
	a.raw("<" + kind + " eId=\"" + a.eid(eid) + "\"")
	a.attr("href", href)
	a.attr("showAs", showAs)
	a.raw("/>\n")
}

// chamberEID is the eId of a chamber's TLCOrganization: chamber_fm.
func chamberEID(code string) string {
	if code == drafts.FederationCode {
		return "federation"
	}
	return "chamber_" + eIDPart(code)
}

// outcomes are the concepts a step of an amendment's course ends in.
var outcomes = []struct{ id, ar, fr string }{
	{"accepted", "قبول", "accepté"},
	{"acceptedWithChanges", "قبول مع تعديل", "accepté avec modifications"},
	{"rejected", "رفض", "rejeté"},
	{"adoptedInPlace", "اعتماد تعديل توفيقي", "adopté en synthèse"},
	{"superseded", "تعويض بتعديل توفيقي", "remplacé par une synthèse"},
	{"withdrawn", "سحب", "retiré"},
}

// aknOutcome is the concept that decision e gives amendment am.
func aknOutcome(am *drafts.Amendment, e *drafts.Decision) string {
	switch {
	case e.Amendment != am.ID:
		return "superseded"
	case e.Verdict == drafts.Accept:
		return "accepted"
	case e.Verdict == drafts.AcceptWithChanges:
		return "acceptedWithChanges"
	case e.Verdict == drafts.Supersede:
		return "adoptedInPlace"
	}
	return "rejected"
}

// outcomeWords is how an outcome reads in the draft's language.
func (a *aknWriter) outcomeWords(id string) string {
	for _, o := range outcomes {
		if o.id == id {
			return a.say(o.ar, o.fr)
		}
	}
	return id
}

// levelElements are the Akoma Ntoso elements of the levels, and the
// abbreviations their eIds take.
var levelElements = map[drafts.Level][2]string{
	drafts.Book:    {"book", "book"},
	drafts.Part:    {"part", "part"},
	drafts.Title:   {"title", "title"},
	drafts.Chapter: {"chapter", "chp"},
	drafts.Section: {"section", "sec"},
}

// body writes the divisions and articles, each division holding what
// comes after it in the draft up to the next division that is not
// inside it.
func (a *aknWriter) body() {
	d := a.d
	a.raw("<body>\n")
	var open []int // the divisions open, outermost first
	eids := make([]string, len(d.Divisions))
	ranks := map[string]int{} // parent eId + level → divisions of that level so far
	closeTo := func(parent int) {
		for len(open) > 0 && open[len(open)-1] != parent {
			a.raw("</" + levelElements[d.Divisions[open[len(open)-1]].Level][0] + ">\n")
			open = open[:len(open)-1]
		}
	}
	written := 0
	divisions := func(upTo int) {
		for ; written <= upTo && written < len(d.Divisions); written++ {
			dv := d.Divisions[written]
			closeTo(dv.Parent)
			el, ok := levelElements[dv.Level]
			if !ok {
				el = [2]string{"hcontainer", "hcontainer"}
			}
			prefix := ""
			if len(open) > 0 {
				prefix = eids[open[len(open)-1]] + "__"
			}
			ranks[prefix+el[1]]++
			eids[written] = a.eid(prefix + el[1] + "_" + strconv.Itoa(ranks[prefix+el[1]]))
			a.raw("<" + el[0] + " eId=\"" + eids[written] + "\"")
			if el[0] == "hcontainer" {
				a.raw(" name=\"division\"")
			}
			a.raw(">\n")
			word := dv.Level.Arabic()
			if a.fr {
				word = dv.Level.French()
			}
			switch {
			case dv.Number != "" || dv.Title != "":
				a.elem("num", strings.TrimSpace(word+" "+dv.Number))
				if dv.Title != "" {
					a.elem("heading", dv.Title)
				}
			default:
				a.elem("heading", divisionHeading(d, dv))
			}
			a.raw("\n")
			open = append(open, written)
		}
	}
	for i := range d.Articles {
		art := &d.Articles[i]
		divisions(art.Division)
		closeTo(art.Division)
		a.article(art)
	}
	divisions(len(d.Divisions) - 1)
	closeTo(-1)
	if len(d.Articles) == 0 && len(d.Divisions) == 0 {
		// The schema wants something in a body: an empty draft is one
		// container with nothing in it.
		a.raw("<hcontainer eId=\"" + a.eid("hcontainer_1") + "\" name=\"empty\"/>\n")
	}
	a.raw("</body>\n")
}

func (a *aknWriter) article(art *drafts.Article) {
	id := a.artIDs[art.Key]
	a.raw("<article eId=\"" + id + "\">\n")
	a.elem("num", a.d.Word()+" "+number(art))
	if art.Heading != "" {
		a.elem("heading", art.Heading)
	}
	a.raw("\n")
	for i, p := range art.Paragraphs {
		a.raw("<paragraph eId=\"" + a.eid(id+"__para_"+strconv.Itoa(i+1)) + "\"><content><p>")
		a.text(p)
		a.raw("</p></content></paragraph>\n")
	}
	a.raw("</article>\n")
}

// amendment writes am as an amendment document inside the component comp.
func (a *aknWriter) amendment(am *drafts.Amendment, comp string) {
	work := "/akn/ma/amendment/" + day(am.Created) + "/" + uriPart(am.ID)
	who := "#" + chamberEID(am.Chamber)
	a.raw("<amendment name=\"amendment\">\n<meta>\n")
	a.identification(frbr{work: work, made: day(am.Created), madeName: "proposal", author: who,
		number: am.ID, exprDay: day(am.Created), exprName: "proposal", exprAuthor: who})

	hist := a.history[am.ID]
	a.raw("<workflow source=\"#federation\">\n")
	a.empty("step", "date", day(am.Created), "by", who, "as", "#author")
	a.raw("\n")
	if am.Status == drafts.StatusWithdrawn {
		a.empty("step", "date", day(am.Updated), "by", who, "outcome", "#withdrawn")
		a.raw("\n")
	}
	for _, e := range hist {
		a.empty("step", "date", day(e.At), "by", "#"+chamberEID(cmp.Or(e.By, drafts.FederationCode)), "outcome", "#"+aknOutcome(am, e))
		a.raw("\n")
	}
	a.raw("</workflow>\n")
	noted := 0
	for _, e := range hist {
		if strings.TrimSpace(e.Note) == "" {
			continue
		}
		if noted == 0 {
			a.raw("<notes source=\"#federation\">\n")
		}
		noted++
		a.raw("<note eId=\"" + a.eid(comp+"__dec_"+strconv.Itoa(noted)) + "\"><p>")
		a.text(day(e.At) + " " + a.outcomeWords(aknOutcome(am, e)) + ": " + e.Note)
		a.raw("</p></note>\n")
	}
	if noted > 0 {
		a.raw("</notes>\n")
	}
	a.raw("</meta>\n<amendmentBody>\n")
	a.heading(am, hist, comp)
	base := ""
	target := a.arts[am.Article]
	if target != nil {
		base = target.Text()
	}
	a.raw("<amendmentContent eId=\"" + a.eid(comp+"__content") + "\">\n")
	a.content(am, target, diff.OfAmendment(base, am, diff.Options{}))
	a.raw("</amendmentContent>\n")
	if n := len(hist); n > 0 && hist[n-1].Amendment == am.ID && hist[n-1].Verdict == drafts.AcceptWithChanges {
		adopted := *am
		adopted.Text = hist[n-1].Text
		if adopted.Kind == drafts.Repeal {
			adopted.Kind = drafts.Wording // the staff's wording keeps the article
		}
		a.raw("<amendmentContent eId=\"" + a.eid(comp+"__adopted") + "\" class=\"adopted\">\n")
		a.raw("<p>")
		a.text(a.say("الصيغة التي اعتمدتها الجامعة:", "Rédaction retenue par la fédération :"))
		a.raw("</p>\n")
		a.content(&adopted, target, diff.OfAmendment(base, &adopted, diff.Options{}))
		a.raw("</amendmentContent>\n")
	}
	a.raw("<amendmentJustification eId=\"" + a.eid(comp+"__justification") + "\">\n")
	for _, p := range strings.Split(drafts.NormalizeParagraphs(am.Justification), "\n") {
		a.raw("<p>")
		a.text(p)
		a.raw("</p>\n")
	}
	a.raw("</amendmentJustification>\n</amendmentBody>\n</amendment>\n")
}

// heading writes what names amendment am, and its fate.
func (a *aknWriter) heading(am *drafts.Amendment, hist []*drafts.Decision, comp string) {
	a.raw("<amendmentHeading eId=\"" + a.eid(comp+"__heading") + "\">\n<p>")
	a.text(a.say("التعديل "+am.ID+" على ", "Amendement "+am.ID+" à l'"))
	target := a.arts[am.Article]
	name := a.d.Word() + " " + am.Article
	if target != nil {
		name = a.d.Word() + " " + number(target)
	}
	if id, ok := a.artIDs[am.Article]; ok {
		a.raw("<ref href=\"#" + id + "\">")
		a.text(name)
		a.raw("</ref>")
	} else {
		a.text(name)
	}
	switch am.Kind {
	case drafts.Repeal:
		a.text(a.say(": نسخ", " : abrogation"))
	case drafts.Insert:
		a.text(a.say(": إضافة مادة جديدة بعدها، "+a.d.Word()+" "+am.NewNumber,
			" : insertion après lui d'un nouvel article, "+a.d.Word()+" "+am.NewNumber))
	default:
		a.text(a.say(": تغيير", " : modification"))
	}
	a.raw("</p>\n<p>")
	c, err := drafts.ChamberByCode(am.Chamber)
	by := am.Chamber
	if err == nil {
		by = a.say(c.Name(), c.FrenchName())
	}
	a.text(a.say("مقدم من: ", "Présenté par : ") + by)
	if am.Author != "" {
		a.text(" (" + am.Author + ")")
	}
	a.raw("</p>\n<p>")
	// Where it stands, in docStatus, and when it came to stand there.
	status := func(label, st, when string) {
		a.text(label)
		a.raw("<docStatus>")
		a.text(st)
		a.raw("</docStatus>")
		if when != "" {
			a.text(a.say("، بتاريخ ", ", le ") + when)
		}
	}
	switch {
	case am.Status == drafts.StatusWithdrawn:
		status(a.say("الحالة: ", "État : "), a.say("مسحوب", "retiré"), day(am.Updated))
	case len(hist) > 0:
		e := hist[len(hist)-1]
		st := a.outcomeWords(aknOutcome(am, e))
		if e.Amendment != am.ID {
			st += " " + e.Amendment
		}
		status(a.say("قرار الجامعة: ", "Décision de la fédération : "), st, day(e.At))
	default:
		status(a.say("الحالة: ", "État : "), a.say("مقدم، في انتظار قرار الجامعة", "présenté, en attente de la décision de la fédération"), "")
	}
	a.raw("</p>\n")
	if len(hist) > 0 && hist[len(hist)-1].Note != "" {
		a.raw("<p>")
		a.text(a.say("ملاحظة: ", "Note : ") + hist[len(hist)-1].Note)
		a.raw("</p>\n")
	}
	a.raw("</amendmentHeading>\n")
}

// content writes the article as am would make it: its num, then its text
// with the changes cs marked, a line break in them ending a paragraph.
func (a *aknWriter) content(am *drafts.Amendment, target *drafts.Article, cs []diff.Change) {
	a.raw("<p>")
	switch {
	case am.Kind == drafts.Insert:
		a.raw("<ins>")
		a.text(a.d.Word() + " " + am.NewNumber)
		a.raw("</ins>")
	case am.Kind == drafts.Repeal && target != nil:
		a.raw("<del>")
		a.text(a.d.ArticleTitle(target))
		a.raw("</del>")
	case target != nil:
		a.text(a.d.ArticleTitle(target))
	default:
		a.text(a.d.Word() + " " + am.Article)
	}
	a.raw("</p>\n<p>")
	for _, c := range cs {
		tag := ""
		switch c.Op {
		case diff.Insert:
			tag = "ins"
		case diff.Delete:
			tag = "del"
		}
		for i, s := range strings.Split(c.Text, "\n") {
			if i > 0 {
				a.raw("</p>\n<p>")
			}
			if s == "" {
				continue
			}
			if tag != "" {
				a.raw("<" + tag + ">")
			}
			a.text(s)
			if tag != "" {
				a.raw("</" + tag + ">")
			}
		}
	}
	a.raw("</p>\n")
}
