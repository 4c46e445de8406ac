package boltstore_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"statute/drafts"
	"statute/drafts/boltstore"
)

// newStore opens a fresh database under t.TempDir(). At cleanup it closes
// the store, reopens the file and runs bbolt's consistency check on it.
func newStore(t testing.TB) *boltstore.Store {
	t.Helper()
	path := filepath.Join(t.TempDir(), "statute.db")
	s, err := boltstore.Open(path, boltstore.Options{})
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { closeAndCheck(t, s) })
	return s
}

// closeAndCheck closes s (again, if the test did) and checks its file.
func closeAndCheck(t testing.TB, s *boltstore.Store) {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	again, err := boltstore.Open(s.Path(), boltstore.Options{ReadOnly: true})
	if err != nil {
		t.Errorf("reopening %s: %v", s.Path(), err)
		return
	}
	if err := again.Check(); err != nil {
		t.Errorf("consistency check: %v", err)
	}
	if err := again.Close(); err != nil {
		t.Errorf("Close after the check: %v", err)
	}
}

// sampleDraft is a short draft in Arabic with what makes Arabic text fragile:
// harakat, Eastern digits, a right-to-left mark, a bis article, French
// words in parentheses.
func sampleDraft() *drafts.Draft {
	return &drafts.Draft{
		Title:       "مشروع النظام الأساسي لغرف الصناعة التقليدية",
		Language:    "ar",
		ArticleWord: "المادة",
		Preamble:    []string{"بناءً على الدستور، ولا سيما الفصل ١٣٦ منه؛", "\u200fوبعد الاطلاع على القانون رقم 18.09"},
		Divisions: []drafts.Division{
			{Level: drafts.Title, Heading: "الباب الأول: أحكام عامة", Number: "الأول", Title: "أحكام عامة", Parent: -1},
			{Level: drafts.Chapter, Heading: "الفصل الأول: التعريف", Number: "الأول", Title: "التعريف", Parent: 0},
		},
		Articles: []drafts.Article{
			{Key: "1", Number: "الأولى", Paragraphs: []string{"تُحْدَثُ غُرَفُ الصِّنَاعَةِ التَّقْلِيدِيَّةِ (Chambres d'artisanat) في كل جهة."}, Position: 0, Division: 1, Line: 5},
			{Key: "2", Number: "2", Heading: "المهام", Paragraphs: []string{"تتولى الغرفة ما يلي:", "- تمثيل الصناع التقليديين؛", "- المساهمة في التكوين."}, Position: 1, Division: 1, Line: 7},
			{Key: "2bis", Number: "2 مكررة", Paragraphs: []string{"يحدد عدد أعضاء الغرفة في ٤٥ عضوا."}, Position: 2, Division: 1, Line: 11},
			{Key: "3", Number: "3", Paragraphs: []string{"تسري أحكام هذا القانون ابتداءً من تاريخ نشره."}, Position: 3, Division: 0, Line: 13},
		},
		Source: "مشروع النظام الأساسي.txt",
	}
}

func addDraft(t testing.TB, s *boltstore.Store, d *drafts.Draft) *drafts.Draft {
	t.Helper()
	if err := s.AddDraft(d); err != nil {
		t.Fatalf("AddDraft: %v", err)
	}
	return d
}

// state is what a user could see of a store, and the bytes of its file: a
// failed call must leave both as they were.
type state struct {
	listing []byte
	file    []byte
}

func stateOf(t testing.TB, s *boltstore.Store) state {
	t.Helper()
	var view struct {
		Drafts     []drafts.DraftInfo
		Versions   []*drafts.Draft
		Amendments []drafts.Amendment
		Decisions  []drafts.Decision
		LogError   string // a damaged log is part of what a user sees
	}
	var err error
	if view.Drafts, err = s.Drafts(); err != nil {
		t.Fatalf("Drafts: %v", err)
	}
	for _, info := range view.Drafts {
		for v := 1; v <= info.Version; v++ {
			d, err := s.DraftVersion(info.ID, v)
			if err != nil {
				t.Fatalf("DraftVersion(%s, %d): %v", info.ID, v, err)
			}
			view.Versions = append(view.Versions, d)
		}
	}
	if view.Amendments, err = s.Amendments(drafts.AmendmentFilter{}); err != nil {
		t.Fatalf("Amendments: %v", err)
	}
	if view.Decisions, err = s.Decisions(drafts.DecisionFilter{}); err != nil {
		view.LogError = err.Error()
	}
	listing, err := json.Marshal(view)
	if err != nil {
		t.Fatal(err)
	}
	file, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	return state{listing: listing, file: file}
}

