package diff_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"statute/drafts/arabic"
	"statute/drafts/diff"
)

// rebuild returns the old and new texts that changes describe.
func rebuild(cs []diff.Change) (old, new string) {
	var o, n strings.Builder
	for _, c := range cs {
		switch c.Op {
		case diff.Equal:
			o.WriteString(c.Text)
			n.WriteString(c.Text)
		case diff.Delete:
			o.WriteString(c.Text)
		case diff.Insert:
			n.WriteString(c.Text)
		case diff.Form:
			o.WriteString(c.Old)
			n.WriteString(c.Text)
		}
	}
	return o.String(), n.String()
}

// checkChanges fails t if cs does not rebuild old and new, or is not in
// the canonical form Words promises.
func checkChanges(t testing.TB, old, new string, opt diff.Options, cs []diff.Change) {
	t.Helper()
	if o, n := rebuild(cs); o != old || n != new {
		t.Fatalf("changes do not rebuild the texts (lenient=%v)\nold  %q\ngot  %q\nnew  %q\ngot  %q\nchanges %q", opt.Lenient, old, o, new, n, cs)
	}
	for i, c := range cs {
		if c.Text == "" && c.Old == "" {
			t.Fatalf("change %d is empty: %q", i, cs)
		}
		if c.Op == diff.Form && (!opt.Lenient || c.Old == c.Text) {
			t.Fatalf("change %d is a form change %q → %q in a diff with lenient=%v", i, c.Old, c.Text, opt.Lenient)
		}
		if c.Op != diff.Form && c.Old != "" {
			t.Fatalf("change %d (%v) has an old text", i, c.Op)
		}
		if i > 0 && c.Op == cs[i-1].Op && c.Op != diff.Form {
			t.Fatalf("changes %d and %d are both %v: they should be one", i-1, i, c.Op)
		}
		if i > 0 && c.Op == diff.Delete && cs[i-1].Op == diff.Insert {
			t.Fatalf("change %d: a deletion follows an insertion; the deletion should come first", i)
		}
	}
}

