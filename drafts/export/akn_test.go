package export_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/export"
	"statute/drafts/round"
	"statute/drafts/workload"
)

// node is an element of an exported XML file, as a reader of it sees it.
type node struct {
	name  xml.Name
	attr  map[string]string
	kids  []*node
	text  string // the text directly inside, and inside its descendants
	inner []string
}

// child is n's first child named name, or nil.
func (n *node) child(name string) *node {
	for _, k := range n.kids {
		if k.name.Local == name {
			return k
		}
	}
	return nil
}

// path follows the first children of the names given.
func (n *node) path(names ...string) *node {
	for _, name := range names {
		if n == nil {
			return nil
		}
		n = n.child(name)
	}
	return n
}

// all returns n's descendants named name, in document order.
func (n *node) all(name string) []*node {
	var out []*node
	for _, k := range n.kids {
		if k.name.Local == name {
			out = append(out, k)
		}
		out = append(out, k.all(name)...)
	}
	return out
}

// texts joins the text of n's descendants named name.
func (n *node) texts(name string) string {
	var parts []string
	for _, k := range n.all(name) {
		parts = append(parts, k.text)
	}
	return strings.Join(parts, "|")
}

// readXML decodes a whole file with encoding/xml, which refuses what is
// not well-formed, and returns its root.
func readXML(t *testing.T, b []byte) *node {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var stack []*node
	var root *node
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the file is not well-formed XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			n := &node{name: e.Name, attr: map[string]string{}}
			for _, a := range e.Attr {
				n.attr[a.Name.Local] = a.Value
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			} else if root == nil {
				root = n
			} else {
				t.Fatal("the file has two root elements")
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			for _, n := range stack {
				n.text += string(e)
			}
		}
	}
	if root == nil {
		t.Fatal("the file has no root element")
	}
	return root
}

// eIDs lists every eId of the file, and the number of times it occurs.
func eIDs(n *node, seen map[string]int) {
	if id, ok := n.attr["eId"]; ok {
		seen[id]++
	}
	for _, k := range n.kids {
		eIDs(k, seen)
	}
}

// conventional is the form of an eId the naming convention gives: parts
// joined by "__", each an abbreviation and, after "_", a number or key.
var conventional = regexp.MustCompile(`^[a-z][a-zA-Z]*(_[a-z0-9-]+)?(__[a-z][a-zA-Z]*(_[a-z0-9-]+)?)*$`)

// The OASIS schema (akomantoso30.xsd, with the xml.xsd it imports) is not
// ours to ship, so tests check the structure it asks for themselves
// (checkAKN). With the schema at hand, the golden files validate:
//
//	sed s/DATE/2026-12-01/g testdata/sample-round.akn > /tmp/round.xml
//	xmllint --noout --schema akomantoso30.xsd /tmp/round.xml

