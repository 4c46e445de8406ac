package ui_test

import (
	"fmt"
	"image"
	"image/draw"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"statute/ui"
	"statute/ui/internal/snapshot"
)

// searchField finds the search field of the window's top bar.
func searchField(t testing.TB, w fyne.Window) fyne.Focusable {
	t.Helper()
	for _, o := range objects(w) {
		if e, ok := o.(interface {
			fyne.Focusable
			SetPlaceHolder(string)
		}); ok {
			return e
		}
	}
	t.Fatal("no search field in the window")
	return nil
}

// A shownResult is one search result as listed: what it reads and the
// object to tap.
type shownResult struct {
	texts []string // the heading, then the context
	tap   fyne.Tappable
}

// searchResults lists the results shown: the objects of the window that
// take taps and the focus, other than buttons and fields, with the texts
// each shows.
func searchResults(w fyne.Window) []shownResult {
	var rs []shownResult
	for _, o := range objects(w) {
		tp, ok := o.(fyne.Tappable)
		if _, focusable := o.(fyne.Focusable); !ok || !focusable {
			continue // not a result: outline rows, for one, take no focus
		}
		if _, ok := o.(*widget.Button); ok {
			continue
		}
		if _, ok := o.(interface{ SetPlaceHolder(string) }); ok {
			continue
		}
		r := shownResult{tap: tp}
		for _, c := range test.LaidOutObjects(o) {
			if s, ok := c.(interface{ Text() string }); ok && s.Text() != "" {
				r.texts = append(r.texts, s.Text())
			}
		}
		// A hit in the text: its article's title and the context; a hit
		// in a heading: the heading alone.
		if len(r.texts) == 1 || len(r.texts) == 2 {
			rs = append(rs, r)
		}
	}
	return rs
}

// typeQuery puts q in the search field and waits for the results. It is
// put in one go, pasted over the field's text, rather than typed: Fyne's
// test driver runs fyne.Do on the calling goroutine, so a search still
// running while the next letter is typed would touch the window from two
// goroutines at once, which the real driver never does.
func typeQuery(t *testing.T, wb *ui.Workbench, w fyne.Window, q string) {
	t.Helper()
	f := searchField(t, w)
	w.Canvas().Focus(f)
	pasteQuery(f, q)
	wb.WaitSearch()
}

// pasteQuery replaces the text of the search field f by q, as selecting
// all and pasting q (or deleting, for no query) does.
func pasteQuery(f fyne.Focusable, q string) {
	s := f.(fyne.Shortcutable)
	s.TypedShortcut(&fyne.ShortcutSelectAll{})
	if q == "" {
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
		return
	}
	fyne.CurrentApp().Clipboard().SetContent(q)
	s.TypedShortcut(&fyne.ShortcutPaste{})
}

func TestSearchFindsWordsWhateverTheirSpelling(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "1"})
	for _, c := range []struct {
		name, query string
		heading     string // of one of the results
		context     string // what that result reads
		count       string
	}{
		{"without hamza finds أحكام", "احكام", "المادة 2: تعريفات", "لأحكام القانون رقم 50.17", ""},
		{"Eastern digits find Western ones", "٥٠.١٧", "المادة 2: تعريفات", "القانون رقم 50.17 المتعلق", ""},
		{"a word only in the preamble, which is not searched", "الدستور", "", "", "0 results"},
		{"a word with one hit", "معلل", "", "", "1 result"},
	} {
		t.Run(c.name, func(t *testing.T) {
			typeQuery(t, wb, w, c.query)
			rs := searchResults(w)
			if c.count != "" && !shows(w, c.count) {
				t.Errorf("the window shows %q, want the count %q", labels(w), c.count)
			}
			if c.heading == "" {
				return
			}
			if !shows(w, fmt.Sprintf("%d results", len(rs))) {
				t.Errorf("%d results listed, the window shows %q", len(rs), labels(w))
			}
			for _, r := range rs {
				if len(r.texts) == 2 && r.texts[0] == c.heading && strings.Contains(r.texts[1], c.context) {
					return
				}
			}
			t.Errorf("no result of %q under %q reading %q; results: %v", c.query, c.heading, c.context, rs)
		})
	}
}