func TestWords(t *testing.T) {
	strict, lenient := diff.Options{}, diff.Options{Lenient: true}
	tests := []struct {
		name          string
		old, new      string
		opt           diff.Options
		want          string // Plain
		ins, del, frm int
	}{
		{"identical", "تحدث غرفة للصناعة التقليدية.", "تحدث غرفة للصناعة التقليدية.", strict,
			"تحدث غرفة للصناعة التقليدية.", 0, 0, 0},
		{"word replaced",
			"يتولى رئيس الغرفة تمثيلها أمام القضاء.", "يتولى رئيس الغرفة تمثيلها أمام المحاكم.", strict,
			"يتولى رئيس الغرفة تمثيلها أمام [-القضاء-]{+المحاكم+}.", 1, 1, 0},
		{"word inserted",
			"تحدث غرفة للصناعة التقليدية.", "تحدث غرفة جهوية للصناعة التقليدية.", strict,
			"تحدث غرفة {+جهوية+} للصناعة التقليدية.", 1, 0, 0},
		{"word deleted",
			"يجتمع مكتب الغرفة مرة واحدة على الأقل كل شهر.", "يجتمع مكتب الغرفة مرة على الأقل كل شهر.", strict,
			"يجتمع مكتب الغرفة مرة [-واحدة-] على الأقل كل شهر.", 0, 1, 0},
		{"words appended",
			"تنشر المداولات", "تنشر المداولات بالجريدة الرسمية", strict,
			"تنشر المداولات {+بالجريدة الرسمية+}", 2, 0, 0},
		{"words removed at the start",
			"وفي جميع الأحوال، تنشر المداولات", "تنشر المداولات", strict,
			"[-وفي جميع الأحوال،-] تنشر المداولات", 0, 3, 0},
		{"law number changed is one token",
			"تطبيقا لأحكام القانون رقم 18.09 المتعلق بالنظام الأساسي", "تطبيقا لأحكام القانون رقم 18.10 المتعلق بالنظام الأساسي", strict,
			"تطبيقا لأحكام القانون رقم [-18.09-]{+18.10+} المتعلق بالنظام الأساسي", 1, 1, 0},
		{"date changed is one token",
			"الصادر في 1.11.91", "الصادر في 2.11.91", strict,
			"الصادر في [-1.11.91-]{+2.11.91+}", 1, 1, 0},
		{"eastern digit number whole",
			"غرامة من ١٠٬٠٠٠ إلى ٢٠٬٠٠٠ درهم", "غرامة من ١٥٬٠٠٠ إلى ٢٠٬٠٠٠ درهم", strict,
			"غرامة من [-١٠٬٠٠٠-]{+١٥٬٠٠٠+} إلى ٢٠٬٠٠٠ درهم", 1, 1, 0},
		{"eastern decimal whole",
			"بنسبة ٣٫٥ في المائة", "بنسبة ٤٫٥ في المائة", strict,
			"بنسبة [-٣٫٥-]{+٤٫٥+} في المائة", 1, 1, 0},
		{"punctuation changed",
			"الرئيس، ونوابه؛ والكاتب.", "الرئيس ونوابه، والكاتب:", strict,
			"الرئيس[-،-] ونوابه[-؛-]{+،+} والكاتب[-.-]{+:+}", 0, 0, 0},
		{"parenthesis inserted",
			"الباقي لا تغيير فيه", "(الباقي لا تغيير فيه)", strict,
			"{+(+}الباقي لا تغيير فيه{+)+}", 0, 0, 0},
		{"harakat only, strict",
			"القانُون الأساسي للغرف", "القانون الأساسي للغرف", strict,
			"[-القانُون-]{+القانون+} الأساسي للغرف", 1, 1, 0},
		{"harakat only, lenient",
			"القانُون الأساسي للغرف", "القانون الأساسي للغرف", lenient,
			"[~القانُون~>القانون~] الأساسي للغرف", 0, 0, 1},
		{"tatweel, strict",
			"النظام الأسـاسي", "النظام الأساسي", strict,
			"النظام [-الأسـاسي-]{+الأساسي+}", 1, 1, 0},
		{"tatweel, lenient",
			"النظام الأسـاسي", "النظام الأساسي", lenient,
			"النظام [~الأسـاسي~>الأساسي~]", 0, 0, 1},
		{"alef forms, lenient",
			"احكام عامة و إحداث الغرف", "أحكام عامة و احداث الغرف", lenient,
			"[~احكام~>أحكام~] عامة و [~إحداث~>احداث~] الغرف", 0, 0, 2},
		{"alef maqsura, lenient",
			"يصادق على الميزانية", "يصادق علي الميزانية", lenient,
			"يصادق [~على~>علي~] الميزانية", 0, 0, 1},
		{"adjacent form changes make one",
			"القانُون الأسـاسي للغرف", "القانون الاساسي للغرف", lenient,
			"[~القانُون الأسـاسي~>القانون الاساسي~] للغرف", 0, 0, 2},
		{"eastern digits, lenient",
			"المادة ١٢ من القانون", "المادة 12 من القانون", lenient,
			"المادة [~١٢~>12~] من القانون", 0, 0, 1},
		{"eastern digits, strict",
			"المادة ١٢ من القانون", "المادة 12 من القانون", strict,
			"المادة [-١٢-]{+12+} من القانون", 1, 1, 0},
		{"lenient still sees real changes",
			"يتولى الرئيسُ تمثيل الغرفة", "يتولى الرئيس تسيير الغرفة", lenient,
			"يتولى [~الرئيسُ~>الرئيس~] [-تمثيل-]{+تسيير+} الغرفة", 1, 1, 1},
		{"doubled space is form in lenient mode",
			"رئيس الغرفة", "رئيس  الغرفة", lenient,
			"رئيس[~ ~>  ~]الغرفة", 0, 0, 0},
		{"new paragraph is a change in lenient mode",
			"الفقرة الأولى الفقرة الثانية", "الفقرة الأولى\nالفقرة الثانية", lenient,
			"الفقرة الأولى[- -]{+\n+}الفقرة الثانية", 0, 0, 0},
		{"from empty", "", "نص جديد", strict, "{+نص جديد+}", 2, 0, 0},
		{"to empty", "نص قديم", "", strict, "[-نص قديم-]", 0, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := diff.Words(tt.old, tt.new, tt.opt)
			checkChanges(t, tt.old, tt.new, tt.opt, cs)
			if got := diff.Plain(cs); got != tt.want {
				t.Errorf("Plain\n got %s\nwant %s\nchanges %q", got, tt.want, cs)
			}
			ins, del, frm := diff.Stats(cs)
			if ins != tt.ins || del != tt.del || frm != tt.frm {
				t.Errorf("Stats = %d inserted, %d deleted, %d form; want %d, %d, %d", ins, del, frm, tt.ins, tt.del, tt.frm)
			}
		})
	}
}