// checkAKN checks what every Akoma Ntoso export must be: well-formed, in
// the Akoma Ntoso namespace, a collection whose first component is the
// act of d, identified at the three FRBR levels in the country ma and
// the language lang, with every article of d in order with its num and
// heading, and eIds unique and conventional. It returns the amendment
// documents.
func checkAKN(t *testing.T, b []byte, d *drafts.Draft, lang string) []*node {
	t.Helper()
	root := readXML(t, b)
	if root.name.Space != export.AKNNamespace || root.name.Local != "akomaNtoso" {
		t.Fatalf("the root is %v, want akomaNtoso in %s", root.name, export.AKNNamespace)
	}
	body := root.path("documentCollection", "collectionBody")
	if body == nil || len(body.kids) == 0 {
		t.Fatal("no documentCollection with a collectionBody")
	}
	act := body.kids[0].child("act")
	if act == nil {
		t.Fatal("the first component is not the act")
	}
	id := act.path("meta", "identification")
	for _, level := range []string{"FRBRWork", "FRBRExpression", "FRBRManifestation"} {
		if id.child(level) == nil || id.path(level, "FRBRthis") == nil || id.path(level, "FRBRuri") == nil || id.path(level, "FRBRdate") == nil {
			t.Errorf("the act's identification lacks %s, or its this, uri or date", level)
		}
	}
	if c := id.path("FRBRWork", "FRBRcountry"); c == nil || c.attr["value"] != "ma" {
		t.Errorf("the act's country is %v, want ma", c)
	}
	if l := id.path("FRBRExpression", "FRBRlanguage"); l == nil || l.attr["language"] != lang {
		t.Errorf("the act's language is %v, want %s", l, lang)
	}
	if got := act.path("preface", "longTitle", "p", "docTitle"); d.Title != "" && (got == nil || got.text != d.Title) {
		t.Errorf("the act's docTitle is %v, want «%s»", got, d.Title)
	}
	arts := act.all("article")
	if len(arts) != len(d.Articles) {
		t.Fatalf("%d articles, want %d", len(arts), len(d.Articles))
	}
	for i, n := range arts {
		a := &d.Articles[i]
		num, head := n.child("num"), n.child("heading")
		if num == nil || num.text != d.Word()+" "+a.Number {
			t.Errorf("article %d: num %v, want «%s %s»", i+1, num, d.Word(), a.Number)
		}
		if (a.Heading == "") != (head == nil) || head != nil && head.text != a.Heading {
			t.Errorf("article %s: heading %v, want «%s»", a.Key, head, a.Heading)
		}
		var ps []string
		for _, p := range n.all("paragraph") {
			ps = append(ps, p.path("content", "p").text)
		}
		if !slices.Equal(ps, a.Paragraphs) {
			t.Errorf("article %s: paragraphs %q, want %q", a.Key, ps, a.Paragraphs)
		}
	}
	seen := map[string]int{}
	eIDs(root, seen)
	for id, n := range seen {
		if n > 1 {
			t.Errorf("eId %s is written %d times", id, n)
		}
		if !conventional.MatchString(id) {
			t.Errorf("eId %q does not follow the naming convention", id)
		}
	}
	var amendments []*node
	for _, c := range body.kids[1:] {
		am := c.child("amendment")
		if am == nil {
			t.Fatalf("a later component holds %v, want an amendment", c.kids)
		}
		amendments = append(amendments, am)
	}
	return amendments
}

// sampleRound stores the sample draft and has the chambers amend its
// version 1: Fès-Meknès adds words to article 3 (accepted), Casablanca-
// Settat removes one from article 5 (rejected, with a note), Rabat-Salé-
// Kénitra proposes to repeal article 7 (undecided), Marrakech-Safi a new
// article 2 مكررة (accepted with the federation's wording), L'Oriental
// proposes and withdraws, and Drâa-Tafilalet keeps a draft it has not
// submitted.
func sampleRound(t *testing.T) (*round.Round, *drafts.Draft, map[string]*drafts.Amendment) {
	t.Helper()
	r := storeWith(t, mustParse(t, assets.SampleDraft))
	d, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	chamber := func(code string) drafts.Chamber {
		c, err := drafts.ChamberByCode(code)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	submit := func(code, key string, kind drafts.AmendmentKind, number, text, why string) *drafts.Amendment {
		c := chamber(code)
		a := round.Blank(c, d, d.Article(key))
		a.Kind, a.NewNumber, a.Text, a.Justification = kind, number, text, why
		if err := r.Submit(c, d, a); err != nil {
			t.Fatalf("%s: %v", code, err)
		}
		return a
	}
	decide := func(a *drafts.Amendment, v drafts.Verdict, text, note string) {
		if _, err := r.Decide(drafts.Federation, a.ID, v, text, nil, note); err != nil {
			t.Fatal(err)
		}
	}
	art := func(key string) string { return d.Article(key).Text() }
	as := map[string]*drafts.Amendment{
		"FM":  submit("FM", "3", drafts.Wording, "", strings.Replace(art("3"), "والاستقلال المالي", "والاستقلال المالي والإداري", 1), "تقوية استقلال الغرف."),
		"CS":  submit("CS", "5", drafts.Wording, "", strings.Replace(art("5"), "ملحقات إقليمية", "ملحقات", 1), "تبسيط التنظيم."),
		"RSK": submit("RSK", "7", drafts.Repeal, "", "", "المادة زائدة."),
		"MS":  submit("MS", "2", drafts.Insert, "2 مكررة", "تحدث لجنة جهوية للتكوين.", "سد فراغ في النص."),
		"ORI": submit("ORI", "4", drafts.Wording, "", art("4")+" وفق القانون.", "توضيح."),
	}
	decide(as["FM"], drafts.Accept, "", "")
	decide(as["CS"], drafts.Reject, "", "الملحقات الإقليمية ضرورية للقرب من الصناع.")
	decide(as["MS"], drafts.AcceptWithChanges, "تحدث لجنة جهوية دائمة للتكوين.", "صيغة أدق.")
	if _, err := r.Withdraw(chamber("ORI"), as["ORI"].ID); err != nil {
		t.Fatal(err)
	}
	dt := round.Blank(chamber("DT"), d, d.Article("6"))
	dt.Text, dt.Justification = art("6")+" مسودة.", "لم تقدم بعد."
	if err := r.Save(chamber("DT"), d, dt); err != nil {
		t.Fatal(err)
	}
	as["DT"] = dt
	return r, d, as
}

var dates = regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)

