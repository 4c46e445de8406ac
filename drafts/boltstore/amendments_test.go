package boltstore_test

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"statute/drafts"
	"statute/drafts/boltstore"
)

func wording(d *drafts.Draft, article, chamber, text string) *drafts.Amendment {
	return &drafts.Amendment{
		DraftID: d.ID, DraftVersion: d.Version, Article: article, Kind: drafts.Wording,
		Text: text, Justification: "توضيح الصياغة", Chamber: chamber, Author: "رئيس الغرفة", Status: drafts.StatusDraft,
	}
}

func addAmendments(t testing.TB, s *boltstore.Store, as ...*drafts.Amendment) {
	t.Helper()
	if err := s.AddAmendments(as...); err != nil {
		t.Fatalf("AddAmendments: %v", err)
	}
}

func ids(as []drafts.Amendment) []string {
	out := []string{}
	for _, a := range as {
		out = append(out, a.ID)
	}
	return out
}

func TestAddAndGetAmendment(t *testing.T) {
	s := newStore(t)
	d := addDraft(t, s, sampleDraft())
	a := wording(d, "2bis", "fm", "يحدد عدد أعضاء الغرفة في ٣٠ عضوا.")
	before := time.Now().Add(-time.Second)
	addAmendments(t, s, a)

	if !strings.HasPrefix(a.ID, "FM-") || a.Chamber != "FM" {
		t.Errorf("stored with ID %q, chamber %q; want an FM- ID and the canonical code FM", a.ID, a.Chamber)
	}
	if a.BaseHash != d.Articles[2].TextHash() {
		t.Errorf("BaseHash = %q, want the article's TextHash %q", a.BaseHash, d.Articles[2].TextHash())
	}
	if a.Created.Before(before) || a.Created.Location() != time.UTC || !a.Updated.Equal(a.Created) {
		t.Errorf("Created %v, Updated %v; want both now, in UTC", a.Created, a.Updated)
	}
	for _, id := range []string{a.ID, strings.ToLower(a.ID)} {
		got, err := s.Amendment(id)
		if err != nil {
			t.Fatalf("Amendment(%q): %v", id, err)
		}
		if !reflect.DeepEqual(got, a) {
			t.Errorf("Amendment(%q)\n%+v\nwant\n%+v", id, got, a)
		}
	}
	assertError(t, errOf(s.Amendment("FM-NONE")), drafts.NotFound, "no amendment FM-N0NE")
}

func errOf[T any](_ T, err error) error { return err }

func TestAddAmendmentsKeepsGivenFields(t *testing.T) {
	s := newStore(t)
	d := addDraft(t, s, sampleDraft())
	created := time.Date(2025, 7, 14, 9, 30, 0, 0, time.UTC)
	a := wording(d, "1", "CS", "نص جديد")
	a.ID, a.BaseHash, a.Created, a.Updated = "cs-7k3qx9ab", d.Articles[0].TextHash(), created, created.Add(time.Hour)
	addAmendments(t, s, a)
	got, err := s.Amendment("CS-7K3QX9AB")
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != "CS-7K3QX9AB" || !got.Created.Equal(created) || !got.Updated.Equal(created.Add(time.Hour)) {
		t.Errorf("stored %s created %v updated %v; want the given ID, in canonical form, and times", got.ID, got.Created, got.Updated)
	}
}