// Stats counts words and numbers, never white space or punctuation.
func TestStats(t *testing.T) {
	tests := []struct {
		name          string
		cs            []diff.Change
		ins, del, frm int
	}{
		{"nothing", nil, 0, 0, 0},
		{"equal text is not counted", []diff.Change{{Op: diff.Equal, Text: "تحدث غرفة للصناعة التقليدية."}}, 0, 0, 0},
		{"words", []diff.Change{{Op: diff.Insert, Text: "بالجريدة الرسمية"}}, 2, 0, 0},
		{"arabic comma", []diff.Change{{Op: diff.Delete, Text: "،"}}, 0, 0, 0},
		{"full stop", []diff.Change{{Op: diff.Insert, Text: "."}}, 0, 0, 0},
		{"parentheses", []diff.Change{{Op: diff.Insert, Text: "("}, {Op: diff.Equal, Text: "الباقي"}, {Op: diff.Insert, Text: ")"}}, 0, 0, 0},
		{"white space", []diff.Change{{Op: diff.Delete, Text: " "}, {Op: diff.Insert, Text: "\n"}}, 0, 0, 0},
		{"word with its punctuation", []diff.Change{{Op: diff.Delete, Text: "وفي جميع الأحوال، "}}, 0, 3, 0},
		{"punctuation between words", []diff.Change{{Op: diff.Insert, Text: "الرئيس؛ ونوابه: والكاتب - (Artisans)"}}, 4, 0, 0},
		{"a law number is one word", []diff.Change{{Op: diff.Delete, Text: "18.09"}, {Op: diff.Insert, Text: "18.10."}}, 1, 1, 0},
		{"eastern digits", []diff.Change{{Op: diff.Insert, Text: "١٠٬٠٠٠ درهم؛"}}, 2, 0, 0},
		{"harakat and tatweel stay in the word", []diff.Change{{Op: diff.Insert, Text: "القانُونُ الأسـاسيّ"}}, 2, 0, 0},
		{"form change counts its new words", []diff.Change{{Op: diff.Form, Text: "القانون الاساسي،", Old: "القانُون الأسـاسي،"}}, 0, 0, 2},
		{"all three", []diff.Change{
			{Op: diff.Equal, Text: "يتولى "},
			{Op: diff.Form, Text: "الرئيس", Old: "الرئيسُ"},
			{Op: diff.Equal, Text: " "},
			{Op: diff.Delete, Text: "تمثيل،"},
			{Op: diff.Insert, Text: "تسيير (مؤقتا)"},
			{Op: diff.Equal, Text: " الغرفة."},
		}, 2, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ins, del, frm := diff.Stats(tt.cs)
			if ins != tt.ins || del != tt.del || frm != tt.frm {
				t.Errorf("Stats = %d inserted, %d deleted, %d form; want %d, %d, %d", ins, del, frm, tt.ins, tt.del, tt.frm)
			}
		})
	}
}

func TestWordsFormKeepsBothSpellings(t *testing.T) {
	cs := diff.Words("أحكام عامّة", "احكام عامة", diff.Options{Lenient: true})
	want := []diff.Change{{Op: diff.Form, Text: "احكام عامة", Old: "أحكام عامّة"}}
	if !reflect.DeepEqual(cs, want) {
		t.Errorf("got %q, want %q", cs, want)
	}
}

// Same input, same output: go-diff runs without a deadline, and the token
// table does not depend on map order.
func TestWordsDeterministic(t *testing.T) {
	old, new := sampleArticle(7, 80), mutate(sampleArticle(7, 80), 7, 6)
	for _, opt := range []diff.Options{{}, {Lenient: true}} {
		first := diff.Words(old, new, opt)
		for range 20 {
			if got := diff.Words(old, new, opt); !reflect.DeepEqual(got, first) {
				t.Fatalf("lenient=%v: a second diff of the same texts differs:\n%s\n%s", opt.Lenient, diff.Plain(first), diff.Plain(got))
			}
		}
		// A Differ that has diffed other texts gives the same result.
		d := diff.NewDiffer(opt)
		d.Words(sampleArticle(3, 120), sampleArticle(4, 60))
		if got := d.Words(old, new); !reflect.DeepEqual(got, first) {
			t.Fatalf("lenient=%v: a reused Differ gives another result:\n%s\n%s", opt.Lenient, diff.Plain(first), diff.Plain(got))
		}
	}
}