// The sample's version 1 with its round, as one Akoma Ntoso file: the act
// and, in the order of their articles, the five amendments the federation
// sees (not Drâa-Tafilalet's draft), each with its changes marked as the
// chamber proposed them, its justification, and its fate.
func TestAKNSampleRound(t *testing.T) {
	r, d, as := sampleRound(t)
	var out bytes.Buffer
	res, err := export.Write(r, &out, export.Request{Format: export.AkomaNtoso})
	if err != nil {
		t.Fatal(err)
	}
	if res.Draft.ID != d.ID || res.Draft.Version != 1 {
		t.Fatalf("exported %s version %d, want %s version 1", res.Draft.ID, res.Draft.Version, d.ID)
	}
	// IDs are drawn at random and dates are today's: the golden file
	// names the amendments by chamber, and dates as DATE.
	var pairs []string
	for code, a := range as {
		pairs = append(pairs, a.ID, code+"-ID", strings.ToLower(a.ID), strings.ToLower(code)+"-id")
	}
	pairs = append(pairs, d.ID, "DRAFT-ID", strings.ToLower(d.ID), "draft-id")
	golden(t, "sample-round.akn", dates.ReplaceAllLiteral([]byte(strings.NewReplacer(pairs...).Replace(out.String())), []byte("DATE")))

	docs := checkAKN(t, out.Bytes(), d, "ara")
	byID := map[string]*node{}
	var order []string
	for _, n := range docs {
		num := n.path("meta", "identification", "FRBRWork", "FRBRnumber")
		if num == nil {
			t.Fatal("an amendment without its FRBRnumber")
		}
		byID[num.attr["value"]] = n
		order = append(order, num.attr["value"])
	}
	want := []string{as["MS"].ID, as["FM"].ID, as["ORI"].ID, as["CS"].ID, as["RSK"].ID} // articles 2, 3, 4, 5, 7
	if !slices.Equal(order, want) {
		t.Errorf("amendments in the order %v, want %v (by article; no unsubmitted draft)", order, want)
	}
	for _, c := range []struct {
		code     string
		ins, del string // what the content marks, joined by |
		outcome  string // the last step's outcome
		status   string // in the heading's docStatus
	}{
		{"FM", "والإداري", "", "#accepted", "قبول"},
		{"CS", "", "إقليمية", "#rejected", "رفض"},
		{"RSK", "", d.ArticleTitle(d.Article("7")) + "|" + strings.Join(d.Article("7").Paragraphs, "|"), "", "في انتظار قرار الجامعة"},
		{"MS", "المادة 2 مكررة|تحدث لجنة جهوية للتكوين.", "", "#acceptedWithChanges", "قبول مع تعديل"},
		{"ORI", "وفق القانون.", "", "#withdrawn", "مسحوب"},
	} {
		a := as[c.code]
		n := byID[a.ID]
		if n == nil {
			t.Errorf("%s: amendment %s is not in the file", c.code, a.ID)
			continue
		}
		content := n.path("amendmentBody", "amendmentContent")
		if got := strings.TrimSpace(content.texts("ins")); got != c.ins {
			t.Errorf("%s: inserted «%s», want «%s»", c.code, got, c.ins)
		}
		if got := strings.TrimSpace(content.texts("del")); got != c.del {
			t.Errorf("%s: deleted «%s», want «%s»", c.code, got, c.del)
		}
		if got := strings.TrimSpace(n.path("amendmentBody", "amendmentJustification").text); got != a.Justification {
			t.Errorf("%s: justification «%s», want «%s»", c.code, got, a.Justification)
		}
		if au := n.path("meta", "identification", "FRBRWork", "FRBRauthor"); au == nil || au.attr["href"] != "#chamber_"+strings.ToLower(c.code) {
			t.Errorf("%s: author %v, want #chamber_%s", c.code, au, strings.ToLower(c.code))
		}
		steps := n.path("meta", "workflow").all("step")
		if last := steps[len(steps)-1].attr["outcome"]; last != c.outcome {
			t.Errorf("%s: the last step's outcome is %q, want %q", c.code, last, c.outcome)
		}
		if s := n.path("amendmentBody", "amendmentHeading").texts("docStatus"); !strings.Contains(s, c.status) {
			t.Errorf("%s: status «%s», want it to say «%s»", c.code, s, c.status)
		}
		ref := n.path("amendmentBody", "amendmentHeading").all("ref")
		if len(ref) != 1 || ref[0].attr["href"] != "#art_"+a.Article {
			t.Errorf("%s: the heading refers to %v, want #art_%s", c.code, ref, a.Article)
		}
	}
	// The rejection's note, and the wording the federation adopted.
	if notes := byID[as["CS"].ID].path("meta", "notes").text; !strings.Contains(notes, "الملحقات الإقليمية ضرورية") {
		t.Errorf("the rejection's note is not in the notes: «%s»", notes)
	}
	var adopted *node
	for _, c := range byID[as["MS"].ID].path("amendmentBody").kids {
		if c.attr["class"] == "adopted" {
			adopted = c
		}
	}
	if adopted == nil || !strings.Contains(adopted.texts("ins"), "تحدث لجنة جهوية دائمة للتكوين.") {
		t.Errorf("the wording the federation adopted is not shown: %v", adopted)
	}
	// Every party named is declared in the act's references.
	declared := map[string]bool{}
	act := readXML(t, out.Bytes()).path("documentCollection", "collectionBody", "component", "act")
	for _, k := range act.path("meta", "references").kids {
		declared["#"+k.attr["eId"]] = true
	}
	for _, n := range docs {
		for _, step := range n.all("step") {
			if !declared[step.attr["by"]] || step.attr["outcome"] != "" && !declared[step.attr["outcome"]] {
				t.Errorf("a step refers to %s and %s, not both declared", step.attr["by"], step.attr["outcome"])
			}
		}
	}
	for _, want := range []string{"#ministry", "#federation", "#chamber_fm", "#chamber_cs", "#chamber_rsk", "#chamber_ms", "#chamber_ori"} {
		if !declared[want] {
			t.Errorf("%s is not declared in the act's references", want)
		}
	}
	if declared["#chamber_dt"] {
		t.Error("Drâa-Tafilalet, whose only amendment is an unsubmitted draft, is declared")
	}
}