func assertUnchanged(t testing.TB, before state, s *boltstore.Store) {
	t.Helper()
	after := stateOf(t, s)
	if !bytes.Equal(before.listing, after.listing) {
		t.Errorf("the stored data changed:\nbefore %s\nafter  %s", before.listing, after.listing)
	}
	if !bytes.Equal(before.file, after.file) {
		t.Errorf("the database file changed (%d bytes before, %d after)", len(before.file), len(after.file))
	}
}

// assertError checks an error's kind and that its message says what the
// user needs to read.
func assertError(t testing.TB, err error, kind drafts.ErrorKind, fragment string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error; want a %s error saying %q", kind, fragment)
	}
	if _, ok := err.(*drafts.Error); !ok {
		t.Errorf("error %v is a %T, not a *drafts.Error", err, err)
	}
	if got := drafts.KindOf(err); got != kind {
		t.Errorf("error %q is %s, want %s", err, got, kind)
	}
	if !strings.Contains(err.Error(), fragment) {
		t.Errorf("error %q does not say %q", err, fragment)
	}
}

func TestDraftRoundTrip(t *testing.T) {
	s := newStore(t)
	d := sampleDraft()
	want := sampleDraft()
	before := time.Now()
	addDraft(t, s, d)

	if !strings.HasPrefix(d.ID, "D-") || d.Version != 1 {
		t.Errorf("AddDraft set ID %q and version %d; want a D- ID and version 1", d.ID, d.Version)
	}
	if d.Imported.Before(before.Add(-time.Second)) || d.Imported.Location() != time.UTC {
		t.Errorf("Imported = %v; want now, in UTC", d.Imported)
	}
	want.ID, want.Version, want.Imported = d.ID, d.Version, d.Imported

	reads := map[string]func() (*drafts.Draft, error){
		"Draft":           func() (*drafts.Draft, error) { return s.Draft(d.ID) },
		"Draft, typed ID": func() (*drafts.Draft, error) { return s.Draft(" " + strings.ToLower(d.ID)) },
		"DraftVersion":    func() (*drafts.Draft, error) { return s.DraftVersion(d.ID, 1) },
		"LatestDraft":     s.LatestDraft,
	}
	for name, read := range reads {
		t.Run(name, func(t *testing.T) {
			got, err := read()
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("read back\n%+v\nwant\n%+v", got, want)
			}
		})
	}
	t.Run("one article", func(t *testing.T) {
		got, err := s.Article(d.ID, 1, "2bis")
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(*got, want.Articles[2]) || got.Paragraphs[0] != "يحدد عدد أعضاء الغرفة في ٤٥ عضوا." {
			t.Errorf("Article = %+v, want %+v", got, want.Articles[2])
		}
	})
	t.Run("listing", func(t *testing.T) {
		infos, err := s.Drafts()
		if err != nil {
			t.Fatal(err)
		}
		if len(infos) != 1 || infos[0] != want.Info() {
			t.Errorf("Drafts = %+v, want [%+v]", infos, want.Info())
		}
	})
}

func TestDraftVersions(t *testing.T) {
	s := newStore(t)
	v1 := addDraft(t, s, sampleDraft())
	v2 := sampleDraft()
	v2.ID = strings.ToLower(v1.ID) // as typed: stored IDs are canonical
	v2.Articles[0].Paragraphs = []string{"تُحدث في كل جهة غرفة للصناعة التقليدية."}
	v2.Articles = v2.Articles[:3]
	addDraft(t, s, v2)
	if v2.ID != v1.ID || v2.Version != 2 {
		t.Fatalf("second import got ID %s version %d; want %s version 2", v2.ID, v2.Version, v1.ID)
	}

	tests := []struct {
		name    string
		version int
		want    *drafts.Draft
	}{{"first", 1, v1}, {"second", 2, v2}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.DraftVersion(v1.ID, tt.version)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("version %d read back\n%+v\nwant\n%+v", tt.version, got, tt.want)
			}
		})
	}
	latest, err := s.Draft(v1.ID)
	if err != nil || !reflect.DeepEqual(latest, v2) {
		t.Errorf("Draft = %+v, %v; want version 2", latest, err)
	}
	infos, err := s.Drafts()
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) != 1 || infos[0].Version != 2 || infos[0].Articles != 3 {
		t.Errorf("Drafts = %+v; want one draft at version 2 with 3 articles", infos)
	}
}

