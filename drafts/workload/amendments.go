package workload

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"statute/drafts"
)

// Amendments returns n amendments to d's articles, as the twelve chambers
// would send them in one round: every chamber takes its turn in each run of
// twelve, so all appear once n ≥ 12. About 80% propose new wording (the
// article's text with a few words changed), 10% a repeal and 10% a new
// «مكررة» article after the target. A few articles draw many proposals,
// and now and then a chamber proposes word for word what another did.
// Created times spread over the thirty days from 21 July 2025, in working
// hours; IDs are the chamber's code and a counter in order of creation,
// such as "FM-0007". Every amendment passes Validate: a draft not yet
// stored, with no ID, is named "workload". It returns nil when n ≤ 0 or d
// has no article with a key.
func Amendments(d *drafts.Draft, n int, seed int64) []*drafts.Amendment {
	if d == nil || n <= 0 || !slices.ContainsFunc(d.Articles, hasKey) {
		return nil
	}
	draftID := d.ID
	if strings.TrimSpace(draftID) == "" {
		draftID = "workload"
	}
	r := newSource(seed, streamAmendments)
	// One article in twenty draws a third of the proposals, as
	// contentious articles (elections, finances) do.
	hot := make([]int, max(1, len(d.Articles)/20))
	for i := range hot {
		hot[i] = r.intn(len(d.Articles))
	}
	type proposal struct{ chamber, text string }
	proposed := make(map[string]proposal) // the last wording proposed, by article key
	out := make([]*drafts.Amendment, 0, n)
	var turn []int
	chambers := drafts.Chambers()
	for i := range n {
		if i%len(chambers) == 0 {
			turn = r.perm(len(chambers))
		}
		ch := chambers[turn[i%len(chambers)]]
		ai := r.intn(len(d.Articles))
		if r.chance(0.33) {
			ai = pick(r, hot)
		}
		for !hasKey(d.Articles[ai]) {
			ai = (ai + 1) % len(d.Articles)
		}
		art := &d.Articles[ai]
		a := &drafts.Amendment{
			DraftID:      draftID,
			DraftVersion: d.Version,
			BaseHash:     art.TextHash(),
			Article:      art.Key,
			Chamber:      ch.Code,
			Author:       author(ch, r.intn(2)),
			Status:       drafts.StatusSubmitted,
		}
		if r.chance(0.4) {
			a.Status = drafts.StatusDraft
		}
		day := r.intn(30)
		a.Created = epoch.Add(time.Duration(day)*24*time.Hour + time.Duration(r.intn(10*60))*time.Minute)
		a.Updated = a.Created
		if r.chance(0.3) {
			a.Updated = a.Created.Add(time.Duration(r.between(5, 3*24*60)) * time.Minute)
		}
		text := drafts.Visible(strings.ToValidUTF8(art.Text(), "\uFFFD"))
		newNumber := insertedNumber(drafts.Visible(strings.ToValidUTF8(art.Number, "\uFFFD")))
		switch k := r.intn(10); {
		case k == 0 || k == 1 && (newNumber == "" || len(newNumber) > drafts.MaxNumberBytes):
			a.Kind = drafts.Repeal
			a.Justification = pick(r, repealJustifications)
		case k == 1:
			a.Kind = drafts.Insert
			a.NewNumber = newNumber
			a.Text = joinBlocks(body(r, ai+1, len(d.Articles)))
			a.Justification = justification(r, ch)
		default:
			a.Kind = drafts.Wording
			a.Justification = justification(r, ch)
			if p, ok := proposed[art.Key]; ok && p.chamber != ch.Code && r.chance(0.15) {
				a.Text = p.text // the same proposal, reached independently
				break
			}
			lines := strings.Split(text, "\n")
			a.Text = strings.Join(reword(r, lines), "\n")
			if strings.TrimSpace(a.Text) == "" || len(a.Text) > drafts.MaxTextBytes {
				// Nothing to reword, or an article too long for one
				// amendment: the chamber proposes its own short text.
				a.Text = joinBlocks(body(r, ai+1, len(d.Articles)))
			}
			proposed[art.Key] = proposal{ch.Code, a.Text}
		}
		out = append(out, a)
	}
	slices.SortStableFunc(out, func(a, b *drafts.Amendment) int { return a.Created.Compare(b.Created) })
	counters := make(map[string]int)
	for _, a := range out {
		counters[a.Chamber]++
		a.ID = fmt.Sprintf("%s-%04d", a.Chamber, counters[a.Chamber])
	}
	return out
}

func hasKey(a drafts.Article) bool { return strings.TrimSpace(a.Key) != "" }

// insertedNumber is the number of an article inserted after one numbered
// number: «7» → «7 مكررة», «7 مكررة» → «7 مكررة مرتين»; "" after a ter.
func insertedNumber(number string) string {
	number = strings.TrimSpace(number)
	switch {
	case number == "":
		return ""
	case strings.HasSuffix(number, "مكررة مرتين"):
		return ""
	case strings.HasSuffix(number, "مكررة"):
		return number + " مرتين"
	}
	return number + " مكررة"
}

func joinBlocks(blocks [][]string) string {
	var lines []string
	for _, b := range blocks {
		lines = append(lines, b...)
	}
	return strings.Join(lines, "\n")
}

func justification(r *source, ch drafts.Chamber) string {
	j := pick(r, justifications)
	if strings.Contains(j, "%s") {
		j = fmt.Sprintf(j, ch.Region)
	}
	if r.chance(0.3) {
		if k := pick(r, justifications); !strings.Contains(k, "%s") && k != j {
			j += " " + k
		}
	}
	return j
}

// author is one of two people who write for a chamber, named after its
// place in the list so that a chamber keeps the same authors across runs.
func author(ch drafts.Chamber, k int) string {
	i := slices.IndexFunc(drafts.Chambers(), func(c drafts.Chamber) bool { return c.Code == ch.Code })
	return firstNames[(i*3+k*7)%len(firstNames)] + " " + lastNames[(i*5+k*2)%len(lastNames)]
}
