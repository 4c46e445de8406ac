package merge

import "slices"

// Compose writes the article whose text is base as the merge of sides
// makes it once a person has chosen in each conflict region: every change
// that merged cleanly is applied, and conflict region k takes the version
// pick(k, c) names, an index in c.Versions, or the article's own text of
// the region for -1 (or an index out of range). k and c are those of
// Merge(base, sides).Conflicts. Without conflicts it is Merge's Text.
//
// In a conflict between repeal and new wording (c.Repeal), the whole
// article is the region: a wording version gives its wording; the repeal,
// or -1, gives the article as it is, since a repeal has no text to edit.
// When the sides only repeal, the result is "".
//
// It prepares the text a person then reads and edits before it is adopted
// (round.Resolve); it decides nothing.
func Compose(base string, sides []Side, pick func(k int, c Conflict) int) string {
	if slices.ContainsFunc(sides, func(s Side) bool { return s.Repeal }) {
		r := Merge(base, sides)
		if len(r.Conflicts) == 0 {
			return r.Text
		}
		c := r.Conflicts[0]
		if v := pick(0, c); v >= 0 && v < len(c.Versions) && !c.Versions[v].Repeal {
			return c.Versions[v].Text
		}
		return c.Base
	}
	return merge(base, sides, pick).Text
}

// Alike is the pick for Compose that words region k as version v of
// conflict k, and every other region as a version that shares an
// amendment with that version, if one does (the same chamber's wording
// throughout), else as the article has it. conflicts are Merge's.
func Alike(conflicts []Conflict, k, v int) func(int, Conflict) int {
	ids := conflicts[k].Versions[v].Sides
	return func(j int, c Conflict) int {
		if j == k {
			return v
		}
		for i, other := range c.Versions {
			if slices.ContainsFunc(other.Sides, func(id string) bool { return slices.Contains(ids, id) }) {
				return i
			}
		}
		return -1
	}
}

// AsIs is the pick for Compose that keeps the article's text in every
// conflict region: the clean changes alone.
func AsIs(int, Conflict) int { return -1 }