func TestAmendmentsOrder(t *testing.T) {
	s := newStore(t)
	d := addDraft(t, s, sampleDraft())
	day := func(n int) time.Time { return time.Date(2025, 7, n, 10, 0, 0, 0, time.UTC) }
	type spec struct {
		name, article string
		created       time.Time
	}
	// Added out of order: the listing must follow the articles of the
	// draft, then the dates the amendments were made.
	specs := []spec{
		{"3 early", "3", day(1)},
		{"1 late", "1", day(9)},
		{"2bis", "2bis", day(5)},
		{"1 early", "1", day(2)},
		{"1 late, added second", "1", day(9)},
		{"2", "2", day(30)},
		{"before 1970", "3", time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC)},
	}
	byName := map[string]string{}
	for _, sp := range specs {
		a := wording(d, sp.article, "MS", "نص "+sp.name)
		a.Created = sp.created
		addAmendments(t, s, a)
		byName[sp.name] = a.ID
	}
	var want []string
	for _, name := range []string{"1 early", "1 late", "1 late, added second", "2", "2bis", "before 1970", "3 early"} {
		want = append(want, byName[name])
	}
	got, err := s.Amendments(drafts.AmendmentFilter{DraftID: d.ID})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ids(got), want) {
		t.Errorf("order %q, want %q", ids(got), want)
	}
}

func TestAmendmentsFilter(t *testing.T) {
	s := newStore(t)
	first := addDraft(t, s, sampleDraft())
	second := addDraft(t, s, sampleDraft())
	v2 := sampleDraft()
	v2.ID = first.ID
	// Version 2 inserts an article before 2, so «2» moves one place down.
	v2.Articles = append(v2.Articles[:1], append([]drafts.Article{{Key: "1bis", Number: "1 مكررة", Paragraphs: []string{"نص مضاف"}}}, v2.Articles[1:]...)...)
	addDraft(t, s, v2)

	named := map[string]*drafts.Amendment{
		"fm 2":        wording(first, "2", "FM", "أ"),
		"cs 2":        wording(first, "2", "CS", "ب"),
		"fm 3":        wording(first, "3", "FM", "ج"),
		"fm 2 v2":     wording(v2, "2", "FM", "د"),
		"cs 1bis v2":  wording(v2, "1bis", "CS", "هـ"),
		"second fm 1": wording(second, "1", "FM", "و"),
	}
	named["cs 2"].Status = drafts.StatusSubmitted
	order := []string{"fm 2", "cs 2", "fm 3", "fm 2 v2", "cs 1bis v2", "second fm 1"}
	for _, name := range order {
		addAmendments(t, s, named[name])
	}
	tests := []struct {
		name   string
		filter drafts.AmendmentFilter
		want   []string
	}{
		{"everything, drafts in import order", drafts.AmendmentFilter{}, []string{"fm 2", "cs 2", "fm 3", "cs 1bis v2", "fm 2 v2", "second fm 1"}},
		{"one draft, version by version", drafts.AmendmentFilter{DraftID: first.ID}, []string{"fm 2", "cs 2", "fm 3", "cs 1bis v2", "fm 2 v2"}},
		{"one article, in both versions", drafts.AmendmentFilter{DraftID: first.ID, Article: "2"}, []string{"fm 2", "cs 2", "fm 2 v2"}},
		{"one article, typed ID", drafts.AmendmentFilter{DraftID: strings.ToLower(first.ID), Article: " 3 "}, []string{"fm 3"}},
		{"an article of version 2 only", drafts.AmendmentFilter{DraftID: first.ID, Article: "1bis"}, []string{"cs 1bis v2"}},
		{"one chamber", drafts.AmendmentFilter{Chamber: "fm"}, []string{"fm 2", "fm 3", "fm 2 v2", "second fm 1"}},
		{"one status", drafts.AmendmentFilter{Status: drafts.StatusSubmitted}, []string{"cs 2"}},
		{"article without draft", drafts.AmendmentFilter{Article: "1"}, []string{"second fm 1"}},
		{"all fields", drafts.AmendmentFilter{DraftID: first.ID, Article: "2", Chamber: "CS", Status: drafts.StatusSubmitted}, []string{"cs 2"}},
		{"unknown draft", drafts.AmendmentFilter{DraftID: "D-NONE"}, nil},
		{"unknown article", drafts.AmendmentFilter{DraftID: first.ID, Article: "99"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Amendments(tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			want := []string{}
			for _, name := range tt.want {
				want = append(want, named[name].ID)
			}
			if !reflect.DeepEqual(ids(got), want) {
				t.Errorf("got %q, want %q (%q)", ids(got), want, tt.want)
			}
			for _, a := range got {
				if !tt.filter.Match(&a) && tt.filter.DraftID == first.ID {
					t.Errorf("%s does not pass the filter", a.ID)
				}
			}
		})
	}
}

func TestUpdateAmendment(t *testing.T) {
	s := newStore(t)
	d := addDraft(t, s, sampleDraft())
	created := time.Date(2025, 7, 14, 9, 0, 0, 0, time.UTC)
	a := wording(d, "1", "DT", "نص أول")
	a.Created = created
	other := wording(d, "2", "DT", "تعديل آخر")
	addAmendments(t, s, a, other)

	edit := *a
	edit.Article, edit.BaseHash = "3", ""
	edit.Text = "نص منقح للمادة الثالثة"
	edit.Created = time.Now() // ignored: Created is the date it was made
	if err := s.UpdateAmendment(&edit); err != nil {
		t.Fatal(err)
	}
	got, err := s.Amendment(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, &edit) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, edit)
	}
	if !got.Created.Equal(created) || !got.Updated.After(created) || got.BaseHash != d.Articles[3].TextHash() || got.Text != edit.Text {
		t.Errorf("after the update: created %v, updated %v, base %s; want the original date, a later update, article 3's hash",
			got.Created, got.Updated, got.BaseHash)
	}
	list, err := s.Amendments(drafts.AmendmentFilter{DraftID: d.ID})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{other.ID, a.ID}; !reflect.DeepEqual(ids(list), want) {
		t.Errorf("listing after moving the amendment to article 3: %q, want %q", ids(list), want)
	}
	if l, err := s.Amendments(drafts.AmendmentFilter{DraftID: d.ID, Article: "1"}); err != nil || len(l) != 0 {
		t.Errorf("article 1 still lists %q (%v)", ids(l), err)
	}

	// Submitting is the last change the chamber can make.
	edit.Status = drafts.StatusSubmitted
	if err := s.UpdateAmendment(&edit); err != nil {
		t.Fatalf("submitting: %v", err)
	}
	before := stateOf(t, s)
	edit.Text = "تغيير بعد الإرسال"
	assertError(t, s.UpdateAmendment(&edit), drafts.Conflict, "submitted, and so is locked")
	assertUnchanged(t, before, s)
}

