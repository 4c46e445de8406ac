package round_test

import (
	"slices"
	"strings"
	"testing"

	"statute/drafts"
	"statute/drafts/renumber"
	"statute/drafts/round"
)

// propose submits chamber code's new wording of article key, made by
// replacing old with new in its text.
func propose(t *testing.T, r *round.Round, d *drafts.Draft, code, key, old, new string) *drafts.Amendment {
	t.Helper()
	c, err := drafts.ChamberByCode(code)
	if err != nil {
		t.Fatal(err)
	}
	art := d.Article(key)
	if !strings.Contains(art.Text(), old) {
		t.Fatalf("article %s does not hold %q", key, old)
	}
	a := round.Blank(c, d, art)
	a.Text, a.Justification = strings.Replace(art.Text(), old, new, 1), "سبب"
	if err := r.Submit(c, d, a); err != nil {
		t.Fatal(err)
	}
	return a
}

func decide(t *testing.T, r *round.Round, id string, v drafts.Verdict) {
	t.Helper()
	if _, err := r.Decide(drafts.Federation, id, v, "", nil, "ملاحظة"); err != nil {
		t.Fatal(err)
	}
}

// Accepted changes to different words of one article combine, each
// naming its chamber; a rejected one brings nothing.
func TestConsolidationCombinesDifferentWords(t *testing.T) {
	r, d := newRound(t)
	fm := propose(t, r, d, "FM", "3", "والاستقلال المالي", "والاستقلال المالي والإداري")
	cs := propose(t, r, d, "CS", "3", "في هذا القانون", "في القانون رقم 50.17")
	ms := propose(t, r, d, "MS", "3", "تمثل الغرفة", "تمثل كل غرفة")
	decide(t, r, fm.ID, drafts.Accept)
	decide(t, r, cs.ID, drafts.Accept)
	decide(t, r, ms.ID, drafts.Reject)
	c, err := r.Consolidate("")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Conflicts) != 0 || c.Draft == nil {
		t.Fatalf("conflicts %+v, want none", c.Conflicts)
	}
	got := c.Draft.Article("3")
	want := strings.Replace(strings.Replace(d.Article("3").Text(), "والاستقلال المالي", "والاستقلال المالي والإداري", 1), "في هذا القانون", "في القانون رقم 50.17", 1)
	if got.Text() != want {
		t.Errorf("article 3 consolidated reads\n%s\nwant\n%s", got.Text(), want)
	}
	var from []string
	for _, s := range got.Sources {
		from = append(from, s.Chamber)
	}
	if !slices.Equal(from, []string{"CS", "FM"}) {
		t.Errorf("article 3 names its sources %+v, want CS's and FM's amendments", got.Sources)
	}
	if d.Article("5").Sources != nil || c.Draft.Article("5").Text() != d.Article("5").Text() {
		t.Error("an article no amendment touched changed")
	}
}