func TestTappingAResultShowsItsArticle(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "1"})
	typeQuery(t, wb, w, "المجلس الأعلى للحسابات")
	rs := searchResults(w)
	if len(rs) != 1 {
		t.Fatalf("%d results, want 1: %v", len(rs), rs)
	}
	heading := rs[0].texts[0]
	if !shows(w, "Position 1 of 36") {
		t.Fatalf("the window shows %q before the tap, want article 1", labels(w))
	}
	test.Tap(rs[0].tap)
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	var shown int
	for _, l := range labels(w) {
		if l == heading {
			shown++
		}
	}
	// once in the results, once as the article's header
	if shown != 2 || shows(w, "Position 1 of 36") {
		t.Errorf("after tapping %q the window shows %q", heading, labels(w))
	}
	if len(searchResults(w)) != 1 {
		t.Error("the results closed when one was tapped; they should stay for the next")
	}
}

// highlighted returns the matches marked in the text the window shows
// that reads text, and whether it shows such a text.
func highlighted(w fyne.Window, text string) ([]string, bool) {
	for _, o := range objects(w) {
		if h, ok := o.(interface {
			Text() string
			Highlighted() []string
		}); ok && h.Text() == text {
			return h.Highlighted(), true
		}
	}
	return nil, false
}

// allHighlighted returns the matches marked in each of the texts the
// window shows that read text.
func allHighlighted(w fyne.Window, text string) [][]string {
	var out [][]string
	for _, o := range objects(w) {
		if h, ok := o.(interface {
			Text() string
			Highlighted() []string
		}); ok && h.Text() == text {
			out = append(out, h.Highlighted())
		}
	}
	return out
}

// resultUnder returns the first result listed under the article heading.
func resultUnder(t *testing.T, w fyne.Window, heading string) shownResult {
	t.Helper()
	for _, r := range searchResults(w) {
		if len(r.texts) == 2 && r.texts[0] == heading {
			return r
		}
	}
	t.Fatalf("no result under %q: %v", heading, searchResults(w))
	return shownResult{}
}

// «اعضاء», typed without hamza, finds the word whatever the seat of its
// hamza, and the article a result opens shows the words found marked,
// until another article is shown.
func TestTappingAResultMarksTheWordsFoundInItsArticle(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "5"})
	typeQuery(t, wb, w, "اعضاء")
	for _, c := range []struct {
		key, heading string
		want         []string // the words marked in the article's text
	}{
		{"1", "المادة الأولى", []string{"أعضائها"}},
		{"2", "المادة 2: تعريفات", []string{"أعضاؤها"}},
	} {
		test.Tap(resultUnder(t, w, c.heading).tap)
		if err := wb.Wait(); err != nil {
			t.Fatal(err)
		}
		text := f.draft.Article(c.key).Text()
		got, ok := highlighted(w, text)
		if !ok {
			t.Fatalf("tapping a result under %q does not show article %s's text", c.heading, c.key)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("article %s shows %q marked, want %q", c.key, got, c.want)
		}
	}
	// A word that holds the query twice is marked once, whole.
	typeQuery(t, wb, w, "ال")
	test.Tap(resultUnder(t, w, "المادة الأولى").tap)
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	marked, _ := highlighted(w, f.draft.Article("1").Text())
	if !slices.Contains(marked, "المالي") {
		t.Errorf("«ال» marks %q in article 1, want «المالي» among them", marked)
	}
	// «المالي» holds «ال» twice, and no two of the article's words marked
	// follow each other as the same word.
	for i := 1; i < len(marked); i++ {
		if marked[i] == marked[i-1] {
			t.Errorf("«ال» marks %q twice in a row: one word marked twice", marked[i])
		}
	}
	typeQuery(t, wb, w, "اعضاء")
	test.Tap(resultUnder(t, w, "المادة 2: تعريفات").tap)
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	// Closing the results leaves the marks; another article has none, and
	// coming back to the article does not bring them back.
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	text2 := f.draft.Article("2").Text()
	if got, _ := highlighted(w, text2); len(got) != 1 {
		t.Errorf("after Escape article 2 shows %q marked, want its match still marked", got)
	}
	wb.Next()
	settle(t, wb) // its amendments are read off the UI goroutine
	if got, ok := highlighted(w, f.draft.Article("3").Text()); !ok || len(got) != 0 {
		t.Errorf("the next article shows %q marked (shown: %v), want nothing marked", got, ok)
	}
	wb.Previous()
	settle(t, wb)
	if got, ok := highlighted(w, text2); !ok || len(got) != 0 {
		t.Errorf("back on article 2, %q is marked (shown: %v), want nothing marked", got, ok)
	}
}