// A synthesis the federation wrote in place of two chambers' amendments is
// adopted in their place, and each of those is shown superseded by it; a
// decision revised shows both in the amendment's course, the last in its
// heading.
func TestAKNSupersedeAndRevision(t *testing.T) {
	r := storeWith(t, mustParse(t, assets.SampleDraft))
	d, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	text := d.Article("3").Text()
	submit := func(c drafts.Chamber, words string) *drafts.Amendment {
		a := round.Blank(c, d, d.Article("3"))
		a.Text, a.Justification = text+" "+words, "سبب"
		if err := r.Submit(c, d, a); err != nil {
			t.Fatal(err)
		}
		return a
	}
	fm, _ := drafts.ChamberByCode("FM")
	cs, _ := drafts.ChamberByCode("CS")
	one, two := submit(fm, "أولا."), submit(cs, "ثانيا.")
	syn := submit(drafts.Federation, "أولا وثانيا.")
	if _, err := r.Decide(drafts.Federation, syn.ID, drafts.Supersede, "", []string{one.ID, two.ID}, "صياغة موحدة"); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Decide(drafts.Federation, syn.ID, drafts.Supersede, "", []string{one.ID, two.ID}, "صياغة موحدة بعد المراجعة"); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := export.Write(r, &out, export.Request{Format: export.AkomaNtoso}); err != nil {
		t.Fatal(err)
	}
	docs := checkAKN(t, out.Bytes(), d, "ara")
	if len(docs) != 3 {
		t.Fatalf("%d amendments, want the two chambers' and the synthesis", len(docs))
	}
	for _, n := range docs {
		id := n.path("meta", "identification", "FRBRWork", "FRBRnumber").attr["value"]
		var outcomes []string
		for _, s := range n.path("meta", "workflow").all("step")[1:] {
			outcomes = append(outcomes, s.attr["outcome"])
		}
		status := n.path("amendmentBody", "amendmentHeading").texts("docStatus")
		switch id {
		case syn.ID:
			if !slices.Equal(outcomes, []string{"#adoptedInPlace", "#adoptedInPlace"}) || !strings.Contains(status, "اعتماد تعديل توفيقي") {
				t.Errorf("the synthesis's course is %v and its status «%s», want adopted twice", outcomes, status)
			}
			if au := n.path("meta", "identification", "FRBRWork", "FRBRauthor"); au.attr["href"] != "#federation" {
				t.Errorf("the synthesis is authored by %s, want #federation", au.attr["href"])
			}
		case one.ID, two.ID:
			if !slices.Equal(outcomes, []string{"#superseded", "#superseded"}) || !strings.Contains(status, syn.ID) {
				t.Errorf("%s: course %v, status «%s»; want superseded by %s", id, outcomes, status, syn.ID)
			}
		default:
			t.Errorf("amendment %s is not one of the round's", id)
		}
		if notes := n.path("meta", "notes").all("note"); len(notes) != 2 || !strings.Contains(notes[1].text, "بعد المراجعة") {
			t.Errorf("%s: notes %v, want both decisions' notes, the revision last", id, notes)
		}
	}
}