// The round, as legal staff meet it: three chambers amend one
// article, two in different words and one overlapping; all three are
// accepted; there is exactly one conflict, which blocks the version until
// a person resolves it; then the new version holds the resolution, the
// old one is untouched, the undecided amendment carries over, and the
// log verifies.
func TestConsolidationConflictResolvedThenStored(t *testing.T) {
	r, d := newRound(t)
	fm := propose(t, r, d, "FM", "3", "والاستقلال المالي", "والاستقلال المالي والإداري")
	cs := propose(t, r, d, "CS", "3", "في هذا القانون", "في القانون رقم 50.17")
	ms := propose(t, r, d, "MS", "3", "في هذا القانون", "في هذا النظام")
	sm := propose(t, r, d, "SM", "5", "مقر الغرفة", "مقر كل غرفة")
	for _, a := range []*drafts.Amendment{fm, cs, ms} {
		decide(t, r, a.ID, drafts.Accept)
	}

	c, err := r.Consolidate("")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Conflicts) != 1 || c.Conflicts[0].Key != "3" || len(c.Conflicts[0].Conflicts) != 1 {
		t.Fatalf("conflicts %+v, want exactly one, in article 3", c.Conflicts)
	}
	sides := c.Conflicts[0].Conflicts[0].Versions
	if len(sides) != 2 {
		t.Errorf("the conflict has %d versions, want CS's and MS's", len(sides))
	}
	if !slices.Equal(c.Undecided, []string{sm.ID}) {
		t.Errorf("undecided %q, want SM's amendment", c.Undecided)
	}
	if err := r.StoreConsolidation(c); !drafts.IsKind(err, drafts.Invalid) {
		t.Fatalf("storing a consolidation with a conflict: %v, want invalid", err)
	}

	resolved := strings.Replace(strings.Replace(d.Article("3").Text(), "والاستقلال المالي", "والاستقلال المالي والإداري", 1), "في هذا القانون", "في النظام رقم 50.17", 1)
	if _, err := r.Resolve(drafts.Federation, "", "3", resolved, "دمج اقتراحي الدار البيضاء ومراكش"); err != nil {
		t.Fatal(err)
	}
	c, err = r.Consolidate("")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Conflicts) != 0 {
		t.Fatalf("after the resolution, conflicts %+v", c.Conflicts)
	}
	if err := r.StoreConsolidation(c); err != nil {
		t.Fatal(err)
	}
	if c.Draft.Version != d.Version+1 {
		t.Errorf("the consolidated draft is version %d, want %d", c.Draft.Version, d.Version+1)
	}
	latest, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	if got := latest.Article("3").Text(); got != resolved {
		t.Errorf("the new version's article 3 reads\n%s\nwant the resolution\n%s", got, resolved)
	}
	if !slices.Contains(c.Undecided, sm.ID) {
		t.Errorf("SM's undecided amendment does not carry over: %q", c.Undecided)
	}
	if _, err := r.Resolve(drafts.Federation, "", "5", "نص", ""); !drafts.IsKind(err, drafts.Invalid) {
		t.Errorf("resolving an article no accepted amendment changes: %v, want invalid", err)
	}
	if _, err := r.Resolve(mustChamberCode(t, "FM"), "", "3", resolved, ""); !drafts.IsKind(err, drafts.Forbidden) {
		t.Errorf("a chamber resolving: %v, want forbidden", err)
	}
}