// A result found in an article's title marks the words in the heading
// line of the article it opens.
func TestAResultInATitleMarksTheTitle(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "1"})
	typeQuery(t, wb, w, "الطبيعه") // with haa: not the title's «الطبيعة»
	if n := len(searchResults(w)); n != 0 {
		t.Fatalf("%d results for «الطبيعه», want none (taa marbuta is not folded)", n)
	}
	typeQuery(t, wb, w, "الطبيعة القانونية")
	for _, r := range searchResults(w) {
		if len(r.texts) == 1 && r.texts[0] == "المادة 3: الطبيعة القانونية للغرف" {
			test.Tap(r.tap)
			if err := wb.Wait(); err != nil {
				t.Fatal(err)
			}
			// Shown twice: the result, and the article's heading line.
			marks := allHighlighted(w, "المادة 3: الطبيعة القانونية للغرف")
			if len(marks) != 2 {
				t.Fatalf("the title of article 3 is shown %d times, want in the result and as the article's heading", len(marks))
			}
			for _, got := range marks {
				if !slices.Equal(got, []string{"الطبيعة القانونية"}) {
					t.Errorf("the title of article 3 shows %q marked, want «الطبيعة القانونية»", got)
				}
			}
			return
		}
	}
	t.Fatalf("no result for the title of article 3: %v", searchResults(w))
}

func TestAnEmptyQueryShowsNoResults(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	wb, w := f.open(t, a, ui.Options{Lang: "en"})
	for _, q := range []string{"", "   "} {
		t.Run(fmt.Sprintf("%q", q), func(t *testing.T) {
			typeQuery(t, wb, w, q)
			if rs := searchResults(w); len(rs) != 0 {
				t.Errorf("%d results for %q", len(rs), q)
			}
			if containsText(labels(w), "result") {
				t.Errorf("the window shows %q, want no result count", labels(w))
			}
			if !shows(w, "الباب الأول: أحكام عامة") {
				t.Errorf("the outline is not shown: %q", labels(w))
			}
		})
	}
}

func TestSearchFindsHeadingsFirst(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "12"})
	typeQuery(t, wb, w, "احكام")
	rs := searchResults(w)
	want := []string{"الباب الأول: أحكام عامة", "الباب السابع: أحكام انتقالية وختامية", "المادة 30: أحكام انتقالية"}
	if len(rs) < len(want) {
		t.Fatalf("%d results, want the %d headings first", len(rs), len(want))
	}
	for i, h := range want {
		if len(rs[i].texts) != 1 || rs[i].texts[0] != h {
			t.Errorf("result %d reads %q, want the heading %q alone", i, rs[i].texts, h)
		}
	}
	// A title's hit shows its first article.
	test.Tap(rs[1].tap)
	if err := wb.Wait(); err != nil {
		t.Fatal(err)
	}
	pos := fmt.Sprintf("Position %d of 36", f.draft.Article("30").Position+1)
	if !shows(w, pos) {
		t.Errorf("tapping «الباب السابع» shows %q, want its first article, 30 (%s)", labels(w), pos)
	}
}

func TestSearchListsAtMost200Results(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	wb, w := f.open(t, a, ui.Options{Lang: "en"})
	typeQuery(t, wb, w, "ال")
	if n := len(searchResults(w)); n != 200 {
		t.Errorf("%d results listed, want 200", n)
	}
	if !shows(w, "More than 200 results: the first 200 are shown") {
		t.Errorf("the window shows %q, want that the list was cut", labels(w))
	}
}

func TestCtrlFFocusesTheSearchAndEscapeClosesIt(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	wb, w := f.open(t, a, ui.Options{Lang: "en"})
	field := searchField(t, w)
	w.Canvas().Unfocus()
	w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if w.Canvas().Focused() != field {
		t.Fatalf("Ctrl+F focused %v, want the search field", w.Canvas().Focused())
	}
	typeQuery(t, wb, w, "الغرفة")
	if w.Canvas().Focused() != field || len(searchResults(w)) == 0 {
		t.Fatal("no results for الغرفة typed after Ctrl+F")
	}
	tests := []struct {
		name   string
		escape func()
	}{
		{"in the field", func() { field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) }},
		{"elsewhere", func() {
			w.Canvas().Unfocus()
			w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			typeQuery(t, wb, w, "الغرفة")
			tt.escape()
			wb.WaitSearch()
			if n := len(searchResults(w)); n != 0 {
				t.Errorf("%d results still shown after Escape", n)
			}
			if !shows(w, "الباب الأول: أحكام عامة") {
				t.Errorf("the outline is not back: %q", labels(w))
			}
			if got := field.(interface{ Text() string }).Text(); got != "الغرفة" {
				t.Errorf("after Escape the field holds %q, want the query kept", got)
			}
		})
	}
}

