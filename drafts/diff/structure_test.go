package diff_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"statute/assets"
	"statute/drafts"
	"statute/drafts/diff"
	"statute/drafts/parse"
	"statute/drafts/renumber"
)

// sampleWith parses the sample draft after edit.
func sampleWith(t *testing.T, edit func(string) string) *drafts.Draft {
	t.Helper()
	d, err := parse.Parse([]byte(edit(string(assets.SampleDraft))), parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// replaceOnce replaces old by new in s, and fails the test when s does not
// hold old.
func replaceOnce(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("the sample draft no longer holds %q", old)
	}
	return strings.Replace(s, old, new, 1)
}

// Compare reports what lies around the articles too: the preamble, a
// division renamed, added or removed, an article moved to another
// division; and says so in the plain report.
func TestCompareReportsTheStructure(t *testing.T) {
	same := func(s string) string { return s }
	old := sampleWith(t, same)

	t.Run("nothing changed", func(t *testing.T) {
		r := diff.Compare(old, sampleWith(t, same), diff.Options{})
		if r.Preamble != nil || len(r.Divisions) != 0 || len(r.Moved) != 0 || r.Unchanged != 36 {
			t.Errorf("the same draft compares as preamble %v, divisions %v, moved %v, %d unchanged", r.Preamble, r.Divisions, r.Moved, r.Unchanged)
		}
	})

	t.Run("preamble and a title renamed", func(t *testing.T) {
		new := sampleWith(t, func(s string) string {
			s = replaceOnce(t, s, "المشروع في إطار تنزيل", "المشروع في سياق تنزيل")
			return replaceOnce(t, s, "## الباب الأول: أحكام عامة", "## الباب الأول: مقتضيات عامة")
		})
		r := diff.Compare(old, new, diff.Options{})
		if !strings.Contains(diff.Plain(r.Preamble), "[-إطار-]{+سياق+}") {
			t.Errorf("the preamble's diff is %q, want [-إطار-]{+سياق+}", diff.Plain(r.Preamble))
		}
		if len(r.Divisions) != 1 || r.Divisions[0].Kind != diff.DivisionRenamed || diff.Plain(r.Divisions[0].Heading) != "الباب الأول: [-أحكام-]{+مقتضيات+} عامة" {
			t.Errorf("divisions %+v, want the first title renamed, [-أحكام-]{+مقتضيات+}", r.Divisions)
		}
		if len(r.Moved) != 0 || r.Unchanged != 36 {
			t.Errorf("%d moved and %d unchanged, want none moved: a renamed title keeps its articles", len(r.Moved), r.Unchanged)
		}
		var out bytes.Buffer
		if err := r.WritePlain(&out); err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"~ preamble", "~ الباب الأول: أحكام عامة → الباب الأول: مقتضيات عامة", "preamble changed, 1 division renamed\n0 changed, 0 added, 0 removed, 0 renumbered, 36 unchanged\n"} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("the plain report does not say %q:\n%s", want, out.String())
			}
		}
	})

	t.Run("an article moved to another chapter", func(t *testing.T) {
		new := sampleWith(t, func(s string) string {
			start := strings.Index(s, "#### المادة 5:")
			end := strings.Index(s, "## الباب الثاني")
			if start < 0 || end < start {
				t.Fatal("the sample draft's article 5 is not where this test expects it")
			}
			art5 := s[start:end]
			s = s[:start] + s[end:]
			return replaceOnce(t, s, "### الفصل الثاني: إحداث الغرف ومقارها", art5+"### الفصل الثاني: إحداث الغرف ومقارها")
		})
		r := diff.Compare(old, new, diff.Options{})
		if len(r.Moved) != 1 || r.Moved[0].Key != "5" ||
			!slices.Equal(r.Moved[0].From, []string{"الباب الأول: أحكام عامة", "الفصل الثاني: إحداث الغرف ومقارها"}) ||
			!slices.Equal(r.Moved[0].To, []string{"الباب الأول: أحكام عامة", "الفصل الأول: الموضوع والتعريفات"}) {
			t.Errorf("moved %+v, want article 5 from the second chapter to the first", r.Moved)
		}
		if len(r.Divisions) != 0 {
			t.Errorf("divisions %+v, want none changed", r.Divisions)
		}
	})

	t.Run("a chapter added in the middle", func(t *testing.T) {
		new := sampleWith(t, func(s string) string {
			return replaceOnce(t, s, "#### المادة 9:", "### الفصل الثالث: السجل الوطني\n\n#### المادة 9:")
		})
		r := diff.Compare(old, new, diff.Options{})
		if len(r.Divisions) != 1 || r.Divisions[0].Kind != diff.DivisionAdded || r.Divisions[0].NewHeading != "الفصل الثالث: السجل الوطني" {
			t.Errorf("divisions %+v, want only the new chapter, added: no later one renamed", r.Divisions)
		}
		if len(r.Moved) != 1 || r.Moved[0].Key != "9" {
			t.Errorf("moved %+v, want article 9, now in the new chapter", r.Moved)
		}
	})

	t.Run("a title removed", func(t *testing.T) {
		new := sampleWith(t, func(s string) string {
			return replaceOnce(t, s, "## الباب السادس: الوصاية والمراقبة\n", "")
		})
		r := diff.Compare(old, new, diff.Options{})
		if !slices.ContainsFunc(r.Divisions, func(d diff.DivisionDiff) bool {
			return d.Kind == diff.DivisionRemoved && d.OldHeading == "الباب السادس: الوصاية والمراقبة"
		}) {
			t.Errorf("divisions %+v, want the sixth title removed", r.Divisions)
		}
		if len(r.Moved) == 0 {
			t.Error("no article moved, want the sixth title's articles in the fifth now")
		}
	})
}