// A later version's export holds the amendments made on it only, and
// gives its number and date to the Expression, its first version's date
// to the Work.
func TestAKNLaterVersion(t *testing.T) {
	v1 := mustParse(t, assets.SampleDraft)
	v2 := mustParse(t, assets.SampleDraft)
	v2.Articles = v2.Articles[:6]
	r := storeWith(t, v1, v2)
	var out bytes.Buffer
	res, err := export.Write(r, &out, export.Request{Format: export.AkomaNtoso})
	if err != nil {
		t.Fatal(err)
	}
	docs := checkAKN(t, out.Bytes(), res.Draft, "ara")
	if len(docs) != 0 {
		t.Errorf("%d amendments, want none: none was made on version 2", len(docs))
	}
	act := readXML(t, out.Bytes()).path("documentCollection", "collectionBody", "component", "act")
	if act.attr["contains"] != "singleVersion" {
		t.Errorf("version 2 is said to contain %q, want singleVersion", act.attr["contains"])
	}
	v := act.path("meta", "identification", "FRBRExpression", "FRBRversionNumber")
	if v == nil || v.attr["value"] != "2" || !strings.HasSuffix(act.path("meta", "identification", "FRBRExpression", "FRBRuri").attr["value"], "/ara@v2") {
		t.Errorf("the Expression's version is %v, want 2 in its number and its URI", v)
	}
}

// A French draft is written in French: its language fra, its articles
// «Article premier», and the eIds of its articles from their keys.
func TestAKNFrench(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("..", "parse", "testdata", "french.md"))
	if err != nil {
		t.Fatal(err)
	}
	d := mustParse(t, text)
	if d.Language != "fr" {
		t.Fatalf("french.md reads as %q", d.Language)
	}
	var out bytes.Buffer
	if _, err := export.WriteDraft(&out, d, export.AkomaNtoso); err != nil {
		t.Fatal(err)
	}
	checkAKN(t, out.Bytes(), d, "fra")
	root := readXML(t, out.Bytes())
	first := root.all("article")[0]
	if first.attr["eId"] != "art_"+d.Articles[0].Key || !strings.HasPrefix(first.child("num").text, "Article ") {
		t.Errorf("the first article is %s «%s», want art_%s headed Article", first.attr["eId"], first.child("num").text, d.Articles[0].Key)
	}
}

// Every level of division is its element, holding its num and heading,
// nested as the draft nests them; inserted articles («1 مكررة») get an
// eId from their key.
func TestAKNDivisionsAndInsertedArticles(t *testing.T) {
	d := mustParse(t, []byte(allLevels))
	d.ID, d.Version = "D-LEVELS", 1 // as a store would give them
	var out bytes.Buffer
	if _, err := export.WriteDraft(&out, d, export.AkomaNtoso); err != nil {
		t.Fatal(err)
	}
	checkAKN(t, out.Bytes(), d, "ara")
	golden(t, "all-levels.akn", dates.ReplaceAllLiteral(out.Bytes(), []byte("DATE")))
	root := readXML(t, out.Bytes())
	body := root.path("documentCollection", "collectionBody", "component", "act", "body")
	sec := body.path("book", "part", "title", "chapter", "section")
	if sec == nil || sec.attr["eId"] != "book_1__part_1__title_1__chp_1__sec_1" {
		t.Fatalf("no book > part > title > chapter > section, or the section's eId is wrong: %v", sec)
	}
	if n := body.path("book", "title"); n != nil {
		t.Errorf("a title directly under the book, not under its part: %s", n.attr["eId"])
	}
	if got := body.path("book").child("num").text + ": " + body.path("book").child("heading").text; got != "الكتاب الأول: أحكام تمهيدية" {
		t.Errorf("the first book reads «%s»", got)
	}
	var ids []string
	for _, a := range sec.all("article") {
		ids = append(ids, a.attr["eId"])
	}
	want := []string{"art_" + d.Articles[0].Key, "art_" + d.Articles[1].Key, "art_" + d.Articles[2].Key}
	if !slices.Equal(ids, want) || !strings.Contains(ids[1], "bis") {
		t.Errorf("the first section's articles are %v, want %v (an inserted article's key in its eId)", ids, want)
	}
}