func TestAmendmentErrors(t *testing.T) {
	type setup struct {
		s      *boltstore.Store
		d      *drafts.Draft
		stored *drafts.Amendment // a draft amendment already in the store
		locked *drafts.Amendment // a submitted one
	}
	tests := []struct {
		name     string
		call     func(st setup) (error, []*drafts.Amendment)
		kind     drafts.ErrorKind
		fragment string
	}{
		{"add: fails Validate", func(st setup) (error, []*drafts.Amendment) {
			a := wording(st.d, "1", "FM", "")
			return st.s.AddAmendments(a), []*drafts.Amendment{a}
		}, drafts.Invalid, "wording is empty"},
		{"add: unknown chamber", func(st setup) (error, []*drafts.Amendment) {
			a := wording(st.d, "1", "XX", "نص")
			return st.s.AddAmendments(a), []*drafts.Amendment{a}
		}, drafts.Invalid, `unknown chamber "XX"`},
		{"add: nil", func(st setup) (error, []*drafts.Amendment) {
			return st.s.AddAmendments(wording(st.d, "1", "FM", "نص"), nil), nil
		}, drafts.Invalid, "amendment 2 of 2: the amendment is missing"},
		{"add: unknown draft", func(st setup) (error, []*drafts.Amendment) {
			a := wording(st.d, "1", "FM", "نص")
			a.DraftID = "D-NONE"
			return st.s.AddAmendments(a), []*drafts.Amendment{a}
		}, drafts.NotFound, `no draft "D-N0NE"`},
		{"add: unknown version", func(st setup) (error, []*drafts.Amendment) {
			a := wording(st.d, "1", "FM", "نص")
			a.DraftVersion = 3
			return st.s.AddAmendments(a), []*drafts.Amendment{a}
		}, drafts.NotFound, "has no version 3"},
		{"add: version 0", func(st setup) (error, []*drafts.Amendment) {
			a := wording(st.d, "1", "FM", "نص")
			a.DraftVersion = 0
			return st.s.AddAmendments(a), []*drafts.Amendment{a}
		}, drafts.NotFound, "names no version"},
		{"add: no such article", func(st setup) (error, []*drafts.Amendment) {
			a := wording(st.d, "9", "FM", "نص")
			return st.s.AddAmendments(a), []*drafts.Amendment{a}
		}, drafts.Invalid, "has no article «9»"},
		{"add: made against another text", func(st setup) (error, []*drafts.Amendment) {
			a := wording(st.d, "2", "FM", "نص")
			a.BaseHash = st.d.Articles[0].TextHash()
			return st.s.AddAmendments(a), []*drafts.Amendment{a}
		}, drafts.Invalid, "made against a different text of the article"},
		{"add: stored ID", func(st setup) (error, []*drafts.Amendment) {
			a := wording(st.d, "1", "FM", "نص")
			a.ID = strings.ToLower(st.stored.ID)
			return st.s.AddAmendments(a), []*drafts.Amendment{a}
		}, drafts.Conflict, "already stored"},
		{"add: one ID twice in a batch", func(st setup) (error, []*drafts.Amendment) {
			a, b := wording(st.d, "1", "FM", "نص"), wording(st.d, "2", "FM", "نص")
			a.ID, b.ID = "FM-AAAAAAAA", "FM-AAAAAAAA"
			return st.s.AddAmendments(a, b), []*drafts.Amendment{a, b}
		}, drafts.Conflict, "amendment 2 of 2: an amendment with ID FM-AAAAAAAA is already stored"},
		{"add: all or none", func(st setup) (error, []*drafts.Amendment) {
			as := []*drafts.Amendment{wording(st.d, "1", "FM", "نص"), wording(st.d, "2", "CS", "نص"), wording(st.d, "8", "MS", "نص")}
			return st.s.AddAmendments(as...), as
		}, drafts.Invalid, "amendment 3 of 3: version 1 of draft"},
		{"update: unknown ID", func(st setup) (error, []*drafts.Amendment) {
			a := *st.stored
			a.ID = "FM-NONE"
			return st.s.UpdateAmendment(&a), nil
		}, drafts.NotFound, "no amendment FM-N0NE"},
		{"update: no ID", func(st setup) (error, []*drafts.Amendment) {
			a := *st.stored
			a.ID = ""
			return st.s.UpdateAmendment(&a), nil
		}, drafts.NotFound, "has no ID"},
		{"update: submitted", func(st setup) (error, []*drafts.Amendment) {
			a := *st.locked
			a.Text = "نص آخر"
			return st.s.UpdateAmendment(&a), nil
		}, drafts.Conflict, "locked"},
		{"update: fails Validate", func(st setup) (error, []*drafts.Amendment) {
			a := *st.stored
			a.Kind = drafts.Repeal
			return st.s.UpdateAmendment(&a), nil
		}, drafts.Invalid, "a repeal carries no new wording"},
		{"update: no such article", func(st setup) (error, []*drafts.Amendment) {
			a := *st.stored
			a.Article, a.BaseHash = "44", ""
			return st.s.UpdateAmendment(&a), nil
		}, drafts.Invalid, "has no article «44»"},
		{"update: made against another text", func(st setup) (error, []*drafts.Amendment) {
			a := *st.stored
			a.Article = "3" // keeps the BaseHash of article 1
			return st.s.UpdateAmendment(&a), nil
		}, drafts.Invalid, "made against a different text"},
		{"update: unknown draft", func(st setup) (error, []*drafts.Amendment) {
			a := *st.stored
			a.DraftID = "D-NONE"
			return st.s.UpdateAmendment(&a), nil
		}, drafts.NotFound, "no draft"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			d := addDraft(t, s, sampleDraft())
			stored, locked := wording(d, "1", "FM", "نص مقترح"), wording(d, "2", "CS", "نص مقترح")
			locked.Status = drafts.StatusSubmitted
			addAmendments(t, s, stored, locked)
			before := stateOf(t, s)

			err, given := tt.call(setup{s, d, stored, locked})
			assertError(t, err, tt.kind, tt.fragment)
			assertUnchanged(t, before, s)
			for _, a := range given {
				// AddAmendments writes back all fields at once, times included.
				if a != nil && (!a.Created.IsZero() || !a.Updated.IsZero()) {
					t.Errorf("a refused amendment was changed: %+v", a)
				}
			}
		})
	}
}