func TestDraftOrder(t *testing.T) {
	s := newStore(t)
	titled := func(title string) *drafts.Draft { d := sampleDraft(); d.Title = title; return d }
	a := addDraft(t, s, titled("أ"))
	b := addDraft(t, s, titled("ب"))
	steps := []struct {
		name       string
		add        *drafts.Draft
		wantList   []string // titles, oldest first
		wantLatest string
	}{
		{"two drafts", nil, []string{"أ", "ب"}, "ب"},
		{"a new version of the first", &drafts.Draft{ID: a.ID, Title: "أ2", Articles: a.Articles}, []string{"أ2", "ب"}, "أ2"},
		{"a third draft", titled("ج"), []string{"أ2", "ب", "ج"}, "ج"},
		{"a new version of the second", &drafts.Draft{ID: b.ID, Title: "ب2", Articles: b.Articles}, []string{"أ2", "ب2", "ج"}, "ب2"},
	}
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			if step.add != nil {
				addDraft(t, s, step.add)
			}
			infos, err := s.Drafts()
			if err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, info := range infos {
				titles = append(titles, info.Title)
			}
			if !reflect.DeepEqual(titles, step.wantList) {
				t.Errorf("Drafts lists %q, want %q", titles, step.wantList)
			}
			latest, err := s.LatestDraft()
			if err != nil {
				t.Fatal(err)
			}
			if latest.Title != step.wantLatest {
				t.Errorf("LatestDraft is %q, want %q", latest.Title, step.wantLatest)
			}
		})
	}
}

func TestAddDraftKeepsAnUnknownID(t *testing.T) {
	s := newStore(t)
	d := sampleDraft()
	d.ID = "D-7K3QX9AB"
	addDraft(t, s, d)
	if d.ID != "D-7K3QX9AB" || d.Version != 1 {
		t.Errorf("stored as %s version %d; want D-7K3QX9AB version 1", d.ID, d.Version)
	}
	if _, err := s.Draft("D-7K3QX9AB"); err != nil {
		t.Error(err)
	}
}

func TestAddDraftErrors(t *testing.T) {
	tests := []struct {
		name     string
		draft    func() *drafts.Draft
		fragment string
	}{
		{"no draft", func() *drafts.Draft { return nil }, "no draft"},
		{"no articles", func() *drafts.Draft { d := sampleDraft(); d.Articles = nil; return d }, "has no articles"},
		{"two articles share a key", func() *drafts.Draft { d := sampleDraft(); d.Articles[3].Key = "2"; return d }, `articles 2 and 4 of the draft are both numbered "2"`},
		{"an article without key", func() *drafts.Draft { d := sampleDraft(); d.Articles[1].Key = " "; return d }, "has no key"},
		{"an unusable ID", func() *drafts.Draft { d := sampleDraft(); d.ID = "D-\x00"; return d }, "holds characters an ID cannot"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStore(t)
			addDraft(t, s, sampleDraft())
			before := stateOf(t, s)
			d := tt.draft()
			var id string
			if d != nil {
				id = d.ID
			}
			assertError(t, s.AddDraft(d), drafts.Invalid, tt.fragment)
			assertUnchanged(t, before, s)
			if d != nil && (d.ID != id || d.Version != 0 || !d.Imported.IsZero()) {
				t.Errorf("the refused draft was changed: ID %q version %d imported %v", d.ID, d.Version, d.Imported)
			}
		})
	}
}

func TestDraftNotFound(t *testing.T) {
	s := newStore(t)
	if _, err := s.LatestDraft(); err == nil {
		t.Fatal("LatestDraft of an empty store: no error")
	} else {
		assertError(t, err, drafts.NotFound, "holds no draft")
	}
	d := addDraft(t, s, sampleDraft())
	before := stateOf(t, s)
	tests := []struct {
		name     string
		read     func() error
		fragment string
	}{
		{"unknown draft", func() error { _, err := s.Draft("D-NONE"); return err }, `no draft "D-N0NE"`},
		{"version 0", func() error { _, err := s.DraftVersion(d.ID, 0); return err }, "versions count from 1"},
		{"version 2 of 1", func() error { _, err := s.DraftVersion(d.ID, 2); return err }, "has no version 2: its versions run from 1 to 1"},
		{"negative version", func() error { _, err := s.DraftVersion(d.ID, -1); return err }, "has no version -1"},
		{"a version past 32 bits", func() error { _, err := s.DraftVersion(d.ID, 1<<32+1); return err }, "has no version 4294967297"},
		{"unknown draft's version", func() error { _, err := s.DraftVersion("D-NONE", 1); return err }, "no draft"},
		{"unknown article", func() error { _, err := s.Article(d.ID, 1, "99"); return err }, `has no article "99"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assertError(t, tt.read(), drafts.NotFound, tt.fragment)
		})
	}
	assertUnchanged(t, before, s)
}