func mustChamberCode(t *testing.T, code string) drafts.Chamber {
	t.Helper()
	c, err := drafts.ChamberByCode(code)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// An amendment made on one version follows its article into the next,
// whatever its number there: after a renumbering, the amendment to old
// article 8 is found under new article 10, not under the new article 8.
func TestAmendmentsFollowTheirArticleIntoANewVersion(t *testing.T) {
	r, d := newRound(t)
	a := propose(t, r, d, "FM", "8", "الغرفة", "الغرفة الجهوية")
	plan := renumber.Make(d)
	if err := r.Renumber(plan); err != nil {
		t.Fatal(err)
	}
	latest, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	at := func(key string) []string {
		as, err := r.AmendmentsAt(latest, drafts.AmendmentFilter{Article: key})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, a := range as {
			ids = append(ids, a.ID)
		}
		return ids
	}
	if got := at("10"); !slices.Equal(got, []string{a.ID}) {
		t.Errorf("new article 10 (old 8) has %q, want FM's amendment", got)
	}
	if got := at("8"); len(got) != 0 {
		t.Errorf("new article 8 (old 7 مكررة) has %q, want none", got)
	}
	counts, err := r.CountsAt(latest, drafts.AmendmentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if counts["10"] != 1 || counts["8"] != 0 {
		t.Errorf("counts %v, want the amendment counted under 10", counts)
	}
}

// Undecided amendments carry over to the consolidated version: one whose
// change does not collide with what the version changed is carried onto
// the new wording; one that collides is stale, shown against the wording
// it was made on.
func TestUndecidedAmendmentsAreRebased(t *testing.T) {
	r, d := newRound(t)
	cs := propose(t, r, d, "CS", "3", "في هذا القانون", "في القانون رقم 50.17")
	fm := propose(t, r, d, "FM", "3", "تمثل الغرفة", "تمثل كل غرفة")     // elsewhere: carried
	ms := propose(t, r, d, "MS", "3", "في هذا القانون", "في هذا النظام") // collides: stale
	decide(t, r, cs.ID, drafts.Accept)
	c, err := r.Consolidate("")
	if err != nil {
		t.Fatal(err)
	}
	if err := r.StoreConsolidation(c); err != nil {
		t.Fatal(err)
	}
	latest, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	now := latest.Article("3").Text()

	got, err := r.Rebase(latest, fm)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(now, "تمثل الغرفة", "تمثل كل غرفة", 1); !got.Carried || got.Stale || got.Base != now || got.Text != want {
		t.Errorf("FM's amendment rebased: %+v\nwant carried onto the new wording:\n%s", got, want)
	}
	got, err = r.Rebase(latest, ms)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Stale || got.Carried || got.Base != d.Article("3").Text() || got.Text != ms.Text {
		t.Errorf("MS's amendment rebased: %+v, want stale, against the wording it was made on", got)
	}
	got, err = r.Rebase(d, fm)
	if err != nil {
		t.Fatal(err)
	}
	if got.Carried || got.Stale || got.Text != fm.Text {
		t.Errorf("FM's amendment against its own version: %+v, want as it is", got)
	}
}

// refusingLog is a store whose decision log refuses every entry, as a
// store does a decision that no longer holds by the time it is written.
type refusingLog struct{ drafts.Store }

func (s refusingLog) AppendDecision(d *drafts.Decision) error {
	e := *d
	e.Replaces = append(slices.Clone(e.Replaces), "CS-ZZZZZZZZ")
	return s.Store.AppendDecision(&e)
}

func (s refusingLog) AddDecided(a *drafts.Amendment, d *drafts.Decision) error {
	e := *d
	e.Replaces = append(slices.Clone(e.Replaces), "CS-ZZZZZZZZ")
	return s.Store.AddDecided(a, &e)
}

// Resolve stores the synthesis and its decision in one write: when the
// store refuses the decision, no synthesis is left submitted and
// undecided.
func TestResolveRefusedLeavesNoSynthesis(t *testing.T) {
	r, d := newRound(t)
	cs := propose(t, r, d, "CS", "3", "في هذا القانون", "في القانون رقم 50.17")
	ms := propose(t, r, d, "MS", "3", "في هذا القانون", "في هذا النظام")
	decide(t, r, cs.ID, drafts.Accept)
	decide(t, r, ms.ID, drafts.Accept)
	refusing := round.New(refusingLog{r.Store()})
	resolved := strings.Replace(d.Article("3").Text(), "في هذا القانون", "في النظام رقم 50.17", 1)
	_, err := refusing.Resolve(drafts.Federation, "", "3", resolved, "")
	wantKind(t, err, drafts.Invalid, "no amendment CS-ZZZZZZZZ to replace")
	fed, err := r.Store().Amendments(drafts.AmendmentFilter{DraftID: d.ID, Chamber: drafts.FederationCode})
	if err != nil || len(fed) != 0 {
		t.Fatalf("after the refusal the federation has %d amendments (%v), want none", len(fed), err)
	}
	undecided, err := r.UndecidedCounts(d, round.Visible(drafts.Federation, d.ID))
	if err != nil || len(undecided) != 0 {
		t.Errorf("undecided after the refusal: %v, %v; want none", undecided, err)
	}
	syn, err := r.Resolve(drafts.Federation, "", "3", resolved, "")
	if err != nil {
		t.Fatal(err)
	}
	if cur, err := r.Current(syn.ID); err != nil || cur == nil || cur.Verdict != drafts.Supersede || !slices.Equal(cur.Replaces, []string{cs.ID, ms.ID}) {
		t.Errorf("the synthesis's decision: %+v, %v; want it superseding CS's and MS's", cur, err)
	}
}

// Two chambers' new articles that ask for one number conflict; Resolve
// with that number settles them with the federation's one new article,
// which supersedes both, and the consolidation then holds it in their
// place. Resolving the number again replaces that synthesis in turn.
func TestResolveANewArticleNumber(t *testing.T) {
	r, d := newRound(t)
	insert := func(c drafts.Chamber, number, text string) *drafts.Amendment {
		a := round.Blank(c, d, d.Article("2"))
		a.Kind, a.NewNumber, a.Text, a.Justification = drafts.Insert, number, text, "التنسيق"
		if err := r.Submit(c, d, a); err != nil {
			t.Fatal(err)
		}
		decide(t, r, a.ID, drafts.Accept)
		return a
	}
	one := insert(fm, "2 مكررة", "تحدث لجنة جهوية للتنسيق.")
	two := insert(cs, "2bis", "تحدث لجنة وطنية للتنسيق.")
	c, err := r.Consolidate("")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Conflicts) != 1 || c.Conflicts[0].NumberTaken {
		t.Fatalf("conflicts %+v, want the two new articles 2 مكررة", c.Conflicts)
	}
	key := c.Conflicts[0].Key

	_, err = r.Resolve(fm, "", "2 مكررة", "تحدث لجنة للتنسيق.", "")
	wantKind(t, err, drafts.Forbidden, "only the federation decides")
	_, err = r.Resolve(drafts.Federation, "", "9 مكررة", "تحدث لجنة للتنسيق.", "")
	wantKind(t, err, drafts.NotFound, "9")

	syn, err := r.Resolve(drafts.Federation, "", "2 مكررة", "تحدث لجنة جهوية ووطنية للتنسيق.", "دمج المقترحين")
	if err != nil {
		t.Fatal(err)
	}
	if syn.Kind != drafts.Insert || syn.Article != "2" || syn.NewNumber != one.NewNumber || syn.Chamber != drafts.FederationCode {
		t.Errorf("the synthesis: %+v, want the federation's new article 2 مكررة after article 2", syn)
	}
	if cur, err := r.Current(two.ID); err != nil || cur == nil || cur.Amendment != syn.ID || cur.Verdict != drafts.Supersede {
		t.Errorf("CS's new article's current decision: %+v, %v; want the synthesis superseding it", cur, err)
	}
	c, err = r.Consolidate("")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Conflicts) != 0 || c.Draft == nil {
		t.Fatalf("after the resolution, conflicts %+v", c.Conflicts)
	}
	at := slices.IndexFunc(c.Draft.Articles, func(a drafts.Article) bool { return a.Key == key })
	if at < 0 || c.Draft.Articles[at-1].Key != "2" || c.Draft.Articles[at].Text() != "تحدث لجنة جهوية ووطنية للتنسيق." {
		t.Fatalf("the new version's article %s: %+v, want the synthesis after article 2", key, c.Draft.Articles[max(at, 0)])
	}
	var chambers []string
	for _, s := range c.Draft.Articles[at].Sources {
		chambers = append(chambers, s.Chamber)
	}
	if src := c.Draft.Articles[at].Sources; !slices.ContainsFunc(src, func(s drafts.Source) bool { return s.Amendment == syn.ID }) || !slices.Equal(chambers, []string{"CS", "FED", "FM"}) {
		t.Errorf("the new article's sources: %+v, want the synthesis and the two it replaces", src)
	}

	again, err := r.Resolve(drafts.Federation, "", "2bis", "تحدث لجنة للتنسيق.", "")
	if err != nil {
		t.Fatalf("resolving the number again: %v", err)
	}
	if cur, err := r.Current(syn.ID); err != nil || cur == nil || cur.Amendment != again.ID {
		t.Errorf("the first synthesis's current decision: %+v, %v; want the second superseding it", cur, err)
	}
	c, err = r.Consolidate("")
	if err != nil || len(c.Conflicts) != 0 || c.Draft.Article(key) == nil || c.Draft.Article(key).Text() != "تحدث لجنة للتنسيق." {
		t.Fatalf("after the second resolution: %+v, %v", c, err)
	}
}