func TestStatusMovesAndDeletion(t *testing.T) {
	s := newStore(t)
	d := sampleDraft()
	if err := s.AddDraft(d); err != nil {
		t.Fatal(err)
	}
	draft := wording(d, "1", "FM", "نص جديد")
	sent := wording(d, "1", "FM", "نص آخر")
	sent.Status = drafts.StatusSubmitted
	addAmendments(t, s, draft, sent)

	if _, err := s.SetStatus(draft.ID, drafts.StatusDraft, drafts.StatusWithdrawn); !drafts.IsKind(err, drafts.Conflict) {
		t.Errorf("draft → withdrawn: %v, want Conflict", err)
	}
	if _, err := s.SetStatus(draft.ID, drafts.StatusSubmitted, drafts.StatusWithdrawn); !drafts.IsKind(err, drafts.Conflict) {
		t.Errorf("withdrawing a draft that says it is submitted: %v, want Conflict", err)
	}
	w, err := s.SetStatus(strings.ToLower(sent.ID), drafts.StatusSubmitted, drafts.StatusWithdrawn)
	if err != nil || w.Status != drafts.StatusWithdrawn || w.Text != sent.Text {
		t.Fatalf("SetStatus = %+v, %v", w, err)
	}
	if _, err := s.SetStatus(sent.ID, drafts.StatusWithdrawn, drafts.StatusSubmitted); !drafts.IsKind(err, drafts.Conflict) {
		t.Errorf("withdrawn → submitted: %v, want Conflict", err)
	}
	edit := *w
	edit.Text = "تغيير"
	if err := s.UpdateAmendment(&edit); !drafts.IsKind(err, drafts.Conflict) {
		t.Errorf("updating a withdrawn amendment: %v, want Conflict", err)
	}
	if err := s.DeleteAmendment(sent.ID); !drafts.IsKind(err, drafts.Conflict) {
		t.Errorf("deleting a withdrawn amendment: %v, want Conflict", err)
	}
	if err := s.DeleteAmendment(draft.ID); err != nil {
		t.Fatalf("deleting a draft: %v", err)
	}
	if err := s.DeleteAmendment(draft.ID); !drafts.IsKind(err, drafts.NotFound) {
		t.Errorf("deleting it again: %v, want NotFound", err)
	}

	// The federation sees the withdrawn one; the deleted one is gone from
	// the listing and the counts alike.
	f := drafts.AmendmentFilter{DraftID: d.ID, Viewer: "fed"}
	as, err := s.Amendments(f)
	if err != nil || len(as) != 1 || as[0].ID != sent.ID || as[0].Status != drafts.StatusWithdrawn {
		t.Errorf("federation's listing = %v, %v; want the withdrawn amendment", ids(as), err)
	}
	counts, err := s.AmendmentCounts(drafts.AmendmentFilter{DraftID: d.ID})
	if err != nil || counts["1"] != 1 || len(counts) != 1 {
		t.Errorf("counts = %v, %v; want one amendment on article 1", counts, err)
	}
}
