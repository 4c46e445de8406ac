package round

import "statute/drafts"

// UndecidedCounts counts, by the key in version d of the article each
// concerns (see AmendmentsAt), the submitted amendments f passes that are
// still undecided: that no entry of the draft's decision log decides or
// names among the amendments a synthesis replaces. It is what the
// federation has left to do, article by article; an article with none is
// absent. It reads the draft's decision log (the store's Decisions); see
// UndecidedCountsIn. The errors are the store's.
func (r *Round) UndecidedCounts(d *drafts.Draft, f drafts.AmendmentFilter) (map[string]int, error) {
	log, err := r.store.Decisions(drafts.DecisionFilter{DraftID: d.ID})
	if err != nil {
		return nil, err
	}
	return r.UndecidedCountsIn(d, f, log)
}

// UndecidedCountsIn is UndecidedCounts with d's draft's decision log
// already read, for a caller that reads it anyway. With an empty log the
// store counts without reading the amendments; otherwise the submitted
// ones are read, once, to know each undecided one's article. The errors
// are the store's.
func (r *Round) UndecidedCountsIn(d *drafts.Draft, f drafts.AmendmentFilter, log []drafts.Decision) (map[string]int, error) {
	f.Status = drafts.StatusSubmitted
	f.DraftID, f.Article, f.Version = d.ID, "", 0
	if len(log) == 0 {
		return r.CountsAt(d, f)
	}
	decided := drafts.CurrentDecisions(log)
	as, err := r.store.Amendments(f)
	if err != nil {
		return nil, err
	}
	counts := map[string]int{}
	for i := range as {
		if decided[as[i].ID] != nil {
			continue
		}
		key, ok, err := r.KeyAt(d, &as[i])
		if err != nil {
			return nil, err
		}
		if ok {
			counts[key]++
		}
	}
	return counts, nil
}
