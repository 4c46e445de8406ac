package drafts_test

import (
	"strings"
	"testing"

	"statute/drafts"
)

func validAmendment() drafts.Amendment {
	return drafts.Amendment{
		DraftID: "D-1", DraftVersion: 1, Article: "3", Kind: drafts.Wording,
		Text: "تتولى الغرفة تمثيل الصناع التقليديين لدى السلطات العمومية.", Justification: "توضيح المهام",
		Chamber: "FM", Status: drafts.StatusDraft,
	}
}

func TestAmendmentValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(a *drafts.Amendment)
		want   string // a fragment of the message; "" for valid
	}{
		{"valid wording", func(a *drafts.Amendment) {}, ""},
		{"valid repeal", func(a *drafts.Amendment) { a.Kind, a.Text = drafts.Repeal, "" }, ""},
		{"valid insert", func(a *drafts.Amendment) { a.Kind, a.NewNumber = drafts.Insert, "3 مكررة" }, ""},
		{"federation may propose", func(a *drafts.Amendment) { a.Chamber = "fed" }, ""},
		{"empty wording", func(a *drafts.Amendment) { a.Text = "  \n " }, "wording is empty"},
		{"repeal with text", func(a *drafts.Amendment) { a.Kind = drafts.Repeal }, "carries no new wording"},
		{"insert without number", func(a *drafts.Amendment) { a.Kind = drafts.Insert }, "needs its proposed number"},
		{"insert without text", func(a *drafts.Amendment) { a.Kind, a.NewNumber, a.Text = drafts.Insert, "3 مكررة", "" }, "text is empty"},
		{"number on wording", func(a *drafts.Amendment) { a.NewNumber = "4" }, "only an inserted article"},
		{"unknown kind", func(a *drafts.Amendment) { a.Kind = "rewrite" }, "unknown kind"},
		{"unknown chamber", func(a *drafts.Amendment) { a.Chamber = "XX" }, "unknown chamber"},
		{"no article", func(a *drafts.Amendment) { a.Article = "" }, "names no article"},
		{"no draft", func(a *drafts.Amendment) { a.DraftID = "" }, "names no draft"},
		{"invalid utf-8", func(a *drafts.Amendment) { a.Justification = "\xff\xfe" }, "not valid UTF-8"},
		{"huge text", func(a *drafts.Amendment) { a.Text = strings.Repeat("نص ", drafts.MaxTextBytes) }, "over the limit"},
		{"unknown status", func(a *drafts.Amendment) { a.Status = "accepted" }, "unknown status"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := validAmendment()
			tt.change(&a)
			err := a.Validate()
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want no error", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("Validate() = nil, want an error containing %q", tt.want)
			}
			if !drafts.IsKind(err, drafts.Invalid) {
				t.Errorf("kind = %q, want %q", drafts.KindOf(err), drafts.Invalid)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Validate() = %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestChambers(t *testing.T) {
	if len(drafts.Chambers()) != 12 {
		t.Fatalf("%d chambers, want 12", len(drafts.Chambers()))
	}
	seen := map[string]bool{}
	for _, c := range drafts.Chambers() {
		if seen[c.Code] {
			t.Errorf("code %s appears twice", c.Code)
		}
		seen[c.Code] = true
		got, err := drafts.ChamberByCode(strings.ToLower(c.Code))
		if err != nil || got != c {
			t.Errorf("ChamberByCode(%q) = %v, %v", strings.ToLower(c.Code), got, err)
		}
		if !strings.HasPrefix(c.Name(), "غرفة الصناعة التقليدية لجهة ") || !strings.HasSuffix(c.Name(), c.Region) {
			t.Errorf("Name() = %q", c.Name())
		}
	}
	fm, _ := drafts.ChamberByCode("FM")
	if fm.Name() != "غرفة الصناعة التقليدية لجهة فاس مكناس" {
		t.Errorf("FM is %q", fm.Name())
	}
	_, err := drafts.ChamberByCode("XYZ")
	if !drafts.IsKind(err, drafts.NotFound) || !strings.Contains(err.Error(), "TTA") || !strings.Contains(err.Error(), "FED") {
		t.Errorf("unknown code: %v, want NotFound listing the codes", err)
	}
}

func TestIDs(t *testing.T) {
	seen := map[string]bool{}
	for i := 0; i < 1000; i++ {
		id := drafts.NewID("FM")
		if !strings.HasPrefix(id, "FM-") || len(id) != 11 {
			t.Fatalf("NewID = %q, want FM- and 8 characters", id)
		}
		if seen[id] {
			t.Fatalf("NewID repeated %q", id)
		}
		seen[id] = true
		if drafts.NormalizeID(strings.ToLower(id)) != id {
			t.Errorf("NormalizeID(lower(%q)) = %q", id, drafts.NormalizeID(strings.ToLower(id)))
		}
	}
	if got := drafts.NormalizeID(" fm-7k3qx9ob "); got != "FM-7K3QX90B" {
		t.Errorf("a typed O must read as 0: got %q", got)
	}
}

func TestDraftPathAndHash(t *testing.T) {
	d := &drafts.Draft{
		Divisions: []drafts.Division{
			{Level: drafts.Title, Heading: "الباب الأول", Parent: -1},
			{Level: drafts.Chapter, Heading: "الفصل الأول", Parent: 0},
		},
		Articles: []drafts.Article{{Key: "1", Paragraphs: []string{"أ", "ب"}, Division: 1}},
	}
	a := d.Article("1")
	path := d.Path(a)
	if len(path) != 2 || path[0].Heading != "الباب الأول" || path[1].Heading != "الفصل الأول" {
		t.Errorf("Path = %+v", path)
	}
	if a.Text() != "أ\nب" {
		t.Errorf("Text = %q", a.Text())
	}
	if a.TextHash() != drafts.HashText("أ\nب") || a.TextHash() == drafts.HashText("أ ب") {
		t.Error("TextHash must identify the exact wording")
	}
	if d.Article("2") != nil {
		t.Error("Article(2) found an article that does not exist")
	}
}

func TestLevelJSON(t *testing.T) {
	for _, l := range []drafts.Level{drafts.Book, drafts.Part, drafts.Title, drafts.Chapter, drafts.Section} {
		b, err := l.MarshalText()
		if err != nil {
			t.Fatalf("%d: %v", l, err)
		}
		var back drafts.Level
		if err := back.UnmarshalText(b); err != nil || back != l {
			t.Errorf("%s: read back as %v, %v", b, back, err)
		}
	}
	var l drafts.Level
	if err := l.UnmarshalText([]byte("chapitre")); !drafts.IsKind(err, drafts.Invalid) {
		t.Errorf("unknown level: %v, want Invalid", err)
	}
	if drafts.Chapter.Arabic() != "الفصل" || drafts.Title.French() != "Titre" {
		t.Error("level words")
	}
}