// A realistic edit of a long article rebuilds and changes only what was
// changed.
func TestWordsGeneratedArticles(t *testing.T) {
	for seed := int64(1); seed <= 50; seed++ {
		old := sampleArticle(seed, 80)
		new := mutate(old, seed, 4)
		for _, opt := range []diff.Options{{}, {Lenient: true}} {
			cs := diff.Words(old, new, opt)
			checkChanges(t, old, new, opt, cs)
			ins, del, _ := diff.Stats(cs)
			if ins+del == 0 && old != new {
				t.Fatalf("seed %d: texts differ but no word was inserted or deleted: %s", seed, diff.Plain(cs))
			}
			if n := len(diff.Tokens(old)); ins+del > n {
				t.Fatalf("seed %d: %d words changed out of %d tokens for 4 edits: %s", seed, ins+del, n, diff.Plain(cs))
			}
		}
	}
}

func TestJSONOps(t *testing.T) {
	cs := []diff.Change{
		{Op: diff.Equal, Text: "المادة "},
		{Op: diff.Delete, Text: "٤"},
		{Op: diff.Insert, Text: "5"},
		{Op: diff.Form, Text: "احكام", Old: "أحكام"},
	}
	b, err := diff.JSON(cs)
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range []string{`"op": "equal"`, `"op": "delete"`, `"op": "insert"`, `"op": "form"`, `"old": "أحكام"`} {
		if !strings.Contains(string(b), op) {
			t.Errorf("JSON lacks %s:\n%s", op, b)
		}
	}
	var back []diff.Change
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("the JSON does not decode: %v", err)
	}
	if !reflect.DeepEqual(back, cs) {
		t.Errorf("decoded %q, want %q", back, cs)
	}
	if err := json.Unmarshal([]byte(`[{"op":"move","text":"x"}]`), &back); err == nil {
		t.Error("an unknown op decoded without error")
	}
	if b, err := diff.JSON(nil); err != nil || strings.TrimSpace(string(b)) != "[]" {
		t.Errorf("JSON(nil) = %s, %v; want []", b, err)
	}
}

// Lenient diffs fold words themselves, for speed: the fold must be
// arabic.Fold's, rune by rune and on words.
func TestFoldKeyIsArabicFold(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		if strings.TrimSpace(s) == "" {
			continue // white space folds by its line breaks instead
		}
		if got, want := diff.FoldKey(s), arabic.Fold(s); got != want {
			t.Errorf("fold of %U = %q, arabic.Fold gives %q", r, got, want)
		}
	}
	for _, w := range append(diff.Tokens(sampleArticle(5, 300)), "أحكام", "الأسـاسي", "القانُونُ", "على", "٤٢", "Article", "ÉTAT", "\xff") {
		if diff.FoldKey(w) != arabic.Fold(w) {
			t.Errorf("fold of %q = %q, arabic.Fold gives %q", w, diff.FoldKey(w), arabic.Fold(w))
		}
	}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if s := string(r); utf8.ValidRune(r) && !diff.MayFold(s) && diff.FoldKey(s) != s {
			t.Errorf("MayFold(%U) is false, but it folds to %q", r, diff.FoldKey(s))
		}
	}
	for _, tt := range []struct{ ws, want string }{{" ", " "}, {"   ", " "}, {"\n", "\n"}, {" \n\n ", "\n\n"}} {
		if got := diff.FoldKey(tt.ws); got != tt.want {
			t.Errorf("fold of white space %q = %q, want %q", tt.ws, got, tt.want)
		}
	}
}

// A lenient diff must not mistake a real change for one of form, whatever
// the seed of its token table. Each fresh Differ hashes with a new seed,
// so many of them try many layouts of the table: a fold key kept as a view
// of a reused buffer (a bug once) changed under the table when the next
// token was folded, and a later word of the same length then matched it
// in a few percent of the layouts.
func TestWordsLenientAnySeed(t *testing.T) {
	tests := []struct{ name, old, new, want string }{
		{"a reworded word is not a change of form",
			"le membre désigné par le conseil", "le membre supprimé par le conseil",
			"le membre [-désigné-]{+supprimé+} par le conseil"},
		{"a new paragraph is a change",
			"الفقرة الأولى الفقرة الثانية", "الفقرة الأولى\nالفقرة الثانية",
			"الفقرة الأولى[- -]{+\n+}الفقرة الثانية"},
	}
	opt := diff.Options{Lenient: true}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i := range 3000 {
				cs := diff.NewDiffer(opt).Words(tt.old, tt.new)
				if got := diff.Plain(cs); got != tt.want {
					t.Fatalf("fresh Differ %d:\n got %s\nwant %s", i, got, tt.want)
				}
			}
		})
	}
}