// Escape closes the results and keeps the query; Enter in the field, or
// Ctrl+F, shows its results again, and so does typing it anew.
func TestTheQueryEscapeKeepsCanBeSearchedAgain(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	wb, w := f.open(t, a, ui.Options{Lang: "en"})
	field := searchField(t, w)
	typeQuery(t, wb, w, "معلل")
	if !shows(w, "1 result") {
		t.Fatalf("«معلل» shows %q, want its one result", labels(w))
	}
	for _, c := range []struct {
		name  string
		again func()
	}{
		{"Enter in the field", func() { field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) }},
		{"Ctrl+F", func() {
			w.Canvas().Unfocus()
			w.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
		}},
		{"the same query pasted", func() { typeQuery(t, wb, w, "معلل") }},
	} {
		t.Run(c.name, func(t *testing.T) {
			w.Canvas().Focus(field)
			field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
			wb.WaitSearch()
			if n := len(searchResults(w)); n != 0 || !shows(w, "الباب الأول: أحكام عامة") {
				t.Fatalf("after Escape %d results are listed and the outline is shown: %v", n, shows(w, "الباب الأول: أحكام عامة"))
			}
			c.again()
			wb.WaitSearch()
			if n := len(searchResults(w)); n != 1 || !shows(w, "1 result") {
				t.Errorf("%s lists %d results and shows %q, want the query's one result again", c.name, n, labels(w))
			}
		})
	}
}

// TestSearchSnapshot keeps the results of a search in Arabic as markup
// and as an image, to look at the order of the words and the highlight.
func TestSearchSnapshot(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "")
	wb, w := f.open(t, a, ui.Options{Lang: "ar", Role: "FED", Article: "2"})
	typeQuery(t, wb, w, "احكام")
	w.Canvas().Unfocus() // no blinking cursor in the snapshot
	snapshot.Assert(t, w.Canvas(), "search_ar")
}

// BenchmarkSearchShowsResults measures a query typed in the search field
// of the sample draft, from the search to the laid-out list of its 200
// results (the most shown).
func BenchmarkSearchShowsResults(b *testing.B) {
	wb, w, _ := benchWorkbench(b, ui.Timings{SearchPause: time.Nanosecond}) // no pause
	field := searchField(b, w)
	queries := []string{"ال", "الغرف"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		pasteQuery(field, queries[i%2])
		wb.WaitSearch()
	}
}

// fieldTexts returns the texts the search field draws, in drawing order,
// with their place in the field.
func fieldTexts(f fyne.Focusable) []*canvas.Text {
	var ts []*canvas.Text
	for _, o := range test.LaidOutObjects(f.(fyne.CanvasObject)) {
		if t, ok := o.(*canvas.Text); ok && !t.Hidden && t.Text != "" {
			ts = append(ts, t)
		}
	}
	return ts
}

// typeInField types q into the search field letter by letter, waiting for
// each search (see typeQuery for why).
func typeInField(wb *ui.Workbench, f fyne.Focusable, q string) {
	for _, r := range q {
		f.TypedRune(r)
		wb.WaitSearch()
	}
}

func TestSearchFieldShowsArabicRightToLeft(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	wb, w := f.open(t, a, ui.Options{Lang: "ar"})
	field := searchField(t, w)
	size := field.(fyne.CanvasObject).Size()
	// rightAligned tells whether a text drawn in the field ends at its
	// right padding.
	rightAligned := func(t *canvas.Text) bool {
		right := t.Position().X + t.Size().Width
		return right > size.Width-20 && right <= size.Width
	}
	// The placeholder, «البحث في المشروع», reads right to left too.
	if ts := fieldTexts(field); len(ts) != 1 || ts[0].Text != "\u202dعورشملا يف ثحبلا\u202c" || !rightAligned(ts[0]) {
		t.Fatalf("the empty field shows %v, want the Arabic placeholder, right-aligned", ts)
	}
	w.Canvas().Focus(field)
	if ts := fieldTexts(field); len(ts) != 0 {
		t.Errorf("the focused empty field shows %q, want no placeholder", ts[0].Text)
	}
	typeInField(wb, field, "غرفة الصناعة")
	field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := field.(interface{ Text() string }).Text(); got != "غرفة الصناعة" {
		t.Fatalf("the field holds %q after typing and Enter", got)
	}
	ts := fieldTexts(field)
	if len(ts) != 1 {
		t.Fatalf("the field draws %d texts, want the query only", len(ts))
	}
	// Drawn in visual order: the first word typed on the right, each
	// word's letters reversed for the left-to-right painter, which shapes
	// them back and joins them.
	if want := "\u202dةعانصلا ةفرغ\u202c"; ts[0].Text != want {
		t.Errorf("the field draws %q, want %q", ts[0].Text, want)
	}
	if !rightAligned(ts[0]) {
		t.Errorf("the query is drawn at %v, %v in a %v-wide field: want it right-aligned", ts[0].Position(), ts[0].Size(), size.Width)
	}
	if got, want := field.(fyne.CanvasObject).MinSize(), widget.NewEntry().MinSize(); got != want {
		t.Errorf("the field's min size is %v, want an Entry's %v", got, want)
	}
}