// Text that XML gives a meaning to is escaped, and the characters XML
// forbids are dropped: the reader gets every other character back.
func TestAKNEscapes(t *testing.T) {
	d := &drafts.Draft{ID: "D-1", Language: "ar", Version: 1, Title: `قانون "أ" & <ب>`,
		Preamble: []string{"تمهيد ]]> <!-- -->"},
		Articles: []drafts.Article{{Key: "1", Number: "1", Heading: "a<b", Paragraphs: []string{"x\x01y\uFFFEz & 'q'"}, Division: -1}}}
	var out bytes.Buffer
	if _, err := export.WriteDraft(&out, d, export.AkomaNtoso); err != nil {
		t.Fatal(err)
	}
	want := *d
	want.Articles = []drafts.Article{d.Articles[0]}
	want.Articles[0].Paragraphs = []string{"xyz & 'q'"}
	checkAKN(t, out.Bytes(), &want, "ara")
	if p := readXML(t, out.Bytes()).all("preamble")[0].child("p").text; p != d.Preamble[0] {
		t.Errorf("the preamble reads «%s», want «%s»", p, d.Preamble[0])
	}
}

// FuzzAKNText writes any text as a draft's title, heading and paragraph:
// the file is always well-formed and gives the text back, less the
// characters XML forbids.
func FuzzAKNText(f *testing.F) {
	for _, s := range []string{"", "نص", "<&>\"'", "\x00\x1f\uFFFE\uFFFF", "\xff\xfe", "]]>", "\r\n", "a\u200fb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := &drafts.Draft{ID: "D-1", Version: 1, Title: s, Articles: []drafts.Article{{Key: "1", Number: "1", Heading: s, Paragraphs: []string{s}, Division: -1}}}
		var out bytes.Buffer
		if _, err := export.WriteDraft(&out, d, export.AkomaNtoso); err != nil {
			t.Fatal(err)
		}
		root := readXML(t, out.Bytes())
		want := strings.Map(func(r rune) rune {
			if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
				return -1
			}
			return r
		}, strings.ToValidUTF8(s, ""))
		if p := root.all("paragraph")[0].path("content", "p").text; p != want {
			t.Errorf("the paragraph reads %q, want %q", p, want)
		}
		if name := root.all("FRBRname"); s != "" && (len(name) != 1 || name[0].attr["value"] != want) {
			t.Errorf("the Work's name reads %v, want %q", name, want)
		}
	})
}

// BenchmarkExportAKNWorkload exports version 1 of the 1,000-article
// workload with 2,000 of the chambers' amendments as Akoma Ntoso from a
// store, as statutectl export does. The target for the
// consolidated text is 1 s an op.
func BenchmarkExportAKNWorkload(b *testing.B) {
	d := workload.Draft(1000, 1)
	r := storeWith(b, d)
	as := workload.Amendments(d, 2000, 1)
	if err := r.Store().AddAmendments(as...); err != nil {
		b.Fatal(err)
	}
	var out bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		out.Reset()
		if _, err := export.Write(r, &out, export.Request{Format: export.AkomaNtoso}); err != nil {
			b.Fatal(err)
		}
	}
	n := bytes.Count(out.Bytes(), []byte("<amendment "))
	if n < 1000 || bytes.Count(out.Bytes(), []byte("<article ")) != 1000 {
		b.Fatalf("%d amendments and %d articles written", n, bytes.Count(out.Bytes(), []byte("<article ")))
	}
	b.ReportMetric(float64(n), "amendments/op")
	b.SetBytes(int64(out.Len()))
}
