package diff_test

import (
	"strings"
	"testing"

	"statute/drafts"
	"statute/drafts/diff"
)

// blankLines writes text's paragraphs as the draft itself is written and
// as a person types: a blank line, or several, between paragraphs, and
// spaces at the ends of some lines, chosen by the bytes of seed.
func blankLines(text, seed string) string {
	seps := []string{"\n\n", "\n\n\n", " \n\n", "\n \n", "\n\t\n\n", "\r\n\r\n", "\n"}
	lines := strings.Split(text, "\n")
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			k := 0
			if seed != "" {
				k = int(seed[i%len(seed)])
			}
			b.WriteString(seps[k%len(seps)])
		}
		b.WriteString(l)
	}
	return b.String()
}

func wording(text string) *drafts.Amendment {
	return &drafts.Amendment{Kind: drafts.Wording, Text: text}
}

// A wording written with blank lines between its paragraphs is no change
// to the article; a paragraph it adds is inserted in its place, on its
// own line, and nothing else is marked.
func TestOfAmendmentBlankLinesAreNoChange(t *testing.T) {
	base := "يُقصد في مدلول هذا القانون بما يلي:\n- الصانع التقليدي: كل شخص ذاتي مقيد في السجل الوطني؛\n- الغرفة: غرفة الصناعة التقليدية المحدثة على صعيد الجهة.\nتحدد بنص تنظيمي كيفيات التقييد."
	paras := strings.Split(base, "\n")
	added := "- الجامعة: جامعة غرف الصناعة التقليدية؛"
	for _, opt := range []diff.Options{{}, {Lenient: true}} {
		same := diff.OfAmendment(base, wording(strings.Join(paras, "\n\n")+"\n\n"), opt)
		if len(same) != 1 || same[0].Op != diff.Equal || same[0].Text != base {
			t.Errorf("lenient=%v: the article written with blank lines gives %q, want it all equal", opt.Lenient, same)
		}

		withNew := strings.Join(paras[:2], "\n\n") + "\n\n" + added + "  \n\n\n" + strings.Join(paras[2:], "\n\n")
		cs := diff.OfAmendment(base, wording(withNew), opt)
		want := strings.Join(paras[:2], "\n") + "\n{+" + added + "+}\n" + strings.Join(paras[2:], "\n")
		if got := diff.Plain(cs); got != want {
			t.Errorf("lenient=%v: a paragraph added between blank lines reads\n%s\nwant\n%s", opt.Lenient, got, want)
		}
		// The five words of the new item; its dash is no word.
		if ins, del, frm := diff.Stats(cs); ins != 5 || del != 0 || frm != 0 {
			t.Errorf("lenient=%v: %d words inserted, %d deleted, %d respelled; want 5, 0, 0", opt.Lenient, ins, del, frm)
		}
	}
	// An inserted article is its wording, normalized as stored.
	ins := diff.OfAmendment("", &drafts.Amendment{Kind: drafts.Insert, Text: "\n\nأولا\n\n\nثانيا  \n"}, diff.Options{})
	if got := diff.Plain(ins); got != "{+أولا\nثانيا+}" {
		t.Errorf("an inserted article written with blank lines reads %q", got)
	}
}

// FuzzOfAmendmentBlankLines checks, for any text and any way of writing it
// with blank lines between its paragraphs, that the amendment's diff to the
// article holding that text marks nothing, and that it still rebuilds both
// texts in their normal form.
func FuzzOfAmendmentBlankLines(f *testing.F) {
	f.Add("تحدث غرفة.\nتتولى الغرفة ما يلي:\n- أ؛\n- ب.", "\x01\x02\x03", false)
	f.Add(sampleArticle(3, 120), "seed", true)
	f.Add("  a \n\n b\r\nc\f", "", false)
	f.Fuzz(func(t *testing.T, text, seed string, lenient bool) {
		opt := diff.Options{Lenient: lenient}
		base := drafts.NormalizeParagraphs(text) // an article's text
		typed := blankLines(base, seed)
		cs := diff.OfAmendment(base, wording(typed), opt)
		for _, c := range cs {
			if c.Op != diff.Equal {
				t.Fatalf("%q written as %q: change %v %q, want none", base, typed, c.Op, c.Text)
			}
		}
		// Against another text, the changes rebuild both normal forms.
		other := drafts.NormalizeParagraphs(mutate(text, int64(len(seed)), 2))
		cs = diff.OfAmendment(base, wording(blankLines(other, seed)), opt)
		checkChanges(t, base, other, opt, cs)
	})
}