// TestSearchBarSnapshot keeps an image of the top bar with an Arabic query
// typed in the focused search field.
func TestSearchBarSnapshot(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "")
	wb, w := f.open(t, a, ui.Options{Lang: "ar", Role: "FED", Article: "2"})
	field := searchField(t, w)
	w.Canvas().Focus(field)
	typeInField(wb, field, "أحكام 12")
	o := field.(fyne.CanvasObject)
	bottom := fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Y + o.Size().Height
	img := w.Canvas().Capture()
	scale := float32(img.Bounds().Dx()) / w.Canvas().Size().Width
	bar := image.NewNRGBA(image.Rect(0, 0, img.Bounds().Dx(), int((bottom+12)*scale)))
	draw.Draw(bar, bar.Bounds(), img, image.Point{}, draw.Src)
	snapshot.AssertImage(t, "search_bar_ar", bar)
}

func TestClickingTheSearchFieldLetsYouType(t *testing.T) {
	f := newFixture(t)
	a := newApp(t, "FED")
	wb, w := f.open(t, a, ui.Options{Lang: "en", Article: "1"})
	field := searchField(t, w)
	w.Canvas().Unfocus()
	test.Tap(field.(fyne.Tappable))
	if w.Canvas().Focused() != field {
		t.Fatalf("after a click the focus is on %T, not the search field", w.Canvas().Focused())
	}
	test.Type(w.Canvas().Focused(), "معلل")
	wb.WaitSearch()
	if !shows(w, "1 result") {
		t.Errorf("typing «معلل» after clicking the field shows %q, want its one result", labels(w))
	}
}

// pressKey presses a key as the desktop driver delivers it: to the focused
// widget if there is one, to the window otherwise.
func pressKey(w fyne.Window, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := w.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	w.Canvas().OnTypedKey()(ev)
}

// After the results close, from a result that has the keyboard, and from
// the outline, PageDown and PageUp move between articles without a click
// first: whenever no editor is being typed in.
func TestPageKeysWorkAfterASearch(t *testing.T) {
	f := newFixture(t)
	wb, w := f.open(t, newApp(t, "FED"), ui.Options{Lang: "en", Article: "3"})
	typeQuery(t, wb, w, "الغرفة")
	pressKey(w, fyne.KeyEscape)
	wb.WaitSearch()
	pressKey(w, fyne.KeyPageDown)
	settle(t, wb)
	if !shows(w, "Position 4 of 36") {
		t.Fatalf("PageDown after Escape closed the results shows %q, want the next article", labels(w))
	}

	typeQuery(t, wb, w, "الغرفة")
	rs := searchResults(w)
	if len(rs) == 0 {
		t.Fatal("no results for الغرفة")
	}
	w.Canvas().Focus(rs[0].tap.(fyne.Focusable))
	pressKey(w, fyne.KeyReturn)
	settle(t, wb)
	before := positionShown(t, w)
	pressKey(w, fyne.KeyPageDown)
	settle(t, wb)
	if after := positionShown(t, w); after != before+1 {
		t.Errorf("PageDown from the focused result moved from position %d to %d, want the next article", before, after)
	}

	// The outline, once clicked, has the keyboard for Up, Down and
	// Enter; PageDown and PageUp still move between articles.
	pressKey(w, fyne.KeyEscape)
	wb.WaitSearch()
	w.Canvas().Focus(outlineTree(t, w))
	before = positionShown(t, w)
	pressKey(w, fyne.KeyPageUp)
	settle(t, wb)
	if after := positionShown(t, w); after != before-1 {
		t.Errorf("PageUp with the outline focused moved from position %d to %d, want the previous article", before, after)
	}
}

// positionShown is the position of the article shown, as the counter says
// it in English.
func positionShown(t *testing.T, w fyne.Window) int {
	t.Helper()
	for _, l := range labels(w) {
		var n, total int
		if _, err := fmt.Sscanf(l, "Position %d of %d", &n, &total); err == nil {
			return n
		}
	}
	t.Fatalf("no position in %q", labels(w))
	return 0
}
