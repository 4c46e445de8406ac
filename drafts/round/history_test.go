package round_test

import (
	"slices"
	"strings"
	"testing"

	"statute/drafts"
	"statute/drafts/renumber"
	"statute/drafts/round"
)

// An article's earlier versions are followed through a renumbering and a
// consolidation: article 10 of version 3 was article 8 of version 1, and
// says which amendment changed it since; an article new in version 3 had
// no earlier text.
func TestArticleVersionsFollowTheArticle(t *testing.T) {
	r, v1 := newRound(t)
	eight := v1.Article("8").Text()
	a := propose(t, r, v1, "FM", "8", "الغرفة", "الغرفة الجهوية")
	decide(t, r, a.ID, drafts.Accept)
	if err := r.Renumber(renumber.Make(v1)); err != nil {
		t.Fatal(err)
	}
	v2, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	c, err := r.Consolidate(v2.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.StoreConsolidation(c); err != nil {
		t.Fatal(err)
	}
	v3, err := r.Latest()
	if err != nil {
		t.Fatal(err)
	}
	if v3.Version != 3 || !strings.Contains(v3.Article("10").Text(), "الغرفة الجهوية") {
		t.Fatalf("version %d, article 10 %q: want version 3 holding FM's change", v3.Version, v3.Article("10").Text())
	}

	got, err := r.ArticleVersions(v3, "10")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Version != 1 || got[1].Version != 2 {
		t.Fatalf("article 10 of version 3 has %d earlier versions %+v, want versions 1 and 2", len(got), got)
	}
	want := []drafts.Source{{Amendment: a.ID, Chamber: "FM"}}
	for _, av := range got {
		old, err := r.Store().DraftVersion(v1.ID, av.Version)
		if err != nil {
			t.Fatal(err)
		}
		if !av.Imported.Equal(old.Imported) || av.Source != old.Source {
			t.Errorf("version %d: imported %v from %q, want %v from %q", av.Version, av.Imported, av.Source, old.Imported, old.Source)
		}
		if !slices.Equal(av.Sources, want) {
			t.Errorf("version %d: sources %v, want FM's amendment %s", av.Version, av.Sources, a.ID)
		}
	}
	if v := got[0]; !v.Found || v.Key != "8" || v.Text != eight {
		t.Errorf("in version 1: found %v, article %q, %q; want article 8 as seeded", v.Found, v.Key, v.Text)
	}
	if v := got[1]; !v.Found || v.Key != "10" || strings.Contains(v.Text, "الغرفة الجهوية") {
		t.Errorf("in version 2: found %v, article %q, %q; want article 10, renumbered, before FM's change", v.Found, v.Key, v.Text)
	}

	// Version 4 adds an article, imported as written.
	v4 := *v3
	v4.Articles = append(slices.Clone(v3.Articles), drafts.Article{Key: "99", Number: "99", Paragraphs: []string{"تدخل أحكام هذا القانون حيز التنفيذ بعد نشره بستة أشهر."}, Position: len(v3.Articles), Division: -1})
	for i := range v4.Articles {
		v4.Articles[i].Sources = nil
	}
	if err := r.Import(&v4); err != nil {
		t.Fatal(err)
	}
	got, err = r.ArticleVersions(&v4, "99")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("article 99 of version 4 has %d earlier versions, want 3", len(got))
	}
	for _, av := range got {
		if av.Found || av.Text != "" {
			t.Errorf("new article 99 found in version %d: %q", av.Version, av.Text)
		}
	}
	// Version 4 changed nothing in article 10: what made it differ from
	// version 1 is still FM's amendment, named once.
	got, err = r.ArticleVersions(&v4, "10")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || !slices.Equal(got[0].Sources, want) || len(got[2].Sources) != 0 {
		t.Fatalf("article 10 of version 4: %+v; want FM's amendment from version 1, none from version 3", got)
	}
	// Version 1 was imported, 2 renumbered from 1, 3 consolidated
	// from 2.
	for i, want := range []struct {
		made round.Making
		from int
	}{{round.Imported, 0}, {round.Renumbered, 1}, {round.Consolidated, 2}} {
		if got[i].Made != want.made || got[i].From != want.from {
			t.Errorf("version %d (source %q) is said made %d from version %d, want %d from %d", got[i].Version, got[i].Source, got[i].Made, got[i].From, want.made, want.from)
		}
	}

	if got, err := r.ArticleVersions(v1, "8"); err != nil || len(got) != 0 {
		t.Errorf("a first version: %v, %v; want no earlier version", got, err)
	}
	if _, err := r.ArticleVersions(v3, "77"); !drafts.IsKind(err, drafts.NotFound) {
		t.Errorf("an article version 3 does not have: %v, want NotFound", err)
	}
}