// Two new articles asking for one number after different articles are
// one new article, after the first of those articles, when their
// wordings agree, and one conflict when they differ: never two articles
// of one number, which no version can hold.
func TestOneNumberAskedAfterDifferentArticles(t *testing.T) {
	for _, differ := range []bool{false, true} {
		r, d := newRound(t)
		insert := func(code, after, text string) *drafts.Amendment {
			a := round.Blank(mustChamber(code), d, d.Article(after))
			a.Kind, a.NewNumber, a.Text, a.Justification = drafts.Insert, "5 مكررة", text, "سد فراغ"
			return submit(t, r, d, a)
		}
		second := "تنشر الغرفة تقريرا سنويا."
		if differ {
			second = "تعقد الغرفة جمعا عاما كل سنة."
		}
		fm := insert("FM", "6", "تنشر الغرفة تقريرا سنويا.")
		cs := insert("CS", "5", second)
		decide(t, r, fm.ID, drafts.Accept)
		decide(t, r, cs.ID, drafts.Accept)
		c, err := r.Consolidate("")
		if err != nil {
			t.Fatal(err)
		}
		if differ {
			if len(c.Conflicts) != 1 || c.Conflicts[0].Key != "5bis" {
				t.Errorf("two wordings for 5 مكررة: conflicts %+v, want one, on 5bis", c.Conflicts)
			}
			continue
		}
		if len(c.Conflicts) != 0 {
			t.Fatalf("one wording for 5 مكررة: conflicts %+v", c.Conflicts)
		}
		if err := r.StoreConsolidation(c); err != nil {
			t.Fatalf("storing one new 5 مكررة: %v", err)
		}
		var keys []string
		for _, a := range c.Draft.Articles {
			keys = append(keys, a.Key)
		}
		if i := slices.Index(keys, "5bis"); i < 1 || keys[i-1] != "5" || slices.Index(keys[i+1:], "5bis") >= 0 {
			t.Errorf("articles %q: want one 5bis, right after 5", keys)
		}
	}
}