// NewKey follows an article from one version to the next: through a
// renumbering, and to nowhere when it was removed.
func TestNewKeyFollowsAnArticle(t *testing.T) {
	old := sampleWith(t, func(s string) string { return s })
	renumbered := renumber.Make(old).Draft
	r := diff.Compare(old, renumbered, diff.Options{})
	for oldKey, want := range map[string]string{"1": "1", "7bis": "8", "8": "10", "33": "36"} {
		if got, ok := r.NewKey(oldKey); !ok || got != want {
			t.Errorf("NewKey(%q) = %q, %v; want %q", oldKey, got, ok, want)
		}
	}
	removed := sampleWith(t, func(s string) string {
		start, end := strings.Index(s, "#### المادة 7 مكررة:"), strings.Index(s, "#### المادة 7 مكررة مرتين")
		return s[:start] + s[end:]
	})
	if key, ok := diff.Compare(old, removed, diff.Options{}).NewKey("7bis"); ok {
		t.Errorf("NewKey of a removed article = %q, want none", key)
	}
}

// Texts that differ in form only share their lenient key; a changed word
// does not.
func TestLenientKey(t *testing.T) {
	a := diff.LenientKey("تخضع الغرف لوصاية الدولة.\nرقم 50.17")
	for _, same := range []string{"تَخْضَعُ الغرف لوصايـة  الدولة.\n\n\nرقم ٥٠.١٧", "تخضع الغرف لوصاية الدولة.  \nرقم 50.17\n"} {
		if got := diff.LenientKey(same); got != a {
			t.Errorf("LenientKey(%q) = %q, want %q", same, got, a)
		}
	}
	if diff.LenientKey("تخضع الغرف لوصاية الدولة.\nرقم 18.09") == a {
		t.Error("a changed number has the same lenient key")
	}
	if diff.LenientKey("تخضع الغرف لوصاية الدولة. رقم 50.17") == a {
		t.Error("a paragraph joined to the next has the same lenient key")
	}
}
